"""`xlplugin portfolio` for people: each journey, the gaps across journeys, shared phases
and personas side by side."""

from __future__ import annotations

from xlplugin.core.analysis.portfolio import TOP_GAPS, Portfolio
from xlplugin.core.analysis.quadrants import QUADRANTS
from xlplugin.text import Lang, Text, decimal


def num(value: float | None, lang: Lang, digits: int = 1) -> str:
    return decimal(value, lang, digits, missing="-")


def portfolio_text(portfolio: Portfolio, lang: Lang = "en", top: int | None = 20) -> str:
    """The overview for people: each journey, the gaps across journeys, the shared phases
    side by side, and where personas of one journey differ."""
    t = lambda en, nl: Text(en, nl).in_(lang)  # noqa: E731
    read, total = len(portfolio.read), len(portfolio.journeys)
    lines = [t(f"Portfolio of {total} journeys: {read} read, {total - read} could not be read",
               f"Portfolio van {total} klantreizen: {read} gelezen, {total - read} niet te lezen")]
    numbers = {j.file: n for n, j in enumerate(portfolio.journeys, start=1)}
    for j in portfolio.journeys:
        lines.append("")
        n = numbers[j.file]
        if not j.read:
            lines.append(f"J{n}  {j.file}")
            lines.append("    " + t("could not be read: ", "niet te lezen: ") + (j.error.in_(lang) if j.error else ""))
            continue
        lines.append(f"J{n}  {j.file}: {j.name(lang)}")
        counts = j.counts or {}
        facts = [f"{t('persona', 'persona')} {j.persona or '-'}"]
        if j.scenario:
            facts.append(j.scenario)
        facts.append(t(f"{len(j.touchpoints)} touchpoints", f"{len(j.touchpoints)} contactmomenten"))
        facts.append(t(f"mean rating {num(j.mean_rating, lang)} ({j.scale})",
                       f"gemiddelde waardering {num(j.mean_rating, lang)} ({j.scale})"))
        facts.append(t(f"{counts.get('error', 0)} errors, {counts.get('warning', 0)} warnings",
                       f"{counts.get('error', 0)} fouten, {counts.get('warning', 0)} waarschuwingen"))
        lines.append("    " + " · ".join(facts))
        gaps = ", ".join(f"{g.id} {g.touchpoint or ''} ({num(g.gap, lang)})".replace("  ", " ")
                         for g in j.ranked[:TOP_GAPS])
        lines.append("    " + t("top gaps: ", "grootste gaps: ") + (gaps or "-"))
        lines.append("    " + t("moments of truth at risk: ", "moments of truth in gevaar: ")
                     + (", ".join(j.moments_at_risk) or "-"))
    lines.append("")
    shown = portfolio.gaps if top is None else portfolio.gaps[:top]
    lines.append(t(f"Priority gaps across journeys ({len(shown)} of {len(portfolio.gaps)})",
                   f"Prioriteiten over alle klantreizen ({len(shown)} van {len(portfolio.gaps)})"))
    width = max([len(q.in_(lang)) for q in QUADRANTS.values()])
    lines.append(t(f"{'rank':>5}  {'gap':>5}  {'journey':<7} {'quadrant':<{width}}  {'ID':<8} touchpoint",
                   f"{'rang':>5}  {'gap':>5}  {'reis':<7} {'kwadrant':<{width}}  {'ID':<8} contactmoment"))
    for g in shown:
        tp = g.touchpoint
        mark = "*" if tp.moment_of_truth else " "
        lines.append(f"{g.rank:>5}{mark} {num(tp.gap, lang):>5}  J{numbers[g.journey.file]:<6} "
                     f"{QUADRANTS[tp.quadrant].in_(lang):<{width}}  {tp.id:<8} {tp.touchpoint or ''}")
    lines.append(t("  * moment of truth", "  * moment of truth"))
    lines.append("")
    if portfolio.phases:
        lines.append(t("Shared phases (mean rating per journey)", "Gedeelde fasen (gemiddelde waardering per reis)"))
        for phase in portfolio.phases:
            cells = "  ".join(f"J{numbers[j.file]} {num(p.mean_rating, lang)}" for j, p in phase.journeys)
            lines.append(f"  {phase.name[:30]:<30} {cells}")
    else:
        lines.append(t("Shared phases: none (no phase name is in two journeys)",
                       "Gedeelde fasen: geen (geen fasenaam komt in twee reizen voor)"))
    for group in portfolio.personas:
        lines.append("")
        who = ", ".join(f"J{numbers[j.file]} {j.persona or '-'}" for j in group.journeys)
        lines.append(t(f"Personas of '{group.title}': {who}", f"Persona's van '{group.title}': {who}"))
        for kind, diffs in ((t("phase", "fase"), group.phases), (t("touchpoint", "contactmoment"), group.touchpoints[:10])):
            for d in diffs:
                label = d.name if kind != t("touchpoint", "contactmoment") else f"{d.key} {d.name or ''}"
                values = "  ".join(f"{num(r, lang)}/{num(e, lang)}" for r, e in zip(d.ratings, d.emotions, strict=True))
                lines.append(f"  {kind:<13} {values}   {t('spread', 'verschil')} {num(d.spread, lang):>4}   {label}")
        lines.append(t("  (rating/emotion per persona, in the order above)",
                       "  (waardering/emotie per persona, in de volgorde hierboven)"))
    return "\n".join(lines)

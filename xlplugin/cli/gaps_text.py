"""The priority gaps as text for people and as CSV that is safe to open in Excel."""

from __future__ import annotations

import csv
import io

from xlplugin.core.analysis.quadrants import QUADRANTS
from xlplugin.core.analysis.ranking import Priorities, Priority
from xlplugin.text import Lang, Text, decimal

CSV_COLUMNS = ("rank", "id", "phase", "touchpoint", "importance", "rating", "gap", "quadrant",
               "moment_of_truth", "respondents", "source", "uncertain", "opportunity")
_UNSAFE_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """A CSV cell that a spreadsheet will not run: text starting with = + - @, a tab or a
    carriage return gets a leading apostrophe. Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_UNSAFE_START):
        return "'" + value
    return value


def gaps_csv(priorities: Priorities, top: int | None = None) -> str:
    """The ranking as CSV, one row per touchpoint (ranked first, then the unrated)."""
    rows = priorities.ranked[:top] if top is not None else priorities.touchpoints
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for p in rows:
        data = p.to_dict()
        writer.writerow([safe_cell(data[c]) for c in CSV_COLUMNS])
    return out.getvalue()


def _num(value: float | None, lang: Lang, digits: int = 1) -> str:
    return decimal(value, lang, digits, missing="-")


def _quadrant_width(lang: Lang) -> int:
    return max(len(q.in_(lang)) for q in QUADRANTS.values())


def _line(p: Priority, lang: Lang) -> str:
    # The touchpoint's words come last and whole: a terminal wraps them, never cuts them.
    mark = ("*" if p.moment_of_truth else " ") + ("?" if p.uncertain else " ")
    return (f"{p.rank or '-':>4} {mark} {p.id:<8} {_num(p.importance, lang):>6} {_num(p.rating, lang):>6} "
            f"{_num(p.gap, lang):>8}  {QUADRANTS[p.quadrant].in_(lang):<{_quadrant_width(lang)}}  {p.touchpoint or ''}"
            ).rstrip()


def gaps_text(priorities: Priorities, lang: Lang = "en", top: int | None = None) -> str:
    """The ranking, the phases' mean rating and emotion, and the moments of truth at risk."""
    s = priorities.scale
    t = lambda en, nl: Text(en, nl).in_(lang)  # noqa: E731
    lines = [
        t(f"Priority gaps (scale {s.name}; important from {_num(s.importance_threshold, 'en', 1)}, "
          f"low rating up to {_num(s.rating_threshold, 'en', 1)})",
          f"Prioriteiten (schaal {s.name}; belangrijk vanaf {_num(s.importance_threshold, 'nl', 1)}, "
          f"lage waardering tot en met {_num(s.rating_threshold, 'nl', 1)})"),
    ]
    if priorities.uses_responses:
        lines.append(t("Importance and rating are the means of the Responses sheet where it has answers.",
                       "Belang en waardering zijn de gemiddelden van het blad Antwoorden waar dat antwoorden heeft."))
    if priorities.importance_source == "derived":
        lines.append(t("Importance is derived: how strongly each rating moves with the overall rating "
                       "(min + (max - min) x r); touchpoints with fewer than 10 answers keep their stated importance.",
                       "Belang is afgeleid: hoe sterk elke waardering meebeweegt met het totaaloordeel "
                       "(min + (max - min) x r); contactmomenten met minder dan 10 antwoorden houden hun gesteld belang."))
    waves = [w for w in priorities.waves if w is not None]
    if len(waves) > 1:
        lines.append(t(f"Waves: {' → '.join(waves)}; the values are those of each touchpoint's latest wave "
                       "(xlplugin progress shows the change).",
                       f"Metingen: {' → '.join(waves)}; de waarden zijn die van de laatste meting per contactmoment "
                       "(xlplugin progress toont de verandering)."))
    lines.append("")
    q = _quadrant_width(lang)
    lines.append(t(f"{'rank':>4}    {'ID':<8} {'import':>6} {'rating':>6} {'gap':>8}  {'quadrant':<{q}}  touchpoint",
                   f"{'rang':>4}    {'ID':<8} {'belang':>6} {'waard.':>6} {'gapscore':>8}  {'kwadrant':<{q}}  contactmoment"))
    shown = priorities.ranked[:top] if top is not None else priorities.touchpoints
    lines.extend(_line(p, lang) for p in shown)
    lines.append(t("  * moment of truth   ? uncertain: the 95% interval crosses a threshold",
                   "  * moment of truth   ? onzeker: het 95%-interval ligt over een drempel"))
    lines.append("")
    lines.append(t("Phases (mean rating, mean emotion):", "Fasen (gemiddelde waardering, gemiddelde emotie):"))
    for v in priorities.phases:
        lines.append(f"  {v.name:<30} {_num(v.mean_rating, lang):>6} {_num(v.mean_emotion, lang, 2):>6}")
    risk = ", ".join(p.id for p in priorities.moments_at_risk) or "-"
    lines.append("")
    lines.append(t(f"Moments of truth at risk: {risk}", f"Moments of truth in gevaar: {risk}"))
    shares = ", ".join(f"{QUADRANTS[q].in_(lang)} {round(100 * v)}%" for q, v in priorities.quadrant_shares.items() if v)
    lines.append(t(f"Quadrants: {shares}", f"Kwadranten: {shares}"))
    return "\n".join(lines)

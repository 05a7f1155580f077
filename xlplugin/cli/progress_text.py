"""`xlplugin progress` for people: ratings per wave, change and target, then the actions."""

from __future__ import annotations

from xlplugin.core.analysis.progress import Progress
from xlplugin.core.layout import STATUSES
from xlplugin.text import Lang, Text, decimal


def _num(x: float | None, lang: Lang, digits: int = 2) -> str:
    return decimal(x, lang, digits, missing="-")


_STATUS = {c.code: Text(c.en[0], c.nl[0]) for c in STATUSES}


def progress_text(progress: Progress, lang: Lang = "en") -> str:
    """Progress for people: ratings per wave, change, target; then the actions, late ones marked."""
    def t(en: str, nl: str) -> str:
        return Text(en, nl).in_(lang)

    lines = []
    if progress.waves:
        lines.append(t("Waves: ", "Metingen: ") + " → ".join(progress.waves))
    else:
        lines.append(t("One measurement (no Wave column on the Responses sheet).",
                       "Eén meting (geen kolom Meting op het blad Antwoorden)."))
    lines.append("")
    lines.append(t("Touchpoints (rating per wave, change, p, target):",
                   "Contactmomenten (waardering per meting, verandering, p, doel):"))
    width = min(max((len(p.touchpoint or "") for p in progress.touchpoints), default=0), 60)
    for p in progress.touchpoints:
        series = " → ".join(_num(w.rating, lang) for w in p.waves) if p.waves else _num(p.rating, lang)
        c = p.change
        if c is None:
            change = ""
        else:
            sign = "+" if c.rating >= 0 else ""
            mark = t(" significant", " significant") if c.significant else t(" not significant", " niet significant")
            change = f"  {sign}{_num(c.rating, lang)} (p {_num(c.p, lang, 3)}{mark})"
        target = ""
        if p.target_rating is not None:
            met = {True: t("met", "gehaald"), False: t("missed", "niet gehaald"), None: "-"}[p.target_met]
            target = t(f"  target {_num(p.target_rating, lang, 1)}: {met}", f"  doel {_num(p.target_rating, lang, 1)}: {met}")
        lines.append(f"  {p.id:<8} {p.touchpoint or '':<{width}} {series}{change}{target}")
    lines.append("")
    lines.append(t(f"Actions (today {progress.today.isoformat()}):", f"Acties (vandaag {progress.today.isoformat()}):"))
    owners = min(max((len(a.action.owner or "-") for a in progress.actions), default=0), 30)
    statuses = [(_STATUS[a.action.status].in_(lang) if a.action.status in _STATUS else (a.action.status or "-"))
                 + (t(" OVERDUE", " TE LAAT") if a.overdue else "") for a in progress.actions]
    status_width = max((len(s) for s in statuses), default=0)
    for a, status in zip(progress.actions, statuses, strict=True):
        act = a.action  # the action's own words last and whole: a terminal wraps them, never cuts them
        lines.append(f"  {act.touchpoint_id:<8} {act.due or '-':<11} {status:<{status_width}}  "
                     f"{act.owner or '-':<{owners}}  {act.action or ''}".rstrip())
    met = sum(p.target_met is True for p in progress.touchpoints)
    missed = sum(p.target_met is False for p in progress.touchpoints)
    lines.append("")
    lines.append(t(f"Targets met: {met}, missed: {missed}; actions overdue: {len(progress.overdue)}",
                   f"Doelen gehaald: {met}, niet gehaald: {missed}; acties te laat: {len(progress.overdue)}"))
    return "\n".join(lines)

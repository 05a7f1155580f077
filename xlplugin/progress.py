"""Closing the loop: per touchpoint the rating per wave, the change and the target; per
action its owner, due date, status and whether it is overdue (DESIGN.md, Progress)."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from typing import Any

from .errors import WorkbookError
from .layout import STATUSES
from .model import Action, Journey
from .ranking import Priorities, Priority
from .survey import as_date
from .text import Lang, Text

TODAY_VARIABLE = "XLPLUGIN_TODAY"
"""Set to YYYY-MM-DD to fix the date of "today" (tests, reproducible runs)."""

_QUARTER = re.compile(r"^\s*(?:q|k)([1-4])[\s\-/]*(\d{4})\s*$|^\s*(\d{4})[\s\-/]*(?:q|k)([1-4])\s*$", re.IGNORECASE)


def today(given: str | dt.date | None = None) -> dt.date:
    """The date of "today": `given`, else $XLPLUGIN_TODAY, else the system's date.
    WorkbookError names the value that is not a date."""
    value = given if given is not None else os.environ.get(TODAY_VARIABLE)
    if isinstance(value, dt.date):
        return value
    if value:
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            where = "--today" if given is not None else TODAY_VARIABLE
            raise WorkbookError(Text(f"{where} '{value}' is not a date: write it as YYYY-MM-DD, e.g. 2027-03-31.",
                                     f"{where} '{value}' is geen datum: schrijf hem als JJJJ-MM-DD, bijv. 2027-03-31.")) from None
    return dt.date.today()


def due_date(due: str | None) -> dt.date | None:
    """The date an action is due: an ISO or Dutch-style date, or the last day of a quarter
    written as Q2 2027 / 2027-Q2 (K2 2027 in Dutch); None when it names no date."""
    if not due:
        return None
    day = as_date(due)
    if day is not None:
        return day
    m = _QUARTER.match(due)
    if m:
        quarter, year = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
        month = quarter * 3
        return dt.date(year, month, 30 if month in (6, 9) else 31)
    return None


def is_overdue(action: Action, on: dt.date) -> bool:
    """Due before `on` and not done."""
    due = due_date(action.due)
    return due is not None and due < on and action.status != "done"


@dataclass(frozen=True)
class ActionState:
    action: Action
    overdue: bool

    def to_dict(self) -> dict[str, Any]:
        a = self.action
        return {"touchpoint_id": a.touchpoint_id, "action": a.action, "owner": a.owner, "due": a.due,
                "status": a.status, "overdue": self.overdue}


@dataclass(frozen=True)
class Progress:
    """What changed since the last measurement and what is late."""

    waves: tuple[str | None, ...]
    touchpoints: tuple[Priority, ...]
    """Every touchpoint, in journey order."""
    actions: tuple[ActionState, ...]
    today: dt.date

    @property
    def overdue(self) -> tuple[ActionState, ...]:
        return tuple(a for a in self.actions if a.overdue)

    def to_dict(self) -> dict[str, Any]:
        """``progress --format json`` (DESIGN.md, Progress)."""
        def r2(x: float | None) -> float | None:
            return None if x is None else round(x, 2)

        return {
            "waves": list(self.waves),
            "today": self.today.isoformat(),
            "touchpoints": [
                {"id": p.id, "touchpoint": p.touchpoint, "rating": r2(p.rating), "target_rating": p.target_rating,
                 "target_met": p.target_met, "waves": [w.to_dict() for w in p.waves],
                 "change": None if p.change is None else p.change.to_dict()}
                for p in self.touchpoints
            ],
            "actions": [a.to_dict() for a in self.actions],
        }


def track_progress(journey: Journey, priorities: Priorities, on: dt.date | None = None) -> Progress:
    """The progress of `journey`, whose ranking is `priorities`, as of `on` (default: today())."""
    on = on or today()
    by_id = {p.id: p for p in priorities.touchpoints}
    shown = tuple(by_id[tp.id] for tp in journey.touchpoints if tp.id in by_id)
    waves = tuple(w for w in priorities.waves if w is not None)
    return Progress(waves, shown, tuple(ActionState(a, is_overdue(a, on)) for a in journey.actions), on)


def _num(x: float | None, lang: Lang, digits: int = 2) -> str:
    if x is None:
        return "-"
    text = f"{x:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


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

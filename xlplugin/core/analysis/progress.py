"""Closing the loop: per touchpoint the rating per wave, the change and the target; per
action its owner, due date, status and whether it is overdue (docs/design.md, Progress)."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from typing import Any

from xlplugin.core.analysis.ranking import Priorities, Priority
from xlplugin.core.analysis.survey_stats import as_date
from xlplugin.core.model import Action, Journey
from xlplugin.errors import WorkbookError
from xlplugin.text import Text

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
        """``progress --format json`` (docs/design.md, Progress)."""
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

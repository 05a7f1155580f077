"""The rules of re-measurement and follow-up: overall ratings off the scale or contradicting
each other, and actions past their due date."""

from __future__ import annotations

from collections.abc import Iterator

from xlplugin.core.analysis.progress import due_date, today
from xlplugin.core.checks.context import Context
from xlplugin.core.checks.rules import Rule, _out_of_scale
from xlplugin.core.checks.schema_check import shown
from xlplugin.core.findings import Finding
from xlplugin.core.layout import RESPONSES, STATUSES
from xlplugin.text import Text, long_date, normalise_name

_STATUS = {c.code: Text(c.en[0].lower(), c.nl[0].lower()) for c in STATUSES}


def one_overall_per_wave(ctx: Context) -> Iterator[Finding]:
    """The overall rating lies on the journey's scale, and a respondent gives one per wave;
    a different second one is reported where it stands."""
    scale = ctx.journey.scale
    low, high = scale.minimum, scale.maximum
    first: dict[tuple[str | None, str], tuple[float, str]] = {}
    names: dict[str, str] = {}  # a respondent has many rows: normalise each name once
    for r in ctx.journey.responses:
        value = r.overall
        if value is None:
            continue
        if not low <= value <= high:
            yield from _out_of_scale(ctx, f"{r.pointer}/overall", RESPONSES.field("overall"), value)
            continue
        person = names.get(r.respondent)
        if person is None:
            person = names[r.respondent] = normalise_name(r.respondent)
        key = (r.wave, person)
        seen = first.get(key)
        if seen is None:
            first[key] = (value, r.pointer)
        elif seen[0] != value and f"{r.pointer}/overall" not in ctx.flagged:
            _, cell = ctx.locator.locate(f"{seen[1]}/overall")
            wave = Text(f" ({r.wave})", f" ({r.wave})") if r.wave else ""
            yield ctx.at("overall-conflict", f"{r.pointer}/overall", respondent=r.respondent, value=shown(value),
                         first=shown(seen[0]), where=cell or "?", wave=wave)


def actions_on_time(ctx: Context) -> Iterator[Finding]:
    """An action past its due date that is not done is late (the date of today can be fixed)."""
    if not ctx.journey.actions:
        return
    now = today(ctx.settings.today)
    for a in ctx.journey.actions:
        due = due_date(a.due)
        if due is None or due >= now or a.status == "done":
            continue
        status = _STATUS.get(a.status or "", Text("without a status", "zonder status"))
        when = Text(long_date(a.due, "en") or str(a.due), long_date(a.due, "nl") or str(a.due))  # 1 oktober 2026
        yield ctx.at("action-overdue", f"{a.pointer}/due", id=a.touchpoint_id, due=when, status=status,
                     owner=a.owner or Text("the owner", "de eigenaar"))


PROGRESS_RULES: tuple[Rule, ...] = (one_overall_per_wave, actions_on_time)

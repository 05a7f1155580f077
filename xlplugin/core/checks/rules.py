"""The journey's own rules, beyond what the schema can say: each a small function that
yields findings and never raises."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from xlplugin.core.analysis.quadrants import quadrant
from xlplugin.core.analysis.survey_stats import order_waves
from xlplugin.core.checks.context import Context
from xlplugin.core.checks.references import first_cell, links, references_known
from xlplugin.core.checks.schema_check import shown
from xlplugin.core.findings import Finding
from xlplugin.core.layout import ACTIONS, BLUEPRINT, JOURNEY, TOUCHPOINTS, Field
from xlplugin.text import Text, normalise_name

Rule = Callable[[Context], Iterator[Finding]]

SCALE_FIELDS = {"touchpoints": ("importance", "rating", "target_rating"), "responses": ("importance", "rating")}
BEHIND_THE_SCENES = ("backstage", "support-process")


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _scale_hint(ctx: Context) -> Text:
    scale = ctx.journey.scale.name
    sheet = ctx.sheet_name(JOURNEY)
    label = ctx.field_name(JOURNEY.field("rating_scale"))
    return Text(
        f" This journey uses the scale {scale} ({sheet.en}, {label.en}).",
        f" Deze klantreis gebruikt de schaal {scale} ({sheet.nl}, {label.nl}).",
    )


def _out_of_scale(ctx: Context, pointer: str, field: Field, value: object) -> Iterator[Finding]:
    scale = ctx.journey.scale
    if not _number(value) or scale.minimum <= value <= scale.maximum or pointer in ctx.flagged:  # type: ignore[operator]
        return
    allowed = Text(f"from {scale.minimum} to {scale.maximum}", f"van {scale.minimum} tot {scale.maximum}")
    yield ctx.at("out-of-range", pointer, field=ctx.field_name(field), value=shown(value), allowed=allowed,
                 why=_scale_hint(ctx))


def thresholds_on_scale(ctx: Context) -> Iterator[Finding]:
    """The importance and rating thresholds and the overall target lie inside the journey's scale."""
    for key in ("importance_threshold", "rating_threshold", "overall_target"):
        yield from _out_of_scale(ctx, f"/journey/{key}", JOURNEY.field(key), (ctx.document.get("journey") or {}).get(key))


def values_on_scale(ctx: Context) -> Iterator[Finding]:
    """Importance, rating and target rating lie on the journey's scale (touchpoints and responses)."""
    low, high = ctx.journey.scale.minimum, ctx.journey.scale.maximum
    numbers = (int, float)  # exactly: a bool is no number here
    for section, keys in SCALE_FIELDS.items():
        for i, row in enumerate(ctx.document.get(section) or []):  # 100,000 responses: no calls per value
            if type(row) is not dict:
                continue
            for key in keys:
                value = row.get(key)
                if type(value) in numbers and not low <= value <= high:
                    yield from _out_of_scale(ctx, f"/{section}/{i}/{key}", TOUCHPOINTS.field(key), value)


def persona_has_goals(ctx: Context) -> Iterator[Finding]:
    """A persona without goals and without needs is a name, not a persona."""
    persona = ctx.journey.persona
    if "persona" in ctx.locator.records and persona.name and not persona.goals and not persona.needs:
        yield ctx.at("persona-without-goals", "/persona/goals")



def phases_unique(ctx: Context) -> Iterator[Finding]:
    """Each phase is listed once."""
    seen: dict[str, str] = {}
    for phase in ctx.journey.phases:
        key = normalise_name(phase.name)
        if key in seen:
            yield ctx.at("duplicate-phase", f"{phase.pointer}/name", phase=phase.name,
                         first=first_cell(ctx, f"{seen[key]}/name"))
        else:
            seen[key] = phase.pointer


def phases_have_touchpoints(ctx: Context) -> Iterator[Finding]:
    """A phase without touchpoints is a gap in the map."""
    if "touchpoints" not in ctx.locator.tables:
        return
    used = {normalise_name(t.phase) for t in ctx.journey.touchpoints if t.phase}
    reported: set[str] = set()
    quiet = links(ctx).quiet_phases
    for phase in ctx.journey.phases:
        key = normalise_name(phase.name)
        if key not in used and key not in reported and phase.pointer not in quiet:
            reported.add(key)
            yield ctx.at("empty-phase", f"{phase.pointer}/name", phase=phase.name, sheet_name=ctx.sheet_name(TOUCHPOINTS))




def touchpoints_rated(ctx: Context) -> Iterator[Finding]:
    """A touchpoint without importance or rating cannot be ranked."""
    rated_by_responses = {normalise_name(r.touchpoint_id) for r in ctx.journey.responses}
    for i, row in enumerate(ctx.document.get("touchpoints") or []):
        if not row.get("id") or normalise_name(str(row["id"])) in rated_by_responses:
            continue
        missing = [k for k in ("importance", "rating") if k not in row and f"/touchpoints/{i}/{k}" not in ctx.flagged]
        if not missing:
            continue
        words = Text(*(" and ".join(TOUCHPOINTS.field(k).name.en.lower() for k in missing),
                       " en ".join(TOUCHPOINTS.field(k).name.nl.lower() for k in missing)))
        yield ctx.at("unrated-touchpoint", f"/touchpoints/{i}/{missing[0]}", id=row["id"], missing=words,
                     scale=ctx.journey.scale.name)


def enough_respondents(ctx: Context) -> Iterator[Finding]:
    """A rating resting on few respondents is a warning, not a fact (the real n when responses
    exist: with waves, those of the latest wave the touchpoint was measured in, as its rating is)."""
    minimum = ctx.settings.min_respondents
    who: dict[tuple[str, str | None], set[str]] = {}
    answered: set[tuple[str, str | None]] = set()  # a value on the scale: the wave measured it
    low, high = ctx.journey.scale.minimum, ctx.journey.scale.maximum
    for r in ctx.journey.responses:
        key = (normalise_name(r.touchpoint_id), r.wave)
        who.setdefault(key, set()).add(normalise_name(r.respondent))
        if any(v is not None and low <= v <= high for v in (r.importance, r.rating)):
            answered.add(key)
    rank = {w: i for i, w in enumerate(order_waves(r.wave for r in ctx.journey.responses))}
    latest: dict[str, tuple[bool, int, str | None]] = {}  # per touchpoint: measured, respondents, wave
    for (tid, wave), people in sorted(who.items(), key=lambda item: rank[item[0][1]]):
        measured = (tid, wave) in answered
        if measured or not latest.get(tid, (False,))[0]:
            latest[tid] = (measured, len(people), wave)
    for tp in ctx.journey.touchpoints:
        _, n, wave = latest.get(normalise_name(tp.id), (False, 0, None))
        n = n or tp.respondents
        if n is not None and n < minimum and (n >= 0 or f"{tp.pointer}/respondents" not in ctx.flagged):
            where = "respondents" if ctx.locator.has_place("touchpoints", "respondents") else "id"
            in_wave = Text(f" in the wave {wave}", f" in de meting {wave}") if wave is not None else Text("", "")
            yield ctx.at("low-respondents", f"{tp.pointer}/{where}", id=tp.id, n=n, minimum=minimum, in_wave=in_wave)


def _known_ids(ctx: Context) -> set[str]:
    return {normalise_name(t.id) for t in ctx.journey.touchpoints}



def backstage_present(ctx: Context) -> Iterator[Finding]:
    """The blueprint's reality check: something happens behind every touchpoint."""
    if not ctx.locator.has_place("blueprint", "lane"):
        return  # no Blueprint sheet or no Lane column: reported as such already
    behind = {normalise_name(s.touchpoint_id) for s in ctx.journey.blueprint if s.lane in BEHIND_THE_SCENES}
    quiet = links(ctx).quiet_touchpoints
    for tp in ctx.journey.touchpoints:
        if normalise_name(tp.id) not in behind and tp.pointer not in quiet:
            yield ctx.at("no-backstage", f"{tp.pointer}/id", id=tp.id, sheet_name=ctx.sheet_name(BLUEPRINT))


def gaps_have_actions(ctx: Context) -> Iterator[Finding]:
    """Every touchpoint in 'concentrate here' has an improvement action."""
    if "actions" not in ctx.locator.tables:
        return
    scale = ctx.journey.scale
    acted = {normalise_name(a.touchpoint_id) for a in ctx.journey.actions}
    quiet = links(ctx).quiet_touchpoints
    for tp in ctx.journey.touchpoints:
        if tp.pointer in quiet:
            continue
        on_scale = all(v is not None and scale.minimum <= v <= scale.maximum for v in (tp.importance, tp.rating))
        if on_scale and quadrant(tp.importance, tp.rating, scale) == "concentrate-here" and normalise_name(tp.id) not in acted:
            yield ctx.at("gap-without-action", f"{tp.pointer}/id", id=tp.id, importance=shown(tp.importance),
                         rating=shown(tp.rating), sheet_name=ctx.sheet_name(ACTIONS))


def actions_complete(ctx: Context) -> Iterator[Finding]:
    """An action has an owner and a measurable target."""
    for action in ctx.journey.actions:
        if not action.owner:
            yield ctx.at("action-without-owner", f"{action.pointer}/owner", id=action.touchpoint_id)
        if not action.target:
            yield ctx.at("action-without-target", f"{action.pointer}/target", id=action.touchpoint_id)


RULES: tuple[Rule, ...] = (
    thresholds_on_scale,
    values_on_scale,
    persona_has_goals,
    phases_unique,
    references_known,
    phases_have_touchpoints,
    touchpoints_rated,
    enough_respondents,
    backstage_present,
    gaps_have_actions,
    actions_complete,
)

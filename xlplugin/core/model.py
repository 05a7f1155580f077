"""The journey model: frozen dataclasses built from a document.

Building is tolerant: a value of the wrong type (which the schema check reports at
its cell) is taken as missing, so analysis can go on over whatever is sound. Every
object keeps its `pointer` into the document; the locator turns it into a cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from xlplugin.core.analysis.quadrants import Scale
from xlplugin.core.document import Document
from xlplugin.text import Lang


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) else None


def _number(data: dict[str, Any], key: str) -> float | None:
    value = data.get(key)
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _int(data: dict[str, Any], key: str) -> int | None:
    value = data.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@dataclass(frozen=True)
class JourneyInfo:
    title: str | None
    objective: str | None
    why: str | None
    research_method: str | None
    scope_start: str | None
    scope_end: str | None
    scenario: str | None
    owner: str | None
    date: str | None
    scale: Scale
    importance_source: str = "stated"
    """"stated" (the answers on importance) or "derived" (the correlation with the overall rating)."""
    overall_target: float | None = None
    """The overall satisfaction aimed for, on the scale (None: no target, or one off the scale)."""


@dataclass(frozen=True)
class Persona:
    name: str | None
    role: str | None
    description: str | None
    goals: str | None
    needs: str | None
    frustrations: str | None
    preferred_channels: str | None
    quote: str | None


@dataclass(frozen=True)
class Phase:
    pointer: str
    name: str
    customer_goal: str | None
    description: str | None


class Touchpoint(NamedTuple):
    """One touchpoint (named tuples for the rows: a merged portfolio holds 10,000 and more)."""

    pointer: str
    id: str
    phase: str | None
    name: str | None
    channel: str | None
    customer_action: str | None
    importance: float | None
    rating: float | None
    emotion: int | None
    moment_of_truth: bool
    owner: str | None
    respondents: int | None
    target_rating: float | None
    kpi: str | None
    notes: str | None
    unreadable: tuple[str, ...] = ()
    """"importance", "rating": typed but not a number (the check reports them)."""


def _unreadable(data: dict[str, Any], *keys: str) -> tuple[str, ...]:
    return tuple(k for k in keys if data.get(k) is not None and _number(data, k) is None)


class BlueprintStep(NamedTuple):
    pointer: str
    touchpoint_id: str
    lane: str | None
    activity: str | None
    department: str | None
    system: str | None


class Action(NamedTuple):
    pointer: str
    touchpoint_id: str
    action: str | None
    owner: str | None
    due: str | None
    target: str | None
    status: str | None


class Response(NamedTuple):
    """One respondent's answer about one touchpoint (a named tuple: a survey holds 100,000 of them)."""

    pointer: str
    respondent: str
    touchpoint_id: str
    importance: float | None
    rating: float | None
    emotion: int | None
    comment: str | None
    wave: str | None = None
    """The measurement the answer belongs to (None without a Wave column)."""
    overall: float | None = None
    """The respondent's overall satisfaction with the journey, on this or another of their rows."""


@dataclass(frozen=True)
class Journey:
    """One journey map with its persona, phases, touchpoints, blueprint, actions and responses."""

    language: Lang
    info: JourneyInfo
    persona: Persona
    phases: tuple[Phase, ...]
    touchpoints: tuple[Touchpoint, ...]
    blueprint: tuple[BlueprintStep, ...]
    actions: tuple[Action, ...]
    responses: tuple[Response, ...]

    @property
    def scale(self) -> Scale:
        return self.info.scale

    @classmethod
    def from_document(cls, doc: Document) -> Journey:
        """The model of `doc`; rows without their key (an ID, a phase name) are left out."""
        j = doc.get("journey") or {}
        p = doc.get("persona") or {}
        scale_name = j.get("rating_scale") if j.get("rating_scale") in ("1-5", "1-10") else None
        default = Scale.of(scale_name)
        # A threshold outside the scale is reported by the check and replaced by the default.
        thresholds = [
            t if t is not None and default.minimum <= t <= default.maximum else None
            for t in (_number(j, "importance_threshold"), _number(j, "rating_threshold"))
        ]
        info = JourneyInfo(
            *(
                _text(j, k)
                for k in ("title", "objective", "why", "research_method", "scope_start", "scope_end")
            ),
            j.get("scenario") if j.get("scenario") in ("as-is", "to-be") else None,
            _text(j, "owner"),
            _text(j, "date"),
            Scale.of(scale_name, *thresholds),
            "derived" if j.get("importance_source") == "derived" else "stated",
            target if (target := _number(j, "overall_target")) is not None
            and default.minimum <= target <= default.maximum else None,
        )
        persona = Persona(
            *(
                _text(p, k)
                for k in (
                    "name",
                    "role",
                    "description",
                    "goals",
                    "needs",
                    "frustrations",
                    "preferred_channels",
                    "quote",
                )
            )
        )

        def rows(section: str) -> list[tuple[str, dict[str, Any]]]:
            return [
                (f"/{section}/{i}", r) for i, r in enumerate(doc.get(section) or []) if isinstance(r, dict)
            ]

        phases = tuple(
            Phase(ptr, r["name"], _text(r, "customer_goal"), _text(r, "description"))
            for ptr, r in rows("phases")
            if _text(r, "name")
        )
        touchpoints = tuple(
            Touchpoint(
                ptr,
                r["id"],
                _text(r, "phase"),
                _text(r, "name"),
                _text(r, "channel"),
                _text(r, "customer_action"),
                _number(r, "importance"),
                _number(r, "rating"),
                _int(r, "emotion"),
                r.get("moment_of_truth") is True,
                _text(r, "owner"),
                _int(r, "respondents"),
                _number(r, "target_rating"),
                _text(r, "kpi"),
                _text(r, "notes"),
                _unreadable(r, "importance", "rating"),
            )
            for ptr, r in rows("touchpoints")
            if _text(r, "id")
        )
        blueprint = tuple(
            BlueprintStep(
                ptr,
                r["touchpoint_id"],
                _text(r, "lane"),
                _text(r, "activity"),
                _text(r, "department"),
                _text(r, "system"),
            )
            for ptr, r in rows("blueprint")
            if _text(r, "touchpoint_id")
        )
        actions = tuple(
            Action(
                ptr,
                r["touchpoint_id"],
                _text(r, "action"),
                _text(r, "owner"),
                _text(r, "due"),
                _text(r, "target"),
                _text(r, "status"),
            )
            for ptr, r in rows("actions")
            if _text(r, "touchpoint_id")
        )
        responses = tuple(_responses(doc.get("responses") or []))
        lang: Lang = "nl" if doc.get("language") == "nl" else "en"
        return cls(lang, info, persona, phases, touchpoints, blueprint, actions, responses)


_NUMBERS = (int, float)
_new = tuple.__new__


def _responses(items: list[Any]) -> Any:
    """The responses (a survey may hold 100,000): the helpers above, inlined for speed."""
    for i, r in enumerate(items):
        if type(r) is not dict:
            continue
        respondent, touchpoint = r.get("respondent"), r.get("touchpoint_id")
        if type(respondent) is not str or not respondent or type(touchpoint) is not str or not touchpoint:
            continue
        importance, rating, emotion, comment = r.get("importance"), r.get("rating"), r.get("emotion"), r.get("comment")
        wave, overall = r.get("wave"), r.get("overall")
        yield _new(Response, (  # Response(...) without its argument parsing
            f"/responses/{i}", respondent, touchpoint,
            importance if type(importance) in _NUMBERS else None,
            rating if type(rating) in _NUMBERS else None,
            emotion if type(emotion) is int else None,
            comment if type(comment) is str else None,
            wave if type(wave) is str else None,
            overall if type(overall) in _NUMBERS else None,
        ))

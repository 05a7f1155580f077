"""As-is against to-be: what the redesign changes, touchpoint by touchpoint (matched by ID)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xlplugin.core.analysis.ranking import Priority, rank_gaps
from xlplugin.core.model import Journey
from xlplugin.text import Text, normalise_name


@dataclass(frozen=True)
class Change:
    """One touchpoint present in both maps."""

    before: Priority
    after: Priority

    @property
    def id(self) -> str:
        return self.after.id

    def delta(self, name: str) -> float | None:
        a, b = getattr(self.before, name), getattr(self.after, name)
        return None if a is None or b is None else b - a

    def to_dict(self) -> dict[str, Any]:
        def pair(name: str) -> dict[str, Any]:
            a, b, d = getattr(self.before, name), getattr(self.after, name), self.delta(name)
            r = lambda x: None if x is None else round(x, 2)  # noqa: E731
            return {"before": r(a), "after": r(b), "change": r(d)}

        return {
            "id": self.id, "touchpoint": self.after.touchpoint,
            "phase": {"before": self.before.phase, "after": self.after.phase},
            "rating": pair("rating"), "emotion": pair("emotion"), "gap": pair("gap"),
            "quadrant": {"before": self.before.quadrant, "after": self.after.quadrant},
        }


@dataclass(frozen=True)
class Comparison:
    changed: tuple[Change, ...]
    added: tuple[Priority, ...]
    removed: tuple[Priority, ...]
    phases_added: tuple[str, ...]
    phases_removed: tuple[str, ...]
    warnings: tuple[Text, ...] = ()
    """Why this comparison is probably not the one meant (two unrelated or swapped journeys)."""
    phases_renamed: tuple[tuple[str, str], ...] = ()
    """(as-is name, to-be name) of a phase given another name: not removed and added."""

    @property
    def moved(self) -> tuple[Change, ...]:
        """Touchpoints that moved to another phase (a renamed phase is the same phase)."""
        same = {normalise_name(a): normalise_name(b) for a, b in self.phases_renamed}

        def phase(name: str | None) -> str:
            key = normalise_name(name or "")
            return same.get(key, key)

        return tuple(c for c in self.changed if phase(c.before.phase) != normalise_name(c.after.phase or ""))

    def to_dict(self) -> dict[str, Any]:
        brief = lambda p: {"id": p.id, "touchpoint": p.touchpoint, "phase": p.phase}  # noqa: E731
        return {
            "touchpoints": [c.to_dict() for c in self.changed],
            "added": [brief(p) for p in self.added],
            "removed": [brief(p) for p in self.removed],
            "warnings": [w.en for w in self.warnings],
            "phases": {"added": list(self.phases_added), "removed": list(self.phases_removed),
                       **({"renamed": [{"from": a, "to": b} for a, b in self.phases_renamed]}
                          if self.phases_renamed else {}),
                       "moved": [{"id": c.id, "from": c.before.phase, "to": c.after.phase} for c in self.moved]},
        }



def comparison_warnings(as_is: Journey, to_be: Journey) -> list[Text]:
    """Why a comparison of these two journeys is probably not the one meant (none when it is)."""
    warnings = []
    ids_a = {normalise_name(t.id) for t in as_is.touchpoints}
    ids_b = {normalise_name(t.id) for t in to_be.touchpoints}
    if ids_a and ids_b and not ids_a & ids_b:
        warnings.append(Text(
            "The two journeys share no touchpoint ID, so nothing can be compared touchpoint by touchpoint: "
            "are they two versions of the same journey?",
            "De twee klantreizen hebben geen enkele contactmoment-ID gemeen, dus er valt per contactmoment "
            "niets te vergelijken: zijn het twee versies van dezelfde klantreis?",
        ))
    scenario_a, scenario_b = as_is.info.scenario, to_be.info.scenario
    date_a, date_b = as_is.info.date, to_be.info.date
    if scenario_a == "to-be" and scenario_b == "as-is":
        warnings.append(Text(
            "The first workbook says it is the to-be and the second the as-is: swap them (as-is first).",
            "De eerste werkmap zegt dat hij de gewenste situatie is en de tweede de huidige: draai ze om "
            "(huidig eerst).",
        ))
    elif date_a and date_b and str(date_b) < str(date_a):
        warnings.append(Text(
            f"The to-be ({date_b}) is dated before the as-is ({date_a}): are they in the right order (as-is first)?",
            f"De gewenste situatie ({date_b}) is eerder gedateerd dan de huidige ({date_a}): staan ze in de "
            "goede volgorde (huidig eerst)?",
        ))
    return warnings


def _ids_by_phase(journey: Journey) -> dict[str, set[str]]:
    held: dict[str, set[str]] = {}
    for tp in journey.touchpoints:
        held.setdefault(normalise_name(tp.phase or ""), set()).add(normalise_name(tp.id))
    return held


def renamed_phases(as_is: Journey, to_be: Journey) -> tuple[tuple[str, str], ...]:
    """Phases of the as-is that the to-be names otherwise: a phase whose name is gone is the
    same as a new one when most of its touchpoints (by ID) are in it, or, when neither holds
    touchpoints both maps share, when it stands at the same place in the journey."""
    names_b = {normalise_name(p.name) for p in to_be.phases}
    names_a = {normalise_name(p.name) for p in as_is.phases}
    gone = [p.name for p in as_is.phases if normalise_name(p.name) not in names_b]
    new = [p.name for p in to_be.phases if normalise_name(p.name) not in names_a]
    held_a, held_b = _ids_by_phase(as_is), _ids_by_phase(to_be)
    pairs: list[tuple[str, str]] = []
    taken: set[str] = set()
    for old in gone:  # by the touchpoints it holds
        held = held_a.get(normalise_name(old), set())
        shared = {n: len(held & held_b.get(normalise_name(n), set())) for n in new}
        best = max(new, key=shared.__getitem__, default=None)
        if best is not None and best not in taken and held and shared[best] * 2 > len(held):
            pairs.append((old, best))
            taken.add(best)
    order_a = [normalise_name(p.name) for p in as_is.phases]
    for old in gone:  # else by its place in the journey
        if any(a == old for a, _ in pairs):
            continue
        at = order_a.index(normalise_name(old))
        if at < len(to_be.phases):
            candidate = to_be.phases[at].name
            if candidate in new and candidate not in taken:
                pairs.append((old, candidate))
                taken.add(candidate)
    return tuple(pairs)


def compare(as_is: Journey, to_be: Journey) -> Comparison:
    """What changes from `as_is` to `to_be`: touchpoints matched by ID (in the to-be's
    journey order), phases by name, a renamed phase by its touchpoints or its place."""
    ranked_a, ranked_b = rank_gaps(as_is), rank_gaps(to_be)
    before = {normalise_name(p.id): p for p in ranked_a.touchpoints}
    after = {normalise_name(p.id): p for p in ranked_b.touchpoints}
    order_b = [normalise_name(tp.id) for tp in to_be.touchpoints]
    order_a = [normalise_name(tp.id) for tp in as_is.touchpoints]
    phase_a = {normalise_name(p.name): p.name for p in as_is.phases}
    phase_b = {normalise_name(p.name): p.name for p in to_be.phases}
    renamed = renamed_phases(as_is, to_be)
    old_names = {normalise_name(a) for a, _ in renamed}
    new_names = {normalise_name(b) for _, b in renamed}
    return Comparison(
        tuple(Change(before[k], after[k]) for k in dict.fromkeys(order_b) if k in before),
        tuple(after[k] for k in dict.fromkeys(order_b) if k not in before),
        tuple(before[k] for k in dict.fromkeys(order_a) if k not in after),
        tuple(name for k, name in phase_b.items() if k not in phase_a and k not in new_names),
        tuple(name for k, name in phase_a.items() if k not in phase_b and k not in old_names),
        tuple(comparison_warnings(as_is, to_be)),
        renamed,
    )

"""As-is against to-be: what the redesign changes, touchpoint by touchpoint (matched by ID)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .commandline import comparison_warnings
from .model import Journey
from .priorities import QUADRANTS
from .ranking import Priority, rank_gaps
from .text import Lang, Text, normalise_name


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

    @property
    def moved(self) -> tuple[Change, ...]:
        """Touchpoints that moved to another phase."""
        return tuple(c for c in self.changed
                     if normalise_name(c.before.phase or "") != normalise_name(c.after.phase or ""))

    def to_dict(self) -> dict[str, Any]:
        brief = lambda p: {"id": p.id, "touchpoint": p.touchpoint, "phase": p.phase}  # noqa: E731
        return {
            "touchpoints": [c.to_dict() for c in self.changed],
            "added": [brief(p) for p in self.added],
            "removed": [brief(p) for p in self.removed],
            "warnings": [w.en for w in self.warnings],
            "phases": {"added": list(self.phases_added), "removed": list(self.phases_removed),
                       "moved": [{"id": c.id, "from": c.before.phase, "to": c.after.phase} for c in self.moved]},
        }

    def text(self, lang: Lang = "en") -> str:
        t = lambda en, nl: Text(en, nl).in_(lang)  # noqa: E731

        def num(x: float | None, sign: bool = False) -> str:
            if x is None:
                return "-"
            s = f"{x:+.1f}" if sign else f"{x:.1f}"
            return s.replace(".", ",") if lang == "nl" else s

        lines = [t(f"{'ID':<8} {'touchpoint':<40} {'rating':>13} {'emotion':>9} {'gap':>15}  quadrant",
                   f"{'ID':<8} {'contactmoment':<40} {'waardering':>13} {'emotie':>9} {'gap':>15}  kwadrant")]
        for c in self.changed:
            q = (QUADRANTS[c.after.quadrant].in_(lang) if c.before.quadrant == c.after.quadrant
                 else f"{QUADRANTS[c.before.quadrant].in_(lang)} -> {QUADRANTS[c.after.quadrant].in_(lang)}")
            lines.append(
                f"{c.id:<8} {(c.after.touchpoint or '')[:40]:<40} "
                f"{num(c.after.rating):>5} ({num(c.delta('rating'), True):>5}) "
                f"{num(c.after.emotion, True):>4} ({num(c.delta('emotion'), True):>3}) "
                f"{num(c.after.gap):>6} ({num(c.delta('gap'), True):>6})  {q}"
            )
        lines.append("")
        for title, items in ((t("Added", "Toegevoegd"), self.added), (t("Removed", "Verwijderd"), self.removed)):
            lines.append(f"{title}: " + (", ".join(f"{p.id} ({p.touchpoint})" for p in items) or "-"))
        changes = [*(f"+{p}" for p in self.phases_added), *(f"-{p}" for p in self.phases_removed),
                   *(f"{c.id}: {c.before.phase} -> {c.after.phase}" for c in self.moved)]
        lines.append(t("Phases: ", "Fasen: ") + ("; ".join(changes) or t("unchanged", "ongewijzigd")))
        return "\n".join(lines)


def compare(as_is: Journey, to_be: Journey) -> Comparison:
    """What changes from `as_is` to `to_be`: touchpoints matched by ID (in the to-be's
    journey order), phases by name."""
    ranked_a, ranked_b = rank_gaps(as_is), rank_gaps(to_be)
    before = {normalise_name(p.id): p for p in ranked_a.touchpoints}
    after = {normalise_name(p.id): p for p in ranked_b.touchpoints}
    order_b = [normalise_name(tp.id) for tp in to_be.touchpoints]
    order_a = [normalise_name(tp.id) for tp in as_is.touchpoints]
    phase_a = {normalise_name(p.name): p.name for p in as_is.phases}
    phase_b = {normalise_name(p.name): p.name for p in to_be.phases}
    return Comparison(
        tuple(Change(before[k], after[k]) for k in dict.fromkeys(order_b) if k in before),
        tuple(after[k] for k in dict.fromkeys(order_b) if k not in before),
        tuple(before[k] for k in dict.fromkeys(order_a) if k not in after),
        tuple(name for k, name in phase_b.items() if k not in phase_a),
        tuple(name for k, name in phase_a.items() if k not in phase_b),
        tuple(comparison_warnings(as_is, to_be)),
    )

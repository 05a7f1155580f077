"""Importance-performance analysis (Martilla & James 1977): quadrants and the gap score.

The definitions here are the project's contract (docs/design.md, "Priority gaps"); the
template's live Excel formulas compute the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from xlplugin.text import Text

QUADRANTS: dict[str, Text] = {  # the one set of names: workbook, deck and command line
    "concentrate-here": Text("Concentrate here", "Hier concentreren"),
    "keep-up": Text("Keep up the good work", "Sterk punt, vasthouden"),
    "low-priority": Text("Low priority", "Lage prioriteit"),
    "possible-overkill": Text("Possible overkill", "Mogelijk te veel van het goede"),
    "unrated": Text("Unrated", "Niet beoordeeld"),
}


@dataclass(frozen=True)
class Scale:
    """A rating scale with its thresholds: importance >= `importance_threshold` is
    important, rating <= `rating_threshold` is mediocre or low."""

    minimum: int
    maximum: int
    importance_threshold: float
    rating_threshold: float

    @classmethod
    def of(
        cls, name: str | None = None, importance: float | None = None, rating: float | None = None
    ) -> Scale:
        """The scale called `name` ("1-5", the default, or "1-10"), with the default
        thresholds (4 and 3 on 1-5, 7 and 6 on 1-10) where none is given."""
        if name == "1-10":
            return cls(1, 10, 7 if importance is None else importance, 6 if rating is None else rating)
        return cls(1, 5, 4 if importance is None else importance, 3 if rating is None else rating)

    @property
    def name(self) -> str:
        return f"{self.minimum}-{self.maximum}"


GAP_FORMULA = Text(
    "100 × (importance − min)/(max − min) × (max − rating)/(max − min)",
    "100 × (belang − min)/(max − min) × (max − waardering)/(max − min)",
)
"""The gap score in words, as the deck's notes and the guides state it."""


def gap_score(importance: float, rating: float, scale: Scale) -> float:
    """0-100: high when the touchpoint is important and rated low (`GAP_FORMULA`)."""
    span = scale.maximum - scale.minimum
    return 100 * (importance - scale.minimum) / span * (scale.maximum - rating) / span


def gap_formula(importance: str, rating: str, minimum: str, maximum: str) -> str:
    """`gap_score` as a spreadsheet formula over the four cell references given, so the
    template's live column computes exactly what the core does."""
    span = f"({maximum}-{minimum})"
    return f"100*({importance}-{minimum})/{span}*({maximum}-{rating})/{span}"


def quadrant(importance: float | None, rating: float | None, scale: Scale) -> str:
    """The importance-performance quadrant code of a touchpoint."""
    if importance is None or rating is None:
        return "unrated"
    if importance >= scale.importance_threshold:
        return "concentrate-here" if rating <= scale.rating_threshold else "keep-up"
    return "low-priority" if rating <= scale.rating_threshold else "possible-overkill"

"""The questionnaire of a journey, as plain data: per touchpoint an importance and a
satisfaction question on the journey's scale with labelled end points, an overall-
satisfaction question and a closing comment question. Every touchpoint question carries
the touchpoint's ID as "(E05)", the form `survey import` recognises first.

Pure Python; the writers (writers.py) turn it into each tool's import format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from xlplugin.core.model import Journey
from xlplugin.surveys.answers import labels
from xlplugin.surveys.columns import code_of
from xlplugin.text import Lang, Text

GRID = {
    "importance": Text("How important is each of these moments to you?",
                       "Hoe belangrijk is elk van deze momenten voor u?"),
    "rating": Text("How satisfied are you with each of these moments?",
                   "Hoe tevreden bent u over elk van deze momenten?"),
}
SINGLE = {
    "importance": Text("How important is this to you: {statement}?", "Hoe belangrijk is dit voor u: {statement}?"),
    "rating": Text("How satisfied are you with this: {statement}?", "Hoe tevreden bent u hierover: {statement}?"),
}
OVERALL = Text("All in all, how satisfied are you overall with {title}?",
               "Hoe tevreden bent u, alles bij elkaar, in het algemeen over {title}?")
COMMENT = Text("Anything else you want to tell us? (comment)", "Wilt u nog iets kwijt? (opmerking)")
INTRO = Text(
    "For each moment below: how important it is to you, and how satisfied you are with it, on a scale "
    "of {lo} ({lo_label}) to {hi} ({hi_label}). Skip a moment you did not go through.",
    "Geef per moment hieronder aan hoe belangrijk het voor u is en hoe tevreden u erover bent, op een schaal "
    "van {lo} ({lo_label}) tot {hi} ({hi_label}). Sla een moment over dat u niet hebt meegemaakt.",
)


@dataclass(frozen=True)
class Statement:
    """One touchpoint as the questionnaire names it."""

    touchpoint_id: str
    code: str
    """The ID as a question code may hold it (letters and digits only)."""
    text: str
    """'Compares tariffs on a comparison site (E01)'"""
    phase: str


@dataclass(frozen=True)
class Questionnaire:
    title: str
    lang: Lang
    minimum: int
    maximum: int
    statements: tuple[Statement, ...]

    @property
    def points(self) -> int:
        return self.maximum - self.minimum + 1

    def grid(self, kind: str) -> str:
        return GRID[kind].in_(self.lang)

    def single(self, kind: str, statement: Statement) -> str:
        return SINGLE[kind].in_(self.lang).format(statement=statement.text)

    def labels(self, kind: str) -> tuple[str, ...]:
        """The answer labels: one per point on 1-5, the two end points on 1-10."""
        return labels(kind, self.points, self.lang)

    def point_labels(self, kind: str) -> list[str]:
        """A label per point: '1 - Zeer ontevreden' ... '5 - Zeer tevreden' (10 points: numbers, ends labelled)."""
        words = self.labels(kind)
        if len(words) == self.points:
            return list(words)
        out = [str(n) for n in range(self.minimum, self.maximum + 1)]
        out[0] = f"{self.minimum} - {words[0]}"
        out[-1] = f"{self.maximum} - {words[-1]}"
        return out

    @property
    def overall(self) -> str:
        return OVERALL.in_(self.lang).format(title=self.title)

    @property
    def comment(self) -> str:
        return COMMENT.in_(self.lang)

    @property
    def intro(self) -> str:
        words = self.labels("rating")
        return INTRO.in_(self.lang).format(lo=self.minimum, hi=self.maximum, lo_label=words[0], hi_label=words[-1])


class UnknownTouchpoints(ValueError):
    def __init__(self, ids: Sequence[str]):
        super().__init__(", ".join(ids))
        self.ids = list(ids)


def build(journey: Journey, lang: Lang, only: Sequence[str] | None = None) -> Questionnaire:
    """The questionnaire of `journey` in `lang`, for all its touchpoints or the IDs in `only`."""
    touchpoints = [t for t in journey.touchpoints if t.id]
    if only:
        wanted = {o.strip().casefold() for o in only if o.strip()}
        ids = {t.id.casefold() for t in touchpoints}
        unknown = [o.strip() for o in only if o.strip() and o.strip().casefold() not in ids]
        if unknown:
            raise UnknownTouchpoints(unknown)
        touchpoints = [t for t in touchpoints if t.id.casefold() in wanted]
    statements = tuple(
        Statement(t.id, code_of(t.id), f"{(t.name or t.id).strip()} ({t.id})", t.phase or "") for t in touchpoints
    )
    title = journey.info.title or ("the journey" if lang == "en" else "de klantreis")
    return Questionnaire(title, lang, journey.scale.minimum, journey.scale.maximum, statements)

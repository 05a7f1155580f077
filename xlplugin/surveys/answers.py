"""Answers as survey tools write them, turned into numbers on the journey's scale.

Pure Python: numbers ("4", "4,0", 4.0), a number with its label ("4 - Tevreden",
"4. Satisfied"), the usual label scales in Dutch and English for 5- and 7-point
questions (and the labelled end points of a 10-point one), and the words and codes
that mean "no answer". A column on another scale than the journey's is refused as a
whole: nothing is rescaled silently.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from xlplugin.text import Text

Kind = Literal["importance", "rating", "overall"]

NO_ANSWER = frozenset({
    "", "n.v.t.", "n.v.t", "nvt", "niet van toepassing", "n/a", "na", "n.a.", "not applicable",
    "weet niet", "weet ik niet", "geen mening", "don't know", "dont know", "do not know", "no opinion",
    "-", "--", "x", "geen antwoord", "no answer", "prefer not to say", "zeg ik liever niet",
    "-99", "-99.0", "seen but unanswered", "not displayed", "-77",
})
"""Words for 'no answer' in both languages, and the codes tools write for a question seen
but not answered (Qualtrics: -99 in numeric exports)."""


def fold(text: object) -> str:
    """Text as labels are compared: case-folded, accents off, one space, no end punctuation."""
    s = unicodedata.normalize("NFKD", str(text).replace("\u00a0", " "))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = s.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    return " ".join(s.split()).strip(" .;:!")


def _scale(*positions: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(w) for w in p.split("|")) for p in positions)


# Each scale: its positions from low to high, each with the words that name it.
IMPORTANCE_SCALES: tuple[tuple[tuple[str, ...], ...], ...] = (
    _scale("Not at all important", "Slightly important", "Moderately important", "Very important",
           "Extremely important"),
    _scale("Not important", "Of little importance|Somewhat important", "Moderately important|Neutral",
           "Important", "Very important"),
    _scale("Helemaal niet belangrijk", "Niet belangrijk|Een beetje belangrijk", "Neutraal|Redelijk belangrijk",
           "Belangrijk", "Zeer belangrijk|Heel belangrijk|Erg belangrijk"),
    _scale("Not at all important", "Low importance", "Slightly important", "Neutral", "Moderately important",
           "Very important", "Extremely important"),
    _scale("Helemaal niet belangrijk", "Niet belangrijk", "Enigszins onbelangrijk", "Neutraal",
           "Enigszins belangrijk", "Belangrijk", "Zeer belangrijk|Heel belangrijk"),
)
SATISFACTION_SCALES: tuple[tuple[tuple[str, ...], ...], ...] = (
    _scale("Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied|Neutral", "Satisfied",
           "Very satisfied"),
    _scale("Extremely dissatisfied", "Somewhat dissatisfied", "Neither satisfied nor dissatisfied|Neutral",
           "Somewhat satisfied", "Extremely satisfied"),
    _scale("Zeer ontevreden|Heel ontevreden", "Ontevreden",
           "Neutraal|Niet tevreden, niet ontevreden|Niet tevreden en niet ontevreden", "Tevreden",
           "Zeer tevreden|Heel tevreden"),
    _scale("Very poor", "Poor", "Fair|Average", "Good", "Excellent|Very good"),
    _scale("Zeer slecht", "Slecht", "Redelijk|Matig|Gemiddeld", "Goed", "Zeer goed|Uitstekend"),
    _scale("Very dissatisfied", "Dissatisfied", "Somewhat dissatisfied", "Neither satisfied nor dissatisfied|Neutral",
           "Somewhat satisfied", "Satisfied", "Very satisfied"),
    _scale("Zeer ontevreden", "Ontevreden", "Enigszins ontevreden",
           "Neutraal|Niet tevreden, niet ontevreden", "Enigszins tevreden", "Tevreden", "Zeer tevreden"),
)
ALL_SCALES = IMPORTANCE_SCALES + SATISFACTION_SCALES

LABELS = {
    "importance": {
        5: {"en": ("Not at all important", "Slightly important", "Moderately important", "Very important",
                   "Extremely important"),
            "nl": ("Helemaal niet belangrijk", "Niet belangrijk", "Neutraal", "Belangrijk", "Zeer belangrijk")},
        10: {"en": ("Not at all important", "Extremely important"), "nl": ("Helemaal niet belangrijk", "Zeer belangrijk")},
    },
    "rating": {
        5: {"en": ("Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied",
                   "Very satisfied"),
            "nl": ("Zeer ontevreden", "Ontevreden", "Neutraal", "Tevreden", "Zeer tevreden")},
        10: {"en": ("Very dissatisfied", "Very satisfied"), "nl": ("Zeer ontevreden", "Zeer tevreden")},
    },
}
"""The labels the questionnaire writes: every point of a 5-point scale, the end points of a 10-point one."""


def labels(kind: str, points: int, lang: str) -> tuple[str, ...]:
    """The labels `survey make` puts on a question: all points (5), or both end points (10)."""
    return LABELS["importance" if kind == "importance" else "rating"][points]["nl" if lang == "nl" else "en"]


_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_LEADING = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*(?:[-–—:.=)]|\s)\s*(\S.*)?$")


def as_number(value: object) -> float | None:
    """`value` as a number when it is one ("4", "4,5", 4.0), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    text = str(value).strip().replace("\u00a0", "")
    if _NUMBER.match(text):
        return float(text.replace(",", "."))
    return None


@dataclass
class Problem:
    """One answer that could not be read: its row (as in the file) and why."""

    row: int
    value: str
    reason: Text


@dataclass
class ColumnAnswers:
    """The answers of one column on the journey's scale."""

    values: dict[int, float] = field(default_factory=dict)
    """Row in the file -> the number."""
    problems: list[Problem] = field(default_factory=list)
    refused: Text | None = None
    """Why the whole column is on another scale than the journey's (nothing of it is taken)."""
    scale_words: Literal["importance", "satisfaction", None] = None
    """Which kind of label scale the words came from (evidence for a column without question text)."""


def _label_positions(words: set[str]) -> tuple[tuple[tuple[str, ...], ...], str | None] | None:
    """The first known label scale that names all `words`, and its kind (None when labels of
    both kinds' scales fit, as 'Neutraal' alone does)."""
    found: list[tuple[tuple[tuple[str, ...], ...], str]] = []
    for scales, kind in ((IMPORTANCE_SCALES, "importance"), (SATISFACTION_SCALES, "satisfaction")):
        for scale in scales:
            names = {w for position in scale for w in position}
            if words <= names:
                found.append((scale, kind))
    if not found:
        return None
    kinds = {k for _, k in found}
    return found[0][0], (found[0][1] if len(kinds) == 1 else None)


def _position(scale: tuple[tuple[str, ...], ...], word: str) -> int:
    return next(i for i, p in enumerate(scale, start=1) if word in p)


def read_column(cells: Sequence[tuple[int, object]], minimum: int, maximum: int) -> ColumnAnswers:
    """The answers of one column (`cells`: row in the file, value), on the journey's scale minimum..maximum."""
    out = ColumnAnswers()
    points = maximum - minimum + 1
    words: dict[int, tuple[str, str]] = {}
    numbers: dict[int, tuple[float, str]] = {}
    for row, value in cells:
        if value is None:
            continue
        raw = str(value).strip()
        folded = fold(raw)
        if folded in NO_ANSWER:
            continue
        n = as_number(value)
        if n is None:
            lead = _LEADING.match(raw)
            if lead:
                n = as_number(lead.group(1))
        if n is not None:
            if n == -99:  # Qualtrics: seen but unanswered
                continue
            numbers[row] = (n, raw)
        else:
            words[row] = (folded, raw)
    if words:
        found = _label_positions({w for w, _ in words.values()})
        if found is None:
            for row, (w, raw) in words.items():
                known = any(w in p for s in ALL_SCALES for p in s)
                out.problems.append(Problem(row, raw, Text(
                    "a label that belongs to no known answer scale" if not known else
                    "a label from another answer scale than the rest of the column",
                    "een label van geen bekende antwoordschaal" if not known else
                    "een label van een andere antwoordschaal dan de rest van de kolom")))
        else:
            scale, kind = found
            out.scale_words = kind  # type: ignore[assignment]
            if len(scale) != points:
                example = next(iter(words.values()))[1]
                out.refused = Text(
                    f"its answers are on a {len(scale)}-point scale ('{example}') and the journey's scale is "
                    f"{minimum}-{maximum}",
                    f"de antwoorden staan op een {len(scale)}-puntsschaal ('{example}') en de schaal van de "
                    f"klantreis is {minimum}-{maximum}")
                return out
            for row, (w, _) in words.items():
                out.values[row] = float(minimum + _position(scale, w) - 1)
    outside = [(row, n, raw) for row, (n, raw) in numbers.items() if not minimum <= n <= maximum]
    if outside and numbers and (len(outside) >= 2 and len(outside) * 5 >= len(numbers)):
        low = min(n for n, _ in numbers.values())
        high = max(n for n, _ in numbers.values())
        out.refused = Text(
            f"its answers run from {low:g} to {high:g} and the journey's scale is {minimum}-{maximum}",
            f"de antwoorden lopen van {low:g} tot {high:g} en de schaal van de klantreis is {minimum}-{maximum}")
        out.values.clear()
        return out
    for row, (n, raw) in numbers.items():
        if minimum <= n <= maximum:
            out.values[row] = n
        else:
            out.problems.append(Problem(row, raw, Text(
                f"{n:g} lies outside the scale {minimum}-{maximum}", f"{n:g} ligt buiten de schaal {minimum}-{maximum}")))
    return out


def clean_number(n: float) -> int | float:
    """4.0 as 4; 4.5 stays."""
    return int(n) if float(n).is_integer() else n

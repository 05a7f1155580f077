"""Which column of an export holds which touchpoint's importance, satisfaction or comment.

Pure Python. In order of trust: the touchpoint ID in the question or its code ("(E05)",
"[E05]", "BELANG[E05]"), else the touchpoint's text (normalised; a fuzzy match only
when it is unambiguous), else the --map file. Whether a column is importance or
satisfaction comes from the question text in either language, else from the words of
its answers, else from the order (a touchpoint's first grid is importance, its second
satisfaction: Microsoft Forms heads Likert columns with the statement alone).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from xlplugin.surveys.answers import fold
from xlplugin.surveys.detect import Column
from xlplugin.text import Text

FIELDS = ("importance", "rating", "overall", "comment", "general_comment")
"""importance / rating / comment of one touchpoint; overall satisfaction and a general
comment belong to the respondent, never to a touchpoint."""

_IMPORTANCE = re.compile(r"belang|important|importance|\bimp\b|^imp|gewicht")
_RATING = re.compile(r"tevreden|satisf|waardering|waardeer|beoordeel|\brating\b|\brate\b|score|cijfer|\bsat\b"
                     r"|^sat|^tevr|^waard|ervaring|experience|how (?:good|well)|hoe goed|rapportcijfer")
_OVERALL = re.compile(r"overall|totaal|algeheel|over het geheel|in het algemeen|alles bij elkaar|all in all"
                      r"|as a whole|in geheel|^overall|^totaal|geheel genomen|in total")
_COMMENT = re.compile(r"comment|opmerking|toelichting|remark|anything else|nog iets|feedback|suggest|verbeter"
                      r"|improve|\bwhy\b|waarom|explain|uitleg|^opm|^comm|toevoegen|to add|open vraag"
                      r"|open question")
_BRACKETED = re.compile(r"[\[(]\s*([^\[\]()]{1,40}?)\s*[\])]")
_CODE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_]*)\s*\[\s*([^\[\]]{1,40}?)\s*\]\s*$")


@dataclass(frozen=True)
class TouchpointKey:
    id: str
    name: str
    phase: str = ""


@dataclass
class Mapped:
    """One column and what it holds."""

    column: Column
    touchpoint_id: str | None
    field: str | None
    how: str = ""
    """by id / by text / fuzzy / by map / by order / by answer words"""


@dataclass
class Ignored:
    column: Column
    reason: Text


def code_of(touchpoint_id: str) -> str:
    """The ID as a question code may hold it (letters and digits only; LimeSurvey's rule)."""
    return re.sub(r"[^0-9A-Za-z]", "", touchpoint_id) or "X"


def _norm(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", fold(text)).strip()


def _fields_in(text: str) -> set[str]:
    t = fold(text)
    found = set()
    if _COMMENT.search(t):
        found.add("comment")
    if _IMPORTANCE.search(t):
        found.add("importance")
    if _RATING.search(t):
        found.add("rating")
    if _OVERALL.search(t):
        found.add("overall")
    return found


class Matcher:
    """Matches columns against the touchpoints of one journey."""

    def __init__(self, touchpoints: Sequence[TouchpointKey]):
        self.touchpoints = list(touchpoints)
        self.by_id = {fold(t.id): t for t in self.touchpoints}
        for t in self.touchpoints:  # LimeSurvey's codes hold letters and digits only: E-05 becomes E05
            self.by_id.setdefault(code_of(t.id).casefold(), t)
        self.by_name = {}
        for t in self.touchpoints:
            if t.name:
                self.by_name.setdefault(_norm(t.name), []).append(t)

    def find_id(self, col: Column) -> tuple[str, str] | None:
        """(touchpoint id, the text that named it) from the ID in the question or its code."""
        for source in (col.code, col.header, col.sub):
            if not source:
                continue
            code = _CODE.match(source)
            if code and fold(code.group(2)) in self.by_id:
                return self.by_id[fold(code.group(2))].id, source
            for m in _BRACKETED.finditer(source):
                if fold(m.group(1)) in self.by_id:
                    return self.by_id[fold(m.group(1))].id, m.group(0)
            bare = fold(source)
            if bare in self.by_id and len(self.touchpoints) > 1:
                return self.by_id[bare].id, source
        return None

    def find_text(self, col: Column) -> tuple[str, str] | tuple[None, str]:
        """(touchpoint id, how) from the touchpoint's text in the question; (None, why not)."""
        parts = [p for p in (col.sub, *_statements(col.header), col.header) if p]
        text = _norm(" ".join(parts))
        if not text:
            return None, ""
        hits = [ts[0] for name, ts in self.by_name.items() if len(ts) == 1 and name and _contains(text, name)]
        if len(hits) > 1:  # a longer name that contains a shorter one is the one meant
            longest = max(hits, key=lambda t: len(_norm(t.name)))
            if all(_norm(h.name) in _norm(longest.name) for h in hits):
                hits = [longest]
        if len(hits) == 1:
            return hits[0].id, "text"
        if len(hits) > 1:
            return None, "ambiguous:" + ", ".join(t.id for t in hits)
        best: list[tuple[float, TouchpointKey]] = []
        for part in parts:
            p = _norm(part)
            for name, ts in self.by_name.items():
                if len(ts) == 1 and name:
                    best.append((difflib.SequenceMatcher(None, p, name).ratio(), ts[0]))
        best.sort(key=lambda x: -x[0])
        if best and best[0][0] >= 0.86:
            rivals = {t.id for r, t in best if r >= best[0][0] - 0.08}
            if len(rivals) == 1:
                return best[0][1].id, "fuzzy"
            return None, "ambiguous:" + ", ".join(sorted(rivals))
        return None, ""


def _contains(text: str, name: str) -> bool:
    return f" {name} " in f" {text} "


def _statements(header: str) -> list[str]:
    """The statement parts of a grid header: 'Question [Statement]', 'Question - Statement', 'Q.Statement'."""
    out = [m.group(1) for m in re.finditer(r"\[([^\[\]]+)\]", header)]
    if " - " in header:
        out.append(header.rsplit(" - ", 1)[1])
    return out


def field_of(col: Column, touchpoint_text: str = "") -> str | None:
    """importance / rating / overall / comment from the words of the question (without the touchpoint's own)."""
    text = " ".join(p for p in (col.code, col.header, col.sub) if p)
    if touchpoint_text:
        text = re.sub(re.escape(touchpoint_text), " ", text, flags=re.I)
    # the statement in brackets is the touchpoint, not the question
    question = re.sub(r"\[[^\]]*\]", " ", text)
    found = _fields_in(question) or _fields_in(text)
    code = fold(col.code.split("[")[0]) if col.code else ""
    if code:
        if code.startswith(("belang", "imp")):
            return "importance"
        if code.startswith(("tevr", "sat", "waard", "rating")):
            return "rating"
        if code.startswith(("opm", "comm")):
            return "comment"
    if "comment" in found:
        return "comment"
    if "importance" in found and "rating" not in found:
        return "importance"
    if "rating" in found and "importance" not in found:
        return "rating"
    return None


def read_map(rows: Sequence[Sequence[str]]) -> dict[str, tuple[str | None, str | None]]:
    """The --map file: column (header text or letter), touchpoint_id, field; a header row is skipped."""
    out: dict[str, tuple[str | None, str | None]] = {}
    for row in rows:
        cells = [c.strip() for c in row] + ["", "", ""]
        if not cells[0] or fold(cells[0]) in ("column", "kolom"):
            continue
        field = fold(cells[2]) or None
        aliases = {"belang": "importance", "waardering": "rating", "satisfaction": "rating", "tevredenheid": "rating",
                   "opmerking": "comment", "totaaloordeel": "overall", "ignore": "ignore", "negeer": "ignore"}
        field = aliases.get(field or "", field)
        out[fold(cells[0])] = (cells[1] or None, field)
    return out

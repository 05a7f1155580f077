"""Text measured as it will be drawn: the width of a word and the lines and height of a
paragraph wrapped in a box, in the advance widths of the deck's font (metrics.py), and the
largest size at which text fits. No python-pptx: the frame and the shapes build on it."""

from __future__ import annotations

from collections.abc import Sequence
from contextvars import ContextVar
from functools import lru_cache

from xlplugin.deck.metrics import WIDTHS

MEASURED: ContextVar[str] = ContextVar("MEASURED", default="dejavu")
"""The font the deck's text is measured in (see text_width): "carlito", the metrics of
Calibri, the built-in template's font; or "dejavu", DejaVu Sans, what LibreOffice draws in when a
template's font is missing, and a wide stand-in for a font whose metrics are not known. Set by
the Frame from its theme's body font."""
EMU_PER_PT = 12700
FLOOR = 10.0
"""No text on a slide is smaller than this (pt): what the back of a room can still read. Only a
note is set this small: a chart's labels, a key, a footnote, a source (STYLE.md)."""
BODY = 14.0
"""The least size of prose, the sentences a room reads (pt)."""
TABLE = 12.0
"""The least size of a table's cells and of the cards of a grid (journey, blueprint) (pt)."""
ROLES = {"prose": BODY, "grid": TABLE, "note": FLOOR}
"""What a text box holds and the least size it may be set in; a box's shape is named after its role
('prose: summary shows'), so a test reads the rule from the deck."""

SLACK = 1.03
"""Room for what the sum of advance widths leaves out: a renderer's rounding and hinting."""


@lru_cache(maxsize=65536)
def _ems(text: str, font: str, bold: bool) -> float:
    """The advance width of `text` in em, from the font's own metrics; a glyph the font lacks is
    measured in DejaVu Sans (LibreOffice's fallback), one it lacks too as 1 em."""
    own = WIDTHS[font + ("-bold" if bold else "")]
    fallback = WIDTHS["dejavu-bold" if bold else "dejavu"]
    return sum(own.get(c) or fallback.get(c) or 1000 for c in text) / 1000


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of `text` set in one line at `size` pt, in pt, measured in the deck's font."""
    return _ems(text, MEASURED.get(), bold) * size * SLACK


def wrapped_lines(text: str, width_pt: float, size: float, bold: bool = False) -> int | None:
    """How many lines `text` takes when wrapped at word boundaries into `width_pt`;
    None when one of its words is wider than the line (it would be broken mid-word)."""
    count = 0
    space = text_width(" ", size, bold)
    for paragraph in text.split("\n"):
        line = 0.0
        count += 1
        for word in paragraph.split():
            w = text_width(word, size, bold)
            if w > width_pt:
                return None
            if line and line + space + w > width_pt:
                count += 1
                line = w
            else:
                line = line + space + w if line else w
    return count


def text_height(paragraphs: Sequence[str], width: int, size: float, bold: bool = False,
                spacing: float = 1.2) -> float | None:
    """The height (pt) of `paragraphs` wrapped into `width` EMU (less the box's insets) at `size`;
    None when a word does not fit on a line."""
    total = 0
    for p in paragraphs:
        lines = wrapped_lines(p, width / EMU_PER_PT - 11, size, bold)
        if lines is None:
            return None
        total += lines
    return total * size * spacing


def fitting_size(paragraphs: Sequence[str], width: int, height: int, largest: float, smallest: float = FLOOR,
                 whole_words: bool = True, bold: bool = False) -> float:
    """The largest font size (pt), in half points from `largest` down to `smallest`, at which
    `paragraphs` fit in a box of `width` x `height` EMU with every word whole; `smallest` when
    none does (the caller paginates or gives the box more room)."""
    h_pt = height / EMU_PER_PT - 7
    size = largest
    while size > smallest:
        needed = text_height(paragraphs, width, size, bold)
        if needed is None and not whole_words:
            needed = sum(max(1.0, text_width(p, size, bold) / max(1.0, width / EMU_PER_PT - 11))
                         for p in paragraphs) * size * 1.2
        if needed is not None and needed <= h_pt:
            return size
        size -= 0.5
    return smallest


def fits(paragraphs: Sequence[str], width: int, height: int, size: float, whole_words: bool = True,
         bold: bool = False) -> bool:
    """True when `paragraphs` fit at `size` with every word whole."""
    needed = text_height(paragraphs, width, size, bold)
    return needed is not None and needed <= height / EMU_PER_PT - 7

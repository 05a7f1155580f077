"""Text boxes that fit their text, tables that fit their slide, and the colours of the deck."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from .frame import Area

QUADRANT_COLOURS = {"concentrate-here": "C00000", "keep-up": "548235", "low-priority": "BF9000",
                    "possible-overkill": "2E75B6", "unrated": "7F7F7F"}
GREY = RGBColor(0x59, 0x59, 0x59)
LIGHT = RGBColor(0xF2, 0xF2, 0xF2)
EMU_PER_PT = 12700


def fitting_size(paragraphs: Sequence[str], width: int, height: int, largest: float, smallest: float = 7,
                 whole_words: bool = True) -> float:
    """The largest font size (pt) at which `paragraphs` fit in a box of `width` x `height`
    EMU, estimated from an average glyph width of half an em; `smallest` when none fits."""
    w_pt, h_pt = width / EMU_PER_PT - 10, height / EMU_PER_PT - 8
    longest_word = max((len(w) for p in paragraphs for w in p.split()), default=0)
    size = largest
    while size > smallest:
        per_line = max(1, int(w_pt / (0.5 * size)))
        lines = sum(max(1, math.ceil(len(p) / per_line)) for p in paragraphs)
        # a word is never broken: the longest one must fit on a line (bold glyphs of a wide
        # fallback font such as DejaVu Sans run to 0.7 em)
        if lines * size * 1.2 <= h_pt and (not whole_words or longest_word * 0.7 * size <= w_pt):
            return size
        size -= 0.5
    return smallest


def fits(paragraphs: Sequence[str], width: int, height: int, size: float, whole_words: bool = True) -> bool:
    """True when `paragraphs` fit at `size` (with `whole_words`, no word broken either)."""
    return fitting_size(paragraphs, width, height, size, size - 0.01, whole_words) >= size


_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_CONTROL = re.compile(r"[\x00-\x08\x0B-\x1F]")


def _run_text(text: str) -> str:
    """Text for an <a:t>, as python-pptx's run text setter writes it: control characters other
    than tab and line feed as _xHHHH_ escapes, then XML-escaped."""
    return escape(_CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text))


def _cell_paragraph(line: str, rpr: str) -> str:
    """One paragraph of a table cell, as python-pptx's text frame setter builds it: a vertical
    tab is a line break, empty runs are left out."""
    body = "<a:br/>".join(f"<a:r>{rpr}<a:t>{_run_text(part)}</a:t></a:r>" if part else "" for part in line.split("\v"))
    return f"<a:p>{body}</a:p>" if body else "<a:p/>"


def _colour(tint: RGBColor | None, theme: Any = None) -> str:
    if tint is not None:
        return f'<a:solidFill><a:srgbClr val="{tint}"/></a:solidFill>'
    return f'<a:solidFill><a:schemeClr val="{theme.xml_value}"/></a:solidFill>'


def text_box(
    slide: Any, area: Area, paragraphs: Sequence[str | tuple[str, dict[str, Any]]], largest: float = 14,
    smallest: float = 7, fill: str | None = None, shape: Any = MSO_SHAPE.RECTANGLE, anchor: Any = MSO_ANCHOR.TOP,
    colour: RGBColor | None = None, theme_fill: Any = None, align: Any = PP_ALIGN.LEFT,
) -> Any:
    """A box holding `paragraphs` (text, or (text, {"bold": True, "size": 12})) at the largest size that fits.

    The box also asks PowerPoint to shrink text on overflow, for when people edit it later.
    Its XML is written in one go: a deck has hundreds of these, and python-pptx's property
    setters cost most of the deck's time.
    """
    box = slide.shapes.add_shape(shape, Emu(area.left), Emu(area.top), Emu(area.width), Emu(area.height))
    element = box._element
    style = element.find(qn("p:style"))
    if style is not None:  # the theme's shape style adds a shadow and a outline we do not want
        element.remove(style)
    items = [(p, {}) if isinstance(p, str) else p for p in paragraphs]
    texts = [t for t, _ in items]
    size = fitting_size(texts, area.width, area.height, largest, smallest)
    if not fits(texts, area.width, area.height, size):
        # No size keeps every word whole (one word is wider than the box): fit by height and let it break.
        size = fitting_size(texts, area.width, area.height, largest, smallest, whole_words=False)
    if theme_fill is not None:
        shape_fill = _colour(None, theme_fill)
    elif fill is not None:
        shape_fill = f'<a:solidFill><a:srgbClr val="{fill.upper()}"/></a:solidFill>'
    else:
        shape_fill = "<a:noFill/>"
    paras = []
    for text, look in items:
        tint = look.get("colour", colour)
        if tint is not None:
            ink = _colour(tint)
        elif fill is None and theme_fill is None:
            ink = _colour(None, MSO_THEME_COLOR.TEXT_1)
        else:
            ink = _colour(RGBColor(0xFF, 0xFF, 0xFF) if theme_fill is not None else RGBColor(0x26, 0x26, 0x26))
        pt = look.get("size", size) if look.get("size", 0) <= size else size
        paras.append(
            f'<a:p><a:pPr algn="{look.get("align", align).xml_value}"/><a:r>'
            f'<a:rPr sz="{round(pt * 100)}" b="{1 if look.get("bold") else 0}">{ink}</a:rPr>'
            f"<a:t>{_run_text(text)}</a:t></a:r></a:p>"
        )
    sp_pr = element.find(qn("p:spPr"))
    for part in parse_xml(f'<x xmlns:a="{_A}">{shape_fill}<a:ln><a:noFill/></a:ln></x>'):
        sp_pr.append(part)
    body = parse_xml(
        f'<p:txBody xmlns:p="{_P}" xmlns:a="{_A}"><a:bodyPr rtlCol="0" anchor="{anchor.xml_value}" wrap="square" '
        'lIns="63500" rIns="63500" tIns="38100" bIns="38100"><a:normAutofit/></a:bodyPr><a:lstStyle/>'
        + "".join(paras) + "</p:txBody>"
    )
    element.replace(element.find(qn("p:txBody")), body)
    return box


def table(slide: Any, area: Area, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
          size: float = 11) -> Any:
    """A native table filling `area`'s width; `widths` are relative column widths."""
    row_height = int(Pt(size * 2.1))
    height = min(area.height, row_height * (len(rows) + 1))
    shape = slide.shapes.add_table(len(rows) + 1, len(headers), Emu(area.left), Emu(area.top), Emu(area.width),
                                   Emu(height))
    tbl = shape.table
    total = sum(widths)
    used = 0
    column_widths = []
    for i, w in enumerate(widths):
        width = area.width - used if i == len(widths) - 1 else int(area.width * w / total)
        tbl.columns[i].width = Emu(width)
        column_widths.append(width)
        used += width
    # The header row shrinks until its longest word fits each column: a header never breaks mid-word.
    head_size = min([size] + [fitting_size([h], w, row_height * 4, size, 6) for h, w in zip(headers, column_widths,
                                                                                            strict=True)])
    all_rows = [[str(v) for v in headers], *[[str(v) for v in r] for r in rows]]
    # The rows' XML in one go (python-pptx's per-cell setters are most of a deck's time).
    xml = []
    for r, values in enumerate(all_rows):
        rpr = f'<a:rPr sz="{round((head_size if r == 0 else size) * 100)}" b="{1 if r == 0 else 0}"/>'
        cells = "".join(
            '<a:tc><a:txBody><a:bodyPr wrap="square"/><a:lstStyle/>'
            + "".join(_cell_paragraph(line, rpr) for line in value.split("\n"))
            + '</a:txBody><a:tcPr marL="50800" marR="50800" marT="25400" marB="25400"/></a:tc>'
            for value in values
        )
        xml.append(f'<a:tr h="{row_height}">{cells}</a:tr>')
    fresh = parse_xml(f'<a:tbl xmlns:a="{_A}">{"".join(xml)}</a:tbl>')
    tbl_element = tbl._tbl
    for tr in tbl_element.findall(qn("a:tr")):
        tbl_element.remove(tr)
    for tr in list(fresh):
        tbl_element.append(tr)
    return shape


def rows_per_page(area: Area, size: float, lines_per_row: float = 1.0) -> int:
    """How many table rows of `size` pt fit in `area` below the header row."""
    row = Pt(size * 2.1 * lines_per_row)
    return max(1, int(area.height // row) - 1)


def clip(text: str | None, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis."""
    text = (text or "").replace("\n", " ").strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(",.;: ") + "…"

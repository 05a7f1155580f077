"""Text boxes that fit their text, tables that fit their slide, and the colours of the deck."""

from __future__ import annotations

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

from xlplugin.deck.frame import Area
from xlplugin.deck.measure import (
    BODY,
    EMU_PER_PT,
    FLOOR,
    ROLES,
    TABLE,
    fitting_size,
    text_width,
    wrapped_lines,
)

# Okabe & Ito (2008): told apart by people with every common kind of colour blindness.
OKABE_ITO = {"orange": "E69F00", "sky-blue": "56B4E9", "green": "009E73", "yellow": "F0E442", "blue": "0072B2",
             "vermillion": "D55E00", "purple": "CC79A7", "grey": "7F7F7F"}
QUADRANT_COLOURS = {"concentrate-here": OKABE_ITO["vermillion"], "keep-up": OKABE_ITO["green"],
                    "low-priority": OKABE_ITO["sky-blue"], "possible-overkill": OKABE_ITO["blue"],
                    "unrated": OKABE_ITO["grey"]}
GREY = RGBColor(0x59, 0x59, 0x59)
LIGHT = RGBColor(0xF2, 0xF2, 0xF2)
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
    smallest: float | None = None, fill: str | None = None, shape: Any = MSO_SHAPE.RECTANGLE, anchor: Any = MSO_ANCHOR.TOP,
    colour: RGBColor | None = None, theme_fill: Any = None, align: Any = PP_ALIGN.LEFT, wrap: bool = True,
    inset: int = 63500, role: str = "prose", name: str = "",
) -> Any:
    """A box holding `paragraphs` (text, or (text, {"bold": True, "size": 12})) at the largest size
    that fits, never under its `role`'s least size (measure.ROLES; the caller gives the box room or
    paginates). A paragraph marked {"note": True} (a quote's source) may be as small as FLOOR. The
    shape is named '{role}: {name}'.

    The box does not shrink text on overflow: a renderer's shrinking would take it under FLOOR. Its XML is written in one go: a deck has hundreds of these, and python-pptx's property
    setters cost most of the deck's time.
    """
    least = ROLES[role]
    if largest < least:
        raise ValueError(f"a {role} box is never set under {least} pt, not at {largest}")
    box = slide.shapes.add_shape(shape, Emu(area.left), Emu(area.top), Emu(area.width), Emu(area.height))
    box.name = f"{role}: {name or box.name}"
    element = box._element
    style = element.find(qn("p:style"))
    if style is not None:  # the theme's shape style adds a shadow and a outline we do not want
        element.remove(style)
    items = [(p, {}) if isinstance(p, str) else p for p in paragraphs]
    texts = [t for t, _ in items]
    bold = any(look.get("bold") for _, look in items)
    size = fitting_size(texts, area.width, area.height, largest, max(smallest or least, least), bold=bold)
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
        pt = max(FLOOR if look.get("note") else least, look.get("size", size) if look.get("size", 0) <= size else size)
        paras.append(
            f'<a:p><a:pPr algn="{look.get("align", align).xml_value}"/><a:r>'
            f'<a:rPr sz="{round(pt * 100)}" b="{1 if look.get("bold") else 0}">{ink}</a:rPr>'
            f"<a:t>{_run_text(text)}</a:t></a:r></a:p>"
        )
    sp_pr = element.find(qn("p:spPr"))
    for part in parse_xml(f'<x xmlns:a="{_A}">{shape_fill}<a:ln><a:noFill/></a:ln></x>'):
        sp_pr.append(part)
    body = parse_xml(
        f'<p:txBody xmlns:p="{_P}" xmlns:a="{_A}"><a:bodyPr rtlCol="0" anchor="{anchor.xml_value}" '
        f'wrap="{"square" if wrap else "none"}" lIns="{inset}" rIns="{inset}" tIns="{min(inset, 38100)}" '
        f'bIns="{min(inset, 38100)}"></a:bodyPr><a:lstStyle/>'
        + "".join(paras) + "</p:txBody>"
    )
    element.replace(element.find(qn("p:txBody")), body)
    return box


def table_widths(area: Area, widths: Sequence[float], headers: Sequence[str] = (),
                 rows: Sequence[Sequence[str]] = (), size: float = BODY) -> list[int]:
    """Column widths in EMU filling `area`'s width, in proportion to `widths`, but each wide
    enough for its longest word (headers in bold at TABLE, cells at `size`), taken from the
    columns with room to spare: no word is broken."""
    total = sum(widths)
    out = [area.width * w / total for w in widths]
    if headers or rows:
        least = least_widths(headers, rows, size)
        for _ in range(len(widths)):
            short = [i for i in range(len(out)) if out[i] < least[i]]
            if not short:
                break
            deficit = sum(least[i] - out[i] for i in short)
            for i in short:
                out[i] = least[i]
            spare = {i: out[i] - least[i] for i in range(len(out)) if i not in short and out[i] > least[i]}
            room = sum(spare.values())
            if room <= 0:
                break
            for i, slack in spare.items():
                out[i] -= deficit * slack / room
    ints = [int(w) for w in out[:-1]]
    return [*ints, area.width - sum(ints)]


def least_widths(headers: Sequence[str], rows: Sequence[Sequence[str]], size: float) -> list[float]:
    """The width (EMU) each column needs for its longest word: headers in bold at TABLE, cells at `size`."""
    least = []
    for i in range(len(headers)):
        head = headers[i].split()
        cells = [w for r in rows for w in str(r[i]).split()]
        need = max([text_width(w, TABLE, True) for w in head] + [text_width(w, size) for w in cells] + [0])
        least.append((need + 10) * EMU_PER_PT)
    return least


def row_height(values: Sequence[str], widths: Sequence[int], size: float, bold: bool = False) -> float:
    """The height (pt) a table row of `values` takes at `size` when each cell wraps in its column."""
    lines = 1
    for value, width in zip(values, widths, strict=True):
        w_pt = width / EMU_PER_PT - 9
        count = sum(wrapped_lines(part, w_pt, size, bold) or 2 for part in str(value).split("\n"))
        lines = max(lines, count)
    return lines * size * 1.2 + 6


def paginate_rows(rows: Sequence[Sequence[str]], headers: Sequence[str], widths: Sequence[int], size: float,
                  height: int, even: bool = False) -> list[list[Sequence[str]]]:
    """`rows` in pages that each fit `height` EMU under the header row, in order; `even` shares
    them over those pages as evenly as their heights allow (no last page of a row or two)."""
    room = height / EMU_PER_PT - row_height(headers, widths, size, bold=True)
    heights = [row_height(row, widths, size) for row in rows]

    def pages_within(cap: float) -> list[list[Sequence[str]]]:
        pages: list[list[Sequence[str]]] = [[]]
        used = 0.0
        for row, h in zip(rows, heights, strict=True):
            if pages[-1] and used + h > cap:
                pages.append([])
                used = 0.0
            pages[-1].append(row)
            used += h
        return pages

    pages = pages_within(room)
    if not even or len(pages) < 2:
        return pages
    low, high = max(heights), room  # the least page height that still needs no more pages
    for _ in range(20):
        middle = (low + high) / 2
        if len(pages_within(middle)) <= len(pages):
            high = middle
        else:
            low = middle
    return pages_within(high)


def table(slide: Any, area: Area, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
          size: float = BODY, column_widths: Sequence[int] | None = None) -> Any:
    """A native table filling `area`'s width; `widths` are relative column widths. Rows take the
    height their wrapped text needs (see paginate_rows)."""
    column_widths = list(column_widths) if column_widths else table_widths(area, widths, headers, rows, size)
    heights = [row_height(headers, column_widths, size, True)] + [row_height(r, column_widths, size) for r in rows]
    height = min(area.height, int(sum(heights) * EMU_PER_PT))
    shape = slide.shapes.add_table(len(rows) + 1, len(headers), Emu(area.left), Emu(area.top), Emu(area.width),
                                   Emu(height))
    tbl = shape.table
    for i, width in enumerate(column_widths):
        tbl.columns[i].width = Emu(width)
    if size < TABLE:
        raise ValueError(f"a table is never set under {TABLE} pt, not at {size}")
    # The header row shrinks (not under TABLE) until its longest word fits each column: no header breaks mid-word.
    head_size = min([size] + [fitting_size(h.split(), w, int(Pt(size * 20)), size, TABLE, bold=True)
                              for h, w in zip(headers, column_widths, strict=True)])
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
        # The least height: the row grows with its text in PowerPoint and LibreOffice alike.
        xml.append(f'<a:tr h="{int(((head_size if r == 0 else size) * 1.2 + 6) * EMU_PER_PT)}">{cells}</a:tr>')
    fresh = parse_xml(f'<a:tbl xmlns:a="{_A}">{"".join(xml)}</a:tbl>')
    tbl_element = tbl._tbl
    for tr in tbl_element.findall(qn("a:tr")):
        tbl_element.remove(tr)
    for tr in list(fresh):
        tbl_element.append(tr)
    return shape

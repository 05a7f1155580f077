"""Sizes a room can read, read from a deck's slide XML (STYLE.md): prose at 14 pt or more, tables
and the cards of a grid at 12 pt or more, 10 pt only for a note (a chart's labels, a key, a
footnote, a source), and a note short enough to be one. Every text box is named after its role
('prose: summary shows', measure.ROLES); a box without a role is a problem. Within prose, only a
quote's source (grey, one short line) is set smaller."""

from __future__ import annotations

import re

from pptx.util import Emu

from xlplugin.deck.measure import BODY, FLOOR, MEASURED, TABLE, wrapped_lines
from xlplugin.deck.shapes import GREY

LEAST = {"prose": BODY, "grid": TABLE, "note": FLOOR}
NOTE_LINES = 2
"""Each paragraph of a note (a key's item, a footnote, a label) takes at most this many lines: more
is prose set small."""
SOURCE_CHARS = 60


def _runs(frame):
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            if run.text.strip() and run.font.size is not None:
                yield paragraph, run


def _colour(run):
    try:
        return run.font.color.rgb
    except AttributeError:
        return None


def size_problems(prs) -> list[str]:
    found = []
    token = MEASURED.set("carlito")
    try:
        for n, slide in enumerate(prs.slides, start=1):
            for shape in slide.shapes:
                if getattr(shape, "has_chart", False) and shape.has_chart:  # tick and data labels: notes
                    sizes = [int(v) / 100 for v in re.findall(rb'\bsz="(\d+)"', shape.chart.part.blob)]
                    found += [f"slide {n}: chart text at {v} pt" for v in sizes if v < FLOOR]
                    continue
                if shape.has_table:
                    found += [f"slide {n}: table cell {run.text[:30]!r} at {run.font.size.pt} pt"
                              for row in shape.table.rows for cell in row.cells
                              for _, run in _runs(cell.text_frame) if run.font.size.pt < TABLE]
                    continue
                if not shape.has_text_frame or shape.is_placeholder or not shape.text_frame.text.strip():
                    if shape.is_placeholder and shape.has_text_frame:
                        found += [f"slide {n}: title {run.text[:30]!r} at {run.font.size.pt} pt"
                                  for _, run in _runs(shape.text_frame) if run.font.size.pt < BODY]
                    continue
                role = shape.name.split(":")[0]
                if role not in LEAST:
                    found.append(f"slide {n}: {shape.name!r} has no role")
                    continue
                width = Emu(shape.width).pt - 11
                for paragraph, run in _runs(shape.text_frame):
                    size = run.font.size.pt
                    if size >= LEAST[role]:
                        continue
                    source = (role == "prose" and size >= FLOOR and _colour(run) == GREY
                              and len(paragraph.text) <= SOURCE_CHARS)
                    if not source:
                        found.append(f"slide {n}: {role} {run.text[:30]!r} at {size} pt")
                if role == "note":
                    size = min(r.font.size.pt for _, r in _runs(shape.text_frame))
                    wrap = shape.text_frame.word_wrap is not False
                    found += [f"slide {n}: a note of {lines} lines {p.text[:40]!r}" for p in shape.text_frame.paragraphs
                              if (lines := (wrapped_lines(p.text, width, size) or 9) if wrap else 1) > NOTE_LINES]
    finally:
        MEASURED.reset(token)
    return found

"""Sizes a room can read (STYLE.md), read from the slide XML of decks of generated journeys and of
the samples: prose at 14 pt or more, tables and the cards of a grid at 12 pt or more, 10 pt only
for a note (a chart's labels, a key, a footnote, a source), and a note short enough to be one.

Every text box is named after its role ('prose: summary shows', measure.ROLES); a box without a
role fails. Within prose, only a quote's source (grey, one short line) is set smaller."""

from __future__ import annotations

import copy
import json
import re

import pytest
from pptx.util import Emu

from xlplugin.deck.measure import BODY, FLOOR, MEASURED, TABLE, wrapped_lines
from xlplugin.deck.shapes import GREY

from helpers.comments import add_comments
from helpers.decks import build
from helpers.generated import compare_pair, generated_journey, progress_journey, with_blueprint
from helpers.paths import SAMPLES

LEAST = {"prose": BODY, "grid": TABLE, "note": FLOOR}
NOTE_LINES = 2
"""Each paragraph of a note (a key's item, a footnote, a label) takes at most this many lines: more
is prose set small."""
SOURCE_CHARS = 60


def _documents():
    out = {f"g{seed:02}": (with_blueprint(add_comments(generated_journey(seed), seed), seed), None)
           for seed in range(40)}
    out |= {f"progress{seed}": (add_comments(progress_journey(seed), seed), None) for seed in (0, 2)}
    out |= {f"compare{seed}": compare_pair(seed)[::-1] for seed in (1, 4, 7)}
    out |= {path.stem: (json.loads(path.read_text(encoding="utf-8")), None) for path in sorted(SAMPLES.glob("*.json"))}
    return out


DOCUMENTS = _documents()


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


def _problems(prs) -> list[str]:
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


@pytest.mark.parametrize("name", DOCUMENTS)
def test_text_is_set_at_the_size_of_its_role(name):
    document, before = DOCUMENTS[name]
    prs = build(document, document["language"], before=before)
    assert _problems(prs) == []


def test_the_measure_fails_on_small_prose():
    """The rule holds: a prose box set at 12 pt, or a long note, is caught."""
    document, _ = DOCUMENTS["g03"]
    prs = build(document, document["language"])
    shape = next(s for s in prs.slides[1].shapes if s.name.startswith("prose:"))
    for run in shape.text_frame.paragraphs[0].runs:
        run.font.size = Emu(12 * 12700)
    assert any("prose" in p for p in _problems(prs))
    prs = build(document, document["language"])
    shape = next(s for s in prs.slides[1].shapes if s.name.startswith("prose:"))
    shape.name = "note: " + shape.name
    for paragraph in shape.text_frame.paragraphs:
        paragraph.runs[0].text = "A long sentence set small " * 12
    assert any("a note of" in p for p in _problems(prs))


def test_the_generated_pairs_rename_and_move_phases():
    before, after = compare_pair(1)
    assert [p["name"] for p in before["phases"]] != [p["name"] for p in after["phases"]]
    assert copy.deepcopy(compare_pair(1)) == compare_pair(1)

"""Legibility measured in the deck's XML: no text under 10 pt, nothing cut with "…", no word
that would break mid-word, no box whose text overflows, draft marks exactly when there are
errors, on every sample, a dense 60-touchpoint journey, a 4:3 corporate template and --compare."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx.util import Emu

from xlplugin.deck.draft import DRAFT_NAME
from xlplugin.deck.matrix import Box, segment_hits_box, segments_cross
from xlplugin.deck.measure import EMU_PER_PT, text_height, text_width

from helpers.decks import build, corporate_template, glance_slides
from helpers.journeys import big_journey, dense_journey
from helpers.workbooks import example

SAMPLES = ["home-insurance", "laptop-request", "laptop-request-to-be", "food-supplier", "webshop-first-purchase",
           "energy-switch"]
SIZE = re.compile(rb'\bsz="(\d+)"')




@pytest.fixture(scope="module")
def decks(tmp_path_factory) -> dict[str, object]:
    brand = corporate_template(tmp_path_factory.mktemp("brand") / "brand.pptx")
    out = {f"{name}-{lang}": build(example(name), lang) for name in SAMPLES for lang in ("en", "nl")}
    out["big-nl"] = build(big_journey(60, "1-10", blueprint=True), "nl")
    out["dense-draft-nl"] = build(dense_journey(errors=True), "nl", errors=2)
    out["dense-en"] = build(dense_journey(), "en")
    out["compare-4:3-en"] = build(example("laptop-request-to-be"), "en", template=brand,
                                  before=example("laptop-request"))
    out["compare-nl"] = build(example("laptop-request-to-be"), "nl", before=example("laptop-request"))
    return out


def parts(prs):
    """The XML of every slide and every chart of `prs`."""
    for slide in prs.slides:
        yield slide.part.blob
        for shape in slide.shapes:
            if shape.has_chart:
                yield shape.chart.part.blob


def test_no_text_is_set_under_10_pt(decks):
    for name, prs in decks.items():
        sizes = [int(m) for blob in parts(prs) for m in SIZE.findall(blob)]
        assert sizes and min(sizes) >= 1000, (name, min(sizes))
        for blob in parts(prs):  # nothing asks a renderer to shrink text below what is written
            for scale in re.findall(rb'fontScale="(\d+)"', blob):
                assert int(scale) >= 100000, name


def texts(prs):
    for n, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            if shape.has_text_frame:
                yield n, shape.text_frame.text
            if shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        yield n, cell.text


def test_no_name_is_cut_with_an_ellipsis(decks):
    for name, prs in decks.items():
        cut = [(n, t) for n, t in texts(prs) if "…" in t]
        assert cut == [], name


def runs(shape):
    for p in shape.text_frame.paragraphs:
        sizes = [r.font.size.pt for r in p.runs if r.font.size is not None]
        bold = any(r.font.bold for r in p.runs)
        if p.text.strip() and sizes:
            yield p.text, max(sizes), bold


def test_every_box_holds_its_text_with_every_word_whole(decks):
    """Estimated with the glyph widths of DejaVu Sans, the wide font LibreOffice falls back on."""
    for name, prs in decks.items():
        for n, slide in enumerate(prs.slides, start=1):
            for shape in slide.shapes:
                if shape.is_placeholder or not shape.has_text_frame or shape.name == "note: matrix label":
                    continue
                body = shape.text_frame._txBody.find(
                    "{http://schemas.openxmlformats.org/drawingml/2006/main}bodyPr")
                if body is not None and body.get("wrap") == "none":
                    continue
                need = 0.0
                for text, size, bold in runs(shape):
                    height = text_height([text], shape.width, size, bold)
                    assert height is not None, (name, n, text)  # a word wider than its box
                    need += height
                assert need <= shape.height / EMU_PER_PT + 2, (name, n, shape.text_frame.text[:60])


def test_table_cells_break_no_word(decks):
    for name, prs in decks.items():
        for n, slide in enumerate(prs.slides, start=1):
            for shape in slide.shapes:
                if not shape.has_table:
                    continue
                widths = [c.width for c in shape.table.columns]
                for row in shape.table.rows:
                    for cell, width in zip(row.cells, widths, strict=True):
                        for p in cell.text_frame.paragraphs:
                            for r in p.runs:
                                for word in r.text.split():
                                    room = Emu(width).pt - 8
                                    assert text_width(word, r.font.size.pt, bool(r.font.bold)) <= room, \
                                        (name, n, word)


def test_draft_marks_are_on_every_slide_with_errors_and_nowhere_without(decks):
    for name, prs in decks.items():
        marks = [[s.text_frame.text for s in slide.shapes if s.name == DRAFT_NAME] for slide in prs.slides]
        if "draft" in name:
            assert marks == [["CONCEPT · 2 fouten"]] * len(prs.slides)
            assert all(s.notes_slide.notes_text_frame.text.startswith("Dit is een concept") for s in prs.slides)
        else:
            assert marks == [[]] * len(prs.slides), name


def test_phases_keep_journey_order_and_their_names_as_typed(decks):
    prs = decks["dense-draft-nl"]
    glance = [s.text_frame.text for slide in glance_slides(prs) for s in slide.shapes if s.has_text_frame]
    heads = [t for t in glance if t in {"Oriëntatie", "Offerte en vergelijking", "Aanvraag", "Levering",
                                        "Gebruik en service", "levering en montage (niet op het blad Fasen)"}]
    # the phase typed in lower case (not on the Phases sheet) keeps its spelling and its place in the
    # journey, marked as a phase the Phases sheet lacks
    assert heads == ["Oriëntatie", "Offerte en vergelijking", "levering en montage (niet op het blad Fasen)",
                     "Aanvraag", "Levering", "Gebruik en service"]


def test_every_shape_stays_on_the_slide(decks):
    for name, prs in decks.items():
        for n, slide in enumerate(prs.slides, start=1):
            for shape in slide.shapes:
                if shape.left is None:
                    continue
                assert shape.left >= 0 and shape.top >= 0, (name, n, shape.name)
                assert shape.left + shape.width <= prs.slide_width, (name, n, shape.name)
                assert shape.top + shape.height <= prs.slide_height, (name, n, shape.name)


def test_compare_adds_both_curves_the_changes_and_what_was_added_and_removed(decks):
    for name, lang_titles in (("compare-nl", ("Huidig", "Gewenst")), ("compare-4:3-en", ("As-is", "To-be"))):
        prs = decks[name]
        curves = [s.chart for slide in prs.slides for s in slide.shapes
                  if s.has_chart and [x.name for x in list(s.chart.plots[0].series)[:2]] == list(lang_titles)]
        assert len(curves) == 1
        as_is, to_be = list(curves[0].plots[0].series)[:2]
        assert len(list(as_is.values)) == 17 and len(list(to_be.values)) == 17
        text = "\n".join(t for _, t in texts(prs))
        assert ("C08 Aanvraag wordt binnen mandaat automatisch goedgekeurd" in text
                and ("1,9 → 4,2 (+2,3)" in text or "1.9 → 4.2 (+2.3)" in text))
        assert "C18 Volgt de aanvraag op de statuspagina" in text and "C09 Belt de servicedesk over de status" in text
    assert Path(__file__).exists()


def test_matrix_leader_lines_cross_no_other_and_run_through_no_label_or_point(decks):
    checked = 0
    for name, prs in decks.items():
        for n, slide in enumerate(prs.slides, start=1):
            labels = [s for s in slide.shapes if s.name == "note: matrix label"]
            if not labels:
                continue
            pt = 12700  # a label's edge may hold its own leader's end: boxes shrunk by 1 pt
            boxes = [Box(s.left + pt, s.top + pt, s.width - 2 * pt, s.height - 2 * pt) for s in labels]
            leaders = [(s.begin_x, s.begin_y, s.end_x, s.end_y) for s in slide.shapes if s.name == "matrix leader"]
            for i, a in enumerate(leaders):
                checked += 1
                for b in leaders[i + 1:]:
                    assert not segments_cross(a, b), (name, n, a, b)
                for box in boxes:
                    assert not segment_hits_box(a, box), (name, n, a, box)
                # nor through another point: the white centres mark some, the labels' anchors all
                for other in leaders:
                    if other is not a and other[:2] != a[:2]:
                        x, y = other[:2]
                        assert not segment_hits_box(a, Box(x - 4 * pt, y - 4 * pt, 8 * pt, 8 * pt)), (name, n)
    assert checked >= 10  # the samples and the dense journey do need leader lines

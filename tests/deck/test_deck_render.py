"""The deck as the audience sees it: rendered by LibreOffice once per module (it is slow), then
measured on the PDF with `pdftotext -bbox-layout`: no two words on top of each other (matrix
labels included), nothing out of its frame, nothing under 10 pt, long words whole, the draft mark on
every page."""

from __future__ import annotations

import re

import pytest
from pptx import Presentation

from helpers.decks import build, corporate_template
from helpers.journeys import LONG, LONG_WORDS, big_journey, dense_journey
from helpers.pdf import broken_words, outside_frames, pages_of, render, words_per_page
from helpers.workbooks import example


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("render")


@pytest.fixture(scope="module")
def rendered(folder):
    brand = corporate_template(folder / "brand.pptx")
    decks = {
        "home-en": build(example("home-insurance"), "en"),
        "dense-draft-nl": build(dense_journey(errors=True), "nl", errors=2),
        "big-nl": build(big_journey(60, "1-10", blueprint=True), "nl"),
        "compare-4x3-en": build(example("laptop-request-to-be"), "en", template=brand, before=example("laptop-request")),
        # two waves and an Overall column: the progress and importance slides
        "energy-switch-nl": build(example("energy-switch"), "nl"),
    }
    for name, prs in decks.items():
        prs.save(folder / f"{name}.pptx")
    render([folder / f"{name}.pptx" for name in decks], folder)
    return {name: (len(Presentation(folder / f"{name}.pptx").slides), words_per_page(folder / f"{name}.pdf"))
            for name in decks}


def test_every_slide_is_rendered(rendered):
    for name, (slides, pages) in rendered.items():
        assert len(pages) == slides, name
    text = [" ".join(w.text for w in words) for words in rendered["energy-switch-nl"][1]]
    assert any("significant gestegen" in page for page in text)  # the progress slide
    assert any("hangen het sterkst samen" in page for page in text)  # the importance slide


def test_no_two_words_are_drawn_on_top_of_each_other(rendered):
    """Matrix labels, quadrant names, blueprint line names, cards and tables: nothing collides."""
    for name, (_, pages) in rendered.items():
        for n, words in enumerate(pages, start=1):
            clashes = [(a.text, b.text) for i, a in enumerate(words) for b in words[i + 1:] if a.overlaps(b)]
            assert clashes == [], (name, n, clashes[:5])


def test_matrix_labels_group_coincident_points(rendered):
    _, pages = rendered["dense-draft-nl"]
    [matrix] = [" ".join(w.text for w in page) for page in pages if "Waardering" in {w.text for w in page}
                and "Belang" in {w.text for w in page} and "Gapscore" not in {w.text for w in page}]
    assert re.search(r"D\d\d★?, D\d\d★?, D\d\d★?,", matrix)  # one label for several points at one place


def test_no_text_is_drawn_under_10_pt(rendered):
    """A word's box is about 1.16 em high in the fallback font: 10 pt text gives 11.6 pt."""
    for name, (_, pages) in rendered.items():
        for n, words in enumerate(pages, start=1):
            small = [w.text for w in words if w.y1 - w.y0 < 11.0 and w.text.strip("·–-")]
            assert small == [], (name, n, small[:5])


def test_long_words_are_whole_and_nothing_is_cut(rendered):
    for name, (_, pages) in rendered.items():
        text = [w.text for words in pages for w in words]
        assert not any("…" in t for t in text), name
    dense = {w.text.strip(",.():;“”") for words in rendered["dense-draft-nl"][1] for w in words}
    for word in LONG_WORDS:
        assert word in dense
        # a glyph Carlito lacks (★) is drawn in DejaVu Sans, and pdftotext splits "D33★," at the font
        # change: its lone "," strips to "", which is no half of a word
        halves = [t for t in dense if t and t != word and word.startswith(t) and word[len(t):] in dense]
        assert halves == [], word  # no word broken in two
    big = {w.text.strip(",.():;“”'") for words in rendered["big-nl"][1] for w in words}
    for word in [w.strip(",'") for w in LONG.split() if len(w) >= 11] + ["kennismaking", "Herhaalaankoop"]:
        assert word in big, word


def test_every_word_of_every_slide_is_drawn_whole(rendered, folder):
    """Each word of a slide's text boxes and tables is on its page in one piece: none broken
    over two lines for want of width (the layout measures text in the font's own metrics)."""
    for name in rendered:
        prs = Presentation(folder / f"{name}.pptx")
        pages = pages_of(folder / f"{name}.pdf")
        broken = [(n, broken_words(slide, page)) for n, (slide, page) in enumerate(zip(prs.slides, pages, strict=True), 1)]
        assert [b for b in broken if b[1]] == [], name


def test_no_text_runs_out_of_its_frame(rendered, folder):
    """The samples, the dense draft, the 60-touchpoint journey, the 4:3 company template: every word
    lies inside a shape of its slide (a box that is too small lets its text run out below it)."""
    for name in rendered:
        prs = Presentation(folder / f"{name}.pptx")
        pages = pages_of(folder / f"{name}.pdf")
        out = [(n, outside_frames(slide, page)[:5]) for n, (slide, page) in enumerate(zip(prs.slides, pages, strict=True), 1)]
        assert [o for o in out if o[1]] == [], name


def test_draft_mark_on_every_page_with_errors_only(rendered):
    for name, (_, pages) in rendered.items():
        for words in pages:
            line = " ".join(w.text for w in words)
            assert ("CONCEPT · 2 fouten" in line) == ("draft" in name), name

"""A journey the deck was never tuned to, as a CX team filled it in (tests/journeys/: a Dutch
municipality's 'Aanvraag bijzondere bijstand', 23 touchpoints in 6 phases, 46 blueprint rows,
9 actions, two waves of 36 and 34 respondents with an overall rating and 61 comments; written by
a reviewer from outside, who then presented its deck). Rendered once and measured on every page,
and its slide 2 read as the management team would."""

from __future__ import annotations

import json
import re

import pytest
from pptx import Presentation

from helpers.decks import all_text, build
from helpers.paths import ROOT
from helpers.pdf import broken_words, clashes, outside, outside_frames, pages_of, render
from helpers.sizes import size_problems

DOCUMENT = json.loads((ROOT / "tests" / "journeys" / "bijzondere-bijstand.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("unseen")
    build(DOCUMENT, "nl").save(folder / "deck.pptx")
    render([folder / "deck.pptx"], folder)
    return Presentation(folder / "deck.pptx"), pages_of(folder / "deck.pdf")


def test_every_page_is_clean(rendered):
    prs, pages = rendered
    assert len(pages) == len(prs.slides)
    problems = {n: p for n, (slide, page) in enumerate(zip(prs.slides, pages, strict=True), start=1)
                if (p := clashes(page.words) + outside(page) + outside_frames(slide, page) + broken_words(slide, page))}
    assert problems == {}
    assert size_problems(prs) == []


def test_slide_2_says_the_figure_the_decision_and_what_is_on_hold(rendered):
    prs, _ = rendered
    slide = prs.slides[1]
    title, text = slide.shapes.title.text, all_text(slide)
    assert title.endswith("; totaaloordeel 2,75 → 3,00 (doel 3,5)")
    assert "Doel 3,5 nog niet gehaald: nog 0,50 te gaan." in text
    assert "Besluit: deze krijgen voorrang: B16 Wachten op het besluit binnen de wettelijke beslistermijn" in text
    assert "(onzeker)" not in text.split("Wat we van u vragen")[1]  # the decision without hedges
    assert "gepauzeerd: hervatten of stoppen?" in text  # B19's action is on hold, not running


def test_the_titles_claim_no_more_than_the_data(rendered):
    prs, _ = rendered
    titles = [s.shapes.title.text for s in prs.slides]
    assert any(t.startswith("B03 en B16 hangen het sterkst samen met het totaaloordeel") for t in titles)
    assert not any("bepalen" in t for t in titles)  # a correlation, not a cause
    [actions] = {re.sub(r" \(\d+/\d+\)$", "", t) for t in titles if t.startswith("9 acties")}  # continued "(1/2)"
    assert "3 gereed" in actions and "1 gepauzeerd" in actions and "2 te laat" in actions
    assert not any(t.startswith("Service blueprint") for t in titles)  # Dutch: Blauwdruk

"""Decks of journeys the project has never seen (tests/helpers/generated.py, one seed each),
rendered by LibreOffice in one call and measured on every page: no two words on top of each
other, no word outside the slide, every word drawn whole, and every 'concentrate here'
touchpoint on a card of its own, with its name, on the journey at a glance."""

from __future__ import annotations

import pytest
from pptx import Presentation

from xlplugin.core.analysis.ranking import rank_gaps
from xlplugin.core.model import Journey
from xlplugin.deck.story import Story

from helpers.comments import add_comments
from helpers.decks import all_text, build
from helpers.generated import compare_pair, generated_journey, progress_journey, with_blueprint
from helpers.pdf import broken_words, clashes, outside, outside_frames, pages_of, render

SEEDS = range(40)
DOCUMENTS = {f"g{seed:02}": with_blueprint(add_comments(generated_journey(seed), seed), seed) for seed in SEEDS} | {
    f"progress{seed}": add_comments(progress_journey(seed), seed) for seed in (0, 2)}  # two waves, 24 tall rows
PAIRS = {f"compare{seed}": compare_pair(seed) for seed in (1, 4, 7)}
"""As-is and to-be with a renamed and a moved phase: the comparison slides are measured too."""
DOCUMENTS |= {name: after for name, (_, after) in PAIRS.items()}
"""With comments, a Why and a blueprint: slide 2's overall satisfaction, business case and quote, the
slide in the customer's words and the packed blueprint slides are measured too."""


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    for name, document in DOCUMENTS.items():
        before = PAIRS[name][0] if name in PAIRS else None
        build(document, document["language"], before=before).save(folder / f"{name}.pptx")
    render([folder / f"{name}.pptx" for name in DOCUMENTS], folder)
    return {name: (Presentation(folder / f"{name}.pptx"), pages_of(folder / f"{name}.pdf")) for name in DOCUMENTS}


def test_the_generator_covers_the_hard_cases():
    documents = [generated_journey(seed) for seed in SEEDS]
    assert {d["language"] for d in documents} == {"en", "nl"}
    assert {d["journey"]["rating_scale"] for d in documents} == {"1-5", "1-10"}
    assert min(len(d["touchpoints"]) for d in documents) <= 5 and max(len(d["touchpoints"]) for d in documents) >= 35
    assert {len({r.get("wave") for r in d["responses"]}) for d in documents if d["responses"]} >= {1, 2, 3}
    assert any(not d["responses"] for d in documents)
    assert max(len(t["name"]) for d in documents for t in d["touchpoints"]) == 140
    assert generated_journey(3) == generated_journey(3)


def test_the_new_story_is_among_what_is_measured(decks):
    voice = [name for name, (prs, _) in decks.items()
             if any(s.shapes.title.text in ("In the customer's words", "In de woorden van de klant") for s in prs.slides)]
    summaries = "\n".join(all_text(prs.slides[1]) for prs, _ in decks.values())
    assert len(voice) >= 3 and "“" in summaries
    assert ("Overall satisfaction" in summaries or "Totaaloordeel" in summaries)
    assert "Waarom het telt:" in summaries or "Why it matters:" in summaries
    titles = [s.shapes.title.text for prs, _ in decks.values() for s in prs.slides]
    shared = [t for t in titles if t.startswith(("Service blueprint", "Blauwdruk")) and (" en " in t or " and " in t)]
    assert len(shared) >= 3  # phases that share a slide (a phase name of its own may hold 'en' too)


def test_every_slide_is_rendered(decks):
    for seed, (prs, pages) in decks.items():
        assert len(pages) == len(prs.slides), seed


def test_no_two_words_are_drawn_on_top_of_each_other(decks):
    found = [(seed, n, clashes(page.words)[:3]) for seed, (_, pages) in decks.items()
             for n, page in enumerate(pages, start=1) if clashes(page.words)]
    assert found == []


def test_no_word_is_outside_the_slide(decks):
    found = [(seed, n, outside(page)[:3]) for seed, (_, pages) in decks.items()
             for n, page in enumerate(pages, start=1) if outside(page)]
    assert found == []


def test_no_text_runs_out_of_its_frame(decks):
    found = [(seed, n, outside_frames(slide, page)[:3]) for seed, (prs, pages) in decks.items()
             for n, (slide, page) in enumerate(zip(prs.slides, pages, strict=True), start=1)
             if outside_frames(slide, page)]
    assert found == []


def test_no_text_is_drawn_under_10_pt(decks):
    """A word's box is about 1.2 em high in Carlito: 10 pt text gives 12 pt."""
    found = [(name, n, small[:3]) for name, (_, pages) in decks.items() for n, page in enumerate(pages, start=1)
             if (small := [w.text for w in page.words if w.y1 - w.y0 < 11.0 and w.text.strip("·–-")])]
    assert found == []


def test_every_word_is_drawn_whole(decks):
    found = [(seed, n, broken_words(slide, page)[:3]) for seed, (prs, pages) in decks.items()
             for n, (slide, page) in enumerate(zip(prs.slides, pages, strict=True), start=1)
             if broken_words(slide, page)]
    assert found == []


def test_every_concentrate_here_touchpoint_is_named_at_a_glance(decks):
    missing = []
    for seed, (prs, _) in decks.items():
        document = DOCUMENTS[seed]
        journey = Journey.from_document(document)
        priorities = rank_gaps(journey)
        story, lang = Story(journey, priorities, 0), document["language"]
        title = story.curve_title().in_(lang)  # with "(1/2)" when continued
        cards = [s.text_frame.text for slide in prs.slides if slide.shapes.title.text.startswith(title)
                 for s in slide.shapes if s.name == "grid: card"]
        named = {c.removeprefix("★ ").split(" ")[0]: c for c in cards}  # ID, name and channel on a card
        missing += [(seed, p.id) for p in priorities.touchpoints if p.quadrant == "concentrate-here"
                    and (p.touchpoint or "") not in named.get(p.id, "")]
    assert missing == []

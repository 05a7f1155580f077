"""The journey at a glance on generated journeys (no rendering): when a phase has more
touchpoints than its column shows, the cards it keeps are the priorities."""

from __future__ import annotations

import re

from xlplugin.core.analysis.ranking import rank_gaps
from xlplugin.core.model import Journey
from xlplugin.deck.story import Story
from xlplugin.text import normalise_name

from helpers.decks import all_text, build
from helpers.generated import generated_journey
from helpers.journeys import big_journey, dense_journey


def _overview(document):
    lang = document["language"]
    journey = Journey.from_document(document)
    priorities = rank_gaps(journey)
    title = Story(journey, priorities, 0).curve_title().in_(lang)
    prs = build(document, lang)
    return priorities, "\n".join(all_text(s) for s in prs.slides if s.shapes.title.text.startswith(title))


def test_a_full_column_keeps_its_best_ranked_concentrate_here_touchpoint():
    documents = [generated_journey(seed) for seed in range(40)] + [big_journey(60, "1-10"), dense_journey()]
    hidden, checked = [], 0
    for n, document in enumerate(documents):
        priorities, shown = _overview(document)
        best: dict[str, str] = {}
        for p in sorted((p for p in priorities.touchpoints if p.quadrant == "concentrate-here"), key=lambda p: p.rank):
            best.setdefault(normalise_name(p.phase or ""), p.id)
        checked += len(best)
        hidden += [(n, i) for i in best.values() if not re.search(rf"\b{i}\b", shown)]
    assert checked >= 40
    assert hidden == []


def test_the_60_touchpoint_journey_shows_its_six_top_gaps_at_a_glance():
    _, shown = _overview(big_journey(60, "1-10"))
    assert all(re.search(rf"\b{i}\b", shown) for i in ("K04", "K14", "K24", "K34", "K44", "K54"))

"""Sizes a room can read (STYLE.md), read from the slide XML of decks of generated journeys and of
the samples: prose at 14 pt or more, tables and the cards of a grid at 12 pt or more, 10 pt only
for a note (a chart's labels, a key, a footnote, a source), and a note short enough to be one.

Every text box is named after its role ('prose: summary shows', measure.ROLES); a box without a
role fails. Within prose, only a quote's source (grey, one short line) is set smaller."""

from __future__ import annotations

import copy
import json

import pytest
from pptx.util import Emu

from helpers.comments import add_comments
from helpers.decks import build
from helpers.generated import compare_pair, generated_journey, progress_journey, with_blueprint
from helpers.paths import ROOT, SAMPLES
from helpers.sizes import size_problems


def _documents():
    out = {f"g{seed:02}": (with_blueprint(add_comments(generated_journey(seed), seed), seed), None)
           for seed in range(40)}
    out |= {f"progress{seed}": (add_comments(progress_journey(seed), seed), None) for seed in (0, 2)}
    out |= {f"compare{seed}": compare_pair(seed)[::-1] for seed in (1, 4, 7)}
    out |= {path.stem: (json.loads(path.read_text(encoding="utf-8")), None) for path in sorted(SAMPLES.glob("*.json"))}
    out |= {path.stem: (json.loads(path.read_text(encoding="utf-8")), None)
            for path in sorted((ROOT / "tests" / "journeys").glob("*.json"))}
    return out


DOCUMENTS = _documents()


@pytest.mark.parametrize("name", DOCUMENTS)
def test_text_is_set_at_the_size_of_its_role(name):
    document, before = DOCUMENTS[name]
    prs = build(document, document["language"], before=before)
    assert size_problems(prs) == []


def test_the_measure_fails_on_small_prose():
    """The rule holds: a prose box set at 12 pt, or a long note, is caught."""
    document, _ = DOCUMENTS["g03"]
    prs = build(document, document["language"])
    shape = next(s for s in prs.slides[1].shapes if s.name.startswith("prose:"))
    for run in shape.text_frame.paragraphs[0].runs:
        run.font.size = Emu(12 * 12700)
    assert any("prose" in p for p in size_problems(prs))
    prs = build(document, document["language"])
    shape = next(s for s in prs.slides[1].shapes if s.name.startswith("prose:"))
    shape.name = "note: " + shape.name
    for paragraph in shape.text_frame.paragraphs:
        paragraph.runs[0].text = "A long sentence set small " * 12
    assert any("a note of" in p for p in size_problems(prs))


def test_the_generated_pairs_rename_and_move_phases():
    before, after = compare_pair(1)
    assert [p["name"] for p in before["phases"]] != [p["name"] for p in after["phases"]]
    assert copy.deepcopy(compare_pair(1)) == compare_pair(1)

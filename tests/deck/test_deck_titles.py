"""Slide titles that agree with the data under them, on generated journeys (no rendering):
the importance slide never names one touchpoint both a driver and one that weighs little, and
a slide continued on the next says which of how many it is."""

from __future__ import annotations

import re
from statistics import median

from xlplugin.core.analysis.ranking import rank_gaps
from xlplugin.core.model import Journey
from xlplugin.deck.importance_slides import importance_title

from helpers.decks import build
from helpers.generated import generated_journey, progress_journey
from helpers.journeys import big_journey, dense_journey
from helpers.workbooks import example

WITH_OVERALL = [s for s in range(40) if any("overall" in r for r in generated_journey(s)["responses"])]


def _chosen(document):
    priorities = rank_gaps(Journey.from_document(document))
    chosen = [p for p in priorities.touchpoints
              if p.derived is not None and p.derived.r is not None and p.stated_importance is not None]
    return priorities, sorted(chosen, key=lambda p: -p.derived.r)


def test_the_importance_title_names_a_driver_never_as_weighing_little():
    checked = 0
    for seed in WITH_OVERALL:
        document = generated_journey(seed)
        priorities, chosen = _chosen(document)
        if len(chosen) < 2:
            continue
        title = importance_title(chosen, priorities, document["language"])
        drivers, _, little = title.partition(";")
        ids = {p.id: p for p in chosen}
        named_drivers, named_little = set(re.findall(r"G\d\d", drivers)), set(re.findall(r"G\d\d", little))
        assert named_drivers <= {p.id for p in chosen[:2] if p.derived.r > 0}, (seed, title)  # a driver goes with it
        assert named_drivers or "No touchpoint is clearly" in title or "Geen contactmoment hangt" in title, (seed, title)
        assert not named_drivers & named_little, (seed, title)
        middle = median(p.derived.r for p in chosen)
        assert all(ids[i].derived.r < middle for i in named_little), (seed, title)
        checked += 1
    assert checked >= 5


def test_the_importance_title_speaks_of_one_touchpoint_in_the_singular():
    for seed in WITH_OVERALL:
        document = generated_journey(seed)
        priorities, chosen = _chosen(document)
        if len(chosen) < 2:
            continue
        for lang in ("en", "nl"):
            title = importance_title(chosen, priorities, lang)
            little = title.partition(";")[2]
            if len(re.findall(r"G\d\d", little)) == 1:
                assert (" weegt minder zwaar" in little) if lang == "nl" else (" weighs less than" in little), title


def test_continued_slides_say_which_of_how_many_they_are():
    decks = [build(d, d["language"]) for d in [*map(generated_journey, range(16)), progress_journey(3)]]
    decks += [build(big_journey(60, "1-10", blueprint=True), "nl"), build(dense_journey(errors=True), "nl", errors=2),
              build(example("laptop-request-to-be"), "en", before=example("laptop-request"))]
    for seed, prs in enumerate(decks):
        titles = [s.shapes.title.text for s in prs.slides]
        for k, title in enumerate(titles):
            repeated = [t for t in titles if t == title]
            assert len(repeated) == 1, (seed, title)
            if k and re.sub(r" \(\d+/\d+\)$", "", titles[k - 1]) == re.sub(r" \(\d+/\d+\)$", "", title):
                assert re.search(r"\(\d+/\d+\)$", title), (seed, title)


def _near_thresholds(lang):
    """Four touchpoints a hair either side of the thresholds (4 and 3 on 1-5)."""
    document = generated_journey(1)
    document["language"] = lang
    document["responses"] = []
    values = [("G01", 4.0, 3.0), ("G02", 4.0, 3.03), ("G03", 3.97, 2.5), ("G04", 4.004, 2.5)]
    document["touchpoints"] = [dict(document["touchpoints"][0], id=i, importance=imp, rating=rating, moment_of_truth=False)
                               for i, imp, rating in values]
    document["actions"] = []
    document["journey"]["rating_scale"] = "1-5"
    return document


def test_numbers_in_different_quadrants_never_print_the_same():
    for lang in ("en", "nl"):
        prs = build(_near_thresholds(lang), lang)
        appendix = [s for s in prs.slides if s.shapes.title.text.startswith(("Appendix", "Bijlage"))]
        rows = {row.cells[0].text: [c.text for c in row.cells] for s in appendix for shape in s.shapes
                if shape.has_table for row in list(shape.table.rows)[1:]}
        importance, rating = 4, 5
        assert rows["G01"][rating] != rows["G02"][rating], rows  # 3.00 concentrate here, 3.03 keep up
        assert rows["G03"][importance] != rows["G04"][importance], rows  # 3.97 low priority, 4.004 concentrate here
        comma = "," if lang == "nl" else "."
        assert rows["G02"][rating] == f"3{comma}03" and rows["G01"][rating] == f"3{comma}00"
        gaps = next(s for s in prs.slides if any(shape.has_table for shape in s.shapes))
        cells = [[c.text for c in row.cells] for shape in gaps.shapes if shape.has_table for row in shape.table.rows]
        printed = {tuple(r[3:5]) for r in cells[1:]}
        assert len(printed) == len(cells) - 1, cells


def test_every_title_fits_its_box_at_the_size_it_is_set_in():
    """The title's size is measured (the font's widths), not counted in characters: at its size it
    fits its placeholder, and a size larger would not."""
    from xlplugin.deck.frame import TITLE_SIZES
    from xlplugin.deck.measure import fits

    for seed in range(16):
        document = generated_journey(seed)
        for slide in list(build(document, document["language"]).slides)[1:]:
            if slide.shapes.title.text in ("Backup", "Achtergrond"):  # a divider: the title layout's own size
                continue
            title = slide.shapes.title
            size = title.text_frame.paragraphs[0].runs[0].font.size.pt
            assert fits([title.text], title.width, title.height, size, bold=True) or size == TITLE_SIZES[-1], title.text
            larger = [pt for pt in TITLE_SIZES if pt > size]
            assert not any(fits([title.text], title.width, title.height, pt, bold=True) for pt in larger), title.text

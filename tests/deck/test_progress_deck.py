"""The progress slide, read back as PowerPoint shows it."""

from __future__ import annotations

import re
from dataclasses import replace

from pptx.enum.chart import XL_CHART_TYPE

from xlplugin.core.analysis.ranking import rank_gaps
from xlplugin.core.examples import load_example
from xlplugin.core.model import Journey
from xlplugin.deck import build_deck
from xlplugin.deck.story import Story

from helpers.decks import all_text
from helpers.progress import ACTIONS, progress_document, two_waves
from helpers.workbooks import example


def deck(document, lang=None):
    journey = Journey.from_document(document)
    return build_deck(journey, rank_gaps(journey), lang or journey.language)


def slides_with(prs, chart_type) -> list:
    return [s for s in prs.slides if any(sh.has_chart and sh.chart.chart_type == chart_type for sh in s.shapes)]


def progress_slides(prs) -> list:
    return slides_with(prs, XL_CHART_TYPE.LINE_MARKERS)


def test_the_two_wave_sample_gets_a_progress_slide_with_targets_and_the_late_action():
    prs = deck(load_example("energy-switch"))
    [slide] = progress_slides(prs)
    # the story first: what rose, after a completed action (the targets are in the table and the notes)
    assert slide.shapes.title.text == "E06 en E10 zijn significant gestegen sinds Nulmeting, allebei na een afgeronde actie"
    notes = slide.notes_slide.notes_text_frame.text
    assert "Significant hoger: E06 en E10." in notes and "Doel gehaald: E06 en E10; nog niet: E08 en E12." in notes
    [chart] = [s.chart for s in slide.shapes if s.has_chart]
    plot = chart.plots[0]
    assert list(plot.categories) == ["E06", "E08", "E09", "E10", "E12"]  # targets or actions
    assert [s.name for s in plot.series] == ["Nulmeting", "Hermeting", "Doel"]
    assert list(plot.series[2].values) == [3.5, 3.5, None, 3.8, 3.5]
    labels = [p.data_label.text_frame.text for p in (plot.series[1].points[i] for i in range(5))]
    assert labels == ["3,7 ▲", "2,4", "2,7", "4,1 ▲", "2,4"]  # only the significant changes are marked
    text = all_text(slide)
    assert "E06 Krijgt bevestiging dat de overstap geregeld is" in text and "3,5: gehaald" in text
    assert "2,31 → 3,68" in text and "+1,37 ▲ (p < 0,001)" in text and "-0,05 (p 0,707)" in text
    assert "Te laat: E08 Eerste termijnbedrag berekenen" in text and "(Manager Billing, 30 september 2026)" in text
    assert "significante verandering (Welch-t-toets, p < 0,05)" in text  # every mark explained on the slide
    sizes = [int(s) for s in re.findall(r'sz="(\d+)"', slide.shapes._spTree.xml)]
    assert sizes and min(sizes) >= 1000  # nothing under 10 pt
    for shape in slide.shapes:
        assert shape.left >= 0 and shape.top >= 0
        assert shape.left + shape.width <= prs.slide_width and shape.top + shape.height <= prs.slide_height


def test_one_wave_gives_no_progress_slide():
    assert progress_slides(deck(example("home-insurance"))) == []
    rows = [{k: v for k, v in r.items() if k != "wave"} for r in two_waves()]
    assert progress_slides(deck(progress_document(rows, ACTIONS))) == []


def test_the_title_in_english_says_what_rose_and_counts_the_targets():
    [slide] = progress_slides(deck(progress_document(two_waves(), ACTIONS), "en"))
    assert slide.shapes.title.text == "T1 rose significantly since Nulmeting, after a completed action; 1 of 2 targets reached"


def test_a_touchpoint_that_fell_is_called_out_in_the_title():
    rows = [dict(r, rating=5 - r["rating"] + 1) if r["touchpoint_id"] == "T1" else r for r in two_waves()]
    [slide] = progress_slides(deck(progress_document(rows, ACTIONS), "en"))
    title = slide.shapes.title.text
    assert "T1 fell significantly since Nulmeting" in title and "rose" not in title
    assert "No action is overdue" not in all_text(slide)  # T2's action of 2026-09-30 is late
    assert "Overdue: T2 Bevestiging per sms (IT, 30 September 2026)" in all_text(slide)


def importance_slides(prs) -> list:
    return slides_with(prs, XL_CHART_TYPE.BAR_CLUSTERED)


def test_stated_and_derived_importance_side_by_side_when_there_is_an_overall_column():
    prs = deck(load_example("energy-switch"))
    [slide] = importance_slides(prs)
    assert slide.shapes.title.text == ("E08 en E12 hangen het sterkst samen met het totaaloordeel; "
                                       "E01, E03 en E09 wegen minder zwaar dan klanten zeggen")
    [chart] = [s.chart for s in slide.shapes if s.has_chart]
    plot = chart.plots[0]
    assert [s.name for s in plot.series] == ["Gesteld belang", "Afgeleid belang"]
    categories = list(plot.categories)
    assert len(categories) == 14 and categories[-1] == "E08 Ontvangt het eerste termijnbedrag"  # strongest on top
    top = plot.series[1].points[13].data_label.text_frame.text
    assert top.startswith("r 0,77 (0,63 – 0,86)") and top.endswith("?")  # its interval crosses the threshold 4
    assert "? = onzeker: het interval ligt over de drempel belang 4,0" in all_text(slide)
    assert "Fisher-z" in slide.notes_slide.notes_text_frame.text  # the method in the notes, not on the slide
    for shape in slide.shapes:
        assert shape.left + shape.width <= prs.slide_width and shape.top + shape.height <= prs.slide_height
    assert importance_slides(deck(example("home-insurance"))) == []  # no Overall column, no slide


def test_the_summary_names_targets_changes_the_late_action_and_says_which_priority_is_uncertain():
    prs = deck(load_example("energy-switch"))
    text = all_text(prs.slides[1])
    assert "Sinds de vorige meting (Nulmeting):" in text
    assert "Doel gehaald: E06 en E10" in text and "Doel nog niet gehaald: E08 en E12" in text
    assert "Significant beter: E06 (+1,4) en E10 (+1,3)" in text and "slechter" not in text
    # E09 is a priority only just: its importance interval crosses the threshold 4
    assert "E09 Belt de klantenservice over het termijnbedrag (Eerste maanden, gapscore 45; " \
           "dicht bij een drempel)" in text  # 'onzeker' is kept for few answers
    assert ("Besluit: deze krijgen voorrang: E08 Ontvangt het eerste termijnbedrag, E12 Ontvangt de jaarafrekening "
            "en E09 Belt de klantenservice over het termijnbedrag.") in text
    assert "Spreek de eigenaren aan op de acties die te laat zijn: E08 (Manager Billing, deadline " \
           "30 september 2026)." in text
    [gaps] = [s for s in prs.slides if s.shapes.title.text.startswith("De hoogste gapscore")]
    assert "Hier concentreren (nipt)" in all_text(gaps) and "onzeker" not in all_text(gaps)
    english = all_text(deck(load_example("energy-switch"), "en").slides[1])
    assert "Target reached: E06 and E10" in english and "Target not reached yet: E08 and E12" in english
    assert "Hold the owners to the overdue actions: E08 (Manager Billing, due 30 September 2026)." in english


def test_a_priority_on_few_respondents_is_called_uncertain_for_that_reason():
    journey = Journey.from_document(load_example("energy-switch"))
    ranked = rank_gaps(journey)
    few = tuple(replace(p, uncertain=True, respondents=12) if p.id == "E08" else p for p in ranked.touchpoints)
    story = Story(journey, replace(ranked, touchpoints=few))
    [items] = [i for head, i in story.shows("en") if head.startswith("Concentrate")]
    assert items[0].endswith("(Eerste maanden, gap score 57; uncertain: few respondents)")
    assert story.asks("en")[0].startswith("Decide: agree that these come first: E08 Ontvangt het eerste termijnbedrag,")


def test_one_wave_and_no_late_action_say_nothing_of_progress():
    text = all_text(deck(example("home-insurance"), "en").slides[1])
    assert "previous measurement" not in text and "overdue" not in text


def test_the_actions_table_and_title_say_which_action_is_late():
    prs = deck(load_example("energy-switch"))
    [slide] = [s for s in prs.slides if s.shapes.title.text.startswith("5 acties")]
    assert slide.shapes.title.text == "5 acties: 2 gereed en 1 te laat"
    [table] = [s.table for s in slide.shapes if s.has_table]
    late = [[c.text for c in row.cells] for row in table.rows if "te laat" in row.cells[5].text]
    assert len(late) == 1 and late[0][0].startswith("E08") and late[0][5] == "Bezig · te laat"

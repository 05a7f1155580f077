"""The deck, read back as a manager's PowerPoint would show it, rendered by LibreOffice,
and built in a company's own template."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Inches

from xlplugin.api import deck_workbook
from xlplugin.core.analysis.ranking import rank_gaps
from xlplugin.core.model import Journey
from xlplugin.deck import build_deck
from xlplugin.workbook import write_workbook

from helpers.decks import all_text, corporate_template, glance_text, matrix_slide
from helpers.journeys import big_journey, dense_journey
from helpers.office import libreoffice_convert
from helpers.paths import ROOT
from helpers.workbooks import example


def deck_of(document, lang=None, template=None):
    journey = Journey.from_document(document)
    return build_deck(journey, rank_gaps(journey), lang or journey.language, template)


def titles(prs) -> list[str]:
    return [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]




def charts(slide) -> list:
    return [s.chart for s in slide.shapes if s.has_chart]


def test_english_deck_is_ordered_as_an_argument():
    prs = deck_of(example("home-insurance"))
    assert titles(prs) == [
        "Taking out home contents insurance online",
        "4 touchpoints need attention first, all of them moments of truth",
        "The journey is at its lowest in Trigger",
        "4 of 16 touchpoints are important and rated 3 or lower",
        "The largest gap: “Tries to understand what is covered” in Quote and decision",
        "All 5 actions have an owner and a measurable target",
        "Backup", "Objective and approach", "Persona: Daniel, first-time home owner",
        "Service blueprint: Trigger", "Service blueprint: Orientation", "Service blueprint: Quote and decision",
        "Service blueprint: Buying", "Service blueprint: Living with the policy",
        "Appendix: all touchpoints (1/2)", "Appendix: all touchpoints (2/2)",
    ]
    assert prs.slide_width == Inches(13.333) and prs.slide_height == Inches(7.5)  # 16:9


def test_summary_names_the_gaps_and_the_moments_at_risk_and_says_what_is_asked():
    prs = deck_of(example("webshop-first-purchase"))
    summary = all_text(prs.slides[1])
    priorities = rank_gaps(Journey.from_document(example("webshop-first-purchase")))
    top = [p for p in priorities.ranked if p.quadrant == "concentrate-here"][:3]
    for p in top:  # by name, not only by number
        assert p.touchpoint in summary and p.id in summary
    assert "What we ask of you" in summary and "Decide: agree that" in summary
    notes = prs.slides[1].notes_slide.notes_text_frame.text
    assert notes.startswith("The answer first.") and top[0].touchpoint in notes


def test_summary_asks_for_owners_targets_and_missing_actions():
    doc = example("home-insurance")
    doc["actions"][0].pop("owner")
    doc["actions"][1].pop("target")
    doc["actions"] = [a for a in doc["actions"] if a["touchpoint_id"] != "H09"]
    prs = deck_of(doc, "nl")
    asks = all_text(prs.slides[1])
    assert f"Wijs een eigenaar aan voor de acties bij {doc['actions'][0]['touchpoint_id']}." in asks
    assert f"Stel een meetbare doelstelling vast voor de acties bij {doc['actions'][1]['touchpoint_id']}." in asks
    assert "Plan een actie voor H09: daarvoor is nog niets gepland." in asks  # a moment of truth in 'concentrate here'
    assert titles(prs)[5] == "4 acties: 1 zonder eigenaar, 1 zonder meetbare doelstelling en 1 prioriteit zonder actie"


def test_dutch_deck_speaks_dutch():
    prs = deck_of(example("laptop-request"))
    assert titles(prs)[1:5] == ["7 contactmomenten vragen eerst aandacht, waarvan 3 moments of truth",
                                "Het dieptepunt van de klantreis ligt in de fase Goedkeuring",
                                "7 van de 17 contactmomenten zijn belangrijk en scoren 3 of lager",
                                "De hoogste gapscore: “Wacht op goedkeuring van de leidinggevende” in Goedkeuring"]
    assert "Huidige situatie" in all_text(prs.slides[0]) and "14 oktober 2026" in all_text(prs.slides[0])
    assert "Wat we van u vragen" in all_text(prs.slides[1])
    text = "\n".join(all_text(s) + s.notes_slide.notes_text_frame.text for s in prs.slides)
    assert "door hun ogen" not in text and "door de ogen van Fatima" in text
    assert "Gapscore" in text and "Goed zo" not in text


def test_every_slide_has_speaker_notes_with_its_findings():
    prs = deck_of(example("food-supplier"))
    for slide in prs.slides:
        assert len(slide.notes_slide.notes_text_frame.text) > 40
    for slide in list(prs.slides)[1:6]:  # the story: each slide's notes start with its finding
        title = re.sub(r" \(\d+/\d+\)$", "", slide.shapes.title.text)
        assert slide.notes_slide.notes_text_frame.text.split(". ")[0] in (title, "Eerst het antwoord")


def test_charts_are_native_and_editable():
    prs = deck_of(example("home-insurance"))
    [curve] = charts(prs.slides[2])
    assert curve.chart_type == XL_CHART_TYPE.XY_SCATTER_SMOOTH
    emotion, moments = curve.plots[0].series
    assert list(emotion.values) == [-1, -1, 0, 0, 1, -1, -2, 1, -2, 0, 1, 1, 0, -2, 0, 0]
    assert len(list(moments.values)) == 6  # the moments of truth, marked
    levels = all_text(prs.slides[2])
    assert all(word in levels for word in ("very negative", "negative", "neutral", "positive", "very positive"))
    [matrix] = charts(prs.slides[3])
    assert matrix.chart_type == XL_CHART_TYPE.XY_SCATTER and matrix.has_legend
    names = [s.name for s in matrix.plots[0].series]
    assert {"Concentrate here (4)", "Keep up the good work (6)", "Low priority (2)", "Possible overkill (4)",
            "Rating threshold", "Importance threshold"} == set(names)
    concentrate = next(s for s in matrix.plots[0].series if s.name.startswith("Concentrate"))
    assert sorted(zip(concentrate.iter_values(), strict=True)) == [(5.0,), (5.0,), (5.0,), (5.0,)]
    assert matrix.part.chart_workbook.xlsx_part is not None  # the data opens in PowerPoint's sheet


def _colour(series) -> str:
    return str(series.marker.format.fill.fore_color.rgb) if series.marker.format.fill.type == 1 else \
        str(series.marker.format.line.color.rgb)


def test_matrix_is_colour_blind_safe_with_a_shape_for_each_quadrant_and_every_mark_explained():
    from pptx.enum.chart import XL_MARKER_STYLE

    prs = deck_of(example("home-insurance"))
    [matrix] = charts(prs.slides[3])
    points = {s.name.split(" (")[0]: s for s in matrix.plots[0].series if "threshold" not in s.name}
    okabe_ito = {"E69F00", "56B4E9", "009E73", "F0E442", "0072B2", "D55E00", "CC79A7"}
    assert {_colour(s) for s in points.values()} <= okabe_ito
    shapes = {s.marker.style for s in points.values()}
    assert shapes == {XL_MARKER_STYLE.DIAMOND, XL_MARKER_STYLE.CIRCLE, XL_MARKER_STYLE.TRIANGLE,
                      XL_MARKER_STYLE.SQUARE}  # the shape says the quadrant too
    side = all_text(prs.slides[3])
    assert "★ moment of truth" in side and "Dashed lines: the thresholds, importance 4 and rating 3" in side
    for p in rank_gaps(Journey.from_document(example("home-insurance"))).ranked:  # named beside the chart
        if p.quadrant == "concentrate-here":
            assert p.touchpoint in side


def test_matrix_groups_coincident_points_into_one_label():
    prs = deck_of(dense_journey())
    labels = [s.text_frame.text for s in matrix_slide(prs).shapes if s.name == "note: matrix label"]
    assert len(labels) == len({(p.rating, p.importance) for p in rank_gaps(Journey.from_document(dense_journey()))
                               .touchpoints if p.gap is not None})  # one label per place
    ids = [i.strip(",★") for label in labels for i in label.replace("\n", " ").split()]
    assert len(ids) == len(set(ids))  # each ID once
    assert any(len(label.split(",")) >= 3 for label in labels)  # coincident points share one label
    side = all_text(matrix_slide(prs))
    priorities = rank_gaps(Journey.from_document(dense_journey()))
    rated = {p.id for p in priorities.touchpoints if p.gap is not None}
    unlabelled = rated - set(ids)
    assert all(i in side for i in unlabelled)  # whatever has no label in the chart is listed beside it


def test_matrix_labels_cover_no_point_line_or_other_label():
    from xlplugin.deck.frame import Area
    from xlplugin.deck.matrix import Box, group_points, label_box_size, matrix_points, place_labels, to_slide

    for document in (dense_journey(), big_journey(60, "1-10"), example("laptop-request-to-be")):
        priorities = rank_gaps(Journey.from_document(document))
        scale = priorities.scale
        plot = Area(0, 0, int(Inches(7.5)), int(Inches(4.2)))
        groups = group_points(matrix_points(priorities))
        placed, missed = place_labels(groups, plot, scale)
        assert len(placed) + len(missed) == len(groups) and len(placed) >= len(groups) * 0.6
        assert missed == []  # a free spot is found for every label, joined to its point when far
        marks = [to_slide(plot, scale, g.rating, g.importance) for g in groups]
        xt, yt = to_slide(plot, scale, scale.rating_threshold, scale.importance_threshold)
        for n, label in enumerate(placed):
            box = label.box
            assert box.inside(Box(0, 0, plot.width, plot.height))
            assert not any(box.overlaps(Box(x - 1, y - 1, 2, 2)) for x, y in marks)
            assert not box.left < xt < box.right and not box.top < yt < box.bottom
            # in its point's quadrant, or else joined to it by a leader line
            assert label.leader or ((box.right <= xt) == (label.group.rating <= scale.rating_threshold)
                                    and (box.bottom <= yt) == (label.group.importance >= scale.importance_threshold))
            assert all(not box.overlaps(other.box) for other in placed[n + 1:])
            assert (box.width, box.height) == label_box_size(label.lines)


def test_uncertain_points_are_drawn_hollow_and_explained():
    from xlplugin.deck import SLIDES, DeckContext  # noqa: F401 - the extension point is public
    from xlplugin.deck.context import DeckContext as Context
    from xlplugin.deck.frame import Area, Frame
    from xlplugin.deck.journey_slides import matrix_slide
    from xlplugin.deck.matrix import plot_area, plot_fractions, to_slide
    from xlplugin.deck.story import Story

    journey = Journey.from_document(example("home-insurance"))
    priorities = rank_gaps(journey)
    ctx = Context(Frame(), journey, priorities, "en", Story(journey, priorities))
    slide = matrix_slide(ctx, uncertain=["H07", "H01"])
    [matrix] = charts(slide)
    assert not any("uncertain" in s.name for s in matrix.plots[0].series)  # counted in their quadrant
    # a white centre on each uncertain point (a shape: LibreOffice draws unfilled markers filled)
    centres = {s.name: s for s in slide.shapes if s.name.startswith("uncertain ")}
    assert sorted(centres) == ["uncertain H01", "uncertain H07"]
    [frame] = [s for s in slide.shapes if s.has_chart]
    chart_area = Area(frame.left, frame.top, frame.width, frame.height)
    plot = plot_area(chart_area, plot_fractions(chart_area, [s.name for s in matrix.plots[0].series
                                                             if s.name.endswith(")")]))
    h07 = next(p for p in priorities.touchpoints if p.id == "H07")
    x, y = to_slide(plot, priorities.scale, h07.rating, h07.importance)
    dot = centres["uncertain H07"]
    assert abs(dot.left + dot.width / 2 - x) < 2 * 12700 and abs(dot.top + dot.height / 2 - y) < 2 * 12700
    assert dot.fill.fore_color.rgb == RGBColor(0xFF, 0xFF, 0xFF)
    assert "white centre: surveyed, but uncertain" in all_text(slide)


def test_gap_table_holds_only_priority_gaps_with_quadrant_and_moment_of_truth():
    for name in ("home-insurance", "webshop-first-purchase", "food-supplier", "laptop-request"):
        doc = example(name)
        prs = deck_of(doc)
        priorities = rank_gaps(Journey.from_document(doc))
        at_risk = {p.id for p in priorities.moments_at_risk}
        expected = [p.id for p in priorities.touchpoints if p.quadrant == "concentrate-here" or p.id in at_risk]
        rows = []
        for slide in list(prs.slides)[4:]:
            tables = [s.table for s in slide.shapes if s.has_table]
            if not tables or len(tables[0].columns) != 9:
                break
            rows += [[c.text for c in r.cells] for r in list(tables[0].rows)[1:]]
        assert [r[1].split()[0] for r in rows] == expected, name
        header = [c.text for c in next(s.table for s in prs.slides[4].shapes if s.has_table).rows[0].cells]
        assert header[5:8] in (["Gap score (0-100)", "Quadrant", "Moment of truth"], ["Gapscore (0-100)", "Kwadrant", "Moment of truth"])
        for r in rows:
            assert r[6] in ("Concentrate here", "Hier concentreren") or r[1].split()[0] in at_risk


def test_gap_slide_says_so_when_there_is_no_priority_gap():
    prs = deck_of(example("laptop-request-to-be"))
    assert titles(prs)[4] == "Geen contactmoment vraagt eerst aandacht"
    assert not any(s.has_table for s in prs.slides[4].shapes)
    assert "er is geen prioriteit om te dichten" in all_text(prs.slides[4])
    assert titles(prs)[1] == "Geen belangrijk contactmoment scoort 3 of lager: houd dit niveau vast"


def test_every_touchpoint_in_the_appendix():
    prs = deck_of(example("webshop-first-purchase"))
    appendix = "\n".join(all_text(s) for s in prs.slides if s.shapes.title.text.startswith("Appendix"))
    for i in range(1, 19):
        assert f"W{i:02}" in appendix


def shapes_inside(prs) -> list[str]:
    outside = []
    for n, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            if shape.left is None:
                continue
            if shape.left < 0 or shape.top < 0 or shape.left + shape.width > prs.slide_width \
                    or shape.top + shape.height > prs.slide_height:
                outside.append(f"slide {n}: {shape.name}")
    return outside


@pytest.mark.parametrize("name", ["home-insurance", "laptop-request", "food-supplier", "webshop-first-purchase"])
def test_no_shape_reaches_beyond_the_slide(name):
    assert shapes_inside(deck_of(example(name))) == []


def test_hard_journey_gives_a_sensible_deck():
    # 60 touchpoints, long names, a 1-10 scale, missing ratings, an empty phase, no blueprint
    document = big_journey(60, "1-10", blueprint=False)
    prs = deck_of(document)
    assert shapes_inside(prs) == []
    names = titles(prs)
    assert not any(t.startswith("Blauwdruk") for t in names)
    appendix = [t for t in names if t.startswith("Bijlage")]  # paginated, not shrunk
    assert appendix == [f"Bijlage: alle contactmomenten ({i}/{len(appendix)})" for i in range(1, len(appendix) + 1)]
    overview = glance_text(prs)  # one or more slides
    assert "Herhaalaankoop (nog leeg)" in overview
    assert "nog geen contactmomenten" in overview
    # every touchpoint is a card or counted in its phase's "+n meer" (how many fit is measured, not fixed)
    hidden = [int(n) for n in re.findall(r"\+(\d+) meer \(zie bijlage\)", overview)]
    assert hidden and sum(hidden) + len(set(re.findall(r"K\d\d", overview))) == 60
    assert "K06, K17, K28, K39, K50" in all_text(matrix_slide(prs))  # unrated, named beside the matrix
    appendix = "\n".join(all_text(s) for s in prs.slides if s.shapes.title.text.startswith("Bijlage"))
    assert all(f"K{i:02}" in appendix for i in range(1, 61))


def test_a_phase_that_does_not_fit_continues_on_a_further_slide():
    prs = deck_of(big_journey(60, "1-10", blueprint=True))
    blueprint = [t for t in titles(prs) if t.startswith("Blauwdruk")]
    overweging = [t for t in blueprint if t.startswith("Blauwdruk: Overweging")]
    assert len(overweging) > 1 and overweging[-1] == f"Blauwdruk: Overweging ({len(overweging)}/{len(overweging)})"
    assert shapes_inside(prs) == []




def test_corporate_template_is_used_and_its_example_slides_are_gone(tmp_path):
    brand = corporate_template(tmp_path / "brand.pptx")
    prs = deck_of(example("home-insurance"), template=brand)
    prs.save(tmp_path / "deck.pptx")
    again = Presentation(tmp_path / "deck.pptx")
    wide = titles(deck_of(example("home-insurance")))
    def story(names):  # each claim once, in order: 4:3 continues more of them on a further slide "(1/2)"
        return list(dict.fromkeys(re.sub(r" \(\d+/\d+\)$", "", t) for t in names))

    assert story(titles(again)) == story(wide)  # the same story, in the company's design
    assert {t.split(" (")[0] for t in titles(again)} == {t.split(" (")[0] for t in wide}
    assert "Corporate example slide" not in "\n".join(all_text(s) for s in again.slides)
    assert (again.slide_width, again.slide_height) == (Inches(10), Inches(7.5))  # the template's own size
    theme = again.slide_master.part.part_related_by(RT.THEME).blob.decode("utf-8")
    assert 'typeface="Georgia"' in theme and "7A1F5C" in theme
    layouts = {lay.name for lay in Presentation(brand).slide_layouts}
    assert all(s.slide_layout.name in layouts for s in again.slides)
    for slide in again.slides:
        title = slide.shapes.title
        assert title is not None and title.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
    assert shapes_inside(again) == []


def test_libreoffice_renders_every_slide(tmp_path):
    path = tmp_path / "deck.pptx"
    deck_of(example("laptop-request")).save(path)
    pdf = libreoffice_convert(path, "pdf", tmp_path / "pdf")
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(rf"^Pages:\s+{len(Presentation(path).slides)}$", pages, re.M)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "xlplugin", *args], capture_output=True, text=True, timeout=120)


def test_deck_command_writes_beside_the_workbook(tmp_path):
    workbook = write_workbook(tmp_path / "reis.xlsx", example("food-supplier"))
    result = run("deck", str(workbook))
    assert result.returncode == 0, result.stderr
    slides = len(Presentation(tmp_path / "reis.pptx").slides)
    assert result.stdout.strip() == f"{tmp_path / 'reis.pptx'}: {slides} dia's (0 fouten, 0 waarschuwingen)"
    assert slides >= 13


def test_deck_refuses_a_workbook_with_errors_unless_allowed(tmp_path, make_workbook):
    path = make_workbook(edit=lambda wb: wb["Touchpoints"].__setitem__("F3", "very"))
    result = run("deck", str(path))
    assert result.returncode == 1
    assert "invalid-number" in result.stdout and "--allow-errors" in result.stderr
    assert not path.with_suffix(".pptx").exists()
    dutch = run("deck", str(path), "--lang", "nl")
    assert dutch.returncode == 1 and "geen presentatie geschreven: herstel de fouten" in dutch.stderr
    allowed = run("deck", str(path), "--allow-errors", "--lang", "nl", "-o", str(tmp_path / "x.pptx"))
    assert allowed.returncode == 1 and (tmp_path / "x.pptx").exists()
    assert titles(Presentation(tmp_path / "x.pptx"))[6:8] == ["Achtergrond", "Doel en aanpak"]


def test_deck_from_the_library(tmp_path):
    done = deck_workbook(write_workbook(tmp_path / "j.xlsx", example("home-insurance")), template=None)
    assert done.path == tmp_path / "j.pptx" and done.slides == 16 and done.report.valid
    assert ROOT.exists()


def test_text_with_line_breaks_and_markup_characters_reaches_the_slides():
    doc = example()
    doc["persona"]["description"] = "Line one\nLine two & <three>"
    doc["touchpoints"][0]["name"] = "Reads the letter\nand the small print"
    doc["blueprint"][0]["activity"] = "Checks <premium> & cover"
    text = "\n".join(all_text(slide) for slide in deck_of(doc, "en").slides)
    assert "Line one\nLine two & <three>" in text  # a text box (persona card)
    assert "Checks <premium> & cover" in text  # a blueprint lane
    assert "Reads the letter\nand the small print" in text  # the appendix table keeps the line break


TRICKY = ["plain", "a & b <c>", "bell\x07here", "soft\vbreak", "two\nlines", "\v", "", "end\v", "tab\there"]


def test_text_is_written_as_python_pptx_itself_writes_it():
    """Text boxes and table cells are written as XML in one go; their text must be exactly
    what python-pptx's own setters make of it (control characters escaped, line breaks)."""
    from lxml import etree
    from pptx.util import Emu

    from xlplugin.deck.frame import Area
    from xlplugin.deck.shapes import table, text_box

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    area = Area(0, 0, int(Inches(8)), int(Inches(6)))

    def strip(p):  # the paragraph without run properties: text, runs and breaks only
        p = etree.fromstring(etree.tostring(p))
        for tag in ("rPr", "pPr"):
            for e in p.iter(f"{{http://schemas.openxmlformats.org/drawingml/2006/main}}{tag}"):
                e.getparent().remove(e)
        return etree.tostring(p)

    for text in TRICKY:
        ours = text_box(slide, area, [text]).text_frame.paragraphs[0]._p
        reference = slide.shapes.add_textbox(Emu(0), Emu(0), Emu(9), Emu(9)).text_frame.paragraphs[0]
        reference.add_run().text = text
        assert strip(ours) == strip(reference._p), repr(text)
    cells = table(slide, area, ["h"], [[t] for t in TRICKY], [1]).table
    reference = slide.shapes.add_table(1, 1, Emu(0), Emu(0), Emu(9), Emu(9)).table.cell(0, 0).text_frame
    for r, text in enumerate(TRICKY, start=1):
        reference.text = text
        ours = cells.cell(r, 0).text_frame.paragraphs
        assert [strip(p._p) for p in ours] == [strip(p._p) for p in reference.paragraphs], repr(text)


def test_deck_command_compares_to_be_with_as_is(tmp_path):
    to_be = write_workbook(tmp_path / "to-be.xlsx", example("laptop-request-to-be"))
    as_is = write_workbook(tmp_path / "as-is.xlsx", example("laptop-request"))
    result = run("deck", str(to_be), "--compare", str(as_is), "--lang", "en")
    assert result.returncode == 0, result.stderr
    names = titles(Presentation(tmp_path / "to-be.pptx"))
    assert "The redesign lifts the mean emotion from −0.3 to +0.6" in names
    assert "1 touchpoint added, 1 removed" in names
    assert any(t.startswith("12 of 16 touchpoints are rated higher after the redesign") for t in names)
    summary = all_text(Presentation(tmp_path / "to-be.pptx").slides[1])
    assert "Against the as-is: mean emotion −0.3 → +0.6; 12 of 16 touchpoints rated higher" in summary
    missing = run("deck", str(to_be), "--compare", str(tmp_path / "nowhere.xlsx"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_allow_errors_marks_every_slide_as_a_draft(tmp_path, make_workbook):
    path = make_workbook(edit=lambda wb: wb["Touchpoints"].__setitem__("F3", "very"))
    allowed = run("deck", str(path), "--allow-errors", "-o", str(tmp_path / "x.pptx"))
    assert allowed.returncode == 1
    prs = Presentation(tmp_path / "x.pptx")
    for slide in prs.slides:
        assert "DRAFT · 1 error" in all_text(slide)
    clean = run("deck", str(make_workbook()), "-o", str(tmp_path / "y.pptx"))
    assert clean.returncode == 0
    assert not any("DRAFT" in all_text(s) for s in Presentation(tmp_path / "y.pptx").slides)


def test_every_concentrate_here_point_of_home_insurance_keeps_its_label():
    """Its four priorities sit on the top edge of the plot, close together: a leader line from one
    must not take the only spot another's label has."""
    prs = deck_of(example("home-insurance"))
    labels = {s.text_frame.text for s in matrix_slide(prs).shapes if s.name == "note: matrix label"}
    assert {"H07★", "H09★", "H06★", "H14★"} <= labels

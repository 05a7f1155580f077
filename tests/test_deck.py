"""The deck, read back as a manager's PowerPoint would show it, rendered by LibreOffice,
and built in a company's own template."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Inches

from xlplugin.api import deck_workbook
from xlplugin.deck import build_deck
from xlplugin.model import Journey
from xlplugin.ranking import rank_gaps
from xlplugin.workbook import write_workbook

from conftest import ROOT, example, libreoffice_convert
from journeys import big_journey


def deck_of(document, lang=None, template=None):
    journey = Journey.from_document(document)
    return build_deck(journey, rank_gaps(journey), lang or journey.language, template)


def titles(prs) -> list[str]:
    return [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]


def all_text(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts.extend(c.text for row in shape.table.rows for c in row.cells)
    return "\n".join(parts)


def charts(slide) -> list:
    return [s.chart for s in slide.shapes if s.has_chart]


def test_english_deck_has_every_slide_kind_in_order():
    prs = deck_of(example("home-insurance"))
    assert titles(prs) == [
        "Taking out home contents insurance online", "Objective and approach",
        "Persona: Daniel, first-time home owner", "The journey at a glance",
        "Priority matrix: importance against rating", "Top priority gaps",
        "Service blueprint: Trigger", "Service blueprint: Orientation", "Service blueprint: Quote and decision",
        "Service blueprint: Buying", "Service blueprint: Living with the policy", "Improvement actions",
        "Appendix: all touchpoints",
    ]
    assert prs.slide_width == Inches(13.333) and prs.slide_height == Inches(7.5)  # 16:9


def test_dutch_deck_speaks_dutch():
    prs = deck_of(example("laptop-request"))
    assert titles(prs)[1:6] == ["Doel en aanpak", "Persona: Fatima, beleidsmedewerker", "De klantreis in één oogopslag",
                                "Prioriteitenmatrix: belang tegen waardering", "Grootste prioriteiten"]
    assert "Huidige situatie" in all_text(prs.slides[0]) and "14 oktober 2026" in all_text(prs.slides[0])
    assert prs.slides[1].notes_slide.notes_text_frame.text.startswith("Wat de organisatie")


def test_every_slide_has_speaker_notes():
    for slide in deck_of(example("food-supplier")).slides:
        assert len(slide.notes_slide.notes_text_frame.text) > 40


def test_charts_are_native_and_editable():
    prs = deck_of(example("home-insurance"))
    [curve] = charts(prs.slides[3])
    assert curve.chart_type == XL_CHART_TYPE.XY_SCATTER_SMOOTH
    emotion, moments = curve.plots[0].series
    assert list(emotion.values) == [-1, -1, 0, 0, 1, -1, -2, 1, -2, 0, 1, 1, 0, -2, 0, 0]
    assert len(list(moments.values)) == 6  # the moments of truth, marked
    [matrix] = charts(prs.slides[4])
    assert matrix.chart_type == XL_CHART_TYPE.XY_SCATTER
    names = [s.name for s in matrix.plots[0].series]
    assert {f"H{i:02}" for i in range(1, 17)} <= set(names)
    assert {"Rating threshold", "Importance threshold", "Concentrate here", "Possible overkill"} <= set(names)
    h07 = next(s for s in matrix.plots[0].series if s.name == "H07")
    assert (list(h07.iter_values()), h07.values) == ([5.0], (5.0,))
    assert matrix.part.chart_workbook.xlsx_part is not None  # the data opens in PowerPoint's sheet


def test_top_gaps_table_and_every_touchpoint_in_the_appendix():
    prs = deck_of(example("webshop-first-purchase"))
    table = next(s.table for s in prs.slides[5].shapes if s.has_table)
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["#", "Touchpoint", "Phase", "Importance", "Rating", "Gap", "Respondents"]
    assert [r[1].split()[0] for r in rows[1:4]] == ["W05", "W13", "W07"] and len(rows) == 11
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
    assert not any(t.startswith("Service blueprint") for t in names)
    assert [t for t in names if t.startswith("Bijlage")] == [f"Bijlage: alle contactmomenten ({i}/4)" for i in (1, 2, 3, 4)]
    assert "Herhaalaankoop (nog leeg)" in all_text(prs.slides[3])
    assert "nog geen contactmomenten" in all_text(prs.slides[3])
    assert "+2 meer (zie bijlage)" in all_text(prs.slides[3])
    assert "K06, K17, K28, K39, K50" in all_text(prs.slides[4])  # unrated, named under the matrix
    appendix = "\n".join(all_text(s) for s in prs.slides if s.shapes.title.text.startswith("Bijlage"))
    assert all(f"K{i:02}" in appendix for i in range(1, 61))


def test_a_phase_that_does_not_fit_continues_on_a_further_slide():
    prs = deck_of(big_journey(60, "1-10", blueprint=True))
    blueprint = [t for t in titles(prs) if t.startswith("Service blueprint")]
    assert "Service blueprint: Overweging (1/2)" in blueprint and "Service blueprint: Overweging (2/2)" in blueprint
    assert shapes_inside(prs) == []


def corporate_template(path: Path) -> Path:
    """A company template: its own fonts and colours, 4:3, and two example slides."""
    prs = Presentation()
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    xml = theme.blob.decode("utf-8")
    xml = re.sub(r'(<a:majorFont>\s*<a:latin typeface=")[^"]*', r"\1Georgia", xml)
    xml = re.sub(r'(<a:minorFont>\s*<a:latin typeface=")[^"]*', r"\1Verdana", xml)
    xml = re.sub(r'(<a:accent1>\s*<a:srgbClr val=")[0-9A-F]{6}', r"\g<1>7A1F5C", xml)
    theme._blob = xml.encode("utf-8")
    for _ in range(2):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = "Corporate example slide"
    prs.save(path)
    return path


def test_corporate_template_is_used_and_its_example_slides_are_gone(tmp_path):
    brand = corporate_template(tmp_path / "brand.pptx")
    prs = deck_of(example("home-insurance"), template=brand)
    prs.save(tmp_path / "deck.pptx")
    again = Presentation(tmp_path / "deck.pptx")
    assert titles(again) == titles(deck_of(example("home-insurance")))  # the same 13 slides, in the company's design
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
    assert re.search(r"^Pages:\s+13$", pages, re.M)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "xlplugin", *args], capture_output=True, text=True, timeout=120)


def test_deck_command_writes_beside_the_workbook(tmp_path):
    workbook = write_workbook(tmp_path / "reis.xlsx", example("food-supplier"))
    result = run("deck", str(workbook))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{tmp_path / 'reis.pptx'}: 13 dia's (0 fouten, 0 waarschuwingen)"
    assert len(Presentation(tmp_path / "reis.pptx").slides) == 13


def test_deck_refuses_a_workbook_with_errors_unless_allowed(tmp_path, make_workbook):
    path = make_workbook(edit=lambda wb: wb["Touchpoints"].__setitem__("F3", "very"))
    result = run("deck", str(path))
    assert result.returncode == 1
    assert "invalid-number" in result.stdout and "--allow-errors" in result.stderr
    assert not path.with_suffix(".pptx").exists()
    allowed = run("deck", str(path), "--allow-errors", "--lang", "nl", "-o", str(tmp_path / "x.pptx"))
    assert allowed.returncode == 1 and (tmp_path / "x.pptx").exists()
    assert titles(Presentation(tmp_path / "x.pptx"))[1] == "Doel en aanpak"


def test_deck_from_the_library(tmp_path):
    done = deck_workbook(write_workbook(tmp_path / "j.xlsx", example("home-insurance")), template=None)
    assert done.path == tmp_path / "j.pptx" and done.slides == 13 and done.report.valid
    assert ROOT.exists()


def test_text_with_line_breaks_and_markup_characters_reaches_the_slides():
    doc = example()
    doc["persona"]["description"] = "Line one\nLine two & <three>"
    doc["touchpoints"][0]["name"] = "Reads the letter\nand the small print"
    doc["blueprint"][0]["activity"] = "Checks <premium> & cover"
    text = "\n".join(all_text(slide) for slide in deck_of(doc, "en").slides)
    assert "Line one\nLine two & <three>" in text  # a text box (persona card)
    assert "Checks <premium> & cover" in text  # a blueprint lane
    assert "Reads the letter and the small print" in text  # the appendix table puts it on one line


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

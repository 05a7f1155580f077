"""The portfolio overview as files people open: the workbook and the deck, read back and
rendered by LibreOffice."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from xlplugin.api import write_overview
from xlplugin.batch import read_portfolio
from xlplugin.workbook import write_workbook

from helpers.office import libreoffice_convert
from helpers.paths import ROOT
from helpers.workbooks import example


@pytest.fixture(scope="module")
def portfolio_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples, a broken workbook, and the laptop journey drawn for a second persona."""
    here = tmp_path_factory.mktemp("portfolio")
    for sample in (ROOT / "samples" / f"{name}.xlsx" for name in SAMPLES):
        shutil.copy(sample, here / sample.name)
    (here / "broken.xlsx").write_bytes(b"PK\x03\x04 not really")
    doc = example("laptop-request")
    doc["persona"] = {"name": "Joost, teamleider"}
    for i, tp in enumerate(doc["touchpoints"]):
        if tp.get("rating") is not None:
            tp["rating"] = max(1, min(5, round(tp["rating"] + (0.8 if i % 3 == 0 else -0.8), 1)))
        if tp.get("emotion") is not None:
            tp["emotion"] = max(-2, min(2, tp["emotion"] + (1 if i % 2 else -1)))
    doc["journey"]["title"] = "=Nieuwe laptop aanvragen"  # text that looks like a formula stays text
    doc["journey"]["objective"] = example("laptop-request")["journey"]["objective"]
    write_workbook(here / "laptop-request-teamleider.xlsx", doc)
    return here


SAMPLES = ("food-supplier", "home-insurance", "laptop-request", "laptop-request-to-be", "webshop-first-purchase")
"""The samples the expected figures were worked out on (a sample added later leaves them as they are)."""


def test_overview_workbook_links_heat_map_gaps_and_filters(portfolio_dir, tmp_path):
    portfolio = read_portfolio([portfolio_dir], jobs=2)
    out = write_overview(portfolio, tmp_path / "overview.xlsx", "en")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Journeys", "Heat map", "Gaps", "Personas"]
    journeys = wb["Journeys"]
    assert journeys.auto_filter.ref == f"A1:M{len(portfolio.journeys) + 1}"
    for row in range(2, len(portfolio.journeys) + 2):  # every link opens its workbook
        link = journeys.cell(row, 12).hyperlink.target
        assert (tmp_path / link).resolve() == Path(portfolio.journeys[row - 2].file).resolve()
    titles = [journeys.cell(r, 2).value for r in range(2, journeys.max_row + 1)]
    assert "=Nieuwe laptop aanvragen" in titles
    assert journeys.cell(2 + titles.index("=Nieuwe laptop aanvragen"), 2).data_type == "s"

    heat = wb["Heat map"]
    assert [heat.cell(r, 1).value for r in range(4, 9)] == ["Behoefte", "Aanvragen", "Goedkeuring",
                                                            "Levering en installatie", "Gebruik en nazorg"]
    rules = [(str(cf.sqref), rule.type, [(v.type, v.val) for v in rule.colorScale.cfvo])
             for cf in heat.conditional_formatting for rule in cf.rules]
    assert len(rules) == 3 and all(kind == "colorScale" and cfvo == [("num", 1), ("num", 3), ("num", 5)]
                                   for _, kind, cfvo in rules)
    assert heat.auto_filter.ref == "A3:D8"

    gaps = wb["Gaps"]
    assert gaps.auto_filter.ref == f"A1:J{len(portfolio.gaps) + 1}"
    assert [gaps.cell(r, 8).value for r in range(2, 5)] == [g.touchpoint.id for g in portfolio.gaps[:3]]
    assert [gaps.cell(r, 2).value for r in range(2, 5)] == [round(g.touchpoint.gap, 2) for g in portfolio.gaps[:3]]
    personas = wb["Personas"]
    assert {personas.cell(r, 5).value for r in range(2, personas.max_row + 1)} == {
        "Joost, teamleider", "Fatima, beleidsmedewerker"}


def _texts(prs: Presentation) -> list[str]:
    return [para.text for slide in prs.slides for shape in slide.shapes if shape.has_text_frame
            for para in shape.text_frame.paragraphs]


def test_overview_deck_slides_tables_and_the_personas_chart(portfolio_dir, tmp_path):
    portfolio = read_portfolio([portfolio_dir], jobs=2)
    out = write_overview(portfolio, tmp_path / "overview.pptx", "en")
    prs = Presentation(str(out))
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles[0] == "Portfolio of 7 customer journeys"
    assert titles[2] == "5 of 6 journeys have moments of truth at risk"
    assert titles[3] == "'Behoefte' scores lowest of the phases journeys share"
    assert titles[4].startswith("The 10 largest gaps lie in")
    assert titles[5] == "Joost / Fatima feel 'Goedkeuring' most differently"
    heat = next(shape.table for shape in prs.slides[3].shapes if shape.has_table)
    assert [heat.cell(0, c).text for c in range(len(heat.columns))] == ["Phase", "J4", "J5", "J6"]
    assert heat.cell(1, 0).text == "Behoefte"
    gaps = next(shape.table for shape in prs.slides[4].shapes if shape.has_table)
    first = portfolio.gaps[0]
    assert gaps.cell(1, 1).text.startswith(f"{first.touchpoint.id} {first.touchpoint.touchpoint}")
    chart = next(shape.chart for shape in prs.slides[5].shapes if shape.has_chart)
    assert chart.chart_type == XL_CHART_TYPE.LINE_MARKERS
    assert [s.name for s in chart.plots[0].series] == [
        "Joost, teamleider (J4)", "Fatima, beleidsmedewerker (J6)"]
    assert list(chart.plots[0].categories) == ["Behoefte", "Aanvragen", "Goedkeuring", "Levering en installatie",
                                               "Gebruik en nazorg"]
    texts = _texts(prs)
    assert not any("…" in t for t in texts)
    with zipfile.ZipFile(out) as z:  # no text under 10 pt anywhere
        sizes = {int(s) for name in z.namelist() if re.match(r"ppt/(slides/slide|charts/chart)\d+\.xml$", name)
                 for s in re.findall(r'\bsz="(\d+)"', z.read(name).decode())}
    assert min(sizes) >= 1000


def test_overview_deck_in_dutch_with_a_template(portfolio_dir, tmp_path):
    portfolio = read_portfolio([portfolio_dir], jobs=1)
    template = tmp_path / "brand.pptx"
    Presentation().save(str(template))
    out = write_overview(portfolio, tmp_path / "overzicht.pptx", "nl", template)
    prs = Presentation(str(out))
    assert prs.slides[0].shapes.title.text == "Portfolio van 7 klantreizen"
    assert prs.slide_width == Presentation(str(template)).slide_width  # the template's own size


def test_both_files_render_in_libreoffice(portfolio_dir, tmp_path):
    portfolio = read_portfolio([portfolio_dir], jobs=2)
    deck = write_overview(portfolio, tmp_path / "deck.pptx", "en")
    book = write_overview(portfolio, tmp_path / "book.xlsx", "en")
    pdf = libreoffice_convert(deck, "pdf", tmp_path / "pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count("\f") == len(Presentation(str(deck)).slides)
    assert "Portfolio of 7 customer journeys" in text and "Goedkeuring" in text and "…" not in text
    pdf = libreoffice_convert(book, "pdf", tmp_path / "pdf-book")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Levering en installatie" in text and "Tries to understand what is covered" in text


def test_command_writes_the_overview_and_skips_it_on_the_next_run(portfolio_dir, tmp_path):
    from helpers.commands import run_cli as run

    out = portfolio_dir / "overview.xlsx"
    try:
        first = run("portfolio", str(portfolio_dir), "-o", str(out))
        assert first.returncode == 1  # broken.xlsx
        assert first.stdout.strip() == f"Wrote {out}: 7 journeys (6 read)"
        again = run("portfolio", str(portfolio_dir), "-o", str(out), "--format", "json")
        assert again.returncode == 1 and again.stdout.strip() == f"Wrote {out}: 7 journeys (6 read)"
        listed = json.loads(run("portfolio", str(portfolio_dir), "--format", "json").stdout)["journeys"]
        assert any(j["file"].endswith("overview.xlsx") and j["error"] for j in listed)
    finally:
        out.unlink(missing_ok=True)
    wrong = run("portfolio", str(portfolio_dir), "-o", str(tmp_path / "overview.csv"))
    assert wrong.returncode == 2 and "a workbook (.xlsx) or a deck (.pptx)" in wrong.stderr

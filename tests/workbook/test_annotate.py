"""annotate writes the check into the workbook (sheets, marks, notes, status) and loses nothing of the user's."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from PIL import Image as PILImage

from xlplugin.api import annotate_workbook, check_workbook
from xlplugin.errors import WorkbookError
from xlplugin.workbook import write_workbook

from helpers.office import libreoffice_convert
from helpers.workbooks import example

CHANGED = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"}
VBA = b"\xd0\xcf\x11\xe0 not really a macro project, but bytes that must survive"


def rich_workbook(tmp_path: Path) -> Path:
    """A faulty journey workbook that someone has decorated: a logo, a chart, a comment,
    a sheet of their own with formulas and styles, a defined name, and a macro part."""
    path = write_workbook(tmp_path / "rich.xlsx", example("home-insurance"))
    wb = openpyxl.load_workbook(path)
    ws = wb["Touchpoints"]
    ws["F3"] = "quite"  # a fault, so there is something to report
    ws["N2"].comment = Comment("Check with the claims team", "Anna")
    own = wb.create_sheet("Our notes")
    own["A1"], own["A2"], own["B1"] = 10, 32, "=SUM(A1:A2)"
    own["A1"].font, own["A1"].fill = Font(bold=True, color="FF0000"), PatternFill("solid", fgColor="FFFF00")
    chart = BarChart()
    chart.add_data(Reference(own, min_col=1, min_row=1, max_row=2))
    own.add_chart(chart, "D2")
    PILImage.new("RGB", (40, 20), "navy").save(tmp_path / "logo.png")
    own.add_image(Image(str(tmp_path / "logo.png")), "D20")
    wb.defined_names["our_total"] = DefinedName("our_total", attr_text="'Our notes'!$B$1")
    wb.save(path)
    xlsm = tmp_path / "rich.xlsm"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(xlsm, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        dst.writestr("xl/vbaProject.bin", VBA)
    return xlsm


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_nothing_is_lost(tmp_path):
    source = rich_workbook(tmp_path)
    before = parts(source)
    done = annotate_workbook(source)
    assert done.path == tmp_path / "rich.checked.xlsm"
    after = parts(done.path)
    assert parts(source) == before  # the input is untouched
    new = set(after) - set(before)
    assert sorted(new) == [
        "xl/charts/chart2.xml", "xl/drawings/_rels/drawing2.xml.rels", "xl/drawings/drawing2.xml",
        "xl/worksheets/_rels/sheet12.xml.rels", "xl/worksheets/sheet11.xml", "xl/worksheets/sheet12.xml",
        "xl/worksheets/sheet13.xml",
    ]  # Findings, Priorities (with its chart) and the hidden registry; the user's chart is number 1
    touchpoints, start = "xl/worksheets/sheet5.xml", "xl/worksheets/sheet1.xml"
    comments = next(n for n in before if n.startswith("xl/comments"))
    vml = next(n for n in before if n.endswith(".vml"))
    marked = {"xl/styles.xml", touchpoints, start, comments, vml}
    for name, data in before.items():
        if name not in CHANGED | marked:
            assert after[name] == data, name
    assert after["xl/vbaProject.bin"] == VBA
    for name in CHANGED:  # each changed part only gained one element per new sheet
        assert len(after[name]) > len(before[name])
    # The marked parts changed only where the marks are.
    old, new_ = openpyxl.load_workbook(source), openpyxl.load_workbook(done.path)
    for sheet in old.sheetnames:
        for row_old, row_new in zip(old[sheet].iter_rows(), new_[sheet].iter_rows(), strict=True):
            for a, b in zip(row_old, row_new, strict=True):
                if (sheet, a.coordinate) == ("Start", "B2"):
                    assert b.value.startswith("checked at ")
                    continue
                assert a.value == b.value, (sheet, a.coordinate)
                for attr in ("font", "border", "alignment", "protection", "number_format"):
                    assert repr(getattr(a, attr)) == repr(getattr(b, attr)), (sheet, a.coordinate, attr)
                if (sheet, a.coordinate) == ("Touchpoints", "F3"):
                    assert b.fill.fgColor.rgb == "FFFFC7CE" and b.comment.text.startswith("xlplugin")
                else:
                    assert repr(a.fill) == repr(b.fill), (sheet, a.coordinate)
                    assert repr(a.comment) == repr(b.comment), (sheet, a.coordinate)
    assert new_["Touchpoints"]["N2"].comment.text == "Check with the claims team"


def test_findings_sheet_lists_every_finding_with_a_link_to_its_cell(tmp_path):
    done = annotate_workbook(rich_workbook(tmp_path))
    wb = openpyxl.load_workbook(done.path)
    assert wb.sheetnames[-3:] == ["Findings", "Priorities", "xlplugin.marks"]
    assert wb["xlplugin.marks"].sheet_state == "hidden"
    ws = wb["Findings"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("Severity", "Code", "Sheet", "Cell", "Message", "How to fix", "Go to", "Kind")
    assert sorted(r[1:4] for r in rows[1:]) == sorted(done.report.flatten())
    # errors first, then warnings, each in reading order (sheet, row, column)
    severities = [r[0] for r in rows[1:]]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert all(r[7] for r in rows[1:])  # every code with its title
    assert rows[1][4] == "Importance must be a number; it says 'quite'."
    assert ws["G2"].hyperlink.location == "'Touchpoints'!F3"
    assert wb["Our notes"]["B1"].value == "=SUM(A1:A2)"
    assert wb.defined_names["our_total"].attr_text == "'Our notes'!$B$1"


def test_rerun_replaces_the_tools_sheets_in_either_language(tmp_path):
    source = rich_workbook(tmp_path)
    first = annotate_workbook(source, lang="nl")
    names = set(parts(first.path))
    annotate_workbook(first.path, in_place=True, lang="en")
    assert set(parts(first.path)) == names  # rewritten in place: no second sheet, drawing or chart
    wb = openpyxl.load_workbook(first.path)
    assert wb.sheetnames[-3:] == ["Bevindingen", "Prioriteiten", "xlplugin.marks"]
    assert wb["Bevindingen"]["E2"].value == "Importance must be a number; it says 'quite'."
    assert wb["Bevindingen"]["H1"].value == "Kind"
    assert check_workbook(first.path).flatten() == check_workbook(source).flatten()


def test_in_place_keeps_a_backup(tmp_path):
    source = rich_workbook(tmp_path)
    original = source.read_bytes()
    done = annotate_workbook(source, in_place=True)
    assert done.path == source and done.backup == tmp_path / "rich.backup.xlsm"
    assert done.backup.read_bytes() == original
    assert "Findings" in openpyxl.load_workbook(source).sheetnames


def test_output_onto_the_input_needs_in_place(tmp_path):
    source = rich_workbook(tmp_path)
    original = source.read_bytes()
    with pytest.raises(WorkbookError, match="--in-place"):
        annotate_workbook(source, output=source)
    assert source.read_bytes() == original


def test_clean_workbook_says_so(tmp_path):
    done = annotate_workbook(write_workbook(tmp_path / "ok.xlsx", example("laptop-request")))
    rows = list(openpyxl.load_workbook(done.path)["Bevindingen"].iter_rows(values_only=True))
    assert rows[1][4] == "Geen problemen gevonden."


def test_libreoffice_opens_the_annotated_workbook(tmp_path):
    source = rich_workbook(tmp_path)
    resaved_source = libreoffice_convert(source, "xlsx", tmp_path / "lo1")  # LibreOffice's own XML style
    done = annotate_workbook(resaved_source, output=tmp_path / "annotated.xlsx")
    reopened = libreoffice_convert(done.path, "xlsx", tmp_path / "lo2")
    rows = list(openpyxl.load_workbook(reopened)["Findings"].iter_rows(values_only=True))
    assert [r[1:4] for r in rows[1:]] == done.report.flatten()
    assert "Our notes" in openpyxl.load_workbook(reopened).sheetnames


def test_priorities_sheet_has_the_ranking_and_a_native_scatter_chart(tmp_path):
    done = annotate_workbook(write_workbook(tmp_path / "p.xlsx", example("home-insurance")))
    ws = openpyxl.load_workbook(done.path)["Priorities"]
    rows = list(ws.iter_rows(max_col=12, values_only=True))
    assert rows[0][:8] == ("Rank", "ID", "Touchpoint", "Phase", "Importance", "Rating", "Gap score", "Quadrant")
    assert [r[:2] for r in rows[1:5]] == [(1, "H07"), (2, "H09"), (3, "H06"), (4, "H14")]
    assert rows[1][4:8] == (5, 1.8, 80.0, "Concentrate here")
    [chart] = ws._charts
    assert chart.tagname == "scatterChart"
    names = [s.tx.strRef.f for s in chart.series]
    assert len(chart.series) == 16 + 6  # one labelled series per touchpoint, two threshold lines, four quadrant names
    assert names[0] == "'Priorities'!$B$2" and chart.series[0].xVal.numRef.f == "'Priorities'!$F$2"
    thresholds = [s for s in chart.series if s.spPr is not None and s.spPr.ln is not None and s.spPr.ln.prstDash == "dash"]
    assert len(thresholds) == 2
    assert chart.x_axis.scaling.min == 1 and chart.x_axis.scaling.max == 5


def test_priorities_sheet_shows_one_number_of_decimals_and_hides_the_chart_helpers(tmp_path):
    done = annotate_workbook(write_workbook(tmp_path / "p.xlsx", example("home-insurance")))
    ws = openpyxl.load_workbook(done.path)["Priorities"]
    for column in "EFGK":
        formats = {ws[f"{column}{r}"].number_format for r in range(2, 17) if ws[f"{column}{r}"].value is not None}
        assert formats <= {"0.0"} and (formats or column == "K"), column  # no opportunity without responses
    table = next(c.column for c in ws[1] if not c.value) - 1  # the ranking and its target columns
    helpers = [c for c in ws[1] if c.column > table and c.value]
    hidden = ws.column_dimensions[helpers[0].column_letter]
    assert hidden.hidden and hidden.min <= min(c.column for c in helpers) and hidden.max > max(c.column for c in helpers)
    assert min(c.column for c in helpers) > table + 2 + 11  # beyond the chart, not beside the table
    chart = next(data for name, data in parts(done.path).items() if name.startswith("xl/charts/"))
    assert b'<c:plotVisOnly val="0"/>' in chart  # hidden helper cells are still drawn


def test_libreoffice_keeps_the_priorities_chart(tmp_path):
    done = annotate_workbook(write_workbook(tmp_path / "p.xlsx", example("food-supplier")))
    reopened = libreoffice_convert(done.path, "xlsx", tmp_path / "lo")
    ws = openpyxl.load_workbook(reopened)["Prioriteiten"]
    [chart] = ws._charts
    assert len(chart.series) == 18 + 6
    assert chart.y_axis.scaling.max == 10


def test_a_large_journey_gets_one_unlabelled_series(tmp_path):
    document = example("home-insurance")
    base = document["touchpoints"][0]
    document["touchpoints"] = [dict(base, id=f"T{i:03}", importance=1 + i % 5, rating=1 + (i * 7) % 5)
                               for i in range(120)]
    document["blueprint"] = [{"touchpoint_id": f"T{i:03}", "lane": "backstage", "activity": "a"} for i in range(120)]
    document["actions"] = []
    done = annotate_workbook(write_workbook(tmp_path / "big.xlsx", document))
    [chart] = openpyxl.load_workbook(done.path)["Priorities"]._charts
    assert len(chart.series) == 1 + 6
    assert chart.series[0].xVal.numRef.f == "'Priorities'!$F$2:$F$121"


def test_rerun_keeps_one_note_shape_per_note_and_the_users_own(tmp_path):
    source = rich_workbook(tmp_path)
    first = annotate_workbook(source)
    for _ in range(2):
        annotate_workbook(first.path, in_place=True)
    after = parts(first.path)
    vml = next(data.decode() for name, data in after.items() if name.endswith(".vml"))
    comments = next(data.decode() for name, data in after.items() if name.startswith("xl/comments"))
    shapes = re.findall(r"<(?:\w+:)?shape\s", vml)  # openpyxl wrote Anna's as <ns0:shape>
    assert len(shapes) == comments.count("<comment ") == 2  # Anna's note and the mark on F3
    wb = openpyxl.load_workbook(first.path)
    assert wb["Touchpoints"]["N2"].comment.text == "Check with the claims team"
    assert wb["Touchpoints"]["F3"].comment.text.startswith("xlplugin · error [invalid-number]")


def _rgb(fill) -> str:
    colour = fill.srgbClr
    return getattr(colour, "val", colour)


def test_uncertain_placements_are_drawn_hollow_and_explained_below_the_chart(tmp_path):
    from xlplugin.core.analysis.ranking import rank_gaps
    from xlplugin.core.model import Journey
    from xlplugin.workbook.chart_xml import COLOURS

    document = example("energy-switch")
    priorities = rank_gaps(Journey.from_document(document))
    uncertain = {p.id: p.quadrant for p in priorities.touchpoints if p.uncertain}
    assert len(uncertain) >= 2 and len(uncertain) < len(priorities.touchpoints)
    for lang, words in (("nl", "Open marker: onzekere plaatsing"), ("en", "Hollow marker: uncertain placement")):
        done = annotate_workbook(write_workbook(tmp_path / f"e-{lang}.xlsx", document, lang))
        ws = openpyxl.load_workbook(done.path)["Prioriteiten" if lang == "nl" else "Priorities"]
        [chart] = ws._charts
        by_id = {s.tx.strRef.strCache.pt[0].v: s for s in chart.series if s.tx.strRef.f.startswith(f"'{ws.title}'!$B$")}
        assert set(by_id) == {p.id for p in priorities.touchpoints}
        for tid, s in by_id.items():
            look = s.marker.spPr
            if tid in uncertain:  # no fill, edged in its quadrant's colour
                assert look.noFill and _rgb(look.ln.solidFill) == COLOURS[uncertain[tid]], tid
            else:
                quadrant = next(t.quadrant for t in priorities.touchpoints if t.id == tid)
                assert not look.noFill and _rgb(look.solidFill) == COLOURS[quadrant], tid
        notes = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith(words)]
        assert len(notes) == 1
        assert (notes[0].row, notes[0].column) == (chart.anchor._from.row + 1 + 26 + 1, chart.anchor._from.col + 1)
    # A journey without uncertain placements has no such note.
    done = annotate_workbook(write_workbook(tmp_path / "h.xlsx", example("home-insurance")))
    ws = openpyxl.load_workbook(done.path)["Priorities"]
    assert not [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "Hollow marker" in c.value]


def test_a_large_chart_draws_its_uncertain_points_hollow_one_by_one():
    from xlplugin.core.writeback.sheets import Point, Scatter
    from xlplugin.workbook.chart_xml import chart_xml

    points = [Point(f"T{i}", 2 + i, 3.0, 3.0, "keep-up", uncertain=i in (4, 77)) for i in range(120)]
    xml = chart_xml("Priorities", Scatter("t", "x", "y", 6, 5, 2, points, 1, 5, (), 14)).decode()
    dpts = re.findall(r'<c:dPt><c:idx val="(\d+)"/><c:marker>.*?</c:dPt>', xml)
    assert dpts == ["4", "77"]
    assert xml.count("<a:noFill/><a:ln w=\"19050\">") == 2


def test_an_off_scale_or_unreadable_score_is_to_check_on_priorities_never_unrated(make_workbook, tmp_path):
    doc = example("laptop-request")
    doc["touchpoints"][0]["rating"] = 9  # off the 1-5 scale
    doc["touchpoints"][1]["importance"] = "hoog"  # not a number
    doc["touchpoints"][2]["rating"] = None  # really unrated
    done = annotate_workbook(make_workbook(doc, "nl"), output=tmp_path / "out.xlsx")
    ws = openpyxl.load_workbook(done.path)["Prioriteiten"]
    header = [c.value for c in ws[1]]
    quadrant = {row[1]: row[header.index("Kwadrant")] for row in ws.iter_rows(min_row=2, values_only=True) if row[1]}
    assert (quadrant["C01"], quadrant["C02"], quadrant["C03"]) == ("controleer", "controleer", "Niet beoordeeld")
    assert header[header.index("Kwadrant") + 3] == "Kansscore"
    assert ws.cell(2, header.index("Gapscore") + 1).number_format == "[$-413]0.0"  # 100,0 in any Calc

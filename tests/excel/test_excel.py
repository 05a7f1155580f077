"""One click inside Excel: the write-back plan, the live adapter against a recording fake,
and the same result as annotate on the file."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import xlwings
from pptx import Presentation

from xlplugin.api import annotate_workbook
from xlplugin.core.findings import finding
from xlplugin.core.report import Report
from xlplugin.core.writeback.plan import COLOURS, REGISTRY, apply, make_plan
from xlplugin.core.writeback.sheets import NewSheet
from xlplugin.excel import surface as excel

from helpers import fake_xlwings
from helpers.fake_xlwings import USED, open_book
from helpers.live import NOW, faulty, file_view, live_view, priorities_look_file, priorities_look_live
from helpers.workbooks import example


class MemorySurface:
    """The plan's surface in plain Python: cells with a fill and a note."""

    def __init__(self, sheets: list[str]):
        self.sheets = {s: {} for s in sheets}
        self.fills: dict[tuple[str, str], str | None] = {}
        self.notes: dict[tuple[str, str], str] = {}
        self.values: dict[tuple[str, str], str] = {}
        self.hidden: set[str] = set()

    def has_sheet(self, name): return name in self.sheets
    def read_rows(self, name): return self.sheets[name]
    def fill(self, sheet, cell): return self.fills.get((sheet, cell))
    def set_fill(self, sheet, cell, colour): self.fills[(sheet, cell)] = colour
    def note(self, sheet, cell): return self.notes.get((sheet, cell))
    def set_value(self, sheet, cell, text): self.values[(sheet, cell)] = text

    def set_note(self, sheet, cell, text):
        self.notes.pop((sheet, cell), None)
        if text is not None:
            self.notes[(sheet, cell)] = text

    def put_sheet(self, sheet: NewSheet, hidden=False):
        for alias in sheet.aliases:
            self.sheets.pop(alias, None)
        self.sheets[sheet.title] = [list(r) for r in sheet.rows]
        if hidden:
            self.hidden.add(sheet.title)


def report(*found) -> Report:
    return Report("x.xlsx", tuple(found), "en")


def test_plan_marks_each_faulty_cell_once_with_every_message():
    r = report(
        finding("invalid-number", "Touchpoints", "F3", field="Importance", what="a number", value="quite", example=4),
        finding("unrated-touchpoint", "Touchpoints", "F3", id="T1", missing="importance", scale="1-5"),
        finding("missing-sheet", "Persona", None, expected="Persona"),
    )
    plan = make_plan(r, None, "en", NOW)
    assert [(m.sheet, m.cell, m.colour) for m in plan.marks] == [("Touchpoints", "F3", COLOURS["error"])]
    note = plan.marks[0].note
    assert note.startswith("xlplugin") and "[invalid-number]" in note and "[unrated-touchpoint]" in note
    assert plan.status.text == "checked at 2026-11-23 09:30: 2 errors, 1 warning"
    assert [s.title for s in plan.sheets] == ["Findings"]
    assert make_plan(r, None, "nl", NOW).status.text.startswith("gecontroleerd op 23-11-2026 om 09:30: 2 fouten")


def test_plan_clears_the_previous_run_and_gives_back_the_users_own_fill_and_notes():
    surface = MemorySurface(["Start", "Touchpoints"])
    surface.fills[("Touchpoints", "F3")] = "00B0F0"  # the user's colour
    surface.notes[("Touchpoints", "G5")] = "mine"  # the user's note
    first = report(
        finding("invalid-number", "Touchpoints", "F3", field="Importance", what="a number", value="quite", example=4),
        finding("out-of-range", "Touchpoints", "G5", field="Rating", value=9, allowed="from 1 to 5", why=""),
        finding("invalid-number", "Gone", "A2", field="X", what="a number", value="y", example=4),
    )
    outcome = apply(make_plan(first, None, "en", NOW), surface)
    assert (outcome.marked, outcome.notes, outcome.kept_notes, outcome.skipped) == (
        2, 1, [("Touchpoints", "G5")], [("Gone", "A2")])
    assert surface.fills[("Touchpoints", "F3")] == COLOURS["error"]
    assert surface.notes[("Touchpoints", "G5")] == "mine"
    assert REGISTRY in surface.hidden
    assert surface.values[("Start", "B2")].endswith("3 errors, 0 warnings")
    # The user recolours G5 by hand; then fixes everything and runs again.
    surface.fills[("Touchpoints", "G5")] = "FFFF00"
    outcome = apply(make_plan(report(), None, "en", NOW), surface)
    assert outcome.cleared == 1
    assert surface.fills[("Touchpoints", "F3")] == "00B0F0"  # given back
    assert surface.fills[("Touchpoints", "G5")] == "FFFF00"  # the user's later choice stays
    assert surface.notes == {("Touchpoints", "G5"): "mine"}
    assert surface.sheets[REGISTRY] == [["Sheet", "Cell", "Mark", "Before", "Note"]]








def test_live_adapter_writes_what_annotate_writes(make_workbook, tmp_path):
    source = make_workbook(edit=faulty)
    annotated = annotate_workbook(source, output=tmp_path / "annotated.xlsx", now=NOW)
    book = open_book(source)
    message = excel.run("check", book, now=NOW)
    file_seen, live_seen = file_view(annotated.path), live_view(book)
    assert live_seen == file_seen
    assert file_seen["marks"] == {("Touchpoints", "F3"): "FFC7CE", ("Touchpoints", "F4"): "FFEB9C",
                                  ("Touchpoints", "G5"): "FFC7CE"}
    assert file_seen["notes"][("Touchpoints", "F3")] == "Ask Anna about this one"  # the user's note is kept
    assert file_seen["notes"][("Touchpoints", "G5")].startswith("xlplugin · error [out-of-range]\nRating is 9")
    assert file_seen["status"] == "checked at 2026-11-23 09:30: 2 errors, 1 warning"
    assert file_seen["hidden"] == ["Lists", REGISTRY]
    assert message.startswith("2 errors, 1 warning. The cells are coloured")
    assert book.app._alerts == [(message, "Journey", "info")] and book._active == "Findings"


def test_fixing_and_rerunning_gives_the_cells_back(make_workbook):
    book = open_book(make_workbook(edit=faulty))
    excel.run("check", book, now=NOW)
    touchpoints = book.sheets["Touchpoints"]
    touchpoints.range("F3").value = 2  # the values the example had
    touchpoints.range("G5").value = 3.6
    touchpoints.range("F4").value = 4
    message = excel.run("check", book, now=NOW)
    assert message == "No problems found."
    assert touchpoints.range("G5").color == (0x00, 0xB0, 0xF0)  # the user's own colour is back
    assert touchpoints.range("F3").color is None and touchpoints.range("F4").color is None
    assert touchpoints.range("F3").note.text == "Ask Anna about this one"
    assert touchpoints.range("G5").note is None and touchpoints.range("F4").note is None
    assert [s.name for s in book.sheets].count("Findings") == 1


def test_dutch_workbook_gets_dutch_sheets_and_messages(make_workbook):
    book = open_book(make_workbook(lang="nl", edit=lambda wb: wb["Contactmomenten"].__setitem__("F3", "heel")))
    message = excel.run("priorities", book, now=NOW)
    assert message.startswith("De grootste prioriteiten:\n1. ")
    assert "1 fout" in message
    assert book._active == "Prioriteiten"
    assert book.sheets["Start"].range("B2").value.startswith("gecontroleerd op 23-11-2026 om 09:30: 1 fout")
    assert book.sheets["Contactmomenten"].range("F3").note.text.startswith("xlplugin · fout [")


def test_deck_is_written_beside_a_clean_workbook_and_refused_with_errors(make_workbook, tmp_path):
    book = open_book(make_workbook())
    message = excel.run("deck", book, now=NOW)
    deck = Path(book.fullname).with_suffix(".pptx")
    assert deck.exists() and str(deck) in message
    assert f"({len(Presentation(deck).slides)} slides)" in message  # the count of the deck written
    bad = open_book(make_workbook(edit=faulty))
    message = excel.run("deck", bad, now=NOW)
    assert "Fix the errors first" in message and not Path(bad.fullname).with_suffix(".pptx").exists()
    unsaved = open_book(make_workbook())
    unsaved._fullname = "Book2"
    assert excel.run("deck", unsaved, now=NOW) == "Save the workbook first: the deck is written next to it."
    assert unsaved.app._alerts[-1][2] == "critical"


def test_new_template_opens_beside_the_workbook(make_workbook):
    book = open_book(make_workbook(lang="nl"))
    message = excel.run("new", book)
    opened = Path(book.app.books._opened[0])
    assert opened.name == "journey.xlsx" and opened.exists() and str(opened) in message
    assert "Klantreis" in openpyxl.load_workbook(opened).sheetnames
    excel.run("new", book)
    assert Path(book.app.books._opened[1]).name == "journey-2.xlsx"


def test_no_traceback_reaches_the_user(make_workbook, monkeypatch, tmp_path):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    book = open_book(make_workbook())

    def broken(*args, **kwargs):
        raise RuntimeError("Excel went away")

    monkeypatch.setattr(fake_xlwings.Sheet, "used_range", property(broken))
    message = excel.run("check", book)
    assert message.startswith("Something went wrong that xlplugin did not expect.")
    assert "Excel went away" in (tmp_path / "xlplugin-error.log").read_text()
    assert excel.run("fly", book).startswith("Unknown button 'fly'")


def test_every_xlwings_name_the_adapter_uses_exists_in_xlwings(make_workbook):
    book = open_book(make_workbook(edit=faulty))
    for action in excel.ACTIONS:
        excel.run(action, book, now=NOW)
    for cls, names in USED.items():
        assert names <= set(excel.XLWINGS_NAMES[cls]), (cls, names - set(excel.XLWINGS_NAMES[cls]))
    for cls, names in excel.XLWINGS_NAMES.items():
        real = getattr(xlwings.main, cls)
        missing = [n for n in names if not hasattr(real, n)]
        assert not missing, (cls, missing)


@pytest.mark.parametrize("name", ["Start", "Touchpoints"])
def test_marks_never_land_on_the_tools_own_sheets(make_workbook, name):
    book = open_book(make_workbook(edit=faulty))
    excel.run("check", book, now=NOW)
    marked = {s for s in ("Findings", "Priorities", REGISTRY)
              for (_, col), c in book.sheets[s]._cells.items() if c.note or (c.color and (s, col) != ("Findings", 1))}
    assert not marked  # only the Findings' severity column is coloured, and nothing has a note
    severity = {r: c.color for (r, col), c in book.sheets["Findings"]._cells.items() if col == 1 and r > 1}
    assert set(severity.values()) == {(0xFF, 0xC7, 0xCE), (0xFF, 0xEB, 0x9C)}
    assert book.sheets[name].visible


def test_priorities_sheet_gets_one_native_scatter_chart_of_importance_against_rating(make_workbook):
    book = open_book(make_workbook())
    excel.run("priorities", book, now=NOW)
    excel.run("priorities", book, now=NOW)  # a second run replaces the chart
    sheet = book.sheets["Priorities"]
    assert sheet.charts.count == 1
    chart = sheet.charts[0]
    assert chart._type == "xy_scatter" and chart.title == "Importance against rating"
    y, x = chart._source, chart._x
    assert sheet.range((y._first[0], y._first[1])).value == "Importance"  # the series and its name
    assert sheet.range((x._first[0] - 1, x._first[1])).value == "Rating"  # the x values, without header
    assert y._last[0] == x._last[0] == 1 + len(example()["touchpoints"])
    assert (chart.category_axis.minimum_scale, chart.category_axis.maximum_scale) == (1, 5)
    assert (chart.value_axis.title, chart.category_axis.title) == ("Importance", "Rating")
    assert not chart.legend.visible







def test_live_priorities_sheet_shows_one_decimal_and_hides_the_chart_helpers_as_annotate_does(
        make_workbook, tmp_path):
    source = make_workbook()
    annotated = priorities_look_file(
        annotate_workbook(source, output=tmp_path / "annotated.xlsx", now=NOW).path)
    assert annotated["formats"] == {5: "0.0", 6: "0.0", 7: "0.0"}  # importance, rating, gap
    assert annotated["hidden"] and min(annotated["hidden"]) > 14
    book = open_book(source)
    excel.run("priorities", book, now=NOW)
    excel.run("priorities", book, now=NOW)  # a second run the same
    assert priorities_look_live(book) == annotated
    sheet = book.sheets["Priorities"]
    rows = 1 + len(example()["touchpoints"])
    assert all(sheet._cells[(r, 6)].number_format == "0.0" for r in range(2, rows + 1))
    assert sheet.range((1, min(annotated["hidden"]))).value  # the helper cells are there, out of sight

"""Excel on the web: the xlwings Lite buttons against the fake in remote mode, which refuses
what xlwings' remote engine refuses (synchronous fills, formulas, note texts; opening files)."""

from __future__ import annotations

import asyncio
import importlib.util

import openpyxl
import pytest

from xlplugin.api import annotate_workbook
from xlplugin.excel import surface as excel
from xlplugin.lite import package as lite_package
from xlplugin.lite import surface as lite

from helpers.fake_xlwings import USED, open_book
from helpers.live import NOW, faulty, file_view, live_view, priorities_look_file, priorities_look_live


def _main(tmp_path):
    lite_package.write_lite(tmp_path / "lite")
    spec = importlib.util.spec_from_file_location("lite_main", tmp_path / "lite" / "main.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_remote_fake_refuses_what_the_remote_engine_refuses(make_workbook):
    book = open_book(make_workbook(edit=faulty), remote=True)
    cell = book.sheets["Touchpoints"].range("F3")
    for read in (lambda: cell.color, lambda: cell.formula, lambda: cell.note.text, lambda: cell.column_width):
        with pytest.raises(NotImplementedError, match="synchronously"):
            read()
    with pytest.raises(TypeError):
        book.app.books.open("journey.xlsx")
    assert asyncio.run(cell.note.get_text()) == "Ask Anna about this one"
    assert asyncio.run(book.sheets["Touchpoints"].range("G5").get_colors()) == [[(0x00, 0xB0, 0xF0)]]


def test_the_desktop_route_fails_on_the_remote_engine_where_a_finding_is_marked(make_workbook, monkeypatch, tmp_path):
    """The Lite bug this fake exists to catch: the desktop adapter reads fills synchronously."""
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    book = open_book(make_workbook(edit=faulty), remote=True)
    assert excel.run("check", book, now=NOW).startswith("Something went wrong")
    assert "NotImplementedError" in (tmp_path / "xlplugin-error.log").read_text()


def test_lite_buttons_write_what_annotate_writes_and_clear_it_again(make_workbook, tmp_path):
    module = _main(tmp_path)
    source = make_workbook(edit=faulty)
    annotated = file_view(annotate_workbook(source, output=tmp_path / "annotated.xlsx", now=NOW).path)
    book = open_book(source, remote=True)
    asyncio.run(module.check(book))
    view = live_view(book)
    view["status"] = annotated["status"] = None  # the Lite button checks at the current time
    assert view == annotated
    assert book.app._alerts[-1][0].startswith("2 errors, 1 warning. The cells are coloured")
    assert book._active == "Findings"
    # Fixed and checked again: the marks go, the user's own colour and note come back.
    touchpoints = book.sheets["Touchpoints"]
    touchpoints.range("F3").value, touchpoints.range("G5").value, touchpoints.range("F4").value = 2, 3.6, 4
    asyncio.run(module.priorities(book))
    assert book._active == "Priorities"
    cells = touchpoints._cells
    assert cells[(5, 7)].color == (0x00, 0xB0, 0xF0) and cells[(3, 6)].color is None
    assert cells[(3, 6)].note == "Ask Anna about this one" and cells[(5, 7)].note is None
    assert book.app._alerts[-1][0].startswith("The biggest priority gaps:\n1. ")
    # The Priorities sheet shows its numbers and hides its chart helpers as annotate does.
    fixed = tmp_path / "fixed.xlsx"
    wb = openpyxl.load_workbook(source)
    wb["Touchpoints"]["F3"], wb["Touchpoints"]["G5"], wb["Touchpoints"]["F4"] = 2, 3.6, 4
    wb.save(fixed)
    assert priorities_look_live(book) == priorities_look_file(
        annotate_workbook(fixed, output=tmp_path / "fixed-annotated.xlsx", now=NOW).path)


def test_lite_deck_goes_to_the_data_folder(make_workbook, tmp_path, monkeypatch):
    module = _main(tmp_path)
    book = open_book(make_workbook(), remote=True)
    data = tmp_path / "data"
    monkeypatch.setattr(module, "lite", lite)
    asyncio.run(lite.run("deck", book, folder=data))
    assert (data / f"{book.name.rsplit('.', 1)[0]}.pptx").exists()
    assert book.app._alerts[-1][2] == "info"


def test_every_name_the_lite_route_uses_exists_in_xlwings(make_workbook, tmp_path):
    USED.clear()
    module = _main(tmp_path)
    book = open_book(make_workbook(edit=faulty), remote=True)
    for action in ("check", "priorities"):
        asyncio.run(getattr(module, action)(book))
    assert "get_colors" in USED["Range"] and "get_text" in USED["Note"]
    for cls, names in USED.items():
        assert names <= set(excel.XLWINGS_NAMES[cls]), (cls, names - set(excel.XLWINGS_NAMES[cls]))


def test_fills_are_fetched_in_bands_the_client_accepts():
    cells = [(r, 1, f"A{r}") for r in (2, 3, 40_000, 90_000)]
    assert [[c[2] for c in band] for band in lite._bands(cells, 2)] == [["A2", "A3"], ["A40000"], ["A90000"]]
    assert all((b[-1][0] - b[0][0] + 1) * 2 <= 100_000 for b in lite._bands(cells, 2))

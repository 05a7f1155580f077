"""What the live routes are compared by: a faulty workbook, and the views of a file and of an open book a person sees."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from xlplugin.core.writeback.plan import COLOURS, REGISTRY

from helpers import fake_xlwings

NOW = datetime(2026, 11, 23, 9, 30)


def faulty(wb: openpyxl.Workbook) -> None:
    ws = wb["Touchpoints"]
    ws["F3"] = "quite"  # error: importance is not a number
    ws["G5"] = 9  # error: rating outside the scale
    ws["F4"] = None  # warning: unrated touchpoint
    ws["G5"].fill = PatternFill("solid", fgColor="FF00B0F0")  # the user's own colour
    ws["F3"].comment = Comment("Ask Anna about this one", "Anna")  # the user's own note


TOOL_SHEETS = {"Findings", "Bevindingen", "Priorities", "Prioriteiten", REGISTRY}
"""The sheets the tool writes: a colour there is a finding's severity, never a mark."""


def file_view(path: Path, data_only: bool = False) -> dict:
    """What a person sees in the file: marks, notes, hidden sheets, the tool's sheets, the status
    (`data_only`: formulas as their saved values, as a file saved by a spreadsheet program has)."""
    wb = openpyxl.load_workbook(path, data_only=data_only)
    view = {"sheets": {}, "marks": {}, "notes": {}, "hidden": [], "severity": {}}
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            view["hidden"].append(ws.title)
        for row in ws.iter_rows():
            for c in row:
                if c.fill is not None and c.fill.fill_type == "solid" and c.fill.fgColor.rgb[-6:] in COLOURS.values():
                    kind = "severity" if ws.title in TOOL_SHEETS else "marks"  # a finding's colour, not a mark
                    view[kind][(ws.title, c.coordinate)] = c.fill.fgColor.rgb[-6:]
                if c.comment is not None:
                    view["notes"][(ws.title, c.coordinate)] = c.comment.text
    for title in ("Findings", "Priorities", REGISTRY):
        view["sheets"][title] = normal([list(r) for r in wb[title].iter_rows(values_only=True)])
    view["status"] = wb["Start"]["B2"].value
    return view


def live_view(book: fake_xlwings.Book) -> dict:
    view = {"sheets": {}, "marks": {}, "notes": {}, "hidden": [], "severity": {}}
    for sheet in book.sheets._list:
        if not sheet._visible:
            view["hidden"].append(sheet._name)
        for (r, c), cell in sheet._cells.items():
            ref = f"{openpyxl.utils.get_column_letter(c)}{r}"
            if cell.color is not None and "{:02X}{:02X}{:02X}".format(*cell.color) in COLOURS.values():
                kind = "severity" if sheet._name in TOOL_SHEETS else "marks"
                view[kind][(sheet._name, ref)] = "{:02X}{:02X}{:02X}".format(*cell.color)
            if cell.note is not None:
                view["notes"][(sheet._name, ref)] = cell.note
    for title in ("Findings", "Priorities", REGISTRY):
        used = book.sheets[title].used_range
        rows = fake_xlwings.Range(book.sheets[title], (1, 1), used._last).options(ndim=2).value
        view["sheets"][title] = normal(rows)
    view["status"] = book.sheets["Start"].range("B2").value
    return view


def normal(rows: list[list]) -> list[list]:
    """Rows without trailing blanks, numbers as floats: Excel's way of seeing them."""
    out = []
    for row in rows:
        cells = [float(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in row]
        while cells and cells[-1] in (None, ""):
            cells.pop()
        out.append(cells)
    while out and not out[-1]:
        out.pop()
    return out


def priorities_look_file(path: Path) -> dict:
    """How the Priorities sheet of a file shows its numbers: the number format of each column
    below the header (where it has one), and which columns are hidden."""
    ws = openpyxl.load_workbook(path)["Priorities"]
    formats = {c.column: c.number_format for row in ws.iter_rows(min_row=2) for c in row
               if c.value is not None and c.number_format != "General"}
    hidden = {col for d in ws.column_dimensions.values() if d.hidden for col in range(d.min, d.max + 1)}
    return {"formats": formats, "hidden": hidden}


def priorities_look_live(book: fake_xlwings.Book) -> dict:
    sheet = book.sheets["Priorities"]
    formats = {c: cell.number_format for (r, c), cell in sheet._cells.items()
               if r > 1 and cell.value is not None and cell.number_format != "General"}
    return {"formats": formats, "hidden": set(sheet._hidden_columns)}

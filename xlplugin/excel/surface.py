"""One click inside Excel: the ribbon buttons (and xlwings Lite scripts) call `run(action)`.

The add-in's VBA calls ``RunPython "import xlplugin.excel as x; x.run(""check"")"``;
`run` takes the workbook that called (``xlwings.Book.caller()``), reads the values of
its sheets as they are on screen (saved or not), checks them with the same code as the
command line, and carries out the same write-back plan as annotate through xlwings, so
Excel itself writes and the workbook stays open. Every outcome, good or bad, is a
message box in the workbook's language: no traceback reaches the user.

Only the xlwings calls listed in `XLWINGS_NAMES` are used; a test checks each of them
exists on the installed xlwings, and the recording fake in the tests implements no more.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from xlplugin.core.writeback.sheets import NewSheet
from xlplugin.hosts.buttons import ACTIONS
from xlplugin.hosts.live import LiveSheets

__all__ = ["ACTIONS", "XLWINGS_NAMES", "LiveBook", "LiveSurface", "XlwingsHost", "run"]

XLWINGS_NAMES = {
    "Book": ("caller", "sheets", "name", "fullname", "app"),
    "Sheets": ("add", "__getitem__", "__iter__", "__len__"),
    "Sheet": ("name", "used_range", "range", "clear", "visible", "activate", "charts"),
    "Charts": ("add", "count", "__getitem__"),
    "Chart": ("delete", "set_x_axis_values", "title", "legend", "category_axis", "value_axis"),
    "ChartLegend": ("visible",),
    "ChartAxis": ("minimum_scale", "maximum_scale", "title"),
    "Range": ("value", "formula", "color", "note", "add_note", "options", "row", "column", "column_width", "font",
              "get_colors", "number_format", "columns", "wrap_text"),
    "RangeColumns": ("hidden",),
    "Note": ("text", "delete", "get_text"),
    "Font": ("bold",),
    "App": ("alert", "books"),
    "Books": ("open",),
}
"""Every xlwings name this module uses, by class."""

def _safe(value: object) -> object:
    """Text stays text: the leading apostrophe keeps Excel from reading "=1+1" as a formula,
    "1-5" as a date or "00B0F0" as a number (the apostrophe is not part of the value)."""
    if isinstance(value, str) and value:
        return "'" + value
    return value


def _hex(rgb: Any) -> str | None:
    if not rgb:
        return None
    if isinstance(rgb, str):
        return rgb.lstrip("#").upper()
    r, g, b = rgb
    return f"{r:02X}{g:02X}{b:02X}"


class LiveBook:
    """The open workbook as the reader's book: sheet titles, and a sheet's cell values on request."""

    def __init__(self, book: Any):
        self.book = book
        self.titles = [s.name for s in book.sheets]

    def cells(self, titles: list[str]) -> dict[str, Any]:
        from xlplugin.workbook.cells import Cells

        found = {}
        for title in titles:
            used = self.book.sheets[title].used_range
            values = used.options(ndim=2, err_to_str=True).value or []
            rows: dict[int, dict[int, Any]] = {}
            for i, row in enumerate(values):
                kept = {used.column + j: v for j, v in enumerate(row) if v is not None and v != ""}
                if kept:
                    rows[used.row + i] = kept
            found[title] = Cells(rows=rows)
        return found


class LiveSurface(LiveSheets):
    """The open workbook as a surface for `xlplugin.core.writeback.plan.apply`: Excel writes every change."""

    def __init__(self, book: Any):
        self.book = book

    def titles(self) -> list[str]:
        return [s.name for s in self.book.sheets]

    def by_title(self, title: str) -> Any:
        return self.book.sheets[title]

    def cell_of(self, sheet: Any, cell: str) -> Any:
        return sheet.range(cell)

    def read_rows(self, name: str) -> list[list[object]]:
        sheet = self._sheet(name)
        if sheet is None:
            return []
        used = sheet.used_range
        if used.row != 1 or used.column != 1:
            return []
        return used.options(ndim=2).value or []

    def fill(self, sheet: str, cell: str) -> str | None:
        return _hex(self._cell(sheet, cell).color)

    def set_fill(self, sheet: str, cell: str, colour: str | None) -> None:
        if colour is not None and colour.startswith("fill:"):
            return  # a patterned fill recorded by the file route: Excel keeps the mark's colour
        self._cell(sheet, cell).color = None if colour is None else f"#{colour}"

    def note(self, sheet: str, cell: str) -> str | None:
        note = self._cell(sheet, cell).note
        return None if note is None else note.text

    def set_note(self, sheet: str, cell: str, text: str | None) -> None:
        rng = self._cell(sheet, cell)
        if rng.note is not None:
            rng.note.delete()
        if text is not None:
            rng.add_note(text)

    def set_value(self, sheet: str, cell: str, text: str) -> None:
        self._cell(sheet, cell).value = _safe(text)

    def put_sheet(self, sheet: NewSheet, hidden: bool = False) -> None:
        from xlplugin.core.document import quote_sheet

        target = next(filter(None, (self._sheet(n) for n in (sheet.title, *sheet.aliases))), None)
        if target is None:
            sheets = self.book.sheets
            target = sheets.add(sheet.title, after=sheets[len(sheets) - 1])
        else:
            target.clear()
            if target.name != sheet.title:
                target.name = sheet.title
        width = max((len(r) for r in sheet.rows), default=0)
        rows = [[_safe(v) for v in r] + [None] * (width - len(r)) for r in sheet.rows]
        if rows:
            target.range("A1").value = rows
            target.range((1, 1), (1, len(sheet.rows[0]))).font.bold = True
        for link in sheet.links:
            place = f"{quote_sheet(link.sheet)}!{link.cell}".replace('"', '""')
            text = link.text.replace('"', '""')
            target.range((link.row, link.column)).formula = f'=HYPERLINK("#{place}","{text}")'
        for i, w in enumerate(sheet.widths, start=1):
            target.range((1, i)).column_width = w
        if len(sheet.rows) > 1:
            for column, code in sheet.number_formats():
                target.range((2, column), (len(sheet.rows), column)).number_format = code
        if sheet.helper_columns:  # the cells that only feed the chart: out of sight
            first, last = sheet.helper_columns
            target.range((1, first), (1, last)).columns.hidden = True
        if len(sheet.rows) > 1:
            for column in sheet.wrap:
                target.range((2, column), (len(sheet.rows), column)).wrap_text = True
        for r, c, colour in sheet.fills:
            target.range((r, c)).color = f"#{colour}"
        while target.charts.count:  # the chart of an earlier run
            target.charts[0].delete()
        if sheet.chart is not None and sheet.chart.points:
            self._chart(target, sheet)
        if hidden:
            target.visible = False

    @staticmethod
    def _chart(target: Any, sheet: NewSheet) -> None:
        """Importance against rating as a native scatter chart, with the calls xlwings has on
        every platform: the ranked table's importance column as the series, its rating
        column as the x values. (The file route's chart also draws the threshold lines, the
        quadrant names and the labels, which xlwings cannot.)"""
        spec = sheet.chart
        assert spec is not None
        last = max(p.row for p in spec.points)
        chart = target.charts.add(
            chart_type="xy_scatter", source=target.range((1, spec.y_column), (last, spec.y_column)),
            plot_by="columns", anchor=target.range((spec.anchor_row, spec.anchor_column)),
            width=spec.width_columns * 48, height=spec.height_rows * 15,
        )
        chart.set_x_axis_values(target.range((2, spec.x_column), (last, spec.x_column)))
        chart.title = spec.title
        chart.legend.visible = False
        for axis, title in ((chart.category_axis, spec.x_title), (chart.value_axis, spec.y_title)):
            axis.minimum_scale, axis.maximum_scale, axis.title = spec.low, spec.high, title


class XlwingsHost:
    """The workbook that called, as the host of `xlplugin.hosts.buttons`."""

    def __init__(self, book: Any):
        self.book_ = book
        self.name = str(book.name)

    def book(self) -> LiveBook:
        return LiveBook(self.book_)

    def surface(self) -> LiveSurface:
        return LiveSurface(self.book_)

    def sheet_names(self) -> list[str]:
        return [s.name for s in self.book_.sheets]

    def folder(self) -> Path | None:
        here = Path(str(self.book_.fullname)).parent
        if not str(self.book_.fullname) or not here.is_absolute() or not here.is_dir():
            return None  # never saved (Excel shows "Book1"), or Excel on the web
        return here

    def activate(self, title: str) -> None:
        sheet = LiveSurface(self.book_)._sheet(title)
        if sheet is not None:
            sheet.activate()

    def open(self, path: Path) -> None:
        self.book_.app.books.open(str(path))

    def alert(self, message: str, title: str, mode: str) -> None:
        self.book_.app.alert(message, title=title, mode=mode)


def run(action: str, book: Any = None, now: datetime | None = None, folder: str | Path | None = None) -> str:
    """What a ribbon button does: the action on the calling workbook, its outcome in a message box.

    `folder` is where deck and new write (default: beside the workbook, which must be saved)."""
    from xlplugin.hosts.buttons import run as run_button

    if book is None:
        import xlwings as xw

        book = xw.Book.caller()
    return run_button(action, XlwingsHost(book), now, folder, reinstall="xlplugin excel install")

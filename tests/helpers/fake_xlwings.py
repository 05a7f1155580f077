"""A recording fake of the few xlwings calls xlplugin.excel.surface makes: an in-memory Excel.

It behaves as Excel does where it matters to the adapter (numbers come back as floats,
a leading apostrophe makes text, a HYPERLINK formula shows its text) and records every
public name the adapter touches, so a test can hold those names against real xlwings.

`remote=True` makes it behave as xlwings' remote engine (xlwings Lite, xlwings Server):
the values travel with the call, but reading a fill, a formula, a column width or a note's
text synchronously raises NotImplementedError, as the real engine does (they must be
fetched with `await rng.get_colors()` / `await note.get_text()`), and `books.open` takes
the client's JSON, so a path raises TypeError. The desktop engine has no async getters.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl

USED: dict[str, set[str]] = defaultdict(set)


class _Recording:
    XW = ""

    def __getattribute__(self, name: str) -> Any:
        if not name.startswith("_"):
            USED[type(self).XW].add(name)
        return object.__getattribute__(self, name)


def _split(ref: str) -> tuple[int, int]:
    m = re.match(r"^([A-Z]+)([0-9]+)$", ref)
    assert m, ref
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def _remote_only(what: str, use: str) -> NotImplementedError:
    return NotImplementedError(f"Reading {what} synchronously isn't supported on this engine. Use '{use}'.")


def _lite_only(name: str) -> NotImplementedError:
    return NotImplementedError(f"{name}() is only supported in xlwings Lite")


class Cell:
    def __init__(self) -> None:
        self.value: Any = None
        self.formula: str | None = None
        self.color: tuple[int, int, int] | None = None
        self.note: str | None = None
        self.number_format = "General"
        self.wrap = False


class RangeColumns(_Recording):
    XW = "RangeColumns"

    def __init__(self, rng: Range):
        self._rng = rng

    @property
    def hidden(self) -> bool | None:
        if self._rng._remote:
            raise _remote_only("column visibility", "await myrange.columns.get_hidden()")
        (_, c1), (_, c2) = self._rng._first, self._rng._last
        states = {c in self._rng._sheet._hidden_columns for c in range(c1, c2 + 1)}
        return states.pop() if len(states) == 1 else None

    @hidden.setter
    def hidden(self, value: bool) -> None:
        if not isinstance(value, bool):
            raise TypeError("hidden must be a boolean")
        (_, c1), (_, c2) = self._rng._first, self._rng._last
        for c in range(c1, c2 + 1):
            (self._rng._sheet._hidden_columns.add if value else self._rng._sheet._hidden_columns.discard)(c)


class Font(_Recording):
    XW = "Font"

    def __init__(self, rng: Range):
        self._rng = rng

    @property
    def bold(self) -> bool:
        return all(self._rng._sheet._bold.get(rc, False) for rc in self._rng._cells())

    @bold.setter
    def bold(self, value: bool) -> None:
        for rc in self._rng._cells():
            self._rng._sheet._bold[rc] = value


class Note(_Recording):
    XW = "Note"

    def __init__(self, cell: Cell, remote: bool = False):
        self._cell, self._remote = cell, remote

    @property
    def text(self) -> str:
        if self._remote:
            raise _remote_only("a note's text", "await mynote.get_text()")
        assert self._cell.note is not None
        return self._cell.note

    async def get_text(self) -> str | None:
        if not self._remote:
            raise _lite_only("get_text")
        return self._cell.note

    @text.setter
    def text(self, value: str) -> None:
        self._cell.note = value

    def delete(self) -> None:
        self._cell.note = None


class Range(_Recording):
    XW = "Range"

    def __init__(self, sheet: Sheet, first: tuple[int, int], last: tuple[int, int] | None = None):
        self._sheet, self._first, self._last = sheet, first, last or first
        self._ndim = None

    def _cells(self) -> list[tuple[int, int]]:
        (r1, c1), (r2, c2) = self._first, self._last
        return [(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]

    def _one(self) -> Cell:
        assert self._first == self._last, "a single cell"
        return self._sheet._cells.setdefault(self._first, Cell())

    @property
    def _remote(self) -> bool:
        return self._sheet._book._remote

    @property
    def row(self) -> int:
        return self._first[0]

    @property
    def column(self) -> int:
        return self._first[1]

    def options(self, ndim: int | None = None, err_to_str: bool = False) -> Range:
        clone = Range(self._sheet, self._first, self._last)
        clone._ndim = ndim
        return clone

    @property
    def value(self) -> Any:
        (r1, c1), (r2, c2) = self._first, self._last
        grid = [[self._sheet._value(r, c) for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]
        if self._ndim == 2 or (r1 != r2 and c1 != c2):
            return grid
        if r1 == r2 and c1 == c2:
            return grid[0][0]
        return grid[0] if r1 == r2 else [row[0] for row in grid]

    @value.setter
    def value(self, value: Any) -> None:
        r0, c0 = self._first
        rows = value if isinstance(value, list) and value and isinstance(value[0], list) else [[value]]
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                cell = self._sheet._cells.setdefault((r0 + i, c0 + j), Cell())
                cell.formula = None
                if isinstance(v, str) and v.startswith("'"):
                    v = v[1:]  # Excel: the apostrophe makes text and is not part of the value
                elif isinstance(v, str) and v:
                    raise AssertionError(f"text written without the apostrophe, so Excel may convert it: {v}")
                cell.value = None if v == "" else v  # Excel keeps no empty text

    @property
    def formula(self) -> str:
        if self._remote:
            raise _remote_only("formulas", "await myrange.get_formula()")
        return self._one().formula or ""

    @formula.setter
    def formula(self, text: str) -> None:
        cell = self._one()
        cell.formula = text
        m = re.fullmatch(r'=HYPERLINK\("#(.*)","(.*)"\)', text)
        cell.value = m.group(2).replace('""', '"') if m else None

    @property
    def color(self) -> tuple[int, int, int] | None:
        if self._remote:
            raise _remote_only("the fill color", "await myrange.get_color()")
        return self._one().color

    async def get_colors(self) -> list[list[tuple[int, int, int] | None]]:
        if not self._remote:
            raise _lite_only("get_colors")
        (r1, c1), (r2, c2) = self._first, self._last
        cells = self._sheet._cells
        return [[cells[(r, c)].color if (r, c) in cells else None for c in range(c1, c2 + 1)]
                for r in range(r1, r2 + 1)]

    @color.setter
    def color(self, value: str | None) -> None:
        if value is None:
            self._one().color = None
        else:
            h = value.lstrip("#")
            self._one().color = (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))

    @property
    def note(self) -> Note | None:
        return Note(self._one(), self._remote) if self._one().note is not None else None

    def add_note(self, text: str) -> Note:
        cell = self._one()
        if cell.note is not None:
            raise ValueError("This cell already has a note")
        cell.note = text
        return Note(cell, self._remote)

    @property
    def column_width(self) -> float:
        if self._remote:
            raise _remote_only("the column width", "await myrange.get_column_width()")
        return self._sheet._widths.get(self._first[1], 8.43)

    @column_width.setter
    def column_width(self, value: float) -> None:
        self._sheet._widths[self._first[1]] = value

    @property
    def font(self) -> Font:
        return Font(self)

    @property
    def columns(self) -> RangeColumns:
        return RangeColumns(self)

    @property
    def number_format(self) -> str | None:
        if self._remote:
            raise _remote_only("the number format", "await myrange.get_number_format()")
        formats = {self._sheet._cells.setdefault(rc, Cell()).number_format for rc in self._cells()}
        return formats.pop() if len(formats) == 1 else None

    @number_format.setter
    def number_format(self, value: str) -> None:
        for rc in self._cells():
            self._sheet._cells.setdefault(rc, Cell()).number_format = value

    @property
    def wrap_text(self) -> bool:
        if self._remote:
            raise _remote_only("the wrap text flag", "await myrange.get_wrap_text()")
        return all(self._sheet._cells.setdefault(rc, Cell()).wrap for rc in self._cells())

    @wrap_text.setter
    def wrap_text(self, value: bool) -> None:
        for rc in self._cells():
            self._sheet._cells.setdefault(rc, Cell()).wrap = bool(value)


class ChartAxis(_Recording):
    XW = "ChartAxis"

    def __init__(self) -> None:
        self.minimum_scale: float | None = None
        self.maximum_scale: float | None = None
        self.title: str | None = None


class ChartLegend(_Recording):
    XW = "ChartLegend"

    def __init__(self) -> None:
        self.visible = True


class Chart(_Recording):
    XW = "Chart"

    def __init__(self, charts: Charts, chart_type: str, source: Range, anchor: Range):
        self._charts, self._type, self._source, self._anchor = charts, chart_type, source, anchor
        self._x: Range | None = None
        self.title: str | None = None
        self.legend = ChartLegend()
        self.category_axis, self.value_axis = ChartAxis(), ChartAxis()

    def set_x_axis_values(self, source: Range) -> None:
        self._x = source

    def delete(self) -> None:
        self._charts._list.remove(self)


class Charts(_Recording):
    XW = "Charts"

    def __init__(self) -> None:
        self._list: list[Chart] = []

    @property
    def count(self) -> int:
        return len(self._list)

    def __getitem__(self, i: int) -> Chart:
        USED["Charts"].add("__getitem__")
        return self._list[i]

    def add(self, left: float = 0, top: float = 0, width: float = 355, height: float = 211,
            chart_type: str | None = None, source: Range | None = None, plot_by: str | None = None,
            name: str | None = None, anchor: Range | None = None, style: int | None = 227) -> Chart:
        assert chart_type and source is not None and anchor is not None and plot_by in ("rows", "columns")
        chart = Chart(self, chart_type, source, anchor)
        self._list.append(chart)
        return chart


class Sheet(_Recording):
    XW = "Sheet"

    def __init__(self, book: Book, name: str):
        self._book, self._name = book, name
        self._cells: dict[tuple[int, int], Cell] = {}
        self._widths: dict[int, float] = {}
        self._bold: dict[tuple[int, int], bool] = {}
        self._hidden_columns: set[int] = set()  # Excel's clear() keeps them: a property of the columns
        self._visible = True
        self._charts = Charts()

    @property
    def charts(self) -> Charts:
        return self._charts

    def _value(self, r: int, c: int) -> Any:
        cell = self._cells.get((r, c))
        v = None if cell is None else cell.value
        if isinstance(v, int) and not isinstance(v, bool):
            return float(v)  # Excel has only floats
        return v

    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value: str) -> None:
        self._name = value

    @property
    def visible(self) -> bool:
        return self._visible

    @visible.setter
    def visible(self, value: bool) -> None:
        self._visible = value

    def range(self, first: str | tuple[int, int], last: tuple[int, int] | None = None) -> Range:
        return Range(self, _split(first) if isinstance(first, str) else first, last)

    @property
    def used_range(self) -> Range:
        used = [rc for rc, cell in self._cells.items() if cell.value is not None]
        if not used:
            return Range(self, (1, 1))
        return Range(self, (min(r for r, _ in used), min(c for _, c in used)),
                     (max(r for r, _ in used), max(c for _, c in used)))

    def clear(self) -> None:
        self._cells.clear()
        self._bold.clear()

    def activate(self) -> None:
        self._book._active = self._name


class Sheets(_Recording):
    XW = "Sheets"

    def __init__(self, book: Book):
        self._book = book
        self._list: list[Sheet] = []

    def __getitem__(self, key: int | str) -> Sheet:
        USED["Sheets"].add("__getitem__")
        if isinstance(key, int):
            return self._list[key]
        return next(s for s in self._list if s._name == key)

    def __iter__(self):
        USED["Sheets"].add("__iter__")
        return iter(list(self._list))

    def __len__(self) -> int:
        USED["Sheets"].add("__len__")
        return len(self._list)

    def add(self, name: str | None = None, before: Sheet | None = None, after: Sheet | None = None) -> Sheet:
        assert name and all(s._name.lower() != name.lower() for s in self._list), name
        sheet = Sheet(self._book, name)
        at = self._list.index(after) + 1 if after is not None else 0
        self._list.insert(at, sheet)
        return sheet


class Books(_Recording):
    XW = "Books"

    def __init__(self, remote: bool = False) -> None:
        self._opened: list[str] = []
        self._remote = remote

    def open(self, path: str) -> None:
        if self._remote:  # the remote engine's open() takes the client's JSON
            raise TypeError("string indices must be integers, not 'str'")
        self._opened.append(path)


class App(_Recording):
    XW = "App"

    def __init__(self, remote: bool = False) -> None:
        self._alerts: list[tuple[str, str | None, str | None]] = []
        self._books = Books(remote)

    @property
    def books(self) -> Books:
        return self._books

    def alert(self, prompt: str, title: str | None = None, buttons: str = "ok", mode: str | None = None,
              callback: Any = None) -> str:
        self._alerts.append((prompt, title, mode))
        return "ok"


class Book(_Recording):
    XW = "Book"

    def __init__(self, fullname: str = "", name: str = "Book1.xlsx", remote: bool = False):
        self._fullname, self._name, self._remote = fullname, name, remote
        self._sheets = Sheets(self)
        self._app = App(remote)
        self._active: str | None = None

    @classmethod
    def caller(cls) -> Book:
        raise AssertionError("the tests hand the book over")

    @property
    def name(self) -> str:
        return self._name

    @property
    def fullname(self) -> str:
        return self._name if self._remote else self._fullname  # the remote engine knows no folder

    @property
    def sheets(self) -> Sheets:
        return self._sheets

    @property
    def app(self) -> App:
        return self._app


def open_book(path: Path, remote: bool = False) -> Book:
    """The workbook at `path` as Excel would show it: values, solid fills, notes, sheet order
    (`remote`: as xlwings' remote engine hands it to a script in xlwings Lite)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    book = Book(str(path.resolve()), path.name, remote)
    for ws in wb.worksheets:
        sheet = book._sheets.add(ws.title, after=book._sheets._list[-1] if book._sheets._list else None)
        sheet._visible = ws.sheet_state == "visible"
        for row in ws.iter_rows():
            for c in row:
                fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == "solid" else None
                if c.value is None and c.comment is None and not isinstance(fill, str):
                    continue
                cell = sheet._cells.setdefault((c.row, c.column), Cell())
                cell.value = c.value.replace(microsecond=0) if isinstance(c.value, datetime) else c.value
                if isinstance(fill, str) and fill not in ("00000000",):
                    cell.color = (int(fill[-6:-4], 16), int(fill[-4:-2], 16), int(fill[-2:], 16))
                if c.comment is not None:
                    cell.note = c.comment.text
    return book

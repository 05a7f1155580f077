"""The cells of a workbook that hold something, fast: values through python-calamine (Rust),
and one byte scan of the sheets that contain formulas or error values.

calamine gives every value, a formula's cached value included, but shows neither a formula
that was never calculated nor an error value (both come back empty). The scan finds those
two, so `formula-without-value` stays exact and `#DIV/0!` is reported as what it is.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path
from typing import Any

from defusedxml import ElementTree

from xlplugin.errors import WorkbookError
from xlplugin.text import Text

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_FORMULA_TAGS = (b"<f>", b"<f ", b"<f/>", b":f>", b":f ", b":f/>")
_ERROR_MARK = b't="e"'
_CELL_START = re.compile(rb"<(?:\w+:)?c[\s>]")
_REF = re.compile(rb'\sr="([A-Z]{1,3})(\d+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)</(?:\w+:)?v>")
_CELL_END = re.compile(rb"</(?:\w+:)?c>|/>")


def _positions(xml: bytes, needles: tuple[bytes, ...]) -> list[int]:
    """Every offset of any of `needles` (plain byte search: C speed over megabytes)."""
    found = []
    for needle in needles:
        at = xml.find(needle)
        while at >= 0:
            found.append(at)
            at = xml.find(needle, at + 1)
    return found


def _filled(values: list[Any], first: int) -> dict[int, Any]:
    """Column -> value of one grid row's filled cells (calamine gives "" for an empty one)."""
    return {j: v for j, v in enumerate(values, first) if v != ""}


class Cells:
    """One sheet's cells that hold something: row -> column -> value (1-based). Sparse: a
    sheet that claims a million rows costs only what is really in it.

    Either a dict of rows, or (from calamine) the grid of the sheet's used area with its
    first row and column: a table is then read straight from the grid's lists, and the dict
    is only built if someone asks for `rows`.
    """

    def __init__(self, rows: dict[int, dict[int, Any]] | None = None, xml: bytes | None = None,
                 grid: list[list[Any]] | None = None, origin: tuple[int, int] = (1, 1)):
        self._rows = rows if rows is not None or grid is not None else {}
        self.xml = xml
        """The sheet's XML when it holds formulas: scanned for uncalculated ones on request."""
        self.grid = grid
        self.origin = origin
        self.merged: list[tuple[int, int, int, int]] = []
        """Merged ranges as (first row, first column, last row, last column), 1-based."""

    @property
    def rows(self) -> dict[int, dict[int, Any]]:
        if self._rows is None:
            rows = {}
            r0, c0 = self.origin
            for i, values in enumerate(self.grid or (), r0):
                row = _filled(values, c0)
                if row:
                    rows[i] = row
            self._rows, self.grid = rows, None
        return self._rows

    def get(self, r: int, c: int) -> Any:
        if self.grid is not None:
            i, j = r - self.origin[0], c - self.origin[1]
            if 0 <= i < len(self.grid) and 0 <= j < len(self.grid[i]):
                v = self.grid[i][j]
                return None if v == "" else v
            return None
        return self.rows.get(r, {}).get(c)

    def row(self, r: int) -> dict[int, Any]:
        if self.grid is not None:
            i = r - self.origin[0]
            if not 0 <= i < len(self.grid):
                return {}
            return _filled(self.grid[i], self.origin[1])
        return self.rows.get(r, {})

    def row_numbers(self, upto: int | None = None) -> list[int]:
        """The numbers of the rows that hold something, in order (up to `upto`)."""
        if self.grid is not None:
            r0 = self.origin[0]
            end = len(self.grid) if upto is None else max(0, min(len(self.grid), upto - r0 + 1))
            return [r0 + i for i in range(end) if any(v != "" for v in self.grid[i])]
        return sorted(r for r in self.rows if upto is None or r <= upto)

    def width(self) -> int:
        """The number of the last column that holds something (0 for an empty sheet)."""
        if self.grid is not None:
            return self.origin[1] - 1 + max((len(v) for v in self.grid), default=0)
        return max((c for row in self.rows.values() for c in row), default=0)

    def last_row(self) -> int:
        if self.grid is not None:
            return self.origin[0] + len(self.grid) - 1
        return max(self.rows, default=0)

    def uncalculated(self, columns: set[int]) -> set[tuple[int, int]]:
        """(row, column) of the formula cells in `columns` that have no calculated value."""
        if self.xml is None or not columns:
            return set()
        found = set()
        for _, r, c, _, body in _cells_at(self.xml, _positions(self.xml, _FORMULA_TAGS), columns):
            value = _VALUE.search(body)
            if value is None or not value.group(1):
                found.add((r, c))
        return found


def _has_formula(xml: bytes) -> bool:
    """True when the sheet's cells hold a formula tag (the precise tags, searched only where
    a cheap search for "<f" or ":f" inside the cell data finds a candidate)."""
    end = xml.rfind(b"sheetData>")
    end = len(xml) if end < 0 else end
    if xml.find(b"<f", 0, end) < 0 and xml.find(b":f", 0, end) < 0:
        return False
    return any(xml.find(tag, 0, end) >= 0 for tag in _FORMULA_TAGS)


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _book_part(archive: zipfile.ZipFile) -> str:
    root = ElementTree.fromstring(archive.read("_rels/.rels"))
    return next((r.get("Target", "") for r in root if r.get("Type", "").endswith("/officeDocument")),
                "xl/workbook.xml").lstrip("/")


def _book_rels(archive: zipfile.ZipFile, book: str) -> list[Any]:
    folder, name = posixpath.split(book)
    return list(ElementTree.fromstring(archive.read(posixpath.join(folder, "_rels", f"{name}.rels"))))


READABLE_SHEETS = ("/worksheet", "/chartsheet")
"""Relationship types of the sheets calamine reads; Excel 4.0 macro sheets and dialog
sheets are other kinds, never journey sheets."""


def _for_calamine(archive: zipfile.ZipFile) -> bytes | None:
    """The package as calamine can read it, or None when it can as it is: macro and dialog
    sheets left out of the sheet list (calamine refuses a workbook that lists one), and the
    sheet targets of a workbook outside xl/ made absolute (calamine looks for them in xl/)."""
    book = _book_part(archive)
    folder = posixpath.dirname(book)
    rels = _book_rels(archive, book)
    other = [r.get("Id", "") for r in rels
             if "sheet" in r.get("Type", "").lower() and not r.get("Type", "").endswith(READABLE_SHEETS)]
    relative = folder != "xl" and any(not r.get("Target", "").startswith("/") for r in rels)
    if not other and not relative:
        return None
    changed: dict[str, bytes] = {}
    xml = archive.read(book)
    for rid in other:
        xml = re.sub(rb"<(?:\w+:)?sheet\s[^>]*?:id=\"" + re.escape(rid.encode()) + rb"\"[^>]*?/>", b"", xml)
    changed[book] = xml
    if relative:
        rels_part = posixpath.join(folder, "_rels", f"{posixpath.basename(book)}.rels")
        changed[rels_part] = re.sub(
            rb'Target="(?!/)([^"]*)"',
            lambda m: b'Target="/' + posixpath.normpath(posixpath.join(folder, m.group(1).decode())).encode() + b'"',
            archive.read(rels_part),
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            out.writestr(info, changed.get(info.filename) or archive.read(info.filename))
    return buffer.getvalue()


def _with_slashes(archive: zipfile.ZipFile) -> io.BytesIO:
    """The package with part names written with '/' (some programs write 'xl\\workbook.xml')."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            out.writestr(info.filename.replace("\\", "/"), archive.read(info.filename))
    buffer.seek(0)
    return buffer


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the zip part holding its XML."""
    book = _book_part(archive)
    folder = posixpath.dirname(book)
    rels = {r.get("Id"): r.get("Target", "") for r in _book_rels(archive, book)}
    parts = {}
    sheets = ElementTree.fromstring(archive.read(book)).find(f"{{{MAIN}}}sheets")
    for sheet in [] if sheets is None else sheets:
        target = rels.get(sheet.get(f"{{{REL}}}id"), "")
        parts[sheet.get("name", "")] = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(folder, target))
    return parts


def _cells_at(xml: bytes, offsets: list[int], columns: set[int] | None = None):
    """(start, row, column, opening tag, content) of the cells around `offsets`, once each."""
    seen = set()
    for at in offsets:
        begin = xml.rfind(b"<", 0, at + 1)
        while begin > 0 and not _CELL_START.match(xml, begin):
            begin = xml.rfind(b"<", 0, begin)
        if begin < 0 or begin in seen:
            continue
        seen.add(begin)
        head_end = xml.find(b">", begin)
        head = xml[begin:head_end + 1]
        ref = _REF.search(head)
        if ref is None:
            continue
        c = _column(ref.group(1))
        if columns is not None and c not in columns:
            continue
        end = None if head.endswith(b"/>") else _CELL_END.search(xml, head_end)
        if (end.end() if end else head_end + 1) <= at:
            continue  # the match lies after this cell: not inside any cell (e.g. <xm:f> in an extension list)
        yield begin, int(ref.group(2)), c, head, xml[head_end + 1:end.start()] if end else b""


def _errors(xml: bytes, cells: Cells) -> None:
    """Put in the error values (#DIV/0!, #N/A...) that calamine shows as empty."""
    for _, r, c, head, body in _cells_at(xml, _positions(xml, (_ERROR_MARK,))):
        value = _VALUE.search(body)
        if _ERROR_MARK in head and value and value.group(1):
            cells.rows.setdefault(r, {})[c] = value.group(1).decode("utf-8", "replace")


def _damaged(path: Path, exc: Exception) -> WorkbookError:
    kind = type(exc).__name__
    if "Zip" in kind or isinstance(exc, (KeyError, zipfile.BadZipFile)):
        return WorkbookError(Text(
            f"{path.name} is not a readable Excel workbook (.xlsx). Open it in Excel and save it as .xlsx.",
            f"{path.name} is geen leesbare Excel-werkmap (.xlsx). Open het in Excel en sla het op als .xlsx.",
        ))
    return WorkbookError(Text(
        f"{path.name} is damaged and could not be read ({kind}). Open it in Excel and save it again.",
        f"{path.name} is beschadigd en kon niet gelezen worden ({kind}). Open het in Excel en sla het opnieuw op.",
    ))


class Book:
    """An open workbook: its sheet titles at once, a sheet's cells when asked for."""

    def __init__(self, path: Path):
        from python_calamine import CalamineWorkbook  # here: only reading needs it

        self.path = path
        self._package: Path | io.BytesIO = path
        try:
            with zipfile.ZipFile(path) as archive:
                if any("\\" in name for name in archive.namelist()):
                    self._package = _with_slashes(archive)  # part names written with backslashes
            with zipfile.ZipFile(self._package) as archive:  # the package's own map of its sheets must be there
                self._parts = _sheet_parts(archive)
                readable = _for_calamine(archive)
            self._book = (CalamineWorkbook.from_path(str(path)) if readable is None
                          else CalamineWorkbook.from_filelike(io.BytesIO(readable)))
            self.titles: list[str] = list(self._book.sheet_names)
        except Exception as exc:  # calamine, zip and XML raise many kinds; each means "damaged"
            raise _damaged(path, exc) from exc

    def cells(self, titles: list[str]) -> dict[str, Cells]:
        """The cells of the sheets called `titles`."""
        try:
            result: dict[str, Cells] = {}
            for title in titles:
                sheet = self._book.get_sheet_by_name(title)
                start = sheet.start or (0, 0)
                result[title] = Cells(grid=sheet.to_python(), origin=(start[0] + 1, start[1] + 1))
                result[title].merged = [(a + 1, b + 1, c + 1, d + 1)
                                        for (a, b), (c, d) in sheet.merged_cell_ranges or ()]
            with zipfile.ZipFile(self._package) as archive:
                parts = self._parts
                names = set(archive.namelist())
                for title in titles:
                    part = parts.get(title)
                    if part in names:
                        xml = archive.read(part)
                        if _ERROR_MARK in xml:
                            _errors(xml, result[title])
                        if _has_formula(xml):
                            result[title].xml = xml
            return result
        except WorkbookError:
            raise
        except Exception as exc:
            raise _damaged(self.path, exc) from exc

    def close(self) -> None:
        self._book.close()

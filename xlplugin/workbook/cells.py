"""The cells of a workbook that hold something, fast: values through python-calamine (Rust),
and one byte scan of the sheets that contain formulas or error values.

calamine gives every value, a formula's cached value included, but shows neither a formula
that was never calculated nor an error value (both come back empty). The scan finds those
two, so `formula-without-value` stays exact and `#DIV/0!` is reported as what it is.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from defusedxml import ElementTree

from ..errors import WorkbookError
from ..text import Text

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_ERROR = re.compile(rb'\st="e"')
_CELL_START = re.compile(rb"<(?:\w+:)?c[\s>]")
_REF = re.compile(rb'\sr="([A-Z]{1,3})(\d+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)</(?:\w+:)?v>")
_CELL_END = re.compile(rb"</(?:\w+:)?c>|/>")


@dataclass
class Cells:
    """One sheet's cells that hold something: row -> column -> value (1-based), and the
    formula cells that have no calculated value. Sparse: a sheet that claims a million
    rows costs only what is really in it."""

    rows: dict[int, dict[int, Any]] = field(default_factory=dict)
    uncalculated: set[tuple[int, int]] = field(default_factory=set)

    def get(self, r: int, c: int) -> Any:
        return self.rows.get(r, {}).get(c)

    def row(self, r: int) -> dict[int, Any]:
        return self.rows.get(r, {})


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the zip part holding its XML."""
    root = ElementTree.fromstring(archive.read("_rels/.rels"))
    book = next((r.get("Target", "") for r in root if r.get("Type", "").endswith("/officeDocument")),
                "xl/workbook.xml").lstrip("/")
    folder, name = posixpath.split(book)
    rels = {r.get("Id"): r.get("Target", "") for r in
            ElementTree.fromstring(archive.read(posixpath.join(folder, "_rels", f"{name}.rels")))}
    parts = {}
    sheets = ElementTree.fromstring(archive.read(book)).find(f"{{{MAIN}}}sheets")
    for sheet in [] if sheets is None else sheets:
        target = rels.get(sheet.get(f"{{{REL}}}id"), "")
        parts[sheet.get("name", "")] = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(folder, target))
    return parts


def _scan(xml: bytes, cells: Cells) -> None:
    """Mark formulas without a cached value, and put in the error values calamine blanks."""
    starts = set()
    for pattern in (_FORMULA, _ERROR):
        for match in pattern.finditer(xml):
            begin = xml.rfind(b"<", 0, match.start() + 1)
            while begin > 0 and not _CELL_START.match(xml, begin):
                begin = xml.rfind(b"<", 0, begin)
            if begin >= 0:
                starts.add(begin)
    for begin in starts:
        head_end = xml.find(b">", begin)
        head = xml[begin:head_end + 1]
        ref = _REF.search(head)
        if ref is None:
            continue
        r, c = int(ref.group(2)), _column(ref.group(1))
        end = _CELL_END.search(xml, head_end) if not head.endswith(b"/>") else None
        body = xml[head_end + 1:end.start()] if end else b""
        value = _VALUE.search(body)
        text = value.group(1).decode("utf-8", "replace") if value else ""
        if _ERROR.search(head) and text:
            cells.rows.setdefault(r, {})[c] = text
        elif _FORMULA.search(body) and not text:
            cells.uncalculated.add((r, c))


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
        try:
            self._book = CalamineWorkbook.from_path(str(path))
            self.titles: list[str] = list(self._book.sheet_names)
            with zipfile.ZipFile(path) as archive:  # the package's own map of its sheets must be there
                self._parts = _sheet_parts(archive)
        except Exception as exc:  # calamine, zip and XML raise many kinds; each means "damaged"
            raise _damaged(path, exc) from exc

    def cells(self, titles: list[str]) -> dict[str, Cells]:
        """The cells of the sheets called `titles`."""
        try:
            result: dict[str, Cells] = {}
            for title in titles:
                sheet = self._book.get_sheet_by_name(title)
                cells = Cells()
                start = sheet.start or (0, 0)
                for i, values in enumerate(sheet.to_python()):
                    row = {start[1] + j + 1: v for j, v in enumerate(values) if not (isinstance(v, str) and v == "")}
                    if row:
                        cells.rows[start[0] + i + 1] = row
                result[title] = cells
            with zipfile.ZipFile(self.path) as archive:
                parts = self._parts
                names = set(archive.namelist())
                for title in titles:
                    part = parts.get(title)
                    if part in names:
                        xml = archive.read(part)
                        if _FORMULA.search(xml) or _ERROR.search(xml):
                            _scan(xml, result[title])
            return result
        except WorkbookError:
            raise
        except Exception as exc:
            raise _damaged(self.path, exc) from exc

    def close(self) -> None:
        self._book.close()

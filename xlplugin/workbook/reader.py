"""Read a journey workbook into a document, a locator and the findings of reading.

What the reader cannot make sense of becomes a finding. It raises WorkbookError only
when the file cannot be read at all.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document import Document, Locator, ReadResult, RecordPlace, TablePlace, column_letter, empty_document
from ..errors import WorkbookError
from ..findings import Finding, finding
from ..layout import DATA_SHEETS, Field, Sheet
from ..text import Lang, Text, normalise_name
from ..values import is_blank, parse_value
from .guard import inspect_workbook

HEADER_SCAN_ROWS = 20
"""How far down a table sheet the header row is looked for."""


@dataclass
class _Cells:
    """One sheet's cells that hold something: row -> column -> value (1-based), and the
    cells holding a formula. Sparse, so a sheet that claims a million rows costs only
    what is really in it."""

    rows: dict[int, dict[int, Any]]
    formulas: set[tuple[int, int]] = field(default_factory=set)

    def get(self, r: int, c: int) -> Any:
        return self.rows.get(r, {}).get(c)

    def row(self, r: int) -> dict[int, Any]:
        return self.rows.get(r, {})


def _refused_xml(path: Path) -> WorkbookError:
    return WorkbookError(
        Text(
            f"{path.name} contains XML entity declarations, which Excel never writes (a known attack). It was not read.",
            f"{path.name} bevat XML-entiteitdeclaraties, die Excel nooit schrijft (een bekende aanval). Het is niet gelezen.",
        )
    )


def _open(path: Path, data_only: bool) -> Any:
    import openpyxl  # here, not at import time: only reading and writing need it
    from defusedxml import DefusedXmlException

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only, keep_links=False)
    except FileNotFoundError as exc:
        raise WorkbookError(Text(f"File not found: {path}", f"Bestand niet gevonden: {path}")) from exc
    except DefusedXmlException as exc:
        raise _refused_xml(path) from exc
    except IsADirectoryError as exc:
        raise WorkbookError(
            Text(f"{path} is a folder, not a workbook.", f"{path} is een map, geen werkmap.")
        ) from exc
    except PermissionError as exc:
        raise WorkbookError(
            Text(f"No permission to read {path}.", f"Geen toestemming om {path} te lezen.")
        ) from exc
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise WorkbookError(
            Text(
                f"{path.name} is not a readable Excel workbook (.xlsx). Open it in Excel and save it as .xlsx.",
                f"{path.name} is geen leesbare Excel-werkmap (.xlsx). Open het in Excel en sla het op als .xlsx.",
            )
        ) from exc
    except Exception as exc:  # the parsing stack raises many kinds; each means "unreadable"
        raise WorkbookError(
            Text(
                f"{path.name} could not be read ({type(exc).__name__}). Open it in Excel and save it again as .xlsx.",
                f"{path.name} kon niet gelezen worden ({type(exc).__name__}). Open het in Excel en sla het opnieuw op als .xlsx.",
            )
        ) from exc


def _parse_sheet(ws: Any, data_only: bool) -> Iterator[tuple[int, int, Any, str]]:
    """(row, column, value, data type) of every cell with a value, straight from the sheet's
    XML. openpyxl's own read-only rows are padded to the width the sheet claims (16,384
    columns for a lying <dimension>); its streaming parser underneath is not."""
    from openpyxl.worksheet._reader import WorkSheetParser  # internal: openpyxl is pinned below 3.2

    book = ws.parent
    with ws._get_source() as src:
        parser = WorkSheetParser(
            src,
            ws._shared_strings,
            data_only=data_only,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        for r, cells in parser.parse():
            for cell in cells:
                if cell["value"] is not None:
                    yield r, cell["column"], cell["value"], cell["data_type"]


def _sheet_cells(ws: Any) -> _Cells:
    rows: dict[int, dict[int, Any]] = {}
    formulas: set[tuple[int, int]] = set()
    for r, c, value, kind in _parse_sheet(ws, data_only=False):
        if kind == "f":
            formulas.add((r, c))
        rows.setdefault(r, {})[c] = value
    return _Cells(rows, formulas)


def _match_sheets(titles: Iterable[str]) -> tuple[dict[str, str], list[Finding], Lang]:
    """Layout sheet key -> workbook title; findings for sheets given twice; the language."""
    found: dict[str, str] = {}
    findings: list[Finding] = []
    votes = {"en": 0, "nl": 0}
    for title in titles:
        key = normalise_name(title)
        for s in DATA_SHEETS:
            if key not in s.names():
                continue
            en, nl = normalise_name(s.name.en), normalise_name(s.name.nl)
            if en != nl and key in (en, nl):
                votes["en" if key == en else "nl"] += 1
            if s.key in found:
                findings.append(
                    finding("duplicate-sheet", title, None, first=found[s.key], second=title, what=s.name.en)
                )
            else:
                found[s.key] = title
    lang: Lang = "nl" if votes["nl"] > votes["en"] else "en"
    return found, findings, lang


class _CachedValues:
    """The values Excel stored for formula cells, parsed again with data_only the first
    time an input cell turns out to hold a formula (rare: most workbooks never pay for it)."""

    def __init__(self, sheets: dict[str, Any], formulas: dict[str, set[tuple[int, int]]]):
        self.sheets, self.formulas = sheets, formulas
        self.values: dict[str, dict[tuple[int, int], Any]] = {}

    def get(self, title: str, r: int, c: int) -> Any:
        if title not in self.values:
            cells = self.formulas.get(title, set())
            self.values[title] = {
                (row, col): v
                for row, col, v, _ in _parse_sheet(self.sheets[title], data_only=True)
                if (row, col) in cells
            }
        return self.values[title].get((r, c))


class _SheetReader:
    """Reads one sheet's values into its section of the document."""

    def __init__(self, sheet: Sheet, title: str, cells: _Cells, cached: _CachedValues):
        self.sheet, self.title, self.cells, self.cached = sheet, title, cells, cached
        self.findings: list[Finding] = []
        self.uncalculated: set[tuple[int, str]] = set()
        self.reported: set[str] = set()

    def value(self, f: Field, r: int, c: int) -> Any:
        raw = self.cells.get(r, c)
        if (r, c) in self.cells.formulas:
            raw = self.cached.get(self.title, r, c)
        if (r, c) in self.cells.formulas and is_blank(raw):
            self.findings.append(finding("formula-without-value", self.title, f"{column_letter(c)}{r}"))
            self.uncalculated.add((r, f.key))
            return None
        return parse_value(f, raw)

    def read_record(self, lang: Lang) -> tuple[dict[str, Any], RecordPlace]:
        place = RecordPlace(self.title)
        fields = {name: f for f in self.sheet.input_fields for name in f.names()}
        record: dict[str, Any] = {}
        for r in sorted(self.cells.rows):
            label = self.cells.get(r, 1)
            if is_blank(label):
                continue
            f = fields.get(normalise_name(label))
            if f is None or f.key in place.rows:
                continue
            place.rows[f.key] = r
            value = self.value(f, r, 2)
            if (r, f.key) in self.uncalculated:
                self.reported.add(f"/{self.sheet.key}/{f.key}")
            if value is not None:
                record[f.key] = value
        for f in self.sheet.input_fields:
            if f.required and f.key not in place.rows:
                self.findings.append(finding("missing-label", self.title, None, expected=f.name.in_(lang)))
        ordered = {f.key: record[f.key] for f in self.sheet.input_fields if f.key in record}
        return ordered, place

    def _header_row(self) -> int | None:
        names = {name for f in self.sheet.fields for name in f.names()}
        best, best_hits = None, 0
        for r in sorted(k for k in self.cells.rows if k <= HEADER_SCAN_ROWS):
            hits = sum(
                1 for v in self.cells.row(r).values() if isinstance(v, str) and normalise_name(v) in names
            )
            if hits > best_hits:
                best, best_hits = r, hits
        return best

    def read_table(self, lang: Lang) -> tuple[list[dict[str, Any]], TablePlace]:
        header = self._header_row()
        place = TablePlace(self.title, header or 1)
        if header is None:
            for f in self.sheet.input_fields:
                if f.required:
                    self.findings.append(
                        finding("missing-column", self.title, "A1", expected=f.name.in_(lang))
                    )
            return [], place
        by_name = {name: f for f in self.sheet.fields for name in f.names()}
        columns: dict[str, int] = {}
        header_cells = self.cells.row(header)
        for c, v in sorted(header_cells.items()):
            f = by_name.get(normalise_name(v)) if isinstance(v, str) else None
            if f is None:
                continue
            if f.key in columns:
                self.findings.append(
                    finding(
                        "duplicate-column",
                        self.title,
                        f"{column_letter(c)}{header}",
                        header=str(v).strip(),
                        expected=f.name.in_(lang),
                        first=f"{column_letter(columns[f.key])}{header}",
                    )
                )
                continue
            columns[f.key] = c
        last = max((c for c, v in header_cells.items() if not is_blank(v)), default=0)
        for f in self.sheet.input_fields:
            if f.required and f.key not in columns:
                last += 1
                self.findings.append(
                    finding(
                        "missing-column",
                        self.title,
                        f"{column_letter(last)}{header}",
                        expected=f.name.in_(lang),
                    )
                )
        place.columns = {k: column_letter(c) for k, c in columns.items()}
        inputs = [(f, columns[f.key]) for f in self.sheet.input_fields if f.key in columns]
        items: list[dict[str, Any]] = []
        for r in sorted(k for k in self.cells.rows if k > header):
            item = {}
            for f, c in inputs:
                value = self.value(f, r, c)
                if value is not None:
                    item[f.key] = value
            if item:  # a blank row inside a table does not end it
                self.reported.update(
                    f"/{self.sheet.key}/{len(items)}/{f.key}"
                    for f, _ in inputs
                    if (r, f.key) in self.uncalculated
                )
                items.append(item)
                place.rows.append(r)
        return items, place


def _read_sheets(
    titles: dict[str, str],
    sheet_cells: dict[str, _Cells],
    cached: _CachedValues,
    lang: Lang,
    sheetnames: list[str],
    findings: list[Finding],
) -> tuple[Document, Locator, set[str]]:
    document = empty_document(lang)
    locator = Locator(order=sheetnames)
    reported: set[str] = set()
    for s in DATA_SHEETS:
        title = titles.get(s.key)
        if title is None:
            locator.sheets[s.key] = s.name.in_(lang)
            if s.required:
                findings.append(finding("missing-sheet", s.name.in_(lang), None, expected=s.name.in_(lang)))
            continue
        locator.sheets[s.key] = title
        reader = _SheetReader(s, title, sheet_cells[title], cached)
        if s.kind == "record":
            document[s.key], locator.records[s.key] = reader.read_record(lang)
        else:
            document[s.key], locator.tables[s.key] = reader.read_table(lang)
        findings.extend(reader.findings)
        reported.update(reader.reported)
    return document, locator, reported


def read_workbook(path: str | Path) -> ReadResult:
    """Read the journey workbook at `path`.

    Raises WorkbookError only when the file cannot be read at all; every problem in
    its content is a finding in the result.
    """
    from defusedxml import DefusedXmlException

    path = Path(path)
    inspect_workbook(path)
    wb = _open(path, data_only=False)
    try:
        sheetnames = list(wb.sheetnames)
        titles, findings, lang = _match_sheets(sheetnames)
        worksheets = {title: wb[title] for title in titles.values()}
        sheet_cells = {title: _sheet_cells(ws) for title, ws in worksheets.items()}
        cached = _CachedValues(worksheets, {t: c.formulas for t, c in sheet_cells.items() if c.formulas})
        document, locator, reported = _read_sheets(titles, sheet_cells, cached, lang, sheetnames, findings)
    except WorkbookError:
        raise
    except DefusedXmlException as exc:
        raise _refused_xml(path) from exc
    except Exception as exc:  # the parsing stack raises many kinds; each means "damaged"
        raise WorkbookError(
            Text(
                f"{path.name} is damaged and could not be read ({type(exc).__name__}). Open it in Excel and save it again.",
                f"{path.name} is beschadigd en kon niet gelezen worden ({type(exc).__name__}). Open het in Excel en sla het opnieuw op.",
            )
        ) from exc
    finally:
        wb.close()
    return ReadResult(document, locator, findings, reported)

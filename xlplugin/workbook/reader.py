"""Read a journey workbook into a document, a locator and the findings of reading.

What the reader cannot make sense of becomes a finding. It raises WorkbookError only
when the file cannot be read at all.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document import Locator, ReadResult, RecordPlace, TablePlace, column_letter, empty_document
from ..errors import WorkbookError
from ..findings import Finding, finding
from ..layout import DATA_SHEETS, Field, Sheet
from ..text import Lang, Text, normalise_name
from ..values import is_blank, parse_value

HEADER_SCAN_ROWS = 20
"""How far down a table sheet the header row is looked for."""


@dataclass
class _Cells:
    """One sheet's cell values by row, with the formula cells that had no value."""

    rows: list[Sequence[Any]]
    formulas: set[tuple[int, int]] = field(default_factory=set)
    """(row, column), 1-based, of cells holding a formula."""


def _open(path: Path, data_only: bool) -> Any:
    import openpyxl  # here, not at import time: only reading and writing need it

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only, keep_links=False)
    except FileNotFoundError as exc:
        raise WorkbookError(Text(f"File not found: {path}", f"Bestand niet gevonden: {path}")) from exc
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


def _sheet_cells(ws: Any) -> _Cells:
    rows: list[Sequence[Any]] = []
    formulas: set[tuple[int, int]] = set()
    for r, row in enumerate(ws.iter_rows(), start=1):
        values = []
        for c, cell in enumerate(row, start=1):
            value = getattr(cell, "value", None)
            if getattr(cell, "data_type", None) == "f":
                formulas.add((r, c))
            values.append(value)
        rows.append(values)
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
    """The values Excel stored for formula cells, read in a second, value-only pass
    the first time an input cell turns out to hold a formula (rare: most workbooks
    never pay for it)."""

    def __init__(self, path: Path, formulas: dict[str, set[tuple[int, int]]]):
        self.path, self.formulas = path, formulas
        self.values: dict[str, dict[tuple[int, int], Any]] | None = None

    def get(self, title: str, r: int, c: int) -> Any:
        if self.values is None:
            self.values = self._load()
        return self.values.get(title, {}).get((r, c))

    def _load(self) -> dict[str, dict[tuple[int, int], Any]]:
        wb = _open(self.path, data_only=True)
        try:
            out: dict[str, dict[tuple[int, int], Any]] = {}
            for title, cells in self.formulas.items():
                values = out.setdefault(title, {})
                for r, row in enumerate(wb[title].iter_rows(values_only=True), start=1):
                    for c, v in enumerate(row, start=1):
                        if (r, c) in cells:
                            values[(r, c)] = v
            return out
        finally:
            wb.close()


class _SheetReader:
    """Reads one sheet's values into its section of the document."""

    def __init__(self, sheet: Sheet, title: str, cells: _Cells, cached: _CachedValues):
        self.sheet, self.title, self.cells, self.cached = sheet, title, cells, cached
        self.findings: list[Finding] = []
        self.uncalculated: set[tuple[int, str]] = set()
        self.reported: set[str] = set()

    def value(self, f: Field, r: int, c: int) -> Any:
        row = self.cells.rows[r - 1]
        raw = row[c - 1] if c - 1 < len(row) else None
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
        for r, row in enumerate(self.cells.rows, start=1):
            if not row or is_blank(row[0]):
                continue
            f = fields.get(normalise_name(row[0]))
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
        for r, row in enumerate(self.cells.rows[:HEADER_SCAN_ROWS], start=1):
            hits = sum(1 for v in row if isinstance(v, str) and normalise_name(v) in names)
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
        header_cells = self.cells.rows[header - 1]
        for c, v in enumerate(header_cells, start=1):
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
        last = max((c for c, v in enumerate(header_cells, start=1) if not is_blank(v)), default=0)
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
        for r in range(header + 1, len(self.cells.rows) + 1):
            item = {}
            for f, c in inputs:
                value = self.value(f, r, c)
                if value is not None:
                    item[f.key] = value
            if item:  # a blank row inside a table does not end it
                self.reported.update(
                    f"/{self.sheet.key}/{len(items)}/{f.key}" for f, _ in inputs if (r, f.key) in self.uncalculated
                )
                items.append(item)
                place.rows.append(r)
        return items, place


def read_workbook(path: str | Path) -> ReadResult:
    """Read the journey workbook at `path`.

    Raises WorkbookError only when the file cannot be read at all; every problem in
    its content is a finding in the result.
    """
    path = Path(path)
    wb = _open(path, data_only=False)
    try:
        sheetnames = list(wb.sheetnames)
        titles, findings, lang = _match_sheets(sheetnames)
        sheet_cells = {title: _sheet_cells(wb[title]) for title in titles.values()}
    except WorkbookError:
        raise
    except Exception as exc:
        raise WorkbookError(
            Text(
                f"{path.name} is damaged and could not be read ({type(exc).__name__}). Open it in Excel and save it again.",
                f"{path.name} is beschadigd en kon niet gelezen worden ({type(exc).__name__}). Open het in Excel en sla het opnieuw op.",
            )
        ) from exc
    finally:
        wb.close()
    cached = _CachedValues(path, {t: c.formulas for t, c in sheet_cells.items() if c.formulas})

    document = empty_document(lang)
    locator = Locator(order=list(sheetnames))
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
    return ReadResult(document, locator, findings, reported)

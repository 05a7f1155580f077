"""Read a journey workbook into a document, a locator and the findings of reading.

What the reader cannot make sense of becomes a finding. It raises WorkbookError only
when the file cannot be read at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from xlplugin.core.document import (
    Document,
    Locator,
    ReadResult,
    RecordPlace,
    TablePlace,
    column_letter,
    empty_document,
)
from xlplugin.core.findings import Finding, finding
from xlplugin.core.layout import DATA_SHEETS, Field, Sheet
from xlplugin.core.typed import is_blank, parse_value
from xlplugin.errors import WorkbookError
from xlplugin.files.guard import inspect_workbook
from xlplugin.text import Lang, Text, normalise_name
from xlplugin.workbook.cells import Book, Cells
from xlplugin.workbook.headers import check_header

HEADER_SCAN_ROWS = 20
"""How far down a table sheet the header row is looked for."""


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


class _SheetReader:
    """Reads one sheet's values into its section of the document."""

    def __init__(self, sheet: Sheet, title: str, cells: Cells):
        self.sheet, self.title, self.cells = sheet, title, cells
        self.findings: list[Finding] = []
        self.uncalculated: set[tuple[int, str]] = set()
        self.reported: set[str] = set()
        self.formulas: set[tuple[int, int]] = set()
        """Formula cells without a value in the columns this sheet reads."""

    def value(self, f: Field, r: int, c: int) -> Any:
        if (r, c) in self.formulas:
            self.findings.append(finding("formula-without-value", self.title, f"{column_letter(c)}{r}"))
            self.uncalculated.add((r, f.key))
            return None
        return parse_value(f, self.cells.get(r, c))

    def read_record(self, lang: Lang) -> tuple[dict[str, Any], RecordPlace]:
        place = RecordPlace(self.title)
        fields = {name: f for f in self.sheet.input_fields for name in f.names()}
        self.formulas = self.cells.uncalculated({2})
        record: dict[str, Any] = {}
        for r in self.cells.row_numbers():
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
        for r in self.cells.row_numbers(HEADER_SCAN_ROWS):
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
        headers = check_header(self.sheet, self.title, self.cells, header, columns, lang)
        self.findings.extend(headers.findings)
        columns.update(headers.columns)
        last = max((c for c, v in header_cells.items() if not is_blank(v)), default=0)
        missing = [f for f in self.sheet.input_fields if f.required and f.key not in columns]
        merged = any(x.code == "merged-header" for x in headers.findings)
        unread = [f for f in self.sheet.input_fields if f.key not in columns]
        lost = missing if len(missing) == 1 else unread if len(unread) == 1 else []
        if len(lost) == 1 and len(headers.unnamed) == 1:
            # the header of this very column was deleted: one finding, at the cell to type it in
            self.findings = [x for x in self.findings if x.code != "unnamed-column"]
            self.findings.append(finding(
                "missing-column", self.title, f"{column_letter(headers.unnamed[0])}{header}",
                expected=lost[0].name.in_(lang),
            ))
            missing = [f for f in missing if f is not lost[0]]
        for f in [] if merged else missing:  # a merged header is the cause: reported as such
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
        by_column = {c: f for f, c in inputs}
        order = {f.key: i for i, f in enumerate(self.sheet.input_fields)}
        self.formulas = self.cells.uncalculated(set(by_column))
        uncalculated: dict[int, list[int]] = {}
        for r, c in self.formulas:
            if r > header:
                uncalculated.setdefault(r, []).append(c)
        items: list[dict[str, Any]] = []
        kinds = {"number": 1, "scale": 1, "integer": 1, "text": 2, "id": 3}
        ordered = [(f, c, kinds.get(f.kind, 0))  # in the document's order of keys
                   for f, c in sorted(inputs, key=lambda fc: order[fc[0].key])]
        grid, (r0, c0) = self.cells.grid, self.cells.origin
        none: list[Any] = []
        if grid is not None:  # straight from calamine's lists: no dict per row
            visit: list[int] = list(range(header + 1, max([self.cells.last_row(), *uncalculated]) + 1))
            fields = [(f, f.key, c - c0, kind) for f, c, kind in ordered if c >= c0]
            size = len(grid)
            lines: Iterable[list[Any]] = (grid[r - r0] if 0 <= r - r0 < size else none for r in visit)
        else:
            numbered = self.cells.rows
            visit = sorted({k for k in numbered if k > header} | set(uncalculated))
            fields = [(f, f.key, j, kind) for j, (f, _, kind) in enumerate(ordered)]
            columns = [c for _, c, _ in ordered]
            lines = ([row.get(c) for c in columns] if (row := numbered.get(r)) else none for r in visit)
        for r, values in zip(visit, lines, strict=True):
            if r in headers.not_data:
                continue
            n = len(values)
            item = {}
            for f, key, j, kind in fields:
                if j >= n:
                    continue
                raw = values[j]
                t = type(raw)
                # The common cases without a call (the same results as parse_value).
                if t is float:
                    if kind == 1:
                        item[key] = int(raw) if raw.is_integer() and -2**53 < raw < 2**53 else raw
                        continue
                elif t is str:
                    if not raw:
                        continue
                    if kind == 2:
                        text = (raw.replace("\u00a0", " ") if "\u00a0" in raw else raw).strip()
                        if text:
                            item[key] = text
                        continue
                    if kind == 3:
                        text = " ".join(raw.split())
                        if text:
                            item[key] = text
                        continue
                elif raw is None:
                    continue
                value = parse_value(f, raw)
                if value is not None:
                    item[key] = value
            if r in uncalculated:
                for c in uncalculated[r]:
                    self.value(by_column[c], r, c)  # reports the formula without a value
            if item:  # a blank row inside a table does not end it
                if self.uncalculated:
                    self.reported.update(
                        f"/{self.sheet.key}/{len(items)}/{f.key}"
                        for f, _ in inputs
                        if (r, f.key) in self.uncalculated
                    )
                items.append(item)
                place.rows.append(r)
        if headers.hiding:  # the fields not read are explained by the header finding
            unread = [f.key for f in self.sheet.input_fields if f.key not in place.columns]
            self.reported.update(f"/{self.sheet.key}/{i}/{key}" for i in range(len(items)) for key in unread)
        return items, place


def _read_sheets(
    titles: dict[str, str], book: Book, lang: Lang, sheetnames: list[str], findings: list[Finding],
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
        # one sheet's cells at a time: they are dropped as soon as the sheet is read
        reader = _SheetReader(s, title, book.cells([title])[title])
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
    path = Path(path)
    inspect_workbook(path)
    book = Book(path)
    try:
        return read_book(book)
    finally:
        book.close()



JOURNEY_KEYS = {"journey", "persona", "phases", "touchpoints", "blueprint", "actions"}
"""A workbook with none of these sheets is not a journey workbook (docs/design.md, v1.1)."""


def _not_a_journey(path: object) -> WorkbookError:
    name = f"'{Path(str(path)).name}'" if path else "This workbook"
    sheets_en = ", ".join(s.name.en for s in DATA_SHEETS if s.key in JOURNEY_KEYS)
    sheets_nl = ", ".join(s.name.nl for s in DATA_SHEETS if s.key in JOURNEY_KEYS)
    return WorkbookError(Text(
        f"{name} is not a journey workbook (it has none of the sheets {sheets_en}): "
        "start one with 'xlplugin new journey.xlsx'.",
        f"{name if path else 'Deze werkmap'} is geen klantreiswerkmap (er staat geen van de bladen {sheets_nl} in): "
        "begin er een met 'xlplugin new klantreis.xlsx --lang nl'.",
    ))


def read_book(book: Book) -> ReadResult:
    """Read a journey workbook from any book that gives its sheet titles and cells: the open
    workbook in Excel (through xlwings) gets the same findings as a file with its values."""
    titles, findings, lang = _match_sheets(book.titles)
    if not JOURNEY_KEYS & set(titles):
        raise _not_a_journey(getattr(book, "path", None))
    document, locator, reported = _read_sheets(titles, book, lang, book.titles, findings)
    return ReadResult(document, locator, findings, reported)

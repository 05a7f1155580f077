"""The journey document (a dict shaped by schema/journey.schema.json) and its locator.

The document is what the reader makes of a workbook and what JSON export writes;
the locator remembers, for every value, the cell it came from, so every finding can
point at the cell a person has to fix.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from xlplugin.core.findings import Finding
from xlplugin.core.layout import DATA_SHEETS
from xlplugin.text import Lang

Document = dict[str, Any]
DOCUMENT_VERSION = 1


def empty_document(lang: Lang = "en") -> Document:
    """A document with every section present and nothing filled in."""
    doc: Document = {"version": DOCUMENT_VERSION, "language": lang}
    for s in DATA_SHEETS:
        doc[s.key] = {} if s.kind == "record" else []
    return doc


@cache
def _schema_text() -> str:
    return resources.files("xlplugin").joinpath("resources/journey.schema.json").read_text("utf-8")


def load_schema() -> dict[str, Any]:
    """The JSON Schema of the journey document (a fresh copy each call)."""
    return json.loads(_schema_text())


def column_index(letters: str) -> int:
    """The 1-based column index of A1 letters (A -> 1, AA -> 27): `column_letter` turned round."""
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index


def column_letter(index: int) -> str:
    """The A1 letters of a 1-based column index (1 -> A, 27 -> AA)."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def quote_sheet(title: str) -> str:
    """A sheet name as a formula or link writes it: 'Name' with quotes doubled."""
    return "'" + title.replace("'", "''") + "'"


@dataclass
class RecordPlace:
    """Where a label/value sheet stands: the row of each field's label."""

    sheet: str
    rows: dict[str, int] = field(default_factory=dict)
    value_column: str = "B"


@dataclass
class TablePlace:
    """Where a table sheet stands: header row, each field's column, each item's row."""

    sheet: str
    header_row: int
    columns: dict[str, str] = field(default_factory=dict)
    rows: list[int] = field(default_factory=list)


@dataclass
class Locator:
    """Maps a JSON pointer into the document to the sheet and cell it was read from."""

    sheets: dict[str, str] = field(default_factory=dict)
    """Section key -> the sheet's name as it stands in the workbook (or as expected)."""
    records: dict[str, RecordPlace] = field(default_factory=dict)
    tables: dict[str, TablePlace] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    """Every sheet's name, in the workbook's order (for reading-order reports)."""

    def has_place(self, section: str, key: str) -> bool:
        """True when the workbook has a label row or column for field `key` of `section`."""
        if section in self.records:
            return key in self.records[section].rows
        if section in self.tables:
            return key in self.tables[section].columns
        return False

    def locate(self, pointer: str) -> tuple[str | None, str | None]:
        """(sheet, cell) for a pointer such as ``/touchpoints/3/rating``; cell None when
        the pointer names a whole sheet or a place that has no cell (a missing column)."""
        parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]
        if not parts or parts[0] not in self.sheets:
            return None, None
        section, rest = parts[0], parts[1:]
        sheet = self.sheets[section]
        if section in self.records and rest:
            place = self.records[section]
            row = place.rows.get(rest[0])
            return sheet, None if row is None else f"{place.value_column}{row}"
        if section in self.tables and rest and rest[0].isdigit():
            table = self.tables[section]
            index = int(rest[0])
            if index >= len(table.rows):
                return sheet, None
            row = table.rows[index]
            if len(rest) > 1 and rest[1] in table.columns:
                return sheet, f"{table.columns[rest[1]]}{row}"
            first = min(table.columns.values(), key=lambda c: (len(c), c), default="A")
            return sheet, f"{first}{row}"
        return sheet, None


@dataclass
class ReadResult:
    """What reading a workbook gives: the document, where each value came from, and
    what could not be read."""

    document: Document
    locator: Locator
    findings: list[Finding] = field(default_factory=list)
    reported: set[str] = field(default_factory=set)
    """Pointers of values the reader already reported (a formula without a value)."""

    @property
    def language(self) -> Lang:
        return self.document["language"]

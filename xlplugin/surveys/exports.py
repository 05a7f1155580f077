"""Read a survey export (CSV, TSV or XLSX) into rows of cells, or one sentence why not.

CSV: any of UTF-8 (with or without BOM), UTF-16 (Qualtrics' and Excel's "Unicode text")
or Windows-1252; comma, semicolon or tab (the Dutch-locale download uses semicolons).
XLSX: the first sheet (Microsoft Forms, SurveyMonkey), read by python-calamine.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

from xlplugin.errors import WorkbookError, quote_path
from xlplugin.text import Text

MAX_BYTES = 200 * 1024 * 1024
"""An export larger than this is refused with a sentence (an export of 100,000 responses
to 40 questions is some 40 MB)."""
MAX_ROWS = 200_000
MAX_COLUMNS = 5_000
MAX_CELL = 100_000
"""Characters in one cell: a comment longer than a short essay is not an answer."""

Cell = str | float | int | bool | dt.datetime | dt.date | dt.time | dt.timedelta | None


def _fail(en: str, nl: str) -> WorkbookError:
    return WorkbookError(Text(en, nl))


def _decode(data: bytes, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    if b"\x00" in data[:4096]:
        # UTF-16 without a byte order mark has a NUL beside every ASCII letter
        even, odd = data[:4096:2].count(0), data[1:4096:2].count(0)
        if max(even, odd) > 0.3 * len(data[:4096]) / 2:
            return data.decode("utf-16-le" if odd > even else "utf-16-be", "replace")
        raise _fail(f"{name} is not a text file (it holds binary data): export the survey as CSV or Excel (.xlsx).",
                    f"{name} is geen tekstbestand (er staan binaire gegevens in): exporteer de enquête als CSV of "
                    "Excel (.xlsx).")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _delimiter(text: str) -> str:
    """The delimiter of the first line, counting only outside quotes."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for ch in text[:20000]:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            if ch in counts:
                counts[ch] += 1
            elif ch == "\n":
                break
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else ","


def read_rows(path: Path) -> list[list[Cell]]:
    """The rows of the export at `path` (raises WorkbookError with one sentence when it cannot be read)."""
    name = quote_path(path.name)
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise _fail(f"File not found: {quote_path(path)}", f"Bestand niet gevonden: {quote_path(path)}") from exc
    except OSError as exc:
        raise _fail(f"Cannot read {quote_path(path)}: {exc.strerror or exc}.",
                    f"Kan {quote_path(path)} niet lezen: {exc.strerror or exc}.") from exc
    if path.is_dir():
        raise _fail(f"{quote_path(path)} is a folder, not a survey export.", f"{quote_path(path)} is een map, geen "
                    "enquête-export.")
    if size > MAX_BYTES:
        raise _fail(f"{name} is {size // (1024 * 1024)} MB, more than the {MAX_BYTES // (1024 * 1024)} MB a survey "
                    "export can be: export only the responses of one wave.",
                    f"{name} is {size // (1024 * 1024)} MB, meer dan de {MAX_BYTES // (1024 * 1024)} MB die een "
                    "enquête-export mag zijn: exporteer alleen de antwoorden van één meting.")
    if size == 0:
        raise _fail(f"{name} is empty: export the responses again.", f"{name} is leeg: exporteer de antwoorden opnieuw.")
    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(b"PK"):
        rows = _read_xlsx(path, name)
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        raise _fail(f"{name} is an old Excel file (.xls) or a password-protected workbook: save it as .xlsx or "
                    "export the responses as CSV.",
                    f"{name} is een oud Excel-bestand (.xls) of een werkmap met wachtwoord: sla het op als .xlsx "
                    "of exporteer de antwoorden als CSV.")
    else:
        rows = _read_csv(path.read_bytes(), name)
    rows = [r for r in rows if any(c not in (None, "") for c in r)] if rows else rows
    if not rows:
        raise _fail(f"{name} has no rows: export the responses again.", f"{name} heeft geen regels: exporteer de "
                    "antwoorden opnieuw.")
    return rows


def _limits(rows: int, columns: int, name: str) -> None:
    if rows > MAX_ROWS:
        raise _fail(f"{name} has more than {MAX_ROWS:,} rows: export the responses of one wave only.",
                    f"{name} heeft meer dan {MAX_ROWS:,} regels: exporteer alleen de antwoorden van één meting.")
    if columns > MAX_COLUMNS:
        raise _fail(f"{name} has more than {MAX_COLUMNS:,} columns: that is no survey export.",
                    f"{name} heeft meer dan {MAX_COLUMNS:,} kolommen: dat is geen enquête-export.")


def _read_csv(data: bytes, name: str) -> list[list[Cell]]:
    text = _decode(data, name)
    delimiter = _delimiter(text)
    rows: list[list[Cell]] = []
    try:
        csv.field_size_limit(MAX_CELL)
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append(list(row))
            if len(rows) > MAX_ROWS or len(row) > MAX_COLUMNS:
                _limits(len(rows), len(row), name)
    except csv.Error as exc:
        line = len(rows) + 1
        raise _fail(f"{name} is not a readable CSV file (line {line}: {exc}): export the responses again.",
                    f"{name} is geen leesbaar CSV-bestand (regel {line}: {exc}): exporteer de antwoorden opnieuw.") \
            from exc
    return rows


def _read_xlsx(path: Path, name: str) -> list[list[Cell]]:
    try:
        with zipfile.ZipFile(path) as z:
            total = sum(i.file_size for i in z.infolist())
            if total > 8 * MAX_BYTES:
                raise _fail(f"{name} unpacks to more than {8 * MAX_BYTES // (1024 * 1024)} MB: that is no survey "
                            "export.", f"{name} pakt uit tot meer dan {8 * MAX_BYTES // (1024 * 1024)} MB: dat is "
                            "geen enquête-export.")
            if not any(n.lower().startswith("xl/") for n in z.namelist()):
                raise _fail(f"{name} is a zip file but no Excel workbook: export the responses as .xlsx or CSV.",
                            f"{name} is een zipbestand maar geen Excel-werkmap: exporteer de antwoorden als .xlsx "
                            "of CSV.")
    except zipfile.BadZipFile as exc:
        raise _fail(f"{name} is a damaged Excel file: export the responses again.",
                    f"{name} is een beschadigd Excel-bestand: exporteer de antwoorden opnieuw.") from exc
    try:
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(str(path))
        sheet = book.get_sheet_by_index(0)
        rows = sheet.to_python(skip_empty_area=False)
    except Exception as exc:  # calamine's errors have no common base class
        raise _fail(f"{name} is not a readable Excel workbook ({type(exc).__name__}): export the responses again.",
                    f"{name} is geen leesbare Excel-werkmap ({type(exc).__name__}): exporteer de antwoorden "
                    "opnieuw.") from exc
    _limits(len(rows), max((len(r) for r in rows), default=0), name)
    return [list(r) for r in rows]


def text_of(value: Cell) -> str:
    """A header cell as text."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()

"""Headers that cannot hide a column: merged header cells, a header split over two rows,
and a column whose values have no header are found and reported, never silently skipped."""

from __future__ import annotations

from dataclasses import dataclass, field

from xlplugin.core.document import column_letter
from xlplugin.core.findings import Finding, finding
from xlplugin.core.layout import Sheet
from xlplugin.core.typed import is_blank
from xlplugin.text import Lang, Text, normalise_name
from xlplugin.workbook.cells import Cells

MAX_ROWS_NAMED = 8


@dataclass
class HeaderCheck:
    """What the header row hides: findings, columns found outside it, rows that are header, not data."""

    findings: list[Finding] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)
    """Field key -> column of a header found split over two rows (read like any other)."""
    not_data: set[int] = field(default_factory=set)
    """Rows below the header row that hold part of a header."""
    hiding: bool = False
    """True when a column may hold a field that is not read (a merged or missing header):
    the rows' missing values of unread fields are then not reported once more each."""
    unnamed: list[int] = field(default_factory=list)
    """Columns with values and no header."""


def _spans(rows: list[int]) -> tuple[str, str]:
    """'rows 2-17' / 'regels 2-17', or a short list, for the rows of a column."""
    runs: list[tuple[int, int]] = []
    for r in sorted(rows):
        if runs and r == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], r)
        else:
            runs.append((r, r))
    shown = [f"{a}" if a == b else f"{a}-{b}" for a, b in runs[:MAX_ROWS_NAMED]]
    more = len(runs) - len(shown)
    single = len(rows) == 1
    en = ("row " if single else "rows ") + ", ".join(shown) + (f" and {more} more" if more else "")
    nl = ("regel " if single else "regels ") + ", ".join(shown) + (f" en {more} meer" if more else "")
    return en, nl


def check_header(
    sheet: Sheet, title: str, cells: Cells, header: int, columns: dict[str, int], lang: Lang,
) -> HeaderCheck:
    """Look around the `header` row of a table sheet whose fields were found in `columns`."""
    result = HeaderCheck()
    header_cells = cells.row(header)
    hidden: set[int] = set()
    for r1, c1, r2, c2 in cells.merged:
        if r1 <= header <= r2 and c2 > c1:
            span = set(range(c1 + 1, c2 + 1))
            hidden |= span
            used = _used_rows(cells, header, span)
            words = Text(
                f" (column {', '.join(column_letter(c) for c in sorted(span))} holds values that are not read)",
                f" (kolom {', '.join(column_letter(c) for c in sorted(span))} bevat waarden die niet gelezen worden)",
            ) if used else Text("", "")
            result.findings.append(finding(
                "merged-header", title, f"{column_letter(c1)}{r1}",
                range=f"{column_letter(c1)}{r1}:{column_letter(c2)}{r2}", hidden=words, row=header,
            ))
            result.hiding = True
    known = {name for f in sheet.fields for name in f.names()}
    taken = set(columns.values())
    wanted = {name: f for f in sheet.input_fields if f.key not in columns for name in f.names()}
    last = max([*header_cells, *taken], default=0)
    for c in range(1, last + 2):
        if c in taken or c in hidden or not wanted:
            continue
        here = header_cells.get(c)
        here_text = "" if is_blank(here) else str(here).strip()
        if here_text and normalise_name(here_text) in known:
            continue
        for r in (header - 1, header + 1):
            part = cells.get(r, c) if r >= 1 else None
            if is_blank(part):
                continue
            part_text = str(part).strip()
            joined = f"{part_text} {here_text}" if r < header else f"{here_text} {part_text}"
            f = wanted.get(normalise_name(joined.strip()))
            if f is None:
                continue
            result.columns[f.key] = c
            taken.add(c)
            if r > header:
                result.not_data.add(r)
            result.findings.append(finding(
                "split-header", title, f"{column_letter(c)}{r}", header=joined.strip(), at=f"{column_letter(c)}{r}",
                row=header, expected=f.name.in_(lang),
            ))
            for name in f.names():
                wanted.pop(name, None)
            break
    blank = [c for c in range(1, (cells.width() or 0) + 1)
             if c not in taken and c not in hidden and is_blank(header_cells.get(c))]
    for c in blank:
        rows = [r for r in _used_rows(cells, header, {c}) if r not in result.not_data]
        if rows:
            en, nl = _spans(rows)
            result.findings.append(finding(
                "unnamed-column", title, f"{column_letter(c)}{header}", column=column_letter(c), rows=Text(en, nl),
            ))
            result.unnamed.append(c)
            result.hiding = True
    return result


def _used_rows(cells: Cells, header: int, columns: set[int]) -> list[int]:
    """The rows below `header` with a value in any of `columns`."""
    found = []
    if cells.grid is not None:
        r0, c0 = cells.origin
        at = [c - c0 for c in columns if c >= c0]
        for i, values in enumerate(cells.grid):
            r = r0 + i
            if r > header and any(j < len(values) and values[j] != "" for j in at):
                found.append(r)
        return found
    for r, row in cells.rows.items():
        if r > header and any(not is_blank(row.get(c)) for c in columns):
            found.append(r)
    return sorted(found)

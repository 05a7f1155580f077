"""The write-back plan: every change a run makes to a workbook, and one way to carry it out.

A run of check (or priorities) changes the workbook in five ways: the marks of the
previous run are taken away, the Findings and Priorities sheets are written, each
faulty cell gets a fill colour and a note with its message, each finding links to its
cell, and the Start sheet says when the workbook was last checked and what was found.

`make_plan` decides those changes from a report; `apply` carries them out on a
`Surface`: the open workbook in Excel (through xlwings, `xlplugin.excel.surface`) or the
workbook file (`xlplugin.workbook.surface`). Both routes run this same code, so the file
and the live workbook end up with the same sheets, marks and notes.

The user's own formatting and notes are kept: before a cell is coloured its own fill is
written down in a hidden registry sheet, and the next run puts it back, but only where
the cell still shows the tool's colour (a colour the user chose since is left alone).
A note is only written where the cell has no note of the user's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from xlplugin.core.analysis.ranking import Priorities
from xlplugin.core.findings import Finding
from xlplugin.core.layout import ACTIONS, BLUEPRINT, PHASES, RESPONSES, START, TOUCHPOINTS
from xlplugin.core.report import Report
from xlplugin.core.writeback.sheets import SEVERITY_WORDS, NewSheet, findings_sheet, priorities_sheet
from xlplugin.text import Lang, Text

REGISTRY = "xlplugin.marks"
"""The hidden sheet that remembers what the last run changed (same name in every language)."""
NOTE_MARK = "xlplugin"
"""Every note the tool writes starts with this word: a note that does not is the user's."""
COLOURS = {"error": "FFC7CE", "warning": "FFEB9C"}
"""Fill colours (RRGGBB) of the marked cells: Excel's own light red and light yellow."""
STATUS_CELL = "B2"
REGISTRY_HEADERS = ("Sheet", "Cell", "Mark", "Before", "Note")
_CELL = re.compile(r"^[A-Z]{1,3}[1-9][0-9]{0,6}$")


@dataclass(frozen=True)
class Mark:
    """One faulty cell: the colour it gets and the note that says what is wrong."""

    sheet: str
    cell: str
    severity: str
    colour: str
    note: str


@dataclass(frozen=True)
class Status:
    """The line on the Start sheet that says when the workbook was last checked."""

    sheet: str
    cell: str
    text: str


@dataclass(frozen=True)
class Plan:
    """Everything one run writes, decided before anything is written."""

    sheets: tuple[NewSheet, ...]
    marks: tuple[Mark, ...]
    status: Status | None
    lang: Lang


@dataclass(frozen=True)
class Registered:
    """A cell that a run marked: the colour it was given, its own fill before, and whether a note was added."""

    sheet: str
    cell: str
    mark: str
    before: str | None
    note: bool


@dataclass
class Outcome:
    """What `apply` did, for the message to the user and for tests."""

    cleared: int = 0
    marked: int = 0
    notes: int = 0
    kept_notes: list[tuple[str, str]] = field(default_factory=list)
    """Cells where the user's own note was kept, so the tool's note was not written."""
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """Marks on sheets the workbook does not have (e.g. a finding about a missing sheet)."""


class Surface(Protocol):
    """A workbook that a plan can be carried out on. Colours are 'RRGGBB' or None (no fill);
    a surface may also return and accept its own token for a fill it cannot name in RGB."""

    def has_sheet(self, name: str) -> bool: ...
    def read_rows(self, name: str) -> list[list[object]]: ...
    def fill(self, sheet: str, cell: str) -> str | None: ...
    def set_fill(self, sheet: str, cell: str, colour: str | None) -> None: ...
    def note(self, sheet: str, cell: str) -> str | None: ...
    def set_note(self, sheet: str, cell: str, text: str | None) -> None: ...
    def set_value(self, sheet: str, cell: str, text: str) -> None: ...
    def put_sheet(self, sheet: NewSheet, hidden: bool = False) -> None: ...


def _note_text(findings: Sequence[Finding], lang: Lang) -> str:
    lines = []
    for f in findings:
        lines.append(f"{NOTE_MARK} · {SEVERITY_WORDS[f.severity].in_(lang)} [{f.code}]")
        lines.append(f.message.in_(lang))
        lines.append(f"→ {f.hint.in_(lang)}")
    return "\n".join(lines)


def marks_for(report: Report, lang: Lang) -> tuple[Mark, ...]:
    """One mark per faulty cell (errors and warnings), the worst severity deciding the colour;
    every finding of the cell is in its note, in reading order."""
    by_cell: dict[tuple[str, str], list[Finding]] = {}
    for f in report.findings:
        if f.severity in COLOURS and f.sheet and f.cell and _CELL.match(f.cell):
            by_cell.setdefault((f.sheet, f.cell), []).append(f)
    marks = []
    for (sheet, cell), found in by_cell.items():
        severity = "error" if any(f.severity == "error" for f in found) else "warning"
        marks.append(Mark(sheet, cell, severity, COLOURS[severity], _note_text(found, lang)))
    return tuple(marks)


def status_text(report: Report, lang: Lang, now: datetime) -> str:
    when = Text(now.strftime("%Y-%m-%d %H:%M"), f"{now.day}-{now.month}-{now.year} om {now:%H:%M}")
    return Text(f"checked at {when.en}: ", f"gecontroleerd op {when.nl}: ").in_(lang) + report.headline(lang)


def make_plan(report: Report, priorities: Priorities | None, lang: Lang, now: datetime) -> Plan:
    """The changes of one run: Findings (and Priorities) sheets, marks, and the status line."""
    sheets = [findings_sheet(report, lang)]
    if priorities is not None:
        sheets.append(priorities_sheet(priorities, lang))
    status = Status(START.name.in_(lang), STATUS_CELL, status_text(report, lang, now))
    return Plan(tuple(sheets), marks_for(report, lang), status, lang)


def read_registry(surface: Surface) -> list[Registered]:
    """The cells the previous run marked (nothing when there was none, or the sheet is garbled)."""
    if not surface.has_sheet(REGISTRY):
        return []
    found = []
    for row in surface.read_rows(REGISTRY)[1:]:
        cells = [("" if v is None else str(v)) for v in (list(row) + [None] * 5)[:5]]
        sheet, cell, mark, before, note = cells
        if sheet and _CELL.match(cell) and mark:
            found.append(Registered(sheet, cell, mark.lstrip("#"), before.lstrip("#") or None, note == "yes"))
    return found


def registry_sheet(registered: Sequence[Registered]) -> NewSheet:
    rows: list[list[str | int | float | None]] = [list(REGISTRY_HEADERS)]
    for r in registered:
        # Colours as #RRGGBB: a bare 000000 or 1E1000 would turn into a number in Excel.
        rows.append([r.sheet, r.cell, f"#{r.mark}", f"#{r.before}" if r.before else "", "yes" if r.note else ""])
    return NewSheet(REGISTRY, (), rows, (24, 8, 8, 12, 6))


def _ours(note: str | None) -> bool:
    return note is not None and note.startswith(NOTE_MARK)


def clear(surface: Surface) -> int:
    """Take away the previous run's marks; returns how many cells were put back."""
    cleared = 0
    for r in read_registry(surface):
        if not surface.has_sheet(r.sheet):
            continue
        if surface.fill(r.sheet, r.cell) == r.mark:
            surface.set_fill(r.sheet, r.cell, r.before)
            cleared += 1
        if _ours(surface.note(r.sheet, r.cell)):
            surface.set_note(r.sheet, r.cell, None)
    return cleared


TABLE_TITLES = tuple(name for sheet in (PHASES, TOUCHPOINTS, BLUEPRINT, ACTIONS, RESPONSES)
                     for name in (sheet.name.en, sheet.name.nl))
"""The journey's table sheets, in both languages: the ones whose live formulas run far below the data."""


def apply(plan: Plan, surface: Surface) -> Outcome:
    """Carry out `plan` on `surface`: clear, write the sheets, mark, register, and set the status."""
    outcome = Outcome(cleared=clear(surface))
    for sheet in plan.sheets:
        surface.put_sheet(sheet)
    registered = []
    for mark in plan.marks:
        if not surface.has_sheet(mark.sheet):
            outcome.skipped.append((mark.sheet, mark.cell))
            continue
        before = surface.fill(mark.sheet, mark.cell)
        surface.set_fill(mark.sheet, mark.cell, mark.colour)
        outcome.marked += 1
        existing = surface.note(mark.sheet, mark.cell)
        if existing is None or _ours(existing):
            surface.set_note(mark.sheet, mark.cell, mark.note)
            outcome.notes += 1
            note = True
        else:
            outcome.kept_notes.append((mark.sheet, mark.cell))
            note = False
        registered.append(Registered(mark.sheet, mark.cell, mark.colour, before, note))
    surface.put_sheet(registry_sheet(registered), hidden=True)
    if plan.status is not None and surface.has_sheet(plan.status.sheet):
        surface.set_value(plan.status.sheet, plan.status.cell, plan.status.text)
    fit = getattr(surface, "fit_print_areas", None)
    if fit is not None:  # a surface that can: the journey's sheets print their filled rows only
        fit(TABLE_TITLES)
    return outcome

"""The sheets the tool writes into a workbook, as plain data: titles, rows, widths, links.

Pure: the workbook layer turns them into package parts (annotate), and a live Excel
session can write the same rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .report import Report
from .text import Lang, Text

FINDINGS_TITLE = Text("Findings", "Bevindingen")
FINDINGS_HEADERS = (
    Text("Severity", "Ernst"), Text("Code", "Code"), Text("Sheet", "Blad"), Text("Cell", "Cel"),
    Text("Message", "Melding"), Text("How to fix", "Oplossing"), Text("Go to", "Ga naar"),
)
FINDINGS_WIDTHS = (12, 22, 18, 8, 70, 70, 24)
SEVERITY_WORDS = {"error": Text("error", "fout"), "warning": Text("warning", "waarschuwing"), "info": Text("info", "info")}


@dataclass(frozen=True)
class Link:
    """A hyperlink from a cell of the new sheet to a place in the workbook."""

    row: int
    column: int
    sheet: str
    cell: str
    text: str


@dataclass(frozen=True)
class NewSheet:
    """A plain worksheet: rows of text or numbers, column widths, in-workbook links."""

    title: str
    aliases: tuple[str, ...]
    """Other names it may have from an earlier run (e.g. in the other language)."""
    rows: Sequence[Sequence[str | int | float | None]]
    widths: Sequence[int] = ()
    links: Sequence[Link] = ()


def findings_sheet(report: Report, lang: Lang) -> NewSheet:
    """The Findings sheet: one row per finding, each with a link that jumps to its cell."""
    rows: list[list[str | int | float | None]] = [[h.in_(lang) for h in FINDINGS_HEADERS]]
    links = []
    for f in report.findings:
        rows.append([SEVERITY_WORDS[f.severity].in_(lang), f.code, f.sheet, f.cell,
                     f.message.in_(lang), f.hint.in_(lang), None])
        if f.sheet:
            target = f.cell or "A1"
            text = f"{f.sheet}!{target}"
            rows[-1][-1] = text
            links.append(Link(len(rows), len(FINDINGS_HEADERS), f.sheet, target, text))
    if not report.findings:
        rows.append([None, None, None, None, Text("No problems found.", "Geen problemen gevonden.").in_(lang)])
    other = FINDINGS_TITLE.nl if lang == "en" else FINDINGS_TITLE.en
    return NewSheet(FINDINGS_TITLE.in_(lang), (other,), rows, FINDINGS_WIDTHS, links)

"""A check's report: the findings in reading order, counted, flattened, summarised, serialised."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from xlplugin.core.document import column_index
from xlplugin.core.findings import Finding, Severity
from xlplugin.text import Lang, Text

_CELL = re.compile(r"^([A-Z]+)(\d+)$")
_SEVERITY_WORD = {
    Severity.ERROR: Text("error", "fout"),
    Severity.WARNING: Text("warning", "waarschuwing"),
    Severity.INFO: Text("info", "info"),
}


def _cell_key(cell: str | None) -> tuple[int, int]:
    """(row, column) of an A1 reference, for sorting; a whole-sheet finding comes first."""
    match = _CELL.match(cell or "")
    if not match:
        return (0, 0)
    return (int(match.group(2)), column_index(match.group(1)))


def reading_order(findings: Iterable[Finding], sheets: Sequence[str]) -> tuple[Finding, ...]:
    """Findings sheet by sheet (in workbook order), then row by row, left to right."""
    position = {name: i for i, name in enumerate(sheets)}

    def key(f: Finding) -> tuple[int, tuple[int, int]]:
        return (position.get(f.sheet or "", len(position)), _cell_key(f.cell))

    return tuple(sorted(findings, key=key))


def _plural(n: int, one: Text, many: Text, lang: Lang) -> str:
    return f"{n} {(one if n == 1 else many).in_(lang)}"


@dataclass(frozen=True)
class Report:
    """What a check found in one file."""

    file: str | None
    findings: tuple[Finding, ...]
    language: Lang | None = None
    """The workbook's language: the default language of the messages."""

    @property
    def counts(self) -> dict[str, int]:
        return {s.value: sum(f.severity == s for f in self.findings) for s in Severity}

    @property
    def valid(self) -> bool:
        """True when there is no error (warnings and info do not make a workbook invalid)."""
        return self.counts["error"] == 0

    def flatten(self, fields: Sequence[str] = ("code", "sheet", "cell")) -> list[tuple[object, ...]]:
        """One tuple per finding with the named fields: the shape tests compare."""
        return [tuple(f.to_dict()[name] if name in ("message", "hint") else getattr(f, name) for name in fields)
                for f in self.findings]

    def to_dict(self, lang: Lang = "en") -> dict[str, object]:
        """The documented JSON shape of ``xlplugin check --format json``."""
        return {
            "file": self.file,
            "valid": self.valid,
            "counts": self.counts,
            "findings": [f.to_dict(lang) for f in self.findings],
        }

    def headline(self, lang: Lang = "en") -> str:
        """One line: how many errors and warnings."""
        c = self.counts
        parts = [
            _plural(c["error"], Text("error", "fout"), Text("errors", "fouten"), lang),
            _plural(c["warning"], Text("warning", "waarschuwing"), Text("warnings", "waarschuwingen"), lang),
        ]
        if c["info"]:
            parts.append(_plural(c["info"], Text("note", "opmerking"), Text("notes", "opmerkingen"), lang))
        return ", ".join(parts)

    def summary(self, lang: Lang = "en") -> str:
        """The findings for people: grouped by sheet, in reading order, each with its hint."""
        lines = [f"{self.file}: {self.headline(lang)}" if self.file else self.headline(lang)]
        if not self.findings:
            lines.append(Text("No problems found.", "Geen problemen gevonden.").in_(lang))
        sheet: object = object()
        for f in self.findings:
            if f.sheet != sheet:
                sheet = f.sheet
                lines.append("")
                lines.append(f.sheet or Text("(workbook)", "(werkmap)").in_(lang))
            where = f.cell or "-"
            lines.append(f"  {where:<6} {_SEVERITY_WORD[f.severity].in_(lang):<12} {f.message.in_(lang)}  [{f.code}]")
            lines.append(f"  {'':<6} {'':<12} → {f.hint.in_(lang)}")
        return "\n".join(lines)

"""Findings: what is wrong with a workbook, where, and how to fix it.

A problem in the data is a finding, collected and never raised. Every code lives in
one catalogue with its severity and its English and Dutch wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from xlplugin.core.catalogue import CATALOGUE
from xlplugin.text import Lang, Text


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """One problem at one place: `sheet` as named in the workbook, `cell` in A1 (or None)."""

    code: str
    severity: Severity
    message: Text
    sheet: str | None
    cell: str | None
    hint: Text

    def to_dict(self, lang: Lang = "en") -> dict[str, str | None]:
        """The finding in the documented JSON shape."""
        return {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message.in_(lang),
            "sheet": self.sheet,
            "cell": self.cell,
            "hint": self.hint.in_(lang),
        }


def _fill(template: Text, params: dict[str, object]) -> Text:
    """`template` with its placeholders filled; a Text parameter gives each language its own word."""
    en = {k: v.en if isinstance(v, Text) else v for k, v in params.items()}
    nl = {k: v.nl if isinstance(v, Text) else v for k, v in params.items()}
    return Text(template.en.format(**en), template.nl.format(**nl))


def finding(code: str, sheet: str | None, cell: str | None, **params: object) -> Finding:
    """A finding of catalogue `code` at `sheet`/`cell`, its wording filled with `params`."""
    entry = CATALOGUE[code]
    return Finding(
        code, Severity(entry.severity), _fill(entry.message, params), sheet, cell, _fill(entry.hint, params)
    )

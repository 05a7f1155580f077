"""Findings: what is wrong with a workbook, where, and how to fix it.

A problem in the data is a finding, collected and never raised. Every code lives in
one catalogue with its severity and its English and Dutch wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .text import Lang, Text


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


@dataclass(frozen=True)
class Code:
    """A catalogue entry: a stable kebab-case code and its wording."""

    code: str
    severity: Severity
    title: Text
    message: Text
    hint: Text


E, W = Severity.ERROR, Severity.WARNING

CATALOGUE: dict[str, Code] = {
    c.code: c
    for c in (
        Code(
            "missing-sheet",
            E,
            Text("Missing sheet", "Blad ontbreekt"),
            Text("The sheet '{expected}' is missing.", "Het blad '{expected}' ontbreekt."),
            Text(
                "Add a sheet named '{expected}', or start from a fresh template (xlplugin new).",
                "Voeg een blad '{expected}' toe, of begin met een nieuwe sjabloon (xlplugin new).",
            ),
        ),
        Code(
            "duplicate-sheet",
            W,
            Text("Sheet twice", "Blad dubbel"),
            Text(
                "Both '{first}' and '{second}' are the {what} sheet; only '{first}' is read.",
                "Zowel '{first}' als '{second}' is het blad {what}; alleen '{first}' wordt gelezen.",
            ),
            Text(
                "Merge the two sheets into one and delete the other.",
                "Voeg de twee bladen samen en verwijder het andere.",
            ),
        ),
        Code(
            "missing-column",
            E,
            Text("Missing column", "Kolom ontbreekt"),
            Text(
                "The column '{expected}' is missing on this sheet.",
                "De kolom '{expected}' ontbreekt op dit blad.",
            ),
            Text(
                "Add a column with the header '{expected}' in the header row.",
                "Voeg een kolom met de kop '{expected}' toe in de koprij.",
            ),
        ),
        Code(
            "duplicate-column",
            W,
            Text("Column twice", "Kolom dubbel"),
            Text(
                "Column '{header}' is '{expected}' again; only the first one, in {first}, is read.",
                "Kolom '{header}' is opnieuw '{expected}'; alleen de eerste, in {first}, wordt gelezen.",
            ),
            Text(
                "Delete or rename one of the two columns.", "Verwijder of hernoem een van de twee kolommen."
            ),
        ),
        Code(
            "missing-label",
            E,
            Text("Missing field", "Veld ontbreekt"),
            Text(
                "The row '{expected}' is missing in column A.", "De regel '{expected}' ontbreekt in kolom A."
            ),
            Text(
                "Add '{expected}' in column A and its value in column B.",
                "Zet '{expected}' in kolom A en de waarde in kolom B.",
            ),
        ),
        Code(
            "formula-without-value",
            E,
            Text("Formula not calculated", "Formule niet berekend"),
            Text(
                "This cell holds a formula without a calculated value.",
                "Deze cel bevat een formule zonder berekende waarde.",
            ),
            Text(
                "The file was saved by a program that does not calculate. Open it in Excel (or LibreOffice), and save it again.",
                "Het bestand is opgeslagen door een programma dat niet rekent. Open het in Excel (of LibreOffice) en sla het opnieuw op.",
            ),
        ),
    )
}


def finding(code: str, sheet: str | None, cell: str | None, **params: object) -> Finding:
    """A finding of catalogue `code` at `sheet`/`cell`, its wording filled with `params`."""
    entry = CATALOGUE[code]
    return Finding(
        code, entry.severity, entry.message.format(**params), sheet, cell, entry.hint.format(**params)
    )

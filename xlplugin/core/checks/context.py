"""What every check sees: the document, the model, the locator and the settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from xlplugin.core.analysis.survey_stats import MIN_RESPONDENTS
from xlplugin.core.document import Document, Locator
from xlplugin.core.findings import Finding, finding
from xlplugin.core.layout import Field, Sheet
from xlplugin.core.model import Journey
from xlplugin.text import Text


@dataclass(frozen=True)
class Settings:
    """Choices a team can make about the check."""

    min_respondents: int = MIN_RESPONDENTS
    """A rating resting on fewer respondents than this gets a low-respondents warning."""
    today: str | None = None
    """The date (YYYY-MM-DD) actions are overdue against; None: $XLPLUGIN_TODAY, else the system's date."""


@dataclass
class Context:
    document: Document
    locator: Locator
    settings: Settings = field(default_factory=Settings)
    flagged: set[str] = field(default_factory=set)
    """Pointers whose value the schema check already reported: the rules leave them alone."""
    journey: Journey | None = None  # type: ignore[assignment]
    """The model of the document: built here unless given."""
    cache: dict[str, object] = field(default_factory=dict)
    """What one rule works out for others (e.g. which findings follow from a reported mistake)."""

    def __post_init__(self) -> None:
        if self.journey is None:
            self.journey = Journey.from_document(self.document)

    def at(self, code: str, pointer: str, **params: object) -> Finding:
        """A finding of `code` at the cell `pointer` was read from."""
        sheet, cell = self.locator.locate(pointer)
        return finding(code, sheet, cell, **params)

    def sheet_name(self, sheet: Sheet) -> Text:
        """How to name `sheet` in a message: as it stands in the workbook."""
        title = self.locator.sheets.get(sheet.key)
        return Text(title, title) if title else sheet.name

    def field_name(self, field: Field) -> Text:
        """How to name a column or label in a message: as the workbook heads it, so it can be found."""
        name = field.name.in_("nl" if self.document.get("language") == "nl" else "en")
        return Text(name, name)

"""The portfolio overview written as a file people open: a workbook or a deck."""

from __future__ import annotations

from pathlib import Path

from .errors import WorkbookError
from .portfolio import Portfolio
from .text import Lang, Text


def write_overview(portfolio: Portfolio, path: str | Path, lang: Lang, template: str | Path | None = None) -> Path:
    """Write the overview to `path`: a workbook (.xlsx) or a deck (.pptx, in `template`'s design)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from .workbook.overview import write_overview_workbook

        return write_overview_workbook(portfolio, path, lang)
    if suffix == ".pptx":
        from .deck.portfolio_slides import build_portfolio_deck
        from .workbook.safe import atomic_save

        prs = build_portfolio_deck(portfolio, lang, template)
        return atomic_save(path, prs.save)
    raise WorkbookError(Text(f"{path}: the overview is a workbook (.xlsx) or a deck (.pptx).",
                             f"{path}: het overzicht is een werkmap (.xlsx) of een presentatie (.pptx)."))

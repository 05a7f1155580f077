"""The portfolio overview as a workbook people open: the journeys with links to their
files, a phase × journey heat map coloured on each journey's own scale, the priority
gaps across journeys, and where personas differ; filters on every table."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from xlplugin.core.analysis.portfolio import Portfolio
from xlplugin.core.analysis.quadrants import QUADRANTS
from xlplugin.files.safe import atomic_save
from xlplugin.text import Lang, Text

HEAD_FILL = PatternFill("solid", fgColor="1F4E79")
HEAD_FONT = Font(bold=True, color="FFFFFF")
LINK_FONT = Font(color="0563C1", underline="single")
WRAP = Alignment(wrap_text=True, vertical="top")
LOW, MID, HIGH = "E69F00", "FFFFFF", "56B4E9"
"""Okabe-Ito orange (low on the scale), white, sky blue (high): readable for colour-blind eyes."""

SHEETS = {"journeys": Text("Journeys", "Klantreizen"), "heat": Text("Heat map", "Heatmap"),
          "gaps": Text("Gaps", "Prioriteiten"), "personas": Text("Personas", "Persona's")}
JOURNEY_HEADERS = (
    (Text("#", "#"), 5), (Text("Journey", "Klantreis"), 44), (Text("Persona", "Persona"), 28),
    (Text("Scenario", "Scenario"), 10), (Text("Touchpoints", "Contactmomenten"), 12),
    (Text("Mean rating", "Gem. waardering"), 12), (Text("Scale", "Schaal"), 8), (Text("Errors", "Fouten"), 8),
    (Text("Warnings", "Waarschuwingen"), 10), (Text("Top gap", "Grootste gap"), 44),
    (Text("Moments of truth at risk", "Moments of truth in gevaar"), 24), (Text("File", "Bestand"), 36),
    (Text("Could not be read", "Niet te lezen"), 50),
)
GAP_HEADERS = (
    (Text("Rank", "Rang"), 7), (Text("Gap", "Gap"), 7), (Text("Quadrant", "Kwadrant"), 20),
    (Text("Moment of truth", "Moment of truth"), 10), (Text("#", "#"), 5), (Text("Journey", "Klantreis"), 40),
    (Text("Persona", "Persona"), 26), (Text("ID", "ID"), 8), (Text("Touchpoint", "Contactmoment"), 44),
    (Text("Phase", "Fase"), 22),
)
PERSONA_HEADERS = (
    (Text("Journey", "Klantreis"), 40), (Text("Kind", "Soort"), 14), (Text("ID or phase", "ID of fase"), 22),
    (Text("Touchpoint", "Contactmoment"), 40), (Text("Persona", "Persona"), 26), (Text("#", "#"), 5),
    (Text("Rating", "Waardering"), 11), (Text("Emotion", "Emotie"), 9), (Text("Spread in rating", "Verschil in waardering"), 12),
)
NO_SHARED = Text("No phase name is in two or more journeys, so there is nothing to set side by side.",
                 "Geen fasenaam komt in twee of meer klantreizen voor: er is niets naast elkaar te zetten.")
HEAT_NOTE = Text("Mean rating per phase, coloured on each journey's own scale: orange low, white middle, blue high.",
                 "Gemiddelde waardering per fase, gekleurd op de eigen schaal van elke reis: oranje laag, wit midden, blauw hoog.")


def _put(ws: Any, row: int, column: int, value: object, **style: Any) -> Any:
    """A cell; text stays text even when it starts with '=' (never a formula)."""
    cell = ws.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    for name, look in style.items():
        setattr(cell, name, look)
    return cell


def _header(ws: Any, headers: tuple[tuple[Text, int], ...], lang: Lang, row: int = 1) -> None:
    for c, (text, width) in enumerate(headers, start=1):
        _put(ws, row, c, text.in_(lang), font=HEAD_FONT, fill=HEAD_FILL, alignment=WRAP)
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = ws.cell(row=row + 1, column=1)


def _filter(ws: Any, columns: int, last_row: int, first_row: int = 1) -> None:
    ws.auto_filter.ref = f"A{first_row}:{get_column_letter(columns)}{max(last_row, first_row + 1)}"


def _link(ws: Any, row: int, column: int, text: str, file: str, folder: Path) -> None:
    """`text` linking to `file`, relative to the overview's folder (so the folder can move)."""
    cell = _put(ws, row, column, text, font=LINK_FONT, alignment=WRAP)
    try:
        target = os.path.relpath(Path(file).resolve(), folder.resolve())
    except ValueError:  # another drive on Windows
        target = str(Path(file).resolve())
    cell.hyperlink = target.replace(os.sep, "/")


def _fit_rows(ws: Any, first: int = 2) -> None:
    """Row heights for the wrapped text (not every spreadsheet program sizes rows on opening)."""
    widths = {c: (ws.column_dimensions[get_column_letter(c)].width or 10) for c in range(1, ws.max_column + 1)}
    for r, row in enumerate(ws.iter_rows(min_row=first, values_only=True), start=first):
        lines = max((math.ceil(len(v) * 1.1 / max(widths[c] - 1, 1)) for c, v in enumerate(row, start=1)
                     if isinstance(v, str)), default=1)
        if lines > 1:
            ws.row_dimensions[r].height = 15 * lines


def build_overview(portfolio: Portfolio, lang: Lang, folder: Path) -> Workbook:
    """The overview workbook (openpyxl); links are relative to `folder`, where it will be saved."""
    wb = Workbook()
    numbers = {j.file: n for n, j in enumerate(portfolio.journeys, start=1)}
    ws = wb.active
    ws.title = SHEETS["journeys"].in_(lang)
    _header(ws, JOURNEY_HEADERS, lang)
    for r, j in enumerate(portfolio.journeys, start=2):
        _put(ws, r, 1, f"J{numbers[j.file]}", alignment=WRAP)
        _put(ws, r, 2, j.name(lang), alignment=WRAP)
        top = j.ranked[:1]
        values: list[object] = [
            j.persona, j.scenario, len(j.touchpoints) if j.read else None,
            None if j.mean_rating is None else round(j.mean_rating, 2), j.scale,
            (j.counts or {}).get("error") if j.read else None, (j.counts or {}).get("warning") if j.read else None,
            f"{top[0].id} {top[0].touchpoint or ''} ({round(top[0].gap or 0, 1)})".strip() if top else None,
            ", ".join(j.moments_at_risk) or None, None, j.error.in_(lang) if j.error else None,
        ]
        for c, value in enumerate(values, start=3):
            _put(ws, r, c, value, alignment=WRAP)
        _link(ws, r, 12, j.file, j.file, folder)
    _filter(ws, len(JOURNEY_HEADERS), len(portfolio.journeys) + 1)

    heat = wb.create_sheet(SHEETS["heat"].in_(lang))
    _heat_map(heat, portfolio, numbers, lang)

    gaps = wb.create_sheet(SHEETS["gaps"].in_(lang))
    _header(gaps, GAP_HEADERS, lang)
    yes = Text("yes", "ja").in_(lang)
    for r, g in enumerate(portfolio.gaps, start=2):
        t, j = g.touchpoint, g.journey
        row = [g.rank, None if t.gap is None else round(t.gap, 2), QUADRANTS[t.quadrant].in_(lang),
               yes if t.moment_of_truth else None]
        for c, value in enumerate(row, start=1):
            _put(gaps, r, c, value, alignment=WRAP)
        _link(gaps, r, 5, f"J{numbers[j.file]}", j.file, folder)
        _put(gaps, r, 6, j.name(lang), alignment=WRAP)
        for c, value in enumerate((j.persona, t.id, t.touchpoint, t.phase), start=7):
            _put(gaps, r, c, value, alignment=WRAP)
    _filter(gaps, len(GAP_HEADERS), len(portfolio.gaps) + 1)

    if portfolio.personas:
        _personas(wb.create_sheet(SHEETS["personas"].in_(lang)), portfolio, numbers, lang)
    for sheet in wb.worksheets:  # printed: landscape, as wide as the page
        if sheet is not heat:
            _fit_rows(sheet)
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return wb


def _heat_map(ws: Any, portfolio: Portfolio, numbers: dict[str, int], lang: Lang) -> None:
    _put(ws, 1, 1, HEAT_NOTE.in_(lang), font=Font(italic=True))
    ws.row_dimensions[1].height = 30
    if not portfolio.phases:
        _put(ws, 3, 1, NO_SHARED.in_(lang))
        ws.column_dimensions["A"].width = 90
        return
    order = {j.file: n for n, j in enumerate(portfolio.journeys)}
    columns = sorted({j.file: j for phase in portfolio.phases for j, _ in phase.journeys}.values(),
                     key=lambda j: order[j.file])
    head = 3
    _put(ws, head, 1, Text("Phase", "Fase").in_(lang), font=HEAD_FONT, fill=HEAD_FILL, alignment=WRAP)
    ws.column_dimensions["A"].width = 30
    for c, j in enumerate(columns, start=2):
        label = f"J{numbers[j.file]} {j.name(lang)} ({j.persona or '-'}; {j.scale})"
        _put(ws, head, c, label, font=HEAD_FONT, fill=HEAD_FILL, alignment=WRAP)
        ws.column_dimensions[get_column_letter(c)].width = 24
    ws.row_dimensions[head].height = 75
    index = {j.file: c for c, j in enumerate(columns, start=2)}
    for r, phase in enumerate(portfolio.phases, start=head + 1):
        _put(ws, r, 1, phase.name)
        for j, p in phase.journeys:
            if p.mean_rating is not None:
                _put(ws, r, index[j.file], round(p.mean_rating, 2), number_format="0.0",
                     alignment=Alignment(horizontal="center"))
    last = head + len(portfolio.phases)
    for j in columns:  # each journey's colours on its own scale (1-5 and 1-10 side by side)
        low, high = j.scale_range or (1, 5)
        letter = get_column_letter(index[j.file])
        ws.conditional_formatting.add(
            f"{letter}{head + 1}:{letter}{last}",
            ColorScaleRule(start_type="num", start_value=low, start_color=LOW, mid_type="num",
                           mid_value=(low + high) / 2, mid_color=MID, end_type="num", end_value=high, end_color=HIGH),
        )
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(len(columns) + 1, 3))
    ws.cell(row=1, column=1).alignment = WRAP
    ws.freeze_panes = ws.cell(row=head + 1, column=2)
    _filter(ws, len(columns) + 1, last, head)


def _personas(ws: Any, portfolio: Portfolio, numbers: dict[str, int], lang: Lang) -> None:
    _header(ws, PERSONA_HEADERS, lang)
    kinds = (Text("phase", "fase").in_(lang), Text("touchpoint", "contactmoment").in_(lang))
    r = 2
    for group in portfolio.personas:
        for kind, diffs in ((kinds[0], group.phases), (kinds[1], group.touchpoints)):
            for d in diffs:
                for j, rating, emotion in zip(group.journeys, d.ratings, d.emotions, strict=True):
                    if rating is None and emotion is None:
                        continue
                    values = [group.title, kind, d.key if kind == kinds[1] else d.name,
                              d.name if kind == kinds[1] else None, j.persona, f"J{numbers[j.file]}",
                              None if rating is None else round(rating, 2),
                              None if emotion is None else round(emotion, 2),
                              None if d.spread is None else round(d.spread, 2)]
                    for c, value in enumerate(values, start=1):
                        _put(ws, r, c, value, alignment=WRAP)
                    r += 1
    _filter(ws, len(PERSONA_HEADERS), r - 1)


def write_overview_workbook(portfolio: Portfolio, path: Path, lang: Lang) -> Path:
    """Write the overview workbook to `path` (a temporary file, then a rename)."""
    wb = build_overview(portfolio, lang, path.parent if str(path.parent) else Path("."))
    return atomic_save(path, wb.save)

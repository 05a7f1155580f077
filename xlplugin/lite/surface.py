"""Excel on the web, or a machine without Python: the xlwings Lite surface its buttons run.

xlwings Lite is a free Excel add-in that runs Python in the browser (Pyodide). Its editor
holds a `main.py` and a `requirements.txt` (written by `xlplugin.lite.package`); the
functions marked `@script` appear as buttons. The buttons run the same actions as the desktop ribbon (`xlplugin.hosts.buttons`).

Lite talks to Excel through xlwings' remote engine, which sends the cell values with every
call but not fill colours or note texts: reading those synchronously raises
`NotImplementedError`. So `run` first decides what to write (reading only values), then
fetches with the async API the fills and notes of exactly the cells the plan reads (the
cells it will mark and the ones the previous run marked), and only then carries the plan
out, on a surface that answers from what was fetched.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

from xlplugin.core.document import column_index
from xlplugin.excel.surface import LiveSurface, XlwingsHost, _hex


def _split(ref: str) -> tuple[int, int]:
    """'F3' -> (3, 6)."""
    letters = ref.rstrip("0123456789")
    return int(ref[len(letters):]), column_index(letters)


_MOST_CELLS = 50_000
"""Cells per fill request (xlwings Lite takes at most 100,000)."""


def _bands(cells: list[tuple[int, int, str]], width: int) -> list[list[tuple[int, int, str]]]:
    """Cells sorted by row, cut into bands of rows whose rectangle stays under `_MOST_CELLS`."""
    bands: list[list[tuple[int, int, str]]] = []
    for cell in cells:
        if bands and (cell[0] - bands[-1][0][0] + 1) * width <= _MOST_CELLS:
            bands[-1].append(cell)
        else:
            bands.append([cell])
    return bands


class LiteSurface(LiveSurface):
    """The open workbook through xlwings' remote engine: fills and note texts come from
    `fetch` (the engine cannot read them synchronously); every write goes to Excel."""

    def __init__(self, book: Any):
        super().__init__(book)
        self.fills: dict[tuple[str, str], str | None] = {}
        self.notes: dict[tuple[str, str], str | None] = {}

    def _key(self, sheet: str, cell: str) -> tuple[str, str]:
        found = self._sheet(sheet)
        assert found is not None
        return found.name, cell

    async def fetch(self, cells: list[tuple[str, str]]) -> None:
        """Fetch the fill and the note text of `cells`: one call per sheet for the fills,
        one per existing note for its text."""
        by_sheet: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for sheet, cell in cells:
            if self.has_sheet(sheet):
                row, column = _split(cell)
                by_sheet[self._key(sheet, cell)[0]].append((row, column, cell))
        for name, wanted in by_sheet.items():
            sheet = self._sheet(name)
            left, right = min(c for _, c, _ in wanted), max(c for _, c, _ in wanted)
            for band in _bands(sorted(wanted), right - left + 1):
                top, bottom = band[0][0], band[-1][0]
                colours = await sheet.range((top, left), (bottom, right)).get_colors()
                for row, column, cell in band:
                    self.fills[(name, cell)] = _hex(colours[row - top][column - left])
                    note = sheet.range(cell).note  # whether a note exists travels with the values
                    self.notes[(name, cell)] = None if note is None else await note.get_text()

    def fill(self, sheet: str, cell: str) -> str | None:
        return self.fills[self._key(sheet, cell)]

    def set_fill(self, sheet: str, cell: str, colour: str | None) -> None:
        super().set_fill(sheet, cell, colour)
        if colour is None or not colour.startswith("fill:"):
            self.fills[self._key(sheet, cell)] = colour

    def note(self, sheet: str, cell: str) -> str | None:
        return self.notes[self._key(sheet, cell)]

    def set_note(self, sheet: str, cell: str, text: str | None) -> None:
        super().set_note(sheet, cell, text)
        self.notes[self._key(sheet, cell)] = text

    def put_sheet(self, sheet: Any, hidden: bool = False) -> None:
        from dataclasses import replace

        # Excel on the web sets column widths in points, the desktop in characters.
        super().put_sheet(replace(sheet, widths=[round((w * 7 + 5) * 0.75) for w in sheet.widths]), hidden)


class LiteHost(XlwingsHost):
    """The workbook in xlwings Lite: no folder of its own, no other workbooks to open."""

    def __init__(self, book: Any):
        super().__init__(book)
        self.lite_surface = LiteSurface(book)

    def surface(self) -> LiteSurface:
        return self.lite_surface

    def folder(self) -> Path | None:
        return None

    def open(self, path: Path) -> None:
        from xlplugin.errors import WorkbookError
        from xlplugin.text import Text

        raise WorkbookError(Text(f"Excel on the web cannot open {path}: download it from the Lite file pane.",
                                 f"Excel op het web kan {path} niet openen: download het via het bestandspaneel van Lite."))


async def run(action: str, book: Any, now: datetime | None = None, folder: str | Path | None = None) -> str:
    """What a Lite button does: as `xlplugin.hosts.buttons.run`, with the fills and notes that the
    plan reads fetched first."""
    from xlplugin.core.writeback.plan import read_registry
    from xlplugin.hosts.buttons import decide
    from xlplugin.hosts.buttons import run as run_button

    host = LiteHost(book)
    surface = host.lite_surface
    try:
        decided = decide(action, host, now)
        needed = [(r.sheet, r.cell) for r in read_registry(surface)]
        if decided is not None:
            needed += [(m.sheet, m.cell) for m in decided.plan.marks]
        await surface.fetch(needed)
    except Exception:  # the button says what went wrong, in its own words
        decided = None
    return run_button(action, host, now, folder, reinstall="xlplugin excel lite", decided=decided)

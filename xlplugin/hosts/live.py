"""What every live surface shares: the open workbook's sheets found by their names as people
type them (case, spaces and a trailing * ignored), and a cell of one of them. Each host says
only how its program lists sheets and addresses a cell (`titles`, `by_title`, `cell_of`)."""

from __future__ import annotations

from typing import Any

from xlplugin.text import normalise_name


class LiveSheets:
    def titles(self) -> list[str]:
        raise NotImplementedError

    def by_title(self, title: str) -> Any:
        raise NotImplementedError

    def cell_of(self, sheet: Any, cell: str) -> Any:
        raise NotImplementedError

    def _sheet(self, name: str) -> Any | None:
        wanted = normalise_name(name)
        title = next((t for t in self.titles() if normalise_name(t) == wanted), None)
        return None if title is None else self.by_title(title)

    def _cell(self, sheet: str, cell: str) -> Any:
        found = self._sheet(sheet)
        if found is None:
            raise KeyError(f"no sheet {sheet!r} in the open workbook")
        return self.cell_of(found, cell)

    def has_sheet(self, name: str) -> bool:
        return self._sheet(name) is not None

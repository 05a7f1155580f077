"""Inside LibreOffice Calc: the Journey menu and toolbar, and what their entries run.

`xlplugin calc build` writes an extension (`xlplugin.oxt`, see `extension`) whose menu
entries call the Python script in it; that script finds this package (see
`extension.SCRIPT`) and calls `run` with the document the menu was used in. `run` carries
out the same button as in Excel (`xlplugin.hosts.buttons`) on a UNO surface (`surface`).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from xlplugin.calc.surface import CalcBook, CalcHost, CalcSurface

__all__ = ["CalcBook", "CalcHost", "CalcSurface", "run"]


def run(action: str, doc: Any, ctx: Any, now: datetime | None = None, folder: str | Path | None = None) -> str:
    """What a Journey menu entry does: the action on the document, its outcome in a message box."""
    from xlplugin.hosts.buttons import run as run_button

    return run_button(action, CalcHost(doc, ctx), now, folder, reinstall="xlplugin calc install")

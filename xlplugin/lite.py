"""Excel on the web, or a machine without Python: the files for xlwings Lite, and its buttons.

xlwings Lite is a free Excel add-in that runs Python in the browser (Pyodide). Its editor
holds a `main.py` and a `requirements.txt`; the functions marked `@script` appear as
buttons. The buttons run the same actions as the desktop ribbon (`xlplugin.buttons`).

Lite talks to Excel through xlwings' remote engine, which sends the cell values with every
call but not fill colours or note texts: reading those synchronously raises
`NotImplementedError`. So `run` first decides what to write (reading only values), then
fetches with the async API the fills and notes of exactly the cells the plan reads (the
cells it will mark and the ones the previous run marked), and only then carries the plan
out, on a surface that answers from what was fetched.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

from . import __version__
from .excel import LiveSurface, XlwingsHost, _hex
from .workbook.safe import atomic_save

MAIN = '''"""xlplugin in xlwings Lite: check the journey workbook, rank the priorities, write the deck.

Paste this into the xlwings Lite editor (and requirements.txt into its requirements tab);
each function below becomes a button in the Lite task pane.
"""

import xlwings as xw
from xlwings import script

from xlplugin import lite


@script
async def check(book: xw.Book):
    """Check the workbook: faulty cells coloured with a note, the Findings sheet."""
    await lite.run("check", book)


@script
async def priorities(book: xw.Book):
    """Check the workbook and rank the priority gaps on the Priorities sheet."""
    await lite.run("priorities", book)


@script
async def deck(book: xw.Book):
    """Write the management deck to /data (download it from the Lite file pane)."""
    await lite.run("deck", book, folder="/data")
'''


def _split(ref: str) -> tuple[int, int]:
    """'F3' -> (3, 6)."""
    letters = ref.rstrip("0123456789")
    column = 0
    for ch in letters:
        column = column * 26 + ord(ch) - 64
    return int(ref[len(letters):]), column


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
        from .errors import WorkbookError
        from .text import Text

        raise WorkbookError(Text(f"Excel on the web cannot open {path}: download it from the Lite file pane.",
                                 f"Excel op het web kan {path} niet openen: download het via het bestandspaneel van Lite."))


async def run(action: str, book: Any, now: datetime | None = None, folder: str | Path | None = None) -> str:
    """What a Lite button does: as `xlplugin.buttons.run`, with the fills and notes that the
    plan reads fetched first."""
    from .buttons import decide
    from .buttons import run as run_button
    from .plan import read_registry

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


REQUIREMENTS = """# xlwings Lite installs these in the browser (Pyodide) when the add-in starts.
# xlplugin is not on PyPI: put the wheel written beside this file ({wheel}) on a web
# server that allows cross-origin requests (CORS), and replace the next line with its URL:
#   {wheel_url}
xlplugin @ {url}
"""


def _metadata() -> str:
    """The package's METADATA: from the source checkout's pyproject.toml when xlplugin runs
    from one (the installed metadata may be older), else from the installed distribution."""
    import tomllib
    from importlib.metadata import PackageNotFoundError, distribution

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    if pyproject.exists():
        project = tomllib.loads(pyproject.read_text("utf-8"))["project"]
        lines = ["Metadata-Version: 2.1", f"Name: {project['name']}", f"Version: {project['version']}",
                 f"Summary: {project.get('description', '')}", f"Requires-Python: {project['requires-python']}"]
        lines += [f"Requires-Dist: {d}" for d in project.get("dependencies", [])]
        return "\n".join(lines) + "\n"
    try:
        return distribution("xlplugin").read_text("METADATA") or ""
    except PackageNotFoundError:
        return f"Metadata-Version: 2.1\nName: xlplugin\nVersion: {__version__}\n"


def wheel_name() -> str:
    return f"xlplugin-{__version__}-py3-none-any.whl"


def write_wheel(folder: Path) -> Path:
    """A pure-Python wheel of this xlplugin (what Lite's requirements.txt installs)."""
    package = Path(__file__).resolve().parent
    info = f"xlplugin-{__version__}.dist-info"
    files: dict[str, bytes] = {}
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            files[f"xlplugin/{path.relative_to(package).as_posix()}"] = path.read_bytes()
    files[f"{info}/METADATA"] = _metadata().encode()
    files[f"{info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: xlplugin\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    record = io.StringIO()
    for name, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.write(f"{name},sha256={digest},{len(data)}\n")
    record.write(f"{info}/RECORD,,\n")
    files[f"{info}/RECORD"] = record.getvalue().encode()

    def write(path: str) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in files.items():
                z.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)

    return atomic_save(folder / wheel_name(), write)


def write_lite(folder: Path, wheel_url: str | None = None) -> list[Path]:
    """Write main.py, requirements.txt and the xlplugin wheel for xlwings Lite into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    example = f"https://your-server.example/{wheel_name()}"
    requirements = REQUIREMENTS.format(wheel=wheel_name(), wheel_url=example, url=wheel_url or example)
    written = []
    for name, text in (("main.py", MAIN), ("requirements.txt", requirements)):
        written.append(atomic_save(folder / name, lambda path, t=text: Path(path).write_text(t, encoding="utf-8")))
    written.append(write_wheel(folder))
    return written

"""Excel on the web, or a machine without Python: the files for xlwings Lite.

xlwings Lite is a free Excel add-in that runs Python in the browser. Its editor holds a
`main.py` and a `requirements.txt`; the functions marked `@script` appear as buttons.
The shim calls the same `xlplugin.excel.run` as the desktop ribbon, so the checks, the
marks and the sheets are the same.
"""

from __future__ import annotations

from pathlib import Path

from . import __version__
from .workbook.safe import atomic_save

MAIN = '''"""xlplugin in xlwings Lite: check the journey workbook, rank the priorities, write the deck.

Paste this into the xlwings Lite editor (and requirements.txt into its requirements tab);
each function below becomes a button in the Lite task pane.
"""

import xlwings as xw
from xlwings import script

from xlplugin import excel


@script
def check(book: xw.Book):
    """Check the workbook: faulty cells coloured with a note, the Findings sheet."""
    excel.run("check", book)


@script
def priorities(book: xw.Book):
    """Check the workbook and rank the priority gaps on the Priorities sheet."""
    excel.run("priorities", book)


@script
def deck(book: xw.Book):
    """Write the management deck to /data (download it from the Lite file pane)."""
    excel.run("deck", book, folder="/data")
'''

REQUIREMENTS = f"""# xlwings Lite installs these in the browser (Pyodide) when the add-in starts.
xlplugin=={__version__}
"""


def write_lite(folder: Path) -> list[Path]:
    """Write main.py and requirements.txt for xlwings Lite into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (("main.py", MAIN), ("requirements.txt", REQUIREMENTS)):
        written.append(atomic_save(folder / name, lambda path, t=text: Path(path).write_text(t, encoding="utf-8")))
    return written

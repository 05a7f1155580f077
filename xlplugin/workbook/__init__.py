"""Reading and writing journey workbooks: the only place that knows the file format.

Reading needs python-calamine only; openpyxl is imported when a workbook is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xlplugin.core.document import Document, ReadResult
from xlplugin.text import Lang
from xlplugin.workbook.reader import read_workbook

__all__ = ["ReadResult", "build_workbook", "read_workbook", "write_workbook"]


def build_workbook(document: Document | None = None, lang: Lang | None = None) -> Any:
    """The journey workbook (openpyxl) for `document`; see writer.build_workbook."""
    from xlplugin.workbook.writer import build_workbook as build

    return build(document, lang)


def write_workbook(path: str | Path, document: Document | None = None, lang: Lang | None = None) -> Path:
    """Write the journey workbook to `path` (a temporary file, then a rename)."""
    from xlplugin.workbook.writer import write_workbook as write

    return write(path, document, lang)

"""The fixtures every test folder shares; the helpers themselves live in `helpers/`."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from xlplugin.workbook import write_workbook

from helpers.workbooks import example

# "Today" for overdue actions: fixed, so the samples' due dates give the same findings every day
# (inherited by the commands the tests start).
os.environ.setdefault("XLPLUGIN_TODAY", "2026-11-24")


@pytest.fixture
def make_workbook(tmp_path: Path) -> Callable[..., Path]:
    """Write a journey workbook for `document` (default: an example), then let `edit`
    change it through openpyxl the way a person would in Excel."""
    counter = iter(range(10_000))

    def make(
        document: dict[str, Any] | None = None,
        lang: str | None = None,
        edit: Callable[[openpyxl.Workbook], None] | None = None,
    ) -> Path:
        path = tmp_path / f"journey-{next(counter)}.xlsx"
        write_workbook(path, example() if document is None else document, lang)
        if edit is not None:
            wb = openpyxl.load_workbook(path)
            edit(wb)
            wb.save(path)
        return path

    return make



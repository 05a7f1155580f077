"""Shared test helpers: build journey workbooks in code and describe workbook content."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from xlplugin.examples import load_example
from xlplugin.workbook import write_workbook

ROOT = Path(__file__).resolve().parent.parent

# "Today" for overdue actions: fixed, so the samples' due dates give the same findings every day
# (inherited by the commands the tests start).
os.environ.setdefault("XLPLUGIN_TODAY", "2026-11-24")


def example(name: str = "home-insurance") -> dict[str, Any]:
    return copy.deepcopy(load_example(name))


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


def describe_workbook(path: Path) -> dict[str, Any]:
    """What a person sees and uses in a workbook, compared instead of bytes: sheets,
    values and formulas, styles that matter, validation, formatting, tables and names."""
    wb = openpyxl.load_workbook(path)
    sheets = {}
    for ws in wb.worksheets:
        sheets[ws.title] = {
            "state": ws.sheet_state,
            "freeze": ws.freeze_panes,
            "widths": {k: v.width for k, v in sorted(ws.column_dimensions.items())},
            "cells": {
                c.coordinate: (
                    c.value if not hasattr(c.value, "isoformat") else c.value.isoformat(),
                    c.number_format,
                    bool(c.font.b),
                    c.fill.fgColor.rgb,
                )
                for row in ws.iter_rows()
                for c in row
                if c.value is not None
            },
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "validations": sorted(
                (
                    str(dv.sqref),
                    dv.type or "",
                    dv.formula1 or "",
                    dv.formula2 or "",
                    dv.prompt or "",
                    dv.errorStyle or "",
                )
                for dv in ws.data_validations.dataValidation
            ),
            "conditional": sorted(
                (str(rng.sqref), rule.type, tuple(rule.formula or ()))
                for rng in ws.conditional_formatting
                for rule in rng.rules
            ),
            "tables": sorted((t.displayName, t.ref, t.tableStyleInfo.name) for t in ws.tables.values()),
        }
    names = sorted((n, d.attr_text) for n, d in wb.defined_names.items())
    return {"sheets": sheets, "order": wb.sheetnames, "names": names}


def soffice() -> str:
    """The LibreOffice binary; the tests that need it fail (not skip) without it."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        pytest.fail("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc")
    return binary


def libreoffice_convert(path: Path, fmt: str, outdir: Path) -> Path:
    """Convert `path` with LibreOffice to `fmt` (xlsx, pdf) in `outdir`."""
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / ".lo-profile"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = outdir / f"{path.stem}.{fmt}"
    assert out.exists(), f"LibreOffice wrote no {out.name}"
    return out

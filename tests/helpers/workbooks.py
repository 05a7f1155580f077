"""Journey documents and workbooks for the tests, and what a person sees in a workbook."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import openpyxl

from xlplugin.core.examples import load_example


def example(name: str = "home-insurance") -> dict[str, Any]:
    return copy.deepcopy(load_example(name))


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



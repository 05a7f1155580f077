"""Excel on the web for real: the xlwings Lite `main.py` that `xlplugin excel lite` writes runs
under real Pyodide (the npm package, in Node), with xlwings' own remote engine and the
wheels installed offline from local files, on a faulty workbook sent as the Lite client
sends it. Skipped only when Node is not installed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
import xlwings
from openpyxl.utils import get_column_letter

from xlplugin.cli import main

from helpers.live import faulty

PYODIDE = "314.0.7"
CACHE = Path("/tmp/xlplugin-pyodide")
"""Where the npm package and the downloaded wheels are kept between runs."""
HARNESS = Path(__file__).with_name("run_pyodide.mjs")
PURE_DEPENDENCIES = ("defusedxml", f"xlwings=={xlwings.__version__}")
"""What the check and priorities buttons import besides xlplugin (the deck needs lxml and
python-pptx, which Lite loads from Pyodide's own packages: not installed offline here)."""


def _pyodide() -> Path:
    if not shutil.which("node"):
        pytest.skip("Node.js is not installed: the Pyodide test needs it (apt-get install nodejs npm)")
    package = CACHE / "node_modules" / "pyodide"
    if not (package / "pyodide.mjs").exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(CACHE), f"pyodide@{PYODIDE}"],
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
    return package


def _wheels(folder: Path) -> Path:
    """xlplugin's wheel as `excel lite` writes it, and its pure-Python dependencies."""
    downloads = CACHE / "wheels"
    if not all(list(downloads.glob(f"{name.split('=')[0]}-*.whl")) for name in PURE_DEPENDENCIES):
        done = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                               "--platform", "any", "--python-version", "3.13", "-d", str(downloads),
                               *PURE_DEPENDENCIES], capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
    wheels = folder / "wheels"
    wheels.mkdir()
    for wheel in downloads.glob("*.whl"):
        shutil.copy(wheel, wheels)
    shutil.copy(next(folder.glob("xlplugin-*.whl")), wheels)
    return wheels


def _payload(path: Path) -> dict:
    """The workbook as the xlwings Lite client sends it: values from A1 (numbers as typed, dates
    as ISO text, empty cells as ""), which cells have a note; fills and note texts stay with
    the client (kept here under "fills" and in "notes" only for the client's answers)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in wb.worksheets:
        values, fills, notes = [], {}, []
        for row in ws.iter_rows(min_row=1, min_col=1, max_row=ws.max_row, max_col=ws.max_column):
            out = []
            for c in row:
                v = c.value
                out.append("" if v is None else v.isoformat(timespec="milliseconds") + "Z"
                           if isinstance(v, datetime) else v)
                if c.fill is not None and c.fill.fill_type == "solid" and isinstance(c.fill.fgColor.rgb, str):
                    fills[f"{c.row},{c.column}"] = "#" + c.fill.fgColor.rgb[-6:]
                if c.comment is not None:
                    notes.append({"address": c.coordinate, "text": c.comment.text})
            values.append(out)
        sheets.append({"name": ws.title, "values": values, "pictures": [], "tables": [], "charts": [],
                       "shapes": [], "pivot_tables": [], "notes": notes, "notes_supported": True, "fills": fills,
                       "used_range_address": f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"})
    return {"client": "Office.js", "version": xlwings.__version__, "names": [], "sheets": sheets,
            "book": {"name": path.name, "active_sheet_index": 0, "selection": "A1"}}


def test_lite_main_checks_a_faulty_workbook_under_real_pyodide(make_workbook, tmp_path):
    pyodide = _pyodide()
    assert main(["excel", "lite", "-o", str(tmp_path)]) == 0
    wheels = _wheels(tmp_path)
    (tmp_path / "payload.json").write_text(json.dumps(_payload(make_workbook(edit=faulty)), default=str))
    done = subprocess.run(["node", str(HARNESS), str(pyodide), str(wheels), str(tmp_path / "payload.json"),
                           str(tmp_path / "main.py"), "check", "priorities"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout)
    assert out["platform"] == "emscripten"
    assert {"python_calamine", "msoffcrypto", "openpyxl"}.isdisjoint(out["modules"])
    assert out["flushed"] == []  # every read came before the first write
    touchpoints = [s["name"] for s in _payload_sheets(tmp_path)].index("Touchpoints")
    for action, message in (("check", "2 errors, 1 warning. The cells are coloured"),
                            ("priorities", "The biggest priority gaps:\n1. ")):
        actions = out["runs"][action]
        alerts = [a["args"][0] for a in actions if a["func"] == "alert"]
        assert len(alerts) == 1 and alerts[0].startswith(message), alerts
        notes = {a["args"][0].replace("$", ""): a["args"][1] for a in actions if a["func"] == "addNote"
                 and a["sheet_position"] == touchpoints}
        assert set(notes) == {"F4", "G5"}  # F3 has the user's own note: kept
        assert notes["G5"].startswith("xlplugin · error [out-of-range]")
        colours = {(a["start_row"], a["start_column"]): a["args"][0] for a in actions
                   if a["func"] == "setRangeColor" and a["sheet_position"] == touchpoints}
        assert colours == {(2, 5): "#FFC7CE", (3, 5): "#FFEB9C", (4, 6): "#FFC7CE"}  # F3, F4, G5 (0-based)
        findings = [a for a in actions if a["func"] == "setValues" and a["values"]
                    and a["values"][0][:2] == ["'Severity", "'Code"]]
        assert [row[1] for row in findings[0]["values"][1:]] == [
            "'invalid-number", "'out-of-range", "'unrated-touchpoint"]  # errors first
        # The registry remembers the user's own blue of G5, to give it back on the next press.
        registry = [a for a in actions if a["func"] == "setValues" and a["values"]
                    and a["values"][0][:2] == ["'Sheet", "'Cell"]]
        assert ["'Touchpoints", "'G5", "'#FFC7CE", "'#00B0F0", "'yes"] in registry[0]["values"]
    assert "Priorities" in str(out["runs"]["priorities"])
    # The remote engine takes the number formats and the hidden chart helpers as actions.
    formats = {(a["start_column"], *a["args"]) for a in out["runs"]["priorities"] if a["func"] == "setNumberFormat"}
    assert formats == {(4, "0.0"), (5, "0.0"), (6, "0.0"), (10, "0.0")}  # E, F, G, K (0-based)
    assert any(a["func"] == "setColumnHidden" and a["args"] == [True] and a["start_column"] >= 39
               for a in out["runs"]["priorities"])


def _payload_sheets(tmp_path: Path) -> list[dict]:
    return json.loads((tmp_path / "payload.json").read_text())["sheets"]

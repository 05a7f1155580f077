"""The code base stays ruff clean and the core stays free of the file formats."""

from __future__ import annotations

import ast
import shutil
import subprocess

import pytest

from conftest import ROOT

CORE = [
    "layout.py",
    "values.py",
    "document.py",
    "findings.py",
    "model.py",
    "priorities.py",
    "schema.py",
    "text.py",
    "guide.py",
    "examples.py",
    "errors.py",
]


def test_ruff_is_clean():
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.fail("ruff is not installed: pip install -e '.[test]'")
    result = subprocess.run(
        [ruff, "check", "xlplugin", "tests", "tools"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("module", CORE)
def test_core_knows_nothing_of_openpyxl_pptx_or_xlwings(module):
    tree = ast.parse((ROOT / "xlplugin" / module).read_text("utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    imported |= {
        (node.module or "").split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    }
    assert not imported & {"openpyxl", "pptx", "xlwings", "pandas"}

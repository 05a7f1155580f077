"""The code base stays ruff clean (the import rules are in test_architecture.py)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from helpers.paths import ROOT


def test_ruff_is_clean():
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.fail("ruff is not installed: pip install -e '.[test]'")
    result = subprocess.run(
        [ruff, "check", "xlplugin", "tests", "tools"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout

"""The rules of the house, as tests that fail when they are broken: each folder imports only
what its `__init__` says it may, there are no import cycles, and every folder says what it is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers.imports import RULES, cycles, imports, modules, violations
from helpers.paths import ROOT


def test_every_import_keeps_to_its_folders_rule():
    assert violations(ROOT) == []


def test_there_is_no_import_cycle():
    assert cycles(ROOT) == []


def test_every_module_falls_under_a_rule():
    assert all(any(m == k or m.startswith(k + ".") for k in RULES) for m in modules(ROOT))


def test_every_folder_says_what_it_is_and_may_import():
    for init in sorted((ROOT / "xlplugin").rglob("__init__.py")):
        text = init.read_text("utf-8")
        assert text.startswith('"""') and len(text.split('"""')[1]) > 80, f"{init} has no docstring"


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "xlplugin", tmp_path / "xlplugin", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def _plant(path: Path, line: str) -> None:
    path.write_text(path.read_text("utf-8") + f"\n\ndef _planted():\n    {line}\n", "utf-8")


def test_a_core_module_importing_the_command_line_is_caught(copy):
    _plant(copy / "xlplugin/core/model.py", "from xlplugin.cli.gaps_text import gaps_text")
    assert violations(copy) == [f"xlplugin/core/model.py:{_last_line(copy / 'xlplugin/core/model.py')} "
                                "imports xlplugin.cli.gaps_text"]


def test_a_core_module_importing_openpyxl_is_caught(copy):
    _plant(copy / "xlplugin/core/analysis/ranking.py", "import openpyxl")
    assert any("ranking.py" in v and "openpyxl" in v for v in violations(copy))


def test_a_relative_import_is_resolved_and_caught(copy):
    _plant(copy / "xlplugin/core/checks/rules.py", "from ...deck import words")
    assert any("xlplugin.deck.words" in v for v in violations(copy))


def test_a_planted_cycle_is_caught(copy):
    _plant(copy / "xlplugin/core/analysis/quadrants.py", "from xlplugin.core.analysis import ranking")
    found = cycles(copy)
    assert found and any({"xlplugin.core.analysis.quadrants", "xlplugin.core.analysis.ranking"} <= set(c)
                         for c in found)


def test_imports_inside_functions_count(copy):
    assert any(t == "xlplugin.api" for t, _ in imports(ROOT)["xlplugin.cli.commands"])


def _last_line(path: Path) -> int:
    return len(path.read_text("utf-8").splitlines())

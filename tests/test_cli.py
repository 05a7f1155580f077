"""The command line, run for real: output, files written and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from xlplugin.cli import build_parser


def run(*args: str, cwd=None, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "xlplugin", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_demo_writes_a_workbook_and_its_json_and_says_so(tmp_path):
    result = run("demo", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "workbook:" in result.stdout and "JSON:" in result.stdout
    doc = json.loads((tmp_path / "out" / "webshop-first-purchase.json").read_text("utf-8"))
    assert len(doc["touchpoints"]) == 18
    assert (tmp_path / "out" / "webshop-first-purchase.xlsx").exists()


def test_new_export_import_cycle(tmp_path):
    assert run("new", str(tmp_path / "k.xlsx"), "--example", "laptop-request").returncode == 0
    export = run("export", str(tmp_path / "k.xlsx"))
    assert export.returncode == 0, export.stderr
    assert json.loads(export.stdout)["journey"]["rating_scale"] == "1-5"
    (tmp_path / "k.json").write_text(export.stdout, "utf-8")
    assert (
        run("import", str(tmp_path / "k.json"), "-o", str(tmp_path / "k2.xlsx"), "--lang", "en").returncode
        == 0
    )
    again = run("export", str(tmp_path / "k2.xlsx"))
    assert json.loads(again.stdout) == dict(json.loads(export.stdout), language="en")


def test_new_refuses_to_overwrite(tmp_path):
    target = tmp_path / "t.xlsx"
    target.write_text("keep me")
    result = run("new", str(target))
    assert result.returncode == 2
    assert result.stderr.startswith("xlplugin: ") and "--force" in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_text() == "keep me"


def test_messages_follow_the_language_setting(tmp_path):
    result = run("export", str(tmp_path / "nope.xlsx"), env={"XLPLUGIN_LANG": "nl", "PATH": ""})
    assert result.returncode == 2
    assert result.stderr.strip() == f"xlplugin: Bestand niet gevonden: {tmp_path / 'nope.xlsx'}"


def test_unreadable_file_is_exit_2_with_one_line(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("Naam;Waarde\n")
    result = run("export", str(bad))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_export_of_a_faulty_workbook_is_exit_1(tmp_path, make_workbook):
    path = make_workbook(edit=lambda wb: wb["Touchpoints"].__setitem__("F2", "very"))
    result = run("export", str(path), "-o", str(tmp_path / "o.json"))
    assert result.returncode == 1
    assert "xlplugin check" in result.stderr
    assert json.loads((tmp_path / "o.json").read_text("utf-8"))["touchpoints"][0]["importance"] == "very"


def test_import_of_a_document_that_breaks_the_schema(tmp_path):
    (tmp_path / "d.json").write_text(json.dumps({"version": 1, "language": "fr"}))
    result = run("import", str(tmp_path / "d.json"), "-o", str(tmp_path / "d.xlsx"))
    assert result.returncode == 2
    assert "not a journey document" in result.stderr
    assert not (tmp_path / "d.xlsx").exists()


COMMANDS = sorted(build_parser()._subparsers._group_actions[0].choices)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example_and_is_in_the_readme(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert "Example: xlplugin " + command in result.stdout
    assert f"xlplugin {command}" in (ROOT / "README.md").read_text("utf-8")

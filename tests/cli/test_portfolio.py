"""The portfolio: many workbooks at once, run for real on a folder of the samples with a
broken workbook, a workbook that is no journey and a file that is no workbook."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from xlplugin.batch import Outcome, find_workbooks, read_portfolio, run_each
from xlplugin.cli.bar import Bar
from xlplugin.workbook import write_workbook

from helpers.commands import run_cli
from helpers.paths import ROOT

GOLDEN = ROOT / "tests" / "golden" / "portfolio-journeys.json"


SAMPLES = ("food-supplier", "home-insurance", "laptop-request", "laptop-request-to-be", "webshop-first-purchase")
"""The samples the expected figures were worked out on (a sample added later leaves them as they are)."""




@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples, a damaged workbook, a workbook of something else, a text file named
    .xlsx, an Office lock file and a CSV file."""
    here = tmp_path_factory.mktemp("journeys")
    for sample in (ROOT / "samples" / f"{name}.xlsx" for name in SAMPLES):
        shutil.copy(sample, here / sample.name)
    (here / "broken.xlsx").write_bytes((here / "home-insurance.xlsx").read_bytes()[:3000])
    wb = openpyxl.Workbook()
    wb.active["A1"] = "budget 2027"
    wb.save(here / "budget.xlsx")
    (here / "notes.xlsx").write_text("minutes of the workshop\n", "utf-8")
    shutil.copy(here / "home-insurance.xlsx", here / "~$home-insurance.xlsx")
    (here / "data.csv").write_text("a,b\n1,2\n", "utf-8")
    return here


def journey(title: str, persona: str, scale: str, touchpoints: list[tuple], scenario: str = "as-is",
            phases: tuple[str, ...] = ("Find", "Buy")) -> dict[str, Any]:
    """A small journey: touchpoints as (id, phase, importance, rating, emotion, moment of truth)."""
    return {
        "version": 1, "language": "en",
        "journey": {"title": title, "objective": f"Objective of {title}", "rating_scale": scale, "scenario": scenario},
        "persona": {"name": persona}, "phases": [{"name": p} for p in phases],
        "touchpoints": [{"id": i, "phase": ph, "name": f"Touchpoint {i}", "importance": imp, "rating": rat,
                         "emotion": emo, "moment_of_truth": mot} for i, ph, imp, rat, emo, mot in touchpoints],
        "blueprint": [], "actions": [], "responses": [],
    }


def test_a_folder_gives_every_journey_exactly_and_the_broken_ones_with_their_reason(folder):
    result = run_cli("portfolio", ".", "--format", "json", cwd=folder)
    assert result.returncode == 1, result.stderr  # some could not be read
    data = json.loads(result.stdout)
    assert data["journeys"] == json.loads(GOLDEN.read_text("utf-8"))
    files = [j["file"] for j in data["journeys"]]
    assert "~$home-insurance.xlsx" not in files and "data.csv" not in files
    assert result.stderr == ""  # no progress bar when standard error is not a terminal


def test_each_journey_agrees_with_gaps_on_its_own_file(folder):
    data = json.loads(run_cli("portfolio", ".", "--format", "json", cwd=folder).stdout)
    for entry in data["journeys"]:
        if entry["error"]:
            continue
        own = json.loads(run_cli("gaps", entry["file"], "--format", "json", "--top", "3", cwd=folder).stdout)
        assert [(g["id"], g["gap"], g["quadrant"]) for g in entry["top_gaps"]] == [
            (t["id"], t["gap"], t["quadrant"]) for t in own["touchpoints"]]
        assert entry["moments_of_truth_at_risk"] == own["moments_of_truth_at_risk"]


def test_the_gaps_of_all_journeys_are_ranked_together_and_the_shared_phases_set_side_by_side(folder):
    data = json.loads(run_cli("portfolio", ".", "--format", "json", cwd=folder).stdout)
    top = [(g["file"], g["id"], g["gap"]) for g in data["gaps"][:5]]
    # hand-checked: H07 100*(5-1)/4*(5-1.8)/4 = 80; F08 on 1-10: 100*(9-1)/9*(10-3.9)/9 = 60.25
    assert top == [("home-insurance.xlsx", "H07", 80.0), ("laptop-request.xlsx", "C08", 77.5),
                   ("laptop-request.xlsx", "C13", 72.5), ("home-insurance.xlsx", "H09", 70.0),
                   ("webshop-first-purchase.xlsx", "W05", 67.5)]
    gaps = [g["gap"] for g in data["gaps"]]
    assert gaps == sorted(gaps, reverse=True)
    assert set(data["gaps"][0]) == {"file", "title", "persona", "id", "touchpoint", "phase", "gap", "quadrant"}
    assert [p["phase"] for p in data["phases"]] == ["Behoefte", "Aanvragen", "Goedkeuring", "Levering en installatie",
                                                   "Gebruik en nazorg"]
    assert data["phases"][2]["ratings"] == {"laptop-request-to-be.xlsx": 4.07, "laptop-request.xlsx": 2.73}
    assert data["personas"] == []  # as-is and to-be of one persona are no personas of each other


def test_ranking_across_scales_breaks_ties_as_within_a_journey(tmp_path):
    a = journey("A", "Ann", "1-5", [("A1", "Find", 5, 2, 0, False),   # 100*4/4*3/4 = 75
                                    ("A2", "Find", 4, 3, 0, False),   # 100*3/4*2/4 = 37.5
                                    ("A3", "Buy", 5, 3, 0, True),     # 50, moment of truth
                                    ("A4", "Buy", 3, 1, 0, False)])   # 100*2/4*4/4 = 50, importance 0.5 of scale
    b = journey("B", "Bob", "1-10", [("B1", "Find", 10, 3, 0, False),   # 100*9/9*7/9 = 77.78
                                     ("B2", "Find", 7, 5.5, 0, False),  # 100*6/9*4.5/9 = 33.33
                                     ("B3", "Buy", 10, 5.5, 0, False)])  # 50, importance 1.0 of scale
    write_workbook(tmp_path / "a.xlsx", a)
    write_workbook(tmp_path / "b.xlsx", b)
    portfolio = read_portfolio([tmp_path], jobs=2)
    assert [(g.touchpoint.id, round(g.touchpoint.gap, 2)) for g in portfolio.gaps] == [
        ("B1", 77.78), ("A1", 75.0), ("A3", 50.0), ("B3", 50.0), ("A4", 50.0), ("A2", 37.5), ("B2", 33.33)]
    assert [g.rank for g in portfolio.gaps] == list(range(1, 8))
    assert portfolio.exit_code == 0


def test_personas_of_one_journey_are_grouped_with_their_differences(tmp_path):
    tps = [("T1", "Find", 5, 2, -1, False), ("T2", "Buy", 4, 4, 1, True)]
    write_workbook(tmp_path / "1-ann.xlsx", journey("Order online", "Ann", "1-5", tps))
    write_workbook(tmp_path / "2-bob.xlsx", journey("Order online", "Bob", "1-5",
                                                    [("T1", "Find", 5, 4.5, 2, False), ("T2", "Buy", 4, 3, -2, True),
                                                     ("T9", "Buy", 3, 3, 0, False)]))
    write_workbook(tmp_path / "3-cy.xlsx", journey("Order online", "Cy", "1-5", tps, scenario="to-be"))
    write_workbook(tmp_path / "4-other.xlsx", journey("Something else", "Dee", "1-5", tps))
    result = run_cli("portfolio", ".", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    groups = json.loads(result.stdout)["personas"]
    assert len(groups) == 1
    group = groups[0]
    assert [(j["file"], j["persona"]) for j in group["journeys"]] == [("1-ann.xlsx", "Ann"), ("2-bob.xlsx", "Bob")]
    assert group["touchpoints"] == [  # T9 is only Bob's; the largest spread first
        {"id": "T1", "touchpoint": "Touchpoint T1", "ratings": {"1-ann.xlsx": 2, "2-bob.xlsx": 4.5},
         "emotions": {"1-ann.xlsx": -1, "2-bob.xlsx": 2}, "spread": 2.5},
        {"id": "T2", "touchpoint": "Touchpoint T2", "ratings": {"1-ann.xlsx": 4, "2-bob.xlsx": 3},
         "emotions": {"1-ann.xlsx": 1, "2-bob.xlsx": -2}, "spread": 1},
    ]
    assert [(p["phase"], p["ratings"]) for p in group["phases"]] == [
        ("Find", {"1-ann.xlsx": 2, "2-bob.xlsx": 4.5}), ("Buy", {"1-ann.xlsx": 4, "2-bob.xlsx": 3})]
    text = run_cli("portfolio", ".", cwd=tmp_path).stdout
    assert "Personas of 'Order online': J1 Ann, J2 Bob" in text


def test_exit_codes_none_read_and_errors(tmp_path, make_workbook):
    (tmp_path / "a.xlsx").write_text("not a workbook", "utf-8")
    result = run_cli("portfolio", str(tmp_path / "a.xlsx"), str(tmp_path / "missing.xlsx"), "--format", "json")
    assert result.returncode == 2
    errors = [j["error"] for j in json.loads(result.stdout)["journeys"]]
    assert errors[1] == f"File not found: {tmp_path / 'missing.xlsx'}"

    def clear_title(wb: openpyxl.Workbook) -> None:
        wb["Journey"]["B2"] = None

    bad = make_workbook(edit=clear_title)
    result = run_cli("portfolio", str(bad), "--format", "json")
    assert result.returncode == 1
    entry = json.loads(result.stdout)["journeys"][0]
    assert entry["valid"] is False and entry["counts"]["error"] >= 1 and entry["error"] is None

    result = run_cli("portfolio", str(tmp_path / "a.xlsx"), "-o", str(tmp_path / "overview.xlsx"))
    assert result.returncode == 2 and not (tmp_path / "overview.xlsx").exists()
    assert result.stderr == "xlplugin: no overview written: none of the workbooks could be read (see above).\n"

    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_cli("portfolio", str(empty))
    assert result.returncode == 2
    assert result.stderr.strip() == f"xlplugin: No workbooks (.xlsx, .xlsm) found in {empty}."


def test_text_lists_journeys_gaps_and_shared_phases(folder):
    result = run_cli("portfolio", ".", "--top", "3", cwd=folder)
    lines = result.stdout.splitlines()
    assert lines[0] == "Portfolio of 8 journeys: 5 read, 3 could not be read"
    assert "J1  broken.xlsx" in lines
    assert "J4  home-insurance.xlsx: Taking out home contents insurance online" in lines
    assert "Priority gaps across journeys (3 of 86)" in lines
    assert any(line.startswith("    1*  80.0  J4") and line.endswith("H07      Tries to understand what is covered")
               for line in lines)
    assert "Shared phases (mean rating per journey)" in lines


def test_workers_keep_the_order_and_a_dying_worker_stops_only_its_own_file():
    files = [f"f{i}" for i in range(40)]  # sent in batches of four
    assert run_each(_echo, files, jobs=2) == [f"F{i}" for i in range(40)]
    outcomes = run_each(_die_on_f4, files, jobs=2, stopped=lambda f: Outcome(f, error="stopped"))
    assert [o.file for o in outcomes] == files
    assert [o.file for o in outcomes if o.error] == ["f4"]
    assert all(o.value == o.file.upper() for o in outcomes if not o.error)


def _echo(file: str) -> str:
    return file.upper()


def _die_on_f4(file: str) -> Outcome[str]:
    if file == "f4":
        os._exit(1)
    return Outcome(file, file.upper())


def test_progress_bar_only_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown = Terminal()
    bar = Bar("workbooks", shown, width=10)
    bar(0, 4)
    bar(4, 4)
    assert shown.getvalue() == "\r[..........] 0/4 workbooks\r[##########] 4/4 workbooks\n"
    piped = io.StringIO()
    Bar("workbooks", piped)(4, 4)
    assert piped.getvalue() == ""


def test_folders_are_searched_without_lock_files_and_the_overview_itself(folder, tmp_path):
    out = folder / "overview.xlsx"
    found = find_workbooks([folder], skip=[out])
    names = [Path(f).name for f in found]
    assert names == sorted(names) and "~$home-insurance.xlsx" not in names and "data.csv" not in names
    out.write_bytes(b"")
    try:
        assert "overview.xlsx" not in [Path(f).name for f in find_workbooks([folder], skip=[out])]
    finally:
        out.unlink()


def test_check_and_gaps_take_several_paths_one_summary_each(folder):
    result = run_cli("check", "home-insurance.xlsx", "notes.xlsx", "laptop-request.xlsx", cwd=folder)
    assert result.returncode == 1
    blocks = result.stdout.strip().split("\n\n")
    assert blocks[0].startswith("home-insurance.xlsx: 0 errors, 0 warnings")
    assert blocks[1].startswith("notes.xlsx: cannot be read: notes.xlsx is not an Excel workbook")
    assert blocks[2].startswith("laptop-request.xlsx: 0 fouten, 0 waarschuwingen")
    assert blocks[-1] == "3 files: 2 without errors, 0 with errors, 1 could not be read"

    result = run_cli("check", "home-insurance.xlsx", "webshop-first-purchase.xlsx", "--format", "json", cwd=folder)
    assert result.returncode == 0
    assert [(r["file"], r["valid"], r["error"]) for r in json.loads(result.stdout)] == [
        ("home-insurance.xlsx", True, None), ("webshop-first-purchase.xlsx", True, None)]

    result = run_cli("gaps", "home-insurance.xlsx", "laptop-request.xlsx", "--format", "json", "--top", "1", cwd=folder)
    assert result.returncode == 0
    assert [(r["file"], r["touchpoints"][0]["id"]) for r in json.loads(result.stdout)] == [
        ("home-insurance.xlsx", "H07"), ("laptop-request.xlsx", "C08")]

    assert run_cli("check", "notes.xlsx", "broken.xlsx", cwd=folder).returncode == 2
    single = run_cli("check", "home-insurance.xlsx", cwd=folder)
    assert single.returncode == 0
    assert single.stdout == "home-insurance.xlsx: 0 errors, 0 warnings\nNo problems found.\n"

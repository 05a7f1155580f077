"""The command line, run for real: output, files written and exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import openpyxl
import pytest

from xlplugin.cli.commands import build_parser

from helpers.paths import ROOT
from helpers.workbooks import example


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


def test_check_clean_sample_is_exit_0_in_its_own_language():
    result = run("check", str(ROOT / "samples" / "laptop-request.xlsx"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith("0 fouten, 0 waarschuwingen")
    assert "Geen problemen gevonden." in result.stdout


def faulty(make_workbook):
    def edit(wb):
        wb["Touchpoints"]["F3"] = "very"
        wb["Blueprint"]["A2"] = "H99"
        wb["Journey"]["B2"] = None
        wb["Touchpoints"]["K4"] = 2
    return make_workbook(edit=edit)


def test_check_json_is_exactly_the_documented_shape(make_workbook):
    path = faulty(make_workbook)
    result = run("check", str(path), "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert list(report) == ["file", "valid", "counts", "findings"]
    assert report["valid"] is False and report["counts"] == {"error": 3, "warning": 1, "info": 0}
    assert all(list(f) == ["code", "severity", "message", "sheet", "cell", "hint"] for f in report["findings"])
    assert [(f["sheet"], f["cell"], f["code"]) for f in report["findings"]] == [
        ("Journey", "B2", "missing-value"), ("Touchpoints", "F3", "invalid-number"),
        ("Touchpoints", "K4", "low-respondents"), ("Blueprint", "A2", "unknown-touchpoint"),
    ]


def test_check_text_groups_by_sheet_in_reading_order_and_speaks_dutch(make_workbook):
    result = run("check", str(faulty(make_workbook)), "--lang", "nl")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].endswith("3 fouten, 1 waarschuwing")
    headers = [line for line in lines if line and not line.startswith(" ") and line is not lines[0]]
    assert headers == ["Journey", "Touchpoints", "Blueprint"]
    assert "  F3     fout         Importance moet een getal zijn; er staat 'very'.  [invalid-number]" in lines


def test_check_unreadable_is_exit_2(tmp_path):
    bad = tmp_path / "notes.xlsx"
    bad.write_bytes(b"%PDF-1.4 not a workbook")
    result = run("check", str(bad), "--format", "json")
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_annotate_writes_the_checked_copy(make_workbook):
    path = faulty(make_workbook)
    result = run("annotate", str(path))
    assert result.returncode == 1
    assert result.stdout.strip() == (f"{path.with_name(path.stem + '.checked.xlsx')}: 3 errors, 1 warning\n"
                                     "marked 4 cells (4 notes)")


def test_gaps_json_has_the_documented_shape_and_top():
    result = run("gaps", str(ROOT / "samples" / "home-insurance.xlsx"), "--format", "json", "--top", "3")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data)[:3] == ["scale", "thresholds", "touchpoints"]
    assert data["scale"] == "1-5" and data["thresholds"] == {"importance": 4, "rating": 3}
    assert [list(t)[:10] for t in data["touchpoints"]] == [
        ["id", "phase", "touchpoint", "importance", "rating", "gap", "quadrant", "rank", "moment_of_truth", "respondents"]
    ] * 3
    assert [(t["id"], t["rank"], t["gap"]) for t in data["touchpoints"]] == [("H07", 1, 80.0), ("H09", 2, 70.0),
                                                                             ("H06", 3, 65.0)]
    assert data["moments_of_truth_at_risk"] == ["H07", "H09", "H06", "H14"]


def test_gaps_csv_is_safe_to_open_in_excel(make_workbook):
    def edit(wb):
        cell = wb["Touchpoints"]["C7"]
        cell.value = '=HYPERLINK("http://x","click")'
        cell.data_type = "s"  # typed as text, the way a pasted name could arrive

    path = make_workbook(edit=edit)
    result = run("gaps", str(path), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()
    assert rows[0] == "rank,id,phase,touchpoint,importance,rating,gap,quadrant,moment_of_truth,respondents,source,uncertain,opportunity"
    assert any(r.startswith("3,H06,Quote and decision,\"'=HYPERLINK(") for r in rows)


def test_gaps_text_in_dutch():
    result = run("gaps", str(ROOT / "samples" / "food-supplier.xlsx"), "--top", "3")
    lines = result.stdout.splitlines()
    assert lines[0] == "Prioriteiten (schaal 1-10; belangrijk vanaf 7,0, lage waardering tot en met 6,0)"
    assert lines[5].split() == ["3", "*", "F15", "9,0", "5,8", "41,5", "Hier", "concentreren", "Bestelt", "het",
                                "product", "opnieuw"]
    # tie with F09 at 41,5: moment of truth first; long names come last and whole, never cut
    assert lines[3].endswith("Vraagt de groothandel of het product leverbaar is")
    assert "Moments of truth in gevaar: F08, F07, F15" in result.stdout


def test_compare_as_is_with_to_be():
    result = run("compare", str(ROOT / "samples" / "laptop-request.xlsx"),
                 str(ROOT / "samples" / "laptop-request-to-be.xlsx"), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [t["id"] for t in data["added"]] == ["C18"] and [t["id"] for t in data["removed"]] == ["C09"]
    c08 = next(t for t in data["touchpoints"] if t["id"] == "C08")
    assert c08["rating"] == {"before": 1.9, "after": 4.2, "change": 2.3}
    assert c08["emotion"] == {"before": -2.0, "after": 1.0, "change": 3.0}
    assert c08["gap"] == {"before": 77.5, "after": 20.0, "change": -57.5}
    assert c08["quadrant"] == {"before": "concentrate-here", "after": "keep-up"}
    assert data["phases"] == {"added": [], "removed": [], "moved": []}


def test_gaps_use_the_responses_sheet_and_say_so(make_workbook):
    document = example("home-insurance")
    document["responses"] = (
        [{"respondent": f"R{i}", "touchpoint_id": "H01", "importance": imp, "rating": rat}
         for i, (imp, rat) in enumerate([(4, 2), (5, 3), (5, 2), (3, 1)])]
        + [{"respondent": f"S{i}", "touchpoint_id": "H16", "importance": 5, "rating": 1} for i in range(12)]
    )
    result = run("gaps", str(make_workbook(document)), "--format", "json")
    data = {t["id"]: t for t in json.loads(result.stdout)["touchpoints"]}
    h01 = data["H01"]
    assert (h01["source"], h01["respondents"], h01["importance"], h01["rating"], h01["gap"]) == (
        "responses", 4, 4.25, 2.0, 60.94)
    assert h01["importance_interval"] == [2.73, 5.77] and h01["importance_top2"] == 0.75
    assert h01["opportunity"] == 15.0 and h01["uncertain"] is True
    h16 = data["H16"]
    assert (h16["rank"], h16["gap"], h16["uncertain"], h16["respondents"]) == (1, 100.0, False, 12)
    assert data["H02"]["source"] == "typed"
    # the check counts the real respondents: 4 answers for H01 is too few
    check = json.loads(run("check", str(make_workbook(document)), "--format", "json").stdout)
    assert [(f["code"], f["cell"]) for f in check["findings"]] == [("low-respondents", "K2")]


def test_a_dutch_workbook_with_errors_is_pointed_to_check_in_dutch_with_its_path_quoted(tmp_path):
    path = tmp_path / "fout bestand.xlsx"
    shutil.copy(ROOT / "samples" / "food-supplier.xlsx", path)
    wb = openpyxl.load_workbook(path)
    wb["Contactmomenten"]["A3"] = wb["Contactmomenten"]["A2"].value  # an ID typed twice
    wb.save(path)
    for command in (["gaps", str(path)], ["progress", str(path)]):
        result = run(*command)
        assert result.returncode == 1
        assert result.stderr == (f"xlplugin: 1 fout, 0 waarschuwingen in '{path}'; "
                                 f"xlplugin check '{path}' laat zien waar.\n")


def test_a_reader_that_stops_early_gets_no_error_message(tmp_path):
    """`xlplugin gaps … | head`: when the reader closes the pipe, xlplugin stops without a word
    (it used to say 'unexpected error (BrokenPipeError) … This is a bug in xlplugin')."""
    import subprocess
    import sys

    from xlplugin.workbook import write_workbook

    from helpers.journeys import big_journey

    path = write_workbook(tmp_path / "big.xlsx", big_journey(400, blueprint=True))
    process = subprocess.Popen([sys.executable, "-m", "xlplugin", "gaps", str(path), "--format", "json"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.read(100)
    process.stdout.close()  # as `head -c 100` does
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) in (0, 1) and stderr == ""

"""A command line that helps: --version, 'did you mean', the right pointer for a JSON
file, messages in one language with quoted paths, counts that agree, no silent overwrite."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from xlplugin import __version__
from xlplugin.api import check_workbook

from helpers.workbooks import example


def run(*args: str, lang: str = "en", cwd=None) -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, "XLPLUGIN_LANG": lang}
    return subprocess.run([sys.executable, "-m", "xlplugin", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=120)


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"xlplugin {__version__}"


def test_a_mistyped_command_gets_did_you_mean():
    result = run("chek", "journey.xlsx")
    assert result.returncode == 2
    assert result.stderr.strip() == "xlplugin: 'chek' is not a command. Did you mean 'check'? See 'xlplugin --help'."
    assert "usage:" not in result.stderr


def test_check_of_a_json_file_points_to_import(tmp_path):
    doc = tmp_path / "my journey.json"
    doc.write_text(json.dumps(example("home-insurance")), "utf-8")
    result = run("check", str(doc))
    assert result.returncode == 2
    assert "JSON document" in result.stderr and f"xlplugin import '{doc}' -o journey.xlsx" in result.stderr
    assert "CSV" not in result.stderr


def test_a_dutch_message_is_wholly_dutch_with_the_path_quoted(tmp_path):
    missing = tmp_path / "mijn reis.xlsx"
    result = run("check", str(missing), lang="nl")
    assert result.stderr.strip() == f"xlplugin: Bestand niet gevonden: '{missing}'"
    broken = tmp_path / "kapot bestand.json"
    broken.write_text('{"version": 1,', "utf-8")
    result = run("import", str(broken), "-o", str(tmp_path / "x.xlsx"), lang="nl")
    assert result.returncode == 2
    assert result.stderr.strip() == ("xlplugin: 'kapot bestand.json' is geen leesbaar JSON-bestand: "
                                     "de tekst loopt mis op regel 1, kolom 15.")


def test_export_and_check_count_the_same_errors(tmp_path, make_workbook):
    def faults(wb):
        ws = wb["Touchpoints"]
        ws["H5"], ws["F3"], ws["A8"] = "blij", "very", "H06"  # one word breaking type and choice, ...

    path = make_workbook(example("home-insurance"), "en", edit=faults)
    errors = check_workbook(path).counts["error"]
    for lang, word in (("en", "errors"), ("nl", "fouten")):
        result = run("export", str(path), "-o", str(tmp_path / "o.json"), lang=lang)
        assert result.returncode == 1
        assert re.search(rf"xlplugin: {errors} {word} in ", result.stderr), result.stderr


def test_demo_does_not_silently_replace_earlier_output(tmp_path):
    assert run("demo", str(tmp_path / "out")).returncode == 0
    workbook = next((tmp_path / "out").glob("*.xlsx"))
    before = workbook.stat().st_mtime_ns, workbook.read_bytes()
    again = run("demo", str(tmp_path / "out"))
    assert again.returncode == 2 and "--force" in again.stderr
    assert (workbook.stat().st_mtime_ns, workbook.read_bytes()) == before
    assert run("demo", str(tmp_path / "out"), "--force").returncode == 0


def test_compare_warns_about_unrelated_or_swapped_journeys(tmp_path):
    from xlplugin.workbook import write_workbook

    as_is = write_workbook(tmp_path / "as-is.xlsx", example("laptop-request"))
    to_be = write_workbook(tmp_path / "to-be.xlsx", example("laptop-request-to-be"))
    other = write_workbook(tmp_path / "other.xlsx", example("home-insurance"))
    assert "xlplugin:" not in run("compare", str(as_is), str(to_be)).stderr
    unrelated = run("compare", str(as_is), str(other))
    assert "share no touchpoint ID" in unrelated.stderr or "geen enkele contactmoment-ID" in unrelated.stderr
    swapped = run("compare", str(to_be), str(as_is))
    assert "(as-is first)" in swapped.stderr or "(huidig eerst)" in swapped.stderr  # the example is Dutch


def test_the_benchmark_counts_each_process_its_own_memory():
    """A child forked from a large parent is not charged for the parent's memory."""
    import importlib.util

    from helpers.paths import ROOT

    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    ballast = bytearray(300 * 2**20)  # the benchmark holds large workbooks in memory
    ballast[::4096] = b"x" * len(ballast[::4096])
    _, small = bench.cold([sys.executable, "-c", "pass"])
    _, large = bench.cold([sys.executable, "-c", "b = bytearray(200 * 2**20); b[::4096] = b'x' * len(b[::4096])"])
    del ballast
    assert small < 60, small
    assert 200 < large < 300, large

"""Every command over real workbooks from other projects (tests/corpus): no traceback, an
exit code of 0, 1 or 2, bounded time, the input untouched. Each file is also renamed into
a journey workbook (its first sheet called Touchpoints) so that annotate writes into a
package another program made, twice, and what it writes reads back."""

from __future__ import annotations

import hashlib
import re
import time
import zipfile
from pathlib import Path

import pytest

from xlplugin.cli import main

from helpers.paths import ROOT

CORPUS = sorted(p for p in (ROOT / "tests" / "corpus").rglob("*") if p.suffix.lower() in (".xlsx", ".xlsm"))
SECONDS_PER_COMMAND = 30


def test_the_corpus_is_there():
    assert len(CORPUS) >= 120
    assert (ROOT / "tests" / "corpus" / "README.md").exists()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys, *args: str) -> tuple[int, str]:
    start = time.perf_counter()
    code = main(list(args))
    took = time.perf_counter() - start
    err = capsys.readouterr().err
    assert code in (0, 1, 2), (args, code, err)
    assert not any(w in err for w in ("Traceback", "unexpected error", "onverwachte fout")), (args, err)
    assert took < SECONDS_PER_COMMAND, (args, took)
    if code == 2:
        assert len(err.strip().splitlines()) == 1, err  # one sentence that says what to do
    return code, err


def as_journey(source: Path, target: Path) -> Path | None:
    """`source` with its first sheet renamed Touchpoints (None when it has no readable sheet list)."""
    try:
        with zipfile.ZipFile(source) as z:
            names = z.namelist()
            book = next((n for n in names if n.lower().endswith("workbook.xml")), None)
            if book is None:
                return None
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
                for info in z.infolist():
                    data = z.read(info.filename)
                    if info.filename == book:
                        data = re.sub(rb'(<(?:\w+:)?sheet\b[^>]*?\bname=")[^"]*"', rb'\1Touchpoints"', data, count=1)
                    out.writestr(info, data)
    except (zipfile.BadZipFile, OSError):
        return None
    return target


def shape_ids(path: Path) -> list[int]:
    with zipfile.ZipFile(path) as z:
        return [int(n) for name in z.namelist() if name.lower().endswith(".vml")
                for n in re.findall(rb'id="_x0000_s(\d+)"', z.read(name))]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_command_over_a_real_workbook(path, tmp_path, capsys):
    before = digest(path)
    for command in ("check", "gaps", "export"):
        run(capsys, command, str(path))
    run(capsys, "annotate", str(path), "-o", str(tmp_path / "out.xlsx"))
    assert digest(path) == before

    journey = as_journey(path, tmp_path / f"journey{path.suffix}")
    if journey is None:
        return
    code, _ = run(capsys, "check", str(journey))
    done = tmp_path / f"done{path.suffix}"
    annotated, _ = run(capsys, "annotate", str(journey), "-o", str(done))
    if code == 2:
        assert annotated == 2 and not done.exists()
        return
    assert annotated == code
    assert run(capsys, "check", str(done))[0] == code  # the annotated package reads back
    again, _ = run(capsys, "annotate", str(done), "--in-place")
    assert again == code
    with zipfile.ZipFile(done) as z:
        book = z.read(next(n for n in z.namelist() if n.lower().endswith("workbook.xml")))
        assert b'name="Findings"' in book
        assert not [n for n in z.namelist() if n.startswith("/")]
    ids = shape_ids(done)
    assert len(ids) == len(set(ids)), "a note shape id used twice"

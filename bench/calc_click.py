"""How long a person waits for a click in LibreOffice Calc: the Journey menu's Check and
Priorities on Dutch workbooks of 60, 300 and 1,000 touchpoints with typical mistakes.

    python bench/calc_click.py                      # 60, 300 and 1,000 touchpoints, 3 runs each
    python bench/calc_click.py --sizes 300 --runs 5

The extension is built and added to a fresh LibreOffice profile by its extension manager,
LibreOffice runs headless, and each entry is dispatched to the document's frame as its menu
entry dispatches it (tests/calc/calc_driver.py `time`); the seconds are those of the
dispatch, from the click to the sheet written. Writes bench/results/calc.json. No test
asserts on these numbers; the README quotes them.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DRIVER = ROOT / "tests" / "calc" / "calc_driver.py"
LO_PYTHON = "/usr/bin/python3"
OOR = "{http://openoffice.org/2001/registry}"
sys.path.insert(0, str(HERE))

from run import journey  # noqa: E402  (the benchmark's own journeys)


def mistaken_workbook(touchpoints: int, folder: Path) -> Path:
    """A Dutch workbook of `touchpoints` touchpoints with the mistakes people make: a word for
    a number, a rating off the scale, 4,5 typed as text, a mistyped ID on the Blueprint sheet,
    a missing phase (one of each per 20 touchpoints), and two of three priorities without an
    action (a warning each)."""
    import openpyxl

    from xlplugin.workbook import write_workbook

    doc = journey(touchpoints, per_touchpoint=0)
    doc["language"] = "nl"
    doc["actions"] = doc["actions"][::3]  # most priorities still without an action: warnings, as in a workshop
    for tp in doc["touchpoints"]:
        tp.pop("respondents", None)
    path = folder / f"calc-{touchpoints}.xlsx"
    write_workbook(path, doc, "nl")
    wb = openpyxl.load_workbook(path)
    tps, blueprint = wb["Contactmomenten"], wb["Blauwdruk"]
    header = [c.value for c in tps[1]]
    imp, rat, phase = (header.index(n) + 1 for n in ("Belang", "Waardering", "Fase"))
    for k, row in enumerate(range(2, touchpoints + 2, 20)):
        kind = k % 4
        if kind == 0:
            tps.cell(row, imp).value = "hoog"
        elif kind == 1:
            tps.cell(row, rat).value = 9
        elif kind == 2:
            tps.cell(row, rat).value = "4,5"
        else:
            tps.cell(row, phase).value = "Orientatie"
        blueprint.cell(row, 1).value = f"T{row - 1}"  # T7 for T00007
    wb.save(path)
    return path


def menu_urls() -> dict[str, str]:
    from xlplugin.calc import extension

    with zipfile.ZipFile(extension.build_oxt(Path(tempfile.mkdtemp(prefix="xlplugin-oxt-")))) as z:
        xcu = etree.fromstring(z.read("Addons.xcu"))
    menu = xcu.find(f".//node[@{OOR}name='OfficeMenuBar']/node[@{OOR}name='{extension.IDENTIFIER}']")
    return {item.find(f"prop[@{OOR}name='URL']/value").text.split("$")[1].split("?")[0]:
            item.find(f"prop[@{OOR}name='URL']/value").text for item in menu.find(f"node[@{OOR}name='Submenu']")}


def drive(*args: str) -> dict:
    done = subprocess.run([LO_PYTHON, str(DRIVER), *args], capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        sys.exit(done.stderr)
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    from xlplugin.calc import extension
    from xlplugin.cli import main as xlplugin

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[60, 300, 1_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="xlplugin-calc-bench-"))
    xlplugin(["calc", "build", "-o", str(work)])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--invisible",
         "--norestore", "--nologo", f"--accept=socket,host=127.0.0.1,port={port};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, env=extension.office_env())
    results = []
    try:
        drive("install", str(port), str(work / extension.OXT))
        urls = menu_urls()
        steps = [urls["check"], urls["priorities"], urls["check"]]
        for size in args.sizes:
            source = mistaken_workbook(size, work)
            times: list[list[float]] = []
            for run in range(args.runs):
                copy = work / f"run-{size}-{run}.xlsx"
                copy.write_bytes(source.read_bytes())
                done = drive("time", str(port), str(copy), *steps)
                if not all(done["statuses"]):
                    sys.exit(f"a click returned before it wrote its status: {done}")
                times.append(done["seconds"])
            row = {"touchpoints": size, "status": done["status"],
                   "check_s": round(statistics.median(t[0] for t in times), 3),
                   "priorities_s": round(statistics.median(t[1] for t in times), 3),
                   "check_again_s": round(statistics.median(t[2] for t in times), 3), "runs": args.runs}
            results.append(row)
            print(f"{size:>6} touchpoints  Check {row['check_s']:.2f} s  Priorities {row['priorities_s']:.2f} s  "
                  f"Check again {row['check_again_s']:.2f} s   ({row['status']})", flush=True)
    finally:
        os.killpg(office.pid, signal.SIGTERM)
        office.wait(timeout=60)
    out = HERE / "results" / "calc.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"calc_click": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()

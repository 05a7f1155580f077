"""The benchmark: cold-process time and peak memory of check, gaps and deck on journeys of
10, 100, 1,000 and 10,000 touchpoints, beside a bare openpyxl load of the same file.

    python bench/run.py                 # all sizes, 5 runs each
    python bench/run.py --sizes 10 100 --runs 3
    python bench/run.py --portfolio 500  # portfolio of 500 journeys of 30 touchpoints against gaps per file

Every run is a fresh process, as a click in Excel is. Prints a table and writes
bench/results/results.json. No test asserts on these numbers; the README quotes them.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "results" / "data"
BLUEPRINT_PER_TOUCHPOINT = 2
RESPONSES_PER_TOUCHPOINT = 10
DECK_UP_TO = 1_000
"""A deck of 10,000 touchpoints is some 2,000 slides: no one presents it, so it is not timed."""


def journey(touchpoints: int, per_touchpoint: int = RESPONSES_PER_TOUCHPOINT, waves: int = 0) -> dict:
    """A valid journey of `touchpoints` touchpoints over 6 phases, with blueprint rows and
    survey responses in proportion (`per_touchpoint` each; with `waves`, spread over that
    many waves, with an overall rating per respondent)."""
    phases = [f"Phase {i + 1}" for i in range(6)]
    tps, steps, answers = [], [], []
    for i in range(touchpoints):
        tid = f"T{i + 1:05}"
        tps.append({"id": tid, "phase": phases[i * 6 // touchpoints], "name": f"Touchpoint {i + 1} of the journey",
                    "channel": ["Website", "Phone", "E-mail", "Shop"][i % 4], "customer_action": "Does something",
                    "importance": 1 + (i * 3) % 5, "rating": 1 + (i * 7) % 5, "emotion": i % 5 - 2,
                    "moment_of_truth": i % 9 == 0, "owner": "Team", "respondents": RESPONSES_PER_TOUCHPOINT})
        for k, lane in enumerate(("frontstage", "backstage")[:BLUEPRINT_PER_TOUCHPOINT]):
            steps.append({"touchpoint_id": tid, "lane": lane, "activity": f"Activity {k} for {tid}",
                          "department": "Service", "system": "CRM"})
        for r in range(per_touchpoint):
            answers.append({"respondent": f"R{r + 1:03}", "touchpoint_id": tid, "importance": 1 + (i + r) % 5,
                            "rating": 1 + (i * 3 + r) % 5})
            if waves:
                answers[-1].update(wave=f"Wave {r % waves + 1}", overall=1 + (r * 7) % 5)
    return {
        "version": 1, "language": "en", "journey": {"title": f"Benchmark {touchpoints}", "objective": "Speed"},
        "persona": {"name": "Sam", "goals": "Fast answers"}, "phases": [{"name": p} for p in phases],
        "touchpoints": tps, "blueprint": steps,
        "actions": [{"touchpoint_id": t["id"], "action": "Improve", "owner": "Team", "target": "Rating +1"}
                    for t in tps if t["importance"] >= 4 and t["rating"] <= 3],
        "responses": answers,
    }


def workbook(touchpoints: int) -> Path:
    path = DATA / f"journey-{touchpoints}.xlsx"
    if not path.exists():
        from xlplugin.workbook import write_workbook

        DATA.mkdir(parents=True, exist_ok=True)
        write_workbook(path, journey(touchpoints))
    return path


def waves_workbook(waves: int) -> Path:
    """1,000 touchpoints with 100,000 responses: in one wave, or spread over `waves` waves."""
    path = DATA / f"journey-1000-waves-{waves}.xlsx"
    if not path.exists():
        from xlplugin.workbook import write_workbook

        DATA.mkdir(parents=True, exist_ok=True)
        write_workbook(path, journey(1_000, 100, waves if waves > 1 else 0))
    return path


PORTFOLIO_TOUCHPOINTS = 30
PERSONAS = ("Sam", "Noor", "Kim", "Lee")


def portfolio_journey(k: int) -> dict:
    """Journey `k` of a portfolio: its own title (shared with journey k + half, for another
    persona), ratings shifted so that the journeys differ."""
    doc = journey(PORTFOLIO_TOUCHPOINTS)
    doc["journey"]["title"] = f"Journey {k % 250}"
    doc["persona"]["name"] = PERSONAS[k % len(PERSONAS)]
    for i, tp in enumerate(doc["touchpoints"]):
        tp["rating"] = 1 + (i * 7 + k) % 5
    return doc


def _write_portfolio_journey(args: tuple[int, str]) -> None:
    from xlplugin.workbook import write_workbook

    k, folder = args
    write_workbook(Path(folder) / f"journey-{k:04}.xlsx", portfolio_journey(k))


def portfolio_folder(count: int) -> Path:
    folder = DATA / f"portfolio-{count}"
    missing = [k for k in range(count) if not (folder / f"journey-{k:04}.xlsx").exists()]
    if missing:
        from concurrent.futures import ProcessPoolExecutor

        folder.mkdir(parents=True, exist_ok=True)
        with ProcessPoolExecutor() as pool:
            list(pool.map(_write_portfolio_journey, [(k, str(folder)) for k in missing], chunksize=8))
    return folder


def bench_portfolio(count: int) -> dict:
    """`portfolio` over a folder of `count` journeys (all cores, and one), against `gaps` run on
    each file one after another (a fresh process each, as a script would)."""
    py = sys.executable
    folder = portfolio_folder(count)
    files = sorted(folder.glob("*.xlsx"))
    result: dict[str, dict] = {}
    for name, extra in (("portfolio (all cores)", []), ("portfolio --jobs 1", ["--jobs", "1"])):
        result[name] = measure([py, "-m", "xlplugin", "portfolio", str(folder), "--format", "json", *extra], 1)
    result["gaps DIR (all cores)"] = measure([py, "-m", "xlplugin", "gaps", str(folder), "--format", "json"], 1)
    start = time.perf_counter()
    peak = 0.0
    for f in files:
        peak = max(peak, cold([py, "-m", "xlplugin", "gaps", str(f), "--format", "json"])[1])
    result["gaps per file, one after another"] = {"median_s": round(time.perf_counter() - start, 3),
                                                  "peak_mb": round(peak, 1), "runs": 1}
    base = result["gaps per file, one after another"]["median_s"]
    print(f"{count} journeys of {PORTFOLIO_TOUCHPOINTS} touchpoints, {os.cpu_count()} cores")
    print(f"{'command':<34} {'s':>8} {'peak MB':>8} {'speed-up':>9}")
    for name, m in result.items():
        m["speedup"] = round(base / m["median_s"], 1)
        print(f"{name:<34} {m['median_s']:>8.2f} {m['peak_mb']:>8.0f} {m['speedup']:>8.1f}x")
    return {"journeys": count, "touchpoints": PORTFOLIO_TOUCHPOINTS, "results": result}


# Runs the measured command inside a fresh Python and reports that process's own peak
# (VmHWM belongs to the process's memory since exec). The rusage of a child counts the
# memory it had as a fork of this benchmark before exec: hundreds of MB that are not its own.
PEAK_MARK = "xlplugin-bench-peak-kb"
WRAP = f"""
import atexit, runpy, sys
def _peak():
    try:
        with open("/proc/self/status") as f:
            kb = next(line.split()[1] for line in f if line.startswith("VmHWM:"))
    except OSError:
        import resource
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sys.stderr.write("\\n{PEAK_MARK} " + str(kb) + "\\n")
atexit.register(_peak)
mode, target, *rest = sys.argv[1:]
if mode == "-m":
    sys.argv = [target, *rest]
    runpy.run_module(target, run_name="__main__", alter_sys=True)
else:
    exec(compile(target, "<bench>", "exec"))
"""


def cold(command: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MB) of one fresh process, its own only."""
    py, mode, target, *rest = command
    start = time.perf_counter()
    proc = subprocess.run([py, "-c", WRAP, mode, target, *rest], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {proc.stderr}")
    peak = [line.split()[1] for line in proc.stderr.splitlines() if line.startswith(PEAK_MARK)]
    return elapsed, int(peak[-1]) / 1024


def measure(command: list[str], runs: int) -> dict:
    samples = [cold(command) for _ in range(runs)]
    return {"median_s": round(statistics.median(s[0] for s in samples), 3),
            "peak_mb": round(max(s[1] for s in samples), 1), "runs": runs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1_000, 10_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-waves", action="store_true", help="skip the 100,000 responses in 1 and 4 waves")
    parser.add_argument("--portfolio", type=int, metavar="N",
                        help="only the portfolio case: N journeys of 30 touchpoints (the issue's figure: 500)")
    args = parser.parse_args()
    py = sys.executable
    # Bytecode as an installed package has it (pip compiles at install): an editable checkout
    # would otherwise compile every changed module again in each timed process.
    import xlplugin

    compileall.compile_dir(str(Path(xlplugin.__file__).parent), quiet=1)
    if args.portfolio:
        figures = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                               "platform": platform.platform()}, "portfolio": bench_portfolio(args.portfolio)}
        out = HERE / "results" / "portfolio.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
        print(f"wrote {out}")
        return
    results = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
               "sizes": {}}
    print(f"{'touchpoints':>11} {'command':<16} {'median s':>9} {'peak MB':>8} {'ratio to load':>14}")
    for size in args.sizes:
        path = workbook(size)
        row: dict[str, dict] = {}
        row["openpyxl load"] = measure([py, "-c", f"import openpyxl; openpyxl.load_workbook({str(path)!r})"], args.runs)
        for name in ("check", "gaps", "deck"):
            if name == "deck" and size > DECK_UP_TO:
                continue
            command = [py, "-m", "xlplugin", name, str(path)]
            if name == "deck":
                command += ["-o", str(DATA / f"deck-{size}.pptx")]
            row[name] = measure(command, args.runs)
        base = row["openpyxl load"]["median_s"]
        for name, m in row.items():
            m["ratio_to_load"] = round(m["median_s"] / base, 2)
            print(f"{size:>11} {name:<16} {m['median_s']:>9.2f} {m['peak_mb']:>8.0f} {m['ratio_to_load']:>14.2f}")
        results["sizes"][str(size)] = row
    if "1000" in results["sizes"] and "10000" in results["sizes"]:
        growth = results["sizes"]["10000"]["check"]["median_s"] / results["sizes"]["1000"]["check"]["median_s"]
        results["check_growth_1000_to_10000"] = round(growth, 2)
        print(f"check, 1,000 -> 10,000 touchpoints: x{growth:.1f} (linear would be x10)")
    if not args.no_waves:
        results["waves"] = {}
        for waves in (1, 4):
            path = waves_workbook(waves)
            for name in ("check", "gaps"):
                m = measure([py, "-m", "xlplugin", name, str(path)], args.runs)
                results["waves"][f"{name} {waves}"] = m
                print(f"100,000 responses in {waves} wave(s): {name:<6} {m['median_s']:>6.2f} s {m['peak_mb']:>6.0f} MB")
    out = HERE / "results" / "results.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()

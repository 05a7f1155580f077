"""Read many workbooks: the files of the paths and folders given, each read in a worker
process (all cores by default), a bounded number at a time.

Each worker reads one workbook at a time and sends back only what is asked of it (a
summary, a report), so memory stays that of one workbook per process. A workbook that
cannot be read gives its reason; it never stops the others.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Generic, TypeVar

from xlplugin.core.analysis.portfolio import JourneySummary, Portfolio, build_portfolio, summarise
from xlplugin.errors import WorkbookError
from xlplugin.text import Text

T = TypeVar("T")
Progress = Callable[[int, int], None]
"""Called with (done, total) as workbooks are read."""

SUFFIXES = (".xlsx", ".xlsm")
NOTHING_FOUND = Text("No workbooks (.xlsx, .xlsm) found in {paths}.", "Geen werkmappen (.xlsx, .xlsm) gevonden in {paths}.")


def find_workbooks(paths: Iterable[str | Path], skip: Iterable[str | Path] = ()) -> list[str]:
    """The workbook files of `paths`: files as given (also when missing, so they are
    reported), folders searched through for .xlsx and .xlsm, sorted, without Office lock
    files (~$name.xlsx), hidden files, and the files in `skip` (the overview being written)."""
    skipped = {Path(p).resolve() for p in skip}
    found: list[str] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            members = sorted(
                p for p in path.rglob("*")
                if p.suffix.lower() in SUFFIXES and p.is_file() and not p.name.startswith(("~$", "."))
                and not any(part.startswith(".") for part in p.relative_to(path).parts[:-1])
            )
        else:
            members = [path]
        for p in members:
            key = p.resolve()
            if key in skipped or key in seen:
                continue
            seen.add(key)
            found.append(str(p))
    return found


def read_journey(file: str) -> Any:
    """Read, check and rank the journey workbook at `file`: (result, journey, report, priorities)."""
    from xlplugin.api import check_and_rank
    from xlplugin.core.model import Journey
    from xlplugin.workbook import read_workbook

    result = read_workbook(file)
    journey = Journey.from_document(result.document)
    report, priorities = check_and_rank(result, file=file, journey=journey)
    return result, journey, report, priorities


def _unexpected(file: str, exc: BaseException) -> Text:
    return Text(f"unexpected error ({type(exc).__name__}: {exc}); the other workbooks were read",
                f"onverwachte fout ({type(exc).__name__}: {exc}); de andere werkmappen zijn gelezen")


def journey_summary(file: str) -> JourneySummary:
    """The portfolio summary of one workbook; a workbook that cannot be read gets its reason."""
    try:
        _, journey, report, priorities = read_journey(file)
        return summarise(file, journey, report, priorities)
    except WorkbookError as exc:
        return JourneySummary(file, error=exc.message)
    except Exception as exc:  # one workbook's bug must not stop the portfolio
        return JourneySummary(file, error=_unexpected(file, exc))


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a job gave for one file, or why it could not."""

    file: str
    value: T | None = None
    error: Text | None = None


def guarded(job: Callable[[str], T], file: str) -> Outcome[T]:
    """`job(file)` with a WorkbookError (or a bug) turned into the outcome's reason."""
    try:
        return Outcome(file, job(file))
    except WorkbookError as exc:
        return Outcome(file, error=exc.message)
    except Exception as exc:
        return Outcome(file, error=_unexpected(file, exc))


STOPPED = Text("the process reading it stopped (out of memory?); the other workbooks were read",
               "het proces dat het las is gestopt (geheugen vol?); de andere werkmappen zijn gelezen")


BATCH = 8
"""Most files sent to a worker at once (it reads them one after another)."""


def _batch(job: Callable[[str], T], files: list[str]) -> list[T]:
    return [job(file) for file in files]


def _quiet() -> None:
    """In a worker: Ctrl+C is the main process's to handle (no traceback from each worker)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_each(job: Callable[[str], T], files: Sequence[str], jobs: int | None = None,
             progress: Progress | None = None, stopped: Callable[[str], T] | None = None) -> list[T]:
    """`job` on every file, in worker processes (`jobs`, default all cores), at most twice
    as many in flight as there are workers; the results in the order of `files`. `job`
    must not raise (see `guarded`). When a worker dies (killed, out of memory), the files
    that were in flight are read again one by one, each in a process of its own, so only
    the file that kills its reader gets `stopped(file)`."""
    total = len(files)
    workers = max(1, min(jobs or os.cpu_count() or 1, total))
    results: list[Any] = [None] * total
    done = 0

    def finish(i: int, value: Any) -> None:
        nonlocal done
        results[i], done = value, done + 1
        if progress:
            progress(done, total)

    if progress:
        progress(0, total)
    if workers == 1:
        for i, file in enumerate(files):
            finish(i, job(file))
        return results
    # The first file here: its imports and caches (the schema's compiled checks) are then
    # in every worker forked after it, instead of each worker paying for them again.
    finish(0, job(files[0]))
    # Files go out in small batches: a journey takes some 20 ms, about what sending one costs.
    size = max(1, min(BATCH, (total - 1) // (4 * workers)))
    pending = [list(range(i, min(i + size, total))) for i in range(1, total, size)][::-1]
    suspects: list[int] = []
    while pending:
        with ProcessPoolExecutor(max_workers=workers, initializer=_quiet) as pool:
            flight: dict[Future[list[T]], list[int]] = {}
            while pending or flight:
                while pending and len(flight) < 2 * workers:
                    batch = pending.pop()
                    flight[pool.submit(_batch, job, [files[i] for i in batch])] = batch
                finished, _ = wait(flight, return_when=FIRST_COMPLETED)
                try:
                    for future in finished:
                        values = future.result()
                        for i, value in zip(flight.pop(future), values, strict=True):
                            finish(i, value)
                except BrokenProcessPool:
                    suspects.extend(i for batch in flight.values() for i in batch)
                    break
    for i in sorted(suspects):
        with ProcessPoolExecutor(max_workers=1, initializer=_quiet) as alone:
            try:
                value = alone.submit(job, files[i]).result()
            except BrokenProcessPool:
                value = stopped(files[i]) if stopped else None
        finish(i, value)
    return results


def read_portfolio(paths: Sequence[str | Path], jobs: int | None = None, progress: Progress | None = None,
                   skip: Iterable[str | Path] = ()) -> Portfolio:
    """The portfolio of the workbooks in `paths` (files and folders)."""
    files = find_workbooks(paths, skip)
    if not files:
        raise WorkbookError(NOTHING_FOUND.format(paths=", ".join(str(p) for p in paths)))
    summaries = run_each(journey_summary, files, jobs, progress,
                         stopped=lambda file: JourneySummary(file, error=STOPPED))
    return build_portfolio(summaries)


def check_file(file: str) -> Any:
    """The check report of one workbook (a job for `run_each` under `guarded`)."""
    from xlplugin.api import check_workbook

    return check_workbook(file)


def gaps_file(file: str, importance: str | None = None) -> Any:
    """The priority gaps and check report of one workbook (a job for `run_each` under `guarded`)."""
    from xlplugin.api import gaps_workbook

    return gaps_workbook(file, importance=importance)


def check_outcome(file: str) -> Outcome[Any]:
    return guarded(check_file, file)


def gaps_outcome(file: str, importance: str | None = None) -> Outcome[Any]:
    return guarded(partial(gaps_file, importance=importance), file)


def each_file(kind: str, paths: Sequence[str | Path], jobs: int | None = None,
              progress: Progress | None = None, importance: str | None = None) -> list[Outcome[Any]]:
    """`check` or `gaps` (`kind`) on every workbook of `paths`, one outcome per file (`importance`:
    what `gaps` ranks on, as `gaps --importance`)."""
    files = find_workbooks(paths)
    if not files:
        raise WorkbookError(NOTHING_FOUND.format(paths=", ".join(str(p) for p in paths)))
    job = check_outcome if kind == "check" else partial(gaps_outcome, importance=importance)
    return run_each(job, files, jobs, progress, stopped=lambda file: Outcome(file, error=STOPPED))

"""What the buttons do, in any spreadsheet program: Check, Priorities, Deck and New template.

A program that hosts the buttons (Excel through xlwings, xlwings Lite, LibreOffice Calc
through UNO) gives a `Host`: the open workbook as the reader's book and as the plan's
surface, and the few things a button needs besides (where the workbook is saved, showing a
sheet, opening a file, a message box). The actions are written once, here, so every host
checks with the same code as the command line and writes the same marks as annotate.
Every outcome, good or bad, is one message in the workbook's language: no traceback
reaches the user.
"""

from __future__ import annotations

import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from xlplugin.core import guide
from xlplugin.errors import WorkbookError
from xlplugin.text import Lang, Text, message_lang, normalise_name

ACTIONS = ("check", "priorities", "deck", "new")
"""The buttons, by id: each is dispatched by `run`."""
TITLE = guide.MENU


class Host(Protocol):
    """The open workbook in the program whose button was pressed."""

    name: str
    """The workbook's file name (for the report)."""

    def book(self) -> Any:
        """The workbook as the reader's book: `titles` and `cells(titles)`."""

    def surface(self) -> Any:
        """The workbook as a `xlplugin.core.writeback.plan.Surface`."""

    def sheet_names(self) -> list[str]: ...

    def folder(self) -> Path | None:
        """The folder the workbook is saved in; None when it was never saved."""

    def activate(self, title: str) -> None: ...

    def open(self, path: Path) -> None:
        """Open a workbook file in the program."""

    def alert(self, message: str, title: str, mode: str) -> None:
        """Show a message box; `mode` is 'info' or 'critical'."""


def host_lang(report_lang: Lang | None, host: Host | None = None) -> Lang:
    """The language of a button's messages (`message_lang`): XLPLUGIN_LANG; else the
    workbook's language (its report's, or its sheet names'); else the system's."""
    from xlplugin.core.layout import JOURNEY

    if report_lang is None and host is not None:
        try:
            dutch = normalise_name(JOURNEY.name.nl)
            report_lang = "nl" if any(normalise_name(s) == dutch for s in host.sheet_names()) else None
        except Exception:  # a workbook that cannot even list its sheets: the system's language
            report_lang = None
    return message_lang(report_lang)


@dataclass(frozen=True)
class Decided:
    """A workbook read and checked, and the plan of what to write into it: nothing written yet."""

    result: Any
    report: Any
    lang: Lang
    priorities: Any
    plan: Any


def decide(action: str, host: Host, now: datetime | None = None) -> Decided | None:
    """Read and check the workbook and decide the plan, writing nothing; None for a button
    that does not check (New template). A host that must fetch what the plan reads (xlwings
    Lite) does so between this and `run`."""
    from xlplugin.api import check_and_rank
    from xlplugin.core.writeback.plan import make_plan
    from xlplugin.workbook.reader import read_book

    if action not in ("check", "priorities", "deck"):
        return None
    result = read_book(host.book())
    report, priorities = check_and_rank(result, file=host.name)
    lang = host_lang(report.language)
    return Decided(result, report, lang, priorities, make_plan(report, priorities, lang, now or datetime.now()))


def _check(host: Host, now: datetime | None, decided: Decided | None) -> tuple[Any, Any, Lang, Any]:
    from xlplugin.core.writeback.plan import apply

    done = decided or decide("check", host, now)
    assert done is not None
    apply(done.plan, host.surface())
    return done.result, done.report, done.lang, done.priorities


def check(host: Host, now: datetime | None = None, folder: str | Path | None = None,
          decided: Decided | None = None) -> str:
    """Check the workbook, mark its faulty cells and show the Findings sheet."""
    from xlplugin.core.writeback.sheets import FINDINGS_TITLE

    _, report, lang, _ = _check(host, now, decided)
    host.activate(FINDINGS_TITLE.in_(lang))
    if not report.findings:
        return Text("No problems found.", "Geen problemen gevonden.").in_(lang)
    return (
        report.headline(lang) + ". "
        + Text("The cells are coloured and carry a note; the Findings sheet links to each of them.",
               "De cellen zijn gekleurd en hebben een notitie; het blad Bevindingen linkt naar elk ervan.").in_(lang)
    )


def priorities(host: Host, now: datetime | None = None, folder: str | Path | None = None,
               decided: Decided | None = None) -> str:
    """Check the workbook and show the Priorities sheet with the top gaps in the message."""
    from xlplugin.core.analysis.quadrants import QUADRANTS
    from xlplugin.core.writeback.sheets import PRIORITIES_TITLE

    _, report, lang, ranked = _check(host, now, decided)
    host.activate(PRIORITIES_TITLE.in_(lang))
    lines = [Text("The biggest priority gaps:", "De grootste prioriteiten:").in_(lang)]
    for p in ranked.touchpoints[:3]:
        if p.gap is not None:
            lines.append(f"{p.rank}. {p.id} {p.touchpoint}: {p.gap:.1f} ({QUADRANTS[p.quadrant].in_(lang)})")
    if len(lines) == 1:
        lines.append(Text("none yet: fill in importance and rating.",
                          "nog geen: vul belang en waardering in.").in_(lang))
    if not report.valid:
        lines.append(report.headline(lang) + Text(": see the Findings sheet.", ": zie het blad Bevindingen.").in_(lang))
    return "\n".join(lines)


def _folder(host: Host, folder: str | Path | None = None) -> Path:
    if folder is not None:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return Path(folder)
    here = host.folder()
    if here is None:
        raise WorkbookError(Text("Save the workbook first: the deck is written next to it.",
                                 "Sla de werkmap eerst op: de presentatie komt ernaast te staan."))
    return here


def deck(host: Host, now: datetime | None = None, folder: str | Path | None = None,
         decided: Decided | None = None) -> str:
    """Check the workbook and, without errors, write the deck next to it."""
    from xlplugin.api import write_deck

    result, report, lang, _ = _check(host, now, decided)
    if not report.valid:
        return report.headline(lang) + ". " + Text(
            "Fix the errors first (see the Findings sheet); then the deck can be written.",
            "Los eerst de fouten op (zie het blad Bevindingen); dan kan de presentatie gemaakt worden.").in_(lang)
    target = _folder(host, folder) / f"{Path(host.name).stem}.pptx"
    slides = write_deck(result.document, target, lang)
    return Text(f"The deck is written: {target} ({slides} slides).",
                f"De presentatie is gemaakt: {target} ({slides} dia's).").in_(lang)


def new(host: Host, now: datetime | None = None, folder: str | Path | None = None,
        decided: Decided | None = None) -> str:
    """Write an empty journey template next to the workbook and open it."""
    from xlplugin.core.document import empty_document
    from xlplugin.workbook import write_workbook

    lang = host_lang(None, host)
    where = _folder(host, folder)
    n, target = 1, where / "journey.xlsx"
    while target.exists():
        n += 1
        target = where / f"journey-{n}.xlsx"
    write_workbook(target, empty_document(lang), lang)
    host.open(target)
    return Text(f"A new journey workbook is open: {target}", f"Een nieuwe klantreis-werkmap is geopend: {target}").in_(lang)


DISPATCH: dict[str, Callable[..., str]] = {"check": check, "priorities": priorities, "deck": deck, "new": new}


def error_log() -> Path:
    return Path(tempfile.gettempdir()) / "xlplugin-error.log"


def run(action: str, host: Host, now: datetime | None = None, folder: str | Path | None = None,
        reinstall: str = "", decided: Decided | None = None) -> str:
    """What a button does: the action on the host's workbook, its outcome in a message box.

    `folder` is where deck and new write (default: beside the workbook, which must be saved);
    `reinstall` is the command that puts the buttons back, for an unknown button; `decided`
    is the outcome of `decide` when the host has already called it."""
    lang = host_lang(None, host)
    try:
        if action not in DISPATCH:
            raise WorkbookError(Text(f"Unknown button '{action}': reinstall the buttons ({reinstall}).",
                                     f"Onbekende knop '{action}': installeer de knoppen opnieuw ({reinstall})."))
        message, mode = DISPATCH[action](host, now, folder, decided), "info"
    except WorkbookError as exc:
        message, mode = exc.in_(lang), "critical"
    except Exception:  # the last guard: a message box, never a traceback
        log = error_log()
        log.write_text(traceback.format_exc(), encoding="utf-8")
        message = Text(f"Something went wrong that xlplugin did not expect. Save your work; the details are in {log}.",
                       f"Er ging iets mis dat xlplugin niet verwachtte. Sla je werk op; de details staan in {log}.").in_(lang)
        mode = "critical"
    host.alert(message, TITLE.in_(lang), mode)
    return message

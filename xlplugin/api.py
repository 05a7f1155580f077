"""What the shells call: one function per job, each returning data, never printing."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from xlplugin.core.analysis.survey_stats import MIN_RESPONDENTS
from xlplugin.core.document import Document
from xlplugin.core.examples import DEMO_EXAMPLE, load_example
from xlplugin.core.findings import Finding
from xlplugin.core.report import Report
from xlplugin.core.schema import SchemaError, schema_errors
from xlplugin.errors import WorkbookError, quote_path
from xlplugin.text import Lang, Text

if TYPE_CHECKING:
    from xlplugin.core.analysis.portfolio import Portfolio
    from xlplugin.core.analysis.ranking import Priorities
    from xlplugin.core.document import ReadResult
    from xlplugin.core.model import Journey


def _refuse_overwrite(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise WorkbookError(
            Text(
                f"{quote_path(path)} already exists. Choose another name, or add --force to replace it.",
                f"{quote_path(path)} bestaat al. Kies een andere naam, of voeg --force toe om het te vervangen.",
            )
        )


def new_workbook(
    path: str | Path, lang: Lang | None = None, example: str | None = None, force: bool = False
) -> Path:
    """Write a journey template (in `lang`), or one filled with the built-in `example`."""
    from xlplugin.workbook import write_workbook

    path = Path(path)
    _refuse_overwrite(path, force)
    document = load_example(example) if example else None
    return write_workbook(path, document, lang)


@dataclass
class Export:
    """The document read from a workbook, with what stood in the way of reading it fully."""

    document: Document
    findings: list[Finding] = field(default_factory=list)
    schema_errors: list[SchemaError] = field(default_factory=list)
    errors: int = 0
    """The errors the check finds in the workbook (the same count `check` gives)."""

    @property
    def valid(self) -> bool:
        return not self.errors and not self.schema_errors and not any(f.severity == "error" for f in self.findings)


def document_json(document: Document) -> str:
    """The document as the JSON text export writes (stable: same document, same text)."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def export_workbook(path: str | Path) -> Export:
    """The journey document of the workbook at `path`."""
    from xlplugin.core.checks import validate
    from xlplugin.workbook import read_workbook

    result = read_workbook(path)
    findings, errors = list(result.findings), list(schema_errors(result.document))
    report = validate(result)
    return Export(result.document, findings, errors, report.counts["error"])


def check_workbook(path: str | Path, min_respondents: int = MIN_RESPONDENTS) -> Report:
    """Check the workbook at `path`: every finding, at its cell, in reading order."""
    from xlplugin.core.checks import Settings, validate
    from xlplugin.workbook import read_workbook

    return validate(read_workbook(path), Settings(min_respondents=min_respondents), file=str(path))


def check_and_rank(
    result: ReadResult, min_respondents: int = MIN_RESPONDENTS, file: str | None = None, importance: str | None = None,
    today: str | None = None, journey: Journey | None = None,
) -> tuple[Report, Priorities]:
    """The check of what was read and the ranking of its touchpoints, on one model of it
    (`journey`, when the caller has built it already)."""
    from xlplugin.core.analysis.ranking import rank_gaps
    from xlplugin.core.checks import Settings, validate
    from xlplugin.core.model import Journey

    if journey is None:
        journey = Journey.from_document(result.document)
    report = validate(result, Settings(min_respondents=min_respondents, today=today), file=file, journey=journey)
    return report, rank_gaps(journey, importance)


@dataclass
class Annotated:
    """What annotate wrote: the annotated workbook, the backup (in place), the report, and the marks."""

    path: Path
    report: Report
    backup: Path | None = None
    outcome: object = None


def annotate_workbook(
    path: str | Path, output: str | Path | None = None, in_place: bool = False, lang: Lang | None = None,
    min_respondents: int = MIN_RESPONDENTS, now: datetime | None = None,
) -> Annotated:
    """Check the workbook and write the result into it: the Findings and Priorities sheets, a
    fill colour and a note on each faulty cell, and the status line on the Start sheet.

    Written to NAME.checked.xlsx beside it unless `output` is given; with `in_place` the
    workbook itself is replaced (atomically) after a backup, NAME.backup.xlsx, is made.
    The marks of an earlier run are taken away first. Only the parts that change are
    rewritten; every other part of the package is kept byte for byte.
    """
    import shutil

    from xlplugin.core.writeback.plan import make_plan
    from xlplugin.workbook import read_workbook
    from xlplugin.workbook.surface import apply_plan

    source = Path(path)
    report, priorities = check_and_rank(read_workbook(source), min_respondents, str(source))
    if in_place:
        target = source
    elif output is not None:
        target = Path(output)
        if target.resolve() == source.resolve():
            raise WorkbookError(
                Text("The output is the workbook itself: use --in-place to change it (a backup is kept).",
                     "De uitvoer is de werkmap zelf: gebruik --in-place om hem te wijzigen (er blijft een reservekopie).")
            )
    else:
        target = source.with_name(f"{source.stem}.checked{source.suffix}")
    backup = None
    if in_place:
        backup = source.with_name(f"{source.stem}.backup{source.suffix}")
        shutil.copy2(source, backup)
    lang = lang or report.language or "en"
    plan = make_plan(report, priorities, lang, now or datetime.now())
    outcome = apply_plan(source, target, plan)
    return Annotated(target, report, backup, outcome)


@dataclass
class Gaps:
    """The priority gaps of a workbook, and the check report of what they rest on."""

    priorities: object
    report: Report


def gaps_workbook(path: str | Path, min_respondents: int = MIN_RESPONDENTS, importance: str | None = None) -> Gaps:
    """Rank the touchpoints of the workbook at `path` by gap score (docs/design.md, priority gaps).
    `importance`: "stated" or "derived"; default the Journey sheet's Importance source."""
    from xlplugin.workbook import read_workbook

    report, priorities = check_and_rank(read_workbook(path), min_respondents, str(path), importance)
    return Gaps(priorities, report)


@dataclass
class ProgressResult:
    """The progress of a workbook (docs/design.md, Progress) and the check report it rests on."""

    progress: object
    report: Report


def progress_workbook(path: str | Path, today: str | None = None, min_respondents: int = MIN_RESPONDENTS) -> ProgressResult:
    """Ratings per wave, changes, targets and overdue actions of the workbook at `path`,
    as of `today` (YYYY-MM-DD; default $XLPLUGIN_TODAY, else the system's date)."""
    from xlplugin.core.analysis.progress import today as today_date
    from xlplugin.core.analysis.progress import track_progress
    from xlplugin.core.model import Journey
    from xlplugin.workbook import read_workbook

    on = today_date(today)
    result = read_workbook(path)
    journey = Journey.from_document(result.document)
    report, priorities = check_and_rank(result, min_respondents, str(path), today=on.isoformat(), journey=journey)
    return ProgressResult(track_progress(journey, priorities, on), report)


def compare_workbooks(as_is: str | Path, to_be: str | Path) -> tuple[object, Report, Report]:
    """As-is against to-be: the comparison and the check reports of both workbooks."""
    from xlplugin.core.analysis.compare import compare
    from xlplugin.core.checks import validate
    from xlplugin.core.model import Journey
    from xlplugin.workbook import read_workbook

    a, b = read_workbook(as_is), read_workbook(to_be)
    comparison = compare(Journey.from_document(a.document), Journey.from_document(b.document))
    return comparison, validate(a, file=str(as_is)), validate(b, file=str(to_be))


@dataclass
class Deck:
    """What deck did: the file written (None when errors stopped it), the report, the slide count."""

    path: Path | None
    report: Report
    slides: int = 0


def deck_workbook(
    path: str | Path, output: str | Path | None = None, template: str | Path | None = None,
    lang: Lang | None = None, allow_errors: bool = False, compare: str | Path | None = None,
) -> Deck:
    """Write the management deck for the workbook at `path` (NAME.pptx beside it unless
    `output` is given). A workbook with errors gets no deck unless `allow_errors`; then
    every slide is marked as a draft with the error count. With `compare` (the as-is
    workbook) the deck adds the before/after; its errors count as the workbook's."""
    from xlplugin.core.checks import validate
    from xlplugin.workbook import read_workbook

    source = Path(path)
    result = read_workbook(source)
    report = validate(result, file=str(source))
    before = None
    errors = report.counts["error"]
    if compare is not None:
        before = read_workbook(Path(compare))
        before_report = validate(before, file=str(compare))
        errors += before_report.counts["error"]
        if not before_report.valid and report.valid:
            report = before_report
    if errors and not allow_errors:
        return Deck(None, report)
    target = Path(output) if output is not None else source.with_suffix(".pptx")
    return Deck(target, report, write_deck(result.document, target, lang, template, errors=errors,
                                           before=before.document if before is not None else None))


def write_deck(document: Document, target: Path, lang: Lang | None = None, template: str | Path | None = None,
               errors: int = 0, before: Document | None = None) -> int:
    """Write the deck of a journey document to `target` (atomically); returns the slide count.
    `errors` > 0 marks it as a draft; `before` (the as-is document) adds the before/after."""
    from xlplugin.core.analysis.compare import compare as compare_journeys
    from xlplugin.core.analysis.ranking import rank_gaps
    from xlplugin.core.model import Journey
    from xlplugin.deck import build_deck
    from xlplugin.files.safe import atomic_save

    journey = Journey.from_document(document)
    as_is = Journey.from_document(before) if before is not None else None
    comparison = compare_journeys(as_is, journey) if as_is is not None else None
    prs = build_deck(journey, rank_gaps(journey), lang or journey.language, template, errors=errors,
                     comparison=comparison, before=as_is)
    atomic_save(target, prs.save)
    return len(prs.slides)


def write_overview(portfolio: Portfolio, path: str | Path, lang: Lang, template: str | Path | None = None) -> Path:
    """Write the overview to `path`: a workbook (.xlsx) or a deck (.pptx, in `template`'s design)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from xlplugin.workbook.overview import write_overview_workbook

        return write_overview_workbook(portfolio, path, lang)
    if suffix == ".pptx":
        from xlplugin.deck.portfolio_slides import build_portfolio_deck
        from xlplugin.files.safe import atomic_save

        prs = build_portfolio_deck(portfolio, lang, template)
        return atomic_save(path, prs.save)
    raise WorkbookError(Text(f"{path}: the overview is a workbook (.xlsx) or a deck (.pptx).",
                             f"{path}: het overzicht is een werkmap (.xlsx) of een presentatie (.pptx)."))


def load_document(path: str | Path) -> Document:
    """A journey document from a JSON file, checked against the schema."""
    path = Path(path)
    try:
        document = json.loads(path.read_text("utf-8"))
    except FileNotFoundError as exc:
        raise WorkbookError(Text(f"File not found: {quote_path(path)}", f"Bestand niet gevonden: {quote_path(path)}")) from exc
    except json.JSONDecodeError as exc:  # its own words are English: say where instead
        name = quote_path(path.name)
        raise WorkbookError(Text(
            f"{name} is not a readable JSON file: the text breaks off at line {exc.lineno}, column {exc.colno}.",
            f"{name} is geen leesbaar JSON-bestand: de tekst loopt mis op regel {exc.lineno}, kolom {exc.colno}.",
        )) from exc
    except (OSError, UnicodeDecodeError) as exc:
        name = quote_path(path.name)
        raise WorkbookError(Text(
            f"{name} is not a readable JSON file (not UTF-8 text, or it cannot be opened).",
            f"{name} is geen leesbaar JSON-bestand (geen UTF-8-tekst, of het kan niet geopend worden).",
        )) from exc
    problems = list(schema_errors(document))
    if problems:
        listed = "; ".join(f"{p.pointer or '/'}: {p.reason}" for p in problems[:5])
        more = f" (+{len(problems) - 5})" if len(problems) > 5 else ""
        raise WorkbookError(
            Text(
                f"{path.name} is not a journey document (schema/journey.schema.json): {listed}{more}",
                f"{path.name} is geen klantreisdocument (schema/journey.schema.json): {listed}{more}",
            )
        )
    return document


def import_document(
    json_path: str | Path, out: str | Path, force: bool = False, lang: Lang | None = None
) -> Path:
    """Write the journey workbook for the JSON document at `json_path`."""
    from xlplugin.workbook import write_workbook

    document = load_document(json_path)
    out = Path(out)
    _refuse_overwrite(out, force)
    return write_workbook(out, document, lang)


@dataclass
class Demo:
    """What the demo wrote."""

    workbook: Path
    json: Path
    example: str
    report: Report
    priorities: object
    deck: Path | None
    slides: int


def run_demo(folder: str | Path = "xlplugin-demo", example: str = DEMO_EXAMPLE, force: bool = False) -> Demo:
    """The whole job on a built-in example: write the workbook, check it, rank the gaps,
    export its JSON and write the deck. Earlier output in `folder` is replaced only with `force`."""
    folder = Path(folder)
    earlier = [folder / f"{example}.{ext}" for ext in ("xlsx", "json", "pptx")]
    if not force and any(p.exists() for p in earlier):
        raise WorkbookError(Text(
            f"{quote_path(folder)} already holds the demo's files; give another folder, or add --force to replace them.",
            f"{quote_path(folder)} bevat de bestanden van de demo al; kies een andere map, of voeg --force toe om ze "
            "te vervangen.",
        ))
    folder.mkdir(parents=True, exist_ok=True)
    workbook = new_workbook(folder / f"{example}.xlsx", example=example, force=True)
    exported = export_workbook(workbook)
    target = folder / f"{example}.json"
    target.write_text(document_json(exported.document), "utf-8")
    gaps = gaps_workbook(workbook)
    deck = deck_workbook(workbook)
    return Demo(workbook, target, example, gaps.report, gaps.priorities, deck.path, deck.slides)

"""The command line: each command parses its options, makes one library call, prints
the result and sets the exit code (0 ok, 1 problems in the data, 2 cannot proceed)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from xlplugin.cli.parser import HelpfulParser, guide, quote_path, warn
from xlplugin.core.analysis.survey_stats import MIN_RESPONDENTS
from xlplugin.errors import WorkbookError
from xlplugin.text import LANGUAGES, Lang, Text, message_lang

EXIT_OK, EXIT_PROBLEMS, EXIT_CANNOT = 0, 1, 2


def _say(text: str) -> None:
    print(text)


def _fail(text: str) -> int:
    print(f"xlplugin: {text}", file=sys.stderr)
    return EXIT_CANNOT


def cmd_new(args: argparse.Namespace) -> int:
    """Write a new journey workbook: the empty template, or a filled-in example.

    Example: xlplugin new klantreis.xlsx --lang nl
             xlplugin new laptop.xlsx --example laptop-request
    """
    from xlplugin.api import new_workbook

    path = new_workbook(args.path, args.lang, args.example, args.force)
    what = f"example '{args.example}'" if args.example else f"template ({args.lang or 'en'})"
    _say(f"Wrote {what}: {path}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Check a journey workbook: every problem, at its sheet and cell, with how to fix it.

    Example: xlplugin check journey.xlsx
             xlplugin check journey.xlsx --format json --lang nl
             xlplugin check a.xlsx b.xlsx journeys/   (one summary per file)
    Exit 0 without errors (warnings allowed), 1 with errors, 2 when the file cannot be read.
    With several files: 1 when any has errors or cannot be read, 2 when none can be read.
    Messages are in the workbook's language unless --lang says otherwise.
    """
    import json

    from xlplugin.api import check_workbook

    if _many(args):
        return _each_file("check", args)
    report = check_workbook(args.path, args.min_respondents)
    lang = args.lang or report.language or message_lang()
    if args.format == "json":
        _say(json.dumps(report.to_dict(lang), indent=2, ensure_ascii=False))
    else:
        _say(report.summary(lang))
    return EXIT_OK if report.valid else EXIT_PROBLEMS


def cmd_gaps(args: argparse.Namespace) -> int:
    """Rank the touchpoints: important ones with a low rating first (the priority gaps).

    Example: xlplugin gaps journey.xlsx --top 5
             xlplugin gaps journey.xlsx --format csv > gaps.csv
             xlplugin gaps a.xlsx journeys/ --top 3   (one ranking per file)
    Gap score = 100 x (importance - min)/(max - min) x (max - rating)/(max - min).
    Exit 1 when the workbook has errors (the ranking then rests on what could be read).
    """
    import json

    from xlplugin.api import gaps_workbook
    from xlplugin.cli.gaps_text import gaps_csv, gaps_text

    if _many(args):
        return _each_file("gaps", args)
    gaps = gaps_workbook(args.path, importance=args.importance)
    lang = args.lang or gaps.report.language or message_lang()
    if args.format == "json":
        _say(json.dumps(gaps.priorities.to_dict(args.top), indent=2, ensure_ascii=False))
    elif args.format == "csv":
        sys.stdout.write(gaps_csv(gaps.priorities, args.top))
    else:
        _say(gaps_text(gaps.priorities, lang, args.top))
    if not gaps.report.valid:
        _point_to_check(gaps.report.headline(lang), args.path, lang)
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_progress(args: argparse.Namespace) -> int:
    """Follow up: per touchpoint the rating per wave, the change and its target; per action whether it is late.

    Example: xlplugin progress journey.xlsx
             xlplugin progress journey.xlsx --format json --today 2027-07-01
    A change is significant when Welch's t-test on the ratings of the last two waves gives
    p < 0.05. An action is overdue when its due date is before today and it is not done
    (today: --today, else XLPLUGIN_TODAY, else the system's date).
    Exit 1 when the workbook has errors (the progress then rests on what could be read).
    """
    import json

    from xlplugin.api import progress_workbook
    from xlplugin.cli.progress_text import progress_text

    done = progress_workbook(args.path, args.today)
    lang = args.lang or done.report.language or message_lang()
    if args.format == "json":
        _say(json.dumps(done.progress.to_dict(), indent=2, ensure_ascii=False))  # type: ignore[attr-defined]
    else:
        _say(progress_text(done.progress, lang))  # type: ignore[arg-type]
    if not done.report.valid:
        _point_to_check(done.report.headline(lang), args.path, lang)
        return EXIT_PROBLEMS
    return EXIT_OK


def _point_to_check(headline: str, path: object, lang: Lang) -> None:
    """Say on standard error that a workbook has errors, and which command shows where, in one language."""
    p = quote_path(path)
    print("xlplugin: " + Text(f"{headline} in {p}; run xlplugin check {p} to see where.",
                              f"{headline} in {p}; xlplugin check {p} laat zien waar.").in_(lang), file=sys.stderr)


def _many(args: argparse.Namespace) -> bool:
    """Several paths given, or a folder (folders are searched): one summary per file. One
    workbook keeps the output and exit codes it always had."""
    paths = args.path
    if len(paths) == 1 and not Path(paths[0]).is_dir():
        args.path = paths[0]
        return False
    return True


def _each_file(kind: str, args: argparse.Namespace) -> int:
    from xlplugin.cli.many import each_file_output

    text, code = each_file_output(kind, args.path, args.format, args.lang, getattr(args, "top", None), args.jobs,
                                  getattr(args, "importance", None))
    sys.stdout.write(text)
    return code


def cmd_portfolio(args: argparse.Namespace) -> int:
    """An overview of many journeys: each journey's findings and top gaps, and the gaps of all ranked together.

    Per journey its persona, findings, mean rating and top gaps; the priority gaps of all
    journeys ranked together; the phases they share side by side; and, for journeys with the
    same title or objective, where their personas differ.

    Example: xlplugin portfolio journeys/
             xlplugin portfolio journeys/ extra.xlsx --format json
             xlplugin portfolio journeys/ -o overview.xlsx     (or -o overview.pptx for a deck)
    PATHs are workbooks or folders (searched for .xlsx and .xlsm). Workbooks are read in
    parallel (--jobs, default all cores); a workbook that cannot be read is listed with its
    reason. Exit 0 when every journey was read without errors, 1 when any has errors or could
    not be read, 2 when none could be read.
    """
    import json

    from xlplugin.batch import read_portfolio
    from xlplugin.cli.bar import Bar
    from xlplugin.cli.portfolio_text import portfolio_text

    out = Path(args.output) if args.output else None
    if out is not None and out.suffix.lower() not in (".xlsx", ".pptx"):
        return _fail(Text(f"-o {out}: the overview is a workbook (.xlsx) or a deck (.pptx).",
                          f"-o {out}: het overzicht is een werkmap (.xlsx) of een presentatie (.pptx).").in_(message_lang()))
    bar = Bar(Text("workbooks", "werkmappen").in_(message_lang()))
    portfolio = read_portfolio(args.paths, args.jobs, bar, skip=[out] if out else [])
    lang = args.lang or portfolio.language() or message_lang()
    if out is not None and not portfolio.read:
        _say(portfolio_text(portfolio, lang, 0))
        return _fail(Text("no overview written: none of the workbooks could be read (see above).",
                          "geen overzicht geschreven: geen van de werkmappen was te lezen (zie boven).").in_(lang))
    if out is not None:
        from xlplugin.api import write_overview

        write_overview(portfolio, out, lang, args.template)
        read = len(portfolio.read)
        _say(Text(f"Wrote {out}: {len(portfolio.journeys)} journeys ({read} read)",
                  f"{out} geschreven: {len(portfolio.journeys)} klantreizen ({read} gelezen)").in_(lang))
    elif args.format == "json":
        _say(json.dumps(portfolio.to_dict(lang, args.top), indent=2, ensure_ascii=False))
    else:
        _say(portfolio_text(portfolio, lang, 20 if args.top is None else args.top))
    return portfolio.exit_code


def cmd_compare(args: argparse.Namespace) -> int:
    """Compare an as-is journey with its to-be redesign, touchpoint by touchpoint (by ID).

    Example: xlplugin compare as-is.xlsx to-be.xlsx
    Shows the change in rating, emotion, gap score and quadrant, the touchpoints added
    and removed, and the phases that changed. Exit 1 when either workbook has errors.
    """
    import json

    from xlplugin.api import compare_workbooks
    from xlplugin.cli.compare_text import comparison_text

    comparison, report_a, report_b = compare_workbooks(args.as_is, args.to_be)
    lang = args.lang or report_b.language or message_lang()
    if args.format == "json":
        _say(json.dumps(comparison.to_dict(), indent=2, ensure_ascii=False))
    else:
        _say(comparison_text(comparison, lang))
    warn(list(comparison.warnings), lang)
    bad = [r for r in (report_a, report_b) if not r.valid]
    for r in bad:
        _point_to_check(r.headline(lang), r.file, lang)
    return EXIT_PROBLEMS if bad else EXIT_OK


def cmd_annotate(args: argparse.Namespace) -> int:
    """Check a workbook and write the result into it, as the Check button does in Excel.

    Example: xlplugin annotate journey.xlsx           (writes journey.checked.xlsx)
             xlplugin annotate journey.xlsx --in-place  (keeps journey.backup.xlsx)
    Adds the Findings and Priorities sheets, colours each faulty cell and gives it a note,
    and writes the date of the check on the Start sheet; a later run first takes the
    earlier marks away (the cell's own colour comes back). Nothing else changes: images,
    charts, the user's comments, macros and styles stay.
    Exit 0 without errors, 1 with errors, 2 when the file cannot be read or written.
    """
    from xlplugin.api import annotate_workbook

    done = annotate_workbook(args.path, args.output, args.in_place, args.lang, args.min_respondents)
    lang = args.lang or done.report.language or message_lang()
    _say(f"{done.path}: {done.report.headline(lang)}")
    outcome = done.outcome
    _say(Text(f"marked {outcome.marked} cells ({outcome.notes} notes)", f"{outcome.marked} cellen gemarkeerd "
              f"({outcome.notes} notities)").in_(lang) + (Text(f"; {len(outcome.kept_notes)} own notes kept",
              f"; {len(outcome.kept_notes)} eigen notities behouden").in_(lang) if outcome.kept_notes else ""))
    if done.backup:
        _say(Text(f"backup: {done.backup}", f"reservekopie: {done.backup}").in_(lang))
    return EXIT_OK if done.report.valid else EXIT_PROBLEMS


def cmd_export(args: argparse.Namespace) -> int:
    """Export a journey workbook as a JSON document (schema/journey.schema.json).

    Example: xlplugin export journey.xlsx -o journey.json
    Without -o the JSON goes to standard output. Exit 1 when the check finds errors
    (as many as xlplugin check lists; run it to see where).
    """
    from xlplugin.api import document_json, export_workbook

    exported = export_workbook(args.path)
    text = document_json(exported.document)
    if args.output:
        from xlplugin.files.safe import atomic_save

        atomic_save(Path(args.output), lambda tmp: Path(tmp).write_text(text, "utf-8"))
        _say(f"Wrote {args.output}")
    else:
        sys.stdout.write(text)
    if not exported.valid:
        n, shown = exported.errors or 1, quote_path(args.path)
        print("xlplugin: " + Text(
            f"{n} {'error' if n == 1 else 'errors'} in {shown}: the JSON holds what could be read. "
            f"Run 'xlplugin check {shown}' to see where.",
            f"{n} {'fout' if n == 1 else 'fouten'} in {shown}: de JSON bevat wat gelezen kon worden. "
            f"Voer 'xlplugin check {shown}' uit om te zien waar.",
        ).in_(message_lang()), file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Write a journey workbook from a JSON document.

    Example: xlplugin import journey.json -o journey.xlsx
    """
    from xlplugin.api import import_document

    path = import_document(args.json, args.output, args.force, args.lang)
    _say(f"Wrote {path}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    """Run the whole job on a built-in example: workbook, check, priorities, JSON and deck.

    Example: xlplugin demo             (writes into ./xlplugin-demo)
             xlplugin demo out/ --example laptop-request
    """
    from xlplugin.api import run_demo
    from xlplugin.cli.gaps_text import gaps_text

    demo = run_demo(args.dir, args.example, args.force)
    lang = demo.report.language or "en"
    _say(f"xlplugin demo: example '{demo.example}'")
    _say(f"  workbook: {demo.workbook}")
    _say(f"  check:    {demo.report.headline(lang)}")
    _say(f"  JSON:     {demo.json}")
    _say(f"  deck:     {demo.deck} ({demo.slides} {Text('slides', 'dia' + chr(39) + 's').in_(lang)})")
    _say("")
    _say(gaps_text(demo.priorities, lang, top=5))  # type: ignore[arg-type]
    return EXIT_OK


def cmd_deck(args: argparse.Namespace) -> int:
    """Write the PowerPoint deck for management: native charts, real tables, editable text.

    Example: xlplugin deck journey.xlsx                      (writes journey.pptx)
             xlplugin deck journey.xlsx --template huisstijl.pptx -o board.pptx
             xlplugin deck to-be.xlsx --compare as-is.xlsx     (adds the before/after)
    With --template the deck uses that file's slide master, layouts, fonts and colours and
    none of its example slides. A workbook with errors gives no deck (exit 1) unless
    --allow-errors, which marks every slide as a draft with the error count.
    """
    from xlplugin.api import deck_workbook

    done = deck_workbook(args.path, args.output, args.template, args.lang, args.allow_errors, args.compare)
    lang = args.lang or done.report.language or message_lang()
    if done.path is None:
        _say(done.report.summary(lang))
        print("xlplugin: " + Text("no deck written: fix the errors above, or add --allow-errors.",
                                  "geen presentatie geschreven: herstel de fouten hierboven, of voeg "
                                  "--allow-errors toe.").in_(lang), file=sys.stderr)
        return EXIT_PROBLEMS
    slides = Text("slides", "dia's").in_(lang)
    _say(f"{done.path}: {done.slides} {slides} ({done.report.headline(lang)})")
    return EXIT_OK if done.report.valid else EXIT_PROBLEMS


def cmd_excel(args: argparse.Namespace) -> int:
    """Put the Journey tab into Excel: buttons Check, Priorities, Deck and New template.

    Example: xlplugin excel install                  (Windows or macOS, with Excel closed)
             xlplugin excel install --dry-run -o out/ (only build out/xlplugin.xlam)
             xlplugin excel uninstall
             xlplugin excel lite -o lite/            (Excel on the web: files for xlwings Lite, and the wheel)
    install builds xlplugin.xlam from the add-in that xlwings ships, with this Python as
    its interpreter, and puts it in Excel's XLSTART folder; needs xlplugin[excel].
    """
    if args.action == "lite":
        from xlplugin.lite.package import write_lite

        for path in write_lite(Path(args.output or "xlplugin-lite"), args.wheel_url):
            _say(f"Wrote {path}")
        return EXIT_OK
    from xlplugin.excel import addin

    if args.action == "uninstall":
        removed = addin.uninstall()
        _say(f"Removed {removed}" if removed else "The add-in was not installed.")
        return EXIT_OK
    if args.dry_run:
        built = addin.build_addin(Path(args.output or "."), args.interpreter)
        _say(f"Built {built.path} (xlwings {built.xlwings_version}; not installed)")
        return EXIT_OK
    built = addin.install()
    _say(f"Installed {built.path} (xlwings {built.xlwings_version}, Python {built.interpreter}).")
    _say("Start Excel: the Journey tab is on the ribbon.")
    return EXIT_OK


def cmd_calc(args: argparse.Namespace) -> int:
    """Put the Journey menu and toolbar into LibreOffice Calc: Check, Priorities, Deck, New template.

    Example: xlplugin calc install            (as your own user, with LibreOffice closed)
             xlplugin calc build -o out/      (only build out/xlplugin.oxt)
             xlplugin calc uninstall
    The extension runs xlplugin from this Python, which must be the Python version that
    LibreOffice runs (Linux: the system python3 with python3-uno).
    """
    from xlplugin.calc import extension

    profile = Path(args.profile) if args.profile else None
    if args.action == "build":
        _say(f"Built {extension.build_oxt(Path(args.output or '.'))} (not installed)")
        return EXIT_OK
    if args.action == "uninstall":
        removed = extension.uninstall(profile)
        _say("Removed the Journey menu from LibreOffice." if removed else "The extension was not installed.")
        return EXIT_OK
    extension.install(profile)
    _say("Installed the Journey menu in LibreOffice: start Calc and open a journey workbook.")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from xlplugin import __version__
    from xlplugin.core.examples import DEMO_EXAMPLE, EXAMPLES

    parser = HelpfulParser(
        prog="xlplugin",
        description="Customer journey maps and service blueprints kept in Excel.",
    )
    parser.add_argument("--version", action="version", version=f"xlplugin {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, func: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        doc = func.__doc__ or ""
        p = sub.add_parser(
            name,
            help=doc.splitlines()[0],
            description=doc,
            epilog=guide(name),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(func=func)
        return p

    examples = ", ".join(EXAMPLES)
    p = command("new", cmd_new)
    p.add_argument("path", help="the .xlsx file to write")
    p.add_argument(
        "--lang", choices=LANGUAGES, help="language of the workbook (default: en, or the example's)"
    )
    p.add_argument(
        "--example", metavar="NAME", choices=list(EXAMPLES), help=f"fill in an example: {examples}"
    )
    p.add_argument("--force", action="store_true", help="replace the file if it exists")

    p = command("check", cmd_check)
    p.add_argument("path", nargs="+", help="the journey workbook (.xlsx); several, or folders, for one summary each")
    p.add_argument("--jobs", type=int, metavar="N", help="several files: read N at a time (default: all cores)")
    p.add_argument("--format", choices=["text", "json"], default="text", help="text for people (default), json for tools")
    p.add_argument("--lang", choices=LANGUAGES, help="language of the messages (default: the workbook's)")
    p.add_argument("--min-respondents", type=int, default=MIN_RESPONDENTS, metavar="N",
                   help="warn when a rating rests on fewer respondents than N (default %(default)s)")

    p = command("gaps", cmd_gaps)
    p.add_argument("path", nargs="+", help="the journey workbook (.xlsx); several, or folders, for one ranking each")
    p.add_argument("--jobs", type=int, metavar="N", help="several files: read N at a time (default: all cores)")
    p.add_argument("--format", choices=["text", "json", "csv"], default="text", help="text (default), json or csv")
    p.add_argument("--top", type=int, metavar="N", help="only the N largest gaps")
    p.add_argument("--lang", choices=LANGUAGES, help="language of the text output (default: the workbook's)")
    p.add_argument("--importance", choices=["stated", "derived"],
                   help="rank on stated importance or on importance derived from the Overall column "
                        "(default: the Journey sheet's Importance source)")

    p = command("progress", cmd_progress)
    p.add_argument("path", help="the journey workbook (.xlsx)")
    p.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or json")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="the date actions are overdue against (default: today)")
    p.add_argument("--lang", choices=LANGUAGES, help="language of the text output (default: the workbook's)")

    p = command("portfolio", cmd_portfolio)
    p.add_argument("paths", nargs="+", metavar="PATH", help="journey workbooks, or folders of them")
    p.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or json")
    p.add_argument("-o", "--output", metavar="OUT", help="write the overview as a workbook (.xlsx) or a deck (.pptx)")
    p.add_argument("--template", metavar="BRAND.pptx", help="-o .pptx: the company's PowerPoint template")
    p.add_argument("--top", type=int, metavar="N", help="only the N largest gaps across journeys (text: 20)")
    p.add_argument("--jobs", type=int, metavar="N", help="read N workbooks at a time (default: all cores)")
    p.add_argument("--lang", choices=LANGUAGES, help="language of the output (default: the journeys')")

    p = command("compare", cmd_compare)
    p.add_argument("as_is", metavar="AS-IS.xlsx", help="the journey today")
    p.add_argument("to_be", metavar="TO-BE.xlsx", help="the redesigned journey")
    p.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or json")
    p.add_argument("--lang", choices=LANGUAGES, help="language of the text output (default: the to-be workbook's)")

    p = command("annotate", cmd_annotate)
    p.add_argument("path", help="the journey workbook (.xlsx or .xlsm)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="OUT.xlsx", help="write here (default: NAME.checked.xlsx)")
    where.add_argument("--in-place", action="store_true", help="change the workbook itself, keeping NAME.backup.xlsx")
    p.add_argument("--lang", choices=LANGUAGES, help="language of the Findings sheet (default: the workbook's)")
    p.add_argument("--min-respondents", type=int, default=MIN_RESPONDENTS, metavar="N", help="as for check")

    p = command("export", cmd_export)
    p.add_argument("path", help="the journey workbook (.xlsx)")
    p.add_argument(
        "-o", "--output", metavar="OUT.json", help="write the JSON here instead of to standard output"
    )

    p = command("import", cmd_import)
    p.add_argument("json", help="the journey document (.json)")
    p.add_argument("-o", "--output", metavar="OUT.xlsx", required=True, help="the workbook to write")
    p.add_argument("--lang", choices=LANGUAGES, help="language of the workbook (default: the document's)")
    p.add_argument("--force", action="store_true", help="replace the file if it exists")

    p = command("deck", cmd_deck)
    p.add_argument("path", help="the journey workbook (.xlsx)")
    p.add_argument("-o", "--output", metavar="OUT.pptx", help="where to write (default: NAME.pptx beside the workbook)")
    p.add_argument("--template", metavar="BRAND.pptx", help="the company's PowerPoint template")
    p.add_argument("--lang", choices=LANGUAGES, help="language of the deck (default: the workbook's)")
    p.add_argument("--allow-errors", action="store_true", help="write the deck even when the check finds errors")
    p.add_argument("--compare", metavar="AS-IS.xlsx", help="the as-is workbook: add the before/after slides")

    p = command("excel", cmd_excel)
    p.add_argument("action", choices=["install", "uninstall", "lite"], help="what to do")
    p.add_argument("--dry-run", action="store_true", help="install: build the add-in only, do not install it")
    p.add_argument("-o", "--output", metavar="DIR", help="folder for --dry-run or lite (default: . / xlplugin-lite)")
    p.add_argument("--interpreter", metavar="PYTHON", help="--dry-run: the Python the add-in runs (default: none set)")
    p.add_argument("--wheel-url", metavar="URL", help="lite: where the xlplugin wheel written beside main.py is served")

    p = command("calc", cmd_calc)
    p.add_argument("action", choices=["install", "uninstall", "build"], help="what to do")
    p.add_argument("-o", "--output", metavar="DIR", help="build: the folder for xlplugin.oxt (default: .)")
    p.add_argument("--profile", metavar="DIR", help="install/uninstall: a LibreOffice user profile other than your own")

    p = command("demo", cmd_demo)
    p.add_argument(
        "dir", nargs="?", default="xlplugin-demo", help="folder to write into (default: xlplugin-demo)"
    )
    p.add_argument(
        "--example", metavar="NAME", choices=list(EXAMPLES), default=DEMO_EXAMPLE, help=f"one of: {examples}"
    )
    p.add_argument("--force", action="store_true", help="replace the demo's files from an earlier run")
    from xlplugin.cli.survey import add_parser as add_survey_parser
    add_survey_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except WorkbookError as exc:
        return _fail(exc.in_(message_lang()))
    except KeyboardInterrupt:
        return _fail(Text("interrupted", "onderbroken").in_(message_lang()))
    except BrokenPipeError:  # the reader stopped (`| head`): nothing is wrong, nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 1
    except Exception as exc:  # the last guard: a person never gets a traceback
        if os.environ.get("XLPLUGIN_DEBUG"):
            raise
        return _fail(Text(
            f"unexpected error ({type(exc).__name__}: {exc}). This is a bug in xlplugin; "
            "run again with XLPLUGIN_DEBUG=1 for the details and report them.",
            f"onverwachte fout ({type(exc).__name__}: {exc}). Dit is een fout in xlplugin; "
            "voer het opnieuw uit met XLPLUGIN_DEBUG=1 voor de details en meld die.",
        ).in_(message_lang()))


if __name__ == "__main__":
    sys.exit(main())

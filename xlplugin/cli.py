"""The command line: each command parses its options, makes one library call, prints
the result and sets the exit code (0 ok, 1 problems in the data, 2 cannot proceed)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import WorkbookError
from .text import LANGUAGES, Lang

EXIT_OK, EXIT_PROBLEMS, EXIT_CANNOT = 0, 1, 2


def message_lang() -> Lang:
    """The language of the tool's own messages: XLPLUGIN_LANG, else the system's LANG."""
    value = os.environ.get("XLPLUGIN_LANG") or os.environ.get("LANG") or ""
    return "nl" if value.lower().startswith("nl") else "en"


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
    from .api import new_workbook

    path = new_workbook(args.path, args.lang, args.example, args.force)
    what = f"example '{args.example}'" if args.example else f"template ({args.lang or 'en'})"
    _say(f"Wrote {what}: {path}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Export a journey workbook as a JSON document (schema/journey.schema.json).

    Example: xlplugin export journey.xlsx -o journey.json
    Without -o the JSON goes to standard output. Exit 1 when values in the workbook
    do not fit the schema (run xlplugin check to see where).
    """
    from .api import document_json, export_workbook

    exported = export_workbook(args.path)
    text = document_json(exported.document)
    if args.output:
        from .workbook.safe import atomic_save

        atomic_save(Path(args.output), lambda tmp: Path(tmp).write_text(text, "utf-8"))
        _say(f"Wrote {args.output}")
    else:
        sys.stdout.write(text)
    if not exported.valid:
        problems = len(exported.schema_errors) + sum(f.severity == "error" for f in exported.findings)
        print(
            f"xlplugin: {problems} problem(s) in {args.path}: the JSON holds what could be read. "
            f"Run 'xlplugin check {args.path}' to see where.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Write a journey workbook from a JSON document.

    Example: xlplugin import journey.json -o journey.xlsx
    """
    from .api import import_document

    path = import_document(args.json, args.output, args.force, args.lang)
    _say(f"Wrote {path}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    """Run the whole job on a built-in example and say what was written.

    Example: xlplugin demo             (writes into ./xlplugin-demo)
             xlplugin demo out/ --example laptop-request
    """
    from .api import run_demo

    demo = run_demo(args.dir, args.example)
    _say(f"xlplugin demo: example '{demo.example}'")
    _say(f"  workbook: {demo.workbook}")
    _say(f"  JSON:     {demo.json}")
    _say("Open the workbook in Excel or LibreOffice; the Start sheet explains the method.")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from .examples import DEMO_EXAMPLE, EXAMPLES

    parser = argparse.ArgumentParser(
        prog="xlplugin",
        description="Customer journey maps and service blueprints kept in Excel.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, func: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        doc = func.__doc__ or ""
        p = sub.add_parser(
            name,
            help=doc.splitlines()[0],
            description=doc,
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

    p = command("demo", cmd_demo)
    p.add_argument(
        "dir", nargs="?", default="xlplugin-demo", help="folder to write into (default: xlplugin-demo)"
    )
    p.add_argument(
        "--example", metavar="NAME", choices=list(EXAMPLES), default=DEMO_EXAMPLE, help=f"one of: {examples}"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except WorkbookError as exc:
        return _fail(exc.in_(message_lang()))
    except KeyboardInterrupt:
        return _fail("interrupted")


if __name__ == "__main__":
    sys.exit(main())

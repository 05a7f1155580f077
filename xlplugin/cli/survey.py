"""The `survey` command: `survey make` (the questionnaire out of the journey) and `survey import`
(the answers of survey tools back in). Every word it prints is here, in English and Dutch;
the language is the workbook's unless --lang says otherwise."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from xlplugin.cli.parser import guide
from xlplugin.errors import WorkbookError, quote_path
from xlplugin.text import LANGUAGES, Lang, Text, message_lang

EXIT_OK, EXIT_PROBLEMS, EXIT_CANNOT = 0, 1, 2

FIELD_WORDS = {
    "importance": Text("importance", "belang"),
    "rating": Text("satisfaction", "tevredenheid"),
    "comment": Text("comment", "opmerking"),
    "overall": Text("overall satisfaction (Overall)", "totaaloordeel"),
    "general_comment": Text("general comment (kept with the respondent)",
                            "algemene opmerking (bij de respondent bewaard)"),
}
HOW_WORDS = {
    "id": Text("by its ID", "op ID"),
    "text": Text("by its text", "op tekst"),
    "fuzzy": Text("by its text, nearly the same", "op tekst, bijna gelijk"),
    "map": Text("by the --map file", "volgens het --map-bestand"),
    "order": Text("by order: the first grid is importance, the second satisfaction",
                  "op volgorde: het eerste raster is belang, het tweede tevredenheid"),
    "answers": Text("by the words of its answers", "op de woorden van de antwoorden"),
}
EXCLUDED_WORDS = {
    "preview": Text("preview or test", "voorbeeld of test"),
    "empty": Text("without any touchpoint answered", "zonder één beantwoord contactmoment"),
    "duplicate": Text("a response id given twice", "een antwoord-id dat twee keer voorkomt"),
}


def _fail(text: str) -> int:
    print(f"xlplugin: {text}", file=sys.stderr)
    return EXIT_CANNOT


def _workbook_lang(path: str) -> Lang | None:
    """The workbook's language, or None when it cannot be read (the error comes later, in full)."""
    try:
        from xlplugin.workbook import read_workbook

        return read_workbook(path).language
    except Exception:  # any reason it cannot be read is reported by the command itself
        return None


def cmd_survey_import(args: argparse.Namespace) -> int:
    """Read survey tools' exports into the Responses sheet: one row per respondent per touchpoint answered.

    Example: xlplugin survey import answers.xlsx --into journey.xlsx --in-place
             xlplugin survey import wave2.csv --into journey.xlsx --wave 2027-Q2 -o journey-q2.xlsx
             xlplugin survey import export.csv --into journey.xlsx --dry-run --format json
    Reads Microsoft Forms (.xlsx), Google Forms, Qualtrics, SurveyMonkey, LimeSurvey and Typeform
    exports and any one-header table; says which tool it took. Columns go to touchpoints by the ID
    in the question ("(E05)", "[E05]", "BELANG[E05]"), else by the touchpoint's text, else by
    --map MAP.csv (column,touchpoint_id,field). Importing the same export again replaces that wave's
    rows of its respondents; it never doubles them.
    Exit 0 imported, 1 some answers unreadable (listed), 2 nothing could be mapped, another scale,
    or a file that cannot be read.
    """
    from xlplugin.surveys.importer import import_exports

    lang: Lang = args.lang or _workbook_lang(args.into) or message_lang()
    try:
        done = import_exports(args.exports, args.into, args.wave, args.output, args.in_place, args.map,
                              args.dry_run, args.lang)
    except WorkbookError as exc:
        return _fail(exc.in_(lang))
    lang = args.lang or done.language
    if args.format == "json":
        items = [e.to_dict(lang) for e in done.exports]
        print(json.dumps(items[0] if len(items) == 1 else items, indent=2, ensure_ascii=False, default=str))
    else:
        print(import_text(done, lang))
    return done.exit_code


def import_text(done: object, lang: Lang) -> str:
    """The report of an import for people."""
    from xlplugin.surveys.detect import TOOLS
    from xlplugin.surveys.importer import ImportResult

    assert isinstance(done, ImportResult)
    t = lambda en, nl: Text(en, nl).in_(lang)  # noqa: E731
    lines: list[str] = []
    for e in done.exports:
        name = quote_path(Path(e.file).name)
        tool = TOOLS[e.tool] if lang == "en" or e.tool != "plain" else "gewone tabel"
        note = f" ({e.layout.note})" if e.layout.note and lang == "en" else ""
        lines.append(t(f"{name}: read as a {tool} export{note}", f"{name}: gelezen als export van {tool}"))
        if e.wave_from == "option":
            lines.append(t(f"  wave: {e.wave}", f"  meting: {e.wave}"))
        else:
            lines.append(t(f"  wave: {e.wave} (named after the latest submission; give --wave NAME to name it "
                           "otherwise)", f"  meting: {e.wave} (genoemd naar de laatste inzending; geef --wave NAAM "
                           "voor een andere naam)"))
        lines.append(t("  columns:", "  kolommen:"))
        for m in e.mapped:
            letter = _letter(m.column.index)
            what = FIELD_WORDS[m.field or "rating"].in_(lang)
            target = f"{m.touchpoint_id} {what}" if m.touchpoint_id else what
            how = (Text(f"about the phase {m.how[6:]}", f"over de fase {m.how[6:]}") if m.how.startswith("phase:")
                   else HOW_WORDS.get(m.how, Text("", ""))).in_(lang)
            lines.append(f"    {letter:>3} {_short(m.column.text)!r} -> {target}" + (f" ({how})" if how else ""))
        if e.ignored:
            lines.append(t("  ignored:", "  genegeerd:"))
            for i in e.ignored:
                lines.append(f"    {_letter(i.column.index):>3} {_short(i.column.text)!r}: {i.reason.in_(lang)}")
        left = [f"{n} {EXCLUDED_WORDS[k].in_(lang)}" for k, n in e.excluded.items() if n]
        lines.append(t(f"  respondents: {e.respondents} imported", f"  respondenten: {e.respondents} geïmporteerd")
                     + (t(f", {sum(e.excluded.values())} left out ({'; '.join(left)})",
                          f", {sum(e.excluded.values())} weggelaten ({'; '.join(left)})") if left else ""))
        lines.append(t(f"  rows: {len(e.rows)}", f"  regels: {len(e.rows)}"))
        if e.unreadable:
            lines.append(t(f"  unreadable answers ({len(e.unreadable)}; left empty):",
                           f"  onleesbare antwoorden ({len(e.unreadable)}; leeg gelaten):"))
            for u in e.unreadable[:200]:
                lines.append(t(f"    row {u.row}, column {u.column} ({_short(u.header, 40)!r}): {u.value!r}: "
                               f"{u.reason.en}", f"    regel {u.row}, kolom {u.column} ({_short(u.header, 40)!r}): "
                               f"{u.value!r}: {u.reason.nl}"))
            if len(e.unreadable) > 200:
                lines.append(t(f"    ... and {len(e.unreadable) - 200} more (--format json lists them all)",
                               f"    ... en nog {len(e.unreadable) - 200} (--format json noemt ze allemaal)"))
    change = t(f"{done.added} rows added, {done.replaced} replaced", f"{done.added} regels toegevoegd, "
               f"{done.replaced} vervangen") + (t(f", {done.removed} emptied", f", {done.removed} leeggemaakt")
                                                if done.removed else "")
    if done.dry_run:
        lines.append(t(f"dry run: nothing written ({change} if imported)",
                       f"proefrun: niets geschreven ({change} bij importeren)"))
    else:
        sheet = done.sheet + (t(", a new sheet", ", een nieuw blad") if done.created else "")
        lines.append(t(f"wrote {done.target} (sheet {sheet}): {change}",
                       f"{done.target} geschreven (blad {sheet}): {change}"))
        if done.backup:
            lines.append(t(f"backup: {done.backup}", f"reservekopie: {done.backup}"))
        lines.append(t(f"next: xlplugin gaps {quote_path(done.target)}   and   xlplugin progress "
                       f"{quote_path(done.target)}",
                       f"daarna: xlplugin gaps {quote_path(done.target)}   en   xlplugin progress "
                       f"{quote_path(done.target)}"))
    return "\n".join(lines)


def _letter(index: int) -> str:
    from xlplugin.core.document import column_letter

    return column_letter(index + 1)


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def cmd_survey_make(args: argparse.Namespace) -> int:
    """Write the questionnaire of a journey: per touchpoint importance and satisfaction, overall, a comment.

    Example: xlplugin survey make journey.xlsx -o survey/
             xlplugin survey make journey.xlsx -o survey/ --format qualtrics --touchpoints E01,E05
    Formats: docx (a Word questionnaire, for print, interviews and Microsoft Forms' import from Word),
    qualtrics (Advanced TXT import), limesurvey (.lss), google (an Apps Script that builds the form),
    all (the default). Each question carries the touchpoint's ID as "(E05)", so `survey import`
    maps the answers back without a map file.
    """
    from xlplugin.surveys.make import make_questionnaire

    lang: Lang = args.lang or _workbook_lang(args.workbook) or message_lang()
    only = [x for x in (args.touchpoints or "").replace(";", ",").split(",") if x.strip()] or None
    try:
        done = make_questionnaire(args.workbook, args.output, args.lang, args.format, only)
    except WorkbookError as exc:
        return _fail(exc.in_(lang))
    lang = args.lang or done.lang
    t = lambda en, nl: Text(en, nl).in_(lang)  # noqa: E731
    print(t(f"questionnaire for {done.touchpoints} touchpoints ({done.questions} questions, scale "
            f"{done.scale}) in {done.folder}:",
            f"vragenlijst voor {done.touchpoints} contactmomenten ({done.questions} vragen, schaal {done.scale}) "
            f"in {done.folder}:"))
    for path, what in done.files:
        print(f"  {path.name}: {what.in_(lang)}")
    print(t(f"then: collect the answers, export them, and run xlplugin survey import EXPORT --into "
            f"{quote_path(args.workbook)}",
            f"daarna: verzamel de antwoorden, exporteer ze, en voer xlplugin survey import EXPORT --into "
            f"{quote_path(args.workbook)} uit"))
    return EXIT_OK


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add `survey make` and `survey import` to the command line's subcommands."""
    doc = "The survey loop: the questionnaire out of the journey, the answers from survey tools back in."
    description = (
        f"{doc}\n\n"
        "Example: xlplugin survey make journey.xlsx -o survey/\n"
        "         xlplugin survey import export.xlsx --into journey.xlsx --in-place\n"
        "See 'xlplugin survey make --help' and 'xlplugin survey import --help'."
    )
    p = subparsers.add_parser("survey", help=doc, description=description, epilog=guide("survey"),
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="survey_command", metavar="make|import", required=True)

    def command(name: str, func) -> argparse.ArgumentParser:
        text = func.__doc__ or ""
        q = sub.add_parser(name, help=text.splitlines()[0], description=text, epilog=guide(f"survey {name}"),
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        q.set_defaults(func=func)
        return q

    m = command("make", cmd_survey_make)
    m.add_argument("workbook", metavar="WORKBOOK", help="the journey workbook (.xlsx)")
    m.add_argument("-o", "--output", metavar="DIR", required=True, help="the folder to write the questionnaire into")
    m.add_argument("--lang", choices=LANGUAGES, help="language of the questionnaire (default: the workbook's)")
    m.add_argument("--format", choices=["docx", "qualtrics", "limesurvey", "google", "all"], default="all",
                   help="which file to write (default: all)")
    m.add_argument("--touchpoints", metavar="IDS", help="only these touchpoints, e.g. E01,E05,E09")

    i = command("import", cmd_survey_import)
    i.add_argument("exports", nargs="+", metavar="EXPORT", help="the survey tool's export (.csv, .tsv or .xlsx)")
    i.add_argument("--into", metavar="WORKBOOK", required=True, help="the journey workbook the answers belong to")
    i.add_argument("--wave", metavar="NAME", help="the wave (default: the date of the latest submission)")
    where = i.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="OUT.xlsx", help="write here (default: NAME.imported.xlsx)")
    where.add_argument("--in-place", action="store_true", help="change the workbook itself, keeping NAME.backup.xlsx")
    i.add_argument("--map", metavar="MAP.csv", help="column,touchpoint_id,field for columns not recognised")
    i.add_argument("--dry-run", action="store_true", help="show what would be imported; write nothing")
    i.add_argument("--format", choices=["text", "json"], default="text", help="text for people (default), json")
    i.add_argument("--lang", choices=LANGUAGES, help="language of the messages (default: the workbook's)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """`xlplugin survey ...` on its own (the tests call it; the console script goes through cli.main)."""
    parser = argparse.ArgumentParser(prog="xlplugin")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)

"""`survey import`: exports of survey tools into the Responses sheet, one row per respondent
per touchpoint answered, under a wave. Returns data, never prints (the command does)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from xlplugin.core.document import ReadResult, column_letter
from xlplugin.core.model import Journey
from xlplugin.errors import WorkbookError, quote_path
from xlplugin.surveys.answers import NO_ANSWER, ColumnAnswers, clean_number, fold, read_column
from xlplugin.surveys.columns import Ignored, Mapped, Matcher, TouchpointKey, _fields_in, field_of, read_map
from xlplugin.surveys.detect import TOOLS, Column, Layout, detect
from xlplugin.surveys.exports import Cell, read_rows, text_of
from xlplugin.text import Lang, Text, normalise_name

EXIT_OK, EXIT_PROBLEMS, EXIT_CANNOT = 0, 1, 2
PREVIEW = {"preview", "test", "survey preview", "survey test", "spam", "preview spam", "1", "2", "8", "9", "17",
           "offline preview", "voorbeeld", "testantwoord"}
"""Qualtrics' Status codes and texts (and DistributionChannel) of responses that are no real ones."""


class ImportRefused(WorkbookError):
    """Nothing can be imported from an export: the sentence says why and what to do."""


@dataclass
class Unreadable:
    row: int
    column: str
    header: str
    value: str
    reason: Text


@dataclass
class ExportResult:
    """What one export gave."""

    file: str
    tool: str
    layout: Layout
    wave: str
    wave_from: str
    """'option', or the latest submission date the wave is named after."""
    respondents: int
    rows: list[dict[str, object]]
    excluded: dict[str, int]
    mapped: list[Mapped]
    ignored: list[Ignored]
    unreadable: list[Unreadable]

    def to_dict(self, lang: Lang) -> dict[str, object]:
        """The JSON of docs/reference.md (survey import; docs/design.md, Contract v1.2, Survey loop)."""
        return {
            "file": self.file,
            "tool": self.tool,
            "wave": self.wave,
            "respondents": self.respondents,
            "rows": len(self.rows),
            "excluded": sum(self.excluded.values()),
            "columns": [{"column": column_letter(m.column.index + 1), "header": m.column.text,
                         "touchpoint_id": m.touchpoint_id, "field": m.field} for m in self.mapped],
            "ignored": [{"column": column_letter(i.column.index + 1), "header": i.column.text,
                         "reason": i.reason.in_(lang)} for i in self.ignored],
            "unreadable": [{"row": u.row, "column": u.column, "value": u.value, "reason": u.reason.in_(lang)}
                           for u in self.unreadable],
        }

    @property
    def exit_code(self) -> int:
        return EXIT_PROBLEMS if self.unreadable else EXIT_OK


@dataclass
class ImportResult:
    exports: list[ExportResult]
    workbook: Path
    target: Path | None
    backup: Path | None
    language: Lang
    added: int = 0
    replaced: int = 0
    removed: int = 0
    sheet: str = ""
    created: bool = False
    dry_run: bool = False
    warnings: list[Text] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return max((e.exit_code for e in self.exports), default=EXIT_OK)


def _refuse(en: str, nl: str) -> ImportRefused:
    return ImportRefused(Text(en, nl))


def _as_date(value: Cell) -> dt.datetime | None:
    """A submission date as tools write it: a date cell, ISO, 2027/03/14 10:03:00 (Google),
    14-3-2027 10:03:00 (Dutch locale), 3/14/2027 10:03 AM (US), 2027-03-14 10:03:00 UTC."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, int | float) and not isinstance(value, bool) and 20000 < value < 80000:
        return dt.datetime(1899, 12, 30) + dt.timedelta(days=float(value))  # an Excel serial date
    text = str(value or "").strip()
    if not text:
        return None
    m = re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
    if m:
        y, mo, d = (int(x) for x in m.groups())
    else:
        m = re.match(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
        if not m:
            return None
        a, b, y = (int(x) for x in m.groups())
        # US (month first) when written with slashes and the day cannot be the first; else day first
        if "/" in text[:m.end()] and not a > 12:
            mo, d = a, b
        else:
            d, mo = a, b
    try:
        return dt.datetime(y, mo, d)
    except ValueError:
        return None


def _ident(value: Cell) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    return cell_text(" ".join(str(value if value is not None else "").split()))[:200]


class _Export:
    """One export being read against one journey."""

    def __init__(self, path: Path, journey: Journey, mapping: dict[str, tuple[str | None, str | None]]):
        self.path, self.journey, self.mapping = path, journey, mapping
        rows = read_rows(path)
        head = [[text_of(c) for c in r] for r in rows[:3]]
        width = max(len(r) for r in rows)
        for r in head:
            r.extend([""] * (width - len(r)))
        self.layout = detect(head)
        self.data = [(i + self.layout.header_rows + 1, r) for i, r in enumerate(rows[self.layout.header_rows:])]
        self.scale = journey.scale
        keys = [TouchpointKey(t.id, t.name or "", t.phase or "") for t in journey.touchpoints]
        self.matcher = Matcher(keys)
        self.names = {t.id: t.name or "" for t in journey.touchpoints}

    def cell(self, row: Sequence[Cell], c: int | None) -> Cell:
        return row[c] if c is not None and c < len(row) else None

    def _from_map(self, col: Column) -> tuple[str | None, str | None] | None:
        for key in (fold(col.header), fold(col.code), fold(col.text), fold(column_letter(col.index + 1))):
            if key and key in self.mapping:
                return self.mapping[key]
        return None

    def map_columns(self) -> tuple[list[Mapped], list[Ignored]]:
        mapped: list[Mapped] = []
        ignored: list[Ignored] = []
        known = {normalise_name(t.id): t.id for t in self.journey.touchpoints}
        for col in self.layout.columns:
            if col.index in self.layout.meta or not (col.header or col.code or col.sub):
                continue
            given = self._from_map(col)
            if given is not None:
                tp, fld = given
                if fld == "ignore":
                    ignored.append(Ignored(col, Text("ignored as the --map file says", "genegeerd zoals het "
                                                     "--map-bestand zegt")))
                    continue
                if tp and normalise_name(tp) not in known:
                    raise _refuse(f"The --map file names touchpoint '{tp}' for column '{col.header}', and the journey "
                                  "has no touchpoint with that ID: correct the ID in the map file.",
                                  f"Het --map-bestand noemt contactmoment '{tp}' voor kolom '{col.header}', en de "
                                  "klantreis heeft geen contactmoment met die ID: verbeter de ID in het map-bestand.")
                if fld not in (None, "importance", "rating", "comment", "overall", "general_comment"):
                    raise _refuse(f"The --map file gives field '{fld}' for column '{col.header}': use importance, "
                                  "rating, comment, overall, general_comment or ignore.",
                                  f"Het --map-bestand geeft veld '{fld}' voor kolom '{col.header}': gebruik "
                                  "importance, rating, comment, overall, general_comment of ignore.")
                tp = known.get(normalise_name(tp)) if tp else None
                mapped.append(Mapped(col, tp, fld or (field_of(col, self.names.get(tp or "", "")) if tp else None),
                                     "map"))
                continue
            found = self.matcher.find_id(col)
            how = "id"
            tp: str | None = found[0] if found else None
            why = ""
            words = _fields_in(re.sub(r"\[[^\]]*\]", " ", col.text)) or _fields_in(col.text)
            if tp is None and "overall" in words:  # about the whole journey, whatever touchpoint text it has
                mapped.append(Mapped(col, None, "general_comment" if "comment" in words else "overall", "text"))
                continue
            if tp is None:
                tp, why = self.matcher.find_text(col)
                how = why if tp else ""
            if tp is not None:
                mapped.append(Mapped(col, tp, field_of(col, self.names.get(tp, "")), how))
                continue
            if "comment" in words:
                phase = next((ph.name for ph in self.journey.phases if ph.name and _norm_contains(col.text, ph.name)),
                             None)
                mapped.append(Mapped(col, None, "general_comment", f"phase:{phase}" if phase else "text"))
            elif "overall" in words:
                mapped.append(Mapped(col, None, "overall", "text"))
            elif why.startswith("ambiguous:"):
                ids = why.split(":", 1)[1]
                ignored.append(Ignored(col, Text(
                    f"its text could be any of the touchpoints {ids}: put the ID in the question, e.g. '(E05)', "
                    "or name it in a --map file",
                    f"de tekst kan bij elk van de contactmomenten {ids} horen: zet de ID in de vraag, bijv. '(E05)', "
                    "of noem hem in een --map-bestand")))
            else:
                ignored.append(Ignored(col, Text(
                    "names no touchpoint of this journey (no ID, no touchpoint text)",
                    "noemt geen contactmoment van deze klantreis (geen ID, geen tekst van een contactmoment)")))
        return mapped, ignored

    def wave_of(self, included: list[tuple[int, Sequence[Cell]]], given: str | None) -> tuple[str, str]:
        if given:
            return cell_text(" ".join(given.split()))[:200], "option"
        dates = []
        for c in self.layout.date_columns:
            dates = [d for _, r in included if (d := _as_date(self.cell(r, c))) is not None]
            if dates:
                break
        if not dates:
            raise _refuse(f"{quote_path(self.path.name)} gives no submission dates to name the wave after: give it "
                          "a name with --wave, e.g. --wave 2027-Q2.",
                          f"{quote_path(self.path.name)} geeft geen inzenddatums om de meting naar te noemen: geef "
                          "haar een naam met --wave, bijv. --wave 2027-K2.")
        latest = max(dates)
        return latest.date().isoformat(), latest.date().isoformat()


def read_export(path: Path, journey: Journey, wave: str | None,
                mapping: dict[str, tuple[str | None, str | None]]) -> ExportResult:
    """Read one export against `journey`: its rows for the Responses sheet and the report."""
    ex = _Export(path, journey, mapping)
    layout = ex.layout
    mapped, ignored = ex.map_columns()
    name = quote_path(path.name)
    if not any(m.touchpoint_id for m in mapped):
        tool = TOOLS[layout.tool]
        raise _refuse(
            f"None of the columns of {name} ({tool}) names a touchpoint of this journey, by its ID such as '(E05)' "
            "or by its text: is it the export of another journey's survey? If not, say which column is which "
            "in a --map file (column,touchpoint_id,field).",
            f"Geen van de kolommen van {name} ({tool}) noemt een contactmoment van deze klantreis, met zijn ID "
            "zoals '(E05)' of met zijn tekst: is het de export van de enquête van een andere klantreis? Zo niet, "
            "zeg in een --map-bestand welke kolom welke is (column,touchpoint_id,field).")
    # exclusions: preview/test responses, duplicates of a response id, responses without any answer
    excluded = {"preview": 0, "empty": 0, "duplicate": 0}
    included: list[tuple[int, Sequence[Cell]]] = []
    seen: set[str] = set()
    answer_cols = [m.column.index for m in mapped]
    for row_number, row in ex.data:
        status = fold(ex.cell(row, layout.status_column) or "")
        if layout.status_column is not None and status in PREVIEW:
            excluded["preview"] += 1
            continue
        if not any(fold(ex.cell(row, c) if ex.cell(row, c) is not None else "") not in NO_ANSWER
                   for c in answer_cols):
            excluded["empty"] += 1
            continue
        ident = _respondent(ex, row_number, row)
        if normalise_name(ident) in seen:
            excluded["duplicate"] += 1
            continue
        seen.add(normalise_name(ident))
        included.append((row_number, row))
    if not included:
        raise _no_answers(name, len(ex.data), excluded["preview"])
    wave, wave_from = ex.wave_of(included, wave)
    # fields by the answers' words, then by order, where the question does not say
    answers: dict[int, ColumnAnswers] = {}
    lo, hi = ex.scale.minimum, ex.scale.maximum
    for m in mapped:
        if m.field in (None, "importance", "rating", "overall"):
            answers[m.column.index] = read_column([(r, ex.cell(row, m.column.index)) for r, row in included], lo, hi)
    _fields_by_order(mapped, answers)
    for m in mapped:
        if m.field is None:
            ignored.append(Ignored(m.column, Text(
                f"it is about {m.touchpoint_id}, but neither its question nor its answers say whether it asks "
                "importance or satisfaction: name the field in a --map file",
                f"hij gaat over {m.touchpoint_id}, maar noch de vraag noch de antwoorden zeggen of hij naar belang of "
                "tevredenheid vraagt: noem het veld in een --map-bestand")))
    mapped = [m for m in mapped if m.field is not None]
    for m in mapped:
        got = answers.get(m.column.index)
        if got is not None and got.refused is not None:
            letter = column_letter(m.column.index + 1)
            raise _refuse(
                f"Column {letter} of {name} ('{_short(m.column.text)}'): {got.refused.en}. Nothing was imported: "
                "ask the question on the journey's scale, or change the Rating scale on the Journey sheet; "
                "answers are never rescaled.",
                f"Kolom {letter} van {name} ('{_short(m.column.text)}'): {got.refused.nl}. Er is niets "
                "geïmporteerd: stel de vraag op de schaal van de klantreis, of pas de Schaal op het blad Klantreis "
                "aan; antwoorden worden nooit omgerekend.")
    unreadable = [
        Unreadable(p.row, column_letter(m.column.index + 1), m.column.text, p.value, p.reason)
        for m in mapped if (got := answers.get(m.column.index)) for p in got.problems
    ]
    unreadable.sort(key=lambda u: (u.row, len(u.column), u.column))
    rows = _long_rows(ex, included, mapped, answers, wave)
    if not rows and not unreadable:
        raise _no_answers(name, len(ex.data), excluded["preview"])
    respondents = len({r["respondent"] for r in rows})
    excluded["empty"] += len(included) - respondents  # only overall or a general comment: no touchpoint row
    return ExportResult(str(path), layout.tool, layout, wave, wave_from, respondents, rows, excluded, mapped,
                        ignored, unreadable)


def _no_answers(name: str, total: int, previews: int) -> ImportRefused:
    return _refuse(
        f"{name} has no answer to any of the journey's touchpoint questions ({total} responses, "
        f"{previews} of them previews or tests): export the responses again once they are in.",
        f"{name} bevat geen antwoord op een van de vragen over de contactmomenten ({total} antwoorden, "
        f"waarvan {previews} voorbeeld of test): exporteer de antwoorden opnieuw als ze binnen zijn.")


def _norm_contains(text: str, name: str) -> bool:
    """`name` stands in `text` as whole words (case, accents and punctuation aside)."""
    def norm(s: str) -> str:
        return " " + re.sub(r"[^0-9a-z]+", " ", fold(s)).strip() + " "
    return norm(name) in norm(text)


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _respondent(ex: _Export, row_number: int, row: Sequence[Cell]) -> str:
    layout = ex.layout
    if layout.id_column is not None:
        ident = _ident(ex.cell(row, layout.id_column))
        if ident:
            return ident
    if layout.tool == "google-forms":  # no response id: the submission time is the response's own key
        stamp = ex.cell(row, 0)
        when = _as_date(stamp)
        text = _ident(stamp)
        return f"G {text}" if text else f"{ex.path.stem}-{row_number}" if when is None else f"G {when}"
    return f"{ex.path.stem}-{row_number}"


def _fields_by_order(mapped: list[Mapped], answers: dict[int, ColumnAnswers]) -> None:
    """A touchpoint's columns without a field: by the words of their answers, else first importance,
    then satisfaction (the order `survey make` asks them in, and Microsoft Forms keeps)."""
    open_by_tp: dict[str, list[Mapped]] = {}
    for m in mapped:
        if m.field is None and m.touchpoint_id:
            open_by_tp.setdefault(m.touchpoint_id, []).append(m)
    taken = {(m.touchpoint_id, m.field) for m in mapped if m.field}
    for tp, ms in open_by_tp.items():
        for m in ms:
            kind = answers.get(m.column.index)
            words = kind.scale_words if kind else None
            if words:
                m.field = "importance" if words == "importance" else "rating"
                m.how = "answers"
        rest = [m for m in ms if m.field is None]
        free = [f for f in ("importance", "rating") if (tp, f) not in taken and all(
            x.field != f for x in ms)]
        if len(rest) == len(free) and rest:
            for m, f in zip(rest, free, strict=True):
                m.field, m.how = f, "order"


def _long_rows(ex: _Export, included: list[tuple[int, Sequence[Cell]]], mapped: list[Mapped],
               answers: dict[int, ColumnAnswers], wave: str) -> list[dict[str, object]]:
    order = [t.id for t in ex.journey.touchpoints]
    by_tp: dict[str, list[Mapped]] = {}
    for m in mapped:
        if m.touchpoint_id:
            by_tp.setdefault(m.touchpoint_id, []).append(m)
    overall = [m for m in mapped if m.field == "overall" and not m.touchpoint_id]
    general = [m for m in mapped if m.field == "general_comment" or (m.field == "comment" and not m.touchpoint_id)]
    out: list[dict[str, object]] = []
    for row_number, row in included:
        ident = _respondent(ex, row_number, row)
        first = len(out)
        for tp in order:
            values: dict[str, object] = {}
            for m in by_tp.get(tp, []):
                if m.field == "comment":
                    text = _comment(ex.cell(row, m.column.index))
                    if text:
                        values["comment"] = f"{values['comment']}\n{text}" if "comment" in values else text
                elif m.field in ("importance", "rating"):
                    got = answers[m.column.index].values.get(row_number)
                    if got is not None and m.field not in values:
                        values[m.field] = clean_number(got)
            if values:
                out.append({"respondent": ident, "touchpoint_id": tp, **values, "wave": wave})
        if len(out) == first:
            continue
        for m in overall:
            got = answers[m.column.index].values.get(row_number)
            if got is not None:
                out[first]["overall"] = clean_number(got)
                break
        texts = [f"{m.how[6:]}: {t}" if m.how.startswith("phase:") else t
                 for m in general if (t := _comment(ex.cell(row, m.column.index)))]
        if texts:
            out[first]["general_comment"] = "\n".join(texts)
    return out


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
EXCEL_CELL = 32767
"""The most characters an Excel cell holds."""


def cell_text(text: str) -> str:
    """Text as a cell can hold it: without the control characters XML forbids, at most 32,767 characters."""
    text = _NOT_XML.sub("", text)
    return text if len(text) <= EXCEL_CELL else text[: EXCEL_CELL - 1] + "…"


def _comment(value: Cell) -> str:
    if value is None:
        return ""
    text = cell_text(str(value).strip())
    return "" if fold(text) in NO_ANSWER else text


def import_exports(
    exports: Sequence[str | Path], into: str | Path, wave: str | None = None, output: str | Path | None = None,
    in_place: bool = False, map_file: str | Path | None = None, dry_run: bool = False, lang: Lang | None = None,
) -> ImportResult:
    """Read `exports` against the journey workbook `into` and write their rows into its Responses sheet
    (to `output`, or the workbook itself with `in_place` after a backup; nothing with `dry_run`)."""
    from xlplugin.surveys.exports import read_rows as read_map_rows
    from xlplugin.surveys.responses import replaced_rows, write_rows
    from xlplugin.workbook import read_workbook

    source = Path(into)
    result: ReadResult = read_workbook(source)
    journey = Journey.from_document(result.document)
    language: Lang = lang or result.language or "en"
    if not journey.touchpoints:
        raise _refuse(f"{quote_path(source.name)} has no touchpoints to import answers for: fill in the Touchpoints "
                      "sheet first.", f"{quote_path(source.name)} heeft geen contactmomenten om antwoorden bij te "
                      "importeren: vul eerst het blad Contactmomenten in.")
    mapping = read_map([[text_of(c) for c in r] for r in read_map_rows(Path(map_file))]) if map_file else {}
    done = [read_export(Path(p), journey, wave, mapping) for p in exports]
    target: Path | None
    if dry_run:
        target = None
    elif in_place:
        target = source
    elif output is not None:
        target = Path(output)
        if target.resolve() == source.resolve():
            raise _refuse("The output is the workbook itself: use --in-place to change it (a backup is kept).",
                          "De uitvoer is de werkmap zelf: gebruik --in-place om hem te wijzigen (er blijft een "
                          "reservekopie).")
    else:
        target = source.with_name(f"{source.stem}.imported{source.suffix}")
    if target is not None and target.is_dir():
        raise _refuse(f"{quote_path(target)} is a folder: give -o the name of the workbook to write, e.g. "
                      f"-o {quote_path(target / source.name)}.",
                      f"{quote_path(target)} is een map: geef -o de naam van de werkmap die geschreven moet worden, "
                      f"bijv. -o {quote_path(target / source.name)}.")
    out = ImportResult(done, source, target, None, language, dry_run=dry_run)
    rows = [r for e in done for r in e.rows]
    replace: list[int] = []
    for e in done:
        respondents = {normalise_name(str(r["respondent"])) for r in e.rows}
        replace += replaced_rows(result, e.wave, respondents)
    if dry_run:
        out.replaced = min(len(rows), len(replace))
        out.added = max(0, len(rows) - len(replace))
        out.removed = max(0, len(replace) - len(rows))
        return out
    assert target is not None
    if in_place:
        out.backup = source.with_name(f"{source.stem}.backup{source.suffix}")
        shutil.copy2(source, out.backup)
    headers = _header_texts(source, result)
    written = write_rows(source, target, result, rows, sorted(set(replace)), headers, result.language or "en")
    out.added, out.replaced, out.removed, out.sheet, out.created = (
        written.added, written.replaced, written.removed, written.sheet, written.created)
    return out


def _header_texts(source: Path, result: ReadResult) -> dict[int, str]:
    """The Responses sheet's header row, column (1-based) -> text."""
    place = result.locator.tables.get("responses")
    if place is None:
        return {}
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(source))
    try:
        rows = book.get_sheet_by_name(place.sheet).to_python(skip_empty_area=False, nrows=place.header_row)
    except Exception:  # a header that cannot be read gives no General comment column: a new one is added
        return {}
    finally:
        book.close()
    if len(rows) < place.header_row:
        return {}
    return {c: text_of(v) for c, v in enumerate(rows[place.header_row - 1], start=1) if text_of(v)}

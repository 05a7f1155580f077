"""Builders for the survey tests: a journey workbook lacking a wave, and exports of that wave
in each tool's documented layout (tests/surveys/exports/README.md says where each fact
comes from). Everything is built in code from a seed: no tool's file is copied."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

from xlplugin.core.model import Journey
from xlplugin.surveys.questionnaire import Questionnaire, build
from xlplugin.workbook import read_workbook, write_workbook

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


@dataclass
class Record:
    """One respondent's answers, as typed in long form."""

    ident: str
    when: dt.datetime
    importance: dict[str, int] = field(default_factory=dict)
    rating: dict[str, int] = field(default_factory=dict)
    overall: int | None = None
    comment: str | None = None
    comments: dict[str, str] = field(default_factory=dict)


def sample_document(name: str = "energy-switch") -> dict:
    return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def workbook_without(tmp: Path, wave: str | None, name: str = "energy-switch", drop_all: bool = False,
                     no_sheet: bool = False) -> Path:
    """The sample workbook with the responses of `wave` (or all) left out; `no_sheet`: and its
    Responses sheet deleted (as a workbook made before the sheet existed)."""
    doc = sample_document(name)
    if drop_all or no_sheet:
        doc.pop("responses", None)
    elif wave is not None:
        doc["responses"] = [r for r in doc.get("responses") or [] if r.get("wave") != wave]
    path = tmp / f"{name}-base.xlsx"
    write_workbook(path, doc, doc.get("language"))
    if no_sheet:
        wb = openpyxl.load_workbook(path)
        for title in ("Responses", "Antwoorden"):
            if title in wb.sheetnames:
                del wb[title]
        wb.save(path)
    return path


def records_of(doc: dict, wave: str, seed: int = 7, start: dt.datetime | None = None) -> list[Record]:
    """The wave's long rows gathered per respondent (overall on any of their rows)."""
    rng = random.Random(seed)
    out: dict[str, Record] = {}
    start = start or dt.datetime(2026, 10, 1, 9, 0, 0)
    for r in doc.get("responses") or []:
        if r.get("wave") != wave:
            continue
        rec = out.get(r["respondent"])
        if rec is None:
            rec = out[r["respondent"]] = Record(r["respondent"], start + dt.timedelta(minutes=97 * len(out)
                                                                                         + rng.randint(0, 50)))
        if r.get("importance") is not None:
            rec.importance[r["touchpoint_id"]] = int(r["importance"])
        if r.get("rating") is not None:
            rec.rating[r["touchpoint_id"]] = int(r["rating"])
        if r.get("overall") is not None:
            rec.overall = int(r["overall"])
    return list(out.values())


def long_rows(records: list[Record], journey: Journey, wave: str, ident=lambda r: r.ident) -> list[dict]:
    """The Responses rows the answers typed in long form give: per respondent, per touchpoint in journey order."""
    rows = []
    for rec in records:
        first = len(rows)
        for t in journey.touchpoints:
            row: dict = {}
            if t.id in rec.importance:
                row["importance"] = rec.importance[t.id]
            if t.id in rec.rating:
                row["rating"] = rec.rating[t.id]
            if t.id in rec.comments:
                row["comment"] = rec.comments[t.id]
            if row:
                rows.append({"respondent": ident(rec), "touchpoint_id": t.id, **row, "wave": wave})
        if len(rows) > first and rec.overall is not None:
            rows[first]["overall"] = rec.overall
    return rows


def responses(path: Path, wave: str | None = None) -> list[dict]:
    """The Responses rows of a workbook as the reader reads them (of one wave)."""
    rows = read_workbook(path).document.get("responses") or []
    return [r for r in rows if wave is None or r.get("wave") == wave]


def questionnaire(path: Path, lang: str | None = None) -> tuple[Journey, Questionnaire]:
    result = read_workbook(path)
    journey = Journey.from_document(result.document)
    return journey, build(journey, lang or result.language)


def _label(q: Questionnaire, kind: str, n: int | None) -> str:
    if n is None:
        return ""
    return q.point_labels(kind)[n - q.minimum]


def _csv(rows: list[list[object]], delimiter: str = ",", bom: bool = False, encoding: str = "utf-8") -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for r in rows:
        writer.writerow(["" if v is None else v for v in r])
    data = buf.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" if bom else b"") + data


def _xlsx(path: Path, rows: list[list[object]], title: str = "Sheet1") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


# --- one builder per tool -------------------------------------------------------------------

def microsoft_forms(path: Path, q: Questionnaire, records: list[Record], dutch: bool = False,
                    labels: bool = True) -> Path:
    """Microsoft Forms' 'Open in Excel': ID, Start time, Completion time, Email, Name (Dutch: Id, Begintijd,
    Tijd van voltooien, E-mail, Naam), then one column per question; a Likert question gets one column
    per statement, headed by the statement alone, so importance and satisfaction differ by order only."""
    meta = ["Id", "Begintijd", "Tijd van voltooien", "E-mail", "Naam"] if dutch else \
        ["ID", "Start time", "Completion time", "Email", "Name"]
    st = q.statements
    header = meta + [s.text for s in st] + [s.text for s in st] + [q.overall, q.comment]
    rows: list[list[object]] = [header]
    for n, rec in enumerate(records, start=1):
        imp = [_label(q, "importance", rec.importance.get(s.touchpoint_id)) if labels else
               rec.importance.get(s.touchpoint_id) for s in st]
        rat = [_label(q, "rating", rec.rating.get(s.touchpoint_id)) if labels else
               rec.rating.get(s.touchpoint_id) for s in st]
        rows.append([n, rec.when - dt.timedelta(minutes=6), rec.when, "anonymous", "", *imp, *rat,
                     _label(q, "rating", rec.overall) if labels else rec.overall, rec.comment or ""])
    return _xlsx(path, rows, "Form1")


def google_forms(path: Path, q: Questionnaire, records: list[Record], dutch_sheets: bool = False) -> Path:
    """Google Forms' CSV download: Timestamp first, grid rows as 'Question [Row]'; the Sheets download in a
    Dutch locale heads it Tijdstempel and writes dates day first."""
    st = q.statements
    header = ["Tijdstempel" if dutch_sheets else "Timestamp"]
    header += [f"{q.grid('importance')} [{s.text}]" for s in st]
    header += [f"{q.grid('rating')} [{s.text}]" for s in st]
    header += [q.overall, q.comment]
    rows: list[list[object]] = [header]
    for rec in records:
        stamp = rec.when.strftime("%-d-%-m-%Y %H:%M:%S") if dutch_sheets else \
            rec.when.strftime("%Y/%m/%d %-I:%M:%S %p") + " GMT+2"
        rows.append([stamp, *[_label(q, "importance", rec.importance.get(s.touchpoint_id)) for s in st],
                     *[_label(q, "rating", rec.rating.get(s.touchpoint_id)) for s in st],
                     _label(q, "rating", rec.overall), rec.comment or ""])
    path.write_bytes(_csv(rows))
    return path


def google_ident(rec: Record, dutch_sheets: bool = False) -> str:
    stamp = rec.when.strftime("%-d-%-m-%Y %H:%M:%S") if dutch_sheets else \
        rec.when.strftime("%Y/%m/%d %-I:%M:%S %p") + " GMT+2"
    return f"G {stamp}"


QUALTRICS_META = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
                  "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
                  "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel",
                  "UserLanguage"]
QUALTRICS_TEXT = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)",
                  "Finished", "Recorded Date", "Response ID", "Recipient Last Name", "Recipient First Name",
                  "Recipient Email", "External Data Reference", "Location Latitude", "Location Longitude",
                  "Distribution Channel", "User Language"]


def qualtrics(path: Path, q: Questionnaire, records: list[Record], numeric: bool = False,
              preview: int = 0, unanswered_code: bool = True) -> Path:
    """Qualtrics' CSV: row 1 the internal names (ResponseId, Q1_1), row 2 the question texts
    ('Question - Statement' for a matrix), row 3 the ImportId JSON; numeric exports write the
    recode values and -99 for a question seen but not answered."""
    st = q.statements
    row1 = QUALTRICS_META + [f"Q1_{i}" for i in range(1, len(st) + 1)] + [f"Q2_{i}" for i in range(1, len(st) + 1)] \
        + ["Q3", "Q4"]
    row2 = QUALTRICS_TEXT + [f"{q.grid('importance')} - {s.text}" for s in st] + \
        [f"{q.grid('rating')} - {s.text}" for s in st] + [q.overall, q.comment]
    row3 = [json.dumps({"ImportId": k[0].lower() + k[1:]}) if k not in ("StartDate", "EndDate", "RecordedDate")
            else json.dumps({"ImportId": k[0].lower() + k[1:], "timeZone": "Europe/Amsterdam"}) for k in QUALTRICS_META]
    row3 += [json.dumps({"ImportId": f"QID1_{i}"}) for i in range(1, len(st) + 1)]
    row3 += [json.dumps({"ImportId": f"QID2_{i}"}) for i in range(1, len(st) + 1)]
    row3 += [json.dumps({"ImportId": "QID3"}), json.dumps({"ImportId": "QID4_TEXT"})]
    rows: list[list[object]] = [row1, row2, row3]

    def value(kind: str, n: int | None) -> object:
        if n is None:
            return -99 if numeric and unanswered_code else ""
        return n if numeric else _label(q, kind, n)

    for i in range(preview):
        rows.append(["2026-09-30 10:00:00", "2026-09-30 10:05:00", 1 if numeric else "Survey Preview", "", 100, 300,
                     1 if numeric else "True", "2026-09-30 10:05:00", f"R_preview{i}", "", "", "", "", "", "",
                     "preview", "NL", *[value("importance", 3) for _ in st], *[value("rating", 3) for _ in st],
                     value("rating", 3), "test"])
    for rec in records:
        when = rec.when.strftime("%Y-%m-%d %H:%M:%S")
        rows.append([when, when, 0 if numeric else "IP Address", "", 100, 400, 1 if numeric else "True", when,
                     rec.ident, "", "", "", "", "52.1", "5.1", "anonymous", "NL",
                     *[value("importance", rec.importance.get(s.touchpoint_id)) for s in st],
                     *[value("rating", rec.rating.get(s.touchpoint_id)) for s in st],
                     value("rating", rec.overall), rec.comment or ""])
    path.write_bytes(_csv(rows, bom=True))
    return path


SM_META = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
           "Last Name", "Custom Data 1"]


def surveymonkey(path: Path, q: Questionnaire, records: list[Record], xlsx: bool = False) -> Path:
    """SurveyMonkey's export: two header rows; row 1 the question (a matrix's text over its first column,
    blanks after), row 2 'Response', 'Open-Ended Response' or the matrix row; unanswered cells blank."""
    st = q.statements
    row1 = SM_META + [q.grid("importance")] + [""] * (len(st) - 1) + [q.grid("rating")] + [""] * (len(st) - 1) \
        + [q.overall, q.comment]
    row2 = [""] * len(SM_META) + [s.text for s in st] + [s.text for s in st] + ["Response", "Open-Ended Response"]
    rows: list[list[object]] = [row1, row2]
    for rec in records:
        when = rec.when.strftime("%m/%d/%Y %I:%M:%S %p")
        rows.append([rec.ident, 431234567, when, when, "", "", "", "", "",
                     *[_label(q, "importance", rec.importance.get(s.touchpoint_id)) for s in st],
                     *[_label(q, "rating", rec.rating.get(s.touchpoint_id)) for s in st],
                     _label(q, "rating", rec.overall), rec.comment or ""])
    if xlsx:
        return _xlsx(path, rows)
    path.write_bytes(_csv(rows))
    return path


def limesurvey(path: Path, q: Questionnaire, records: list[Record], codes: bool = True) -> Path:
    """LimeSurvey's CSV export: id, submitdate, lastpage, startlanguage, seed, startdate, datestamp, then
    the questions as codes (BELANG[E01]: question code, subquestion code in brackets) or full texts
    ('Question [Subquestion]'); semicolons, a UTF-8 BOM; an incomplete response has no submitdate."""
    st = q.statements
    meta = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"] if codes else \
        ["Response ID", "Date submitted", "Last page", "Start language", "Seed", "Date started", "Date last action"]
    if codes:
        qs = [f"BELANG[{s.code}]" for s in st] + [f"TEVREDEN[{s.code}]" for s in st] + ["TOTAAL", "OPMERKING"]
    else:
        qs = [f"{q.grid('importance')} [{s.text}]" for s in st] + [f"{q.grid('rating')} [{s.text}]" for s in st] \
            + [q.overall, q.comment]
    rows: list[list[object]] = [meta + qs]
    for rec in records:
        when = rec.when.strftime("%Y-%m-%d %H:%M:%S")
        rows.append([rec.ident, when, 3, q.lang, 123456, when, when,
                     *[rec.importance.get(s.touchpoint_id, "") for s in st],
                     *[rec.rating.get(s.touchpoint_id, "") for s in st],
                     "" if rec.overall is None else rec.overall, rec.comment or ""])
    path.write_bytes(_csv(rows, delimiter=";", bom=True))
    return path


def typeform(path: Path, q: Questionnaire, records: list[Record], token_column: bool = False) -> Path:
    """Typeform's CSV: '#' first, one column per question (an opinion scale each), then Start Date (UTC),
    Submit Date (UTC), Network ID; the older layout ends in Submitted At and Token instead."""
    st = q.statements
    qs = [q.single("importance", s) for s in st] + [q.single("rating", s) for s in st] + [q.overall, q.comment]
    tail = ["Submitted At", "Token"] if token_column else ["Start Date (UTC)", "Submit Date (UTC)", "Network ID"]
    rows: list[list[object]] = [["#", *qs, *tail]]
    for n, rec in enumerate(records, start=1):
        when = rec.when.strftime("%Y-%m-%d %H:%M:%S")
        values = [rec.importance.get(s.touchpoint_id, "") for s in st] + [rec.rating.get(s.touchpoint_id, "")
                                                                           for s in st]
        end = [when, rec.ident] if token_column else [when, when, "a1b2c3"]
        rows.append([n if token_column else rec.ident, *values, "" if rec.overall is None else rec.overall,
                     rec.comment or "", *end])
    path.write_bytes(_csv(rows))
    return path


def plain(path: Path, q: Questionnaire, records: list[Record], xlsx: bool = False) -> Path:
    """A table typed by hand or exported by any tool: one header row, a Respondent column, one column per question."""
    st = q.statements
    header = ["Respondent", "Datum"] + [f"Belang {s.text}" if q.lang == "nl" else f"Importance {s.text}" for s in st]
    header += [f"Tevredenheid {s.text}" if q.lang == "nl" else f"Satisfaction {s.text}" for s in st]
    header += [q.overall, q.comment]
    rows: list[list[object]] = [header]
    for rec in records:
        rows.append([rec.ident, rec.when.date().isoformat(), *[rec.importance.get(s.touchpoint_id) for s in st],
                     *[rec.rating.get(s.touchpoint_id) for s in st], rec.overall, rec.comment or ""])
    if xlsx:
        return _xlsx(path, rows)
    path.write_bytes(_csv(rows))
    return path


# --- the sample the project ships (samples/survey/) ------------------------------------------

SAMPLE_COMMENTS = {
    3: "De welkomstmail kwam pas na een week.",
    11: "=Termijnbedrag veel te hoog ingeschat",
    20: "Prima overstap, maar de app laat het verbruik niet per maand zien.",
    41: "n.v.t.",
}
POSTCODES = ("3511 AB", "1012 JS", "9711 LM", "5611 ZT", "6811 KD")


def sample_exports(folder: Path) -> dict[str, Path]:
    """samples/survey/: the energy-switch journey without responses, its Nulmeting as a Google Forms CSV
    download and its Hermeting as a Microsoft Forms workbook (Dutch headers), each with a postcode question
    the import ignores; the Hermeting has a few closing comments (one starts with '=')."""
    folder.mkdir(parents=True, exist_ok=True)
    doc = sample_document()
    doc.pop("responses")
    base = folder / "energy-switch.zonder-antwoorden.xlsx"
    write_workbook(base, doc, "nl")
    _, q = questionnaire(base)
    full = sample_document()
    first = records_of(full, "Nulmeting", seed=3, start=dt.datetime(2026, 3, 2, 8, 30))
    second = records_of(full, "Hermeting", seed=4, start=dt.datetime(2026, 10, 5, 8, 30))
    for i, rec in enumerate(second):
        rec.comment = SAMPLE_COMMENTS.get(i)
    google = google_forms(folder / "nulmeting.google-forms.csv", q, first, dutch_sheets=True)
    _add_column(google, "Postcode (alleen de cijfers en letters)", [POSTCODES[i % 5] for i in range(len(first))])
    forms = microsoft_forms(folder / "hermeting.microsoft-forms.xlsx", q, second, dutch=True)
    wb = openpyxl.load_workbook(forms)
    ws = wb.active
    col = ws.max_column + 1
    ws.cell(1, col, "Wat is uw postcode?")
    for i in range(len(second)):
        ws.cell(i + 2, col, POSTCODES[(i + 2) % 5])
    wb.save(forms)
    return {"base": base, "google": google, "forms": forms}


def _add_column(path: Path, header: str, values: list[str]) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[0].append(header)
    for r, v in zip(rows[1:], values, strict=True):
        r.append(v)
    path.write_bytes(_csv(rows))

"""survey make: the questionnaire in four formats; each file, read back as its tool would lay out the
answers, imports into the same rows the answers typed in long form give (the round trip)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xlplugin.cli import main as cli_main
from xlplugin.surveys.answers import read_column
from xlplugin.surveys.importer import import_exports

from . import helpers as h

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _records(journey, seed: int, n: int = 12) -> list[h.Record]:
    rng = random.Random(seed)
    lo, hi = journey.scale.minimum, journey.scale.maximum
    out = []
    for i in range(n):
        rec = h.Record(f"S{i:03d}", dt.datetime(2027, 3, 1, 9) + dt.timedelta(hours=i))
        for t in journey.touchpoints:
            if rng.random() < 0.85:
                rec.importance[t.id] = rng.randint(lo, hi)
            if rng.random() < 0.85:
                rec.rating[t.id] = rng.randint(lo, hi)
        rec.overall = rng.randint(lo, hi) if rng.random() < 0.9 else None
        out.append(rec)
    return out


def _make(workbook: Path, folder: Path, *extra: str) -> dict[str, Path]:
    assert cli_main(["survey", "make", str(workbook), "-o", str(folder), *extra]) == 0
    return {p.suffix: p for p in folder.iterdir()}


def _csv(path: Path, rows: list[list[object]], delimiter: str = ",") -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, delimiter=delimiter).writerows([["" if v is None else v for v in r] for r in rows])
    return path


def _docx_export(docx: Path, records: list[h.Record], journey, tmp: Path) -> Path:
    """Microsoft Forms after its import from Word: one choice question per paragraph, answered with
    the option's text."""
    root = ElementTree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    paragraphs = []
    for p in root.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        paragraphs.append((style.get(f"{W}val") if style is not None else "Normal", text))
    questions: list[tuple[str, list[str]]] = []
    for style, text in paragraphs:
        if style == "Question":
            questions.append((re.sub(r"^\d+\.\s*", "", text), []))
        elif style == "Choice" and questions:
            questions[-1][1].append(text.lstrip("\u25cb ").strip())
    header = ["ID", "Start time", "Completion time", "Email", "Name"] + [q for q, _ in questions]
    rows: list[list[object]] = [header]
    ids = {t.id for t in journey.touchpoints}
    for n, rec in enumerate(records, start=1):
        row: list[object] = [n, rec.when, rec.when, "anonymous", ""]
        for text, options in questions:
            m = re.search(r"\(([^()]+)\)\?$", text)
            tp = m.group(1) if m and m.group(1) in ids else None
            if tp is None:
                value = rec.overall if options else None
            elif "belangrijk" in text.lower() or "important" in text.lower():
                value = rec.importance.get(tp)
            else:
                value = rec.rating.get(tp)
            row.append("" if value is None or not options else options[value - journey.scale.minimum])
        rows.append(row)
    return h._xlsx(tmp / "forms-from-word.xlsx", rows)


def _qualtrics_export(txt: Path, records: list[h.Record], journey, tmp: Path) -> Path:
    blocks = re.split(r"\n(?=\[\[Question:)", txt.read_text(encoding="utf-8"))
    grids, overall = [], None
    for b in blocks:
        lines = [x for x in b.splitlines() if x.strip()]
        if lines[0] == "[[Question:Matrix]]":
            text = lines[2]
            ci, ai = lines.index("[[Choices]]"), lines.index("[[Answers]]")
            grids.append((text, lines[ci + 1:ai], [x for x in lines[ai + 1:] if not x.startswith("[[")]))
        elif lines[0].startswith("[[Question:MC"):
            ci = lines.index("[[Choices]]")
            overall = (lines[2], lines[ci + 1:])
    assert len(grids) == 2 and overall
    row1 = list(h.QUALTRICS_META) + [f"Q{g}_{i}" for g, (_, ch, _) in enumerate(grids, 1) for i in range(1, len(ch) + 1)]
    row1 += ["Q3"]
    row2 = list(h.QUALTRICS_TEXT) + [f"{t} - {c}" for t, ch, _ in grids for c in ch] + [overall[0]]
    row3 = [json.dumps({"ImportId": k}) for k in row1]
    rows: list[list[object]] = [row1, row2, row3]
    order = [t.id for t in journey.touchpoints]
    for rec in records:
        when = rec.when.strftime("%Y-%m-%d %H:%M:%S")
        values = []
        for g, (_, choices, answers) in enumerate(grids):
            source = rec.importance if g == 0 else rec.rating
            for tp in order[:len(choices)]:
                v = source.get(tp)
                values.append("" if v is None else answers[v - journey.scale.minimum])
        o = "" if rec.overall is None else overall[1][rec.overall - journey.scale.minimum]
        rows.append([when, when, "IP Address", "", 100, 60, "True", when, rec.ident, *[""] * 6, "anonymous", "EN",
                     *values, o])
    return _csv(tmp / "qualtrics.csv", rows)


def _limesurvey_export(lss: Path, records: list[h.Record], tmp: Path) -> Path:
    root = ElementTree.fromstring(lss.read_bytes())
    questions = {r.findtext("qid"): r for r in root.find("questions").find("rows")}
    subs = list(root.find("subquestions").find("rows"))
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed"]
    cells = []
    for qid, q in sorted(questions.items(), key=lambda kv: int(kv[1].findtext("question_order"))):
        mine = [s for s in subs if s.findtext("parent_qid") == qid]
        if mine:
            for s in sorted(mine, key=lambda s: int(s.findtext("question_order"))):
                header.append(f"{q.findtext('title')}[{s.findtext('title')}]")
                cells.append((int(q.findtext("question_order")), s.findtext("title")))
        elif q.findtext("type") == "L":
            header.append(q.findtext("title"))
            cells.append((3, None))
    rows: list[list[object]] = [header]
    for rec in records:
        row: list[object] = [rec.ident, rec.when.isoformat(sep=" "), 1, "nl", 1]
        for order, code in cells:
            source = rec.importance if order == 1 else rec.rating
            tp = next((t for t in set(rec.importance) | set(rec.rating) if re.sub(r"[^0-9A-Za-z]", "", t) == code),
                      None)
            row.append(rec.overall if code is None else source.get(tp) if tp else None)
        rows.append(row)
    return _csv(tmp / "limesurvey.csv", rows, delimiter=";")


def _google_export(gs: Path, records: list[h.Record], journey, tmp: Path) -> Path:
    text = gs.read_text(encoding="utf-8")
    data = json.loads(text.split("var QUESTIONNAIRE = ", 1)[1].split(";\n\nfunction", 1)[0])
    header = ["Timestamp"] + [f"{g['title']} [{r}]" for g in data["grids"] for r in data["rows"]]
    header += [data["overall"]["title"], data["comment"]]
    order = [t.id for t in journey.touchpoints]
    rows: list[list[object]] = [header]
    for rec in records:
        row: list[object] = [rec.when.strftime("%Y/%m/%d %H:%M:%S")]
        for g, grid in enumerate(data["grids"]):
            source = rec.importance if g == 0 else rec.rating
            for tp in order[:len(data["rows"])]:
                v = source.get(tp)
                row.append("" if v is None else grid["columns"][v - journey.scale.minimum])
        row += [rec.overall, ""]
        rows.append(row)
    return _csv(tmp / "google.csv", rows)


@pytest.mark.parametrize("sample", ["energy-switch", "webshop-first-purchase", "food-supplier"])
def test_every_format_round_trips(sample, tmp_path):
    base = h.workbook_without(tmp_path, None, name=sample, drop_all=True)
    journey, _ = h.questionnaire(base)
    files = _make(base, tmp_path / "q")
    assert set(files) == {".docx", ".txt", ".lss", ".gs"}
    records = _records(journey, seed=len(sample))
    exports = {
        "docx": _docx_export(files[".docx"], records, journey, tmp_path),
        "qualtrics": _qualtrics_export(files[".txt"], records, journey, tmp_path),
        "limesurvey": _limesurvey_export(files[".lss"], records, tmp_path),
        "google": _google_export(files[".gs"], records, journey, tmp_path),
    }
    for name, export in exports.items():
        done = import_exports([export], base, wave="W1", dry_run=True)
        e = done.exports[0]
        ident = (lambda r: str(records.index(r) + 1)) if name == "docx" else \
            (lambda r: f"G {r.when.strftime('%Y/%m/%d %H:%M:%S')}") if name == "google" else (lambda r: r.ident)
        assert not e.unreadable and not e.ignored, name
        assert e.rows == h.long_rows(records, journey, "W1", ident), name


def test_the_docx_is_a_word_document_with_every_touchpoint_id(tmp_path, base):
    files = _make(base, tmp_path / "q", "--format", "docx", "--lang", "en")
    z = zipfile.ZipFile(files[".docx"])
    assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"} <= set(z.namelist())
    text = "".join(t.text or "" for t in ElementTree.fromstring(z.read("word/document.xml")).iter(f"{W}t"))
    for n in range(1, 15):
        assert f"(E{n:02d})" in text
    assert "How important is this to you" in text and "Very satisfied" in text


def test_only_the_touchpoints_asked_for(tmp_path, base):
    files = _make(base, tmp_path / "q", "--format", "qualtrics", "--touchpoints", "E05,E09")
    text = files[".txt"].read_text(encoding="utf-8")
    assert "(E05)" in text and "(E09)" in text and "(E01)" not in text


def test_unknown_touchpoints_and_a_file_for_a_folder_are_one_sentence(tmp_path, base, capsys):
    assert cli_main(["survey", "make", str(base), "-o", str(tmp_path), "--touchpoints", "E99"]) == 2
    err = capsys.readouterr().err.strip()
    assert "E99" in err and len(err.splitlines()) == 1
    file = tmp_path / "x.txt"
    file.write_text("x")
    assert cli_main(["survey", "make", str(base), "-o", str(file)]) == 2
    assert "geen map" in capsys.readouterr().err


def test_the_lss_is_well_formed_xml_with_codes_the_importer_reads(tmp_path, base):
    files = _make(base, tmp_path / "q", "--format", "limesurvey")
    root = ElementTree.fromstring(files[".lss"].read_bytes())
    assert root.findtext("LimeSurveyDocType") == "Survey"
    titles = [r.findtext("title") for r in root.find("questions").find("rows")]
    assert titles == ["BELANG", "TEVREDEN", "TOTAAL", "OPMERKING"]
    codes = [r.findtext("title") for r in root.find("subquestions").find("rows")]
    assert codes[:3] == ["E01", "E02", "E03"] and len(codes) == 28


def _point_labels(points: int, lang: str, kind: str) -> list[str]:
    from xlplugin.surveys.questionnaire import Questionnaire

    return Questionnaire("t", lang, 1, points, ()).point_labels(kind)


@settings(max_examples=80, deadline=None)
@given(points=st.sampled_from([5, 10]), lang=st.sampled_from(["en", "nl"]),
       kind=st.sampled_from(["importance", "rating"]),
       values=st.lists(st.integers(min_value=0, max_value=9), min_size=1, max_size=30),
       blanks=st.lists(st.sampled_from(["", "n.v.t.", "N/A", "Weet niet", "-99", None]), max_size=5))
def test_labels_the_questionnaire_writes_read_back_as_their_numbers(points, lang, kind, values, blanks):
    labels = _point_labels(points, lang, kind)
    cells = [(i + 2, labels[v % points]) for i, v in enumerate(values)]
    cells += [(100 + i, b) for i, b in enumerate(blanks)]
    got = read_column(cells, 1, points)
    assert got.refused is None and not got.problems
    assert got.values == {i + 2: float(v % points + 1) for i, v in enumerate(values)}

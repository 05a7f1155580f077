"""survey import: each tool's export of a wave gives the rows typed in long form, and so the same
gaps and progress; importing twice changes nothing; wrong scales, other journeys and hostile
files end in one sentence."""

from __future__ import annotations

import json
import shutil
import zipfile

import openpyxl
import pytest

from xlplugin.api import check_workbook, gaps_workbook, progress_workbook
from xlplugin.cli import main as cli_main
from xlplugin.surveys import exports as exports_module
from xlplugin.surveys.importer import ImportRefused, import_exports

from . import helpers as h
from .conftest import WAVE

# tool variant -> (builder, file suffix, how the tool names a respondent)
VARIANTS = {
    "microsoft-forms-nl": (lambda p, q, r: h.microsoft_forms(p, q, r, dutch=True), ".xlsx", "number"),
    "microsoft-forms-en": (lambda p, q, r: h.microsoft_forms(p, q, r), ".xlsx", "number"),
    "microsoft-forms-numbers": (lambda p, q, r: h.microsoft_forms(p, q, r, labels=False), ".xlsx", "number"),
    "google-forms": (lambda p, q, r: h.google_forms(p, q, r), ".csv", "google"),
    "google-sheets-nl": (lambda p, q, r: h.google_forms(p, q, r, dutch_sheets=True), ".csv", "google-nl"),
    "qualtrics-text": (lambda p, q, r: h.qualtrics(p, q, r, preview=2), ".csv", "id"),
    "qualtrics-numeric": (lambda p, q, r: h.qualtrics(p, q, r, numeric=True, preview=1), ".csv", "id"),
    "surveymonkey-csv": (lambda p, q, r: h.surveymonkey(p, q, r), ".csv", "id"),
    "surveymonkey-xlsx": (lambda p, q, r: h.surveymonkey(p, q, r, xlsx=True), ".xlsx", "id"),
    "limesurvey-codes": (lambda p, q, r: h.limesurvey(p, q, r), ".csv", "id"),
    "limesurvey-full": (lambda p, q, r: h.limesurvey(p, q, r, codes=False), ".csv", "id"),
    "typeform": (lambda p, q, r: h.typeform(p, q, r), ".csv", "id"),
    "typeform-token": (lambda p, q, r: h.typeform(p, q, r, token_column=True), ".csv", "id"),
    "plain-csv": (lambda p, q, r: h.plain(p, q, r), ".csv", "id"),
    "plain-xlsx": (lambda p, q, r: h.plain(p, q, r, xlsx=True), ".xlsx", "id"),
}
TOOL_OF = {"microsoft-forms": "microsoft-forms", "google": "google-forms", "qualtrics": "qualtrics",
           "surveymonkey": "surveymonkey", "limesurvey": "limesurvey", "typeform": "typeform", "plain": "plain"}


def _ident(kind: str, records: list[h.Record]):
    if kind == "number":
        numbers = {rec.ident: str(n) for n, rec in enumerate(records, start=1)}
        return lambda rec: numbers[rec.ident]
    if kind.startswith("google"):
        return lambda rec: h.google_ident(rec, dutch_sheets=kind == "google-nl")
    return lambda rec: rec.ident


def _renamed(rows: list[dict], names: dict[str, str]) -> list[dict]:
    return [{**r, "respondent": names.get(r["respondent"], r["respondent"])} for r in rows]


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_each_tool_gives_the_long_rows_and_the_same_gaps(variant, base, made, records, tmp_path):
    journey, q = made
    build, suffix, kind = VARIANTS[variant]
    export = build(tmp_path / f"export{suffix}", q, records)
    out = tmp_path / "out.xlsx"
    done = import_exports([export], base, wave=WAVE, output=out)
    result = done.exports[0]
    assert result.tool == TOOL_OF[variant.split("-")[0] if not variant.startswith("microsoft") else "microsoft-forms"]
    assert done.exit_code == 0 and not result.unreadable and not result.ignored
    ident = _ident(kind, records)
    expected = h.long_rows(records, journey, WAVE, ident)
    assert h.responses(out, WAVE) == expected
    assert result.respondents == len(records) and len(result.rows) == len(expected)
    assert result.excluded == {"preview": {"qualtrics-text": 2, "qualtrics-numeric": 1}.get(variant, 0),
                               "empty": 0, "duplicate": 0}
    # the same figures as the sample, where the wave was typed in long form
    names = {ident(rec): rec.ident for rec in records}
    typed = h.responses(h.SAMPLES / "energy-switch.xlsx")
    assert _renamed(h.responses(out), names) == typed
    gaps, sample = gaps_workbook(out), gaps_workbook(h.SAMPLES / "energy-switch.xlsx")
    assert gaps.priorities.to_dict() == sample.priorities.to_dict()
    assert progress_workbook(out, "2027-01-01").progress.to_dict() == \
        progress_workbook(h.SAMPLES / "energy-switch.xlsx", "2027-01-01").progress.to_dict()


def test_the_result_opens_and_checks_like_the_typed_sample(base, made, records, tmp_path):
    _, q = made
    export = h.qualtrics(tmp_path / "q.csv", q, records)
    out = tmp_path / "out.xlsx"
    import_exports([export], base, wave=WAVE, output=out)
    wb = openpyxl.load_workbook(out)
    assert "Antwoorden" in wb.sheetnames
    mine, typed = check_workbook(out), check_workbook(h.SAMPLES / "energy-switch.xlsx")
    assert mine.counts == typed.counts
    assert [f.code for f in mine.findings] == [f.code for f in typed.findings]
    assert cli_main(["check", str(out)]) == (0 if typed.valid else 1)


def test_everything_but_the_responses_sheet_and_its_table_stays_byte_for_byte(base, made, records, tmp_path):
    _, q = made
    out = tmp_path / "out.xlsx"
    import_exports([h.limesurvey(tmp_path / "l.csv", q, records)], base, wave=WAVE, output=out)
    with zipfile.ZipFile(base) as a, zipfile.ZipFile(out) as b:
        assert a.namelist() == b.namelist()
        changed = [n for n in a.namelist() if a.read(n) != b.read(n)]
    assert sorted(changed) == ["xl/tables/table5.xml", "xl/worksheets/sheet8.xml"]
    table = zipfile.ZipFile(out).read("xl/tables/table5.xml").decode()
    last = 1 + len(h.responses(base)) + len(h.responses(out, WAVE))
    assert f'ref="A1:H{last}"' in table


def test_importing_twice_changes_nothing(base, made, records, tmp_path):
    _, q = made
    export = h.surveymonkey(tmp_path / "sm.csv", q, records)
    out = tmp_path / "out.xlsx"
    first = import_exports([export], base, output=out)
    once = {n: zipfile.ZipFile(out).read(n) for n in zipfile.ZipFile(out).namelist()}
    again = import_exports([export], out, in_place=True)
    assert again.replaced == len(first.exports[0].rows) and again.added == 0
    twice = {n: zipfile.ZipFile(out).read(n) for n in zipfile.ZipFile(out).namelist()}
    assert once == twice
    assert (tmp_path / "out.backup.xlsx").exists()
    assert first.exports[0].wave == again.exports[0].wave == max(r.when for r in records).date().isoformat()


def test_a_later_export_of_the_same_wave_replaces_its_respondents_rows(base, made, records, tmp_path):
    journey, q = made
    out = tmp_path / "out.xlsx"
    import_exports([h.typeform(tmp_path / "t1.csv", q, records[:30])], base, wave=WAVE, output=out)
    changed = [h.Record(r.ident, r.when, dict(r.importance), {k: 1 for k in r.rating}, r.overall) for r in records]
    import_exports([h.typeform(tmp_path / "t2.csv", q, changed)], out, wave=WAVE, in_place=True)
    assert h.responses(out, WAVE) == h.long_rows(changed, journey, WAVE)
    assert h.responses(out, "Nulmeting") == h.responses(base, "Nulmeting")


def test_fewer_rows_the_second_time_leave_no_stale_rows(base, made, records, tmp_path):
    journey, q = made
    out = tmp_path / "out.xlsx"
    import_exports([h.plain(tmp_path / "a.csv", q, records)], base, wave=WAVE, output=out)
    fewer = [h.Record(r.ident, r.when, dict(list(r.importance.items())[:3]), {}, None) for r in records]
    done = import_exports([h.plain(tmp_path / "b.csv", q, fewer)], out, wave=WAVE, in_place=True)
    assert done.removed > 0
    assert h.responses(out, WAVE) == h.long_rows(fewer, journey, WAVE)
    report = check_workbook(out)
    assert report.counts["error"] == 0 and not [f for f in report.findings if f.sheet == "Antwoorden"]


def test_a_workbook_without_a_responses_sheet_gets_one_in_its_language(tmp_path, records):
    bare = h.workbook_without(tmp_path, None, no_sheet=True)
    journey, q = h.questionnaire(bare)
    out = tmp_path / "out.xlsx"
    done = import_exports([h.google_forms(tmp_path / "g.csv", q, records)], bare, wave=WAVE, output=out)
    assert done.created and done.sheet == "Antwoorden"
    assert h.responses(out) == h.long_rows(records, journey, WAVE, lambda r: h.google_ident(r))
    with zipfile.ZipFile(bare) as a, zipfile.ZipFile(out) as b:
        for name in a.namelist():
            if name not in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
                assert a.read(name) == b.read(name), name


def test_the_templates_empty_sheet_is_filled_from_its_spare_rows(empty, made, records, tmp_path):
    journey, q = made
    out = tmp_path / "out.xlsx"
    done = import_exports([h.qualtrics(tmp_path / "q.csv", q, records, numeric=True)], empty, wave=WAVE, output=out)
    assert not done.created and done.added == len(done.exports[0].rows)
    assert h.responses(out) == h.long_rows(records, journey, WAVE)


def test_na_blank_and_partial_responses(base, made, tmp_path):
    _, q = made
    st = q.statements
    header = ["Respondent"] + [f"Belang {s.text}" for s in st[:3]] + [f"Tevredenheid {s.text}" for s in st[:3]]
    rows = [header,
            ["A1", "n.v.t.", "4", "Weet niet", "N/A", "4 - Tevreden", ""],
            ["A2", "", "", "", "", "", ""],                       # no answer at all: left out, counted
            ["A3", "5", "", "", "Zeer tevreden", "", ""],          # partial: what was answered stays
            ["A4", "misschien", "3", "", "", "", "7"]]             # unreadable: listed with row and column
    export = tmp_path / "partial.csv"
    export.write_text("\n".join(",".join(r) for r in rows), encoding="utf-8")
    done = import_exports([export], base, wave="W", output=tmp_path / "o.xlsx")
    e = done.exports[0]
    assert done.exit_code == 1
    assert e.excluded["empty"] == 1 and e.respondents == 3
    got = [(r["respondent"], r["touchpoint_id"], r.get("importance"), r.get("rating")) for r in e.rows]
    assert got == [("A1", "E02", 4, 4), ("A3", "E01", 5, 5), ("A4", "E02", 3, None)]
    assert [(u.row, u.column, u.value) for u in e.unreadable] == [(5, "B", "misschien"), (5, "G", "7")]


def test_qualtrics_seen_but_unanswered_is_no_answer(base, made, records, tmp_path):
    journey, q = made
    partial = [h.Record(r.ident, r.when, {k: v for k, v in r.importance.items() if k != "E03"}, r.rating, r.overall)
               for r in records[:10]]
    export = h.qualtrics(tmp_path / "q.csv", q, partial, numeric=True, unanswered_code=True)
    assert b"-99" in export.read_bytes()
    done = import_exports([export], base, wave=WAVE, output=tmp_path / "o.xlsx")
    assert not done.exports[0].unreadable
    assert done.exports[0].rows == h.long_rows(partial, journey, WAVE)


def test_comments_stay_text_even_when_they_look_like_formulas(base, made, records, tmp_path):
    _, q = made
    hostile = ['=HYPERLINK("http://evil.example","klik")', "+31 6 1234", "@SUM(A1)", "-2+3", "<b>&amp;</b>"]
    recs = [h.Record(r.ident, r.when, r.importance, r.rating, r.overall, hostile[i % len(hostile)])
            for i, r in enumerate(records[:10])]
    st = q.statements
    header = ["Respondent", "Datum", *[f"Tevredenheid {s.text}" for s in st], f"Opmerking over {st[4].text}",
              q.comment]
    rows = [header] + [[r.ident, "2026-10-05", *[r.rating.get(s.touchpoint_id, "") for s in st],
                        f"=1+1 over {r.ident}", r.comment] for r in recs]
    import csv
    with (tmp_path / "c.csv").open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    out = tmp_path / "o.xlsx"
    import_exports([tmp_path / "c.csv"], base, wave=WAVE, output=out)
    sheet = zipfile.ZipFile(out).read("xl/worksheets/sheet8.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    ws = openpyxl.load_workbook(out)["Antwoorden"]
    header_row = [c.value for c in ws[1]]
    assert "Algemene opmerking" in header_row
    general = header_row.index("Algemene opmerking")
    values = [row[general] for row in ws.iter_rows(min_row=2, values_only=True) if row[general]]
    assert values == [r.comment for r in recs]
    comments = {(r["respondent"], r["touchpoint_id"]): r.get("comment") for r in h.responses(out, WAVE)}
    # the touchpoint's own comment on its row; the general comment on no touchpoint's
    assert comments[(recs[0].ident, st[4].touchpoint_id)] == f"=1+1 over {recs[0].ident}"
    assert all(c is None for (_, tp), c in comments.items() if tp != st[4].touchpoint_id)
    # the table covers the new column
    table = zipfile.ZipFile(out).read("xl/tables/table5.xml").decode()
    assert 'name="Algemene opmerking"' in table and 'ref="A1:I' in table and 'count="9"' in table


def test_a_scale_other_than_the_journeys_is_refused(base, made, records, tmp_path):
    _, q = made
    st = q.statements
    seven = ["Zeer ontevreden", "Ontevreden", "Enigszins ontevreden", "Neutraal", "Enigszins tevreden", "Tevreden",
             "Zeer tevreden"]
    rows = [["Respondent", *[f"Tevredenheid {s.text}" for s in st]]]
    rows += [[f"P{i}", *[seven[(i + j) % 7] for j in range(len(st))]] for i in range(10)]
    export = tmp_path / "seven.csv"
    export.write_text("\n".join(",".join(r) for r in rows), encoding="utf-8")
    with pytest.raises(ImportRefused) as exc:
        import_exports([export], base, wave=WAVE, output=tmp_path / "o.xlsx")
    assert "7-point" in exc.value.message.en and "never rescaled" in exc.value.message.en
    assert "7-puntsschaal" in exc.value.message.nl
    assert not (tmp_path / "o.xlsx").exists()
    tens = [["Respondent", *[f"Tevredenheid {s.text}" for s in st]]]
    tens += [[f"P{i}", *[str((i + j) % 11) for j in range(len(st))]] for i in range(10)]
    export.write_text("\n".join(",".join(r) for r in tens), encoding="utf-8")
    with pytest.raises(ImportRefused) as exc:
        import_exports([export], base, wave=WAVE, output=tmp_path / "o.xlsx")
    assert "from 0 to 9" in exc.value.message.en and "van 0 tot 9" in exc.value.message.nl


def test_an_export_of_another_journey_ends_in_one_sentence(base, records, tmp_path, capsys):
    other = h.workbook_without(tmp_path, None, name="home-insurance", drop_all=True)
    journey, q = h.questionnaire(other)
    export = h.google_forms(tmp_path / "other.csv", q, [h.Record("x", records[0].when, {journey.touchpoints[0].id: 4})])
    code = cli_main(["survey", "import", str(export), "--into", str(base), "-o", str(tmp_path / "o.xlsx")])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1
    assert "andere klantreis" in err and "--map" in err  # in the workbook's language (Dutch)
    assert not (tmp_path / "o.xlsx").exists()


def test_a_map_file_names_what_the_texts_do_not(base, tmp_path):
    rows = [["Respondent", "Q1", "Q2", "Postcode"], ["M1", "4", "2", "1234 AB"], ["M2", "5", "3", "9999 ZZ"]]
    export = tmp_path / "codes.csv"
    export.write_text("\n".join(",".join(r) for r in rows), encoding="utf-8")
    with pytest.raises(ImportRefused):
        import_exports([export], base, wave="W", dry_run=True)
    mapping = tmp_path / "map.csv"
    mapping.write_text("column,touchpoint_id,field\nQ1,E05,importance\nQ2,E05,rating\n", encoding="utf-8")
    done = import_exports([export], base, wave="W", map_file=mapping, dry_run=True)
    e = done.exports[0]
    assert [(r["respondent"], r["touchpoint_id"], r["importance"], r["rating"]) for r in e.rows] == \
        [("M1", "E05", 4, 2), ("M2", "E05", 5, 3)]
    assert [i.column.header for i in e.ignored] == ["Postcode"]
    data = e.to_dict("en")
    assert data["ignored"][0]["column"] == "D"


def test_an_ambiguous_text_is_not_guessed(base, tmp_path):
    rows = [["Respondent", "Tevredenheid termijnbedrag"], ["A", "4"]]
    export = tmp_path / "vague.csv"
    export.write_text("\n".join(",".join(r) for r in rows), encoding="utf-8")
    with pytest.raises(ImportRefused):
        import_exports([export], base, wave="W", dry_run=True)


def test_text_without_an_id_is_matched_when_it_names_one_touchpoint(base, made, tmp_path):
    rows = [["Respondent", "Hoe tevreden bent u over: Ontvangt de jaarafrekening",
             "Belang - Bekijkt verbruik in de ap"], ["A", "4", "5"]]
    export = tmp_path / "texts.csv"
    export.write_text("\n".join(",".join(r) for r in rows), encoding="utf-8")
    e = import_exports([export], base, wave="W", dry_run=True).exports[0]
    assert [(m.touchpoint_id, m.field, m.how) for m in e.mapped] == [("E12", "rating", "text"),
                                                                      ("E10", "importance", "fuzzy")]


def test_dry_run_writes_nothing_and_json_has_the_contract_shape(base, made, records, tmp_path, capsys):
    _, q = made
    export = h.microsoft_forms(tmp_path / "ms.xlsx", q, records, dutch=False)
    before = sorted(p.name for p in tmp_path.iterdir())
    code = cli_main(["survey", "import", str(export), "--into", str(base), "--dry-run", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and sorted(p.name for p in tmp_path.iterdir()) == before
    assert list(data) == ["file", "tool", "wave", "respondents", "rows", "excluded", "columns", "ignored",
                          "unreadable"]
    assert data["tool"] == "microsoft-forms" and data["respondents"] == len(records)
    assert set(data["columns"][0]) == {"column", "header", "touchpoint_id", "field"}
    assert {c["field"] for c in data["columns"]} == {"importance", "rating", "overall", "general_comment"}


def test_text_report_says_tool_wave_columns_and_counts_in_both_languages(base, made, records, tmp_path, capsys):
    _, q = made
    export = h.qualtrics(tmp_path / "q.csv", q, records, preview=1)
    cli_main(["survey", "import", str(export), "--into", str(base), "--dry-run"])
    nl = capsys.readouterr().out
    assert "gelezen als export van Qualtrics" in nl and "meting: 2026-10-" in nl
    assert "1 weggelaten (1 voorbeeld of test)" in nl and "proefrun" in nl
    cli_main(["survey", "import", str(export), "--into", str(base), "--dry-run", "--lang", "en"])
    en = capsys.readouterr().out
    assert "read as a Qualtrics export (three header rows)" in en and "E01 importance (by its ID)" in en


@pytest.mark.parametrize("content, words", [
    (b"", "empty"),
    (b"\x00\x01\x02garbage\x00" * 100, "binary"),
    (b"PK\x03\x04 not really a zip", "damaged"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls"),
    (b'"unterminated,field\n' + b"x" * 200_000, "CSV"),
    (b"a,b,c\n1,2,3\n", "another journey"),
])
def test_malformed_files_end_in_one_sentence(base, tmp_path, capsys, content, words):
    export = tmp_path / "bad.csv"
    export.write_bytes(content)
    code = cli_main(["survey", "import", str(export), "--into", str(base), "--dry-run", "--lang", "en"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and "Traceback" not in err
    assert words in err


def test_a_huge_file_is_refused_before_it_is_read(base, tmp_path, capsys, monkeypatch):
    export = tmp_path / "huge.csv"
    export.write_text("Respondent,x\n" + "1,2\n" * 5000, encoding="utf-8")
    monkeypatch.setattr(exports_module, "MAX_BYTES", 1000)
    code = cli_main(["survey", "import", str(export), "--into", str(base), "--dry-run", "--lang", "en"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and "more than" in err and len(err.splitlines()) == 1
    monkeypatch.setattr(exports_module, "MAX_BYTES", 10**9)
    monkeypatch.setattr(exports_module, "MAX_ROWS", 100)
    code = cli_main(["survey", "import", str(export), "--into", str(base), "--dry-run", "--lang", "en"])
    assert code == 2 and "more than 100 rows" in capsys.readouterr().err


def test_without_wave_or_dates_the_wave_must_be_named(base, tmp_path, capsys):
    export = tmp_path / "nodate.csv"
    export.write_text("Respondent,Belang (E01)\nA,4\n", encoding="utf-8")
    code = cli_main(["survey", "import", str(export), "--into", str(base), "--dry-run"])
    assert code == 2 and "--wave" in capsys.readouterr().err


def test_in_place_keeps_a_backup_and_the_original_bytes_in_it(base, made, records, tmp_path):
    _, q = made
    work = tmp_path / "journey.xlsx"
    shutil.copy(base, work)
    original = work.read_bytes()
    import_exports([h.typeform(tmp_path / "t.csv", q, records)], work, wave=WAVE, in_place=True)
    assert (tmp_path / "journey.backup.xlsx").read_bytes() == original
    assert work.read_bytes() != original


def test_the_two_wave_sample_is_rebuilt_from_its_two_exports(tmp_path):
    """samples/survey/: the workbook without responses, the Nulmeting (Google Forms) and the Hermeting
    (Microsoft Forms) give the gaps and progress of samples/energy-switch.xlsx exactly."""
    shipped = h.SAMPLES / "survey"
    work = tmp_path / "klantreis.xlsx"
    shutil.copy(shipped / "energy-switch.zonder-antwoorden.xlsx", work)
    assert cli_main(["survey", "import", str(shipped / "nulmeting.google-forms.csv"), "--into", str(work),
                     "--wave", "Nulmeting", "--in-place"]) == 0
    assert cli_main(["survey", "import", str(shipped / "hermeting.microsoft-forms.xlsx"), "--into", str(work),
                     "--wave", "Hermeting", "--in-place"]) == 0
    sample = h.SAMPLES / "energy-switch.xlsx"
    assert gaps_workbook(work).priorities.to_dict() == gaps_workbook(sample).priorities.to_dict()
    assert progress_workbook(work, "2027-01-01").progress.to_dict() == \
        progress_workbook(sample, "2027-01-01").progress.to_dict()


def test_the_shipped_sample_exports_are_current(tmp_path):
    """samples/survey/ is what helpers.sample_exports builds (cell by cell): rebuild it with
    python -c "from tests.surveys.helpers import *; sample_exports(SAMPLES / 'survey')"."""
    from python_calamine import CalamineWorkbook

    fresh = h.sample_exports(tmp_path)
    shipped = h.SAMPLES / "survey"
    assert (shipped / fresh["google"].name).read_bytes() == fresh["google"].read_bytes()
    for key in ("forms", "base"):
        a = CalamineWorkbook.from_path(str(shipped / fresh[key].name))
        b = CalamineWorkbook.from_path(str(fresh[key]))
        assert a.sheet_names == b.sheet_names
        for name in a.sheet_names:
            assert a.get_sheet_by_name(name).to_python() == b.get_sheet_by_name(name).to_python(), name


def test_several_exports_at_once_each_under_its_own_wave(base, made, records, tmp_path, capsys):
    _, q = made
    early = [h.Record(r.ident + "a", r.when.replace(month=3), r.importance, r.rating, r.overall) for r in records[:5]]
    a = h.typeform(tmp_path / "a.csv", q, early)
    b = h.limesurvey(tmp_path / "b.csv", q, records[5:10])
    code = cli_main(["survey", "import", str(a), str(b), "--into", str(base), "--dry-run", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and [d["tool"] for d in data] == ["typeform", "limesurvey"]
    assert [d["wave"] for d in data] == ["2026-03-01", max(r.when for r in records[5:10]).date().isoformat()]


def test_control_characters_and_endless_comments_still_give_a_workbook(base, made, records, tmp_path):
    _, q = made
    recs = [h.Record(r.ident, r.when, r.importance, r.rating, r.overall, c)
            for r, c in zip(records[:3], ["bel\x01l\x0bmij", "x" * 40_000, "gewoon"], strict=True)]
    out = tmp_path / "o.xlsx"
    import_exports([h.qualtrics(tmp_path / "q.csv", q, recs)], base, wave=WAVE, output=out)
    ws = openpyxl.load_workbook(out)["Antwoorden"]
    general = [c.value for c in ws[1]].index("Algemene opmerking")
    values = [row[general] for row in ws.iter_rows(min_row=2, values_only=True) if row[general]]
    assert values[0] == "bellmij" and len(values[1]) == 32767 and values[2] == "gewoon"


def test_utf16_tab_separated_exports_are_read(base, made, records, tmp_path):
    journey, q = made
    csv_path = h.surveymonkey(tmp_path / "sm.csv", q, records[:4])
    text = csv_path.read_text(encoding="utf-8")
    rows = list(__import__("csv").reader(text.splitlines()))
    tsv = tmp_path / "sm.tsv"
    tsv.write_bytes("\r\n".join("\t".join(r) for r in rows).encode("utf-16"))
    e = import_exports([tsv], base, wave=WAVE, dry_run=True).exports[0]
    assert e.tool == "surveymonkey" and e.rows == h.long_rows(records[:4], journey, WAVE)


def test_a_comment_about_a_phase_is_kept_with_the_respondent_under_the_phase_name(base, tmp_path):
    rows = [["Respondent", "Tevredenheid (E08)", "Opmerking over de fase Eerste maanden", "Wilt u nog iets kwijt?"],
            ["A", "2", "Termijn te hoog", "Nee"], ["B", "4", "", "Prima"]]
    export = tmp_path / "phase.csv"
    export.write_text("\n".join(",".join(r) for r in rows), encoding="utf-8")
    e = import_exports([export], base, wave="W", dry_run=True).exports[0]
    assert [r.get("general_comment") for r in e.rows] == ["Eerste maanden: Termijn te hoog\nNee", "Prima"]
    assert all("comment" not in r for r in e.rows)


def test_a_workbook_that_is_no_journey_and_a_missing_map_file_are_one_sentence(base, tmp_path, capsys):
    other = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "x"
    wb.save(other)
    export = tmp_path / "e.csv"
    export.write_text("Respondent,Belang (E01)\nA,4\n", encoding="utf-8")
    assert cli_main(["survey", "import", str(export), "--into", str(other), "--wave", "W"]) == 2
    err = capsys.readouterr().err.strip()
    assert "xlplugin new" in err and len(err.splitlines()) == 1
    assert cli_main(["survey", "import", str(export), "--into", str(base), "--wave", "W", "--map", "nope.csv"]) == 2
    assert "nope.csv" in capsys.readouterr().err


def test_a_created_sheet_is_also_unchanged_by_a_second_import(bare, made, records, tmp_path):
    _, q = made
    export = h.limesurvey(tmp_path / "l.csv", q, records, codes=False)
    out = tmp_path / "out.xlsx"
    import_exports([export], bare, wave=WAVE, output=out)
    once = {n: zipfile.ZipFile(out).read(n) for n in zipfile.ZipFile(out).namelist()}
    again = import_exports([export], out, wave=WAVE, in_place=True)
    assert not again.created and again.added == 0
    assert {n: zipfile.ZipFile(out).read(n) for n in zipfile.ZipFile(out).namelist()} == once


def test_an_export_without_any_answer_yet_is_one_sentence(base, made, tmp_path, capsys):
    _, q = made
    export = h.qualtrics(tmp_path / "q.csv", q, [], preview=2)
    assert cli_main(["survey", "import", str(export), "--into", str(base), "--dry-run", "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip()
    assert "no answer" in err and "2 of them previews" in err and len(err.splitlines()) == 1

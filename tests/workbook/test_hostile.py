"""Hostile and messy input: a corpus of bad files built in code, each with its exact
outcome, a fuzz test over mutated workbooks, and the guarantees on writing."""

from __future__ import annotations

import hashlib
import io
import os
import re
import signal
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xlplugin.api import annotate_workbook, check_workbook
from xlplugin.errors import WorkbookError
from xlplugin.files import guard
from xlplugin.files.safe import atomic_save
from xlplugin.workbook import write_workbook

from helpers.workbooks import example


def good(tmp_path: Path, name: str = "good.xlsx") -> Path:
    return write_workbook(tmp_path / name, example("home-insurance"))


def rezip(source: Path, target: Path, change: Callable[[str, bytes], bytes | None],
          extra: dict[str, bytes] | None = None) -> Path:
    """`source` repacked with each part passed through `change` (None drops the part)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = change(info.filename, src.read(info.filename))
            if data is not None:
                out.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            out.writestr(name, data)
    return target


def in_part(part: str, old: bytes | str, new: bytes | str) -> Callable[[str, bytes], bytes]:
    old_b = old.encode() if isinstance(old, str) else old
    new_b = new.encode() if isinstance(new, str) else new
    return lambda name, data: data.replace(old_b, new_b, 1) if name == part else data


def zip_of(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


BOMB_DTD = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;'
            b'&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'
            b'&lol2;">]>')
TOUCHPOINTS_PART = "xl/worksheets/sheet5.xml"


def encrypted(tmp_path: Path) -> Path:
    plain = good(tmp_path, "plain.xlsx")
    target = tmp_path / "secret.xlsx"
    with plain.open("rb") as f, target.open("wb") as out:
        msoffcrypto.OfficeFile(f).encrypt("geheim", out)
    return target


# name -> (build(tmp_path) -> path, expected start of the English message)
UNREADABLE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing file": (lambda t: t / "nowhere.xlsx", "File not found"),
    "a folder": (lambda t: t, "is a folder, not a workbook"),
    "empty file": (lambda t: _write(t, b""), "is empty (0 bytes)"),
    "csv with semicolons": (lambda t: _write(t, "ID;Fase;Contactmoment\nC1;Oriëntatie;Zoekt\n".encode()), "is a text (CSV) file"),
    "csv with commas": (lambda t: _write(t, b"ID,Phase,Touchpoint\nT1,Explore,Reads\n"), "is a text (CSV) file"),
    "tab separated": (lambda t: _write(t, b"ID\tPhase\nT1\tExplore\n"), "is a text (CSV) file"),
    "csv with bom": (lambda t: _write(t, b"\xef\xbb\xbfID;Fase\nC1;A\n"), "is a text (CSV) file"),
    "html saved as xlsx": (lambda t: _write(t, b"<html><body><table><tr><td>ID</td></tr></table></body></html>"),
                           "is a web page (HTML)"),
    "excel 2003 xml": (lambda t: _write(t, b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'),
                       "is an Excel 2003 XML spreadsheet"),
    "pdf": (lambda t: _write(t, b"%PDF-1.7\n%binary"), "is a PDF document"),
    "random bytes": (lambda t: _write(t, bytes(range(256)) * 8), "is not an Excel workbook (.xlsx)"),
    "legacy xls": (lambda t: _write(t, guard.OLE_MAGIC + bytes(4000)), "is an old Excel 97-2003 file (.xls)"),
    "password protected": (encrypted, "is protected with a password"),
    "plain zip": (lambda t: _write(t, zip_of({"notes.txt": b"hello"})), "is a zip file, not an Excel workbook"),
    "ods": (lambda t: _write(t, zip_of({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                                        "content.xml": b"<x/>"})), "is an OpenDocument spreadsheet (.ods)"),
    "xlsb": (lambda t: _write(t, zip_of({"[Content_Types].xml": b"<Types/>", "xl/workbook.bin": b"\x00"})),
             "is an Excel binary workbook (.xlsb)"),
    "docx": (lambda t: _write(t, zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})),
             "is a Word document"),
    "pptx": (lambda t: _write(t, zip_of({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"})),
             "is a PowerPoint file"),
    "strict open xml": (lambda t: rezip(good(t), t / "strict.xlsx", in_part(
        "xl/workbook.xml", "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "http://purl.oclc.org/ooxml/spreadsheetml/main")), "is saved as 'Strict Open XML'"),
    "truncated": (lambda t: _write(t, good(t).read_bytes()[:3000]), "is damaged (not a complete Excel file)"),
    "zip bomb": (lambda t: _write(t, zip_of({"[Content_Types].xml": b"<Types/>", "xl/huge.xml": bytes(60 * 2**20)})),
                 "has a part that unpacks"),
    "too many parts": (lambda t: _write(t, zip_of({"[Content_Types].xml": b"<Types/>",
                                                  **{f"x/{i}.xml": b"<a/>" for i in range(guard.MAX_ENTRIES + 1)}})),
                       "holds 5002 parts"),
    "entity bomb in a sheet": (lambda t: rezip(good(t), t / "bomb.xlsx", lambda n, d: (
        BOMB_DTD + d.split(b"?>", 1)[-1].replace(b"<sheetData>", b"<sheetData><row r='99'><c r='A99' t='inlineStr'><is><t>&lol3;</t></is></c></row>", 1)
        if n == TOUCHPOINTS_PART else d)), "contains XML entity declarations, which Excel never writes"),
    "external entity": (lambda t: rezip(good(t), t / "xxe.xlsx", lambda n, d: (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + d.split(b"?>", 1)[-1]
        if n == "xl/workbook.xml" else d)), "contains XML entity declarations, which Excel never writes"),
    "workbook part missing": (lambda t: rezip(good(t), t / "nowb.xlsx", lambda n, d: None if n == "xl/workbook.xml" else d),
                              "is not a readable Excel workbook"),
    "sheet xml broken": (lambda t: rezip(good(t), t / "broken.xlsx", lambda n, d: d[: len(d) // 2] if n == TOUCHPOINTS_PART else d),
                         "is damaged and could not be read"),
    "shared strings gone": (lambda t: excel_style(t, with_strings=False), "is damaged and could not be read"),
}


def _write(tmp_path: Path, data: bytes, name: str = "input.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def excel_style(tmp_path: Path, with_strings: bool) -> Path:
    """A minimal package as Excel writes it: text in the shared-strings table, which the
    sheet refers to by index; `with_strings=False` leaves that table out."""
    files = {
        "[Content_Types].xml": (
            b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            b'<Default Extension="xml" ContentType="application/xml"/>'
            b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            b"</Types>"),
        "_rels/.rels": ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                        f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>').encode(),
        "xl/workbook.xml": (f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets>'
                            '<sheet name="Touchpoints" sheetId="1" r:id="rId1"/></sheets></workbook>').encode(),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>').encode(),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
            '<c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c>'
            '<c r="C2" t="s"><v>5</v></c></row></sheetData></worksheet>').encode(),
    }
    if with_strings:
        words = ["ID", "Phase", "Touchpoint", "T1", "One", "Reads"]
        files["xl/sharedStrings.xml"] = (f'<sst xmlns="{MAIN}" count="6" uniqueCount="6">'
                                         + "".join(f"<si><t>{w}</t></si>" for w in words) + "</sst>").encode()
    return _write(tmp_path, zip_of(files), "excel-style.xlsx")


def test_the_excel_style_package_reads(tmp_path):
    from xlplugin.workbook import read_workbook

    assert read_workbook(excel_style(tmp_path, True)).document["touchpoints"] == [{"id": "T1", "phase": "One", "name": "Reads"}]


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


@pytest.mark.parametrize("case", UNREADABLE)
def test_unreadable_input_is_one_clear_sentence_and_exit_2(tmp_path, case):
    build, expected = UNREADABLE[case]
    path = build(tmp_path)
    before = digest(path)
    with pytest.raises(WorkbookError) as info:
        check_workbook(path)
    assert expected in info.value.message.en, info.value.message.en
    assert info.value.message.nl and info.value.message.nl != info.value.message.en
    assert digest(path) == before  # the input is never touched
    result = subprocess.run([sys.executable, "-m", "xlplugin", "check", str(path)], capture_output=True, text=True,
                            timeout=120, env={**os.environ, "XLPLUGIN_LANG": "nl"})
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    if case == "a folder":  # the command line searches a folder for workbooks; this one holds none
        assert result.stderr.strip() == f"xlplugin: Geen werkmappen (.xlsx, .xlsm) gevonden in {path}."
    else:
        assert result.stderr.strip() == f"xlplugin: {info.value.message.nl}"


# name -> (edit of a good workbook with openpyxl, expected (code, sheet, cell) rows)
MESSY: dict[str, tuple[Callable[[openpyxl.Workbook], None], list[tuple[str, str, str | None]]]] = {
    "headers shuffled": (lambda wb: _swap_columns(wb["Touchpoints"], 1, 7), []),
    "title rows above the headers": (lambda wb: wb["Phases"].insert_rows(1, 3), []),
    # merging A2:A3 empties A3, so H02 is gone and its blueprint step points nowhere
    "merged id cells": (lambda wb: wb["Touchpoints"].merge_cells("A2:A3"),
                        [("missing-value", "Touchpoints", "A3"), ("unknown-touchpoint", "Blueprint", "A5")]),
    "formula without value": (lambda wb: wb["Touchpoints"].__setitem__("G4", "=1+1"),
                              [("formula-without-value", "Touchpoints", "G4")]),
    "error value cached": (lambda wb: _text(wb["Touchpoints"], "G5", "#DIV/0!"), [("invalid-number", "Touchpoints", "G5")]),
    "a date as importance": (lambda wb: wb["Touchpoints"].__setitem__("F6", __import__("datetime").date(2026, 5, 1)),
                             [("invalid-number", "Touchpoints", "F6")]),
    "true as rating": (lambda wb: wb["Touchpoints"].__setitem__("G7", True), [("invalid-number", "Touchpoints", "G7")]),
    "a very long name": (lambda wb: wb["Touchpoints"].__setitem__("C8", "lang " * 6000), []),
    "touchpoints very hidden": (lambda wb: setattr(wb["Touchpoints"], "sheet_state", "veryHidden"), []),
    "emoji and right-to-left text": (lambda wb: wb["Touchpoints"].__setitem__("C2", "Leest 📦 مرحبا"), []),
    "numbers typed as text with spaces": (lambda wb: _text(wb["Touchpoints"], "F9", "  4,5 "), []),
    "a column twice": (lambda wb: wb["Touchpoints"].__setitem__("Q1", "Importance"),
                       [("duplicate-column", "Touchpoints", "Q1")]),
    "text that looks like a formula": (lambda wb: _text(wb["Touchpoints"], "N2", "=cmd|' /C calc'!A0"), []),
}


def _text(ws, ref: str, value: str) -> None:
    ws[ref] = value
    ws[ref].data_type = "s"


def _swap_columns(ws, a: int, b: int) -> None:
    for row in ws.iter_rows():
        row[a - 1].value, row[b - 1].value = row[b - 1].value, row[a - 1].value


@pytest.mark.parametrize("edit", [
    lambda wb: [setattr(ws, "title", f"Blad{i}") for i, ws in enumerate(wb.worksheets)],  # every sheet renamed
    lambda wb: [wb.remove(ws) for ws in wb.worksheets[1:]],  # only the Start sheet left
])
def test_no_journey_sheet_is_not_a_journey_workbook(make_workbook, edit):
    path = make_workbook(edit=edit)
    with pytest.raises(WorkbookError, match=r"not a journey workbook.*xlplugin new"):
        check_workbook(path)


@pytest.mark.parametrize("case", MESSY)
def test_messy_workbook_gives_exactly_the_expected_findings(make_workbook, case):
    edit, expected = MESSY[case]
    path = make_workbook(edit=edit)
    assert check_workbook(path).flatten() == expected


def lie_about_size(tmp_path: Path) -> Path:
    def change(name: str, data: bytes) -> bytes:
        if name != TOUCHPOINTS_PART:
            return data
        data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', data)
        far = b'<row r="1048576" s="1" customFormat="1"><c r="XFD1048576" s="1"/></row>'
        return data.replace(b"</sheetData>", far + b"</sheetData>")
    return rezip(good(tmp_path), tmp_path / "lying.xlsx", change)


def test_a_sheet_that_claims_a_million_rows_costs_only_its_data(tmp_path):
    report = check_workbook(lie_about_size(tmp_path))
    assert report.flatten() == []  # the benchmark measures the time; here: it finishes and reads right


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/styles.xml", TOUCHPOINTS_PART, "[Content_Types].xml",
                                  "xl/_rels/workbook.xml.rels", "docProps/app.xml"])
def test_random_bytes_in_a_part_never_give_a_traceback(tmp_path, part):
    path = rezip(good(tmp_path), tmp_path / "garbled.xlsx", lambda n, d: d[:40] + os.urandom(64) + d[104:] if n == part else d)
    try:
        check_workbook(path)
    except WorkbookError as exc:
        assert exc.message.en and exc.message.nl


CELL_TEXT = st.characters(blacklist_categories=("Cc", "Cs"))  # what a cell can hold at all
MUTATIONS = st.one_of(
    st.tuples(st.just("value"), st.sampled_from(["Journey", "Persona", "Phases", "Touchpoints", "Blueprint", "Actions"]),
              st.integers(1, 20), st.integers(1, 17),
              st.one_of(st.none(), st.text(CELL_TEXT, max_size=30), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                        st.booleans(), st.dates())),
    st.tuples(st.just("delete-sheet"), st.sampled_from(["Journey", "Persona", "Phases", "Touchpoints", "Blueprint",
                                                        "Actions", "Responses", "Lists", "Start"])),
    st.tuples(st.just("delete-column"), st.sampled_from(["Phases", "Touchpoints", "Blueprint", "Actions"]),
              st.integers(1, 16)),
    st.tuples(st.just("rename-header"), st.sampled_from(["Touchpoints", "Blueprint"]), st.integers(1, 16),
              st.text(CELL_TEXT, max_size=12)),
    st.tuples(st.just("shuffle-headers"), st.sampled_from(["Touchpoints", "Actions"]), st.randoms()),
    st.tuples(st.just("merge"), st.sampled_from(["Touchpoints", "Blueprint"]), st.integers(1, 10), st.integers(1, 8)),
)


def _mutate(wb: openpyxl.Workbook, mutation: tuple) -> None:
    kind, sheet, *rest = mutation
    ws = wb[sheet] if sheet in wb.sheetnames else None
    if ws is None:
        return
    if kind == "value":
        r, c, value = rest
        cell = ws.cell(r, c)
        if not isinstance(cell, openpyxl.cell.cell.MergedCell):
            cell.value = value if not (isinstance(value, float) and value != value) else "nan"
            if isinstance(value, str):
                cell.data_type = "s"
    elif kind == "delete-sheet":
        if len(wb.sheetnames) > 1:
            wb.remove(ws)
    elif kind == "delete-column":
        ws.delete_cols(rest[0])
    elif kind == "rename-header":
        cell = ws.cell(1, rest[0])
        if not isinstance(cell, openpyxl.cell.cell.MergedCell):
            _text(ws, cell.coordinate, rest[1])
    elif kind == "shuffle-headers":
        free = [c for c in ws[1] if not isinstance(c, openpyxl.cell.cell.MergedCell)]
        headers = [c.value for c in free]
        rest[0].shuffle(headers)
        for c, h in zip(free, headers, strict=True):
            c.value = h
    elif kind == "merge":
        r, c = rest
        ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c + 1)


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout


PARTS = ["xl/workbook.xml", "xl/styles.xml", TOUCHPOINTS_PART, "xl/worksheets/sheet2.xml", "[Content_Types].xml",
         "xl/_rels/workbook.xml.rels", "docProps/core.xml"]
GARBLE = st.one_of(st.none(), st.tuples(st.sampled_from(PARTS), st.integers(0, 4000), st.binary(min_size=1, max_size=64)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(MUTATIONS, min_size=1, max_size=4), GARBLE)
def test_fuzz_mutated_workbooks_never_crash_and_finish(tmp_path, mutations, garble):
    path = tmp_path / "fuzz.xlsx"
    write_workbook(path, example("home-insurance"))
    wb = openpyxl.load_workbook(path)
    for m in mutations:
        _mutate(wb, m)
    wb.save(path)
    if garble is not None:  # random bytes written over part of one package part
        part, at, junk = garble
        rezip(path, tmp_path / "garbled.xlsx", lambda n, d: d[:at] + junk + d[at + len(junk):] if n == part else d)
        os.replace(tmp_path / "garbled.xlsx", path)
    before = digest(path)
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(30)  # bounded: a hang fails the test instead of stalling the run
    try:
        report = check_workbook(path)
        assert report.counts["error"] >= 0
    except WorkbookError as exc:
        assert exc.message.en and exc.message.nl
    except _Timeout:
        pytest.fail(f"check did not finish in 30 s after {mutations}")
    finally:
        signal.alarm(0)
    assert digest(path) == before


ONE_CELL = [
    ("F", "quite", "invalid-number"), ("G", 99, "out-of-range"), ("H", "jubelend", "invalid-choice"),
    ("I", "perhaps", "invalid-choice"), ("K", "many", "invalid-number"), ("L", 0, "out-of-range"),
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(2, 17), st.sampled_from(ONE_CELL), st.sampled_from(["en", "nl"]))
def test_one_cell_changed_gives_exactly_that_finding(tmp_path, row, change, lang):
    column, value, code = change
    path = tmp_path / "one.xlsx"
    write_workbook(path, example("home-insurance"), lang)
    sheet = "Touchpoints" if lang == "en" else "Contactmomenten"
    assert check_workbook(path).flatten() == []
    wb = openpyxl.load_workbook(path)
    wb[sheet][f"{column}{row}"] = value
    if isinstance(value, str):
        wb[sheet][f"{column}{row}"].data_type = "s"
    wb.save(path)
    assert check_workbook(path).flatten() == [(code, sheet, f"{column}{row}")]


def test_a_failed_write_leaves_the_old_file_intact(tmp_path):
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"yesterday's deck")

    def broken(tmp: str) -> None:
        Path(tmp).write_bytes(b"half a file")
        raise OSError("disk full")

    with pytest.raises(OSError):
        atomic_save(target, broken)
    assert target.read_bytes() == b"yesterday's deck"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]  # no temporary file left behind


def test_a_locked_file_gives_a_clear_message(tmp_path, monkeypatch):
    target = tmp_path / "open-in-excel.xlsx"
    target.write_bytes(b"the user's file")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(WorkbookError, match="open in another program"):
        atomic_save(target, lambda tmp: Path(tmp).write_bytes(b"new"))
    assert target.read_bytes() == b"the user's file"


def test_links_the_tool_writes_are_internal_only(tmp_path):
    def edit(wb):
        _text(wb["Touchpoints"], "N2", "https://evil.example/steal")
        _text(wb["Touchpoints"], "F3", "javascript:alert(1)")

    document = example("home-insurance")
    path = write_workbook(tmp_path / "links.xlsx", document)
    wb = openpyxl.load_workbook(path)
    edit(wb)
    wb.save(path)
    done = annotate_workbook(path)
    with zipfile.ZipFile(done.path) as z:
        for name in z.namelist():
            data = z.read(name)
            if name.endswith(".rels"):
                assert b"TargetMode=\"External\"" not in data, name
    findings = openpyxl.load_workbook(done.path)["Findings"]
    assert all(c.hyperlink is None or c.hyperlink.target is None for row in findings.iter_rows() for c in row)

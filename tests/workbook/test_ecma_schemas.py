"""Every package the tool writes is valid Office Open XML: each XML part validates against the
ECMA-376 Transitional schemas after markup compatibility is processed as Office does it
(tests/ooxml_schema.py). python-pptx's chart axis ids, which it draws from a negative range
where the schema says unsignedInt, are the one known and accepted exception (PowerPoint and
LibreOffice read them); the ribbon part of the add-in and the core properties are not checked
(see ooxml_schema.SKIPPED_ROOTS)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from xlplugin.api import annotate_workbook, write_deck
from xlplugin.core.examples import EXAMPLES, load_example
from xlplugin.excel import addin
from xlplugin.workbook import write_workbook

from helpers.ooxml_schema import package_errors
from helpers.paths import ROOT

PPTX_AXIS_IDS = re.compile(
    r"^Element '\{http://schemas\.openxmlformats\.org/drawingml/2006/chart\}(axId|crossAx)', "
    r"attribute 'val': '-\d+' is not a valid value of the atomic type 'xs:unsignedInt'\.$")


def faulty(wb: openpyxl.Workbook) -> None:
    ws = wb["Touchpoints"]
    ws["F3"], ws["G5"], ws["F4"] = "quite", 9, None
    ws["G5"].fill = PatternFill("solid", fgColor="FF00B0F0")
    ws["F3"].comment = Comment("Ask Anna about this one", "Anna")


def test_the_validator_finds_what_the_schemas_forbid(tmp_path):
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(ROOT / "templates" / "journey-en.xlsx") as z, zipfile.ZipFile(bad, "w") as out:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename == "xl/workbook.xml":
                data = data.replace(b"<sheets>", b"<sheets><sheetView/>", 1)
            out.writestr(info, data)
    assert [":".join(e.split(":", 2)[:2]) for e in package_errors(bad)] == ["xl/workbook.xml:1"]


def test_markup_compatibility_is_processed_as_office_does():
    from lxml import etree

    from helpers.ooxml_schema import process_markup_compatibility, schema

    xml = (
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" mc:Ignorable="x15">'
        '<x15:workbookPr chartTrackingRefBase="1"/>'
        '<mc:AlternateContent><mc:Choice Requires="x15"><x15:absPath url="C:/"/></mc:Choice>'
        '<mc:Fallback><bookViews><workbookView x15:fancy="1"/></bookViews></mc:Fallback></mc:AlternateContent>'
        '<sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    assert not schema().validate(etree.ElementTree(etree.fromstring(xml)))
    processed = process_markup_compatibility(etree.fromstring(xml))
    assert schema().validate(etree.ElementTree(processed)), schema().error_log
    assert [etree.QName(c).localname for c in processed] == ["bookViews", "sheets"]


@pytest.mark.parametrize("path", sorted((ROOT / "templates").glob("*.xlsx")) + sorted((ROOT / "samples").glob("*.xlsx")),
                         ids=lambda p: p.name)
def test_templates_and_samples_are_valid(path):
    assert package_errors(path) == []


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_annotate_outputs_and_reruns_are_valid(tmp_path, lang):
    source = write_workbook(tmp_path / "journey.xlsx", load_example("home-insurance"), lang)
    if lang == "en":
        wb = openpyxl.load_workbook(source)
        faulty(wb)
        wb.save(source)
    first = annotate_workbook(source, output=tmp_path / "first.xlsx").path
    again = annotate_workbook(first, output=tmp_path / "again.xlsx").path
    for path in (first, again):
        assert package_errors(path) == [], path.name


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_decks_are_valid(tmp_path, name):
    deck = tmp_path / f"{name}.pptx"
    write_deck(load_example(name), deck)
    assert package_errors(deck, allowed=(PPTX_AXIS_IDS,)) == []


def test_the_addin_is_valid(tmp_path):
    assert package_errors(addin.build_addin(tmp_path).path) == []


def _note_shape_problems(path: Path) -> list[str]:
    """Note shapes whose id is used twice in the workbook, or lies outside its drawing's idmap
    (the blocks of 1024 ids the drawing claims): what makes Excel repair a workbook."""
    problems, seen = [], {}
    with zipfile.ZipFile(path) as z:
        for part in z.namelist():
            if not part.endswith(".vml"):
                continue
            text = z.read(part).decode("utf-8")
            blocks = {int(b) for m in re.findall(r'idmap[^>]*data="([^"]*)"', text) for b in m.split(",") if b}
            for n in map(int, re.findall(r'<v:shape [^>]*id="_x0000_s(\d+)"', text)):
                if n in seen:
                    problems.append(f"{part}: _x0000_s{n} also in {seen[n]}")
                seen[n] = part
                if n // 1024 not in blocks:
                    problems.append(f"{part}: _x0000_s{n} outside idmap {sorted(blocks)}")
    return problems


def test_annotate_numbers_note_shapes_inside_each_drawings_idmap(tmp_path):
    source = write_workbook(tmp_path / "journey.xlsx", load_example("home-insurance"), "en")
    wb = openpyxl.load_workbook(source)
    faulty(wb)
    wb.save(source)
    first = annotate_workbook(source, output=tmp_path / "first.xlsx").path
    again = annotate_workbook(first, output=tmp_path / "again.xlsx").path
    assert _note_shape_problems(first) == [] and _note_shape_problems(again) == []

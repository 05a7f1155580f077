"""The real office suite: templates and samples saved again by LibreOffice read back
as the same document with no findings, and its calculation of the live gap formulas
agrees with the method. Needs LibreOffice: fails, never skips, without it."""

from __future__ import annotations

import openpyxl
import pytest

from xlplugin.core.analysis.quadrants import QUADRANTS, Scale, gap_score, quadrant
from xlplugin.core.examples import load_example
from xlplugin.workbook import read_workbook, write_workbook

from helpers.office import libreoffice_convert


@pytest.mark.parametrize(
    "name,lang", [(None, "en"), (None, "nl"), ("food-supplier", None), ("home-insurance", "nl")]
)
def test_libreoffice_round_trip(tmp_path, name, lang):
    document = load_example(name) if name else None
    original = write_workbook(tmp_path / "journey.xlsx", document, lang)
    resaved = libreoffice_convert(original, "xlsx", tmp_path / "lo")
    before, after = read_workbook(original), read_workbook(resaved)
    assert after.findings == []
    assert after.document == before.document


@pytest.mark.parametrize("name", ["laptop-request", "food-supplier"])
def test_libreoffice_calculates_the_gap_formulas_as_the_method_says(tmp_path, name):
    document = load_example(name)
    resaved = libreoffice_convert(
        write_workbook(tmp_path / f"{name}.xlsx", document), "xlsx", tmp_path / "lo"
    )
    j = document["journey"]
    scale = Scale.of(j.get("rating_scale"), j.get("importance_threshold"), j.get("rating_threshold"))
    lang = document["language"]
    ws = openpyxl.load_workbook(resaved, data_only=True)["Contactmomenten" if lang == "nl" else "Touchpoints"]
    rows = list(ws.iter_rows(values_only=True))
    header = list(rows[0])
    gap_col, quad_col = header.index("Gapscore"), header.index("Kwadrant")
    for tp, row in zip(document["touchpoints"], rows[1:], strict=False):
        assert row[gap_col] == pytest.approx(gap_score(tp["importance"], tp["rating"], scale), abs=1e-9), tp[
            "id"
        ]
        assert row[quad_col] == QUADRANTS[quadrant(tp["importance"], tp["rating"], scale)].in_(lang), tp["id"]
    assert rows[len(document["touchpoints"]) + 1][quad_col] in (None, "")  # spare rows stay empty


def test_a_formula_saved_by_libreoffice_has_its_value(tmp_path):
    document = load_example("home-insurance")
    path = write_workbook(tmp_path / "f.xlsx", document)
    wb = openpyxl.load_workbook(path)
    wb["Touchpoints"]["F2"] = "=1+2"  # importance of H01 as a formula
    wb.save(path)
    assert [(f.code, f.cell) for f in read_workbook(path).findings] == [("formula-without-value", "F2")]
    resaved = read_workbook(libreoffice_convert(path, "xlsx", tmp_path / "lo"))
    assert resaved.findings == []
    assert resaved.document["touchpoints"][0]["importance"] == 3


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_libreoffice_gives_an_honest_live_answer_far_down_the_template(tmp_path, lang):
    """A person types touchpoints on row 150 of the template, one rated 9 on the 1-5 scale:
    LibreOffice shows a score where the values are on the scale and 'check' where not."""
    path = write_workbook(tmp_path / "journey.xlsx", lang=lang)
    wb = openpyxl.load_workbook(path)
    ws = wb["Touchpoints" if lang == "en" else "Contactmomenten"]
    header = [c.value for c in ws[1]]
    col = {key: header.index(name) + 1 for key, name in (
        ("id", "ID"), ("imp", "Importance" if lang == "en" else "Belang"),
        ("rat", "Rating" if lang == "en" else "Waardering"),
        ("gap", "Gap score" if lang == "en" else "Gapscore"), ("quad", "Quadrant" if lang == "en" else "Kwadrant"))}
    typed = {150: (9, 2), 151: (5, 1), 152: (5, "abc"), 153: (5, None), 154: (4, 4)}
    for row, (imp, rat) in typed.items():
        ws.cell(row, col["id"], f"T{row}")
        ws.cell(row, col["imp"], imp)
        ws.cell(row, col["rat"], rat)
    wb.save(path)
    resaved = libreoffice_convert(path, "xlsx", tmp_path / "lo")
    ws = openpyxl.load_workbook(resaved, data_only=True)["Touchpoints" if lang == "en" else "Contactmomenten"]
    got = {row: (ws.cell(row, col["gap"]).value, ws.cell(row, col["quad"]).value) for row in typed}
    check = "check" if lang == "en" else "controleer"
    assert got[150] == (check, check)
    assert got[152] == (check, check)
    assert got[151] == (100, QUADRANTS["concentrate-here"].in_(lang))
    assert got[153][0] in (None, "") and got[153][1] == QUADRANTS["unrated"].in_(lang)
    assert got[154][0] == pytest.approx(gap_score(4, 4, Scale.of(None)))
    assert got[154][1] == QUADRANTS[quadrant(4, 4, Scale.of(None))].in_(lang)
    assert ws.cell(300, col["quad"]).value in (None, "")  # an empty row stays empty

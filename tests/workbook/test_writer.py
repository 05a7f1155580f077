"""The template: real tables, dropdowns through defined names, number checks on the
scale, live gap formulas with conditional formatting, and user text kept as text."""

from __future__ import annotations

import openpyxl
import pytest

from xlplugin.api import new_workbook
from xlplugin.errors import WorkbookError
from xlplugin.workbook import read_workbook, write_workbook
from xlplugin.workbook.writer import LIVE_ROWS, on_scale, typed_number


@pytest.fixture(scope="module", params=["en", "nl"])
def template(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("tpl") / f"journey-{request.param}.xlsx"
    write_workbook(path, lang=request.param)
    return request.param, openpyxl.load_workbook(path)


NAMES = {
    "en": [
        "Start",
        "Journey",
        "Persona",
        "Phases",
        "Touchpoints",
        "Blueprint",
        "Actions",
        "Responses",
        "Lists",
    ],
    "nl": [
        "Start",
        "Klantreis",
        "Persona",
        "Fasen",
        "Contactmomenten",
        "Blauwdruk",
        "Acties",
        "Antwoorden",
        "Lijsten",
    ],
}


def test_sheets_in_the_chosen_language(template):
    lang, wb = template
    assert wb.sheetnames == NAMES[lang]
    assert wb.worksheets[-1].sheet_state == "hidden"
    assert wb.active.title == "Start"


def test_table_sheets_are_excel_tables_with_frozen_headers(template):
    lang, wb = template
    for title in NAMES[lang][3:8]:
        ws = wb[title]
        assert len(ws.tables) == 1, title
        assert ws.freeze_panes in ("A2", "D2")


def test_dropdowns_come_from_defined_names(template):
    lang, wb = template
    touch = wb[NAMES[lang][4]]
    lists = {dv.formula1 for dv in touch.data_validations.dataValidation if dv.type == "list"}
    assert lists == {"xlp_phases", "xlp_channels", "xlp_emotion", "xlp_yes_no"}
    assert "OFFSET" in wb.defined_names["xlp_phases"].attr_text  # grows with the Phases table
    lanes = [c.value for c in wb[NAMES[lang][8]]["D"][1:5]]
    assert lanes == (
        ["Physical evidence", "Frontstage", "Backstage", "Support process"]
        if lang == "en"
        else ["Fysiek bewijs", "Frontstage", "Backstage", "Ondersteunend proces"]
    )


def test_importance_and_rating_are_checked_on_the_workbooks_scale(template):
    lang, wb = template
    touch = wb[NAMES[lang][4]]
    numbers = [dv for dv in touch.data_validations.dataValidation if dv.type == "custom"]
    assert len(numbers) == 3  # importance, rating, target rating
    for dv in numbers:
        # the check's own reading: a number on the scale, also typed as text with a comma or a point
        first = str(dv.sqref).split(":")[0]
        assert dv.formula1 == on_scale(typed_number(first), "xlp_scale_min", "xlp_scale_max")
        assert "NUMBERVALUE" in dv.formula1 and dv.errorStyle == "stop"
        assert dv.prompt and dv.error and dv.showInputMessage
    scale_cell = wb[NAMES[lang][8]][
        wb.defined_names["xlp_scale_max"].attr_text.split("!")[1].replace("$", "")
    ]
    assert "SEARCH" in scale_cell.value


def test_gap_and_quadrant_are_live_formulas_with_formatting(template):
    lang, wb = template
    touch = wb[NAMES[lang][4]]
    header = [c.value for c in touch[1]]
    gap, quad = (
        header.index("Gap score" if lang == "en" else "Gapscore"),
        header.index("Quadrant" if lang == "en" else "Kwadrant"),
    )
    row2 = [c.value for c in touch[2]]
    importance = "Importance" if lang == "en" else "Belang"
    typed = typed_number(f"tblTouchpoints[[#This Row],[{importance}]]")
    assert f"100*({typed}-xlp_scale_min)" in row2[gap]
    assert ("Concentrate here" if lang == "en" else "Hier concentreren") in row2[quad]
    assert '"check"' in row2[gap] if lang == "en" else '"controleer"' in row2[gap]
    rules = [rule for rng in touch.conditional_formatting for rule in rng.rules]
    assert {r.type for r in rules} == {"expression", "colorScale"}
    emotion = header.index("Emotion" if lang == "en" else "Emotie")
    letter = openpyxl.utils.get_column_letter(emotion + 1)
    coloured = [r for rng in touch.conditional_formatting if str(rng.sqref).startswith(letter) for r in rng.rules]
    assert len(coloured) == 5 and all(r.type == "expression" for r in coloured)  # each level, word or number
    # every row a person may reach has the formulas and the formatting, not just the first 21
    assert touch.cell(LIVE_ROWS, gap + 1).value == row2[gap]
    assert touch.cell(LIVE_ROWS, quad + 1).value == row2[quad]
    assert all(str(rng.sqref).endswith(str(LIVE_ROWS)) for rng in touch.conditional_formatting)


def test_computed_columns_are_calculated_columns_excel_fills_into_new_rows(template):
    lang, wb = template
    table = wb[NAMES[lang][4]].tables["tblTouchpoints"]
    assert table.ref.endswith(str(LIVE_ROWS))
    formulas = {c.name: c.calculatedColumnFormula for c in table.tableColumns}
    gap, quad = ("Gap score", "Quadrant") if lang == "en" else ("Gapscore", "Kwadrant")
    assert "[#This Row]" in formulas[gap].attr_text and "[#This Row]" in formulas[quad].attr_text
    assert [c.name for c in table.tableColumns] == [c.value for c in wb[NAMES[lang][4]][1]]


def test_required_fields_are_marked(template):
    lang, wb = template
    touch = wb[NAMES[lang][4]]
    fills = {c.value: c.fill.fgColor.rgb[-6:] for c in touch[1]}
    assert fills["ID"] == "C55A11" and fills["Phase" if lang == "en" else "Fase"] == "C55A11"
    assert fills["Channel" if lang == "en" else "Kanaal"] == "1F4E79"
    journey = wb[NAMES[lang][1]]
    title = next(r for r in journey.iter_rows() if r[0].value in ("Title", "Titel"))
    assert title[0].fill.fgColor.rgb[-6:] == "C55A11"
    assert title[2].value.startswith("Required." if lang == "en" else "Verplicht.")


def test_start_sheet_explains_the_method(template):
    lang, wb = template
    text = " ".join(str(c.value) for row in wb["Start"].iter_rows() for c in row if c.value)
    for word in (
        ["objective", "persona", "phase", "touchpoint", "rating", "emotion", "blueprint", "Concentrate here"]
        if lang == "en"
        else [
            "doel",
            "persona",
            "fase",
            "contactmoment",
            "waardering",
            "emotie",
            "blueprint",
            "Hier concentreren",
        ]
    ):
        assert word.lower() in text.lower(), word


def test_user_text_that_looks_like_a_formula_stays_text(tmp_path):
    doc = {
        "version": 1,
        "language": "en",
        "journey": {"title": '=HYPERLINK("http://x","y")', "objective": "+1"},
        "persona": {"name": "@me"},
        "phases": [{"name": "-Start"}],
        "touchpoints": [{"id": "=1", "phase": "-Start", "name": "=cmd|' /C calc'!A0"}],
        "blueprint": [],
        "actions": [],
        "responses": [],
    }
    path = write_workbook(tmp_path / "f.xlsx", doc)
    ws = openpyxl.load_workbook(path)["Touchpoints"]
    assert ws["C2"].data_type == "s"
    assert read_workbook(path).document == doc


def test_control_characters_are_refused_with_the_place(tmp_path):
    doc = {
        "version": 1,
        "language": "en",
        "journey": {"title": "a\x07b", "objective": "o"},
        "persona": {"name": "p"},
        "phases": [],
        "touchpoints": [],
        "blueprint": [],
        "actions": [],
        "responses": [],
    }
    with pytest.raises(WorkbookError, match="/journey/title"):
        write_workbook(tmp_path / "c.xlsx", doc)
    assert not (tmp_path / "c.xlsx").exists()


def test_new_refuses_to_overwrite_without_force(tmp_path):
    path = tmp_path / "mine.xlsx"
    path.write_bytes(b"my own work")
    with pytest.raises(WorkbookError, match="--force"):
        new_workbook(path)
    assert path.read_bytes() == b"my own work"
    new_workbook(path, force=True)
    assert read_workbook(path).findings == []


def test_the_start_sheet_names_the_buttons_in_each_programs_own_words(template):
    lang, wb = template
    text = " ".join(str(c.value) for row in wb[NAMES[lang][0]].iter_rows() for c in row if c.value)
    if lang == "nl":
        for words in ("het tabblad Klantreis (Controleren, Prioriteiten, Presentatie)", "taakvenster van xlwings Lite",
                      "het menu Klantreis", "blad Bevindingen"):
            assert words in text
    else:
        for words in ("the Journey tab (Check, Priorities, Deck)", "xlwings Lite task pane", "the Journey menu"):
            assert words in text
    assert "xlplugin progress" not in text  # a marketer's workbook cites no command line

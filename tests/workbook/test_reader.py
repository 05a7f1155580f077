"""The reader on workbooks as people leave them: either language, messy names, free
column order, blank rows, values typed as text, and parts missing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xlplugin.errors import WorkbookError
from xlplugin.workbook import read_workbook

JOURNEY_NL = [
    ["Veld", "Waarde"],
    ["Titel", "Klantreis test"],
    ["Doelstelling", "Meer klanten"],
    ["Schaal", "1-10"],
]
PERSONA_NL = [["Naam", "Sanne"]]
PHASES_NL = [["Fase"], ["Oriëntatie"], ["Aankoop"]]


def plain_workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """A workbook with just these sheets and rows, as someone might build it by hand."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def messy(tmp_path: Path, **changes: list[list[object]]) -> Path:
    sheets = {
        " klantreis\u00a0": JOURNEY_NL,
        "PERSONA": PERSONA_NL,
        "Fasen ": PHASES_NL,
        "Contactmomenten": [
            ["Overzicht van alle contactmomenten"],  # a title row above the headers
            [],
            [
                "Eigen kolom",
                "contactmoment ",
                "ID",
                "Belang*",
                "WAARDERING",
                "emotie",
                "Fase",
                "Moment of truth",
            ],
            ["x", "Leest site", "C1", "4,5", "2", "negatief", "Oriëntatie", "ja"],
            [None, None, None, None, None, None, None, None],
            ["y", "Bestelt", 2, 5, " 3,5 ", "+1", "Aankoop", "nee"],
        ],
        "Blauwdruk": [["Contactmoment ID", "Laag", "Activiteit"], ["C1", "Backstage", "Content bijwerken"]],
        "Acties": [["Contactmoment ID", "Actie"]],
    }
    sheets.update(changes)
    return plain_workbook(tmp_path / "messy.xlsx", sheets)


def test_messy_dutch_workbook_reads_as_people_meant_it(tmp_path):
    result = read_workbook(messy(tmp_path))
    doc = result.document
    assert result.findings == []
    assert doc["language"] == "nl"
    assert doc["journey"] == {"title": "Klantreis test", "objective": "Meer klanten", "rating_scale": "1-10"}
    assert [p["name"] for p in doc["phases"]] == ["Oriëntatie", "Aankoop"]
    assert doc["touchpoints"] == [
        {
            "id": "C1",
            "phase": "Oriëntatie",
            "name": "Leest site",
            "importance": 4.5,
            "rating": 2,
            "emotion": -1,
            "moment_of_truth": True,
        },
        {
            "id": "2",
            "phase": "Aankoop",
            "name": "Bestelt",
            "importance": 5,
            "rating": 3.5,
            "emotion": 1,
            "moment_of_truth": False,
        },
    ]
    assert doc["blueprint"] == [{"touchpoint_id": "C1", "lane": "backstage", "activity": "Content bijwerken"}]
    assert doc["responses"] == []  # optional sheet absent: no finding


def test_locator_points_at_the_cells_values_came_from(tmp_path):
    result = read_workbook(messy(tmp_path))
    locate = result.locator.locate
    assert locate("/touchpoints/0/importance") == ("Contactmomenten", "D4")
    assert locate("/touchpoints/1/rating") == ("Contactmomenten", "E6")  # the blank row is skipped
    assert locate("/touchpoints/1/channel") == ("Contactmomenten", "B6")  # no such column: the row's first
    assert locate("/journey/rating_scale") == (" klantreis\u00a0", "B4")
    assert locate("/journey/why") == (" klantreis\u00a0", None)
    assert locate("/blueprint/0/lane") == ("Blauwdruk", "B2")
    assert locate("/actions") == ("Acties", None)


def flat(result) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.sheet, f.cell) for f in result.findings]


def test_missing_sheet_is_named_in_the_workbooks_language(tmp_path):
    path = messy(tmp_path)
    wb = openpyxl.load_workbook(path)
    del wb["Blauwdruk"]
    wb.save(path)
    result = read_workbook(path)
    assert flat(result) == [("missing-sheet", "Blauwdruk", None)]
    assert "Blauwdruk" in result.findings[0].message.nl
    assert result.document["blueprint"] == []


def test_missing_required_column_points_where_to_add_it(tmp_path):
    result = read_workbook(messy(tmp_path, Blauwdruk=[["Contactmoment ID", "Activiteit"], ["C1", "Iets"]]))
    assert flat(result) == [("missing-column", "Blauwdruk", "C1")]
    assert result.findings[0].message.nl == "De kolom 'Laag' ontbreekt op dit blad."


def test_duplicate_column_warns_at_the_second_and_reads_the_first(tmp_path):
    result = read_workbook(messy(tmp_path, **{"Fasen ": [["Fase", "Phase"], ["Een", "Twee"]]}))
    assert flat(result) == [("duplicate-column", "Fasen ", "B1")]
    assert result.findings[0].severity == "warning"
    assert result.document["phases"] == [{"name": "Een"}]


def test_missing_label_on_a_record_sheet(tmp_path):
    result = read_workbook(messy(tmp_path, **{" klantreis\u00a0": [["Titel", "Alleen titel"]]}))
    assert flat(result) == [("missing-label", " klantreis\u00a0", None)]


def test_sheet_given_twice_in_both_languages(tmp_path):
    result = read_workbook(messy(tmp_path, Phases=[["Phase"], ["Other"]]))
    assert flat(result) == [("duplicate-sheet", "Phases", None)]
    assert [p["name"] for p in result.document["phases"]] == ["Oriëntatie", "Aankoop"]


def test_formula_without_a_calculated_value(tmp_path):
    contact = [["ID", "Fase", "Contactmoment", "Belang"], ["C1", "Aankoop", "Bestelt", "=2+2"]]
    result = read_workbook(messy(tmp_path, Contactmomenten=contact))
    assert flat(result) == [("formula-without-value", "Contactmomenten", "D2")]
    assert "importance" not in result.document["touchpoints"][0]


def test_english_workbook_is_english(tmp_path):
    path = plain_workbook(tmp_path / "en.xlsx", {"Journey": [["Title", "T"]], "Touchpoints": [["ID"]]})
    result = read_workbook(path)
    assert result.language == "en"
    assert ("missing-sheet", "Phases", None) in flat(result)
    assert ("missing-column", "Touchpoints", "B1") in flat(result)


@pytest.mark.parametrize(
    "content,expected",
    [
        (None, "File not found"),
        (b"ID;Fase\nC1;Aankoop\n", "is a text (CSV) file"),
        (b"PK\x03\x04broken", "is damaged (not a complete Excel file)"),
    ],
)
def test_unreadable_files_raise_one_clear_error(tmp_path, content, expected):
    path = tmp_path / "bad.xlsx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(WorkbookError) as info:
        read_workbook(path)
    assert expected in info.value.message.en
    assert info.value.message.nl and info.value.message.nl != info.value.message.en


def test_a_folder_is_not_a_workbook(tmp_path):
    with pytest.raises(WorkbookError, match="folder"):
        read_workbook(tmp_path)


def test_a_row_holding_only_an_uncalculated_formula_is_still_reported(tmp_path):
    contact = [["ID", "Fase", "Contactmoment", "Belang"], ["C1", "Aankoop", "Bestelt", 4], [None, None, None, "=2+2"]]
    result = read_workbook(messy(tmp_path, Contactmomenten=contact))
    assert flat(result) == [("formula-without-value", "Contactmomenten", "D3")]

"""One case table: a fault made in a filled workbook -> exactly the findings expected,
(code, sheet, cell), in an English and a Dutch workbook alike."""

from __future__ import annotations

import json
import os
from collections.abc import Callable

import openpyxl
import pytest

from xlplugin.api import check_workbook
from xlplugin.core.catalogue import CATALOGUE
from xlplugin.core.examples import EXAMPLES
from xlplugin.core.layout import sheet

from helpers.paths import ROOT
from helpers.workbooks import example

# home-insurance: touchpoints H01..H16 in rows 2..17; columns A ID, B Phase, C Touchpoint,
# F Importance, G Rating, H Emotion, I Moment of truth, K Respondents. Journey rows: 2 Title,
# 3 Objective, 11 Rating scale, 12/13 thresholds. Actions rows 2..6: H06, H07, H09, H14, H01.

Edit = Callable[[openpyxl.Workbook, Callable[[str], str]], None]


def put(key: str, **cells: object) -> Edit:
    def edit(wb, title):
        for ref, value in cells.items():
            wb[title(key)][ref] = value
    return edit


def both(*edits: Edit) -> Edit:
    def edit(wb, title):
        for e in edits:
            e(wb, title)
    return edit


def delete_sheet(key: str) -> Edit:
    def edit(wb, title):
        del wb[title(key)]
    return edit


def header_again(key: str, ref: str, field: str) -> Edit:
    def edit(wb, title):
        lang = "nl" if title("touchpoints") == "Contactmomenten" else "en"
        wb[title(key)][ref] = sheet(key).field(field).name.in_(lang)
    return edit


def other_language_sheet(key: str) -> Edit:
    def edit(wb, title):
        names = sheet(key).name
        wb.create_sheet(names.nl if title(key) == names.en else names.en)
    return edit


def merge(key: str, cells: str) -> Edit:
    def edit(wb, title):
        wb[title(key)].merge_cells(cells)
    return edit


def header_over_two_rows(key: str, column: str, above: str, below: str, at: int = 1) -> Edit:
    """The header of `column` split over rows `at` and `at + 1` (a row is inserted for it)."""
    def edit(wb, title):
        ws = wb[title(key)]
        ws.insert_rows(at)
        if at == 2:  # the rest of the header stays in row 1
            ws[f"{column}1"] = above
            ws[f"{column}2"] = below
        else:
            ws[f"{column}1"], ws[f"{column}2"] = above, below
    return edit


CASES: dict[str, tuple[Edit, list[tuple[str, str, str | None]]]] = {
    "missing-sheet": (delete_sheet("blueprint"), [("missing-sheet", "blueprint", None)]),
    "missing-column": (put("blueprint", B1=None), [("missing-column", "blueprint", "B1")]),  # where it belongs
    "missing-label": (put("journey", A2="Subtitle"), [("missing-label", "journey", None)]),
    "duplicate-sheet": (other_language_sheet("phases"), [("duplicate-sheet", "@other", None)]),
    "duplicate-column": (header_again("touchpoints", "Q1", "rating"), [("duplicate-column", "touchpoints", "Q1")]),
    "formula-without-value": (put("touchpoints", F9="=4"), [("formula-without-value", "touchpoints", "F9")]),
    "missing-value": (
        both(put("journey", B3=None), put("touchpoints", C5=None), put("persona", B2=None)),
        [("missing-value", "journey", "B3"), ("missing-value", "persona", "B2"), ("missing-value", "touchpoints", "C5")],
    ),
    "invalid-number": (
        put("touchpoints", F3="important", K4="12,5"),
        [("invalid-number", "touchpoints", "F3"), ("invalid-number", "touchpoints", "K4")],
    ),
    "out-of-range": (
        both(put("touchpoints", G4=6, L5=0), put("journey", B12=0), put("touchpoints", K6=-3)),
        [("out-of-range", "journey", "B12"), ("out-of-range", "touchpoints", "G4"),
         ("out-of-range", "touchpoints", "L5"), ("out-of-range", "touchpoints", "K6")],
    ),
    "out-of-range on 1-10": (
        put("journey", B11="1-10", B13=11),  # 6 on 1-5 is fine on 1-10; the threshold 11 is not
        [("out-of-range", "journey", "B13")],
    ),
    "overall target off the scale": (
        put("journey", B14=7),  # Overall target 7 on a 1-5 journey
        [("out-of-range", "journey", "B14")],
    ),
    "invalid-choice": (
        both(put("touchpoints", H5="happy-ish", I6="maybe", H7=3), put("journey", B11="1-7", B8="someday"),
             put("blueprint", B2="Kitchen"), put("actions", F2="Soon")),
        [("invalid-choice", "journey", "B8"), ("invalid-choice", "journey", "B11"),
         ("invalid-choice", "touchpoints", "H5"), ("invalid-choice", "touchpoints", "I6"),
         ("invalid-choice", "touchpoints", "H7"), ("invalid-choice", "blueprint", "B2"),
         ("invalid-choice", "actions", "F2")],
    ),
    "duplicate-id": (
        put("touchpoints", A18="H16", B18="Living with the policy", C18="Again", F18=2, G18=3.2, K18=180),
        [("duplicate-id", "touchpoints", "A18")],
    ),
    "duplicate-phase": (put("phases", A7="Buying"), [("duplicate-phase", "phases", "A7")]),
    "unknown-phase": (put("touchpoints", B2="Aftercare"), [("unknown-phase", "touchpoints", "B2")]),
    "unknown-touchpoint": (
        both(put("blueprint", A2="H99"), put("actions", A6="H98"), put("responses", A2="R1", B2="H97", C2=4, D2=3)),
        [("unknown-touchpoint", "blueprint", "A2"), ("unknown-touchpoint", "actions", "A6"),
         ("unknown-touchpoint", "responses", "B2")],
    ),
    "empty-phase": (put("phases", A7="Renewal"), [("empty-phase", "phases", "A7")]),
    # headers that cannot hide a column
    "merged header hides Rating": (merge("touchpoints", "F1:G1"), [("merged-header", "touchpoints", "F1")]),
    "header over two rows": (header_over_two_rows("touchpoints", "I", "Moment", "of truth"),
                             [("split-header", "touchpoints", "I1")]),
    "header continued in the row below": (header_over_two_rows("touchpoints", "I", "Moment of", "truth", at=2),
                                          [("split-header", "touchpoints", "I2")]),
    "values without a header": (put("touchpoints", Q3="call back", Q9="urgent"),
                                [("unnamed-column", "touchpoints", "Q1")]),
    "Rating header deleted": (put("touchpoints", G1=None), [("missing-column", "touchpoints", "G1")]),
    "Rating and KPI headers deleted": (put("touchpoints", G1=None, M1=None),
                                       [("unnamed-column", "touchpoints", "G1"), ("unnamed-column", "touchpoints", "M1")]),
    "required header deleted": (put("touchpoints", C1=None), [("missing-column", "touchpoints", "C1")]),
    # one mistake, one finding at the cell to fix; its consequences are folded into it
    "phase deleted": (put("phases", A3=None, B3=None, C3=None), [("unknown-phase", "touchpoints", "B4")]),
    "phase renamed": (put("phases", A3="Orientatie"), [("unknown-phase", "phases", "A3")]),
    "ID typed twice over another": (put("touchpoints", A8="H06"), [("duplicate-id", "touchpoints", "A8")]),
    "ID renamed": (put("touchpoints", A8="H07x"), [("unknown-touchpoint", "touchpoints", "A8")]),
    "unrated-touchpoint": (put("touchpoints", F2=None), [("unrated-touchpoint", "touchpoints", "F2")]),
    "low-respondents": (put("touchpoints", K4=3), [("low-respondents", "touchpoints", "K4")]),
    "low-respondents from responses": (
        put("responses", A2="R1", B2="H01", C2=4, D2=9),
        [("low-respondents", "touchpoints", "K2"), ("out-of-range", "responses", "D2")],
    ),
    "no-backstage": (put("blueprint", B12="Frontstage"), [("no-backstage", "touchpoints", "A6")]),
    "gap-without-action": (
        put("actions", A5=None, B5=None, C5=None, D5=None, E5=None, F5=None),
        [("gap-without-action", "touchpoints", "A15")],
    ),
    "action without owner or target": (
        put("actions", C2=None, E3=None),
        [("action-without-owner", "actions", "C2"), ("action-without-target", "actions", "E3")],
    ),
    "persona-without-goals": (put("persona", B5=None, B6=None), [("persona-without-goals", "persona", "B5")]),
}


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("case", CASES)
def test_fault_gives_exactly_the_expected_findings(make_workbook, case, lang):
    def title(key: str) -> str:
        return sheet(key).name.in_(lang)

    edit, expected = CASES[case]
    path = make_workbook(example("home-insurance"), lang, edit=lambda wb: edit(wb, title))
    report = check_workbook(path)
    other = sheet("phases").name.in_("nl" if lang == "en" else "en")
    want = [(code, other if key == "@other" else title(key), cell) for code, key, cell in expected]
    assert report.flatten() == want
    for f in report.findings:
        assert f.message.en != f.message.nl and f.hint.en and f.hint.nl
        words = f.message.en + f.message.nl + f.hint.en + f.hint.nl
        assert "{" not in words
        assert not any(raw in words for raw in ("is not of type", "is not one of [", "is a required property",
                                                "is less than the minimum", "is greater than the maximum"))


def test_every_code_is_documented_in_the_reference():
    reference = (ROOT / "docs" / "reference.md").read_text("utf-8")  # the table tools/docs.py writes
    for code in CATALOGUE:
        assert f"| `{code}` |" in reference, code


# What a sample is meant to show: energy-switch has an action that is late (today is fixed in conftest).
SAMPLE_FINDINGS = {"energy-switch": [("action-overdue", "Acties", "D4")]}


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_sample_checks_without_findings(name):
    report = check_workbook(ROOT / "samples" / f"{name}.xlsx")
    assert [(f.code, f.sheet, f.cell) for f in report.findings] == SAMPLE_FINDINGS.get(name, [])
    assert report.valid


def test_messages_speak_to_a_marketer(make_workbook):
    path = make_workbook(example("laptop-request"), edit=lambda wb: wb["Contactmomenten"].__setitem__("F3", "veel"))
    [f] = check_workbook(path).findings
    assert f.message.nl == "Belang moet een getal zijn; er staat 'veel'."
    # In English about a Dutch workbook, the column keeps the name it has there, so it can be found.
    assert f.message.en == "Belang must be a number; it says 'veel'."
    assert f.hint.nl == "Typ alleen het getal, bijv. 4,5: geen woorden of eenheden."


def test_min_respondents_is_configurable(make_workbook):
    path = make_workbook(example("home-insurance"))
    assert check_workbook(path).flatten() == []
    strict = check_workbook(path, min_respondents=100)
    # H02 (16 respondents), H08 (96), H14 (58) and H15 (58) rest on fewer than 100.
    assert strict.flatten() == [("low-respondents", "Touchpoints", f"K{row}") for row in (3, 9, 15, 16)]


def test_one_finding_names_the_rows_it_affects(make_workbook):
    def run(case):
        path = make_workbook(example("home-insurance"), "en",
                             edit=lambda wb: CASES[case][0](wb, lambda key: sheet(key).name.en))
        [found] = check_workbook(path).findings
        return found.message.en, found.message.nl

    en, nl = run("phase deleted")
    assert "'Orientation'" in en and "Touchpoints rows 4, 5 and 6" in en
    assert "Touchpoints regels 4, 5 en 6" in nl
    en, _ = run("phase renamed")
    assert "'Orientatie' in this cell" in en and "renamed" in en
    en, _ = run("ID typed twice over another")
    assert "Blueprint rows 16 and 17; Actions row 3 refer to 'H07'" in en
    en, nl = run("ID renamed")
    assert "'H07'" in en and "Blueprint rows 16 and 17; Actions row 3" in en and "'H07x' in this cell" in en
    assert "Blueprint regels 16 en 17; Actions regel 3 verwijzen" in nl


GOLDEN = ROOT / "tests" / "golden"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_json_report_matches_the_golden_file(make_workbook, lang):
    def edit(wb):
        title = lambda key: sheet(key).name.in_(lang)  # noqa: E731
        CASES["invalid-choice"][0](wb, title)
        CASES["duplicate-id"][0](wb, title)
        CASES["gap-without-action"][0](wb, title)

    path = make_workbook(example("home-insurance"), lang, edit=edit)
    report = check_workbook(path).to_dict(lang)
    report["file"] = f"faulty-{lang}.xlsx"
    golden = GOLDEN / f"check-{lang}.json"
    if os.environ.get("XLPLUGIN_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    assert report == json.loads(golden.read_text("utf-8"))


def test_a_mistyped_reference_points_to_the_id_meant_and_never_to_a_duplicate(make_workbook):
    # 'C7' typed for 'C07' on a Blueprint row, and C16's row retyped as C17 (C16 is still used).
    doc = example("laptop-request")
    doc["blueprint"][14]["touchpoint_id"] = "C7"
    doc["touchpoints"][15]["id"] = "C17"
    report = check_workbook(make_workbook(doc, "nl"))
    found = {(f.code, f.sheet, f.cell): f for f in report.findings if f.code in ("duplicate-id", "unknown-touchpoint")}
    assert sorted(found) == [("duplicate-id", "Contactmomenten", "A17"),
                             ("unknown-touchpoint", "Blauwdruk", "A16")]
    typo = found[("unknown-touchpoint", "Blauwdruk", "A16")]
    assert typo.message.nl == ("Er is geen contactmoment met de ID 'C7' (Blauwdruk regel 16 verwijst ernaar). "
                               "Bedoelt u 'C07' (Contactmomenten A8)?")
    assert typo.message.en.endswith("(Blauwdruk row 16 refers to it). Did you mean 'C07' (Contactmomenten A8)?")
    twice = found[("duplicate-id", "Contactmomenten", "A17")]
    assert "'C16'" in twice.message.nl and "'C7'" not in twice.message.nl  # the rename that fits, only that
    assert "Blauwdruk regels 38, 39 en 40 verwijzen naar 'C16'" in twice.message.nl


def test_no_rename_is_suggested_when_two_ids_could_be_meant(make_workbook):
    doc = example("laptop-request")
    doc["touchpoints"][15]["id"] = "C17"  # C16's row retyped
    doc["touchpoints"][14]["id"] = "C17"  # and C15's: which of C15, C16 each was is unknown
    report = check_workbook(make_workbook(doc, "nl"))
    dup = [f for f in report.findings if f.code == "duplicate-id"]
    unknown = [f for f in report.findings if f.code == "unknown-touchpoint"]
    assert len(dup) == 2 and not any("bedoeld als" in f.message.nl for f in dup)
    assert sorted(f.message.nl.split("'")[1] for f in unknown) == ["C15", "C16"]  # each its own finding

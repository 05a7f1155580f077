"""One judgement: the template's live Gap score and Quadrant columns, as a spreadsheet
program computes them, agree with Check on every value the reader accepts or refuses.

Values are drawn by a seeded generator the way people type them (numbers, numbers stored
as text with a comma or a point, spaces, signs, words, blanks, values off the scale), on
both scales; LibreOffice recalculates the workbook, and each row is compared with what
Check and the ranking say of it."""

from __future__ import annotations

import random

import openpyxl
import pytest

from xlplugin.api import check_workbook, gaps_workbook
from xlplugin.core.guide import CHECK_WORD
from xlplugin.core.layout import TOUCHPOINTS
from xlplugin.workbook import write_workbook

from helpers.office import libreoffice_convert
from helpers.workbooks import example

ROWS = 60
WORDS = ["x", "quite", "hoog", "n.v.t.", "4 of 5", "vier"]


def typed(rng: random.Random, top: int) -> object:
    """One value as a person might type it in an Importance or Rating cell."""
    number = rng.choice([rng.randint(-1, top + 2), round(rng.uniform(0, top + 1), rng.choice([1, 2]))])
    form = rng.randrange(9)
    if form == 0:
        return None
    if form == 1:
        return rng.choice(WORDS)
    if form in (2, 3):
        return number  # a number Excel stores as one
    text = f"{number}"
    if form == 4:
        return text.replace(".", ",")  # 4,5 as text
    if form == 5:
        return f" {text} "
    if form == 6:
        return "+" + text if number >= 0 else text
    if form == 7:
        return text + "." if "." not in text else "." + text.split(".")[1] if text.startswith("0.") else text
    return text  # 4.5 as text


@pytest.mark.parametrize("scale", ["1-5", "1-10"])
def test_the_live_columns_and_check_agree_on_every_typed_value(tmp_path, scale):
    rng = random.Random(f"live-{scale}")
    top = 10 if scale == "1-10" else 5
    doc = example("laptop-request")
    doc["journey"]["rating_scale"] = scale
    for key in ("importance_threshold", "rating_threshold"):
        doc["journey"].pop(key, None)
    base = doc["touchpoints"][0]
    doc["touchpoints"] = [{**base, "id": f"T{i:02}", "importance": typed(rng, top), "rating": typed(rng, top)}
                          for i in range(ROWS)]
    doc["blueprint"], doc["actions"] = [], []
    path = tmp_path / f"typed-{scale}.xlsx"
    write_workbook(path, doc, "nl")

    report = check_workbook(path)
    refused = {f.cell for f in report.findings if f.sheet == "Contactmomenten"
               and f.code in ("invalid-number", "out-of-range")}
    ranked = {p.id: p for p in gaps_workbook(path).priorities.touchpoints}

    shown = openpyxl.load_workbook(libreoffice_convert(path, "xlsx", tmp_path / "lo"), data_only=True)
    sheet = shown["Contactmomenten"]
    header = [c.value for c in sheet[1]]
    col = {f.key: header.index(f.name.nl) for f in TOUCHPOINTS.fields if f.name.nl in header}
    letters = {k: openpyxl.utils.get_column_letter(v + 1) for k, v in col.items()}
    check = CHECK_WORD.nl
    disagreements = []
    for r, row in enumerate(sheet.iter_rows(min_row=2, max_row=ROWS + 1, values_only=True), start=2):
        tid, gap, quadrant = row[col["id"]], row[col["gap_score"]], row[col["quadrant"]]
        wrong = {f"{letters[k]}{r}" for k in ("importance", "rating")} & refused
        priority = ranked[tid]
        typed_values = (row[col["importance"]], row[col["rating"]])
        if wrong:
            if not (gap == check and quadrant == check):
                disagreements.append((r, typed_values, "check refuses, the live column shows", gap, quadrant))
        elif priority.gap is None:
            if gap not in (None, "") or quadrant == check:
                disagreements.append((r, typed_values, "check leaves it unrated, the live column shows", gap))
        elif gap == check or abs(float(gap) - priority.gap) > 1e-9:
            disagreements.append((r, typed_values, f"check ranks it at {priority.gap}, the live column shows", gap))
    assert disagreements == []
    assert len(refused) >= 5 and sum(p.gap is not None for p in ranked.values()) >= 10  # both kinds were drawn

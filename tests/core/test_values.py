"""Values as people type them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xlplugin.core.layout import ACTIONS, BLUEPRINT, JOURNEY, TOUCHPOINTS
from xlplugin.core.typed import parse_value

IMPORTANCE = TOUCHPOINTS.field("importance")
RESPONDENTS = TOUCHPOINTS.field("respondents")
EMOTION = TOUCHPOINTS.field("emotion")
MOT = TOUCHPOINTS.field("moment_of_truth")
ID = TOUCHPOINTS.field("id")
NAME = TOUCHPOINTS.field("name")
LANE = BLUEPRINT.field("lane")
STATUS = ACTIONS.field("status")
DUE = ACTIONS.field("due")
SCALE = JOURNEY.field("rating_scale")
SCENARIO = JOURNEY.field("scenario")

CASES = [
    (IMPORTANCE, "4,5", 4.5),
    (IMPORTANCE, "4.5", 4.5),
    (IMPORTANCE, " 4 ", 4),
    (IMPORTANCE, 4.0, 4),
    (IMPORTANCE, "4\u00a0", 4),
    (IMPORTANCE, "1.234,5", 1234.5),
    (IMPORTANCE, "veel", "veel"),
    (IMPORTANCE, "", None),
    (IMPORTANCE, "   ", None),
    (IMPORTANCE, True, "TRUE"),
    (RESPONDENTS, "20", 20),
    (RESPONDENTS, "12,5", 12.5),
    (EMOTION, "positief", 1),
    (EMOTION, "Zeer negatief", -2),
    (EMOTION, "very positive", 2),
    (EMOTION, "+1", 1),
    (EMOTION, "\u22121", -1),
    (EMOTION, -2, -2),
    (EMOTION, "neutraal", 0),
    (EMOTION, "--", -2),
    (EMOTION, 3, 3),
    (EMOTION, "blij", "blij"),
    (MOT, "ja", True),
    (MOT, "Nee", False),
    (MOT, "x", True),
    (MOT, "yes", True),
    (MOT, "TRUE", True),
    (MOT, True, True),
    (MOT, 0, False),
    (MOT, "misschien", "misschien"),
    (ID, 1, "1"),
    (ID, 7.0, "7"),
    (ID, " T 01 ", "T 01"),
    (NAME, "  Reads the page\n", "Reads the page"),
    (NAME, "Line one\nLine two", "Line one\nLine two"),
    (NAME, 12.0, "12"),
    (LANE, "backstage", "backstage"),
    (LANE, "Ondersteunend proces", "support-process"),
    (LANE, "FYSIEK BEWIJS", "physical-evidence"),
    (LANE, "frontstage\u00a0", "frontstage"),
    (LANE, "kitchen", "kitchen"),
    (STATUS, "Bezig", "in-progress"),
    (STATUS, "done", "done"),
    (DUE, dt.datetime(2027, 3, 1), "2027-03-01"),
    (DUE, "1-3-2027", "2027-03-01"),
    (DUE, "2027-03-01", "2027-03-01"),
    (DUE, "Q2 2027", "Q2 2027"),
    (SCALE, "1-10", "1-10"),
    (SCALE, "1 – 5", "1-5"),
    (SCALE, 10, "1-10"),
    (SCALE, dt.datetime(2026, 5, 1), "1-5"),
    (SCALE, dt.datetime(2026, 1, 10), "1-10"),
    (SCENARIO, "gewenst", "to-be"),
    (SCENARIO, "As-Is", "as-is"),
]


@pytest.mark.parametrize(
    "field,raw,expected", CASES, ids=lambda x: repr(x) if not hasattr(x, "key") else x.key
)
def test_typed_values_are_understood(field, raw, expected):
    value = parse_value(field, raw)
    assert value == expected
    assert type(value) is type(expected)


# The table reader inlines parse_value's common cases for speed; it must give the same values.
_RAW = st.one_of(
    st.none(), st.just(""), st.floats(allow_nan=False), st.integers(-10**6, 10**6), st.booleans(),
    st.text(alphabet=st.sampled_from("ab 1,.-\u00a0\t\nT0"), max_size=8),
    st.dates(min_value=dt.date(1901, 1, 1)).map(lambda d: dt.datetime(d.year, d.month, d.day)),
)


@settings(max_examples=300, deadline=None)
@given(values=st.lists(_RAW, min_size=4, max_size=4), grid=st.booleans())
def test_table_reader_gives_what_parse_value_gives(values, grid):
    from xlplugin.workbook.cells import Cells
    from xlplugin.workbook.reader import _SheetReader

    keys = ("id", "name", "importance", "moment_of_truth")  # kinds: id, text, scale, choice
    fields = [TOUCHPOINTS.field(k) for k in keys]
    header = [f.name.en for f in fields]
    cells = (Cells(grid=[header, values], origin=(1, 1)) if grid
             else Cells(rows={1: dict(enumerate(header, 1)),
                              2: {c: v for c, v in enumerate(values, 1) if v is not None and v != ""}}))
    items, _ = _SheetReader(TOUCHPOINTS, "Touchpoints", cells).read_table("en")
    expected = {f.key: parse_value(f, v) for f, v in zip(fields, values, strict=True)
                if v is not None and v != "" and parse_value(f, v) is not None}
    typed = {k: (type(v), v) for k, v in expected.items()}  # 4 and 4.0 are not the same here
    assert {k: (type(v), v) for k, v in (items[0] if items else {}).items()} == typed

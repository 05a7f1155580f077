"""Priority gaps: the contract's formula, quadrants and ranking, checked against tables
computed by hand, properties that must hold for any input, and survey statistics."""

from __future__ import annotations

import itertools
import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xlplugin.core.analysis.quadrants import Scale, gap_score, quadrant
from xlplugin.core.analysis.ranking import rank_gaps
from xlplugin.core.analysis.survey_stats import t975
from xlplugin.core.model import Journey

S5, S10 = Scale.of("1-5"), Scale.of("1-10")

# importance, rating -> gap (by hand), quadrant
HAND_1_5 = [
    (5, 1, 100.00, "concentrate-here"), (5, 5, 0.00, "keep-up"), (1, 1, 0.00, "low-priority"),
    (4, 3, 37.50, "concentrate-here"), (4, 3.5, 28.13, "keep-up"), (3.9, 2, 54.38, "low-priority"),
    (2, 4.5, 3.13, "possible-overkill"), (4.5, 2.5, 54.69, "concentrate-here"),
]
HAND_1_10 = [
    (10, 1, 100.00, "concentrate-here"), (7, 6, 29.63, "concentrate-here"), (7, 6.5, 25.93, "keep-up"),
    (6.9, 2, 58.27, "low-priority"), (9, 8, 19.75, "keep-up"), (3, 9, 2.47, "possible-overkill"),
]


@pytest.mark.parametrize("scale,table", [(S5, HAND_1_5), (S10, HAND_1_10)], ids=["1-5", "1-10"])
def test_gap_and_quadrant_match_the_hand_computed_table(scale, table):
    for importance, rating, gap, quad in table:
        assert gap_score(importance, rating, scale) == pytest.approx(gap, abs=0.00501), (importance, rating)
        assert quadrant(importance, rating, scale) == quad, (importance, rating)


def test_thresholds_from_the_journey_sheet():
    scale = Scale.of("1-10", 8, 5)
    assert quadrant(7, 5, scale) == "low-priority" and quadrant(8, 5, scale) == "concentrate-here"
    assert quadrant(8, 5.5, scale) == "keep-up"
    assert quadrant(None, 3, scale) == quadrant(4, None, scale) == "unrated"


def doc(touchpoints, phases=("One", "Two"), scale="1-5", responses=()):
    return {
        "version": 1, "language": "en", "journey": {"title": "t", "objective": "o", "rating_scale": scale},
        "persona": {"name": "p"}, "phases": [{"name": p} for p in phases],
        "touchpoints": [
            {"id": i, "phase": ph, "name": f"touchpoint {i}", "importance": imp, "rating": rat,
             "moment_of_truth": mot, **({"emotion": emo} if emo is not None else {})}
            for i, ph, imp, rat, mot, emo in touchpoints
        ],
        "blueprint": [], "actions": [],
        "responses": [{"respondent": r, "touchpoint_id": t, "importance": i, "rating": v} for r, t, i, v in responses],
    }


def test_ranking_breaks_ties_by_moment_of_truth_importance_then_journey_order():
    # All four have gap 50: (5,3) and (3,1).
    document = doc([
        ("D", "Two", 5, 3, False, None),   # first row, but in the later phase
        ("A", "One", 5, 3, False, None),
        ("B", "One", 3, 1, True, None),
        ("C", "Two", 5, 3, True, None),
        ("U", "One", None, 2, True, None),
        ("E", "One", 4, 4, False, None),
    ])
    ranked = rank_gaps(Journey.from_document(document))
    assert [(p.id, p.rank) for p in ranked.touchpoints] == [
        ("C", 1), ("B", 2), ("A", 3), ("D", 4), ("E", 5), ("U", None)
    ]
    assert ranked.touchpoints[-1].quadrant == "unrated"


def test_journey_view_phases_moments_at_risk_and_shares():
    document = doc([
        ("A", "One", 5, 2, True, -2), ("B", "One", 2, 4, False, 1), ("C", "Two", 5, 4, True, 2),
        ("D", "Two", 4, 3, True, None),
    ], phases=("One", "Two", "Three"))
    view = rank_gaps(Journey.from_document(document))
    assert [(v.name, v.touchpoints, v.mean_rating, v.mean_emotion) for v in view.phases] == [
        ("One", 2, 3.0, -0.5), ("Two", 2, 3.5, 2.0), ("Three", 0, None, None),
    ]
    assert [p.id for p in view.moments_at_risk] == ["A", "D"]
    assert view.quadrant_shares == {"concentrate-here": 0.5, "keep-up": 0.25, "low-priority": 0.0,
                                    "possible-overkill": 0.25, "unrated": 0.0}


def test_responses_replace_typed_values_with_hand_computed_statistics():
    answers = [("r1", "T1", 4, 2), ("r2", "T1", 5, 3), ("r3", "T1", 5, 2), ("r4", "T1", 3, 1)]
    answers += [(f"s{i}", "T2", 5, 1) for i in range(30)]
    document = doc([("T1", "One", 1, 5, False, None), ("T2", "One", 2, 2, False, None),
                    ("T3", "Two", 4, 2, False, None)], responses=answers)
    by_id = {p.id: p for p in rank_gaps(Journey.from_document(document)).touchpoints}
    t1 = by_id["T1"]
    assert (t1.source, t1.respondents, t1.importance, t1.rating) == ("responses", 4, 4.25, 2.0)
    assert t1.importance_stat.sd == pytest.approx(0.9574, abs=1e-4)
    assert (t1.importance_stat.low, t1.importance_stat.high) == pytest.approx((2.7267, 5.7733), abs=1e-4)
    assert (t1.rating_stat.low, t1.rating_stat.high) == pytest.approx((0.7009, 3.2991), abs=1e-4)
    assert (t1.importance_stat.top2, t1.rating_stat.top2) == (0.75, 0.0)
    assert t1.opportunity == pytest.approx(15.0)
    assert t1.gap == pytest.approx(60.94, abs=0.00501)
    assert t1.uncertain  # both intervals cross their thresholds: 4 answers do not place it
    t2 = by_id["T2"]
    assert (t2.respondents, t2.importance, t2.rating, t2.uncertain, t2.gap) == (30, 5, 1, False, 100)
    assert by_id["T3"].source == "typed" and by_id["T3"].opportunity is None
    assert t2.to_dict()["rating_interval"] == [1.0, 1.0]


def test_t_quantiles():
    assert t975(1) == 12.706 and t975(30) == 2.042
    assert t975(40) == pytest.approx(2.021, abs=0.001) and t975(120) == pytest.approx(1.980, abs=0.001)


ON_5 = st.floats(1, 5, allow_nan=False)
ON_10 = st.floats(1, 10, allow_nan=False)


@given(st.sampled_from([S5, S10]), st.data())
def test_gap_score_is_between_0_and_100(scale, data):
    values = ON_5 if scale is S5 else ON_10
    assert 0 <= gap_score(data.draw(values), data.draw(values), scale) <= 100


@given(ON_5, ON_5, ON_5, ON_5)
def test_higher_importance_or_lower_rating_never_lowers_the_score(i1, i2, r1, r2):
    lo_i, hi_i = sorted((i1, i2))
    lo_r, hi_r = sorted((r1, r2))
    assert gap_score(hi_i, r1, S5) >= gap_score(lo_i, r1, S5) - 1e-9
    assert gap_score(i1, lo_r, S5) >= gap_score(i1, hi_r, S5) - 1e-9


TOUCHPOINT = st.tuples(st.sampled_from(["One", "Two"]), st.integers(1, 5), st.integers(1, 5), st.booleans())


@given(st.lists(TOUCHPOINT, min_size=1, max_size=12), st.randoms())
def test_ranking_does_not_depend_on_row_order_apart_from_journey_order_ties(rows, rnd: random.Random):
    items = [(f"T{i}", ph, imp, rat, mot, None) for i, (ph, imp, rat, mot) in enumerate(rows)]
    shuffled = items[:]
    rnd.shuffle(shuffled)
    first = rank_gaps(Journey.from_document(doc(items))).ranked
    second = rank_gaps(Journey.from_document(doc(shuffled))).ranked
    key = lambda p: (round(-p.gap, 9), not p.moment_of_truth, -p.importance)  # noqa: E731
    assert [key(p) for p in first] == [key(p) for p in second]
    # Touchpoints that differ in the ranking key keep their relative order.
    pos = {p.id: i for i, p in enumerate(second)}
    for a, b in itertools.pairwise(first):
        if key(a) != key(b):
            assert pos[a.id] < pos[b.id]
    assert all(math.isfinite(p.gap) for p in first)


def test_workbook_and_deck_give_the_quadrants_the_same_names():
    import openpyxl

    from xlplugin.core.analysis.quadrants import QUADRANTS
    from xlplugin.deck.words import QUADRANT

    from helpers.paths import ROOT

    assert {code: (QUADRANTS[code].en, QUADRANTS[code].nl) for code in QUADRANT} == {
        code: (text.en, text.nl) for code, text in QUADRANT.items()}
    assert QUADRANTS["keep-up"].nl == "Sterk punt, vasthouden"
    # The Dutch template's live formulas spell them so.
    wb = openpyxl.load_workbook(ROOT / "templates" / "journey-nl.xlsx")
    formulas = " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
                        if isinstance(c.value, str) and c.value.startswith("="))
    assert '"Sterk punt, vasthouden"' in formulas and '"Mogelijk te veel van het goede"' in formulas
    assert "Goed zo" not in formulas

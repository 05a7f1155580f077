"""Waves, targets, actions and derived importance, against values computed by hand.

Hand computations (scale 1-5):
T1, wave Nulmeting: 2 3 2 3 2 3 -> n 6, mean 2.5, s^2 = 6 x 0.25 / 5 = 0.3, s = 0.548,
    interval 2.5 -/+ t(0.975; 5) x 0.548 / sqrt 6 = 2.5 -/+ 2.571 x 0.2236 = [1.925, 3.075]
T1, wave Hermeting: 4 4 3 5 4 4 -> mean 4.0, s^2 = 2 / 5 = 0.4, s = 0.632, interval [3.336, 4.664]
    Welch: v1 = 0.3 / 6 = 0.05, v2 = 0.4 / 6 = 0.0667, t = 1.5 / sqrt(0.1167) = 4.392,
    df = 0.1167^2 / (0.05^2 / 5 + 0.0667^2 / 5) = 9.8, p = 0.001 -> significant
T2: 3 4 3 4 3 -> 4 3 4 3 4: means 3.4 and 3.6, s = 0.548 both, intervals [2.720, 4.080] and
    [2.920, 4.280]; v = 0.3 / 5 = 0.06 each, t = 0.2 / sqrt(0.12) = 0.577, df = 0.0144 / 0.0018 = 8,
    p = 0.580 -> not significant
"""

from __future__ import annotations

import datetime as dt
import json
import math
import subprocess
import sys

import openpyxl
import pytest

from xlplugin.api import annotate_workbook, check_workbook, export_workbook, gaps_workbook, progress_workbook
from xlplugin.core.analysis.progress import due_date, track_progress
from xlplugin.core.analysis.ranking import rank_gaps
from xlplugin.core.analysis.stats import (
    adjusted_wald,
    fisher_interval,
    incomplete_beta,
    pearson,
    t_two_sided,
    welch,
)
from xlplugin.core.analysis.survey_stats import order_waves
from xlplugin.core.model import Journey

from helpers.paths import ROOT
from helpers.progress import ACTIONS, progress_document, two_waves

# -- the statistics, against published tables ------------------------------------------------

def test_incomplete_beta_and_t_distribution_hold_known_values():
    # I_0.4(2, 3) = sum_{j=2..4} C(4, j) 0.4^j 0.6^(4-j) = 0.3456 + 0.1536 + 0.0256
    assert incomplete_beta(2, 3, 0.4) == pytest.approx(0.5248, abs=1e-12)
    assert t_two_sided(1.0, 1) == pytest.approx(0.5, abs=1e-12)  # Cauchy: P(|T| >= 1) = 1/2
    assert t_two_sided(2.228, 10) == pytest.approx(0.050, abs=5e-4)  # the 0.975 quantile of t(10)
    assert t_two_sided(2.042, 30) == pytest.approx(0.050, abs=5e-4)
    assert t_two_sided(1.96, 1e6) == pytest.approx(0.050, abs=5e-4)  # the normal limit
    assert t_two_sided(0.0, 7) == pytest.approx(1.0)
    assert t_two_sided(math.inf, 7) == 0.0


def test_welch_by_hand():
    t1 = welch(6, 2.5, math.sqrt(0.3), 6, 4.0, math.sqrt(0.4))
    assert (round(t1.t, 3), round(t1.df, 3), round(t1.p, 3)) == (4.392, 9.8, 0.001)
    t2 = welch(5, 3.4, math.sqrt(0.3), 5, 3.6, math.sqrt(0.3))
    assert (round(t2.t, 3), round(t2.df, 3), round(t2.p, 3)) == (0.577, 8.0, 0.580)
    assert welch(1, 3.0, 0.0, 5, 4.0, 1.0) is None  # one answer: no test


def test_pearson_and_fisher_interval_by_hand():
    # Sxx = Syy = 53/3, Sxy = 41/3 -> r = 41/53 = 0.774; z = atanh r = 1.029, half = 1.96/sqrt(9) = 0.653
    x = [1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 2]
    y = [2, 2, 3, 3, 2, 4, 4, 3, 5, 5, 4, 1]
    c = pearson(x, y)
    assert (c.n, round(c.r, 3), round(c.low, 3), round(c.high, 3)) == (12, 0.774, 0.359, 0.933)
    assert pearson(x[:9], y[:9]).r is None and pearson(x[:9], y[:9]).n == 9  # under 10: no r
    assert fisher_interval(1.0, 20) == (1.0, 1.0)


@pytest.mark.parametrize("successes,n,low,high", [
    # n' = n + 1.96^2, p' = (x + 1.96^2/2) / n', half = 1.96 sqrt(p'(1 - p')/n')
    (7, 10, 0.392, 0.897),   # p' = 8.921/13.841 = 0.645, half = 0.252
    (0, 10, 0.0, 0.321),     # p' = 0.139, half = 0.182: the low end is cut at 0
    (45, 50, 0.782, 0.961),  # p' = 46.921/53.841 = 0.871, half = 0.089
    (10, 10, 0.679, 1.0),
])
def test_adjusted_wald_by_hand(successes, n, low, high):
    got = adjusted_wald(successes, n)
    assert (round(got[0], 3), round(got[1], 3)) == (low, high)


# -- waves --------------------------------------------------------------------------------

def test_waves_ordered_by_date_when_all_are_dates_else_as_they_appear():
    assert order_waves(["2026-09-01", "2026-03-01", "2026-09-01"]) == ["2026-03-01", "2026-09-01"]
    assert order_waves(["15-09-2026", "01-03-2026"]) == ["01-03-2026", "15-09-2026"]
    assert order_waves(["Nulmeting", "Hermeting", "2026-01-01"]) == ["Nulmeting", "Hermeting", "2026-01-01"]


def test_two_waves_give_the_series_the_change_and_the_current_values():
    ranked = rank_gaps(Journey.from_document(progress_document(two_waves())))
    data = {t["id"]: t for t in ranked.to_dict()["touchpoints"]}
    t1, t2 = data["T1"], data["T2"]
    assert [w["wave"] for w in t1["waves"]] == ["Nulmeting", "Hermeting"]
    assert [(w["n"], w["rating"], w["rating_low"], w["rating_high"]) for w in t1["waves"]] == [
        (6, 2.5, 1.93, 3.07), (6, 4.0, 3.34, 4.66)]
    assert t1["rating"] == 4.0 and t1["respondents"] == 6  # the latest wave is the current one
    # gap of a wave: 100 x (4 - 1)/4 x (5 - rating)/4
    assert [w["gap"] for w in t1["waves"]] == [46.88, 18.75]
    assert t1["change"] == {"from": "Nulmeting", "to": "Hermeting", "rating": 1.5, "gap": -28.12,
                            "p": 0.0014, "significant": True}
    assert (t2["change"]["rating"], round(t2["change"]["p"], 3), t2["change"]["significant"]) == (0.2, 0.580, False)
    assert [(w["rating_low"], w["rating_high"]) for w in t2["waves"]] == [(2.72, 4.08), (2.92, 4.28)]
    assert (t1["target_rating"], t1["target_met"]) == (3.5, True)
    assert (t2["target_rating"], t2["target_met"]) == (4, False)
    assert (data["T3"]["target_met"], "waves" in data["T3"]) == (None, False)  # no target, no responses
    assert ranked.to_dict()["waves"] == ["Nulmeting", "Hermeting"]


def test_a_touchpoint_measured_only_in_the_first_wave_keeps_that_wave():
    rows = [*two_waves(), {"respondent": "N0", "touchpoint_id": "T3", "rating": 2, "wave": "Nulmeting"},
            {"respondent": "N1", "touchpoint_id": "T3", "rating": 3, "wave": "Nulmeting"}]
    t3 = next(p for p in rank_gaps(Journey.from_document(progress_document(rows))).touchpoints if p.id == "T3")
    assert (t3.rating, t3.respondents, [w.wave for w in t3.waves], t3.change) == (2.5, 2, ["Nulmeting"], None)


def test_low_respondents_counts_the_latest_wave_the_touchpoint_was_measured_in(make_workbook):
    # T1: 6 + 6 respondents, T2: 5 + 5 (12 and 10 over both waves); T3 only in the first wave, 9 of them.
    rows = [*two_waves(), *({"respondent": f"N{i}", "touchpoint_id": "T3", "rating": 4, "wave": "Nulmeting"}
                            for i in range(9))]
    report = check_workbook(make_workbook(progress_document(rows)), min_respondents=8)
    low = [f for f in report.findings if f.code == "low-respondents"]
    assert [(f.sheet, f.cell) for f in low] == [("Contactmomenten", "K2"), ("Contactmomenten", "K3")]
    assert low[0].message.nl == "De waardering van T1 rust op 6 respondent(en) in de meting Hermeting, minder dan 8."
    assert low[1].message.en == "The rating of T2 rests on 5 respondent(s) in the wave Hermeting, fewer than 8."
    plain = [{k: v for k, v in r.items() if k != "wave"} for r in rows]  # without waves: all answers count
    report = check_workbook(make_workbook(progress_document(plain)), min_respondents=11)
    assert [f.message.en for f in report.findings if f.code == "low-respondents"] == [
        "The rating of T2 rests on 10 respondent(s), fewer than 11.",
        "The rating of T3 rests on 9 respondent(s), fewer than 11."]


def test_without_a_wave_column_nothing_about_waves_is_added():
    rows = [{k: v for k, v in r.items() if k != "wave"} for r in two_waves()]
    data = rank_gaps(Journey.from_document(progress_document(rows))).to_dict()
    assert "waves" not in data and all("waves" not in t and "change" not in t for t in data["touchpoints"])


# -- targets and actions ----------------------------------------------------------------------

def test_overdue_means_due_before_today_and_not_done():
    journey = Journey.from_document(progress_document(two_waves(), ACTIONS))
    progress = track_progress(journey, rank_gaps(journey), dt.date(2026, 11, 24))
    got = [(a["action"], a["overdue"]) for a in progress.to_dict()["actions"]]
    assert got == [("Formulier korter", False),    # past due, but done
                   ("Bevestiging per sms", True),  # past due, in progress
                   ("Tekst herschrijven", False),  # Q4 2026 runs to 31 December
                   ("Bezorgmoment kiezen", False)]
    later = track_progress(journey, rank_gaps(journey), dt.date(2027, 1, 1))
    assert [a.overdue for a in later.actions] == [False, True, True, False]
    assert due_date("K1 2027") == dt.date(2027, 3, 31) and due_date("na de zomer") is None


def test_progress_json_and_the_overdue_finding_from_a_workbook(make_workbook, tmp_path):
    path = make_workbook(progress_document(two_waves(), ACTIONS))
    data = progress_workbook(path, "2026-11-24").progress.to_dict()
    assert data["waves"] == ["Nulmeting", "Hermeting"] and data["today"] == "2026-11-24"
    assert [(t["id"], t["rating"], t["target_met"]) for t in data["touchpoints"]] == [
        ("T1", 4.0, True), ("T2", 3.6, False), ("T3", 4, None)]
    assert data["touchpoints"][0]["change"]["significant"] is True
    findings = [f for f in check_workbook(path).findings if f.code == "action-overdue"]
    assert [(f.sheet, f.cell, f.severity) for f in findings] == [("Acties", "D3", "warning")]
    assert findings[0].message.nl == "De actie voor T2 moest 30 september 2026 klaar zijn en is bezig."
    assert findings[0].message.en == "The action for T2 was due 30 September 2026 and is in progress."

    cli = [sys.executable, "-m", "xlplugin", "progress", str(path)]
    out = subprocess.run([*cli, "--today", "2027-01-05", "--format", "json"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert [a["overdue"] for a in json.loads(out.stdout)["actions"]] == [False, True, True, False]
    text = subprocess.run([*cli, "--lang", "nl"], capture_output=True, text=True).stdout
    assert "Metingen: Nulmeting → Hermeting" in text
    assert "2,50 → 4,00  +1,50 (p 0,001 significant)  doel 3,5: gehaald" in text
    assert "TE LAAT" in text and "Doelen gehaald: 1, niet gehaald: 1; acties te laat: 1" in text
    bad = subprocess.run([*cli, "--today", "morgen"], capture_output=True, text=True)
    assert bad.returncode == 2 and "--today 'morgen' is not a date" in bad.stderr and "Traceback" not in bad.stderr


# -- overall and derived importance -------------------------------------------------------------

X = [1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 2]  # T1's ratings
Y = [2, 2, 3, 3, 2, 4, 4, 3, 5, 5, 4, 1]  # the respondents' overall ratings


def with_overall() -> list[dict]:
    rows = []
    for i, (x, y) in enumerate(zip(X, Y, strict=True)):
        person = f"R{i:02}"
        rows.append({"respondent": person, "touchpoint_id": "T1", "rating": x, "importance": 3, "overall": y})
        # T2: the same people, rated so that it barely moves with the overall rating
        rows.append({"respondent": person, "touchpoint_id": "T2", "rating": 2 + (i % 2), "importance": 5})
        if i < 9:  # T3: only nine respondents, too few for a correlation
            rows.append({"respondent": person, "touchpoint_id": "T3", "rating": x, "importance": 3})
    return rows


def test_derived_importance_in_the_gaps_json_and_the_ranking_on_it():
    journey = Journey.from_document(progress_document(with_overall()))
    stated = {t["id"]: t for t in rank_gaps(journey).to_dict()["touchpoints"]}
    assert stated["T1"]["derived_importance"] == {"r": 0.774, "n": 12, "low": 0.359, "high": 0.933}
    assert stated["T3"]["derived_importance"] == {"r": None, "n": 9, "low": None, "high": None}
    r2 = pearson([2 + (i % 2) for i in range(12)], Y).r
    assert stated["T2"]["derived_importance"]["r"] == round(r2, 3)
    # stated: T2 (5; 2.5) gap 62.5, T3 (3; 28/9) gap 23.61, T1 (3; 38/12) gap 22.92
    assert [p.id for p in rank_gaps(journey).ranked] == ["T2", "T3", "T1"]
    derived = rank_gaps(journey, "derived")
    data = {t["id"]: t for t in derived.to_dict()["touchpoints"]}
    # T1: 1 + 4 x 41/53 = 4.094 -> gap 100 x (41/53) x (5 - 38/12)/4 = 100 x 0.7736 x 0.4583 = 35.46
    assert (data["T1"]["importance"], data["T1"]["gap"], data["T1"]["importance_source"]) == (4.09, 35.46, "derived")
    assert data["T1"]["stated_importance"] == 3
    # the mapped interval 1 + 4 x [0.359, 0.933] = [2.44, 4.73] crosses the threshold 4
    assert data["T1"]["uncertain"] is True
    assert (data["T3"]["importance"], data["T3"]["importance_source"]) == (3, "stated")  # too few: stated kept
    # T2: r = -0.137 -> importance 1, gap 0; its interval [1, 2.90] stays below the threshold
    assert (data["T2"]["importance"], data["T2"]["gap"], data["T2"]["uncertain"]) == (1, 0, False)
    assert [p.id for p in derived.ranked] == ["T1", "T3", "T2"]
    assert derived.to_dict()["importance_source"] == "derived"
    # the Journey sheet's Importance source does the same as the option
    by_sheet = rank_gaps(Journey.from_document(progress_document(with_overall(), importance_source="derived")))
    assert [p.id for p in by_sheet.ranked] == [p.id for p in derived.ranked]


def test_top2_share_with_its_adjusted_wald_interval():
    t1 = next(t for t in rank_gaps(Journey.from_document(progress_document(with_overall()))).to_dict()["touchpoints"]
              if t["id"] == "T1")
    # ratings 4 or 5: 5 of 12 -> p' = (5 + 1.921)/15.841 = 0.437, half = 1.96 x sqrt(0.437 x 0.563/15.841) = 0.244
    assert (t1["top2"], t1["top2_low"], t1["top2_high"]) == (0.417, 0.193, 0.681)


def test_two_different_overall_answers_in_one_wave_are_one_finding_at_the_second(make_workbook):
    rows = with_overall()
    rows[1]["overall"] = 4  # R00's T2 row says 4, its T1 row said 2
    rows[2]["overall"] = 2  # R00 again (T3 row), the same 2 as on the first row: fine
    rows[4]["overall"] = 7  # R01's T2 row: off the scale 1-5, one finding, not a conflict as well
    findings = [f for f in check_workbook(make_workbook(progress_document(rows))).findings
                if f.code in ("overall-conflict", "out-of-range")]
    assert [(f.code, f.sheet, f.cell) for f in findings] == [("overall-conflict", "Antwoorden", "H3"),
                                                             ("out-of-range", "Antwoorden", "H6")]
    assert findings[0].message.en == "Respondent R00 gives the overall rating 4 here but 2 in H2."


# -- the two-wave sample: progress and gaps tell the same story ------------------------------------

def test_the_energy_switch_sample_tells_one_story():
    sample = ROOT / "samples" / "energy-switch.xlsx"
    progress = progress_workbook(sample, "2026-11-24").progress.to_dict()
    assert progress["waves"] == ["Nulmeting", "Hermeting"]
    tps = {t["id"]: t for t in progress["touchpoints"]}
    assert {k for k, t in tps.items() if t["change"]["significant"]} == {"E06", "E10"}
    assert {k: t["target_met"] for k, t in tps.items() if t["target_rating"] is not None} == {
        "E06": True, "E08": False, "E10": True, "E12": False}
    assert [a["touchpoint_id"] for a in progress["actions"] if a["overdue"]] == ["E08"]
    assert all(len(t["waves"]) == 2 for t in tps.values())
    assert all(40 <= w["n"] <= 80 for t in tps.values() for w in t["waves"])

    run = [sys.executable, "-m", "xlplugin", "gaps", str(sample), "--format", "json"]
    stated = json.loads(subprocess.run(run, capture_output=True, text=True).stdout)
    derived = json.loads(subprocess.run([*run, "--importance", "derived"], capture_output=True, text=True).stdout)
    same = {t["id"]: (t["rating"], t["target_met"], t["change"]) for t in stated["touchpoints"]}
    assert same == {t["id"]: (t["rating"], t["target_met"], t["change"]) for t in derived["touchpoints"]}
    assert {t["id"]: (t["rating"], t["target_met"]) for t in stated["touchpoints"]} == {
        k: (t["rating"], t["target_met"]) for k, t in tps.items()}
    # The phone call about the first bill is important by what people say, not by what drives their overall rating.
    top = [t["id"] for t in sorted(stated["touchpoints"], key=lambda t: t["rank"])][:3]
    top_derived = [t["id"] for t in sorted(derived["touchpoints"], key=lambda t: t["rank"])][:3]
    assert "E09" in top and "E09" not in top_derived and top_derived[:2] == ["E08", "E12"]
    assert all("derived_importance" in t and "top2_low" in t for t in derived["touchpoints"])


def test_annotate_adds_the_target_trend_and_derived_columns_to_the_priorities_sheet(tmp_path):
    done = annotate_workbook(ROOT / "samples" / "energy-switch.xlsx", tmp_path / "checked.xlsx")
    ws = openpyxl.load_workbook(done.path)["Prioriteiten"]
    rows = list(ws.iter_rows(values_only=True))
    head = list(rows[0][:22])
    assert head[12:] == ["Doelwaardering", "Doel gehaald", "Vorige waardering", "Verandering", "p", "Significant",
                         "Metingen", "Afgeleid belang (r)", "r laag", "r hoog"]
    by_id = {r[1]: dict(zip(head, r[:22], strict=True)) for r in rows[1:] if r[1]}
    e06, e12 = by_id["E06"], by_id["E12"]
    assert (e06["Doelwaardering"], e06["Doel gehaald"], e06["Vorige waardering"], e06["Significant"]) == (
        3.5, "ja", 2.31, "ja")
    assert e06["Metingen"] == "Nulmeting: 2,31 → Hermeting: 3,68"
    assert (e12["Doel gehaald"], e12["Significant"]) == ("nee", "nee")
    assert by_id["E01"]["Doelwaardering"] is None and by_id["E01"]["Verandering"] == 0
    assert by_id["E08"]["Afgeleid belang (r)"] > 0.7
    [chart] = ws._charts  # the chart moved right of the new columns, its data still in columns E and F
    assert chart.series[0].xVal.numRef.f == "'Prioriteiten'!$F$2"


def test_waves_typed_as_dates_and_the_importance_source_read_back_from_the_workbook(make_workbook):
    def edit(wb):
        ws = wb["Antwoorden"]
        for row in range(2, ws.max_row + 1):  # Excel dates, the later one first in the sheet
            if ws[f"G{row}"].value:
                ws[f"G{row}"] = dt.datetime(2026, 10, 1) if ws[f"G{row}"].value == "Nulmeting" else dt.datetime(2026, 3, 1)
        ws = wb["Klantreis"]
        row = next(r for r in range(1, 30) if ws[f"A{r}"].value == "Bron belang")
        ws[f"B{row}"] = "Afgeleid"

    path = make_workbook(progress_document(two_waves()), edit=edit)
    document = export_workbook(path).document
    assert document["journey"]["importance_source"] == "derived"
    assert {r["wave"] for r in document["responses"]} == {"2026-03-01", "2026-10-01"}
    gaps = gaps_workbook(path).priorities.to_dict()
    t1 = next(t for t in gaps["touchpoints"] if t["id"] == "T1")
    # ordered by date: the "Hermeting" answers (now 2026-03-01) come first, so T1 went from 4.0 to 2.5
    assert (gaps["waves"], t1["rating"], t1["change"]["rating"]) == (["2026-03-01", "2026-10-01"], 2.5, -1.5)
    assert gaps["importance_source"] == "derived"

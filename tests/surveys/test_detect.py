"""The pure parts: which tool from the header rows, which touchpoint and field from a question,
and which number from an answer (no workbook, no file)."""

from __future__ import annotations

import pytest

from xlplugin.surveys.answers import read_column
from xlplugin.surveys.columns import Matcher, TouchpointKey, field_of
from xlplugin.surveys.detect import Column, detect

TOUCHPOINTS = [TouchpointKey("E01", "Vergelijkt tarieven op een vergelijkingssite"),
               TouchpointKey("E-02", "Leest reviews over de leverancier"),
               TouchpointKey("E03", "Ontvangt de jaarafrekening")]


@pytest.mark.parametrize("rows, tool, header_rows", [
    ([["StartDate", "EndDate", "Status", "ResponseId", "Q1_1"], ["Start Date", "End Date", "Response Type",
      "Response ID", "Hoe belangrijk - x"], ['{"ImportId":"startDate"}', "", "", "", '{"ImportId":"QID1_1"}']],
     "qualtrics", 3),
    ([["StartDate", "EndDate", "ResponseID", "Q1"], ["Start Date", "End Date", "Response ID", "Vraag"]], "qualtrics", 2),
    ([["Respondent-ID", "Collector-ID", "Begindatum", "Einddatum", "Vraag"], ["", "", "", "", "Antwoord"]],
     "surveymonkey", 2),
    ([["id", "submitdate", "lastpage", "startlanguage", "seed", "BELANG[E01]"]], "limesurvey", 1),
    ([["Response ID", "Date submitted", "Last page", "Start language", "Seed", "Vraag [x]"]], "limesurvey", 1),
    ([["#", "Vraag", "Start Date (UTC)", "Submit Date (UTC)", "Network ID"]], "typeform", 1),
    ([["#", "Vraag", "Submitted At", "Token"]], "typeform", 1),
    ([["Id", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Vraag"]], "microsoft-forms", 1),
    ([["ID", "Start time", "Completion time", "Email", "Name", "Last modified time", "Q"]], "microsoft-forms", 1),
    ([["Tijdstempel", "E-mailadres", "Vraag"]], "google-forms", 1),
    ([["Timestamp", "Question"]], "google-forms", 1),
    ([["Respondent", "Belang (E01)"]], "plain", 1),
])
def test_each_tools_header_layout_is_recognised(rows, tool, header_rows):
    layout = detect(rows)
    assert (layout.tool, layout.header_rows) == (tool, header_rows)


@pytest.mark.parametrize("header, code, sub, expected", [
    ("Hoe belangrijk is elk van deze momenten voor u? [Vergelijkt tarieven (E01)]", "", "", ("E01", "importance")),
    ("", "TEVREDEN[E02]", "", ("E-02", "rating")),
    ("BELANG[E03]", "BELANG[E03]", "", ("E03", "importance")),
    ("How satisfied are you with each of these moments?", "", "Ontvangt de jaarafrekening (E03)", ("E03", "rating")),
    ("Opmerking (E01)", "", "", ("E01", "comment")),
    ("Leest reviews over de leverancier (E-02)", "", "", ("E-02", None)),
])
def test_touchpoint_and_field_from_the_question(header, code, sub, expected):
    col = Column(0, header, code, sub)
    found = Matcher(TOUCHPOINTS).find_id(col)
    assert found is not None
    name = next(t.name for t in TOUCHPOINTS if t.id == found[0])
    assert (found[0], field_of(col, name)) == expected


def test_numbers_labels_and_no_answers():
    cells = list(enumerate(["4", "4,0", 3.0, "2 - Ontevreden", "Zeer tevreden", "n.v.t.", "", None, "-99", "Weet niet"]))
    got = read_column(cells, 1, 5)
    assert got.values == {0: 4.0, 1: 4.0, 2: 3.0, 3: 2.0, 4: 5.0} and not got.problems and got.refused is None


def test_one_typo_is_unreadable_but_a_column_on_another_scale_is_refused():
    assert [p.value for p in read_column([(1, "4"), (2, "44"), (3, "5"), (4, "3"), (5, "2")], 1, 5).problems] == \
        ["44"]
    assert read_column([(i, str(v)) for i, v in enumerate([7, 8, 9, 10, 6, 2])], 1, 5).refused is not None
    seven = read_column([(1, "Enigszins tevreden"), (2, "Tevreden")], 1, 5)
    assert seven.refused is not None and "7" in seven.refused.en


def test_labels_of_one_kind_only_say_which_measure_a_column_asks():
    assert read_column([(1, "Zeer belangrijk"), (2, "Neutraal")], 1, 5).scale_words == "importance"
    assert read_column([(1, "Tevreden")], 1, 5).scale_words == "satisfaction"
    assert read_column([(1, "Neutraal")], 1, 5).scale_words is None  # on both kinds' scales

"""As-is against to-be when the redesign renames phases: the same phase, not one removed and one added."""

from __future__ import annotations

from xlplugin.core.analysis.compare import compare
from xlplugin.core.model import Journey

from helpers.workbooks import example


def _pair(rename: dict[str, str], move_all: bool = True):
    as_is = example("laptop-request")
    to_be = example("laptop-request")
    for phase in to_be["phases"]:
        phase["name"] = rename.get(phase["name"], phase["name"])
    for tp in to_be["touchpoints"]:
        tp["phase"] = rename.get(tp["phase"], tp["phase"]) if move_all else tp["phase"]
    return Journey.from_document(as_is), Journey.from_document(to_be)


def test_a_renamed_phase_is_matched_by_its_touchpoints_and_nothing_moved():
    first = example("laptop-request")["phases"][1]["name"]
    as_is, to_be = _pair({first: "Aanvragen (nieuw)"})
    result = compare(as_is, to_be)
    assert result.phases_renamed == ((first, "Aanvragen (nieuw)"),)
    assert result.phases_added == () and result.phases_removed == () and result.moved == ()
    assert result.to_dict()["phases"]["renamed"] == [{"from": first, "to": "Aanvragen (nieuw)"}]


def test_an_empty_renamed_phase_is_matched_by_its_place():
    doc = example("laptop-request")
    last = doc["phases"][-1]["name"]
    as_is = Journey.from_document(doc)
    doc2 = example("laptop-request")
    doc2["phases"][-1]["name"] = "Afronding"
    doc2["touchpoints"] = [t for t in doc2["touchpoints"] if t["phase"] != last]
    doc["touchpoints"] = [t for t in doc["touchpoints"] if t["phase"] != last]
    result = compare(Journey.from_document(doc), Journey.from_document(doc2))
    assert result.phases_renamed == ((last, "Afronding"),)
    assert as_is.phases[-1].name == last


def test_a_new_phase_with_new_touchpoints_is_added_not_renamed():
    doc = example("laptop-request")
    doc2 = example("laptop-request")
    doc2["phases"].append({"name": "Evaluatie"})
    doc2["touchpoints"].append({**doc2["touchpoints"][-1], "id": "C99", "phase": "Evaluatie"})
    result = compare(Journey.from_document(doc), Journey.from_document(doc2))
    assert result.phases_added == ("Evaluatie",) and result.phases_renamed == ()

"""Journeys with waves and actions, for the progress tests."""

from __future__ import annotations

T1 = ([2, 3, 2, 3, 2, 3], [4, 4, 3, 5, 4, 4])  # the ratings of T1 in the two waves (worked out in test_progress)
T2 = ([3, 4, 3, 4, 3], [4, 3, 4, 3, 4])


def progress_document(responses: list[dict], actions: list[dict] | None = None, **journey: object) -> dict:
    return {
        "version": 1, "language": "nl",
        "journey": {"title": "Hermeting", "objective": "Beter", **journey},
        "persona": {"name": "Sanne", "goals": "Snel"},
        "phases": [{"name": "Aanvraag"}],
        "touchpoints": [
            {"id": "T1", "phase": "Aanvraag", "name": "Formulier", "importance": 5, "rating": 2, "target_rating": 3.5},
            {"id": "T2", "phase": "Aanvraag", "name": "Bevestiging", "importance": 4, "rating": 3, "target_rating": 4},
            {"id": "T3", "phase": "Aanvraag", "name": "Levering", "importance": 3, "rating": 4},
        ],
        "blueprint": [], "actions": actions or [], "responses": responses,
    }


def two_waves() -> list[dict]:
    rows = []
    for tid, (before, after) in (("T1", T1), ("T2", T2)):
        for wave, ratings in (("Nulmeting", before), ("Hermeting", after)):
            for i, rating in enumerate(ratings):
                rows.append({"respondent": f"{wave[0]}{i}", "touchpoint_id": tid, "rating": rating,
                             "importance": 4, "wave": wave})
    return rows


ACTIONS = [
    {"touchpoint_id": "T1", "action": "Formulier korter", "owner": "Web", "due": "2026-06-30", "status": "done"},
    {"touchpoint_id": "T2", "action": "Bevestiging per sms", "owner": "IT", "due": "2026-09-30", "status": "in-progress"},
    {"touchpoint_id": "T2", "action": "Tekst herschrijven", "owner": "Marketing", "due": "Q4 2026", "status": "open"},
    {"touchpoint_id": "T3", "action": "Bezorgmoment kiezen", "owner": "Logistiek", "due": "2027-Q1"},
]

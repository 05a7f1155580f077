"""Journeys built in code for the hard cases: many touchpoints, long names, empty parts."""

from __future__ import annotations

from typing import Any

LONG = ("Vergelijkt uitgebreid alle voorwaarden, eigen risico's en aanvullende dekkingen van verschillende "
        "aanbieders op een vergelijkingssite")


def big_journey(touchpoints: int = 60, scale: str = "1-10", blueprint: bool = False, lang: str = "nl") -> dict[str, Any]:
    """A Dutch journey on a 1-10 scale: six phases (the last one empty), long names, a few
    touchpoints without rating, optionally a blueprint with three lanes per touchpoint."""
    phases = ["Oriëntatie en eerste kennismaking met het aanbod", "Overweging", "Aankoop", "Gebruik",
              "Service en klachten", "Herhaalaankoop (nog leeg)"]
    top = 10 if scale == "1-10" else 5
    tps = []
    for i in range(touchpoints):
        tp: dict[str, Any] = {
            "id": f"K{i + 1:02}", "phase": phases[min(i * 5 // touchpoints, 4)],
            "name": LONG if i % 7 == 0 else f"Contactmoment nummer {i + 1} met een gewone naam",
            "channel": ["Website", "Telefoon", "E-mail", "Winkel", "App"][i % 5],
            "customer_action": "Doet iets dat in de blauwdruk staat", "importance": 1 + (i * 3) % top,
            "emotion": (i % 5) - 2, "moment_of_truth": i % 9 == 0, "respondents": 20 + i,
        }
        if i % 11 != 5:
            tp["rating"] = 1 + (i * 7) % top
        tps.append(tp)
    steps = []
    if blueprint:
        for tp in tps:
            for lane in ("frontstage", "backstage", "support-process"):
                steps.append({"touchpoint_id": tp["id"], "lane": lane,
                              "activity": f"{lane} activiteit voor {tp['id']} met wat uitleg erbij",
                              "department": "Klantenservice", "system": "CRM"})
    return {
        "version": 1, "language": lang,
        "journey": {"title": "Een hele lange titel van een klantreis die over twee regels loopt omdat hij zo lang is",
                    "objective": "Meer klanten", "rating_scale": scale, "scenario": "to-be", "date": "2026-11-23"},
        "persona": {"name": "Sanne"}, "phases": [{"name": p} for p in phases], "touchpoints": tps,
        "blueprint": steps, "actions": [], "responses": [],
    }


LONG_WORDS = ("vertegenwoordiger", "Productontwikkeling", "vergelijkingssite", "Klanttevredenheidsonderzoek")


def dense_journey(touchpoints: int = 60, lang: str = "nl", errors: bool = False) -> dict[str, Any]:
    """A dense journey on a 1-5 scale with whole-number scores, so many touchpoints share a
    point in the matrix; long Dutch words in names, owners and targets; actions with and
    without owner and target. With `errors`, a touchpoint names a phase in lower case that the
    Phases sheet does not have (a typo) and one rating is off the scale."""
    phases = ["Oriëntatie", "Offerte en vergelijking", "Aanvraag", "Levering", "Gebruik en service"]
    tps = []
    for i in range(touchpoints):
        tp: dict[str, Any] = {
            "id": f"D{i + 1:02}", "phase": phases[i * len(phases) // touchpoints],
            "name": (f"Spreekt een {LONG_WORDS[0]} over het {LONG_WORDS[3]}" if i % 6 == 0
                     else f"Bekijkt de {LONG_WORDS[2]} voor stap {i + 1}"),
            "channel": ["Website", "Telefoon", "E-mail"][i % 3],
            "importance": 1 + (i * 2) % 5, "rating": 1 + (i * 3) % 5 if i % 13 != 7 else None,
            "emotion": ((i * 7) % 5) - 2, "moment_of_truth": i % 8 == 0, "respondents": 12 + i % 20,
        }
        tps.append({k: v for k, v in tp.items() if v is not None})
    if errors:
        tps[20]["phase"] = "levering en montage"
        tps[33]["rating"] = 7
    actions = [{"touchpoint_id": f"D{i:02}", "action": f"Verbeter stap {i} samen met {LONG_WORDS[1]}",
                "owner": LONG_WORDS[1] if i % 3 else None, "due": "2027-03-31",
                "target": f"{LONG_WORDS[3]} minstens 4" if i % 4 else None, "status": "open"}
               for i in (1, 6, 11, 16, 21)]
    return {
        "version": 1, "language": lang,
        "journey": {"title": "Een dichte klantreis met zestig contactmomenten", "objective": "Minder uitval",
                    "rating_scale": "1-5", "scenario": "as-is", "date": "2026-11-24"},
        "persona": {"name": "Sanne, inkoper"}, "phases": [{"name": p} for p in phases], "touchpoints": tps,
        "blueprint": [], "actions": [{k: v for k, v in a.items() if v is not None} for a in actions], "responses": [],
    }

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

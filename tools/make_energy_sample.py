"""Write the built-in example `energy-switch`: a Dutch journey measured twice, a baseline
(Nulmeting) and a re-measurement after the actions (Hermeting), with an Overall column.

    python tools/make_energy_sample.py      (then: python tools/rebuild_assets.py)

The answers are drawn with a fixed seed from a simple model a reader can check: each
touchpoint has a mean importance and a mean rating per wave; a respondent's overall
rating moves with the ratings of the three touchpoints that drive it (the first bill,
the annual statement and the confirmation of the switch), so derived and stated
importance disagree where they should. Re-running the script gives the same file.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "xlplugin" / "resources" / "examples" / "energy-switch.json"
WAVES = (("Nulmeting", 64), ("Hermeting", 58))
SEED = 20261040

PHASES = [
    ("Oriëntatie", "Weten of overstappen loont", "Sander merkt dat zijn termijnbedrag flink omhoog gaat en gaat vergelijken."),
    ("Aanmelden", "Zonder gedoe een contract afsluiten", "Hij kiest een aanbieder en meldt zich online aan."),
    ("Overstap", "Zeker weten dat de overstap goed gaat", "De nieuwe leverancier regelt de overstap met de oude."),
    ("Eerste maanden", "Een termijnbedrag dat klopt en weinig omkijken", "Het eerste termijnbedrag, de app en de meterstanden."),
    ("Jaarafrekening", "Begrijpen wat hij betaalt en wat hij terugkrijgt", "Na een jaar volgt de afrekening; daarna verlengen of vertrekken."),
]

# id, phase, name, channel, customer action, moment of truth, owner, stated importance per wave,
# rating mean per wave, target rating, KPI
TOUCHPOINTS = [
    ("E01", 0, "Vergelijkt tarieven op een vergelijkingssite", "Vergelijkingssite", "Vult postcode en verbruik in",
     False, "Marketing", (4.4, 4.4), (3.9, 4.0), None, "Positie in vergelijkers"),
    ("E02", 0, "Leest reviews over de leverancier", "Reviewsite", "Leest ervaringen van andere klanten",
     False, "Marketing", (3.6, 3.6), (3.4, 3.5), None, "Reviewscore"),
    ("E03", 0, "Berekent het maandbedrag op de website", "Website", "Vult de rekenhulp in",
     True, "Online", (4.5, 4.5), (3.7, 3.8), None, "Conversie rekenhulp"),
    ("E04", 1, "Vult het aanmeldformulier in", "Website", "Vult adres, meternummers en IBAN in",
     False, "Online", (4.1, 4.1), (3.5, 3.6), None, "Afhakers in het formulier"),
    ("E05", 1, "Krijgt de welkomstmail met het contract", "E-mail", "Leest de mail en het contract",
     False, "Klantcontact", (3.2, 3.2), (3.8, 3.8), None, "Openratio welkomstmail"),
    ("E06", 2, "Krijgt bevestiging dat de overstap geregeld is", "E-mail en sms", "Wacht op bericht over de overstap",
     True, "Klantcontact", (4.6, 4.6), (2.3, 3.6), 3.5, "Dagen tot bevestiging"),
    ("E07", 2, "Geeft de meterstand op de overstapdatum door", "App", "Leest de meter af en vult de stand in",
     False, "Team App", (3.8, 3.8), (3.3, 3.4), None, "Aandeel doorgegeven standen"),
    ("E08", 3, "Ontvangt het eerste termijnbedrag", "E-mail", "Vergelijkt het bedrag met de berekening vooraf",
     True, "Billing", (4.7, 4.7), (2.4, 2.5), 3.5, "Klachten over termijnbedrag"),
    ("E09", 3, "Belt de klantenservice over het termijnbedrag", "Telefoon", "Wacht in de rij en legt de situatie uit",
     False, "Klantcontact", (4.2, 4.2), (2.7, 2.7), None, "Wachttijd en first-time-right"),
    ("E10", 3, "Bekijkt verbruik in de app", "App", "Opent de app en bekijkt het verbruik per week",
     False, "Team App", (3.4, 3.4), (3.0, 4.0), 3.8, "Maandelijks actieve gebruikers"),
    ("E11", 3, "Past het termijnbedrag zelf aan", "App", "Schuift het bedrag omhoog of omlaag",
     False, "Team App", (3.5, 3.5), (3.6, 3.7), None, "Aanpassingen via de app"),
    ("E12", 4, "Ontvangt de jaarafrekening", "E-mail", "Leest de afrekening en zoekt wat hij terugkrijgt",
     True, "Billing", (4.2, 4.2), (2.4, 2.6), 3.5, "Vragen over de jaarafrekening"),
    ("E13", 4, "Krijgt geld terug of moet bijbetalen", "Bank", "Ziet het bedrag op de rekening",
     False, "Billing", (4.3, 4.3), (3.2, 3.3), None, "Dagen tot terugbetaling"),
    ("E14", 4, "Krijgt een verlengingsaanbod", "E-mail", "Vergelijkt het aanbod met nieuwe klanten",
     False, "Retentie", (4.0, 4.0), (3.1, 3.2), None, "Verlengingsratio"),
]
DRIVERS = {"E08": 0.8, "E12": 0.55, "E06": 0.25}
"""How strongly each touchpoint's rating moves the overall rating (the rest is noise)."""

BLUEPRINT = {
    "E01": ("Tarieven dagelijks naar vergelijkers gestuurd", "Pricing", "Tariefmodule"),
    "E02": ("Reviews worden beantwoord door het webcareteam", "Klantcontact", "Reviewplatform"),
    "E03": ("Rekenhulp schat verbruik op basis van huishoudgrootte", "Online", "Website-CMS"),
    "E04": ("Aanmelding wordt gecontroleerd op meternummer en adres", "Backoffice", "CRM"),
    "E05": ("Contract wordt automatisch opgemaakt en verstuurd", "Backoffice", "CRM"),
    "E06": ("Overstapbericht via het berichtenverkeer met de netbeheerder", "Backoffice", "EDSN-koppeling"),
    "E07": ("Meterstand wordt gevalideerd tegen het verwachte verbruik", "Meetdata", "Meetdatasysteem"),
    "E08": ("Termijnbedrag berekend uit de verbruiksschatting", "Billing", "Facturatiesysteem"),
    "E09": ("Klantenservice ziet de berekening niet in het CRM", "Klantcontact", "CRM"),
    "E10": ("Verbruiksdata dagelijks uit de slimme meter gehaald", "Team App", "App-backend"),
    "E11": ("Wijziging termijnbedrag direct doorgezet naar facturatie", "Billing", "Facturatiesysteem"),
    "E12": ("Jaarafrekening opgemaakt uit standen en termijnen", "Billing", "Facturatiesysteem"),
    "E13": ("Terugbetaling in de wekelijkse betaalrun", "Finance", "ERP"),
    "E14": ("Verlengingsaanbod bepaald door het retentiemodel", "Retentie", "Campagnetool"),
}

ACTIONS = [
    {"touchpoint_id": "E06", "action": "Bevestiging van de overstap binnen één werkdag per e-mail en sms",
     "owner": "Teamleider Klantcontact", "due": "2026-06-30", "target": "Waardering van 2,3 naar 3,5", "status": "done"},
    {"touchpoint_id": "E10", "action": "Verbruik per week en meterstand met foto doorgeven in de app",
     "owner": "Product owner App", "due": "2026-05-31", "target": "Waardering van 3,0 naar 3,8", "status": "done"},
    {"touchpoint_id": "E08", "action": "Eerste termijnbedrag berekenen op het werkelijke verbruik van vorig jaar",
     "owner": "Manager Billing", "due": "2026-09-30", "target": "Waardering van 2,4 naar 3,5; klachten halveren",
     "status": "in-progress"},
    {"touchpoint_id": "E09", "action": "Berekening van het termijnbedrag zichtbaar maken in het CRM",
     "owner": "Teamleider Klantcontact", "due": "2027-01-31", "target": "First-time-right van 60% naar 85%",
     "status": "in-progress"},
    {"touchpoint_id": "E12", "action": "Jaarafrekening herontwerpen: één pagina met uitleg in gewone taal",
     "owner": "Manager Billing", "due": "2027-03-31", "target": "Waardering van 2,4 naar 3,5", "status": "in-progress"},
]


def _tidy(x: float) -> float:
    """A mean as the workbook stores it: 4 rather than 4.0."""
    return int(x) if x == int(x) else x


def _answer(rng: random.Random, mean: float, sd: float = 0.8) -> int:
    return max(1, min(5, round(rng.gauss(mean, sd))))


def responses() -> list[dict]:
    rng = random.Random(SEED)
    rows: list[dict] = []
    first = 0
    for w, (wave, count) in enumerate(WAVES):
        for k in range(count):
            person = f"R{first + k + 1:03}"
            ratings = {}
            for tid, *_, importance, rating, _target, _kpi in TOUCHPOINTS:
                ratings[tid] = _answer(rng, rating[w])
                ratings[tid + "/i"] = _answer(rng, importance[w], 0.7)
            drift = sum(weight * (ratings[tid] - next(t[8][w] for t in TOUCHPOINTS if t[0] == tid))
                        for tid, weight in DRIVERS.items())
            overall = max(1, min(5, round(3.1 + 0.4 * w + 1.2 * drift + rng.gauss(0, 0.2))))
            mine = []
            for tid, *_rest in TOUCHPOINTS:
                if rng.random() < 0.06:  # not every respondent answers every question
                    continue
                mine.append({"respondent": person, "touchpoint_id": tid, "importance": ratings[tid + "/i"],
                             "rating": ratings[tid], "wave": wave})
            mine[0]["overall"] = overall  # once per respondent per wave, as a survey export gives it
            rows.extend(mine)
        first += count
    return rows


def document() -> dict:
    answers = responses()
    last = WAVES[-1][0]
    tps = []
    for tid, phase, name, channel, action, mot, owner, _imp, _rat, target, kpi in TOUCHPOINTS:
        mine = [r for r in answers if r["touchpoint_id"] == tid and r["wave"] == last]
        tp = {"id": tid, "phase": PHASES[phase][0], "name": name, "channel": channel, "customer_action": action,
              "importance": _tidy(round(sum(r["importance"] for r in mine) / len(mine), 1)),
              "rating": _tidy(round(sum(r["rating"] for r in mine) / len(mine), 1)),
              "emotion": 1 if _rat[-1] >= 3.8 else 0 if _rat[-1] >= 3.0 else -1 if _rat[-1] >= 2.5 else -2,
              "moment_of_truth": mot, "owner": owner, "respondents": len(mine)}
        if target is not None:
            tp["target_rating"] = target
        tp["kpi"] = kpi
        tps.append(tp)
    blueprint = []
    for tid, (activity, department, system) in BLUEPRINT.items():
        blueprint.append({"touchpoint_id": tid, "lane": "backstage", "activity": activity,
                          "department": department, "system": system})
    return {
        "version": 1, "language": "nl",
        "journey": {
            "title": "Overstappen naar een nieuwe energieleverancier",
            "objective": "Nieuwe klanten een overstap zonder verrassingen geven: de momenten die het totaaloordeel "
                         "bepalen minimaal een 3,5, en het totaaloordeel van 3,1 naar 3,5.",
            "why": "Een kwart van de nieuwe klanten belt in de eerste drie maanden over het termijnbedrag, en na "
                   "de eerste jaarafrekening vertrekt een op de vijf.",
            "research_method": "Enquête onder nieuwe klanten in maart 2026 (nulmeting, 64 respondenten) en na de "
                               "eerste acties in oktober 2026 (hermeting, 58 respondenten); per contactmoment belang "
                               "en waardering, plus een totaaloordeel.",
            "scope_start": "De klant merkt dat zijn energierekening omhoog gaat.",
            "scope_end": "De klant verlengt zijn contract of vertrekt na het eerste jaar.",
            "scenario": "as-is", "owner": "Manager Klantreis Energie", "date": "2026-10-26", "rating_scale": "1-5",
        },
        "persona": {
            "name": "Sander, prijsbewuste overstapper",
            "role": "Woont met partner en twee kinderen in een rijtjeshuis; stapt elk jaar of twee over",
            "description": "Sander houdt zijn vaste lasten bij in een spreadsheet en vergelijkt graag. Hij is niet "
                           "loyaal aan een merk, wel aan een leverancier die doet wat hij belooft.",
            "goals": "Minder betalen voor energie zonder er omkijken naar te hebben.",
            "needs": "Een termijnbedrag dat klopt, bevestiging dat de overstap geregeld is, een afrekening die hij "
                     "begrijpt.",
            "frustrations": "Een eerste termijnbedrag dat veel hoger is dan beloofd; wachten aan de telefoon; "
                            "een jaarafrekening vol vaktermen.",
            "preferred_channels": "Vergelijkingssite, app, e-mail",
            "quote": "Ik stap over om geld te besparen, niet om een jaar lang achter mijn geld aan te zitten.",
        },
        "phases": [{"name": n, "customer_goal": g, "description": d} for n, g, d in PHASES],
        "touchpoints": tps, "blueprint": blueprint, "actions": ACTIONS, "responses": answers,
    }


if __name__ == "__main__":
    OUT.write_text(json.dumps(document(), indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"Wrote {OUT}")

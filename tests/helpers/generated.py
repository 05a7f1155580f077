"""Journeys the project has never seen, made from a seed: 3 to 40 touchpoints in 2 to 8 phases,
names of 5 to 140 characters with long Dutch compounds, English or Dutch, a 1-5 or 1-10 scale,
touchpoints at one point of the matrix, with and without answers on the Responses sheet, one to
three waves, with and without an overall rating, actions with and without owner and target."""

from __future__ import annotations

import copy
import random
from typing import Any

COMPOUNDS = ("arbeidsongeschiktheidsverzekering", "klanttevredenheidsonderzoek", "vertegenwoordiger",
             "aansprakelijkheidsverzekering", "gemeentebelastingaanslag", "Selfserviceportaal",
             "parkeervergunningaanvraag", "betalingsherinneringsbrief", "omgevingsvergunningsaanvraag",
             "bezwaarschriftprocedure", "Productontwikkeling", "toeslagenpartner", "inkomensafhankelijke",
             "wachtlijstbemiddeling", "hypotheekrenteaftrek")
DUTCH = ("de", "het", "een", "klant", "vraagt", "leest", "ontvangt", "bevestiging", "via", "website", "over",
         "formulier", "belt", "met", "en", "wacht", "op", "afspraak", "balie", "brief", "digitaal", "nieuwe")
ENGLISH = ("the", "customer", "reads", "asks", "receives", "confirmation", "via", "website", "about", "form",
           "calls", "with", "and", "waits", "for", "appointment", "desk", "letter", "online", "new")
CHANNELS = ("Website", "Telefoon", "E-mail", "Balie", "App", "Brief")


def _name(rng: random.Random, lang: str, lowest: int = 5, highest: int = 140) -> str:
    """Words up to a length drawn from 5 to 140 characters; often one or two long compounds."""
    length = rng.choice([rng.randint(lowest, max(lowest, 30)), rng.randint(lowest, highest), highest])
    pool = DUTCH if lang == "nl" else ENGLISH
    words: list[str] = []
    while len(" ".join(words)) < length:
        words.append(rng.choice(COMPOUNDS) if rng.random() < 0.25 else rng.choice(pool))
    text = " ".join(words)
    while len(text) > highest and len(words) > 1:
        words.pop()
        text = " ".join(words)
    text = text[:highest]
    return (text[0].upper() + text[1:]).ljust(lowest, "x")


def generated_journey(seed: int) -> dict[str, Any]:
    """The journey document of `seed` (the same seed, the same journey)."""
    rng = random.Random(seed)
    lang = rng.choice(["en", "nl"])
    scale = rng.choice(["1-5", "1-10"])
    top = 5 if scale == "1-5" else 10
    phases = []
    for _ in range(rng.randint(2, 8)):
        name = _name(rng, lang, 5, 60)
        while name in phases:
            name += " 2"
        phases.append(name)
    count = rng.randint(3, 40)
    grid = rng.random() < 0.5  # whole numbers only: many touchpoints share a point of the matrix
    surveyed = rng.random() < 0.6
    waves = 1 + seed % 3 if surveyed else 0  # each of one, two and three waves among a few seeds
    overall = surveyed and rng.random() < 0.6
    tps: list[dict[str, Any]] = []
    for i in range(count):
        if tps and rng.random() < 0.15:  # exactly where another one is
            importance, rating = tps[-1]["importance"], tps[-1].get("rating", 1)
        elif grid:
            importance, rating = rng.randint(1, top), rng.randint(1, top)
        else:
            importance, rating = round(rng.uniform(1, top), 2), round(rng.uniform(1, top), 2)
        tp: dict[str, Any] = {
            "id": f"G{i + 1:02}", "phase": phases[min(len(phases) - 1, i * len(phases) // count)]
            if rng.random() < 0.9 else rng.choice(phases),
            "name": _name(rng, lang), "channel": rng.choice(CHANNELS), "importance": importance,
            "emotion": rng.randint(-2, 2), "moment_of_truth": rng.random() < 0.15,
            "respondents": rng.randint(5, 60),
        }
        if rng.random() < 0.9:
            tp["rating"] = rating
        tps.append(tp)
    tps.sort(key=lambda t: phases.index(t["phase"]))
    responses: list[dict[str, Any]] = []
    answered = [t for t in tps if rng.random() < 0.7] if surveyed else []
    for w in range(waves):
        wave = (["Nulmeting", "Hermeting", "Derde meting"] if lang == "nl" else ["Baseline", "Re-measure", "Third"])[w]
        for r in range(rng.randint(10, 35)):
            first = True
            for tp in answered:
                if rng.random() < 0.15:
                    continue
                base = tp.get("rating", top / 2)
                row: dict[str, Any] = {
                    "respondent": f"R{w}{r:03}", "touchpoint_id": tp["id"],
                    "importance": max(1, min(top, round(tp["importance"] + rng.gauss(0, 1)))),
                    "rating": max(1, min(top, round(base + w * 0.3 + rng.gauss(0, 1)))),
                }
                if waves > 1:
                    row["wave"] = wave
                if overall and first:
                    row["overall"] = max(1, min(top, round(base + rng.gauss(0, 1))))
                    first = False
                responses.append(row)
    actions = []
    for tp in rng.sample(tps, min(len(tps), rng.randint(0, 6))):
        action: dict[str, Any] = {"touchpoint_id": tp["id"], "action": _name(rng, lang, 10, 90),
                                  "due": "2027-03-31", "status": rng.choice(["open", "done", "in-progress"])}
        if rng.random() < 0.7:
            action["owner"] = rng.choice(["Teamleider Klantcontact", "Product owner App", COMPOUNDS[10]])
        if rng.random() < 0.6:
            action["target"] = f"{'Waardering' if lang == 'nl' else 'Rating'} {top - 1}"
        actions.append(action)
    return {
        "version": 1, "language": lang,
        "journey": {"title": _name(rng, lang, 10, 90), "objective": _name(rng, lang, 10, 120),
                    "rating_scale": scale, "scenario": rng.choice(["as-is", "to-be"]), "date": "2026-12-01"},
        "persona": _persona(seed, lang), "phases": [{"name": p} for p in phases], "touchpoints": tps,
        "blueprint": [], "actions": actions, "responses": responses,
    }


def _persona(seed: int, lang: str) -> dict[str, Any]:
    """A persona from its own seeded stream (the journey stays the seed's): a name, and often a
    role, a description, goals, needs, frustrations and a quote of up to 300 characters."""
    rng = random.Random(seed * 7919 + 3)
    persona: dict[str, Any] = {"name": rng.choice(["Sanne", "Mohammed el Amrani", "Jan-Willem van der Berg-Verhoeven"])}
    for field, highest in (("role", 60), ("description", 300), ("goals", 200), ("needs", 200),
                           ("frustrations", 200), ("preferred_channels", 40), ("quote", 160)):
        if rng.random() < 0.7:
            persona[field] = _name(rng, lang, 5, highest)
    return persona


def compare_pair(seed: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """An as-is journey and its to-be: one phase renamed, one touchpoint moved to the next phase,
    one left out, one added, the ratings moved up or down (the estimates of a redesign)."""
    rng = random.Random(seed * 31 + 17)
    before = generated_journey(seed)
    before["journey"]["scenario"] = "as-is"
    after = copy.deepcopy(before)
    after["journey"]["scenario"] = "to-be"
    top = 5 if after["journey"]["rating_scale"] == "1-5" else 10
    renamed = rng.randrange(len(after["phases"]))
    old = after["phases"][renamed]["name"]
    new = old + (" (nieuw)" if after["language"] == "nl" else " (new)")
    after["phases"][renamed]["name"] = new
    tps = after["touchpoints"]
    for tp in tps:
        if tp["phase"] == old:
            tp["phase"] = new
        if "rating" in tp:
            tp["rating"] = max(1, min(top, round(tp["rating"] + rng.choice([-1, 0, 1, 1, 2]) * top / 10, 2)))
    if len(tps) > 3:
        moved = rng.randrange(len(tps) - 1)
        names = [p["name"] for p in after["phases"]]
        tps[moved]["phase"] = names[(names.index(tps[moved]["phase"]) + 1) % len(names)]
        gone = tps.pop(rng.randrange(len(tps)))
        after["actions"] = [a for a in after["actions"] if a["touchpoint_id"] != gone["id"]]
    tps.append(dict(tps[-1], id=f"G{len(before['touchpoints']) + 1:02}",
                    name=_name(rng, after["language"])))
    order = [p["name"] for p in after["phases"]]
    tps.sort(key=lambda t: order.index(t["phase"]))
    after["responses"] = []
    return before, after


def progress_journey(seed: int, touchpoints: int = 24) -> dict[str, Any]:
    """A generated journey measured in two waves where every touchpoint has an action with an
    owner and a target, some of them overdue and long: a progress table of many tall rows."""
    rng = random.Random(seed)
    document = generated_journey(seed)
    lang = document["language"]
    top = 5 if document["journey"]["rating_scale"] == "1-5" else 10
    tps = document["touchpoints"][:touchpoints]
    while len(tps) < touchpoints:
        tps.append(dict(tps[len(tps) % len(tps)], id=f"G{len(tps) + 1:02}"))
    tps = [dict(tp, target_rating=top - 1) if k % 2 else tp for k, tp in enumerate(tps)]
    document["touchpoints"] = tps
    document["responses"] = [
        {"respondent": f"R{w}{r:03}", "touchpoint_id": tp["id"], "wave": wave,
         "importance": max(1, min(top, round(tp["importance"] + rng.gauss(0, 1)))),
         "rating": max(1, min(top, round(tp.get("rating", top / 2) + w * rng.choice([-1, 0.5, 1]) + rng.gauss(0, 1))))}
        for w, wave in enumerate(["Nulmeting", "Hermeting"] if lang == "nl" else ["Baseline", "Re-measure"])
        for r in range(20) for tp in tps]
    document["actions"] = [
        {"touchpoint_id": tp["id"], "action": _name(rng, lang, 40, 120), "owner": rng.choice(COMPOUNDS),
         "due": rng.choice(["2025-01-31", "2027-06-30"]), "status": rng.choice(["open", "done"]),
         "target": f"{'Waardering' if lang == 'nl' else 'Rating'} {top - 1}"}
        for tp in tps]
    return document


def with_blueprint(document: dict[str, Any], seed: int) -> dict[str, Any]:
    """`document` with blueprint steps (from their own seeded stream, so the journey stays the seed's):
    most touchpoints get one to three steps in lanes drawn at random, some phases none at all, so
    blueprint slides hold whole small phases, split big ones and leave empty lanes out."""
    rng = random.Random(seed * 104729 + 5)
    lang = document["language"]
    lanes = ("physical-evidence", "frontstage", "backstage", "support-process")
    quiet = {p["name"] for p in document["phases"] if rng.random() < 0.2}
    steps = []
    for tp in document["touchpoints"]:
        if tp["phase"] in quiet or rng.random() < 0.2:
            continue
        for lane in rng.sample(lanes, rng.randint(1, 3)):
            step: dict[str, Any] = {"touchpoint_id": tp["id"], "lane": lane, "activity": _name(rng, lang, 8, 80)}
            if rng.random() < 0.6:
                step["department"] = rng.choice(["Klantcontact", "Backoffice", COMPOUNDS[10], "ICT"])
            if rng.random() < 0.5:
                step["system"] = rng.choice(["CRM", "Zaaksysteem", "Selfserviceportaal"])
            steps.append(step)
    document["blueprint"] = steps
    return document

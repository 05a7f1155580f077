"""Comments on the Responses sheet, as customers type them: the energy-switch sample with what its
respondents wrote about the touchpoints that hurt, and comments for generated journeys."""

from __future__ import annotations

import random
from typing import Any

from helpers.workbooks import example

ENERGY_COMMENTS = {
    "E08": ["Het eerste termijnbedrag was bijna het dubbele van wat de rekenhulp zei.",
            "Veel te hoog voorschot.",
            "Ik schrok van het bedrag en heb meteen gebeld, maar niemand kon uitleggen hoe het berekend was.",
            "Ze hebben geschat op een gezin van vijf terwijl we met z'n tweeën wonen, en toen ik dat liet weten "
            "duurde het nog twee maanden voordat het bedrag eindelijk werd aangepast, zonder excuses."],
    "E12": ["Ik snap niet waarom ik moet bijbetalen.", "Vol vaktermen, ik heb hem drie keer gelezen.",
            "Eindelijk een afrekening die ik kan volgen."],
    "E09": ["Veertig minuten in de wacht gestaan.", "De medewerker zag mijn berekening niet."],
    "E06": ["Pas na drie weken hoorde ik dat de overstap rond was."],
}
LONG_ONE = ENERGY_COMMENTS["E08"][3]
"""Longer than the deck quotes: it must never appear, not even shortened."""


def commented_energy_switch() -> dict[str, Any]:
    """The energy-switch sample with comments on E06, E08, E09 and E12: in the Hermeting the lowest
    ratings carry the complaints (the long E08 one on the very lowest), a higher one the praise; in
    the Nulmeting one comment on E08 that the deck, quoting the latest wave, leaves out."""
    doc = example("energy-switch")
    for tid, texts in ENERGY_COMMENTS.items():
        rows = sorted((r for r in doc["responses"] if r["touchpoint_id"] == tid and r.get("wave") == "Hermeting"),
                      key=lambda r: (r["rating"], r["respondent"]))
        complaints = [t for t in texts if not t.startswith("Eindelijk")]
        if tid == "E08":  # the long comment on the lowest rating, the short ones on the next
            complaints = [LONG_ONE, *complaints[:3]]
        for row, text in zip(rows, complaints, strict=False):
            row["comment"] = text
        for text in texts:
            if text.startswith("Eindelijk"):
                rows[-1]["comment"] = text
    old = next(r for r in doc["responses"] if r["touchpoint_id"] == "E08" and r.get("wave") == "Nulmeting")
    old["comment"] = "Te hoog."
    return doc


def add_comments(document: dict[str, Any], seed: int) -> dict[str, Any]:
    """`document` with comments on about a fifth of its responses (short and long, some longer than
    the deck quotes, some with a compound wider than a narrow column), from their own seeded stream."""
    rng = random.Random(seed * 7919 + 11)
    nl = document["language"] == "nl"
    pool = (["Duurde veel te lang.", "Ik moest drie keer bellen voordat iemand mij kon helpen.",
             "Het klanttevredenheidsonderzoeksformulier was onduidelijk en de website gaf een foutmelding.",
             "Prima geregeld, snel en vriendelijk.", "Geen idee waar ik moest beginnen met mijn "
             "omgevingsvergunningsaanvraag, de uitleg op de website was warrig en verwees steeds naar een "
             "andere pagina die ook niet hielp."] if nl else
            ["Took far too long.", "I had to call three times before anyone could help me.",
             "The form was unclear and the website showed an error halfway through.", "Sorted quickly and politely.",
             "No idea where to start, the explanation on the website was confusing and kept sending me to "
             "another page that did not help either, so I gave up and called."])
    for row in document["responses"]:
        if rng.random() < 0.2:
            row["comment"] = rng.choice(pool)
    if rng.random() < 0.8:
        document["journey"]["why"] = rng.choice(pool[1:3]) + (" Dat kost ons klanten." if nl else " It costs us customers.")
    return document

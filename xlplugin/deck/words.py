"""Every word the deck says, in English and Dutch: titles, labels and speaker notes."""

from __future__ import annotations

from ..text import Text

MONTHS = Text(
    "January February March April May June July August September October November December",
    "januari februari maart april mei juni juli augustus september oktober november december",
)
SCENARIO = {"as-is": Text("As-is: the journey today", "Huidige situatie"),
            "to-be": Text("To-be: the redesigned journey", "Gewenste situatie")}
PERSONA = Text("Persona", "Persona")

OBJECTIVE_TITLE = Text("Objective and approach", "Doel en aanpak")
OBJECTIVE = Text("Objective", "Doelstelling")
WHY = Text("Why now", "Waarom nu")
METHOD = Text("Research method", "Onderzoeksmethode")
SCOPE = Text("Scope", "Afbakening")
RESPONDENTS = Text("Respondents", "Respondenten")
RESPONDENTS_RESPONSES = Text("{n} on the Responses sheet", "{n} op het blad Antwoorden")
RESPONDENTS_TYPED = Text("up to {n} per touchpoint", "tot {n} per contactmoment")
SIZE = Text("{phases} phases, {touchpoints} touchpoints, {mots} moments of truth",
            "{phases} fasen, {touchpoints} contactmomenten, {mots} moments of truth")

PERSONA_FIELDS = (
    ("role", Text("Role", "Rol")), ("description", Text("Who", "Wie")), ("goals", Text("Goals", "Doelen")),
    ("needs", Text("Needs", "Behoeften")), ("frustrations", Text("Frustrations", "Frustraties")),
    ("preferred_channels", Text("Preferred channels", "Voorkeurskanalen")),
)

OVERVIEW_TITLE = Text("The journey at a glance", "De klantreis in één oogopslag")
EMOTION_SERIES = Text("Emotion", "Emotie")
MOMENTS_OF_TRUTH = Text("Moments of truth", "Moments of truth")
MORE = Text("+{n} more (see appendix)", "+{n} meer (zie bijlage)")
NO_TOUCHPOINTS = Text("no touchpoints yet", "nog geen contactmomenten")
MOT_MARK = "★"

MATRIX_TITLE = Text("Priority matrix: importance against rating", "Prioriteitenmatrix: belang tegen waardering")
IMPORTANCE = Text("Importance", "Belang")
RATING = Text("Rating", "Waardering")
RATING_LINE = Text("Rating threshold", "Drempel waardering")
IMPORTANCE_LINE = Text("Importance threshold", "Drempel belang")
UNRATED_NOTE = Text("Not in the matrix (no importance or rating): {ids}", "Niet in de matrix (geen belang of waardering): {ids}")

GAPS_TITLE = Text("Top priority gaps", "Grootste prioriteiten")
GAPS_HEADERS = (Text("#", "#"), Text("Touchpoint", "Contactmoment"), Text("Phase", "Fase"),
                Text("Importance", "Belang"), Text("Rating", "Waardering"), Text("Gap", "Gap"),
                Text("Respondents", "Respondenten"))
NO_GAPS = Text("No touchpoint has both importance and rating yet.", "Nog geen contactmoment heeft zowel belang als waardering.")

BLUEPRINT_TITLE = Text("Service blueprint: {phase}", "Service blueprint: {phase}")
LANES = (
    ("physical-evidence", Text("Physical evidence", "Fysiek bewijs")),
    ("customer", Text("Customer actions", "Klantacties")),
    ("frontstage", Text("Frontstage", "Frontstage")),
    ("backstage", Text("Backstage", "Backstage")),
    ("support-process", Text("Support processes", "Ondersteunende processen")),
)
LINES = {
    "interaction": Text("line of interaction", "interactielijn"),
    "visibility": Text("line of visibility", "zichtbaarheidslijn"),
    "internal": Text("line of internal interaction", "lijn van interne interactie"),
}

ACTIONS_TITLE = Text("Improvement actions", "Verbeteracties")
ACTIONS_HEADERS = (Text("Touchpoint", "Contactmoment"), Text("Action", "Actie"), Text("Owner", "Eigenaar"),
                   Text("Due", "Deadline"), Text("Measurable target", "Meetbare doelstelling"), Text("Status", "Status"))
NO_ACTIONS = Text("No improvement actions yet.", "Nog geen verbeteracties.")

APPENDIX_TITLE = Text("Appendix: all touchpoints", "Bijlage: alle contactmomenten")
APPENDIX_HEADERS = (Text("ID", "ID"), Text("Phase", "Fase"), Text("Touchpoint", "Contactmoment"),
                    Text("Channel", "Kanaal"), Text("Imp.", "Bel."), Text("Rating", "Waard."), Text("Emotion", "Emotie"),
                    Text("MoT", "MoT"), Text("Gap", "Gap"), Text("Quadrant", "Kwadrant"))
PAGE = Text("({page}/{pages})", "({page}/{pages})")

NOTES = {
    "title": Text(
        "The customer journey map for {persona}. It follows one objective for one persona from start to end, "
        "with the priorities for improvement and the service blueprint behind it.",
        "De klantreis voor {persona}. Hij volgt één doel voor één persona van begin tot eind, met de prioriteiten "
        "voor verbetering en de service blueprint erachter.",
    ),
    "objective": Text(
        "What the organisation wants to achieve with this journey, why now, and how the ratings were gathered. "
        "The number of respondents says how firm the ratings are.",
        "Wat de organisatie met deze klantreis wil bereiken, waarom nu, en hoe de waarderingen zijn verzameld. "
        "Het aantal respondenten zegt hoe stevig de cijfers zijn.",
    ),
    "persona": Text(
        "The customer the journey is drawn for: read every later slide through their eyes.",
        "De klant voor wie de reis getekend is: lees elke volgende dia door hun ogen.",
    ),
    "overview": Text(
        "Phases from left to right, each with its touchpoints and channel; a star marks a moment of truth. "
        "The line below is the emotion curve, from -2 (very negative) to +2 (very positive), one point per "
        "touchpoint under its phase: the valleys are where the journey hurts.",
        "Fasen van links naar rechts, elk met de contactmomenten en het kanaal; een ster markeert een moment of "
        "truth. De lijn eronder is de emotiecurve, van -2 (zeer negatief) tot +2 (zeer positief), één punt per "
        "contactmoment onder de fase: in de dalen doet de reis pijn.",
    ),
    "matrix": Text(
        "Each point is a touchpoint: rating from left (low) to right (high), importance from bottom to top. The "
        "dashed lines are the thresholds ({importance} for importance, {rating} for rating on a {scale} scale). "
        "Top left, 'concentrate here', are important touchpoints with a low rating: improve those first.",
        "Elk punt is een contactmoment: waardering van links (laag) naar rechts (hoog), belang van onder naar "
        "boven. De stippellijnen zijn de drempels ({importance} voor belang, {rating} voor waardering op schaal "
        "{scale}). Linksboven, 'hier concentreren', staan belangrijke contactmomenten met een lage waardering: "
        "verbeter die eerst.",
    ),
    "gaps": Text(
        "The touchpoints ranked by gap score: 100 × (importance − min)/(max − min) × (max − rating)/(max − min). "
        "Higher means more important and rated lower. Ties go to moments of truth first. Check the respondents "
        "column before drawing firm conclusions.",
        "De contactmomenten gerangschikt op gapscore: 100 × (belang − min)/(max − min) × (max − waardering)/(max − "
        "min). Hoger is belangrijker en lager gewaardeerd. Bij gelijke stand gaan moments of truth voor. Kijk naar "
        "de respondenten voordat je harde conclusies trekt.",
    ),
    "blueprint": Text(
        "The service blueprint for these touchpoints: what the customer sees and does above the line of "
        "visibility, and what happens backstage and in support processes below it, with departments and systems. "
        "It is the reality check of the journey.",
        "De service blueprint voor deze contactmomenten: wat de klant ziet en doet boven de zichtbaarheidslijn, en "
        "wat er backstage en in ondersteunende processen onder die lijn gebeurt, met afdelingen en systemen. Het is "
        "de realiteitscheck van de reis.",
    ),
    "actions": Text(
        "The improvement actions, each with an owner, a due date and a measurable target, so progress can be checked.",
        "De verbeteracties, elk met een eigenaar, een deadline en een meetbare doelstelling, zodat voortgang te meten is.",
    ),
    "appendix": Text(
        "Every touchpoint with its figures, in journey order, for reference.",
        "Alle contactmomenten met hun cijfers, in de volgorde van de reis, om na te slaan.",
    ),
}


def long_date(iso: str | None, lang: str) -> str | None:
    """2026-10-14 as '14 October 2026' or '14 oktober 2026'; other text as it is."""
    if not iso:
        return None
    parts = iso.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        months = (MONTHS.nl if lang == "nl" else MONTHS.en).split()
        return f"{int(parts[2])} {months[int(parts[1]) - 1]} {parts[0]}"
    return iso

"""The words of the template's Start sheet and other template furniture, in English and Dutch."""

from __future__ import annotations

from xlplugin.text import Text

TITLE = Text("Customer journey map and service blueprint", "Klantreis en service blueprint")
INTRO = Text(
    "Fill in the sheets from left to right during the workshop. Dropdowns suggest values and "
    "a message explains each column when you select a cell. The Touchpoints sheet calculates "
    "the gap score and quadrant while you type; xlplugin checks the whole workbook, ranks the "
    "priority gaps and writes a PowerPoint deck for management.",
    "Vul de bladen van links naar rechts in tijdens de workshop. Keuzelijsten geven de mogelijke "
    "waarden en bij elke kolom verschijnt uitleg als je een cel selecteert. Het blad Contactmomenten berekent "
    "de gapscore en het kwadrant terwijl je typt; xlplugin controleert de hele werkmap, rangschikt "
    "de prioriteiten en maakt een PowerPoint-presentatie voor het management.",
)
STATUS_LABEL = Text("Last check", "Laatste controle")
STATUS_NONE = Text("not checked yet", "nog niet gecontroleerd")

SECTIONS: tuple[tuple[Text, Text], ...] = (
    (
        Text("1. Objective (sheet Journey)", "1. Doelstelling (blad Klantreis)"),
        Text(
            "A journey map serves one objective for one persona. Write down what the organisation "
            "wants to achieve, why now, how the ratings were gathered, and where the journey starts "
            "and ends. Choose as-is (today) or to-be (the redesign).",
            "Een klantreis dient één doel voor één persona. Schrijf op wat de organisatie wil "
            "bereiken, waarom nu, hoe de waarderingen zijn verzameld en waar de reis begint en "
            "eindigt. Kies huidig (vandaag) of gewenst (het nieuwe ontwerp).",
        ),
    ),
    (
        Text("2. Persona (sheet Persona)", "2. Persona (blad Persona)"),
        Text(
            "The customer the journey is drawn for: who they are, their goals, needs and frustrations, "
            "the channels they prefer, and a quote in their own words.",
            "De klant voor wie de reis getekend is: wie het is, doelen, behoeften en frustraties, "
            "favoriete kanalen en een citaat in eigen woorden.",
        ),
    ),
    (
        Text("3. Phases (sheet Phases)", "3. Fasen (blad Fasen)"),
        Text(
            "The journey end to end, one row per phase in order: for example orientation, "
            "consideration, decision, use and repeat purchase, each with the customer's goal.",
            "De reis van begin tot eind, één regel per fase op volgorde: bijvoorbeeld oriëntatie, "
            "overweging, beslissing, gebruik en herhaalaankoop, elk met het doel van de klant.",
        ),
    ),
    (
        Text("4. Touchpoints (sheet Touchpoints)", "4. Contactmomenten (blad Contactmomenten)"),
        Text(
            "Every moment the customer meets the organisation, in the usual order within its phase, "
            "with a unique ID, the channel and what the customer does. Mark the moments of truth: "
            "the moments that make or break the relationship.",
            "Elk moment waarop de klant de organisatie tegenkomt, in de gebruikelijke volgorde binnen "
            "de fase, met een unieke ID, het kanaal en wat de klant doet. Markeer de moments of truth: "
            "de momenten die de relatie maken of breken.",
        ),
    ),
    (
        Text("5. Importance, rating and emotion", "5. Belang, waardering en emotie"),
        Text(
            "Importance and rating are on the scale of the Journey sheet (1-5 or 1-10), ideally from "
            "15 to 30 interviews or a simple survey; write down on how many respondents each rests. "
            "Emotion runs from -2 (very negative) to +2 (very positive): the peaks and valleys of "
            "the emotion curve. Individual answers can go on the Responses sheet.",
            "Belang en waardering staan op de schaal van het blad Klantreis (1-5 of 1-10), het liefst "
            "uit 15 tot 30 interviews of een eenvoudige enquête; noteer op hoeveel respondenten elk "
            "cijfer is gebaseerd. Emotie loopt van -2 (zeer negatief) tot +2 (zeer positief): de pieken en "
            "dalen van de emotiecurve. Losse antwoorden vul je in op het blad Antwoorden.",
        ),
    ),
    (
        Text("6. Service blueprint (sheet Blueprint)", "6. Service blueprint (blad Blauwdruk)"),
        Text(
            "For each touchpoint, what happens behind the scenes, one activity per row: physical "
            "evidence, frontstage (visible to the customer), backstage (invisible) and support "
            "processes, with the department and system involved. It is the reality check of the "
            "journey: a touchpoint without backstage is rarely the whole story.",
            "Per contactmoment wat er achter de schermen gebeurt, één activiteit per regel: fysiek "
            "bewijs, frontstage (zichtbaar voor de klant), backstage (onzichtbaar) en ondersteunende "
            "processen, met de afdeling en het systeem. Het is de realiteitscheck van de reis: een "
            "contactmoment zonder backstage is zelden het hele verhaal.",
        ),
    ),
    (
        Text("7. Actions (sheet Actions)", "7. Acties (blad Acties)"),
        Text(
            "Start with the touchpoints in 'Concentrate here'. Give every improvement an owner, a due "
            "date and a measurable target, e.g. rating from 2.4 to 3.5 by June, and put the target rating "
            "on the Touchpoints sheet. Then measure again: answers with a Wave on the Responses sheet "
            "show per touchpoint whether the change is real and the target met (the deck's progress slide).",
            "Begin bij de contactmomenten in 'Hier concentreren'. Geef elke verbetering een eigenaar, "
            "een deadline en een meetbare doelstelling, bijv. waardering van 2,4 naar 3,5 in juni, en zet "
            "de doelwaardering op het blad Contactmomenten. Meet daarna opnieuw: antwoorden met een Meting "
            "op het blad Antwoorden laten per contactmoment zien of de verbetering echt is en of het doel "
            "is gehaald (de voortgangsdia van de presentatie).",
        ),
    ),
)

MENU = Text("Journey", "Klantreis")
"""The ribbon tab in Excel and the menu in LibreOffice Calc that hold the buttons."""
BUTTONS: dict[str, Text] = {
    "check": Text("Check", "Controleren"),
    "priorities": Text("Priorities", "Prioriteiten"),
    "deck": Text("Deck", "Presentatie"),
    "new": Text("New template", "Nieuwe werkmap"),
}
"""The buttons' labels, the same in the Excel tab, the Calc menu and on the Start sheet."""


def buttons_section() -> tuple[Text, Text]:
    """The Start sheet's section on the buttons, in each program's own words."""
    en = ", ".join(BUTTONS[k].en for k in ("check", "priorities", "deck"))
    nl = ", ".join(BUTTONS[k].nl for k in ("check", "priorities", "deck"))
    return (
        Text("8. Check, rank, present: one click", "8. Controleren, rangschikken, presenteren: één klik"),
        Text(
            f"In Excel: the {MENU.en} tab ({en}). In Excel on the web: the xlwings Lite task pane (check, "
            f"priorities, deck). In LibreOffice Calc: the {MENU.en} menu ({MENU.nl} when LibreOffice speaks "
            f"Dutch) or its toolbar. {BUTTONS['check'].en} colours every cell to fix (red: error, yellow: "
            "warning) with a note that says what to do, and lists all of them on the Findings sheet; "
            f"{BUTTONS['priorities'].en} ranks the gaps on the Priorities sheet; {BUTTONS['deck'].en} writes "
            "the PowerPoint deck next to the workbook. A second click replaces the first one's marks.",
            f"In Excel: het tabblad {MENU.nl} ({nl}). In Excel op het web: het taakvenster van xlwings "
            f"Lite (check, priorities, deck). In LibreOffice Calc: het menu {MENU.nl} of de werkbalk ervan. "
            f"{BUTTONS['check'].nl} kleurt elke cel die aandacht vraagt (rood: fout, geel: waarschuwing) "
            "met een opmerking over wat je moet doen, en zet ze allemaal op het blad Bevindingen; "
            f"{BUTTONS['priorities'].nl} rangschikt de gaps op het blad Prioriteiten; "
            f"{BUTTONS['deck'].nl} bewaart de PowerPoint-presentatie in de map van de werkmap. Een tweede klik "
            "vervangt de markeringen van de eerste.",
        ),
    )


SECTIONS = (*SECTIONS, buttons_section())

LEGEND_TITLE = Text(
    "The four quadrants (importance against rating)", "De vier kwadranten (belang tegen waardering)"
)
LEGEND: dict[str, Text] = {
    "concentrate-here": Text(
        "Important and rated at or below the rating threshold: improve these first.",
        "Belangrijk en gewaardeerd op of onder de drempel: verbeter deze eerst.",
    ),
    "keep-up": Text(
        "Important and rated well: keep it that way.", "Belangrijk en goed gewaardeerd: zo houden."
    ),
    "low-priority": Text(
        "Less important and rated low: improve when there is room.",
        "Minder belangrijk en laag gewaardeerd: verbeteren als er ruimte is.",
    ),
    "possible-overkill": Text(
        "Less important but rated well: effort could perhaps go elsewhere.",
        "Minder belangrijk maar goed gewaardeerd: de inzet kan misschien elders.",
    ),
}
GAP_EXPLAINED = Text(
    "Gap score = 100 × (importance − min)/(max − min) × (max − rating)/(max − min): 0 to 100, "
    "highest for important touchpoints with a low rating.",
    "Gapscore = 100 × (belang − min)/(max − min) × (max − waardering)/(max − min): 0 tot 100, "
    "het hoogst bij belangrijke contactmomenten met een lage waardering.",
)
RECORD_HEADERS = (Text("Field", "Veld"), Text("Value", "Waarde"), Text("Explanation", "Toelichting"))
NUMBER_ERROR = Text(
    "Type a number on the journey's scale (1-5, or 1-10 when the Journey sheet says so).",
    "Typ een getal op de schaal van de klantreis (1-5, of 1-10 als het blad Klantreis dat zegt).",
)
WHOLE_ERROR = Text("Type a whole number, 0 or more.", "Typ een heel getal, 0 of meer.")
CHECK_WORD = Text("check", "controleer")
"""What a live gap score or quadrant shows for a value off the scale or not a number."""
REQUIRED_MARK = Text("Required. ", "Verplicht. ")
REQUIRED_EXPLAINED = Text(
    "Headers and labels with an orange mark are required: the check reports them when they are empty. "
    "A live gap score or quadrant that says 'check' means the importance or rating is not a number on "
    "the journey's scale.",
    "Kopjes en labels met een oranje markering zijn verplicht: de controle meldt ze als ze leeg zijn. "
    "Een live gapscore of kwadrant met 'controleer' betekent dat belang of waardering geen getal op "
    "de schaal van de klantreis is.",
)

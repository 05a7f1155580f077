"""The workbook layout, described once: sheets, fields, names in English and Dutch,
aliases, kinds, allowed values, help texts and widths.

The template writer, the reader and the schema test all work from this description;
nothing about the layout is written anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from xlplugin.text import Lang, Text, normalise_name

Kind = Literal["text", "id", "number", "scale", "integer", "choice", "boolean", "date", "computed"]
"""How a field's value is read and written.

``scale`` is a number on the workbook's rating scale (1-5 or 1-10); ``id`` is text
that people often type as a number; ``computed`` is a column the template fills with
a formula and the reader never takes.
"""

SheetKind = Literal["record", "table", "info"]


@dataclass(frozen=True)
class Choice:
    """One allowed value: the code the document stores and the words people type."""

    code: str | int | bool
    en: tuple[str, ...]
    nl: tuple[str, ...]

    def label(self, lang: Lang) -> str:
        """The word the template shows for this choice."""
        return (self.nl if lang == "nl" else self.en)[0]


@dataclass(frozen=True)
class Field:
    """One column of a table sheet, or one labelled row of a record sheet."""

    key: str
    name: Text
    kind: Kind
    help: Text
    width: int = 16
    required: bool = False
    aliases: tuple[str, ...] = ()
    choices: tuple[Choice, ...] = ()
    suggestions: str | None = None
    """Name of a list of suggested (not enforced) values on the lists sheet."""
    minimum: float | None = None
    maximum: float | None = None

    def names(self) -> tuple[str, ...]:
        """Every header or label this field answers to, normalised."""
        return tuple(normalise_name(n) for n in (self.name.en, self.name.nl, *self.aliases))


@dataclass(frozen=True)
class Sheet:
    """One sheet of the workbook."""

    key: str
    name: Text
    kind: SheetKind
    help: Text
    fields: tuple[Field, ...] = ()
    required: bool = True
    aliases: tuple[str, ...] = ()
    spare_rows: int = 0
    """Empty, formatted rows the template leaves in a table for people to type in."""

    def names(self) -> tuple[str, ...]:
        return tuple(normalise_name(n) for n in (self.name.en, self.name.nl, *self.aliases))

    def field(self, key: str) -> Field:
        for field in self.fields:
            if field.key == key:
                return field
        raise KeyError(key)

    @property
    def input_fields(self) -> tuple[Field, ...]:
        """The fields the reader takes (all but the computed ones)."""
        return tuple(f for f in self.fields if f.kind != "computed")


def _choice(code: str | int | bool, en: str, nl: str) -> Choice:
    return Choice(code, tuple(en.split("|")), tuple(nl.split("|")))


YES_NO = (
    _choice(True, "yes|y|x|true|1|✓|✔", "ja|j|x|waar|1|✓|✔"),
    _choice(False, "no|n|false|0|-", "nee|n|onwaar|0|-"),
)
EMOTIONS = (
    _choice(2, "very positive|++|+2", "zeer positief|heel positief|++|+2"),
    _choice(1, "positive|+|+1", "positief|+|+1"),
    _choice(0, "neutral|0|+0|-0", "neutraal|0|+0|-0"),
    _choice(-1, "negative|-", "negatief|-"),
    _choice(-2, "very negative|--", "zeer negatief|heel negatief|--"),
)
SCENARIOS = (
    _choice("as-is", "as-is|as is|current|today", "huidig|huidige situatie|as-is|as is"),
    _choice("to-be", "to-be|to be|desired|future", "gewenst|gewenste situatie|to-be|to be"),
)
SCALES = (
    _choice("1-5", "1-5|5|1 to 5|1 - 5", "1-5|5|1 tot 5|1 t/m 5|1 - 5"),
    _choice("1-10", "1-10|10|1 to 10|1 - 10", "1-10|10|1 tot 10|1 t/m 10|1 - 10"),
)
LANES = (
    _choice(
        "physical-evidence",
        "Physical evidence|evidence|physical",
        "Fysiek bewijs|fysiek|bewijs",
    ),
    _choice("frontstage", "Frontstage|front stage|front-stage", "Frontstage|front stage|voorkant"),
    _choice("backstage", "Backstage|back stage|back-stage", "Backstage|back stage|achterkant"),
    _choice(
        "support-process",
        "Support process|support processes|support",
        "Ondersteunend proces|ondersteunende processen|ondersteuning|support process",
    ),
)
STATUSES = (
    _choice("open", "Open|to do|planned", "Open|te doen|gepland"),
    _choice("in-progress", "In progress|doing|started", "Bezig|in uitvoering|gestart"),
    _choice("done", "Done|completed|finished", "Gereed|klaar|afgerond"),
    _choice("on-hold", "On hold|paused", "Gepauzeerd|on hold|geparkeerd"),
)
IMPORTANCE_SOURCES = (
    _choice("stated", "stated|stated importance|survey", "gesteld|gesteld belang|opgegeven"),
    _choice("derived", "derived|derived importance|correlation", "afgeleid|afgeleid belang|correlatie"),
)

SUGGESTIONS: dict[str, tuple[Text, ...]] = {
    "channels": tuple(
        Text(en, nl)
        for en, nl in (
            ("Website", "Website"),
            ("Search engine", "Zoekmachine"),
            ("Comparison site", "Vergelijkingssite"),
            ("Social media", "Social media"),
            ("E-mail", "E-mail"),
            ("Newsletter", "Nieuwsbrief"),
            ("Phone", "Telefoon"),
            ("Chat", "Chat"),
            ("App", "App"),
            ("Web shop", "Webshop"),
            ("Shop", "Winkel"),
            ("Sales rep", "Vertegenwoordiger"),
            ("Service desk", "Servicedesk"),
            ("Self-service portal", "Selfserviceportaal"),
            ("Letter", "Brief"),
            ("Delivery", "Bezorging"),
            ("In person", "Persoonlijk"),
            ("Wholesaler", "Groothandel"),
            ("Trade fair", "Beurs"),
        )
    ),
}

_ID_HELP = Text(
    "A short, unique code for the touchpoint, e.g. T01. Blueprint, actions and responses refer to it.",
    "Een korte, unieke code voor het contactmoment, bijv. C01. Blauwdruk, acties en antwoorden verwijzen ernaar.",
)
_TP_REF_HELP = Text(
    "The ID of the touchpoint on the Touchpoints sheet this row belongs to.",
    "De ID van het contactmoment op het blad Contactmomenten waar deze regel bij hoort.",
)
_SCALE_HELP = Text(
    "A number on the journey's rating scale (1-5 unless the Journey sheet says 1-10). 4,5 and 4.5 both work.",
    "Een getal op de schaal van de klantreis (1-5, tenzij het blad Klantreis 1-10 zegt). 4,5 en 4.5 mogen allebei.",
)
_EMOTION_HELP = Text(
    "How the customer feels: -2 (very negative) to +2 (very positive), or a word such as positive.",
    "Hoe de klant zich voelt: -2 (zeer negatief) tot +2 (zeer positief), of een woord zoals positief.",
)
_OWNER_HELP = Text(
    "Who is responsible (a person or department).", "Wie is verantwoordelijk (persoon of afdeling)."
)


def _f(key: str, en: str, nl: str, kind: Kind, help_: Text, **kw: object) -> Field:
    return Field(key, Text(en, nl), kind, help_, **kw)  # type: ignore[arg-type]


START = Sheet(
    "start",
    Text("Start", "Start"),
    "info",
    Text("How to use this workbook.", "Hoe je deze werkmap gebruikt."),
)

JOURNEY = Sheet(
    "journey",
    Text("Journey", "Klantreis"),
    "record",
    Text("What the journey map is about.", "Waar de klantreis over gaat."),
    (
        _f(
            "title",
            "Title",
            "Titel",
            "text",
            Text("A short name for this journey map.", "Een korte naam voor deze klantreis."),
            required=True,
            width=48,
        ),
        _f(
            "objective",
            "Objective",
            "Doelstelling",
            "text",
            Text(
                "What the organisation wants to achieve with this journey.",
                "Wat de organisatie met deze klantreis wil bereiken.",
            ),
            required=True,
            aliases=("Goal", "Doel"),
        ),
        _f(
            "why",
            "Why",
            "Waarom",
            "text",
            Text(
                "Why the map is made now: the problem or opportunity.",
                "Waarom de klantreis nu wordt gemaakt: het probleem of de kans.",
            ),
        ),
        _f(
            "research_method",
            "Research method",
            "Onderzoeksmethode",
            "text",
            Text(
                "How ratings were gathered, e.g. 20 interviews and a survey.",
                "Hoe de waarderingen zijn verzameld, bijv. 20 interviews en een enquête.",
            ),
        ),
        _f(
            "scope_start",
            "Scope start",
            "Startpunt",
            "text",
            Text("Where the journey starts for the customer.", "Waar de reis voor de klant begint."),
        ),
        _f(
            "scope_end",
            "Scope end",
            "Eindpunt",
            "text",
            Text("Where the journey ends.", "Waar de reis eindigt."),
        ),
        _f(
            "scenario",
            "Scenario",
            "Scenario",
            "choice",
            Text(
                "as-is: the journey today; to-be: the redesign.",
                "huidig: de reis van vandaag; gewenst: het nieuwe ontwerp.",
            ),
            choices=SCENARIOS,
        ),
        _f("owner", "Owner", "Eigenaar", "text", _OWNER_HELP),
        _f(
            "date",
            "Date",
            "Datum",
            "date",
            Text("Date of the workshop or of this version.", "Datum van de workshop of van deze versie."),
        ),
        _f(
            "rating_scale",
            "Rating scale",
            "Schaal",
            "choice",
            Text(
                "1-5 or 1-10: the scale of importance and rating.",
                "1-5 of 1-10: de schaal van belang en waardering.",
            ),
            choices=SCALES,
            aliases=("Scale", "Waarderingsschaal"),
        ),
        _f(
            "importance_threshold",
            "Importance threshold",
            "Drempel belang",
            "number",
            Text(
                "From this importance on a touchpoint counts as important. Empty: 4 on 1-5, 7 on 1-10.",
                "Vanaf dit belang telt een contactmoment als belangrijk. Leeg: 4 bij 1-5, 7 bij 1-10.",
            ),
            minimum=1,
            maximum=10,
        ),
        _f(
            "rating_threshold",
            "Rating threshold",
            "Drempel waardering",
            "number",
            Text(
                "A rating at or below this is mediocre or low. Empty: 3 on 1-5, 6 on 1-10.",
                "Een waardering hierop of lager is matig of laag. Leeg: 3 bij 1-5, 6 bij 1-10.",
            ),
            minimum=1,
            maximum=10,
        ),
        _f(
            "overall_target",
            "Overall target",
            "Doel totaaloordeel",
            "number",
            Text(
                "The overall satisfaction the journey aims for (Responses sheet, Overall column), on its scale. "
                "Empty: no target.",
                "Het totaaloordeel dat deze klantreis wil halen (blad Antwoorden, kolom Totaaloordeel), op de "
                "schaal van de reis. Leeg: geen doel.",
            ),
            minimum=1,
            maximum=10,
        ),
        _f(
            "importance_source",
            "Importance source",
            "Bron belang",
            "choice",
            Text(
                "stated: rank on the importance people gave; derived: on how strongly each rating moves "
                "with the overall rating (Responses sheet, Overall column). Empty: stated.",
                "gesteld: rangschik op het belang dat mensen opgaven; afgeleid: op hoe sterk elke waardering "
                "meebeweegt met het totaaloordeel (blad Antwoorden, kolom Totaaloordeel). Leeg: gesteld.",
            ),
            choices=IMPORTANCE_SOURCES,
        ),
    ),
)

PERSONA = Sheet(
    "persona",
    Text("Persona", "Persona"),
    "record",
    Text("The customer the journey is drawn for.", "De klant voor wie de reis getekend is."),
    (
        _f(
            "name",
            "Name",
            "Naam",
            "text",
            Text(
                "The persona's name, e.g. Sanne, the starting entrepreneur.",
                "De naam van de persona, bijv. Sanne, de startende ondernemer.",
            ),
            required=True,
            width=48,
        ),
        _f(
            "role", "Role", "Rol", "text", Text("Job, situation or segment.", "Functie, situatie of segment.")
        ),
        _f(
            "description",
            "Description",
            "Omschrijving",
            "text",
            Text("A few sentences about who this is.", "Een paar zinnen over wie dit is."),
            aliases=("Beschrijving",),
        ),
        _f(
            "goals",
            "Goals",
            "Doelen",
            "text",
            Text("What the persona wants to achieve.", "Wat de persona wil bereiken."),
        ),
        _f(
            "needs",
            "Needs",
            "Behoeften",
            "text",
            Text("What the persona needs along the way.", "Wat de persona onderweg nodig heeft."),
        ),
        _f(
            "frustrations",
            "Frustrations",
            "Frustraties",
            "text",
            Text("What annoys or worries the persona.", "Wat de persona ergert of zorgen baart."),
            aliases=("Pains", "Pijnpunten"),
        ),
        _f(
            "preferred_channels",
            "Preferred channels",
            "Voorkeurskanalen",
            "text",
            Text("Channels the persona likes to use.", "Kanalen die de persona graag gebruikt."),
        ),
        _f(
            "quote",
            "Quote",
            "Citaat",
            "text",
            Text(
                "Something the persona would say, in their own words.",
                "Iets wat de persona zou zeggen, in eigen woorden.",
            ),
        ),
    ),
)

PHASES = Sheet(
    "phases",
    Text("Phases", "Fasen"),
    "table",
    Text("The phases of the journey, in order.", "De fasen van de reis, op volgorde."),
    (
        _f(
            "name",
            "Phase",
            "Fase",
            "text",
            Text(
                "Name of the phase, e.g. Orientation. One row per phase, in order.",
                "Naam van de fase, bijv. Oriëntatie. Eén regel per fase, op volgorde.",
            ),
            required=True,
            width=24,
        ),
        _f(
            "customer_goal",
            "Customer goal",
            "Klantdoel",
            "text",
            Text("What the customer wants in this phase.", "Wat de klant in deze fase wil."),
            width=40,
        ),
        _f(
            "description",
            "Description",
            "Omschrijving",
            "text",
            Text("What happens in this phase.", "Wat er in deze fase gebeurt."),
            width=50,
            aliases=("Beschrijving",),
        ),
    ),
    aliases=("Fases",),
    spare_rows=8,
)

TOUCHPOINTS = Sheet(
    "touchpoints",
    Text("Touchpoints", "Contactmomenten"),
    "table",
    Text(
        "Every moment the customer meets the organisation, in order within each phase.",
        "Elk moment waarop de klant de organisatie tegenkomt, op volgorde binnen elke fase.",
    ),
    (
        _f("id", "ID", "ID", "id", _ID_HELP, required=True, width=8, aliases=("Code",)),
        _f(
            "phase",
            "Phase",
            "Fase",
            "text",
            Text(
                "The phase this touchpoint belongs to (from the Phases sheet).",
                "De fase waar dit contactmoment bij hoort (van het blad Fasen).",
            ),
            required=True,
            width=18,
        ),
        _f(
            "name",
            "Touchpoint",
            "Contactmoment",
            "text",
            Text(
                "What the moment is, e.g. Reads the product page.",
                "Wat het moment is, bijv. Leest de productpagina.",
            ),
            required=True,
            width=32,
        ),
        _f(
            "channel",
            "Channel",
            "Kanaal",
            "text",
            Text(
                "Where it happens: pick one or type your own.",
                "Waar het gebeurt: kies er een of typ een eigen kanaal.",
            ),
            width=16,
            suggestions="channels",
        ),
        _f(
            "customer_action",
            "Customer action",
            "Klantactie",
            "text",
            Text("What the customer does.", "Wat de klant doet."),
            width=30,
        ),
        _f(
            "importance",
            "Importance",
            "Belang",
            "scale",
            Text(
                "How important this moment is to the customer, on the journey's scale.",
                "Hoe belangrijk dit moment voor de klant is, op de schaal van de klantreis.",
            ),
            width=11,
        ),
        _f(
            "rating",
            "Rating",
            "Waardering",
            "scale",
            Text(
                "How the customer rates this moment today, on the journey's scale.",
                "Hoe de klant dit moment nu waardeert, op de schaal van de klantreis.",
            ),
            width=11,
            aliases=("Satisfaction", "Score", "Tevredenheid"),
        ),
        _f("emotion", "Emotion", "Emotie", "choice", _EMOTION_HELP, width=14, choices=EMOTIONS),
        _f(
            "moment_of_truth",
            "Moment of truth",
            "Moment of truth",
            "boolean",
            Text(
                "yes when this moment makes or breaks the relationship.",
                "ja als dit moment de relatie maakt of breekt.",
            ),
            width=10,
            choices=YES_NO,
            aliases=("MoT", "Moment van de waarheid", "Cruciaal moment"),
        ),
        _f("owner", "Owner", "Eigenaar", "text", _OWNER_HELP, width=16),
        _f(
            "respondents",
            "Respondents",
            "Respondenten",
            "integer",
            Text("How many respondents the rating rests on.", "Op hoeveel respondenten de waardering rust."),
            width=14,
            minimum=0,
            aliases=("n", "Aantal respondenten"),
        ),
        _f(
            "target_rating",
            "Target rating",
            "Doelwaardering",
            "scale",
            Text(
                "The rating you aim for, on the journey's scale.",
                "De waardering die je nastreeft, op de schaal van de klantreis.",
            ),
            width=15,
        ),
        _f(
            "kpi",
            "KPI",
            "KPI",
            "text",
            Text("How you measure this moment.", "Hoe je dit moment meet."),
            width=18,
        ),
        _f(
            "notes",
            "Notes",
            "Opmerkingen",
            "text",
            Text("Anything else worth knowing.", "Wat verder het weten waard is."),
            width=30,
            aliases=("Comments", "Toelichting"),
        ),
        _f(
            "gap_score",
            "Gap score",
            "Gapscore",
            "computed",
            Text(
                "Calculated: 0-100, higher = more important and lower rated. Do not type here.",
                "Berekend: 0-100, hoger = belangrijker en lager gewaardeerd. Niet invullen.",
            ),
            width=10,
            aliases=("Gap",),
        ),
        _f(
            "quadrant",
            "Quadrant",
            "Kwadrant",
            "computed",
            Text(
                "Calculated from importance and rating. Do not type here.",
                "Berekend uit belang en waardering. Niet invullen.",
            ),
            width=30,
        ),
    ),
    spare_rows=20,
)

BLUEPRINT = Sheet(
    "blueprint",
    Text("Blueprint", "Blauwdruk"),
    "table",
    Text(
        "What happens behind each touchpoint: one row per activity.",
        "Wat er achter elk contactmoment gebeurt: één regel per activiteit.",
    ),
    (
        _f(
            "touchpoint_id",
            "Touchpoint ID",
            "Contactmoment ID",
            "id",
            _TP_REF_HELP,
            required=True,
            width=12,
            aliases=("ID", "Contactmoment-ID"),
        ),
        _f(
            "lane",
            "Lane",
            "Laag",
            "choice",
            Text(
                "Physical evidence, Frontstage (visible), Backstage (invisible) or Support process.",
                "Fysiek bewijs, Frontstage (zichtbaar), Backstage (onzichtbaar) of Ondersteunend proces.",
            ),
            required=True,
            width=22,
            choices=LANES,
            aliases=("Layer", "Baan"),
        ),
        _f(
            "activity",
            "Activity",
            "Activiteit",
            "text",
            Text("What is done, by whom.", "Wat er gebeurt, door wie."),
            required=True,
            width=44,
        ),
        _f(
            "department",
            "Department",
            "Afdeling",
            "text",
            Text("Which department or team does it.", "Welke afdeling of welk team het doet."),
            width=20,
            aliases=("Team",),
        ),
        _f(
            "system",
            "System",
            "Systeem",
            "text",
            Text("Which system or tool is used.", "Welk systeem of hulpmiddel wordt gebruikt."),
            width=20,
            aliases=("Systems", "Systemen", "Tool"),
        ),
    ),
    spare_rows=20,
)

ACTIONS = Sheet(
    "actions",
    Text("Actions", "Acties"),
    "table",
    Text(
        "Improvements, each with an owner and a measurable target.",
        "Verbeteringen, elk met een eigenaar en een meetbare doelstelling.",
    ),
    (
        _f(
            "touchpoint_id",
            "Touchpoint ID",
            "Contactmoment ID",
            "id",
            _TP_REF_HELP,
            required=True,
            width=12,
            aliases=("ID", "Contactmoment-ID"),
        ),
        _f(
            "action",
            "Action",
            "Actie",
            "text",
            Text("What will be improved.", "Wat er verbeterd wordt."),
            required=True,
            width=44,
            aliases=("Improvement", "Verbetering"),
        ),
        _f("owner", "Owner", "Eigenaar", "text", _OWNER_HELP, width=18),
        _f(
            "due",
            "Due",
            "Deadline",
            "date",
            Text(
                "When it should be done: a date, or text such as Q2 2027.",
                "Wanneer het klaar moet zijn: een datum, of tekst zoals Q2 2027.",
            ),
            width=12,
            aliases=("Due date", "Einddatum", "Datum"),
        ),
        _f(
            "target",
            "Target",
            "Meetbare doelstelling",
            "text",
            Text(
                "How you will know it worked, e.g. rating from 2.4 to 3.5.",
                "Waaraan je ziet dat het werkt, bijv. waardering van 2,4 naar 3,5.",
            ),
            width=36,
            aliases=("Measurable target", "Doelstelling", "Doel"),
        ),
        _f(
            "status",
            "Status",
            "Status",
            "choice",
            Text("Open, In progress, Done or On hold.", "Open, Bezig, Gereed of Gepauzeerd."),
            width=12,
            choices=STATUSES,
        ),
    ),
    spare_rows=10,
)

RESPONSES = Sheet(
    "responses",
    Text("Responses", "Antwoorden"),
    "table",
    Text(
        "Optional: one row per respondent per touchpoint; replaces typed ratings.",
        "Optioneel: één regel per respondent per contactmoment; vervangt getypte waarderingen.",
    ),
    (
        _f(
            "respondent",
            "Respondent",
            "Respondent",
            "id",
            Text("Who answered: a name, number or code.", "Wie antwoordde: een naam, nummer of code."),
            required=True,
            width=14,
        ),
        _f(
            "touchpoint_id",
            "Touchpoint ID",
            "Contactmoment ID",
            "id",
            _TP_REF_HELP,
            required=True,
            width=12,
            aliases=("ID", "Contactmoment-ID"),
        ),
        _f("importance", "Importance", "Belang", "scale", _SCALE_HELP, width=11),
        _f(
            "rating",
            "Rating",
            "Waardering",
            "scale",
            _SCALE_HELP,
            width=11,
            aliases=("Satisfaction", "Score", "Tevredenheid"),
        ),
        _f("emotion", "Emotion", "Emotie", "choice", _EMOTION_HELP, width=14, choices=EMOTIONS),
        _f(
            "comment",
            "Comment",
            "Opmerking",
            "text",
            Text("What the respondent said.", "Wat de respondent zei."),
            width=44,
            aliases=("Comments", "Opmerkingen", "Toelichting"),
        ),
        _f(
            "wave",
            "Wave",
            "Meting",
            "id",
            Text(
                "Optional: the measurement this answer belongs to, e.g. Baseline, 2027-Q2 or a date. "
                "The latest wave gives the current rating; the one before shows the change.",
                "Optioneel: de meting waar dit antwoord bij hoort, bijv. Nulmeting, 2027-K2 of een datum. "
                "De laatste meting geeft de huidige waardering; die ervoor laat de verandering zien.",
            ),
            width=14,
            aliases=("Measurement", "Round", "Ronde", "Meetmoment"),
        ),
        _f(
            "overall",
            "Overall",
            "Totaaloordeel",
            "scale",
            Text(
                "Optional: the respondent's overall satisfaction with the journey, on the journey's scale; "
                "once per respondent per wave is enough. Gives the derived importance.",
                "Optioneel: de tevredenheid van de respondent over de hele klantreis, op de schaal van de "
                "klantreis; één keer per respondent per meting is genoeg. Geeft het afgeleide belang.",
            ),
            width=13,
            aliases=("Overall satisfaction", "Overall rating", "Totale tevredenheid", "Totaalcijfer"),
        ),
    ),
    required=False,
    aliases=("Enquête", "Survey"),
    spare_rows=10,
)

LISTS = Sheet(
    "lists",
    Text("Lists", "Lijsten"),
    "info",
    Text("Values for the dropdowns (hidden).", "Waarden voor de keuzelijsten (verborgen)."),
    required=False,
)

SHEETS: tuple[Sheet, ...] = (
    START,
    JOURNEY,
    PERSONA,
    PHASES,
    TOUCHPOINTS,
    BLUEPRINT,
    ACTIONS,
    RESPONSES,
    LISTS,
)
DATA_SHEETS: tuple[Sheet, ...] = tuple(s for s in SHEETS if s.kind != "info")


def sheet(key: str) -> Sheet:
    """The sheet with this key."""
    for s in SHEETS:
        if s.key == key:
            return s
    raise KeyError(key)


@cache
def choice_index(field: Field) -> dict[str, Choice]:
    """Every word (either language, normalised) that names one of the field's choices."""
    index: dict[str, Choice] = {}
    for choice in field.choices:
        for word in (*choice.en, *choice.nl):
            index.setdefault(normalise_name(word), choice)
    return index

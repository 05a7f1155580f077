"""The catalogue of finding codes: each with its severity, title, and English and Dutch
message and hint. Codes are stable and kebab-case; other tools rely on them."""

from __future__ import annotations

from dataclasses import dataclass

from xlplugin.text import Text


@dataclass(frozen=True)
class Code:
    """A catalogue entry: a stable kebab-case code and its wording."""

    code: str
    severity: str
    title: Text
    message: Text
    hint: Text


def _code(code: str, severity: str, title: tuple[str, str], message: tuple[str, str], hint: tuple[str, str]) -> Code:
    return Code(code, severity, Text(*title), Text(*message), Text(*hint))


_OPEN_AND_SAVE = (
    "The file was saved by a program that does not calculate. Open it in Excel (or LibreOffice) and save it again.",
    "Het bestand is opgeslagen door een programma dat niet rekent. Open het in Excel (of LibreOffice) en sla het opnieuw op.",
)

CODES: tuple[Code, ...] = (
    # Reading: the shape of the workbook.
    _code("missing-sheet", "error", ("Missing sheet", "Blad ontbreekt"),
          ("The sheet '{expected}' is missing.", "Het blad '{expected}' ontbreekt."),
          ("Add a sheet named '{expected}', or start from a fresh template (xlplugin new).",
           "Voeg een blad '{expected}' toe, of begin met een nieuwe sjabloon (xlplugin new).")),
    _code("duplicate-sheet", "warning", ("Sheet twice", "Blad dubbel"),
          ("Both '{first}' and '{second}' are the {what} sheet; only '{first}' is read.",
           "Zowel '{first}' als '{second}' is het blad {what}; alleen '{first}' wordt gelezen."),
          ("Merge the two sheets into one and delete the other.", "Voeg de twee bladen samen en verwijder het andere.")),
    _code("missing-column", "error", ("Missing column", "Kolom ontbreekt"),
          ("The column '{expected}' is missing on this sheet.", "De kolom '{expected}' ontbreekt op dit blad."),
          ("Add a column with the header '{expected}' in the header row.",
           "Voeg een kolom met de kop '{expected}' toe in de koprij.")),
    _code("duplicate-column", "warning", ("Column twice", "Kolom dubbel"),
          ("Column '{header}' is '{expected}' again; only the first one, in {first}, is read.",
           "Kolom '{header}' is opnieuw '{expected}'; alleen de eerste, in {first}, wordt gelezen."),
          ("Delete or rename one of the two columns.", "Verwijder of hernoem een van de twee kolommen.")),
    _code("merged-header", "error", ("Merged header", "Samengevoegde kop"),
          ("The header cells {range} are merged, so the columns under them have no header of their own{hidden}.",
           "De kopcellen {range} zijn samengevoegd, dus de kolommen eronder hebben geen eigen kop{hidden}."),
          ("Unmerge {range} and give each column its own header in row {row}.",
           "Hef het samenvoegen van {range} op en geef elke kolom een eigen kop in regel {row}.")),
    _code("split-header", "error", ("Header in another row", "Kop in een andere regel"),
          ("The header '{header}' stands in {at}, not in row {row} with the other headers; its column is read, "
           "but a filter, sort or table will miss it.",
           "De kop '{header}' staat in {at}, niet in regel {row} bij de andere koppen; de kolom wordt gelezen, "
           "maar een filter, sortering of tabel mist hem."),
          ("Put the whole header '{expected}' in row {row} and delete the rest of it from {at}.",
           "Zet de hele kop '{expected}' in regel {row} en haal de rest ervan weg uit {at}.")),
    _code("unnamed-column", "error", ("Column without header", "Kolom zonder kop"),
          ("Column {column} holds values ({rows}) but has no header, so they are not read.",
           "Kolom {column} bevat waarden ({rows}) maar heeft geen kop, dus ze worden niet gelezen."),
          ("Type the column's header in this cell (e.g. one of the template's), or clear the column.",
           "Typ de kop van de kolom in deze cel (bijvoorbeeld een uit de sjabloon), of maak de kolom leeg.")),
    _code("missing-label", "error", ("Missing field", "Veld ontbreekt"),
          ("The row '{expected}' is missing in column A.", "De regel '{expected}' ontbreekt in kolom A."),
          ("Add '{expected}' in column A and its value in column B.", "Zet '{expected}' in kolom A en de waarde in kolom B.")),
    _code("formula-without-value", "error", ("Formula not calculated", "Formule niet berekend"),
          ("This cell holds a formula without a calculated value.", "Deze cel bevat een formule zonder berekende waarde."),
          _OPEN_AND_SAVE),
    # Values: what the schema says a cell may hold.
    _code("missing-value", "error", ("Missing value", "Waarde ontbreekt"),
          ("{field} is empty.", "{field} is leeg."),
          ("Fill in {field}. {help}", "Vul {field} in. {help}")),
    _code("invalid-number", "error", ("Not a number", "Geen getal"),
          ("{field} must be {what}; it says '{value}'.", "{field} moet {what} zijn; er staat '{value}'."),
          ("Type just the number, e.g. {example}: no words or units.", "Typ alleen het getal, bijv. {example}: geen woorden of eenheden.")),
    _code("out-of-range", "error", ("Out of range", "Buiten het bereik"),
          ("{field} is {value}: it must be {allowed}.", "{field} is {value}: dat moet {allowed} zijn."),
          ("Correct the value.{why}", "Verbeter de waarde.{why}")),
    _code("invalid-choice", "error", ("Not one of the choices", "Geen geldige keuze"),
          ("{field} '{value}' is not one of the choices.", "{field} '{value}' is geen van de keuzes."),
          ("Choose one of: {choices}.", "Kies een van: {choices}.")),
    _code("invalid-value", "error", ("Unusable value", "Onbruikbare waarde"),
          ("{field} holds a value that cannot be used: {value}.", "{field} bevat een onbruikbare waarde: {value}."),
          ("Correct or empty the value.", "Verbeter de waarde of maak de cel leeg.")),
    # The journey as a whole.
    _code("duplicate-id", "error", ("ID used twice", "ID dubbel"),
          ("The ID '{id}' is used twice; it is also in {first}.{folded}",
           "De ID '{id}' komt twee keer voor; ook in {first}.{folded}"),
          ("Give every touchpoint its own ID.", "Geef elk contactmoment een eigen ID.")),
    _code("duplicate-phase", "error", ("Phase twice", "Fase dubbel"),
          ("The phase '{phase}' is listed twice; it is also in {first}.", "De fase '{phase}' staat er twee keer; ook in {first}."),
          ("Give each phase its own name, or delete this row.", "Geef elke fase een eigen naam, of verwijder deze regel.")),
    _code("unknown-phase", "error", ("Unknown phase", "Onbekende fase"),
          ("The phase '{phase}' is not on the sheet {sheet_name} ({rows}).{renamed}",
           "De fase '{phase}' staat niet op het blad {sheet_name} ({rows}).{renamed}"),
          ("Put '{phase}' on the sheet {sheet_name}, or give those touchpoints a phase that is on it.",
           "Zet '{phase}' op het blad {sheet_name}, of geef die contactmomenten een fase die erop staat.")),
    _code("unknown-touchpoint", "error", ("Unknown touchpoint", "Onbekend contactmoment"),
          ("There is no touchpoint with the ID '{id}' ({rows} {refer} to it).{renamed}",
           "Er is geen contactmoment met de ID '{id}' ({rows} {refer} ernaar).{renamed}"),
          ("Use an ID from the sheet {sheet_name}, the same on every sheet.",
           "Gebruik een ID van het blad {sheet_name}, op elk blad dezelfde.")),
    _code("empty-phase", "warning", ("Phase without touchpoints", "Fase zonder contactmomenten"),
          ("The phase '{phase}' has no touchpoints.", "De fase '{phase}' heeft geen contactmomenten."),
          ("Add its touchpoints on the sheet {sheet_name}, or delete the phase.",
           "Zet de contactmomenten op het blad {sheet_name}, of verwijder de fase.")),
    _code("unrated-touchpoint", "warning", ("Touchpoint not rated", "Contactmoment niet beoordeeld"),
          ("Touchpoint {id} has no {missing}, so it cannot be ranked among the priorities.",
           "Contactmoment {id} heeft geen {missing} en telt daardoor niet mee in de prioriteiten."),
          ("Fill in its {missing} on the scale {scale}.", "Vul de {missing} in op de schaal {scale}.")),
    _code("low-respondents", "warning", ("Few respondents", "Weinig respondenten"),
          ("The rating of {id} rests on {n} respondent(s){in_wave}, fewer than {minimum}.",
           "De waardering van {id} rust op {n} respondent(en){in_wave}, minder dan {minimum}."),
          ("Treat this rating with care, or ask more customers.", "Ga voorzichtig om met deze waardering, of vraag meer klanten.")),
    _code("no-backstage", "warning", ("No backstage", "Geen backstage"),
          ("Touchpoint {id} has no backstage or support-process activity in the blueprint.",
           "Contactmoment {id} heeft geen backstage- of ondersteunende activiteit in de blauwdruk."),
          ("Add what happens behind the scenes on the sheet {sheet_name}: the reality check of the journey.",
           "Zet op het blad {sheet_name} wat er achter de schermen gebeurt: de realiteitscheck van de reis.")),
    _code("gap-without-action", "warning", ("Priority gap without action", "Prioriteit zonder actie"),
          ("Touchpoint {id} is a priority gap (importance {importance}, rating {rating}) without an improvement action.",
           "Contactmoment {id} is een prioriteit (belang {importance}, waardering {rating}) zonder verbeteractie."),
          ("Add an action with an owner and a measurable target on the sheet {sheet_name}.",
           "Zet een actie met eigenaar en meetbare doelstelling op het blad {sheet_name}.")),
    _code("action-without-owner", "warning", ("Action without owner", "Actie zonder eigenaar"),
          ("The action for {id} has no owner.", "De actie voor {id} heeft geen eigenaar."),
          ("Name the person or department responsible.", "Noem de verantwoordelijke persoon of afdeling.")),
    _code("action-without-target", "warning", ("Action without target", "Actie zonder doelstelling"),
          ("The action for {id} has no measurable target.", "De actie voor {id} heeft geen meetbare doelstelling."),
          ("Say how you will know it worked, e.g. rating from 2.4 to 3.5.",
           "Zeg waaraan je ziet dat het werkt, bijv. waardering van 2,4 naar 3,5.")),
    _code("action-overdue", "warning", ("Action overdue", "Actie te laat"),
          ("The action for {id} was due {due} and is {status}.",
           "De actie voor {id} moest {due} klaar zijn en is {status}."),
          ("Finish it and set the status to Done, or agree a new due date with {owner}.",
           "Rond de actie af en zet de status op Gereed, of spreek met {owner} een nieuwe deadline af.")),
    _code("overall-conflict", "warning", ("Two overall ratings", "Twee totaaloordelen"),
          ("Respondent {respondent} gives the overall rating {value} here but {first} in {where}{wave}.",
           "Respondent {respondent} geeft hier het totaaloordeel {value} maar {first} in {where}{wave}."),
          ("Keep one overall rating per respondent per wave: correct or empty this cell ({first} is used).",
           "Houd één totaaloordeel per respondent per meting: verbeter of leeg deze cel ({first} wordt gebruikt).")),
    _code("persona-without-goals", "warning", ("Persona without goals", "Persona zonder doelen"),
          ("The persona has neither goals nor needs.", "De persona heeft geen doelen en geen behoeften."),
          ("Write down what the persona wants and needs: the journey is drawn from their point of view.",
           "Schrijf op wat de persona wil en nodig heeft: de reis wordt vanuit het oogpunt van de persona getekend.")),
)

CATALOGUE: dict[str, Code] = {c.code: c for c in CODES}

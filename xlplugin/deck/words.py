"""Every word the deck says, in English and Dutch: titles, labels and speaker notes."""

from __future__ import annotations

from xlplugin.core.analysis.quadrants import GAP_FORMULA, QUADRANTS
from xlplugin.text import Text

SCENARIO = {"as-is": Text("As-is: the journey today", "Huidige situatie"),
            "to-be": Text("To-be: the redesigned journey", "Gewenste situatie")}
PERSONA = Text("Persona", "Persona")

OBJECTIVE_TITLE = Text("Objective and approach", "Doel en aanpak")
SIZE_LABEL = Text("Size", "Omvang")
NO_ACTION_YET = Text("no action yet", "nog geen actie")
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

GAPS_HEADERS = (Text("#", "#"), Text("Touchpoint", "Contactmoment"), Text("Phase", "Fase"),
                Text("Importance", "Belang"), Text("Rating", "Waardering"), Text("Gap score (0-100)", "Gapscore (0-100)"),
                Text("Quadrant", "Kwadrant"), Text("Moment of truth", "Moment of truth"), Text("n", "n"))

BLUEPRINT_TITLE = Text("Service blueprint: {phase}", "Blauwdruk: {phase}")
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
MISSING = Text("missing", "ontbreekt")
NO_ACTIONS = Text("Plan an action for each priority gap, each with an owner, a due date and a measurable target.",
                  "Plan voor elke prioriteit een actie, elk met een eigenaar, een deadline en een meetbare doelstelling.")

BACKUP = Text("Backup", "Achtergrond")
BACKUP_PARTS = (Text("objective and approach", "doel en aanpak"), Text("persona", "persona"),
                Text("service blueprint", "service blueprint"), Text("all touchpoints", "alle contactmomenten"))
BACKUP_NOTES = Text("The backup: for questions, not for presenting. What follows: {parts}.",
                    "De achtergrond: om vragen te beantwoorden, niet om te presenteren. Hierna: {parts}.")
APPENDIX_TITLE = Text("Appendix: all touchpoints", "Bijlage: alle contactmomenten")
APPENDIX_HEADERS = (Text("ID", "ID"), Text("Phase", "Fase"), Text("Touchpoint", "Contactmoment"),
                    Text("Channel", "Kanaal"), Text("Importance", "Belang"), Text("Rating", "Waardering"),
                    Text("Emotion", "Emotie"), Text("MoT", "MoT"), Text("Gap score", "Gapscore"), Text("Quadrant", "Kwadrant"))
PAGE = Text("({page}/{pages})", "({page}/{pages})")

NOTES = {
    "title": Text(
        "The customer journey map for {persona}. The next slide gives the answer first: what the journey shows "
        "and what we ask you to decide; the slides after it are the evidence, the plan and the backup.",
        "De klantreis voor {persona}. De volgende dia geeft eerst het antwoord: wat de reis laat zien en wat we "
        "u vragen te besluiten; de dia's daarna zijn het bewijs, het plan en de achtergrond.",
    ),
    "objective": Text(
        "What the organisation wants to achieve with this journey, why now, and how the ratings were gathered. "
        "The number of respondents says how firm the ratings are.",
        "Wat de organisatie met deze klantreis wil bereiken, waarom nu, en hoe de waarderingen zijn verzameld. "
        "Het aantal respondenten zegt hoe stevig de cijfers zijn.",
    ),
    "persona": Text(
        "The customer the journey is drawn for: read every slide through the eyes of {name}.",
        "De klant voor wie de reis getekend is: lees elke dia door de ogen van {name}.",
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
        "Only the touchpoints in 'concentrate here' (important, rated at or below the threshold) and the moments of "
        "truth at risk, ranked by gap score: {formula}. "
        "Higher means more important and rated lower; ties go to moments of truth first. Check the n column (the "
        "respondents) before drawing firm conclusions.",
        "Alleen de contactmomenten in 'hier concentreren' (belangrijk, gewaardeerd op of onder de drempel) en de "
        "moments of truth die risico lopen, gerangschikt op gapscore: {formula}. "
        "Hoger is belangrijker en lager gewaardeerd; bij gelijke stand gaan moments of "
        "truth voor. Kijk naar de kolom n (de respondenten) voordat u harde conclusies trekt.",
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


# The story: quadrant names as the deck says them, and the sentences that carry the findings.
# Keys ending in "/1" are the singular forms the story picks for a count of one.
NOTES["gaps"] = Text(*(text.replace("{formula}", formula) for text, formula in zip(NOTES["gaps"], GAP_FORMULA, strict=True)))

QUADRANT = QUADRANTS  # one set of names: the workbook's, the command line's and the deck's
QUADRANT_MEANING = {
    "concentrate-here": Text("important, rated low", "belangrijk, laag gewaardeerd"),
    "keep-up": Text("important, rated well", "belangrijk, goed gewaardeerd"),
    "low-priority": Text("less important, rated low", "minder belangrijk, laag gewaardeerd"),
    "possible-overkill": Text("less important, rated well", "minder belangrijk, goed gewaardeerd"),
}
DRAFT = Text("DRAFT · {n} errors", "CONCEPT · {n} fouten")
DRAFT_1 = Text("DRAFT · 1 error", "CONCEPT · 1 fout")
DRAFT_NOTE = Text("This is a draft: errors in the workbook are still to be fixed ({n} left), so figures may change.",
                  "Dit is een concept: er staan nog fouten in de werkmap (nog {n}), dus cijfers kunnen veranderen.")

STORY = {
    "summary": Text("{n} touchpoints need attention first, {m} of them moments of truth",
                    "{n} contactmomenten vragen eerst aandacht, waarvan {m} moments of truth"),
    "summary/no-mot": Text("{n} touchpoints need attention first", "{n} contactmomenten vragen eerst aandacht"),
    "summary/1": Text("1 touchpoint needs attention first", "1 contactmoment vraagt eerst aandacht"),
    "summary/1-mot": Text("1 touchpoint needs attention first, and it is a moment of truth",
                          "1 contactmoment vraagt eerst aandacht, en het is een moment of truth"),
    "summary/all-mot": Text("{n} touchpoints need attention first, all of them moments of truth",
                            "{n} contactmomenten vragen eerst aandacht, allemaal moments of truth"),
    "summary/mot-1": Text("{n} touchpoints need attention first, 1 of them a moment of truth",
                          "{n} contactmomenten vragen eerst aandacht, waarvan 1 moment of truth"),
    "summary/at-risk": Text("No touchpoint is in 'concentrate here', but {m} moments of truth are at risk",
                            "Geen contactmoment valt in 'hier concentreren', maar {m} moments of truth lopen risico"),
    "summary/none": Text("No important touchpoint is rated {r} or lower: hold this level",
                         "Geen belangrijk contactmoment scoort {r} of lager: houd dit niveau vast"),
    "summary/unrated": Text("The journey has no ratings yet: gather them before deciding",
                            "De klantreis heeft nog geen waarderingen: verzamel die voordat u besluit"),
    "shows": Text("What the journey shows", "Wat de klantreis laat zien"),
    "asks": Text("What we ask of you", "Wat we van u vragen"),
    "objective": Text("Objective: {text}", "Doel: {text}"),
    "why": Text("Why it matters: {text}", "Waarom het telt: {text}"),
    "overall": Text("Overall satisfaction {means} (scale {scale}; {counts} respondents)",
                    "Totaaloordeel {means} (schaal {scale}; {counts} respondenten)"),
    "title-overall": Text("; overall satisfaction {means}{target}", "; totaaloordeel {means}{target}"),
    "title-target": Text(" (target {target})", " (doel {target})"),
    "overall-target-met": Text("Target {target} reached.", "Doel {target} gehaald."),
    "overall-target-open": Text("Target {target} not yet reached: {short} to go.",
                                "Doel {target} nog niet gehaald: nog {short} te gaan."),
    "overall-up": Text("– significantly higher", "– significant hoger"),
    "overall-down": Text("– significantly lower", "– significant lager"),
    "overall-same": Text("– no significant change", "– geen significante verandering"),
    "unknown-phases": Text("Of those, {names} are not on the Phases sheet (check the spelling).",
                           "Daarvan staan {names} niet op het blad Fasen (controleer de spelling)."),
    "unknown-phases/1": Text("Of those, {names} is not on the Phases sheet (check the spelling).",
                             "Daarvan staat {names} niet op het blad Fasen (controleer de spelling)."),
    "unknown-phase-mark": Text("{name} (not on the Phases sheet)", "{name} (niet op het blad Fasen)"),
    "commit": Text("{id}: {action} – {owner}, by {due}.", "{id}: {action} – {owner}, uiterlijk {due}."),
    "commit/late": Text("{id}: {action} – {owner}, was due {due}: agree a new date.",
                        "{id}: {action} – {owner}; de deadline van {due} is verstreken: spreek een nieuwe af."),
    "commit/on-hold": Text("{id}: {action} – {owner}, on hold: resume or stop?",
                           "{id}: {action} – {owner}, gepauzeerd: hervatten of stoppen?"),
    "commit/no-due": Text("{id}: {action} – {owner}, no due date yet.", "{id}: {action} – {owner}, nog zonder deadline."),
    "owner-to-name": Text("owner to be named", "eigenaar nog aan te wijzen"),
    "housekeeping": Text("Housekeeping", "Verder op orde brengen"),
    "housekeeping/n": Text("{n} points on owners, targets and dates: see the actions slide.",
                           "{n} punten over eigenaren, doelen en data: zie de dia met acties."),
    "quote-source": Text("respondent {respondent}", "respondent {respondent}"),
    "voice": Text("In the customer's words", "In de woorden van de klant"),
    "voice-item": Text("{id} {name} (gap score {gap})", "{id} {name} (gapscore {gap})"),
    "voice-notes": Text(
        "Comments from the Responses sheet, verbatim, on the priority gaps: the shortest from the lowest ratings "
        "(at or below the rating threshold) of the latest measurement; under each, the respondent and the measurement. Longer comments are in the "
        "workbook.",
        "Opmerkingen van het blad Antwoorden, letterlijk, bij de prioriteiten: de kortste bij de laagste "
        "waarderingen (op of onder de drempel) van de laatste meting; onder elke opmerking de respondent en de meting. Langere opmerkingen "
        "staan in de werkmap."),
    "size": Text("{touchpoints} touchpoints in {phases} phases, rated {mean} on average (scale {scale}).",
                 "{touchpoints} contactmomenten in {phases} fasen, gemiddeld gewaardeerd met {mean} (schaal {scale})."),
    "valley": Text("The emotion curve is lowest in {phase}.", "De emotie is het laagst in de fase {phase}."),
    "focus": Text("Concentrate here first:", "Hier eerst concentreren:"),
    "at-risk": Text("Moments of truth at risk:", "Moments of truth die risico lopen:"),
    "at-risk-also": Text("Moments of truth also at risk:", "Ook deze moments of truth lopen risico:"),
    "mot-key": Text("★ moment of truth", "★ moment of truth"),
    "gap-item": Text("{id} {name} ({phase}, gap score {gap})", "{id} {name} ({phase}, gapscore {gap})"),
    "risk-item": Text("{id} {name} (rating {rating})", "{id} {name} (waardering {rating})"),
    "more": Text("and {n} more (see the priority gaps)", "en nog {n} (zie de prioriteiten)"),
    "none-focus": Text("No important touchpoint is rated {r} or lower.",
                       "Geen belangrijk contactmoment scoort {r} of lager."),
    "ask-decide": Text("Decide: agree that these come first: {ids}.", "Besluit: deze krijgen voorrang: {ids}."),
    "ask-decide/1": Text("Decide: agree that {ids} comes first.", "Besluit: {ids} krijgt voorrang."),
    "ask-decide/more": Text("and {n} more (see the priority gaps)", "en nog {n} (zie de prioriteiten)"),
    "ask-hold": Text("Decide: keep today's level and re-measure.", "Besluit: houd het huidige niveau vast en meet opnieuw."),
    "ask-plan": Text("Plan an action for {ids}: none is planned yet.",
                     "Plan een actie voor {ids}: daarvoor is nog niets gepland."),
    "ask-owner": Text("Name an owner for the actions on {ids}.", "Wijs een eigenaar aan voor de acties bij {ids}."),
    "ask-target": Text("Set a measurable target for the actions on {ids}.",
                       "Stel een meetbare doelstelling vast voor de acties bij {ids}."),
    "ask-approve": Text("Approve the plan: every action has an owner and a measurable target.",
                        "Keur het plan goed: elke actie heeft een eigenaar en een meetbare doelstelling."),
    "ask-overdue": Text("Hold the owners to the overdue actions: {items}.",
                        "Spreek de eigenaren aan op de acties die te laat zijn: {items}."),
    "nobody": Text("no owner", "geen eigenaar"),
    "late": Text("overdue", "te laat"),
    "overdue": Text("{n} overdue", "{n} te laat"),
    "overdue-item": Text("{id} ({owner}, due {due})", "{id} ({owner}, deadline {due})"),
    "uncertain/few": Text("uncertain: few respondents", "onzeker: weinig respondenten"),
    "uncertain/near": Text("close to a threshold", "dicht bij een drempel"),
    "uncertain": Text("uncertain", "onzeker"),
    "near/short": Text("borderline", "nipt"),
    "progress-generic": Text("Since the previous measurement ({start}):", "Sinds de vorige meting ({start}):"),
    "targets-met": Text("Target reached: {ids}", "Doel gehaald: {ids}"),
    "targets-missed": Text("Target not reached yet: {ids}", "Doel nog niet gehaald: {ids}"),
    "improved": Text("Significantly better: {items}", "Significant beter: {items}"),
    "declined": Text("Significantly worse: {items}", "Significant slechter: {items}"),
    "no-change": Text("No significant change in the ratings.", "Geen significante verandering in de waarderingen."),
    "ask-errors": Text("Have the errors in the workbook fixed ({n} left): this deck is a draft.",
                       "Laat de fouten in de werkmap herstellen (nog {n}): deze presentatie is een concept."),
    "ask-ratings": Text("Gather importance and ratings for the touchpoints.",
                        "Verzamel belang en waardering voor de contactmomenten."),
    "curve": Text("The journey is at its lowest in {phase}", "Het dieptepunt van de klantreis ligt in de fase {phase}"),
    "curve/positive": Text("No phase of the journey is experienced negatively",
                           "Geen fase van de klantreis wordt negatief beleefd"),
    "curve/none": Text("The journey at a glance", "De klantreis in één oogopslag"),
    "matrix": Text("{n} of {total} touchpoints are important and rated {r} or lower",
                   "{n} van de {total} contactmomenten zijn belangrijk en scoren {r} of lager"),
    "matrix/1": Text("1 of {total} touchpoints is important and rated {r} or lower",
                     "1 van de {total} contactmomenten is belangrijk en scoort {r} of lager"),
    "matrix/0": Text("No important touchpoint is rated {r} or lower", "Geen belangrijk contactmoment scoort {r} of lager"),
    "gaps": Text("The largest gap: {name} in {phase}", "De hoogste gapscore: {name} in {phase}"),
    "gaps/first": Text("First priority: {name} in {phase}", "Eerste prioriteit: {name} in {phase}"),
    "gaps/none": Text("No touchpoint needs attention first", "Geen contactmoment vraagt eerst aandacht"),
    "gaps/ranks": Text("#: the place by gap score among all {n} rated touchpoints. Listed here are only 'Concentrate "
                       "here' and moments of truth at risk; the appendix has the others.",
                       "#: de plaats op gapscore van alle {n} beoordeelde contactmomenten. Hier staan alleen "
                       "'Hier concentreren' en moments of truth die risico lopen; de andere staan in de bijlage."),
    "gaps/empty": Text("No touchpoint is both important and rated {r} or lower, and no moment of truth is at risk: "
                       "there is no priority gap to close.",
                       "Geen contactmoment is belangrijk én scoort {r} of lager, en geen moment of truth loopt "
                       "risico: er is geen prioriteit om te dichten."),
    "actions": Text("{n} actions: {problems}", "{n} acties: {problems}"),
    "actions/done": Text("{n} done", "{n} gereed"),
    "actions/on-hold": Text("{n} on hold", "{n} gepauzeerd"),
    "actions/ok": Text("All {n} actions have an owner and a measurable target",
                       "Alle {n} acties hebben een eigenaar en een meetbare doelstelling"),
    "actions/none": Text("No improvement actions are planned yet", "Er zijn nog geen verbeteracties gepland"),
    "no-owner": Text("{n} without an owner", "{n} zonder eigenaar"),
    "no-target": Text("{n} without a measurable target", "{n} zonder meetbare doelstelling"),
    "uncovered": Text("{n} priorities without an action", "{n} prioriteiten zonder actie"),
    "uncovered/1": Text("1 priority without an action", "1 prioriteit zonder actie"),
    "actions/1": Text("1 action: {problems}", "1 actie: {problems}"),
    "actions/ok-1": Text("The one action has an owner and a measurable target",
                         "De ene actie heeft een eigenaar en een meetbare doelstelling"),
}

NOTES_FINDINGS = {
    "summary": Text("The answer first. {title}. {shows} What we ask: {asks}",
                    "Eerst het antwoord. {title}. {shows} Wat we vragen: {asks}"),
    "curve": Text("{title}. Mean emotion per phase: {phases}. The most negative touchpoints: {low}. ",
                  "{title}. Gemiddelde emotie per fase: {phases}. De meest negatieve contactmomenten: {low}. "),
    "matrix": Text("{title}. Per quadrant: {counts}. Concentrate here: {names}. ",
                   "{title}. Per kwadrant: {counts}. Hier concentreren: {names}. "),
    "gaps": Text("{title}. In order: {names}. ", "{title}. Op volgorde: {names}. "),
    "actions": Text("{title}. ", "{title}. "),
}
NONE = Text("none", "geen")
EMOTION_WORDS = (Text("very positive", "zeer positief"), Text("positive", "positief"), Text("neutral", "neutraal"),
                 Text("negative", "negatief"), Text("very negative", "zeer negatief"))
LEGEND_MOT = Text("★ moment of truth", "★ moment of truth")
LEGEND_UNCERTAIN = Text("white centre: surveyed, but uncertain (few respondents, or the interval crosses a threshold)",
                        "wit midden: gemeten, maar onzeker (weinig respondenten, of het interval ligt over een drempel)")
LEGEND_ESTIMATE = Text("dashed ring: an estimate from the workshop, no survey answers",
                       "gestippelde ring: een schatting uit de workshop, zonder enquêteantwoorden")
MATRIX_NAMED = Text("Concentrate here", "Hier concentreren")
MATRIX_OTHERS = Text("Not labelled in the chart", "Niet gelabeld in de grafiek")
UNCERTAIN = Text("uncertain", "onzeker")
LEGEND_LINES = Text("Dashed lines: the thresholds, importance {importance} and rating {rating}",
                    "Stippellijnen: de drempels, belang {importance} en waardering {rating}")

COMPARE = {
    "as-is": Text("As-is", "Huidig"),
    "to-be": Text("To-be", "Gewenst"),
    "curve-up": Text("The redesign lifts the mean emotion from {a} to {b}",
                     "Het nieuwe ontwerp tilt de gemiddelde emotie van {a} naar {b}"),
    "curve-down": Text("The redesign lowers the mean emotion from {a} to {b}",
                       "Het nieuwe ontwerp verlaagt de gemiddelde emotie van {a} naar {b}"),
    "curve-same": Text("The redesign keeps the mean emotion at {b}",
                       "Het nieuwe ontwerp houdt de gemiddelde emotie op {b}"),
    "curve-notes": Text(
        "The dashed grey line is the journey today (as-is), the blue line the redesigned journey (to-be), "
        "each touchpoint under its phase; the diamonds are the to-be's moments of truth.",
        "De grijze stippellijn is de klantreis van nu (huidig), de blauwe lijn de nieuwe klantreis (gewenst), elk "
        "contactmoment onder zijn fase; de ruiten zijn de moments of truth van de gewenste reis."),
    "changes": Text("{up} of {n} touchpoints are rated higher after the redesign",
                    "{up} van de {n} contactmomenten scoren hoger na het nieuwe ontwerp"),
    "changes/1": Text("1 of {n} touchpoints is rated higher after the redesign",
                      "1 van de {n} contactmomenten scoort hoger na het nieuwe ontwerp"),
    "down": Text("Rated lower: {names}. ", "Lager gewaardeerd: {names}. "),
    "changes-notes": Text(
        "Per touchpoint in both maps (matched by ID): the rating and the gap score before and after, and the "
        "quadrant it moves to; the biggest changes in gap score first.",
        "Per contactmoment dat in beide kaarten staat (op ID): de waardering en de gapscore voor en na, en het "
        "kwadrant waar het heen gaat; de grootste veranderingen in gapscore eerst."),
    "sources": Text(
        " The as-is figures of {n} of these touchpoints are survey means and the to-be's are typed estimates: "
        "there the change compares a measurement with an expectation.",
        " Bij {n} van deze contactmomenten zijn de huidige cijfers gemiddelden uit de enquête en die van de "
        "gewenste situatie getypte schattingen: daar vergelijkt de verandering een meting met een verwachting."),
    "no-common": Text("The two maps have no touchpoint ID in common.", "De twee kaarten hebben geen contactmoment-ID gemeen."),
    "added-removed": Text("{a} touchpoints added, {r} removed", "{a} contactmomenten toegevoegd, {r} vervallen"),
    "added-removed/1": Text("1 touchpoint added, {r} removed", "1 contactmoment toegevoegd, {r} vervallen"),
    "summary": Text("Against the as-is: mean emotion {a} → {b}; {up} of {n} touchpoints rated higher; {added} added, "
                    "{removed} removed.",
                    "Tegenover de huidige reis: gemiddelde emotie {a} → {b}; {up} van de {n} contactmomenten hoger "
                    "gewaardeerd; {added} toegevoegd, {removed} vervallen."),
    "added": Text("Added", "Toegevoegd"),
    "removed": Text("Removed", "Vervallen"),
}
COMPARE_HEADERS = (Text("Touchpoint", "Contactmoment"), Text("Rating before → after", "Waardering voor → na"),
                   Text("Gap score before → after", "Gapscore voor → na"), Text("Quadrant", "Kwadrant"))
BLUEPRINT_FINDINGS = Text("Departments involved: {departments}. Systems: {systems}. Without a backstage step: {bare}. ",
                          "Betrokken afdelingen: {departments}. Systemen: {systems}. Zonder backstage-stap: {bare}. ")
APPENDIX_FINDINGS = Text("{n} touchpoints; without importance or rating: {unrated}. ",
                         "{n} contactmomenten; zonder belang of waardering: {unrated}. ")
MATRIX_MANY = Text("{quadrant}: {n} touchpoints (see the appendix)", "{quadrant}: {n} contactmomenten (zie de bijlage)")
UNRATED_MANY = Text("Not in the matrix (no importance or rating): {n} touchpoints (see the appendix)",
                    "Niet in de matrix (geen belang of waardering): {n} contactmomenten (zie de bijlage)")

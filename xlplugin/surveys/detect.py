"""Which survey tool wrote an export, told from its header layout alone.

Pure Python: the input is the first rows of the file as text. Each tool's layout is
described once here (where its facts come from: tests/surveys/exports/README.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from xlplugin.surveys.answers import fold

TOOLS = {
    "microsoft-forms": "Microsoft Forms",
    "google-forms": "Google Forms",
    "qualtrics": "Qualtrics",
    "surveymonkey": "SurveyMonkey",
    "limesurvey": "LimeSurvey",
    "typeform": "Typeform",
    "plain": "plain table",
}


@dataclass
class Column:
    """One column of the export: its position, its header text and, where the tool has them,
    the question's code (Qualtrics' first header row, LimeSurvey's code) and the sub-heading
    (SurveyMonkey's second header row: the statement of a matrix)."""

    index: int
    header: str
    code: str = ""
    sub: str = ""

    @property
    def text(self) -> str:
        """The question text as it is matched against the journey."""
        parts = [self.header]
        if self.sub and fold(self.sub) not in ("response", "open-ended response", "antwoord", "open antwoord",
                                                 "other (please specify)"):
            parts.append(self.sub)
        return " - ".join(p for p in parts if p)


@dataclass
class Layout:
    """What the tool's layout says about the export."""

    tool: str
    header_rows: int
    columns: list[Column]
    id_column: int | None = None
    date_columns: tuple[int, ...] = ()
    """Where the submission date stands, best first."""
    status_column: int | None = None
    """Qualtrics' Status / DistributionChannel: preview and test responses are left out."""
    meta: set[int] = field(default_factory=set)
    """Columns that are the tool's own (dates, e-mail, IP address): never questions."""
    note: str = ""


def _index(row: Sequence[str], *names: str) -> int | None:
    wanted = {fold(n) for n in names}
    for i, v in enumerate(row):
        if fold(v) in wanted:
            return i
    return None


def _all(row: Sequence[str], *names: str) -> bool:
    return all(_index(row, n) is not None for n in names)


MS_FORMS_META = (
    "ID", "Start time", "Completion time", "Email", "Name", "Last modified time", "Total points",
    "Quiz feedback", "Id", "Begintijd", "Tijd van voltooien", "Voltooiingstijd", "E-mail", "Naam",
    "Tijdstip van laatste wijziging", "Laatst gewijzigd", "Totaal aantal punten", "Feedback over quiz",
)
GOOGLE_META = ("Timestamp", "Tijdstempel", "Email Address", "E-mailadres", "Score", "Punten", "Email address")
QUALTRICS_META = (
    "StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
    "RecordedDate", "ResponseId", "ResponseID", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
    "ExternalReference", "ExternalDataReference", "LocationLatitude", "LocationLongitude", "DistributionChannel",
    "UserLanguage", "Q_RecaptchaScore", "Q_RelevantIDDuplicate", "Q_RelevantIDDuplicateScore",
    "Q_RelevantIDFraudScore", "Q_RelevantIDLastStartDate", "ResponseSet",
)
SURVEYMONKEY_META = (
    "Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
    "Last Name", "Custom Data 1", "Custom Data", "Respondent-ID", "Collector-ID", "Begindatum", "Einddatum",
    "IP-adres", "E-mailadres", "Voornaam", "Achternaam", "Aangepaste gegevens 1",
)
LIMESURVEY_META = (
    "id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr", "refurl",
    "token", "interviewtime", "Response ID", "Date submitted", "Last page", "Start language", "Seed",
    "Date started", "Date last action", "IP address", "Referrer URL", "Token", "Total time",
    "Antwoord ID", "ID antwoord", "Datum ingediend", "Datum verstuurd", "Laatste pagina", "Starttaal",
    "Startdatum", "Datum laatste actie",
)
TYPEFORM_META = (
    "#", "Response Type", "Start Date (UTC)", "Stage Date (UTC)", "Submit Date (UTC)", "Network ID", "Tags",
    "Submitted At", "Token", "Ending", "Score", "Start Date", "Submit Date",
)
PLAIN_ID = ("Respondent", "Respondent ID", "Response ID", "ResponseId", "Respondentnummer", "Respondent nr",
            "Nr", "ID", "Id", "Code")
PLAIN_DATE = ("Date", "Datum", "Submitted", "Ingevuld op", "Submission date", "Timestamp")


def _meta(row: Sequence[str], names: Sequence[str]) -> set[int]:
    wanted = {fold(n) for n in names}
    return {i for i, v in enumerate(row) if fold(v) in wanted or re.fullmatch(r"custom data \d+", fold(v))}


def detect(rows: Sequence[Sequence[str]]) -> Layout:
    """The layout of an export from its first rows (text; at least the header rows)."""
    first = list(rows[0]) if rows else []
    second = list(rows[1]) if len(rows) > 1 else []
    third = list(rows[2]) if len(rows) > 2 else []
    width = len(first)

    def plain_columns(n: int) -> list[Column]:
        return [Column(i, first[i].strip()) for i in range(n)]

    # Qualtrics: internal names in row 1 (ResponseId, StartDate), question texts in row 2,
    # the ImportId JSON in row 3 (legacy exports have two header rows).
    if _index(first, "ResponseId", "ResponseID") is not None and _index(first, "StartDate", "EndDate") is not None:
        import_row = any(str(v).strip().startswith('{"ImportId"') for v in third)
        n = 3 if import_row else 2
        cols = [Column(i, (second[i] if i < len(second) else "").strip(), first[i].strip()) for i in range(width)]
        status = _index(first, "DistributionChannel")
        return Layout("qualtrics", n, cols, _index(first, "ResponseId", "ResponseID"),
                      tuple(i for i in (_index(first, "RecordedDate"), _index(first, "EndDate")) if i is not None),
                      status if status is not None else _index(first, "Status"), _meta(first, QUALTRICS_META),
                      "three header rows" if import_row else "two header rows (legacy)")
    # SurveyMonkey: row 1 starts with Respondent ID, Collector ID; row 2 says "Response" or the statement.
    if _index(first, "Respondent ID", "Respondent-ID") is not None and _index(first, "Collector ID", "Collector-ID") \
            is not None:
        cols, carried = [], ""
        for i in range(width):
            head = first[i].strip()
            carried = head or carried
            cols.append(Column(i, carried, "", (second[i] if i < len(second) else "").strip()))
        return Layout("surveymonkey", 2, cols, _index(first, "Respondent ID", "Respondent-ID"),
                      tuple(i for i in (_index(first, "End Date", "Einddatum"),) if i is not None), None,
                      _meta(first, SURVEYMONKEY_META))
    # LimeSurvey: codes (id, submitdate, lastpage, startlanguage, seed) or their full texts.
    if (_all(first, "id", "submitdate") and (_index(first, "lastpage", "startlanguage") is not None)) or (
            _index(first, "Response ID", "Antwoord ID", "ID antwoord") is not None
            and _index(first, "Date submitted", "Datum ingediend", "Datum verstuurd") is not None
            and _index(first, "Last page", "Start language", "Laatste pagina", "Starttaal") is not None):
        codes = _index(first, "submitdate") is not None
        cols = [Column(i, first[i].strip(), first[i].strip() if codes else "") for i in range(width)]
        return Layout("limesurvey", 1, cols, _index(first, "id", "Response ID", "Antwoord ID", "ID antwoord"),
                      tuple(i for i in (_index(first, "submitdate", "Date submitted", "Datum ingediend",
                                               "Datum verstuurd"),) if i is not None),
                      None, _meta(first, LIMESURVEY_META), "question codes" if codes else "full question texts")
    # Typeform: "#" first, then the questions, then its own columns (Submit Date (UTC) / Submitted At, Token).
    if first and first[0].strip() == "#" and _index(first, "Submit Date (UTC)", "Submitted At", "Start Date (UTC)",
                                                    "Network ID", "Token") is not None:
        token = _index(first, "Token")
        return Layout("typeform", 1, plain_columns(width), token if token is not None else 0,
                      tuple(i for i in (_index(first, "Submit Date (UTC)", "Submitted At", "Submit Date"),)
                            if i is not None), None, _meta(first, TYPEFORM_META))
    # Microsoft Forms: ID, Start time, Completion time, Email, Name (or the Dutch headers).
    if _index(first, "ID", "Id") == 0 and _index(first, "Start time", "Begintijd") is not None and _index(
            first, "Completion time", "Tijd van voltooien", "Voltooiingstijd") is not None:
        return Layout("microsoft-forms", 1, plain_columns(width), 0,
                      tuple(i for i in (_index(first, "Completion time", "Tijd van voltooien", "Voltooiingstijd"),
                                        _index(first, "Start time", "Begintijd")) if i is not None),
                      None, _meta(first, MS_FORMS_META))
    # Google Forms: Timestamp / Tijdstempel first.
    if first and fold(first[0]) in ("timestamp", "tijdstempel"):
        return Layout("google-forms", 1, plain_columns(width), None, (0,), None, _meta(first, GOOGLE_META))
    ident = _index(first, *PLAIN_ID)
    date = _index(first, *PLAIN_DATE)
    meta = {i for i in (ident, date) if i is not None}
    return Layout("plain", 1, plain_columns(width), ident, (date,) if date is not None else (), None, meta)

"""`survey make`: the journey's questionnaire written in the chosen formats."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from xlplugin.core.model import Journey
from xlplugin.errors import WorkbookError, quote_path
from xlplugin.surveys.questionnaire import UnknownTouchpoints, build
from xlplugin.surveys.writers import google_script, limesurvey_lss, qualtrics_txt, write_docx
from xlplugin.text import Lang, Text

FORMATS = ("docx", "qualtrics", "limesurvey", "google")
WHAT = {
    "docx": Text("Word questionnaire (print, interviews, Microsoft Forms' import from Word)",
                 "Word-vragenlijst (afdrukken, interviews, importeren in Microsoft Forms vanuit Word)"),
    "qualtrics": Text("Qualtrics import (Survey > Tools > Import/Export > Import Survey, Advanced TXT)",
                      "Qualtrics-import (Enquête > Tools > Importeren/Exporteren > Enquête importeren, Advanced TXT)"),
    "limesurvey": Text("LimeSurvey import (Create survey > Import, .lss)",
                       "LimeSurvey-import (Enquête maken > Importeren, .lss)"),
    "google": Text("Google Apps Script: paste at script.google.com and run buildForm",
                   "Google Apps Script: plak in script.google.com en voer buildForm uit"),
}


@dataclass
class Made:
    folder: Path
    lang: Lang
    touchpoints: int
    questions: int
    scale: str
    files: list[tuple[Path, Text]] = field(default_factory=list)


def make_questionnaire(workbook: str | Path, folder: str | Path, lang: Lang | None = None, fmt: str = "all",
                       only: Sequence[str] | None = None) -> Made:
    """Write the questionnaire of the journey in `workbook` into `folder` ("all" formats or one)."""
    from xlplugin.workbook import read_workbook

    source = Path(workbook)
    result = read_workbook(source)
    journey = Journey.from_document(result.document)
    lang = lang or result.language or "en"
    if not any(t.id for t in journey.touchpoints):
        raise WorkbookError(Text(
            f"{quote_path(source.name)} has no touchpoints with an ID to ask about: fill in the Touchpoints sheet "
            "(ID, Phase, Touchpoint) first.",
            f"{quote_path(source.name)} heeft geen contactmomenten met een ID om naar te vragen: vul eerst het blad "
            "Contactmomenten in (ID, Fase, Contactmoment)."))
    try:
        q = build(journey, lang, only)
    except UnknownTouchpoints as exc:
        ids = ", ".join(exc.ids)
        raise WorkbookError(Text(
            f"--touchpoints names {ids}, which the journey does not have: use IDs from the Touchpoints sheet.",
            f"--touchpoints noemt {ids}, die de klantreis niet heeft: gebruik ID's van het blad Contactmomenten.")) from exc
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise WorkbookError(Text(f"{quote_path(out)} is a file, not a folder: give a folder with -o.",
                                 f"{quote_path(out)} is een bestand, geen map: geef een map met -o."))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkbookError(Text(f"Cannot make the folder {quote_path(out)}: {exc.strerror or exc}.",
                                 f"Kan de map {quote_path(out)} niet maken: {exc.strerror or exc}.")) from exc
    stem = source.stem + (".vragenlijst" if lang == "nl" else ".questionnaire")
    made = Made(out, lang, len(q.statements), 2 * len(q.statements) + 2, f"{q.minimum}-{q.maximum}")
    for f in FORMATS if fmt == "all" else (fmt,):
        if f == "docx":
            path = write_docx(q, out / f"{stem}.docx")
        elif f == "qualtrics":
            path = out / f"{stem}.qualtrics.txt"
            path.write_text(qualtrics_txt(q), encoding="utf-8")
        elif f == "limesurvey":
            path = out / f"{stem}.lss"
            path.write_text(limesurvey_lss(q), encoding="utf-8")
        else:
            path = out / f"{stem}.gs"
            path.write_text(google_script(q), encoding="utf-8")
        made.files.append((path, WHAT[f]))
    return made

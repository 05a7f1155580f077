"""The survey loop: the questionnaire out of the journey (`make_questionnaire`), the answers
of survey tools' exports back into the Responses sheet (`import_exports`).

Pure modules (no file format): answers (labels to numbers), columns (question to touchpoint
and field), detect (which tool), questionnaire (the questions). Files: exports (reading CSV,
TSV, XLSX), responses (patching the workbook's package), writers (docx, Qualtrics TXT,
LimeSurvey .lss, Google Apps Script). Every printed word is in `xlplugin.cli.survey`.
May import `core/`, `workbook/`, `files/` and the plain helpers; reads files with csv,
openpyxl and python-calamine.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ImportRefused", "ImportResult", "Made", "import_exports", "make_questionnaire"]


def __getattr__(name: str) -> Any:
    """Loaded on first use: the command line builds its parser (and imports xlplugin.cli.survey) on every run."""
    if name in ("ImportRefused", "ImportResult", "import_exports"):
        from . import importer

        return getattr(importer, name)
    if name in ("Made", "make_questionnaire"):
        from . import make

        return getattr(make, name)
    raise AttributeError(name)

"""The deck for management: an editable PowerPoint with native charts, real tables and
text in placeholders, in the built-in design or the company's own template.

The only package that imports python-pptx.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..model import Journey
from ..ranking import Priorities
from ..text import Lang
from .frame import Frame
from .importance_slides import importance_slides
from .journey_slides import blueprint_slides, matrix_slide, overview_slide
from .progress_slides import progress_slides
from .slides import actions_slides, appendix_slides, gaps_slide, objective_slide, persona_slide, title_slide

__all__ = ["build_deck"]


def build_deck(journey: Journey, priorities: Priorities, lang: Lang, template: str | Path | None = None) -> Any:
    """The presentation (python-pptx) for `journey`, in `lang`."""
    frame = Frame(template)
    title_slide(frame, journey, lang)
    objective_slide(frame, journey, lang)
    persona_slide(frame, journey, lang)
    overview_slide(frame, journey, priorities, lang)
    matrix_slide(frame, priorities, lang)
    gaps_slide(frame, priorities, lang)
    progress_slides(frame, journey, priorities, lang)  # with two waves or more
    importance_slides(frame, priorities, lang)  # with an Overall column
    blueprint_slides(frame, journey, lang)
    actions_slides(frame, journey, lang)
    appendix_slides(frame, priorities, journey, lang)
    return frame.prs

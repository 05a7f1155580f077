"""The deck for management: an editable PowerPoint with native charts, real tables and
text in placeholders, in the built-in design or the company's own template.

The deck is an argument (the pyramid principle): the title, the summary with what is
asked, the evidence (emotion curve, priority matrix, priority gaps), the before/after
when there is one, what we will do (actions), then the backup (objective, persona,
blueprint, appendix). `SLIDES` lists the slide builders in that order; a new kind of
slide is one more builder in the list.

The only package that imports python-pptx.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from xlplugin.core.analysis.ranking import Priorities
from xlplugin.core.model import Journey
from xlplugin.deck.context import DeckContext
from xlplugin.deck.draft import mark_draft
from xlplugin.deck.frame import Frame
from xlplugin.deck.importance_slides import importance_slides
from xlplugin.deck.journey_slides import blueprint_slides, matrix_slide, overview_slide
from xlplugin.deck.progress_slides import progress_slides
from xlplugin.deck.slides import (
    actions_slides,
    appendix_slides,
    divider_slide,
    gaps_slide,
    objective_slide,
    persona_slide,
    title_slide,
    voice_slide,
)
from xlplugin.deck.story import Story
from xlplugin.deck.summary import summary_slide
from xlplugin.text import Lang

__all__ = ["SLIDES", "DeckContext", "SlideBuilder", "build_deck"]

SlideBuilder = Callable[[DeckContext], Any]
"""Adds zero or more slides to the context's frame."""


def _compare_slides(ctx: DeckContext) -> Any:
    if ctx.comparison is None:
        return []
    from xlplugin.deck.compare_slides import compare_slides

    return compare_slides(ctx)


def _progress_slides(ctx: DeckContext) -> Any:
    return progress_slides(ctx.frame, ctx.journey, ctx.priorities, ctx.lang)  # with two waves or more


def _importance_slides(ctx: DeckContext) -> Any:
    return importance_slides(ctx.frame, ctx.priorities, ctx.lang)  # with an Overall column


SLIDES: tuple[SlideBuilder, ...] = (
    title_slide,
    summary_slide,
    overview_slide,
    matrix_slide,
    gaps_slide,
    voice_slide,
    _importance_slides,
    _progress_slides,
    _compare_slides,
    actions_slides,
    divider_slide,
    objective_slide,
    persona_slide,
    blueprint_slides,
    appendix_slides,
)


def build_deck(journey: Journey, priorities: Priorities, lang: Lang, template: str | Path | None = None, *,
               errors: int = 0, comparison: Any = None, before: Journey | None = None,
               slides: Sequence[SlideBuilder] = SLIDES) -> Any:
    """The presentation (python-pptx) for `journey`, in `lang`.

    `errors` > 0 marks every slide as a draft with that count; `comparison` (with the
    as-is journey `before`) adds the before/after slides; `slides` are the builders to run.
    """
    ctx = DeckContext(Frame(template), journey, priorities, lang, Story(journey, priorities, errors),
                      errors, comparison, before)
    for build in slides:
        build(ctx)
    if errors:
        mark_draft(ctx)
    return ctx.frame.prs

"""The draft mark every slide of a deck with errors carries."""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches

from xlplugin.deck import words
from xlplugin.deck.context import DeckContext
from xlplugin.deck.frame import Area
from xlplugin.deck.shapes import OKABE_ITO, text_box

DRAFT_NAME = "note: xlplugin draft mark"


def draft_text(ctx: DeckContext) -> str:
    """'DRAFT · 3 errors' / 'CONCEPT · 3 fouten'."""
    text = words.DRAFT_1 if ctx.errors == 1 else words.DRAFT
    return text.in_(ctx.lang).format(n=ctx.errors)


def mark_draft(ctx: DeckContext) -> None:
    """A draft mark in the top right corner of every slide, and a line in its notes."""
    frame = ctx.frame
    text = draft_text(ctx)
    width, height = int(Inches(2.6)), int(Inches(0.34))
    area = Area(frame.width - width - int(Inches(0.1)), int(Inches(0.04)), width, height)
    note = words.DRAFT_NOTE.in_(ctx.lang).format(n=ctx.errors)
    for slide in frame.prs.slides:
        text_box(slide, area, [(text, {"bold": True})], largest=12, smallest=12,
                       colour=RGBColor.from_string(OKABE_ITO["vermillion"]), fill="FFFFFF",
                       anchor=MSO_ANCHOR.MIDDLE, align=PP_ALIGN.RIGHT, role="note", name=DRAFT_NAME.removeprefix("note: "))
        notes = slide.notes_slide.notes_text_frame
        notes.text = f"{note}\n{notes.text}"

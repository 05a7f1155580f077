"""Slide 2, the summary: what the journey shows and what is asked of management."""

from __future__ import annotations

from typing import Any

from pptx.enum.dml import MSO_THEME_COLOR
from pptx.util import Inches

from xlplugin.deck import words
from xlplugin.deck.context import DeckContext
from xlplugin.deck.frame import Area
from xlplugin.deck.measure import EMU_PER_PT, FLOOR, fitting_size, text_height
from xlplugin.deck.shapes import text_box


def summary_slide(ctx: DeckContext) -> Any:
    """The answer first: the finding as the title, the evidence in brief on the left (the
    priority gaps and moments of truth at risk by name), the asks on the right."""
    frame, story, lang = ctx.frame, ctx.story, ctx.lang
    title = story.summary_title().in_(lang)
    shows = story.shows(lang)
    if ctx.comparison is not None and ctx.before is not None:
        from xlplugin.deck.compare_slides import compare_summary

        shows.insert(min(2, len(shows)), (compare_summary(ctx), []))
    asks = story.asks(lang)
    flat = [p for head, items in shows for p in (head, *(f"• {i}" for i in items))]
    notes = words.NOTES_FINDINGS["summary"].in_(lang).format(
        title=title, shows=" ".join(flat), asks=" ".join(asks))
    slide = frame.add(frame.content_layout, title, notes)
    frame.clear(slide)
    area = frame.content_area(slide)
    gap = int(Inches(0.3))
    left_w = int((area.width - gap) * 0.58)
    right = Area(area.left + left_w + gap, area.top, area.width - left_w - gap, area.height)
    head_h = int(Inches(0.5))
    left_body = Area(area.left, area.top + head_h, left_w, area.height - head_h)
    right_body = Area(right.left, right.top + head_h, right.width, right.height - head_h)
    ask_lines = [f"{n}. {a}" for n, a in enumerate(asks, start=1)]
    # One size for both columns: the largest at which both fit, body size at most.
    if any(words.MOT_MARK in p for p in flat):
        flat.append(words.STORY["mot-key"].in_(lang))
    size = min(fitting_size(flat, left_body.width, left_body.height, 18, FLOOR, bold=True),
               fitting_size(ask_lines, right_body.width, right_body.height, 18, FLOOR))
    # The boxes take the height their text needs (a half-empty box looks unfinished).
    need = max(text_height(flat, left_body.width, size, True) or 0, text_height(ask_lines, right_body.width, size) or 0)
    body_h = min(left_body.height, int((need + 24) * EMU_PER_PT))
    left_body = Area(left_body.left, left_body.top, left_body.width, body_h)
    right_body = Area(right_body.left, right_body.top, right_body.width, body_h)
    text_box(slide, Area(area.left, area.top, left_w, head_h), [(words.STORY["shows"].in_(lang), {"bold": True})],
             largest=18, smallest=18, theme_fill=MSO_THEME_COLOR.ACCENT_1)
    text_box(slide, left_body, [(p, {"bold": not p.startswith("• ") and p.endswith(":")}) for p in flat],
             largest=size, smallest=size, fill="F2F2F2")
    text_box(slide, Area(right.left, right.top, right.width, head_h), [(words.STORY["asks"].in_(lang), {"bold": True})],
             largest=18, smallest=18, theme_fill=MSO_THEME_COLOR.ACCENT_1)
    text_box(slide, right_body, ask_lines, largest=size, smallest=size, fill="F2F2F2")
    return slide

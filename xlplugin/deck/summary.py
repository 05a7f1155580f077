"""Slide 2, the summary: what the journey shows and what is asked of management."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.util import Inches

from xlplugin.deck import words
from xlplugin.deck.context import DeckContext
from xlplugin.deck.frame import Area
from xlplugin.deck.measure import BODY, EMU_PER_PT, FLOOR, fits, fitting_size, text_height
from xlplugin.deck.shapes import GREY, text_box
from xlplugin.deck.story import SUMMARY_NAMES

QUOTE_COLOUR = RGBColor(0x40, 0x40, 0x40)


def _left(ctx: DeckContext, shows: list[tuple[str, list[str]]]) -> list[tuple[str, dict[str, Any]]]:
    """The left column's paragraphs: each heading and its items, the top gap's customer quote under
    its item (the source in small print)."""
    story, lang = ctx.story, ctx.lang
    voiced = story.voiced[0] if story.voiced else None
    marker = None
    if voiced is not None:
        p = voiced[0]
        marker = p.id + (words.MOT_MARK if p.moment_of_truth else "")
    out: list[tuple[str, dict[str, Any]]] = []
    quoted = False
    headline = story.overall_line(lang)
    for head, items in shows:
        out.append((head, {"bold": head.endswith(":") or head == headline}))
        for item in items:
            out.append((f"• {item}", {}))
            if marker and not quoted and item.startswith(marker + " ") and voiced is not None:
                q = voiced[1][0]
                out.append((f"“{q.text}”", {"colour": QUOTE_COLOUR}))
                out.append((q.source(lang), {"size": FLOOR, "colour": GREY, "note": True}))
                quoted = True
    return out


def summary_slide(ctx: DeckContext) -> Any:
    """The answer first: the finding as the title, the evidence in brief on the left (the overall
    satisfaction per wave, the business case, the priority gaps by name with a customer's words),
    the decision on the right, the housekeeping kept apart below it."""
    frame, story, lang = ctx.frame, ctx.story, ctx.lang
    title = story.summary_title().in_(lang)
    decisions, chores = story.decisions(lang), story.housekeeping(lang)

    def evidence(names: int) -> list[tuple[str, dict[str, Any]]]:
        shows = story.shows(lang, names)
        if ctx.comparison is not None and ctx.before is not None:
            from xlplugin.deck.compare_slides import compare_summary

            shows.insert(min(2, len(shows)), (compare_summary(ctx), []))
        left = _left(ctx, shows)
        if any(words.MOT_MARK in t for t, _ in left):
            left.append((words.STORY["mot-key"].in_(lang), {}))
        return left

    left = evidence(SUMMARY_NAMES)
    flat = [t for t, _ in left]
    quote = " ".join(f"{t} ({s})" for (t, _), (s, _) in pairwise(left) if t.startswith("“"))
    notes = words.NOTES_FINDINGS["summary"].in_(lang).format(
        title=title, shows=" ".join(t for t in flat if not t.startswith("“") and not t.startswith(
            words.STORY["quote-source"].in_(lang).split("{")[0])),
        asks=" ".join([*decisions, *chores])) + (f" {quote}" if quote else "")
    slide = frame.add(frame.content_layout, title, notes)
    frame.clear(slide)
    area = frame.content_area(slide)
    gap = int(Inches(0.3))
    head_h = int(Inches(0.5))
    chore_lines = [f"• {c}" for c in chores]
    chore_head = words.STORY["housekeeping"].in_(lang)
    right_h = area.height - head_h
    objective = words.STORY["objective"].in_(lang).split("{")[0]

    def layout(share: float, paragraphs: list[str], asks: list[str], chores: list[str]) -> tuple[float, int, Area, Area, int]:
        """At a left column of `share` of the width: the one size of both columns (the largest at
        which both fit, 18 pt at most; 0 when they do not fit at BODY), the left width, the two bodies
        and the housekeeping's height (at BODY, grey, below the decision)."""
        left_w = int((area.width - gap) * share)
        right_w = area.width - left_w - gap
        chore_h = 0
        if chores:
            chore_h = int(((text_height([chore_head, *chores], right_w, BODY, True) or 0) + 14) * EMU_PER_PT)
        room = right_h - chore_h - (int(Inches(0.15)) if chores else 0)
        left_body = Area(area.left, area.top + head_h, left_w, right_h)
        right_body = Area(area.left + left_w + gap, area.top + head_h, right_w, room)
        size = min(fitting_size(paragraphs, left_w, right_h, 18, BODY, bold=True),
                   fitting_size(asks, right_w, room, 18, BODY))
        if not (fits(paragraphs, left_w, right_h, size, bold=True) and fits(asks, right_w, room, size)):
            size = 0
        return size, left_w, left_body, right_body, chore_h

    # The split that gives the larger text (the evidence is often longer than the asks). When the text
    # does not fit at BODY, the objective gives way first (the backup's 'Objective and approach' states
    # it), then both columns name fewer touchpoints (the priority gaps slide names them all), and last
    # the housekeeping is counted instead of listed (the actions slide has it).
    def best(paragraphs: list[str], asks: list[str], chores: list[str]) -> tuple[float, int, Area, Area, int]:
        return max((layout(share, paragraphs, asks, chores) for share in (0.5, 0.58, 0.64, 0.70)), key=lambda t: t[0])

    counted = [f"• {words.STORY['housekeeping/n'].in_(lang).format(n=len(chores))}"] if chores else []
    tries = [(SUMMARY_NAMES, True, chore_lines), *((n, False, chore_lines) for n in range(SUMMARY_NAMES, 0, -1)),
             (1, False, counted)]
    for names, with_objective, chores_shown in tries:
        left = [(t, look) for t, look in (evidence(names) if names != SUMMARY_NAMES else left)
                if with_objective or not t.startswith(objective)]
        flat = [t for t, _ in left]
        ask_lines = [f"{n}. {a}" for n, a in enumerate(story.decisions(lang, names), start=1)]
        laid = best(flat, ask_lines, chores_shown)
        if laid[0] >= BODY:
            break
    chore_lines = chores_shown
    size, left_w, left_body, right_body, chore_h = laid
    size = max(size, BODY)
    right = Area(right_body.left, area.top, right_body.width, area.height)
    # The boxes take the height their text needs (a half-empty box looks unfinished).
    need_left = text_height(flat, left_body.width, size, True) or 0
    need_right = text_height(ask_lines, right_body.width, size) or 0
    left_body = Area(left_body.left, left_body.top, left_body.width,
                     min(left_body.height, int((need_left + 24) * EMU_PER_PT)))
    right_body = Area(right_body.left, right_body.top, right_body.width,
                      min(right_body.height, int((need_right + 24) * EMU_PER_PT)))
    text_box(slide, Area(area.left, area.top, left_w, head_h), [(words.STORY["shows"].in_(lang), {"bold": True})],
             largest=18, smallest=18, theme_fill=MSO_THEME_COLOR.ACCENT_1)
    text_box(slide, left_body, left, largest=size, smallest=size, fill="F2F2F2", name="summary shows")
    text_box(slide, Area(right.left, right.top, right.width, head_h), [(words.STORY["asks"].in_(lang), {"bold": True})],
             largest=18, smallest=18, theme_fill=MSO_THEME_COLOR.ACCENT_1)
    text_box(slide, right_body, ask_lines, largest=size, smallest=size, fill="F2F2F2", name="summary decisions")
    if chores:
        chores_area = Area(right.left, right_body.top + right_body.height + int(Inches(0.15)), right.width, chore_h)
        text_box(slide, chores_area, [(chore_head, {"bold": True}), *chore_lines], largest=BODY,
                 smallest=BODY, colour=GREY, name="summary housekeeping")
    return slide

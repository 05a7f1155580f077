"""Slides of words and tables: title, objective and approach, persona, top gaps, actions, appendix."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Inches, Pt

from ..layout import ACTIONS
from ..model import Journey
from ..priorities import QUADRANTS
from ..ranking import Priorities, Priority
from ..text import Lang, Text, normalise_name
from . import words
from .frame import BODIES, Area, Frame
from .shapes import GREY, clip, fitting_size, table, text_box

TOP_GAPS = 10


def _num(value: float | None, lang: Lang, digits: int = 1) -> str:
    if value is None:
        return "–"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def title_slide(frame: Frame, journey: Journey, lang: Lang) -> Any:
    info = journey.info
    slide = frame.add(frame.title_layout, info.title or words.OVERVIEW_TITLE.in_(lang),
                      words.NOTES["title"].in_(lang).format(persona=journey.persona.name or "–"))
    parts = [f"{words.PERSONA.in_(lang)}: {journey.persona.name}" if journey.persona.name else None,
             words.SCENARIO[info.scenario].in_(lang) if info.scenario else None, words.long_date(info.date, lang)]
    subtitle = " · ".join(p for p in parts if p)
    sub = next((s for s in slide.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE), None)
    if sub is not None:
        sub.text_frame.text = subtitle
    else:
        area = Area(int(Inches(0.8)), int(frame.height * 0.62), frame.width - int(Inches(1.6)), int(Inches(0.9)))
        text_box(slide, area, [subtitle], largest=20)
    frame.clear(slide, {PP_PLACEHOLDER.SUBTITLE})
    return slide


def _respondents(journey: Journey, lang: Lang) -> str | None:
    if journey.responses:
        n = len({normalise_name(r.respondent) for r in journey.responses})
        return words.RESPONDENTS_RESPONSES.in_(lang).format(n=n)
    counts = [t.respondents for t in journey.touchpoints if t.respondents]
    return words.RESPONDENTS_TYPED.in_(lang).format(n=max(counts)) if counts else None


def objective_slide(frame: Frame, journey: Journey, lang: Lang) -> Any:
    info = journey.info
    layout = frame.body_layout or frame.content_layout
    slide = frame.add(layout, words.OBJECTIVE_TITLE.in_(lang), words.NOTES["objective"].in_(lang))
    scope = " → ".join(x for x in (info.scope_start, info.scope_end) if x)
    size = words.SIZE.in_(lang).format(phases=len(journey.phases), touchpoints=len(journey.touchpoints),
                                       mots=sum(t.moment_of_truth for t in journey.touchpoints))
    items = [(words.OBJECTIVE, info.objective), (words.WHY, info.why), (words.METHOD, info.research_method),
             (words.RESPONDENTS, _respondents(journey, lang)), (words.SCOPE, scope), (Text("", ""), size)]
    lines: list[tuple[str, str]] = [(label.in_(lang), text) for label, text in items if text]
    body = next((s for s in slide.placeholders if s.placeholder_format.type in BODIES), None)
    if body is None:
        area = frame.content_area(slide)
        text_box(slide, area, [f"{label}: {text}" if label else text for label, text in lines], largest=20)
        frame.clear(slide)
        return slide
    if not frame.branded:
        area = frame.content_area(slide)
        body.left, body.top, body.width, body.height = area.left, area.top, area.width, area.height
    paragraphs = [f"{label}: {text}" if label else text for label, text in lines]
    # Bullets indent and the template's own spacing and font may be wider than ours: fit with room to spare.
    font = fitting_size(paragraphs, int(body.width * 0.85), int(body.height * 0.8), 20, 9)
    tf = body.text_frame
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
    for i, (label, text) in enumerate(lines):
        para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        if label:
            head = para.add_run()
            head.text = f"{label}: "
            head.font.bold = True
            head.font.size = Pt(font)
        run = para.add_run()
        run.text = text
        run.font.size = Pt(font)
    frame.clear(slide, BODIES)
    return slide


def persona_slide(frame: Frame, journey: Journey, lang: Lang) -> Any:
    persona = journey.persona
    slide = frame.add(frame.content_layout, f"{words.PERSONA.in_(lang)}: {persona.name or '–'}",
                      words.NOTES["persona"].in_(lang))
    frame.clear(slide)
    area = frame.content_area(slide)
    left_w = int(area.width * 0.32)
    gap = int(Inches(0.25))
    card = [(persona.name or "–", {"bold": True, "size": 24})]
    if persona.role:
        card.append((persona.role, {}))
    if persona.description:
        card.append((persona.description, {}))
    text_box(slide, Area(area.left, area.top, left_w, int(area.height * 0.62)), card, largest=16,
             theme_fill=MSO_THEME_COLOR.ACCENT_1)
    if persona.quote:
        text_box(slide, Area(area.left, area.top + int(area.height * 0.66), left_w, int(area.height * 0.34)),
                 [(f"“{persona.quote}”", {"bold": True})], largest=16, colour=GREY)
    fields = [(label, getattr(persona, key)) for key, label in words.PERSONA_FIELDS[2:] if getattr(persona, key)]
    right = Area(area.left + left_w + gap, area.top, area.width - left_w - gap, area.height)
    if fields:
        cols = 2
        rows = (len(fields) + 1) // 2
        cw, rh = (right.width - gap) // cols, (right.height - gap * (rows - 1)) // rows
        for i, (label, text) in enumerate(fields):
            box = Area(right.left + (i % cols) * (cw + gap), right.top + (i // cols) * (rh + gap), cw, rh)
            text_box(slide, box, [(label.in_(lang), {"bold": True}), text], largest=16, fill="F2F2F2")
    return slide


def _paginate(items: Sequence[Any], per_page: int) -> list[Sequence[Any]]:
    return [items[i:i + per_page] for i in range(0, len(items), per_page)] or [[]]


def _table_slides(frame: Frame, title: Text, notes: Text, headers: Sequence[Text], rows: Sequence[Sequence[str]],
                  widths: Sequence[float], lang: Lang, size: float, empty: Text | None = None,
                  per_page: Callable[[Area, float], int] | None = None) -> list[Any]:
    """One or more slides with a table of `rows`, continued on as many slides as needed."""
    probe = frame.prs.slides.add_slide(frame.content_layout)
    area = frame.content_area(probe)
    frame.drop_last()
    size = size * min(1.0, area.width / Inches(12.4))  # a narrower (4:3) slide gets a smaller font
    count = per_page(area, size) if per_page else max(1, int(area.height // Pt(size * 2.4)) - 1)
    pages = _paginate(list(rows), count)
    slides = []
    for n, page in enumerate(pages, start=1):
        name = title.in_(lang) + (f" {words.PAGE.in_(lang).format(page=n, pages=len(pages))}" if len(pages) > 1 else "")
        slide = frame.add(frame.content_layout, name, notes.in_(lang))
        frame.clear(slide)
        area = frame.content_area(slide)
        if page:
            table(slide, area, [h.in_(lang) for h in headers], page, widths, size)
        elif empty is not None:
            text_box(slide, Area(area.left, area.top, area.width, int(Inches(1))), [empty.in_(lang)], largest=18)
        slides.append(slide)
    return slides


def gaps_slide(frame: Frame, priorities: Priorities, lang: Lang) -> list[Any]:
    top = priorities.ranked[:TOP_GAPS]
    rows = [[str(p.rank), f"{p.id} {clip(p.touchpoint, 46)}", clip(p.phase, 22), _num(p.importance, lang),
             _num(p.rating, lang), _num(p.gap, lang), str(p.respondents) if p.respondents is not None else "–"]
            for p in top]
    return _table_slides(frame, words.GAPS_TITLE, words.NOTES["gaps"], words.GAPS_HEADERS, rows,
                         (0.6, 4.6, 2.3, 1.4, 1.7, 0.9, 1.9), lang, 13, words.NO_GAPS,
                         per_page=lambda area, size: TOP_GAPS)


def actions_slides(frame: Frame, journey: Journey, lang: Lang) -> list[Any]:
    status = {c.code: c.label(lang) for c in ACTIONS.field("status").choices}
    names = {normalise_name(t.id): t.name for t in journey.touchpoints}
    rows = [[f"{a.touchpoint_id} {clip(names.get(normalise_name(a.touchpoint_id)), 28)}".strip(), clip(a.action, 90),
             clip(a.owner, 24) or "–", words.long_date(a.due, lang) or "–", clip(a.target, 70) or "–",
             status.get(a.status or "", a.status or "–")] for a in journey.actions]
    return _table_slides(frame, words.ACTIONS_TITLE, words.NOTES["actions"], words.ACTIONS_HEADERS, rows,
                         (2.6, 4.2, 1.7, 1.5, 3.4, 1.1), lang, 11, words.NO_ACTIONS,
                         per_page=lambda area, size: max(1, int(area.height // Pt(size * 2.1 * 2.2)) - 1))


def appendix_slides(frame: Frame, priorities: Priorities, journey: Journey, lang: Lang) -> list[Any]:
    by_id = {p.id: p for p in priorities.touchpoints}
    yes = Text("yes", "ja").in_(lang)
    rows = []
    for tp in journey.touchpoints:
        p: Priority | None = by_id.get(tp.id)
        emotion = p.emotion if p else None
        rows.append([tp.id, clip(tp.phase, 18), clip(tp.name, 48), clip(tp.channel, 18) or "–",
                     _num(p.importance if p else None, lang), _num(p.rating if p else None, lang),
                     _num(emotion, lang) if emotion is not None else "–", yes if tp.moment_of_truth else "",
                     _num(p.gap if p else None, lang), QUADRANTS[p.quadrant].in_(lang) if p else "–"])
    return _table_slides(frame, words.APPENDIX_TITLE, words.NOTES["appendix"], words.APPENDIX_HEADERS, rows,
                         (0.8, 2.0, 4.6, 1.9, 0.8, 0.9, 0.9, 0.6, 0.8, 2.2), lang, 9,
                         per_page=lambda area, size: max(1, int(area.height // Pt(size * 2.1 * 1.3)) - 1))

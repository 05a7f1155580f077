"""Slides of words and tables: title, priority gaps, actions, objective and approach, persona, appendix."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR
from pptx.util import Inches, Pt

from xlplugin.core.analysis.ranking import Priorities, Priority
from xlplugin.core.layout import ACTIONS
from xlplugin.core.model import Journey
from xlplugin.deck import words
from xlplugin.deck.context import DeckContext
from xlplugin.deck.frame import Area, Frame
from xlplugin.deck.measure import BODY, EMU_PER_PT, FLOOR, TABLE, fits, fitting_size, text_height
from xlplugin.deck.shapes import GREY, least_widths, paginate_rows, table, table_widths, text_box
from xlplugin.deck.story import number, plain, series, side_digits
from xlplugin.text import Lang, Text, long_date, normalise_name


def title_slide(ctx: DeckContext) -> Any:
    frame, journey, lang = ctx.frame, ctx.journey, ctx.lang
    info = journey.info
    slide = frame.add(frame.title_layout, info.title or words.OVERVIEW_TITLE.in_(lang),
                      words.NOTES["title"].in_(lang).format(persona=journey.persona.name or "–"))
    parts = [f"{words.PERSONA.in_(lang)}: {journey.persona.name}" if journey.persona.name else None,
             words.SCENARIO[info.scenario].in_(lang) if info.scenario else None, long_date(info.date, lang)]
    subtitle = " · ".join(p for p in parts if p)
    return _with_subtitle(frame, slide, subtitle)


def _with_subtitle(frame: Any, slide: Any, subtitle: str) -> Any:
    """`slide` with `subtitle` in its layout's subtitle placeholder, or in a box where that would be."""
    sub = next((s for s in slide.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE), None)
    if sub is not None:
        sub.text_frame.text = subtitle
        # the largest size (24 pt at most) at which it fits the template's box: a long persona and date
        # would otherwise run out below a small subtitle box
        if sub.width and sub.height:
            size = fitting_size([subtitle], sub.width, sub.height, 24, BODY)
            for run in sub.text_frame.paragraphs[0].runs:
                run.font.size = Pt(size)
    else:
        area = Area(int(Inches(0.8)), int(frame.height * 0.62), frame.width - int(Inches(1.6)), int(Inches(0.9)))
        text_box(slide, area, [subtitle], largest=20)
    frame.clear(slide, {PP_PLACEHOLDER.SUBTITLE})
    return slide


def divider_slide(ctx: DeckContext) -> Any:
    """The divider before the backup: 'Backup' / 'Achtergrond', and what the slides after it hold."""
    frame, lang = ctx.frame, ctx.lang
    parts = [t.in_(lang) for t in words.BACKUP_PARTS if t is not words.BACKUP_PARTS[2] or ctx.journey.blueprint]
    listed = series(parts, lang)
    slide = frame.add(frame.title_layout, words.BACKUP.in_(lang), words.BACKUP_NOTES.in_(lang).format(parts=listed))
    subtitle = listed[:1].upper() + listed[1:]
    return _with_subtitle(frame, slide, subtitle)


def _respondents(journey: Journey, lang: Lang) -> str | None:
    if journey.responses:
        n = len({normalise_name(r.respondent) for r in journey.responses})
        return words.RESPONDENTS_RESPONSES.in_(lang).format(n=n)
    counts = [t.respondents for t in journey.touchpoints if t.respondents]
    return words.RESPONDENTS_TYPED.in_(lang).format(n=max(counts)) if counts else None


def objective_slide(ctx: DeckContext) -> Any:
    frame, journey, lang = ctx.frame, ctx.journey, ctx.lang
    info = journey.info
    slide = frame.add(frame.content_layout, words.OBJECTIVE_TITLE.in_(lang), words.NOTES["objective"].in_(lang))
    frame.clear(slide)
    scope = " → ".join(x for x in (info.scope_start, info.scope_end) if x)
    size = words.SIZE.in_(lang).format(phases=len(journey.phases), touchpoints=len(journey.touchpoints),
                                       mots=sum(t.moment_of_truth for t in journey.touchpoints))
    items = [(words.OBJECTIVE, info.objective), (words.WHY, info.why), (words.METHOD, info.research_method),
             (words.RESPONDENTS, _respondents(journey, lang)), (words.SCOPE, scope), (words.SIZE_LABEL, size)]
    # each label in bold above its text, a blank line between: a form to read, not a wall of text
    paragraphs: list[tuple[str, dict[str, Any]]] = []
    for label, text in items:
        if text:
            if paragraphs:
                paragraphs.append(("", {}))
            paragraphs += [(label.in_(lang), {"bold": True}), (text, {})]
    text_box(slide, frame.content_area(slide), paragraphs, largest=20, name="objective")
    return slide


def persona_slide(ctx: DeckContext) -> Any:
    frame, persona, lang = ctx.frame, ctx.journey.persona, ctx.lang
    from xlplugin.deck.story import first_name

    who = first_name(persona.name) or Text("this customer", "deze klant").in_(lang)
    slide = frame.add(frame.content_layout, f"{words.PERSONA.in_(lang)}: {persona.name or '–'}",
                      words.NOTES["persona"].in_(lang).format(name=who))
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


def table_slides(frame: Frame, title: str, notes: str, headers: Sequence[str], rows: Sequence[Sequence[str]],
                 widths: Sequence[float], size: float = BODY, empty: str | None = None,
                 footnote: str | None = None) -> list[Any]:
    """One or more slides with a table of `rows` continued on as many slides as the wrapped rows
    need, and no more: at the largest size from `size` down to TABLE that needs no more slides than
    TABLE does, the rows shared evenly over them (no last slide with a row or two). `empty` is said
    when there are no rows; `footnote`, when given, is said under the table on every slide (a note)."""
    area = frame.probe_area()
    foot = 0
    if footnote and rows:
        foot = int(((text_height([footnote], area.width, FOOTNOTE) or FOOTNOTE * 2.4) + 12) * EMU_PER_PT)
        area = Area(area.left, area.top, area.width, area.height - foot)
    # A narrower (4:3) slide gets a smaller font, but not under TABLE: it paginates instead.
    largest = max(TABLE, size * min(1.0, area.width / Inches(12.4)))
    fewest = len(paginate_rows(rows, headers, table_widths(area, widths, headers, rows, TABLE), TABLE, area.height))
    size = largest
    while True:
        columns = table_widths(area, widths, headers, rows, size)
        pages = paginate_rows(rows, headers, columns, size, area.height, even=True)
        if len(pages) <= fewest or size <= TABLE:
            break
        size = max(TABLE, size - 1)
    slides = []
    for n, page in enumerate(pages, start=1):
        name = title + (f" {words.PAGE.in_('en').format(page=n, pages=len(pages))}" if len(pages) > 1 else "")
        slide = frame.add(frame.content_layout, name, notes)
        frame.clear(slide)
        area = frame.content_area(slide)
        if page:
            table(slide, Area(area.left, area.top, area.width, area.height - foot), headers, page, widths, size, columns)
            if foot:
                text_box(slide, Area(area.left, area.bottom - foot + int(Inches(0.05)), area.width, foot - int(Inches(0.05))),
                         [footnote], largest=FOOTNOTE, smallest=FOOTNOTE, colour=GREY, role="note", name="table note",
                         anchor=MSO_ANCHOR.BOTTOM)
        elif empty is not None:
            text_box(slide, Area(area.left, area.top, area.width, int(Inches(1.6))), [empty], largest=20)
        slides.append(slide)
    return slides


FOOTNOTE = 11.0
"""A table's footnote (pt)."""


def _yes(value: bool, lang: Lang) -> str:
    return Text("yes", "ja").in_(lang) if value else ""


def _side_digits(priorities: Priorities) -> tuple[int, int]:
    """The decimals of importance and of rating in a table: enough that no two touchpoints in
    different quadrants print the same (one count per column, for every row alike)."""
    s, tps = priorities.scale, priorities.touchpoints
    return (side_digits((p.importance for p in tps), s.importance_threshold, above=True),
            side_digits((p.rating for p in tps), s.rating_threshold, above=False))


def gaps_slide(ctx: DeckContext) -> list[Any]:
    """The priority gaps: only 'concentrate here' and moments of truth at risk, ranked, with their
    quadrant and moment-of-truth mark; a sentence when there are none."""
    story, lang = ctx.story, ctx.lang
    imp, rat = _side_digits(ctx.priorities)
    rows = [[str(p.rank) if p.rank else "–", f"{p.id} {p.touchpoint or ''}".strip(), p.phase or "–",
             number(p.importance, lang, imp), number(p.rating, lang, rat), number(p.gap, lang),
             words.QUADRANT[p.quadrant].in_(lang) + story.doubt(p, lang, short=True), _yes(p.moment_of_truth, lang),
             str(p.respondents) if p.respondents is not None else "–"] for p in story.focus]
    title = story.gaps_title().in_(lang)
    names = "; ".join(f"{p.id} {p.touchpoint or ''}".strip() for p in story.focus) or words.NONE.in_(lang)
    notes = (words.NOTES_FINDINGS["gaps"].in_(lang).format(title=title, names=names) + words.NOTES["gaps"].in_(lang))
    empty = words.STORY["gaps/empty"].in_(lang).format(r=plain(ctx.priorities.scale.rating_threshold, lang))
    ranks = [p.rank for p in story.focus if p.rank]
    footnote = None
    if ranks and ranks != list(range(1, len(ranks) + 1)):  # the others are ranked too: say why a number is missing
        rated = sum(1 for p in ctx.priorities.touchpoints if p.rank)
        footnote = words.STORY["gaps/ranks"].in_(lang).format(n=rated)
    return table_slides(ctx.frame, title, notes, [h.in_(lang) for h in words.GAPS_HEADERS], rows,
                        (0.5, 4.0, 2.0, 1.25, 1.45, 1.2, 1.9, 1.05, 0.6), empty=empty, footnote=footnote)


def actions_slides(ctx: DeckContext) -> list[Any]:
    journey, lang = ctx.journey, ctx.lang
    status = {c.code: c.label(lang) for c in ACTIONS.field("status").choices}
    names = {normalise_name(t.id): t.name for t in journey.touchpoints}
    missing = f"({words.MISSING.in_(lang)})"
    rows = [[f"{a.touchpoint_id} {names.get(normalise_name(a.touchpoint_id)) or ''}".strip(), a.action or "–",
             a.owner or missing, long_date(a.due, lang) or "–", a.target or missing,
             status.get(a.status or "", a.status or "–") + (f" · {words.STORY['late'].in_(lang)}" if late else "")]
            for a, late in ((s.action, s.overdue) for s in ctx.story.progress.actions)]
    title = ctx.story.actions_title().in_(lang)
    uncovered = [f"{p.id} {p.touchpoint or ''}".strip() for p in ctx.story.uncovered]
    # a priority without an action is a row too: the title counts it, the table shows it
    none = f"({words.NO_ACTION_YET.in_(lang)})"
    rows += [[name, none, "–", "–", "–", "–"] for name in uncovered]
    notes = f"{title}. " + (Text("Without an action yet: ", "Nog zonder actie: ").in_(lang) + series(uncovered, lang)
                            + ". " if uncovered else "") + words.NOTES["actions"].in_(lang)
    return table_slides(ctx.frame, title, notes, [h.in_(lang) for h in words.ACTIONS_HEADERS], rows,
                        (2.6, 4.0, 1.7, 1.6, 3.2, 1.2), empty=words.NO_ACTIONS.in_(lang))


def appendix_slides(ctx: DeckContext) -> list[Any]:
    priorities, journey, lang = ctx.priorities, ctx.journey, ctx.lang
    by_id = {p.id: p for p in priorities.touchpoints}
    imp, rat = _side_digits(priorities)
    rows = []
    for tp in journey.touchpoints:
        p: Priority | None = by_id.get(tp.id)
        emotion = p.emotion if p else None
        rows.append([tp.id, tp.phase or "–", tp.name or "–", tp.channel or "–",
                     number(p.importance if p else None, lang, imp), number(p.rating if p else None, lang, rat),
                     number(emotion, lang, 0 if float(emotion).is_integer() else 1) if emotion is not None else "–",
                     _yes(tp.moment_of_truth, lang),
                     number(p.gap if p else None, lang), words.QUADRANT[p.quadrant].in_(lang) if p else "–"])
    headers = [h.in_(lang) for h in words.APPENDIX_HEADERS]
    widths = [0.75, 2.0, 4.2, 1.7, 0.8, 0.95, 1.0, 0.7, 1.1, 2.4]
    # A narrow (4:3) slide leaves out the channel, then the emotion, rather than break words.
    room = ctx.frame.probe_area().width
    for optional in (words.APPENDIX_HEADERS[3], words.APPENDIX_HEADERS[6]):
        size = max(TABLE, 12 * min(1.0, room / Inches(12.4)))
        if sum(least_widths(headers, rows, size)) <= room * 0.97:
            break
        drop = headers.index(optional.in_(lang))
        keep = [i for i in range(len(headers)) if i != drop]
        headers, widths = [headers[i] for i in keep], [widths[i] for i in keep]
        rows = [[r[i] for i in keep] for r in rows]
    unrated = [p.id for p in priorities.touchpoints if p.gap is None]
    found = words.APPENDIX_FINDINGS.in_(lang).format(n=len(journey.touchpoints),
                                                     unrated=", ".join(unrated) or words.NONE.in_(lang))
    return table_slides(ctx.frame, words.APPENDIX_TITLE.in_(lang), found + words.NOTES["appendix"].in_(lang), headers, rows,
                        widths, size=BODY)


def voice_slide(ctx: DeckContext) -> list[Any]:
    """'In the customer's words': per priority gap customers commented on (largest gap first), one
    or two of their comments verbatim, the respondent and wave in small print. Only when there is
    more to quote than the one comment slide 2 gives; the gaps that do not fit at the body size
    are left to the workbook (a quote is never shortened)."""
    story, lang, frame = ctx.story, ctx.lang, ctx.frame
    voiced = story.voiced
    if sum(len(qs) for _, qs in voiced) < 2:
        return []
    title = words.STORY["voice"].in_(lang)
    area = frame.probe_area()
    blocks = []
    for p, quotes in voiced:
        head = words.STORY["voice-item"].in_(lang).format(id=p.id + (words.MOT_MARK if p.moment_of_truth else ""),
                                                        name=p.touchpoint or "", gap=number(p.gap, lang, 0))
        block: list[tuple[str, dict[str, Any]]] = [(head, {"bold": True})]
        for q in quotes:
            block += [(f"“{q.text}”", {}), (q.source(lang), {"size": FLOOR, "colour": GREY, "note": True})]
        blocks.append(block)
    shown: list[tuple[str, dict[str, Any]]] = []
    for block in blocks:
        trial = shown + block
        if shown and not fits([t for t, _ in trial], area.width, area.height, BODY, bold=True):
            break
        shown = trial
    said = " ".join(f"{t}" for t, _ in shown)
    slide = frame.add(frame.content_layout, title, f"{title}. {said} " + words.STORY["voice-notes"].in_(lang))
    frame.clear(slide)
    area = frame.content_area(slide)
    text_box(slide, area, shown, largest=20, name="customer quotes")
    return [slide]

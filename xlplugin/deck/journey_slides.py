"""Slides that draw the journey: the overview with the emotion curve, the priority matrix
and the service blueprint."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE, MSO_THEME_COLOR
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from xlplugin.core.model import BlueprintStep, Journey, Touchpoint
from xlplugin.deck import words
from xlplugin.deck.charts import EMOTION_HEIGHT, EMOTION_TOP, Curve, emotion_curve, priority_matrix
from xlplugin.deck.context import DeckContext
from xlplugin.deck.frame import Area
from xlplugin.deck.matrix import (
    LABEL_INSET,
    LABEL_SIZE,
    MARKER_SIZE,
    QUADRANT_ORDER,
    Box,
    Group,
    MatrixPoint,
    group_points,
    label_box_size,
    matrix_points,
    place_labels,
    to_slide,
)
from xlplugin.deck.measure import BODY, EMU_PER_PT, FLOOR, TABLE, fits, fitting_size, text_height, text_width
from xlplugin.deck.shapes import GREY, QUADRANT_COLOURS, text_box
from xlplugin.deck.story import number, phase_groups, plain, series
from xlplugin.text import Lang, Text, normalise_name

GAP = int(Inches(0.06))
MIN_COLUMN = int(Inches(1.15))


@dataclass
class _Column:
    name: str
    touchpoints: list[Touchpoint]
    start: float
    weight: float


def _groups(journey: Journey, lang: Lang | None = None) -> list[tuple[str, list[Touchpoint]]]:
    """The phases in journey order, each with its touchpoints (story.phase_groups); a phase the
    Phases sheet does not have (a typo, with --allow-errors) is marked as such in `lang`."""
    mark = words.STORY["unknown-phase-mark"]
    return [(name if known or lang is None else mark.in_(lang).format(name=name), tps)
            for name, tps, known in phase_groups(journey)]


def _columns(journey: Journey, width: int | None = None, least_width: int = MIN_COLUMN,
             groups: list[tuple[str, list[Touchpoint]]] | None = None) -> list[_Column]:
    """The phases (`groups`, by default all of the journey's) as columns, each with a width
    weight: its number of touchpoints, but never so little that the column is narrower than
    `least_width`."""
    groups = _groups(journey) if groups is None else groups
    least = 2.0
    if width:
        # the smallest weight that gives every column least_width: least * width / total >= least_width
        while least * width < least_width * sum(max(len(t), least) for _, t in groups) and least < 1000:
            least += 0.5
    columns, start = [], 0.0
    for name, tps in groups:
        weight = max(len(tps), least)
        columns.append(_Column(name, tps, start, weight))
        start += weight
    return columns


def _pages_of_phases(groups: list[tuple[str, list[Touchpoint]]], width: int, least: list[int]) -> list[list[int]]:
    """The phases (indexes into `groups`) per overview slide: as many phases on a slide, in
    journey order, as have each the column their longest word needs (`least`, EMU) across
    `width`; the phases are spread evenly over the fewest slides that hold them."""
    def fit(page: list[int]) -> bool:
        return len(page) * (max(least[i] for i in page) + GAP) <= width

    for count in range(1, len(groups) + 1):
        size = -(-len(groups) // count)
        pages = [list(range(k, min(k + size, len(groups)))) for k in range(0, len(groups), size)]
        if all(fit(page) for page in pages):
            return pages
    return [[i] for i in range(len(groups))]


def _line(slide: Any, x1: int, y1: int, x2: int, y2: int, dashed: bool = True, colour: str = "A6A6A6") -> Any:
    line = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Emu(x1), Emu(y1), Emu(x2), Emu(y2))
    line.line.color.rgb = RGBColor.from_string(colour)
    line.line.width = Pt(1)
    if dashed:
        line.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    return line


def widest_word(texts: list[str], size: float, bold: bool = False) -> int:
    """The width (EMU) a box needs so that the longest word of `texts` fits whole at `size`."""
    words_ = [w for t in texts for w in t.split()] or [""]
    return int((max(text_width(w, size, bold) for w in words_) + 18) * EMU_PER_PT)


def _item(t: Touchpoint, width: int) -> str:
    """A touchpoint's card: star, ID, name and channel; ID and channel alone when a word of the
    name would not fit the column whole at the size of a card (the appendix has every name)."""
    # the channel after a dot, not in brackets: a name may end in a bracket of its own
    card = f"{words.MOT_MARK + ' ' if t.moment_of_truth else ''}{t.id} {t.name or ''}".strip() + (
        f" · {t.channel}" if t.channel else "")
    if text_height([card], width, TABLE) is None:
        card = f"{words.MOT_MARK + ' ' if t.moment_of_truth else ''}{t.id}" + (f" · {t.channel}" if t.channel else "")
    return card


def _items_that_fit(items: list[str], width: int, height: int, size: float, more: Text, lang: Lang,
                    first: Sequence[int] = ()) -> list[str]:
    """`items` as separate cards, as many as fit in `height` at `size`, in their order; the rest as
    one '+n more' card. The items at the indexes `first` (in that order: the priorities) are
    the ones kept when not all fit, then the others in order."""
    def need(text: str) -> float:
        return (text_height([text], width, size) or 1e9) + CARD_GAP / EMU_PER_PT + 7

    room = height / EMU_PER_PT
    heights = [need(t) for t in items]
    if sum(heights) <= room:
        return items
    order = [*dict.fromkeys(i for i in first if 0 <= i < len(items)), *(i for i in range(len(items)) if i not in first)]
    used, kept = 0.0, set()
    for i in order:  # keep room for the '+n more' card (its height barely depends on n)
        if used + heights[i] + need(more.in_(lang).format(n=len(items))) > room:
            break
        used += heights[i]
        kept.add(i)
    return [*(items[i] for i in sorted(kept)), more.in_(lang).format(n=len(items) - len(kept))]


CARD_GAP = int(Inches(0.05))
LISTED_IDS = 24
"""Beside the matrix, up to this many IDs are listed per quadrant; more are counted (the appendix has them)."""


def overview_slide(ctx: DeckContext) -> Any:
    """The journey at a glance: phases as columns with their touchpoints as separate cards (one
    font size on the whole slide), and the emotion curve under them, the levels named in words."""
    frame, journey, priorities, lang, story = ctx.frame, ctx.journey, ctx.priorities, ctx.lang, ctx.story
    title = story.curve_title().in_(lang)
    phases = "; ".join(f"{v.name} {number(v.mean_emotion, lang)}" for v in priorities.phases
                       if v.mean_emotion is not None) or words.NONE.in_(lang)
    lowest = sorted((p for p in priorities.touchpoints if p.emotion is not None and p.emotion < 0),
                    key=lambda p: p.emotion)[:3]  # type: ignore[arg-type, return-value]
    low = "; ".join(f"{p.id} {p.touchpoint or ''}".strip() for p in lowest) or words.NONE.in_(lang)
    notes = (words.NOTES_FINDINGS["curve"].in_(lang).format(title=title, phases=phases, low=low)
             + words.NOTES["overview"].in_(lang))
    area = frame.probe_area()
    gutter = max(int((text_width(w.in_(lang), FLOOR) + 16) * EMU_PER_PT) for w in words.EMOTION_WORDS)
    groups = _groups(journey, lang)
    floor_words = widest_word([words.NO_TOUCHPOINTS.in_(lang), words.MORE.in_(lang)], TABLE)
    # A column is as wide as its phase's longest word, and a priority's: its card shows its name whole.
    concentrate = {p.id for p in priorities.touchpoints if p.quadrant == "concentrate-here"}
    least = [max(MIN_COLUMN, floor_words, widest_word([name], TABLE, bold=True),
                 widest_word([t.name or "" for t in tps if t.id in concentrate], TABLE)) for name, tps in groups]
    pages = _pages_of_phases(groups, area.width - gutter, least)
    # A slide that cannot show every priority's card gives half its phases to a slide of their own.
    k = 0
    while k < len(pages):
        page = pages[k]
        if len(page) > 1 and _glance(area, gutter, [groups[i] for i in page], max(least[i] for i in page),
                                     ctx).hides_a_priority(lang):
            half = (len(page) + 1) // 2
            pages[k:k + 1] = [page[:half], page[half:]]
        else:
            k += 1
    slides = []
    for n, page in enumerate(pages, start=1):
        name = title + (f" {words.PAGE.in_(lang).format(page=n, pages=len(pages))}" if len(pages) > 1 else "")
        slide = frame.add(frame.content_layout, name, notes)
        frame.clear(slide)
        _overview_page(slide, frame.content_area(slide), gutter, [groups[i] for i in page],
                       max(least[i] for i in page), ctx)
        slides.append(slide)
    return slides


@dataclass(frozen=True)
class _Glance:
    """The geometry of one slide of the journey at a glance."""
    inner: Area
    columns: list[_Column]
    unit: float
    widths: list[int]
    chart_h: int
    head_size: float
    head_h: int
    list_top: int
    list_h: int
    items: list[list[str]]
    firsts: list[list[int]]

    def shown(self, k: int, lang: Lang) -> list[str]:
        """The cards column `k` shows: the priorities first when not all fit, the rest counted."""
        return _items_that_fit(self.items[k], self.widths[k], self.list_h, TABLE, words.MORE, lang, self.firsts[k])

    def hides_a_priority(self, lang: Lang) -> bool:
        return any(self.items[k][i] not in self.shown(k, lang) for k in range(len(self.columns)) for i in self.firsts[k])


def _glance(area: Area, gutter: int, groups: list[tuple[str, list[Touchpoint]]], least: int,
            ctx: DeckContext) -> _Glance:
    journey, priorities, lang = ctx.journey, ctx.priorities, ctx.lang
    inner = Area(area.left + gutter, area.top, area.width - gutter, area.height)
    columns = _columns(journey, inner.width, least, groups)
    total = sum(c.weight for c in columns) or 1
    unit = inner.width / total
    widths = [int(c.weight * unit) - GAP for c in columns]
    # A crowded journey gives its cards more of the slide; the curve keeps at least a third.
    crowded = max((len(c.touchpoints) for c in columns), default=0) > 6
    chart_h = int(area.height * (0.34 if crowded else 0.44))
    head_size = min(fitting_size([c.name], w, int(Inches(0.62)), 14, TABLE, bold=True)
                    for c, w in zip(columns, widths, strict=True))
    head_h = max(int(Inches(0.45)), max(int(((text_height([c.name], w, head_size, True) or 0) + 8) * EMU_PER_PT)
                                         for c, w in zip(columns, widths, strict=True)))
    list_top = inner.top + head_h + GAP
    list_h = inner.bottom - chart_h - list_top - GAP
    # One size for every card on the slide: the size of a table's cells (TABLE).
    items = [[_item(t, w) for t in c.touchpoints] or [words.NO_TOUCHPOINTS.in_(lang)]
             for c, w in zip(columns, widths, strict=True)]
    # When a column cannot show every card, it shows the priorities: 'concentrate here' by rank,
    # then moments of truth at risk, then the rest in journey order.
    ranks = {p.id: (0, p.rank or 0) for p in priorities.touchpoints if p.quadrant == "concentrate-here"}
    ranks |= {p.id: (1, p.rank or 0) for p in priorities.moments_at_risk if p.id not in ranks}
    firsts = [sorted((k for k, t in enumerate(c.touchpoints) if t.id in ranks), key=lambda k, c=c: ranks[c.touchpoints[k].id])
              for c in columns]
    return _Glance(inner, columns, unit, widths, chart_h, head_size, head_h, list_top, list_h, items, firsts)


def _overview_page(slide: Any, area: Area, gutter: int, groups: list[tuple[str, list[Touchpoint]]], least: int,
                   ctx: DeckContext) -> None:
    """One slide of the journey at a glance: the phases of `groups` as columns of cards, and
    their part of the emotion curve under them."""
    priorities, lang = ctx.priorities, ctx.lang
    g = _glance(area, gutter, groups, least, ctx)
    inner, columns, unit, widths, chart_h, head_size, head_h, list_top = (
        g.inner, g.columns, g.unit, g.widths, g.chart_h, g.head_size, g.head_h, g.list_top)
    size = TABLE
    emotions = {p.id: p.emotion for p in priorities.touchpoints}
    points: list[tuple[float, float, str, bool]] = []
    for k, (col, width) in enumerate(zip(columns, widths, strict=True)):
        left = inner.left + int(col.start * unit)
        text_box(slide, Area(left, inner.top, width, head_h), [(col.name, {"bold": True})], largest=head_size,
                 smallest=head_size, theme_fill=MSO_THEME_COLOR.ACCENT_1, anchor=MSO_ANCHOR.MIDDLE,
                 align=PP_ALIGN.CENTER, role="grid", name="phase")
        y = list_top
        for text in g.shown(k, lang):
            h = int(((text_height([text], width, size) or size * 1.2) + 7) * EMU_PER_PT)
            text_box(slide, Area(left, y, width, h), [text], largest=size, smallest=size, fill="F2F2F2", role="grid",
                     name="card")
            y += h + CARD_GAP
        step = col.weight / max(len(col.touchpoints), 1)
        for k, t in enumerate(col.touchpoints):
            emotion = emotions.get(t.id)
            if emotion is not None:
                points.append((col.start + (k + 0.5) * step, emotion, t.id, t.moment_of_truth))
        if col.start > 0:
            _line(slide, left - GAP // 2, inner.top, left - GAP // 2, inner.bottom, colour="D9D9D9")
    chart_area = Area(inner.left, inner.bottom - chart_h, inner.width, chart_h)
    if points:
        emotion_curve(slide, chart_area, [Curve(words.EMOTION_SERIES.in_(lang), points)],
                  sum(c.weight for c in columns) or 1, lang)
    emotion_levels(slide, Area(area.left, chart_area.top, gutter - GAP, chart_area.height), lang)




def emotion_levels(slide: Any, area: Area, lang: Lang) -> None:
    """The words for the five emotion levels, each beside its gridline of a curve in `area`'s height."""
    plot_top = area.top + int(area.height * EMOTION_TOP)
    plot_h = int(area.height * EMOTION_HEIGHT)
    label_h = int(Inches(0.3))
    for k, word in enumerate(words.EMOTION_WORDS):
        y = plot_top + int(plot_h * k / 4) - label_h // 2
        text_box(slide, Area(area.left, y, area.width, label_h), [word.in_(lang)], largest=FLOOR, smallest=FLOOR,
                 colour=GREY, anchor=MSO_ANCHOR.MIDDLE, align=PP_ALIGN.RIGHT, role="note", name="emotion level")


def matrix_slide(ctx: DeckContext, uncertain: Sequence[str] | None = None) -> Any:
    """The priority matrix with its labels placed clear of points, lines and each other, the
    'concentrate here' touchpoints named beside it, and every colour and marker explained.
    `uncertain` (touchpoint IDs) draws those points hollow instead of the priorities' own flags."""
    frame, priorities, lang, story = ctx.frame, ctx.priorities, ctx.lang, ctx.story
    s = priorities.scale
    title = story.matrix_title().in_(lang)
    counts = ", ".join(f"{words.QUADRANT[q].in_(lang)} {sum(p.quadrant == q for p in priorities.touchpoints)}"
                       for q in QUADRANT_ORDER)
    named = "; ".join(f"{p.id} {p.touchpoint or ''}".strip() for p in story.concentrate) or words.NONE.in_(lang)
    notes = (words.NOTES_FINDINGS["matrix"].in_(lang).format(title=title, counts=counts, names=named)
             + words.NOTES["matrix"].in_(lang).format(importance=plain(s.importance_threshold, lang),
                                                      rating=plain(s.rating_threshold, lang), scale=s.name))
    slide = frame.add(frame.content_layout, title, notes)
    frame.clear(slide)
    area = frame.content_area(slide)
    side_w = int(area.width * 0.34)
    chart = Area(area.left, area.top, area.width - side_w - int(Inches(0.2)), area.height)
    if uncertain is None and ctx.uncertain is not None:
        uncertain = sorted(ctx.uncertain)
    points = matrix_points(priorities, uncertain)
    _, plot = priority_matrix(slide, chart, points, s, lang)
    obstacles = _quadrant_names(slide, plot, s, points, lang)
    placed, missed = place_labels(group_points(points), plot, s, obstacles)
    for label in placed:
        box = label.box
        if label.segment:
            x1, y1, x2, y2 = (int(v) for v in label.segment)
            _line(slide, x1, y1, x2, y2, dashed=False, colour="8C8C8C").name = "matrix leader"
        text_box(slide, Area(int(box.left), int(box.top), int(box.width), int(box.height)), list(label.lines),
                 largest=LABEL_SIZE, smallest=LABEL_SIZE, colour=GREY if label.group.quadrant != "concentrate-here"
                 else RGBColor(0, 0, 0), wrap=False, inset=LABEL_INSET, role="note", name="matrix label")
    _uncertain_centres(slide, plot, s, points)
    _estimate_rings(slide, plot, s, points)
    _matrix_side(slide, Area(area.right - side_w, area.top, side_w, area.height), ctx, missed, points)
    return slide


HOLE = 4.5
"""Diameter (pt) of the white centre that marks an uncertain point (its marker is 10 pt)."""


def _circle(slide: Any, plot: Area, scale: Any, p: MatrixPoint, diameter: float) -> Any:
    """A circle `diameter` pt across, centred on point `p` of the matrix."""
    x, y = to_slide(plot, scale, p.rating, p.importance)
    d = diameter * EMU_PER_PT
    return slide.shapes.add_shape(MSO_SHAPE.OVAL, Emu(int(x - d / 2)), Emu(int(y - d / 2)), Emu(int(d)), Emu(int(d)))


def _uncertain_centres(slide: Any, plot: Area, scale: Any, points: Sequence[MatrixPoint]) -> None:
    """A white dot in the middle of every uncertain point, so it reads as hollow. A shape over the
    chart rather than an unfilled marker: LibreOffice draws unfilled markers filled."""
    for p in points:
        if p.uncertain:
            dot = _circle(slide, plot, scale, p, HOLE)
            dot.fill.solid()
            dot.fill.fore_color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            dot.line.fill.background()
            dot.shadow.inherit = False
            dot.name = f"uncertain {p.id}"


RING = 17.0
"""Diameter (pt) of the dashed ring around a workshop estimate (its marker is 10 pt)."""


def _estimate_rings(slide: Any, plot: Area, scale: Any, points: Sequence[MatrixPoint]) -> None:
    """A dashed ring around every placement without survey answers (a workshop estimate) when other
    touchpoints have them: an estimate reads as less certain than a surveyed mean, and differently
    from a surveyed point whose interval crosses a threshold (the white centre)."""
    for p in points:
        if p.estimate:
            ring = _circle(slide, plot, scale, p, RING)
            ring.fill.background()
            ring.line.color.rgb = RGBColor(0x40, 0x40, 0x40)
            ring.line.width = Pt(1.25)
            ring.line.dash_style = MSO_LINE_DASH_STYLE.DASH
            ring.shadow.inherit = False
            ring.name = f"estimate {p.id}"


def _quadrant_names(slide: Any, plot: Area, scale: Any, points: Sequence[MatrixPoint], lang: Lang) -> list[Box]:
    """The quadrant names in the plot's corners, where they cover no point or line; their boxes."""
    lo, hi = scale.minimum, scale.maximum
    corners = {"concentrate-here": (lo, hi, 1, 1), "keep-up": (hi, hi, -1, 1), "low-priority": (lo, lo, 1, -1),
               "possible-overkill": (hi, lo, -1, -1)}
    marks = [to_slide(plot, scale, p.rating, p.importance) for p in points]
    xt, _ = to_slide(plot, scale, scale.rating_threshold, lo)
    _, yt = to_slide(plot, scale, lo, scale.importance_threshold)
    lines = [Box(xt - 3 * EMU_PER_PT, plot.top, 6 * EMU_PER_PT, plot.height),
             Box(plot.left, yt - 3 * EMU_PER_PT, plot.width, 6 * EMU_PER_PT)]
    # A name keeps a label's height clear of every point, so the point's own label still finds room
    # beside it; where no corner spot allows that, 3 pt.
    _, label_h = label_box_size(["G00"])
    clear = [[Box(x - half, y - half, 2 * half, 2 * half) for x, y in marks]
             for half in (MARKER_SIZE / 2 * EMU_PER_PT + label_h, (MARKER_SIZE / 2 + 3) * EMU_PER_PT)]
    bounds = Box(plot.left, plot.top, plot.width, plot.height)
    boxes: list[Box] = []
    for code, (r, i, sx, sy) in corners.items():
        text = words.QUADRANT[code].in_(lang)
        w, h = label_box_size([text], 12 * 1.1)
        x0, y0 = to_slide(plot, scale, r, i)
        spots = [(x0 + (4 * EMU_PER_PT if sx > 0 else -w - 4 * EMU_PER_PT) + sx * across * w / 3,
                  y0 + (4 * EMU_PER_PT if sy > 0 else -h - 4 * EMU_PER_PT) + sy * down * h)
                 for down in range(6) for across in range(4)]
        box = next((Box(x, y, w, h) for taken in clear for x, y in spots
                    if Box(x, y, w, h).inside(bounds)
                    and not any(Box(x, y, w, h).overlaps(t) for t in [*taken, *lines, *boxes])), None)
        if box is not None:
            text_box(slide, Area(int(box.left), int(box.top), int(w), int(h)), [(text, {"bold": True})], largest=12,
                     smallest=12, colour=RGBColor.from_string(QUADRANT_COLOURS[code]) if code != "low-priority" else GREY,
                     wrap=False, inset=LABEL_INSET, role="note", name="quadrant name")
            boxes.append(box)
    return boxes


def _matrix_side(slide: Any, area: Area, ctx: DeckContext, missed: list[Group], points: Sequence[MatrixPoint]) -> None:
    """Beside the matrix: the 'concentrate here' touchpoints by name, the points not labelled in
    the chart, and what the markers and lines mean."""
    lang, story, s = ctx.lang, ctx.story, ctx.priorities.scale
    paragraphs: list[tuple[str, dict[str, Any]]] = [
        (f"{words.MATRIX_NAMED.in_(lang)} ({len(story.concentrate)})", {"bold": True})]
    names = [f"{p.id}{words.MOT_MARK if p.moment_of_truth else ''} {p.touchpoint or ''}".strip()
             + story.doubt(p, lang, short=True) for p in story.concentrate] or [words.NONE.in_(lang)]
    others = list(missed)
    rest: list[tuple[str, dict[str, Any]]] = []
    if others:
        rest.append((words.MATRIX_OTHERS.in_(lang) + ":", {"bold": True}))
        for code in QUADRANT_ORDER:
            ids = [p.id for g in others if g.quadrant == code for p in g.points]
            if len(ids) > LISTED_IDS:
                rest.append((words.MATRIX_MANY.in_(lang).format(quadrant=words.QUADRANT[code].in_(lang), n=len(ids)), {}))
            elif ids:
                rest.append((f"{words.QUADRANT[code].in_(lang)}: {', '.join(ids)}", {}))
    unrated = [p.id for p in ctx.priorities.touchpoints if p.importance is None or p.rating is None]
    if len(unrated) > LISTED_IDS:
        rest.append((words.UNRATED_MANY.in_(lang).format(n=len(unrated)), {}))
    elif unrated:
        rest.append((words.UNRATED_NOTE.in_(lang).format(ids=", ".join(unrated)), {}))
    key = [(words.LEGEND_MOT.in_(lang), {}),
           (words.LEGEND_LINES.in_(lang).format(importance=plain(s.importance_threshold, lang),
                                                rating=plain(s.rating_threshold, lang)), {})]
    if any(p.uncertain for p in points):
        key.append((words.LEGEND_UNCERTAIN.in_(lang), {}))
    if any(p.estimate for p in points):
        key.append((words.LEGEND_ESTIMATE.in_(lang), {}))
    # The key in small print at the foot (a note), the names above it at the size of prose, as many
    # as fit, the rest counted.
    key_texts = [t for t, _ in key]
    key_h = int(((text_height(key_texts, area.width, KEY_SIZE) or KEY_SIZE * 1.2 * len(key) * 2) + 10) * EMU_PER_PT)
    body_area = Area(area.left, area.top, area.width, area.height - key_h - int(Inches(0.1)))
    shown = list(names)
    more = words.STORY["more"]
    while True:
        body = [*paragraphs, *((n, {}) for n in shown), *rest]
        if fits([t for t, _ in body], body_area.width, body_area.height, BODY, bold=False) or len(shown) <= 1:
            break
        shown = [*shown[:-2], more.in_(lang).format(n=len(names) - len(shown) + 2)] if len(shown) > 2 else shown[:1]
    text_box(slide, body_area, body, largest=16, name="matrix names")
    text_box(slide, Area(area.left, area.bottom - key_h, area.width, key_h), key, largest=KEY_SIZE, smallest=KEY_SIZE,
             colour=GREY, role="note", name="matrix key", anchor=MSO_ANCHOR.BOTTOM)


KEY_SIZE = 11.0
"""A key's size (pt): a note, set small beside what it explains."""


def _cell_lines(steps: list[BlueprintStep]) -> list[str]:
    lines = []
    for s in steps:
        extra = " · ".join(x for x in (s.department, s.system) if x)
        lines.append(f"• {s.activity or ''}" + (f" ({extra})" if extra else ""))
    return lines


BAND = int(Inches(0.26))
"""The band between two lanes where a blueprint line and its name run, clear of the cells."""
LABEL_W = int(Inches(1.6))


PACKED_SIZE = 12.0
"""Small phases share a blueprint slide only when every cell still reads at this size (pt)."""
MOST_COLUMNS = 6
"""The most touchpoints one blueprint slide holds."""


def _blueprint_chunks(journey: Journey, lanes: dict[str, dict[str, list[BlueprintStep]]],
                      area: Area) -> list[tuple[list[str], list[Touchpoint]]]:
    """The blueprint's slides: (the phases, their touchpoints). A phase too big for one slide is
    split into groups small enough that every lane's text fits at the floor size; consecutive whole
    phases share a slide while every cell fits at PACKED_SIZE (a slide for one small phase and its
    empty half is backup that does not earn its place)."""
    per_phase = []
    for col in _columns(journey):
        todo = [t for t in col.touchpoints if any(_cells(t, lanes).values())]  # nothing to draw: no column
        parts = []
        while todo:
            for size in range(min(MOST_COLUMNS, len(todo)), 0, -1):
                group = todo[:size]
                if size == 1 or _fits_at(group, lanes, area, TABLE):
                    break
            parts.append(group)
            todo = todo[size:]
        if len(parts) > 1:  # shared evenly when every share fits: 2 and 2, not 3 and 1
            every = [t for part in parts for t in part]
            step = -(-len(every) // len(parts))
            even = [every[k:k + step] for k in range(0, len(every), step)]
            if len(even) == len(parts) and all(len(g) == 1 or _fits_at(g, lanes, area, TABLE) for g in even):
                parts = even
        if parts:
            per_phase.append((col.name, parts))
    chunks: list[tuple[list[str], list[Touchpoint]]] = []
    open_whole = False  # the last chunk is whole phases that another may join
    for name, parts in per_phase:
        whole = len(parts) == 1
        if whole and open_whole and chunks:
            names, group = chunks[-1]
            merged = group + parts[0]
            if len(merged) <= MOST_COLUMNS and _fits_at(merged, lanes, area, PACKED_SIZE, packed=True):
                chunks[-1] = ([*names, name], merged)
                continue
        chunks += [([name], part) for part in parts]
        open_whole = whole
    return chunks


def _fits_at(group: list[Touchpoint], lanes: dict[str, dict[str, list[BlueprintStep]]], area: Area, size: float,
             packed: bool = False) -> bool:
    geometry = _geometry(area, group, _drawn_lanes(group, lanes), packed)
    heads_fit = all(fits([h], geometry.col_w - GAP, int(Inches(1.2)), TABLE, bold=True) for h in geometry.heads)
    return heads_fit and all(fits(lines, geometry.col_w - GAP, geometry.row_h - GAP, size)
                             for t in group for lines in _cells(t, lanes).values() if lines)


def _drawn_lanes(group: list[Touchpoint], lanes: dict[str, dict[str, list[BlueprintStep]]]) -> list[int]:
    """The lanes (indexes into words.LANES) that hold something for `group`: an empty lane is not
    drawn (all of them when every one is empty)."""
    cells = [_cells(t, lanes) for t in group]
    drawn = [k for k, (lane, _) in enumerate(words.LANES) if any(c[lane] for c in cells)]
    return drawn or list(range(len(words.LANES)))


LINE_BELOW = {1: "interaction", 2: "visibility", 3: "internal"}
"""The blueprint line under a lane (its index in words.LANES), after Bitner, Ostrom & Morgan (2008):
interaction under the customer's actions, visibility under the frontstage, internal interaction
under the backstage."""


def _line_between(above: int, below: int) -> str | None:
    """The line drawn between two drawn lanes: the one between them, the line of visibility when a
    skipped lane leaves more than one."""
    keys = [LINE_BELOW[k] for k in range(above, below) if k in LINE_BELOW]
    if not keys:
        return None
    return "visibility" if "visibility" in keys else keys[0]


@dataclass(frozen=True)
class _Geometry:
    heads: list[str]
    col_w: int
    head_size: float
    head_h: int
    row_h: int


def _geometry(area: Area, group: list[Touchpoint], drawn: list[int] | None = None, packed: bool = False) -> _Geometry:
    """The blueprint's columns, header and lane heights for `group` on `area`, with the lanes
    `drawn` (all by default); `packed` (phases sharing the slide) heads each column with its phase."""
    drawn = list(range(len(words.LANES))) if drawn is None else drawn
    col_w = (area.width - LABEL_W) // len(group)
    heads = [(f"{tp.phase} · " if packed and tp.phase else "")
             + f"{words.MOT_MARK + ' ' if tp.moment_of_truth else ''}{tp.id} {tp.name or ''}".strip() for tp in group]
    head_size = min(fitting_size([h], col_w - GAP, int(Inches(1.2)), 14, TABLE, bold=True) for h in heads)
    head_h = max(int(Inches(0.45)), max(int(((text_height([h], col_w - GAP, head_size, True) or 0) + 8) * EMU_PER_PT)
                                        for h in heads))
    bands = sum(_line_between(a, b) is not None for a, b in pairwise(drawn))
    row_h = (area.height - head_h - GAP - bands * BAND) // len(drawn)
    return _Geometry(heads, col_w, head_size, head_h, row_h)


def _cells(tp: Touchpoint, lanes: dict[str, dict[str, list[BlueprintStep]]]) -> dict[str, list[str]]:
    """The text of `tp`'s cell in each lane."""
    return {lane: ([tp.customer_action] if tp.customer_action else []) if lane == "customer"
            else _cell_lines(lanes[normalise_name(tp.id)].get(lane, [])) for lane, _ in words.LANES}


def blueprint_slides(ctx: DeckContext) -> list[Any]:
    """Swimlanes per phase (continued on a further slide when a phase does not fit)."""
    frame, journey, lang = ctx.frame, ctx.journey, ctx.lang
    if not journey.blueprint:
        return []
    lanes: dict[str, dict[str, list[BlueprintStep]]] = {normalise_name(t.id): {} for t in journey.touchpoints}
    for step in journey.blueprint:
        if step.lane and normalise_name(step.touchpoint_id) in lanes:
            lanes[normalise_name(step.touchpoint_id)].setdefault(step.lane, []).append(step)
    area0 = frame.probe_area()
    chunks = _blueprint_chunks(journey, lanes, area0)
    counts: dict[str, int] = {}
    for names, _ in chunks:
        counts[names[0]] = counts.get(names[0], 0) + 1
    seen: dict[str, int] = {}
    slides = []
    for names, group in chunks:
        name = names[0]
        seen[name] = seen.get(name, 0) + 1
        title = words.BLUEPRINT_TITLE.in_(lang).format(phase=series(names, lang))
        if counts[name] > 1:
            title += f" {words.PAGE.in_(lang).format(page=seen[name], pages=counts[name])}"
        steps = [st for t in group for lane in lanes[normalise_name(t.id)].values() for st in lane]
        departments = sorted({st.department for st in steps if st.department})
        systems = sorted({st.system for st in steps if st.system})
        bare = [t.id for t in group if not lanes[normalise_name(t.id)].get("backstage")]
        found = words.BLUEPRINT_FINDINGS.in_(lang).format(
            departments=", ".join(departments) or words.NONE.in_(lang), systems=", ".join(systems) or words.NONE.in_(lang),
            bare=", ".join(bare) or words.NONE.in_(lang))
        slide = frame.add(frame.content_layout, title, found + words.NOTES["blueprint"].in_(lang))
        frame.clear(slide)
        slides.append(slide)
        _draw_blueprint(slide, frame.content_area(slide), group, lanes, lang, packed=len(names) > 1)
    return slides


def _draw_blueprint(slide: Any, area: Area, group: list[Touchpoint],
                    lanes: dict[str, dict[str, list[BlueprintStep]]], lang: Lang, packed: bool = False) -> None:
    drawn = _drawn_lanes(group, lanes)
    g = _geometry(area, group, drawn, packed)
    heads, col_w, head_size, head_h, row_h = g.heads, g.col_w, g.head_size, g.head_h, g.row_h
    cells = {c: _cells(tp, lanes) for c, tp in enumerate(group)}
    size = min((fitting_size(lines, col_w - GAP, row_h - GAP, 14, TABLE) for c in cells
                for lines in cells[c].values() if lines), default=TABLE)
    label_size = min(fitting_size([words.LANES[k][1].in_(lang)], LABEL_W - GAP, row_h - GAP, 14, TABLE, bold=True)
                     for k in drawn)
    for c, head in enumerate(heads):
        left = area.left + LABEL_W + c * col_w
        text_box(slide, Area(left, area.top, col_w - GAP, head_h), [(head, {"bold": True})], largest=head_size,
                 smallest=head_size, theme_fill=MSO_THEME_COLOR.ACCENT_1, anchor=MSO_ANCHOR.MIDDLE,
                 align=PP_ALIGN.CENTER, role="grid", name="blueprint column")
    y = area.top + head_h + GAP
    for r, k in enumerate(drawn):
        lane, label = words.LANES[k]
        text_box(slide, Area(area.left, y, LABEL_W - GAP, row_h - GAP), [(label.in_(lang), {"bold": True})],
                 largest=label_size, smallest=label_size, fill="D9E2F3" if lane in ("physical-evidence", "customer", "frontstage")
                 else "E2EFDA", anchor=MSO_ANCHOR.MIDDLE, role="grid", name="lane")
        for c in range(len(group)):
            lines = cells[c][lane]
            if lines:
                left = area.left + LABEL_W + c * col_w
                text_box(slide, Area(left, y, col_w - GAP, row_h - GAP), lines, largest=size, smallest=size,
                         fill="F7F7F7", role="grid", name="blueprint cell")
        y += row_h
        key = _line_between(k, drawn[r + 1]) if r + 1 < len(drawn) else None
        if key is not None:
            mid = y + BAND // 2 - GAP // 2
            name = words.LINES[key].in_(lang)
            name_w = int((text_width(name, FLOOR) + 14) * EMU_PER_PT)
            _line(slide, area.left, mid, area.right - name_w, mid, colour="595959" if key == "visibility" else "A6A6A6")
            text_box(slide, Area(area.right - name_w, y - GAP // 2, name_w, BAND), [name], largest=FLOOR,
                     smallest=FLOOR, colour=GREY, anchor=MSO_ANCHOR.MIDDLE, align=PP_ALIGN.RIGHT, role="note",
                     name="blueprint line")
            y += BAND

"""Slides that draw the journey: the overview with the emotion curve, the priority matrix
and the service blueprint."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE, MSO_THEME_COLOR
from pptx.enum.shapes import MSO_CONNECTOR
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from ..model import BlueprintStep, Journey, Touchpoint
from ..ranking import Priorities
from ..text import Lang, normalise_name
from . import words
from .charts import EMOTION_HEIGHT, EMOTION_TOP, emotion_curve, priority_matrix
from .frame import Area, Frame
from .shapes import GREY, clip, fits, fitting_size, text_box

GAP = int(Inches(0.06))
MIN_COLUMN = int(Inches(1.15))


@dataclass
class _Column:
    name: str
    touchpoints: list[Touchpoint]
    start: float
    weight: float


def _columns(journey: Journey, width: int | None = None) -> list[_Column]:
    """The phases in order, each with its touchpoints and a width weight: its number of
    touchpoints, but never so little that the column is narrower than MIN_COLUMN."""
    by_phase: dict[str, list[Touchpoint]] = {normalise_name(p.name): [] for p in journey.phases}
    for tp in journey.touchpoints:
        by_phase.setdefault(normalise_name(tp.phase or ""), []).append(tp)
    names = {normalise_name(p.name): p.name for p in journey.phases}
    groups = [(names.get(key, key or "–"), tps) for key, tps in by_phase.items() if key in names or tps]
    least = 2.0
    if width:
        # the smallest weight that gives every column MIN_COLUMN: least * width / total >= MIN_COLUMN
        while least * width < MIN_COLUMN * sum(max(len(t), least) for _, t in groups) and least < 1000:
            least += 0.5
    columns, start = [], 0.0
    for name, tps in groups:
        weight = max(len(tps), least)
        columns.append(_Column(name, tps, start, weight))
        start += weight
    return columns


def _line(slide: Any, x1: int, y1: int, x2: int, y2: int, dashed: bool = True, colour: str = "A6A6A6") -> Any:
    line = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Emu(x1), Emu(y1), Emu(x2), Emu(y2))
    line.line.color.rgb = RGBColor.from_string(colour)
    line.line.width = Pt(1)
    if dashed:
        line.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    return line


def overview_slide(frame: Frame, journey: Journey, priorities: Priorities, lang: Lang) -> Any:
    slide = frame.add(frame.content_layout, words.OVERVIEW_TITLE.in_(lang), words.NOTES["overview"].in_(lang))
    frame.clear(slide)
    area = frame.content_area(slide)
    gutter = int(Inches(0.75))
    inner = Area(area.left + gutter, area.top, area.width - gutter, area.height)
    columns = _columns(journey, inner.width)
    total = sum(c.weight for c in columns) or 1
    unit = inner.width / total
    head_h = int(Inches(0.55))
    chart_h = int(area.height * 0.4)
    list_top = inner.top + head_h + GAP
    list_h = inner.bottom - chart_h - list_top - GAP
    emotions = {p.id: p.emotion for p in priorities.touchpoints}
    points: list[tuple[float, float, str, bool]] = []
    for col in columns:
        left = inner.left + int(col.start * unit)
        width = int(col.weight * unit) - GAP
        text_box(slide, Area(left, inner.top, width, head_h), [(col.name, {"bold": True})], largest=14, smallest=7,
                 theme_fill=MSO_THEME_COLOR.ACCENT_1, anchor=MSO_ANCHOR.MIDDLE, align=PP_ALIGN.CENTER)
        lines = [f"{words.MOT_MARK + ' ' if t.moment_of_truth else ''}{t.id} {clip(t.name, 60)}"
                 + (f" ({t.channel})" if t.channel else "") for t in col.touchpoints]
        shown = lines or [words.NO_TOUCHPOINTS.in_(lang)]
        while len(shown) > 1 and not fits(shown, width, list_h, 7, whole_words=False):
            hidden = len(lines) - len(shown) + 2
            shown = [*lines[: len(shown) - 2], words.MORE.in_(lang).format(n=hidden)]
        text_box(slide, Area(left, list_top, width, list_h), shown, largest=11, smallest=6.5, fill="F2F2F2")
        step = col.weight / max(len(col.touchpoints), 1)
        for k, t in enumerate(col.touchpoints):
            emotion = emotions.get(t.id)
            if emotion is not None:
                points.append((col.start + (k + 0.5) * step, emotion, t.id, t.moment_of_truth))
        if col.start > 0:
            _line(slide, left - GAP // 2, inner.top, left - GAP // 2, inner.bottom, colour="D9D9D9")
    chart_area = Area(inner.left, inner.bottom - chart_h, inner.width, chart_h)
    if points:
        emotion_curve(slide, chart_area, points, total, lang)
    plot_top = chart_area.top + int(chart_area.height * EMOTION_TOP)
    plot_h = int(chart_area.height * EMOTION_HEIGHT)
    label_h = int(Inches(0.3))
    for value, frac in (("+2", 0.0), ("0", 0.5), ("−2", 1.0)):
        y = plot_top + int(plot_h * frac) - label_h // 2
        text_box(slide, Area(area.left, y, gutter - GAP, label_h), [value], largest=9, colour=GREY,
                 anchor=MSO_ANCHOR.MIDDLE)
    text_box(slide, Area(area.left, plot_top + plot_h // 4, gutter - GAP, label_h),
             [(words.EMOTION_SERIES.in_(lang), {"bold": True})], largest=9, colour=GREY)
    return slide


def matrix_slide(frame: Frame, priorities: Priorities, lang: Lang) -> Any:
    s = priorities.scale
    num = lambda x: (f"{x:g}".replace(".", ",") if lang == "nl" else f"{x:g}")  # noqa: E731
    notes = words.NOTES["matrix"].in_(lang).format(importance=num(s.importance_threshold),
                                                   rating=num(s.rating_threshold), scale=s.name)
    slide = frame.add(frame.content_layout, words.MATRIX_TITLE.in_(lang), notes)
    frame.clear(slide)
    area = frame.content_area(slide)
    unrated = [p.id for p in priorities.touchpoints if p.importance is None or p.rating is None]
    note_h = int(Inches(0.4)) if unrated else 0
    priority_matrix(slide, Area(area.left, area.top, area.width, area.height - note_h), priorities, lang)
    if unrated:
        text_box(slide, Area(area.left, area.bottom - note_h, area.width, note_h),
                 [words.UNRATED_NOTE.in_(lang).format(ids=", ".join(unrated))], largest=11, colour=GREY)
    return slide


def _cell_lines(steps: list[BlueprintStep]) -> list[str]:
    lines = []
    for s in steps:
        extra = " · ".join(x for x in (s.department, s.system) if x)
        lines.append(f"• {s.activity or ''}" + (f" ({extra})" if extra else ""))
    return lines


def _blueprint_chunks(journey: Journey, lanes: dict[str, dict[str, list[BlueprintStep]]],
                      area: Area) -> list[tuple[str, list[Touchpoint]]]:
    """Touchpoints per phase, in groups small enough that every lane's text fits at 8 pt."""
    chunks = []
    for col in _columns(journey):
        todo = list(col.touchpoints)
        while todo:
            for size in range(min(6, len(todo)), 0, -1):
                group = todo[:size]
                width = (area.width - int(Inches(1.5))) // size
                height = area.height // 7
                if size == 1 or all(fits(_cell_lines(lanes[normalise_name(t.id)].get(lane, [])), width, height, 8)
                                    for t in group for lane in lanes[normalise_name(t.id)]):
                    break
            chunks.append((col.name, group))
            todo = todo[size:]
    return chunks


def blueprint_slides(frame: Frame, journey: Journey, lang: Lang) -> list[Any]:
    """Swimlanes per phase (continued on a further slide when a phase does not fit)."""
    if not journey.blueprint:
        return []
    lanes: dict[str, dict[str, list[BlueprintStep]]] = {normalise_name(t.id): {} for t in journey.touchpoints}
    for step in journey.blueprint:
        if step.lane and normalise_name(step.touchpoint_id) in lanes:
            lanes[normalise_name(step.touchpoint_id)].setdefault(step.lane, []).append(step)
    probe = frame.prs.slides.add_slide(frame.content_layout)
    area0 = frame.content_area(probe)
    frame.drop_last()
    chunks = _blueprint_chunks(journey, lanes, area0)
    counts: dict[str, int] = {}
    for name, _ in chunks:
        counts[name] = counts.get(name, 0) + 1
    seen: dict[str, int] = {}
    slides = []
    for name, group in chunks:
        seen[name] = seen.get(name, 0) + 1
        title = words.BLUEPRINT_TITLE.in_(lang).format(phase=name)
        if counts[name] > 1:
            title += f" {words.PAGE.in_(lang).format(page=seen[name], pages=counts[name])}"
        slide = frame.add(frame.content_layout, title, words.NOTES["blueprint"].in_(lang))
        frame.clear(slide)
        slides.append(slide)
        _draw_blueprint(slide, frame.content_area(slide), group, lanes, lang)
    return slides


def _draw_blueprint(slide: Any, area: Area, group: list[Touchpoint],
                    lanes: dict[str, dict[str, list[BlueprintStep]]], lang: Lang) -> None:
    label_w = int(Inches(1.45))
    col_w = (area.width - label_w) // len(group)
    head_h = int(Inches(0.6))
    row_h = (area.height - head_h - 3 * GAP) // len(words.LANES)
    cells: dict[tuple[int, int], list[str]] = {}
    for c, tp in enumerate(group):
        for r, (lane, _) in enumerate(words.LANES):
            if lane == "customer":
                cells[(r, c)] = [tp.customer_action] if tp.customer_action else []
            else:
                cells[(r, c)] = _cell_lines(lanes[normalise_name(tp.id)].get(lane, []))
    size = min((fitting_size(lines, col_w - GAP, row_h - GAP, 11, 6) for lines in cells.values() if lines), default=11)
    for c, tp in enumerate(group):
        left = area.left + label_w + c * col_w
        text_box(slide, Area(left, area.top, col_w - GAP, head_h),
                 [(f"{words.MOT_MARK + ' ' if tp.moment_of_truth else ''}{tp.id} {clip(tp.name, 70)}", {"bold": True})],
                 largest=11, smallest=7, theme_fill=MSO_THEME_COLOR.ACCENT_1, anchor=MSO_ANCHOR.MIDDLE,
                 align=PP_ALIGN.CENTER)
    top = area.top + head_h + GAP
    for r, (lane, label) in enumerate(words.LANES):
        y = top + r * row_h
        text_box(slide, Area(area.left, y, label_w - GAP, row_h - GAP), [(label.in_(lang), {"bold": True})],
                 largest=11, smallest=7, fill="D9E2F3" if lane in ("physical-evidence", "customer", "frontstage")
                 else "E2EFDA", anchor=MSO_ANCHOR.MIDDLE)
        for c in range(len(group)):
            lines = cells[(r, c)]
            if lines:
                left = area.left + label_w + c * col_w
                text_box(slide, Area(left, y, col_w - GAP, row_h - GAP), lines, largest=size, smallest=size,
                         fill="F7F7F7")
    for after, key in ((1, "interaction"), (2, "visibility"), (3, "internal")):
        y = top + (after + 1) * row_h - GAP // 2
        _line(slide, area.left, y, area.right, y, colour="7F7F7F" if key == "visibility" else "BFBFBF")
        text_box(slide, Area(area.right - int(Inches(2.6)), y - int(Inches(0.2)), int(Inches(2.6)), int(Inches(0.2))),
                 [words.LINES[key].in_(lang)], largest=8, colour=GREY)

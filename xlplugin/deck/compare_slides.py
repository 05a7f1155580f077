"""The before/after of a redesign (`deck TO-BE --compare AS-IS`): both emotion curves in one
native chart, the changes in rating and gap score per touchpoint, and the touchpoints added
and removed."""

from __future__ import annotations

from typing import Any

from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches

from xlplugin.core.analysis.compare import Comparison
from xlplugin.core.model import Journey
from xlplugin.deck import words
from xlplugin.deck.charts import Curve, emotion_curve
from xlplugin.deck.context import DeckContext
from xlplugin.deck.frame import Area
from xlplugin.deck.journey_slides import GAP, emotion_levels, widest_word
from xlplugin.deck.measure import BODY, EMU_PER_PT, FLOOR, TABLE, fits, fitting_size, text_height, text_width
from xlplugin.deck.shapes import OKABE_ITO, text_box
from xlplugin.deck.slides import table_slides
from xlplugin.deck.story import number, series
from xlplugin.text import Lang, normalise_name


def _signed(value: float | None, lang: Lang) -> str:
    if value is None:
        return "–"
    text = f"{value:+.1f}".replace("-", "−")
    return text.replace(".", ",") if lang == "nl" else text


def _phases(before: Journey, after: Journey, renamed: dict[str, str] | None = None) -> list[str]:
    """The phases of both maps: the to-be's in order, an as-is phase it dropped after the phase
    that came before it in the as-is; a renamed phase once, under its new name."""
    renamed = renamed or {}
    names = [p.name for p in after.phases]
    keys = [normalise_name(n) for n in names]
    previous = None
    for p in before.phases:
        key = renamed.get(normalise_name(p.name), normalise_name(p.name))
        if key not in keys:
            at = keys.index(previous) + 1 if previous in keys else len(keys)
            keys.insert(at, key)
            names.insert(at, p.name)
        previous = key
    return names


def _points(journey: Journey, emotions: dict[str, float | None], phases: list[str],
            renamed: dict[str, str] | None = None, spans: list[tuple[float, float]] | None = None,
            ) -> list[tuple[float, float, str, bool]]:
    """The curve's points: each phase's touchpoints spread over its span (start, width) of the x
    axis, one unit per phase unless `spans` says otherwise."""
    spans = spans or [(float(i), 1.0) for i in range(len(phases))]
    index = {normalise_name(n): i for i, n in enumerate(phases)}
    renamed = renamed or {}
    by_phase: dict[int, list[Any]] = {}
    for tp in journey.touchpoints:
        key = normalise_name(tp.phase or "")
        by_phase.setdefault(index.get(renamed.get(key, key), len(phases) - 1), []).append(tp)
    points = []
    for i, tps in sorted(by_phase.items()):
        for k, tp in enumerate(tps):
            emotion = emotions.get(tp.id)
            if emotion is not None:
                start, span = spans[i]
                points.append((start + span * (k + 0.5) / len(tps), emotion, tp.id, tp.moment_of_truth))
    return points


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def compare_slides(ctx: DeckContext) -> list[Any]:
    comparison: Comparison = ctx.comparison
    before, after, lang = ctx.before, ctx.journey, ctx.lang
    assert before is not None
    return [_curves_slide(ctx, comparison, before, after, lang), *_changes_slides(ctx, comparison, lang),
            *_added_removed_slide(ctx, comparison, lang)]


def _emotions(ctx: DeckContext, before: Journey) -> tuple[dict[str, float | None], dict[str, float | None]]:
    from xlplugin.core.analysis.ranking import rank_gaps

    return ({p.id: p.emotion for p in rank_gaps(before).touchpoints},
            {p.id: p.emotion for p in ctx.priorities.touchpoints})


def compare_summary(ctx: DeckContext) -> str:
    """One sentence for the summary slide: the before/after in brief."""
    comparison: Comparison = ctx.comparison
    assert ctx.before is not None
    was, now = _emotions(ctx, ctx.before)
    a = _mean([e for e in was.values() if e is not None])
    b = _mean([e for e in now.values() if e is not None])
    up = sum(1 for c in comparison.changed if (c.delta("rating") or 0) > 0)
    return words.COMPARE["summary"].in_(ctx.lang).format(
        a=_signed(a, ctx.lang), b=_signed(b, ctx.lang), up=up, n=len(comparison.changed),
        added=len(comparison.added), removed=len(comparison.removed))


def _phase_widths(phases: list[str], width: int) -> list[int]:
    """Each phase's width (EMU) over the curve: an equal share, but wide enough for the longest word
    of its name at TABLE, taken from the phases with room to spare."""
    n = max(len(phases), 1)
    least = [widest_word([p], TABLE, bold=True) + GAP for p in phases]
    out = [max(width / n, w) for w in least]
    over = sum(out) - width
    spare = sum(w - m for w, m in zip(out, least, strict=True) if w > m)
    if over > 0 and spare > 0:
        out = [w - over * (w - m) / spare if w > m else w for w, m in zip(out, least, strict=True)]
    ints = [int(w) for w in out]
    return ints if sum(ints) <= width else [width // n] * len(phases)


def _curves_slide(ctx: DeckContext, comparison: Comparison, before: Journey, after: Journey, lang: Lang) -> Any:
    frame = ctx.frame
    was, now = _emotions(ctx, before)
    a = _mean([e for e in was.values() if e is not None])
    b = _mean([e for e in now.values() if e is not None])
    key = "curve-same" if a is None or b is None or abs(b - a) < 0.05 else "curve-up" if b > a else "curve-down"
    title = words.COMPARE[key].in_(lang).format(a=_signed(a, lang), b=_signed(b, lang))
    notes = f"{title}. " + words.COMPARE["curve-notes"].in_(lang)
    slide = frame.add(frame.content_layout, title, notes)
    frame.clear(slide)
    area = frame.content_area(slide)
    renamed = {normalise_name(a): normalise_name(b) for a, b in comparison.phases_renamed}
    phases = _phases(before, after, renamed)
    gutter = max(int((text_width(w.in_(lang), FLOOR) + 16) * EMU_PER_PT) for w in words.EMOTION_WORDS)
    inner = Area(area.left + gutter, area.top, area.width - gutter, area.height)
    widths = _phase_widths(phases, inner.width)
    head_size = min((fitting_size([p], w - GAP, int(Inches(0.7)), 14, TABLE, bold=True)
                     for p, w in zip(phases, widths, strict=True)), default=14)
    head_h = max([int(Inches(0.7))] + [int(((text_height([p], w - GAP, head_size, True) or 0) + 8) * EMU_PER_PT)
                                       for p, w in zip(phases, widths, strict=True)])
    unit = inner.width / max(len(phases), 1)
    spans = [(sum(widths[:i]) / unit, w / unit) for i, w in enumerate(widths)]
    for i, (name, w) in enumerate(zip(phases, widths, strict=True)):
        text_box(slide, Area(inner.left + sum(widths[:i]), inner.top, w - GAP, head_h), [(name, {"bold": True})],
                 largest=head_size, smallest=head_size, theme_fill=MSO_THEME_COLOR.ACCENT_1, anchor=MSO_ANCHOR.MIDDLE,
                 align=PP_ALIGN.CENTER, role="grid", name="phase")
    chart = Area(inner.left, inner.top + head_h + GAP, sum(widths), inner.height - head_h - GAP)
    curves = [Curve(words.COMPARE["as-is"].in_(lang), _points(before, was, phases, renamed, spans), OKABE_ITO["grey"],
                    dashed=True,
                    marks=False),
              Curve(words.COMPARE["to-be"].in_(lang), _points(after, now, phases, spans=spans), OKABE_ITO["blue"])]
    emotion_curve(slide, chart, curves, len(phases), lang, legend=True)
    emotion_levels(slide, Area(area.left, chart.top, gutter - GAP, chart.height), lang)
    return slide


def _changes_slides(ctx: DeckContext, comparison: Comparison, lang: Lang) -> list[Any]:
    def arrow(a: float | None, b: float | None, d: float | None) -> str:
        return f"{number(a, lang)} → {number(b, lang)} ({_signed(d, lang)})"

    rows = []
    # the big movers first (either way), then journey order
    ranked = sorted(comparison.changed, key=lambda c: -abs(c.delta("gap") or 0))
    for c in ranked:
        qa, qb = c.before.quadrant, c.after.quadrant
        quadrant = words.QUADRANT[qb].in_(lang) if qa == qb else \
            f"{words.QUADRANT[qa].in_(lang)} → {words.QUADRANT[qb].in_(lang)}"
        rows.append([f"{c.id} {c.after.touchpoint or ''}".strip(), arrow(c.before.rating, c.after.rating, c.delta("rating")),
                     arrow(c.before.gap, c.after.gap, c.delta("gap")), quadrant])
    up = sum(1 for c in comparison.changed if (c.delta("rating") or 0) > 0)
    n = len(comparison.changed)
    title = words.COMPARE["changes/1" if up == 1 else "changes"].in_(lang).format(up=up, n=n)
    down = [f"{c.id} {c.after.touchpoint or ''}".strip() for c in comparison.changed if (c.delta("rating") or 0) < 0]
    mixed = sum(1 for c in comparison.changed if c.before.source != c.after.source)
    notes = f"{title}. " + (words.COMPARE["down"].in_(lang).format(names=series(down, lang)) if down else "") \
        + words.COMPARE["changes-notes"].in_(lang) \
        + (words.COMPARE["sources"].in_(lang).format(n=mixed) if mixed else "")
    headers = [h.in_(lang) for h in words.COMPARE_HEADERS]
    return table_slides(ctx.frame, title, notes, headers, rows, (4.4, 2.6, 2.9, 3.6),
                        empty=words.COMPARE["no-common"].in_(lang))


def _added_removed_slide(ctx: DeckContext, comparison: Comparison, lang: Lang) -> list[Any]:
    added, removed = comparison.added, comparison.removed
    if not added and not removed:
        return []
    frame = ctx.frame
    key = "added-removed/1" if len(added) == 1 else "added-removed"
    title = words.COMPARE[key].in_(lang).format(a=len(added), r=len(removed))
    lines = {key: [f"{p.id} {p.touchpoint or ''} ({p.phase or '–'})" for p in items]
             for key, items in (("added", added), ("removed", removed))}
    notes = f"{title}. " + "; ".join(f"{words.COMPARE[k].in_(lang)}: {', '.join(v) or words.NONE.in_(lang)}"
                                     for k, v in lines.items())
    slide = frame.add(frame.content_layout, title, notes)
    frame.clear(slide)
    area = frame.content_area(slide)
    gap = int(Inches(0.3))
    half = (area.width - gap) // 2
    for i, key in enumerate(("added", "removed")):
        left = area.left + i * (half + gap)
        text_box(slide, Area(left, area.top, half, int(Inches(0.5))),
                 [(f"{words.COMPARE[key].in_(lang)} ({len(lines[key])})", {"bold": True})], largest=18, smallest=18,
                 theme_fill=MSO_THEME_COLOR.ACCENT_1)
        body = Area(left, area.top + int(Inches(0.6)), half, area.height - int(Inches(0.6)))
        items = [f"• {t}" for t in lines[key]] or [words.NONE.in_(lang)]
        shown = items
        while len(shown) > 1 and not fits(shown, body.width, body.height, BODY):  # the notes and the appendix have all
            kept = len(shown) - 2 if shown is not items else len(shown) - 1
            shown = [*items[:kept], words.MORE.in_(lang).format(n=len(items) - kept)]
        text_box(slide, body, shown, largest=16, name=key)
    return [slide]

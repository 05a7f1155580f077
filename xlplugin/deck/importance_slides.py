"""Stated against derived importance: with an Overall column on the Responses sheet, a
native bar chart of what customers say matters beside what moves their overall rating,
so management sees which touchpoints drive overall satisfaction (Bacon 2003)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.util import Emu, Inches, Pt

from xlplugin.core.analysis.ranking import Priorities, Priority, derived_on_scale
from xlplugin.deck.frame import Area, Frame
from xlplugin.deck.progress_slides import join_ids, number
from xlplugin.deck.shapes import text_box
from xlplugin.deck.words import PAGE
from xlplugin.text import Lang, Text

PER_SLIDE = 16
STATED, DERIVED = "BFBFBF", "0072B2"
DISAGREE = 0.25
"""Stated and derived importance disagree when they lie this share of the scale apart."""

TITLE_DRIVERS = Text("{top} are most closely tied to the overall rating",
                     "{top} hangen het sterkst samen met het totaaloordeel")
TITLE_DRIVER = Text("{top} is most closely tied to the overall rating",
                    "{top} hangt het sterkst samen met het totaaloordeel")
TITLE_NO_DRIVER = Text("No touchpoint is clearly tied to the overall rating",
                       "Geen contactmoment hangt duidelijk samen met het totaaloordeel")
TITLE_DISAGREE = Text("; {ids} weigh less than customers say", "; {ids} wegen minder zwaar dan klanten zeggen")
TITLE_DISAGREE_ONE = Text("; {ids} weighs less than customers say", "; {ids} weegt minder zwaar dan klanten zeggen")
STATED_NAME = Text("Stated importance", "Gesteld belang")
DERIVED_NAME = Text("Derived importance", "Afgeleid belang")
KEY = Text(
    "Grey: how important customers say the touchpoint is (mean stated importance). Blue: how strongly its rating "
    "goes with the overall rating (derived importance; r with its 95 % interval). ? = uncertain: the interval "
    "crosses the importance threshold {threshold}. Scale {scale}; touchpoints with fewer than 10 answers are left out.",
    "Grijs: hoe belangrijk klanten het contactmoment noemen (gemiddeld gesteld belang). Blauw: hoe sterk de "
    "waardering samenhangt met het totaaloordeel (afgeleid belang; r met 95%-interval). ? = onzeker: het interval "
    "ligt over de drempel belang {threshold}. Schaal {scale}; contactmomenten met minder dan 10 antwoorden ontbreken.",
)
NOTES = Text(
    "How to read: what customers say is important (grey) is not always what moves their overall satisfaction "
    "(blue). A touchpoint with a long blue bar drives the overall rating: improving it moves the judgement of the "
    "whole journey. A long grey bar with a short blue one is a hygiene factor or a touchpoint people praise in "
    "words only. The ranking can use either: Importance source on the Journey sheet. Derived importance on the "
    "scale is min + (max − min) × r, where r is the correlation of the touchpoint's rating with the overall "
    "rating; its 95 % interval comes from Fisher's z.",
    "Zo lees je dit: wat klanten belangrijk noemen (grijs) is niet altijd wat hun totaaloordeel beweegt (blauw). "
    "Een contactmoment met een lange blauwe balk stuurt het totaaloordeel: verbeteren verschuift het oordeel over "
    "de hele reis. Een lange grijze balk met een korte blauwe is een basisvoorwaarde of iets wat mensen alleen in "
    "woorden belangrijk vinden. De rangorde kan beide gebruiken: Bron belang op het blad Klantreis. Afgeleid "
    "belang op de schaal is min + (max − min) × r, met r de correlatie van de waardering met het totaaloordeel; "
    "het 95%-interval volgt uit Fisher-z.",
)


def _derived(p: Priority, priorities: Priorities) -> float:
    return derived_on_scale(p.derived.r, priorities.scale)  # type: ignore[union-attr,arg-type]


def importance_title(chosen: Sequence[Priority], priorities: Priorities, lang: Lang) -> str:
    """The finding: the two strongest drivers, and the touchpoints said to matter that do not drive:
    stated important, derived well under stated, and a correlation weaker than half of the
    touchpoints' (never one of the drivers just named)."""
    ranked = sorted(chosen, key=lambda p: -(p.derived.r or 0))  # type: ignore[union-attr]
    # a driver goes with the overall rating (r > 0) and stands out on the chart: the second is named
    # only when its bar is longer than the third's
    drivers = [p for p in ranked[:2] if (p.derived.r or 0) > 0]  # type: ignore[union-attr]
    if len(drivers) == 2 and len(ranked) > 2 and round(_derived(ranked[1], priorities), 2) <= round(
            _derived(ranked[2], priorities), 2):
        drivers = drivers[:1]
    if not drivers:
        title = TITLE_NO_DRIVER.in_(lang)
    else:
        title = (TITLE_DRIVERS if len(drivers) > 1 else TITLE_DRIVER).in_(lang).format(
            top=join_ids([p.id for p in drivers], lang))
    span = priorities.scale.maximum - priorities.scale.minimum
    rs = sorted(p.derived.r or 0 for p in ranked)  # type: ignore[union-attr]
    middle = (rs[(len(rs) - 1) // 2] + rs[len(rs) // 2]) / 2
    words_only = [p for p in ranked if p not in drivers and p.stated_importance is not None
                  and (p.derived.r or 0) < middle  # type: ignore[union-attr]
                  and p.stated_importance >= priorities.scale.importance_threshold
                  and p.stated_importance - _derived(p, priorities) >= DISAGREE * span]
    # the widest apart first: the clearest cases of words without weight
    words_only.sort(key=lambda p: (_derived(p, priorities) - (p.stated_importance or 0), p.id))
    if words_only:
        ids = [p.id for p in words_only[:3]]
        title += (TITLE_DISAGREE_ONE if len(ids) == 1 else TITLE_DISAGREE).in_(lang).format(ids=join_ids(ids, lang))
    return title


def importance_slides(frame: Frame, priorities: Priorities, lang: Lang) -> list[Any]:
    """The slide(s) of stated against derived importance, or none without an Overall column."""
    chosen = [p for p in priorities.touchpoints
              if p.derived is not None and p.derived.r is not None and p.stated_importance is not None]
    if len(chosen) < 2:
        return []
    chosen.sort(key=lambda p: -(p.derived.r or 0))  # type: ignore[union-attr]
    title = importance_title(chosen, priorities, lang)
    scale = priorities.scale
    threshold = number(scale.importance_threshold, lang, 1)
    slides = []
    pages = -(-len(chosen) // PER_SLIDE)
    per = -(-len(chosen) // pages)  # shared evenly: 20 bars as 10 and 10, not 16 and 4
    for start in range(0, len(chosen), per):
        shown = chosen[start:start + per]
        name = title + (f" {PAGE.in_(lang).format(page=start // per + 1, pages=pages)}" if pages > 1 else "")
        slide = frame.add(frame.content_layout, name, NOTES.in_(lang))
        frame.clear(slide)
        area = frame.content_area(slide)
        key_height = int(Inches(0.75))
        chart_area = Area(area.left, area.top, area.width, area.height - key_height)
        data = CategoryChartData()
        # Bars are drawn bottom up: reversed, the strongest driver stands on top.
        rows = list(reversed(shown))
        data.categories = [f"{p.id} {p.touchpoint or ''}".strip() for p in rows]
        data.add_series(STATED_NAME.in_(lang), [round(p.stated_importance or 0, 2) for p in rows], "0.0")
        data.add_series(DERIVED_NAME.in_(lang), [round(_derived(p, priorities), 2) for p in rows], "0.0")
        shape = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, Emu(chart_area.left), Emu(chart_area.top),
                                       Emu(chart_area.width), Emu(chart_area.height), data)
        chart = shape.chart
        chart.font.size = Pt(10)
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
        axis = chart.value_axis
        axis.minimum_scale, axis.maximum_scale = scale.minimum, scale.maximum
        axis.major_unit = 1 if scale.maximum - scale.minimum <= 5 else 2
        axis.has_major_gridlines = True
        axis.major_gridlines.format.line.color.rgb = RGBColor(0xE6, 0xE6, 0xE6)
        plot = chart.plots[0]
        plot.gap_width = 60
        for series, colour in zip(plot.series, (STATED, DERIVED), strict=True):
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = RGBColor.from_string(colour)
        derived = plot.series[1]
        for i, p in enumerate(rows):
            d = p.derived
            low, high = _derived_bounds(p, priorities)
            doubt = " ?" if low <= scale.importance_threshold <= high and low != high else ""
            label = derived.points[i].data_label
            label.has_text_frame = True
            label.text_frame.text = f"r {number(d.r, lang, 2)} ({number(d.low, lang, 2)} – {number(d.high, lang, 2)}){doubt}"  # type: ignore[union-attr]
            label.font.size = Pt(10)
            label.position = XL_LABEL_POSITION.OUTSIDE_END
        text_box(slide, Area(area.left, chart_area.bottom + int(Inches(0.05)), area.width, key_height - int(Inches(0.05))),
                 [KEY.in_(lang).format(threshold=threshold, scale=scale.name)], largest=11, smallest=10, role="note",
                 name="importance key")
        slides.append(slide)
    return slides


def _derived_bounds(p: Priority, priorities: Priorities) -> tuple[float, float]:
    d = p.derived
    return (derived_on_scale(d.low, priorities.scale), derived_on_scale(d.high, priorities.scale))  # type: ignore[union-attr,arg-type]

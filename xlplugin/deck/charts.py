"""The deck's native, editable charts: the emotion curve and the priority matrix."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx.chart.data import XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.util import Emu, Pt

from xlplugin.core.analysis.quadrants import Scale
from xlplugin.deck import words
from xlplugin.deck.frame import Area
from xlplugin.deck.matrix import MARKER_SIZE, MARKERS, QUADRANT_ORDER, MatrixPoint, plot_area, plot_fractions
from xlplugin.deck.shapes import OKABE_ITO, QUADRANT_COLOURS
from xlplugin.text import Lang

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def _fill_plot_area(chart: Any, top: float = 0.04, height: float = 0.78, left: float = 0.0, width: float = 1.0) -> None:
    """Make the plot area span the chart's full width, so category bands line up with
    shapes placed over them."""
    plot_area = chart._chartSpace.find(f"{{{C_NS}}}chart/{{{C_NS}}}plotArea")
    layout = plot_area.find(f"{{{C_NS}}}layout")
    if layout is None:
        layout = etree.Element(f"{{{C_NS}}}layout")
        plot_area.insert(0, layout)
    for child in list(layout):
        layout.remove(child)
    manual = etree.SubElement(layout, f"{{{C_NS}}}manualLayout")
    for tag, val in (("layoutTarget", "inner"), ("xMode", "edge"), ("yMode", "edge"), ("x", str(left)),
                     ("y", str(top)), ("w", str(width)), ("h", str(height))):
        etree.SubElement(manual, f"{{{C_NS}}}{tag}").set("val", val)


@dataclass(frozen=True)
class Curve:
    """One emotion curve: (x, emotion, label, moment of truth) points, drawn in `colour`."""

    name: str
    points: Sequence[tuple[float, float, str, bool]]
    colour: str = OKABE_ITO["blue"]
    dashed: bool = False
    marks: bool = True
    """Moments of truth get a vermillion diamond (a series of their own) and their ID as a label."""


def emotion_curve(slide: Any, area: Area, curves: Sequence[Curve], x_max: float, lang: Lang,
                  legend: bool = False) -> Any:
    """Emotion curves: smoothed XY lines, x from 0 to `x_max` spanning exactly the width of
    `area` (so each point sits under its phase), emotion from -2 to +2 (the words for the
    levels are written beside it by the caller, at EMOTION_TOP/EMOTION_HEIGHT)."""
    data = XyChartData()
    plan: list[tuple[str, Curve | None]] = []
    for curve in curves:
        series_data = data.add_series(curve.name)
        for x, y, _, _ in curve.points:
            series_data.add_data_point(x, y)
        plan.append(("line", curve))
    for curve in curves:
        moments = [(x, y) for x, y, _, moment in curve.points if moment]
        if curve.marks and moments:  # a series of their own: point-level marker colours are not drawn everywhere
            overlay = data.add_series(words.MOMENTS_OF_TRUTH.in_(lang))
            for x, y in moments:
                overlay.add_data_point(x, y)
            plan.append(("marks", curve))
    frame = slide.shapes.add_chart(XL_CHART_TYPE.XY_SCATTER_SMOOTH, Emu(area.left), Emu(area.top),
                                   Emu(area.width), Emu(area.height), data)
    chart = frame.chart
    chart.has_legend = legend
    if legend:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(12)
    chart.font.size = Pt(11)
    x_axis, y_axis = chart.category_axis, chart.value_axis
    x_axis.minimum_scale, x_axis.maximum_scale = 0, x_max
    x_axis.visible = False
    x_axis.has_major_gridlines = False
    y_axis.minimum_scale, y_axis.maximum_scale, y_axis.major_unit = -2, 2, 1
    y_axis.has_major_gridlines = True
    y_axis.major_gridlines.format.line.color.rgb = RGBColor(0xD9, 0xD9, 0xD9)
    y_axis.visible = False
    for series, (kind, curve) in zip(chart.plots[0].series, plan, strict=True):
        assert curve is not None
        if kind == "line":
            colour = RGBColor.from_string(curve.colour)
            series.smooth = True
            series.format.line.width = Pt(2.5)
            series.format.line.color.rgb = colour
            if curve.dashed:
                series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = 7
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = colour
            series.marker.format.line.color.rgb = colour
            labelled = [(i, label) for i, (_, _, label, moment) in enumerate(curve.points) if moment]
            if curve.marks and len(labelled) <= MOT_LABELS:
                for i, label in labelled:
                    point = series.points[i]
                    point.data_label.text_frame.text = label
                    point.data_label.position = XL_LABEL_POSITION.ABOVE
                    point.data_label.font.size = Pt(11)
        else:
            series.smooth = False
            series.format.line.fill.background()
            series.marker.style = XL_MARKER_STYLE.DIAMOND
            series.marker.size = 13
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = RGBColor.from_string(OKABE_ITO["vermillion"])
            series.marker.format.line.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    if legend:
        _hide_from_legend(chart, [i for i, (kind, _) in enumerate(plan) if kind == "marks"])
    _fill_plot_area(chart, EMOTION_TOP, EMOTION_HEIGHT)
    return frame


MOT_LABELS = 12
"""Moments of truth up to this many get their ID above the curve; more would collide."""
EMOTION_TOP, EMOTION_HEIGHT = 0.1, 0.8
"""Where the emotion curve's plot area sits in its frame (fractions), for labels beside it."""


MARKER_STYLES = {"diamond": XL_MARKER_STYLE.DIAMOND, "circle": XL_MARKER_STYLE.CIRCLE,
                 "triangle": XL_MARKER_STYLE.TRIANGLE, "square": XL_MARKER_STYLE.SQUARE}


def _hide_from_legend(chart: Any, indexes: Sequence[int]) -> None:
    """Leave the series at `indexes` out of the chart's legend (the threshold lines)."""
    legend = chart._chartSpace.find(f"{{{C_NS}}}chart/{{{C_NS}}}legend")
    pos = legend.find(f"{{{C_NS}}}legendPos")
    for n, idx in enumerate(indexes):
        entry = etree.Element(f"{{{C_NS}}}legendEntry")
        etree.SubElement(entry, f"{{{C_NS}}}idx").set("val", str(idx))
        etree.SubElement(entry, f"{{{C_NS}}}delete").set("val", "1")
        pos.addnext(entry) if n == 0 else legend.find(f"{{{C_NS}}}legendEntry").addnext(entry)


def priority_matrix(slide: Any, area: Area, points: Sequence[MatrixPoint], scale: Scale,
                    lang: Lang) -> tuple[Any, Area]:
    """A native XY scatter: rating across, importance up, one series per quadrant (its
    colour and marker shape; the matrix slide gives uncertain points a white centre), dashed
    lines at the thresholds, the legend under the plot. Returns the chart's frame and its plot area
    (placed by matrix.plot_fractions, so labels can be laid over it)."""
    lo, hi, it, rt = scale.minimum, scale.maximum, scale.importance_threshold, scale.rating_threshold
    # (name, points, quadrant or None for a line)
    plan: list[tuple[str, list[tuple[float, float]], str | None]] = []
    for code in QUADRANT_ORDER:
        members = [p for p in points if p.quadrant == code]
        if members:
            name = f"{words.QUADRANT[code].in_(lang)} ({len(members)})"
            plan.append((name, [(p.rating, p.importance) for p in members], code))
    for name, line in ((words.RATING_LINE, [(rt, lo), (rt, hi)]), (words.IMPORTANCE_LINE, [(lo, it), (hi, it)])):
        plan.append((name.in_(lang), line, None))
    # Longest series first: LibreOffice drops a series that comes before a longer one.
    plan.sort(key=lambda item: -len(item[1]))
    data = XyChartData()
    for name, values, _ in plan:
        series_data = data.add_series(name)
        for x, y in values:
            series_data.add_data_point(x, y)
    frame = slide.shapes.add_chart(XL_CHART_TYPE.XY_SCATTER, Emu(area.left), Emu(area.top), Emu(area.width),
                                   Emu(area.height), data)
    chart = frame.chart
    chart.font.size = Pt(12)
    lines = []
    for idx, (series, (_, _, code)) in enumerate(zip(chart.plots[0].series, plan, strict=True)):
        if code is None:
            lines.append(idx)
            series.format.line.color.rgb = RGBColor(0x59, 0x59, 0x59)
            series.format.line.width = Pt(1.5)
            series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
            series.marker.style = XL_MARKER_STYLE.NONE
            continue
        colour = RGBColor.from_string(QUADRANT_COLOURS[code])
        series.format.line.fill.background()
        series.marker.style = MARKER_STYLES[MARKERS[code]]
        series.marker.size = MARKER_SIZE
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = colour
        series.marker.format.line.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(12)
    _hide_from_legend(chart, lines)
    for axis, title in ((chart.category_axis, words.RATING), (chart.value_axis, words.IMPORTANCE)):
        axis.minimum_scale, axis.maximum_scale, axis.major_unit = lo, hi, 1
        axis.has_major_gridlines = True
        axis.major_gridlines.format.line.color.rgb = RGBColor(0xE6, 0xE6, 0xE6)
        axis.has_title = True
        axis.axis_title.text_frame.text = title.in_(lang)
        axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
        axis.tick_labels.font.size = Pt(12)
    fractions = plot_fractions(area, [name for name, _, code in plan if code is not None])
    x, y, w, h = fractions
    _fill_plot_area(chart, y, h, x, w)
    return frame, plot_area(area, fractions)

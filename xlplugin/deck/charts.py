"""The deck's native, editable charts: the emotion curve and the priority matrix."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lxml import etree
from pptx.chart.data import XyChartData
from pptx.chart.datalabel import DataLabels
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.util import Emu, Pt

from ..priorities import QUADRANTS
from ..ranking import Priorities
from ..text import Lang
from . import words
from .frame import Area
from .shapes import QUADRANT_COLOURS

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
LABELLED_POINTS = 100


def _fill_plot_area(chart: Any, top: float = 0.04, height: float = 0.78) -> None:
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
    for tag, val in (("layoutTarget", "inner"), ("xMode", "edge"), ("yMode", "edge"), ("x", "0"),
                     ("y", str(top)), ("w", "1"), ("h", str(height))):
        etree.SubElement(manual, f"{{{C_NS}}}{tag}").set("val", val)


def emotion_curve(slide: Any, area: Area, points: Sequence[tuple[float, float, str, bool]], x_max: float,
                  lang: Lang) -> Any:
    """The emotion curve: a smoothed XY line over (x, emotion, label, moment of truth)
    points, x from 0 to `x_max` spanning exactly the width of `area` (so each point sits
    under its phase), emotion from -2 to +2. Moments of truth get a larger, red marker."""
    data = XyChartData()
    series_data = data.add_series(words.EMOTION_SERIES.in_(lang))
    for x, y, _, _ in points:
        series_data.add_data_point(x, y)
    moments = [(x, y) for x, y, _, moment in points if moment]
    if moments:  # a series of their own: point-level marker colours are not drawn everywhere
        overlay = data.add_series(words.MOMENTS_OF_TRUTH.in_(lang))
        for x, y in moments:
            overlay.add_data_point(x, y)
    frame = slide.shapes.add_chart(XL_CHART_TYPE.XY_SCATTER_SMOOTH, Emu(area.left), Emu(area.top),
                                   Emu(area.width), Emu(area.height), data)
    chart = frame.chart
    chart.has_legend = False
    chart.font.size = Pt(8)
    x_axis, y_axis = chart.category_axis, chart.value_axis
    x_axis.minimum_scale, x_axis.maximum_scale = 0, x_max
    x_axis.visible = False
    x_axis.has_major_gridlines = False
    y_axis.minimum_scale, y_axis.maximum_scale, y_axis.major_unit = -2, 2, 1
    y_axis.has_major_gridlines = True
    y_axis.major_gridlines.format.line.color.rgb = RGBColor(0xD9, 0xD9, 0xD9)
    y_axis.visible = False
    series = chart.plots[0].series[0]
    series.smooth = True
    series.format.line.width = Pt(2.25)
    series.format.line.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
    series.marker.style = XL_MARKER_STYLE.CIRCLE
    series.marker.size = 6
    series.marker.format.fill.solid()
    series.marker.format.fill.fore_color.rgb = RGBColor(0x1F, 0x4E, 0x79)
    if moments:
        marks = chart.plots[0].series[1]
        marks.smooth = False
        marks.format.line.fill.background()
        marks.marker.style = XL_MARKER_STYLE.DIAMOND
        marks.marker.size = 12
        marks.marker.format.fill.solid()
        marks.marker.format.fill.fore_color.rgb = RGBColor(0xC0, 0x00, 0x00)
        marks.marker.format.line.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    small = len(points) > 30
    for i, (_, _, label, moment) in enumerate(points):
        point = series.points[i]
        if not small or moment:
            point.data_label.text_frame.text = label
            point.data_label.position = XL_LABEL_POSITION.ABOVE
            point.data_label.font.size = Pt(8)
    _fill_plot_area(chart, EMOTION_TOP, EMOTION_HEIGHT)
    return frame


EMOTION_TOP, EMOTION_HEIGHT = 0.1, 0.8
"""Where the emotion curve's plot area sits in its frame (fractions), for labels beside it."""


def _xy_series_style(series: Any, colour: str | None, label: bool, position: Any = XL_LABEL_POSITION.RIGHT,
                     dashed: bool = False) -> None:
    if dashed:
        series.format.line.color.rgb = RGBColor(0x7F, 0x7F, 0x7F)
        series.format.line.width = Pt(1.25)
        series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    else:
        series.format.line.fill.background()
    if colour is None:
        series.marker.style = XL_MARKER_STYLE.NONE
    else:
        series.marker.style = XL_MARKER_STYLE.CIRCLE
        series.marker.size = 8
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = RGBColor.from_string(colour)
        series.marker.format.line.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    labels = DataLabels(series._element.get_or_add_dLbls())  # XySeries has no data_labels property
    labels.show_series_name = label
    labels.show_value = False
    if label:
        labels.position = position
        labels.font.size = Pt(9)


def priority_matrix(slide: Any, area: Area, priorities: Priorities, lang: Lang) -> Any:
    """A native XY scatter: rating across, importance up, crosshair lines at the
    thresholds, the quadrant names, every point labelled with its touchpoint ID."""
    scale = priorities.scale
    lo, hi, it, rt = scale.minimum, scale.maximum, scale.importance_threshold, scale.rating_threshold
    rated = [p for p in priorities.touchpoints if p.importance is not None and p.rating is not None]
    # (name, points, (marker colour, label, label position, dashed line))
    plan: list[tuple[str, list[tuple[float, float]], tuple[str | None, bool, Any, bool]]] = []
    if len(rated) <= LABELLED_POINTS:
        for p in rated:
            plan.append((p.id, [(p.rating, p.importance)], (QUADRANT_COLOURS[p.quadrant], True, XL_LABEL_POSITION.RIGHT, False)))
    else:
        plan.append((words.MATRIX_TITLE.in_(lang), [(p.rating, p.importance) for p in rated],
                     (QUADRANT_COLOURS["concentrate-here"], False, None, False)))
    for name, line in ((words.RATING_LINE, [(rt, lo), (rt, hi)]), (words.IMPORTANCE_LINE, [(lo, it), (hi, it)])):
        plan.append((name.in_(lang), line, (None, False, None, True)))
    edge = (hi - lo) * 0.04
    for code, x, y in (("concentrate-here", (lo + rt) / 2, hi - edge), ("keep-up", (rt + hi) / 2, hi - edge),
                       ("low-priority", (lo + rt) / 2, lo + edge), ("possible-overkill", (rt + hi) / 2, lo + edge)):
        plan.append((QUADRANTS[code].in_(lang), [(x, y)], (None, True, XL_LABEL_POSITION.CENTER, False)))
    # Longest series first: LibreOffice drops a series that comes before a longer one.
    plan.sort(key=lambda item: -len(item[1]))
    data = XyChartData()
    for name, values, _ in plan:
        series_data = data.add_series(name)
        for x, y in values:
            series_data.add_data_point(x, y)
    styles = [style for _, _, style in plan]
    frame = slide.shapes.add_chart(XL_CHART_TYPE.XY_SCATTER, Emu(area.left), Emu(area.top), Emu(area.width),
                                   Emu(area.height), data)
    chart = frame.chart
    chart.has_legend = False
    chart.font.size = Pt(10)
    for series, (colour, label, position, dashed) in zip(chart.plots[0].series, styles, strict=True):
        _xy_series_style(series, colour, label, position, dashed)
    for axis, title in ((chart.category_axis, words.RATING), (chart.value_axis, words.IMPORTANCE)):
        axis.minimum_scale, axis.maximum_scale, axis.major_unit = lo, hi, 1
        axis.has_major_gridlines = True
        axis.major_gridlines.format.line.color.rgb = RGBColor(0xE0, 0xE0, 0xE0)
        axis.has_title = True
        axis.axis_title.text_frame.text = title.in_(lang)
    return frame

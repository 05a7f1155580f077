"""DrawingML for a native, editable XY scatter chart and the drawing that places it.

Points are one series each, named by a cell holding the touchpoint ID, so Excel and
LibreOffice both label them (series-name labels need no Excel-only extensions) and a
person can edit the data behind each point. With many points one unlabelled series
keeps the chart readable.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from xlplugin.core.document import column_letter, quote_sheet
from xlplugin.core.writeback.sheets import Scatter

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"

LABELLED_POINTS = 100
"""Up to this many points each get their own labelled series."""
COLOURS = {"concentrate-here": "C00000", "keep-up": "548235", "low-priority": "BF9000",
           "possible-overkill": "2E75B6", "unrated": "7F7F7F"}
X_AXIS, Y_AXIS = 500000001, 500000002


def _num(value: float) -> str:
    return repr(float(value)) if not float(value).is_integer() else str(int(value))


def _cache(values: list[float]) -> str:
    pts = "".join(f'<c:pt idx="{i}"><c:v>{_num(v)}</c:v></c:pt>' for i, v in enumerate(values))
    return f'<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="{len(values)}"/>{pts}</c:numCache>'


def _ref(sheet: str, column: int, first: int, last: int, values: list[float]) -> str:
    col = column_letter(column)
    area = f"${col}${first}" if first == last else f"${col}${first}:${col}${last}"
    return f"<c:numRef><c:f>{escape(quote_sheet(sheet))}!{area}</c:f>{_cache(values)}</c:numRef>"


def _labels(show_name: bool, position: str = "r") -> str:
    return (
        '<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'
        '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>'
        f'<c:dLblPos val="{position}"/><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/>'
        f'<c:showSerName val="{int(show_name)}"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
    )


def _marker(colour: str | None, hollow: bool = False) -> str:
    """A filled circle with a white edge; `hollow` (an uncertain placement): no fill, edged in the colour."""
    if colour is None:
        return '<c:marker><c:symbol val="none"/></c:marker>'
    if hollow:
        return (f'<c:marker><c:symbol val="circle"/><c:size val="7"/><c:spPr><a:noFill/><a:ln w="19050">'
                f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></a:ln></c:spPr></c:marker>')
    return (f'<c:marker><c:symbol val="circle"/><c:size val="7"/><c:spPr><a:solidFill><a:srgbClr val="{colour}"/>'
            f'</a:solidFill><a:ln><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:marker>')


def _hollow_points(points: list) -> str:
    """Per-point markers of one series over many points: the uncertain ones hollow."""
    return "".join(
        f'<c:dPt><c:idx val="{i}"/>{_marker(COLOURS["concentrate-here"], True)}<c:bubble3D val="0"/></c:dPt>'
        for i, p in enumerate(points) if p.uncertain
    )


NO_LINE = '<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>'


def _series(idx: int, name: str, line: str, marker: str, labels: str, x: str, y: str) -> str:
    return (f'<c:ser><c:idx val="{idx}"/><c:order val="{idx}"/>{name}{line}{marker}{labels}'
            f'<c:xVal>{x}</c:xVal><c:yVal>{y}</c:yVal><c:smooth val="0"/></c:ser>')


def _literal_name(text: str) -> str:
    return f"<c:tx><c:v>{escape(text)}</c:v></c:tx>"



def _axis(ax: int, cross: int, position: str, title: str, low: float, high: float) -> str:
    return (
        f'<c:valAx><c:axId val="{ax}"/><c:scaling><c:orientation val="minMax"/><c:max val="{_num(high)}"/>'
        f'<c:min val="{_num(low)}"/></c:scaling><c:delete val="0"/><c:axPos val="{position}"/>'
        '<c:majorGridlines><c:spPr><a:ln w="3175"><a:solidFill><a:srgbClr val="E0E0E0"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>'
        f'<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>{escape(title)}</a:t></a:r></a:p></c:rich></c:tx>'
        '<c:overlay val="0"/></c:title><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/>'
        f'<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="{cross}"/><c:crosses val="min"/>'
        f'<c:crossBetween val="midCat"/><c:majorUnit val="1"/></c:valAx>'
    )


def chart_xml(sheet: str, chart: Scatter) -> bytes:
    """The chart part: points, the two threshold lines and the quadrant names."""
    series = []
    points = list(chart.points)
    if len(points) <= LABELLED_POINTS:
        for p in points:
            name = (f"<c:tx><c:strRef><c:f>{escape(quote_sheet(sheet))}!${column_letter(chart.label_column)}${p.row}</c:f>"
                    f'<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{escape(p.label)}</c:v></c:pt></c:strCache>'
                    "</c:strRef></c:tx>")
            marker = _marker(COLOURS.get(p.group, "7F7F7F"), p.uncertain)
            series.append(_series(len(series), name, NO_LINE, marker, _labels(True),
                                  _ref(sheet, chart.x_column, p.row, p.row, [p.x]),
                                  _ref(sheet, chart.y_column, p.row, p.row, [p.y])))
    elif points:
        first, last = points[0].row, points[-1].row
        series.append(_series(0, _literal_name(chart.title), NO_LINE,
                              _marker(COLOURS["concentrate-here"]) + _hollow_points(points), _labels(False), _ref(sheet, chart.x_column, first, last, [p.x for p in points]),
                              _ref(sheet, chart.y_column, first, last, [p.y for p in points])))
    dashed = ('<c:spPr><a:ln w="15875"><a:solidFill><a:srgbClr val="7F7F7F"/></a:solidFill>'
              '<a:prstDash val="dash"/></a:ln></c:spPr>')
    for g in chart.guides:
        last = g.first_row + len(g.xs) - 1
        name = (f"<c:tx><c:strRef><c:f>{escape(quote_sheet(sheet))}!${column_letter(g.name_column)}${g.name_row}</c:f>"
                f'<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{escape(g.name)}</c:v></c:pt></c:strCache>'
                "</c:strRef></c:tx>")
        series.append(_series(
            len(series), name, dashed if g.line else NO_LINE, _marker(None),
            "" if g.line else _labels(True, "ctr"),
            _ref(sheet, g.x_column, g.first_row, last, list(g.xs)), _ref(sheet, g.y_column, g.first_row, last, list(g.ys)),
        ))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace xmlns:c="{C}" xmlns:a="{A}" xmlns:r="{R}"><c:roundedCorners val="0"/><c:chart>'
        f'<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>{escape(chart.title)}</a:t></a:r></a:p>'
        '</c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>'
        f'<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>{"".join(series)}'
        f'<c:axId val="{X_AXIS}"/><c:axId val="{Y_AXIS}"/></c:scatterChart>'
        + _axis(X_AXIS, Y_AXIS, "b", chart.x_title, chart.low, chart.high)
        + _axis(Y_AXIS, X_AXIS, "l", chart.y_title, chart.low, chart.high)
        + '</c:plotArea><c:plotVisOnly val="0"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
    ).encode("utf-8")


def drawing_xml(chart: Scatter, chart_rid: str) -> bytes:
    """The drawing part that puts the chart on the sheet, beside the table."""
    col, row = chart.anchor_column - 1, chart.anchor_row - 1
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{A}"><xdr:twoCellAnchor editAs="oneCell">'
        f"<xdr:from><xdr:col>{col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
        f"<xdr:to><xdr:col>{col + chart.width_columns}</xdr:col><xdr:colOff>0</xdr:colOff>"
        f"<xdr:row>{row + chart.height_rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>"
        '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="xlplugin priorities chart"/>'
        "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>"
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic>'
        f'<a:graphicData uri="{C}"><c:chart xmlns:c="{C}" xmlns:r="{R}" r:id="{chart_rid}"/></a:graphicData>'
        "</a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
    ).encode()

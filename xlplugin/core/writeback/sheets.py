"""The sheets the tool writes into a workbook, as plain data: titles, rows, widths, links.

Pure: the workbook layer turns them into package parts (annotate), and a live Excel
session can write the same rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from xlplugin.core.analysis.quadrants import QUADRANTS
from xlplugin.core.analysis.ranking import Priorities
from xlplugin.core.catalogue import CATALOGUE
from xlplugin.core.findings import Finding
from xlplugin.core.guide import CHECK_WORD
from xlplugin.core.report import Report
from xlplugin.text import Lang, Text, decimal

FINDINGS_TITLE = Text("Findings", "Bevindingen")
FINDINGS_HEADERS = (
    Text("Severity", "Ernst"), Text("Code", "Code"), Text("Sheet", "Blad"), Text("Cell", "Cel"),
    Text("Message", "Melding"), Text("How to fix", "Oplossing"), Text("Go to", "Ga naar"), Text("Kind", "Soort"),
)
FINDINGS_WIDTHS = (13, 22, 16, 6, 60, 48, 22, 28)
SEVERITY_FILLS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
"""A finding's severity cell: the colours of the marks it explains (and a light blue for notes)."""
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_WORDS = {"error": Text("error", "fout"), "warning": Text("warning", "waarschuwing"), "info": Text("info", "info")}


@dataclass(frozen=True)
class Link:
    """A hyperlink from a cell of the new sheet to a place in the workbook."""

    row: int
    column: int
    sheet: str
    cell: str
    text: str


@dataclass(frozen=True)
class Point:
    """One touchpoint in the chart: its label and the rows of its values on the sheet."""

    label: str
    row: int
    x: float
    y: float
    group: str
    """The quadrant: it colours the marker."""
    uncertain: bool = False
    """The 95 % interval crosses a threshold: a chart may draw the marker hollow."""


@dataclass(frozen=True)
class Series:
    """A line or a label in the chart, drawn from cells of the same sheet (editable there)."""

    name: str
    name_column: int
    name_row: int
    x_column: int
    y_column: int
    first_row: int
    xs: Sequence[float]
    ys: Sequence[float]
    line: bool
    """True: a dashed line through the points; False: the name as a label at the point."""


@dataclass(frozen=True)
class Scatter:
    """A native XY scatter chart over columns of the same sheet, with crosshair lines."""

    title: str
    x_title: str
    y_title: str
    x_column: int
    y_column: int
    label_column: int
    points: Sequence[Point]
    low: float
    high: float
    guides: Sequence[Series]
    """The threshold lines and the quadrant names."""
    anchor_column: int
    anchor_row: int = 1
    width_columns: int = 11
    height_rows: int = 26
    note: str = ""
    """What a hollow marker means, for a route whose chart draws uncertain points hollow."""


@dataclass(frozen=True)
class NewSheet:
    """A plain worksheet: rows of text or numbers, column widths, in-workbook links."""

    title: str
    aliases: tuple[str, ...]
    """Other names it may have from an earlier run (e.g. in the other language)."""
    rows: Sequence[Sequence[str | int | float | None]]
    widths: Sequence[int] = ()
    links: Sequence[Link] = ()
    chart: Scatter | None = None
    formats: Sequence[str | None] = ()
    """Number format per column (None: as the value comes), so a column shows one number of decimals."""
    helper_column: int | None = None
    """The first column of cells that only feed the chart: hidden, far to the right."""
    wrap: tuple[int, ...] = ()
    """Columns (1-based) whose text wraps below the header, top-aligned: long messages read whole."""
    fills: tuple[tuple[int, int, str], ...] = ()
    """(row, column, RRGGBB) of cells with a fill of their own, e.g. a finding's severity."""

    @property
    def helper_columns(self) -> tuple[int, int] | None:
        """The first and last column hidden from sight (1-based), or None: every route hides the same."""
        if not self.helper_column:
            return None
        width = max((len(r) for r in self.rows), default=0)
        return self.helper_column, max(width, self.helper_column + 15)

    def row_lines(self, row: int) -> int:
        """How many lines row `row` (1-based) needs for its wrapped columns, words kept whole
        (about 1.05 characters of 11 pt text per unit of column width): the height a route sets
        where the program does not grow the row itself."""
        values = self.rows[row - 1]
        most = 1
        for column in self.wrap if row > 1 else ():
            if column <= len(values) and isinstance(values[column - 1], str) and column <= len(self.widths):
                most = max(most, wrapped_lines(values[column - 1], int(self.widths[column - 1] * 1.05)))
        return most

    def number_formats(self) -> list[tuple[int, str]]:
        """(column, format) for each column that has a number format, 1-based."""
        return [(c, f) for c, f in enumerate(self.formats, start=1) if f]


def wrapped_lines(text: str, per_line: int) -> int:
    """The lines `text` takes when wrapped at `per_line` characters between words."""
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0
        for word in paragraph.split():
            if used and used + 1 + len(word) > per_line:
                lines, used = lines + 1, len(word)
            else:
                used += (1 if used else 0) + len(word)
            while used > per_line:  # a word longer than the line
                lines, used = lines + 1, used - per_line
    return max(lines, 1)


def with_chart_note(sheet: NewSheet) -> NewSheet:
    """`sheet` with its chart's note in the cell just below the chart, when the chart has an
    uncertain point: for a route that draws those hollow."""
    chart = sheet.chart
    if chart is None or not chart.note or not any(p.uncertain for p in chart.points):
        return sheet
    rows = [list(r) for r in sheet.rows]
    _place(rows, chart.anchor_row + chart.height_rows + 1, chart.anchor_column, chart.note)
    return replace(sheet, rows=rows)


def by_severity(findings: Sequence[Finding]) -> list[Finding]:
    """Errors first, then warnings, then notes. The report's findings are already in reading
    order (`core.report.reading_order`: sheet by sheet, row by row, left to right), and the sort
    is stable, so each group keeps it: the order a person fixes them."""
    return sorted(findings, key=lambda f: SEVERITY_ORDER.get(str(f.severity), len(SEVERITY_ORDER)))


def findings_sheet(report: Report, lang: Lang) -> NewSheet:
    """The Findings sheet: one row per finding, each with a link that jumps to its cell."""
    rows: list[list[str | int | float | None]] = [[h.in_(lang) for h in FINDINGS_HEADERS]]
    links, fills = [], []
    for f in by_severity(report.findings):
        kind = CATALOGUE[f.code].title.in_(lang) if f.code in CATALOGUE else None
        rows.append([SEVERITY_WORDS[f.severity].in_(lang), f.code, f.sheet, f.cell,
                     f.message.in_(lang), f.hint.in_(lang), None, kind])
        if f.sheet:
            target = f.cell or "A1"
            text = f"{f.sheet}!{target}"
            rows[-1][6] = text
            links.append(Link(len(rows), 7, f.sheet, target, text))
        fills.append((len(rows), 1, SEVERITY_FILLS.get(str(f.severity), "FFFFFF")))
    if not report.findings:
        rows.append([None, None, None, None, Text("No problems found.", "Geen problemen gevonden.").in_(lang)])
    other = FINDINGS_TITLE.nl if lang == "en" else FINDINGS_TITLE.en
    return NewSheet(FINDINGS_TITLE.in_(lang), (other,), rows, FINDINGS_WIDTHS, links, wrap=(5, 6, 8),
                    fills=tuple(fills))


PRIORITIES_TITLE = Text("Priorities", "Prioriteiten")
PRIORITY_HEADERS = (
    Text("Rank", "Rang"), Text("ID", "ID"), Text("Touchpoint", "Contactmoment"), Text("Phase", "Fase"),
    Text("Importance", "Belang"), Text("Rating", "Waardering"), Text("Gap score", "Gapscore"),
    Text("Quadrant", "Kwadrant"), Text("Moment of truth", "Moment of truth"), Text("Respondents", "Respondenten"),
    Text("Opportunity", "Kansscore"), Text("Uncertain", "Onzeker"),
)
PRIORITY_WIDTHS = (7, 8, 40, 20, 11, 11, 10, 30, 10, 12, 11, 10)
PRIORITY_FORMATS = (None, None, None, None, "0.0", "0.0", "0.0", None, None, None, "0.0", None)
DUTCH_NUMBERS = "[$-413]"
"""A number format's language tag for Dutch (LCID 0x413): LibreOffice then writes 100,0
whatever its own locale; Excel writes numbers as the computer's settings say."""


def in_language(code: str | None, lang: Lang) -> str | None:
    """The number format `code` as a workbook in `lang` shows it."""
    return DUTCH_NUMBERS + code if code and lang == "nl" else code
HELPER_COLUMN = 40
"""Where the chart's threshold lines and quadrant names are kept: hidden, beyond the chart."""
YES_NO = (Text("yes", "ja"), Text("no", "nee"))
HOLLOW_NOTE = Text("Hollow marker: uncertain placement (few answers or a wide interval; see the Uncertain column)",
                   "Open marker: onzekere plaatsing (weinig antwoorden of brede marge; zie de kolom Onzeker)")
TARGET_HEADERS = (Text("Target rating", "Doelwaardering"), Text("Target met", "Doel gehaald"))
TREND_HEADERS = (Text("Previous rating", "Vorige waardering"), Text("Change", "Verandering"), Text("p", "p"),
                 Text("Significant", "Significant"), Text("Waves", "Metingen"))
DERIVED_HEADERS = (Text("Derived importance (r)", "Afgeleid belang (r)"), Text("r low", "r laag"),
                   Text("r high", "r hoog"))


def _extra_columns(priorities: Priorities, lang: Lang) -> tuple[list[str], list[int], list[list[object]]]:
    """The target, trend and derived-importance columns after the ranking's own: headers,
    widths, and per touchpoint its cells (trend only with waves, r only with an Overall column)."""
    yes, no = (w.in_(lang) for w in YES_NO)
    waves = any(p.waves for p in priorities.touchpoints)
    derived = any(p.derived is not None for p in priorities.touchpoints)
    headers = [h.in_(lang) for h in TARGET_HEADERS]
    widths = [16, 13]
    if waves:
        headers += [h.in_(lang) for h in TREND_HEADERS]
        widths += [18, 12, 8, 11, 40]
    if derived:
        headers += [h.in_(lang) for h in DERIVED_HEADERS]
        widths += [21, 8, 8]
    cells = []
    for p in priorities.touchpoints:
        met = None if p.target_met is None else yes if p.target_met else no
        row: list[object] = [p.target_rating, met]
        if waves:
            c = p.change
            before = next((w.rating for w in reversed(p.waves) if w.wave == c.start), None) if c else None
            series = " → ".join(f"{w.wave}: {_num(w.rating, lang)}" for w in p.waves if w.rating is not None)
            row += [_r2(before), _r2(c.rating) if c else None, None if c is None or c.p is None else round(c.p, 3),
                    None if c is None or c.p is None else yes if c.significant else no, series or None]
        if derived:
            d = p.derived
            row += [None if d is None or d.r is None else round(d.r, 3),
                    None if d is None or d.low is None else round(d.low, 3),
                    None if d is None or d.high is None else round(d.high, 3)]
        cells.append(row)
    return headers, widths, cells


def _num(x: float | None, lang: Lang) -> str:
    return decimal(x, lang, 2, missing="-")


def _place(rows: list[list[str | int | float | None]], row: int, column: int, value: str | float) -> None:
    """Put `value` at (row, column), 1-based, growing the rows as needed."""
    while len(rows) < row:
        rows.append([])
    cells = rows[row - 1]
    cells.extend([None] * (column - len(cells)))
    cells[column - 1] = value


def _r2(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def priorities_sheet(priorities: Priorities, lang: Lang) -> NewSheet:
    """The Priorities sheet: the ranked touchpoints and the importance-rating chart."""
    yes, no = (w.in_(lang) for w in YES_NO)
    extra_headers, extra_widths, extra = _extra_columns(priorities, lang)
    rows: list[list[str | int | float | None]] = [[h.in_(lang) for h in PRIORITY_HEADERS] + extra_headers]
    points = []
    for p, more in zip(priorities.touchpoints, extra, strict=True):
        rows.append([
            p.rank, p.id, p.touchpoint, p.phase, _r2(p.importance), _r2(p.rating), _r2(p.gap),
            (CHECK_WORD if p.to_check else QUADRANTS[p.quadrant]).in_(lang), yes if p.moment_of_truth else no,
            p.respondents,
            _r2(p.opportunity), yes if p.uncertain else None, *more,  # type: ignore[list-item]
        ])
        if p.importance is not None and p.rating is not None:
            points.append(Point(p.id, len(rows), p.rating, p.importance, p.quadrant, p.uncertain))
    scale = priorities.scale
    lo, hi, it, rt = scale.minimum, scale.maximum, scale.importance_threshold, scale.rating_threshold
    edge = (hi - lo) * 0.04
    columns = len(PRIORITY_HEADERS) + len(extra_headers)
    block = max(HELPER_COLUMN, columns + 2 + 11 + 2)  # hidden, right of the chart
    guides = [
        (Text("Rating threshold", "Drempel waardering").in_(lang), [rt, rt], [lo, hi], True),
        (Text("Importance threshold", "Drempel belang").in_(lang), [lo, hi], [it, it], True),
        (QUADRANTS["concentrate-here"].in_(lang), [(lo + rt) / 2], [hi - edge], False),
        (QUADRANTS["keep-up"].in_(lang), [(rt + hi) / 2], [hi - edge], False),
        (QUADRANTS["low-priority"].in_(lang), [(lo + rt) / 2], [lo + edge], False),
        (QUADRANTS["possible-overkill"].in_(lang), [(rt + hi) / 2], [lo + edge], False),
    ]
    series = []
    for i, (name, xs, ys, line) in enumerate(guides):
        col = block + 2 * i
        _place(rows, 1, col, name)
        for k, (x, y) in enumerate(zip(xs, ys, strict=True)):
            _place(rows, 2 + k, col, round(x, 4))
            _place(rows, 2 + k, col + 1, round(y, 4))
        series.append(Series(name, col, 1, col, col + 1, 2, xs, ys, line))
    chart = Scatter(
        Text("Importance against rating", "Belang tegen waardering").in_(lang),
        PRIORITY_HEADERS[5].in_(lang), PRIORITY_HEADERS[4].in_(lang), 6, 5, 2, points, lo, hi, series,
        columns + 2, note=HOLLOW_NOTE.in_(lang),
    )
    other = PRIORITIES_TITLE.nl if lang == "en" else PRIORITIES_TITLE.en
    return NewSheet(PRIORITIES_TITLE.in_(lang), (other,), rows, (*PRIORITY_WIDTHS, *extra_widths), (), chart,
                    tuple(in_language(f, lang) for f in PRIORITY_FORMATS), block)

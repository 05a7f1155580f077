"""The open Calc document over UNO: the reader's book, the plan's surface, and the buttons' host.

Everything here runs inside LibreOffice's own Python, on the document the menu was used in,
so every value is read as it stands on screen (saved or not) and every change is made by
Calc itself. Only the document's UNO objects are touched; nothing is imported from `uno`,
so the module also loads (and is tested) outside LibreOffice.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from xlplugin.core.writeback.sheets import DUTCH_NUMBERS, NewSheet
from xlplugin.hosts.live import LiveSheets
from xlplugin.text import normalise_name

_CLEAR_ALL = 1023
_NOTE = 8
"""com.sun.star.sheet.CellFlags.ANNOTATION."""
"""com.sun.star.sheet.CellFlags: values, dates, text, notes, formulas, formats, objects."""
_FORMULA_ERROR = 4
"""com.sun.star.sheet.FormulaResult.ERROR."""
_DATE = 2
"""com.sun.star.util.NumberFormat.DATE (DATETIME includes it)."""
_BOLD = 150.0
"""com.sun.star.awt.FontWeight.BOLD."""
_NO_FILL = -1


class CalcBook:
    """The document as the reader's book: sheet titles, and a sheet's cells on request."""

    def __init__(self, doc: Any):
        self.doc = doc
        self.titles = list(doc.Sheets.ElementNames)
        self._date_keys: dict[int, bool] = {}

    def _is_date(self, key: int) -> bool:
        if key not in self._date_keys:
            try:
                self._date_keys[key] = bool(self.doc.NumberFormats.getByKey(key).Type & _DATE)
            except Exception:  # a format Calc cannot describe: a plain number
                self._date_keys[key] = False
        return self._date_keys[key]

    def _null_date(self) -> datetime:
        d = self.doc.NullDate
        return datetime(d.Year, d.Month, d.Day)

    def cells(self, titles: list[str]) -> dict[str, Any]:
        from xlplugin.workbook.cells import Cells

        found = {}
        for title in titles:
            sheet = self.doc.Sheets.getByName(title)
            cursor = sheet.createCursor()
            cursor.gotoStartOfUsedArea(False)
            cursor.gotoEndOfUsedArea(True)
            area = cursor.RangeAddress
            grid = [list(row) for row in cursor.getDataArray()]
            # An error value reads as an empty text; the reader wants to see it ("#DIV/0!").
            errors = cursor.queryFormulaCells(_FORMULA_ERROR).getCells().createEnumeration()
            while errors.hasMoreElements():
                cell = errors.nextElement()
                at = cell.CellAddress
                grid[at.Row - area.StartRow][at.Column - area.StartColumn] = cell.getString()
            rows: dict[int, dict[int, Any]] = {}
            for i, row in enumerate(grid):
                kept = {}
                for j, v in enumerate(row):
                    if v is None or v == "":
                        continue
                    if isinstance(v, float):
                        key = sheet.getCellByPosition(area.StartColumn + j, area.StartRow + i).NumberFormat
                        if self._is_date(key):
                            v = (self._null_date() + timedelta(days=v)).replace(microsecond=0)
                    kept[area.StartColumn + j + 1] = v
                if kept:
                    rows[area.StartRow + i + 1] = kept
            found[title] = Cells(rows=rows)
        return found


PAGE_STYLE = "xlplugin"
"""The page style of the sheets the tool writes (landscape, one page wide)."""
_TOP = 1
"""com.sun.star.table.CellVertJustify.TOP."""


class CalcSurface(LiveSheets):
    """The document as a surface for `xlplugin.core.writeback.plan.apply`: Calc makes every change."""

    def __init__(self, doc: Any):
        self.doc = doc
        self._note_index: dict[str, dict[tuple[int, int], str]] = {}

    def titles(self) -> list[str]:
        return list(self.doc.Sheets.ElementNames)

    def by_title(self, title: str) -> Any:
        return self.doc.Sheets.getByName(title)

    def cell_of(self, sheet: Any, cell: str) -> Any:
        return sheet.getCellRangeByName(cell)

    def read_rows(self, name: str) -> list[list[object]]:
        sheet = self._sheet(name)
        if sheet is None:
            return []
        cursor = sheet.createCursor()
        cursor.gotoStartOfUsedArea(False)
        cursor.gotoEndOfUsedArea(True)
        if cursor.RangeAddress.StartRow != 0 or cursor.RangeAddress.StartColumn != 0:
            return []
        return [[None if v == "" else v for v in row] for row in cursor.getDataArray()]

    def fill(self, sheet: str, cell: str) -> str | None:
        found = self._cell(sheet, cell)
        if found.IsCellBackgroundTransparent:
            return None
        return f"{found.CellBackColor & 0xFFFFFF:06X}"

    def set_fill(self, sheet: str, cell: str, colour: str | None) -> None:
        if colour is not None and colour.startswith("fill:"):
            return  # a patterned fill recorded by the file route: Calc keeps the mark's colour
        found = self._cell(sheet, cell)
        if colour is None:
            found.CellBackColor = _NO_FILL
            found.IsCellBackgroundTransparent = True
        else:
            found.CellBackColor = int(colour, 16)

    def _notes(self, sheet: str) -> dict[tuple[int, int], str]:
        """The sheet's notes by (row, column), read once per click: looking one up is then a
        dictionary lookup, not a walk over every note (a click stays linear in the workbook)."""
        key = normalise_name(sheet)
        found = self._note_index.get(key)
        if found is None:
            notes = self._sheet(sheet).Annotations  # type: ignore[union-attr]
            found = {}
            for i in range(notes.Count):
                note = notes.getByIndex(i)
                pos = note.Position
                found[pos.Row, pos.Column] = note.String
            self._note_index[key] = found
        return found

    def note(self, sheet: str, cell: str) -> str | None:
        at = self._cell(sheet, cell).CellAddress
        return self._notes(sheet).get((at.Row, at.Column))

    def set_note(self, sheet: str, cell: str, text: str | None) -> None:
        notes, target = self._notes(sheet), self._cell(sheet, cell)
        at = target.CellAddress
        if (at.Row, at.Column) in notes:
            target.clearContents(_NOTE)  # that cell's note only, whatever its place among the notes
            del notes[at.Row, at.Column]
        if text is not None:
            self._sheet(sheet).Annotations.insertNew(at, text)  # type: ignore[union-attr]
            notes[at.Row, at.Column] = text

    def set_value(self, sheet: str, cell: str, text: str) -> None:
        self._cell(sheet, cell).setString(text)  # text stays text: never read as a formula or a date

    def put_sheet(self, sheet: NewSheet, hidden: bool = False) -> None:
        from xlplugin.core.document import quote_sheet

        sheets = self.doc.Sheets
        target = next(filter(None, (self._sheet(n) for n in (sheet.title, *sheet.aliases))), None)
        if target is None:
            sheets.insertNewByName(sheet.title, sheets.Count)
            target = sheets.getByName(sheet.title)
        else:
            charts = target.Charts
            for name in charts.ElementNames:  # the chart of an earlier run
                charts.removeByName(name)
            target.clearContents(_CLEAR_ALL)
            self._note_index.pop(normalise_name(target.Name), None)
            if target.Name != sheet.title:
                target.Name = sheet.title
        width = max((len(r) for r in sheet.rows), default=0)
        if width:
            data = tuple(
                tuple("" if v is None else float(v) if isinstance(v, int) else v for v in r)
                + ("",) * (width - len(r))
                for r in sheet.rows
            )
            target.getCellRangeByPosition(0, 0, width - 1, len(data) - 1).setDataArray(data)
            target.getCellRangeByPosition(0, 0, len(sheet.rows[0]) - 1, 0).CharWeight = _BOLD
        for link in sheet.links:
            place = f"{quote_sheet(link.sheet)}!{link.cell}".replace('"', '""')
            text = link.text.replace('"', '""')
            target.getCellByPosition(link.column - 1, link.row - 1).setFormula(f'=HYPERLINK("#{place}";"{text}")')
        columns = target.Columns
        for i, w in enumerate(sheet.widths):
            columns.getByIndex(i).Width = round((w * 7 + 5) * 26.46)  # Excel's characters in 1/100 mm
        if len(sheet.rows) > 1:
            for column, code in sheet.number_formats():
                below = target.getCellRangeByPosition(column - 1, 1, column - 1, len(sheet.rows) - 1)
                below.NumberFormat = self._number_format(code)
        if sheet.helper_columns:  # the cells that only feed the chart: out of sight
            first, last = sheet.helper_columns
            target.getCellRangeByPosition(first - 1, 0, last - 1, 0).Columns.IsVisible = False
        if len(sheet.rows) > 1:
            for column in sheet.wrap:
                below = target.getCellRangeByPosition(column - 1, 1, column - 1, len(sheet.rows) - 1)
                below.IsTextWrapped = True
                below.VertJustify = _TOP
            if sheet.wrap:
                body = target.getCellRangeByPosition(0, 1, width - 1, len(sheet.rows) - 1)
                body.VertJustify = _TOP
                body.Rows.OptimalHeight = True
        for r, col, colour in sheet.fills:
            cell = target.getCellByPosition(col - 1, r - 1)
            cell.CellBackColor, cell.VertJustify = int(colour, 16), _TOP
        self._print_setup(target)
        if sheet.chart is not None and sheet.chart.points:
            self._chart(target, sheet)
        if hidden:
            target.IsVisible = False

    def fit_print_areas(self, titles: tuple[str, ...]) -> None:
        """Each journey table prints its header and the rows with something in column A (the
        ID, the phase, the respondent), not the empty rows the live formulas run down to."""
        import uno  # only inside LibreOffice

        for title in titles:
            sheet = self._sheet(title)
            if sheet is None:
                continue
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            width, height = cursor.RangeAddress.EndColumn + 1, cursor.RangeAddress.EndRow + 1
            first = sheet.getCellRangeByPosition(0, 0, 0, height - 1).getDataArray()
            last = max((i for i, (v,) in enumerate(first) if v not in ("", None)), default=0)
            area = uno.createUnoStruct("com.sun.star.table.CellRangeAddress")
            area.Sheet, area.StartColumn, area.StartRow = sheet.RangeAddress.Sheet, 0, 0
            area.EndColumn, area.EndRow = width - 1, last
            sheet.setPrintAreas((area,))

    def _print_setup(self, target: Any) -> None:
        """The tool's sheets print as the file route's do: landscape, one page wide, the header
        row on every page. A page style of its own, so the user's other sheets keep theirs."""
        styles = self.doc.StyleFamilies.getByName("PageStyles")
        if not styles.hasByName(PAGE_STYLE):
            style = self.doc.createInstance("com.sun.star.style.PageStyle")
            styles.insertByName(PAGE_STYLE, style)
            style = styles.getByName(PAGE_STYLE)
            if not style.IsLandscape:
                style.IsLandscape = True
                style.Width, style.Height = style.Height, style.Width
            style.ScaleToPagesX, style.ScaleToPagesY = 1, 0
        target.PageStyle = PAGE_STYLE
        title = target.getCellRangeByPosition(0, 0, 0, 0).RangeAddress
        target.setTitleRows(title)
        target.setPrintTitleRows(True)

    def _number_format(self, code: str) -> int:
        """The document's key of a number format such as "0.0" in the default language, so it
        shows the user's own decimal separator (a Dutch user sees a comma)."""
        import uno  # only inside LibreOffice, where the document is

        formats, locale = self.doc.NumberFormats, uno.createUnoStruct("com.sun.star.lang.Locale")
        if code.startswith(DUTCH_NUMBERS):  # a Dutch workbook shows 100,0 in any Calc
            code, locale.Language, locale.Country = code[len(DUTCH_NUMBERS):], "nl", "NL"
        decimals = re.fullmatch(r"0(?:\.(0+))?", code)
        if decimals:  # 0 = the standard number format, whose code the language spells
            code = formats.generateFormat(0, locale, False, False, len(decimals.group(1) or ""), 1)
        key = formats.queryKey(code, locale, False)
        return key if key != -1 else formats.addNew(code, locale)

    @staticmethod
    def _chart(target: Any, sheet: NewSheet) -> None:
        """Importance against rating as a native XY chart over the ranked table's columns, as
        the Excel route draws it (the file route's chart also has the quadrant lines)."""
        import uno  # only inside LibreOffice, where a chart can be made at all

        spec = sheet.chart
        assert spec is not None
        last = max(p.row for p in spec.points)
        anchor = target.getCellByPosition(spec.anchor_column - 1, spec.anchor_row - 1).Position
        box = uno.createUnoStruct("com.sun.star.awt.Rectangle")
        box.X, box.Y = anchor.X, anchor.Y
        box.Width, box.Height = spec.width_columns * 2258, spec.height_rows * 452
        xs = target.getCellRangeByPosition(spec.x_column - 1, 0, spec.x_column - 1, last - 1).RangeAddress
        ys = target.getCellRangeByPosition(spec.y_column - 1, 0, spec.y_column - 1, last - 1).RangeAddress
        target.Charts.addNewByName("xlplugin", box, (xs, ys), True, False)
        chart = target.Charts.getByName("xlplugin").EmbeddedObject
        chart.setDiagram(chart.createInstance("com.sun.star.chart.XYDiagram"))
        # Calc takes the leftmost column of the ranges as the x values, whichever was meant:
        # each role is given its own column, so rating is on x and importance on y.
        provider = chart.getDataProvider()
        column = {"values-x": spec.x_column, "values-y": spec.y_column}
        for chart_type in chart.getFirstDiagram().getCoordinateSystems()[0].getChartTypes():
            for series in chart_type.getDataSeries():
                for labelled in series.getDataSequences():
                    role = labelled.getValues().Role
                    if role not in column:
                        continue
                    at = column[role] - 1
                    values = provider.createDataSequenceByRangeRepresentation(
                        target.getCellRangeByPosition(at, 1, at, last - 1).AbsoluteName)
                    values.Role = role
                    labelled.setValues(values)
                    label = provider.createDataSequenceByRangeRepresentation(
                        target.getCellByPosition(at, 0).AbsoluteName)
                    label.Role = "label"
                    labelled.setLabel(label)
        CalcSurface._guides_and_labels(target, chart, spec, last)
        chart.HasMainTitle = True
        chart.Title.String = spec.title
        chart.HasLegend = False
        diagram = chart.Diagram
        no_line = uno.Enum("com.sun.star.drawing.LineStyle", "NONE")
        diagram.getDataRowProperties(0).LineStyle = no_line  # points only: not a line through the ranking
        diagram.Wall.FillStyle = uno.Enum("com.sun.star.drawing.FillStyle", "NONE")
        diagram.HasXAxisTitle = diagram.HasYAxisTitle = True
        diagram.XAxisTitle.String, diagram.YAxisTitle.String = spec.x_title, spec.y_title
        for axis in (diagram.XAxis, diagram.YAxis):
            axis.AutoMin = axis.AutoMax = False
            axis.Min, axis.Max = spec.low, spec.high

    @staticmethod
    def _guides_and_labels(target: Any, chart: Any, spec: Any, last: int) -> None:
        """What the file route's chart shows besides the points, as far as Calc's chart API
        goes: the threshold lines (dashed series through their cells), the quadrant names (a
        point each, labelled with the series name) and each point labelled with its ID."""
        import uno

        smgr = uno.getComponentContext().ServiceManager
        provider = chart.getDataProvider()
        chart_type = chart.getFirstDiagram().getCoordinateSystems()[0].getChartTypes()[0]
        label = uno.createUnoStruct("com.sun.star.chart2.DataPointLabel")
        label.ShowNumber = True  # with custom label fields: shows their text in the number's place
        text = uno.Enum("com.sun.star.chart2.DataPointCustomLabelFieldType", "TEXT")
        points = chart_type.getDataSeries()[0]
        ordered = sorted(spec.points, key=lambda p: p.row)  # the series runs down the rows
        together: dict[tuple[float, float], list[str]] = {}
        for point in ordered:  # points on one spot share one label, as the file route's chart does
            together.setdefault((round(point.x, 4), round(point.y, 4)), []).append(point.label)
        for i, point in enumerate(ordered):
            ids = together[round(point.x, 4), round(point.y, 4)]
            field = smgr.createInstance("com.sun.star.chart2.DataPointCustomLabelField")
            field.setFieldType(text)
            field.setString(", ".join(ids) if ids[0] == point.label else "")
            one = points.getDataPointByIndex(i)
            one.CustomLabelFields = (field,)
            one.Label = label
        for guide in spec.guides:
            series = smgr.createInstance("com.sun.star.chart2.DataSeries")
            data = []
            for role, column in (("values-x", guide.x_column), ("values-y", guide.y_column)):
                cells = target.getCellRangeByPosition(column - 1, guide.first_row - 1, column - 1,
                                                      guide.first_row - 2 + len(guide.xs))
                values = provider.createDataSequenceByRangeRepresentation(cells.AbsoluteName)
                values.Role = role
                labelled = smgr.createInstance("com.sun.star.chart2.data.LabeledDataSequence")
                labelled.setValues(values)
                name = provider.createDataSequenceByRangeRepresentation(
                    target.getCellByPosition(guide.name_column - 1, guide.name_row - 1).AbsoluteName)
                name.Role = "label"
                labelled.setLabel(name)
                data.append(labelled)
            series.setData(tuple(data))
            symbol = uno.createUnoStruct("com.sun.star.chart2.Symbol")
            symbol.Style = uno.Enum("com.sun.star.chart2.SymbolStyle", "NONE")
            series.Symbol = symbol
            if guide.line:
                series.LineStyle = uno.Enum("com.sun.star.drawing.LineStyle", "DASH")
                series.Color = 0x7F7F7F
            else:
                series.LineStyle = uno.Enum("com.sun.star.drawing.LineStyle", "NONE")
                name_label = uno.createUnoStruct("com.sun.star.chart2.DataPointLabel")
                name_label.ShowSeriesName = True
                series.Label = name_label
            chart_type.addDataSeries(series)

    def activate(self, title: str) -> None:
        sheet = self._sheet(title)
        if sheet is not None:
            self.doc.CurrentController.setActiveSheet(sheet)


def document_path(doc: Any) -> Path | None:
    """Where the document is saved, or None when it never was (or not as a local file)."""
    url = doc.URL or ""
    if not url.startswith("file:"):
        return None
    return Path(unquote(urlparse(url).path))


class CalcHost:
    """The document whose Journey menu was used, as the host of `xlplugin.hosts.buttons`."""

    def __init__(self, doc: Any, ctx: Any):
        self.doc, self.ctx = doc, ctx
        saved = document_path(doc)
        self.name = saved.name if saved else str(doc.Title or "journey")
        self.messages: list[tuple[str, str, str]] = []

    def book(self) -> CalcBook:
        return CalcBook(self.doc)

    def surface(self) -> CalcSurface:
        return CalcSurface(self.doc)

    def sheet_names(self) -> list[str]:
        return list(self.doc.Sheets.ElementNames)

    def folder(self) -> Path | None:
        saved = document_path(self.doc)
        return saved.parent if saved and saved.parent.is_dir() else None

    def activate(self, title: str) -> None:
        CalcSurface(self.doc).activate(title)

    def open(self, path: Path) -> None:
        desktop = self.ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        desktop.loadComponentFromURL(path.resolve().as_uri(), "_blank", 0, ())

    def alert(self, message: str, title: str, mode: str) -> None:
        self.messages.append((message, title, mode))
        show_message(self.doc, message, title, mode)


def show_message(doc: Any, message: str, title: str, mode: str = "info") -> None:
    """A message box over the document's window (none when there is no window to show it on)."""
    try:
        window = doc.CurrentController.Frame.ContainerWindow
    except Exception:
        return
    if window is None:
        return
    from com.sun.star.awt.MessageBoxType import ERRORBOX, INFOBOX  # type: ignore[import-not-found]

    box = window.Toolkit.createMessageBox(window, ERRORBOX if mode == "critical" else INFOBOX, 1, title, message)
    box.execute()

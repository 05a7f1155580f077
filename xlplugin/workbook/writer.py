"""Write the journey template, empty or filled with a document, from the layout.

Real Excel tables, dropdowns fed from a hidden lists sheet through defined names,
number validation on the workbook's scale, live gap-score and quadrant formulas with
conditional formatting, frozen headers, widths and wrapping.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.formatting.rule import ColorScaleRule, FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableColumn, TableFormula, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from xlplugin.core import guide
from xlplugin.core.analysis.quadrants import QUADRANTS, gap_formula
from xlplugin.core.document import Document, column_letter
from xlplugin.core.layout import (
    ACTIONS,
    BLUEPRINT,
    JOURNEY,
    LISTS,
    PERSONA,
    PHASES,
    RESPONSES,
    START,
    SUGGESTIONS,
    TOUCHPOINTS,
    Field,
    Sheet,
)
from xlplugin.core.writeback.sheets import in_language
from xlplugin.errors import WorkbookError
from xlplugin.files.safe import atomic_save
from xlplugin.text import Lang, Text

VALIDATION_ROWS = 1000
"""How far down a table sheet the dropdowns and number checks reach."""
LIVE_ROWS = 500
"""How far down the Touchpoints table reaches with its live formulas: LibreOffice does not
fill a table's calculated column into new rows as Excel does, so the rows are there already."""
CENTRED = ("scale", "boolean", "integer", "number")

EMOTION_FILLS = {2: "63BE7B", 1: "B1D580", 0: "E7E6E6", -1: "FBAA77", -2: "F8696B"}
"""The emotion levels' colours, red to green, the same for a word and its number; neutral is
light grey, so it is never taken for a warning's yellow."""
QUADRANT_FILLS = {
    "concentrate-here": "F8CBAD",
    "keep-up": "C6EFCE",
    "low-priority": "FFF2CC",
    "possible-overkill": "DDEBF7",
}
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
REQUIRED_FILL = PatternFill("solid", fgColor="C55A11")
"""Headers and labels of required fields: orange, explained on the Start sheet."""
CHECK_FILL = "FF7C80"
HEADER_FONT = Font(bold=True, color="FFFFFF")
LABEL_FONT = Font(bold=True)
HELP_FONT = Font(italic=True, color="595959")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
CENTRE = Alignment(horizontal="center", vertical="top")
TABLE_STYLE = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)


def _name(key: str) -> str:
    return f"xlp_{key}"


def _write_text(cell: Any, value: object) -> None:
    """Put `value` in `cell`; text stays text even when it starts with '=' (never a formula)."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def _cell_value(f: Field, value: Any, lang: Lang) -> Any:
    """What a document value looks like in the workbook."""
    if value is None:
        return None
    if f.kind in ("choice", "boolean"):
        for choice in f.choices:
            if choice.code == value and type(choice.code) is type(value):
                return choice.label(lang)  # an emotion as a word, the one the dropdown offers
        return value
    if f.kind == "date" and isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return value
        # Excel has no dates before 1 March 1900 (its day 61): such a date stays text.
        return day if day >= dt.date(1900, 3, 1) else value
    return value


def header_width(header: str, width: float) -> float:
    """`width`, or wider where the header's longest word would break in bold (with the
    dropdown arrow of the table's header beside it): 'Contactmoment ID' never breaks mid-word."""
    longest = max((len(word) for word in header.split()), default=0)
    return max(width, round(longest * 1.2 + 3))


def typed_number(ref: str) -> str:
    """The number in cell `ref` as the check reads it: a number, or text such as 4,5 or
    4.5 (spaces ignored) in any locale; other text stays text."""
    return (f'IF(ISNUMBER({ref}),{ref},IFERROR(_xlfn.NUMBERVALUE(SUBSTITUTE({ref}&"",",","."),".",","),'
            f'{ref}))')


def on_scale(value: str, low: str, high: str) -> str:
    return f"AND(ISNUMBER({value}),{value}>={low},{value}<={high})"


def _print_setup(ws: Worksheet, header_rows: str | None = "1:1", lang: Lang = "en") -> None:
    """Landscape, one page wide, header row repeated, on A4 in a Dutch workbook: the sheet
    prints as people expect."""
    ws.page_setup.orientation = "landscape"
    if lang == "nl":
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if header_rows:
        ws.print_title_rows = header_rows


def _lines(text: object, width: float) -> int:
    """About how many lines `text` wraps to in a column `width` characters wide."""
    if not isinstance(text, str) or not text:
        return 1
    per_line = max(1, int(width * 1.15))
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def _fit_height(ws: Worksheet, row: int, cells: list[tuple[object, float]]) -> None:
    """Give a row of wrapped text the height it needs (LibreOffice does not grow it)."""
    lines = max(_lines(text, width) for text, width in cells)
    if lines > 1:
        ws.row_dimensions[row].height = min(409, 15 * lines)


def _date_format(lang: Lang) -> str:
    return "dd-mm-yyyy" if lang == "nl" else "yyyy-mm-dd"


class _TemplateWriter:
    def __init__(self, lang: Lang):
        self.lang = lang
        self.wb = Workbook()
        self.journey_rows: dict[str, int] = {}

    def title(self, s: Sheet) -> str:
        return s.name.in_(self.lang)

    def ref(self, s: Sheet, cells: str) -> str:
        return f"'{self.title(s)}'!{cells}"

    def define(self, key: str, target: str) -> None:
        self.wb.defined_names[_name(key)] = DefinedName(_name(key), attr_text=target)

    # -- validation ------------------------------------------------------------------

    def validation(self, f: Field) -> DataValidation:
        lang = self.lang
        mark = guide.REQUIRED_MARK.in_(lang) if f.required else ""
        kw: dict[str, Any] = {
            "showInputMessage": True,
            "promptTitle": f.name.in_(lang)[:32],
            "prompt": (mark + f.help.in_(lang))[:255],
            "allow_blank": True,
        }
        if f.kind == "scale" or (f.kind == "number" and f.key.endswith("threshold")):
            return DataValidation(
                type="decimal",
                operator="between",
                formula1=_name("scale_min"),
                formula2=_name("scale_max"),
                showErrorMessage=True,
                errorStyle="stop",
                error=guide.NUMBER_ERROR.in_(lang),
                **kw,
            )
        if f.kind == "integer":
            return DataValidation(
                type="whole",
                operator="greaterThanOrEqual",
                formula1="0",
                showErrorMessage=True,
                errorStyle="stop",
                error=guide.WHOLE_ERROR.in_(lang),
                **kw,
            )
        lists = {"boolean": "yes_no"}
        source = f.suggestions or lists.get(f.kind) or (f.key if f.choices else None)
        if f.key == "phase":
            source = "phases"
        if source:
            # A warning, not a stop: people may type a word in the other language or a
            # new channel; the check reports what is really wrong.
            return DataValidation(
                type="list",
                formula1=_name(source),
                showErrorMessage=f.suggestions is None,
                errorStyle="warning",
                **kw,
            )
        return DataValidation(**kw)

    def add_validation(self, ws: Worksheet, f: Field, cells: str) -> None:
        dv = self.validation(f)
        if f.kind == "scale":  # what the check accepts, no more and no less: 4,5 and 4.5, also as text
            first = cells.split(":")[0]
            dv.type, dv.operator, dv.formula2 = "custom", None, None
            dv.formula1 = on_scale(typed_number(first), _name("scale_min"), _name("scale_max"))
        dv.add(cells)
        ws.add_data_validation(dv)

    # -- sheets ----------------------------------------------------------------------

    def start_sheet(self) -> None:
        ws = self.wb.active
        ws.title = self.title(START)
        lang = self.lang
        ws.column_dimensions["A"].width = 26
        ws.column_dimensions["B"].width = 90
        ws["A1"] = guide.TITLE.in_(lang)
        ws["A1"].font = Font(bold=True, size=16, color="1F4E79")
        ws["A2"] = guide.STATUS_LABEL.in_(lang)
        ws["A2"].font = LABEL_FONT
        ws["B2"] = guide.STATUS_NONE.in_(lang)
        ws["A3"] = guide.INTRO.in_(lang)
        ws.merge_cells("A3:B3")
        ws["A3"].alignment = WRAP
        ws.row_dimensions[3].height = 62
        row = 5
        for heading, body in guide.SECTIONS:
            ws.cell(row, 1, heading.in_(lang)).font = LABEL_FONT
            ws.cell(row, 1).alignment = WRAP
            ws.cell(row, 2, body.in_(lang)).alignment = WRAP
            ws.row_dimensions[row].height = 48
            row += 1
        row += 1
        ws.cell(row, 1, guide.LEGEND_TITLE.in_(lang)).font = Font(bold=True, size=12, color="1F4E79")
        row += 1
        for code, text in guide.LEGEND.items():
            label = ws.cell(row, 1, QUADRANTS[code].in_(lang))
            label.font = LABEL_FONT
            label.fill = PatternFill("solid", fgColor=QUADRANT_FILLS[code])
            ws.cell(row, 2, text.in_(lang)).alignment = WRAP
            row += 1
        ws.cell(row, 2, guide.GAP_EXPLAINED.in_(lang)).alignment = WRAP
        ws.row_dimensions[row].height = 32
        row += 1
        ws.cell(row, 1, guide.REQUIRED_MARK.in_(lang).strip(" .")).fill = REQUIRED_FILL
        ws.cell(row, 1).font = HEADER_FONT
        ws.cell(row, 2, guide.REQUIRED_EXPLAINED.in_(lang)).alignment = WRAP
        ws.row_dimensions[row].height = 48
        _print_setup(ws, None, lang=self.lang)

    def record_sheet(self, s: Sheet, record: dict[str, Any]) -> None:
        ws = self.wb.create_sheet(self.title(s))
        lang = self.lang
        for c, header in enumerate(guide.RECORD_HEADERS, start=1):
            cell = ws.cell(1, c, header.in_(lang))
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        for c, width in zip("ABC", (26, 60, 60), strict=True):
            ws.column_dimensions[c].width = width
        for r, f in enumerate(s.fields, start=2):
            label = ws.cell(r, 1, f.name.in_(lang))
            label.font, label.alignment = LABEL_FONT, WRAP
            if f.required:
                label.fill = REQUIRED_FILL
                label.font = HEADER_FONT
            value = ws.cell(r, 2)
            _write_text(value, _cell_value(f, record.get(f.key), lang))
            value.alignment = WRAP
            if f.kind == "date":
                value.number_format = _date_format(lang)
            if f.key == "rating_scale":
                value.number_format = "@"  # so Excel never turns 1-5 into a date
            ws.cell(r, 3, (guide.REQUIRED_MARK.in_(lang) if f.required else "") + f.help.in_(lang)).font = HELP_FONT
            ws.cell(r, 3).alignment = WRAP
            _fit_height(ws, r, [(value.value, 60), (ws.cell(r, 3).value, 60)])
            self.add_validation(ws, f, f"B{r}")
            if s is JOURNEY:
                self.journey_rows[f.key] = r
        ws.freeze_panes = "A2"
        _print_setup(ws, lang=self.lang)

    def table_sheet(self, s: Sheet, items: list[dict[str, Any]]) -> None:
        ws = self.wb.create_sheet(self.title(s))
        lang = self.lang
        columns = {f.key: column_letter(c) for c, f in enumerate(s.fields, start=1)}
        table_name = f"tbl{s.key.capitalize()}"
        computed = [f for f in s.fields if f.kind == "computed"]
        filled_rows = 1 + len(items) + s.spare_rows
        last_row = max(filled_rows, LIVE_ROWS) if computed else filled_rows
        for c, f in enumerate(s.fields, start=1):
            cell = ws.cell(1, c, f.name.in_(lang))
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            # Explicit, because LibreOffice does not paint table styles.
            cell.font, cell.fill = HEADER_FONT, REQUIRED_FILL if f.required else HEADER_FILL
            letter = columns[f.key]
            ws.column_dimensions[letter].width = header_width(f.name.in_(lang), f.width)
            if f.kind != "computed":
                self.add_validation(ws, f, f"{letter}2:{letter}{VALIDATION_ROWS}")
        ws.row_dimensions[1].height = 30
        formulas = {f.key: self.formula(f, table_name, s) for f in computed}
        for r in range(2, last_row + 1):
            item = items[r - 2] if r - 2 < len(items) else {}
            for c, f in enumerate(s.fields, start=1):
                if r > filled_rows and f.kind != "computed":
                    continue  # only the live formulas reach this far down
                cell = ws.cell(r, c)
                numeric = f.kind in CENTRED or (f.choices and type(f.choices[0].code) is int)
                cell.alignment = WRAP if f.kind == "text" else CENTRE if numeric else TOP
                if f.kind == "computed":
                    cell.value = f"={formulas[f.key]}"
                    cell.number_format = in_language("0.0", self.lang) if f.key == "gap_score" else "General"
                    continue
                _write_text(cell, _cell_value(f, item.get(f.key), lang))
                if f.kind == "id":
                    cell.number_format = "@"
                elif f.kind == "date":
                    cell.number_format = _date_format(lang)
            if item:
                _fit_height(
                    ws, r, [(item.get(f.key), f.width) for f in s.fields if f.kind == "text"] or [("", 1)]
                )
        table = Table(displayName=table_name, ref=f"A1:{column_letter(len(s.fields))}{last_row}")
        # The computed columns are calculated columns: Excel fills them into every new row.
        table.tableColumns = [
            TableColumn(
                id=c,
                name=f.name.in_(lang),
                calculatedColumnFormula=TableFormula(attr_text=formulas[f.key]) if f.key in formulas else None,
            )
            for c, f in enumerate(s.fields, start=1)
        ]
        table.tableStyleInfo = TABLE_STYLE
        ws.add_table(table)
        ws.freeze_panes = "D2" if s is TOUCHPOINTS else "A2"
        _print_setup(ws, lang=self.lang)
        if s is TOUCHPOINTS:  # 16 columns: two pages wide, ID, phase and name on both, at a readable size
            ws.page_setup.fitToWidth = 2
            ws.print_title_cols = "A:C"
        if s is TOUCHPOINTS:
            self.touchpoint_formatting(ws, columns, last_row)
        if s is PHASES:
            first = self.ref(s, "$A$2")
            span = self.ref(s, f"$A$2:$A${VALIDATION_ROWS}")
            # Grows with the Phases table, so a new phase shows up in the dropdown.
            self.define("phases", f"OFFSET({first},0,0,MAX(1,COUNTA({span})),1)")

    def formula(self, f: Field, table: str, s: Sheet) -> str:
        """The live formula of a computed column, in this row of `table` (no leading '=').

        A value off the scale or not a number shows the word 'check', never a score or a
        quadrant: the live answer may not be more confident than the check.
        """
        def here(key: str) -> str:
            name = s.field(key).name.in_(self.lang)
            for special in "'#[]@":
                name = name.replace(special, f"'{special}")
            return f"{table}[[#This Row],[{name}]]"

        imp, rat = (typed_number(here(k)) for k in ("importance", "rating"))
        lo, hi = _name("scale_min"), _name("scale_max")
        rated = f"AND(ISNUMBER({imp}),ISNUMBER({rat}))"
        bad = ",".join(f'AND(LEN({x}&"")>0,NOT({on_scale(v, lo, hi)}))'
                       for x, v in ((here("importance"), imp), (here("rating"), rat)))
        check = f'"{guide.CHECK_WORD.in_(self.lang)}"'
        if f.key == "gap_score":
            return f'IF(OR({bad}),{check},IF({rated},{gap_formula(imp, rat, lo, hi)},""))'
        q = {code: f'"{text.in_(self.lang)}"' for code, text in QUADRANTS.items()}
        it, rt = _name("importance_threshold"), _name("rating_threshold")
        empty = f"COUNTA({here('id')},{here('phase')},{here('name')},{imp},{rat})=0"
        return (
            f'IF({empty},"",IF(OR({bad}),{check},IF({rated},IF({imp}>={it},IF({rat}<={rt},{q["concentrate-here"]},'
            f"{q['keep-up']}),IF({rat}<={rt},{q['low-priority']},{q['possible-overkill']})),{q['unrated']})))"
        )

    def touchpoint_formatting(self, ws: Worksheet, columns: dict[str, str], last_row: int) -> None:
        quad, gap = columns["quadrant"], columns["gap_score"]
        area = f"{quad}2:{quad}{last_row}"
        for code, colour in QUADRANT_FILLS.items():
            text = QUADRANTS[code].in_(self.lang)
            ws.conditional_formatting.add(
                area, FormulaRule(formula=[f'${quad}2="{text}"'], fill=PatternFill("solid", bgColor=colour))
            )
        check = guide.CHECK_WORD.in_(self.lang)
        for letter in (gap, quad):
            ws.conditional_formatting.add(
                f"{letter}2:{letter}{last_row}",
                FormulaRule(formula=[f'${letter}2="{check}"'], fill=PatternFill("solid", bgColor=CHECK_FILL),
                            font=Font(bold=True), stopIfTrue=True),
            )
        ws.conditional_formatting.add(
            f"{gap}2:{gap}{last_row}",
            ColorScaleRule(
                start_type="num",
                start_value=0,
                start_color="FFFFFF",
                end_type="num",
                end_value=100,
                end_color="F4B183",
            ),
        )
        emo = columns["emotion"]
        # The dropdown's words and the numbers people type get the same colour per level.
        for choice in TOUCHPOINTS.field("emotion").choices:
            words = ",".join(f'${emo}2="{w}"' for w in (*choice.en, *choice.nl) if not w.lstrip("+-").isdigit()
                             and w not in ("+", "-", "++", "--"))
            ws.conditional_formatting.add(
                f"{emo}2:{emo}{last_row}",
                FormulaRule(formula=[f"OR({words},AND(ISNUMBER(${emo}2),${emo}2={choice.code}))"],
                            fill=PatternFill("solid", bgColor=EMOTION_FILLS[choice.code]), stopIfTrue=True),
            )

    def lists_sheet(self) -> None:
        ws = self.wb.create_sheet(self.title(LISTS))
        ws.sheet_state = "hidden"
        lang = self.lang
        lists: dict[str, list[Any]] = {
            "channels": [t.in_(lang) for t in SUGGESTIONS["channels"]],
            "yes_no": [c.label(lang) for c in TOUCHPOINTS.field("moment_of_truth").choices],
            "emotion": [c.label(lang) for c in TOUCHPOINTS.field("emotion").choices],
            "lane": [c.label(lang) for c in BLUEPRINT.field("lane").choices],
            "status": [c.label(lang) for c in ACTIONS.field("status").choices],
            "scenario": [c.label(lang) for c in JOURNEY.field("scenario").choices],
            "rating_scale": [c.label(lang) for c in JOURNEY.field("rating_scale").choices],
        }
        for c, (key, values) in enumerate(lists.items(), start=1):
            letter = column_letter(c)
            ws.cell(1, c, key).font = LABEL_FONT
            for r, value in enumerate(values, start=2):
                _write_text(ws.cell(r, c), value)
            self.define(key, self.ref(LISTS, f"${letter}$2:${letter}${len(values) + 1}"))
        # The scale and thresholds the live formulas use, read from the Journey sheet.
        scale = self.ref(JOURNEY, f"$B${self.journey_rows['rating_scale']}")
        imp = self.ref(JOURNEY, f"$B${self.journey_rows['importance_threshold']}")
        rat = self.ref(JOURNEY, f"$B${self.journey_rows['rating_threshold']}")
        settings = {
            "scale_min": "1",
            "scale_max": f'=IF(ISNUMBER(SEARCH("10",{scale})),10,5)',
            "importance_threshold": f"=IF(ISNUMBER({imp}),{imp},IF({_name('scale_max')}=10,7,4))",
            "rating_threshold": f"=IF(ISNUMBER({rat}),{rat},IF({_name('scale_max')}=10,6,3))",
        }
        c = len(lists) + 2
        letter = column_letter(c)
        for r, (key, formula) in enumerate(settings.items(), start=2):
            ws.cell(r, c - 1, key)
            ws.cell(r, c, int(formula) if formula.isdigit() else formula)
            self.define(key, self.ref(LISTS, f"${letter}${r}"))


def _unstorable(value: Any, pointer: str = "") -> str | None:
    """The pointer of the first text Excel cannot store (control characters), if any."""
    if isinstance(value, str):
        return pointer if ILLEGAL_CHARACTERS_RE.search(value) else None
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        found = _unstorable(item, f"{pointer}/{key}")
        if found is not None:
            return found
    return None


def build_workbook(document: Document | None = None, lang: Lang | None = None) -> Workbook:
    """The journey workbook, in `lang` (default: the document's language, else English),
    filled with `document` when one is given."""
    doc = document or {}
    bad = _unstorable(doc)
    if bad is not None:
        raise WorkbookError(
            Text(
                f"The text at {bad} holds a control character that Excel cannot store. Remove it and try again.",
                f"De tekst bij {bad} bevat een stuurteken dat Excel niet kan opslaan. Haal het weg en probeer opnieuw.",
            )
        )
    lang = lang or doc.get("language") or "en"
    w = _TemplateWriter(lang)
    w.start_sheet()
    for s in (JOURNEY, PERSONA):
        w.record_sheet(s, doc.get(s.key) or {})
    for s in (PHASES, TOUCHPOINTS, BLUEPRINT, ACTIONS, RESPONSES):
        w.table_sheet(s, doc.get(s.key) or [])
    w.lists_sheet()
    w.wb.calculation.fullCalcOnLoad = True
    w.wb.active = 0
    return w.wb


def write_workbook(path: str | Path, document: Document | None = None, lang: Lang | None = None) -> Path:
    """Write the journey workbook to `path` (safely: a temporary file, then a rename)."""
    wb = build_workbook(document, lang)
    return atomic_save(Path(path), wb.save)

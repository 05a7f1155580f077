"""Add or replace the tool's worksheets in an .xlsx/.xlsm package without touching anything else.

openpyxl's load-and-save drops images, charts, shapes, macros and more, so the tool's
own sheets are added by patching the zip package: the workbook's sheet list, its
relationships and the content types each gain one entry per new part, the new sheets
(with their drawing and chart) are new parts, and every other part is copied byte for
byte. On a later run the parts of the earlier run are rewritten in place.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from defusedxml import ElementTree

from xlplugin.core.document import column_letter, quote_sheet
from xlplugin.core.writeback.sheets import NewSheet
from xlplugin.errors import WorkbookError
from xlplugin.text import Text, normalise_name
from xlplugin.workbook.chart_xml import chart_xml, drawing_xml

REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_DOCUMENT = f"{REL_NS}/officeDocument"
WORKSHEET, DRAWING, CHART = f"{REL_NS}/worksheet", f"{REL_NS}/drawing", f"{REL_NS}/chart"
TYPES = {
    WORKSHEET: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
    DRAWING: "application/vnd.openxmlformats-officedocument.drawing+xml",
    CHART: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
}
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
COPY_CHUNK = 1 << 20
"""Parts that are not changed are copied through in pieces of this size: a sheet of a
million rows never sits in memory whole."""


def _cell(ref: str, value: str | int | float | None, style: str = "", number_style: str = "") -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f'<c r="{ref}"{number_style or style}><v>{value}</v></c>'
    # Inline text: whatever it says, it is never a formula.
    return f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


def sheet_xml(
    sheet: NewSheet, drawing_rid: str | None = None, header_style: int | None = None,
    number_styles: dict[str, int] | None = None, cell_styles: dict[tuple[int, int], int] | None = None,
) -> bytes:
    """The worksheet part for `sheet`: frozen below its header row, printed landscape on one page wide.
    `number_styles`: the cell style of each of the sheet's number formats."""
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(sheet.widths, start=1)
    )
    if sheet.helper_columns:
        first, last = sheet.helper_columns
        cols += f'<col min="{first}" max="{last}" width="9" hidden="1"/>'
    styles = number_styles or {}
    numbers = [f' s="{styles[f]}"' if f in styles else "" for f in sheet.formats]
    own = cell_styles or {}
    rows = []
    for r, values in enumerate(sheet.rows, start=1):
        style = f' s="{header_style}"' if r == 1 and header_style else ""
        cells = "".join(
            _cell(f"{column_letter(c)}{r}", v, f' s="{own[r, c]}"' if (r, c) in own else style,
                  numbers[c - 1] if r > 1 and c <= len(numbers) else "")
            for c, v in enumerate(values, start=1)
        )
        lines = sheet.row_lines(r) if sheet.wrap else 1
        height = f' ht="{min(409, 15 * lines)}" customHeight="1"' if lines > 1 else ""
        rows.append(f'<row r="{r}"{height}>{cells}</row>')
    links = "".join(
        f'<hyperlink ref="{column_letter(link.column)}{link.row}" '
        f"location={quoteattr(quote_sheet(link.sheet) + '!' + link.cell)} display={quoteattr(link.text)}/>"
        for link in sheet.links
    )
    return (
        XML_HEAD + f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
        'state="frozen"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        + (f"<cols>{cols}</cols>" if cols else "")
        + f"<sheetData>{''.join(rows)}</sheetData>"
        + (f"<hyperlinks>{links}</hyperlinks>" if links else "")
        + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
        + (f'<drawing r:id="{drawing_rid}"/>' if drawing_rid else "")
        + "</worksheet>"
    ).encode("utf-8")


def _rels_xml(rels: dict[str, tuple[str, str]]) -> bytes:
    items = "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>' for rid, (kind, target) in rels.items())
    return (XML_HEAD + f'<Relationships xmlns="{PKG_REL_NS}">{items}</Relationships>').encode("utf-8")


def _insert_before_close(xml: bytes, tag: str, fragment: str) -> bytes:
    """`fragment` put just before the closing tag of the last `tag` element (any prefix)."""
    text = xml.decode("utf-8")
    matches = list(re.finditer(rf"</(?:[\w.-]+:)?{tag}\s*>", text))
    if not matches:
        raise WorkbookError(Text(f"The workbook has no <{tag}> list.", f"De werkmap heeft geen <{tag}>-lijst."))
    at = matches[-1].start()
    return (text[:at] + fragment + text[at:]).encode("utf-8")


def _rels_path(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _resolve(base_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_part), target))


class _Patch:
    """The package being changed: what stays, what is rewritten, what is new."""

    def __init__(self, path: Path):
        try:
            self.zip = zipfile.ZipFile(path)
            self.names = set(self.zip.namelist())
            # part names ignore case, and some programs write them with backslashes
            self.by_lower = {n.replace("\\", "/").lower(): n for n in self.names}
            root_rels = ElementTree.fromstring(self.read("_rels/.rels"))
            self.workbook = self.logical(next(
                (r.get("Target", "") for r in root_rels if r.get("Type") == OFFICE_DOCUMENT), "xl/workbook.xml"
            ).lstrip("/"))
            self.workbook_xml = self.read(self.workbook)
            self.workbook_rels = self.read(_rels_path(self.workbook))
            self.content_types = self.read("[Content_Types].xml")
            book = ElementTree.fromstring(self.workbook_xml)
            self.rels = {r.get("Id"): r.get("Target", "") for r in ElementTree.fromstring(self.workbook_rels)}
        except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError) as exc:
            raise WorkbookError(
                Text(f"{path.name} is not a readable Excel workbook.", f"{path.name} is geen leesbare Excel-werkmap.")
            ) from exc
        sheets = book.find(f"{{{MAIN_NS}}}sheets")
        self.entries = [] if sheets is None else list(sheets)
        self.folder = posixpath.dirname(self.workbook)
        self.parts: dict[str, bytes] = {}
        self.taken: set[str] = set(self.names)

    def real(self, part: str) -> str:
        """The zip entry of `part` as it is spelt in the package (part names ignore case)."""
        return part if part in self.names else self.by_lower.get(part.lower(), part)

    def logical(self, part: str) -> str:
        """The name the code uses for `part`: as the package spells it, with '/' between folders."""
        return self.real(part).replace("\\", "/")

    def has(self, part: str) -> bool:
        return self.real(part) in self.names

    def read(self, part: str) -> bytes:
        return self.zip.read(self.real(part))

    def free_part(self, folder: str, stem: str, ext: str = "xml") -> str:
        """A part name in `folder` (under the workbook's folder, which may be the package root) not yet used."""
        n = 1
        while posixpath.join(folder, f"{stem}{n}.{ext}").lower() in self.taken_lower():
            n += 1
        part = posixpath.join(folder, f"{stem}{n}.{ext}")
        self.taken.add(part)
        return part

    def taken_lower(self) -> set[str]:
        return {t.replace("\\", "/").lower() for t in self.taken}

    def under(self, *folders: str) -> str:
        """A folder beside the workbook part (`xl/worksheets`, or `worksheets` for a root-level workbook)."""
        return posixpath.join(self.folder, *folders)

    def has_content_type(self, part: str) -> bool:
        types = self.content_types.decode("utf-8", "replace")
        ext = posixpath.splitext(part)[1].lstrip(".")
        if re.search(rf'PartName="/{re.escape(part)}"', types, re.I):
            return True
        return bool(ext) and re.search(rf'<(?:\w+:)?Default\b[^>]*Extension="{re.escape(ext)}"', types, re.I) is not None

    def add_content_type(self, part: str, content_type: str) -> None:
        self.content_types = _insert_before_close(
            self.content_types, "Types",
            f'<Override xmlns="{CONTENT_TYPES_NS}" PartName="/{part}" ContentType="{content_type}"/>',
        )

    def new_override(self, part: str, kind: str) -> None:
        self.add_content_type(part, TYPES[kind])

    def existing_target(self, part: str, kind: str) -> str | None:
        """The part that `part` links to with a relationship of `kind`, if any."""
        rels = self.real(_rels_path(part))
        if rels not in self.names:
            return None
        for r in ElementTree.fromstring(self.zip.read(rels)):
            if r.get("Type") == kind:
                return self.logical(_resolve(part, r.get("Target", "")))
        return None

    def sheet_part(self, sheet: NewSheet, hidden: bool = False) -> str:
        """The part of `sheet`: the earlier run's (same name or an alias), or a new one listed in the workbook."""
        wanted = {normalise_name(n) for n in (sheet.title, *sheet.aliases)}
        for entry in self.entries:
            if normalise_name(entry.get("name", "")) in wanted:
                return self.logical(_resolve(self.workbook, self.rels[entry.get(f"{{{REL_NS}}}id")]))
        part = self.free_part(self.under("worksheets"), "sheet")
        rid, n = "rIdXlplugin1", 1
        while rid in self.rels:
            n += 1
            rid = f"rIdXlplugin{n}"
        self.rels[rid] = part
        sheet_id = max((int(e.get("sheetId", "0")) for e in self.entries), default=0) + 1
        self.entries.append(ElementTree.fromstring(
            f'<sheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}" name={quoteattr(sheet.title)} sheetId="{sheet_id}" r:id="{rid}"/>'
        ))
        # Each inserted element declares its own namespaces: valid whatever prefixes the
        # writer of the workbook chose, and wherever it declared them.
        self.workbook_xml = _insert_before_close(
            self.workbook_xml, "sheets",
            f'<sheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}" name={quoteattr(sheet.title)} sheetId="{sheet_id}"'
            + (' state="hidden"' if hidden else "") + f' r:id="{rid}"/>',
        )
        target = posixpath.relpath(part, self.folder) if self.folder else part
        self.workbook_rels = _insert_before_close(
            self.workbook_rels, "Relationships",
            f'<Relationship xmlns="{PKG_REL_NS}" Id="{rid}" Type="{WORKSHEET}" Target="{target}"/>',
        )
        self.new_override(part, WORKSHEET)
        return part

    def put(
        self, sheet: NewSheet, hidden: bool = False, header_style: int | None = None,
        number_styles: dict[str, int] | None = None, cell_styles: dict[tuple[int, int], int] | None = None,
    ) -> None:
        part = self.sheet_part(sheet, hidden)
        if sheet.chart is None:
            self.parts[part] = sheet_xml(sheet, None, header_style, number_styles, cell_styles)
            return
        drawing = self.existing_target(part, DRAWING)
        chart = self.existing_target(drawing, CHART) if drawing else None
        if drawing is None:
            drawing = self.free_part(self.under("drawings"), "drawing")
            self.new_override(drawing, DRAWING)
        if chart is None:
            chart = self.free_part(self.under("charts"), "chart")
            self.new_override(chart, CHART)
        self.parts[part] = sheet_xml(sheet, "rId1", header_style, number_styles, cell_styles)
        self.parts[_rels_path(part)] = _rels_xml({"rId1": (DRAWING, posixpath.relpath(drawing, posixpath.dirname(part)))})
        self.parts[drawing] = drawing_xml(sheet.chart, "rId1")
        self.parts[_rels_path(drawing)] = _rels_xml({"rId1": (CHART, posixpath.relpath(chart, posixpath.dirname(drawing)))})
        self.parts[chart] = chart_xml(sheet.title if not self.has(part) else self._title_of(part), sheet.chart)

    def _title_of(self, part: str) -> str:
        for entry in self.entries:
            rid = entry.get(f"{{{REL_NS}}}id")
            if rid and self.logical(_resolve(self.workbook, self.rels.get(rid, ""))) == part:
                return entry.get("name", "")
        return ""

    def save(self, tmp: str) -> None:
        changed = {self.real(name): data for name, data in self.parts.items()}
        for name in sorted(set(changed) - self.names):  # a new part needs a content type
            if not self.has_content_type(name) and name.endswith(".rels"):
                self.add_content_type(name, RELS_TYPE)
        changed[self.real(self.workbook)] = self.workbook_xml
        changed[self.real(_rels_path(self.workbook))] = self.workbook_rels
        changed[self.real("[Content_Types].xml")] = self.content_types
        with zipfile.ZipFile(tmp, "w") as out:
            for info in self.zip.infolist():
                data = changed.pop(info.filename, None)
                if data is not None:
                    out.writestr(info, data)
                    continue
                # unchanged: streamed through, so memory stays bounded by what changes
                with self.zip.open(info) as src, out.open(_copy_info(info), "w", force_zip64=info.file_size > 2**31) as dst:
                    shutil.copyfileobj(src, dst, COPY_CHUNK)
            for name in sorted(changed):  # the new parts
                out.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), changed[name], zipfile.ZIP_DEFLATED)


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """The entry's name, date, compression and attributes, for writing it again."""
    copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    copy.compress_type = info.compress_type
    copy.external_attr = info.external_attr
    copy.create_system = info.create_system
    copy.comment = info.comment
    return copy

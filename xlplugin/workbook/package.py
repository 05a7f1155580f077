"""Add or replace one worksheet in an .xlsx/.xlsm package without touching anything else.

openpyxl's load-and-save drops images, charts, shapes, macros and more, so the tool's
own sheets are added by patching the zip package: three small XML parts get one entry
each (the workbook's sheet list, its relationships, the content types), the new sheet
is one new part, and every other part is copied byte for byte.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from defusedxml import ElementTree

from ..document import column_letter
from ..errors import WorkbookError
from ..sheets import NewSheet
from ..text import Text, normalise_name
from .safe import atomic_save

REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_DOCUMENT = f"{REL_NS}/officeDocument"
WORKSHEET = f"{REL_NS}/worksheet"
WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


def quote_sheet(title: str) -> str:
    """A sheet name as a formula or link writes it: 'Name' with quotes doubled."""
    return "'" + title.replace("'", "''") + "'"


def _cell(ref: str, value: str | int | float | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f'<c r="{ref}"><v>{value}</v></c>'
    # Inline text: whatever it says, it is never a formula.
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


def sheet_xml(sheet: NewSheet) -> bytes:
    """The worksheet part for `sheet`, frozen below its header row."""
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(sheet.widths, start=1)
    )
    rows = []
    for r, values in enumerate(sheet.rows, start=1):
        cells = "".join(_cell(f"{column_letter(c)}{r}", v) for c, v in enumerate(values, start=1))
        rows.append(f'<row r="{r}">{cells}</row>')
    links = "".join(
        f'<hyperlink ref="{column_letter(link.column)}{link.row}" '
        f"location={quoteattr(quote_sheet(link.sheet) + '!' + link.cell)} display={quoteattr(link.text)}/>"
        for link in sheet.links
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
        'state="frozen"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        + (f"<cols>{cols}</cols>" if cols else "")
        + f"<sheetData>{''.join(rows)}</sheetData>"
        + (f"<hyperlinks>{links}</hyperlinks>" if links else "")
        + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
        "</worksheet>"
    ).encode("utf-8")


def _insert_before_close(xml: bytes, tag: str, fragment: str) -> bytes:
    """`fragment` put just before the closing tag of the last `tag` element (any prefix)."""
    text = xml.decode("utf-8")
    matches = list(re.finditer(rf"</(?:[\w.-]+:)?{tag}\s*>", text))
    if not matches:
        # <sheets/> with nothing in it cannot happen in a valid workbook; refuse instead of guessing.
        raise WorkbookError(Text(f"The workbook has no <{tag}> list.", f"De werkmap heeft geen <{tag}>-lijst."))
    at = matches[-1].start()
    return (text[:at] + fragment + text[at:]).encode("utf-8")


class _Package:
    def __init__(self, path: Path):
        try:
            self.zip = zipfile.ZipFile(path)
            self.names = set(self.zip.namelist())
            rels = ElementTree.fromstring(self.zip.read("_rels/.rels"))
        except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError) as exc:
            raise WorkbookError(
                Text(f"{path.name} is not a readable Excel workbook.", f"{path.name} is geen leesbare Excel-werkmap.")
            ) from exc
        target = next(
            (r.get("Target", "") for r in rels if r.get("Type") == OFFICE_DOCUMENT), "xl/workbook.xml"
        ).lstrip("/")
        self.workbook = target
        folder, name = posixpath.split(target)
        self.folder = folder
        self.workbook_rels = posixpath.join(folder, "_rels", f"{name}.rels")

    def read(self, name: str) -> bytes:
        return self.zip.read(name)


def add_sheet(source: Path, target: Path, sheet: NewSheet) -> Path:
    """Write `source` to `target` with `sheet` added, or put in place of the sheet of the
    same name (or an alias) left by an earlier run. Every other part is copied as it is."""
    pkg = _Package(source)
    workbook_xml = pkg.read(pkg.workbook)
    rels_xml = pkg.read(pkg.workbook_rels)
    workbook = ElementTree.fromstring(workbook_xml)
    rels = {r.get("Id"): r.get("Target", "") for r in ElementTree.fromstring(rels_xml)}
    sheets = workbook.find(f"{{{MAIN_NS}}}sheets")
    entries = [] if sheets is None else list(sheets)
    wanted = {normalise_name(n) for n in (sheet.title, *sheet.aliases)}
    existing = next((e for e in entries if normalise_name(e.get("name", "")) in wanted), None)

    changed: dict[str, bytes] = {}
    if existing is not None:
        # An earlier run's sheet: same entry, same part, new content.
        target_part = rels[existing.get(f"{{{REL_NS}}}id")]
        if target_part.startswith("/"):
            part = target_part.lstrip("/")
        else:
            part = posixpath.normpath(posixpath.join(pkg.folder, target_part))
        changed[part] = sheet_xml(sheet)
    else:
        number = 1
        while f"{pkg.folder}/worksheets/sheet{number}.xml" in pkg.names:
            number += 1
        part = f"{pkg.folder}/worksheets/sheet{number}.xml"
        rid, n = "rIdXlplugin", 1
        while rid in rels:
            n += 1
            rid = f"rIdXlplugin{n}"
        sheet_id = max((int(e.get("sheetId", "0")) for e in entries), default=0) + 1
        # Each inserted element declares its own namespaces: valid whatever prefixes the
        # writer of the workbook chose, and wherever it declared them.
        changed[pkg.workbook] = _insert_before_close(
            workbook_xml, "sheets",
            f'<sheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}" name={quoteattr(sheet.title)} sheetId="{sheet_id}" r:id="{rid}"/>',
        )
        relative = posixpath.relpath(part, pkg.folder) if pkg.folder else part
        changed[pkg.workbook_rels] = _insert_before_close(
            rels_xml, "Relationships",
            f'<Relationship xmlns="{PKG_REL_NS}" Id="{rid}" Type="{WORKSHEET}" Target="{relative}"/>',
        )
        changed["[Content_Types].xml"] = _insert_before_close(
            pkg.read("[Content_Types].xml"), "Types",
            f'<Override xmlns="{CONTENT_TYPES_NS}" PartName="/{part}" ContentType="{WORKSHEET_TYPE}"/>',
        )
        changed[part] = sheet_xml(sheet)

    def save(tmp: str) -> None:
        with zipfile.ZipFile(tmp, "w") as out:
            for info in pkg.zip.infolist():
                out.writestr(info, changed.pop(info.filename, None) or pkg.read(info.filename))
            for name, data in changed.items():  # the new sheet part
                out.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)

    try:
        return atomic_save(target, save)
    finally:
        pkg.zip.close()

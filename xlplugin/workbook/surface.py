"""The write-back plan carried out on a workbook file, by patching its package.

The surface of `xlplugin.core.writeback.plan` for the file route (annotate): cell fills become cell
styles (a copy of the cell's own style with only the fill changed, so number format,
font, borders and protection stay), notes become the sheet's comments part and its
VML drawing, the status line an inline string in its cell. Only the parts that change
are rewritten: the marked sheets, the styles, the comments; every other part is
copied byte for byte by the package patch.
"""

from __future__ import annotations

import bisect
import copy
import posixpath
import re
import zipfile
from pathlib import Path

from defusedxml import ElementTree
from lxml import etree

from xlplugin.core.document import column_index
from xlplugin.core.writeback.plan import Outcome, Plan, apply
from xlplugin.core.writeback.sheets import NewSheet, with_chart_note
from xlplugin.errors import WorkbookError
from xlplugin.files.safe import atomic_save
from xlplugin.text import Text, normalise_name
from xlplugin.workbook.package import (
    CONTENT_TYPES_NS,
    MAIN_NS,
    PKG_REL_NS,
    REL_NS,
    _insert_before_close,
    _Patch,
    _rels_path,
    _resolve,
)

M = f"{{{MAIN_NS}}}"
STYLES = f"{REL_NS}/styles"
SHARED = f"{REL_NS}/sharedStrings"
COMMENTS = f"{REL_NS}/comments"
VML = f"{REL_NS}/vmlDrawing"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing"
STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
# The parts of a style sheet, in the order the schema wants them, with what an empty one needs.
_STYLE_ORDER = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs",
                "tableStyles", "colors", "extLst")
_STYLE_DEFAULTS = {
    "fonts": ('<font><sz val="11"/><name val="Calibri"/></font>',),
    "fills": ('<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'),
    "borders": ("<border><left/><right/><top/><bottom/><diagonal/></border>",),
    "cellStyleXfs": ('<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>',),
    "cellXfs": ('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',),
    "cellStyles": ('<cellStyle name="Normal" xfId="0" builtinId="0"/>',),
}


def complete_styles(root: etree._Element) -> bool:
    """Give a style sheet the fonts, fills, borders and cell styles every cell style refers
    to, where it lacks them (an empty cellXfs, no fills...); True when something was added."""
    added = False
    for name, defaults in _STYLE_DEFAULTS.items():
        element = root.find(f"{M}{name}")
        if element is None:
            element = etree.Element(f"{M}{name}")
            later = _STYLE_ORDER[_STYLE_ORDER.index(name) + 1:]
            follower = next((e for e in root if etree.QName(e).localname in later), None)
            if follower is None:
                root.append(element)
            else:
                follower.addprevious(element)
        if len(element) == 0:
            for xml in defaults:
                element.append(etree.fromstring(f'<w xmlns="{MAIN_NS}">{xml}</w>')[0])
            element.set("count", str(len(element)))
            added = True
    return added
AUTHOR = "xlplugin"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_REF = re.compile(r"^([A-Z]+)([0-9]+)$")
# Where <legacyDrawing> goes in a worksheet: before the first of these that is present.
_AFTER_LEGACY = ("legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems",
                 "tableParts", "extLst")
_SHAPE = re.compile(r"<(?:[\w-]+:)?shape\b(?:(?!<(?:[\w-]+:)?shape\b).)*?</(?:[\w-]+:)?shape\s*>", re.S)
_ROW_COL = re.compile(r"<(?:[\w-]+:)?Row>\s*(\d+)\s*</(?:[\w-]+:)?Row>\s*<(?:[\w-]+:)?Column>\s*(\d+)\s*<", re.S)
VML_HEAD = (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:x="urn:schemas-microsoft-com:office:excel">'
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{block}"/></o:shapelayout>'
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
    "</xml>"
)


def _number(text: str | None) -> int:
    """An index attribute as a number: 0 when it is missing or empty (s="" is written by some programs)."""
    try:
        return int(text or 0)
    except ValueError:
        return 0


def _part(root: etree._Element) -> bytes:
    """A package part's bytes, with the declaration Excel writes."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _key(element: etree._Element) -> tuple[object, ...]:
    """What an element says, whatever prefixes it was written with: for finding equal styles."""
    return (etree.QName(element).localname, tuple(sorted(element.attrib.items())),
            tuple(_key(child) for child in element))


def _split(ref: str) -> tuple[int, int]:
    """'C5' -> (row 5, column 3)."""
    m = _REF.match(ref)
    if not m:
        raise ValueError(ref)
    return int(m.group(2)), column_index(m.group(1))


def _vml_shape(shape_id: int, row: int, col: int, lines: int) -> str:
    height = min(max(lines, 3), 14) * 12 + 6
    return (
        '<v:shape xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        f'xmlns:x="urn:schemas-microsoft-com:office:excel" id="_x0000_s{shape_id}" type="#_x0000_t202" '
        f'style="position:absolute;margin-left:60pt;margin-top:2pt;width:260pt;height:{height}pt;z-index:1;'
        'visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">'
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>'
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>'
        '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill>'
        f"<x:Row>{row - 1}</x:Row><x:Column>{col - 1}</x:Column></x:ClientData></v:shape>"
    )


_SHAPE_ID = re.compile(r'\bid="_x0000_s(\d+)"')
_IDMAP = re.compile(r'(<(?:[\w-]+:)?idmap\b[^>]*?\bdata=")([^"]*)(")')
BLOCK = 1024
"""VML shape ids come in blocks of 1024: a drawing's o:idmap lists the blocks its ids use."""


def _blocks(vml: str, old: str) -> str:
    """The o:idmap data of a drawing: the blocks of the shape ids it holds (the old ones if it holds none)."""
    blocks = sorted({int(n) // BLOCK for n in _SHAPE_ID.findall(vml)})
    return ",".join(str(b) for b in blocks) if blocks else old


class ShapeIds:
    """Note shape ids for the whole package: new ones continue after the highest id in any
    drawing, in a block no other drawing claims, so no id is used twice (Excel repairs a
    workbook whose drawings share ids)."""

    def __init__(self, drawings: dict[str, str]):
        self.highest = 0
        self.owner: dict[int, str] = {}
        for part, vml in drawings.items():
            ids = [int(n) for n in _SHAPE_ID.findall(vml)]
            self.highest = max([self.highest, *ids])
            claimed = {i // BLOCK for i in ids}
            for m in _IDMAP.finditer(vml):
                claimed |= {int(b) for b in re.findall(r"\d+", m.group(2))}
            for block in claimed:
                self.owner.setdefault(block, part)

    def new_block(self, part: str) -> int:
        """A block no drawing uses yet, for a new drawing `part`."""
        block = max([0, self.highest // BLOCK, *self.owner]) + 1
        self.owner[block] = part
        return block

    def next_id(self, part: str) -> int:
        """The next shape id for a note in the drawing `part`."""
        candidate = max(self.highest + 1, BLOCK + 1)
        if candidate % BLOCK == 0:
            candidate += 1
        if self.owner.get(candidate // BLOCK, part) != part:
            candidate = self.new_block(part) * BLOCK + 1
        self.owner[candidate // BLOCK] = part
        self.highest = candidate
        return candidate


class _Comments:
    """The notes of one sheet: its comments part and the VML drawing that shows them."""

    def __init__(self, surface: PackageSurface, sheet_part: str):
        self.surface, self.sheet_part = surface, sheet_part
        patch = surface.patch
        self.part = surface.target(sheet_part, COMMENTS)
        self.vml_part = surface.target(sheet_part, VML)
        self.root = etree.fromstring(patch.read(self.part), _PARSER) if self.part else None
        self.vml = patch.read(self.vml_part).decode("utf-8", "replace") if self.vml_part else None
        self.by_ref: dict[str, etree._Element] = {}
        if self.root is not None:
            for c in self.root.iter(f"{M}comment"):
                self.by_ref.setdefault(c.get("ref", ""), c)
        self.gone: set[tuple[int, int]] = set()
        """(row, column), 0-based, of removed notes whose VML shapes are dropped when written."""
        self.dirty = False

    def find(self, cell: str) -> etree._Element | None:
        return self.by_ref.get(cell)

    def text(self, cell: str) -> str | None:
        c = self.find(cell)
        return None if c is None else "".join(t.text or "" for t in c.iter(f"{M}t"))

    def remove(self, cell: str) -> None:
        c = self.by_ref.pop(cell, None)
        if c is None:
            return
        c.getparent().remove(c)
        row, col = _split(cell)
        self.gone.add((row - 1, col - 1))
        self.dirty = True

    def _drop_shapes(self) -> None:
        """The VML shapes of removed notes, all in one pass (a sheet may have thousands)."""
        if not self.gone or self.vml is None:
            return
        gone = self.gone

        def keep(m: re.Match[str]) -> str:
            rc = _ROW_COL.search(m.group(0))
            return "" if rc and (int(rc.group(1)), int(rc.group(2))) in gone else m.group(0)

        self.vml = _SHAPE.sub(keep, self.vml)
        self.gone = set()

    def add(self, cell: str, text: str) -> None:
        if self.root is None:
            self._create()
        assert self.root is not None and self.vml is not None
        authors = self.root.find(f"{M}authors")
        if authors is None:
            authors = etree.Element(f"{M}authors")
            self.root.insert(0, authors)
        names = [a.text for a in authors]
        if AUTHOR not in names:
            etree.SubElement(authors, f"{M}author").text = AUTHOR
            names.append(AUTHOR)
        listing = self.root.find(f"{M}commentList")
        if listing is None:
            listing = etree.SubElement(self.root, f"{M}commentList")
        self._drop_shapes()  # the old shape of this cell goes before the new one is added
        comment = etree.SubElement(listing, f"{M}comment", ref=cell, authorId=str(names.index(AUTHOR)), shapeId="0")
        self.by_ref[cell] = comment
        t = etree.SubElement(etree.SubElement(etree.SubElement(comment, f"{M}text"), f"{M}r"), f"{M}t")
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        row, col = _split(cell)
        shape = _vml_shape(self.surface.shapes.next_id(self.vml_part or ""), row, col, text.count("\n") + 1)
        at = self.vml.rfind("</xml>")
        self.vml = self.vml[:at] + shape + self.vml[at:] if at >= 0 else self.vml + shape
        self.dirty = True

    def _create(self) -> None:
        surface, patch = self.surface, self.surface.patch
        self.part = patch.free_part(patch.folder, "comments")
        self.vml_part = patch.free_part(patch.under("drawings"), "vmlDrawing", "vml")
        self.root = etree.fromstring(f'<comments xmlns="{MAIN_NS}"><authors/><commentList/></comments>'.encode())
        self.vml = VML_HEAD.format(block=surface.shapes.new_block(self.vml_part))
        patch.add_content_type(self.part, COMMENTS_TYPE)
        if not patch.has_content_type(self.vml_part):
            patch.content_types = _insert_before_close(
                patch.content_types, "Types",
                f'<Default xmlns="{CONTENT_TYPES_NS}" Extension="vml" ContentType="{VML_TYPE}"/>',
            )
        base = posixpath.dirname(self.sheet_part)
        surface.add_rel(self.sheet_part, COMMENTS, posixpath.relpath(self.part, base))
        rid = surface.add_rel(self.sheet_part, VML, posixpath.relpath(self.vml_part, base))
        sheet = surface.sheet_tree(self.sheet_part)
        legacy = etree.Element(f"{M}legacyDrawing")
        legacy.set(f"{{{REL_NS}}}id", rid)
        follower = next((e for e in sheet if etree.QName(e).localname in _AFTER_LEGACY), None)
        if follower is None:
            sheet.append(legacy)
        else:
            follower.addprevious(legacy)
        surface.dirty.add(self.sheet_part)

    def write(self) -> None:
        self._drop_shapes()
        if self.dirty and self.vml is not None:
            self.vml = _IDMAP.sub(lambda m: m.group(1) + _blocks(self.vml or "", m.group(2)) + m.group(3), self.vml, 1)
        if self.dirty and self.part and self.vml_part and self.root is not None and self.vml is not None:
            self.surface.patch.parts[self.part] = _part(self.root)
            self.surface.patch.parts[self.vml_part] = self.vml.encode("utf-8")


class PackageSurface:
    """A workbook file as a surface for `xlplugin.core.writeback.plan.apply`; `save` writes it (atomically)."""

    def __init__(self, source: Path):
        self.patch = _Patch(source)
        self.trees: dict[str, etree._Element] = {}
        self.dirty: set[str] = set()
        self.comments: dict[str, _Comments] = {}
        self.rels: dict[str, etree._Element] = {}
        self.row_indexes: dict[str, dict[int, etree._Element]] = {}
        self.row_numbers: dict[str, list[int]] = {}
        self.xf_keys: dict[tuple[object, ...], int] | None = None
        self.shapes = ShapeIds({self.patch.logical(name): self.patch.zip.read(name).decode("utf-8", "replace")
                                for name in self.patch.names if name.lower().endswith(".vml")})
        styles = self.target(self.patch.workbook, STYLES)
        self.styles_dirty = False
        if styles is None or not self.patch.has(styles):  # a package without a styles part gets one
            styles = self.patch.under("styles.xml")  # where other programs look for it (openpyxl only there)
            if styles.lower() in self.patch.taken_lower():
                styles = self.patch.free_part(self.patch.folder, "styles")
            self.patch.taken.add(styles)
            self.patch.add_content_type(styles, STYLES_TYPE)
            self.patch.workbook_rels = _insert_before_close(
                self.patch.workbook_rels, "Relationships",
                f'<Relationship xmlns="{PKG_REL_NS}" Id="rIdXlpStyles" Type="{STYLES}" '
                f'Target="{posixpath.relpath(styles, self.patch.folder or ".")}"/>',
            )
            self.styles = etree.fromstring(f'<styleSheet xmlns="{MAIN_NS}"/>'.encode())
            self.styles_dirty = True
        else:
            self.styles = etree.fromstring(self.patch.read(styles), _PARSER)
        self.styles_part = styles
        self.styles_dirty |= complete_styles(self.styles)
        self.xfs = self.styles.find(f"{M}cellXfs")
        self.fills = self.styles.find(f"{M}fills")
        shared = self.target(self.patch.workbook, SHARED)
        self.shared: list[str] = []
        if shared and self.patch.has(shared):
            for si in etree.fromstring(self.patch.read(shared), _PARSER).iter(f"{M}si"):
                self.shared.append("".join(t.text or "" for t in si.iter(f"{M}t")))

    # -- the package -------------------------------------------------------------------

    def target(self, part: str, kind: str) -> str | None:
        rels = self._rels(part)
        for r in rels:
            if r.get("Type") == kind and r.get("TargetMode") != "External":
                return self.patch.logical(_resolve(part, r.get("Target", "")))
        return None

    def _rels(self, part: str) -> etree._Element:
        path = _rels_path(part)
        if path not in self.rels:
            data = self.patch.parts.get(path) or (self.patch.read(path) if self.patch.has(path) else None)
            self.rels[path] = (etree.fromstring(data, _PARSER) if data
                               else etree.fromstring(f'<Relationships xmlns="{PKG_REL_NS}"/>'.encode()))
        return self.rels[path]

    def add_rel(self, part: str, kind: str, target: str) -> str:
        rels = self._rels(part)
        taken = {r.get("Id") for r in rels}
        n = 1
        while f"rIdXlp{n}" in taken:
            n += 1
        etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship", Id=f"rIdXlp{n}", Type=kind, Target=target)
        self.patch.parts[_rels_path(part)] = _part(rels)
        return f"rIdXlp{n}"

    def part_of(self, name: str) -> str | None:
        wanted = normalise_name(name)
        for entry in self.patch.entries:
            if normalise_name(entry.get("name", "")) == wanted:
                rid = entry.get(f"{{{REL_NS}}}id")
                target = self.patch.rels.get(rid)
                return self.patch.logical(_resolve(self.patch.workbook, target)) if target else None
        return None

    def sheet_tree(self, part: str) -> etree._Element:
        if part not in self.trees:
            data = self.patch.parts.get(part) or self.patch.read(part)
            self.trees[part] = etree.fromstring(data, _PARSER)
        return self.trees[part]

    def _notes(self, sheet: str) -> _Comments:
        part = self.part_of(sheet)
        assert part is not None
        if part not in self.comments:
            self.comments[part] = _Comments(self, part)
        return self.comments[part]

    # -- cells -----------------------------------------------------------------------------

    def _rows(self, part: str) -> etree._Element:
        data = self.sheet_tree(part).find(f"{M}sheetData")
        if data is None:
            raise KeyError("sheetData")
        return data

    def _cell(self, part: str, ref: str, create: bool) -> tuple[etree._Element | None, etree._Element | None]:
        """The <row> and <c> elements of `ref` (created, in order, when asked)."""
        row_no, col_no = _split(ref)
        data = self._rows(part)
        index = self._row_index(part, data)
        row = index.get(row_no)
        if row is None:
            if not create:
                return None, None
            numbers = self.row_numbers[part]
            at = bisect.bisect_left(numbers, row_no)
            row = etree.Element(f"{M}row", r=str(row_no))
            if at == len(numbers):
                data.append(row)
            else:
                index[numbers[at]].addprevious(row)
            numbers.insert(at, row_no)
            index[row_no] = row
        cell, following, previous = None, None, 0
        for element in row.iterchildren(f"{M}c"):
            ref_here = element.get("r")
            n = _split(ref_here)[1] if ref_here else previous + 1
            previous = n
            if n == col_no:
                cell = element
                break
            if n > col_no:
                following = element
                break
        if cell is None and create:
            cell = etree.Element(f"{M}c", r=ref)
            style = self._default_style(part, row, col_no)
            if style:
                cell.set("s", str(style))
            if following is None:
                row.append(cell)
            else:
                following.addprevious(cell)
            row.attrib.pop("spans", None)
        return row, cell

    def _row_index(self, part: str, data: etree._Element) -> dict[int, etree._Element]:
        """Row number -> <row> of a sheet, built once (a sheet may have thousands of marks)."""
        index = self.row_indexes.get(part)
        if index is None:
            index, previous = {}, 0
            for element in data.iterchildren(f"{M}row"):
                n = int(element.get("r") or previous + 1)
                previous = n
                index.setdefault(n, element)
            self.row_indexes[part] = index
            self.row_numbers[part] = sorted(index)
        return index

    def _style_index(self, wanted: etree._Element) -> int:
        """The index of a cell style equal to `wanted`, added when there is none yet."""
        key = _key(wanted)
        if self.xf_keys is None:  # the styles there are, so a style is never added twice
            self.xf_keys = {}
            for i, xf in enumerate(self.xfs):
                self.xf_keys.setdefault(_key(xf), i)
        index = self.xf_keys.get(key)
        if index is None:
            self.xfs.append(wanted)
            self.xfs.set("count", str(len(self.xfs)))
            self.styles_dirty = True
            index = self.xf_keys[key] = len(self.xfs) - 1
        return index

    def _default_style(self, part: str, row: etree._Element | None, col_no: int) -> int:
        """The style an empty cell shows: its row's (when set) or its column's."""
        if row is not None and row.get("customFormat") in ("1", "true") and row.get("s"):
            return _number(row.get("s"))
        cols = self.sheet_tree(part).find(f"{M}cols")
        for col in [] if cols is None else cols:
            if _number(col.get("min")) <= col_no <= _number(col.get("max")):
                return _number(col.get("style"))
        return 0

    def _style(self, part: str, ref: str) -> int:
        row, cell = self._cell(part, ref, create=False)
        if cell is not None:
            return _number(cell.get("s"))
        return self._default_style(part, row, _split(ref)[1])

    # -- the Surface ---------------------------------------------------------------------------

    def has_sheet(self, name: str) -> bool:
        return self.part_of(name) is not None

    def read_rows(self, name: str) -> list[list[object]]:
        part = self.part_of(name)
        if part is None:
            return []
        rows: list[list[object]] = []
        for row in self._rows(part).iterchildren(f"{M}row"):
            values: list[object] = []
            for c in row.iterchildren(f"{M}c"):
                ref = c.get("r")
                if ref:
                    values.extend([None] * (_split(ref)[1] - 1 - len(values)))
                kind, v = c.get("t"), c.find(f"{M}v")
                if kind == "inlineStr":
                    values.append("".join(t.text or "" for t in c.iter(f"{M}t")))
                elif kind == "s" and v is not None and (v.text or "").isdigit() and int(v.text) < len(self.shared):
                    values.append(self.shared[int(v.text)])
                else:
                    values.append(None if v is None else v.text)
            rows.append(values)
        return rows

    def fill(self, sheet: str, cell: str) -> str | None:
        part = self.part_of(sheet)
        assert part is not None
        index = self._style(part, cell)
        fill_id = _number(self.xfs[index].get("fillId")) if index < len(self.xfs) else 0
        if fill_id >= len(self.fills):
            return None
        pattern = self.fills[fill_id].find(f"{M}patternFill")
        if pattern is None:
            return f"fill:{fill_id}"
        kind = pattern.get("patternType")
        if kind in (None, "none"):
            return None
        fg = pattern.find(f"{M}fgColor")
        if kind == "solid" and fg is not None and fg.get("rgb"):
            return fg.get("rgb", "")[-6:].upper()
        return f"fill:{fill_id}"

    def _solid(self, colour: str) -> int:
        rgb = f"FF{colour.upper()}"
        for i, fill in enumerate(self.fills):
            pattern = fill.find(f"{M}patternFill")
            fg = None if pattern is None else pattern.find(f"{M}fgColor")
            if pattern is not None and pattern.get("patternType") == "solid" and fg is not None and fg.get("rgb") == rgb:
                return i
        fill = etree.SubElement(self.fills, f"{M}fill")
        pattern = etree.SubElement(fill, f"{M}patternFill", patternType="solid")
        etree.SubElement(pattern, f"{M}fgColor", rgb=rgb)
        etree.SubElement(pattern, f"{M}bgColor", indexed="64")
        self.fills.set("count", str(len(self.fills)))
        self.styles_dirty = True
        return len(self.fills) - 1

    def set_fill(self, sheet: str, cell: str, colour: str | None) -> None:
        part = self.part_of(sheet)
        assert part is not None
        if colour is None:
            fill_id = 0
        elif colour.startswith("fill:"):
            fill_id = int(colour[5:])
        else:
            fill_id = self._solid(colour)
        base = self._style(part, cell)
        original = self.xfs[base] if base < len(self.xfs) else self.xfs[0]
        if _number(original.get("fillId")) == fill_id:
            return
        wanted = copy.deepcopy(original)
        wanted.set("fillId", str(fill_id))
        wanted.set("applyFill", "1")
        index = self._style_index(wanted)
        _, c = self._cell(part, cell, create=True)
        assert c is not None
        c.set("s", str(index))
        self.dirty.add(part)

    def note(self, sheet: str, cell: str) -> str | None:
        return self._notes(sheet).text(cell)

    def set_note(self, sheet: str, cell: str, text: str | None) -> None:
        notes = self._notes(sheet)
        notes.remove(cell)
        if text is not None:
            notes.add(cell, text)

    def set_value(self, sheet: str, cell: str, text: str) -> None:
        part = self.part_of(sheet)
        assert part is not None
        _, c = self._cell(part, cell, create=True)
        assert c is not None
        for child in list(c):
            c.remove(child)
        c.set("t", "inlineStr")
        t = etree.SubElement(etree.SubElement(c, f"{M}is"), f"{M}t")
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        self.dirty.add(part)

    def put_sheet(self, sheet: NewSheet, hidden: bool = False) -> None:
        part = self.part_of(sheet.title)
        if part is not None:
            self.trees.pop(part, None)
            self.row_indexes.pop(part, None)
            self.dirty.discard(part)
            self.comments.pop(part, None)
        numbers = {f: self._number_style(f) for f in sheet.formats if f}
        own: dict[tuple[int, int], int] = {}
        if sheet.wrap:  # wrapped columns, and every cell beside them aligned to the top with them
            wrap, top = self._wrap_style(), self._top_style()
            own |= {(r, c): wrap if c in sheet.wrap else top
                    for r in range(2, len(sheet.rows) + 1) for c in range(1, len(sheet.rows[r - 1]) + 1)}
        for r, c, colour in sheet.fills:
            own[r, c] = self._fill_style(colour)
        self.patch.put(with_chart_note(sheet), hidden, self._bold(), numbers, own)  # its chart draws uncertain hollow

    def _wrap_style(self) -> int:
        """A style whose text wraps in its column, top-aligned (added once)."""
        xf = etree.Element(f"{M}xf", numFmtId="0", fontId="0", fillId="0", borderId="0", xfId="0",
                           applyAlignment="1")
        etree.SubElement(xf, f"{M}alignment", wrapText="1", vertical="top")
        return self._style_index(xf)

    def _top_style(self) -> int:
        xf = etree.Element(f"{M}xf", numFmtId="0", fontId="0", fillId="0", borderId="0", xfId="0",
                           applyAlignment="1")
        etree.SubElement(xf, f"{M}alignment", vertical="top")
        return self._style_index(xf)

    def _fill_style(self, colour: str) -> int:
        """A style filled with `colour` (RRGGBB), top-aligned beside wrapped text (added once)."""
        xf = etree.Element(f"{M}xf", numFmtId="0", fontId="0", fillId=str(self._solid(colour)), borderId="0",
                           xfId="0", applyFill="1", applyAlignment="1")
        etree.SubElement(xf, f"{M}alignment", vertical="top")
        return self._style_index(xf)

    def _number_style(self, code: str) -> int:
        """A cell style showing numbers as `code` (e.g. 0.0), added once with its number format."""
        formats = self.styles.find(f"{M}numFmts")
        found = None if formats is None else next((f for f in formats if f.get("formatCode") == code), None)
        if found is not None:
            fmt_id = _number(found.get("numFmtId"))
        else:
            if formats is None:
                formats = etree.Element(f"{M}numFmts")
                self.styles.insert(0, formats)
            fmt_id = max([163, *(_number(f.get("numFmtId")) for f in formats)]) + 1
            etree.SubElement(formats, f"{M}numFmt", numFmtId=str(fmt_id), formatCode=code)
            formats.set("count", str(len(formats)))
            self.styles_dirty = True
        xf = etree.Element(f"{M}xf", numFmtId=str(fmt_id), fontId="0", fillId="0", borderId="0", xfId="0",
                           applyNumberFormat="1")
        return self._style_index(xf)

    def _bold(self) -> int:
        """A style with the workbook's default font in bold, for the header rows (added once)."""
        fonts = self.styles.find(f"{M}fonts")
        if fonts is None or not len(fonts):
            return 0
        bold = copy.deepcopy(fonts[0])
        for old in bold.findall(f"{M}b"):
            bold.remove(old)
        bold.insert(0, etree.Element(f"{M}b"))
        key = _key(bold)
        font_id = next((i for i, f in enumerate(fonts) if _key(f) == key), None)
        if font_id is None:
            fonts.append(bold)
            fonts.set("count", str(len(fonts)))
            self.styles_dirty = True
            font_id = len(fonts) - 1
        xf = etree.Element(f"{M}xf", numFmtId="0", fontId=str(font_id), fillId="0", borderId="0", xfId="0",
                           applyFont="1")
        return self._style_index(xf)

    def save(self, tmp: str) -> None:
        for part in self.dirty:
            self.patch.parts[part] = _part(self.trees[part])
        for notes in self.comments.values():
            notes.write()
        if self.styles_dirty:
            self.patch.parts[self.styles_part] = _part(self.styles)
        self.patch.save(tmp)

    def close(self) -> None:
        self.patch.zip.close()


def apply_plan(source: Path, target: Path, plan: Plan) -> Outcome:
    """Write `source` to `target` with `plan` carried out; every part it does not change is copied as it is."""
    try:
        surface = PackageSurface(source)
    except (KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise _unusual(source) from exc
    try:
        outcome = apply(plan, surface)
        atomic_save(target, surface.save)
        return outcome
    except (KeyError, ValueError, IndexError, etree.XMLSyntaxError, ElementTree.ParseError, zipfile.BadZipFile) as exc:
        raise _unusual(source) from exc
    finally:
        surface.close()


def _unusual(source: Path) -> WorkbookError:
    return WorkbookError(
        Text(f"{source.name} is put together in an unusual way, so the check could not be written into it. "
             "Open it in Excel, save it, and try again.",
             f"{source.name} zit ongebruikelijk in elkaar, dus de controle kon er niet in geschreven worden. "
             "Open het in Excel, sla het op en probeer opnieuw.")
    )

"""Write imported rows into the Responses sheet of a workbook by patching its package.

Everything but the Responses sheet (and, where it has one, its table's range) is copied
byte for byte, as `annotate` does. A sheet that exists keeps every row of the user's:
the rows of the respondents being imported again (same wave) are overwritten in place,
new rows go into the empty rows below the last answer and after them. So a second import
of the same export rewrites the very same cells with the very same values. Every text is
written as an inline string: a comment that starts with "=" stays text, never a formula.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from defusedxml import ElementTree

from xlplugin.core.document import ReadResult, column_index, column_letter
from xlplugin.core.layout import RESPONSES
from xlplugin.core.writeback.sheets import NewSheet
from xlplugin.errors import WorkbookError
from xlplugin.files.safe import atomic_save
from xlplugin.text import Lang, Text, normalise_name
from xlplugin.workbook.package import REL_NS, _Patch, _rels_path, _resolve

TABLE = f"{REL_NS}/table"
GENERAL_COMMENT = Text("General comment", "Algemene opmerking")
"""A comment about the whole journey (or a phase): kept with the respondent on the row that
carries the overall satisfaction, in a column of its own that no touchpoint reads."""
WRITTEN = ("respondent", "touchpoint_id", "importance", "rating", "comment", "wave", "overall")


@dataclass
class Written:
    """What was written: rows added, rows overwritten, the sheet's title and whether it is new."""

    added: int
    replaced: int
    removed: int
    sheet: str
    created: bool


_REF = re.compile(r"\$?([A-Za-z]+)\$?(\d+)")
_VALUE = re.compile(r"<(?:[\w.-]+:)?(?:v|t|f)\b[^>]*>[^<]")
_ATTRS = {name: re.compile(rf'(?<![\w:]){name}\s*=\s*"([^"]*)"') for name in ("r", "s")}


def _split_ref(ref: str) -> tuple[int, int]:
    m = _REF.match(ref)
    if not m:
        raise ValueError(ref)
    return column_index(m.group(1)), int(m.group(2))


def replaced_rows(result: ReadResult, wave: str, respondents: set[str]) -> list[int]:
    """The rows of the Responses sheet that hold `wave`'s answers of `respondents` (normalised)."""
    place = result.locator.tables.get("responses")
    items = result.document.get("responses") or []
    if place is None:
        return []
    w = normalise_name(wave)
    out = []
    for item, row in zip(items, place.rows, strict=False):
        if normalise_name(str(item.get("respondent", ""))) in respondents and normalise_name(
                str(item.get("wave", ""))) == w:
            out.append(row)
    return out


def _cell_xml(p: str, ref: str, value: object, style: str) -> str:
    s = f' s="{style}"' if style else ""
    if value is None or value == "":
        return f'<{p}c r="{ref}"{s}/>' if style else ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f'<{p}c r="{ref}"{s}><{p}v>{value}</{p}v></{p}c>'
    text = escape(str(value))
    return f'<{p}c r="{ref}"{s} t="inlineStr"><{p}is><{p}t xml:space="preserve">{text}</{p}t></{p}is></{p}c>'


_ROW = re.compile(r"<(?P<p>(?:[\w.-]+:)?)row\b(?P<attrs>[^>]*?)(?:/>|>(?P<body>.*?)</(?P=p)row\s*>)", re.S)
_CELL = re.compile(r"<(?P<p>(?:[\w.-]+:)?)c\b(?P<attrs>[^>]*?)(?:/>|>.*?</(?P=p)c\s*>)", re.S)


def _attr(attrs: str, name: str) -> str | None:
    pattern = _ATTRS.get(name) or re.compile(rf'(?<![\w:]){name}\s*=\s*"([^"]*)"')
    m = pattern.search(attrs)
    return m.group(1) if m else None


class _Sheet:
    """The rows of an existing worksheet part, each kept as the exact text it had."""

    def __init__(self, xml: bytes):
        self.text = xml.decode("utf-8")
        m = re.search(r"<((?:[\w.-]+:)?)sheetData\b[^>]*?(/>|>)", self.text)
        if m is None:
            raise WorkbookError(Text("The Responses sheet has no cell data part.",
                                     "Het blad Antwoorden heeft geen celgegevens."))
        self.p = m.group(1)
        if m.group(2) == "/>":
            self.before, self.after, body = self.text[:m.start()] + f"<{self.p}sheetData>", \
                f"</{self.p}sheetData>" + self.text[m.end():], ""
        else:
            close = self.text.index(f"</{self.p}sheetData>", m.end())
            self.before, body, self.after = self.text[:m.end()], self.text[m.end():close], self.text[close:]
        self.rows: dict[int, str] = {}
        last = 0
        for rm in _ROW.finditer(body):
            r = _attr(rm.group("attrs"), "r")
            n = int(r) if r and r.isdigit() else last + 1
            self.rows[n] = rm.group(0)
            last = n

    def cells(self, r: int) -> dict[int, tuple[str, str]]:
        """Column -> (cell text, style) of row `r`."""
        out: dict[int, tuple[str, str]] = {}
        row = self.rows.get(r)
        if row is None:
            return out
        n = 0
        for cm in _CELL.finditer(row):
            ref = _attr(cm.group("attrs"), "r")
            n = _split_ref(ref)[0] if ref else n + 1
            out[n] = (cm.group(0), _attr(cm.group("attrs"), "s") or "")
        return out

    def has_values(self, r: int) -> bool:
        row = self.rows.get(r)
        return row is not None and _VALUE.search(row) is not None

    def put_row(self, r: int, values: dict[int, object], styles: dict[int, str]) -> None:
        """Row `r` with `values` in their columns; its other cells (the user's own columns) kept."""
        old = self.rows.get(r)
        cells = self.cells(r)
        attrs = ""
        if old is not None:
            head = _ROW.match(old)
            attrs = re.sub(r'\s(?:spans|r)\s*=\s*"[^"]*"', "", head.group("attrs") if head else "")
        merged: dict[int, str] = {c: text for c, (text, _) in cells.items() if c not in values}
        for c, v in values.items():
            style = cells[c][1] if c in cells else styles.get(c, "")
            merged[c] = _cell_xml(self.p, f"{column_letter(c)}{r}", v, style)
        body = "".join(merged[c] for c in sorted(merged))
        self.rows[r] = f'<{self.p}row r="{r}"{attrs}>{body}</{self.p}row>'

    def xml(self) -> bytes:
        body = "".join(self.rows[r] for r in sorted(self.rows))
        text = self.before + body + self.after
        last_row = max(self.rows, default=1)
        last_col = max((max(self.cells(r), default=1) for r in (min(self.rows, default=1), last_row)), default=1)
        dim = re.search(r"<(?:[\w.-]+:)?dimension\b[^>]*\bref=\"([^\"]*)\"", text)
        if dim:
            first = dim.group(1).split(":")[0]
            end = dim.group(1).split(":")[-1]
            try:
                c, r = _split_ref(end)
            except ValueError:
                c, r = last_col, last_row
            ref = f"{first}:{column_letter(max(c, last_col))}{max(r, last_row)}"
            text = text[:dim.start(1)] + ref + text[dim.end(1):]
        return text.encode("utf-8")


def _headers(lang: Lang) -> dict[str, str]:
    return {f.key: f.name.in_(lang) for f in RESPONSES.fields}


def write_rows(
    source: Path, target: Path, result: ReadResult, rows: Sequence[dict[str, object]], replace: Sequence[int],
    header_texts: dict[int, str], lang: Lang,
) -> Written:
    """Write `rows` (dicts with the keys of WRITTEN and 'general_comment') into the Responses sheet of
    the workbook at `source`, to `target`; `replace`: the sheet rows they take the place of;
    `header_texts`: the header row's texts by column (to find a General comment column)."""
    patch = _Patch(source)
    place = result.locator.tables.get("responses")
    title = result.locator.sheets.get("responses") if place is not None else None
    names = _headers(lang)
    need_general = any(r.get("general_comment") for r in rows)
    if place is None or title is None:
        keys = ["respondent", "touchpoint_id", "importance", "rating", "emotion", "comment", "wave", "overall"]
        header = [names[k] for k in keys] + ([GENERAL_COMMENT.in_(lang)] if need_general else [])
        body = [[r.get(k) for k in keys] + ([r.get("general_comment")] if need_general else []) for r in rows]
        title = RESPONSES.name.in_(lang)
        widths = [RESPONSES.field(k).width for k in keys] + ([44] if need_general else [])
        patch.put(NewSheet(title, (RESPONSES.name.en, RESPONSES.name.nl), [header, *body], widths))
        atomic_save(target, patch.save)
        return Written(len(rows), 0, 0, title, True)
    part = patch.sheet_part(NewSheet(title, (), []))
    sheet = _Sheet(patch.read(part))
    header_row = place.header_row
    columns = {k: column_index(v) for k, v in place.columns.items()}
    header_cells = sheet.cells(header_row)
    last_header = max([*header_cells, *columns.values(), 0])
    general_names = {normalise_name(GENERAL_COMMENT.en), normalise_name(GENERAL_COMMENT.nl)}
    for c, text in header_texts.items():
        if normalise_name(text) in general_names:
            columns["general_comment"] = c
    added_headers: dict[int, str] = {}
    for key in ("wave", "overall", "general_comment"):
        if key in columns or not any(r.get(key) not in (None, "") for r in rows):
            continue
        last_header += 1
        columns[key] = last_header
        added_headers[last_header] = GENERAL_COMMENT.in_(lang) if key == "general_comment" else names[key]
    if added_headers:
        header_style = next((style for _, (_, style) in sorted(header_cells.items(), reverse=True) if style), "")
        sheet.put_row(header_row, dict(added_headers.items()), {c: header_style for c in added_headers})
    # the style of each column: from the first answer row, for rows that have no cell of it yet
    first_data = min(place.rows, default=header_row + 1)
    styles = {c: s for c, (_, s) in sheet.cells(first_data).items()}
    data_rows = [r for r in sheet.rows if r > header_row and sheet.has_values(r)]
    last_data = max(data_rows, default=header_row)
    slots = sorted(replace)
    free = (r for r in range(last_data + 1, 10**7) if r not in slots)
    targets = slots[:len(rows)] + [next(free) for _ in range(max(0, len(rows) - len(slots)))]
    for r, values in zip(targets, rows, strict=True):
        sheet.put_row(r, {columns[k]: values.get(k) for k in (*WRITTEN, "general_comment") if k in columns}, styles)
    for r in slots[len(rows):]:  # fewer rows than before: the left-over rows emptied
        sheet.put_row(r, {columns[k]: None for k in (*WRITTEN, "general_comment") if k in columns}, styles)
    patch.parts[part] = sheet.xml()
    _grow_table(patch, part, max([*targets, last_data]), added_headers)
    atomic_save(target, patch.save)
    return Written(max(0, len(rows) - len(slots)), min(len(rows), len(slots)), max(0, len(slots) - len(rows)),
                   title, False)


def _grow_table(patch: _Patch, part: str, last_row: int, added: dict[int, str]) -> None:
    """The sheet's table (when it has one covering the header) reaches the last row and the added columns."""
    rels = patch.real(_rels_path(part))
    if rels not in patch.names:
        return
    for rel in ElementTree.fromstring(patch.zip.read(rels)):
        if rel.get("Type") != TABLE:
            continue
        table_part = patch.logical(_resolve(part, rel.get("Target", "")))
        if not patch.has(table_part):
            continue
        xml = patch.read(table_part).decode("utf-8")
        m = re.search(r'(<(?:[\w.-]+:)?table\b[^>]*?\bref=")([^"]+)(")', xml)
        if not m or ":" not in m.group(2):
            continue
        start, end = m.group(2).split(":")
        c0, _ = _split_ref(start)
        c1, r1 = _split_ref(end)
        new_c1 = c1
        for c in sorted(added):
            if c == new_c1 + 1:
                new_c1 = c
        ref = f"{start}:{column_letter(new_c1)}{max(r1, last_row)}"
        xml = xml[:m.start(2)] + ref + xml[m.end(2):]
        auto = re.search(r'(<(?:[\w.-]+:)?autoFilter\b[^>]*?\bref=")([^"]+)(")', xml)
        if auto:
            xml = xml[:auto.start(2)] + ref + xml[auto.end(2):]
        if new_c1 > c1:
            tc = re.search(r"<((?:[\w.-]+:)?)tableColumns\b([^>]*)>", xml)
            if tc:
                p = tc.group(1)
                ids = [int(x) for x in re.findall(r'<(?:[\w.-]+:)?tableColumn\b[^>]*\bid="(\d+)"', xml)]
                extra = "".join(
                    f'<{p}tableColumn id="{max(ids, default=0) + i}" name={quoteattr(added[c])}/>'
                    for i, c in enumerate(range(c1 + 1, new_c1 + 1), start=1))
                close = xml.index(f"</{p}tableColumns>")
                xml = xml[:close] + extra + xml[close:]
                count = new_c1 - c0 + 1
                xml = re.sub(r'(<(?:[\w.-]+:)?tableColumns\b[^>]*\bcount=")(\d+)(")',
                             lambda mm, n=count: f"{mm.group(1)}{n}{mm.group(3)}", xml, count=1)
        patch.parts[table_part] = xml.encode("utf-8")
        return


__all__ = ["GENERAL_COMMENT", "Written", "replaced_rows", "write_rows"]

"""Files as people have them: permissions kept, workbooks that are not journeys, and
packages put together by other programs (root-level parts, no <Default> content types,
no styles part, part names in another case, Excel 4.0 macro sheets)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xlplugin.api import annotate_workbook, check_workbook
from xlplugin.workbook import write_workbook

from helpers.workbooks import example


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_new_files_get_the_permissions_the_umask_gives(tmp_path, umask_022):
    path = write_workbook(tmp_path / "journey.xlsx", example("home-insurance"))
    assert mode(path) == 0o644
    done = annotate_workbook(path)
    assert mode(done.path) == 0o644


def test_in_place_keeps_the_workbooks_own_permissions(tmp_path, umask_022):
    path = write_workbook(tmp_path / "shared.xlsx", example("home-insurance"))
    os.chmod(path, 0o664)
    annotate_workbook(path, in_place=True)
    assert mode(path) == 0o664


def plain_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "Budget"
    wb.active.append(["Item", "Cost"])
    wb.active.append(["Coffee", 4])
    wb.save(path)
    return path


@pytest.mark.parametrize("command", ["check", "gaps", "deck", "annotate", "export"])
def test_a_workbook_that_is_not_a_journey_stops_with_one_sentence(tmp_path, command):
    path = plain_workbook(tmp_path / "budget 2026.xlsx")
    before = path.read_bytes()
    run = subprocess.run([sys.executable, "-m", "xlplugin", command, str(path)], capture_output=True, text=True,
                         env={**os.environ, "LANG": "C"}, cwd=tmp_path)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "not a journey workbook" in lines[0] and "xlplugin new" in lines[0]
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["budget 2026.xlsx"]


# -- packages put together by other programs ------------------------------------------------

def faulty(tmp_path: Path, name: str = "faulty.xlsx") -> Path:
    """A journey workbook with findings (so annotate writes notes, fills and new parts)."""
    path = write_workbook(tmp_path / name, example("home-insurance"))
    wb = openpyxl.load_workbook(path)
    wb["Touchpoints"]["F3"] = "quite"
    wb["Touchpoints"]["N2"].comment = openpyxl.comments.Comment("Ask the claims team", "Anna")
    wb.save(path)
    return path


def repack(source: Path, target: Path, rename=lambda n: n, edit=None, drop=()) -> Path:
    """`source` written again as `target`: entries renamed, edited (name -> bytes -> bytes) or dropped."""
    edit = edit or {}
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename in drop:
                continue
            data = src.read(info.filename)
            if info.filename in edit:
                data = edit[info.filename](data)
            out.writestr(rename(info.filename), data)
    return target


def entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def content_types_cover_every_part(path: Path) -> list[str]:
    """The entries of the package that have no content type (should be none)."""
    import re

    parts = entries(path)
    types = parts["[Content_Types].xml"].decode()
    defaults = {e.lower() for e in re.findall(r'<Default[^>]*Extension="([^"]+)"', types)}
    overrides = {p.lower() for p in re.findall(r'<Override[^>]*PartName="([^"]+)"', types)}
    return [n for n in parts if n != "[Content_Types].xml" and not n.endswith("/")
            and f"/{n}".lower() not in overrides and n.rsplit(".", 1)[-1].lower() not in defaults]


def same_findings_after_annotate(source: Path, tmp_path: Path) -> Path:
    before = check_workbook(source).flatten()
    done = annotate_workbook(source, output=tmp_path / f"done-{source.name}")
    assert done.report.flatten() == before
    again = annotate_workbook(done.path, in_place=True)  # a second run over the first
    assert again.report.flatten() == before
    rows = list(openpyxl.load_workbook(done.path)["Findings"].iter_rows(values_only=True))
    assert [r[1:4] for r in rows[1:]] == before
    assert content_types_cover_every_part(done.path) == []
    return done.path


def test_a_workbook_whose_parts_sit_at_the_package_root(tmp_path):
    source = faulty(tmp_path)
    edits = {n: (lambda d: d.replace(b'Target="/xl/', b'Target="/')) for n in entries(source) if n.endswith(".rels")}
    root = repack(
        source, tmp_path / "root.xlsx", rename=lambda n: n[3:] if n.startswith("xl/") else n,
        edit={**edits, "_rels/.rels": lambda d: d.replace(b"xl/workbook.xml", b"workbook.xml"),
              "[Content_Types].xml": lambda d: d.replace(b'PartName="/xl/', b'PartName="/')},
    )
    assert check_workbook(root).flatten() == check_workbook(source).flatten()
    done = annotate_workbook(root, output=tmp_path / "root-done.xlsx")
    names = entries(done.path)
    assert not [n for n in names if n.startswith("/") or n.startswith("xl/")]
    assert b"//" not in names["[Content_Types].xml"].replace(b"http://", b"")
    assert content_types_cover_every_part(done.path) == []
    assert check_workbook(done.path).flatten()[:len(done.report.flatten())] == done.report.flatten()


def test_a_package_without_default_content_types(tmp_path):
    import re

    source = faulty(tmp_path)

    def only_overrides(data: bytes) -> bytes:
        text = re.sub(r"<Default [^>]*/>", "", data.decode())
        listed = set(re.findall(r'PartName="([^"]+)"', text))
        extra = "".join(
            f'<Override PartName="/{n}" ContentType="{"application/vnd.openxmlformats-package.relationships+xml" if n.endswith(".rels") else "application/vnd.openxmlformats-officedocument.vmlDrawing"}"/>'
            for n in entries(source) if f"/{n}" not in listed and n != "[Content_Types].xml")
        return text.replace("</Types>", extra + "</Types>").encode()

    plain = repack(source, tmp_path / "lo-style.xlsx", edit={"[Content_Types].xml": only_overrides})
    assert b"<Default" not in entries(plain)["[Content_Types].xml"]
    same_findings_after_annotate(plain, tmp_path)


def test_part_names_in_another_case(tmp_path):
    source = faulty(tmp_path)
    odd = repack(source, tmp_path / "case.xlsx",
                 rename=lambda n: "xl/SharedStrings.xml" if n == "xl/sharedStrings.xml" else n)
    done = same_findings_after_annotate(odd, tmp_path)
    assert "xl/sharedStrings.xml" not in entries(done)


def unstyled(source: Path) -> dict:
    """Edits that take every style reference out of the sheets (as a file without styles has them)."""
    import re

    def strip(d: bytes) -> bytes:
        d = re.sub(rb"<conditionalFormatting.*?</conditionalFormatting>", b"", d, flags=re.S)
        return re.sub(rb'\s(?:s|style)="\d+"', b"", d)

    return {n: strip for n in entries(source)
            if n.startswith("xl/worksheets/") and n.endswith(".xml")}


def test_a_package_without_a_styles_part(tmp_path):
    import re

    source = faulty(tmp_path)
    bare = repack(
        source, tmp_path / "nostyles.xlsx", drop={"xl/styles.xml"},
        edit={**unstyled(source), "xl/_rels/workbook.xml.rels": lambda d: re.sub(rb'<Relationship [^>]*styles"?[^>]*/>', b"", d),
              "[Content_Types].xml": lambda d: re.sub(rb'<Override PartName="/xl/styles.xml"[^>]*/>', b"", d)},
    )
    assert b"styles" not in entries(bare)["xl/_rels/workbook.xml.rels"]
    done = same_findings_after_annotate(bare, tmp_path)
    assert any(n.endswith("styles1.xml") or n.endswith("styles.xml") for n in entries(done))


def test_an_empty_list_of_cell_styles(tmp_path):
    import re

    source = faulty(tmp_path)
    empty = repack(source, tmp_path / "noxfs.xlsx", edit={
        **unstyled(source), "xl/styles.xml": lambda d: re.sub(rb"<cellXfs.*?</cellXfs>", b'<cellXfs count="0"/>', d, flags=re.S)})
    same_findings_after_annotate(empty, tmp_path)


def test_a_workbook_with_an_excel_4_macro_sheet(tmp_path):
    source = faulty(tmp_path)
    rel = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    macro = repack(source, tmp_path / "macro.xlsm", edit={
        "xl/workbook.xml": lambda d: d.replace(
            b"</sheets>", b'<sheet xmlns:r="' + rel + b'" name="Macro1" sheetId="99" r:id="rIdM1"/></sheets>'),
        "xl/_rels/workbook.xml.rels": lambda d: d.replace(b"</Relationships>", (
            b'<Relationship Id="rIdM1" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" '
            b'Target="macrosheets/sheet1.xml"/></Relationships>')),
        "[Content_Types].xml": lambda d: d.replace(b"</Types>", (
            b'<Override PartName="/xl/macrosheets/sheet1.xml" ContentType="application/vnd.ms-excel.macrosheet+xml"/>'
            b"</Types>")),
    })
    sheet = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xm:macrosheet '
             b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             b'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData><row r="1"><c r="A1">'
             b"<f>HALT()</f><v>1</v></c></row></sheetData></xm:macrosheet>")
    with zipfile.ZipFile(macro, "a") as z:
        z.writestr("xl/macrosheets/sheet1.xml", sheet)
    assert check_workbook(macro).flatten() == check_workbook(source).flatten()
    done = same_findings_after_annotate(macro, tmp_path)
    assert entries(done)["xl/macrosheets/sheet1.xml"] == sheet


# -- note shapes: ids unique in the package, each drawing's idmap matching its ids ---------

def shape_ids(path: Path) -> dict[str, tuple[list[int], set[int]]]:
    import re

    found = {}
    for name, data in entries(path).items():
        if name.endswith(".vml"):
            text = data.decode()
            ids = [int(n) for n in re.findall(r'id="_x0000_s(\d+)"', text)]
            blocks = {int(b) for m in re.findall(r'idmap[^>]*data="([^"]*)"', text) for b in re.findall(r"\d+", m)}
            found[name] = (ids, blocks)
    return found


def test_note_shapes_continue_after_the_notes_excel_numbered(tmp_path):
    import re

    source = faulty(tmp_path)
    wb = openpyxl.load_workbook(source)
    wb["Blueprint"]["F2"].comment = openpyxl.comments.Comment("Kept by Excel", "Bob")
    wb["Actions"]["B3"] = None  # a finding on a third sheet: a drawing of its own
    wb.save(source)

    def as_excel_numbers(data: bytes) -> bytes:  # Excel's own numbering: block 3, _x0000_s3073
        text = re.sub(r'(idmap[^>]*data=")[^"]*"', r'\g<1>3"', data.decode())
        counter = iter(range(3073, 4000))
        return re.sub(r'id="_x0000_s\d+"', lambda m: f'id="_x0000_s{next(counter)}"', text).encode()

    vml = [n for n in entries(source) if n.endswith(".vml")]
    assert len(vml) == 2
    excel = repack(source, tmp_path / "excel.xlsx", edit={n: as_excel_numbers for n in vml})
    # Excel numbers each drawing in its own block; the second here gets block 4
    excel2 = repack(excel, tmp_path / "excel2.xlsx", edit={vml[1]: lambda d: d.replace(b'data="3"', b'data="4"')
                                                           .replace(b"_x0000_s3073", b"_x0000_s4097")})
    first = annotate_workbook(excel2, output=tmp_path / "first.xlsx")
    annotate_workbook(first.path, in_place=True)
    for path in (first.path, tmp_path / "first.xlsx"):
        drawings = shape_ids(path)
        assert len(drawings) >= 3
        every = [i for ids, _ in drawings.values() for i in ids]
        assert len(every) == len(set(every)), drawings  # no id twice in the package
        claimed = [b for _, blocks in drawings.values() for b in blocks]
        assert len(claimed) == len(set(claimed)), drawings  # no block claimed by two drawings
        for name, (ids, blocks) in drawings.items():
            assert {i // 1024 for i in ids} <= blocks, name  # each idmap matches the ids it uses
    assert "_x0000_s3073" in entries(first.path)[vml[0]].decode()  # Anna's note kept its id


# -- memory: annotate pays for what it changes, not for the sheets it leaves alone --------

RAW_ROWS = 500_000


def with_raw_sheet(tmp_path: Path, rows: int) -> Path:
    """A journey workbook with a raw-data sheet of `rows` rows, written straight as XML."""
    base = faulty(tmp_path, "base.xlsx")
    target = tmp_path / "raw.xlsx"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    repack(base, target, edit={
        "xl/workbook.xml": lambda d: d.replace(
            b"</sheets>", f'<sheet xmlns:r="{rel}" name="Raw data" sheetId="77" r:id="rIdRaw"/></sheets>'.encode()),
        "xl/_rels/workbook.xml.rels": lambda d: d.replace(b"</Relationships>", (
            f'<Relationship Id="rIdRaw" Type="{rel}/worksheet" Target="/xl/worksheets/raw.xml"/>'
            "</Relationships>").encode()),
        "[Content_Types].xml": lambda d: d.replace(
            b"</Types>", f'<Override PartName="/xl/worksheets/raw.xml" ContentType="{sheet_type}"/></Types>'.encode()),
    })
    with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED) as z, z.open("xl/worksheets/raw.xml", "w",
                                                                          force_zip64=True) as w:
        w.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
        for start in range(1, rows + 1, 10_000):
            w.write("".join(f'<row r="{r}"><c r="A{r}"><v>{r * 7 % 1000}</v></c><c r="B{r}" t="inlineStr"><is>'
                            f"<t>x{r % 97}</t></is></c></row>"
                            for r in range(start, min(rows, start + 9_999) + 1)).encode())
        w.write(b"</sheetData></worksheet>")
    return target


def peak_mb(code: str) -> float:
    """The peak memory (MB) of a fresh Python process running `code`."""
    run = subprocess.run([sys.executable, "-c", code + "\nimport resource\n"
                          "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"],
                         capture_output=True, text=True, check=True)
    return int(run.stdout.split()[-1]) / 1024


def test_annotate_memory_is_bounded_by_what_it_changes(tmp_path):
    path = with_raw_sheet(tmp_path, RAW_ROWS)
    with zipfile.ZipFile(path) as z:
        raw = z.getinfo("xl/worksheets/raw.xml").file_size
    assert raw > 40 * 2**20  # the untouched sheet is larger than all that annotate may use
    start = peak_mb("import xlplugin.api, xlplugin.workbook.surface, xlplugin.core.writeback.plan, lxml.etree")
    used = peak_mb(f"from xlplugin.api import annotate_workbook\nannotate_workbook({str(path)!r})") - start
    assert used < 40, f"annotate used {used:.0f} MB more than its imports over a {raw / 2**20:.0f} MB sheet"
    with zipfile.ZipFile(path) as before, zipfile.ZipFile(tmp_path / "raw.checked.xlsx") as after:
        assert after.getinfo("xl/worksheets/raw.xml").CRC == before.getinfo("xl/worksheets/raw.xml").CRC


def test_part_names_written_with_backslashes(tmp_path):
    """Some programs write 'xl\\workbook.xml'; Excel and calamine open such files, so does the tool."""
    source = faulty(tmp_path)
    odd = repack(source, tmp_path / "backslash.xlsx", rename=lambda n: n.replace("/", "\\"))
    assert "xl\\workbook.xml" in entries(odd)
    before = check_workbook(source).flatten()
    assert check_workbook(odd).flatten() == before
    done = annotate_workbook(odd, output=tmp_path / "done.xlsx")
    assert done.report.flatten() == before
    annotate_workbook(done.path, in_place=True)
    assert check_workbook(done.path).flatten() == before
    names = entries(done.path)
    assert "xl/workbook.xml" not in names  # the package's own parts are rewritten under their own names
    ids = [i for ids, _ in shape_ids(done.path).values() for i in ids]
    assert len(ids) == len(set(ids))

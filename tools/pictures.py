"""The pictures of the guides, made from real outputs: `python tools/pictures.py`.

- a sample workbook (laptop-request, Dutch) with a few typical workshop mistakes typed in,
  checked with `xlplugin annotate`: the marked Contactmomenten sheet and the Bevindingen sheet;
- the deck of a sample, home-insurance (English) and laptop-request (Dutch, the `-nl` pictures):
  the summary (slide 2) and the priority matrix.

Each is rendered by LibreOffice (headless) to PDF, the page drawn by pdftoppm and cropped to
what is on it, into docs/img/. docs/img/manifest.json records, per picture, the sha256 of the
*content* it was rendered from (cell values, fills and notes of the sheet; the XML of the slide
and its chart), which `source_digests()` computes without LibreOffice in about two seconds:
tests/test_docs.py compares the two, so a change to the tool that changes a picture's content
fails until the pictures are rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "docs" / "img"
MANIFEST = IMG / "manifest.json"
RENDER = "LibreOffice PDF, pdftoppm, white margins trimmed"  # part of every digest, with each picture's dpi and crop
TODAY = "2026-11-24"

# The mistakes people make in a workshop, typed into the Dutch sample (sheet, cell, value).
MISTAKES = (
    ("Contactmomenten", "G3", "slecht"),      # a word where the rating belongs
    ("Contactmomenten", "F5", 7),             # importance off the 1-5 scale
    ("Contactmomenten", "B6", "Aanvraag"),    # the phase is 'Aanvragen'
    ("Contactmomenten", "K7", 4),             # a rating that rests on 4 respondents
    ("Acties", "C3", None),                   # an action without an owner
)

WORKBOOK_SAMPLE = "laptop-request"
DECKS = {"": "home-insurance", "-nl": "laptop-request"}  # suffix of the picture names: the sample


def faulty_workbook(folder: Path) -> Path:
    """The sample with the mistakes typed in, as a person would in Excel, then checked
    (xlplugin annotate): returns NAME.checked.xlsx."""
    import openpyxl

    from xlplugin.api import annotate_workbook

    path = folder / "klantreis.xlsx"
    shutil.copy(ROOT / "samples" / f"{WORKBOOK_SAMPLE}.xlsx", path)
    wb = openpyxl.load_workbook(path)
    for sheet, cell, value in MISTAKES:
        wb[sheet][cell] = value
    wb.save(path)
    annotate_workbook(path)
    return path.with_name("klantreis.checked.xlsx")


def sample_deck(folder: Path, sample: str = "home-insurance") -> Path:
    from xlplugin.api import deck_workbook

    path = folder / f"{sample}.xlsx"
    shutil.copy(ROOT / "samples" / f"{sample}.xlsx", path)
    deck_workbook(path)
    return path.with_suffix(".pptx")


def _sheet_content(path: Path, sheet: str) -> str:
    """What a picture of a sheet shows: values, fills and notes, cell by cell."""
    import openpyxl

    ws = openpyxl.load_workbook(path)[sheet]
    lines = []
    for row in ws.iter_rows():
        for cell in row:
            fill = cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type else None
            note = cell.comment.text if cell.comment else None
            if cell.value is not None or fill or note:
                lines.append(f"{cell.coordinate}\t{cell.value!r}\t{fill}\t{note!r}")
    return "\n".join(lines)


def _matrix_slide(deck: Path) -> int:
    """The number (1-based) of the slide with the priority matrix: the first with a scatter chart
    of markers (the emotion curve before it is a smooth scatter)."""
    with zipfile.ZipFile(deck) as z:
        for number in range(1, 1000):
            rels = f"ppt/slides/_rels/slide{number}.xml.rels"
            if rels not in z.namelist():
                break
            for chart in re.findall(r'Target="\.\./charts/(chart\d+\.xml)"', z.read(rels).decode()):
                if b'<c:scatterStyle val="lineMarker"/>' in z.read(f"ppt/charts/{chart}"):
                    return number
    raise SystemExit(f"{deck.name} has no slide with the priority matrix")


def _slide_content(deck: Path, number: int) -> str:
    """What a picture of a slide shows: its XML and its charts' XML."""
    with zipfile.ZipFile(deck) as z:
        parts = [z.read(f"ppt/slides/slide{number}.xml")]
        rels = z.read(f"ppt/slides/_rels/slide{number}.xml.rels").decode()
        parts += [z.read(f"ppt/charts/{c}") for c in sorted(re.findall(r'charts/(chart\d+\.xml)', rels))]
    return "\n".join(p.decode("utf-8") for p in parts)


def _sources(folder: Path) -> dict[str, dict]:
    """Per picture: the file rendered, how to find its page, and the content it shows."""
    os.environ["XLPLUGIN_TODAY"] = TODAY  # overdue actions against a fixed day, the same every day
    checked = faulty_workbook(folder)
    sources = {
        "workbook-checked.png": {"file": checked, "page": ("sheet", "Contactmomenten"), "dpi": 220,
                                 "crop": (0, 0, 0.686, 0.40),
                                 "content": _sheet_content(checked, "Contactmomenten")},
        "workbook-findings.png": {"file": checked, "page": ("sheet", "Bevindingen"), "dpi": 220,
                                  "content": _sheet_content(checked, "Bevindingen")},
    }
    for suffix, sample in DECKS.items():
        deck = sample_deck(folder, sample)
        matrix = _matrix_slide(deck)
        sources[f"deck-summary{suffix}.png"] = {"file": deck, "page": ("slide", 2), "dpi": 110,
                                                "content": _slide_content(deck, 2)}
        sources[f"deck-matrix{suffix}.png"] = {"file": deck, "page": ("slide", matrix), "dpi": 110,
                                               "content": _slide_content(deck, matrix)}
    return sources


def _digest(source: dict) -> str:
    """The content a picture shows, with how it is drawn (dpi, crop): a change to either makes it stale."""
    how = f"{RENDER} dpi={source['dpi']} crop={source.get('crop')}"
    return hashlib.sha256(f"{how}\n{source['content']}".encode()).hexdigest()


def source_digests() -> dict[str, str]:
    """The digest of each picture's content, made now (no LibreOffice needed)."""
    with tempfile.TemporaryDirectory() as tmp:
        return {name: _digest(s) for name, s in _sources(Path(tmp)).items()}


def _pdf(path: Path, folder: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("tools/pictures.py needs LibreOffice: apt-get install libreoffice-calc libreoffice-impress")
    subprocess.run([soffice, f"-env:UserInstallation=file://{folder / '.lo-profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(path)],
                   check=True, capture_output=True, timeout=300)
    return path.with_suffix(".pdf")


def _page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")


def _sheet_page(pdf: Path, path: Path, sheet: str) -> int:
    """The first PDF page of `sheet`: the first page whose text holds the first values of the
    sheet's first two rows (its headers and its first row of data)."""
    import openpyxl

    ws = openpyxl.load_workbook(path, read_only=True)[sheet]
    words = []
    for row in ws.iter_rows(min_row=1, max_row=2, values_only=True):
        words += [str(v) for v in row if isinstance(v, str) and v and not v.startswith("=")][:2]
    for number, text in enumerate(_page_texts(pdf), start=1):
        if all(w in text for w in words):
            return number
    raise SystemExit(f"no page of {pdf.name} shows the sheet {sheet} ({words})")


def _png(pdf: Path, page: int, target: Path, dpi: int, crop: tuple[float, float, float, float] | None) -> None:
    """Draw `page` at `dpi`, trim the white margins, then keep the `crop` fractions of what is left."""
    from PIL import Image, ImageChops

    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(stem)], check=True, capture_output=True)
    image = Image.open(target).convert("RGB")
    background = Image.new("RGB", image.size, (255, 255, 255))
    box = ImageChops.difference(image, background).getbbox()
    if box:  # trim the white page margins, keeping a small border
        pad = 12
        box = (max(box[0] - pad, 0), max(box[1] - pad, 0), min(box[2] + pad, image.width),
               min(box[3] + pad, image.height))
        image = image.crop(box)
    if crop:
        w, h = image.size
        image = image.crop((int(crop[0] * w), int(crop[1] * h), int(crop[2] * w), int(crop[3] * h)))
    image.save(target, optimize=True)


def build() -> dict[str, str]:
    """Render every picture into docs/img/ and write the manifest."""
    IMG.mkdir(parents=True, exist_ok=True)
    manifest = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = _sources(folder)
        pdfs: dict[Path, Path] = {}
        for name, source in sources.items():
            file = source["file"]
            if file not in pdfs:
                pdfs[file] = _pdf(file, folder)
            kind, which = source["page"]
            page = _sheet_page(pdfs[file], file, which) if kind == "sheet" else which
            _png(pdfs[file], page, IMG / name, source["dpi"], source.get("crop"))
            manifest[name] = _digest(source)
            print(f"wrote {(IMG / name).relative_to(ROOT)} (page {page} of {pdfs[file].name})")
    MANIFEST.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", "utf-8")
    return manifest


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    build()

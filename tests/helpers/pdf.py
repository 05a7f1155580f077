"""A rendered deck measured: the words of each PDF page with their boxes (`pdftotext
-bbox-layout`), words on top of each other, words outside the page, and words of the deck
that are not drawn whole."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest

from helpers.decks import all_text
from helpers.office import soffice

PUNCTUATION = ",.():;“”'‘’\"!?"


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Word, slack: float = 0.6) -> bool:
        """True when the two words' boxes cross: across by more than `slack` pt, and up and down
        by more than a third of a line (a word's box runs from the font's ascent to its descent,
        so lines set a little tighter than that touch without their letters touching)."""
        across = min(self.x1, other.x1) - max(self.x0, other.x0)
        down = min(self.y1, other.y1) - max(self.y0, other.y0)
        return across > slack and down > min(self.y1 - self.y0, other.y1 - other.y0) / 3


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: list[Word]
    lines: list[list[Word]]


def pages_of(pdf: Path) -> list[Page]:
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", html).replace('xmlns="http://www.w3.org/1999/xhtml"', ""))
    pages = []
    for page in root.iter("page"):
        lines = [[Word(w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
                  for w in line.iter("word")] for line in page.iter("line")]
        pages.append(Page(float(page.get("width")), float(page.get("height")), [w for ln in lines for w in ln], lines))
    return pages


def words_per_page(pdf: Path) -> list[list[Word]]:
    return [p.words for p in pages_of(pdf)]


def render(paths: list[Path], folder: Path) -> None:
    """All of `paths` to PDF in `folder`, in one LibreOffice call (it starts slowly). The decks
    are laid out in Calibri's metrics: without Carlito, LibreOffice draws them in a wider font
    and the measures would fail for want of a font, so the test fails saying so."""
    match = subprocess.run(["fc-match", "-f", "%{family}", "Calibri"], capture_output=True, text=True).stdout
    if "Carlito" not in match:
        pytest.fail(f"Calibri is drawn in {match or 'an unknown font'}, not Carlito: apt-get install fonts-crosextra-carlito")
    subprocess.run([soffice(), f"-env:UserInstallation=file://{folder / '.lo'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), *map(str, paths)], check=True, capture_output=True, timeout=900)


def clashes(words: list[Word]) -> list[tuple[str, str]]:
    return [(a.text, b.text) for i, a in enumerate(words) for b in words[i + 1:] if a.overlaps(b)]


def outside(page: Page, slack: float = 0.5) -> list[str]:
    return [w.text for w in page.words
            if w.x0 < -slack or w.y0 < -slack or w.x1 > page.width + slack or w.y1 > page.height + slack]


def outside_frames(slide, page: Page, slack: float = 3.0) -> list[str]:
    """The words drawn outside every frame of the slide: not inside (with `slack` pt) the box of any
    shape (text box, table, chart, placeholder); text that ran out of its box. A word's box is taken
    at its middle line, so a line that only touches a frame's edge counts as inside."""
    scale = page.width / (slide.part.package.presentation_part.presentation.slide_width / 12700)
    frames = [(s.left / 12700 * scale, s.top / 12700 * scale, (s.left + s.width) / 12700 * scale,
               (s.top + s.height) / 12700 * scale) for s in slide.shapes
              if s.width and s.height and s.shape_type is not None and s.shape_type != 9]  # 9: a line
    out = []
    for w in page.words:
        x, y = (w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2
        if not any(x0 - slack <= x <= x1 + slack and y0 - slack <= y <= y1 + slack for x0, y0, x1, y1 in frames):
            out.append(w.text)
    return out


def drawn_tokens(page: Page) -> set[str]:
    """The page's words, with the pieces pdftotext splits at a change of font ("D33", "★", ",")
    joined again when they touch."""
    tokens = set()
    for line in page.lines:
        current = ""
        last = None
        for w in line:
            if last is not None and w.x0 - last.x1 < 0.8:
                current += w.text
            else:
                if current:
                    tokens.add(current.strip(PUNCTUATION))
                current = w.text
            last = w
        if current:
            tokens.add(current.strip(PUNCTUATION))
    return tokens


def broken_words(slide, page: Page, least: int = 4) -> list[str]:
    """Words of the slide's text boxes and tables (of `least` letters or more) that the page does
    not draw whole: broken over two lines, cut, or not drawn. A break after a hyphen ("e-" and
    "mail" on two lines) is where a word may break, so the parts around a hyphen count apart."""
    drawn = drawn_tokens(page)
    wanted = {t.strip(PUNCTUATION) for t in re.split(r"\s+|(?<=-)", all_text(slide))}
    return sorted(t for t in wanted if len(t) >= least and not any(t in d for d in drawn))

"""The deck's frame: the template (built in, or the company's own), the layouts picked
from it by what their placeholders are, and the area below the title where content goes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Inches, Pt

from xlplugin.deck.measure import MEASURED, fits
from xlplugin.errors import WorkbookError
from xlplugin.text import Text

WIDE = (Inches(13.333), Inches(7.5))
MARGIN = Inches(0.45)
TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
BODIES = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT}
FURNITURE = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
METRIC_FONTS = {"calibri": "carlito", "carlito": "carlito"}
TITLE_SIZES = (30, 24, 20)


@dataclass(frozen=True)
class Area:
    """A rectangle on the slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


def _kinds(layout: Any) -> set[Any]:
    return {ph.placeholder_format.type for ph in layout.placeholders}


def _widen(prs: Any) -> None:
    """The built-in template is 4:3; make it 16:9 and stretch its layouts to match."""
    factor = WIDE[0] / prs.slide_width
    prs.slide_width, prs.slide_height = WIDE
    for layout in [*prs.slide_layouts, prs.slide_master]:
        for shape in layout.placeholders:
            if shape.left is not None:
                shape.left, shape.width = int(shape.left * factor), int(shape.width * factor)


def _drop_slides(prs: Any) -> None:
    """Remove a template's own example slides: the deck holds only what the tool writes."""
    ids = prs.slides._sldIdLst
    for sld_id in list(ids):
        prs.part.drop_rel(sld_id.rId)
        ids.remove(sld_id)


class Frame:
    """The template and the layouts the slides use."""

    def __init__(self, template: str | Path | None = None):
        if template is None:
            self.prs = Presentation()
            _widen(self.prs)
            self.branded = False
        else:
            path = Path(template)
            from xlplugin.files.guard import inspect_package

            inspect_package(path)
            try:
                self.prs = Presentation(str(path))
            except Exception as exc:  # python-pptx raises many kinds for a file it cannot use
                raise WorkbookError(
                    Text(f"The template {path.name} is not a PowerPoint file (.pptx) that can be read.",
                         f"De sjabloon {path.name} is geen leesbaar PowerPoint-bestand (.pptx).")
                ) from exc
            _drop_slides(self.prs)
            self.branded = True
        MEASURED.set(METRIC_FONTS.get(self.typeface.lower(), "dejavu"))
        layouts = list(self.prs.slide_layouts)
        if not layouts:
            raise WorkbookError(Text("The template has no slide layouts.", "De sjabloon heeft geen dia-indelingen."))
        with_title = [lay for lay in layouts if _kinds(lay) & TITLES]
        self.title_layout = next(
            (lay for lay in with_title if PP_PLACEHOLDER.CENTER_TITLE in _kinds(lay) or PP_PLACEHOLDER.SUBTITLE in _kinds(lay)),
            with_title[0] if with_title else layouts[0],
        )
        self.body_layout = next((lay for lay in with_title if _kinds(lay) & BODIES), None)
        plain = [lay for lay in with_title if not (_kinds(lay) - TITLES - FURNITURE)]
        self.content_layout = plain[0] if plain else (with_title[-1] if with_title else layouts[-1])

    @property
    def typeface(self) -> str:
        """The theme's body (minor) Latin font: the font the deck's text is set in."""
        try:
            xml = self.prs.slide_master.part.part_related_by(RT.THEME).blob.decode("utf-8")
        except (KeyError, UnicodeDecodeError):
            return ""
        found = re.search(r'<a:minorFont>\s*<a:latin typeface="([^"]*)"', xml)
        return found.group(1).strip() if found else ""

    @property
    def width(self) -> int:
        return int(self.prs.slide_width)

    @property
    def height(self) -> int:
        return int(self.prs.slide_height)

    def add(self, layout: Any, title: str, notes: str) -> Any:
        """A new slide with `title` in its title placeholder and `notes` as speaker notes.
        Placeholders the tool does not fill are removed, so no empty prompt shows."""
        slide = self.prs.slides.add_slide(layout)
        title_shape = next((s for s in slide.placeholders if s.placeholder_format.type in TITLES), None)
        if title_shape is not None:
            title_shape.text_frame.text = title
            title_shape.text_frame.word_wrap = True
            if not self.branded and layout is not self.title_layout:
                self._style_title(title_shape)
            elif self.branded:  # the template's own title size; shrink a long title into its placeholder
                title_shape.text_frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
        slide.notes_slide.notes_text_frame.text = notes
        return slide

    def probe_area(self, layout: Any = None) -> Area:
        """The content area a slide of `layout` (the content layout by default) will have."""
        slide = self.add(layout or self.content_layout, "–", "")
        area = self.content_area(slide)
        self.drop_last()
        return area

    def drop_last(self) -> None:
        """Remove the last slide (one added only to measure its layout)."""
        ids = self.prs.slides._sldIdLst
        last = ids[-1]
        self.prs.part.drop_rel(last.rId)
        ids.remove(last)

    def _style_title(self, shape: Any) -> None:
        shape.left, shape.top = MARGIN, Inches(0.3)
        shape.width, shape.height = self.width - 2 * MARGIN, Inches(0.9)
        text = shape.text_frame.text
        # the largest of three sizes at which the title fits its box, measured in the deck's font
        size = next((pt for pt in TITLE_SIZES if fits([text], int(shape.width), int(shape.height), pt, bold=True)),
                    TITLE_SIZES[-1])
        for paragraph in shape.text_frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(size)
                run.font.bold = True

    def clear(self, slide: Any, keep: frozenset[Any] | set[Any] = frozenset()) -> None:
        """Remove the placeholders of `slide` the tool does not fill: all but the title and `keep`."""
        for shape in list(slide.placeholders):
            if shape.placeholder_format.type not in TITLES | set(keep):
                shape._element.getparent().remove(shape._element)

    def content_area(self, slide: Any) -> Area:
        """Below the title, inside the margins."""
        title = next((s for s in slide.placeholders if s.placeholder_format.type in TITLES), None)
        top = (title.top + title.height + Inches(0.15)) if title is not None and title.top is not None else Inches(1.3)
        top = min(int(top), int(self.height * 0.3))
        return Area(int(MARGIN), top, self.width - 2 * int(MARGIN), self.height - top - int(Inches(0.4)))

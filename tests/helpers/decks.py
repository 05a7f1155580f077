"""Decks for the tests: a corporate template, the text of a slide, and a deck built from a document."""

from __future__ import annotations

import re
from pathlib import Path

from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from xlplugin.core.analysis.compare import compare
from xlplugin.core.analysis.ranking import rank_gaps
from xlplugin.core.model import Journey
from xlplugin.deck import build_deck


def all_text(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts.extend(c.text for row in shape.table.rows for c in row.cells)
    return "\n".join(parts)


def glance_slides(prs) -> list:
    """The journey at a glance: the slides with the touchpoints' cards (one or more, '(1/2)')."""
    return [s for s in prs.slides if any(shape.name == "grid: card" for shape in s.shapes)]


def glance_text(prs) -> str:
    return "\n".join(all_text(s) for s in glance_slides(prs))


def matrix_slide(prs):
    """The priority matrix: the slide with the matrix's names beside it."""
    return next(s for s in prs.slides if any(shape.name == "prose: matrix names" for shape in s.shapes))


def corporate_template(path: Path) -> Path:
    """A company template: its own fonts and colours, 4:3, and two example slides."""
    prs = Presentation()
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    xml = theme.blob.decode("utf-8")
    xml = re.sub(r'(<a:majorFont>\s*<a:latin typeface=")[^"]*', r"\1Georgia", xml)
    xml = re.sub(r'(<a:minorFont>\s*<a:latin typeface=")[^"]*', r"\1Verdana", xml)
    xml = re.sub(r'(<a:accent1>\s*<a:srgbClr val=")[0-9A-F]{6}', r"\g<1>7A1F5C", xml)
    theme._blob = xml.encode("utf-8")
    for _ in range(2):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = "Corporate example slide"
    prs.save(path)
    return path


def build(document, lang, template=None, errors=0, before=None):
    journey = Journey.from_document(document)
    as_is = Journey.from_document(before) if before is not None else None
    return build_deck(journey, rank_gaps(journey), lang, template, errors=errors,
                      comparison=compare(as_is, journey) if as_is else None, before=as_is)

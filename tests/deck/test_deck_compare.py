"""Before/after slides when the redesign renames a phase and mixes survey means with estimates."""

from __future__ import annotations

import re

from helpers.decks import build
from helpers.workbooks import example


def _pair():
    as_is, to_be = example("laptop-request"), example("laptop-request-to-be")
    old = to_be["phases"][0]["name"]
    for phase in to_be["phases"]:
        if phase["name"] == old:
            phase["name"] = "Melden (vernieuwd)"
    for tp in to_be["touchpoints"]:
        if tp["phase"] == old:
            tp["phase"] = "Melden (vernieuwd)"
    return as_is, to_be


def test_a_renamed_phase_is_drawn_once_and_the_big_changes_come_first():
    as_is, to_be = _pair()
    prs = build(to_be, "nl", before=as_is)
    names = [p["name"] for p in to_be["phases"]]
    old = as_is["phases"][0]["name"]
    heads = []
    for slide in prs.slides:  # the curves slide: one heading per phase over both curves
        found = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame and sh.text_frame.text in (*names, old)]
        if set(names) <= set(found):
            heads = found
    assert heads.count("Melden (vernieuwd)") == 1 and old not in heads
    tables = [sh.table for s in prs.slides for sh in s.shapes if sh.has_table and "→" in sh.table.cell(1, 2).text]
    gaps = []
    for table in tables:
        for r in range(1, len(table.rows)):
            change = re.search(r"\(([+−-]?\d+(?:,\d+)?)\)", table.cell(r, 2).text)
            gaps.append(abs(float(change.group(1).replace("−", "-").replace(",", "."))) if change else 0.0)
    assert gaps and gaps == sorted(gaps, reverse=True)  # the big movers first

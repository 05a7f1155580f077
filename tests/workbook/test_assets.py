"""templates/ and samples/ are what the commands make today (content, not bytes).

When one fails: python tools/rebuild_assets.py, look at the change, commit it.
"""

from __future__ import annotations

import json

import pytest

from xlplugin.api import document_json, export_workbook
from xlplugin.core.examples import EXAMPLES, load_example
from xlplugin.workbook import write_workbook

from helpers.paths import ROOT
from helpers.workbooks import describe_workbook


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_template_is_current(tmp_path, lang):
    fresh = write_workbook(tmp_path / f"journey-{lang}.xlsx", lang=lang)
    assert describe_workbook(ROOT / "templates" / f"journey-{lang}.xlsx") == describe_workbook(fresh)


@pytest.mark.parametrize("name", EXAMPLES)
def test_sample_is_current(tmp_path, name):
    fresh = write_workbook(tmp_path / f"{name}.xlsx", load_example(name))
    committed = ROOT / "samples" / f"{name}.xlsx"
    assert describe_workbook(committed) == describe_workbook(fresh)
    assert (ROOT / "samples" / f"{name}.json").read_text("utf-8") == document_json(load_example(name))
    assert export_workbook(committed).document == json.loads(
        (ROOT / "samples" / f"{name}.json").read_text("utf-8")
    )

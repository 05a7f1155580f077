"""JSON -> workbook -> JSON gives the identical document, for every example and for
generated documents."""

from __future__ import annotations

import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xlplugin.api import document_json, export_workbook, import_document
from xlplugin.core.examples import EXAMPLES, load_example
from xlplugin.core.layout import DATA_SHEETS, Field
from xlplugin.core.schema import schema_errors
from xlplugin.workbook import read_workbook, write_workbook


@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_are_schema_valid(name):
    assert list(schema_errors(load_example(name))) == []


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("lang", [None, "en", "nl"])
def test_example_round_trips_in_either_language(tmp_path, name, lang):
    document = load_example(name)
    path = write_workbook(tmp_path / "j.xlsx", document, lang)
    result = read_workbook(path)
    assert result.findings == []
    expected = dict(document, language=lang or document["language"])
    assert result.document == expected


def test_export_import_export_is_identical(tmp_path):
    first = export_workbook(write_workbook(tmp_path / "a.xlsx", load_example("food-supplier")))
    (tmp_path / "a.json").write_text(document_json(first.document), "utf-8")
    import_document(tmp_path / "a.json", tmp_path / "b.xlsx")
    second = export_workbook(tmp_path / "b.xlsx")
    assert document_json(second.document) == document_json(first.document)
    assert first.valid and second.valid


WORDS = st.text(string.ascii_letters + string.digits + "éëïüß€ ,.;:!?()'&%=+-@/\n", min_size=1, max_size=40)
TEXT = WORDS.map(str.strip).filter(lambda s: s and not s.startswith(("\n",)))
IDS = st.text(string.ascii_uppercase + string.digits + "-_", min_size=1, max_size=8)


def _value(field: Field) -> st.SearchStrategy:
    if field.choices:
        return st.sampled_from([c.code for c in field.choices])
    return {
        "text": TEXT.filter(lambda s: not _looks_like_date(s)),
        "id": IDS,
        "date": st.dates().map(lambda d: d.isoformat()) | st.sampled_from(["Q2 2027", "next spring"]),
        "number": st.integers(1, 10) | st.floats(1, 10).map(lambda x: round(x, 2)),
        "scale": st.integers(1, 5) | st.floats(1, 5).map(lambda x: round(x, 1)),
        "integer": st.integers(0, 10_000),
    }[field.kind]


def _looks_like_date(text: str) -> bool:
    return any(ch.isdigit() for ch in text) and any(sep in text for sep in "-/.")


def _row(fields: tuple[Field, ...]) -> st.SearchStrategy:
    required = {f.key: _value(f) for f in fields if f.required}
    optional = {f.key: _value(f) for f in fields if not f.required}
    return st.fixed_dictionaries(required, optional=optional).map(
        lambda row: {f.key: row[f.key] for f in fields if f.key in row}
    )


def _document() -> st.SearchStrategy:
    parts = {"version": st.just(1), "language": st.sampled_from(["en", "nl"])}
    for s in DATA_SHEETS:
        fields = s.input_fields
        parts[s.key] = _row(fields) if s.kind == "record" else st.lists(_row(fields), max_size=4)
    return st.fixed_dictionaries(parts)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document())
def test_any_schema_valid_document_round_trips(document):
    assert list(schema_errors(document)) == []
    with tempfile.TemporaryDirectory() as tmp:
        path = write_workbook(Path(tmp) / "g.xlsx", document)
        result = read_workbook(path)
    assert result.findings == []
    assert result.document == document

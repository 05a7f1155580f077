"""The layout description and schema/journey.schema.json agree field by field."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xlplugin.core.document import empty_document, load_schema
from xlplugin.core.examples import EXAMPLES, load_example
from xlplugin.core.layout import DATA_SHEETS, Field, Sheet
from xlplugin.core.schema import schema_errors

from helpers.paths import ROOT

SCHEMA = load_schema()
JSON_TYPES = {
    "text": "string",
    "id": "string",
    "date": "string",
    "number": "number",
    "scale": "number",
    "integer": "integer",
    "boolean": "boolean",
}


def _object_schema(sheet: Sheet) -> dict:
    node = SCHEMA["properties"][sheet.key]
    if node.get("type") == "array":
        node = node["items"]
    return SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[1]]


def test_top_level_sections_are_the_data_sheets():
    assert set(SCHEMA["properties"]) == {"version", "language", *(s.key for s in DATA_SHEETS)}
    assert set(SCHEMA["required"]) == set(SCHEMA["properties"])


def test_published_schema_is_the_packaged_one():
    assert json.loads((ROOT / "schema" / "journey.schema.json").read_text("utf-8")) == SCHEMA


@pytest.mark.parametrize("sheet", DATA_SHEETS, ids=lambda s: s.key)
def test_fields_names_and_required_agree(sheet: Sheet):
    obj = _object_schema(sheet)
    assert list(obj["properties"]) == [f.key for f in sheet.input_fields]
    assert set(obj.get("required", [])) == {f.key for f in sheet.input_fields if f.required}
    assert obj["additionalProperties"] is False


@pytest.mark.parametrize(
    "sheet,field",
    [(s, f) for s in DATA_SHEETS for f in s.input_fields],
    ids=lambda x: getattr(x, "key", None),
)
def test_field_types_and_enums_agree(sheet: Sheet, field: Field):
    prop = _object_schema(sheet)["properties"][field.key]
    if field.choices and field.kind != "boolean":
        assert sorted(prop["enum"]) == sorted(c.code for c in field.choices)
    else:
        assert prop["type"] == JSON_TYPES[field.kind]
    if field.kind == "scale":
        assert (prop["minimum"], prop["maximum"]) == (1, 10)
    if field.minimum is not None:
        assert prop["minimum"] == field.minimum
    if field.maximum is not None:
        assert prop["maximum"] == field.maximum
    if prop.get("type") == "string":
        assert prop["minLength"] == 1  # empty cells are left out, never ""


def test_empty_document_is_valid_but_for_required_fields():
    problems = {(e.pointer, e.validator) for e in schema_errors(empty_document("nl"))}
    assert problems == {("/journey", "required"), ("/persona", "required")}


def test_the_schema_uses_only_keywords_the_check_knows():
    from xlplugin.core.schema import SUPPORTED

    def keywords(node):
        for key, value in node.items():
            yield key
            if key in ("properties", "$defs"):
                for sub in value.values():
                    yield from keywords(sub)
            elif key in ("items", "additionalProperties") and isinstance(value, dict):
                yield from keywords(value)

    assert set(keywords(SCHEMA)) <= SUPPORTED


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-20, 20) | st.floats(-20, 20, allow_nan=False) | st.text(max_size=4),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=4), children, max_size=3),
    max_leaves=6,
)


def _break(document, data):
    """`document` with a few values replaced by arbitrary JSON at places the schema knows."""
    for _ in range(data.draw(st.integers(1, 4))):
        section = data.draw(st.sampled_from(["journey", "persona", "phases", "touchpoints", "blueprint", "actions",
                                             "responses", "version", "language"]))
        target = document[section]
        if isinstance(target, list) and target:
            target = target[data.draw(st.integers(0, len(target) - 1))]
        if isinstance(target, dict):
            keys = [*sorted(target), "extra"]
            key = data.draw(st.sampled_from(keys))
            if data.draw(st.booleans()) and key in target:
                del target[key]
            else:
                target[key] = data.draw(JSON_VALUES)
        else:
            document[section] = data.draw(JSON_VALUES)
    return document


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(EXAMPLES)), st.data())
def test_built_in_check_reports_what_jsonschema_reports(name, data):
    from jsonschema import Draft202012Validator

    document = _break(copy.deepcopy(load_example(name)), data)
    reference = Draft202012Validator(SCHEMA).iter_errors(document)
    want = sorted({("".join(f"/{p}" for p in e.absolute_path), e.validator) for e in reference})
    got = sorted({(e.pointer, e.validator) for e in schema_errors(document)})
    assert got == want

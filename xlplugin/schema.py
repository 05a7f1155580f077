"""The document's JSON Schema check (jsonschema, 2020-12)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from .document import Document, load_schema


@dataclass(frozen=True)
class SchemaError:
    """One place where the document breaks the schema: a JSON pointer and jsonschema's
    own reason (for developers; people get findings worded for them)."""

    pointer: str
    validator: str
    reason: str
    value: Any = None
    """The value that broke the rule (for `required`: the object missing the property)."""
    expected: Any = None
    """What the rule asked for (jsonschema's validator_value)."""


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def schema_errors(document: Document) -> Iterator[SchemaError]:
    """Every way `document` breaks the schema, in document order."""
    errors = sorted(_validator().iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
    for e in errors:
        pointer = "".join(f"/{p}" for p in e.absolute_path)
        yield SchemaError(pointer, str(e.validator), e.message, e.instance, e.validator_value)

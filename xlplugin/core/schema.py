"""The document's schema check: journey.schema.json, interpreted directly.

The schema uses a small set of JSON Schema 2020-12 keywords (SUPPORTED); this module
walks the document with them in one pass. jsonschema itself is the reference in the
tests, which hold the two to the same errors: at run time it would cost a click about
0.1 s to import and some 100 µs per object to run (over a second for 10,000 touchpoints).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from xlplugin.core.document import Document, load_schema

SUPPORTED = frozenset({
    "$schema", "$id", "$defs", "$ref", "title", "description", "type", "enum", "const", "minimum", "maximum",
    "minLength", "required", "properties", "additionalProperties", "items",
})


@dataclass(frozen=True)
class SchemaError:
    """One place where the document breaks the schema: a JSON pointer, the keyword, and
    a reason (for developers; people get findings worded for them)."""

    pointer: str
    validator: str
    reason: str
    value: Any = None
    """The value that broke the rule (for `required`: the object missing the property)."""
    expected: Any = None
    """What the rule asked for (for `required`: the one missing property, in a list)."""


_MISSING = object()


def _is_type(value: Any, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return kind == "number" or isinstance(value, int) or float(value).is_integer()


def _leaf_expr(node: dict[str, Any], name: str) -> tuple[str, dict[str, Any]] | None:
    """For the leaf shapes the schema uses most: a Python expression over `v` that is true when
    `v` passes, with the constants it names (prefixed with `name`); None for other shapes."""
    keys = set(node) - {"description", "title"}
    if keys == {"type", "minLength"} and node["type"] == "string":
        return f"(type(v) is str and len(v) >= {name}_n)", {f"{name}_n": node["minLength"]}
    if keys <= {"type", "minimum", "maximum"} and node.get("type") in ("number", "integer"):
        bounds = {f"{name}_lo": node.get("minimum", float("-inf")), f"{name}_hi": node.get("maximum", float("inf"))}
        if node["type"] == "number":
            return f"((type(v) is int or type(v) is float) and {name}_lo <= v <= {name}_hi)", bounds
        return f"((type(v) is int or (type(v) is float and v.is_integer())) and {name}_lo <= v <= {name}_hi)", bounds
    if keys == {"type"} and node["type"] == "boolean":
        return "(type(v) is bool)", {}
    if keys <= {"enum", "type"} and all(isinstance(o, str) for o in node["enum"]) and node.get("type", "string") == "string":
        return f"(type(v) is str and v in {name}_set)", {f"{name}_set": frozenset(node["enum"])}
    if keys <= {"enum", "type"} and all(type(o) is int for o in node["enum"]) and node.get("type", "integer") == "integer":
        return f"(type(v) is int and v in {name}_set)", {f"{name}_set": frozenset(node["enum"])}
    return None


def _leaf(node: dict[str, Any]) -> Any:
    """A specialised predicate for the leaf shapes the schema uses most, or None."""
    found = _leaf_expr(node, "c")
    if found is None:
        return None
    expr, constants = found
    return eval(f"lambda v: {expr}", constants)  # our own expression over our own schema


def _flat_object(node: dict[str, Any], resolve: Any) -> Any:
    """An object whose properties are all leaves, as one generated function: a dict lookup and
    an inline test per property, no call per value (134,000 rows in a big survey workbook)."""
    constants: dict[str, Any] = {"_M": _MISSING, "_KEYS": frozenset(node["properties"])}
    lines = ["def check(value):", "    if type(value) is not dict:", "        return False"]
    if node.get("additionalProperties") is False:
        lines += ["    if not value.keys() <= _KEYS:", "        return False"]
    for key in node.get("required", ()):
        lines += [f"    if {key!r} not in value:", "        return False"]
    for i, (key, sub) in enumerate(node["properties"].items()):
        found = _leaf_expr(resolve(sub), f"p{i}")
        if found is None:
            return None
        expr, more = found
        constants.update(more)
        lines += [f"    v = value.get({key!r}, _M)", f"    if v is not _M and not {expr}:", "        return False"]
    lines.append("    return True")
    exec("\n".join(lines), constants)  # generated from our own schema
    return constants["check"]


def _same(a: Any, b: Any) -> bool:
    """JSON equality: 1 == 1.0, but true is not 1."""
    return a == b and isinstance(a, bool) == isinstance(b, bool)


class _Walker:
    def __init__(self, schema: dict[str, Any]):
        self.defs = schema.get("$defs", {})
        self.checks: dict[int, Any] = {}

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            node = self.defs[node["$ref"].rsplit("/", 1)[1]]
        return node

    def fine(self, node: dict[str, Any], value: Any) -> bool:
        """True when `value` has nothing to report under `node` (the fast path: no strings built)."""
        return self.predicate(node)(value)

    def predicate(self, node: dict[str, Any]) -> Any:
        """The compiled check of `node`, built on first use (so recursive $refs are fine)."""
        key = id(node)
        check = self.checks.get(key)
        if check is None:
            check = self.checks[key] = self.compile(self.resolve(node))
        return check

    def _object(self, node: dict[str, Any]) -> Any:
        """An object of known properties: one call per property value, no lookups on the way.
        The properties' checks are looked up on the first call (so recursive $refs are fine)."""
        required, closed = tuple(node.get("required", ())), node.get("additionalProperties") is False
        properties: dict[str, Any] = {}
        get = properties.get

        def check(value: Any) -> bool:
            if not properties:
                properties.update({k: self.predicate(sub) for k, sub in node["properties"].items()})
            if type(value) is not dict:
                return False
            for k in required:
                if k not in value:
                    return False
            for k, v in value.items():
                p = get(k)
                if p is None:
                    if closed:
                        return False
                elif not p(v):
                    return False
            return True

        return check

    def _array(self, node: dict[str, Any]) -> Any:
        item: list[Any] = []

        def check(value: Any) -> bool:
            if not item:
                item.append(self.predicate(node["items"]))
            return type(value) is list and all(map(item[0], value))

        return check

    def compile(self, node: dict[str, Any]) -> Any:
        leaf = _leaf(node)
        if leaf is not None:
            return leaf
        keys = set(node) - {"description", "title"}
        if node.get("type") == "object" and "properties" in node and keys <= {
                "type", "properties", "required", "additionalProperties"} and node.get(
                "additionalProperties", False) is False:
            return _flat_object(node, self.resolve) or self._object(node)
        if node.get("type") == "array" and keys == {"type", "items"}:
            return self._array(node)
        kind, enum, const = node.get("type"), node.get("enum"), node.get("const", _MISSING)
        low, high, shortest = node.get("minimum"), node.get("maximum"), node.get("minLength")
        properties, required = node.get("properties"), node.get("required", ())
        closed, items = node.get("additionalProperties") is False, node.get("items")

        def check(value: Any) -> bool:
            if kind is not None and not _is_type(value, kind):
                return False
            if enum is not None and not any(_same(value, option) for option in enum):
                return False
            if const is not _MISSING and not _same(value, const):
                return False
            if (low is not None or high is not None) and _is_type(value, "number") and (
                    (low is not None and value < low) or (high is not None and value > high)):
                return False
            if shortest is not None and isinstance(value, str) and len(value) < shortest:
                return False
            if isinstance(value, dict):
                if any(k not in value for k in required):
                    return False
                if properties is not None:
                    if closed and any(k not in properties for k in value):
                        return False
                    for k, v in value.items():
                        sub = properties.get(k)
                        if sub is not None and not self.fine(sub, v):
                            return False
            if isinstance(value, list) and items is not None:
                return all(self.fine(items, item) for item in value)
            return True

        return check

    def walk(self, node: dict[str, Any], value: Any, pointer: str) -> Iterator[SchemaError]:
        if self.fine(node, value):
            return
        node = self.resolve(node)
        kind = node.get("type")
        if kind is not None and not _is_type(value, kind):
            yield SchemaError(pointer, "type", f"{value!r} is not of type {kind!r}", value, kind)
        if "enum" in node and not any(_same(value, option) for option in node["enum"]):
            yield SchemaError(pointer, "enum", f"{value!r} is not one of {node['enum']!r}", value, node["enum"])
        if "const" in node and not _same(value, node["const"]):
            yield SchemaError(pointer, "const", f"{node['const']!r} was expected", value, node["const"])
        if _is_type(value, "number"):
            if "minimum" in node and value < node["minimum"]:
                yield SchemaError(pointer, "minimum", f"{value!r} is less than {node['minimum']!r}", value, node["minimum"])
            if "maximum" in node and value > node["maximum"]:
                yield SchemaError(pointer, "maximum", f"{value!r} is more than {node['maximum']!r}", value, node["maximum"])
        if isinstance(value, str) and "minLength" in node and len(value) < node["minLength"]:
            yield SchemaError(pointer, "minLength", f"{value!r} is too short", value, node["minLength"])
        if isinstance(value, dict):
            for key in node.get("required", ()):
                if key not in value:
                    yield SchemaError(pointer, "required", f"{key!r} is a required property", value, [key])
            properties = node.get("properties", {})
            if node.get("additionalProperties") is False:
                extra = [k for k in value if k not in properties]
                if extra:
                    yield SchemaError(pointer, "additionalProperties", f"unexpected {extra!r}", value, extra)
            for key, sub in properties.items():
                if key in value:
                    yield from self.walk(sub, value[key], f"{pointer}/{key}")
        if isinstance(value, list) and "items" in node:
            for i, item in enumerate(value):
                yield from self.walk(node["items"], item, f"{pointer}/{i}")


@cache
def _walker() -> tuple[_Walker, dict[str, Any]]:
    schema = load_schema()
    return _Walker(schema), schema


def schema_errors(document: Document) -> Iterator[SchemaError]:
    """Every way `document` breaks the schema, in document order."""
    walker, schema = _walker()
    yield from walker.walk(schema, document, "")

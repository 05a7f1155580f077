"""The schema check: every way the document breaks journey.schema.json, as a finding at
its cell, worded for the person who typed the value (never jsonschema's own text)."""

from __future__ import annotations

from collections.abc import Iterator

from xlplugin.core.checks.context import Context
from xlplugin.core.findings import Finding, finding
from xlplugin.core.layout import DATA_SHEETS, Field, Sheet
from xlplugin.core.schema import SchemaError, schema_errors
from xlplugin.text import Text

_SHEETS = {s.key: s for s in DATA_SHEETS}
SCALE_CHECKED_BY_RULES = ("scale", "importance_threshold", "rating_threshold")
"""Fields whose range depends on the workbook's scale: the rules check them, not the schema."""


def _field(pointer: str) -> tuple[Sheet, Field] | None:
    parts = pointer.split("/")[1:]
    sheet = _SHEETS.get(parts[0]) if parts else None
    if sheet is None or not parts[-1] or parts[-1].isdigit():
        return None
    try:
        return sheet, sheet.field(parts[-1])
    except KeyError:
        return None


def choices_text(f: Field) -> Text:
    """The words a person may choose for `f`, in each language."""
    def words(lang: str) -> str:
        out = []
        for c in f.choices:
            if type(c.code) is int:
                out.append(f"{c.code:+d}" if c.code else "0")
            out.append(c.label(lang))  # type: ignore[arg-type]
        return ", ".join(out)
    return Text(words("en"), words("nl"))


def shown(value: object) -> Text:
    """A value as the person typed it, or a number as each language writes it (4.5, 4,5)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return Text(str(value), str(value))
    text = str(int(value)) if float(value).is_integer() else str(value)
    return Text(text, text.replace(".", ","))


def _missing(ctx: Context, error: SchemaError) -> Iterator[Finding]:
    section = error.pointer.split("/")[1] if error.pointer else ""
    for key in error.expected:
        if (isinstance(error.value, dict) and key in error.value) or f"{error.pointer}/{key}" in ctx.flagged:
            continue
        if not ctx.locator.has_place(section, key):
            continue  # the missing sheet, label or column is reported already
        place = _field(f"{error.pointer}/{key}")
        if place is None:
            continue
        ctx.flagged.add(f"{error.pointer}/{key}")
        yield ctx.at("missing-value", f"{error.pointer}/{key}", field=ctx.field_name(place[1]), help=place[1].help)


def _one(ctx: Context, error: SchemaError) -> Finding | None:
    place = _field(error.pointer)
    if place is None:
        sheet, cell = ctx.locator.locate(error.pointer)
        return finding("invalid-value", sheet, cell, field=error.pointer or "/", value=shown(error.value))
    _, f = place
    value = shown(error.value)
    if error.validator in ("minimum", "maximum"):
        if f.kind in SCALE_CHECKED_BY_RULES or f.key in SCALE_CHECKED_BY_RULES:
            return None
        low, high = shown(f.minimum), shown(f.maximum)
        allowed = (Text(f"{low.en} or more", f"{low.nl} of meer") if f.maximum is None
                   else Text(f"from {low.en} to {high.en}", f"van {low.nl} tot {high.nl}"))
        return ctx.at("out-of-range", error.pointer, field=ctx.field_name(f), value=value, allowed=allowed, why=Text("", ""))
    if f.choices:
        return ctx.at("invalid-choice", error.pointer, field=ctx.field_name(f), value=value, choices=choices_text(f))
    if error.validator == "type" and f.kind in ("number", "scale", "integer"):
        whole = f.kind == "integer"
        return ctx.at(
            "invalid-number", error.pointer, field=ctx.field_name(f), value=value,
            what=Text("a whole number", "een heel getal") if whole else Text("a number", "een getal"),
            example=Text("20", "20") if whole else Text("4.5", "4,5"),
        )
    return ctx.at("invalid-value", error.pointer, field=ctx.field_name(f), value=value)


def schema_findings(ctx: Context) -> Iterator[Finding]:
    """Findings for every schema error in the document; marks the pointers it reported."""
    for error in schema_errors(ctx.document):
        if error.validator == "required":
            yield from _missing(ctx, error)
            continue
        if error.pointer in ctx.flagged:
            continue  # one finding per cell: "blij" breaks both type and enum
        result = _one(ctx, error)
        if result is not None:
            ctx.flagged.add(error.pointer)
            yield result

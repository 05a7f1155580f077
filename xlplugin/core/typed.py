"""Cell values as people type them, turned into document values.

A value that cannot be understood is passed on as the text that was typed, so the
schema check reports it at its cell; nothing here raises on bad data.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from xlplugin.core.layout import Field, choice_index
from xlplugin.text import normalise_name

Value = str | int | float | bool | None

_DATE_FORMS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d", "%d-%m-%y", "%d/%m/%y")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def is_blank(raw: object) -> bool:
    """True for an empty cell or one holding only spaces."""
    return raw is None or (isinstance(raw, str) and not raw.replace("\u00a0", " ").strip())


def tidy_number(value: float) -> int | float:
    """An integral float as int, so 4.0 and 4 read and export alike."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def parse_number(raw: object) -> int | float | None:
    """A number from a number or from text such as ``4,5``, ``4.5``, `` 7 ``; else None."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return tidy_number(float(raw)) if raw == raw else None  # NaN is no number
    if not isinstance(raw, str):
        return None
    text = raw.replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
    if "," in text and "." in text:
        # 1.234,5 (Dutch) or 1,234.5 (English): the last mark is the decimal one.
        thousands = "." if text.rfind(",") > text.rfind(".") else ","
        text = text.replace(thousands, "")
    if not _NUMBER.match(text):
        return None
    return tidy_number(float(text.replace(",", ".")))


def as_text(raw: object) -> str:
    """Any cell value as the text a person would read in the cell."""
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(sep=" ")
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, float):
        return str(tidy_number(raw))
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    return str(raw).replace("\u00a0", " ").strip()


def parse_date(raw: object) -> str:
    """An ISO date (``2026-11-23``) where the value is or reads as a date, else its text."""
    if isinstance(raw, dt.datetime | dt.date):
        return as_text(raw)
    text = as_text(raw)
    for form in _DATE_FORMS:
        try:
            return dt.datetime.strptime(text, form).date().isoformat()
        except ValueError:
            continue
    return text


_CHOICES: dict[int, tuple[Field, dict[str, Any], list[Any], bool]] = {}


def _choices(field: Field) -> tuple[Field, dict[str, Any], list[Any], bool]:
    """The field's choice index, codes, and whether a code is a number: built once per field."""
    found = _CHOICES.get(id(field))
    if found is None or found[0] is not field:
        codes = [c.code for c in field.choices]
        found = _CHOICES[id(field)] = (field, choice_index(field), codes, any(type(c) is int for c in codes))
    return found


def _parse_choice(field: Field, raw: object) -> Value:
    _, index, codes, numeric = _choices(field)
    if numeric and type(raw) is float and raw == raw:  # emotion as Excel stores it (NaN is no number)
        return tidy_number(raw)
    if isinstance(raw, dt.datetime | dt.date) and "1-5" in codes:
        # Excel turns a typed 1-5 into the 1st of May (or 5 January): read it back.
        pair = {raw.day, raw.month}
        return "1-5" if pair == {1, 5} else "1-10" if pair == {1, 10} else as_text(raw)
    if isinstance(raw, bool):
        return raw if raw in codes else as_text(raw)
    number = parse_number(raw)
    if number is not None and numeric:
        return number  # a numeric choice (emotion): the range is the schema's to check
    key = normalise_name(as_text(raw))
    if key in index:
        return index[key].code
    if number is not None and normalise_name(str(number)) in index:
        return index[normalise_name(str(number))].code
    return as_text(raw)


def parse_value(field: Field, raw: object) -> Value:
    """The document value for what a cell of `field` holds; None when blank."""
    kind = field.kind
    t = type(raw)
    # The common cases first: plain text in a text column, a number in a number column.
    if t is str and kind == "text":
        text = (raw.replace("\u00a0", " ") if "\u00a0" in raw else raw).strip()
        return text or None
    if (t is float or t is int) and kind in ("number", "scale", "integer"):
        return tidy_number(float(raw)) if t is float else raw
    if t is str and kind == "id":
        return " ".join(raw.split()) or None
    if is_blank(raw):
        return None
    if kind in ("number", "scale", "integer"):
        number = parse_number(raw)
        return as_text(raw) if number is None else number
    if kind in ("choice", "boolean"):
        return _parse_choice(field, raw)
    if kind == "date":
        return parse_date(raw)
    if kind == "id":
        return " ".join(as_text(raw).split())
    return as_text(raw)

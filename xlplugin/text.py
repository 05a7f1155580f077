"""Bilingual text and the name matching every sheet, header and choice goes through."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Literal, NamedTuple

Lang = Literal["en", "nl"]
LANGUAGES: tuple[Lang, ...] = ("en", "nl")

_SPACES = re.compile(r"\s+")


class Text(NamedTuple):
    """One piece of user-facing text in English and Dutch."""

    en: str
    nl: str

    def in_(self, lang: Lang) -> str:
        """The text in `lang`."""
        return self.nl if lang == "nl" else self.en

    def format(self, **params: object) -> Text:
        """Both languages with `{name}` placeholders filled in."""
        return Text(self.en.format(**params), self.nl.format(**params))


@lru_cache(maxsize=65536)
def normalise_name(name: object) -> str:
    """A sheet, header or choice name as it is matched: trimmed, case-folded, one space.

    Non-breaking spaces, tabs and line breaks count as spaces; a trailing ``*`` (the
    "required" mark people add to headers) and en/em dashes are ignored.
    """
    text = str(name).replace("\u00a0", " ").replace("\u2013", "-").replace("\u2014", "-")
    text = _SPACES.sub(" ", text).strip().rstrip("*").strip()
    return text.casefold()


def check_lang(lang: str) -> Lang:
    """`lang` as a Lang, or ValueError naming the languages there are."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    return lang  # type: ignore[return-value]


def decimal(value: float | None, lang: Lang, digits: int = 1, missing: str = "–", sign: bool = False) -> str:
    """`value` with `digits` decimals, a decimal comma in Dutch (`missing` when there is none);
    with `sign`, a plus or minus sign in front. The one way every output writes a number."""
    if value is None:
        return missing
    text = f"{value:+.{digits}f}" if sign else f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def message_lang(known: Lang | None = None) -> Lang:
    """The language of the tool's own messages, the one rule of every command and host:
    XLPLUGIN_LANG when it says en or nl; else `known` (the workbook's language, where the
    caller knows it); else the system's LANG (nl_NL.UTF-8 is Dutch); else English."""
    forced = os.environ.get("XLPLUGIN_LANG", "")[:2].lower()
    if forced in LANGUAGES:
        return forced  # type: ignore[return-value]
    if known is not None:
        return known
    return "nl" if os.environ.get("LANG", "").lower().startswith("nl") else "en"


MONTHS = Text(
    "January February March April May June July August September October November December",
    "januari februari maart april mei juni juli augustus september oktober november december",
)


def long_date(iso: str | None, lang: str) -> str | None:
    """2026-10-14 as '14 October 2026' or '14 oktober 2026'; other text as it is."""
    if not iso:
        return None
    parts = iso.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        months = (MONTHS.nl if lang == "nl" else MONTHS.en).split()
        return f"{int(parts[2])} {months[int(parts[1]) - 1]} {parts[0]}"
    return iso

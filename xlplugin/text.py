"""Bilingual text and the name matching every sheet, header and choice goes through."""

from __future__ import annotations

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

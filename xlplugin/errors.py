"""The one exception of the toolkit: a file that cannot be used at all."""

from __future__ import annotations

from xlplugin.text import Lang, Text


class WorkbookError(Exception):
    """A file cannot be read or written; `message` says why and what to do, in both languages."""

    def __init__(self, message: Text):
        super().__init__(message.en)
        self.message = message

    def in_(self, lang: Lang) -> str:
        return self.message.in_(lang)


def quote_path(path: object) -> str:
    """A path as a message shows it: in quotes when it holds a space, so it reads (and copies) as one."""
    text = str(path)
    return f"'{text}'" if any(ch.isspace() for ch in text) else text

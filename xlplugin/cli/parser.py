"""What makes the command line help a person: 'did you mean' for a mistyped command, and
the warnings (say, of a comparison that is probably not what was meant) on standard error,
and the link from each command's help to its guide."""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from typing import NoReturn

from xlplugin.errors import quote_path
from xlplugin.text import Lang, Text


class HelpfulParser(argparse.ArgumentParser):
    """argparse, but a mistyped command gets one line that names the command meant."""

    def error(self, message: str) -> NoReturn:
        wrong = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if wrong:
            typed = wrong.group(1)
            choices = re.findall(r"'?([\w-]+)'?", wrong.group(2))
            close = difflib.get_close_matches(typed, choices, n=1, cutoff=0.5)
            hint = f" Did you mean '{close[0]}'?" if close else f" The commands are: {', '.join(choices)}."
            self.exit(2, f"{self.prog}: '{typed}' is not a command.{hint} See '{self.prog.split()[0]} --help'.\n")
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {message}\n")


__all__ = ["GUIDES", "HelpfulParser", "guide", "quote_path", "warn"]


def warn(texts: list[Text], lang: Lang) -> None:
    for text in texts:
        print(f"xlplugin: {text.in_(lang)}", file=sys.stderr)


# Where each command is explained: the last line of its --help (tests/test_docs.py holds
# every one to a heading that exists).
GUIDES = {
    "new": "docs/analyst.md#new", "check": "docs/analyst.md#check", "gaps": "docs/analyst.md#gaps",
    "progress": "docs/analyst.md#progress", "portfolio": "docs/analyst.md#portfolio",
    "compare": "docs/analyst.md#compare", "annotate": "docs/analyst.md#annotate",
    "export": "docs/analyst.md#export", "import": "docs/analyst.md#import", "deck": "docs/analyst.md#deck",
    "demo": "docs/analyst.md#demo", "excel": "docs/install.md#excel-desktop-windows-and-macos",
    "calc": "docs/install.md#libreoffice-calc-linux", "survey": "docs/analyst.md#surveys-and-waves",
    "survey make": "docs/analyst.md#survey-make", "survey import": "docs/analyst.md#survey-import",
}


def guide(command: str) -> str:
    """The --help epilog of `command`: the link to its page in the guides."""
    return f"Guide: {GUIDES[command]}"

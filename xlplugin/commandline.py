"""What makes the command line help a person: 'did you mean' for a mistyped command, and
the warnings of a comparison that is probably not what was meant."""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from typing import NoReturn

from .errors import quote_path
from .model import Journey
from .text import Lang, Text, normalise_name


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


def comparison_warnings(as_is: Journey, to_be: Journey) -> list[Text]:
    """Why a comparison of these two journeys is probably not the one meant (none when it is)."""
    warnings = []
    ids_a = {normalise_name(t.id) for t in as_is.touchpoints}
    ids_b = {normalise_name(t.id) for t in to_be.touchpoints}
    if ids_a and ids_b and not ids_a & ids_b:
        warnings.append(Text(
            "The two journeys share no touchpoint ID, so nothing can be compared touchpoint by touchpoint: "
            "are they two versions of the same journey?",
            "De twee klantreizen hebben geen enkele contactmoment-ID gemeen, dus er valt per contactmoment "
            "niets te vergelijken: zijn het twee versies van dezelfde klantreis?",
        ))
    scenario_a, scenario_b = as_is.info.scenario, to_be.info.scenario
    date_a, date_b = as_is.info.date, to_be.info.date
    if scenario_a == "to-be" and scenario_b == "as-is":
        warnings.append(Text(
            "The first workbook says it is the to-be and the second the as-is: swap them (as-is first).",
            "De eerste werkmap zegt dat hij de gewenste situatie is en de tweede de huidige: draai ze om "
            "(huidig eerst).",
        ))
    elif date_a and date_b and str(date_b) < str(date_a):
        warnings.append(Text(
            f"The to-be ({date_b}) is dated before the as-is ({date_a}): are they in the right order (as-is first)?",
            f"De gewenste situatie ({date_b}) is eerder gedateerd dan de huidige ({date_a}): staan ze in de "
            "goede volgorde (huidig eerst)?",
        ))
    return warnings


__all__ = ["HelpfulParser", "comparison_warnings", "quote_path", "warn"]


def warn(texts: list[Text], lang: Lang) -> None:
    for text in texts:
        print(f"xlplugin: {text.in_(lang)}", file=sys.stderr)

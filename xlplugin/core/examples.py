"""The built-in example journeys (realistic, filled-in maps shipped with the package)."""

from __future__ import annotations

import json
from importlib import resources

from xlplugin.core.document import Document

EXAMPLES: dict[str, str] = {
    "laptop-request": "An employee requests a new laptop through the IT service desk (Dutch).",
    "laptop-request-to-be": "The same laptop journey redesigned (to-be), to compare with laptop-request (Dutch).",
    "food-supplier": "A B2B food supplier: chefs and snack-bar owners buying through wholesalers (Dutch, 1-10 scale).",
    "home-insurance": "A customer takes out home contents insurance via search and comparison sites (English).",
    "webshop-first-purchase": "A first purchase in a new plant web shop (English).",
    "energy-switch": "Switching energy supplier, measured before and after the actions, with an overall rating (Dutch).",
}
DEMO_EXAMPLE = "webshop-first-purchase"


def load_example(name: str) -> Document:
    """The document of example `name`; KeyError names the examples there are."""
    if name not in EXAMPLES:
        raise KeyError(f"unknown example {name!r}: choose one of {', '.join(EXAMPLES)}")
    path = resources.files("xlplugin").joinpath(f"resources/examples/{name}.json")
    return json.loads(path.read_text("utf-8"))

"""Rebuild templates/, samples/ and samples/survey/ with the xlplugin command itself.

    python tools/rebuild_assets.py

tests/workbook/test_assets.py fails when what is committed differs from what this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from xlplugin.cli import main
from xlplugin.core.examples import EXAMPLES

ROOT = Path(__file__).resolve().parent.parent


def rebuild() -> None:
    for lang in ("en", "nl"):
        main(["new", str(ROOT / "templates" / f"journey-{lang}.xlsx"), "--lang", lang, "--force"])
    for name in EXAMPLES:
        workbook = ROOT / "samples" / f"{name}.xlsx"
        main(["new", str(workbook), "--example", name, "--force"])
        if main(["export", str(workbook), "-o", str(ROOT / "samples" / f"{name}.json")]) != 0:
            sys.exit(f"sample {name} does not read back cleanly")
    # The survey loop's sample: the energy-switch journey without answers and its two waves
    # as survey tools export them (built by the same code the survey tests hold it to).
    sys.path.insert(0, str(ROOT))
    from tests.surveys.helpers import sample_exports

    sample_exports(ROOT / "samples" / "survey")


if __name__ == "__main__":
    rebuild()

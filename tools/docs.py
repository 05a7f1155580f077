"""The generated parts of the documentation: `python tools/docs.py`.

- the table of finding codes in docs/reference.md, written from
  xlplugin.core.catalogue.CATALOGUE (between the `<!-- codes -->` markers), so it cannot drift;
- docs/index.md, the site's home page: README.md with its links made relative to docs/.

tests/test_docs.py fails when either is not what this script would write. The pictures are
rebuilt by tools/pictures.py.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "reference.md"
INDEX = ROOT / "docs" / "index.md"
START = "<!-- codes: written by tools/docs.py from xlplugin.core.catalogue.CATALOGUE -->"
END = "<!-- /codes -->"


def codes_table() -> str:
    """The finding codes as a Markdown table: code, severity, title in English and Dutch, the fix."""
    from xlplugin.core.catalogue import CATALOGUE

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    rows = ["| code | severity | title (EN / NL) | how to fix (EN) |", "|---|---|---|---|"]
    for code in CATALOGUE.values():
        rows.append(f"| `{code.code}` | {code.severity} | {cell(code.title.in_('en'))} / "
                    f"{cell(code.title.in_('nl'))} | {cell(code.hint.in_('en'))} |")
    return "\n".join(rows)


def reference_text(text: str) -> str:
    """docs/reference.md with the codes table between its markers made current."""
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        raise SystemExit(f"{REFERENCE.name} has lost its markers {START} … {END}")
    return pattern.sub(lambda _: f"{START}\n{codes_table()}\n{END}", text)


def index_text(readme: str) -> str:
    """README.md as the site's home page: links into docs/ made relative to docs/."""
    note = "<!-- written from README.md by tools/docs.py: edit the README -->\n"
    return note + re.sub(r"\]\(docs/", "](", readme)


def build() -> None:
    REFERENCE.write_text(reference_text(REFERENCE.read_text("utf-8")), "utf-8")
    INDEX.write_text(index_text((ROOT / "README.md").read_text("utf-8")), "utf-8")
    print(f"wrote {REFERENCE.relative_to(ROOT)} (finding codes) and {INDEX.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    build()

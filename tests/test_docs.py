"""The documentation holds: every `xlplugin` command quoted in a guide runs, every command's
--help ends with a link to a heading that exists, the pictures and the generated parts are
current, the README stays a front page, and the MkDocs site builds with warnings as errors."""

from __future__ import annotations

import importlib.util
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from xlplugin.cli.commands import build_parser
from xlplugin.cli.parser import GUIDES

from helpers.paths import ROOT

GUIDE_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
GUIDE_FILES.remove(ROOT / "docs" / "index.md")  # a copy of the README (test below)

# The files the guides name, and the sample each stands for. Every command of one page runs in
# one fresh folder holding these and a copy of samples/, in the page's order (a later command
# may use what an earlier one wrote, as a reader following the page would).
FILES = {
    "journey.xlsx": "home-insurance.xlsx",
    "klantreis.xlsx": "survey/energy-switch.zonder-antwoorden.xlsx",
    "as-is.xlsx": "laptop-request.xlsx",
    "to-be.xlsx": "laptop-request-to-be.xlsx",
}
FOLDERS = {"journeys": ["home-insurance.xlsx", "webshop-first-purchase.xlsx", "laptop-request.xlsx",
                        "food-supplier.xlsx", "energy-switch.xlsx"]}
EXIT = re.compile(r"\s+#\s*exit\s+(\d)\s*$")  # a command that should not exit 0 says so: "... # exit 1"


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def commands(path: Path) -> list[str]:
    """The lines starting with `xlplugin ` in the page's ```bash blocks."""
    found, inside = [], False
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("```"):
            inside = not inside and line.strip() == "```bash"
        elif inside and line.startswith("xlplugin "):
            found.append(line)
    return found


def test_the_guides_quote_commands():
    quoted = {p.name: len(commands(p)) for p in GUIDE_FILES}
    assert quoted["analyst.md"] >= 30 and quoted["README.md"] >= 3 and quoted["install.md"] >= 3, quoted
    named = " ".join(" ".join(commands(p)) for p in GUIDE_FILES)
    for command in GUIDES:
        assert f"xlplugin {command} " in named, f"no guide shows 'xlplugin {command}' at work"


def _folder(tmp: Path) -> Path:
    shutil.copytree(ROOT / "samples", tmp / "samples")
    for name, sample in FILES.items():
        shutil.copy(ROOT / "samples" / sample, tmp / name)
    for name, samples in FOLDERS.items():
        (tmp / name).mkdir()
        for sample in samples:
            shutil.copy(ROOT / "samples" / sample, tmp / name / sample)
    return tmp


@pytest.mark.parametrize("page", [p for p in GUIDE_FILES if commands(p)], ids=lambda p: p.name)
def test_every_command_in_a_guide_runs(page, tmp_path):
    """Each command exits 0 (or the code its line names) and never prints a traceback."""
    folder = _folder(tmp_path)
    for line in commands(page):
        expected = EXIT.search(line)
        words = shlex.split(EXIT.sub("", line))
        assert not set(words) & {">", "|", "&&", ";", "<"}, f"{page.name}: keep '{line}' one plain command"
        result = subprocess.run([sys.executable, "-m", "xlplugin", *words[1:]], cwd=folder,
                                capture_output=True, text=True, timeout=300)
        said = result.stdout + result.stderr
        assert "Traceback" not in said and "unexpected error" not in said, f"{page.name}: {line}\n{said}"
        allowed = {int(expected.group(1))} if expected else {0}
        assert result.returncode in allowed, f"{page.name}: {line} exited {result.returncode}\n{result.stderr}"


def _anchors(page: Path) -> set[str]:
    """The heading ids MkDocs gives `page` (the toc extension's own slugs)."""
    md = markdown.Markdown(extensions=["toc", "tables"])
    md.convert(page.read_text("utf-8"))

    def walk(tokens):
        for token in tokens:
            yield token["id"]
            yield from walk(token["children"])

    return set(walk(md.toc_tokens))


def _subparsers(parser, prefix=""):
    for action in parser._subparsers._group_actions if parser._subparsers else []:
        for name, sub in action.choices.items():
            yield f"{prefix}{name}", sub
            yield from _subparsers(sub, f"{prefix}{name} ")


HELP = dict(_subparsers(build_parser()))


@pytest.mark.parametrize("command", sorted(HELP))
def test_every_commands_help_ends_with_the_link_to_its_guide(command):
    last = HELP[command].format_help().rstrip().splitlines()[-1]
    match = re.fullmatch(r"Guide: (docs/[\w.]+\.md)#([\w-]+)", last)
    assert match, f"'xlplugin {command} --help' ends with {last!r}"
    page, anchor = ROOT / match.group(1), match.group(2)
    assert page.exists() and anchor in _anchors(page), f"{last}: no such heading"


def test_the_help_links_are_those_of_the_command_line():
    assert set(HELP) == set(GUIDES)
    result = subprocess.run([sys.executable, "-m", "xlplugin", "survey", "import", "--help"],
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.rstrip().endswith("Guide: docs/analyst.md#survey-import")


def test_the_pictures_are_current():
    """The manifest holds the digest of the content each picture was rendered from; the
    content is made again here (no LibreOffice) and compared."""
    pictures = _tool("pictures")
    manifest = json.loads((ROOT / "docs" / "img" / "manifest.json").read_text("utf-8"))
    assert all((ROOT / "docs" / "img" / name).exists() for name in manifest)
    assert pictures.source_digests() == manifest, "the pictures are stale: run python tools/pictures.py"
    shown = set()
    for page in [*GUIDE_FILES, ROOT / "docs" / "index.md"]:
        shown |= set(re.findall(r"\]\((?:docs/)?img/([\w.-]+\.png)\)", page.read_text("utf-8")))
    assert shown == set(manifest), "every picture shown is made by tools/pictures.py, and every one is shown"


def test_the_generated_parts_are_current():
    docs = _tool("docs")
    reference = (ROOT / "docs" / "reference.md").read_text("utf-8")
    assert docs.reference_text(reference) == reference, "run python tools/docs.py (finding codes)"
    index = (ROOT / "docs" / "index.md").read_text("utf-8")
    assert docs.index_text((ROOT / "README.md").read_text("utf-8")) == index, "run python tools/docs.py (index)"
    from xlplugin.core.catalogue import CATALOGUE

    assert all(f"| `{code}` |" in reference for code in CATALOGUE)


def test_the_readme_is_a_front_page():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert len(readme.splitlines()) < 150
    assert "python -m pip install . && xlplugin demo\ntools/test\n" in readme
    marketers = readme.split("\n## For marketers", 1)[1].split("\n## ", 1)[0]
    assert "](docs/workshop.nl.md)" in marketers, "the Dutch guide, one click from the README"
    for guide in ("workshop.en", "analyst", "install", "reference", "design"):
        assert f"](docs/{guide}.md)" in readme


def test_the_site_builds_with_warnings_as_errors(tmp_path):
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                             "-d", str(tmp_path / "site")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "workshop.nl" / "index.html").exists()

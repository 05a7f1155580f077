"""The Journey menu in a real LibreOffice Calc: the extension built by `xlplugin calc build` is
added to a headless LibreOffice (listening on the loopback address, with its own profile) by
its extension manager, a faulty workbook is opened as a person opens it, and the entries of
the Journey menu and toolbar that Calc shows are clicked (their accessible action, what a
screen reader's click does). Calc must then show what annotate writes into the file. Needs
LibreOffice with python3-uno: fails, never skips, without it."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from xlplugin.api import annotate_workbook, check_workbook
from xlplugin.calc import extension
from xlplugin.cli import main
from xlplugin.core.writeback.plan import COLOURS, REGISTRY
from xlplugin.hosts.buttons import ACTIONS
from xlplugin.workbook import write_workbook

from helpers.journeys import big_journey
from helpers.live import NOW, TOOL_SHEETS, faulty, file_view, normal, priorities_look_file
from helpers.office import libreoffice_convert
from helpers.paths import ROOT

LO_PYTHON = os.environ.get("XLPLUGIN_LO_PYTHON", "/usr/bin/python3")
"""The Python that LibreOffice runs (Debian: the system python3, with python3-uno)."""
DRIVER = Path(__file__).with_name("calc_driver.py")
OOR = "{http://openoffice.org/2001/registry}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _drive(*args: str) -> dict:
    done = subprocess.run([LO_PYTHON, str(DRIVER), *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def _office_env() -> dict[str, str]:
    """The environment LibreOffice starts in, as `calc install` starts unopkg: without
    PYTHONPATH (the extension must find xlplugin by itself) and without an active virtual
    environment or pyenv (whose python3 on PATH breaks LibreOffice's Python)."""
    return extension.office_env()


@pytest.fixture(scope="module")
def calc(tmp_path_factory):
    """A headless LibreOffice with the extension added by its extension manager; yields the port."""
    here = tmp_path_factory.mktemp("calc")
    assert main(["calc", "build", "-o", str(here)]) == 0
    port = _free_port()
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={(here / 'profile').as_uri()}", "--headless", "--invisible",
         "--norestore", "--nologo", f"--accept=socket,host=127.0.0.1,port={port};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, env=_office_env(),
    )
    try:
        installed = _drive("install", str(port), str(here / extension.OXT))
        assert extension.IDENTIFIER in installed["installed"]
        yield port
    finally:
        os.killpg(office.pid, signal.SIGTERM)
        office.wait(timeout=60)


def _menu_urls() -> dict[str, str]:
    """The command URL of each entry of the Journey menu, as the extension declares it."""
    with zipfile.ZipFile(extension.build_oxt(Path(tempfile.mkdtemp(prefix="xlplugin-oxt-")))) as z:
        xcu = etree.fromstring(z.read("Addons.xcu"))
    menu = xcu.find(f".//node[@{OOR}name='OfficeMenuBar']/node[@{OOR}name='{extension.IDENTIFIER}']")
    urls = {}
    for item in menu.find(f"node[@{OOR}name='Submenu']"):
        url = item.find(f"prop[@{OOR}name='URL']/value").text
        urls[url.split("$")[1].split("?")[0]] = url
    return urls


def sheet_rows(view: dict, title: str) -> list[list]:
    return view["values"][title]


def _calc_view(view: dict) -> dict:
    """What Calc showed, in the shape of test_excel's view of an annotated file."""
    def cell(ref: str) -> tuple[str, str]:
        sheet, at = ref.rsplit("!", 1)
        return sheet, at

    coloured = {cell(r): c for r, c in view["fills"].items() if c in COLOURS.values()}
    marks = {k: c for k, c in coloured.items() if k[0] not in TOOL_SHEETS}
    severity = {k: c for k, c in coloured.items() if k[0] in TOOL_SHEETS}
    notes = {cell(r): t for r, t in view["notes"].items()}
    sheets = {t: normal([[None if v == "" else v for v in row] for row in view["values"][t]])
              for t in ("Findings", "Priorities", REGISTRY)}
    return {"sheets": sheets, "marks": marks, "notes": notes, "hidden": view["hidden"],
            "status": view["values"]["Start"][1][1], "severity": severity}


def test_the_extension_declares_a_journey_menu_and_toolbar_in_calc_only(tmp_path):
    assert main(["calc", "build", "-o", str(tmp_path)]) == 0
    with zipfile.ZipFile(tmp_path / extension.OXT) as z:
        names = set(z.namelist())
        xcu = etree.fromstring(z.read("Addons.xcu"))
        script = z.read(f"python/{extension.SCRIPT_FILE}").decode()
        manifest = z.read("META-INF/manifest.xml").decode()
    assert {"META-INF/manifest.xml", "description.xml", "Addons.xcu", f"python/{extension.SCRIPT_FILE}"} <= names
    assert 'full-path="python/"' in manifest and 'full-path="Addons.xcu"' in manifest
    titles = [v.text for v in xcu.iterfind(f".//node[@{OOR}name='OfficeMenuBar']/node/prop[@{OOR}name='Title']/value")]
    assert titles == ["Journey", "Klantreis"]
    assert list(_menu_urls()) == list(ACTIONS)
    toolbar = xcu.findall(f".//node[@{OOR}name='OfficeToolBar']/node/node")
    assert [t.find(f"prop[@{OOR}name='URL']/value").text for t in toolbar] == list(_menu_urls().values())
    contexts = {v.text for v in xcu.iterfind(f".//prop[@{OOR}name='Context']/value")}
    assert contexts == {"com.sun.star.sheet.SpreadsheetDocument"}
    compile(script, extension.SCRIPT_FILE, "exec")  # the script LibreOffice runs is valid Python
    assert f"PYTHON = {tuple(sys.version_info[:2])}" in script
    assert repr(str(ROOT)) in script or "site-packages" in script  # where xlplugin is found


def test_a_click_in_calc_marks_the_workbook_as_annotate_does(calc, make_workbook, tmp_path):
    source = make_workbook(edit=faulty)
    annotated = file_view(annotate_workbook(source, output=tmp_path / "annotated.xlsx", now=NOW).path)
    opened = tmp_path / "opened.xlsx"
    shutil.copyfile(source, opened)
    toolbar = f"toolbar:addon_{extension.IDENTIFIER}.toolbar"
    done = _drive("click", str(calc), str(opened), "menu:Journey:Check>Findings", f"{toolbar}:Check>Findings",
                  "menu:Journey:Priorities>Priorities")
    first, second, third = (_calc_view(v) for v in done["views"])
    assert re.fullmatch(r"checked at \d{4}-\d\d-\d\d \d\d:\d\d: 2 errors, 1 warning", first["status"])
    for key in ("marks", "notes", "sheets", "hidden", "severity"):
        assert first[key] == annotated[key], key
    assert first["notes"][("Touchpoints", "F3")] == "Ask Anna about this one"  # the user's note is kept
    assert first["marks"] == {("Touchpoints", "F3"): "FFC7CE", ("Touchpoints", "F4"): "FFEB9C",
                              ("Touchpoints", "G5"): "FFC7CE"}
    assert done["views"][0]["active"] == "Findings" and done["views"][2]["active"] == "Priorities"
    # A second click gives the same workbook, not a second layer of marks or sheets.
    for key in ("marks", "notes", "sheets", "hidden"):
        assert second[key] == first[key] == third[key], key
    assert done["views"][1]["sheets"].count("Findings") == 1
    assert done["views"][1]["fills"]["Touchpoints!G5"] == "FFC7CE"
    assert done["views"][2]["charts"]["Priorities"] == 1 and done["views"][2]["chart_lines"] == ["NONE"]
    # The chart shows what its axes say: rating across, importance up, on the journey's scale.
    [axes] = done["views"][2]["chart_axes"]
    points, *guides = axes["series"]
    # as far as Calc's chart API goes, what the file route's chart shows: the threshold lines
    # dashed, the quadrant names, each point labelled with its ID
    assert [g["line"] for g in guides[:2]] == ["DASH", "DASH"]
    assert {g["name"] for g in guides[2:] if g["series_name_shown"]} == {
        "Concentrate here", "Keep up the good work", "Low priority", "Possible overkill"}
    rows = [row for row in sheet_rows(done["views"][2], "Priorities")[1:] if "" not in (row[4], row[5])]
    spots: dict[tuple, list[str]] = {}
    for row in rows:  # points on one spot share one label
        spots.setdefault((row[5], row[4]), []).append(row[1])
    assert points["labels"] == [", ".join(spots[r[5], r[4]]) if spots[r[5], r[4]][0] == r[1] else "" for r in rows]
    assert sorted(i for label in points["labels"] if label for i in label.split(", ")) == sorted(r[1] for r in rows)
    assert (axes["x_title"], points["values-x"]["header"]) == ("Rating", "Rating")
    assert (axes["y_title"], points["values-y"]["header"]) == ("Importance", "Importance")
    assert (axes["x_min"], axes["x_max"]) == (1, 5)
    sheet = openpyxl.load_workbook(tmp_path / "annotated.xlsx", data_only=True)["Priorities"]
    header = [c.value for c in sheet[1]]
    ranked = [(row[header.index("Rating")], row[header.index("Importance")])
              for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] is not None]
    drawn = list(zip(points["values-x"]["values"], points["values-y"]["values"], strict=True))
    assert [p for p in drawn if p != ("", "")] == [p for p in ranked if p != (None, None)]
    # Saved by Calc as xlsx, the workbook reads back as annotate wrote it.
    saved = file_view(Path(done["saved"]), data_only=True)
    for key in ("marks", "notes", "sheets", "hidden"):
        assert saved[key] == annotated[key], key
    # Its Priorities sheet shows one decimal and hides the chart's helper cells, as annotate's does.
    look = priorities_look_file(Path(done["saved"]))
    assert look == priorities_look_file(tmp_path / "annotated.xlsx")
    assert look["formats"] and look["hidden"]


def test_deck_from_calc_is_written_beside_a_clean_workbook(calc, make_workbook):
    clean = make_workbook()
    done = _drive("click", str(calc), str(clean), _menu_urls()["deck"])
    assert done["views"][0]["values"]["Start"][1][1].startswith("checked at ")
    deck = clean.with_suffix(".pptx")
    assert deck.exists() and deck.stat().st_size > 20_000


def test_unopkg_accepts_the_extension_for_an_ordinary_user(tmp_path):
    """unopkg, LibreOffice's own installer, adds, lists and removes the extension (as the user
    `nobody` when the tests run as root, since unopkg refuses root for a user install)."""
    home = Path(tempfile.mkdtemp(prefix="xlplugin-unopkg-"))
    home.chmod(0o777)
    oxt = extension.build_oxt(home)
    oxt.chmod(0o644)
    as_user = ["runuser", "-u", "nobody", "--", "env", f"HOME={home}"] if os.geteuid() == 0 else []
    profile = f"-env:UserInstallation={(home / 'profile').as_uri()}"
    try:
        def unopkg(*args: str) -> subprocess.CompletedProcess:
            return subprocess.run([*as_user, extension.unopkg(), *args, profile], capture_output=True, text=True,
                                  timeout=300)

        added = unopkg("add", "--suppress-license", str(oxt))
        assert added.returncode == 0, added.stderr
        listed = unopkg("list")
        assert extension.IDENTIFIER in listed.stdout and "is registered: yes" in listed.stdout.lower(), listed.stdout
        assert unopkg("remove", extension.IDENTIFIER).returncode == 0
        assert extension.IDENTIFIER not in unopkg("list").stdout
    finally:
        shutil.rmtree(home, ignore_errors=True)


def test_install_as_root_says_to_run_it_as_the_user(monkeypatch, capsys):
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert main(["calc", "install"]) == 2
    assert "run this as your own user" in capsys.readouterr().err


def test_libreoffices_vba_importer_reads_every_module_of_the_addin(calc, tmp_path):
    """The desktop add-in, read by another VBA reader than the one that wrote it: the project
    is named xlplugin and every module comes back with its code."""
    from pyopenvba import ExcelFile

    from xlplugin.excel import addin

    built = addin.build_addin(tmp_path)
    with ExcelFile(str(built.path)) as wb:
        written = {name: wb.get_module(name) for name in wb.vba_project().module_names()}
        assert wb.vba_project().name == "xlplugin" and wb.validate() == []
    libraries = _drive("vba", str(calc), str(built.path))["libraries"]
    assert set(libraries) == {"Standard", "xlplugin"}
    read = libraries["xlplugin"]
    assert set(read) == set(written)

    def code(text: str) -> list[str]:
        lines = text.replace("\r\n", "\n").split("\n")
        return [line.rstrip() for line in lines if line.strip() and not line.startswith(("Attribute ", "Rem Attribute "))
                and line.strip() != "Option VBASupport 1" and not line.startswith("Option ClassModule")]

    for name, text in written.items():
        assert code(read[name]) == code(text), name
    assert 'RunPython "import xlplugin.excel as x; x.run(""deck"")"' in read["XlpluginRibbon"]


def test_a_dutch_workbook_gets_dutch_sheets_and_notes_in_calc(calc, make_workbook):
    book = make_workbook(lang="nl", edit=lambda wb: wb["Contactmomenten"].__setitem__("F3", "heel"))
    done = _drive("click", str(calc), str(book), "menu:Journey:Check>Bevindingen")
    view = done["views"][0]
    assert {"Bevindingen", "Prioriteiten", REGISTRY} <= set(view["sheets"])
    assert view["notes"]["Contactmomenten!F3"].startswith("xlplugin · fout [invalid-number]")
    assert view["fills"]["Contactmomenten!F3"] == COLOURS["error"]
    assert view["values"]["Start"][1][1].startswith("gecontroleerd op ")


def test_libreoffice_is_started_without_another_pythons_folders(tmp_path):
    # LibreOffice's embedded Python finds its installation through python3 on PATH: a virtual
    # environment's there made it load another standard library and refuse the extension.
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = /elsewhere\n", "utf-8")
    env = extension.office_env({"PATH": f"{venv / 'bin'}:/root/.pyenv/shims:/usr/bin:/bin", "VIRTUAL_ENV": str(venv),
                                "PYTHONPATH": "/src", "PYENV_VERSION": "3.11.7", "HOME": "/home/me"})
    assert env == {"PATH": "/usr/bin:/bin", "HOME": "/home/me"}


def test_a_checked_workbook_prints_without_empty_pages_or_cut_words(calc, tmp_path):
    # 60 touchpoints with long names, Dutch, a few typed mistakes; Check and Priorities clicked
    # in Calc, saved by Calc, then printed (to PDF) as the person would print it.
    doc = big_journey(60, "1-5")
    doc["language"] = "nl"
    book = tmp_path / "reis.xlsx"
    write_workbook(book, doc, "nl")
    wb = openpyxl.load_workbook(book)
    wb["Contactmomenten"]["F5"], wb["Contactmomenten"]["G7"], wb["Blauwdruk"]["A10"] = "hoog", 9, "K7"
    wb.save(book)
    done = _drive("click", str(calc), str(book), "menu:Journey:Check>Bevindingen",
                  "menu:Journey:Priorities>Prioriteiten")
    pdf = libreoffice_convert(Path(done["saved"]), "pdf", tmp_path / "printed")
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    ids = {f"K{i:02}" for i in range(1, 61)}
    others = {"Ernst", "Rang", "Laag", "Actie", "Respondent", "Veld", "Klantdoel"}  # headers of the other sheets
    touchpoint_pages = [p for p in pages if {"Fase", "Contactmoment"} <= set(p.split()) and not others & set(p.split())]
    assert touchpoint_pages and all(ids & set(p.split()) for p in touchpoint_pages)  # no page of empty rows
    assert ids <= {w for p in touchpoint_pages for w in p.split()}  # and every touchpoint printed
    findings = [p for p in pages if "Ernst" in p and "Melding" in p]
    printed = Counter(w for p in findings for w in p.split())
    report = check_workbook(book)
    needed = Counter(w for f in report.findings for w in f.message.nl.split())
    assert not needed - printed  # every word of every message printed: nothing cut off at a column's edge
    assert "Contactmom ent" not in " ".join(pages) and "Waarderi ng" not in " ".join(pages)

"""The Excel add-in and the xlwings Lite files: built here, checked part by part."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import xlwings
from lxml import etree
from packaging.requirements import Requirement
from pyopenvba import ExcelFile

from xlplugin import __version__
from xlplugin.cli import main
from xlplugin.excel import addin
from xlplugin.excel.surface import ACTIONS
from xlplugin.lite import package as lite_package

CUSTOM_UI = "http://schemas.microsoft.com/office/2006/01/customui"


def _olevba(path: Path) -> str:
    done = subprocess.run([sys.executable, "-m", "oletools.olevba", "--decode", str(path)],
                          capture_output=True, text=True, timeout=120)
    return done.stdout


def test_dry_run_builds_an_addin_whose_buttons_run_the_four_actions(tmp_path, capsys):
    assert main(["excel", "install", "--dry-run", "-o", str(tmp_path / "out")]) == 0
    xlam = tmp_path / "out" / "xlplugin.xlam"
    assert f"Built {xlam} (xlwings {xlwings.__version__}; not installed)" in capsys.readouterr().out
    with zipfile.ZipFile(xlam) as z:
        assert z.testzip() is None
        rels = etree.fromstring(z.read("_rels/.rels"))
        ui_rels = [(r.get("Type"), r.get("Target")) for r in rels if "/ui/extensibility" in r.get("Type")]
        ui = etree.fromstring(z.read("customUI/customUI.xml"))
        # Each customUI namespace has its own relationship type: 2006/01 goes with the 2006 one
        # (the 2007 relationship is for the 2009/07 namespace, and Excel ignores a mismatch).
        matching = {"http://schemas.microsoft.com/office/2006/01/customui":
                    "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility",
                    "http://schemas.microsoft.com/office/2009/07/customui":
                    "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"}
        assert ui_rels == [(matching[etree.QName(ui).namespace], "customUI/customUI.xml")]
        assert "xl/vbaProject.bin" in z.namelist()
        workbook = z.read("xl/workbook.xml").decode()
    buttons = ui.findall(f".//{{{CUSTOM_UI}}}button")
    assert [b.get("id") for b in buttons] == list(ACTIONS)
    vba = _olevba(xlam)
    ribbon = vba[vba.index("VBA MACRO XlpluginRibbon"):]
    for b in buttons:
        module, sub = b.get("onAction").split(".")
        assert module == "XlpluginRibbon" and f"Public Sub {sub}(control As IRibbonControl)" in ribbon
        assert f'Case "{b.get("id")}"\r\n            RunPython "import xlplugin.excel as x; x.run(""{b.get("id")}"")"' \
            in ribbon.replace("\n", "\r\n").replace("\r\r\n", "\r\n")
        assert b.get("getLabel") == "XlpluginRibbon.GetLabel"
    assert "GetLabel(control As IRibbonControl, ByRef returnedVal)" in ribbon
    assert 'IIf(Dutch(), "Controleren", "Check")' in ribbon
    # The embedded xlwings module is the one of the installed xlwings, named for this add-in.
    assert f'Public Const XLWINGS_VERSION As String = "{xlwings.__version__}"' in vba
    assert 'Public Const PROJECT_NAME As String = "xlplugin"' in vba
    assert "RibbonMyAddin" not in vba
    with ExcelFile(str(xlam)) as wb:  # the VBA project is xlplugin's, not the template's MyAddin
        assert wb.vba_project().name == "xlplugin" and wb.validate() == []
    assert 'name="_xlplugin.conf"' in workbook  # no interpreter given: the config sheet stays inactive


def test_the_interpreter_goes_into_the_addins_config_sheet(tmp_path):
    built = addin.build_addin(tmp_path, interpreter=r"C:\Users\anna\py\pythonw.exe", platform="win")
    with zipfile.ZipFile(built.path) as z:
        assert 'name="xlplugin.conf"' in z.read("xl/workbook.xml").decode()
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        strings = z.read("xl/sharedStrings.xml").decode()
    assert re.search(r'<c r="B1" t="inlineStr"><is><t>C:\\Users\\anna\\py\\pythonw.exe</t></is></c>', sheet)
    assert "Interpreter_Win" in strings  # A1 names the setting xlwings reads


def test_install_outside_windows_and_macos_says_what_to_do_instead(monkeypatch, capsys):
    monkeypatch.setattr(sys, "platform", "linux")
    assert main(["excel", "install"]) == 2
    err = capsys.readouterr().err
    assert "Desktop Excel runs on Windows and macOS only" in err and "--dry-run -o FOLDER" in err


def test_install_and_uninstall_put_the_addin_in_xlstart(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path))
    assert main(["excel", "install"]) == 0
    xlam = tmp_path / "Microsoft" / "Excel" / "XLSTART" / "xlplugin.xlam"
    assert xlam.exists()
    with zipfile.ZipFile(xlam) as z:
        assert sys.executable in z.read("xl/worksheets/sheet1.xml").decode()
    assert main(["excel", "uninstall"]) == 0
    assert not xlam.exists()
    assert main(["excel", "uninstall"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "The add-in was not installed."


def test_lite_files_are_main_requirements_and_the_wheel(tmp_path):
    assert main(["excel", "lite", "-o", str(tmp_path / "lite"), "--wheel-url", "https://x.example/w.whl"]) == 0
    requirements = (tmp_path / "lite" / "requirements.txt").read_text()
    assert re.search(r"^xlplugin @ https://x\.example/w\.whl$", requirements, re.M)
    wheel = tmp_path / "lite" / lite_package.wheel_name()
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        metadata = z.read(f"xlplugin-{__version__}.dist-info/METADATA").decode()
    assert "xlplugin/lite/surface.py" in names and "xlplugin/resources/journey.schema.json" in names
    assert not [n for n in names if "__pycache__" in n]
    # Under Pyodide (Emscripten) the file readers are not required; everywhere else they are.
    required = [Requirement(line.split(":", 1)[1].strip()) for line in metadata.splitlines()
                if line.startswith("Requires-Dist:")]
    pyodide = {"platform_system": "Emscripten", "sys_platform": "emscripten"}
    under_pyodide = {r.name for r in required if r.marker is None or r.marker.evaluate(pyodide)}
    assert {"python-calamine", "msoffcrypto-tool"}.isdisjoint(under_pyodide)
    assert {"openpyxl", "defusedxml", "python-pptx"} <= under_pyodide
    assert {"python-calamine", "msoffcrypto-tool"} <= {r.name for r in required if r.marker is None or r.marker.evaluate()}

"""The Excel add-in: a "Journey" ribbon tab whose buttons run `xlplugin.excel.surface`.

Built from the ribbon add-in template that the installed xlwings package ships, so the
add-in's embedded xlwings VBA module always matches the xlwings version in Python (their
versions must agree for RunPython to work). Three things change in the template: the
ribbon XML (four buttons, labels in English or Dutch after Excel's own language), one VBA
module that dispatches on the button id, and the add-in's config sheet, which names the
Python interpreter that has xlplugin installed. The VBA is written with pyOpenVBA, which
runs anywhere, so the add-in can be built (and checked) on a machine without Excel.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from xlplugin.core import guide
from xlplugin.errors import WorkbookError
from xlplugin.files.safe import atomic_save
from xlplugin.text import Text

ADDIN_NAME = "xlplugin.xlam"
PROJECT = "xlplugin"
MODULE = "XlpluginRibbon"
TEMPLATE_MODULE = "RibbonMyAddin"
ICONS = {"check": "Spelling", "priorities": "ChartTypeXYScatterInsertGallery", "deck": "SlideNew", "new": "FileNew"}
BUTTONS = tuple((key, label.en, label.nl, ICONS[key]) for key, label in guide.BUTTONS.items())
"""id (the action of xlplugin.excel.surface), English label, Dutch label, Office icon."""
TAB = tuple(guide.MENU)
ADDIN_OPEN = Text("Excel has the add-in open: quit Excel and run this again.",
                  "Excel heeft de invoegtoepassing open: sluit Excel en voer dit opnieuw uit.")


UI_RELATIONSHIP = "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility"
"""The relationship of the ribbon part in the customUI namespace of 2006/01 (Office 2007 and
later); the 2007 relationship type belongs to the 2009/07 namespace, which Excel 2007 lacks."""
CUSTOM_UI = "http://schemas.microsoft.com/office/2006/01/customui"
TEMPLATE_PROJECT = "MyAddin"


def ribbon_xml() -> str:
    buttons = "".join(
        f'<button id="{id_}" getLabel="{MODULE}.GetLabel" size="large" '
        f'onAction="{MODULE}.OnButton" imageMso="{icon}"/>'
        for id_, _, _, icon in BUTTONS
    )
    return (
        f'<customUI xmlns="{CUSTOM_UI}">'
        f'<ribbon><tabs><tab id="xlpluginTab" getLabel="{MODULE}.GetLabel">'
        f'<group id="xlpluginGroup" label="xlplugin">{buttons}</group>'
        "</tab></tabs></ribbon></customUI>"
    )


def dispatcher_vba() -> str:
    """The one VBA module: each button runs `xlplugin.excel.surface.run(<its id>)` through xlwings."""
    cases = "".join(
        f'        Case "{id_}"\r\n            RunPython "import xlplugin.excel as x; x.run(""{id_}"")"\r\n'
        for id_, *_ in BUTTONS
    )
    labels = "".join(
        f'        Case "{id_}"\r\n            returnedVal = IIf(Dutch(), "{nl}", "{en}")\r\n'
        for id_, en, nl, _ in BUTTONS
    )
    return (
        f'Attribute VB_Name = "{MODULE}"\r\n'
        "' The Journey tab of xlplugin: written by `xlplugin excel install`; do not edit.\r\n"
        "Option Explicit\r\n\r\n"
        "Public Sub OnButton(control As IRibbonControl)\r\n"
        "    Select Case control.Id\r\n"
        f"{cases}"
        "    End Select\r\n"
        "End Sub\r\n\r\n"
        "Public Sub GetLabel(control As IRibbonControl, ByRef returnedVal)\r\n"
        "    Select Case control.Id\r\n"
        f'        Case "xlpluginTab"\r\n            returnedVal = IIf(Dutch(), "{TAB[1]}", "{TAB[0]}")\r\n'
        f"{labels}"
        "    End Select\r\n"
        "End Sub\r\n\r\n"
        "Private Function Dutch() As Boolean\r\n"
        "    ' Excel's own language: Dutch (Netherlands) 1043 or Dutch (Belgium) 2067.\r\n"
        "    Dim language As Long\r\n"
        "    On Error Resume Next\r\n"
        "    language = Application.LanguageSettings.LanguageID(2)\r\n"
        "    Dutch = (language = 1043 Or language = 2067)\r\n"
        "End Function\r\n"
    )


def _xlwings() -> tuple[Path, str]:
    try:
        import xlwings
    except ImportError as exc:
        raise WorkbookError(Text(
            "The add-in needs xlwings: python -m pip install \"xlplugin[excel]\"",
            "De invoegtoepassing heeft xlwings nodig: python -m pip install \"xlplugin[excel]\"",
        )) from exc
    return Path(xlwings.__file__).parent, xlwings.__version__


def _interpreter() -> str:
    """This Python, the one with xlplugin installed (pythonw on Windows: no console window)."""
    exe = Path(sys.executable)
    windowless = exe.with_name("pythonw.exe")
    return str(windowless if exe.name.lower() == "python.exe" and windowless.exists() else exe)


@dataclass(frozen=True)
class Built:
    path: Path
    xlwings_version: str
    interpreter: str | None


def rename_project(vba_project: bytes, name: str = PROJECT) -> bytes:
    """The VBA project renamed from the template's MyAddin to `name`: in the dir stream's
    PROJECTNAME record ([MS-OVBA] 2.3.4.2.1.6) and the PROJECT stream's Name line (2.3.1.6)."""
    import struct

    from pyopenvba.cfb import CFB
    from pyopenvba.vba import compress, decompress

    cfb = CFB.from_bytes(vba_project)
    raw = decompress(cfb.get_stream_in_storage("VBA", "dir"), stream_name="VBA/dir")
    at, renamed = 0, False
    while at + 6 <= len(raw):
        record, size = struct.unpack_from("<HI", raw, at)
        if record == 0x0009:  # PROJECTVERSION: its size field says 4, but 6 bytes follow
            size = 6
        if record == 0x0004:
            raw = raw[:at] + struct.pack("<HI", 4, len(name)) + name.encode("ascii") + raw[at + 6 + size:]
            renamed = True
            break
        at += 6 + size
    if not renamed:
        raise WorkbookError(Text("The add-in template of xlwings has no VBA project name: reinstall xlwings.",
                                 "Het sjabloon van xlwings heeft geen VBA-projectnaam: installeer xlwings opnieuw."))
    cfb.write_stream_in_storage("VBA", "dir", compress(raw))
    project = cfb.get_stream("PROJECT").replace(f'Name="{TEMPLATE_PROJECT}"'.encode(), f'Name="{name}"'.encode())
    cfb.write_stream("PROJECT", project)
    return cfb.to_bytes()


def _conf_sheet(xml: bytes, interpreter: str | None, platform: str) -> bytes:
    """The config sheet with the interpreter filled in (B1 Windows, B2 macOS)."""
    from lxml import etree

    root = etree.fromstring(xml)
    ns = root.nsmap[None]
    row_no = "1" if platform == "win" else "2"
    for row in root.iter(f"{{{ns}}}row"):
        if row.get("r") == row_no and interpreter:
            row.attrib.pop("spans", None)
            cell = etree.SubElement(row, f"{{{ns}}}c", r=f"B{row_no}", t="inlineStr")
            etree.SubElement(etree.SubElement(cell, f"{{{ns}}}is"), f"{{{ns}}}t").text = interpreter
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def build_addin(folder: Path, interpreter: str | None = None, platform: str | None = None) -> Built:
    """Write xlplugin.xlam into `folder`; `interpreter` is written into its config sheet."""
    from pyopenvba import ExcelFile

    package, version = _xlwings()
    template = package / "quickstart_addin_ribbon.xlam"
    if not template.exists():
        raise WorkbookError(Text(f"xlwings {version} has no ribbon add-in template: install xlwings 0.37 or newer.",
                                 f"xlwings {version} heeft geen sjabloon voor een lint: installeer xlwings 0.37 of nieuwer."))
    platform = platform or ("mac" if sys.platform == "darwin" else "win")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / ADDIN_NAME
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "work.xlam"
        shutil.copyfile(template, work)
        with ExcelFile(str(work)) as wb:
            code = wb.get_module("xlwings")
            if f'XLWINGS_VERSION As String = "{version}"' not in code:
                raise WorkbookError(Text(f"The add-in template of xlwings does not match xlwings {version}: reinstall xlwings.",
                                         f"Het sjabloon van xlwings past niet bij xlwings {version}: installeer xlwings opnieuw."))
            wb.set_module("xlwings", code.replace('PROJECT_NAME As String = "myaddin"',
                                                  f'PROJECT_NAME As String = "{PROJECT}"'))
            project = wb.vba_project()
            project.rename_module(TEMPLATE_MODULE, MODULE)
            wb.set_module(MODULE, dispatcher_vba())
            wb.save(str(Path(tmp) / "vba.xlam"))
        conf = f"{PROJECT}.conf" if interpreter else f"_{PROJECT}.conf"
        with zipfile.ZipFile(Path(tmp) / "vba.xlam") as src, zipfile.ZipFile(Path(tmp) / ADDIN_NAME, "w",
                                                                            zipfile.ZIP_DEFLATED) as out:
            for info in src.infolist():
                data = src.read(info.filename)
                if info.filename == "customUI/customUI.xml":
                    data = ribbon_xml().encode("utf-8")
                elif info.filename == "_rels/.rels":
                    data = data.replace(b"http://schemas.microsoft.com/office/2007/relationships/ui/extensibility",
                                        UI_RELATIONSHIP.encode())
                elif info.filename == "xl/vbaProject.bin":
                    data = rename_project(data)
                elif info.filename in ("xl/workbook.xml", "docProps/app.xml"):
                    data = data.replace(b"_myaddin.conf", conf.encode())
                elif info.filename == "xl/worksheets/sheet1.xml":
                    data = _conf_sheet(data, interpreter, platform)
                out.writestr(info, data)
        atomic_save(target, lambda path: shutil.copyfile(Path(tmp) / ADDIN_NAME, path))
    return Built(target, version, interpreter)


def startup_folder() -> Path:
    """Excel's XLSTART folder for this user: what Excel opens at start."""
    if sys.platform.startswith("win"):
        return Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / "Microsoft" / "Excel" / "XLSTART"
    if sys.platform == "darwin":
        return (Path.home() / "Library" / "Group Containers" / "UBF8T346G9.Office" / "User Content.localized"
                / "Startup.localized" / "Excel")
    raise WorkbookError(Text(
        "Desktop Excel runs on Windows and macOS only. Here, build the add-in with "
        "`xlplugin excel install --dry-run -o FOLDER`, or use Excel on the web: `xlplugin excel lite`.",
        "Excel voor de desktop draait alleen op Windows en macOS. Bouw de invoegtoepassing hier met "
        "`xlplugin excel install --dry-run -o MAP`, of gebruik Excel op het web: `xlplugin excel lite`.",
    ))


def install() -> Built:
    """Build the add-in with this Python as its interpreter and put it in XLSTART."""
    folder = startup_folder()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="xlplugin-addin-") as tmp:
        built = build_addin(Path(tmp), _interpreter())
        try:
            shutil.copyfile(built.path, folder / ADDIN_NAME)
        except PermissionError as exc:
            raise WorkbookError(ADDIN_OPEN) from exc
    if sys.platform == "darwin":  # RunPython on macOS goes through xlwings' AppleScript
        from xlwings.cli import runpython_install

        runpython_install(None)
    return Built(folder / ADDIN_NAME, built.xlwings_version, built.interpreter)


def uninstall() -> Path | None:
    """Remove the add-in from XLSTART; the path removed, or None when it was not installed."""
    path = startup_folder() / ADDIN_NAME
    if not path.exists():
        return None
    try:
        path.unlink()
    except PermissionError as exc:
        raise WorkbookError(ADDIN_OPEN) from exc
    return path

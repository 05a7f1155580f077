"""The LibreOffice extension: `xlplugin.oxt`, a Journey / Klantreis menu and toolbar for Calc.

The extension holds no copy of xlplugin. It holds a small Python script (run by
LibreOffice's script provider when a menu entry is chosen) that records, when the extension
is built, which Python built it and where that Python finds xlplugin and its dependencies;
the script puts those folders first on LibreOffice's `sys.path` and calls
`xlplugin.calc.run`. That works where LibreOffice runs the same Python version as the one
xlplugin is installed in: on Linux with the distribution's LibreOffice and `python3-uno`
(LibreOffice uses the system `python3`; install xlplugin in a venv made with
`/usr/bin/python3 -m venv --system-site-packages`). LibreOffice for Windows and macOS
brings its own Python; when its version differs from the recorded one, the menu says so
instead of failing.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import site
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from xlplugin import __version__
from xlplugin.core import guide
from xlplugin.errors import WorkbookError
from xlplugin.files.safe import atomic_save
from xlplugin.hosts.buttons import ACTIONS
from xlplugin.text import Text

OXT = "xlplugin.oxt"
IDENTIFIER = "org.xlplugin.journey"
SCRIPT_FILE = "xlplugin_journey.py"
MENU = tuple(guide.MENU)
ENTRIES = {key: tuple(label) for key, label in guide.BUTTONS.items()}
"""The menu's entries, by the action of `xlplugin.hosts.buttons` they run: English and Dutch labels."""
CALC = "com.sun.star.sheet.SpreadsheetDocument"
DEPENDENCIES = ("openpyxl", "python_calamine", "defusedxml", "msoffcrypto", "pptx", "lxml")


def command_url(action: str) -> str:
    """The command a menu entry dispatches: the script function of the installed extension."""
    return (f"vnd.sun.star.script:{OXT}|python|{SCRIPT_FILE}${action}"
            "?language=Python&location=user:uno_packages")


SCRIPT = '''"""xlplugin's Journey menu in LibreOffice Calc (written by `xlplugin calc build`; do not edit).

Each menu entry calls one function below on the document it was used in. xlplugin is not in
the extension: it is found in the Python that built the extension, recorded here.
"""

import site
import sys

PYTHON = {python!r}
PATHS = {paths!r}


def _message(doc, text):
    try:
        from com.sun.star.awt.MessageBoxType import ERRORBOX

        window = doc.CurrentController.Frame.ContainerWindow
        window.Toolkit.createMessageBox(window, ERRORBOX, 1, "xlplugin", text).execute()
    except Exception:
        pass


def _run(action):
    doc = XSCRIPTCONTEXT.getDocument()  # noqa: F821 (given by LibreOffice's script provider)
    if tuple(sys.version_info[:2]) != tuple(PYTHON):
        here = "%d.%d" % tuple(sys.version_info[:2])
        built = "%d.%d" % tuple(PYTHON)
        _message(doc, "This LibreOffice runs Python " + here + ", but xlplugin was installed for Python " + built
                 + ": install xlplugin in a Python " + here + " and run `xlplugin calc install` from it.\\n\\n"
                 + "Deze LibreOffice gebruikt Python " + here + ", maar xlplugin is voor Python " + built
                 + " geinstalleerd: installeer xlplugin in een Python " + here
                 + " en voer daarmee `xlplugin calc install` uit.")
        return
    sys.path[:0] = [p for p in PATHS if p not in sys.path]
    for path in PATHS:
        site.addsitedir(path)  # also what .pth files add (editable installs)
    try:
        from xlplugin.calc import run
    except Exception as exc:
        _message(doc, "xlplugin cannot be loaded (" + repr(exc) + "): run `xlplugin calc install` again "
                 + "from the Python that has xlplugin.\\n\\nxlplugin kan niet geladen worden: voer "
                 + "`xlplugin calc install` opnieuw uit met de Python waarin xlplugin staat.")
        return
    if not doc.supportsService("{calc}"):
        _message(doc, "The Journey menu works in a Calc spreadsheet. / Het menu Klantreis werkt in een Calc-werkblad.")
        return
    run(action, doc, XSCRIPTCONTEXT.getComponentContext())  # noqa: F821

{functions}
g_exportedScripts = ({exported},)
'''


def _found_in() -> list[str]:
    """Where this Python finds xlplugin and its dependencies, in the order to search them."""
    here = [str(Path(__file__).resolve().parent.parent.parent)]
    for name in DEPENDENCIES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin:
            origin = Path(spec.origin).resolve()
            here.append(str(origin.parent.parent if origin.name == "__init__.py" else origin.parent))
    here += [p for p in (*site.getsitepackages(), site.getusersitepackages()) if Path(p).is_dir()]
    return list(dict.fromkeys(here))


def script(paths: list[str] | None = None, python: tuple[int, int] | None = None) -> str:
    functions = "".join(f'\ndef {a}(*args):\n    """{ENTRIES[a][0]}"""\n    _run("{a}")\n\n' for a in ACTIONS)
    return SCRIPT.format(python=tuple(python or sys.version_info[:2]), paths=paths if paths is not None else _found_in(),
                         calc=CALC, functions=functions, exported=", ".join(ACTIONS))


def _title(en: str, nl: str) -> str:
    return (f'<prop oor:name="Title" oor:type="xs:string"><value xml:lang="en-US">{escape(en)}</value>'
            f'<value xml:lang="nl">{escape(nl)}</value></prop>')


def _item(node: str, action: str) -> str:
    en, nl = ENTRIES[action]
    return (f'<node oor:name="{node}" oor:op="replace">'
            f'<prop oor:name="URL" oor:type="xs:string"><value>{escape(command_url(action))}</value></prop>'
            f"{_title(en, nl)}"
            '<prop oor:name="Target" oor:type="xs:string"><value>_self</value></prop>'
            f'<prop oor:name="Context" oor:type="xs:string"><value>{CALC}</value></prop>'
            "</node>")


def addons_xcu() -> str:
    """The menu (Journey, beside Tools) and the toolbar, each with the four entries, in Calc only."""
    items = "".join(_item(f"m{i}", a) for i, a in enumerate(ACTIONS, 1))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:component-data xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" oor:name="Addons" oor:package="org.openoffice.Office">'
        '<node oor:name="AddonUI">'
        '<node oor:name="OfficeMenuBar">'
        f'<node oor:name="{IDENTIFIER}" oor:op="replace">{_title(*MENU)}'
        f'<prop oor:name="Context" oor:type="xs:string"><value>{CALC}</value></prop>'
        f'<node oor:name="Submenu">{items}</node></node></node>'
        '<node oor:name="OfficeToolBar">'
        f'<node oor:name="{IDENTIFIER}.toolbar" oor:op="replace">{items}</node></node>'
        "</node></oor:component-data>\n"
    )


def description_xml() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<description xmlns="http://openoffice.org/extensions/description/2006" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:d="http://openoffice.org/extensions/description/2006">'
        f'<identifier value="{IDENTIFIER}"/><version value="{__version__}"/>'
        '<display-name><name lang="en">xlplugin: customer journey</name>'
        '<name lang="nl">xlplugin: klantreis</name></display-name>'
        '<platform value="all"/>'
        '<dependencies><d:OpenOffice.org-minimal-version value="3.4" d:name="OpenOffice.org 3.4"/></dependencies>'
        "</description>\n"
    )


MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="http://openoffice.org/2001/manifest">'
    '<manifest:file-entry manifest:full-path="Addons.xcu" '
    'manifest:media-type="application/vnd.sun.star.configuration-data"/>'
    '<manifest:file-entry manifest:full-path="python/" '
    'manifest:media-type="application/vnd.sun.star.framework-script"/>'
    "</manifest:manifest>\n"
)


def build_oxt(folder: Path) -> Path:
    """Write `folder/xlplugin.oxt` for this Python's xlplugin."""
    folder.mkdir(parents=True, exist_ok=True)
    parts = {
        "META-INF/manifest.xml": MANIFEST,
        "description.xml": description_xml(),
        "Addons.xcu": addons_xcu(),
        f"python/{SCRIPT_FILE}": script(),
    }

    def write(path: str) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in parts.items():
                z.writestr(name, text.encode("utf-8"))

    return atomic_save(folder / OXT, write)


_UNOPKG_PLACES = (
    "/usr/lib/libreoffice/program/unopkg",
    "/opt/libreoffice/program/unopkg",
    "/Applications/LibreOffice.app/Contents/MacOS/unopkg",
    r"C:\Program Files\LibreOffice\program\unopkg.com",
)


def unopkg() -> str:
    found = shutil.which("unopkg") or next((p for p in _UNOPKG_PLACES if Path(p).exists()), None)
    if found is None:
        raise WorkbookError(Text("LibreOffice's unopkg was not found: install LibreOffice (with Calc) first.",
                                 "unopkg van LibreOffice is niet gevonden: installeer eerst LibreOffice (met Calc)."))
    return found


def office_env(environ: dict[str, str] | None = None) -> dict[str, str]:
    """The environment to start LibreOffice in. Its Python is embedded and looks for `python3`
    on PATH to find its own installation: a virtual environment's or pyenv's python3 there
    makes it load another Python's standard library and fail. So: no PYTHONPATH, PYTHONHOME,
    VIRTUAL_ENV or pyenv variables, and PATH without virtual-environment and pyenv folders."""
    env = dict(os.environ if environ is None else environ)
    for name in [k for k in env if k in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV") or "PYENV" in k]:
        del env[name]

    def foreign(folder: str) -> bool:
        return ".pyenv" in folder or (Path(folder).parent / "pyvenv.cfg").exists()

    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p and not foreign(p))
    return env


def _unopkg(args: list[str], profile: Path | None) -> subprocess.CompletedProcess[str]:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        raise WorkbookError(Text(
            "LibreOffice adds extensions for a user, not for root: run this as your own user.",
            "LibreOffice voegt extensies toe voor een gebruiker, niet voor root: voer dit uit als je eigen gebruiker."))
    extra = [f"-env:UserInstallation={profile.resolve().as_uri()}"] if profile else []
    return subprocess.run([unopkg(), *args, *extra], capture_output=True, text=True, timeout=300, env=office_env())


def install(profile: Path | None = None) -> Path:
    """Build the extension for this Python and add it to LibreOffice for the current user."""
    with tempfile.TemporaryDirectory(prefix="xlplugin-oxt-") as tmp:
        oxt = build_oxt(Path(tmp))
        done = _unopkg(["add", "--force", "--suppress-license", str(oxt)], profile)
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip()
        raise WorkbookError(Text(
            f"LibreOffice did not add the extension ({said}). Close LibreOffice and run this again.",
            f"LibreOffice heeft de extensie niet toegevoegd ({said}). Sluit LibreOffice en voer dit opnieuw uit."))
    return Path(unopkg())


def uninstall(profile: Path | None = None) -> bool:
    """Remove the extension for the current user; False when it was not installed."""
    listed = _unopkg(["list"], profile)
    if IDENTIFIER not in listed.stdout:
        return False
    done = _unopkg(["remove", IDENTIFIER], profile)
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip()
        raise WorkbookError(Text(
            f"LibreOffice did not remove the extension ({said}). Close LibreOffice and run this again.",
            f"LibreOffice heeft de extensie niet verwijderd ({said}). Sluit LibreOffice en voer dit opnieuw uit."))
    return True

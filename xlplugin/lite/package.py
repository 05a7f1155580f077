"""The files for xlwings Lite: the `main.py` pasted into its editor (each `@script` a
button in its task pane), its `requirements.txt`, and the pure-Python wheel of xlplugin
that the requirements install in the browser (`xlplugin lite` writes all three)."""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from pathlib import Path

from xlplugin import __version__
from xlplugin.files.safe import atomic_save

MAIN = '''"""xlplugin in xlwings Lite: check the journey workbook, rank the priorities, write the deck.

Paste this into the xlwings Lite editor (and requirements.txt into its requirements tab);
each function below becomes a button in the Lite task pane.
"""

import xlwings as xw
from xlwings import script

from xlplugin import lite


@script
async def check(book: xw.Book):
    """Check the workbook: faulty cells coloured with a note, the Findings sheet."""
    await lite.run("check", book)


@script
async def priorities(book: xw.Book):
    """Check the workbook and rank the priority gaps on the Priorities sheet."""
    await lite.run("priorities", book)


@script
async def deck(book: xw.Book):
    """Write the management deck to /data (download it from the Lite file pane)."""
    await lite.run("deck", book, folder="/data")
'''


REQUIREMENTS = """# xlwings Lite installs these in the browser (Pyodide) when the add-in starts.
# xlplugin is not on PyPI: put the wheel written beside this file ({wheel}) on a web
# server that allows cross-origin requests (CORS), and replace the next line with its URL:
#   {wheel_url}
xlplugin @ {url}
"""


def _metadata() -> str:
    """The package's METADATA: from the source checkout's pyproject.toml when xlplugin runs
    from one (the installed metadata may be older), else from the installed distribution."""
    import tomllib
    from importlib.metadata import PackageNotFoundError, distribution

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    if pyproject.exists():
        project = tomllib.loads(pyproject.read_text("utf-8"))["project"]
        lines = ["Metadata-Version: 2.1", f"Name: {project['name']}", f"Version: {project['version']}",
                 f"Summary: {project.get('description', '')}", f"Requires-Python: {project['requires-python']}"]
        lines += [f"Requires-Dist: {d}" for d in project.get("dependencies", [])]
        return "\n".join(lines) + "\n"
    try:
        return distribution("xlplugin").read_text("METADATA") or ""
    except PackageNotFoundError:
        return f"Metadata-Version: 2.1\nName: xlplugin\nVersion: {__version__}\n"


def wheel_name() -> str:
    return f"xlplugin-{__version__}-py3-none-any.whl"


def write_wheel(folder: Path) -> Path:
    """A pure-Python wheel of this xlplugin (what Lite's requirements.txt installs)."""
    package = Path(__file__).resolve().parents[1]  # the xlplugin folder
    info = f"xlplugin-{__version__}.dist-info"
    files: dict[str, bytes] = {}
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            files[f"xlplugin/{path.relative_to(package).as_posix()}"] = path.read_bytes()
    files[f"{info}/METADATA"] = _metadata().encode()
    files[f"{info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: xlplugin\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    record = io.StringIO()
    for name, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.write(f"{name},sha256={digest},{len(data)}\n")
    record.write(f"{info}/RECORD,,\n")
    files[f"{info}/RECORD"] = record.getvalue().encode()

    def write(path: str) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in files.items():
                z.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)

    return atomic_save(folder / wheel_name(), write)


def write_lite(folder: Path, wheel_url: str | None = None) -> list[Path]:
    """Write main.py, requirements.txt and the xlplugin wheel for xlwings Lite into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    example = f"https://your-server.example/{wheel_name()}"
    requirements = REQUIREMENTS.format(wheel=wheel_name(), wheel_url=example, url=wheel_url or example)
    written = []
    for name, text in (("main.py", MAIN), ("requirements.txt", requirements)):
        written.append(atomic_save(folder / name, lambda path, t=text: Path(path).write_text(t, encoding="utf-8")))
    written.append(write_wheel(folder))
    return written

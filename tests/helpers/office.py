"""LibreOffice for the tests: the binary, and a file converted with it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def soffice() -> str:
    """The LibreOffice binary; the tests that need it fail (not skip) without it."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        pytest.fail("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc")
    return binary


def libreoffice_convert(path: Path, fmt: str, outdir: Path) -> Path:
    """Convert `path` with LibreOffice to `fmt` (xlsx, pdf) in `outdir`."""
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / ".lo-profile"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = outdir / f"{path.stem}.{fmt}"
    assert out.exists(), f"LibreOffice wrote no {out.name}"
    return out

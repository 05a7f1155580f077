"""Safe writes: a temporary file beside the target, then one atomic rename."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from xlplugin.errors import WorkbookError, quote_path
from xlplugin.text import Text


def _mode_for(path: Path) -> int:
    """The permissions `path` should get: its own when it exists (a shared workbook stays
    shared), else what a new file gets under the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_save(path: Path, save: Callable[[str], object]) -> Path:
    """Call `save` on a temporary path beside `path`, then move it into place.

    A failed write leaves any old file at `path` as it was.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise WorkbookError(Text(f"The folder {quote_path(folder)} does not exist.", f"De map {quote_path(folder)} bestaat niet."))
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=folder)
    os.close(fd)
    try:
        save(tmp)
        os.chmod(tmp, mode)  # mkstemp makes it private (0600); the file should not be
        os.replace(tmp, path)
    except PermissionError as exc:
        raise WorkbookError(
            Text(
                f"Cannot write {quote_path(path)}: it is open in another program or read-only. Close it and try again.",
                f"Kan {quote_path(path)} niet schrijven: het is geopend in een ander programma of alleen-lezen. Sluit het en probeer opnieuw.",
            )
        ) from exc
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return path

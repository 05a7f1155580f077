"""The command line run as a user runs it: a new process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "XLPLUGIN_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "xlplugin", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=180)

"""A progress bar on standard error, drawn only when that is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Bar:
    """`bar(done, total)` redraws one line: ``[#####.....] 120/500 label``; silent when
    `stream` is not a terminal (piped or redirected), and finished with a line break."""

    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30):
        self.stream = stream if stream is not None else sys.stderr
        self.label, self.width = label, width
        self.on = bool(getattr(self.stream, "isatty", lambda: False)())
        self.shown = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.on:
            return
        now = time.monotonic()
        if done < total and now - self.shown < 0.1:  # at most ten redraws a second
            return
        self.shown = now
        filled = self.width * done // max(total, 1)
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} {self.label}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()

"""A progress bar on stderr while a run loads and extracts, when stderr is a terminal.

One line, redrawn in place at most ten times a second: the stage, files done of files
listed, claims so far, how many came from the cache. Nothing is written when stderr is not
a terminal (CI logs, pipes) or with ``-q``; the line is erased when the stage ends, so
what stays on the terminal is only what kcheck logs.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

_WIDTH = 24


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, *, enabled: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty())
        self.enabled = enabled
        self.total = total
        self.done = 0
        self.claims = 0
        self.cached = 0
        self.stage = "load + extract"
        self._last = 0.0
        self._shown = False

    def advance(self, *, claims: int, cached: bool = False) -> None:
        self.done += 1
        self.claims = claims
        self.cached += int(cached)
        if self.enabled:
            now = time.monotonic()
            if now - self._last >= 0.1 or self.done == self.total:
                self._last = now
                self._draw()

    def set_stage(self, stage: str, claims: int | None = None) -> None:
        """A stage with no count of its own (group + check)."""
        self.stage = stage
        if claims is not None:
            self.claims = claims
        if self.enabled:
            self._draw(bar=False)

    def line(self, bar: bool = True) -> str:
        if not bar:
            return f"kcheck: {self.stage}: {self.claims:,} claims"
        filled = _WIDTH * self.done // self.total if self.total else _WIDTH
        cached = f", {self.cached:,} cached" if self.cached else ""
        return (
            f"kcheck: {self.stage} [{'#' * filled}{'.' * (_WIDTH - filled)}] "
            f"{self.done:,}/{self.total:,} files, {self.claims:,} claims{cached}"
        )

    def _draw(self, bar: bool = True) -> None:
        self.stream.write("\r\x1b[2K" + self.line(bar))
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self.enabled and self._shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._shown = False

"""How one run renders its report: colour, width, what to list, what paths are relative to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False  # ANSI styles in the text format
    width: int | None = None  # the terminal's columns; None: lines are not wrapped
    corroborated: bool = True  # list corroborated topics (False: count them in one line)
    # the absolute directory document paths are relative to (the repository root; see
    # pipeline.Settings.root), when they are: SARIF then names it as uriBaseId %SRCROOT%
    root: Path | None = None

"""How one run renders its report: colour, width, what to list, what paths are relative to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RunInfo:
    """How the report was made, for the overview; and where links to the sources start.

    ``cwd`` is the directory the documents' paths are relative to and ``output_dir`` the
    directory the page is written to: links are relative from one to the other, so the
    page and the corpus can move together.
    """

    paths: tuple[str, ...] = ()
    rules: str = "built-in"
    fail_on: str = "error"
    min_severity: str = "info"
    changed_since: str | None = None
    cwd: str | None = None
    output_dir: str | None = None


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False  # ANSI styles in the text format
    width: int | None = None  # the terminal's columns; None: lines are not wrapped
    corroborated: bool = True  # list corroborated topics (False: count them in one line)
    # the absolute directory document paths are relative to (the repository root; see
    # pipeline.Settings.root), when they are: SARIF then names it as uriBaseId %SRCROOT%
    root: Path | None = None
    run: RunInfo | None = None  # the run's settings and where the page goes (html only)

"""Write output files: atomically (a reader never sees half a report), and the GitHub step summary."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TextIO

from kcheck.errors import OutputError


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same directory and a rename.
    The directory must exist: a typo in ``-o reprots/x.json`` should not create ``reprots/``."""
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        problem = "is not a directory" if directory.exists() else "does not exist"
        raise OutputError(f"{path}: cannot write: directory {directory} {problem}")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def append_step_summary(text: str) -> None:
    """Append to the file GitHub Actions names in $GITHUB_STEP_SUMMARY (other steps write there too)."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise OutputError(f"{target}: cannot append the step summary: {exc.strerror or exc}") from None


def color_wanted(choice: str, stream: TextIO, *, to_file: bool = False) -> bool:
    """Whether to colour output on ``stream``: ``always`` / ``never`` decide; ``auto`` colours
    a terminal, except when NO_COLOR is set (https://no-color.org) or TERM=dumb, and
    FORCE_COLOR (https://force-color.org) colours even a pipe. A file is never coloured
    unless ``always``."""
    if choice == "always":
        return True
    if choice == "never" or to_file:
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


DEFAULT_WIDTH = 100  # what a report is laid out for when it is not going to a terminal


def terminal_width(output: Path | None) -> int | None:
    """The terminal's width when stdout is one (``COLUMNS`` overrides), else None (no limit)."""
    import sys

    if output is not None:
        return None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns

"""Progress of a long run, on stderr, when stderr is a terminal.

The pipeline reports its phases (``phase("reading", None)``, ``phase("extracting", n)``,
``advance()``) to the reporter of the current context, which does nothing unless the CLI
installed one (``showing``). So the library stays silent and its signatures unchanged,
and only a person at a terminal sees a bar; logs, pipes and CI see nothing.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from typing import Any


class Reporter:
    """Does nothing: what the library uses unless the CLI shows progress."""

    def phase(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        pass


_SILENT = Reporter()
_current: contextvars.ContextVar[Reporter | None] = contextvars.ContextVar("kcheck_progress", default=None)


def phase(name: str, total: int | None = None) -> None:
    (_current.get() or _SILENT).phase(name, total)


def advance(steps: int = 1) -> None:
    (_current.get() or _SILENT).advance(steps)


class _RichReporter(Reporter):
    """A transient rich progress bar (one task per phase) on stderr."""

    def __init__(self, bar: Any) -> None:
        self.bar = bar
        self.task: Any = None

    def phase(self, name: str, total: int | None = None) -> None:
        if self.task is not None:
            self.bar.update(self.task, visible=False)
        self.task = self.bar.add_task(name, total=total)

    def advance(self, steps: int = 1) -> None:
        if self.task is not None:
            self.bar.advance(self.task, steps)


@contextlib.contextmanager
def showing(enabled: bool) -> Iterator[None]:
    """Show progress on stderr for the duration, if ``enabled`` and stderr is a terminal
    (rich decides, and honours TERM=dumb); it disappears when the run ends."""
    if not enabled:
        yield
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    if not console.is_terminal or console.is_dumb_terminal:
        yield
        return
    columns = (
        TextColumn("kcheck: {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        token = _current.set(_RichReporter(bar))
        try:
            yield
        finally:
            _current.reset(token)

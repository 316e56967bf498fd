"""Render a finished Report. One module per format, each a pure function Report -> str.

The CLI decides what to show (report.select) and the exit code; formats only render.
The formats a large archive makes large (JSON, SARIF, rdjson) also render as a stream of
chunks (``stream``), which the CLI writes as they come: the same text, never whole in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import import_module
from types import ModuleType

from kcheck.models import Report
from kcheck.report.options import RenderOptions, RunInfo

__all__ = ["FORMATS", "STREAMS", "RenderOptions", "RunInfo", "render", "stream"]


def _format(name: str) -> ModuleType:
    """The module of format ``name``, imported when a report is first rendered in it: a run
    loads only its own format, `kcheck explain` (report.explain, report.json) none of the others."""
    return import_module(f"kcheck.report.{name}")


FORMATS: dict[str, Callable[[Report, RenderOptions], str]] = {
    "text": lambda report, options: _format("text").render(report, options),
    "json": lambda report, options: _format("json").render(report),
    "markdown": lambda report, options: _format("markdown").render(report, options),
    "sarif": lambda report, options: _format("sarif").render(report, options),
    "github": lambda report, options: _format("github").render(report, options),
    "html": lambda report, options: _format("html").render(report, run=options.run),
    "checkstyle": lambda report, options: _format("checkstyle").render(report, options),
    "junit": lambda report, options: _format("junit").render(report, options),
    "rdjson": lambda report, options: _format("rdjson").render(report, options),
}


# formats that stream: the chunks whose concatenation is FORMATS[name]'s text
STREAMS: dict[str, Callable[[Report, RenderOptions], Iterator[str]]] = {
    "json": lambda report, options: _format("json").chunks(report),
    "sarif": lambda report, options: _format("sarif").chunks(report, options),
    "rdjson": lambda report, options: _format("rdjson").chunks(report, options),
}


def render(report: Report, fmt: str, options: RenderOptions | None = None, *, color: bool = False) -> str:
    """``report`` in format ``fmt``; ``color`` (or ``options.color``) adds ANSI styles to the
    text format only."""
    if options is None:
        options = RenderOptions(color=color)
    return FORMATS[fmt](report, options)


def stream(report: Report, fmt: str, options: RenderOptions | None = None) -> Iterator[str]:
    """``render``'s text in chunks: streamed where the format can, else in one piece."""
    if options is None:
        options = RenderOptions()
    if fmt in STREAMS:
        return STREAMS[fmt](report, options)
    return iter((FORMATS[fmt](report, options),))

"""Render a finished Report. One module per format, each a pure function Report -> str.

The CLI decides what to show (report.select) and the exit code; formats only render.
The formats a large archive makes large (JSON, SARIF, rdjson) also render as a stream of
chunks (``stream``), which the CLI writes as they come: the same text, never whole in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kcheck.models import Report
from kcheck.report import checkstyle, github, html, json, junit, markdown, rdjson, sarif, text
from kcheck.report.options import RenderOptions, RunInfo

__all__ = ["FORMATS", "STREAMS", "RenderOptions", "RunInfo", "render", "stream"]

FORMATS: dict[str, Callable[[Report, RenderOptions], str]] = {
    "text": text.render,
    "json": lambda report, options: json.render(report),
    "markdown": markdown.render,
    "sarif": sarif.render,
    "github": github.render,
    "html": lambda report, options: html.render(report, run=options.run),
    "checkstyle": checkstyle.render,
    "junit": junit.render,
    "rdjson": rdjson.render,
}


# formats that stream: the chunks whose concatenation is FORMATS[name]'s text
STREAMS: dict[str, Callable[[Report, RenderOptions], Iterator[str]]] = {
    "json": lambda report, options: json.chunks(report),
    "sarif": sarif.chunks,
    "rdjson": rdjson.chunks,
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

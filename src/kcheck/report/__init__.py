"""Render a finished Report. One module per format, each a pure function Report -> str.

The CLI decides what to show (report.select) and the exit code; formats only render.
"""

from __future__ import annotations

from collections.abc import Callable

from kcheck.models import Report
from kcheck.report import checkstyle, github, html, json, junit, markdown, rdjson, sarif, text
from kcheck.report.options import RenderOptions, RunInfo

__all__ = ["FORMATS", "RenderOptions", "RunInfo", "render"]

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


def render(report: Report, fmt: str, options: RenderOptions | None = None, *, color: bool = False) -> str:
    """``report`` in format ``fmt``; ``color`` (or ``options.color``) adds ANSI styles to the
    text format only."""
    if options is None:
        options = RenderOptions(color=color)
    return FORMATS[fmt](report, options)

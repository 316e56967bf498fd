"""Render a finished Report. One module per format, each a pure function Report -> str.

The CLI decides what to show (report.select) and the exit code; formats only render.
"""

from __future__ import annotations

from collections.abc import Callable

from kcheck.models import Report
from kcheck.report import github, html, json, markdown, sarif, text

FORMATS: dict[str, Callable[[Report], str]] = {
    "text": text.render,
    "json": json.render,
    "markdown": markdown.render,
    "sarif": sarif.render,
    "github": github.render,
    "html": html.render,
}


def render(report: Report, fmt: str, *, color: bool = False, run: html.RunInfo | None = None) -> str:
    """``report`` in format ``fmt``; ``color`` adds ANSI styles to the text format only, ``run``
    (the run's settings and where the page is written) is for the html format only."""
    if fmt == "text":
        return text.render(report, color=color)
    if fmt == "html":
        return html.render(report, run=run)
    return FORMATS[fmt](report)

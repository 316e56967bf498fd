"""Render a finished Report. Each format is a pure function Report -> str."""

from __future__ import annotations

from collections.abc import Callable

from kcheck.models import Report


def render_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


FORMATS: dict[str, Callable[[Report], str]] = {"json": render_json}


def render(report: Report, fmt: str) -> str:
    return FORMATS[fmt](report)

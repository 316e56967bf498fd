"""The terminal report: conflicts grouped by topic, each source on its own line.

Every claim line starts with ``path:line:column`` so an editor or terminal can jump to it;
the quoted figure, its normalised value, the interval and the period line up in columns
(CJK characters count two columns). Colour only marks severity and the figure in its
sentence; without colour nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from kcheck import escape
from kcheck.models import Claim, Conflict, Report, Severity
from kcheck.report import describe

Style = Callable[..., str]

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def render(report: Report, *, color: bool = False) -> str:
    def style(text: str, **kw: Any) -> str:
        return click.style(text, **kw) if color else text

    out: list[str] = []
    groups = describe.by_topic(report.conflicts)
    for label, conflicts in groups:
        out.append(style(describe.one_line(label), bold=True))
        for conflict in conflicts:
            out.extend(_conflict(conflict, style))
        out.append("")
    if not groups:
        out.extend(["No conflicts.", ""])

    agreed = describe.corroborated(report)
    if agreed:
        out.append(style(f"Corroborated ({len(agreed)} topic{'s' if len(agreed) != 1 else ''})", bold=True))
        for item in agreed:
            sources = len(set(item.topic.sources) or {c.doc for c in item.claims})
            out.append(f"  {describe.one_line(item.topic.label)}: {sources} sources agree")
            out.extend(_claim_table(item.claims, indent="    "))
        out.append("")

    if report.unreadable:
        n = len(report.unreadable)
        out.append(style(f"Unreadable ({n} file{'s' if n != 1 else ''})", bold=True))
        out.extend(f"  {escape.visible(p.path)}: {describe.one_line(p.error)}" for p in report.unreadable)
        out.append("")

    out.append(f"Summary: {describe.summary_line(report)}")
    return escape.guard("\n".join(line.rstrip() for line in out) + "\n", color=color)


def _conflict(conflict: Conflict, style: Style) -> list[str]:
    tag = conflict.severity.value + (", baselined" if conflict.baselined else "")
    marker = style(
        f"[{tag}]",
        fg=None if conflict.baselined else _COLOURS[conflict.severity],
        # None, not False: click turns bold=False / dim=False into a reset code (22m)
        bold=None if conflict.baselined else True,
        dim=True if conflict.baselined else None,
    )
    lines = [
        f"  {marker} {conflict.type} {describe.short_id(conflict.id)}: {describe.one_line(conflict.message)}"
    ]
    rows = _claim_table(conflict.claims, indent="    ")
    for claim, row in zip(conflict.claims, rows, strict=True):
        lines.append(row)
        if claim.sentence:
            lines.append(f"      {_sentence(claim, style)}")
    gap = describe.gap(conflict)
    if gap is not None:
        lines.append(f"    gap: {gap}")
    return lines


def _claim_table(claims: list[Claim], indent: str) -> list[str]:
    """One aligned row per claim: place, figure as written, value, interval, time."""
    cells = [
        [
            describe.location(c),
            describe.one_line(c.quote),
            f"= {describe.value(c)}",
            describe.interval(c) or "",
            describe.when(c) or "",
        ]
        for c in claims
    ]
    widths = [max((describe.width(row[i]) for row in cells), default=0) for i in range(5)]
    return [
        indent + "  ".join(describe.pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip()
        for row in cells
    ]


def _sentence(claim: Claim, style: Style) -> str:
    before, figure, after = describe.split_sentence(claim)
    return before + (style(figure, bold=True, underline=True) if figure else "") + after

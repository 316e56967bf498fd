"""GitHub Actions workflow commands: one annotation per conflict at its first claim.

``::error file=...,line=...,col=...,title=...::message`` for errors, ``::warning`` and
``::notice`` below that; findings matched by --baseline come last as notices so they do not
crowd out new ones (GitHub shows only the first few annotations of each kind per step).
Escaping follows actions/toolkit (``escapeData`` / ``escapeProperty``). ``step_summary`` is
the Markdown the CLI appends to ``$GITHUB_STEP_SUMMARY`` (``output.append_step_summary``);
this module only renders.
"""

from __future__ import annotations

from kcheck import escape
from kcheck.models import Conflict, Report, Severity
from kcheck.report import describe, markdown

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


escape_data = escape.github_data
escape_property = escape.github_property


def render(report: Report) -> str:
    ordered = sorted(report.conflicts, key=lambda c: (c.baselined, -c.severity.rank))
    lines = [annotation(c) for c in ordered]
    lines.append(f"kcheck: {describe.summary_line(report)}")
    # every annotation is one line whatever it carries (escape_data encodes line breaks)
    return escape.guard("\n".join(lines) + "\n", commands=True)


def annotation(conflict: Conflict) -> str:
    command = "notice" if conflict.baselined else COMMANDS[conflict.severity]
    title = f"kcheck {conflict.type}: {conflict.topic}" + (" (baselined)" if conflict.baselined else "")
    props: list[tuple[str, str]] = []
    if conflict.claims:
        first = conflict.claims[0]
        props.append(("file", first.doc))
        if first.line >= 1:
            props.append(("line", str(first.line)))
            if first.column >= 1:
                props.append(("col", str(first.column)))
    props.append(("title", title))
    body = [f"[{conflict.severity.value}] {describe.one_line(conflict.message)}"]
    body += [f"{describe.location(c)}: {c.quote} = {describe.value(c)}" for c in conflict.claims]
    gap = describe.gap(conflict)
    if gap is not None:
        body.append(f"gap: {gap}")
    body.append(f"kcheck explain {describe.short_id(conflict.id)}")
    rendered = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{command} {rendered}::{escape_data(chr(10).join(body))}"


def step_summary(report: Report) -> str:
    """The job summary shown on the run's page: the Markdown report."""
    return markdown.render(report)

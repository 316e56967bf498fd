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
from kcheck.report.options import RenderOptions

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


escape_data = escape.github_data
escape_property = escape.github_property


# GitHub accepts 1 MiB of step summary per step; the rest of the report is in the artifact
STEP_SUMMARY_LIMIT = 1024 * 1024 - 16 * 1024


def render(report: Report, options: RenderOptions | None = None) -> str:
    ordered = sorted(report.conflicts, key=lambda c: (describe.accepted(c), -c.severity.rank))
    lines = [annotation(c) for c in ordered]
    for m in report.suppressions:
        if m.error is not None or not m.used:
            what = m.error if m.error is not None else "suppresses nothing"
            props = f"file={escape_property(m.path)},line={m.line},title=kcheck suppression"
            lines.append(f"::warning {props}::{escape_data(f'kcheck-disable-{m.scope} {what}')}")
    for e in report.stale:
        lines.append(
            f"::notice title=kcheck stale baseline entry::"
            f"{escape_data(f'{report.baseline}: {e.type} {describe.short_id(e.id)} {e.topic} is no longer found')}"
        )
    for d in describe.undated(report):
        lines.append(
            f"::notice file={escape_property(d.path)},title=kcheck undated document::"
            "no publication date; relative dates not resolved"
        )
    lines.append(f"kcheck: {describe.summary_line(report)}")
    # every annotation is one line whatever it carries (escape_data encodes line breaks)
    return escape.guard("\n".join(lines) + "\n", commands=True)


def annotation(conflict: Conflict) -> str:
    accepted = describe.accepted(conflict)
    command = "notice" if accepted else COMMANDS[conflict.severity]
    title = f"kcheck {conflict.type}: {conflict.topic}" + (
        describe.state(conflict).replace(", ", " (", 1) + ")" if accepted else ""
    )
    props: list[tuple[str, str]] = []
    if conflict.claims:
        first = conflict.claims[0]
        props.append(("file", first.doc))
        if first.line >= 1:
            props.append(("line", str(first.line)))
            if first.column >= 1:
                props.append(("col", str(first.column)))
    props.append(("title", title))
    body = [f"[{conflict.severity.value}] {describe.headline(conflict)}"]
    body += [f"{describe.location(c)}: {c.quote} = {describe.value(c)}" for c in conflict.claims]
    gap = describe.gap(conflict)
    if gap is not None:
        body.append(f"gap: {gap}")
    body.append(f"kcheck explain {describe.short_id(conflict.id)}")
    rendered = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{command} {rendered}::{escape_data(chr(10).join(body))}"


def step_summary(
    report: Report, options: RenderOptions | None = None, limit: int = STEP_SUMMARY_LIMIT
) -> str:
    """The job summary shown on the run's page: the Markdown report, cut at a section or
    finding boundary to stay under GitHub's 1 MiB, with a pointer to the whole report."""
    text = markdown.render(report, options)
    if len(text.encode("utf-8")) <= limit:
        return text
    note = (
        "\n---\n\n**The report is longer than a step summary may be (1 MiB) and was cut here.** "
        "The whole report is in the workflow's artifacts (the kcheck Action uploads "
        "`kcheck.sarif`), or run `kcheck report --format markdown` locally.\n"
    )
    budget = limit - len(note.encode("utf-8"))
    kept: list[str] = []
    used = 0
    for block in text.split("\n\n"):
        size = len(block.encode("utf-8")) + 2
        if used + size > budget:
            break
        kept.append(block)
        used += size
    return "\n\n".join(kept) + "\n" + note

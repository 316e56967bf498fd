"""The Markdown report, for pull-request comments, wikis and GitHub step summaries.

A summary table, then every conflict under its topic with the sources in a table and each
sentence quoted with the figure in bold, then the corroborated topics and unreadable files.
Text from the articles is escaped, so a stray ``*`` or ``|`` cannot break the layout.
"""

from __future__ import annotations

from kcheck import escape as safe
from kcheck.models import Claim, Conflict, Report, Severity
from kcheck.report import describe
from kcheck.report.options import RenderOptions

_COUNT_LABELS = [(Severity.ERROR, "errors"), (Severity.WARNING, "warnings"), (Severity.INFO, "info")]


def escape(text: str) -> str:
    """Text shown literally: Markdown punctuation backslash-escaped, one line."""
    return safe.markdown(" ".join(text.split()))


def code(text: str) -> str:
    """An inline code span that survives backticks in ``text``."""
    text = describe.one_line(text)
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render(report: Report, options: RenderOptions | None = None) -> str:
    options = options or RenderOptions()
    s = report.summary
    out = [
        "# kcheck report",
        "",
        f"**{describe.counts(report)}** across {describe.plural(s.documents, 'document')}.",
        "",
        "| | count |",
        "|---|---:|",
        f"| documents | {s.documents} |",
        f"| claims | {s.claims} |",
        f"| topics | {s.topics} |",
        f"| corroborated topics | {s.corroborated} |",
        *(f"| {label} | {s.conflicts.get(sev.value, 0)} |" for sev, label in _COUNT_LABELS),
        f"| baselined | {s.baselined} |",
    ]
    if s.suppressed:
        out.append(f"| suppressed | {s.suppressed} |")
    if s.hidden:
        out.append(f"| hidden (--min-severity, --changed-since) | {s.hidden} |")
    out.append(f"| unreadable files | {s.unreadable} |")

    groups = describe.by_topic(report.conflicts)
    out += ["", "## Conflicts", ""]
    if not groups:
        out += ["No conflicts.", ""]
    for label, conflicts in groups:
        out += [f"### {escape(label)}", ""]
        for conflict in conflicts:
            out += _conflict(conflict)

    agreed = describe.corroborated(report)
    if agreed and not options.corroborated:
        out += ["## Corroborated", "", f"{len(agreed)} topics (listed without --no-corroborated).", ""]
    elif agreed:
        out += ["## Corroborated", "", "| topic | value | sources |", "|---|---|---|"]
        for item in agreed:
            values = sorted({describe.value(c) for c in item.claims})
            sources = ", ".join(f"{code(describe.location(c))} ({escape(c.quote)})" for c in item.claims)
            out.append(f"| {escape(item.topic.label)} | {escape(' / '.join(values))} | {sources} |")
        out.append("")

    if report.stale:
        out += [
            "## Stale baseline entries",
            "",
            f"In {code(report.baseline or '')}; `--update-baseline` removes them.",
            "",
        ]
        out += [f"- {code(e.type)} {code(describe.short_id(e.id))}: {escape(e.topic)}" for e in report.stale]
        out.append("")
    unused = [m for m in report.suppressions if not m.used and m.error is None]
    if unused:
        out += ["## Unused suppressions", ""]
        out += [
            f"- {code(f'{m.path}:{m.line}')}: {code(f'kcheck-disable-{m.scope}')} {escape(', '.join(m.types))}"
            for m in unused
        ]
        out.append("")
    invalid = [m for m in report.suppressions if m.error is not None]
    if invalid:
        out += ["## Invalid suppressions", ""]
        out += [f"- {code(f'{m.path}:{m.line}')}: {escape(m.error or '')}" for m in invalid]
        out.append("")
    undated = describe.undated(report)
    if undated:
        out += ["## Undated documents", "", "Relative dates (今年, 3月1日) in these are not resolved.", ""]
        out += [f"- {code(d.path)}" for d in undated]
        out.append("")
    if report.unreadable:
        out += ["## Unreadable files", ""]
        out += [f"- {code(p.path)}: {escape(p.error)}" for p in report.unreadable]
        out.append("")
    return safe.guard("\n".join(out).rstrip("\n") + "\n")


def _conflict(conflict: Conflict) -> list[str]:
    state = describe.state(conflict).replace(", ", " (", 1) + ")" if describe.accepted(conflict) else ""
    out = [
        f"**{conflict.severity.value}**{state} {code(conflict.type)} {code(describe.short_id(conflict.id))}: "
        f"{escape(conflict.message)}",
        "",
    ]
    if conflict.suppression is not None:
        m = conflict.suppression
        out += [f"Suppressed at {code(f'{m.path}:{m.line}')}: {escape(m.reason)}", ""]
    out += [
        "| source | as written | value | interval | time |",
        "|---|---|---|---|---|",
    ]
    for c in conflict.claims:
        cells = [
            code(describe.location(c)),
            escape(c.quote),
            escape(describe.value(c)),
            escape(describe.interval_cell(c)),
            escape(describe.when_cell(c)),
        ]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    for c in conflict.claims:
        if c.sentence:
            out += [f"> {_highlight(c)}", f"> — {code(describe.location(c))}", ""]
    gap = describe.gap(conflict)
    if gap is not None:
        out += [f"Gap: {escape(gap)}", ""]
    return out


def _highlight(claim: Claim) -> str:
    """The sentence, escaped, with the figure in bold."""
    before, figure, after = describe.split_sentence(claim)
    if not figure:
        return escape(before)
    return f"{escape(before)}**{escape(figure)}**{escape(after)}"

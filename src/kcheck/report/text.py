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
from kcheck.report.options import RenderOptions

Style = Callable[..., str]

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


# a sentence is shortened around its figure to this many columns when the report does not
# go to a terminal (a terminal's own width decides otherwise); `kcheck explain` shows it whole
SENTENCE_COLUMNS = 160


def render(report: Report, options: RenderOptions | None = None) -> str:
    options = options or RenderOptions()

    def style(text: str, **kw: Any) -> str:
        return click.style(text, **kw) if options.color else text

    sentence_columns = max(options.width - 6, 40) if options.width else SENTENCE_COLUMNS
    out: list[str] = []
    groups = describe.by_topic(report.conflicts)
    for label, conflicts in groups:
        out.append(style(describe.one_line(label), bold=True))
        for conflict in conflicts:
            out.extend(_conflict(conflict, style, sentence_columns, options.width))
        out.append("")
    if not groups:
        out.extend(["No conflicts.", ""])

    agreed = describe.corroborated(report)
    if agreed and options.corroborated:
        out.append(style(f"Corroborated ({describe.plural(len(agreed), 'topic')})", bold=True))
        for item in agreed:
            sources = len(set(item.topic.sources) or {c.doc for c in item.claims})
            out.append(f"  {describe.one_line(item.topic.label)}: {sources} sources agree")
            out.extend(_claim_table(item.claims, indent="    ", width=options.width))
        out.append("")
    elif agreed:
        n = len(agreed)
        out += [f"Corroborated: {describe.plural(n, 'topic')} (listed without --no-corroborated)", ""]

    out += _sections(report, style)
    out.append(f"Summary: {describe.summary_line(report)}")
    if options.width:
        out = [part for line in out for part in _fit(line, options.width)]
    return escape.guard("\n".join(line.rstrip() for line in out) + "\n", color=options.color)


def _fit(line: str, width: int) -> list[str]:
    """A line the layout did not fit (a summary, a long topic label) folded at spaces;
    a styled line is folded without its styles."""
    plain = click.unstyle(line)
    if describe.width(plain) <= width:
        return [line]
    indent = " " * (len(plain) - len(plain.lstrip(" ")) + 2)
    return wrap(plain, width, indent)


def _sections(report: Report, style: Style) -> list[str]:
    """What is not a finding but a reader must know: stale baseline entries, suppression
    markers that did nothing, documents without a date, files that could not be read."""
    out: list[str] = []
    if report.stale:
        out.append(
            style(
                f"Stale baseline entries ({describe.plural(len(report.stale), 'entry')}, "
                f"in {report.baseline}; --update-baseline removes them)",
                bold=True,
            )
        )
        out.extend(f"  {e.type} {describe.short_id(e.id)}: {e.topic}" for e in report.stale)
        out.append("")
    unused = [s for s in report.suppressions if not s.used and s.error is None]
    if unused:
        out.append(style(f"Unused suppressions ({len(unused)})", bold=True))
        out.extend(f"  {s.path}:{s.line}: kcheck-disable-{s.scope} {', '.join(s.types)}" for s in unused)
        out.append("")
    invalid = [s for s in report.suppressions if s.error is not None]
    if invalid:
        out.append(style(f"Invalid suppressions ({len(invalid)})", bold=True))
        out.extend(f"  {s.path}:{s.line}: kcheck-disable-{s.scope} {s.error}" for s in invalid)
        out.append("")
    undated = describe.undated(report)
    if undated:
        out.append(
            style(
                f"Undated ({describe.plural(len(undated), 'document')}: relative dates not resolved)",
                bold=True,
            )
        )
        out.extend(f"  {d.path}" for d in undated)
        out.append("")
    if report.unreadable:
        n = len(report.unreadable)
        out.append(style(f"Unreadable ({describe.plural(n, 'file')})", bold=True))
        out.extend(f"  {escape.visible(p.path)}: {describe.one_line(p.error)}" for p in report.unreadable)
        out.append("")
    return out


def _conflict(conflict: Conflict, style: Style, sentence_columns: int, width: int | None = None) -> list[str]:
    accepted = conflict.baselined or conflict.suppression is not None
    tag = conflict.severity.value + describe.state(conflict)
    marker = style(
        f"[{tag}]",
        fg=None if accepted else _COLOURS[conflict.severity],
        # None, not False: click turns bold=False / dim=False into a reset code (22m)
        bold=None if accepted else True,
        dim=True if accepted else None,
    )
    message = describe.headline(conflict)
    plain_tag = f"[{tag}]"
    head = f"  {plain_tag} {conflict.type} {describe.short_id(conflict.id)}: {message}"
    wrapped = wrap(head, width, indent="    ") if width else [head]
    # the tag is styled after wrapping, so escape codes do not count as columns
    lines = [wrapped[0].replace(plain_tag, marker, 1), *wrapped[1:]]
    if conflict.suppression is not None:
        s = conflict.suppression
        lines.append(f"    suppressed at {s.path}:{s.line}: {s.reason}")
    rows = _claim_table(conflict.claims, indent="    ", width=width, split=True)
    for claim, row in zip(conflict.claims, rows, strict=True):
        lines.extend(row.split("\n"))
        if claim.sentence:
            lines.append(f"      {_sentence(claim, style, sentence_columns)}")
    gap = describe.gap(conflict)
    if gap is not None:
        lines.append(f"    gap: {gap}")
    return lines


def wrap(text: str, width: int, indent: str) -> list[str]:
    """``text`` folded to ``width`` terminal columns at spaces (CJK characters count two;
    rich does the measuring and folding), continuation lines indented."""
    from rich.console import Console
    from rich.text import Text

    if describe.width(text) <= width:
        return [text]
    console = Console(width=width, no_color=True, force_terminal=False, legacy_windows=False)
    first, *rest = Text(text).wrap(console, width)
    out = [first.plain.rstrip()]
    if rest:
        tail = " ".join(line.plain.strip() for line in rest)
        narrower = max(width - len(indent), 20)
        out += [indent + line.plain.rstrip() for line in Text(tail).wrap(console, narrower)]
    return out


def _claim_table(
    claims: list[Claim], indent: str, width: int | None = None, split: bool = False
) -> list[str]:
    """One aligned row per claim: place, figure as written, value, interval, time. When a
    row would not fit ``width`` columns, the interval and time go to a second line of the
    row (joined with a newline) rather than letting the terminal wrap mid-number."""
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
    full = describe.width(indent) + sum(widths) + 2 * 4
    if width is None or full <= width:
        return [
            indent + "  ".join(describe.pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip()
            for row in cells
        ]
    rows = []
    for row in cells:
        first = indent + "  ".join(describe.pad(cell, widths[i]) for i, cell in enumerate(row[:3])).rstrip()
        second = "  ".join(cell for cell in row[3:] if cell)
        rows.append(f"{first}\n{indent}  {second}" if second else first)
    return rows if split else [line for row in rows for line in row.split("\n")]


def _sentence(claim: Claim, style: Style, columns: int) -> str:
    before, figure, after = describe.around(describe.split_sentence(claim), columns)
    return before + (style(figure, bold=True, underline=True) if figure else "") + after

"""Inline suppressions: an editor marks a checked finding in the article itself.

A marker sits in an HTML/Markdown comment or alone on a line of plain text::

    <!-- kcheck-disable-next-line value_mismatch: 港元口径，与人民币数字不可比 -->
    kcheck-disable-next-paragraph reused_figure, growth_mismatch: 原文如此
    <!-- kcheck-disable-file all: 转载稿，以原文为准 -->

The scope is ``line`` (the marker's own line), ``next-line`` (the next non-blank line),
``next-paragraph`` (from the next non-blank line to the blank line after it) or ``file``;
then one or more check types (or ``all``), a colon and the reason, which is required. A
finding is suppressed when one of its claims lies in a marker's lines and the marker names
its type: it is still reported, marked suppressed with the reason, and never fails a run.
A marker that suppresses nothing is reported as unused; one without a reason or with an
unknown type suppresses nothing and is reported as invalid.

``parse`` runs in the load stage on the decoded file (and ``blank`` hides plain-text marker
lines from the article); ``apply`` runs after the checks.
"""

from __future__ import annotations

import re
from typing import Literal, cast

from kcheck.models import CheckType, Conflict, Report, Suppression

SCOPES = ("line", "next-line", "next-paragraph", "file")
ALL = "all"

MARKER = re.compile(
    r"(?:<!--[ \t]*|^[ \t]*(?:#[ \t]*)?)kcheck-disable-(?P<scope>next-line|next-paragraph|line|file)\b"
    r"(?P<body>[^\n]*?)[ \t]*(?:-->|$)",
    re.MULTILINE,
)
_BLANK_LINE = re.compile(r"^[ \t\u3000]*$")


def parse(text: str, path: str) -> list[Suppression]:
    """Every marker in ``text`` (a decoded file), with the lines it covers."""
    if "kcheck-disable-" not in text:
        return []
    lines = text.splitlines()
    found = []
    for match in MARKER.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        scope = cast(Literal["line", "next-line", "next-paragraph", "file"], match.group("scope"))
        types, reason, error = _body(match.group("body"))
        first, last = _covered(lines, line, scope)
        found.append(
            Suppression(
                path=path,
                line=line,
                scope=scope,
                types=types,
                reason=reason,
                first_line=first,
                last_line=last,
                error=error,
            )
        )
    return found


def blank(text: str) -> str:
    """``text`` with each marker replaced by spaces: positions and line numbers unchanged,
    and a plain-text marker line no longer read as a sentence of the article."""
    if "kcheck-disable-" not in text:
        return text
    return MARKER.sub(lambda m: " " * len(m.group()), text)


def _body(body: str) -> tuple[list[str], str, str | None]:
    types_text, colon, reason = body.partition(":")
    if not colon:
        types_text, reason = body, ""
    types = [t.strip() for t in types_text.replace("，", ",").split(",") if t.strip()]
    reason = reason.strip()
    known = {t.value for t in CheckType}
    if not types:
        return types, reason, f"names no check type (one of {', '.join(sorted(known))}, or {ALL})"
    unknown = [t for t in types if t != ALL and t not in known]
    if unknown:
        return (
            types,
            reason,
            f"unknown check type {unknown[0]!r} (one of {', '.join(sorted(known))}, or {ALL})",
        )
    if not reason:
        return types, reason, "has no reason (write one after a colon: 'value_mismatch: 港元口径')"
    return types, reason, None


def _covered(lines: list[str], line: int, scope: str) -> tuple[int, int]:
    """First and last line (1-based, inclusive) a marker on ``line`` covers."""
    if scope == "file":
        return (1, max(len(lines), 1))
    if scope == "line":
        return (line, line)
    index = line  # 0-based index of the line after the marker
    while index < len(lines) and _BLANK_LINE.match(lines[index]):
        index += 1
    if index >= len(lines):
        return (line + 1, line)  # nothing follows: covers no line
    if scope == "next-line":
        return (index + 1, index + 1)
    end = index
    while end + 1 < len(lines) and not _BLANK_LINE.match(lines[end + 1]):
        end += 1
    return (index + 1, end + 1)


def _applies(suppression: Suppression, conflict: Conflict) -> bool:
    if suppression.error is not None:
        return False
    if ALL not in suppression.types and conflict.type not in suppression.types:
        return False
    return any(
        c.doc == suppression.path and suppression.first_line <= c.line <= suppression.last_line
        for c in conflict.claims
    )


def apply(report: Report, suppressions: list[Suppression]) -> Report:
    """Mark each finding a valid marker covers; record which markers were used."""
    used: set[int] = set()
    conflicts = []
    for conflict in report.conflicts:
        hits = [i for i, s in enumerate(suppressions) if _applies(s, conflict)]
        if not hits:
            conflicts.append(conflict)
            continue
        used.update(hits)
        conflicts.append(conflict.model_copy(update={"suppression": suppressions[hits[0]]}))
    marked = [s.model_copy(update={"used": i in used}) for i, s in enumerate(suppressions)]
    summary = report.summary.model_copy(
        update={
            "suppressed": sum(1 for c in conflicts if c.suppression is not None),
            "unused_suppressions": sum(1 for s in marked if not s.used and s.error is None),
            "invalid_suppressions": sum(1 for s in marked if s.error is not None),
        }
    )
    return report.model_copy(update={"conflicts": conflicts, "suppressions": marked, "summary": summary})

"""Words and numbers every human-facing format shares: values, intervals, places, gaps.

Pure functions over the finished models; no format decides for itself how a figure,
an interval or a source position is written, so text, Markdown, GitHub and explain agree.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from kcheck import escape
from kcheck.models import (
    Claim,
    ClaimType,
    Conflict,
    Dimension,
    DocumentInfo,
    Report,
    Severity,
    Span,
    Topic,
    TopicStatus,
)
from kcheck.text.calendar import span_text

SEVERITIES: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING, Severity.INFO)

# units written right after the number with no space (86.1%, 4.5x); others get a space
_TIGHT_UNITS = {"%", "x"}


# --------------------------------------------------------------------------- numbers


def number(x: float) -> str:
    """A figure with thousands separators and no float noise: 175887000000.0 -> 175,887,000,000."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if math.isnan(x):
        return "nan"
    # 12 significant digits hide binary-float noise (0.1 + 0.2) without losing any figure
    # a newspaper writes; Decimal formats without an exponent
    text = format(Decimal(f"{x:.12g}"), ",f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def quantity(x: float, unit: str | None) -> str:
    """``number`` with its unit: 86.1%, 4.5x, 175,887,000,000 CNY, 302,000,000 人次."""
    if not unit:
        return number(x)
    if unit in _TIGHT_UNITS:
        return f"{number(x)}{unit}"
    return f"{number(x)} {escape.visible(unit)}"


def bounds(claim: Claim) -> tuple[float, float] | None:
    """The interval a numeric claim commits to; an open side is ±inf. None for a bare date."""
    if claim.low is None and claim.high is None:
        if claim.value is None:
            return None
        return (claim.value, claim.value)
    low = claim.low if claim.low is not None else -math.inf
    high = claim.high if claim.high is not None else math.inf
    return (low, high)


def interval(claim: Claim) -> str | None:
    """``low..high`` with the unit, or None when the claim is an exact point."""
    b = bounds(claim)
    if b is None or b[0] == b[1]:
        return None
    low, high = b
    return f"{number(low)}..{quantity(high, claim.unit)}"


def is_dated(claim: Claim) -> bool:
    return claim.type == ClaimType.EVENT or claim.dimension == Dimension.DATE


def span(s: Span) -> str:
    """2022-03-01, or 2021-07-01..2021-09-30 for a longer span."""
    if s.start == s.end:
        return s.start.isoformat()
    return span_text(s)


def value(claim: Claim) -> str:
    """The normalised value as a reader checks it: a quantity, an interval, or a date."""
    if is_dated(claim) and claim.date is not None and claim.value is None:
        return span(claim.date)
    if claim.value is not None:
        return quantity(claim.value, claim.unit)
    b = bounds(claim)
    if b is not None:
        return f"{number(b[0])}..{quantity(b[1], claim.unit)}"
    if claim.date is not None:
        return span(claim.date)
    return "?"


def when(claim: Claim) -> str | None:
    """The time a claim is about: ``period 2021-07-01..2021-09-30`` or ``date 2022-03-01``."""
    parts = []
    if claim.period is not None:
        parts.append(f"period {span(claim.period)}")
    # a dated event's date is already its value
    if claim.date is not None and not (is_dated(claim) and claim.value is None):
        parts.append(f"date {span(claim.date)}")
    return ", ".join(parts) or None


def interval_cell(claim: Claim) -> str:
    """The interval column of a table: a figure's interval, or a dated claim's span of days."""
    if is_dated(claim) and claim.date is not None and claim.value is None:
        return f"{claim.date.start.isoformat()}..{claim.date.end.isoformat()}"
    return interval(claim) or ""


def when_cell(claim: Claim) -> str:
    """The time column of a table: a figure's period, or for a dated claim the time
    expression it was read from (``10月9日起``)."""
    found = when(claim)
    if found:
        return found
    if is_dated(claim) and claim.date is not None:
        return f"date {claim.time_quote or span(claim.date)}"
    return ""


def short_id(ident: str) -> str:
    """Enough of an id to pass to `kcheck explain`, which accepts any unique prefix."""
    return ident[:12]


def location(claim: Claim) -> str:
    """``path:line:column``, the form editors and terminals turn into a link."""
    return f"{escape.visible(claim.doc)}:{claim.line}:{claim.column}"


# --------------------------------------------------------------------------- gaps


def gap(conflict: Conflict) -> str | None:
    """How far apart the claims are: ``4,063,000,000 CNY (2.3%)`` or ``3 days``; None if unknown."""
    claims = conflict.claims
    if len(claims) < 2:
        return None
    if all(is_dated(c) and c.date is not None for c in claims):
        dates = [c.date for c in claims if c.date is not None]
        days = (max(d.start for d in dates) - min(d.end for d in dates)).days
        return plural(days, "day") if days > 0 else None
    units = {c.unit for c in claims}
    spans = [bounds(c) for c in claims]
    if len(units) != 1 or any(b is None for b in spans):
        return _relative(conflict.gap)
    lows = [b[0] for b in spans if b is not None]
    highs = [b[1] for b in spans if b is not None]
    distance = max(lows) - min(highs)
    if not math.isfinite(distance) or distance <= 0:
        return _relative(conflict.gap)
    unit = next(iter(units))
    rel = conflict.gap
    if rel is None and max(lows) != 0:
        rel = distance / abs(max(lows))
    share = f" ({_percent(rel)})" if rel is not None else ""
    return f"{quantity(distance, unit)}{share}"


def _percent(rel: float) -> str:
    return f"{number(round(rel * 100, 2))}%"


def _relative(rel: float | None) -> str | None:
    return _percent(rel) if rel is not None else None


# --------------------------------------------------------------------------- report views


def claims_by_id(report: Report) -> dict[str, Claim]:
    found = {c.id: c for c in report.claims}
    for conflict in report.conflicts:
        for c in conflict.claims:
            found.setdefault(c.id, c)
    return found


def by_topic(conflicts: Iterable[Conflict]) -> list[tuple[str, list[Conflict]]]:
    """Conflicts grouped under their topic, worst topic first, each topic's worst first."""
    groups: dict[str, list[Conflict]] = {}
    for conflict in conflicts:
        groups.setdefault(conflict.topic_id or conflict.topic, []).append(conflict)

    def worst(cs: list[Conflict]) -> int:
        return max((c.severity.rank for c in cs if not accepted(c)), default=0)

    ordered = sorted(groups.values(), key=lambda cs: (-worst(cs), cs[0].topic, cs[0].topic_id))
    return [
        (cs[0].topic, sorted(cs, key=lambda c: (accepted(c), -c.severity.rank, c.type, c.id)))
        for cs in ordered
    ]


def accepted(conflict: Conflict) -> bool:
    """A finding a baseline or an inline marker accepts: shown, never failing a run."""
    return conflict.baselined or conflict.suppression is not None


@dataclass(frozen=True)
class Corroborated:
    """A topic several sources state, all in agreement, with the claims that say so."""

    topic: Topic
    claims: list[Claim]


def corroborated(report: Report) -> list[Corroborated]:
    known = claims_by_id(report)
    out = []
    for topic in report.topics:
        if topic.status != TopicStatus.CONSISTENT:
            continue
        claims = [known[i] for i in topic.claims if i in known]
        sources = set(topic.sources) or {c.doc for c in claims}
        if len(sources) > 1:
            out.append(Corroborated(topic=topic, claims=claims))
    return sorted(out, key=lambda c: c.topic.label)


def counts(report: Report) -> str:
    """``1 error, 2 warnings, 0 info`` from the summary."""
    n = report.summary.conflicts
    e, w, i = n.get("error", 0), n.get("warning", 0), n.get("info", 0)
    return f"{plural(e, 'error')}, {plural(w, 'warning')}, {i} info"


def summary_line(report: Report) -> str:
    s = report.summary
    parts = [
        plural(s.documents, "document"),
        plural(s.claims, "claim"),
        plural(s.topics, "topic"),
        f"{s.corroborated} corroborated",
    ]
    line = ", ".join(parts) + f"; conflicts: {counts(report)}"
    extras = []
    if s.baselined:
        extras.append(f"{s.baselined} baselined")
    if s.suppressed:
        extras.append(f"{s.suppressed} suppressed")
    if s.stale_baseline:
        extras.append(plural(s.stale_baseline, "stale baseline entry"))
    if s.unused_suppressions:
        extras.append(plural(s.unused_suppressions, "unused suppression"))
    if s.invalid_suppressions:
        extras.append(plural(s.invalid_suppressions, "invalid suppression"))
    if s.undated:
        extras.append(f"{s.undated} undated")
    if s.hidden:
        extras.append(f"{s.hidden} hidden")
    if s.unreadable:
        extras.append(plural(s.unreadable, "unreadable file"))
    return line + ("; " + ", ".join(extras) if extras else "")


# --------------------------------------------------------------------------- terminal width


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: CJK wide and full-width characters take two."""
    if text.isascii():
        return len(text)  # no ASCII character is wide or combining
    return sum(map(_char_width, text))


@functools.lru_cache(maxsize=1 << 16)  # a report's cells repeat few characters, millions of times
def _char_width(ch: str) -> int:
    return 0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def truncate(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` columns, marking the cut with …."""
    if width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def pad(text: str, columns: int, right: bool = False) -> str:
    fill = " " * max(columns - width(text), 0)
    return fill + text if right else text + fill


def one_line(text: str) -> str:
    """Collapse line breaks and runs of whitespace so a sentence fits one output line; any
    other control character is shown escaped (``\\x1b``), never passed to a terminal."""
    return escape.visible(" ".join(text.split()))


def split_sentence(claim: Claim) -> tuple[str, str, str]:
    """The claim's sentence on one line as (before, figure, after); figure is "" if not found."""
    text = one_line(claim.sentence)
    # the claim's own offset picks the right one when a figure occurs twice in a sentence
    exact = text == claim.sentence and claim.quote and text.startswith(claim.quote, claim.offset)
    start = claim.offset if exact else (text.find(claim.quote) if claim.quote else -1)
    if start < 0:
        return (text, "", "")
    end = start + len(claim.quote)
    return (text[:start], text[start:end], text[end:])


def around(parts: tuple[str, str, str], columns: int) -> tuple[str, str, str]:
    """(before, figure, after) shortened to about ``columns`` columns, keeping the figure and
    as much context on each side as fits; a cut is marked with …."""
    before, figure, after = parts
    if width(before) + width(figure) + width(after) <= columns:
        return parts
    room = max(columns - width(figure), 10)
    left = min(width(before), room // 2)
    right = room - left
    if width(after) < right:
        right = width(after)
        left = room - right
    return (_tail(before, left), figure, truncate(after, right) if right else ("…" if after else ""))


def _tail(text: str, limit: int) -> str:
    """The end of ``text`` in at most ``limit`` columns, marked with … where cut."""
    if width(text) <= limit:
        return text
    if limit <= 1:
        return "…"
    out: list[str] = []
    used = 0
    for ch in reversed(text):
        w = width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "…" + "".join(reversed(out))


def plural(n: int, word: str) -> str:
    """``1 topic``, ``2 topics``, ``0 stale baseline entries`` (a consonant's y becomes ies; day stays)."""
    if n == 1:
        return f"1 {word}"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return f"{n} {word[:-1]}ies"
    return f"{n} {word}s"


def state(conflict: Conflict) -> str:
    """``, baselined`` / ``, suppressed`` for a finding that does not fail a run, else ""."""
    if conflict.suppression is not None:
        return ", suppressed"
    return ", baselined" if conflict.baselined else ""


def undated(report: Report) -> list[DocumentInfo]:
    """Documents without a publication date: their relative dates (今年, 3月1日) stay unresolved."""
    return [d for d in report.documents if d.published is None]


# a finding's message in a line-oriented format (annotation, review comment, terminal);
# `kcheck explain`, JSON and SARIF keep it whole
HEADLINE_COLUMNS = 400


def headline(conflict: Conflict) -> str:
    """The finding's message on one line, cut at ``HEADLINE_COLUMNS`` columns."""
    return truncate(one_line(conflict.message), HEADLINE_COLUMNS)

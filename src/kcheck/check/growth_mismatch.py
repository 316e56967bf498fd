"""growth_mismatch: a stated growth rate the two stated levels do not produce.

Where an entity's measure has levels for two consecutive periods of the same length
(2020-Q3 and 2021-Q3 for 同比 / yoy; 2021-Q2 and 2021-Q3 for 环比 / qoq) and a growth rate
is stated for the later one, the rate must agree with ``after / before - 1``. The arithmetic
is done on intervals (the levels' and the rate's written precision), and the rate may miss by
``checks.growth_tolerance_pp`` percentage points more before it is reported.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict

from kcheck.check.context import CheckContext, cite, fingerprint, value_repr
from kcheck.check.intervals import Bounds, growth_bounds
from kcheck.models import CheckType, Claim, ClaimType, Conflict, Dimension, Span, Topic
from kcheck.text.calendar import is_month_end, month_end, period_label, span_text

TYPE = CheckType.GROWTH_MISMATCH.value

_LEVEL_DIMENSIONS = (Dimension.MONEY.value, Dimension.COUNT.value)
# the parts of a key that say what is measured, whatever the period or dimension
_WHAT = ("entity", "metric", "measure", "kind", "scope")


def _shift_months(day: dt.date, months: int, to_end: bool) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = month_end(year, month)
    if to_end:
        return last
    return dt.date(year, month, min(day.day, last.day))


def previous_period(span: Span, change: str) -> Span | None:
    """The period a growth rate compares ``span`` with: a year back (yoy), one step back (qoq)."""
    whole_months = span.start.day == 1 and is_month_end(span.end)
    if change == "yoy":
        end_at_month_end = is_month_end(span.end)
        return Span(
            start=_shift_months(span.start, -12, False),
            end=_shift_months(span.end, -12, end_at_month_end),
        )
    if change == "qoq" and whole_months:
        months = (span.end.year - span.start.year) * 12 + span.end.month - span.start.month + 1
        if months in (1, 3):  # 环比 of a month or a quarter
            return Span(
                start=_shift_months(span.start, -months, False),
                end=_shift_months(span.end, -months, True),
            )
    return None


def _what(topic: Topic) -> tuple[tuple[str, str | None], ...] | None:
    """What a topic measures, whatever the period; None when no metric or phrase names it."""
    if not (topic.key.get("metric") or topic.key.get("measure")):
        return None  # a topic keyed by its sentence: nothing links it to another period
    return tuple((k, topic.key.get(k)) for k in _WHAT)


def check(ctx: CheckContext) -> list[Conflict]:
    levels: dict[tuple[object, ...], list[Topic]] = defaultdict(list)
    rates: list[Topic] = []
    for topic in ctx.grouped():
        key = topic.key
        if not key.get("period") or _what(topic) is None:
            continue
        if key.get("type") == ClaimType.FIGURE.value and key.get("dimension") in _LEVEL_DIMENSIONS:
            levels[(_what(topic), key.get("period"))].append(topic)
        elif (
            key.get("type") == ClaimType.CHANGE.value
            and key.get("change") in ("yoy", "qoq")
            and key.get("dimension") == Dimension.PERCENT.value
        ):
            rates.append(topic)
    found: list[Conflict] = []
    tolerance = ctx.rules.checks.growth_tolerance_pp
    for rate_topic in rates:
        stated = ctx.valued(rate_topic)
        if not stated or stated[0].period is None or rate_topic.key.get("change") is None:
            continue
        period = stated[0].period
        before_period = previous_period(period, str(rate_topic.key["change"]))
        if before_period is None:
            continue
        span_key = span_text(period)
        before_key = span_text(before_period)
        for after_topic in levels.get((_what(rate_topic), span_key), []):
            for before_topic in levels.get((_what(rate_topic), before_key), []):
                if (before_topic.key.get("dimension"), before_topic.key.get("unit")) != (
                    after_topic.key.get("dimension"),
                    after_topic.key.get("unit"),
                ):
                    continue
                conflict = _compare(ctx, rate_topic, stated, before_topic, after_topic, tolerance)
                if conflict is not None:
                    found.append(conflict)
    return found


def _compare(
    ctx: CheckContext,
    rate_topic: Topic,
    stated: list[Claim],
    before_topic: Topic,
    after_topic: Topic,
    tolerance: float,
) -> Conflict | None:
    befores = ctx.valued(before_topic)
    afters = ctx.valued(after_topic)
    if not befores or not afters:
        return None
    best: tuple[float, Claim, Claim, Claim, Bounds] | None = None
    for rate in stated:
        rb = ctx.bounds(rate)
        widened = Bounds(rb.low - tolerance, rb.high + tolerance)
        for before in befores:
            for after in afters:
                implied = growth_bounds(ctx.bounds(before), ctx.bounds(after))
                if implied.overlaps(widened):
                    return None  # some reading of the stated figures agrees
                gap = implied.gap(widened)
                if best is None or gap < best[0]:
                    best = (gap, rate, before, after, implied)
    if best is None or math.isinf(best[0]):
        return None
    _, rate, before, after, implied = best
    claims = [rate, before, after]
    relative = ctx.bounds(rate).relative_gap(implied)
    message = (
        f"{rate_topic.label}: stated {cite(rate)}, but {cite(after)} against "
        f"{cite(before)} for {period_label(before.period) if before.period else '?'} "
        f"implies {_pct(implied.low)}..{_pct(implied.high)}"
    )
    return Conflict(
        id=fingerprint(TYPE, rate_topic.key, (value_repr(c) for c in claims)),
        type=TYPE,
        severity=ctx.severity(TYPE),
        topic=rate_topic.label,
        topic_id=rate_topic.id,
        message=message,
        claims=claims,
        gap=relative,
    )


def _pct(x: float) -> str:
    return "?" if math.isinf(x) else f"{x:+.1f}%"

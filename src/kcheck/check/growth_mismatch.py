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
from collections.abc import Sequence
from typing import TypeVar

from kcheck.check.context import CheckContext, cite, fingerprint, value_repr
from kcheck.check.intervals import Bounds, growth_bounds
from kcheck.models import CheckType, Claim, ClaimType, Conflict, Dimension, Span, Topic, TopicKey
from kcheck.text.calendar import is_month_end, month_end, period_label

TYPE = CheckType.GROWTH_MISMATCH.value

T = TypeVar("T")

_LEVEL_DIMENSIONS = (Dimension.MONEY, Dimension.COUNT)


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


def _what(topic: Topic) -> TopicKey | None:
    """What a topic measures, whatever the period or dimension; None when no metric or phrase names it."""
    key = topic.key
    if not (key.metric or key.measure):
        return None  # a topic keyed by its sentence: nothing links it to another period
    return TopicKey(entity=key.entity, metric=key.metric, measure=key.measure, kind=key.kind, scope=key.scope)


def check(ctx: CheckContext) -> list[Conflict]:
    levels: dict[tuple[TopicKey, Span], list[Topic]] = defaultdict(list)
    rates: list[tuple[Topic, TopicKey]] = []
    for topic in ctx.grouped():
        key = topic.key
        what = _what(topic)
        if key.period is None or what is None:
            continue
        if key.type is ClaimType.FIGURE and key.dimension in _LEVEL_DIMENSIONS:
            levels[(what, key.period)].append(topic)
        elif (
            key.type is ClaimType.CHANGE
            and key.change in ("yoy", "qoq")
            and key.dimension is Dimension.PERCENT
        ):
            rates.append((topic, what))
    found: list[Conflict] = []
    tolerance = ctx.rules.checks.growth_tolerance_pp
    for rate_topic, what in rates:
        stated = ctx.valued(rate_topic)
        change = rate_topic.key.change
        if not stated or stated[0].period is None or change is None:
            continue
        period = stated[0].period
        before_period = previous_period(period, change)
        if before_period is None:
            continue
        for after_topic in levels.get((what, period), []):
            for before_topic in levels.get((what, before_period), []):
                before, after = before_topic.key, after_topic.key
                if (before.dimension, before.unit) != (after.dimension, after.unit):
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
    best = closest(
        [(ctx.bounds(c), c) for c in stated],
        [(ctx.bounds(c), c) for c in befores],
        [(ctx.bounds(c), c) for c in afters],
        tolerance,
    )
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


def closest(
    rates: Sequence[tuple[Bounds, T]],
    befores: Sequence[tuple[Bounds, T]],
    afters: Sequence[tuple[Bounds, T]],
    tolerance: float,
) -> tuple[float, T, T, T, Bounds] | None:
    """(gap, rate, before, after, implied growth) of the reading of the stated figures that
    comes closest to agreeing, the first such in the order rate, before, after; None when
    some reading agrees (within ``tolerance`` percentage points) or nothing is stated.

    The arithmetic depends on the intervals only: each distinct one is taken once, with the
    first item stating it (the one a walk over every item would have kept), so 100 articles
    quoting the same two levels and rate cost one comparison, not a million.
    """
    best: tuple[float, T, T, T, Bounds] | None = None
    before_bounds, after_bounds = _distinct(befores), _distinct(afters)
    for rb, rate in _distinct(rates):
        widened = Bounds(rb.low - tolerance, rb.high + tolerance)
        for before_bound, before in before_bounds:
            for after_bound, after in after_bounds:
                implied = growth_bounds(before_bound, after_bound)
                if implied.overlaps(widened):
                    return None  # some reading of the stated figures agrees
                gap = implied.gap(widened)
                if best is None or gap < best[0]:
                    best = (gap, rate, before, after, implied)
    return best


def _distinct(items: Sequence[tuple[Bounds, T]]) -> list[tuple[Bounds, T]]:
    """Each distinct interval among ``items`` once, with the first item that states it."""
    out: dict[Bounds, T] = {}
    for bounds, item in items:
        out.setdefault(bounds, item)
    return list(out.items())


def _pct(x: float) -> str:
    return "?" if math.isinf(x) else f"{x:+.1f}%"

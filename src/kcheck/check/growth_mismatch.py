"""growth_mismatch: a stated growth rate the two stated levels do not produce.

Where an entity's measure has levels for two consecutive periods of the same length
(2020-Q3 and 2021-Q3 for 同比 / yoy; 2021-Q2 and 2021-Q3 for 环比 / qoq) and a growth rate
is stated for the later one, the rate must agree with ``after / before - 1``. The arithmetic
is done on intervals (the levels' and the rate's written precision), and the rate may miss by
``checks.growth_tolerance_pp`` percentage points more before it is reported.

A change its own sentence states between two levels (``较2022年的9.77亿元增长32.6%``,
``由上年同期的1951.1亿元增至2046.7亿元，增幅达8.1%``, ``比9月的50.2%下降0.7个百分点``: the
extractor links them, ``Claim.base_at`` / ``level_at``) is checked against those two levels
whatever their periods, entity or grouping: the sentence itself says what is compared with
what. A percentage change is ``level / base - 1``, a points change ``level - base`` (which may
miss by ``checks.points_tolerance_pp``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence
from typing import TypeVar

from rapidfuzz import fuzz

from kcheck.check.context import CheckContext, cite, fingerprint, value_repr
from kcheck.check.intervals import Bounds, growth_bounds
from kcheck.group import is_valued, measure_key, normalise_phrase, unique_by_document
from kcheck.models import CheckType, Claim, ClaimKind, ClaimType, Conflict, Dimension, Span, Topic
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


# what a topic measures: its key's entity, metric, measure, kind and scope
_What = tuple[str | None, str | None, str | None, ClaimKind | None, str | None]


def _what(topic: Topic) -> _What | None:
    """What a topic measures, whatever the period or dimension; None when no metric or phrase names it.

    A plain tuple, equal exactly when a TopicKey of these five fields would be: one is kept for
    every level and rate topic of the run while they are paired, and a TopicKey (a pydantic
    model with its own dict and field set) took 1.2 KB each, 52 MB at 10,000 articles (MEMORY,
    benchmarks/memory.py --stages)."""
    key = topic.key
    if not (key.metric or key.measure):
        return None  # a topic keyed by its sentence: nothing links it to another period
    return (key.entity, key.metric, key.measure, key.kind, key.scope)


# what a topic measures but its measure phrase: entity, metric, kind and scope
_Base = tuple[str | None, str | None, ClaimKind | None, str | None]


def _split_what(what: _What, ctx: CheckContext) -> tuple[_Base, str | None]:
    """``what`` as the exact part and the measure phrase as it meets others (``measure_key``)."""
    entity, metric, measure, kind, scope = what
    return (entity, metric, kind, scope), (
        measure_key(measure, ctx.rules) if measure and not metric else None
    )


def _meeting(topics: list[tuple[str | None, Topic]], measure: str | None, threshold: float) -> list[Topic]:
    """The topics whose measure meets ``measure``: the same metric (no phrase), or phrases that
    score at least ``threshold`` (rapidfuzz's ratio, as grouping matches them)."""
    if measure is None:
        return [t for m, t in topics if m is None]
    return [t for m, t in topics if m is not None and (m == measure or fuzz.ratio(m, measure) >= threshold)]


def check(ctx: CheckContext) -> list[Conflict]:
    # the reading its own sentence states first: a change linked to the levels beside it
    # (较上年同期的7275万吨增长0.4%) is also a 同比 the topics a year apart may check
    found = _stated_levels(ctx)
    for more in (_between_periods, _within_documents):
        reported = {c.claims[0].id for c in found}
        found.extend(c for c in more(ctx) if c.claims[0].id not in reported)
    return found


def _within_documents(ctx: CheckContext) -> list[Conflict]:
    """A rate and the level it follows, with the level a period earlier stated beside them in
    one article (``前三季度归母净利润108.47亿元，同比增长12.5%，而上年同期归母净利润为87.53亿元``).
    Claims that name no entity are grouped by their sentence, so the pass over topics never
    pairs them; claims of an entity are, but there the closest reading may take another
    article's level (98.47亿 against 87.53亿 fits 12.5%) and hide that the article contradicts
    itself. So only what is written together counts: the rate's own level is the figure of its
    measure right before it in its sentence, and the earlier level is in that sentence or the
    next or previous one (the same entity, metric or measure as written, kind and scope). A
    figure of another company a paragraph away whose name was not read (与矽川半导体名称相近的矽
    川微电子) is never taken for the earlier level."""
    # every rate of the run first (its topic is looked up once for all), then one document at
    # a time: its levels and rates are compared only with each other, so only one document's
    # levels are held at once (MEMORY: a table of every level of a 100,000-article run). The
    # documents are told apart and their repeats dropped once: the claims of each document
    # with a rate are kept for the second pass (a list of the claims, no new strings)
    with_rates: list[tuple[list[Claim], list[Claim]]] = []
    for same in unique_by_document(ctx.claims.values()):
        rates = [c for c in same if _is_rate(c)]
        if rates:
            with_rates.append((same, rates))
    if not with_rates:
        return []
    topic_of = _topics_of(ctx, {r.id for _, rates in with_rates for r in rates})
    tolerance = ctx.rules.checks.growth_tolerance_pp
    found: list[Conflict] = []
    for same, rates in with_rates:
        levels: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
        for c in same:
            if c.period is None or not is_valued(c) or c.headline:
                continue
            what = c.metric or normalise_phrase(c.measure or "")
            if what and c.type is ClaimType.FIGURE and c.dimension in _LEVEL_DIMENSIONS:
                levels[(c.doc, c.entity, what, c.kind, c.scope, c.period)].append(c)
        for rate in rates:
            conflict = _within_document(ctx, rate, levels, topic_of.get(rate.id), tolerance)
            if conflict is not None:
                found.append(conflict)
    return found


def _is_rate(c: Claim) -> bool:
    """A valued yoy or qoq percentage of a metric or measure, with no level linked to it, read
    from the body (a headline's rate is checked against its body by headline_mismatch)."""
    return (
        c.period is not None
        and is_valued(c)
        and bool(c.metric or normalise_phrase(c.measure or ""))
        and c.type is ClaimType.CHANGE
        and c.change in ("yoy", "qoq")
        and c.dimension is Dimension.PERCENT
        and c.base_at is None
        and not c.headline
    )


def _within_document(
    ctx: CheckContext,
    rate: Claim,
    levels: dict[tuple[object, ...], list[Claim]],
    topic: Topic | None,
    tolerance: float,
) -> Conflict | None:
    """The finding of ``rate`` against the levels written beside it in its article, if any."""
    assert rate.period is not None and rate.change is not None
    what = rate.metric or normalise_phrase(rate.measure or "")
    before_period = previous_period(rate.period, rate.change)
    if before_period is None or topic is None:
        return None
    own = [
        a
        for a in levels.get((rate.doc, rate.entity, what, rate.kind, rate.scope, rate.period), [])
        if a.sentence_index == rate.sentence_index and a.offset < rate.offset
    ]
    if not own:
        return None
    after = max(own, key=lambda a: a.offset)
    befores = [
        b
        for b in levels.get((rate.doc, rate.entity, what, rate.kind, rate.scope, before_period), [])
        if abs(b.sentence_index - rate.sentence_index) <= 1
        and (b.dimension, b.unit) == (after.dimension, after.unit)
    ]
    return _compare(ctx, topic, [rate], befores, [after], tolerance)


def _topics_of(ctx: CheckContext, ids: set[str]) -> dict[str, Topic]:
    """The topic of each claim id of ``ids``."""
    out: dict[str, Topic] = {}
    for t in ctx.topics:
        for cid in t.claims:
            if cid in ids:
                out.setdefault(cid, t)
    return out


def _between_periods(ctx: CheckContext) -> list[Conflict]:
    """A rate against the levels of its measure for its period and the one it compares with.

    The levels and the rate are topics of their own, each keyed by a measure phrase written
    one way or another (累计合约销售金额, 累计实现合约销售额): a level meets a rate when their
    measures would meet as claims do (``group.measure_key`` at ``checks.fuzzy.metric``)."""
    levels: dict[tuple[_Base, Span], list[tuple[str | None, Topic]]] = defaultdict(list)
    rates: list[tuple[Topic, _Base, str | None]] = []
    for topic in ctx.grouped():
        key = topic.key
        what = _what(topic)
        if key.period is None or what is None:
            continue
        base, measure = _split_what(what, ctx)
        if key.type is ClaimType.FIGURE and key.dimension in _LEVEL_DIMENSIONS:
            levels[(base, key.period)].append((measure, topic))
        elif (
            key.type is ClaimType.CHANGE
            and key.change in ("yoy", "qoq")
            and key.dimension is Dimension.PERCENT
        ):
            rates.append((topic, base, measure))
    found: list[Conflict] = []
    tolerance = ctx.rules.checks.growth_tolerance_pp
    threshold = ctx.rules.checks.fuzzy.metric
    for rate_topic, base, measure in rates:
        stated = ctx.body_valued(rate_topic)
        change = rate_topic.key.change
        if not stated or stated[0].period is None or change is None:
            continue
        period = stated[0].period
        before_period = previous_period(period, change)
        if before_period is None:
            continue
        for after_topic in _meeting(levels.get((base, period), []), measure, threshold):
            for before_topic in _meeting(levels.get((base, before_period), []), measure, threshold):
                before, after = before_topic.key, after_topic.key
                if (before.dimension, before.unit) != (after.dimension, after.unit):
                    continue
                befores, afters = ctx.body_valued(before_topic), ctx.body_valued(after_topic)
                for rate_claims, own_levels in _readings(stated, afters):
                    conflict = _compare(ctx, rate_topic, rate_claims, befores, own_levels, tolerance)
                    if conflict is not None:
                        found.append(conflict)
    return found


def _readings(stated: list[Claim], afters: list[Claim]) -> list[tuple[list[Claim], list[Claim]]]:
    """The rates of one topic, each with the levels it may be the growth of.

    A rate written after its article's own level in one sentence (``累计实现合约销售额1628.2亿元，
    同比下降9.6%``) is the growth of that level and of no other source's: its author worked it
    out from the figure beside it, so it is checked against that level alone (with every
    source's earlier level). A rate with no level beside it may be the growth of any source's.
    """
    free: list[Claim] = []
    out: list[tuple[list[Claim], list[Claim]]] = []
    for rate in stated:
        own = [
            a
            for a in afters
            if a.doc == rate.doc and a.sentence_index == rate.sentence_index and a.offset < rate.offset
        ]
        if own:
            out.append(([rate], [max(own, key=lambda a: a.offset)]))
        else:
            free.append(rate)
    if free:
        out.append((free, afters))
    return out


def _compare(
    ctx: CheckContext,
    rate_topic: Topic,
    stated: list[Claim],
    befores: list[Claim],
    afters: list[Claim],
    tolerance: float,
) -> Conflict | None:
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
    return _finding(ctx, rate_topic, claims, message, relative)


def _finding(ctx: CheckContext, topic: Topic, claims: list[Claim], message: str, gap: float) -> Conflict:
    """The growth_mismatch finding of ``claims`` (rate, before, after) in the rate's topic."""
    return Conflict(
        id=fingerprint(TYPE, topic.key, (value_repr(c) for c in claims)),
        type=TYPE,
        severity=ctx.severity(TYPE),
        topic=topic.label,
        topic_id=topic.id,
        message=message,
        claims=claims,
        gap=gap,
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


def _pct(x: float, points: bool = False) -> str:
    if math.isinf(x):
        return "?"
    return f"{x:+.1f}个百分点" if points else f"{x:+.1f}%"


def _stated_levels(ctx: CheckContext) -> list[Conflict]:
    """Changes checked against the two levels their own sentence states them between."""
    linked = [
        c for c in ctx.claims.values() if c.base_at is not None and c.level_at is not None and not c.headline
    ]
    if not linked:
        return []
    sentences = {(c.doc, c.sentence_index) for c in linked}
    at: dict[tuple[str, int, int], Claim] = {}
    for c in ctx.claims.values():
        if (c.doc, c.sentence_index) in sentences:
            at.setdefault((c.doc, c.sentence_index, c.offset), c)
    topic_of = _topics_of(ctx, {c.id for c in linked})
    tolerance = ctx.rules.checks.growth_tolerance_pp
    found: list[Conflict] = []
    seen: set[tuple[str, str, int]] = set()
    for rate in sorted(linked, key=lambda c: (c.doc, c.sentence_index, c.offset)):
        where_ = (rate.doc, rate.sentence, rate.offset)  # a sentence repeated in one page counts once
        if where_ in seen:
            continue
        seen.add(where_)
        assert rate.base_at is not None and rate.level_at is not None
        before = at.get((rate.doc, rate.sentence_index, rate.base_at))
        after = at.get((rate.doc, rate.sentence_index, rate.level_at))
        topic = topic_of.get(rate.id)
        if before is None or after is None or topic is None or rate.value is None:
            continue
        implied = _implied(rate, ctx.bounds(before), ctx.bounds(after))
        if implied is None:
            continue
        rb = ctx.bounds(rate)
        points = rate.dimension is Dimension.POINTS
        slack = ctx.rules.checks.points_tolerance_pp if points else tolerance
        if implied.overlaps(Bounds(rb.low - slack, rb.high + slack)):
            continue
        message = (
            f"{topic.label}: stated {cite(rate)} = {_pct(rate.value, points)}, but {after.quote} "
            f"against {before.quote} "
            f"stated beside it implies {_pct(implied.low, points)}..{_pct(implied.high, points)}"
        )
        claims = [rate, before, after]
        found.append(_finding(ctx, topic, claims, message, rb.relative_gap(implied)))
    return found


def _implied(rate: Claim, before: Bounds, after: Bounds) -> Bounds | None:
    """The change two levels imply, in the rate's terms (percent, or points); None when unknown."""
    if rate.dimension is Dimension.POINTS:
        if not all(map(math.isfinite, (before.low, before.high, after.low, after.high))):
            return None
        return Bounds(after.low - before.high, after.high - before.low)
    implied = growth_bounds(before, after)
    if math.isinf(implied.low) or math.isinf(implied.high):
        return None
    return implied

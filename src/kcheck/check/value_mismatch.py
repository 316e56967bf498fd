"""value_mismatch: two documents give one topic values that cannot both be true.

Each claim's interval is already widened by its written precision and qualifier
(1758亿 covers 1758.87亿; 约86% covers 86.1%; 突破3亿 covers 3.02亿), so any overlap is
agreement. Severity follows materiality: when even the largest gap between two
contradicting values is smaller than ``checks.warning_gap`` of the larger value it is a
warning (a rounding slip or typo), anything larger the configured severity. One finding per topic, listing every claim involved in agreeing groups.
"""

from __future__ import annotations

import math

from kcheck.check.context import CheckContext, cite, fingerprint, lower, value_repr, weak_links, weak_note
from kcheck.check.intervals import Stated, agreeing_groups, disagreements
from kcheck.group import is_timed
from kcheck.models import CheckType, Claim, ClaimType, Conflict, Dimension, Severity, Topic

TYPE = CheckType.VALUE_MISMATCH.value


def check(ctx: CheckContext) -> list[Conflict]:
    found: list[Conflict] = []
    for topic in ctx.grouped():
        if topic.key.type is ClaimType.EVENT or not is_timed(topic.key.period, topic.key.scope):
            continue
        if len(topic.sources) < 2:
            continue
        stated = ctx.stated(topic, ctx.bounds)
        if len({s.doc for s in stated if s.active}) < 2:
            continue
        clash = ctx.disagreement(topic, stated)
        if clash is None:
            apart = one_unit_apart(ctx, stated)
            if apart is not None:
                found.append(apart_finding(ctx, topic, apart))
            continue
        groups: list[list[Claim]] = agreeing_groups([(ctx.bounds(c), c) for c in clash.items])
        severity = ctx.severity(TYPE)
        # materiality is the widest disagreement: 100 sources spanning 1,001..1,099亿 are 10%
        # apart even though neighbours differ by 0.1%
        if clash.max_relative_gap < ctx.rules.checks.warning_gap:
            severity = lower(severity, Severity.WARNING)
        weak = weak_links((c for group in groups for c in group), topic)
        if weak:
            severity = lower(severity, Severity.WARNING)
        sides = " vs ".join(", ".join(cite(c) for c in group) for group in groups)
        spread = f"gap {clash.min_relative_gap:.1%}"
        if f"{clash.max_relative_gap:.1%}" != f"{clash.min_relative_gap:.1%}":
            spread += f" to {clash.max_relative_gap:.1%}"
        found.append(
            Conflict(
                id=fingerprint(TYPE, topic.key, (value_repr(c) for c in clash.items)),
                type=TYPE,
                severity=severity,
                topic=topic.label,
                topic_id=topic.id,
                message=f"{topic.label}: {sides}, {spread}" + weak_note(weak),
                claims=[c for group in groups for c in group],
                gap=clash.min_relative_gap,
                weak_links=weak,
            )
        )
    return found


def truncation_note(ctx: CheckContext, topic: Topic) -> str | None:
    """Why a topic agrees only when figures are read as cut off (``checks.truncation``)."""
    if (
        not ctx.rules.checks.truncation
        or not is_timed(topic.key.period, topic.key.scope)
        or len(topic.sources) < 2
    ):
        return None
    if ctx.disagreement(topic) is not None:
        return None
    rounded = disagreements(ctx.stated(topic, ctx.rounded))
    if rounded is None:
        return None
    # the figures whose extra half unit is what makes them meet another document's value
    cut = [
        c
        for c in rounded.items
        if any(
            d.doc != c.doc
            and not ctx.rounded(c).overlaps(ctx.rounded(d))
            and ctx.bounds(c).overlaps(ctx.rounded(d))
            for d in rounded.items
        )
    ]
    if not cut:
        return None
    return f"agree when {', '.join(cite(c) for c in cut)} cut off rather than rounded (checks.truncation)"


_RATES = (Dimension.PERCENT, Dimension.POINTS)


def one_unit_apart(ctx: CheckContext, stated: list[Stated[Claim]]) -> tuple[Claim, Claim] | None:
    """Two sources' rates written at one precision, one written unit apart (``环比下降0.3%`` /
    ``环比下降0.4%``): their rounding intervals only touch, so they agree only if the true rate
    sat on the boundary or one source cut it off (``checks.rates_one_unit_apart``). A rate is
    copied from its release at the release's precision, not cut off: a warning. None when no
    such pair, or the rule is off."""
    if not ctx.rules.checks.rates_one_unit_apart:
        return None
    plain = [s.item for s in stated if s.active and _plain_rate(s.item)]
    for i, a in enumerate(plain):
        for b in plain[i + 1 :]:
            if a.doc == b.doc or a.precision != b.precision or a.unit != b.unit:
                continue
            assert a.value is not None and b.value is not None and a.precision is not None
            if math.isclose(abs(a.value - b.value), a.precision, rel_tol=1e-6):
                return (a, b) if a.doc < b.doc else (b, a)
    return None


def _plain_rate(c: Claim) -> bool:
    """A rate as written, no qualifier widening it: its interval is its rounding (half a
    written unit either side), as the extractor gives a plain figure."""
    if c.dimension not in _RATES or c.qualifier is not None or c.value is None or not c.precision:
        return False
    if c.low is None or c.high is None:
        return False
    return math.isclose(c.high - c.low, c.precision, rel_tol=1e-6, abs_tol=1e-12)


def apart_finding(ctx: CheckContext, topic: Topic, pair: tuple[Claim, Claim]) -> Conflict:
    a, b = pair
    assert a.value is not None and b.value is not None
    gap = abs(a.value - b.value) / max(abs(a.value), abs(b.value))
    return Conflict(
        id=fingerprint(TYPE, topic.key, (value_repr(c) for c in pair)),
        type=TYPE,
        severity=lower(ctx.severity(TYPE), Severity.WARNING),
        topic=topic.label,
        topic_id=topic.id,
        message=f"{topic.label}: {cite(a)} vs {cite(b)}, one written unit apart at one precision: "
        "they agree only if the rate sat on the rounding boundary or one was cut off "
        "(checks.rates_one_unit_apart: at most a warning)",
        claims=[a, b],
        gap=gap,
    )

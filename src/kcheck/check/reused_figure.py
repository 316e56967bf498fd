"""reused_figure: one distinctive figure given for two different periods or scopes.

``累计订单总量超过5亿`` and ``8月电商订单量超5亿单`` cannot both be right unless a month
equalled the whole history: the same figure under two time frames is a likely copy error.
A warning, not an error: it can be true. Only distinctive figures count (rules:
``checks.reused_figure``), and only time frames that really differ: two disjoint periods as
written, a cumulative total against a figure that is not, for a different period, or a flow
(revenue, GMV: a metric that adds up over time) for a stretch and for a longer one holding it
(三季度单季 and 前三季度 营业收入1432.6亿元: the other quarters cannot have been nil). A scope
word leading the measure as written (累计合约销售面积) is the scope, not another measure.
Forecasts and targets are left out: one planned figure for several days (预计发送旅客1050万
人次 on 10月3日 and 10月5日) is a plan repeated, not a copy error.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal

from kcheck.check.context import CheckContext, cite, fingerprint, frame
from kcheck.check.intervals import Bounds
from kcheck.group import measure_key, normalise_phrase
from kcheck.models import CheckType, Claim, ClaimKind, ClaimType, Conflict, Span, Topic, TopicKey
from kcheck.rules import RuleSet

TYPE = CheckType.REUSED_FIGURE.value


def _what(key: TopicKey, scope_words: tuple[str, ...] = ()) -> TopicKey:
    """The key without the parts that say *when* (period, scope): what the figure is of. A
    scope word leading a measure as written goes too (累计合约销售面积 is 合约销售面积, cumulative)."""
    return key.model_copy(
        update={"period": None, "scope": None, "measure": _unscoped(key.measure, scope_words)}
    )


def _unscoped(measure: str | None, scope_words: tuple[str, ...]) -> str | None:
    while measure and scope_words:
        lead = next((w for w in scope_words if measure.startswith(w) and len(measure) > len(w)), None)
        if lead is None:
            break
        measure = measure[len(lead) :]
    return measure


def _family(key: TopicKey, rules: RuleSet) -> tuple[object, ...]:
    """What the topic's figure is of, as a plain tuple: its key without period and scope, the
    measure phrase as claims meet by it (``group.measure_key``: 单季完成集装箱吞吐量 and 累计完成
    集装箱吞吐量 are both 集装箱吞吐量, a scope or period word or a verb leading it is no other
    measure). A tuple, not a TopicKey (one is made per topic, MEMORY)."""
    measure = measure_key(key.measure, rules) if key.measure else None
    unscoped = {"period": None, "scope": None, "measure": measure}
    return tuple(unscoped.get(name, getattr(key, name)) for name in TopicKey.model_fields)


def scope_words(ctx: CheckContext) -> tuple[str, ...]:
    """The scope words of the rules as measure phrases are keyed (normalised), longest first."""
    words = {normalise_phrase(w) for ws in ctx.rules.kinds.scopes.values() for w in ws}
    return tuple(sorted((w for w in words if w), key=len, reverse=True))


def is_flow(claim: Claim, ctx: CheckContext) -> bool:
    """A metric that adds up over time (revenue, GMV), as the rules say; not a stock or a rate."""
    rule = ctx.rules.metrics.metrics.get(claim.metric) if claim.metric else None
    return rule is not None and not rule.stock and rule.dimension in ("money", "count")


def significant_digits(claim: Claim) -> int:
    """Digits as written, a whole number's trailing zeros not counted (2000 -> 1, 14.2 -> 3)."""
    value = abs(claim.value or 0.0)
    if value == 0:
        return 0
    if claim.precision and claim.precision > 0:
        return len(str(round(value / claim.precision)).rstrip("0"))
    # no precision recorded: the digits of the value itself
    return len(Decimal(format(value, ".12g")).normalize().as_tuple().digits)


def distinctive(claim: Claim, ctx: CheckContext) -> bool:
    rules = ctx.rules.checks.reused_figure
    if claim.value is None or claim.dimension.value not in rules.dimensions:
        return False
    return (
        significant_digits(claim) >= rules.min_significant_digits or abs(claim.value) >= rules.min_magnitude
    )


def different_frames(a: Claim, b: Claim, flow: bool = False) -> bool:
    """Whether two claims are given for really different time frames; ``flow``: the measure
    adds up over time, so a stretch and a longer one holding it differ too."""
    if a.period is not None and b.period is not None:
        if a.period == b.period:
            return False
        if a.scope != b.scope:
            return True
        if flow and _nested(a.period, b.period):
            return True  # 三季度单季 and 前三季度 营业收入1432.6亿元
        if Bounds.of_span(a.period).overlaps(Bounds.of_span(b.period)):
            return False  # a day inside a half-year: the same figure may well hold for both
        # 6月16日 read as 2020 in one article and 2022 in another is one date, not two
        return not (a.time_key is not None and a.time_key == b.time_key)
    # a period unknown on one side: only a cumulative total against something else is telling
    return a.scope != b.scope


def _nested(a: Span, b: Span) -> bool:
    """Two different stretches of days (not single days), one holding the other."""
    if a.start == a.end or b.start == b.end:
        return False
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def _value_key(value: float) -> str:
    return format(value, ".9g")


def check(ctx: CheckContext) -> list[Conflict]:
    families: dict[tuple[object, ...], list[tuple[Topic, Claim]]] = defaultdict(list)
    for topic in ctx.grouped():
        if topic.key.type is not ClaimType.FIGURE or topic.key.kind not in (None, ClaimKind.ACTUAL):
            continue  # forecasts for different days (预计发送旅客1050万人次) may honestly agree
        revised = ctx.revised(topic)
        # a title restates its body under fewer words (no period: the lede's), never a copy error
        chosen = [
            c
            for c in ctx.topic_claims(topic)
            if c.id not in revised and not c.headline and distinctive(c, ctx)
        ]
        if chosen:
            families[_family(topic.key, ctx.rules)].extend((topic, c) for c in chosen)
    found: list[Conflict] = []
    for members in families.values():
        by_value: dict[str, list[tuple[Topic, Claim]]] = defaultdict(list)
        for topic, claim in members:
            if claim.value is not None and math.isfinite(claim.value):
                by_value[_value_key(claim.value)].append((topic, claim))
        for value, same in by_value.items():
            involved = _involved(same, lambda c: is_flow(c, ctx))
            if involved:
                found.append(_conflict(ctx, value, involved))
    return found


def _frame_key(claim: Claim, flow: Callable[[Claim], bool]) -> tuple[object, ...]:
    """All that ``different_frames`` reads of a claim (with whether its metric is a flow)."""
    return (claim.period, claim.scope, claim.time_key, claim.metric, flow(claim))


def _involved(
    same: list[tuple[Topic, Claim]], flow: Callable[[Claim], bool] = lambda c: False
) -> list[tuple[Topic, Claim]]:
    """The claims given for a time frame that differs from another one's, in the order a
    walk over every pair (first, second) would meet them.

    Claims are compared by their distinct time frames (a figure quoted by 500 articles for
    one quarter is one frame), so the cost is linear in the claims and quadratic only in
    the number of distinct frames of one figure.
    """
    positions: dict[tuple[object, ...], list[int]] = {}
    for n, (_, claim) in enumerate(same):
        positions.setdefault(_frame_key(claim, flow), []).append(n)
    frames = list(positions)
    first = {f: same[positions[f][0]][1] for f in frames}
    differing: dict[tuple[object, ...], list[tuple[object, ...]]] = {f: [] for f in frames}
    for i, f in enumerate(frames):
        for g in frames[i + 1 :]:
            a, b = first[f], first[g]
            if different_frames(a, b, flow(a) and a.metric == b.metric):
                differing[f].append(g)
                differing[g].append(f)
    met: list[tuple[tuple[int, int, int], int]] = []
    for n, (_, claim) in enumerate(same):
        others = differing[_frame_key(claim, flow)]
        if not others:
            continue
        # the first pair holding this claim: (an earlier partner, it) before any (it, a later one)
        earliest = min(positions[g][0] for g in others)
        if earliest < n:
            met.append(((earliest, n, 1), n))
        else:
            later = min(positions[g][bisect_right(positions[g], n)] for g in others if positions[g][-1] > n)
            met.append(((n, later, 0), n))
    return [same[n] for _, n in sorted(met)]


def _shared_words(labels: list[str]) -> str:
    """The leading words all ``labels`` share, up to the time frame (a period or ``(no period)``)."""
    split = [label.split(" ") for label in labels]
    shared: list[str] = []
    for words in zip(*split, strict=False):
        if len(set(words)) != 1 or words[0].startswith(("(", "[")) or words[0][:1].isdigit():
            break
        shared.append(words[0])
    return " ".join(shared)


def _conflict(ctx: CheckContext, value: str, involved: list[tuple[Topic, Claim]]) -> Conflict:
    involved.sort(key=lambda tc: (frame(tc[1]), tc[1].doc, tc[1].line))
    topics = sorted({t.id: t for t, _ in involved}.values(), key=lambda t: t.label)
    what = _what(topics[0].key)
    frames = sorted({frame(c) for _, c in involved})
    claims = [c for _, c in involved]
    first = claims[0]
    # the words the topic headings share (快手 订单量), so the message names the measure the
    # heading above it names, not the first article's own wording (快手 电商订单量)
    shared = _shared_words([t.label for t in topics])
    if len(topics) > 1 and len(shared.split()) < 2:
        # 锦程地产 合约销售面积 / 锦程地产 累计合约销售面积: the measure without its scope word
        kept = _what(topics[0].key, scope_words(ctx))
        shared = " ".join(p for p in (kept.entity, kept.measure or kept.metric) if p)
    name = shared or " ".join(p for p in (what.entity, first.measure or what.metric) if p)
    uses = "; ".join(f"{frame(c)}: {cite(c)}" for c in claims)
    return Conflict(
        id=fingerprint(TYPE, what, [value, *frames]),
        type=TYPE,
        severity=ctx.severity(TYPE),
        topic=" / ".join(t.label for t in topics),
        topic_id=topics[0].id,
        message=(
            f"{name}: the same figure {first.quote} is given for {len(frames)} different time frames "
            f"({uses}); likely a copy error"
        ),
        claims=claims,
    )

"""Intervals shared by the checks: bounds, overlap, gaps, and who contradicts whom.

A claim commits to an interval (``low``..``high``, already widened by the extractor for
written precision and qualifiers; ``None`` = unbounded on that side). Two claims agree when
their intervals overlap. Dates are intervals of days.

Who contradicts whom is decided per document: a document that states several values for
one topic (直播收入 86亿 and 其他服务收入 21亿 both read as revenue) has shown that the
topic is ambiguous there, so a value it states side by side with another is never held
against that other. Two values contradict only when they are disjoint and neither
document states anything that agrees with the other's value.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from kcheck.models import Claim, Span

T = TypeVar("T")


@dataclass(frozen=True)
class Bounds:
    """A closed interval (``low <= high``); ``-inf`` / ``inf`` where the text sets no bound."""

    low: float
    high: float

    def overlaps(self, other: Bounds) -> bool:
        return self.low <= other.high and other.low <= self.high

    def gap(self, other: Bounds) -> float:
        """Distance between the two intervals (0 when they overlap)."""
        if self.overlaps(other):
            return 0.0
        return other.low - self.high if self.high < other.low else self.low - other.high

    def relative_gap(self, other: Bounds) -> float:
        """Gap over the larger magnitude of the two facing bounds (statcheck-style materiality)."""
        if self.overlaps(other):
            return 0.0
        lo, hi = (self, other) if self.high < other.low else (other, self)
        magnitude = max(abs(lo.high), abs(hi.low))
        if magnitude == 0 or math.isinf(magnitude):
            return math.inf
        return (hi.low - lo.high) / magnitude

    def intersect(self, other: Bounds) -> Bounds:
        return Bounds(max(self.low, other.low), min(self.high, other.high))

    @classmethod
    def of_claim(cls, claim: Claim, truncation: bool = False) -> Bounds:
        """The claim's interval; with ``truncation`` a plain figure reaches one written unit
        away from zero (1758亿 may be 1758.87亿 cut off), not only the half unit of rounding.

        The unit is at most the width rounding already gives the figure: a round figure's
        ``precision`` is the unit of its last non-zero digit (100亿 -> 100亿), and reading
        its trailing zeros as cut off would let 100亿 reach 200亿. Its rounding interval is
        capped (``qualifiers.rounding_cap``: 100亿 covers 95亿..105亿), and so is this."""
        low = -math.inf if claim.low is None else claim.low
        high = math.inf if claim.high is None else claim.high
        if truncation and claim.qualifier is None and claim.value is not None and claim.precision:
            unit = claim.precision
            if not math.isinf(high - low) and high > low:
                unit = min(unit, high - low)
            if claim.value >= 0 and not math.isinf(high):
                high = max(high, claim.value + unit)
            elif claim.value < 0 and not math.isinf(low):
                low = min(low, claim.value - unit)
        return cls(low, high)

    @classmethod
    def of_span(cls, span: Span) -> Bounds:
        return cls(float(span.start.toordinal()), float(span.end.toordinal()))


def growth_bounds(before: Bounds, after: Bounds) -> Bounds:
    """Growth in percent implied by two positive levels: (after / before - 1) * 100."""
    if before.low <= 0 or after.low < 0:
        return Bounds(-math.inf, math.inf)
    low = (after.low / before.high - 1) * 100 if not math.isinf(before.high) else -100.0
    high = (after.high / before.low - 1) * 100
    return Bounds(low, high)


# --------------------------------------------------------------------------- contradictions


@dataclass(frozen=True)
class Stated(Generic[T]):
    """One item's value as a document states it."""

    bounds: Bounds
    doc: str
    item: T
    active: bool = True  # False: a revised target, it supports others but never contradicts
    # the sentence with the figure masked: two documents carrying the same sentence state the
    # very same thing, so their values are compared even where a document is ambiguous
    context: str | None = None


@dataclass
class _Node:
    """All items that commit to one identical interval: their documents and positions."""

    bounds: Bounds
    docs: set[str] = field(default_factory=set)
    active: dict[str, list[int]] = field(default_factory=dict)  # doc -> positions of active items
    revised_docs: set[str] = field(default_factory=set)

    def add(self, position: int, doc: str, active: bool) -> None:
        self.docs.add(doc)
        if active:
            self.active.setdefault(doc, []).append(position)
        else:
            self.revised_docs.add(doc)


@dataclass
class Disagreement(Generic[T]):
    """The items of one topic that contradict each other, and how far apart they are."""

    items: list[T]  # every item in a contradicting pair, in input order
    min_gap: float  # smallest absolute gap between two contradicting items
    min_relative_gap: float  # smallest relative gap between two contradicting items
    max_relative_gap: float = 0.0  # largest relative gap: how material the disagreement is


def _nodes(values: Sequence[tuple[int, Stated[T]]]) -> list[_Node]:
    """Items merged by identical interval, sorted by (low, high)."""
    nodes: dict[Bounds, _Node] = {}
    for position, stated in values:
        node = nodes.get(stated.bounds)
        if node is None:
            node = nodes[stated.bounds] = _Node(stated.bounds)
        node.add(position, stated.doc, stated.active)
    return sorted(nodes.values(), key=lambda n: (n.bounds.low, n.bounds.high))


def _sweep(ordered: list[_Node]) -> tuple[list[list[int]], list[list[int]]]:
    """For each node (sorted by low): the later nodes that overlap it and those that do not.

    A later node starts at or after this one; past the first one that starts beyond this
    one's high end, none can overlap, so the overlapping ones are found by a sorted sweep
    (cost: the overlaps found, not every pair). Every overlap is returned on both sides.
    """
    lows = [n.bounds.low for n in ordered]
    overlapping: list[list[int]] = [[] for _ in ordered]
    disjoint_after: list[list[int]] = [[] for _ in ordered]
    for i, node in enumerate(ordered):
        cut = bisect_right(lows, node.bounds.high, lo=i + 1)
        for j in range(i + 1, cut):
            if node.bounds.overlaps(ordered[j].bounds):
                overlapping[i].append(j)
                overlapping[j].append(i)
            else:  # never for well-formed intervals (low <= high)
                disjoint_after[i].append(j)
        disjoint_after[i].extend(range(cut, len(ordered)))
    return overlapping, disjoint_after


def disagreements(values: Sequence[Stated[T]]) -> Disagreement[T] | None:
    """The contradicting items among ``values``; ``None`` when all agree.

    Two values contradict when they are disjoint and neither document states anything that
    agrees with the other's value; or when two documents carry the same sentence (the same
    ``context``) with disjoint values. Items with identical bounds are merged first and the
    overlaps are found by a sorted sweep, so the cost is linear in the number of items and
    quadratic only in the number of distinct, mutually disjoint values one topic holds.
    """
    chosen: set[int] = set()  # positions in ``values``
    min_gap = math.inf
    min_rel = math.inf
    max_rel = 0.0

    def pair(a: Bounds, b: Bounds) -> None:
        nonlocal min_gap, min_rel, max_rel
        min_gap = min(min_gap, a.gap(b))
        min_rel = min(min_rel, a.relative_gap(b))
        max_rel = max(max_rel, a.relative_gap(b))

    ordered = _nodes(list(enumerate(values)))
    overlapping, disjoint_after = _sweep(ordered)
    overlap_sets = [set(o) for o in overlapping]

    def backing(of: int, against: int) -> set[str]:
        """The documents stating something that agrees with node ``of``'s value and not with
        ``against``'s: a bound agreeing with both (a title's 逾31萬輛 beside its body's 312,508輛,
        against 32.15万辆) backs neither."""
        docs = set(ordered[of].docs)
        for k in overlapping[of]:
            if k not in overlap_sets[against]:
                docs |= ordered[k].docs
        return docs

    for i, u in enumerate(ordered):
        if not u.active:
            continue
        for j in disjoint_after[i]:
            v = ordered[j]
            if not v.active:
                continue
            if u.revised_docs & v.docs or v.revised_docs & u.docs:
                # a document states one value as revised to the other (目标是2000亿元，后又
                # 上调至2500亿元): sources quoting either are not wrong
                continue
            from_u = [d for d in u.active if d not in backing(j, i)]
            from_v = [d for d in v.active if d not in backing(i, j)]
            if not from_u or not from_v:
                continue
            for node, docs_ in ((u, from_u), (v, from_v)):
                for doc in docs_:
                    chosen.update(node.active[doc])
            pair(u.bounds, v.bounds)
    by_context: dict[str, list[tuple[int, Stated[T]]]] = {}
    for position, stated in enumerate(values):
        if stated.active and stated.context is not None:
            by_context.setdefault(stated.context, []).append((position, stated))
    for same in by_context.values():
        if len(same) < 2:
            continue
        nodes = _nodes(same)
        _, disjoint = _sweep(nodes)
        for i, a in enumerate(nodes):
            for b in (nodes[j] for j in disjoint[i]):
                # some item of ``a`` and some of ``b`` come from different documents
                if len(a.docs) == 1 and a.docs == b.docs:
                    continue
                for node, other in ((a, b), (b, a)):
                    only = next(iter(other.docs)) if len(other.docs) == 1 else None
                    for doc, positions in node.active.items():
                        if doc != only:
                            chosen.update(positions)
                pair(a.bounds, b.bounds)
    if not chosen:
        return None
    items = [values[n].item for n in sorted(chosen)]
    return Disagreement(items=items, min_gap=min_gap, min_relative_gap=min_rel, max_relative_gap=max_rel)


def agreeing_groups(values: Sequence[tuple[Bounds, T]]) -> list[list[T]]:
    """Split items into groups that all share one common value, lowest group first.

    Greedy over items sorted by lower bound: an item joins the current group while it still
    overlaps the group's running intersection (in one dimension pairwise overlap of all
    members then follows).
    """
    ordered = sorted(range(len(values)), key=lambda i: (values[i][0].low, values[i][0].high, i))
    groups: list[list[T]] = []
    common: Bounds | None = None
    for i in ordered:
        bounds, item = values[i]
        if common is not None and common.overlaps(bounds):
            common = common.intersect(bounds)
            groups[-1].append(item)
        else:
            common = bounds
            groups.append([item])
    return groups

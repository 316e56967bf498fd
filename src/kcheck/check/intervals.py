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
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from kcheck.models import Claim, Span

T = TypeVar("T")


@dataclass(frozen=True)
class Bounds:
    """A closed interval; ``-inf`` / ``inf`` where the text sets no bound."""

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
class _Node(Generic[T]):
    """All items that commit to one identical interval."""

    bounds: Bounds
    items: list[Stated[T]] = field(default_factory=list)

    @property
    def docs(self) -> set[str]:
        return {s.doc for s in self.items}

    @property
    def active_docs(self) -> set[str]:
        return {s.doc for s in self.items if s.active}

    @property
    def revised_docs(self) -> set[str]:
        return {s.doc for s in self.items if not s.active}


@dataclass
class Disagreement(Generic[T]):
    """The items of one topic that contradict each other, and how far apart they are."""

    items: list[T]  # every item in a contradicting pair, in input order
    min_gap: float  # smallest absolute gap between two contradicting items
    min_relative_gap: float  # smallest relative gap between two contradicting items
    max_relative_gap: float = 0.0  # largest relative gap: how material the disagreement is


def disagreements(values: Sequence[Stated[T]]) -> Disagreement[T] | None:
    """The contradicting items among ``values``; ``None`` when all agree.

    Two values contradict when they are disjoint and neither document states anything that
    agrees with the other's value; or when two documents carry the same sentence (the same
    ``context``) with disjoint values. Items with identical bounds are merged first, so the
    cost is quadratic only in the number of distinct values a topic holds, not in the
    number of documents.
    """
    nodes: dict[Bounds, _Node[T]] = {}
    for stated in values:
        nodes.setdefault(stated.bounds, _Node(stated.bounds)).items.append(stated)
    ordered = sorted(nodes.values(), key=lambda n: (n.bounds.low, n.bounds.high))
    support: list[set[str]] = []
    for node in ordered:
        docs: set[str] = set()
        for other in ordered:
            if node.bounds.overlaps(other.bounds):
                docs |= other.docs
        support.append(docs)
    chosen: set[int] = set()  # positions in ``values``
    index = {id(stated): n for n, stated in enumerate(values)}
    min_gap = math.inf
    min_rel = math.inf
    max_rel = 0.0

    def pair(a: Bounds, b: Bounds) -> None:
        nonlocal min_gap, min_rel, max_rel
        min_gap = min(min_gap, a.gap(b))
        min_rel = min(min_rel, a.relative_gap(b))
        max_rel = max(max_rel, a.relative_gap(b))

    for i, u in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            v = ordered[j]
            if u.bounds.overlaps(v.bounds):
                continue
            if u.revised_docs & v.docs or v.revised_docs & u.docs:
                # a document states one value as revised to the other (目标是2000亿元，后又
                # 上调至2500亿元): sources quoting either are not wrong
                continue
            from_u = u.active_docs - support[j]
            from_v = v.active_docs - support[i]
            if not from_u or not from_v:
                continue
            for node, docs_ in ((u, from_u), (v, from_v)):
                chosen.update(index[id(s)] for s in node.items if s.active and s.doc in docs_)
            pair(u.bounds, v.bounds)
    by_context: dict[str, list[Stated[T]]] = {}
    for stated in values:
        if stated.active and stated.context is not None:
            by_context.setdefault(stated.context, []).append(stated)
    for same in by_context.values():
        for i, a in enumerate(same):
            for b in same[i + 1 :]:
                if a.doc != b.doc and not a.bounds.overlaps(b.bounds):
                    chosen.update((index[id(a)], index[id(b)]))
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

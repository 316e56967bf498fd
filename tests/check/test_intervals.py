"""The interval engine the checks share: properties that hold for any values."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kcheck.check.intervals import Bounds, Disagreement, Stated, agreeing_groups, disagreements

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@st.composite
def bounds(draw: st.DrawFn) -> Bounds:
    a, b = sorted((draw(finite), draw(finite)))
    low = -math.inf if draw(st.booleans()) and draw(st.integers(0, 9)) == 0 else a
    high = math.inf if draw(st.booleans()) and draw(st.integers(0, 9)) == 0 else b
    return Bounds(low, high)


values = st.lists(st.tuples(bounds(), st.sampled_from(["a.txt", "b.txt", "c.txt", "d.txt"])), max_size=8)


def _stated(items: list[tuple[Bounds, str]]) -> list[Stated[int]]:
    return [Stated(b, doc, i) for i, (b, doc) in enumerate(items)]


@settings(max_examples=100, deadline=None)
@given(values, st.randoms(use_true_random=False))
def test_order_does_not_matter(items: list[tuple[Bounds, str]], rnd: object) -> None:
    stated = _stated(items)
    first = disagreements(stated)
    shuffled = stated[:]
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    again = disagreements(shuffled)
    assert (first is None) == (again is None)
    if first is not None and again is not None:
        assert sorted(first.items) == sorted(again.items)
        assert first.min_relative_gap == pytest.approx(again.min_relative_gap)


@settings(max_examples=100, deadline=None)
@given(values)
def test_values_sharing_a_point_never_disagree(items: list[tuple[Bounds, str]]) -> None:
    point = Bounds(0.0, 0.0)
    widened = [(Bounds(min(b.low, 0.0), max(b.high, 0.0)), doc) for b, doc in items]
    assert all(b.overlaps(point) for b, _ in widened)
    assert disagreements(_stated(widened)) is None


@settings(max_examples=100, deadline=None)
@given(values)
def test_every_flagged_value_is_disjoint_from_another_documents_value(
    items: list[tuple[Bounds, str]],
) -> None:
    found = disagreements(_stated(items))
    if found is None:
        return
    for i in found.items:
        b, doc = items[i]
        assert any(not b.overlaps(o) and d != doc for o, d in items), (i, items)


@settings(max_examples=100, deadline=None)
@given(values)
def test_one_document_never_disagrees_with_itself(items: list[tuple[Bounds, str]]) -> None:
    assert disagreements(_stated([(b, "a.txt") for b, _ in items])) is None


@settings(max_examples=100, deadline=None)
@given(st.lists(bounds(), max_size=8))
def test_agreeing_groups_share_a_value(items: list[Bounds]) -> None:
    groups = agreeing_groups([(b, b) for b in items])
    assert sum(len(g) for g in groups) == len(items)
    for group in groups:
        common = group[0]
        for b in group[1:]:
            common = common.intersect(b)
        assert common.low <= common.high


@pytest.mark.parametrize(
    ("a", "b", "gap", "relative"),
    [
        (Bounds(1757.5, 1759), Bounds(1957.5, 1959), 198.5, 198.5 / 1957.5),
        (Bounds(-math.inf, 100), Bounds(200, math.inf), 100, 0.5),
        (Bounds(1, 2), Bounds(1.5, 3), 0, 0),
        (Bounds(-5, -4), Bounds(4, 5), 8, 2.0),
    ],
)
def test_gaps(a: Bounds, b: Bounds, gap: float, relative: float) -> None:
    assert a.gap(b) == pytest.approx(gap) == b.gap(a)
    assert a.relative_gap(b) == pytest.approx(relative) == b.relative_gap(a)


# --------------------------------------------------------------------------- the sweep's oracle


def pairwise_disagreements(values: list[Stated[int]]) -> Disagreement[int] | None:
    """The plain definition, every pair of distinct values and every pair of same-sentence
    items compared (quadratic): what ``disagreements`` must find, however it finds it."""
    nodes: dict[Bounds, list[Stated[int]]] = {}
    for stated in values:
        nodes.setdefault(stated.bounds, []).append(stated)
    ordered = sorted(nodes.items(), key=lambda kv: (kv[0].low, kv[0].high))

    def backing(of: Bounds, against: Bounds) -> set[str]:
        # what agrees with ``of`` and not with ``against``: a bound agreeing with both backs neither
        return {
            s.doc
            for other, items in ordered
            if of.overlaps(other) and (other == of or not against.overlaps(other))
            for s in items
        }

    chosen: set[int] = set()
    index = {id(stated): n for n, stated in enumerate(values)}
    gaps: list[tuple[Bounds, Bounds]] = []
    for i, (u, u_items) in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            v, v_items = ordered[j]
            if u.overlaps(v):
                continue
            u_docs, v_docs = {s.doc for s in u_items}, {s.doc for s in v_items}
            if {s.doc for s in u_items if not s.active} & v_docs or {
                s.doc for s in v_items if not s.active
            } & u_docs:
                continue
            from_u = {s.doc for s in u_items if s.active} - backing(v, u)
            from_v = {s.doc for s in v_items if s.active} - backing(u, v)
            if not from_u or not from_v:
                continue
            for items, docs in ((u_items, from_u), (v_items, from_v)):
                chosen.update(index[id(s)] for s in items if s.active and s.doc in docs)
            gaps.append((u, v))
    active = [s for s in values if s.active and s.context is not None]
    for i, a in enumerate(active):
        for b in active[i + 1 :]:
            if a.context == b.context and a.doc != b.doc and not a.bounds.overlaps(b.bounds):
                chosen.update((index[id(a)], index[id(b)]))
                gaps.append((a.bounds, b.bounds))
    if not chosen:
        return None
    return Disagreement(
        items=[values[n].item for n in sorted(chosen)],
        min_gap=min(a.gap(b) for a, b in gaps),
        min_relative_gap=min(a.relative_gap(b) for a, b in gaps),
        max_relative_gap=max([0.0, *(a.relative_gap(b) for a, b in gaps)]),
    )


# few distinct numbers, so that identical, touching and nested intervals are common
small = st.integers(-2, 3).map(float)


@st.composite
def rough_bounds(draw: st.DrawFn) -> Bounds:
    a, b = sorted((draw(small), draw(small)))
    low = -math.inf if draw(st.integers(0, 9)) == 0 else a
    high = math.inf if draw(st.integers(0, 9)) == 0 else b
    return Bounds(low, high)


stated_items = st.lists(
    st.tuples(
        rough_bounds(),
        st.sampled_from(["a.txt", "b.txt", "c.txt"]),
        st.integers(0, 5).map(lambda n: n > 0),  # active, mostly
        st.sampled_from([None, "s1", "s1", "s2"]),
    ),
    max_size=14,
)


@settings(max_examples=600, deadline=None)
@given(stated_items)
def test_the_sweep_finds_exactly_what_every_pair_finds(
    items: list[tuple[Bounds, str, bool, str | None]],
) -> None:
    stated = [Stated(b, doc, i, active, context) for i, (b, doc, active, context) in enumerate(items)]
    assert disagreements(stated) == pairwise_disagreements(stated)


def test_a_bound_agreeing_with_both_sides_backs_neither() -> None:
    # blind set 3, nev: 312508辆 (a) and 32.15万辆 (b); the HK paper (c) writes 312,508輛 in
    # its body and 逾31萬輛 in its title, which agrees with both: c still contradicts b
    stated = [
        Stated(Bounds(312507.5, 312508.5), "a.txt", 0),
        Stated(Bounds(321450.0, 321550.0), "b.txt", 1),
        Stated(Bounds(312507.5, 312508.5), "c.txt", 2),
        Stated(Bounds(310000.0, math.inf), "c.txt", 3),
    ]
    found = disagreements(stated)
    assert found is not None and sorted(found.items) == [0, 1, 2]
    # ... but a value of its own agreeing with the other side still backs it (no disagreement)
    stated[3] = Stated(Bounds(321450.0, 321550.0), "c.txt", 3)
    found = disagreements(stated)
    assert found is not None and sorted(found.items) == [0, 1]

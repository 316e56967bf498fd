"""kcheck.compact: claims and topics made compact keep every value, dump and comparison."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from kcheck.api import extract
from kcheck.compact import Shared
from kcheck.group import group_claims
from kcheck.models import Claim, Span
from kcheck.rules import load_rules


def test_compact_claims_dump_and_compare_as_before(corpus_claims: list[Claim]) -> None:
    before = [c.model_dump_json() for c in corpus_claims]
    copies = [c.model_copy(deep=True) for c in corpus_claims]
    shared = Shared()
    compact = shared.claims(corpus_claims)
    assert compact is corpus_claims
    assert [c.model_dump_json() for c in compact] == before
    assert compact == copies
    # one object per distinct document path and period
    docs = {c.doc for c in compact}
    assert len({id(c.doc) for c in compact}) == len(docs)
    periods = [c.period for c in compact if c.period is not None]
    assert len({id(p) for p in periods}) == len(set(periods))
    # and per distinct quote and precision (a figure written by several outlets)
    assert len({id(c.quote) for c in compact}) == len({c.quote for c in compact})
    precisions = [c.precision for c in compact if c.precision is not None]
    assert len({id(p) for p in precisions}) == len(set(precisions)) < len(precisions)


def test_compact_topics_render_as_before(corpus_claims: list[Claim]) -> None:
    rules = load_rules()
    shared = Shared()
    before = [t.model_dump_json() for t in group_claims(corpus_claims, rules)]
    topics = group_claims(shared.claims(corpus_claims), rules, shared)
    assert [t.model_dump_json() for t in topics] == before
    again = shared.topics(group_claims(corpus_claims, rules))
    assert [t.model_dump_json() for t in again] == before
    labels = [t.label for t in topics] + [t.label for t in again]
    assert len({id(label) for label in labels}) == len(set(labels))


def test_a_field_set_after_sharing_changes_only_its_claim() -> None:
    first, second = extract("2023年营收12.5亿元，净利润3亿元。", published=dt.date(2024, 1, 5))
    shared = Shared()
    shared.claims([first, second])
    first.entity = "某公司"  # not frozen: a slot of its own
    assert second.entity is None
    copied = second.model_copy(update={"unit": "USD"})
    assert second.unit != "USD" and copied.unit == "USD"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a.txt", "b.md", "名字.html"]),
            st.sampled_from([None, "亿元", "万吨"]),
            st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)),
            st.integers(0, 400),
        ),
        max_size=20,
    )
)
def test_equal_values_become_one_object(rows: list[tuple[str, str | None, dt.date, int]]) -> None:
    claims = [
        Claim(
            quote="1亿元",
            doc="".join(doc),  # a new string object per claim, as decoding gives
            unit=None if unit is None else "".join(unit),
            period=Span(start=day, end=day + dt.timedelta(days=days)),
        )
        for doc, unit, day, days in rows
    ]
    dumps = [c.model_dump_json() for c in claims]
    Shared().claims(claims)
    assert [c.model_dump_json() for c in claims] == dumps
    for a in claims:
        for b in claims:
            assert (a.doc is b.doc) == (a.doc == b.doc)
            assert (a.period is b.period) == (a.period == b.period)


def test_only_positive_precisions_are_shared() -> None:
    shared = Shared()
    zero, minus_zero, nan = (Claim(quote="1", precision=p) for p in (0.0, -0.0, float("nan")))
    for claim in (zero, minus_zero, nan):
        shared.claim(claim)
    assert str(minus_zero.precision) == "-0.0" and str(zero.precision) == "0.0"
    tenth = [shared.claim(Claim(quote="1.5", precision=float("0.1"))) for _ in range(2)]
    assert tenth[0].precision is tenth[1].precision

"""reused_figure: one distinctive figure given for two different periods or scopes."""

from __future__ import annotations

import pytest
from claimkit import YI, figure, findings, run, span, with_checks
from hypothesis import given, settings
from hypothesis import strategies as st

from kcheck.check.reused_figure import _involved, different_frames, significant_digits
from kcheck.models import Claim, Span


def _orders(quote: str, value: float, **fields: object) -> Claim:
    fields.setdefault("metric", "orders")
    fields.setdefault("dimension", "count")
    return figure(quote, value, precision=YI, low=value, high=None, **fields)  # type: ignore[arg-type]


def test_cumulative_total_and_one_month_with_the_same_figure() -> None:
    # 004: 其在累计订单总量上超过5亿 ... 8月电商订单量超5亿单
    total = _orders("超过5亿", 5 * YI, doc="004.txt", line=21, period=None, scope="cumulative")
    month = _orders("超5亿单", 5 * YI, doc="004.txt", line=87, period="2020-08", unit="单")
    _, conflicts = run([total, month])
    assert [(c.type, c.severity.value) for c in conflicts] == [("reused_figure", "warning")]
    conflict = conflicts[0]
    assert {c.id for c in conflict.claims} == {total.id, month.id}
    assert "2020-08: 超5亿单 (004.txt:87)" in conflict.message
    assert "cumulative: 超过5亿 (004.txt:21)" in conflict.message


@pytest.mark.parametrize(
    ("name", "a_fields", "b_fields"),
    [
        ("Q2 and Q3", {"period": "2020-Q2"}, {"period": "2020-Q3"}),
        ("two years", {"period": "2020"}, {"period": "2021"}),
        ("cumulative vs a quarter", {"scope": "cumulative", "period": "2020-01..09"}, {"period": "2020-Q3"}),
        # 前三季度实现营业收入1432.6亿元 / 三季度单季实现营业收入1432.6亿元: a flow over a stretch
        # and over a longer one holding it
        ("a quarter inside 前三季度, a flow", {"period": "2020-01..09"}, {"period": "2020-Q3"}),
        # 合约销售面积82.3万平方米 (10月) / 1-10月累计合约销售面积82.3万平方米: 累计 is the scope
        (
            "the scope word in the measure as written",
            {"metric": None, "measure": "合约销售面积", "period": "2020-10"},
            {"metric": None, "measure": "累计合约销售面积", "scope": "cumulative", "period": "2020-01..10"},
        ),
    ],
)
def test_reuse_fires(name: str, a_fields: dict[str, object], b_fields: dict[str, object]) -> None:
    a = figure("1096亿元", 1096 * YI, precision=YI, **{"doc": "a.txt", **a_fields})  # type: ignore[arg-type]
    b = figure("1096亿元", 1096 * YI, precision=YI, **{"doc": "b.txt", **b_fields})  # type: ignore[arg-type]
    assert findings([a, b]) == [("reused_figure", "warning")]


@pytest.mark.parametrize(
    ("name", "a_fields", "b_fields"),
    [
        ("same period twice", {}, {}),
        # 截至2020年6月30日 ... 上半年: nested periods, the same figure may hold for both
        ("a day inside a half-year", {"period": "2020-H1"}, {"period": "2020-06-30"}),
        # a stock (总资产) at the end of a quarter and of the three quarters is one balance
        (
            "a stock over nested periods",
            {"metric": "total_assets", "period": "2020-01..09"},
            {"metric": "total_assets", "period": "2020-Q3"},
        ),
        ("period unknown on one side", {"period": None}, {"period": "2020-Q3"}),
        ("target vs actual", {"kind": "target", "period": "2020"}, {"period": "2021"}),
        # 10月3日 / 10月5日，全国铁路预计发送旅客1050万人次: one plan for two days
        (
            "forecasts for different days",
            {"kind": "forecast", "period": "2021-10-03"},
            {"kind": "forecast", "period": "2021-10-05"},
        ),
        ("different metrics", {"metric": "revenue", "period": "2020"}, {"period": "2021"}),
        ("different entities", {"entity": "抖音", "period": "2020"}, {"period": "2021"}),
        # 6月16日 read as 2020 in one article and 2022 in another: one date as written
        (
            "same date written, years resolved differently",
            {"period": "2020-06-16", "time_quote": "6月16日"},
            {"period": "2022-06-16", "time_quote": "6月16日"},
        ),
        # a cumulative total for the year to date and the same span's total
        (
            "cumulative over the same period",
            {"scope": "cumulative", "period": "2021-01..09"},
            {"period": "2021-01..09"},
        ),
    ],
)
def test_reuse_traps(name: str, a_fields: dict[str, object], b_fields: dict[str, object]) -> None:
    a = figure("1096亿元", 1096 * YI, precision=YI, **{"doc": "a.txt", **a_fields})  # type: ignore[arg-type]
    b = figure("1096亿元", 1096 * YI, precision=YI, **{"doc": "b.txt", **b_fields})  # type: ignore[arg-type]
    assert "reused_figure" not in [t for t, _ in findings([a, b])]


@pytest.mark.parametrize(
    ("quote", "value", "precision", "dimension", "reusable"),
    [
        ("1096亿元", 1096 * YI, YI, "money", True),  # 4 digits
        ("14.2亿元", 14.2 * YI, 0.1 * YI, "money", True),  # 3 digits
        ("5亿", 5 * YI, YI, "count", True),  # one digit, but a magnitude
        ("2000万人", 2000e4, 1e7, "count", True),
        ("100个", 100, 1, "count", False),  # small count: 1 significant digit
        ("5家", 5, 1, "count", False),
        ("100%", 100, 1, "percent", False),  # percentages recur honestly
        ("86.1%", 86.1, 0.1, "percent", False),
    ],
)
def test_only_distinctive_figures_count(
    quote: str, value: float, precision: float, dimension: str, reusable: bool
) -> None:
    a = figure(
        quote, value, precision=precision, doc="a.txt", period="2020", metric="orders", dimension=dimension
    )
    b = figure(
        quote, value, precision=precision, doc="b.txt", period="2021", metric="orders", dimension=dimension
    )
    assert (findings([a, b]) == [("reused_figure", "warning")]) is reusable


@pytest.mark.parametrize(
    ("value", "precision", "digits"),
    [
        (1096 * YI, YI, 4),
        (2000 * YI, YI, 1),
        (14.2 * YI, 0.1 * YI, 3),
        (1758.87 * YI, 0.01 * YI, 6),
        (100, 1, 1),
    ],
)
def test_significant_digits(value: float, precision: float, digits: int) -> None:
    assert significant_digits(figure("x", value, precision=precision)) == digits


def test_thresholds_come_from_rules() -> None:
    a = figure("100个", 100, precision=1, doc="a.txt", period="2020", metric="orders", dimension="count")
    b = figure("100个", 100, precision=1, doc="b.txt", period="2021", metric="orders", dimension="count")
    loose = with_checks(
        reused_figure={"min_significant_digits": 1, "min_magnitude": 0, "dimensions": ["count"]}
    )
    assert findings([a, b], loose) == [("reused_figure", "warning")]
    assert findings([a, b], with_checks(disabled=["reused_figure"])) == []


# --------------------------------------------------------------------------- distinct frames


def _pairwise_involved(same: list[tuple[str, Claim]]) -> list[tuple[str, Claim]]:
    """The plain definition: every pair of claims compared, each claim kept where first met."""
    involved: dict[str, tuple[str, Claim]] = {}
    for i, (ta, a) in enumerate(same):
        for tb, b in same[i + 1 :]:
            if different_frames(a, b):
                involved.setdefault(a.id, (ta, a))
                involved.setdefault(b.id, (tb, b))
    return list(involved.values())


_PERIODS = [None, span("2021-Q3"), span("2021-Q3"), span("2021-07..09"), span("2021-H2"), span("2022-Q3")]
frames = st.tuples(
    st.sampled_from(_PERIODS),
    st.sampled_from([None, None, "cumulative"]),
    st.sampled_from([None, "6月16日", "三季度"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(frames, max_size=14))
def test_distinct_frames_find_exactly_what_every_pair_finds(
    drawn: list[tuple[Span | None, str | None, str | None]],
) -> None:
    same = [
        (f"t{n % 3}", Claim(id=f"c{n}", doc=f"d{n % 4}.txt", quote="5亿", period=p, scope=s, time_key=k))
        for n, (p, s, k) in enumerate(drawn)
    ]
    assert _involved(same) == _pairwise_involved(same)  # type: ignore[arg-type]

"""growth_mismatch: a stated growth rate the two stated levels do not produce."""

from __future__ import annotations

import math

import pytest
from claimkit import YI, figure, findings, rate, run, span, with_checks
from hypothesis import given, settings
from hypothesis import strategies as st

from kcheck.check.growth_mismatch import closest, previous_period
from kcheck.check.intervals import Bounds, growth_bounds


@pytest.mark.parametrize(
    ("period", "change", "previous"),
    [
        ("2021-Q3", "yoy", "2020-Q3"),
        ("2021-01..09", "yoy", "2020-01..09"),
        ("2020-02", "yoy", "2019-02"),  # month ends follow the month (29 -> 28)
        ("2020-06-30", "yoy", "2019-06-30"),
        ("2021-Q3", "qoq", "2021-Q2"),
        ("2021-Q1", "qoq", "2020-Q4"),
        ("2021-03", "qoq", "2021-02"),
    ],
)
def test_previous_period(period: str, change: str, previous: str) -> None:
    assert previous_period(span(period), change) == span(previous)


def test_qoq_of_a_half_year_is_not_guessed() -> None:
    assert previous_period(span("2021-H1"), "qoq") is None


def test_growth_bounds() -> None:
    implied = growth_bounds(Bounds(900, 910), Bounds(1758, 1759))
    assert implied.low == pytest.approx((1758 / 910 - 1) * 100)
    assert implied.high == pytest.approx((1759 / 900 - 1) * 100)


def _levels(before: float, after: float, *, period: str = "2021-Q3", earlier: str = "2020-Q3") -> list:
    return [
        figure(f"{before:g}亿元", before * YI, precision=YI, doc="a.txt", line=2, period=earlier),
        figure(f"{after:g}亿元", after * YI, precision=YI, doc="b.txt", line=3, period=period),
    ]


@pytest.mark.parametrize(
    ("stated", "change", "earlier", "fires"),
    [
        (86.1, "yoy", "2020-Q3", False),  # 945 -> 1758: +86.0%
        (87.0, "yoy", "2020-Q3", False),  # within growth_tolerance_pp
        (95.0, "yoy", "2020-Q3", True),
        (60.0, "yoy", "2020-Q3", True),
        (86.1, "qoq", "2021-Q2", False),  # 945 -> 1758 read as Q2 -> Q3
        (17.0, "qoq", "2021-Q2", True),
    ],
)
def test_stated_growth_against_levels(stated: float, change: str, earlier: str, fires: bool) -> None:
    claims = [
        *_levels(945, 1758, earlier=earlier),
        rate(f"增长{stated}%", stated, change=change, doc="c.txt"),
    ]
    expected = [("growth_mismatch", "warning")] if fires else []
    assert findings(claims) == expected


def test_message_and_claims() -> None:
    levels = _levels(945, 1758)
    stated = rate("同比增长95%", 95, precision=1, doc="c.txt", line=9)
    _, conflicts = run([*levels, stated])
    (conflict,) = conflicts
    assert conflict.topic == "快手 GMV 同比 2021-Q3"
    assert [c.id for c in conflict.claims] == [stated.id, levels[0].id, levels[1].id]
    assert conflict.message.startswith(
        "快手 GMV 同比 2021-Q3: stated 同比增长95% (c.txt:9), but 1758亿元 (b.txt:3) against "
        "945亿元 (a.txt:2) for 2020-Q3 implies +85."
    )


@pytest.mark.parametrize(
    ("name", "claims"),
    [
        (
            "no earlier level",
            [figure("1758亿元", 1758 * YI, doc="b.txt"), rate("同比增长95%", 95, doc="c.txt")],
        ),
        (
            "earlier level of another metric",
            [
                figure("945亿元", 945 * YI, doc="a.txt", period="2020-Q3", metric="revenue"),
                figure("1758亿元", 1758 * YI, doc="b.txt"),
                rate("同比增长95%", 95, doc="c.txt"),
            ],
        ),
        (
            "a growth rate without 同比 or 环比",
            [*_levels(945, 1758), rate("增长95%", 95, change="change", doc="c.txt")],
        ),
        (
            "levels in different currencies",
            [
                figure("945亿元", 945 * YI, doc="a.txt", period="2020-Q3", unit="USD"),
                figure("1758亿元", 1758 * YI, doc="b.txt"),
                rate("同比增长95%", 95, doc="c.txt"),
            ],
        ),
        (
            "one of two earlier readings agrees",
            [
                *_levels(945, 1758),
                figure("900亿元", 900 * YI, doc="d.txt", period="2020-Q3"),
                rate("同比增长95%", 95, doc="c.txt"),
            ],
        ),
    ],
)
def test_growth_traps(name: str, claims: list) -> None:
    assert "growth_mismatch" not in [t for t, _ in findings(claims)]


def test_tolerance_from_rules() -> None:
    claims = [*_levels(945, 1758), rate("同比增长87.5%", 87.5, doc="c.txt")]
    assert findings(claims) == [("growth_mismatch", "warning")]
    assert findings(claims, with_checks(growth_tolerance_pp=2.0)) == []


def test_topics_keyed_by_their_sentence_are_not_levels() -> None:
    # no metric or measure phrase: nothing says the two figures measure the same thing
    before = figure(
        "945亿元",
        945 * YI,
        doc="a.txt",
        period="2020-Q3",
        metric=None,
        measure=None,
        sentence="据报道，2020年第三季度该项业务的规模为945亿元，较上一季度明显回升。",
    )
    after = figure(
        "1758亿元",
        1758 * YI,
        doc="b.txt",
        metric=None,
        measure=None,
        sentence="据报道，2021年第三季度该项业务的规模为1758亿元，较上一季度明显回升。",
    )
    stated = rate(
        "同比增长95%",
        95,
        doc="c.txt",
        metric=None,
        measure=None,
        sentence="据报道，2021年第三季度该项业务的规模同比增长95%，较上一季度明显回升。",
    )
    assert findings([before, after, stated]) == []


# a change stated between two levels of its own sentence, checked against them (one row per
# real phrase; the levels need no entity, no period pairing and no grouping)
STATED_BETWEEN = [
    ("归母净利润12.08亿元，较2022年的9.77亿元增长32.6%。", "32.6%", True),  # +23.6%
    ("归母净利润12.08亿元，较2022年的9.77亿元增长23.6%。", "23.6%", False),
    ("公司原保险保费收入由上年同期的1951.1亿元增至2046.7亿元，增幅达8.1%。", "8.1%", True),  # +4.9%
    ("公司原保险保费收入由上年同期的1951.1亿元增至2046.7亿元，增幅达4.9%。", "4.9%", False),
    ("11月全国粗钢产量7610万吨，比上年同期的7275万吨增长0.4%。", "0.4%", True),  # +4.6%
    ("上半年实现营业收入58.4亿元，较上年同期的64.70亿元下降19.8%。", "19.8%", True),  # -9.7%
    ("上半年实现营业收入58.4亿元，较上年同期的64.70亿元下降9.7%。", "9.7%", False),
    ("国内旅游收入8534.3亿元，比2019年同期的7422.4亿元增长4.1%。", "4.1%", True),  # +15.0%
    ("10月制造业PMI为49.5%，比9月的50.2%下降0.7个百分点。", "0.7个百分点", False),
    ("10月制造业PMI为49.5%，比9月的50.2%下降1.7个百分点。", "1.7个百分点", True),
    ("毛利率为24.6%，较去年同期的35.8%下降了11.2个百分点。", "11.2个百分点", False),
    # rounded levels: 1758 against 1758.87 style rounding still agrees (written precision)
    ("营业收入1759亿元，较上年同期的945亿元增长86.1%。", "86.1%", False),
    # a restated base (按可比口径) need not follow from the levels written beside it
    ("国内旅游收入8534.3亿元，按可比口径比2019年同期的7422.4亿元增长4.1%。", "4.1%", False),
]


@pytest.mark.parametrize(("text", "quote", "fires"), STATED_BETWEEN)
def test_change_against_the_levels_its_sentence_states(text: str, quote: str, fires: bool) -> None:
    import datetime as dt

    import kcheck

    claims = [
        c.model_copy(update={"doc": "a.txt"}) for c in kcheck.extract(text, published=dt.date(2023, 12, 1))
    ]
    _, conflicts = run(claims)
    mine = [c for c in conflicts if c.type == "growth_mismatch" and c.claims[0].quote == quote]
    assert bool(mine) == fires, [c.message for c in conflicts]
    if fires:
        assert mine[0].claims[0].quote == quote
        assert "stated beside it implies" in mine[0].message


WITHIN_ONE_DOCUMENT = [
    # no entity named: the rate's own level and the earlier level written beside it
    ("前三季度归母净利润108.47亿元，同比增长12.5%，而上年同期归母净利润为87.53亿元。", True),  # +23.9%
    ("前三季度归母净利润98.47亿元，同比增长12.5%，而上年同期归母净利润为87.53亿元。", False),
    ("前三季度归母净利润108.47亿元，同比增长12.5%。上年同期归母净利润为87.53亿元。", True),
    # an entity named: the article contradicts itself, whatever another article's level
    ("华信保险前三季度归母净利润108.47亿元，同比增长12.5%，而上年同期归母净利润为87.53亿元。", True),
    ("华信保险前三季度归母净利润98.47亿元，同比增长12.5%，而上年同期归母净利润为87.53亿元。", False),
    # ... but not against another entity's earlier level
    ("华信保险前三季度归母净利润108.47亿元，同比增长12.5%；华信人寿上年同期归母净利润为87.53亿元。", False),
    # the earlier level is another company's, paragraphs away, its name not read
    (
        "上半年实现营业收入58.4亿元，较上年同期的64.70亿元下降9.7%。\n"
        "公司无锡二期项目于7月30日实现量产。\n"
        "另据公告，名称相近的另一家公司上半年实现营业收入3.06亿元，同比下降27.1%。",
        False,
    ),
]


@pytest.mark.parametrize(("text", "fires"), WITHIN_ONE_DOCUMENT)
def test_rate_against_the_earlier_level_beside_it(text: str, fires: bool) -> None:
    import datetime as dt

    import kcheck

    claims = [
        c.model_copy(update={"doc": "a.txt"}) for c in kcheck.extract(text, published=dt.date(2023, 10, 30))
    ]
    _, conflicts = run(claims)
    assert bool([c for c in conflicts if c.type == "growth_mismatch"]) == fires, [
        c.message for c in conflicts
    ]


# --------------------------------------------------------------------------- distinct intervals


def _every_triple(
    rates: list[tuple[Bounds, int]],
    befores: list[tuple[Bounds, int]],
    afters: list[tuple[Bounds, int]],
    tol: float,
) -> tuple[float, int, int, int, Bounds] | None:
    """The plain definition: every (rate, before, after) of the stated items compared."""
    best: tuple[float, int, int, int, Bounds] | None = None
    for rb, r in rates:
        widened = Bounds(rb.low - tol, rb.high + tol)
        for bb, b in befores:
            for ab, a in afters:
                implied = growth_bounds(bb, ab)
                if implied.overlaps(widened):
                    return None
                gap = implied.gap(widened)
                if best is None or gap < best[0]:
                    best = (gap, r, b, a, implied)
    return best


# few distinct intervals, so that many items state the same one (articles quoting one figure)
_level_bounds = st.sampled_from(
    [Bounds(95, 105), Bounds(99.5, 100.5), Bounds(119.5, 120.5), Bounds(150, 160)]
)
_rate_bounds = st.sampled_from(
    [Bounds(19.95, 20.05), Bounds(-5.05, -4.95), Bounds(49.5, 50.5), Bounds(0, math.inf)]
)


def _numbered(bounds: list[Bounds], start: int) -> list[tuple[Bounds, int]]:
    return [(b, start + n) for n, b in enumerate(bounds)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_rate_bounds, max_size=6),
    st.lists(_level_bounds, max_size=6),
    st.lists(_level_bounds, max_size=6),
    st.sampled_from([0.0, 0.5, 3.0]),
)
def test_distinct_intervals_find_what_every_triple_finds(
    rates: list[Bounds], befores: list[Bounds], afters: list[Bounds], tolerance: float
) -> None:
    args = (_numbered(rates, 0), _numbered(befores, 100), _numbered(afters, 200))
    assert closest(*args, tolerance) == _every_triple(*args, tolerance)


def test_an_article_contradicting_itself_is_not_hidden_by_another() -> None:
    """The closest reading across articles fits 12.5% (98.47亿 against 87.53亿); the article
    that wrote 108.47亿 beside 87.53亿 and 12.5% still contradicts itself."""
    import datetime as dt

    import kcheck

    day = dt.date(2023, 10, 30)
    a = "华信保险前三季度归母净利润108.47亿元，同比增长12.5%，而上年同期归母净利润为87.53亿元。"
    b = "华信保险前三季度归母净利润98.47亿元，同比增长12.5%。"
    claims = [c.model_copy(update={"doc": "a.txt"}) for c in kcheck.extract(a, published=day)]
    claims += [c.model_copy(update={"doc": "b.txt"}) for c in kcheck.extract(b, published=day)]
    _, conflicts = run(claims)
    growth = [c for c in conflicts if c.type == "growth_mismatch"]
    assert [(c.claims[0].doc, c.claims[1].quote, c.claims[2].quote) for c in growth] == [
        ("a.txt", "87.53亿元", "108.47亿元")
    ], [c.message for c in growth]


def test_a_rate_is_checked_against_the_level_written_beside_it() -> None:
    """A rate written after its article's own level is the growth of that level: another
    article's level that the rate happens to fit does not hide it (dev corpus prop-sales:
    1628.2亿 against the 1624.1亿 of a year before is +0.3%, the article says 下降9.6%)."""
    import datetime as dt

    import kcheck

    day = dt.date(2023, 11, 2)
    a = "锦程地产今年1-10月累计合约销售金额1468.2亿元，较上年同期的1624.1亿元下降9.6%。"
    b = "锦程地产1-10月累计实现合约销售额1628.2亿元，同比下降9.6%。"
    claims = [c.model_copy(update={"doc": "a.txt"}) for c in kcheck.extract(a, published=day)]
    claims += [c.model_copy(update={"doc": "b.txt"}) for c in kcheck.extract(b, published=day)]
    _, conflicts = run(claims)
    growth = [c for c in conflicts if c.type == "growth_mismatch"]
    assert [(c.claims[0].doc, c.claims[1].quote, c.claims[2].quote) for c in growth] == [
        ("b.txt", "1624.1亿元", "1628.2亿元")
    ], [c.message for c in growth]
    assert [c.severity.value for c in growth] == ["warning"]


def test_a_rate_with_no_level_beside_it_may_be_any_sources_growth() -> None:
    levels = _levels(945, 1758)
    other = figure("1500亿元", 1500 * YI, precision=YI, doc="d.txt", line=3)
    # c.txt states no level: 945 -> 1758 fits 86.1%, whatever d.txt says
    assert findings([*levels, other, rate("同比增长86.1%", 86.1, doc="c.txt")]) == [
        ("value_mismatch", "error")
    ]

"""Claim assembly on hand-built parses: each row fixes the figures and times a sentence has
(as the number and time passes would report them) and checks how they are linked.

Rows are real sentences from corpus/ (the source is named) or bugs caught on the way.
Running the assembler on hand-built ``Quantity``/``TimeExpr`` values keeps these tests
about linking only: a change in the number or time pass cannot break them.
"""

from __future__ import annotations

import datetime as dt
import pickle
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kcheck.extract import Extractor, split_text
from kcheck.extract.claims import Assembler, Draft, ParagraphState
from kcheck.extract.lexicon import MAX_BODY_RUN, Cue, Lexicon
from kcheck.extract.types import Granularity, Quantity, TimeExpr
from kcheck.models import ClaimKind, ClaimType, Dimension, Document, Sentence, Span
from kcheck.rules import RuleSet, load_rules
from kcheck.text.fold import fold

D = dt.date


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


@pytest.fixture(scope="module")
def lexicon(rules: RuleSet) -> Lexicon:
    return Lexicon(rules)


@pytest.fixture(scope="module")
def assembler(rules: RuleSet) -> Assembler:
    return Assembler(rules, Lexicon(rules))


# ---------------------------------------------------------------------- building parses


@dataclass
class Fig:
    """A figure as the number pass reports it, located by its quote (and occurrence)."""

    quote: str
    value: float | None
    unit: str | None = None
    dimension: Dimension = Dimension.COUNT
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    nth: int = 0

    def build(self, text: str) -> Quantity:
        start = _find(text, self.quote, self.nth)
        return Quantity(
            start=start,
            end=start + len(self.quote),
            value=self.value,
            low=self.value if self.low is None else self.low,
            high=self.value if self.high is None and self.qualifier is None else self.high,
            unit=self.unit,
            dimension=self.dimension,
            precision=1.0,
            qualifier=self.qualifier,
        )


@dataclass
class Time:
    """A time expression as the time pass reports it."""

    quote: str
    start: dt.date
    end: dt.date
    granularity: Granularity
    anchor_kind: str | None = None
    approx: bool = False
    nth: int = 0

    def build(self, text: str) -> TimeExpr:
        at = _find(text, self.quote, self.nth)
        return TimeExpr(
            start=at,
            end=at + len(self.quote),
            span=Span(start=self.start, end=self.end),
            granularity=self.granularity,
            anchor_kind=self.anchor_kind,
            approx=self.approx,
        )


def _find(text: str, quote: str, nth: int) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.index(quote, at + 1)
    return at


def Y(quote: str, year: int) -> Time:
    return Time(quote, D(year, 1, 1), D(year, 12, 31), Granularity.YEAR)


def Q(quote: str, year: int, q: int) -> Time:
    start = D(year, 3 * q - 2, 1)
    end = D(year, 3 * q, 30 if q in (2, 3) else 31)
    return Time(quote, start, end, Granularity.QUARTER)


def money(quote: str, value: float, **kw: Any) -> Fig:
    return Fig(quote, value, "CNY", Dimension.MONEY, **kw)


def bare(quote: str, value: float, **kw: Any) -> Fig:
    return Fig(quote, value, None, Dimension.COUNT, **kw)


def pct(quote: str, value: float, **kw: Any) -> Fig:
    return Fig(quote, value, "%", Dimension.PERCENT, **kw)


@dataclass
class Para:
    """Sentences of one paragraph, each with its figures and times."""

    sentences: list[tuple[str, list[Fig], list[Time]]] = field(default_factory=list)


def assemble(assembler: Assembler, *sentences: tuple[str, list[Fig], list[Time]]) -> list[Draft]:
    """Run the paragraph through the assembler; return the drafts of the LAST sentence."""
    state = ParagraphState()
    drafts: list[Draft] = []
    for text, figs, times in sentences:
        folded = fold(text)
        hits = assembler.lexicon.scan(folded)
        drafts, _used = assembler.sentence(
            text, folded, hits, [f.build(text) for f in figs], [t.build(text) for t in times], state
        )
    return drafts


def quote(text: str, d: Draft) -> str:
    return text[d.start : d.end]


# ---------------------------------------------------------------------- the lexicon


def test_lexicon_longest_match_and_metric_extension(rules: RuleSet) -> None:
    hits = Lexicon(rules).scan(fold("快手电商交易总额（GMV）同比增长"))
    assert [(h.start, h.end) for h in hits if h.mask & Cue.ENTITY] == [(0, 4)]
    # 电商 went to the entity 快手电商; the metric alias is read whole anyway
    metric = [h for h in hits if h.mask & Cue.METRIC]
    assert (metric[0].start, metric[0].end, metric[0].metric) == (2, 8, "gmv")
    assert any(h.change == "yoy" for h in hits)
    assert any(h.mask & Cue.INCREASE for h in hits)


def test_lexicon_traditional_and_ascii_case(rules: RuleSet) -> None:
    lexicon = Lexicon(rules)
    hits = lexicon.scan(fold("快手營收與經營溢利，kuaishou gmv"))
    assert {h.metric for h in hits if h.metric} == {"revenue", "operating_profit", "gmv"}
    assert {h.entity for h in hits if h.entity} == {"快手"}


def leftmost_longest(words: set[str], text: str) -> list[tuple[int, int]]:
    """The reference reading: at each place the longest word starting there, else move on."""
    longest = max(map(len, words))
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        for k in range(min(longest, len(text) - i), 0, -1):
            if text[i : i + k] in words:
                out.append((i, i + k))
                i += k
                break
        else:
            i += 1
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_lexicon_matches_are_leftmost_longest(lexicon: Lexicon, data: st.DataObject) -> None:
    """Whatever the words around them, the automaton reads what the reference reading does,
    even where a longer word was begun and not finished (pyahocorasick's ``iter_long``
    dropped the shorter word after such a start)."""
    words = sorted(lexicon.words)
    # words, their heads and tails, and characters between them: overlaps of every kind
    pieces = st.one_of(
        st.sampled_from(words),
        st.sampled_from(words).map(lambda w: w[: len(w) // 2 + 1]),
        st.sampled_from(words).map(lambda w: w[len(w) // 2 :]),
        st.sampled_from(list("的，。1年 ")),
    )
    text = "".join(data.draw(st.lists(pieces, max_size=10)))
    found = [(start, end) for _, start, end in lexicon.matches(text)]
    assert found == leftmost_longest(set(words), text)
    assert all(lexicon.words[i] == text[start:end] for i, start, end in lexicon.matches(text))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_lexicon_scans_a_document_as_its_sentences_one_by_one(lexicon: Lexicon, data: st.DataObject) -> None:
    """One automaton call over a document's sentences gives each sentence the hits a scan of it
    alone gives: words, their heads and tails at either end of a sentence, metric aliases that
    extend over the word before, open names (招商银行), empty sentences and newlines inside one;
    and the article's own names (with_names: where no match overlaps, an operator's by what it
    runs, 东津港), one spelling overlapping another or itself (锦程锦程)."""
    words = sorted(lexicon.words)
    names = ["锦程地产", "东津港务集团", "锦程", "程锦", "快手"]
    pieces = st.one_of(
        st.sampled_from(words),
        st.sampled_from(words).map(lambda w: w[: len(w) // 2 + 1]),
        st.sampled_from(words).map(lambda w: w[len(w) // 2 :]),
        st.sampled_from(["快手电商", "交易总额", "招商银行", "东津港务集团", "的", "，", "1", " ", "\n"]),
        st.sampled_from([*names, "东津港", "锦程锦程", "锦"]),
    )
    sentence = st.lists(pieces, max_size=8).map("".join)
    lines = data.draw(st.lists(sentence, max_size=6))
    assert lexicon.scan_lines(lines) == [lexicon.scan(line) for line in lines]
    named = data.draw(st.lists(st.sampled_from(names), unique=True, max_size=3))
    assert lexicon.scan_lines(lines, named) == [lexicon.with_names(x, lexicon.scan(x), named) for x in lines]


def inside_body_name(heads: list[str], folded: str, end: int) -> bool:
    """The reference reading: the run of Han characters after ``end`` (at most MAX_BODY_RUN),
    walked one character at a time, holds one of ``heads``."""
    stop = min(len(folded), end + MAX_BODY_RUN)
    run = end
    while run < stop and "\u4e00" <= folded[run] <= "\u9fff":
        run += 1
    return any(folded.find(head, end, run) >= 0 for head in heads)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_lexicon_body_heads_read_as_walking_the_run(
    rules: RuleSet, lexicon: Lexicon, data: st.DataObject
) -> None:
    """One regex match finds a body's head (联盟) within the Han run after a name's suffix as the
    walk over the run does: heads at the run's limit, past it, after a non-Han character."""
    heads = [fold(h) for h in rules.entities.body_heads]
    pieces = st.one_of(
        st.sampled_from(heads), st.sampled_from(["动力", "电池产业创新", "汽车", "，", "1", "a", "盟"])
    )
    text = "".join(data.draw(st.lists(pieces, max_size=10)))
    for end in range(len(text) + 1):
        assert lexicon._inside_body_name(text, end) == inside_body_name(heads, text, end), (text, end)


def test_lexicon_word_at_the_end_after_a_longer_word_begun(lexicon: Lexicon) -> None:
    # 累计订单总量 begun and not finished where the text ends: 订单 is still read
    # (pyahocorasick's iter_long returned nothing here)
    assert [lexicon.words[i] for i, _, _ in lexicon.matches("累计订单")] == ["订单"]
    assert [lexicon.words[i] for i, _, _ in lexicon.matches("累计订单总量")] == ["累计订单总量"]


# ---------------------------------------------------------------------- corpus rows

S_000_GMV = (
    "从快手2021年第三季度财报来看，快手电商交易总额（GMV）达到1758亿元，同比增长86.1%，其中90%来自快手小店。"
)


def test_level_and_its_change_share_entity_metric_period(assembler: Assembler) -> None:
    q3 = Q("2021年第三季度", 2021, 3)
    level, change, share = assemble(
        assembler,
        (S_000_GMV, [money("1758亿元", 1.758e11), pct("86.1%", 86.1), pct("90%", 90)], [q3]),
    )
    assert (level.type, level.metric, level.entity, level.measure) == (
        ClaimType.FIGURE,
        "gmv",
        "快手",
        "电商交易总额（GMV）",
    )
    assert level.period == Span(start=D(2021, 7, 1), end=D(2021, 9, 30))
    assert (change.type, change.change, change.metric, change.value) == (ClaimType.CHANGE, "yoy", "gmv", 86.1)
    assert change.period == level.period
    # a share of GMV is not GMV
    assert (share.type, share.metric) == (ClaimType.FIGURE, None)


def test_decrease_is_negative(assembler: Assembler) -> None:
    text = "快手电商复购率同比下降3个百分点"
    (d,) = assemble(assembler, (text, [Fig("3个百分点", 3, "pp", Dimension.POINTS)], []))
    assert (d.type, d.value, d.low, d.high, d.change, d.metric) == (
        ClaimType.CHANGE,
        -3,
        -3,
        -3,
        "yoy",
        "repurchase_rate",
    )


def test_decrease_swaps_an_interval(assembler: Assembler) -> None:
    text = "实现销售额跃迁的冷启时间同比缩短了近15%"  # corpus/002
    (d,) = assemble(assembler, (text, [pct("近15%", 15, low=13.5, high=15, qualifier="近")], []))
    assert (d.value, d.low, d.high) == (-15, -15, -13.5)
    # 销售额 only modifies the head noun 冷启时间: not a sales claim
    assert d.metric is None


def test_growth_to_a_level_is_a_level(assembler: Assembler) -> None:
    text = "快手小店对电商交易总额的贡献率也从2020年第三季度的71.4%增长至2021年同期的90%。"  # corpus/001
    old, new = assemble(
        assembler,
        (
            text,
            [pct("71.4%", 71.4), pct("90%", 90)],
            [Q("2020年第三季度", 2020, 3), Q("2021年同期", 2021, 3)],
        ),
    )
    assert old.type is new.type is ClaimType.FIGURE
    assert old.metric is new.metric is None  # a percent is not GMV
    assert (old.period.start, new.period.start) == (D(2020, 7, 1), D(2021, 7, 1))  # type: ignore[union-attr]


def test_rate_noun_then_parallel_clause(assembler: Assembler) -> None:
    text = "而以增速来看,2022年第一季度,快手电商GMV增速为47.7%,第二季度则为31.5%。"  # corpus/002
    q1, q2 = assemble(
        assembler,
        (
            text,
            [pct("47.7%", 47.7), pct("31.5%", 31.5)],
            [Q("2022年第一季度", 2022, 1), Q("第二季度", 2022, 2)],
        ),
    )
    assert (q1.type, q1.metric, q1.entity) == (ClaimType.CHANGE, "gmv", "快手")
    assert (q2.type, q2.metric, q2.entity) == (ClaimType.CHANGE, "gmv", "快手")
    assert q2.period == Span(start=D(2022, 4, 1), end=D(2022, 6, 30))


def test_rate_level_after_rate_noun(assembler: Assembler) -> None:
    text = "第四季度这一增速下滑至234%。"  # corpus/004: the growth rate fell TO 234%
    (d,) = assemble(assembler, (text, [pct("234%", 234)], [Q("第四季度", 2018, 4)]))
    assert (d.type, d.value) == (ClaimType.CHANGE, 234)


def test_revised_target(assembler: Assembler) -> None:
    text = "据36氪报道,2020年年初快手制定了更高难度的增长目标,其中广告收入目标是400亿元,电商GMV目标是2000亿元,后又上调至2500亿元。"
    early = Time("2020年年初", D(2020, 1, 1), D(2020, 1, 31), Granularity.MONTH, approx=True)
    ad, first, revised = assemble(
        assembler,
        (text, [money("400亿元", 4e10), money("2000亿元", 2e11), money("2500亿元", 2.5e11)], [early]),
    )
    assert (ad.kind, ad.metric) == (ClaimKind.TARGET, "ad_revenue")
    assert (first.kind, first.metric, first.superseded) == (ClaimKind.TARGET, "gmv", True)
    assert (revised.kind, revised.metric, revised.superseded, revised.revision) == (
        ClaimKind.TARGET,
        "gmv",
        False,
        "上调至",
    )
    # a target set at the start of 2020 is the 2020 target
    assert revised.period == Span(start=D(2020, 1, 1), end=D(2020, 12, 31))


def test_target_beside_actual(assembler: Assembler) -> None:
    text = "经过第一阶段爆发增长和原始积累，快手2021年完成电商GMV达6800亿元，超过原定目标6500亿元。"  # corpus/000
    actual, target = assemble(
        assembler, (text, [money("6800亿元", 6.8e11), money("6500亿元", 6.5e11)], [Y("2021年", 2021)])
    )
    assert (actual.kind, actual.metric) == (ClaimKind.ACTUAL, "gmv")
    assert (target.kind, target.metric, target.entity) == (ClaimKind.TARGET, "gmv", "快手")
    assert target.period == actual.period


def test_as_of_a_half_year_end(assembler: Assembler) -> None:
    text = "截至2020年6月30日,快手平台的平均重复购买率达60%以上,快手电商业务GMV达到1096亿。"  # corpus/004
    as_of = Time("截至2020年6月30日", D(2020, 6, 30), D(2020, 6, 30), Granularity.DAY, anchor_kind="as_of")
    rate, gmv = assemble(
        assembler,
        (text, [pct("60%以上", 60, high=None, qualifier="以上"), bare("1096亿", 1.096e11)], [as_of]),
    )
    h1 = Span(start=D(2020, 1, 1), end=D(2020, 6, 30))
    assert (rate.metric, rate.period) == ("repurchase_rate", h1)  # an average: the half-year
    assert (gmv.metric, gmv.period, gmv.unit, gmv.dimension) == ("gmv", h1, "CNY", Dimension.MONEY)


def test_as_of_a_stock_is_the_day(assembler: Assembler) -> None:
    text = "截至2020年6月30日，快手员工总数达2万人。"
    as_of = Time("截至2020年6月30日", D(2020, 6, 30), D(2020, 6, 30), Granularity.DAY, anchor_kind="as_of")
    (d,) = assemble(assembler, (text, [Fig("2万人", 20000, "人")], [as_of]))
    assert (d.metric, d.period) == ("headcount", Span(start=D(2020, 6, 30), end=D(2020, 6, 30)))


def test_open_ended_time_gives_no_period(assembler: Assembler) -> None:
    text = "2020年起，快手电商GMV超过3000亿元。"
    since = Time("2020年起", D(2020, 1, 1), D(2020, 12, 31), Granularity.YEAR, anchor_kind="since")
    (d,) = assemble(assembler, (text, [money("超过3000亿元", 3e11, high=None, qualifier="超过")], [since]))
    assert d.period is None


def test_unresolved_relative_time_blocks_carry_over(assembler: Assembler) -> None:
    # corpus/004 without a publication date: 今年 is not resolved, so nothing is guessed
    d = assemble(
        assembler,
        ("2019年，快手电商GMV为596亿元。", [money("596亿元", 5.96e10)], [Y("2019年", 2019)]),
        ("而快手招股书显示,今年上半年快手电商GMV总额达到1096亿元。", [money("1096亿元", 1.096e11)], []),
    )
    assert d[0].period is None


def test_period_and_entity_carry_over_in_the_paragraph(assembler: Assembler) -> None:
    drafts = assemble(
        assembler,
        (
            "快手财报显示，2022年第二季度，快手电商交易总额达1912亿元。",
            [money("1912亿元", 1.912e11)],
            [Q("2022年第二季度", 2022, 2)],
        ),
        ("电商复购率达到65%。", [pct("65%", 65)], []),
    )
    (d,) = drafts
    assert (d.entity, d.metric, d.period) == (
        "快手",
        "repurchase_rate",
        Span(start=D(2022, 4, 1), end=D(2022, 6, 30)),
    )


def test_comparison_base_is_not_the_period_of_a_change(assembler: Assembler) -> None:
    drafts = assemble(
        assembler,
        (
            "快手二季度财报显示,公司包括电商业务在内的“其他服务”收入为21亿元。",
            [money("21亿元", 2.1e9)],
            [Q("二季度", 2022, 2)],
        ),
        ("而与去年同期相比,该项收入的增速为7.1%。", [pct("7.1%", 7.1)], [Q("去年同期", 2021, 2)]),
    )
    (d,) = drafts
    assert d.type is ClaimType.CHANGE
    assert d.change == "yoy"
    assert d.period == Span(start=D(2022, 4, 1), end=D(2022, 6, 30))
    # 该项收入 points back at the segment revenue named before
    assert d.metric == "other_services_revenue"


def test_segment_revenue_is_not_revenue(assembler: Assembler) -> None:
    text = "2021 年，快手电商已经有了一些成绩，比如 Q1 财报，以电商为主的其他服务板块，收入达 12 亿元，同比增长 589.1%。"
    level, change = assemble(
        assembler,
        (text, [money("12 亿元", 1.2e9), pct("589.1%", 589.1)], [Y("2021 年", 2021), Q("Q1", 2021, 1)]),
    )
    assert (level.metric, level.measure) == ("other_services_revenue", "其他服务板块收入")
    assert change.metric == "other_services_revenue"
    assert level.period == Span(start=D(2021, 1, 1), end=D(2021, 3, 31))


def test_narrowed_metric_keeps_only_the_measure(assembler: Assembler) -> None:
    text = "快手公开数据显示，2021年平台品牌自播GMV增长了1073%。"
    (d,) = assemble(assembler, (text, [pct("1073%", 1073)], [Y("2021年", 2021)]))
    assert (d.type, d.metric, d.measure) == (ClaimType.CHANGE, None, "平台品牌自播GMV")


def test_preposition_object_is_not_the_subject(assembler: Assembler) -> None:
    text = "另外，淘宝在抖音的广告投放，数额非常大，在2020年就超过了200亿元，但在快手上的投放，要少得多。"
    (d,) = assemble(
        assembler, (text, [money("超过了200亿元", 2e10, high=None, qualifier="超过")], [Y("2020年", 2020)])
    )
    assert (d.entity, d.metric) == ("淘宝", "ad_spend")


def test_subject_when_no_alias_matches(assembler: Assembler) -> None:
    text = '雅鹿于 7 月 3 日在快手开播，" 这个月差不多卖了 2000 多万 "，他介绍。'  # corpus/003
    (d,) = assemble(assembler, (text, [bare("2000 多万", 2e7, high=3e7, qualifier="多")], []))
    assert (d.entity, d.entity_from) == ("雅鹿", "subject")
    assert (d.unit, d.dimension) == ("CNY", Dimension.MONEY)  # 卖了: money


def test_money_context_makes_a_bare_figure_money(assembler: Assembler) -> None:
    text = "这是快手与京东战略合作的首次落地,最终6月16日“快手京东双百亿补贴”全天支付金额达到14.2亿。"
    day = Time("6月16日", D(2022, 6, 16), D(2022, 6, 16), Granularity.DAY)
    (d,) = assemble(assembler, (text, [bare("14.2亿", 1.42e9)], [day]))
    assert (d.unit, d.dimension, d.entity) == ("CNY", Dimension.MONEY, "快手")
    assert d.period == Span(start=D(2022, 6, 16), end=D(2022, 6, 16))


def test_coordinated_subjects_take_the_first(assembler: Assembler) -> None:
    text = "互联网观察家丁道师表示，快手和抖音2022年预计都会突破上万亿的电商交易额。"
    (d,) = assemble(
        assembler, (text, [bare("突破上万亿", 1e12, high=None, qualifier="突破")], [Y("2022年", 2022)])
    )
    assert (d.entity, d.kind, d.metric, d.unit) == ("快手", ClaimKind.FORECAST, "gmv", "CNY")


def test_duration_is_no_claim(assembler: Assembler) -> None:
    text = "破千亿GMV，淘宝用了5年，拼多多用了2年。"
    assert assemble(assembler, (text, [Fig("5年", 5, "年"), Fig("2年", 2, "年")], [])) == []


def test_anaphoric_new_users(assembler: Assembler) -> None:
    drafts = assemble(
        assembler,
        (
            "到了2019年,这一数字继续下滑,全年GMV达10066亿元,同比增速为113%。",
            [money("10066亿元", 1.0066e12), pct("113%", 113)],
            [Y("2019年", 2019)],
        ),
        ("这一年,拼多多的新增用户数为2480万,为历史增长新低。", [bare("2480万", 2.48e7)], []),
    )
    (d,) = drafts
    assert (d.entity, d.metric, d.period) == (
        "拼多多",
        "new_users",
        Span(start=D(2019, 1, 1), end=D(2019, 12, 31)),
    )


# ---------------------------------------------------------------------- events


def test_event_effective_date_wins(assembler: Assembler) -> None:
    text = "早在2020年8月，抖音就宣布10月9日起直播间将不支持第三方来源商品。"  # corpus/000
    times = [
        Time("2020年8月", D(2020, 8, 1), D(2020, 8, 31), Granularity.MONTH),
        Time("10月9日起", D(2020, 10, 9), D(2020, 10, 9), Granularity.DAY, anchor_kind="since"),
    ]
    announced, d = assemble(assembler, (text, [], times))
    assert (d.type, d.event, d.entity, d.date) == (
        ClaimType.EVENT,
        "断外链",
        "抖音",
        Span(start=D(2020, 10, 9), end=D(2020, 10, 9)),
    )
    assert quote(text, d) == "10月9日起"
    # the month dates the announcement (宣布), keyed by what it said, never the cut-off
    assert (announced.event, quote(text, announced)) == (
        "发布:10月9日起直播间将不支持第三方来源商品",
        "2020年8月",
    )


def test_event_month(assembler: Assembler) -> None:
    text = "抖音在2020年8月就已经断外链，快手虽速度慢些，但是意料之中。"  # corpus/001
    (d,) = assemble(
        assembler, (text, [], [Time("2020年8月", D(2020, 8, 1), D(2020, 8, 31), Granularity.MONTH)])
    )
    assert (d.event, d.entity, d.date) == ("断外链", "抖音", Span(start=D(2020, 8, 1), end=D(2020, 8, 31)))


def test_announcement_date_is_not_the_event(assembler: Assembler) -> None:
    text = "在此前（2月22日）的公告中，因第三方电商平台与快手合作协议变更，快手电商决定切断淘宝京东联盟商品链接。"
    drafts = assemble(
        assembler, (text, [], [Time("2月22日", D(2022, 2, 22), D(2022, 2, 22), Granularity.DAY)])
    )
    # the date is the announcement's (发布, keyed by what it said), not the cut-off's (断外链)
    assert [d.event for d in drafts] == ["发布:因第三方电商平台与快手合作协议变更,快手电商决定"]


def test_event_needs_a_day_or_month(assembler: Assembler) -> None:
    text = "从快手2021年第三季度财报来看，此次断链对快手的整体影响不大。"
    assert assemble(assembler, (text, [], [Q("2021年第三季度", 2021, 3)])) == []


def test_a_part_founded_is_not_the_company_founded(assembler: Assembler) -> None:
    # open-vocabulary verbs (成立) are events keyed by what stands between the name and the
    # verb: 快手电商部门成立 is 成立:部门, never 快手's own 成立
    text = "2019年6月，快手电商部门正式成立。"
    drafts = assemble(
        assembler, (text, [], [Time("2019年6月", D(2019, 6, 1), D(2019, 6, 30), Granularity.MONTH)])
    )
    assert [d.event for d in drafts] == ["成立:部门"]


# ---------------------------------------------------------------------- the extractor


def test_ids_are_stable_and_distinct_for_a_repeated_sentence(rules: RuleSet) -> None:
    text = "快手电商GMV达1758亿元。\n快手电商GMV达1758亿元。"
    first = Extractor(rules).text(text, doc="a.txt")
    again = Extractor(rules).text(text, doc="a.txt")
    assert [c.id for c in first] == [c.id for c in again]
    assert len({c.id for c in first}) == len(first) == 2
    assert [(c.line, c.column) for c in first] == [(1, 9), (2, 9)]
    # an edit elsewhere does not move the ids
    moved = Extractor(rules).text("前言。\n\n" + text, doc="a.txt")
    assert [c.id for c in moved] == [c.id for c in first]


def test_quote_is_sliced_from_the_text_as_written(rules: RuleSet) -> None:
    (c,) = Extractor(rules).text("快手平均日活跃用户达３．０２亿人次。")
    assert c.quote == "３．０２亿人次"
    assert c.sentence[c.offset : c.offset + len(c.quote)] == c.quote
    assert c.value == pytest.approx(3.02e8)


def test_extractor_pickles_small_and_rebuilds(rules: RuleSet) -> None:
    extractor = Extractor(rules)
    extractor.text("快手GMV达1758亿元")  # builds the passes
    blob = pickle.dumps(extractor)
    clone = pickle.loads(blob)
    assert len(blob) < len(pickle.dumps(rules)) + 200
    assert [c.value for c in clone.text("快手GMV达1758亿元")] == [1.758e11]


def test_bare_date_phrase_in_text_mode_only(rules: RuleSet) -> None:
    (c,) = Extractor(rules).text("今年第一季度", published=D(2022, 3, 1))
    assert (c.type, c.event, c.dimension, c.quote) == (ClaimType.EVENT, None, Dimension.DATE, "今年第一季度")
    assert c.date == Span(start=D(2022, 1, 1), end=D(2022, 3, 31))


def test_split_text_keeps_positions() -> None:
    sentences = split_text("第一句。第二句！\n\n  第三句")
    assert [s.text for s in sentences] == ["第一句。", "第二句！", "第三句"]
    assert [s.paragraph for s in sentences] == [0, 0, 1]
    assert [s.locate(0) for s in sentences] == [(1, 1), (1, 5), (3, 3)]


def test_a_sentence_holding_a_newline_is_folded_on_its_own(rules: RuleSet) -> None:
    # the document is folded in one call and split at its newlines; a sentence that holds a
    # newline itself (a library user's Document) must not shift the folded text of the next
    sentences = [
        Sentence(index=0, paragraph=0, text="快手营收达１００亿元\n同比增长５％。"),
        Sentence(index=1, paragraph=1, text="净利润为２０亿元。"),
    ]
    claims = Extractor(rules).document(Document(path="a.txt", sentences=sentences))
    last = claims[-1]
    assert (last.sentence_index, last.quote, last.value) == (1, "２０亿元", pytest.approx(2e9))

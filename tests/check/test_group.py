"""Grouping: which claims are about the same thing, and why. Rows are phrasings from corpus/."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from claimkit import RULES, YI, event, figure, rate, run, span, with_checks
from hypothesis import given, settings
from hypothesis import strategies as st

from kcheck.check import context as check_context
from kcheck.group import (
    campaign_periods,
    cluster_phrases,
    entity_key,
    festival_campaign,
    festival_window,
    group_claims,
    measure_key,
    normalise_phrase,
    period_label,
    scope_key,
    unnamed_owners,
)
from kcheck.models import Claim, ClaimType, Span, TopicStatus

# --------------------------------------------------------------------------- period labels


@pytest.mark.parametrize(
    ("period", "label"),
    [
        ("2021-Q3", "2021-Q3"),  # 第三季度
        ("2020-H1", "2020-H1"),  # 上半年
        ("2021-01..09", "2021-01..09"),  # 前三季度 / 1-9月
        ("2020-06-30", "2020-06-30"),  # 截至2020年6月30日
        ("2021", "2021"),  # 2021年
        ("2020-08", "2020-08"),  # 8月
    ],
)
def test_period_label(period: str, label: str) -> None:
    assert period_label(span(period)) == label


# --------------------------------------------------------------------------- grouped together


def _one_topic(claims: list[Claim]) -> None:
    topics = group_claims(claims, RULES)
    assert len(topics) == 1, [t.label for t in topics]
    assert topics[0].claims == [c.id for c in claims] or set(topics[0].claims) == {c.id for c in claims}


def test_gmv_from_two_articles_is_one_topic_with_its_reasons() -> None:
    # 000: 快手电商交易总额（GMV）达到1758亿元 ; 001: 第三季度电商交易额达1758.87亿元
    a = figure(
        "1758亿元",
        1758 * YI,
        precision=YI,
        doc="000.txt",
        line=15,
        subject="快手电商",
        measure="电商交易总额（GMV）",
        time_quote="2021年第三季度",
    )
    b = figure(
        "1758.87亿元",
        1758.87 * YI,
        precision=0.01 * YI,
        doc="001.txt",
        line=15,
        subject="快手",
        measure="电商交易额",
        time_quote="第三季度",
    )
    topics = group_claims([a, b], RULES)
    assert len(topics) == 1
    topic = topics[0]
    assert topic.label == "快手 GMV 2021-Q3"
    assert topic.status == TopicStatus.CONSISTENT
    assert topic.sources == ["000.txt", "001.txt"]
    assert (topic.key.type, topic.key.period) == (ClaimType.FIGURE, span("2021-Q3"))
    assert topic.key.model_dump() == {  # the written form: report JSON, topic ids, fingerprints
        "type": "figure",
        "entity": "快手",
        "metric": "gmv",
        "kind": "actual",
        "period": "2021-07-01..2021-09-30",
        "dimension": "money",
        "unit": "CNY",
    }
    assert topic.why[:3] == [
        "same entity 快手 (快手电商 -> 快手)",
        "same metric gmv (电商交易总额（GMV）, 电商交易额)",
        "same period 2021-07-01..2021-09-30 (2021年第三季度, 第三季度)",
    ]


@pytest.mark.parametrize(
    ("first", "second", "why"),
    [
        # no alias covers these phrasings; the measure text decides (fuzzy.metric)
        ("电商交易总额", "电商交易额", "measure text 91% similar (电商交易总额, 电商交易额)"),
        # traditional / full-width forms are the same text
        ("電商交易額", "电商交易额", "same measure text 电商交易额"),
        ("品牌自播ＧＭＶ", "品牌自播GMV", "same measure text 品牌自播GMV"),
    ],
)
def test_measure_phrases_group_without_a_metric(first: str, second: str, why: str) -> None:
    a = figure("10亿元", 10 * YI, precision=YI, doc="a.txt", metric=None, measure=first)
    b = figure("10亿元", 10 * YI, precision=YI, doc="b.txt", metric=None, measure=second)
    topics = group_claims([a, b], RULES)
    assert len(topics) == 1
    assert why in topics[0].why


def test_event_descriptions_group_by_similarity() -> None:
    # 断外链 / 切断外链 written where no event alias applied
    a = event("断外链", "2020-08", event_name=None, measure="断外链", doc="a.txt")
    b = event("切断外链", "2020-08", event_name=None, measure="切断外链", doc="b.txt")
    topics = group_claims([a, b], RULES)
    assert len(topics) == 1
    assert topics[0].label == "抖音 断外链"
    assert "measure text 86% similar (断外链, 切断外链)" in topics[0].why


def test_unknown_companies_group_by_name_similarity() -> None:
    a = figure("300万", 3e6, doc="a.txt", entity="小波私房菜", entity_from="subject", metric="users")
    b = figure("300万", 3e6, doc="b.txt", entity="小波私房菜馆", entity_from="subject", metric="users")
    c = figure("300万", 3e6, doc="c.txt", entity="小波", entity_from="subject", metric="users")
    topics = group_claims([a, b, c], RULES)
    assert sorted(len(t.claims) for t in topics) == [1, 2]
    assert any("entity names 91% similar (小波私房菜, 小波私房菜馆)" in t.why for t in topics)


# --------------------------------------------------------------------------- kept apart


def _kept_apart(a: Claim, b: Claim) -> None:
    topics = group_claims([a, b], RULES)
    assert len(topics) == 2, [t.label for t in topics]
    assert all(t.status == TopicStatus.SINGLE for t in topics)


@pytest.mark.parametrize(
    ("name", "a_fields", "b_fields"),
    [
        ("target vs actual", {"kind": "target"}, {}),
        ("target vs forecast", {"kind": "target"}, {"kind": "forecast"}),
        ("CNY vs USD", {"unit": "USD"}, {}),
        ("2021 vs 2022", {"period": "2021"}, {"period": "2022"}),
        ("Q3 vs 前三季度", {"period": "2021-Q3"}, {"period": "2021-01..09"}),
        ("H1 vs a day", {"period": "2020-H1"}, {"period": "2020-06-30"}),
        ("cumulative vs as stated", {"scope": "cumulative"}, {}),
        ("GMV vs revenue", {"metric": "revenue"}, {}),
        ("快手 vs 抖音", {"entity": "抖音"}, {}),
        ("money vs count", {"dimension": "count", "unit": "单"}, {}),
    ],
)
def test_traps_are_never_one_topic(name: str, a_fields: dict[str, str], b_fields: dict[str, str]) -> None:
    a = figure("1758亿元", 1758 * YI, precision=YI, doc="a.txt", **a_fields)
    b = figure("1758亿元", 1758 * YI, precision=YI, doc="b.txt", **b_fields)
    _kept_apart(a, b)


def test_level_and_growth_rate_are_different_topics() -> None:
    _kept_apart(
        figure("1758亿元", 1758 * YI, precision=YI, doc="a.txt"),
        rate("同比增长86.1%", 86.1, doc="b.txt"),
    )


def test_unrelated_measures_of_one_company_stay_apart() -> None:
    # 002: 快手直播收入达86亿元 ; 包括电商业务在内的“其他服务”收入为21亿元
    a = figure("86亿元", 86 * YI, precision=YI, doc="a.txt", metric=None, measure="直播收入")
    b = figure("21亿元", 21 * YI, precision=YI, doc="b.txt", metric=None, measure="其他服务收入")
    _kept_apart(a, b)


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"entity": None}, "not grouped: no entity"),
        ({"metric": None, "measure": None}, "not grouped: no metric or measure phrase"),
        ({"metric": None, "measure": "额"}, "not grouped: no metric or measure phrase"),
        ({"metric": None, "measure": "（）"}, "not grouped: no metric or measure phrase"),
    ],
)
def test_claims_without_entity_or_measure_join_nothing(fields: dict[str, str | None], reason: str) -> None:
    a = figure("10亿元", 10 * YI, precision=YI, doc="a.txt", **fields)
    b = figure("10亿元", 10 * YI, precision=YI, doc="b.txt", **fields)
    topics = group_claims([a, b], RULES)
    assert len(topics) == 2
    assert all(t.why == [reason] for t in topics)


def test_no_period_groups_but_is_never_compared() -> None:
    # 004: 快手则有超过3亿日活 (no period) twice
    a = figure("超过3亿", 3 * YI, high=None, doc="a.txt", period=None, metric="dau", dimension="count")
    b = figure("超过3亿", 3 * YI, high=None, doc="b.txt", period=None, metric="dau", dimension="count")
    topics = group_claims([a, b], RULES)
    assert len(topics) == 1
    assert topics[0].status == TopicStatus.SINGLE
    assert topics[0].label == "快手 日活 (no period)"
    assert "no period: values not compared" in topics[0].why


def test_same_sentence_repeated_in_one_document_is_single() -> None:
    # 004 carries its whole article twice
    sentence = "而快手招股书显示,今年上半年快手电商GMV总额达到1096亿元。"
    a = figure(
        "1096亿元", 1096 * YI, precision=YI, doc="004.txt", line=125, period="2020-H1", sentence=sentence
    )
    b = figure(
        "1096亿元", 1096 * YI, precision=YI, doc="004.txt", line=313, period="2020-H1", sentence=sentence
    )
    topics = group_claims([a, b], RULES)
    assert len(topics) == 1
    assert topics[0].status == TopicStatus.SINGLE
    assert topics[0].sources == ["004.txt"]


def test_grouping_hands_the_checks_each_topics_claims_without_repeats() -> None:
    # what the checks would work out again (CheckContext.topic_claims), a repeat dropped
    sentence = "而快手招股书显示,今年上半年快手电商GMV总额达到1096亿元。"
    repeated = [
        figure(
            "1096亿元", 1096 * YI, precision=YI, doc="004.txt", line=n, period="2020-H1", sentence=sentence
        )
        for n in (125, 313)
    ]
    claims = [*repeated, *_corpus()]
    unique: dict[str, list[Claim]] = {}
    topics = group_claims(claims, RULES, unique=unique)
    by_id = {c.id: c for c in claims}
    fresh = check_context(topics, by_id, RULES)
    grouped = [t for t in topics if t.key.grouped]
    assert sorted(unique) == sorted(t.id for t in grouped)
    for topic in grouped:
        assert unique[topic.id] == fresh.topic_claims(topic)
    assert [len(unique[t.id]) for t in grouped if repeated[0].id in t.claims] == [1]


def test_several_claims_from_one_document_are_single() -> None:
    a = figure("86亿元", 86 * YI, precision=YI, doc="002.txt", metric="revenue")
    b = figure("21亿元", 21 * YI, precision=YI, doc="002.txt", metric="revenue")
    topics = group_claims([a, b], RULES)
    assert [t.status for t in topics] == [TopicStatus.SINGLE]


def test_fuzzy_threshold_comes_from_rules() -> None:
    a = figure("10亿元", 10 * YI, doc="a.txt", metric=None, measure="电商交易总额")
    b = figure("10亿元", 10 * YI, doc="b.txt", metric=None, measure="电商交易额")
    strict = with_checks(fuzzy=RULES.checks.fuzzy.model_copy(update={"metric": 95}))
    assert len(group_claims([a, b], RULES)) == 1
    assert len(group_claims([a, b], strict)) == 2


# --------------------------------------------------------------------------- fuzzy clustering


@pytest.mark.parametrize(
    ("phrases", "threshold", "clusters"),
    [
        (["电商交易总额", "电商交易额"], 85, [["电商交易额", "电商交易总额"]]),
        (["直播收入", "其他服务收入"], 85, [["直播收入"], ["其他服务收入"]]),
        # complete linkage: a chain a~b~c never pulls a and c together
        (["abcdefghij", "abcdefghix", "abcdefghyx"], 90, [["abcdefghij", "abcdefghix"], ["abcdefghyx"]]),
        ([], 85, []),
        # names told apart by their numerals (国家能源局 by sector, 国家统计局's 70-city tiers)
        (["第一产业用电量", "第二产业用电量"], 80, [["第一产业用电量"], ["第二产业用电量"]]),
        (
            ["一线城市新建商品住宅销售价格", "二线城市新建商品住宅销售价格"],
            85,
            [["一线城市新建商品住宅销售价格"], ["二线城市新建商品住宅销售价格"]],
        ),
        (["地铁5号线客运量", "地铁7号线客运量"], 85, [["地铁5号线客运量"], ["地铁7号线客运量"]]),
        # ... a name with no numeral is left to the similarity
        (["5G手机出货量", "手机出货量"], 80, [["手机出货量", "5G手机出货量"]]),
    ],
)
def test_cluster_phrases(phrases: list[str], threshold: float, clusters: list[list[str]]) -> None:
    assert cluster_phrases(phrases, threshold) == clusters


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("电商交易总额（GMV）", "电商交易总额gmv"),
        ("電商交易額", "电商交易额"),
        ("ＧＭＶ", "gmv"),
        (" 交易 额 ", "交易额"),
    ],
)
def test_normalise_phrase(text: str, normalised: str) -> None:
    assert normalise_phrase(text) == normalised


# --------------------------------------------------------------------------- properties


def _corpus() -> list[Claim]:
    return [
        figure("1758亿元", 1758 * YI, precision=YI, doc="000.txt", measure="交易总额"),
        figure("1758.87亿元", 1758.87 * YI, precision=0.01 * YI, doc="001.txt", measure="电商交易额"),
        figure("1958亿元", 1958 * YI, precision=YI, doc="002.txt"),
        figure("566.51亿元", 566.51 * YI, precision=0.01 * YI, doc="001.txt", period="2021-01..09"),
        rate("同比增长86.1%", 86.1, doc="000.txt"),
        rate("同比增长约86%", 86, precision=1, doc="001.txt"),
        figure("10亿元", 10 * YI, doc="a.txt", metric=None, measure="电商交易总额"),
        figure("10亿元", 10 * YI, doc="b.txt", metric=None, measure="电商交易额"),
        figure("10亿元", 10 * YI, doc="c.txt", metric=None, measure="直播收入"),
        event("断外链", "2020-08", doc="001.txt"),
        event("不支持第三方来源商品", "2020-10-09", doc="000.txt"),
        figure("300万", 3e6, doc="a.txt", entity="小波私房菜", entity_from="subject", metric="users"),
        figure("300万", 3e6, doc="b.txt", entity="小波私房菜馆", entity_from="subject", metric="users"),
    ]


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_grouping_does_not_depend_on_input_order(rnd: random.Random) -> None:
    claims = _corpus()
    expected = {(t.id, frozenset(t.claims), t.label) for t in group_claims(claims, RULES)}
    shuffled = claims[:]
    rnd.shuffle(shuffled)
    assert {(t.id, frozenset(t.claims), t.label) for t in group_claims(shuffled, RULES)} == expected


def test_every_claim_lands_in_exactly_one_topic() -> None:
    claims = _corpus()
    ids = [i for t in group_claims(claims, RULES) for i in t.claims]
    assert sorted(ids) == sorted(c.id for c in claims)


# --------------------------------------------------------------------------- the same sentence


_SHARED = (
    "快手公开数据显示，2021年超过1000家行业风向标品牌入驻快手电商，同比增长186%，平台品牌自播GMV增长了1073%。"
)


def _from_sentence(quote: str, doc: str, sentence: str = _SHARED, **fields: object) -> Claim:
    fields = {"period": "2021", "change": "change", "metric": None, "measure": None, **fields}
    return rate(
        quote,
        float(quote.rstrip("%")),
        precision=1,
        doc=doc,
        sentence=sentence,
        offset=sentence.find(quote),
        **fields,  # type: ignore[arg-type]
    )


def test_one_sentence_in_two_documents_is_one_topic_without_a_measure() -> None:
    # 000: ...同比增长186% — no metric or measure phrase was recognised for it
    a = _from_sentence("186%", "000.txt")
    b = _from_sentence("186%", "copy.txt")
    topics = group_claims([a, b], RULES)
    assert len(topics) == 1
    assert topics[0].status == TopicStatus.CONSISTENT
    assert topics[0].label == "快手 “…驻快手电商,同比增长□,平台品牌自…” change 2021"
    assert topics[0].why[0].startswith("same sentence apart from the figure: 快手公开数据显示")


@pytest.mark.parametrize(
    ("name", "b_sentence", "b_fields"),
    [
        ("another sentence", "据统计，2021年快手电商的品牌入驻数量同比增长186%，增速居行业前列。", {}),
        ("another period", _SHARED, {"period": "2022"}),
        ("too short to say anything", "增长186%。", {}),
    ],
)
def test_sentence_route_is_strict(name: str, b_sentence: str, b_fields: dict[str, object]) -> None:
    a = _from_sentence(
        "186%", "000.txt", sentence=b_sentence if name == "too short to say anything" else _SHARED
    )
    b = _from_sentence("186%", "copy.txt", sentence=b_sentence, **b_fields)
    assert len(group_claims([a, b], RULES)) == 2


# --------------------------------------------------------------------------- cross-outlet meeting (issue 9)


def test_figures_that_name_no_one_meet_by_a_specific_measure_as_a_weak_link() -> None:
    # 10月2日，全国铁路发送旅客1173.2万人次 in two outlets: no entity, the measure says what it is
    a = figure(
        "1173.2万人次",
        11732000,
        precision=1000,
        doc="a1.md",
        entity=None,
        entity_from=None,
        metric=None,
        measure="全国铁路发送旅客",
        dimension="count",
        unit="人次",
        period="2021-10-02",
    )
    b = figure(
        "1525.2万人次",
        15252000,
        precision=1000,
        doc="a3.md",
        entity=None,
        entity_from=None,
        metric=None,
        measure="铁路发送旅客",
        dimension="count",
        unit="人次",
        period="2021-10-02",
    )
    topics = group_claims([a, b], RULES)
    assert len(topics) == 1
    assert topics[0].key.entity is None
    assert "no entity named: grouped by the measure alone, a weak link" in topics[0].why
    conflicts = run([a, b])[1]
    assert [(c.type, c.severity.value) for c in conflicts] == [("value_mismatch", "warning")]
    assert "no entity named" in conflicts[0].weak_links[0]


@pytest.mark.parametrize(
    ("measure", "metric"),
    [
        ("营业收入", "revenue"),  # a company's measure: with no one named it names nothing
        ("收入", None),  # too short to name a statistic
    ],
)
def test_unnamed_company_measures_do_not_meet(measure: str, metric: str | None) -> None:
    a = figure(
        "10亿元",
        10 * YI,
        precision=YI,
        doc="a.txt",
        entity=None,
        entity_from=None,
        metric=metric,
        measure=measure,
    )
    b = figure(
        "12亿元",
        12 * YI,
        precision=YI,
        doc="b.txt",
        entity=None,
        entity_from=None,
        metric=metric,
        measure=measure,
    )
    assert len(group_claims([a, b], RULES)) == 2


@pytest.mark.parametrize(
    ("one", "other", "meet"),
    [
        # blind set 2 (trd): a short measure that names the country as written is the country's
        ("我国出口", "全国出口", True),
        ("出口", "出口", False),  # naming no one and too short: whose exports?
    ],
)
def test_a_short_measure_of_the_country_meets(one: str, other: str, meet: bool) -> None:
    kw = {"entity": None, "entity_from": None, "metric": None, "period": "2024-10"}
    a = figure("2.15万亿元", 2.15e12, precision=1e10, doc="a.txt", measure=one, **kw)
    b = figure("2.51万亿元", 2.51e12, precision=1e10, doc="b.txt", measure=other, **kw)
    assert (len(group_claims([a, b], RULES)) == 1) is meet


@pytest.mark.parametrize(
    ("entity", "meet"),
    [
        (None, True),  # blind set 1 (batt): 5月国内动力电池装车量43.9GWh is the country's 装车量
        ("锐能电池", False),  # a company's 国内 is its home market, a part of its total
    ],
)
def test_the_country_word_of_a_figure_of_no_one_keeps_its_metric(entity: str | None, meet: bool) -> None:
    kw = {"unit": "千瓦时", "period": "2024-05", "dimension": "count"}
    frm = "rules" if entity else None
    a = figure(
        "43.9GWh",
        43.9e6,
        precision=1e5,
        doc="a.txt",
        entity=entity,
        entity_from=frm,
        metric=None,
        measure="国内动力电池装车量",
        **kw,
    )
    b = figure(
        "57.1GWh",
        57.1e6,
        precision=1e5,
        doc="b.txt",
        entity=entity,
        entity_from=frm,
        metric="battery_installations",
        measure="我国动力电池装车量",
        **kw,
    )
    assert (len(group_claims([a, b], RULES)) == 1) is meet


def test_statistics_of_the_economy_meet_without_an_entity() -> None:
    # 10月份PPI同比下降2.9% / 全国工业生产者出厂价格同比下降2.6%: metric ppi (economy: true)
    a = rate("-2.6%", -2.6, doc="cpi2.html", entity=None, entity_from=None, metric="ppi", period="2023-10")
    b = rate("-2.9%", -2.9, doc="cpi4.md", entity=None, entity_from=None, metric="ppi", period="2023-10")
    assert len(group_claims([a, b], RULES)) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("规上工业粗钢产量", "全国粗钢产量"),  # the statistics' coverage, written or left out
        ("该季度游戏业务收入", "游戏业务收入"),  # the period pointed at
        ("期內遊戲業務收入", "游戏业务收入"),  # traditional, 期内
        ("聚合MDI挂牌价上调", "聚合MDI挂牌价"),  # a change verb at the end
    ],
)
def test_keep_modifiers_are_left_out_when_measures_meet(first: str, second: str) -> None:
    a = figure("10亿元", 10 * YI, precision=YI, doc="a.txt", metric=None, measure=first)
    b = figure("12亿元", 12 * YI, precision=YI, doc="b.txt", metric=None, measure=second)
    assert len(group_claims([a, b], RULES)) == 1


def test_a_narrowing_modifier_meets_only_the_same_modifier() -> None:
    a = figure("10亿元", 10 * YI, precision=YI, doc="a.txt", metric=None, measure="海外游戏收入")
    b = figure("12亿元", 12 * YI, precision=YI, doc="b.txt", metric=None, measure="游戏业务收入")
    assert len(group_claims([a, b], RULES)) == 2


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("瑞柏医药股份有限公司", "瑞柏医药"),  # the full name and the short name
        ("瑞柏醫藥", "瑞柏医药"),  # traditional and simplified
    ],
)
def test_one_company_under_two_names_meets(first: str, second: str) -> None:
    a = figure("19.7亿元", 19.7 * YI, precision=0.1 * YI, doc="a.txt", entity=first, metric="rd_spend")
    b = figure("21.7亿元", 21.7 * YI, precision=0.1 * YI, doc="b.txt", entity=second, metric="rd_spend")
    assert len(group_claims([a, b], RULES)) == 1


def test_cumulative_over_the_year_to_date_is_the_year_to_date_figure() -> None:
    # 1-11月累计粗钢产量9.52亿吨 / 前11个月，全国粗钢产量达到10.52亿吨
    a = figure(
        "9.52亿吨",
        9.52 * YI,
        precision=0.01 * YI,
        doc="stl2.txt",
        metric=None,
        measure="粗钢产量",
        dimension="count",
        unit="吨",
        scope="cumulative",
        period="2023-01..11",
    )
    b = figure(
        "10.52亿吨",
        10.52 * YI,
        precision=0.01 * YI,
        doc="stl3.md",
        metric=None,
        measure="粗钢产量",
        dimension="count",
        unit="吨",
        period="2023-01..11",
    )
    assert len(group_claims([a, b], RULES)) == 1
    # 截至一天的累计 stays cumulative
    c = figure(
        "5亿单",
        5 * YI,
        precision=YI,
        doc="c.txt",
        metric="orders",
        dimension="count",
        unit="单",
        scope="cumulative",
        period="2020-08-31",
    )
    d = figure(
        "6亿单",
        6 * YI,
        precision=YI,
        doc="d.txt",
        metric="orders",
        dimension="count",
        unit="单",
        period="2020-08-31",
    )
    assert len(group_claims([c, d], RULES)) == 2


def test_a_figure_that_names_no_one_is_read_as_the_only_entity_its_article_names() -> None:
    # game3: 三季度游戏业务收入47.2亿元 (no subject; the article writes 趣游科技 elsewhere)
    # game4: 趣游科技游戏业务收入41.2亿元
    a = figure(
        "41.2亿元",
        41.2 * YI,
        precision=0.1 * YI,
        doc="game4.html",
        entity="趣游科技",
        metric=None,
        measure="游戏业务收入",
    )
    b = figure(
        "47.2亿元",
        47.2 * YI,
        precision=0.1 * YI,
        doc="game3.md",
        entity=None,
        entity_from=None,
        metric=None,
        measure="游戏业务收入",
        sentence="7月28日，趣游科技的手游上线。三季度游戏业务收入47.2亿元。",
    )
    topics, conflicts = run([a, b])
    assert len(topics) == 1 and topics[0].key.entity == "趣游科技"
    assert [(c.type, c.severity.value) for c in conflicts] == [("value_mismatch", "warning")]
    assert "the only candidate stating this measure" in conflicts[0].weak_links[0]


def test_a_figure_of_the_country_is_never_the_company_its_article_names() -> None:
    # stl2 (about 沧澜钢铁): 从全国来看，...1-11月累计粗钢产量9.52亿吨 is the nation's, not
    # 沧澜钢铁's 1-11月累计粗钢产量1795万吨 stated a sentence earlier
    a = figure(
        "1795万吨",
        1795e4,
        precision=1e4,
        doc="stl2.txt",
        entity="沧澜钢铁",
        metric=None,
        measure="累计粗钢产量",
        dimension="count",
        unit="吨",
    )
    b = figure(
        "9.52亿吨",
        9.52 * YI,
        precision=0.01 * YI,
        doc="stl2.txt",
        entity=None,
        entity_from=None,
        metric=None,
        measure="全国粗钢产量",
        dimension="count",
        unit="吨",
        sentence="从全国来看，沧澜钢铁所在的行业1-11月全国粗钢产量9.52亿吨。",
    )
    topics = group_claims([a, b], RULES)
    assert sorted(t.key.entity or "" for t in topics) == ["", "沧澜钢铁"]


def test_a_figure_of_no_one_is_the_countrys_where_its_article_gives_the_countrys() -> None:
    # batt1 (the battery alliance's release): its title's 5月动力电池装车量43.9GWh names no one,
    # and its body's 5月，我国动力电池装车量43.9GWh is the country's; 锐能电池, which the article
    # also names, states the measure elsewhere: the title's figure is not lent to it
    kw = {"metric": "battery_installations", "period": "2024-05", "dimension": "count", "unit": "GWh"}
    a = figure("5.62GWh", 5.62, precision=0.01, doc="batt3.html", entity="锐能电池", measure="装车量", **kw)
    body = figure(
        "43.9GWh",
        43.9,
        precision=0.1,
        doc="batt1.html",
        entity=None,
        entity_from=None,
        measure="我国动力电池装车量",
        sentence="5月，我国动力电池装车量43.9GWh，锐能电池位居第三。",
        **kw,
    )
    title = figure(
        "43.9GWh",
        43.9,
        precision=0.1,
        doc="batt1.html",
        entity=None,
        entity_from=None,
        measure="动力电池装车量",
        sentence="动力电池联盟：5月动力电池装车量43.9GWh",
        **kw,
    )
    assert unnamed_owners([a, body, title], RULES) == {}


def test_a_figure_of_no_one_in_a_markets_sentence_is_the_markets() -> None:
    # film2 (a wire on the season): 2024年春节档…总票房突破80亿元，观影人次超过1.6亿 is the season's
    # admissions (entities.market_words); the article also names 北辰影业, whose film's admissions
    # another outlet gives: the season's figure is not lent to the studio
    kw = {"metric": None, "measure": "观影人次", "period": "2024-02", "dimension": "count", "unit": "人次"}
    studio = figure("3862万", 3862e4, precision=1e4, doc="film4.txt", entity="北辰影业", **kw)
    season = figure(
        "超过1.6亿",
        1.6 * YI,
        precision=0.1 * YI,
        doc="film2.html",
        entity=None,
        entity_from=None,
        sentence="2024年春节档（2月10日至17日）总票房突破80亿元，观影人次超过1.6亿。北辰影业出品的《雪原追踪》位列第二。",
        **kw,
    )
    season = season.model_copy(update={"offset": season.sentence.index("超过1.6亿")})
    assert unnamed_owners([studio, season], RULES) == {}
    # the same sentence without the season's words lends it (the weak link stays available)
    plain = season.model_copy(
        update={"sentence": "观影人次超过1.6亿。北辰影业出品的《雪原追踪》位列第二。", "offset": 4}
    )
    assert unnamed_owners([studio, plain], RULES) == {plain.id: "北辰影业"}


@pytest.mark.parametrize(
    ("one", "other", "meet"),
    [
        # ret3: 前10个月全省社会消费品零售总额38652.4亿元 is the province's (entities.region_words)
        ("全省社会消费品零售总额", "社会消费品零售总额", False),
        ("全省社会消费品零售总额", "全市社会消费品零售总额", False),
        ("全省社会消费品零售总额", "全省社会消费品零售总额", True),
        # fund2 vs fund3: 全市场 (national_words) begins like 全市 and is the whole market's, no region
        ("全市场公募基金资产净值合计", "公募基金资产净值合计", True),
        ("全市场公募基金资产净值合计", "全市公募基金资产净值合计", False),
        # fisc3: a province named alone before its figure (entities.provinces) and the central
        # government's part of the budget (中央) are regions too
        ("浙江一般公共预算收入", "全国一般公共预算收入", False),
        ("浙江一般公共预算收入", "一般公共预算收入", False),
        ("浙江一般公共预算收入", "浙江一般公共预算收入", True),
        ("中央一般公共预算收入", "全国一般公共预算收入", False),
        ("全省税收收入", "全国税收收入", False),
    ],
)
def test_a_regions_figure_never_meets_the_countrys(one: str, other: str, meet: bool) -> None:
    kw = {"entity": None, "entity_from": None, "metric": None, "period": "2024-10"}
    a = figure("38652.4亿元", 38652.4 * YI, precision=0.1 * YI, doc="a.txt", measure=one, **kw)
    b = figure("398953亿元", 398953 * YI, precision=YI, doc="b.txt", measure=other, **kw)
    assert (len(group_claims([a, b], RULES)) == 1) is meet


def test_an_omitted_subject_is_never_an_entity_its_article_does_not_name() -> None:
    # 对于四季度，管理层给出的指引是，总收入同比增长8%至12% (a game company) is not 瑞柏医药's
    a = rate("16.8%", 16.8, doc="phar3.txt", entity="瑞柏医药", metric="revenue", period="2023-Q4")
    b = rate(
        "10%",
        10,
        doc="game3.md",
        entity=None,
        entity_from=None,
        metric="revenue",
        period="2023-Q4",
        sentence="对于四季度，管理层给出的指引是，总收入同比增长10%。",
    )
    assert len(group_claims([a, b], RULES)) == 2


def test_an_omitted_subject_takes_the_candidate_its_article_names() -> None:
    # 矽川半导体 and 海悦文旅 both state H1 net profit; an article about 矽川半导体 names only it
    a = figure(
        "5.12亿元",
        5.12 * YI,
        precision=0.01 * YI,
        doc="semi2.html",
        entity="矽川半导体",
        metric="net_profit",
        period="2023-H1",
    )
    b = figure(
        "2.03亿元",
        2.03 * YI,
        precision=0.01 * YI,
        doc="tour4.md",
        entity="海悦文旅",
        metric="net_profit",
        period="2023-H1",
    )
    c = figure(
        "6.12亿元",
        6.12 * YI,
        precision=0.01 * YI,
        doc="semi3.txt",
        entity=None,
        entity_from=None,
        metric="net_profit",
        period="2023-H1",
        sentence="矽川半导体上半年归属于上市公司股东的净利润6.12亿元。",
    )
    topics = group_claims([a, b, c], RULES)
    assert sorted(t.key.entity or "" for t in topics) == ["海悦文旅", "矽川半导体"]


def test_an_omitted_subject_with_two_candidates_stays_unnamed() -> None:
    a = figure(
        "10亿元", 10 * YI, precision=YI, doc="a.txt", entity="甲公司", metric=None, measure="游戏业务收入"
    )
    b = figure(
        "11亿元", 11 * YI, precision=YI, doc="b.txt", entity="乙公司", metric=None, measure="游戏业务收入"
    )
    c = figure(
        "12亿元",
        12 * YI,
        precision=YI,
        doc="c.txt",
        entity=None,
        entity_from=None,
        metric=None,
        measure="游戏业务收入",
        sentence="甲公司和乙公司。游戏业务收入12亿元。",
    )
    topics = group_claims([a, b, c], RULES)
    assert sorted(t.key.entity or "" for t in topics) == ["", "乙公司", "甲公司"]


def test_devices_counted_in_either_counter_meet() -> None:
    # blind set 4 (phone1 / phone3): 海外市场出货量612万台 / 海外市場出貨量612萬部 (units.conversions 部 -> 台)
    kw = {
        "entity": "星耀科技",
        "metric": None,
        "measure": "海外市场出货量",
        "dimension": "count",
        "period": "2025-Q3",
    }
    a = figure("612万台", 6.12e6, precision=1e4, doc="phone1.html", unit="台", **kw)
    b = figure("796萬部", 7.96e6, precision=1e4, doc="phone3.txt", unit="部", **kw)
    topics, conflicts = run([a, b])
    assert len(topics) == 1 and topics[0].key.unit == "台"
    assert [c.type for c in conflicts] == ["value_mismatch"]


@pytest.mark.parametrize(
    ("quote", "value", "unit", "precision", "errors"),
    [
        ("10562.7亿斤", 1056270000000, "斤", 10000000, []),  # = 52813.5万吨: agree
        ("11562.7亿斤", 1156270000000, "斤", 10000000, [("value_mismatch", "warning")]),  # the plant
    ],
)
def test_one_quantity_in_two_units_meets(
    quote: str, value: float, unit: str, precision: float, errors: list[tuple[str, str]]
) -> None:
    # 秋粮产量52813.5万吨 (国家统计局) / 秋粮产量10562.7亿斤 (an outlet): units.conversions 斤 -> 吨
    a = figure(
        "52813.5万吨",
        528135000,
        precision=1000,
        doc="agri1.txt",
        entity=None,
        entity_from=None,
        metric=None,
        measure="秋粮产量",
        dimension="count",
        unit="吨",
        period="2023",
    )
    b = figure(
        quote,
        value,
        precision=precision,
        doc="agri2.html",
        entity=None,
        entity_from=None,
        metric=None,
        measure="秋粮产量",
        dimension="count",
        unit=unit,
        period="2023",
    )
    topics, conflicts = run([a, b])
    assert len(topics) == 1 and topics[0].key.unit == "吨"
    assert [(c.type, c.severity.value) for c in conflicts] == errors


@pytest.mark.parametrize(
    ("quote", "value", "errors"),
    [("1,426萬部", 1426e4, []), ("1,526萬部", 1526e4, [("value_mismatch", "error")])],
)
def test_a_phone_counted_in_bu_or_tai_meets(quote: str, value: float, errors: list[tuple[str, str]]) -> None:
    # 智能手机出货量1426万台 (财联社) / 智能手機出貨量1,426萬部 (a Hong Kong paper): units.conversions 部 -> 台
    def shipped(quote: str, value: float, unit: str, doc: str) -> Claim:
        return figure(
            quote, value, precision=1e4, doc=doc, entity="星耀科技", metric=None, measure="智能手机出货量",
            dimension="count", unit=unit, period="2025-Q3",
        )  # fmt: skip

    topics, conflicts = run(
        [shipped("1426万台", 1426e4, "台", "phone1.html"), shipped(quote, value, "部", "phone3.txt")]
    )
    assert len(topics) == 1 and topics[0].key.unit == "台"
    assert [(c.type, c.severity.value) for c in conflicts] == errors


# issue 9: one measure as two outlets write it meets itself (phrases of the dev corpus)
@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("新业务价值（NBV）", "新业务价值"),  # a bracketed abbreviation is a gloss
        ("平均日活跃用户(含应用及小程序)", "平均日活跃用户"),  # a bracketed note never narrows
        ("我国累计出口钢材", "我国出口钢材"),  # the scope (累计) is a part of the key of its own
        ("累计合约销售金额", "合约销售金额"),
        ("公司原保险保费收入", "原保险保费收入"),
        # the verb before the measure, written or left out (blind set 2: exp3 / exp2)
        ("公司完成快递业务量", "快递业务量"),
        ("累计实现合约销售额", "合约销售额"),  # a verb before the head (实现, 完成) is no narrowing
        ("单季完成集装箱吞吐量", "集装箱吞吐量"),  # nor a word naming one period of a total
        ("归属于本行股东的净利润", "归属于上市公司股东的净利润"),  # a bank says 本行 (bank1)
        ("累计完成集装箱吞吐量", "集装箱吞吐量"),
        # a target's word (计划) is carried by the key's kind (dev corpus prop3 / prop4)
        ("计划交付", "交付"),
        ("预计发送旅客", "发送旅客"),
        # a statistic's full name meets the press's short name (metrics.measure_forms; dev house1 / house2)
        ("一线城市新建商品住宅销售价格", "一线城市新房价格"),
        ("二手住宅销售价格", "二手房价格"),
        ("一線城市新建商品住宅銷售價格", "一线城市新房价格"),  # traditional script folds first
        ("关闭门店", "闭店"),  # blind set 4 (tea1 / tea2): the retail press's short form
        ("新开门店", "开店"),  # blind set 4 (tea2 / tea3)
        # the fund's full name meets the press's short one (blind set 5: med2 / med3)
        ("全国基本医疗保险统筹基金总支出", "统筹基金总支出"),
        ("医保统筹基金收入", "统筹基金收入"),
        # an app's users under its company, with or without 数 and a gloss (blind set 6: ai1 / ai2)
        ("深言助手App月活跃用户数（MAU）", "旗下深言助手App月活跃用户"),
        ("日活跃用户数", "日活跃用户"),
        ("广义货币（M2）余额", "M2余额"),  # the money supply by name or letter (blind set 6: mon1 / mon2)
        ("廣義貨幣（M2）餘額", "M2余额"),
        # industrial enterprises' 利润总额 is what the press calls their 利润 (blind set 5: indp2 / indp3)
        ("规模以上工业企业实现利润总额", "全国规上工业企业利润"),
    ],
)
def test_one_measure_meets_itself(one: str, other: str) -> None:
    assert measure_key(one, RULES) == measure_key(other, RULES)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("海外游戏收入", "游戏收入"),  # a narrowing word stays
        ("(NBV)", "新业务价值"),  # nothing but a gloss: kept, never emptied
        # a measure form keeps the words around it: tiers, cities and 新房 / 二手房 stay apart
        ("二线城市新建商品住宅销售价格", "一线城市新房价格"),
        ("江澜市新建商品住宅销售价格", "一线城市新房价格"),
        ("一线城市二手住宅销售价格", "一线城市新房价格"),
        ("职工基本医疗保险统筹基金总支出", "统筹基金总支出"),  # a part of the fund stays a part
        ("居民医保统筹基金总支出", "职工医保统筹基金总支出"),
        ("月活跃用户", "日活跃用户"),  # monthly and daily active users stay apart
        ("M2余额", "M1余额"),
        ("深言学伴月活跃用户", "深言助手App月活跃用户数"),  # two apps' users stay apart
        # a company's total profit (before tax) is neither its 利润 nor its 净利润
        ("公司实现利润总额", "公司利润"),
        ("利润总额", "净利润"),
    ],
)
def test_different_measures_stay_apart(one: str, other: str) -> None:
    assert measure_key(one, RULES) != measure_key(other, RULES)
    assert measure_key(one, RULES)


_HEADS = st.text(alphabet="收入利润产量价格销售额粗钢游戏业务旅客", min_size=2, max_size=8)


@settings(max_examples=200, deadline=None)
@given(head=_HEADS, modifier=st.sampled_from(sorted(RULES.metrics.keep_modifiers)))
def test_a_keep_modifier_never_changes_what_a_measure_meets(head: str, modifier: str) -> None:
    assert measure_key(modifier + head, RULES) == measure_key(head, RULES)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        # an operator meets what it runs (entities.operator_forms): dev corpus port1 / port2
        ("东津港务集团", "东津港"),
        ("東津港務集團", "东津港"),
        ("东津港", "东津港"),
        ("首都机场集团", "首都机场"),
        ("港务集团", "港务集团"),  # the form alone names nothing it runs
    ],
)
def test_an_operator_meets_what_it_runs(name: str, key: str) -> None:
    assert entity_key(name, RULES) == key


@settings(max_examples=200, deadline=None)
@given(
    name=st.text(alphabet="瑞柏医药華信保險锦程地产", min_size=2, max_size=6),
    suffix=st.sampled_from(["", *RULES.entities.legal_suffixes]),
)
def test_a_name_meets_itself_with_its_legal_form_and_in_either_script(name: str, suffix: str) -> None:
    key = entity_key(name, RULES)
    assert entity_key(name + suffix, RULES) == key
    assert entity_key(key, RULES) == key


def test_an_inferred_period_makes_a_mismatch_at_most_a_warning() -> None:
    # 2023年全国粮食总产量14036.5亿斤。<p>分季节看，秋粮产量10562.7亿斤 (the period is the article's)
    # vs 作为全年粮食生产“大头”的秋粮产量为11562.7亿斤 (its own 全年)
    a = figure(
        "10562.7亿斤",
        10562.7 * YI,
        precision=0.1 * YI,
        doc="agri2.html",
        period="2021",
        time_quote="2021年",
        period_from="inferred",
    )
    b = figure(
        "11562.7亿斤", 11562.7 * YI, precision=0.1 * YI, doc="agri3.html", period="2021", time_quote="全年"
    )
    _, conflicts = run([a, b])
    assert [(c.type, c.severity.value) for c in conflicts] == [("value_mismatch", "warning")]
    assert any("period 2021 inferred from the article's earlier 2021年" in w for w in conflicts[0].weak_links)
    # read from explicit words on both sides: an error
    c = a.model_copy(update={"period_from": None})
    assert [(x.type, x.severity.value) for x in run([c, b])[1]] == [("value_mismatch", "error")]


def _margin(entity: str, entity_from: str | None, measure: str, metric: str | None, doc: str) -> Claim:
    return figure(
        "24.6%",
        24.6,
        precision=0.1,
        doc=doc,
        entity=entity,
        entity_from=entity_from,
        metric=metric,
        measure=measure,
        dimension="percent",
        unit="%",
        period="2023-H1",
    )


def test_a_subject_read_as_written_meets_the_entity_another_claim_names() -> None:
    # semi3 (a weekly roundup, no stock code): 上半年矽川半导体的毛利率为24.6%; semi1 (about
    # 矽川半导体): 上半年公司综合毛利率为24.6%: one figure, met as a weak link (at most a warning)
    a = _margin("矽川半导体", "document", "公司综合毛利率", "gross_margin", "semi1.html")
    b = _margin("矽川半导体", "subject", "矽川半导体的毛利率", None, "semi3.txt")
    b = b.model_copy(update={"value": 32.0, "low": 31.95, "high": 32.05})
    topics, conflicts = run([a, b])
    assert len(topics) == 1 and topics[0].key.metric == "gross_margin"
    assert [(c.type, c.severity.value) for c in conflicts] == [("value_mismatch", "warning")]
    assert any("read from a clause's subject" in w for w in conflicts[0].weak_links)


@pytest.mark.parametrize(
    ("entity", "measure"),
    [
        ("品牌商品", "品牌商品的毛利率"),  # a modifier read as a subject: no entity names it
        ("矽川半导", "矽川半导的毛利率"),  # a name that is not the other's
        ("矽川半导体", "矽川半导体综合毛利率"),  # no 的: the words stay (企业中长期贷款)
    ],
)
def test_a_subject_read_as_written_meets_only_a_name_the_corpus_gives(entity: str, measure: str) -> None:
    a = _margin("矽川半导体", "document", "公司综合毛利率", "gross_margin", "semi1.html")
    b = _margin(entity, "subject", measure, None, "semi3.txt")
    assert len(group_claims([a, b], RULES)) == 2


def test_an_event_told_of_an_operator_and_of_what_it_runs_is_one_event() -> None:
    # blind set 1, port: 东津港务集团 (港航周刊) and 东津港 (港口经济网) open one terminal
    a = event(
        "9月26日",
        "2023-09-26",
        event_name="投产",
        measure="三期自动化集装箱码头",
        entity="东津港务集团",
        doc="a.txt",
    )
    b = event(
        "9月16日",
        "2023-09-16",
        event_name="投产",
        measure="三期自动化集装箱码头",
        entity="东津港",
        doc="b.txt",
    )
    c = event(
        "9月20日",
        "2023-09-20",
        event_name="投产",
        measure="三期自动化集装箱码头",
        entity="南江港",
        doc="c.txt",
    )
    topics = group_claims([a, b, c], RULES)
    assert sorted(len(t.claims) for t in topics) == [1, 2]  # another port's terminal stays apart


def test_one_subject_told_of_two_companies_is_two_topics_with_two_ids(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """One subject's event told of two named companies is two things (group._by_company):
    their keys differ by the company (``owner``), so their ids do too; the dev corpus once
    made one id twice this way (东津港务集团 / 东津港, before an operator met what it runs)."""
    from kcheck import pipeline
    from kcheck.settings import Settings

    told = [("a", "宁德时代", 26), ("b", "比亚迪", 16), ("c", "比亚迪", 16)]
    for name, company, day in told:
        (tmp_path / f"{name}.md").write_text(
            f"---\ntitle: 码头{name}\ndate: 2024-10-01\n---\n\n9月{day}日，{company}三期自动化集装箱码头正式投产。\n",
            encoding="utf-8",
        )
    report = pipeline.run(Settings(paths=(str(tmp_path),), jobs=1), RULES)
    topics = [t for t in report.topics if t.key.event == "投产"]
    assert sorted((t.key.owner, len(t.claims)) for t in topics) == [("宁德时代", 1), ("比亚迪", 2)]
    assert len({t.id for t in report.topics}) == len(report.topics)
    assert not report.conflicts  # two companies' terminals: no date disagreement


# --------------------------------------------------------------------------- festival campaigns
# appl1 (财联社): 2026年双11期间（10月20日至11月11日），公司全渠道累计销售额186.3亿元
# appl3 (证券日讯): 双11期间公司全渠道销售额达168.3亿元 (the default window 11-01..11-11)

_CAMPAIGN = "美凌电器今日披露，2026年双11期间（10月20日至11月11日），公司全渠道累计销售额186.3亿元。"
_WINDOW = "美凌电器披露，双11期间公司全渠道销售额达168.3亿元。"


def _sales(
    quote: str,
    value: float,
    doc: str,
    sentence: str,
    start: str,
    end: str,
    time_quote: str,
    **fields: object,
) -> Claim:
    fields.setdefault("entity", "美凌电器")
    fields.setdefault("entity_from", "document")
    fields.setdefault("measure", "公司全渠道销售额")
    claim = figure(
        quote,
        value * YI,
        precision=0.1 * YI,
        doc=doc,
        period=None,
        metric=None,
        subject="公司",
        sentence=sentence,
        time_quote=time_quote,
        **fields,
    )
    return claim.model_copy(
        update={"period": Span(start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end))}
    )


def _campaign(**fields: object) -> Claim:
    args: dict[str, object] = {
        "sentence": _CAMPAIGN,
        "start": "2026-10-20",
        "end": "2026-11-11",
        "time_quote": "10月20日至11月11日",
        "scope": "cumulative",
        "measure": "公司全渠道累计销售额",
    }
    args.update(fields)
    return _sales("186.3亿元", 186.3, "appl1.html", **args)  # type: ignore[arg-type]


def _window(**fields: object) -> Claim:
    args: dict[str, object] = {
        "sentence": _WINDOW,
        "start": "2026-11-01",
        "end": "2026-11-11",
        "time_quote": "双11期间",
    }
    args.update(fields)
    return _sales("168.3亿元", 168.3, "appl3.md", **args)  # type: ignore[arg-type]


def test_an_undated_festival_window_takes_its_owners_campaign_span_as_a_weak_link() -> None:
    campaign, window = _campaign(), _window()
    assert festival_campaign(campaign, RULES) is not None and festival_window(window, RULES) is not None
    # 累计 from the campaign's first day is the campaign's total
    assert scope_key(campaign, RULES) is None and scope_key(campaign) == "cumulative"
    dated = campaign_periods([campaign, window], RULES)
    assert set(dated) == {window.id}
    assert dated[window.id].period == campaign.period and dated[window.id].period_from == "campaign"
    topics, conflicts = run([campaign, window])
    assert len(topics) == 1
    assert [(c.type, c.severity.value) for c in conflicts] == [("value_mismatch", "warning")]
    assert "campaign span the corpus states for 美凌电器" in conflicts[0].message


@pytest.mark.parametrize(
    ("name", "campaign_fields", "window_fields"),
    [
        ("another owner's campaign", {"entity": "格瑞电器"}, {}),
        ("another year's campaign", {}, {"start": "2025-11-01", "end": "2025-11-11"}),
        # 双11期间 read as a day or a span of its own is not the default window
        ("a window that is not the default", {}, {"start": "2026-11-11", "end": "2026-11-11"}),
        ("a subject read as written", {}, {"entity_from": "subject"}),
        # the span is not stated as the festival's: no 双11期间（…） before it
        (
            "a span the sentence does not give as the festival's",
            {"sentence": "美凌电器今日披露，10月20日至11月11日，公司全渠道累计销售额186.3亿元。"},
            {},
        ),
        # a campaign runs to the festival's day
        (
            "a span that does not end on the festival's day",
            {
                "sentence": "美凌电器今日披露，2026年双11期间（10月20日至11月12日），公司全渠道累计销售额186.3亿元。",
                "time_quote": "10月20日至11月12日",
                "end": "2026-11-12",
            },
            {},
        ),
    ],
)
def test_a_festival_window_keeps_its_default_span(
    name: str, campaign_fields: dict[str, object], window_fields: dict[str, object]
) -> None:
    campaign = _campaign(**campaign_fields)
    if "11月12日" in str(campaign_fields.get("time_quote", "")):
        campaign = campaign.model_copy(
            update={"period": Span(start=dt.date(2026, 10, 20), end=dt.date(2026, 11, 12))}
        )
    window = _window(**window_fields)
    assert campaign_periods([campaign, window], RULES) == {}, name
    assert len(group_claims([campaign, window], RULES)) == 2, name


def test_two_campaign_spans_for_one_owner_date_no_window() -> None:
    first = _campaign()
    other = _campaign(
        sentence="美凌电器披露，2026年双11期间（10月25日至11月11日），公司全渠道累计销售额186.3亿元。",
        time_quote="10月25日至11月11日",
        start="2026-10-25",
    )
    assert campaign_periods([first, other, _window()], RULES) == {}


def test_the_festivals_other_name_meets_its_campaign() -> None:
    # 双十一期间 and 双11期间 are one festival's (time.festivals: the same day and window)
    window = _window(
        sentence="美凌电器披露，双十一期间公司全渠道销售额达168.3亿元。", time_quote="双十一期间"
    )
    assert set(campaign_periods([_campaign(), window], RULES)) == {window.id}

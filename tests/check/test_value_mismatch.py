"""value_mismatch: figures of one topic that cannot both be true. Rows from corpus/ phrasings."""

from __future__ import annotations

import pytest
from claimkit import RULES, YI, figure, findings, rate, run, with_checks

from kcheck.models import Claim, TopicStatus

# --------------------------------------------------------------------------- agreement


@pytest.mark.parametrize(
    ("name", "a", "b"),
    [
        (
            "1758亿 vs 1758.87亿 (precision)",
            figure("1758亿元", 1758 * YI, precision=YI, doc="000.txt"),
            figure("1758.87亿元", 1758.87 * YI, precision=0.01 * YI, doc="001.txt"),
        ),
        (
            "约86% vs 86.1% (qualifier)",
            rate("同比增长约86%", 86, low=86 * 0.95, high=86 * 1.05, doc="001.txt"),
            rate("同比增长86.1%", 86.1, doc="000.txt"),
        ),
        (
            "突破3亿 vs 3.02亿 (one-sided bound)",
            figure("突破3亿", 3 * YI, high=None, low=3 * YI, doc="001.txt", metric="dau", dimension="count"),
            figure(
                "3.02亿人次", 3.02 * YI, precision=0.01 * YI, doc="004.txt", metric="dau", dimension="count"
            ),
        ),
        (
            "超过200亿 vs 250亿",
            figure("超过200亿元", 200 * YI, low=200 * YI, high=None, doc="a.txt", period="2020"),
            figure("250亿元", 250 * YI, precision=10 * YI, doc="b.txt", period="2020"),
        ),
        (
            "近15% vs 14%",
            rate("近15%", 15, low=13.5, high=15, doc="a.txt"),
            rate("14%", 14, precision=1, doc="b.txt"),
        ),
    ],
)
def test_agreeing_values_are_consistent(name: str, a: Claim, b: Claim) -> None:
    topics, conflicts = run([a, b])
    assert conflicts == []
    assert [t.status for t in topics] == [TopicStatus.CONSISTENT]


# --------------------------------------------------------------------------- traps


def _pair(a_fields: dict[str, object], b_fields: dict[str, object]) -> list[Claim]:
    return [
        figure("1758亿元", 1758 * YI, precision=YI, **{"doc": "a.txt", **a_fields}),  # type: ignore[arg-type]
        figure("2500亿元", 2500 * YI, precision=YI, **{"doc": "b.txt", **b_fields}),  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize(
    ("name", "a_fields", "b_fields"),
    [
        ("target vs actual", {"kind": "target"}, {}),
        ("CNY vs USD", {"unit": "USD"}, {}),
        ("2021 vs 2022", {"period": "2021"}, {"period": "2022"}),
        ("Q3 vs 前三季度", {"period": "2021-Q3"}, {"period": "2021-01..09"}),
        ("cumulative vs monthly", {"scope": "cumulative", "period": "2020-08"}, {"period": "2020-08"}),
        ("no period on either side", {"period": None}, {"period": None}),
        ("same document", {}, {"doc": "a.txt"}),
    ],
)
def test_traps_never_fire(name: str, a_fields: dict[str, object], b_fields: dict[str, object]) -> None:
    assert "value_mismatch" not in [t for t, _ in findings(_pair(a_fields, b_fields))]


def test_revised_target_in_one_sentence_is_not_a_contradiction() -> None:
    # 004: 电商GMV目标是2000亿元,后又上调至2500亿元
    sentence = "其中广告收入目标是400亿元,电商GMV目标是2000亿元,后又上调至2500亿元。"
    old = figure(
        "2000亿元", 2000 * YI, precision=YI, doc="004.txt", kind="target", period="2020", sentence=sentence
    )
    new = figure(
        "2500亿元",
        2500 * YI,
        precision=YI,
        doc="004.txt",
        kind="target",
        period="2020",
        sentence=sentence,
        revision="上调至",  # as the extractor marks it
        revision_at=sentence.find("调至"),
    )
    other_new = figure("2500亿元", 2500 * YI, precision=YI, doc="x.txt", kind="target", period="2020")
    other_old = figure("2000亿元", 2000 * YI, precision=YI, doc="y.txt", kind="target", period="2020")
    assert findings([old, new, other_new]) == []
    # the original target is still something 004 states: an article quoting it is not wrong
    assert findings([old, new, other_old]) == []


def test_superseded_flag_from_the_extractor_is_respected() -> None:
    old = figure("2000亿元", 2000 * YI, precision=YI, doc="a.txt", kind="target", period="2020")
    other = figure("2500亿元", 2500 * YI, precision=YI, doc="b.txt", kind="target", period="2020")
    assert findings([old, other]) == [("value_mismatch", "error")]
    if "superseded" not in type(old).model_fields:
        pytest.skip("the extractor does not mark superseded claims yet")
    old = old.model_copy(update={"superseded": True})
    assert findings([old, other]) == []


def test_same_sentence_repeated_is_counted_once() -> None:
    s = "今年上半年快手电商GMV总额达到1096亿元。"
    a1 = figure("1096亿元", 1096 * YI, precision=YI, doc="004.txt", line=125, period="2020-H1", sentence=s)
    a2 = figure("1096亿元", 1096 * YI, precision=YI, doc="004.txt", line=313, period="2020-H1", sentence=s)
    b = figure("1296亿元", 1296 * YI, precision=YI, doc="x.txt", period="2020-H1")
    _topics, conflicts = run([a1, a2, b])
    assert len(conflicts) == 1
    assert [c.id for c in conflicts[0].claims] == [a1.id, b.id]


def test_values_one_document_states_side_by_side_are_not_held_against_each_other() -> None:
    # 002 gives revenue 86亿 (直播收入) and 21亿 (其他服务收入) for one quarter
    a86 = figure("86亿元", 86 * YI, precision=YI, doc="002.txt", metric="revenue")
    a21 = figure("21亿元", 21 * YI, precision=YI, doc="002.txt", metric="revenue")
    b86 = figure("86亿元", 86 * YI, precision=YI, doc="copy.txt", metric="revenue")
    assert findings([a86, a21, b86]) == []
    # ... but a copy that changes one of them contradicts the original
    b25 = figure("25亿元", 25 * YI, precision=YI, doc="copy.txt", metric="revenue")
    _topics, conflicts = run([a86, a21, b86, b25])
    assert len(conflicts) == 1
    assert {c.id for c in conflicts[0].claims} == {a21.id, b25.id}


# --------------------------------------------------------------------------- findings


@pytest.mark.parametrize(
    ("a", "b", "severity", "gap"),
    [
        # 1958 vs 1758: a material error
        ("1758亿元", "1958亿元", "error", 0.1021),
        # 1758 vs 1800: 2.3% apart, below warning_gap: a rounding slip or typo
        ("1758亿元", "1800亿元", "warning", 0.0233),
    ],
)
def test_severity_follows_the_gap(a: str, b: str, severity: str, gap: float) -> None:
    va, vb = float(a.removesuffix("亿元")), float(b.removesuffix("亿元"))
    ca = figure(a, va * YI, low=va * YI, high=va * YI, doc="000.txt", line=15)
    cb = figure(b, vb * YI, low=vb * YI, high=vb * YI, doc="x.txt", line=3)
    topics, conflicts = run([ca, cb])
    assert [(c.type, c.severity.value) for c in conflicts] == [("value_mismatch", severity)]
    conflict = conflicts[0]
    assert conflict.gap == pytest.approx(gap, abs=1e-4)
    assert conflict.topic == "快手 GMV 2021-Q3"
    assert conflict.topic_id == topics[0].id
    assert conflict.message == f"快手 GMV 2021-Q3: {a} (000.txt:15) vs {b} (x.txt:3), gap {gap:.1%}"
    assert topics[0].status == TopicStatus.CONFLICT


def test_one_finding_per_topic_lists_agreeing_groups() -> None:
    a = figure("1758亿元", 1758 * YI, precision=YI, doc="000.txt", line=15)
    b = figure("1758.87亿元", 1758.87 * YI, precision=0.01 * YI, doc="001.txt", line=15)
    c = figure("1958亿元", 1958 * YI, precision=YI, doc="x.txt", line=3)
    _, conflicts = run([a, b, c])
    assert len(conflicts) == 1
    assert conflicts[0].message.startswith(
        "快手 GMV 2021-Q3: 1758亿元 (000.txt:15), 1758.87亿元 (001.txt:15) vs 1958亿元 (x.txt:3), gap "
    )
    assert [x.id for x in conflicts[0].claims] == [a.id, b.id, c.id]


def test_a_figure_cut_off_rather_than_rounded_agrees() -> None:
    # 000 writes 1758亿元 for the 1758.87亿元 of 001: cut off, not rounded (that would be 1759亿)
    a = figure("1758亿元", 1758 * YI, precision=YI, doc="000.txt", line=17)
    b = figure("1758.87亿元", 1758.87 * YI, precision=0.01 * YI, doc="001.txt")
    topics, conflicts = run([a, b])
    assert conflicts == []
    assert (
        topics[0].why[-1]
        == "agree when 1758亿元 (000.txt:17) cut off rather than rounded (checks.truncation)"
    )
    assert findings([a, b], with_checks(truncation=False)) == [("value_mismatch", "warning")]
    # but not two units off
    c = figure("1760.1亿元", 1760.1 * YI, precision=0.1 * YI, doc="001.txt")
    assert findings([a, c]) == [("value_mismatch", "warning")]


def test_warning_gap_comes_from_rules() -> None:
    a = figure("1758亿元", 1758 * YI, precision=YI, doc="a.txt")
    b = figure("1800亿元", 1800 * YI, precision=YI, doc="b.txt")
    assert findings([a, b]) == [("value_mismatch", "warning")]
    assert findings([a, b], with_checks(warning_gap=0.01)) == [("value_mismatch", "error")]


def test_disabled_check_does_not_run() -> None:
    a = figure("1758亿元", 1758 * YI, precision=YI, doc="a.txt")
    b = figure("1958亿元", 1958 * YI, precision=YI, doc="b.txt")
    topics, conflicts = run([a, b], with_checks(disabled=["value_mismatch"]))
    assert conflicts == []
    assert topics[0].status == TopicStatus.CONSISTENT


def test_fingerprint_ignores_positions_and_document_order() -> None:
    a = figure("1758亿元", 1758 * YI, precision=YI, doc="a.txt", line=15)
    b = figure("1958亿元", 1958 * YI, precision=YI, doc="b.txt", line=3)
    first = run([a, b])[1][0].id
    moved = [b.model_copy(update={"line": 40}), a.model_copy(update={"line": 2, "doc": "renamed.txt"})]
    assert run(moved)[1][0].id == first
    changed = [a, figure("2058亿元", 2058 * YI, precision=YI, doc="b.txt")]
    assert run(changed)[1][0].id != first


def test_rules_default_severity_is_error() -> None:
    assert RULES.checks.severities["value_mismatch"] == "error"


def test_a_copy_with_one_figure_changed_contradicts_the_original() -> None:
    # a syndicated copy of 000 with 186% changed: no measure phrase, the sentence is the key
    sentence = "快手公开数据显示，2021年超过1000家行业风向标品牌入驻快手电商，同比增长{}，平台品牌自播GMV增长了1073%。"
    original = rate(
        "186%",
        186,
        precision=1,
        doc="000.txt",
        line=17,
        change="change",
        period="2021",
        metric=None,
        measure=None,
        sentence=sentence.format("186%"),
    )
    changed = rate(
        "286%",
        286,
        precision=1,
        doc="copy.txt",
        line=17,
        change="change",
        period="2021",
        metric=None,
        measure=None,
        sentence=sentence.format("286%"),
    )
    _, conflicts = run([original, changed])
    assert [(c.type, c.severity.value) for c in conflicts] == [("value_mismatch", "error")]
    assert {c.id for c in conflicts[0].claims} == {original.id, changed.id}


def test_a_revision_cue_only_retires_the_same_topics_earlier_target() -> None:
    # 004: 其中广告收入目标是400亿元,电商GMV目标是2000亿元,后又上调至2500亿元 — the 400亿
    # advertising target is not revised by the GMV revision after it
    sentence = "其中广告收入目标是400亿元,电商GMV目标是2000亿元,后又上调至2500亿元。"
    ads = figure(
        "400亿元",
        400 * YI,
        precision=YI,
        doc="004.txt",
        kind="target",
        period="2020",
        metric="ad_revenue",
        sentence=sentence,
    )
    other = figure(
        "600亿元", 600 * YI, precision=YI, doc="x.txt", kind="target", period="2020", metric="ad_revenue"
    )
    assert findings([ads, other]) == [("value_mismatch", "error")]


def _length(
    quote: str, value: float, doc: str, period: str | None = None, scope: str | None = "standing"
) -> Claim:
    """5号线全长32.6公里: a standing attribute (blind set 3, rail1-rail3)."""
    return figure(
        quote,
        value,
        precision=0.1,
        doc=doc,
        period=period,
        scope=scope,
        entity="江临地铁",
        metric=None,
        measure="5号线全长",
        dimension="count",
        unit="公里",
    )


def test_a_standing_attribute_is_compared_with_no_period() -> None:
    a, b = _length("32.6公里", 32.6, "a.txt"), _length("36.2公里", 36.2, "b.txt")
    topics, conflicts = run([a, b])
    assert [(c.type, c.severity.value) for c in conflicts] == [("value_mismatch", "error")]
    assert "a standing attribute: compared with no period" in topics[0].why


def test_a_standing_attribute_never_meets_a_figure_of_a_period() -> None:
    a = _length("32.6公里", 32.6, "a.txt")
    b = _length("36.2公里", 36.2, "b.txt", period="2024", scope=None)
    c = _length("36.2公里", 36.2, "c.txt", period=None, scope=None)  # no period, not standing
    assert findings([a, b, c]) == []


def test_two_rates_one_written_unit_apart_are_a_warning() -> None:
    # 国家统计局's 环比下降0.3% against another outlet's 环比下降0.4% (blind set 4, house-first):
    # their rounding intervals only touch at -0.35, so they agree only on that boundary
    a = rate("0.3%", -0.3, change="qoq", doc="house1.txt", line=8)
    b = rate("0.4%", -0.4, change="qoq", doc="house2.txt", line=10)
    _topics, conflicts = run([a, b])
    assert [(c.type, c.severity.value) for c in conflicts] == [("value_mismatch", "warning")]
    assert "one written unit apart" in conflicts[0].message
    assert [c.id for c in conflicts[0].claims] == [a.id, b.id]
    assert findings([a, b], with_checks(rates_one_unit_apart=False)) == []
    # two units apart: a contradiction as before; at two precisions, or 约 (a qualifier): agreeing
    assert findings([a, rate("0.5%", -0.5, change="qoq", doc="x.txt")]) == [("value_mismatch", "error")]
    assert findings([a, rate("约0.4%", -0.4, low=-0.42, high=-0.38, change="qoq", doc="x.txt")]) == []
    assert findings([a, rate("0.35%", -0.35, precision=0.01, change="qoq", doc="x.txt")]) == []
    # amounts are cut off as often as rounded (checks.truncation): one unit apart agrees
    c = figure("1758亿元", 1758 * YI, precision=YI, doc="000.txt")
    d = figure("1759亿元", 1759 * YI, precision=YI, doc="001.txt")
    assert findings([c, d]) == []

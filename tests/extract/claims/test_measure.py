"""kcheck.extract.claims.measure: which metric, the measure as written, and money."""

from __future__ import annotations

import pytest
from claimrows import claim, fields

import kcheck


@pytest.mark.parametrize(
    ("text", "quote", "metric", "measure"),
    [
        ("快手电商交易总额（GMV）达到1758亿元，同比增长86.1%", "1758亿元", "gmv", "电商交易总额（GMV）"),
        ("上万亿的电商交易额", "上万亿", "gmv", "电商交易额"),  # the alias right after the figure
        ("快手日活3亿", "3亿", "dau", "日活"),
        ("仅占快手收入来源的9.8%", "9.8%", None, "收入来源"),  # a share is no revenue
        ("快手平台品牌自播GMV增长了1073%", "1073%", None, "品牌自播GMV"),  # narrowed to a part
        (
            "快手其他服务板块，收入达12亿元",
            "12亿元",
            "other_services_revenue",
            "其他服务板块收入",
        ),  # a segment
        # a change takes the measure of the level before it
        ("快手2021年Q3营收为204.93亿元，同比上涨33.4%", "33.4%", "revenue", "营收"),
        # a clause with no measure of its own continues the previous figure's
        ("快手2021年完成电商GMV达6800亿元，超过原定目标6500亿元", "6500亿元", "gmv", "电商GMV"),
    ],
)
def test_metric_and_measure(text: str, quote: str, metric: str | None, measure: str) -> None:
    assert fields(claim(text, quote), "metric", "measure") == (metric, measure)


@pytest.mark.parametrize(
    ("text", "quote", "dimension", "unit"),
    [
        ("快手卖了14.2亿", "14.2亿", "money", "CNY"),  # a money word in the clause
        ("快手日活3亿", "3亿", "count", None),  # a count metric stays a count
        ("快手2021年第三季度GMV达1758亿元", "1758亿元", "money", "CNY"),
    ],
)
def test_money(text: str, quote: str, dimension: str, unit: str | None) -> None:
    assert fields(claim(text, quote), "dimension", "unit") == (dimension, unit)


def test_a_duration_is_no_claim() -> None:
    assert [c.quote for c in kcheck.extract("快手用了2年时间，GMV达到1000亿元")] == ["1000亿元"]

"""kcheck.extract.claims.change: a change or a level, which change, and its sign."""

from __future__ import annotations

import pytest
from claimrows import claim, fields


@pytest.mark.parametrize(
    ("text", "quote", "type_", "change", "value"),
    [
        ("快手电商交易总额（GMV）达到1758亿元，同比增长86.1%", "86.1%", "change", "yoy", 86.1),
        ("快手电商交易总额（GMV）达到1758亿元，同比增长86.1%", "1758亿元", "figure", None, 1.758e11),
        ("抖音电商GMV同比增长了7.9倍", "7.9倍", "change", "yoy", 7.9),
        ("快手营收环比增长5%", "5%", "change", "qoq", 5.0),
        ("快手营收下降3%", "3%", "change", "change", -3.0),  # a decrease is negative
        ("快手实现8倍增长", "8倍", "change", "change", 8.0),  # the verb after the figure
        ("贡献率从71.4%增长至90%", "90%", "figure", None, 90.0),  # 增长至: the new level
        ("贡献率从71.4%增长至90%", "71.4%", "figure", None, 71.4),  # ... and the old one
        ("快手2021年Q3营收为204.93亿元，同比上涨33.4%", "33.4%", "change", "yoy", 33.4),
        (
            "毛利率为24.6%，较去年同期的35.8%下降了11.2个百分点",
            "35.8%",
            "figure",
            None,
            35.8,
        ),  # the base's level
        ("10月制造业PMI为49.5%，比9月的50.2%下降0.7个百分点", "50.2%", "figure", None, 50.2),
        ("10月制造业PMI为49.5%，比9月的50.2%下降0.7个百分点", "0.7个百分点", "change", "change", -0.7),
        ("夏粮产量2923.6亿斤，比上年略减0.9%", "0.9%", "change", "change", -0.9),  # 略减: a decrease
        # a price adjusted by an amount is a change; 上调…至 gives the new level
        ("聚合MDI挂牌价15800元/吨，较11月上调500元/吨", "500元", "change", "change", 500.0),
        ("聚合MDI挂牌价上调500元/吨至15800元/吨", "15800元", "figure", None, 15800.0),
        ("纯MDI挂牌价下调300元/吨", "300元", "change", "change", -300.0),
    ],
)
def test_change(text: str, quote: str, type_: str, change: str | None, value: float) -> None:
    assert fields(claim(text, quote), "type", "change", "value") == (type_, change, value)


@pytest.mark.parametrize(
    ("text", "quote", "base", "level"),
    [
        ("归母净利润12.08亿元，较2022年的9.77亿元增长32.6%", "32.6%", "9.77亿元", "12.08亿元"),
        (
            "公司原保险保费收入由上年同期的1951.1亿元增至2046.7亿元，增幅达8.1%",
            "8.1%",
            "1951.1亿元",
            "2046.7亿元",
        ),
        ("11月全国粗钢产量7610万吨，比上年同期的7275万吨增长0.4%", "0.4%", "7275万吨", "7610万吨"),
        ("10月制造业PMI为49.5%，比9月的50.2%下降0.7个百分点", "0.7个百分点", "50.2%", "49.5%"),
        ("实现合约销售金额126.4亿元，环比9月的118.9亿元增长6.3%", "6.3%", "118.9亿元", "126.4亿元"),
        # not linked: no level stated before the comparison, a level in another unit, a restated base
        ("快手营收同比增长33.4%", "33.4%", None, None),
        ("出游8.26亿人次，比2019年同期的7422.4亿元增长4.1%", "4.1%", None, None),
        ("收入8534.3亿元，按可比口径比2019年同期的7422.4亿元增长4.1%", "4.1%", None, None),
        ("占比35.8%，下降了1.2个百分点", "1.2个百分点", None, None),
        # the level before names another measure than the one compared (营收 vs 净利润)
        ("净利润5亿元，营收较上年同期的80亿元增长10%", "10%", None, None),
        ("营收由上年同期的80亿元增至88亿元，净利润增幅达10%", "10%", None, None),
        ("营收由上年同期的80亿元增至88亿元，同比增长10%", "10%", "80亿元", "88亿元"),
    ],
)
def test_levels_a_change_is_stated_between(
    text: str, quote: str, base: str | None, level: str | None
) -> None:
    c = claim(text, quote)
    got = (
        c.sentence[c.base_at : c.base_at + len(base or "")] if c.base_at is not None else None,
        c.sentence[c.level_at : c.level_at + len(level or "")] if c.level_at is not None else None,
    )
    assert got == (base, level)


def test_a_linked_change_holds_for_the_new_level_s_period() -> None:
    # 较2022年: the time is the base's; the change is of 2023, as its level
    text = "2023年，归母净利润12.08亿元，较2022年的9.77亿元增长32.6%"
    assert fields(claim(text, "32.6%"), "period") == ("2023-01-01..2023-12-31",)
    assert fields(claim(text, "9.77亿元"), "period") == ("2022-01-01..2022-12-31",)


def test_the_base_is_the_same_measure_as_its_level() -> None:
    # 较上年同期的1624.1亿元: the base names no measure; it is the level's, cumulative too
    text = "今年1-10月，锦程地产累计合约销售金额1468.2亿元，较上年同期的1624.1亿元下降9.6%"
    level, base = claim(text, "1468.2亿元"), claim(text, "1624.1亿元")
    assert fields(base, "measure", "metric", "scope", "entity") == fields(
        level, "measure", "metric", "scope", "entity"
    )
    assert fields(base, "period") == ("2021-01-01..2021-10-31",)

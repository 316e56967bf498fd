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
    ],
)
def test_change(text: str, quote: str, type_: str, change: str | None, value: float) -> None:
    assert fields(claim(text, quote), "type", "change", "value") == (type_, change, value)

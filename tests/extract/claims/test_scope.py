"""kcheck.extract.claims.scope: cumulative, trailing 12 months, or as stated."""

from __future__ import annotations

import pytest
from claimrows import claim, fields


@pytest.mark.parametrize(
    ("text", "quote", "scope"),
    [
        ("快手电商累计订单总量超过5亿", "超过5亿", "cumulative"),
        ("快手过去12个月电商订单量超过10亿单", "超过10亿单", "trailing_12m"),
        ("快手2021年Q3营收为204.93亿元", "204.93亿元", None),
        # a single month (time.period_months) after a running total is no running total,
        # though it takes the measure before it (dev corpus batt3)
        ("锐能电池今年前5个月动力电池累计装车量21.4GWh，5月单月装车量5.62GWh", "5.62GWh", None),
        ("锐能电池今年前5个月动力电池累计装车量21.4GWh，5月单月装车量5.62GWh", "21.4GWh", "cumulative"),
    ],
)
def test_scope(text: str, quote: str, scope: str | None) -> None:
    assert fields(claim(text, quote), "scope") == (scope,)

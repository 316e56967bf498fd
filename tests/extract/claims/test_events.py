"""kcheck.extract.claims.events: an event word dated by the day or month before it."""

from __future__ import annotations

import pytest
from claimrows import claim, fields

DOUYIN = "早在2020年8月，抖音就宣布10月9日起直播间将不支持第三方来源商品"


@pytest.mark.parametrize(
    ("text", "quote", "event", "entity", "date"),
    [
        ("3月1日，快手电商与淘宝、京东正式切断外链", "3月1日", "断外链", "快手", "2022-03-01..2022-03-01"),
        # an effective date (起) in the clause wins over the announcement's month
        (DOUYIN, "10月9日起", "断外链", "抖音", "2020-10-09..2020-10-09"),
        (DOUYIN, "2020年8月", None, None, "2020-08-01..2020-08-31"),  # a bare date of kcheck.extract
    ],
)
def test_event(text: str, quote: str, event: str | None, entity: str | None, date: str) -> None:
    assert fields(claim(text, quote), "event", "entity", "date") == (event, entity, date)

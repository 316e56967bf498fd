"""kcheck.extract.claims.entity: whose figure it is."""

from __future__ import annotations

import pytest
from claimrows import claim, fields


@pytest.mark.parametrize(
    ("text", "quote", "entity", "entity_from", "subject"),
    [
        ("快手电商交易总额（GMV）达到1758亿元", "1758亿元", "快手", "rules", "快手电商"),  # an alias
        (
            "淘宝在抖音的广告投放，在2020年就超过了200亿元",
            "超过了200亿元",
            "淘宝",
            "rules",
            None,
        ),  # 抖音: object
        (
            "快手和抖音的GMV都超过了1000亿元",
            "超过了1000亿元",
            "快手",
            "rules",
            "快手",
        ),  # coordinated: the first
        (
            "“小波私房菜”是位超300万粉丝的美食主播",
            "超300万",
            "小波私房菜",
            "subject",
            "小波私房菜",
        ),  # as written
        ("上万亿的电商交易额", "上万亿", None, None, None),  # nobody named
    ],
)
def test_entity(
    text: str, quote: str, entity: str | None, entity_from: str | None, subject: str | None
) -> None:
    assert fields(claim(text, quote), "entity", "entity_from", "subject") == (entity, entity_from, subject)


def test_entity_carries_to_the_next_sentence_of_the_paragraph() -> None:
    c = claim("快手2021年第三季度GMV达1758亿元。该季度电商收入为20亿元", "20亿元")
    assert fields(c, "entity", "period") == ("快手", "2021-07-01..2021-09-30")

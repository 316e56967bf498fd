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


@pytest.mark.parametrize(
    ("text", "quote", "word"),
    [
        ("报告期内，车险保费收入486.2亿元，同比增长5.3%", "486.2亿元", "报告期"),  # a time
        ("按可比口径计算，营业收入增长8.1%", "8.1%", "按可比口径"),  # a manner
        ("数据宝统计，这些公司净利润合计达到120亿元", "120亿元", "数据宝统计"),  # a source
        ("两年平均增长6.5%", "6.5%", "两年平均"),  # an average
        ("值得注意的是，全国出口增长12.4%", "12.4%", "值得注意"),  # a remark
        ("证券公司总资产分别为1.2万亿元", "1.2万亿元", "证券公司总资产分别"),  # an adverb
    ],
)
def test_function_words_name_no_one(text: str, quote: str, word: str) -> None:
    entity, subject = fields(claim(text, quote), "entity", "subject")
    assert word not in (entity, subject)


@pytest.mark.parametrize(
    ("text", "quote", "entity", "entity_from", "metric"),
    [
        # bare 行业 in an article about 证券公司: the securities industry, inferred
        (
            "证券公司经营稳健。截至2021年末，行业总资产10.53万亿元",
            "10.53万亿元",
            "证券行业",
            "document",
            "total_assets",
        ),
        # the next figure of the sentence has the same owner
        (
            "证券公司经营稳健。截至2021年末，行业总资产10.53万亿元，净资产2.51万亿元",
            "2.51万亿元",
            "证券行业",
            "document",
            "net_assets",
        ),
        # named: a rules link
        ("截至2021年末，证券行业总资产为10.59万亿元", "10.59万亿元", "证券行业", "rules", "total_assets"),
        # a source after 根据 is not the owner
        (
            "证券公司经营稳健。根据中证协数据，行业总资产10.53万亿元",
            "10.53万亿元",
            "证券行业",
            "document",
            "total_assets",
        ),
        # an article naming no industry: nobody
        ("截至2021年末，行业总资产10.53万亿元", "10.53万亿元", None, None, "total_assets"),
    ],
)
def test_industry_entities(
    text: str, quote: str, entity: str | None, entity_from: str | None, metric: str
) -> None:
    assert fields(claim(text, quote), "entity", "entity_from", "metric") == (entity, entity_from, metric)

"""kcheck.extract.claims.carry: what a clause takes from the previous figure, and a sentence
from the sentences before it in its paragraph."""

from __future__ import annotations

import pytest
from claimrows import PUBLISHED, claim, fields

import kcheck


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # 第二季度则为31.5%: its own time, nothing else: the previous figure's change and measure
        ("快手第一季度营收增速为47.7%，第二季度则为31.5%", "31.5%", ("change", "revenue", "快手")),
        # 后又上调至: a revision continues the figure it revises
        ("快手2021年GMV目标是2000亿元，后又上调至2500亿元", "2500亿元", ("figure", "gmv", "快手")),
    ],
)
def test_a_clause_continues_the_previous_figure(text: str, quote: str, expected: tuple[str, ...]) -> None:
    assert fields(claim(text, quote), "type", "metric", "entity") == expected


def test_the_paragraph_hands_on_entity_and_period_but_a_new_paragraph_does_not() -> None:
    same = kcheck.extract("快手2021年第三季度GMV达1758亿元。该季度电商收入为20亿元", published=PUBLISHED)
    apart = kcheck.extract("快手2021年第三季度GMV达1758亿元。\n电商收入为20亿元", published=PUBLISHED)
    assert [(c.entity, c.period is not None) for c in same] == [("快手", True), ("快手", True)]
    assert [(c.entity, c.period is not None) for c in apart] == [("快手", True), (None, False)]
    # a word for the period under report (该季度) points back across the paragraph break
    pointed = kcheck.extract("快手2021年第三季度GMV达1758亿元。\n该季度电商收入为20亿元", published=PUBLISHED)
    assert [(c.entity, c.period is not None) for c in pointed] == [("快手", True), (None, True)]


@pytest.mark.parametrize(
    ("text", "quote", "measure", "period"),
    [
        # a clause naming only the base period is the level before it a year back (blind set 1, coal3)
        (
            "11月份全国规上工业原煤产量4.23亿吨，同比增长1.3%，而去年同期为4.26亿吨",
            "4.26亿吨",
            "全国规上工业原煤产量",
            "2021-11-01..2021-11-30",
        ),
        ("公司第三季度营收12.5亿元，上年同期为10.2亿元", "10.2亿元", "营收", "2020-07-01..2020-09-30"),
    ],
)
def test_a_base_period_alone_restates_the_level_before(
    text: str, quote: str, measure: str, period: str
) -> None:
    assert fields(claim(text, quote), "measure", "period") == (measure, period)


def test_a_base_clause_of_another_unit_takes_no_measure() -> None:
    assert fields(claim("全国原煤产量4.23亿吨，而去年同期为8.5%", "8.5%"), "measure") == (None,)

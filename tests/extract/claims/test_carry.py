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

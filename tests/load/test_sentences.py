"""Sentence splitting: at 。！？!?； and line breaks, never at '.', ',' or '，'."""

from __future__ import annotations

import pytest

from kcheck.load.sentences import sentences
from kcheck.load.traced import LineIndex, verbatim
from kcheck.models import Sentence


def split_line(line: str, at: int = 100) -> list[Sentence]:
    """The loader's sentences of one paragraph of one line, written at file offset ``at``."""
    return sentences([[verbatim(line, at)]], LineIndex(" " * at + line))


@pytest.mark.parametrize(
    ("line", "sentences"),
    [
        # decimals and commas never split (001, 002)
        (
            "第三季度收入为204.93亿元，同比上涨33.4%，经营亏损74.04亿元，同比扩大437.8%。",
            ["第三季度收入为204.93亿元，同比上涨33.4%，经营亏损74.04亿元，同比扩大437.8%。"],
        ),
        (
            "快手财报显示,2022年第二季度,快手电商交易总额达1912亿元,同比增长31.5%。",
            ["快手财报显示,2022年第二季度,快手电商交易总额达1912亿元,同比增长31.5%。"],
        ),
        # full stops, question and exclamation marks, semicolons (000, 002)
        (
            "今年是快手上线的第11年。2018年，快手推出购物车功能。",
            ["今年是快手上线的第11年。", "2018年，快手推出购物车功能。"],
        ),
        (
            "电商行业格局会发生什么变化？从业者将面临哪些机会和挑战？",
            ["电商行业格局会发生什么变化？", "从业者将面临哪些机会和挑战？"],
        ),
        (
            "2019年6月，快手电商部门正式成立；2020年，快手牵手京东",
            ["2019年6月，快手电商部门正式成立；", "2020年，快手牵手京东"],
        ),
        ("供应链会是快手电商的终极短板吗?是的!", ["供应链会是快手电商的终极短板吗?", "是的!"]),
        # closing quotes and brackets stay with the sentence they end (000, 002)
        (
            "“产品肯定不如之前多了。咱得跟着平台走。”这也反映了品牌的态度。",
            ["“产品肯定不如之前多了。", "咱得跟着平台走。”", "这也反映了品牌的态度。"],
        ),
        ("（GMV口径为提交订单口径。）随后", ["（GMV口径为提交订单口径。）", "随后"]),
        ("他问：「真的吗？」她说：『是的！』", ["他问：「真的吗？」", "她说：『是的！』"]),
        # 003's straight quotes: after ？ a quote opens the next sentence, after 。 it may close
        (
            '为什么雅鹿直播能发展这么快？" 其实用的是业界很标准的打法 "，笑古称。',
            ["为什么雅鹿直播能发展这么快？", '" 其实用的是业界很标准的打法 "，笑古称。'],
        ),
        ('品牌常问出的问题是，" 到底在快手怎么做？"', ['品牌常问出的问题是，" 到底在快手怎么做？"']),
        ('好。"他说。"对。', ["好。", '"他说。"', "对。"]),  # the quote after 他说。 is the second
        ('“好。”"对。', ["“好。”", '"对。']),  # a straight quote after a closer opens
        ("他说：'好。'然后", ["他说：'好。'", "然后"]),
        # runs of marks, whitespace and stray punctuation
        ("真的吗？！  是的。", ["真的吗？！", "是的。"]),
        ("  ", []),
        ("。。", []),
    ],
)
def test_split_line(line: str, sentences: list[str]) -> None:
    assert [s.text for s in split_line(line)] == sentences


def test_split_keeps_runs_exact() -> None:
    line = "  今年是快手上线的第11年。2018年，快手推出购物车功能。"
    first, second = split_line(line, 1000)
    assert second.text == "2018年，快手推出购物车功能。"
    assert (first.index, second.index, second.paragraph) == (0, 1, 0)
    assert [(r.offset, r.length, r.column) for r in second.runs] == [
        (0, len(second.text), 1001 + line.index("2018"))
    ]

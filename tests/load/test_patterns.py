"""Line patterns searched together (kcheck.load.patterns): cutting a pattern at its top-level
``|`` and splitting the alternatives into anchored and floating ones finds exactly the lines
each pattern alone finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kcheck.load.patterns import alternatives, compile_boilerplate, pattern_list

from .helpers import rules


@pytest.mark.parametrize(
    ("pattern", "parts"),
    [
        ("^a|b(c|d)", ["^a", "b(c|d)"]),
        ("abc", ["abc"]),
        ("a|", ["a", ""]),
        (r"a\|b|c", [r"a\|b", "c"]),
        ("[|]x|y", ["[|]x", "y"]),
        ("[]|]|z", ["[]|]", "z"]),
        ("[^]|]|z", ["[^]|]", "z"]),
        (r"[\]|]|z", [r"[\]|]", "z"]),
        ("(?P<source>x|y)|z", ["(?P<source>x|y)", "z"]),
        ("(?:a(?:b|c)|d)|^e", ["(?:a(?:b|c)|d)", "^e"]),
        (
            "^声明\\s*[:：]|不构成投资建议|^.{0,30}(?:版权所有|版权归).{0,40}$",
            ["^声明\\s*[:：]", "不构成投资建议", "^.{0,30}(?:版权所有|版权归).{0,40}$"],
        ),
    ],
)
def test_alternatives(pattern: str, parts: list[str]) -> None:
    assert alternatives(pattern) == parts


# patterns whose meaning would change if cut or joined: searched alone
SELF_REFERRING = [
    r"(a)\1",
    r"(?P<n>a)(?P=n)|b",
    r"(a)?(?(1)b|c)",
    r"(?i)abc|^d",
    r"(?x) a | b  # c|d",
    r"(?-i:x)(?x: a|b )",
]

TRICKY = [
    "^a|b",
    "^$",
    "a|",
    "^(?:x|y)z|w$",
    r"\bab\b|^b",
    "(?m:^b)|c$",
    r"\Aa|ba",
    "[|^]a|^c",
    "(?P<source>a+)|^b",
    "(?<=a)b|^c",
    "a?b|[xy]|.z",  # an optional first character, a class, a dot: searched apart (unled)
    "x{0,2}y|\\w$",
    *SELF_REFERRING,
]


def plain(patterns: tuple[str, ...], text: str) -> bool:
    return any(re.search(p, text) for p in patterns)


@pytest.mark.parametrize("pattern", SELF_REFERRING)
def test_patterns_that_refer_to_themselves_are_searched_alone(pattern: str) -> None:
    listed = pattern_list((pattern, "^zz"))
    assert [p.pattern for p in listed.alone] == [pattern]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(TRICKY), min_size=1, max_size=5, unique=True),
    st.text(alphabet="abcdwxyzAB \n|^", max_size=12),
)
def test_tricky_patterns_find_what_each_finds_alone(patterns: list[str], text: str) -> None:
    listed = pattern_list(tuple(patterns))
    assert listed.search(text) == plain(tuple(patterns), text)


SHIPPED_LINES = [
    "关注",
    "36万",
    "7.3万关注",
    "钛粉81947 赞赏了",
    "555人已赞赏 >",
    "声明:文章内容仅供参考,不构成投资建议。",
    "版权所有 © 2024 某某网",
    "Copyright 2024",
    "sent via iPhone",
    "图片来源:视觉中国",
    "（本文首发于钛媒体App）",
    "（完）",
    "——END——",
    "1、营业收入同比增长12%",
    "（三）全年粮食产量6.95亿吨",
    "三、经营情况",
    "公司2023年营业收入86.42亿元，同比增长12.3%。",
    "据悉，该公司计划明年再建一座工厂，点击这里投稿的读者不在此列",
    "",
    " ",
]


@pytest.mark.parametrize("name", ["drop_lines", "end_markers", "numbered_items"])
@pytest.mark.parametrize("line", SHIPPED_LINES)
def test_shipped_patterns_find_what_each_finds_alone(name: str, line: str) -> None:
    section = rules().boilerplate
    patterns = tuple(getattr(section, name))
    listed = getattr(compile_boilerplate(section), name)
    assert listed.search(line) == plain(patterns, line)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(SHIPPED_LINES), min_size=1, max_size=3), st.text(max_size=8))
def test_shipped_drop_lines_on_mixed_lines(pieces: list[str], noise: str) -> None:
    section = rules().boilerplate
    line = noise.join(pieces)
    assert compile_boilerplate(section).drop_lines.search(line) == plain(tuple(section.drop_lines), line)

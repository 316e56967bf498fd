"""The shared text layer: one table of examples per helper."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kcheck.extract import split_text
from kcheck.load.sentences import sentences as load_sentences
from kcheck.load.traced import LineIndex, verbatim
from kcheck.models import Span
from kcheck.text.calendar import is_quarter_end, month_end, period_label, span_text
from kcheck.text.fold import HALF_WIDTH, fold
from kcheck.text.patterns import alternation, word_pattern
from kcheck.text.sentences import sentence_spans


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        ("2021-07-01", "2021-09-30", "2021-Q3"),
        ("2021-01-01", "2021-06-30", "2021-H1"),
        ("2021-01-01", "2021-09-30", "2021-01..09"),
        ("2020-06-01", "2020-06-30", "2020-06"),
        ("2020-06-30", "2020-06-30", "2020-06-30"),
        ("2021-01-01", "2021-12-31", "2021"),
        ("2020-01-01", "2021-12-31", "2020..2021"),
        ("2020-11-01", "2021-02-28", "2020-11..2021-02"),
        ("2020-06-15", "2020-06-30", "2020-06-15..2020-06-30"),
    ],
)
def test_period_label(start: str, end: str, label: str) -> None:
    span = Span(start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end))
    assert period_label(span) == label
    assert span_text(span) == f"{start}..{end}"


@pytest.mark.parametrize(
    ("year", "month", "end"),
    [(2020, 2, "2020-02-29"), (2021, 2, "2021-02-28"), (2018, 14, "2019-02-28"), (2018, 0, "2017-12-31")],
)
def test_month_end(year: int, month: int, end: str) -> None:
    assert month_end(year, month) == dt.date.fromisoformat(end)


@pytest.mark.parametrize(
    ("day", "expected"),
    [("2020-06-30", True), ("2020-12-31", True), ("2020-05-31", False), ("2020-06-29", False)],
)
def test_is_quarter_end(day: str, expected: bool) -> None:
    assert is_quarter_end(dt.date.fromisoformat(day)) is expected


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        (["累", "累计"], "累计订单", "累计"),  # longest first
        (["a.b"], "axb a.b", "a.b"),  # literally
        ([], "anything", None),  # no words: never matches
        (["", "近"], "接近", "近"),  # empty words dropped
    ],
)
def test_alternation(words: list[str], text: str, found: str | None) -> None:
    m = word_pattern(words).search(text)
    assert (m.group() if m else None) == found
    assert alternation(words) == word_pattern(words).pattern


def test_alternation_is_a_prefix_tree() -> None:
    # one branch per first character; a word ending where longer ones go on is tried last
    assert alternation(["亿元", "亿美元", "万元", "元", "亿"]) == "万元|亿(?:元|美元|)|元"
    assert alternation(["a|b", "a"]) == "a(?:\\|b|)"


def _flat(words: list[str]) -> str:
    """The alternation as it was written before the prefix tree: every word, longest first."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in unique) if unique else "(?!)"


_PIECES = st.text(alphabet="亿元.|", min_size=0, max_size=4)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_PIECES, max_size=8), text=st.text(alphabet="亿元.|b", max_size=12), after=_PIECES)
def test_alternation_matches_as_the_flat_list(words: list[str], text: str, after: str) -> None:
    """Every match, and every match where the engine has to backtrack into a shorter word
    (the words followed by more pattern), is the flat list's, at the same place."""
    for tail in ("", re.escape(after), "(?:" + re.escape(after) + ")?b"):
        tree = re.compile(f"(?:{alternation(words)}){tail}")
        flat = re.compile(f"(?:{_flat(words)}){tail}")
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]
        assert [m.span() for m in (tree.match(text, i) for i in range(len(text))) if m] == [
            m.span() for m in (flat.match(text, i) for i in range(len(text))) if m
        ]


@pytest.mark.parametrize(
    ("line", "sentences"),
    [
        ("快手GMV达1758.87亿元。同比增长86.1%！", ["快手GMV达1758.87亿元。", "同比增长86.1%！"]),
        ("目标是2000亿元；后又上调至2500亿元", ["目标是2000亿元；", "后又上调至2500亿元"]),
        ("他说：“快吗？”其实不快。", ["他说：“快吗？”", "其实不快。"]),
        ('快吗？" 其实不快', ["快吗？", '" 其实不快']),
        ("  ——。  ", []),
    ],
)
def test_one_splitter(line: str, sentences: list[str]) -> None:
    assert [line[a:b] for a, b in sentence_spans(line)] == sentences
    # the loader and kcheck.extract cut where the shared splitter cuts
    assert [s.text for s in load_sentences([[verbatim(line, 0)]], LineIndex(line))] == sentences
    assert [s.text for s in split_text(line)] == sentences


def test_split_text_positions() -> None:
    text = "第一段。\n\n  第二段；还是第二段"
    got = [(s.text, s.paragraph, s.line, s.column) for s in split_text(text)]
    assert got == [("第一段。", 0, 1, 1), ("第二段；", 1, 3, 3), ("还是第二段", 1, 3, 7)]


def test_half_width_is_part_of_fold() -> None:
    text = "ＧＭＶ　１７５８億"
    assert fold(text).startswith(text.translate(HALF_WIDTH)[:8])
    assert fold(text) == "GMV 1758亿"

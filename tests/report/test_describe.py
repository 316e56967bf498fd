"""How figures, intervals, places and gaps are written in every human-facing format."""

from __future__ import annotations

import math
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kcheck.models import Conflict, Severity
from kcheck.report import describe

from .builders import DOC0, claims, sample_report


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # corpus figures after normalisation (1758.87亿元, 1758亿元, 4397.44亿元, 86.1%, 3.02亿人次)
        (1.7588700e11, "175,887,000,000"),
        (1.758e11, "175,800,000,000"),
        (4.39744e11, "439,744,000,000"),
        (86.1, "86.1"),
        (3.02e8, "302,000,000"),
        # float noise from interval arithmetic must not show
        (0.1 + 0.2, "0.3"),
        (175886500000.00003, "175,886,500,000"),
        (-5.0, "-5"),
        (0.0, "0"),
        (-0.0, "0"),
        (math.inf, "∞"),
        (-math.inf, "-∞"),
    ],
)
def test_number(value: float, expected: str) -> None:
    assert describe.number(value) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (86.1, "%", "86.1%"),
        (4.5, "x", "4.5x"),
        (2.5, "pp", "2.5 pp"),
        (1.758e11, "CNY", "175,800,000,000 CNY"),
        (3.02e8, "人次", "302,000,000 人次"),
        (12.0, None, "12"),
    ],
)
def test_quantity(value: float, unit: str | None, expected: str) -> None:
    assert describe.quantity(value, unit) == expected


@given(st.floats(min_value=-1e15, max_value=1e15, allow_nan=False))
def test_number_reads_back_within_twelve_digits(value: float) -> None:
    back = float(describe.number(value).replace(",", ""))
    assert math.isclose(back, value, rel_tol=1e-11, abs_tol=1e-300)


def test_open_intervals() -> None:
    # 超过200亿元 -> low 2e10, high null
    c = claims()["c0a17b52e9d4f001"].model_copy(update={"value": None, "low": 2e10, "high": None})
    assert describe.value(c) == "20,000,000,000..∞ CNY"
    assert describe.interval(c) == "20,000,000,000..∞ CNY"
    exact = c.model_copy(update={"value": 5.0, "low": None, "high": None})
    assert describe.interval(exact) is None


@pytest.mark.parametrize(
    ("text", "columns"),
    [("1758亿元", 8), ("abc", 3), ("快手电商交易总额（GMV）", 23), ("３．０２亿人次", 14), ("", 0)],
)
def test_width_counts_cjk_as_two(text: str, columns: int) -> None:
    assert describe.width(text) == columns


@given(st.text())
def test_width_is_the_sum_of_each_characters_columns(text: str) -> None:
    # the ASCII shortcut and the per-character cache give what each character's Unicode
    # properties say: combining marks none, East Asian wide and full-width two, the rest one
    expected = sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        for ch in text
    )
    assert describe.width(text) == expected


def test_combining_marks_and_controls_have_their_own_width() -> None:
    assert describe.width("e\u0301") == 1
    assert describe.width("\x1b[1m") == 4


def test_truncate_and_pad_respect_width() -> None:
    assert describe.truncate("快手电商交易总额", 9) == "快手电商…"
    assert describe.width(describe.truncate("快手电商交易总额", 9)) == 9
    assert describe.pad("快手", 6) == "快手  "
    assert describe.pad("快手", 6, right=True) == "  快手"


def test_gap_between_intervals_and_dates() -> None:
    report = sample_report()
    gmv, dates, reused = report.conflicts
    assert describe.gap(gmv) == "2,736,500,000 CNY (1.52%)"
    assert describe.gap(dates) == "1 day"
    # overlapping intervals (a reused figure) have no gap
    assert describe.gap(reused) is None


def test_gap_without_stated_share_is_computed() -> None:
    gmv = sample_report().conflicts[0]
    assert describe.gap(gmv.model_copy(update={"gap": None})) == "2,736,500,000 CNY (1.53%)"


def test_gap_unknown_for_mixed_units() -> None:
    by_id = claims()
    mixed = Conflict(
        id="x",
        type="value_mismatch",
        severity=Severity.ERROR,
        topic="t",
        message="m",
        claims=[by_id["c0a17b52e9d4f001"], by_id["c0a17b52e9d4f004"]],
    )
    assert describe.gap(mixed) is None


def test_location_is_editor_clickable() -> None:
    assert describe.location(claims()["c0a17b52e9d4f001"]) == f"{DOC0}:17:412"


def test_split_sentence_marks_the_figure_where_it_is() -> None:
    c = claims()["c0a17b52e9d4f004"]
    before, figure, after = describe.split_sentence(c)
    assert figure == "86.1%"
    assert before.endswith("同比增长") and after.startswith("，其中90%")


@pytest.mark.parametrize(
    ("n", "word", "text"),
    [
        (1, "topic", "1 topic"),
        (0, "claim", "0 claims"),
        (2, "unreadable file", "2 unreadable files"),
        (1, "stale baseline entry", "1 stale baseline entry"),
        (3, "stale baseline entry", "3 stale baseline entries"),
        (39, "day", "39 days"),  # a vowel before the y: no -ies
    ],
)
def test_plural(n: int, word: str, text: str) -> None:
    assert describe.plural(n, word) == text

"""headline_mismatch: a title's figure against its own article's body (kcheck.check.headline_mismatch),
and the other checks leaving a title that restates its body alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from claimkit import YI, figure, run

import kcheck
from kcheck.models import Claim


def _profit(quote: str, value: float, *, headline: bool, doc: str = "phar1.md", **fields: Any) -> Claim:
    fields.setdefault("precision", 0.01 * YI)
    fields.setdefault("period", "2023-01..12")
    return figure(quote, value, doc=doc, entity="瑞柏医药", metric="net_profit", headline=headline, **fields)


def test_a_title_its_body_contradicts_is_a_warning() -> None:
    # 瑞柏医药：2023年净利润13.08亿元 (title) / 归属于上市公司股东的净利润12.08亿元 (body)
    title = _profit("13.08亿元", 13.08 * YI, headline=True, line=2)
    body = _profit("12.08亿元", 12.08 * YI, headline=False, line=7)
    _, conflicts = run([title, body])
    assert [(c.type, c.severity.value) for c in conflicts] == [("headline_mismatch", "warning")]
    assert conflicts[0].claims[0].quote == "13.08亿元" and "the title of phar1.md" in conflicts[0].message


def test_a_title_that_rounds_or_restates_its_body_adds_no_finding() -> None:
    # 超12亿 / 约12亿 for 12.08亿元; the same figure in title and body (no reused_figure of itself)
    body = _profit("12.08亿元", 12.08 * YI, headline=False, line=7)
    over = _profit(
        "超12亿", 12 * YI, headline=True, line=2, precision=YI, low=12 * YI, high=None, qualifier="超"
    )
    same = _profit("12.08亿元", 12.08 * YI, headline=True, line=2, period_from="inferred")
    for title in (over, same):
        _, conflicts = run([title, body])
        assert conflicts == [], [c.message for c in conflicts]


def test_a_title_about_another_period_is_never_compared() -> None:
    # 11月交付新车3.52万辆 (title) in an article whose body gives 1-11月 31.06万辆
    title = figure(
        "3.52万辆",
        3.52e4,
        precision=100,
        doc="auto1.md",
        metric="deliveries",
        dimension="count",
        unit="辆",
        period="2023-11",
        headline=True,
    )
    body = figure(
        "31.06万辆",
        31.06e4,
        precision=100,
        doc="auto1.md",
        metric="deliveries",
        dimension="count",
        unit="辆",
        period="2023-01..11",
    )
    _, conflicts = run([title, body])
    assert conflicts == []


def test_a_title_meets_other_articles() -> None:
    # another outlet's body: a value_mismatch like any figure (the title is its article's text)
    title = _profit("13.08亿元", 13.08 * YI, headline=True, line=2)
    other = _profit("12.08亿元", 12.08 * YI, headline=False, doc="phar2.html", line=9)
    _, conflicts = run([title, other])
    assert [c.type for c in conflicts] == ["value_mismatch"]


FILE = """---
title: 瑞柏医药：2023年净利润13.08亿元 同比增长23.6%
date: 2024-03-28
---

瑞柏医药（688325.SH）披露2023年年报，报告期内归属于上市公司股东的净利润12.08亿元，同比增长23.6%。
"""


def test_figures_of_a_front_matter_title_are_headline_claims(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(FILE, encoding="utf-8")
    report = kcheck.check([str(tmp_path)], rules=None)
    titles = [c for c in report.claims if c.headline]
    assert [(c.quote, c.line, c.metric, c.change) for c in titles] == [
        ("13.08亿元", 2, "net_profit", None),
        ("23.6%", 2, "net_profit", "yoy"),
    ]
    assert titles[0].period is not None and titles[0].period.start == dt.date(2023, 1, 1)
    found = [(c.type, c.severity.value, [x.quote for x in c.claims]) for c in report.conflicts]
    assert found == [("headline_mismatch", "warning", ["13.08亿元", "12.08亿元"])]


@pytest.mark.parametrize(
    ("title", "quotes"),
    [
        # a space between two phrases is a comma: 50.6% is not the PMI's
        ("10月份制造业PMI为49.5% 非制造业商务活动指数为50.6%", [("49.5%", "pmi"), ("50.6%", None)]),
        # ... never inside a figure written with spaces
        ("快手第二季度品牌入驻数量同比增长 4.5 倍", [("4.5 倍", "merchants")]),
    ],
)
def test_a_title_reads_like_its_lede(
    tmp_path: Path, title: str, quotes: list[tuple[str, str | None]]
) -> None:
    (tmp_path / "a.md").write_text(
        f"---\ntitle: {title}\ndate: 2023-11-01\n---\n\n正文没有数字。\n", encoding="utf-8"
    )
    report = kcheck.check([str(tmp_path)], rules=None)
    assert [(c.quote, c.metric) for c in report.claims if c.headline] == quotes

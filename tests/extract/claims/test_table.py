"""claims.table: a data table's figure cell takes what the table's layout says of it.

Rows: an HTML page holding the table, the cell's figure as the line quotes it, and the claim's
entity, type, change and measure. The tables are shaped as the statistics releases and the
press print them (国家统计局's 70-city house prices, 国家医保局's fund spending, filings' key figures).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from kcheck.extract import Extractor
from kcheck.load.reader import load_file
from kcheck.rules import load_rules

REPO = Path(__file__).resolve().parents[3]

CITY = (
    "<p>从一线城市看，10月新房价格环比、同比变动如下表。</p>"
    "<table><caption>10月一线城市新建商品住宅销售价格指数变动（单位：%）</caption>"
    "<tr><th>城市</th><th>环比</th><th>同比</th></tr>"
    "<tr><td>北京</td><td>0.1</td><td>-3.8</td></tr><tr><td>深圳</td><td>-0.8</td><td>-5.6</td></tr></table>"
)
SPEND = (
    "<p>临川市医疗保障局发布会上还通报了全国数据。</p>"
    "<table><caption>1—10月全国基本医疗保险统筹基金支出情况（单位：亿元）</caption>"
    "<tr><th>险种</th><th>支出</th></tr><tr><td>职工医保</td><td>11236.8</td></tr>"
    "<tr><td>合计</td><td>19452.7</td></tr></table>"
)
MONTHS = (
    "<table><caption>江澜市新建商品住宅销售价格（单位：%）</caption>"
    "<tr><th>月份</th><th>比上月</th><th>比上年同月</th></tr>"
    "<tr><td>2025年10月</td><td>-0.2</td><td>-3.9</td></tr></table>"
)
PHAR = (
    "<table><caption>主要会计数据（单位：亿元）</caption>"
    "<tr><th>项目</th><th>2023年</th><th>2022年</th><th>本期比上年同期增减</th></tr>"
    "<tr><td>营业收入</td><td>86.42</td><td>75.61</td><td>14.30%</td></tr></table>"
)


def claim(body: str, sentence: str) -> Any:
    rules = load_rules(REPO / "rules")
    page = f"<html><head><title>t</title></head><body><div>{body}</div></body></html>"
    doc = load_file(Path("t.html"), "t.html", rules, raw=page.encode())
    doc = doc.model_copy(update={"published": dt.date(2025, 11, 15)})
    found = [c for c in Extractor(rules).document(doc) if c.sentence == sentence]
    assert len(found) == 1, [c.sentence for c in Extractor(rules).document(doc)]
    c = found[0]
    return c.entity, c.type.value, c.change, c.measure


@pytest.mark.parametrize(
    ("body", "sentence", "expected"),
    [
        # the row label under 城市 owns the cell; 环比 / 同比 make it a change; the caption measures it
        (CITY, "10月 环比 深圳 -0.8%", ("深圳", "change", "qoq", "新建商品住宅销售价格指数")),
        (CITY, "10月 同比 北京 -3.8%", ("北京", "change", "yoy", "新建商品住宅销售价格指数")),
        # the total row under the caption's own head (支出): the caption's measure, the country's
        # (全国) and not the article's city
        (SPEND, "1—10月 支出 合计 19452.7亿元", (None, "figure", None, "全国基本医疗保险统筹基金支出")),
        # a part's row keeps its own words; still the country's, not the article's city
        (SPEND, "1—10月 支出 职工医保 11236.8亿元", (None, "figure", None, "支出 职工医保")),
        # 比上月 / 比上年同月 headers: the month before, the same month a year before
        (MONTHS, "比上月 2025年10月 -0.2%", (None, "change", "qoq", None)),
        # 本期比上年同期增减: a change on the year before of the label's measure
        (PHAR, "本期比上年同期增减 营业收入 14.30%", (None, "change", "yoy", "营业收入")),
        # a year's column: a level, not a change
        (PHAR, "2023年 营业收入 86.42亿元", (None, "figure", None, "营业收入")),
    ],
)
def test_a_table_cell_is_read_as_its_table_says(body: str, sentence: str, expected: tuple[Any, ...]) -> None:
    assert claim(body, sentence) == expected

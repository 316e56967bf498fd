"""kcheck.load.tables: a data table's figure cells as lines with their labels and unit."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kcheck.load.html import read_html
from kcheck.models import TableCell

from .helpers import rules

PHAR = (
    "<table><caption>主要会计数据（单位：亿元）</caption>"
    "<tr><th>项目</th><th>2023年</th><th>2022年</th><th>本期比上年同期增减</th></tr>"
    "<tr><td>营业收入</td><td>86.42</td><td>75.61</td><td>14.30%</td></tr>"
    "</table>"
)
CPI = (
    "<table><caption>居民消费价格与工业生产者出厂价格同比涨跌幅（%）</caption>"
    "<thead><tr><th>月份</th><th>CPI同比</th><th>PPI同比</th></tr></thead>"
    "<tbody><tr><td>2023年7月</td><td>-0.3</td><td>-4.4</td></tr></tbody></table>"
)
# the caption names the period of every cell (no header or label names one): 1—10月, 10月
SPEND = (
    "<table><caption>1—10月全国基本医疗保险统筹基金支出情况（单位：亿元）</caption>"
    "<tr><th>险种</th><th>支出</th></tr><tr><td>职工医保</td><td>11236.8</td></tr></table>"
)
CITY = (
    "<table><caption>10月一线城市新建商品住宅销售价格指数变动（单位：%）</caption>"
    "<tr><th>城市</th><th>环比</th><th>同比</th></tr><tr><td>深圳</td><td>-0.8</td><td>-5.6</td></tr></table>"
)
UNIT_IN_HEADER = (
    "<table><tr><td>指标（单位：万元）</td><td>2023年</td></tr>"
    "<tr><td>营业收入</td><td>1,258.36</td></tr></table>"
)


def lines(body: str) -> list[str]:
    blocks, _ = read_html(body, 0, rules().boilerplate)
    return [line.text.text for block in blocks for line in block.lines]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # row label = measure, column header = period, caption 单位 = unit; a cell's own % stays
        (
            PHAR,
            ["2023年 营业收入 86.42亿元", "2022年 营业收入 75.61亿元", "本期比上年同期增减 营业收入 14.30%"],
        ),
        # row label = period, column header = measure, the caption's bracketed unit
        (CPI, ["CPI同比 2023年7月 -0.3%", "PPI同比 2023年7月 -4.4%"]),
        (UNIT_IN_HEADER, ["2023年 营业收入 1,258.36万元"]),
        # the caption's period goes before every cell that names none of its own
        (SPEND, ["1—10月 支出 职工医保 11236.8亿元"]),
        (CITY, ["10月 环比 深圳 -0.8%", "10月 同比 深圳 -5.6%"]),
        # a header naming the period keeps it: the caption's year is not added
        (
            PHAR.replace("主要会计数据", "2023年主要会计数据"),
            ["2023年 营业收入 86.42亿元", "2022年 营业收入 75.61亿元", "本期比上年同期增减 营业收入 14.30%"],
        ),
    ],
)
def test_figure_cells_are_written_with_their_labels(body: str, expected: list[str]) -> None:
    assert lines(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # two header rows (营业收入 over 1-11月（亿元）| 同比增长（%）): read cell by cell
        (
            "<table><tr><td rowspan='2'>分组</td><td colspan='2'>营业收入</td></tr>"
            "<tr><td>1-11月（亿元）</td><td>同比增长（%）</td></tr>"
            "<tr><td>总计</td><td>1143083.8</td><td>20.3</td></tr></table>",
            ["分组", "营业收入", "1-11月（亿元）", "同比增长（%）", "总计", "1143083.8", "20.3"],
        ),
        # a layout table: no figure cell
        (
            "<table><tr><td>首页</td><td>财经</td></tr><tr><td>快手电商</td><td>交易总额</td></tr></table>",
            ["首页", "财经", "快手电商", "交易总额"],
        ),
        # rows of uneven length
        (
            "<table><tr><th>项目</th><th>2023年</th></tr><tr><td>营业收入</td><td>86.42</td><td>75.61</td></tr></table>",
            ["项目", "2023年", "营业收入", "86.42", "75.61"],
        ),
    ],
)
def test_other_tables_are_read_cell_by_cell(body: str, expected: list[str]) -> None:
    assert lines(body) == expected


def test_every_piece_keeps_its_place_in_the_file() -> None:
    blocks, _ = read_html(PHAR, 0, rules().boilerplate)
    traced = blocks[0].lines[0].text
    for off, length, src in traced.spans:
        assert PHAR[src : src + length] == traced.text[off : off + length]
    # only the two separating spaces are not from the file
    assert sum(length for _, length, _ in traced.spans) == len(traced.text) - 2


def test_table_claims_get_the_period_and_unit_of_their_labels() -> None:
    import datetime as dt

    import kcheck

    found = {
        c.quote: c
        for c in kcheck.extract(
            "2023年 营业收入 86.42亿元\nCPI同比 2023年7月 -0.3%", published=dt.date(2024, 3, 29)
        )
    }
    assert found["86.42亿元"].value == pytest.approx(8.642e9)
    assert found["86.42亿元"].metric == "revenue"
    assert str(found["86.42亿元"].period.start) == "2023-01-01"  # type: ignore[union-attr]
    assert found["-0.3%"].value == pytest.approx(-0.3)
    assert str(found["-0.3%"].period.end) == "2023-07-31"  # type: ignore[union-attr]


LABELS = st.sampled_from(["营业收入", "归母净利润", "2023年7月", "CPI同比", "其中：采矿业", "合计"])
FIGURES = st.sampled_from(["86.42", "-0.3", "1,258.36", "14.30%", "0", "95214"])


@settings(max_examples=60, deadline=None)
@given(
    headers=st.lists(LABELS, min_size=2, max_size=5),
    rows=st.lists(st.tuples(LABELS, st.lists(FIGURES, min_size=4, max_size=4)), min_size=1, max_size=4),
    unit=st.sampled_from(["", "（单位：亿元）", "（%）"]),
)
def test_any_grid_gives_one_traced_line_per_figure(headers: list[str], rows: list, unit: str) -> None:
    width = len(headers)
    body = (
        f"<table><caption>主要数据{unit}</caption><tr>" + "".join(f"<th>{h}</th>" for h in headers) + "</tr>"
    )
    for label, figures in rows:
        body += f"<tr><td>{label}</td>" + "".join(f"<td>{f}</td>" for f in figures[: width - 1]) + "</tr>"
    body += "</table>"
    blocks, _ = read_html(body, 0, rules().boilerplate)
    got = [line.text for block in blocks for line in block.lines]
    assert len(got) == len(rows) * (width - 1)  # every figure cell, once
    for traced in got:
        for off, length, src in traced.spans:  # every piece is where the file writes it
            assert body[src : src + length] == traced.text[off : off + length]


def test_the_captions_period_is_traced_to_the_caption() -> None:
    blocks, _ = read_html(CITY, 0, rules().boilerplate)
    traced = blocks[0].lines[0].text
    assert traced.text == "10月 环比 深圳 -0.8%"
    for off, length, src in traced.spans:
        assert CITY[src : src + length] == traced.text[off : off + length]
    assert CITY.index("10月") in {src for _, _, src in traced.spans}
    # only the three separating spaces are not from the file
    assert sum(length for _, length, _ in traced.spans) == len(traced.text) - 3


# a row label that is a place by its header (城市) or by its form (江澜市 under 项目); the caption's
# measure without its period, unit, the group of places (一线城市) and closing words (变动, 情况)
PROVINCES = (
    "<table><caption>2025年1—10月分地区社会消费品零售总额情况</caption>"
    "<tr><th>项目</th><th>1—10月（亿元）</th></tr><tr><td>江澜市</td><td>3562.1</td></tr>"
    "<tr><td>合计</td><td>41239.5</td></tr></table>"
)


def cells(body: str) -> list[tuple[str, TableCell | None]]:
    from kcheck.load.reader import load_file

    doc = load_file(Path("t.html"), "t.html", rules(), raw=f"<html><body>{body}</body></html>".encode())
    return [(s.text, s.table) for s in doc.sentences]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            CITY,
            [
                (
                    "10月 环比 深圳 -0.8%",
                    TableCell(header="环比", label="深圳", owner="深圳", caption="新建商品住宅销售价格指数"),
                ),
                (
                    "10月 同比 深圳 -5.6%",
                    TableCell(header="同比", label="深圳", owner="深圳", caption="新建商品住宅销售价格指数"),
                ),
            ],
        ),
        # 全国 stays in the caption's measure: the figures are the country's
        (
            SPEND,
            [
                (
                    "1—10月 支出 职工医保 11236.8亿元",
                    TableCell(header="支出", label="职工医保", caption="全国基本医疗保险统筹基金支出"),
                )
            ],
        ),
        (
            PROVINCES,
            [
                (
                    "1—10月（亿元） 江澜市 3562.1亿元",
                    TableCell(
                        header="1—10月（亿元）", label="江澜市", owner="江澜市", caption="社会消费品零售总额"
                    ),
                ),
                (
                    "1—10月（亿元） 合计 41239.5亿元",
                    TableCell(
                        header="1—10月（亿元）", label="合计", caption="社会消费品零售总额", total=True
                    ),
                ),
            ],
        ),
        # a label that is a measure owns nothing
        (
            PHAR,
            [
                (t, TableCell(header=h, label="营业收入", caption="主要会计数据"))
                for t, h in [
                    ("2023年 营业收入 86.42亿元", "2023年"),
                    ("2022年 营业收入 75.61亿元", "2022年"),
                    ("本期比上年同期增减 营业收入 14.30%", "本期比上年同期增减"),
                ]
            ],
        ),
    ],
)
def test_a_figure_cell_carries_what_the_table_says_of_it(
    body: str, expected: list[tuple[str, TableCell | None]]
) -> None:
    assert cells(body) == expected

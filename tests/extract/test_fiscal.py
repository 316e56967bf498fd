"""kcheck.extract.fiscal: an article's fiscal calendar moves its fiscal times (2024财年第二季度)."""

from __future__ import annotations

import datetime as dt

import pytest

import kcheck
from kcheck.extract.fiscal import FiscalCalendar, FiscalReader
from kcheck.rules import load_rules
from kcheck.text.fold import fold

RULES = load_rules(None)
JAN24 = dt.date(2024, 1, 9)


@pytest.mark.parametrize(
    ("text", "calendar"),
    [
        # the article tells the month its fiscal year ends, four ways
        ("按照启明教育的财年安排，其财年截至每年5月31日。2024财年第二季度营收增长", FiscalCalendar(5, 2024)),
        ("回看2023财年（截至2023年5月31日），全年净营收为13.45亿美元", FiscalCalendar(5, 2023)),
        ("启明教育公布截至2023年11月30日的2024财年第二季度未经审计财报", FiscalCalendar(5, 2024)),
        ("启明教育公布2024财年第二季度（即2023年9月至11月）业绩", FiscalCalendar(5, 2024)),
        # a Hong Kong filing's year (blind set, batt3): the year named by its last day
        ("港联新材公布，截至2024年3月31日止的2024财年，公司收入86.2亿港元", FiscalCalendar(3, 2024)),
        # labelled by the year it starts in: not read
        ("港联新材公布，截至2024年3月31日止的2023财年，公司收入86.2亿港元", None),
        # else a company of time.yaml's fiscal_year_ends named in it
        ("阿里巴巴公布2024财年第三季度业绩", FiscalCalendar(3, 2024)),
        # two companies of different calendars, or none: calendar times
        ("阿里巴巴与微软公布2024财年业绩", None),
        ("某公司公布2024财年第二季度业绩", None),
        # a fiscal year ending in December is the calendar year
        ("其财年截至每年12月31日，2023财年营收", None),
        ("2023年第二季度营收增长", None),
    ],
)
def test_fiscal_calendar(text: str, calendar: FiscalCalendar | None) -> None:
    assert FiscalReader(RULES).read(fold(text)) == calendar


def periods_of(text: str, published: dt.date = JAN24) -> dict[str, str | None]:
    return {
        c.quote: f"{c.period.start}..{c.period.end}" if c.period else None
        for c in kcheck.extract(text, published=published)
        if c.period is not None or c.value is not None
    }


@pytest.mark.parametrize(
    ("text", "quote", "period"),
    [
        (
            "港联新材公布，截至2024年3月31日止的2024财年，公司收入86.2亿港元，同比下降14.6%",
            "86.2亿港元",
            "2023-04-01..2024-03-31",
        ),
        # a fiscal year ending in May: 2024财年 is 2023-06..2024-05
        (
            "启明教育公布截至2023年11月30日的2024财年第二季度财报。第二财季，公司净营收为3.86亿美元。",
            "3.86亿美元",
            "2023-09-01..2023-11-30",
        ),
        (
            "启明教育公布截至2023年11月30日的2024财年第二季度财报。2024财年上半年，公司累计净营收7.52亿美元。",
            "7.52亿美元",
            "2023-06-01..2023-11-30",
        ),
        (
            "启明教育公布截至2023年11月30日的2024财年第二季度财报。公司预计，2024财年第三季度净营收将达3.41亿美元。",
            "3.41亿美元",
            "2023-12-01..2024-02-29",
        ),
        # a quarter's end (第二财季末) moves with it
        (
            "启明教育公布截至2023年11月30日的2024财年第二季度财报。截至第二财季末，公司持有现金15.8亿美元。",
            "15.8亿美元",
            "2023-11-30..2023-11-30",
        ),
        # 上年同期 of a fiscal quarter is that quarter a year before
        (
            "启明教育公布截至2023年11月30日的2024财年第二季度财报。第二财季，公司净营收为3.86亿美元，上年同期为2.83亿美元。",
            "2.83亿美元",
            "2022-09-01..2022-11-30",
        ),
        # 全年 after a fiscal year named in its sentence: that fiscal year
        (
            "回看2023财年（截至2023年5月31日），启明教育全年净营收为13.45亿美元。",
            "13.45亿美元",
            "2022-06-01..2023-05-31",
        ),
        # no fiscal calendar told: the calendar reading
        ("某公司2024财年第二季度净营收为3.86亿美元。", "3.86亿美元", "2024-04-01..2024-06-30"),
        # ... but a fiscal quarter without its year that the calendar reading puts after
        # publication, told as done, is not read (its year ends in a month not known)
        ("截至第二财季末，公司持有现金15.8亿美元。", "15.8亿美元", None),
    ],
)
def test_fiscal_period(text: str, quote: str, period: str | None) -> None:
    assert periods_of(text)[quote] == period


@pytest.mark.parametrize(
    ("text", "published", "quote", "period"),
    [
        # a known calendar (time.yaml fiscal_year_ends: 阿里巴巴 ends in March) and a fiscal
        # quarter without its year: the last such quarter ended by publication, the one the
        # results just told (2023-11 results: the quarter to 30 September 2023, not 2022's)
        (
            "截至第二财季末，阿里巴巴持有现金及现金等价物15.8亿美元。",
            dt.date(2023, 11, 20),
            "15.8亿美元",
            "2023-09-30..2023-09-30",
        ),
        ("阿里巴巴第二财季营收2247.9亿元。", dt.date(2023, 11, 20), "2247.9亿元", "2023-07-01..2023-09-30"),
        ("阿里巴巴第二财季营收2247.9亿元。", dt.date(2023, 9, 20), "2247.9亿元", "2022-07-01..2022-09-30"),
    ],
)
def test_a_yearless_fiscal_quarter_is_the_last_ended(
    text: str, published: dt.date, quote: str, period: str
) -> None:
    assert periods_of(text, published)[quote] == period


def test_yearless_fiscal_quarter_of_an_undated_article() -> None:
    """第二财季 in an article with no date, whose fiscal calendar and year it names
    (其财年截至每年5月31日 ... 2024财年第二季度): that fiscal year's quarter, in another paragraph too."""
    text = (
        "启明教育近日公布了2024财年第二季度业绩。\n"
        "按照启明教育的财年安排，其财年截至每年5月31日。\n"
        "从学习服务看，第二财季入学人次约187.5万，同比增长28.4%。\n"
        "截至第二财季末，启明教育共有学习中心1126个。"
    )
    found = {c.quote: c for c in kcheck.extract(text, published=None)}
    period = found["约187.5万"].period
    assert period is not None and (period.start, period.end) == (dt.date(2023, 9, 1), dt.date(2023, 11, 30))
    day = found["1126个"].period
    assert day is not None and (day.start, day.end) == (dt.date(2023, 11, 30), dt.date(2023, 11, 30))

"""kcheck.extract.claims.change: a change or a level, which change, and its sign."""

from __future__ import annotations

import pytest
from claimrows import claim, fields


@pytest.mark.parametrize(
    ("text", "quote", "type_", "change", "value"),
    [
        ("快手电商交易总额（GMV）达到1758亿元，同比增长86.1%", "86.1%", "change", "yoy", 86.1),
        ("快手电商交易总额（GMV）达到1758亿元，同比增长86.1%", "1758亿元", "figure", None, 1.758e11),
        ("抖音电商GMV同比增长了7.9倍", "7.9倍", "change", "yoy", 7.9),
        ("快手营收环比增长5%", "5%", "change", "qoq", 5.0),
        ("快手营收下降3%", "3%", "change", "change", -3.0),  # a decrease is negative
        ("快手实现8倍增长", "8倍", "change", "change", 8.0),  # the verb after the figure
        # 正增长 / 负增长 after the figure name the direction (dev corpus tea2: 同店GMV)
        ("同店GMV仍实现3.6%的正增长", "3.6%", "change", "change", 3.6),
        ("出口额出现2.1%的负增长", "2.1%", "change", "change", -2.1),
        ("贡献率从71.4%增长至90%", "90%", "figure", None, 90.0),  # 增长至: the new level
        ("贡献率从71.4%增长至90%", "71.4%", "figure", None, 71.4),  # ... and the old one
        ("快手2021年Q3营收为204.93亿元，同比上涨33.4%", "33.4%", "change", "yoy", 33.4),
        (
            "毛利率为24.6%，较去年同期的35.8%下降了11.2个百分点",
            "35.8%",
            "figure",
            None,
            35.8,
        ),  # the base's level
        ("10月制造业PMI为49.5%，比9月的50.2%下降0.7个百分点", "50.2%", "figure", None, 50.2),
        ("10月制造业PMI为49.5%，比9月的50.2%下降0.7个百分点", "0.7个百分点", "change", "change", -0.7),
        # a verb, the rate it moves, then the points: that change, signed by the verb (blind set 6: mon2)
        ("自12月5日起下调金融机构存款准备金率0.25个百分点", "0.25个百分点", "change", "change", -0.25),
        ("央行宣布上调存款准备金率0.5个百分点", "0.5个百分点", "change", "change", 0.5),
        ("5年期以上LPR下调10个基点至3.5%", "10个基点", "change", "change", -0.1),
        ("夏粮产量2923.6亿斤，比上年略减0.9%", "0.9%", "change", "change", -0.9),  # 略减: a decrease
        # a price adjusted by an amount is a change; 上调…至 gives the new level
        ("聚合MDI挂牌价15800元/吨，较11月上调500元/吨", "500元", "change", "change", 500.0),
        ("聚合MDI挂牌价上调500元/吨至15800元/吨", "15800元", "figure", None, 15800.0),
        ("纯MDI挂牌价下调300元/吨", "300元", "change", "change", -300.0),
        # 增加值 is "value added", a measure's head, not the verb 增加 (kinds.not_changes; real probe)
        ("前三季度，全省第二产业增加值21460亿元，同比增长4.8%", "21460亿元", "figure", None, 2.146e12),
        ("2023年，全市规上工业增加值5230亿元，增长4.1%", "4.1%", "change", "yoy", 4.1),
        # a growth rate that speeds up or slows down by points (real probe: statistics releases)
        (
            "前8个月，全省规上工业增加值同比增长6.2%，比1-7月份加快0.3个百分点",
            "0.3个百分点",
            "change",
            "change",
            0.3,
        ),
        (
            "3月份，全市港口集装箱吞吐量增长5.1%，增速较前两个月放缓1.4个百分点",
            "1.4个百分点",
            "change",
            "change",
            -1.4,
        ),
        (
            "8月份，全市社会消费品零售总额同比增长4.4%，比上月放慢0.6个百分点",
            "0.6个百分点",
            "change",
            "change",
            -0.6,
        ),
    ],
)
def test_change(text: str, quote: str, type_: str, change: str | None, value: float) -> None:
    assert fields(claim(text, quote), "type", "change", "value") == (type_, change, value)


# a breakdown (kinds.breakdown: 其中) is of the comparison of the whole it breaks down
@pytest.mark.parametrize(
    ("text", "quote", "change"),
    [
        ("10月份，全国居民消费价格同比下降0.3%。其中，城市下降0.2%，农村下降0.6%", "0.6%", "yoy"),
        # over the sentences ； joins, not past the 。 that ends it
        ("全国居民消费价格同比下降0.3%。其中，城市下降0.2%；食品价格下降4.0%。", "4.0%", "yoy"),
        ("全国居民消费价格同比下降0.3%。其中，城市下降0.2%。食品价格下降4.0%。", "4.0%", "change"),
        # a change naming no comparison is passed over for the whole's
        (
            "食品烟酒类价格同比下降2.1%，影响CPI下降约0.60个百分点。食品中，畜肉类价格下降17.9%，其中猪肉价格下降30.1%",
            "30.1%",
            "yoy",
        ),
        ("其中猪肉价格环比下降3%", "3%", "qoq"),  # its own comparison wins
        # each quarter of a whole broken down by quarter (分季度看) is of the whole's comparison
        ("前三季度地区生产总值同比增长5.1%。分季度看，一季度同比增长4.6%，二季度增长5.3%", "5.3%", "yoy"),
        ("城市下降0.2%，农村下降0.6%", "0.6%", "change"),  # no breakdown word: none named
    ],
)
def test_a_breakdown_takes_the_comparison_of_its_whole(text: str, quote: str, change: str) -> None:
    assert fields(claim(text, quote), "change") == (change,)


# a change naming no comparison, of a period running from the year's start, is year on year
@pytest.mark.parametrize(
    ("text", "quote", "change"),
    [
        # blind set 2, trd: 海关总署's 前10个月……增长8.8% is against the same months a year before
        ("2021年前10个月，民营企业进出口20.01万亿元，增长8.8%", "8.8%", "yoy"),
        ("2021年上半年，公司营业收入58.4亿元，增长9.8%", "9.8%", "yoy"),
        # ... not when its clause compares with something else, nor for a single month or quarter
        ("2021年前10个月，货物贸易进出口总值36.20万亿元，比前三季度回落0.1个百分点", "0.1个百分点", "change"),
        ("2021年10月，出口2.15万亿元，增长11.2%", "11.2%", "change"),
        ("2021年三季度，营收204.93亿元，增长33.4%", "33.4%", "change"),
        # ... nor for the amount a balance grew by over the period (a central bank's lending release)
        (
            "2023年二季度末，本外币制造业贷款余额28.6万亿元，同比增长9.1%；上半年增加3.14万亿元",
            "3.14万亿元",
            "change",
        ),
        ("2023年二季度末，本外币制造业贷款余额28.6万亿元，同比增长9.1%；上半年增加3.14万亿元", "9.1%", "yoy"),
    ],
)
def test_a_running_total_of_the_year_changes_year_on_year(text: str, quote: str, change: str) -> None:
    assert fields(claim(text, quote), "change") == (change,)


@pytest.mark.parametrize(
    ("text", "quote", "base", "level"),
    [
        ("归母净利润12.08亿元，较2022年的9.77亿元增长32.6%", "32.6%", "9.77亿元", "12.08亿元"),
        (
            "公司原保险保费收入由上年同期的1951.1亿元增至2046.7亿元，增幅达8.1%",
            "8.1%",
            "1951.1亿元",
            "2046.7亿元",
        ),
        ("11月全国粗钢产量7610万吨，比上年同期的7275万吨增长0.4%", "0.4%", "7275万吨", "7610万吨"),
        ("10月制造业PMI为49.5%，比9月的50.2%下降0.7个百分点", "0.7个百分点", "50.2%", "49.5%"),
        ("实现合约销售金额126.4亿元，环比9月的118.9亿元增长6.3%", "6.3%", "118.9亿元", "126.4亿元"),
        # not linked: no level stated before the comparison, a level in another unit, a restated base
        ("快手营收同比增长33.4%", "33.4%", None, None),
        ("出游8.26亿人次，比2019年同期的7422.4亿元增长4.1%", "4.1%", None, None),
        ("收入8534.3亿元，按可比口径比2019年同期的7422.4亿元增长4.1%", "4.1%", None, None),
        ("占比35.8%，下降了1.2个百分点", "1.2个百分点", None, None),
        # the level before names another measure than the one compared (营收 vs 净利润)
        ("净利润5亿元，营收较上年同期的80亿元增长10%", "10%", None, None),
        ("营收由上年同期的80亿元增至88亿元，净利润增幅达10%", "10%", None, None),
        ("营收由上年同期的80亿元增至88亿元，同比增长10%", "10%", "80亿元", "88亿元"),
        # the level's measure written after it (kinds.measure_after_verbs) stands between
        (
            "今年春节档以80.16亿元的票房收官，较2023年春节档的67.65亿元增长28.5%",
            "28.5%",
            "67.65亿元",
            "80.16亿元",
        ),
    ],
)
def test_levels_a_change_is_stated_between(
    text: str, quote: str, base: str | None, level: str | None
) -> None:
    c = claim(text, quote)
    got = (
        c.sentence[c.base_at : c.base_at + len(base or "")] if c.base_at is not None else None,
        c.sentence[c.level_at : c.level_at + len(level or "")] if c.level_at is not None else None,
    )
    assert got == (base, level)


def test_a_linked_change_holds_for_the_new_level_s_period() -> None:
    # 较2022年: the time is the base's; the change is of 2023, as its level
    text = "2023年，归母净利润12.08亿元，较2022年的9.77亿元增长32.6%"
    assert fields(claim(text, "32.6%"), "period") == ("2023-01-01..2023-12-31",)
    assert fields(claim(text, "9.77亿元"), "period") == ("2022-01-01..2022-12-31",)


@pytest.mark.parametrize(
    ("text", "change"),
    [
        # the same time words a year apart: a festival's break moves, its comparison is 同比
        ("2024年春节档以80.16亿元的票房收官，较2023年春节档的67.65亿元增长28.5%", "yoy"),
        ("今年春节档以80.16亿元的票房收官，较去年春节档的67.65亿元增长28.5%", "yoy"),
        ("2023年国庆假期收入753.4亿元，较2022年国庆假期的600.2亿元增长25.5%", "yoy"),
        # two different times: no comparison named
        ("今年春节档以80.16亿元的票房收官，较2023年国庆档的67.65亿元增长28.5%", "change"),
    ],
)
def test_one_time_a_year_apart_is_year_on_year(text: str, change: str) -> None:
    assert fields(claim(text, "28.5%" if "28.5%" in text else "25.5%"), "change") == (change,)


def test_the_base_is_the_same_measure_as_its_level() -> None:
    # 较上年同期的1624.1亿元: the base names no measure; it is the level's, cumulative too
    text = "今年1-10月，锦程地产累计合约销售金额1468.2亿元，较上年同期的1624.1亿元下降9.6%"
    level, base = claim(text, "1468.2亿元"), claim(text, "1624.1亿元")
    assert fields(base, "measure", "metric", "scope", "entity") == fields(
        level, "measure", "metric", "scope", "entity"
    )
    assert fields(base, "period") == ("2021-01-01..2021-10-31",)


# the increase over the period written as a noun (新增X) is X增加: a change of X, keyed like it;
# how much more or less than a base (同比多增, 比上年同期多, 较9月多增, 少增) is a change against
# that base, never a level (real phrases of 证券时报, 中国证券报, 财联社 credit reports)
@pytest.mark.parametrize(
    ("text", "quote", "type_", "change", "value", "measure"),
    [
        (
            "10月份，新增人民币贷款8262亿元，同比多增1364亿元。",
            "8262亿元",
            "change",
            "change",
            8.262e11,
            "人民币贷款",
        ),
        (
            "10月份人民币贷款增加8262亿元，同比多增1364亿元；",
            "8262亿元",
            "change",
            "change",
            8.262e11,
            "人民币贷款",
        ),
        (
            "10月份，新增人民币贷款8262亿元，同比多增1364亿元。",
            "1364亿元",
            "change",
            "yoy",
            1.364e11,
            "人民币贷款",
        ),
        (
            "10月份人民币贷款增加8262亿元，同比多增1364亿元；",
            "1364亿元",
            "change",
            "yoy",
            1.364e11,
            "人民币贷款",
        ),
        (
            "其中，表内贷款新增7719亿元，同比多增1231亿元。",
            "7719亿元",
            "change",
            "change",
            7.719e11,
            "表内贷款",
        ),
        ("其中，表内贷款新增7719亿元，同比多增1231亿元。", "1231亿元", "change", "yoy", 1.231e11, "表内贷款"),
        ("社融增量为1.59万亿元，同比多1970亿元。", "1970亿元", "change", "yoy", 1.97e11, "社融增量"),
        (
            "10月社会融资规模增量为1.59万亿元，比上年同期多1970亿元，比2019年同期多7219亿元",
            "1970亿元",
            "change",
            "yoy",
            1.97e11,
            "社会融资规模增量",
        ),
        (
            "10月社会融资规模增量为1.59万亿元，比上年同期多1970亿元，比2019年同期多7219亿元",
            "7219亿元",
            "change",
            "vs 2019-10-01..2019-10-31",
            7.219e11,
            "社会融资规模增量",
        ),
        (
            "2021年10月末，个人住房贷款余额37.7万亿元，当月增加3481亿元，较9月多增1013亿元。",
            "1013亿元",
            "change",
            "vs 2021-09-01..2021-09-30",
            1.013e11,
            "个人住房贷款余额",
        ),
        ("企业中长期贷款较去年同期少增近2000亿元", "近2000亿元", "change", "yoy", -2e11, "企业中长期贷款"),
        (
            "10月房地产贷款投放较9月大幅回升，环比多增超过1500亿元，其中房地产开发贷款环比多增500多亿元",
            "500多亿元",
            "change",
            "qoq",
            5e10,
            "房地产开发贷款",  # 其中 opens no name (其中房地产 is not a company by its 地产 suffix)
        ),
        # a measure the metrics name as a whole stays that metric's level
        ("拼多多的新增用户数为2480万", "2480万", "figure", None, 2.48e7, "新增用户数"),
        # 新增 a long phrase: something newly added, then a figure of its own
        (
            "新增风控前置化刷脸策略累计拦截2145场团伙直播",
            "2145场",
            "figure",
            None,
            2145.0,
            "新增风控前置化刷脸策略累计拦截",
        ),
        # no comparison before it: 多 is no difference (差不多, 多达)
        ("全年营收多达1970亿元", "1970亿元", "figure", None, 1.97e11, "营收"),
    ],
)
def test_increment_and_more_or_less(
    text: str, quote: str, type_: str, change: str | None, value: float, measure: str
) -> None:
    assert fields(claim(text, quote), "type", "change", "value", "measure") == (type_, change, value, measure)


@pytest.mark.parametrize(
    ("text", "quote", "metric"),
    [
        # one statistic, two ways of writing it: both the change of 人民币贷款, no one's figure
        ("央行数据显示，10月份，新增人民币贷款8262亿元", "8262亿元", "rmb_loans"),
        ("中国人民银行数据显示，10月份人民币贷款增加8262亿元", "8262亿元", "rmb_loans"),
        ("10月份，新增社融1.59万亿元", "1.59万亿元", "social_financing_increment"),
        # the balance is narrowed: its own measure, no metric
        ("10月末人民币贷款余额192.7万亿元", "192.7万亿元", None),
    ],
)
def test_an_increment_meets_the_change_it_is(text: str, quote: str, metric: str | None) -> None:
    assert fields(claim(text, quote), "metric", "entity") == (metric, None)


@pytest.mark.parametrize(
    ("text", "quote", "metric", "value"),
    [
        # a loss is its profit below zero (metrics loss_of), so 亏损 meets 净利润 (dev corpus, film4)
        ("快手2023年归母净利润2.86亿元，上年同期亏损1.12亿元", "1.12亿元", "net_profit", -1.12e8),
        ("快手2021年前三季度经营亏损219.11亿元，同比扩大145%", "219.11亿元", "operating_profit", -2.1911e10),
        # ... a change of the loss stays the loss's; a loss of no one named stays a loss
        ("快手2021年前三季度经营亏损219.11亿元，同比扩大145%", "145%", "operating_loss", 145.0),
        ("开采专业及辅助性活动上年同期亏损15.9亿元", "15.9亿元", "net_loss", 1.59e9),
    ],
)
def test_a_loss_is_a_profit_below_zero(text: str, quote: str, metric: str, value: float) -> None:
    assert fields(claim(text, quote), "metric", "value") == (metric, value)

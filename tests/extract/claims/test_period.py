"""kcheck.extract.claims.period: when a figure holds."""

from __future__ import annotations

import pytest
from claimrows import claim, fields

import kcheck


@pytest.mark.parametrize(
    ("text", "quote", "period"),
    [
        ("快手2021年Q3营收为204.93亿元", "204.93亿元", "2021-07-01..2021-09-30"),  # the nearest time before
        (
            "快手2021年Q3营收为204.93亿元，同比上涨33.4%",
            "33.4%",
            "2021-07-01..2021-09-30",
        ),  # earlier in the sentence
        (
            "快手第一季度营收增速为47.7%，第二季度则为31.5%",
            "31.5%",
            "2022-04-01..2022-06-30",
        ),  # its own clause's
        (
            "截至2020年6月30日，快手GMV为1000亿元",
            "1000亿元",
            "2020-01-01..2020-06-30",
        ),  # a flow: the year to that day
        ("2020年起快手GMV为1000亿元", "1000亿元", None),  # open-ended: no period
        # 报告期内 after a comparison column named last (2022年): the report's own period
        (
            "公司于2024年3月28日披露2023年年度报告。\n营业收入 2023年 86.42亿元 2022年 75.61亿元\n"
            "报告期内，公司研发投入合计19.70亿元",
            "19.70亿元",
            "2023-01-01..2023-12-31",
        ),
        # 当年 in a paragraph naming no year: the year named last before it
        (
            "截至2023年12月31日，公司总资产为182.6亿元。\n现金红利4.20亿元，占当年归母净利润的34.8%",
            "34.8%",
            "2023-01-01..2023-12-31",
        ),
        # a year's running total up to the day named with 截至 before it: year to date
        ("截至11月底，远航汽车今年已累计交付31.06万辆", "31.06万辆", "2022-01-01..2022-11-30"),
        ("今年公司累计交付31.06万辆", "31.06万辆", "2022-01-01..2022-12-31"),
        # 上年 counts from the year written before (the year under report), else from publication
        ("公司2023年归母净利润2.86亿元，上年同期亏损1.12亿元", "1.12亿元", "2022-01-01..2022-12-31"),
        ("公司2023年营业收入86.42亿元，较上年的75.61亿元增长14.3%", "75.61亿元", "2022-01-01..2022-12-31"),
        ("12月30日，公司发布公告。上年全年营收5亿元", "5亿元", "2021-01-01..2021-12-31"),
        # a year that is the base or the 同期 of a holiday break's figure: that break in that year
        (
            "今年春节档票房前两名影片合计占比57.7%，去年同期这一比例为52.3%",
            "52.3%",
            "2021-02-11..2021-02-17",
        ),
        ("2024年春节档平均票价为49.2元，较2023年的52.4元下降6.1%", "52.4元", "2023-01-21..2023-01-27"),
        ("2023年全年票房549.15亿元，较2022年增长83%", "549.15亿元", "2023-01-01..2023-12-31"),
        # a break word heading the measure after the figure (以X的档期票房): the break named last
        (
            "2024年春节档全国电影票房为80.16亿元。\n从影片看，《长河落日》以26.84亿元的档期票房位居第一",
            "26.84亿元",
            "2024-02-10..2024-02-17",
        ),
        # 当月 in a paragraph naming no month: the month named last before it, not publication's
        # (a flash of 11月15日 on October's operating data: blind set, air1)
        (
            "2023年10月，公司旅客运输量1082.6万人次，同比增长156.3%。\n当月客座率为80.7%，同比上升17.4个百分点",
            "80.7%",
            "2023-10-01..2023-10-31",
        ),
        (
            "今年1-10月，公司累计旅客运输量9635.2万人次。\n当月客座率为80.7%",
            "80.7%",
            "2022-10-01..2022-10-31",
        ),
        # 单月 after a cumulative period: its last month; with none named, not read
        (
            "锦程地产今年前10个月累计实现合约销售额约1468亿元，单月合约销售额为126.4亿元",
            "126.4亿元",
            "2022-10-01..2022-10-31",
        ),
        ("锦程地产单月合约销售额最高为226.4亿元", "最高为226.4亿元", None),
        # a time running to now (2016年以来) names no year for what follows
        (
            "全年出口量有望创下2016年以来的新高。进口方面，1-11月我国进口铁矿砂10.8亿吨",
            "10.8亿吨",
            "2022-01-01..2022-11-30",
        ),
        # 自6月的5.4%以来: the figure is that month's own value
        ("PPI同比降幅自6月的5.4%以来持续收窄", "5.4%", "2022-06-01..2022-06-30"),
        # a quoted epithet before a break word: the break
        ("2023年中秋国庆“超级黄金周”国内出游人次约8.96亿", "约8.96亿", "2023-09-29..2023-10-06"),
        # 年内: within this year, as a target's period; never after a count (三年内, 半年内)
        ("公司计划年内覆盖超过1500家医院", "超过1500家", "2022-01-01..2022-12-31"),
        ("公司计划三年内覆盖超过1500家医院", "超过1500家", None),
        ("公司计划半年内覆盖超过1500家医院", "超过1500家", None),
        # a clause stating the base (上年同期为X) governs its own figure only
        ("快手2021年第三季度营收为204.93亿元，上年同期为153.7亿元", "153.7亿元", "2020-07-01..2020-09-30"),
        (
            "快手2021年第三季度营收为204.93亿元，上年同期为153.7亿元，同比增长33.4%；经营利润为-71.9亿元",
            "-71.9亿元",
            "2021-07-01..2021-09-30",
        ),
        # Hong Kong wording: 第三季 (with 第), 首三季; the quarter ended on a day (截至…止第三季)
        ("趣遊網絡同日公布第三季收入僅1.8億元", "1.8億元", "2021-07-01..2021-09-30"),
        ("集團2023年首三季總收入192.3億元人民幣", "192.3億元人民幣", "2023-01-01..2023-09-30"),
        ("截至2023年9月30日止第三季，總收入68.4億元人民幣", "68.4億元人民幣", "2023-07-01..2023-09-30"),
        ("截至2023年9月30日止九個月，總收入192.3億元人民幣", "192.3億元人民幣", "2023-01-01..2023-09-30"),
        ("截至2023年11月30日的三个月，公司净营收3.86亿美元", "3.86亿美元", "2023-09-01..2023-11-30"),
        ("截至2023年6月30日止六個月，集團收入為120.3億元", "120.3億元", "2023-01-01..2023-06-30"),
        ("截至2023年9月30日，总资产1.2万亿元", "1.2万亿元", "2023-09-30..2023-09-30"),  # a moment
        ("《奔跑吧》第四季播放量达30亿次", "30亿次", None),  # a show's season, not a quarter
        (
            "矽川半导体发布2023年半年报。报告期内，公司实现营业收入58.36亿元",
            "58.36亿元",
            "2023-01-01..2023-06-30",
        ),
        ("目前快手月GMV已突破千万", "突破千万", None),  # "now": never guessed
        ("快手2020年年初定下的目标是2000亿元", "2000亿元", "2020-01-01..2020-12-31"),  # a target: the year's
        (
            "快手2021年第三季度GMV达1758亿元。该季度电商收入为20亿元",
            "20亿元",
            "2021-07-01..2021-09-30",
        ),  # carried
        # the period under report, in a paragraph naming none: the article's last one
        (
            "公司披露，前三季度归母净利润108.47亿元。\n报告期内，车险保费收入486.2亿元，同比增长5.3%",
            "486.2亿元",
            "2022-01-01..2022-09-30",
        ),
        (
            "快手2021年第三季度GMV达1758亿元。\n该季度电商收入为20亿元",
            "20亿元",
            "2021-07-01..2021-09-30",
        ),
        # a quarter's word points back to the last quarter named, past a cumulative period
        (
            "快手2021年第三季度GMV达1758亿元，前三季度GMV达5000亿元。\n该季度电商收入为20亿元",
            "20亿元",
            "2021-07-01..2021-09-30",
        ),
        # a quarter's word points back to a quarter only; a word inside another is no opener
        ("快手前三季度GMV达5000亿元。\n该季度电商收入为20亿元", "20亿元", None),
        ("快手前三季度GMV达5000亿元。\n公司短期内收入有望达到30亿元", "30亿元", None),
        # a running total as of a day inside a holiday break the article named runs from the
        # break's first day (dev corpus film2)
        (
            "2024年春节档（2月10日至17日）总票房突破80亿元。\n截至2024年2月17日，《长河落日》累计票房26.84亿元",
            "26.84亿元",
            "2024-02-10..2024-02-17",
        ),
        # a ratio of a balance at a day (metrics.day_ratios) given for a year: at the year's end;
        # a ratio over the year (净息差) stays the year
        ("瀚海农商银行，2023年不良贷款率为1.86%，净息差为2.06%", "1.86%", "2023-12-31..2023-12-31"),
        ("瀚海农商银行，2023年不良贷款率为1.86%，净息差为2.06%", "2.06%", "2023-01-01..2023-12-31"),
        # ... a target for it too, its ratio named in the clause where no measure is read (bank2)
        ("对于2024年，瀚海银行力争不良贷款率控制在1.3%以内", "1.3%以内", "2024-12-31..2024-12-31"),
        # ... and outside one, the day as read
        ("截至2月17日，《长河落日》累计票房26.84亿元", "26.84亿元", "2022-02-17..2022-02-17"),
        # a price base is no time (time.not_times): the growth is of the period named before, not
        # of last year, and 上年 in it blocks nothing (blind set 3: tel1)
        (
            "2021年1—10月份，电信业务收入累计完成14570亿元，同比增长2.6%。按照上年不变价计算的电信业务总量同比增长10.3%。",
            "10.3%",
            "2021-01-01..2021-10-31",
        ),
        ("2023年，按上年价格计算的总产值增长5.2%", "5.2%", "2023-01-01..2023-12-31"),
        # 上年同期 in a later paragraph naming no period: the period under report named before (a
        # half, a quarter, a cumulative span), moved back a year, whatever days were named after it
        # (blind set 5: div3)
        (
            "公司将实施2026年半年度权益分派，每股派发现金红利0.48元，股权登记日为11月30日。\n\n"
            "这是公司第二次实施中期分红，上年同期公司每股派发现金红利0.42元。",
            "0.42元",
            "2025-01-01..2025-06-30",
        ),
        (
            "前三季度，公司实现营收12.6亿元。\n\n上年同期公司营收为10.2亿元。",
            "10.2亿元",
            "2021-01-01..2021-09-30",
        ),
        # a festival's break the article dated in brackets is that span when named again, in a
        # later paragraph too (blind set 5: appl1); never dated, the festival's default
        # (time.festivals.双11.during)
        (
            "2022年双11期间（10月20日至11月11日），公司全渠道累计销售额186.3亿元。\n\n"
            "双11期间，公司以旧换新订单量达86.2万单。",
            "86.2万单",
            "2022-10-20..2022-11-11",
        ),
        ("双11期间，公司以旧换新订单量达86.2万单。", "86.2万单", "2022-11-01..2022-11-11"),
        # ... of that year only: last year's 双11期间 is not this year's campaign
        (
            "2022年双11期间（10月20日至11月11日），销售额186.3亿元。去年双11期间销售额156.9亿元。",
            "156.9亿元",
            "2021-11-01..2021-11-11",
        ),
        # 后 closing an event is no 后年 (time.not_times): the capacity once the plant runs full,
        # of no year (blind set 5: appl2)
        ("美凌电器芜湖基地正式投产，达产后年产能为空调500万台", "500万台", None),
        ("项目建成后年产值预计达到30亿元", "30亿元", None),
        # ... while 后年 itself is the year after next
        ("公司预计后年产能达到800万台", "800万台", "2024-01-01..2024-12-31"),
    ],
)
def test_period(text: str, quote: str, period: str | None) -> None:
    assert fields(claim(text, quote), "period") == (period,)


GRAIN = "国家统计局公告，2023年全国粮食总产量14036.5亿斤，比上年增加305.4亿斤。\n"


@pytest.mark.parametrize(
    ("text", "quote", "period", "period_from"),
    [
        # a flow with no time, in a paragraph naming none: the article's period, inferred
        (
            GRAIN + "分季节看，全国夏粮产量2923.6亿斤，秋粮产量10562.7亿斤",
            "10562.7亿斤",
            "2023-01-01..2023-12-31",
            "inferred",
        ),
        (
            GRAIN + "分季节看，秋粮产量10562.7亿斤，比上年增加263.5亿斤",
            "263.5亿斤",
            "2023-01-01..2023-12-31",
            "inferred",
        ),
        (
            GRAIN + "分季节看，秋粮产量10562.7亿斤。\n其中，谷物产量12967.7亿斤",
            "12967.7亿斤",
            "2023-01-01..2023-12-31",
            "inferred",
        ),
        # ... never where the paragraph names a time of its own, even after the figure
        (GRAIN + "秋粮产量10562.7亿斤。早稻则在7月收获", "10562.7亿斤", None, None),
        # ... nor where the clause holds a time word the time pass did not read
        (GRAIN + "同日公布当期收入1.8亿元", "1.8亿元", None, None),
        # ... nor for a stock or balance
        (GRAIN + "中央储备粮库存1.2亿吨", "1.2亿吨", None, None),
        (GRAIN + "粮食贷款余额8000亿元", "8000亿元", None, None),
        # ... a percent of a statistic too
        (
            "2021年10月份，制造业采购经理指数（PMI）为49.5%。\n从企业规模看，大型企业PMI为50.7%，仍高于临界点",
            "50.7%",
            "2021-10-01..2021-10-31",
            "inferred",
        ),
        # ... nor across a change of the article's period (first 2023, then 2024)
        (GRAIN + "力争2024年粮食产量保持在1.3万亿斤以上。\n秋粮产量10562.7亿斤", "10562.7亿斤", None, None),
        # ... nor from a day (a date of an event, not a period a flow runs over)
        ("快手12月11日公告。\n秋粮产量10562.7亿斤", "10562.7亿斤", None, None),
        # ... nor for a target
        (GRAIN + "秋粮产量力争达到1.1万亿斤", "1.1万亿斤", None, None),
        # ... of the subject of any figure that held for the period, not only the last (blind set
        # 2, trd-private: 欧盟's figure closes the paragraph before; a base, 比去年同期, is no time)
        (
            "2021年前10个月，我国货物贸易进出口总值36.20万亿元，同比增长5.2%。欧盟为第二大贸易伙伴，贸易总值为4.66万亿元。\n"
            "从经营主体看，民营企业进出口20.01万亿元，占我国外贸总值的55.6%，比去年同期提升1.7个百分点",
            "20.01万亿元",
            "2021-01-01..2021-10-31",
            "inferred",
        ),
        # ... past a paragraph on the period's last month alone, written 当月 (blind set 6: fisc1, as
        # 财政部's releases lay it out); not past one naming the month as a period of its own
        (
            "2022年1—10月，全国一般公共预算收入186520亿元，同比增长1.2%。\n"
            "10月当月，全国一般公共预算收入20316亿元，同比增长2.6%。\n"
            "主要税收收入项目中，国内增值税56230亿元，同比增长1.9%",
            "56230亿元",
            "2022-01-01..2022-10-31",
            "inferred",
        ),
        (
            "2022年1—10月，全国一般公共预算收入186520亿元，同比增长1.2%。\n"
            "10月，全国一般公共预算收入20316亿元，同比增长2.6%。\n"
            "主要税收收入项目中，国内增值税56230亿元，同比增长1.9%",
            "56230亿元",
            None,
            None,
        ),
    ],
)
def test_article_period_inferred(text: str, quote: str, period: str | None, period_from: str | None) -> None:
    assert fields(claim(text, quote), "period", "period_from") == (period, period_from)


def test_unresolved_relative_year_gives_no_period() -> None:
    found = kcheck.extract("快手今年GMV为1000亿元")  # no publication date: 今年 is unknown
    assert [(c.quote, c.period) for c in found] == [("1000亿元", None)]


@pytest.mark.parametrize(
    ("text", "quote", "period"),
    [
        # a paragraph opening with 其中: the parts of the figure the paragraph before ended with
        # (blind set 2, nev1), even when it names another period after them
        (
            "2021年11月，公司交付新车38612辆。\n其中，纯电车型交付22105辆。1-11月，公司累计交付312508辆",
            "22105辆",
            "2021-11-01..2021-11-30",
        ),
        # 而去年同期为 names the base: what follows is of the year named before it (blind set 2, coal3)
        (
            "2021年11月份原煤产量4.23亿吨，同比增长1.3%，而去年同期为4.26亿吨。1—11月份累计原煤产量43.10亿吨",
            "43.10亿吨",
            "2021-01-01..2021-11-30",
        ),
    ],
)
def test_period_across_sentences(text: str, quote: str, period: str) -> None:
    assert fields(claim(text, quote), "period") == (period,)


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        # a standing attribute of a thing holds for no period, whatever time its sentence names
        # (blind set 3: rail1, rail2, rail3)
        ("5号线全长32.6公里，共设车站24座", "32.6公里", "5号线全长"),
        (
            "去年12月26日开通的地铁5号线运行平稳，5号线全长32.6公里、7号线一期全长18.4公里",
            "18.4公里",
            "7号线一期全长",
        ),
        ("2023年，江临东站总建筑面积12.6万平方米", "12.6万平方米", "江临东站总建筑面积"),
    ],
)
def test_a_standing_attribute_holds_for_no_period(text: str, quote: str, measure: str) -> None:
    assert fields(claim(text, quote), "measure", "period", "scope") == (measure, None, "standing")


@pytest.mark.parametrize(
    ("text", "quote", "period"),
    [
        # what a network or a line reached by a day is a stock of that day, not a standing attribute
        ("截至2023年底，江临轨道交通运营里程312.8公里", "312.8公里", "2023-12-31..2023-12-31"),
        # a change of a length is a change in a period
        ("2023年，线路长度同比增长12.5%", "12.5%", "2023-01-01..2023-12-31"),
    ],
)
def test_a_stock_or_change_of_a_length_keeps_its_period(text: str, quote: str, period: str) -> None:
    c = claim(text, quote)
    assert fields(c, "period") == (period,)
    assert c.scope != "standing"


@pytest.mark.parametrize(
    ("text", "quote", "period"),
    [
        # 今年以来 runs to the day its sentence is as of, else to publication (blind set 3: ship1,
        # ship2; blind set 2: bank4)
        ("截至10月29日，海辰重工今年以来新接订单86艘", "86艘", "2022-01-01..2022-10-29"),
        (
            "今年以来，瀚海银行股价累计上涨12.4%，截至3月29日收盘报5.32元/股",
            "12.4%",
            "2022-01-01..2022-03-29",
        ),
        ("今年以来，公司累计新接订单86艘", "86艘", "2022-01-01..2022-03-01"),
        # from a year on (起): no end, no period
        ("2020年起公司累计新接订单86艘", "86艘", None),
    ],
)
def test_this_year_so_far_runs_to_a_day(text: str, quote: str, period: str | None) -> None:
    assert fields(claim(text, quote), "period") == (period,)


@pytest.mark.parametrize(
    ("text", "quote", "period"),
    [
        # the first days from a day named before them (blind set 3: ret3, rail3)
        (
            "百悦商业昨日披露，于11月9日开业的广州百悦天河店首周实现销售额3.21亿元，其中开业首日销售额1.36亿元",
            "3.21亿元",
            "2022-11-09..2022-11-15",
        ),
        (
            "百悦商业昨日披露，于11月9日开业的广州百悦天河店首周实现销售额3.21亿元，其中开业首日销售额1.36亿元",
            "1.36亿元",
            "2022-11-09..2022-11-09",
        ),
        (
            "去年12月26日开通的地铁5号线运行平稳，开通首周两线日均客流21.4万人次",
            "21.4万人次",
            "2021-12-26..2022-01-01",
        ),
    ],
)
def test_the_first_days_from_a_day(text: str, quote: str, period: str) -> None:
    assert fields(claim(text, quote), "period") == (period,)


@pytest.mark.parametrize(
    ("text", "quote", "period"),
    [
        # a running total or a total count written with a month holds at its last day (blind set 3:
        # tel2, tel3)
        ("华联移动10月5G套餐用户净增312万户，累计达5.46亿户", "5.46亿户", "2022-10-31..2022-10-31"),
        ("华联移动10月5G套餐用户净增312万户，累计达5.46亿户", "312万户", "2022-10-01..2022-10-31"),
        ("10月份，移动客户总数达10.12亿户", "10.12亿户", "2022-10-31..2022-10-31"),
        # a sum (合计) of a month is that month's flow
        ("10月份，我国动力和其他电池合计产量83.2GWh", "83.2GWh", "2022-10-01..2022-10-31"),
        # ... and so does a balance written with a quarter or a half, or carried from one (real
        # probe: a central bank's lending report); the half's increment stays the half's
        ("2021年三季度，全市住户存款余额3.2万亿元", "3.2万亿元", "2021-09-30..2021-09-30"),
        (
            "上半年，全市本外币贷款增加3260亿元。分期限看，中长期贷款余额2.75万亿元，同比增长9.6%",
            "2.75万亿元",
            "2022-06-30..2022-06-30",
        ),
        (
            "上半年，全市本外币贷款增加3260亿元。分期限看，中长期贷款余额2.75万亿元，同比增长9.6%",
            "9.6%",
            "2022-06-30..2022-06-30",
        ),
        (
            "上半年，全市本外币贷款增加3260亿元。分期限看，中长期贷款余额2.75万亿元，同比增长9.6%",
            "3260亿元",
            "2022-01-01..2022-06-30",
        ),
    ],
)
def test_a_stock_written_with_a_month_holds_at_its_end(text: str, quote: str, period: str) -> None:
    assert fields(claim(text, quote), "period") == (period,)

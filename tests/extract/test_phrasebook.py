"""The extractor as a phrasebook: one row per real phrase, through ``kcheck.extract``.

Each row is a sentence (or a bare phrase), the publication date that resolves its relative
time, the quote of the claim under test and only the fields that matter for that phrase.
Rows are grouped by where they came from:

* ``CORPUS``: sentences of the bundled corpus/, verbatim;
* ``NEWS``: Chinese business-news phrasings of results, users, deliveries, shares, targets,
  forecasts and growth (the wording of company results as the Chinese and Hong Kong press
  report them, traditional characters included);
* ``DATES``: bare time phrases and dated events (a bare phrase gives a date claim);
* ``BUGS``: phrases that once went wrong.

Known gaps are ``xfail(strict=True)`` with the reason, so a fix shows up.
Period shorthand: ``2021`` a year, ``2021Q3`` a quarter, ``2021H1`` a half, ``2021-03`` a
month, ``2021-03-01`` a day, ``a..b`` any span of those.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from typing import Any

import pytest

import kcheck
from kcheck.models import Claim, Span
from kcheck.rules import load_rules

# the built-in rules, read once: kcheck.extract(rules=None) would re-read them for every row
RULES = load_rules()

D = dt.date
NOV20 = D(2020, 11, 6)
MAR22 = D(2022, 3, 1)
NOV22 = D(2022, 11, 9)
JUL21 = D(2021, 7, 27)
MAY23 = D(2023, 5, 20)


def span(text: str) -> Span:
    """``2021`` / ``2021Q3`` / ``2021H1`` / ``2021-03`` / ``2021-03-01`` / ``a..b``."""
    if ".." in text:
        a, b = text.split("..")
        return Span(start=span(a).start, end=span(b).end)
    if "Q" in text:
        y, q = text.split("Q")
        return _months(int(y), 3 * int(q) - 2, 3 * int(q))
    if "H" in text:
        y, h = text.split("H")
        return _months(int(y), 6 * int(h) - 5, 6 * int(h))
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return _months(parts[0], 1, 12)
    if len(parts) == 2:
        return _months(parts[0], parts[1], parts[1])
    day = D(*parts)
    return Span(start=day, end=day)


def _months(y: int, first: int, last: int) -> Span:
    return Span(start=D(y, first, 1), end=D(y, last, calendar.monthrange(y, last)[1]))


def row(text: str, quote: str, published: dt.date | None = None, **fields: Any) -> Any:
    return pytest.param(text, quote, published, fields, id=f"{quote}|{text[:24]}")


def gap(reason: str, text: str, quote: str, published: dt.date | None = None, **fields: Any) -> Any:
    return pytest.param(
        text,
        quote,
        published,
        fields,
        id=f"{quote}|{text[:24]}",
        marks=pytest.mark.xfail(strict=True, reason=reason),
    )


# ---------------------------------------------------------------------- corpus/, verbatim

CORPUS = [
    # 000 鸟哥笔记 2022-05-23
    row(
        "3月1日，快手电商与淘宝、京东正式“分手”。",
        "3月1日",
        D(2022, 5, 23),
        type="event",
        event="断外链",
        entity="快手",
        date="2022-03-01",
    ),
    row(
        "从快手2021年第三季度财报来看，快手电商交易总额（GMV）达到1758亿元，同比增长86.1%，其中90%来自快手小店。",
        "1758亿元",
        D(2022, 5, 23),
        value=1.758e11,
        unit="CNY",
        entity="快手",
        metric="gmv",
        period="2021Q3",
        kind="actual",
        measure="电商交易总额（GMV）",
    ),
    row(
        "从快手2021年第三季度财报来看，快手电商交易总额（GMV）达到1758亿元，同比增长86.1%，其中90%来自快手小店。",
        "86.1%",
        D(2022, 5, 23),
        type="change",
        change="yoy",
        value=86.1,
        metric="gmv",
        period="2021Q3",
    ),
    row(
        "从快手2021年第三季度财报来看，快手电商交易总额（GMV）达到1758亿元，同比增长86.1%，其中90%来自快手小店。",
        "90%",
        D(2022, 5, 23),
        type="figure",
        metric=None,
        period="2021Q3",
    ),
    row(
        "另外，淘宝在抖音的广告投放，数额非常大，在2020年就超过了200亿元，但在快手上的投放，要少得多。",
        "超过了200亿元",
        D(2022, 5, 23),
        low=2e10,
        high=None,
        entity="淘宝",
        metric="ad_spend",
        period="2020",
    ),
    row(
        "早在2020年8月，抖音就宣布10月9日起直播间将不支持第三方来源商品。",
        "10月9日起",
        D(2022, 5, 23),
        type="event",
        event="断外链",
        entity="抖音",
        date="2020-10-09",
    ),
    row(
        "断链后，据抖音电商副总裁木青透露，2021年1-9月，抖音电商GMV同比增长了7.9倍。",
        "7.9倍",
        D(2022, 5, 23),
        type="change",
        unit="x",
        value=7.9,
        entity="抖音",
        metric="gmv",
        period="2021-01..2021-09",
    ),
    row(
        "快手公开数据显示，2021年超过1000家行业风向标品牌入驻快手电商，同比增长186%，平台品牌自播GMV增长了1073%。",
        "超过1000家",
        D(2022, 5, 23),
        low=1000,
        high=None,
        unit="家",
        entity="快手",
        period="2021",
    ),
    row(
        "快手公开数据显示，2021年超过1000家行业风向标品牌入驻快手电商，同比增长186%，平台品牌自播GMV增长了1073%。",
        "1073%",
        D(2022, 5, 23),
        type="change",
        metric=None,
        measure="平台品牌自播GMV",
    ),
    row(
        "经过第一阶段爆发增长和原始积累，快手2021年完成电商GMV达6800亿元，超过原定目标6500亿元（GMV口径为提交订单口径，包括提交未支付、退款和退货等）。",
        "6800亿元",
        D(2022, 5, 23),
        kind="actual",
        metric="gmv",
        period="2021",
    ),
    row(
        "经过第一阶段爆发增长和原始积累，快手2021年完成电商GMV达6800亿元，超过原定目标6500亿元（GMV口径为提交订单口径，包括提交未支付、退款和退货等）。",
        "6500亿元",
        D(2022, 5, 23),
        kind="target",
        metric="gmv",
        period="2021",
        entity="快手",
    ),
    row(
        "同时价格带在40-50元之间，就有做出新品牌的空间。",
        "40-50元",
        D(2022, 5, 23),
        value=None,
        low=40,
        high=50,
        unit="CNY",
    ),
    row(
        "据晚点LatePost报道，快手电商将2022年的GMV目标区间定在9000亿元至9700亿元。",
        "9000亿元至9700亿元",
        D(2022, 5, 23),
        low=9e11,
        high=9.7e11,
        kind="target",
        metric="gmv",
        period="2022",
        entity="快手",
    ),
    row(
        "在信任电商方面，快手对品控要求越来越严格，官方已发布227条各类目规范和管理细则动态。",
        "227条",
        D(2022, 5, 23),
        value=227,
        unit="条",
        entity="快手",
    ),
    # 001 国际金融报 2022-03-01
    row(
        "快手将于3月1日起切断淘宝、京东联盟商品链接。",
        "3月1日起",
        MAR22,
        type="event",
        event="断外链",
        entity="快手",
        date="2022-03-01",
    ),
    row(
        "快手切断外链其实并不意外，抖音在2020年8月就已经断外链，快手虽速度慢些，但是意料之中。",
        "2020年8月",
        MAR22,
        type="event",
        event="断外链",
        entity="抖音",
        date="2020-08",
    ),
    row(
        "2020年上半年，快手的中国应用程序及小程序的平均日活跃用户数突破3亿；",
        "突破3亿",
        MAR22,
        low=3e8,
        high=None,
        entity="快手",
        period="2020H1",
    ),
    row(
        "并于2021年2月5日正式在港交所上市。",
        "2021年2月5日",
        MAR22,
        type="event",
        event="上市",
        date="2021-02-05",
    ),
    row(
        "从业绩来看，财报显示，快手在2021年前三季度收入为566.51亿元，同比上涨39.3%，经营亏损219.11亿元，同比扩大145%；",
        "566.51亿元",
        MAR22,
        value=5.6651e10,
        metric="revenue",
        period="2021-01..2021-09",
        entity="快手",
    ),
    row(
        "从业绩来看，财报显示，快手在2021年前三季度收入为566.51亿元，同比上涨39.3%，经营亏损219.11亿元，同比扩大145%；",
        "39.3%",
        MAR22,
        type="change",
        change="yoy",
        metric="revenue",
        period="2021-01..2021-09",
    ),
    row(
        "从业绩来看，财报显示，快手在2021年前三季度收入为566.51亿元，同比上涨39.3%，经营亏损219.11亿元，同比扩大145%；",
        "219.11亿元",
        MAR22,
        # a loss is its profit below zero (metrics loss_of); the change after it stays the loss's
        metric="operating_profit",
        value=-2.1911e10,
        period="2021-01..2021-09",
    ),
    row(
        "从业绩来看，财报显示，快手在2021年前三季度收入为566.51亿元，同比上涨39.3%，经营亏损219.11亿元，同比扩大145%；",
        "145%",
        MAR22,
        type="change",
        metric="operating_loss",
        value=145,
    ),
    row(
        "第三季度收入为204.93亿元，同比上涨33.4%，经营亏损74.04亿元，同比扩大437.8%。",
        "204.93亿元",
        MAR22,
        metric="revenue",
        period="2021Q3",
    ),
    row(
        "2021年前三季度快手电商交易额达4397.44亿元，同比上涨约115%；",
        "约115%",
        MAR22,
        type="change",
        value=115,
        metric="gmv",
        period="2021-01..2021-09",
    ),
    row(
        "第三季度电商交易额达1758.87亿元，同比增长约86%；",
        "1758.87亿元",
        MAR22,
        value=1.75887e11,
        metric="gmv",
    ),
    row(
        "而作为快手电商业务闭环模式的快手小店，对电商交易总额的贡献率也从2020年第三季度的71.4%增长至2021年同期的90%。",
        "71.4%",
        MAR22,
        type="figure",
        metric=None,
        period="2020Q3",
    ),
    row(
        "而作为快手电商业务闭环模式的快手小店，对电商交易总额的贡献率也从2020年第三季度的71.4%增长至2021年同期的90%。",
        "90%",
        MAR22,
        type="figure",
        metric=None,
        period="2021Q3",
    ),
    row(
        "互联网观察家丁道师表示，快手和抖音2022年预计都会突破上万亿的电商交易额。",
        "突破上万亿",
        MAR22,
        low=1e12,
        unit="CNY",
        kind="forecast",
        metric="gmv",
        entity="快手",
        period="2022",
    ),
    # 002 钛媒体 2022-11-09
    row(
        "今年3月1日,第三方电商平台与快手合作协议变更,快手断开淘宝联盟、京东联盟外链。",
        "今年3月1日",
        NOV22,
        type="event",
        event="断外链",
        entity="快手",
        date="2022-03-01",
    ),
    row(
        "在内部,快手二季度财报显示,公司包括电商业务在内的“其他服务”收入为21亿元,仅占快手收入来源的9.8%,与上一年10.3%的占比略有下降。",
        "21亿元",
        NOV22,
        metric="other_services_revenue",
        period="2022Q2",
        entity="快手",
    ),
    row(
        "在内部,快手二季度财报显示,公司包括电商业务在内的“其他服务”收入为21亿元,仅占快手收入来源的9.8%,与上一年10.3%的占比略有下降。",
        "9.8%",
        NOV22,
        metric=None,
        period="2022Q2",
    ),
    row(
        "得益于此,今年二季度,快手平台上的新商家,次月留存率同比环比均保持较大幅度的提升,实现销售额跃迁的冷启时间同比缩短了近15%。",
        "近15%",
        NOV22,
        type="change",
        value=-15,
        low=-15,
        high=-13.5,
        metric=None,
        period="2022Q2",
    ),
    row(
        "快手今年一季度的财报显示,随着电商生态自建的推进,快手小店对平台GMV的贡献已达到99%以上。",
        "99%以上",
        NOV22,
        low=99,
        high=None,
        metric=None,
        period="2022Q1",
    ),
    row(
        "除了分销体系,快手在产业带建设上,今年有计划布局100个产业带。",
        "100个",
        NOV22,
        kind="target",
        period="2022",
    ),
    row(
        "快手财报显示,2022年第二季度,快手电商交易总额达1912亿元,同比增长31.5%,快手电商复购率同比和环比均实现增长;快手直播收入达86亿元,同比增长19.1%。",
        "86亿元",
        NOV22,
        metric="live_streaming_revenue",
        period="2022Q2",
    ),
    row(
        "快手财报显示,2022年第二季度,快手电商交易总额达1912亿元,同比增长31.5%,快手电商复购率同比和环比均实现增长;快手直播收入达86亿元,同比增长19.1%。",
        "19.1%",
        NOV22,
        type="change",
        metric="live_streaming_revenue",
    ),
    row(
        "而以增速来看,2022年第一季度,快手电商GMV增速为47.7%,第二季度则为31.5%。",
        "31.5%",
        NOV22,
        type="change",
        metric="gmv",
        period="2022Q2",
    ),
    row(
        "同时,快手电商给快分销划出了阶段性的目标——打造10个10亿+超级品牌,100个1亿+品牌商家,1万个爆款百万单品,100个破亿团长。",
        "1万个",
        NOV22,
        kind="target",
        value=1e4,
    ),
    # 003 深燃 2021-07-27
    row(
        "2021 年，快手电商已经有了一些成绩，比如 Q1 财报，以电商为主的其他服务板块，收入达 12 亿元，同比增长 589.1%。",
        "12 亿元",
        JUL21,
        metric="other_services_revenue",
        period="2021Q1",
        entity="快手",
    ),
    row("电商复购率达到 65%，同比增长了 77%。", "65%", JUL21, metric="repurchase_rate"),
    row(
        "这次官方还公布了一组新数据，第二季度，品牌入驻数量同比增长 4.5 倍，品牌商品的销量同比增长 800% 以上。",
        "4.5 倍",
        JUL21,
        type="change",
        metric="merchants",
        period="2021Q2",
    ),
    row(
        "这次官方还公布了一组新数据，第二季度，品牌入驻数量同比增长 4.5 倍，品牌商品的销量同比增长 800% 以上。",
        "800% 以上",
        JUL21,
        type="change",
        low=800,
        high=None,
        metric=None,
    ),
    row(
        '雅鹿于 7 月 3 日在快手开播，" 这个月差不多卖了 2000 多万 "，他介绍。',
        "2000 多万",
        JUL21,
        unit="CNY",
        entity="雅鹿",
        period="2021-07",
    ),
    row(
        "例如海澜之家，4 月在快手自播，目前月 GMV 已突破千万。",
        "突破千万",
        JUL21,
        entity="海澜之家",
        unit="CNY",
        period=None,
    ),
    row(
        "2020 年快手电商累计打击清退 24 个团伙共计 2000 余个账号，新增风控前置化刷脸策略累计拦截 2145 场团伙直播。",
        "2145 场",
        JUL21,
        scope="cumulative",
        period="2020",
    ),
    # 004 界面新闻 (undated; written in November 2020)
    row(
        "截止2020年6月30日,快手平均日活跃用户(含应用及小程序)达3.02亿人次,平均月活(含应用及小程序)达7.76亿人次。",
        "3.02亿人次",
        NOV20,
        metric="dau",
        unit="人次",
        period="2020H1",
    ),
    row(
        "截止2020年6月30日,快手平均日活跃用户(含应用及小程序)达3.02亿人次,平均月活(含应用及小程序)达7.76亿人次。",
        "7.76亿人次",
        NOV20,
        metric="mau",
        period="2020H1",
    ),
    row(
        "截至2020年6月30日,快手平台的平均重复购买率达60%以上,快手电商业务GMV达到1096亿。",
        "1096亿",
        NOV20,
        unit="CNY",
        metric="gmv",
        period="2020H1",
    ),
    row(
        "上市前夕,快手电商曾宣布,其在累计订单总量上超过5亿,仅次于淘宝天猫、京东、拼多多。",
        "超过5亿",
        NOV20,
        metric="orders",
        scope="cumulative",
        period=None,
    ),
    row(
        "今年,快手电商的全年GMV目标是2500亿元,招股书显示,上半年快手电商已经完成将近一半的目标。",
        "2500亿元",
        NOV20,
        kind="target",
        metric="gmv",
        period="2020",
    ),
    row(
        "在借鉴中发展,快手电商的日活用户迅速破亿,不久前,快手电商高调宣布8月电商订单量超5亿单。",
        "超5亿单",
        NOV20,
        metric="orders",
        period="2020-08",
        unit="单",
    ),
    row(
        "据36氪报道,2020年年初快手制定了更高难度的增长目标,其中广告收入目标是400亿元,电商GMV目标是2000亿元,后又上调至2500亿元。",
        "2000亿元",
        NOV20,
        kind="target",
        metric="gmv",
        superseded=True,
    ),
    row(
        "据36氪报道,2020年年初快手制定了更高难度的增长目标,其中广告收入目标是400亿元,电商GMV目标是2000亿元,后又上调至2500亿元。",
        "2500亿元",
        NOV20,
        kind="target",
        metric="gmv",
        superseded=False,
        revision="上调至",
        period="2020",
    ),
    row(
        "据36氪报道,2020年年初快手制定了更高难度的增长目标,其中广告收入目标是400亿元,电商GMV目标是2000亿元,后又上调至2500亿元。",
        "400亿元",
        NOV20,
        kind="target",
        metric="ad_revenue",
    ),
    row(
        "2018财年第二季度,拼多多截至季度末12个月的GMV为2621亿元,同比增长583%。",
        "2621亿元",
        NOV20,
        metric="gmv",
        scope="trailing_12m",
        entity="拼多多",
    ),
    row(
        "到了2019年,这一数字继续下滑,全年GMV达10066亿元,同比增速为113%。",
        "113%",
        NOV20,
        type="change",
        change="yoy",
        metric="gmv",
        period="2019",
    ),
    row(
        "这一年,拼多多的新增用户数为2480万,为历史增长新低。",
        "2480万",
        NOV20,
        metric="new_users",
        entity="拼多多",
    ),
    row(
        "早些年阿里推出过千村万县项目,3年投入了100亿来补贴推动农村电商,但也不足以打开这一市场。",
        "100亿",
        NOV20,
        unit="CNY",
        entity="阿里巴巴",
        period=None,
    ),
    row(
        "供应链是京东的优势,快手则有超过3亿日活的超级流量池。",
        "超过3亿",
        NOV20,
        metric="dau",
        entity="快手",
        low=3e8,
    ),
]

# ---------------------------------------------------------------------- business news

NEWS = [
    # revenue and profit
    row(
        "腾讯控股2022年第三季度营收为1400.93亿元，同比下降2%。",
        "1400.93亿元",
        NOV22,
        metric="revenue",
        entity="腾讯",
        period="2022Q3",
        value=1.4009300e11,
    ),
    row(
        "腾讯控股2022年第三季度营收为1400.93亿元，同比下降2%。",
        "2%",
        NOV22,
        type="change",
        change="yoy",
        value=-2,
        metric="revenue",
    ),
    row(
        "阿里巴巴集团截至2022年9月30日止季度收入为2071.76亿元。",
        "2071.76亿元",
        NOV22,
        metric="revenue",
        entity="阿里巴巴",
    ),
    row(
        "京东集团2021年全年净收入为9516亿元，同比增长27.6%。",
        "27.6%",
        MAY23,
        type="change",
        change="yoy",
        entity="京东",
        period="2021",
    ),
    row(
        "拼多多2022年第二季度营收314.4亿元，同比增长36%。",
        "314.4亿元",
        NOV22,
        metric="revenue",
        entity="拼多多",
        period="2022Q2",
    ),
    row(
        "美团2021年实现营收1791.3亿元，经营亏损231.3亿元。",
        "231.3亿元",
        MAY23,
        metric="operating_profit",
        value=-2.313e10,
        entity="美团",
        period="2021",
    ),
    row(
        "贵州茅台2022年实现营业总收入1275.54亿元，归母净利润627.16亿元。",
        "1275.54亿元",
        MAY23,
        metric="revenue",
        entity="茅台",
        period="2022",
    ),
    row(
        "贵州茅台2022年实现营业总收入1275.54亿元，归母净利润627.16亿元。",
        "627.16亿元",
        MAY23,
        metric="net_profit",
        entity="茅台",
        period="2022",
    ),
    row(
        "百度第三季度营收为324.5亿元，归属百度的净利润为30亿元。",
        "324.5亿元",
        NOV22,
        metric="revenue",
        entity="百度",
        period="2022Q3",
    ),
    row(
        "小米集团2022年总收入2800亿元，经调整净利润85亿元。",
        "85亿元",
        MAY23,
        metric="adjusted_net_profit",
        entity="小米",
        period="2022",
    ),
    row(
        "网易2022年第四季度净收入为253.5亿元，同比增长8.2%。",
        "8.2%",
        MAY23,
        type="change",
        change="yoy",
        entity="网易",
        period="2022Q4",
    ),
    row(
        "哔哩哔哩第三季度净亏损17亿元，同比收窄35%。",
        "17亿元",
        NOV22,
        metric="net_profit",
        value=-1.7e9,
        entity="哔哩哔哩",
    ),
    row(
        "哔哩哔哩第三季度净亏损17亿元，同比收窄35%。",
        "35%",
        NOV22,
        type="change",
        value=-35,
        metric="net_loss",
    ),
    row(
        "快手2022年第三季度总收入为231.27亿元，其中线上营销服务收入为122.87亿元。",
        "122.87亿元",
        NOV22,
        metric="ad_revenue",
        period="2022Q3",
    ),
    row(
        "快手2022年第三季度总收入为231.27亿元，其中线上营销服务收入为122.87亿元。",
        "231.27亿元",
        NOV22,
        metric="revenue",
        period="2022Q3",
        entity="快手",
    ),
    row(
        "携程集团2023年第一季度净营业收入为44亿元，同比增长125%。",
        "44亿元",
        MAY23,
        entity="携程",
        period="2023Q1",
    ),
    row(
        "华为2021年实现销售收入6368亿元，净利润1137亿元。",
        "1137亿元",
        MAY23,
        metric="net_profit",
        entity="华为",
        period="2021",
    ),
    row(
        "华为2021年研发投入达到1427亿元，约占全年收入的22.4%。",
        "1427亿元",
        MAY23,
        metric="rd_spend",
        entity="华为",
        period="2021",
    ),
    row("华为2021年研发投入达到1427亿元，约占全年收入的22.4%。", "22.4%", MAY23, metric=None, type="figure"),
    row(
        "比亚迪2022年实现营业收入4240.61亿元，同比增长96.2%。",
        "96.2%",
        MAY23,
        type="change",
        change="yoy",
        metric="revenue",
        entity="比亚迪",
    ),
    row(
        "蔚来2022年第四季度毛利率为3.9%，上一季度为13.3%。",
        "3.9%",
        MAY23,
        metric="gross_margin",
        entity="蔚来",
        period="2022Q4",
    ),
    row(
        "理想汽车2022年全年营收452.9亿元，净亏损20.3亿元。",
        "20.3亿元",
        MAY23,
        metric="net_profit",
        value=-2.03e9,
        entity="理想汽车",
        period="2022",
    ),
    row(
        "微博第三季度广告营收为3.89亿美元。",
        "3.89亿美元",
        NOV22,
        unit="USD",
        value=3.89e8,
        metric="ad_revenue",
        entity="微博",
    ),
    row(
        "爱奇艺第三季度总营收为75亿元人民币，会员服务营收为45亿元。",
        "75亿元人民币",
        NOV22,
        unit="CNY",
        entity="爱奇艺",
        metric="revenue",
    ),
    row("腾讯游戏收入同比下降7%。", "7%", NOV22, type="change", value=-7, metric=None),
    row("该公司第三季度经营利润为52亿元。", "52亿元", NOV22, metric="operating_profit", entity=None),
    row("京东零售第三季度收入为2461亿元。", "2461亿元", NOV22, entity="京东零售", metric="revenue"),
    # traditional characters (Hong Kong filings and press)
    row(
        "騰訊控股第三季度營收為1400.93億元，按年下降2%。",
        "1400.93億元",
        NOV22,
        value=1.40093e11,
        unit="CNY",
        metric="revenue",
        entity="腾讯",
        period="2022Q3",
    ),
    row(
        "騰訊控股第三季度營收為1400.93億元，按年下降2%。", "2%", NOV22, type="change", change="yoy", value=-2
    ),
    # 按月 is the Hong Kong press's 环比 for a month's figure (dev corpus nev3): a sequential change
    # of the level before it, not a measure
    row(
        "馳遠汽車11月交付新車38,612輛，按年增長62.1%，按月增長7.9%；",
        "7.9%",
        NOV22,
        type="change",
        change="qoq",
        value=7.9,
        metric="deliveries",
    ),
    # 截至...止三个月 (the three months ended): the quarter, in Hong Kong filings
    row(
        "快手截至2022年9月30日止三個月的經營溢利為5.2億元。",
        "5.2億元",
        NOV22,
        metric="operating_profit",
        entity="快手",
    ),
    row(  # 截至<day>止三個月: the three months ended that day (time.yaml periods_ended)
        "快手截至2022年9月30日止三個月的經營溢利為5.2億元。",
        "5.2億元",
        NOV22,
        period="2022Q3",
    ),
    row(
        "小米集團2022年收入為人民幣2,800億元。",
        "人民幣2,800億元",
        MAY23,
        value=2.8e11,
        metric="revenue",
        entity="小米",
        period="2022",
    ),
    row(
        "美團第三季度經營虧損為13億元。",
        "13億元",
        NOV22,
        metric="operating_profit",
        value=-1.3e9,
        entity="美团",
    ),
    row(
        "拼多多集團第二季度總營收為314.4億元，按年增長36%。",
        "36%",
        NOV22,
        type="change",
        change="yoy",
        entity="拼多多",
    ),
    row(
        "阿里巴巴截至3月31日止財政年度，股東應佔溢利為470.79億元。",
        "470.79億元",
        MAY23,
        metric="net_profit",
        entity="阿里巴巴",
    ),
    row("騰訊第三季度研發開支為156億元。", "156億元", NOV22, metric="rd_spend", entity="腾讯"),
    row(
        "快手第三季度平均日活躍用戶達3.63億。", "3.63億", NOV22, metric="dau", entity="快手", period="2022Q3"
    ),
    row("京東集團全職員工人數約為54萬人。", "約為54萬人", NOV22, metric="headcount", entity="京东"),
    # users
    row(
        "快手2022年第三季度平均日活跃用户达3.63亿，同比增长13.2%。",
        "3.63亿",
        NOV22,
        metric="dau",
        entity="快手",
        period="2022Q3",
        value=3.63e8,
    ),
    row(
        "快手2022年第三季度平均日活跃用户达3.63亿，同比增长13.2%。",
        "13.2%",
        NOV22,
        type="change",
        change="yoy",
        metric="dau",
    ),
    row("快手第三季度平均月活跃用户为6.26亿。", "6.26亿", NOV22, metric="mau", period="2022Q3"),
    row("微信及WeChat的合并月活跃账户数达13.09亿。", "13.09亿", NOV22, entity="微信"),
    row(
        "哔哩哔哩第三季度月均活跃用户达3.33亿，同比增长25%。",
        "3.33亿",
        NOV22,
        metric="mau",
        entity="哔哩哔哩",
    ),
    row(
        "截至2022年9月30日，拼多多年度活跃买家数达8.8亿。",
        "8.8亿",
        NOV22,
        metric="users",
        entity="拼多多",
        period="2022-09-30",
    ),
    row("淘宝天猫年度活跃消费者超过10亿。", "超过10亿", NOV22, entity="淘宝", low=1e9, high=None),
    row("小红书月活跃用户已突破2亿。", "突破2亿", NOV22, metric="mau", entity="小红书", low=2e8),
    row("爱奇艺第三季度订阅会员规模达1.01亿。", "1.01亿", NOV22, entity="爱奇艺"),
    row("抖音日活跃用户超过6亿。", "超过6亿", NOV22, metric="dau", entity="抖音", low=6e8, period=None),
    row("2022年，快手新增用户数为6000万。", "6000万", NOV22, metric="new_users", period="2022"),
    # a yearless quarter that has not begun at publication reports last year's
    row(
        "B站第四季度日均活跃用户达9280万。", "9280万", MAY23, metric="dau", entity="哔哩哔哩", period="2022Q4"
    ),
    row(
        "快手三季度GMV达1758亿元，同比增长86.1%",
        "1758亿元",
        MAR22,
        metric="gmv",
        entity="快手",
        period="2021Q3",
    ),
    row(
        "预计第四季度收入将达到300亿元。",
        "300亿元",
        MAY23,
        metric="revenue",
        kind="forecast",
        period="2023Q4",
    ),
    row(
        "网易云音乐付费用户数达到3890万。",
        "3890万",
        MAY23,
        entity="网易",
        metric=None,
        measure="云音乐付费用户数",
    ),
    # GMV and orders
    row(
        "拼多多2019年全年GMV达10066亿元，同比增长113%。",
        "10066亿元",
        NOV20,
        metric="gmv",
        entity="拼多多",
        period="2019",
        unit="CNY",
    ),
    row(
        "抖音电商2021年GMV超过8000亿元。",
        "超过8000亿元",
        MAR22,
        metric="gmv",
        entity="抖音",
        low=8e11,
        period="2021",
    ),
    row(
        "2022年双11期间，京东平台累计成交额超过3000亿元。",
        "超过3000亿元",
        NOV22,
        metric="gmv",
        scope="cumulative",
        entity="京东",
    ),
    row("淘宝直播2021年的成交总额约为5000亿元。", "约为5000亿元", MAR22, metric="gmv", entity="淘宝"),
    row("2022年天猫商城GMV达到4.2万亿元。", "4.2万亿元", MAY23, value=4.2e12, metric="gmv", entity="天猫"),
    row(
        "美团第三季度即时配送订单量为50亿笔，同比增长19%。",
        "50亿笔",
        NOV22,
        metric=None,
        measure="即时配送订单量",
        entity="美团",
        unit="笔",
    ),
    row("快手电商2021年订单量超过40亿单。", "超过40亿单", MAR22, metric="orders", unit="单"),
    row("截至2022年6月30日，有赞存量付费商家数为10.5万家。", "10.5万家", NOV22, entity="有赞", unit="家"),
    # deliveries, sales, shares, rates, headcount
    row(
        "蔚来2022年12月交付新车15815台，同比增长60%。",
        "15815台",
        MAY23,
        metric="deliveries",
        entity="蔚来",
        period="2022-12",
        unit="台",
    ),
    row(
        "理想汽车2022年全年累计交付133246辆。",
        "133246辆",
        MAY23,
        metric="deliveries",
        entity="理想汽车",
        period="2022",
        scope="cumulative",
    ),
    # a part of sales (NEV sales), a share in one market: the measure, no metric
    row(
        "比亚迪2022年新能源汽车销量达186.35万辆，同比增长208.64%。",
        "186.35万辆",
        MAY23,
        metric=None,
        entity="比亚迪",
        value=1.8635e6,
        period="2022",
    ),
    row(
        "特斯拉2022年第四季度共交付40.53万辆电动汽车。", "40.53万辆", MAY23, entity="特斯拉", period="2022Q4"
    ),
    row(
        "小鹏汽车10月交付量为5101辆，环比下降47%。",
        "47%",
        NOV22,
        type="change",
        change="qoq",
        value=-47,
        metric="deliveries",
    ),
    row(
        "小鹏汽车10月交付量为5101辆，环比下降47%。",
        "5101辆",
        NOV22,
        metric="deliveries",
        entity="小鹏汽车",
        period="2022-10",
    ),
    row("小米手机在中国市场的份额为13%，排名第四。", "13%", NOV22, metric=None, entity="小米"),
    row("宁德时代全球动力电池市场占有率达到37%。", "37%", NOV22, metric=None, entity="宁德时代"),
    row("该公司的市场份额为23.5%。", "23.5%", NOV22, metric="market_share"),
    row("抖音电商的复购率约为40%。", "约为40%", NOV22, metric="repurchase_rate", entity="抖音"),
    row("快手电商的货币化率为0.8%左右。", "0.8%左右", NOV22, metric="take_rate"),
    row("截至2021年底，华为员工总数约19.5万人。", "约19.5万人", MAY23, metric="headcount", entity="华为"),
    row("阿里巴巴员工总数为239740人。", "239740人", NOV22, metric="headcount", entity="阿里巴巴"),
    row(
        "百度2021年研发费用为221亿元，占营收比例为17.8%。",
        "221亿元",
        MAY23,
        metric="rd_spend",
        entity="百度",
        period="2021",
    ),
    row("小米集团2022年研发开支为160亿元，同比增长21.2%。", "21.2%", MAY23, type="change", metric="rd_spend"),
    row("快手第三季度销售及营销开支为121亿元。", "121亿元", NOV22, metric="marketing_spend", entity="快手"),
    row(
        "截至2022年9月30日，快手现金及现金等价物为133亿元。",
        "133亿元",
        NOV22,
        metric="cash",
        period="2022-09-30",
    ),
    row("截至发稿，快手市值约为2200亿港元。", "约为2200亿港元", NOV22, metric="market_cap", unit="HKD"),
    row("小红书最新估值为200亿美元。", "200亿美元", NOV22, metric="valuation", unit="USD", entity="小红书"),
    # growth
    row("快手电商GMV同比增长86.1%。", "86.1%", NOV22, type="change", change="yoy", metric="gmv"),
    row("营收环比增长5.4%。", "5.4%", NOV22, type="change", change="qoq", metric="revenue"),
    row("净利润同比下滑12%。", "12%", NOV22, type="change", value=-12, metric="net_profit"),
    row(
        "毛利率同比提升2.3个百分点。",
        "2.3个百分点",
        NOV22,
        type="change",
        unit="pp",
        value=2.3,
        metric="gross_margin",
    ),
    row(
        "净利率同比下降3个百分点。",
        "3个百分点",
        NOV22,
        type="change",
        unit="pp",
        value=-3,
        metric="net_margin",
    ),
    row("月活跃用户增长至6.26亿。", "6.26亿", NOV22, type="figure", metric="mau"),
    row("广告收入同比减少了7.6%。", "7.6%", NOV22, type="change", value=-7.6, metric="ad_revenue"),
    row("直播收入的增速为19.1%。", "19.1%", NOV22, type="change", metric="live_streaming_revenue"),
    row("营收增幅达到22%。", "22%", NOV22, type="change", metric="revenue"),
    row("净亏损降幅为35%。", "35%", NOV22, type="change", value=-35, metric="net_loss"),
    row("订单量同比翻了一番，增长了1倍。", "1倍", NOV22, type="change", unit="x", value=1),
    row("交付量实现3倍增长。", "3倍", NOV22, type="change", unit="x", value=3, metric="deliveries"),
    row(
        "与去年同期相比，该公司营收增长了18%。",
        "18%",
        NOV22,
        type="change",
        change="yoy",
        metric="revenue",
        period=None,
    ),
    row(
        "2022年第二季度，快手营收同比增长13.3%，环比增长10.6%。",
        "10.6%",
        NOV22,
        type="change",
        change="qoq",
        metric="revenue",
        period="2022Q2",
    ),
    # targets, forecasts, guidance
    row(
        "蔚来预计2023年第一季度交付量为31000辆至33000辆。",
        "31000辆至33000辆",
        MAY23,
        kind="forecast",
        low=31000,
        high=33000,
        metric="deliveries",
        period="2023Q1",
    ),
    row(
        "理想汽车预计第四季度收入将达到186亿元至197亿元。",
        "186亿元至197亿元",
        NOV22,
        kind="forecast",
        metric="revenue",
        low=1.86e10,
        high=1.97e10,
    ),
    row(
        "小鹏汽车计划2023年交付20万辆新车。",
        "20万辆",
        MAY23,
        kind="target",
        metric="deliveries",
        period="2023",
    ),
    row(
        "比亚迪2023年销量目标为300万辆。",
        "300万辆",
        MAY23,
        kind="target",
        metric="sales",
        period="2023",
        entity="比亚迪",
    ),
    row(
        "快手力争2022年电商GMV突破1万亿元。",
        "突破1万亿元",
        MAR22,
        kind="target",
        metric="gmv",
        period="2022",
        low=1e12,
    ),
    row(
        "分析师预期拼多多第三季度营收将达到255亿元。",
        "255亿元",
        NOV22,
        kind="forecast",
        metric="revenue",
        entity="拼多多",
    ),
    row(
        "京东有望在2025年实现营收1.5万亿元。",
        "1.5万亿元",
        MAY23,
        kind="forecast",
        metric="revenue",
        period="2025",
    ),
    row("公司将全年营收指引上调至1000亿元。", "1000亿元", NOV22, kind="target", metric="revenue"),
    row(
        "特斯拉2023年的交付目标定在180万辆。",
        "180万辆",
        MAY23,
        kind="target",
        entity="特斯拉",
        metric="deliveries",
        period="2023",
    ),
    row(
        "快手将2022年的研发投入目标定为150亿元，后下调至130亿元。",
        "130亿元",
        NOV22,
        kind="target",
        metric="rd_spend",
        revision="下调至",
    ),
    row(
        "快手将2022年的研发投入目标定为150亿元，后下调至130亿元。",
        "150亿元",
        NOV22,
        kind="target",
        metric="rd_spend",
        superseded=True,
    ),
    row(
        "2021年快手电商GMV为6800亿元，超过了6500亿元的目标。",
        "6800亿元",
        MAR22,
        kind="actual",
        metric="gmv",
        period="2021",
    ),
    # qualifiers and bare magnitudes
    row("近700万元", "近700万元", None, low=6.3e6, high=7e6, unit="CNY", qualifier="近"),
    row("超过200亿元", "超过200亿元", None, low=2e10, high=None, unit="CNY"),
    row("约86%", "约86%", None, value=86, unit="%"),
    row("全天支付金额达到14.2亿", "14.2亿", None, unit="CNY", metric="gmv", value=1.42e9),
    row("这个月卖了2000多万", "2000多万", None, unit="CNY", low=2e7),
    row("公司投入了100亿", "100亿", None, unit="CNY"),
    row("累计订单总量超过5亿", "超过5亿", None, unit=None, metric="orders", scope="cumulative"),
    row("用户规模达到3亿", "3亿", None, unit=None, metric="users"),
    row("营收不足50亿元", "不足50亿元", None, high=5e9, low=None, metric="revenue"),
    row("员工人数逾1万人", "逾1万人", None, low=1e4, high=None, metric="headcount"),
    row("净利润在5亿元左右", "5亿元左右", None, value=5e8, metric="net_profit"),
    row("GMV在2000亿元至2500亿元之间", "2000亿元至2500亿元", None, low=2e11, high=2.5e11, metric="gmv"),
    row("市场份额接近30%", "接近30%", None, high=30, metric="market_share"),
    row("３．０２亿人次", "３．０２亿人次", None, value=3.02e8, unit="人次"),
    row("营收约为1.2万亿日元", "约为1.2万亿日元", None, unit="JPY", metric="revenue"),
    row("收入为12.5亿港元", "12.5亿港元", None, unit="HKD", value=1.25e9, metric="revenue"),
    row("GMV为2.5亿美元", "2.5亿美元", None, unit="USD", metric="gmv"),
    row("研发投入占比为15%", "15%", None, metric=None, unit="%"),
]

# ---------------------------------------------------------------------- dates and events

DATES = [
    row("今年第一季度", "今年第一季度", MAR22, type="event", event=None, dimension="date", date="2022Q1"),
    row("2021年第三季度", "2021年第三季度", None, type="event", date="2021Q3"),
    row("2019年6月", "2019年6月", None, date="2019-06"),
    row("3月1日", "3月1日", MAR22, date="2022-03-01"),
    row("去年", "去年", MAR22, date="2021"),
    row("上半年", "上半年", NOV20, date="2020H1"),
    row("2021年前三季度", "2021年前三季度", None, date="2021-01..2021-09"),
    row("2020年8月", "2020年8月", None, date="2020-08"),
    row("2022年3月1日", "2022年3月1日", None, date="2022-03-01"),
    row("2018财年第二季度", "2018财年第二季度", None, date="2018Q2"),
    row(
        "快手于2021年2月5日在港交所上市。",
        "2021年2月5日",
        NOV22,
        type="event",
        event="上市",
        entity="快手",
        date="2021-02-05",
    ),
    row(
        "2020年11月5日，快手向港交所递交招股书。",
        "2020年11月5日",
        NOV22,
        type="event",
        event="递交招股书",
        entity="快手",
        date="2020-11-05",
    ),
    row(
        "2018年7月26日，拼多多在纳斯达克上市。",
        "2018年7月26日",
        NOV22,
        type="event",
        event="上市",
        entity="拼多多",
        date="2018-07-26",
    ),
    row(
        "2022年10月，京东联盟与快手恢复商品外链合作。",
        "2022年10月",
        NOV22,
        type="event",
        event="恢复外链",
        entity="京东",
        date="2022-10",
    ),
    row(
        "小鹏汽车于2021年7月7日在港交所上市。",
        "2021年7月7日",
        NOV22,
        type="event",
        event="上市",
        entity="小鹏汽车",
    ),
    row(
        "抖音在2020年10月9日起切断外链。",
        "2020年10月9日起",
        NOV22,
        type="event",
        event="断外链",
        entity="抖音",
        date="2020-10-09",
    ),
]

NOT_EVENTS = [
    # a repeated verb (上线) with nothing after it tells no event apart (2019年6月，快手电商部门
    # 正式成立: an event of its own, 成立:部门, tests/extract/claims/test_events.py)
    ("2018年6月，快手小店上线。", MAR22),
    ("从快手2021年第三季度财报来看，此次断链对快手的整体影响不大。", MAR22),
    ("2022年，苹果新品上市。", MAR22),
]

# an announcement date dates the announcement (发布, keyed by what it said), never the event
# it announces (断外链, 恢复外链)
ANNOUNCEMENTS = [
    (
        "在此前（2月22日）的公告中，快手电商决定切断淘宝京东联盟商品链接。",
        MAR22,
        "发布:快手电商决定切断淘宝京东联盟商品链接",
    ),
    (
        "2021年11月，快手就曾宣布直播间不再支持挂有赞和魔筷的商品。",
        MAR22,
        "发布:直播间不再支持挂有赞和魔筷的商品",
    ),
    ("2022年10月，京东联盟宣布与快手恢复商品外链合作。", NOV22, "发布:与快手恢复商品外链合作"),
]

NOT_CLAIMS = [
    # years, ordinals, list numbers, slogans, durations, hypothetical examples, codes
    ("今年是快手上线的第11年。", MAR22),
    ("快手今年也推出了百亿补贴活动。", MAR22),
    ("这一年，拼多多只用了短短两年。", MAR22),
    ("1、快手电商的“拼多多”式发展", MAR22),
    ("但7个月的时间过去了，快手为何又再度恢复了外链合作？", MAR22),
    ("即把蛋糕假设为 100 份，一边拿去 60 份，剩下只有 40 份。", MAR22),
    ("快手（01024.HK）今日股价上涨。", MAR22),
    ("他在5个小时完成了直播。", MAR22),
    ("在下半年会为服务商准备亿级现金、千亿级流量。", MAR22),
    ("快手在2018年推出了电商业务。", MAR22),
]

# ---------------------------------------------------------------------- bugs caught on the way

BUGS = [
    # ... days a measure of days names are its figure (存货周转天数, 应收账款平均回收期: the
    # statistical releases' turnover days), the change after it too; the measure is no owner
    row(
        "10月末，规模以上工业企业产成品存货周转天数为18.6天，同比增加0.4天。",
        "18.6天",
        D(2025, 11, 27),
        unit="天",
        value=18.6,
        measure="规模以上工业企业产成品存货周转天数",
        entity=None,
        period="2025-10-31",
    ),
    row(
        "10月末，规模以上工业企业产成品存货周转天数为18.6天，同比增加0.4天。",
        "0.4天",
        D(2025, 11, 27),
        unit="天",
        change="yoy",
        measure="规模以上工业企业产成品存货周转天数",
    ),
    row("新品从立项到上市只用了20天。", "20天", D(2025, 11, 27), absent=True),
    # ... a bridge's 全长 in 米 is a length, 米 kept as its unit
    row(
        "青溪大桥是全县首座特大桥，全长2418米。",
        "2418米",
        D(2025, 11, 27),
        unit="米",
        value=2418,
        measure="全长",
    ),
    # time across the document: a flow with no time, in a paragraph naming none, holds for the
    # article's period, inferred (a weak link); a stock or another subject does not take it
    row(
        "国家统计局公告，2023年全国粮食总产量14036.5亿斤，比上年增加305.4亿斤，增长2.2%。\n"
        "分季节看，全国夏粮产量2923.6亿斤，早稻产量550.2亿斤，秋粮产量10562.7亿斤，比上年增加263.5亿斤。",
        "10562.7亿斤",
        D(2023, 12, 11),
        period="2023",
        period_from="inferred",
        measure="秋粮产量",
    ),
    # ... a lede that names the period after a figure of its own (31个省) frames the article
    row(
        "根据对全国31个省（区、市）的抽样调查，2022年全国粮食总产量、播种面积如下：\n"
        "一、全国粮食总产量68652.8万吨，比2021年增加368.1万吨，增长0.5%。",
        "68652.8万吨",
        D(2022, 12, 12),
        period="2022",
        period_from="inferred",
    ),
    # a break word alone (假期, 黄金周) is the holiday break named before: the paragraph's last,
    # else the article's first; with a day governing the clause, the break holding that day
    row(
        "经文化和旅游部数据中心测算，春节假期8天，国内旅游出游4.74亿人次。\n据测算，假期异地游客占比达到41.2%。",
        "41.2%",
        D(2024, 2, 18),
        period="2024-02-10..2024-02-17",
    ),
    row(
        "五一假期，国内旅游出游2.95亿人次。\n国庆假期，国内旅游出游7.54亿人次。\n假期人均出游花费约912元。",
        "约912元",
        D(2024, 10, 8),
        period="2024-05-01..2024-05-05",
    ),
    row(
        "9月29日，该乐园在青岛正式开业，开业首个黄金周即接待游客52.3万人次。",
        "52.3万人次",
        D(2023, 10, 8),
        period="2023-09-29",
    ),
    row(
        "中秋国庆假期8天，国内旅游出游8.26亿人次。9月29日，该乐园在青岛正式开业，开业首个黄金周即接待游客52.3万人次。",
        "52.3万人次",
        D(2023, 10, 8),
        period="2023-09-29..2023-10-06",
    ),
    row("假期全国边检机关日均保障出入境旅客约148.5万人次。", "约148.5万人次", D(2023, 10, 8), period=None),
    # a time between 恢复至 and 的 is the base of a ratio: the figure is of the sentence's period
    row(
        "五一假期，国内旅游出游2.74亿人次，按可比口径恢复至2019年同期的119.1%。",
        "119.1%",
        D(2023, 5, 4),
        period="2023-04-29..2023-05-03",
    ),
    row(
        "端午节假期，国内旅游出游1.06亿人次，恢复至2019年同期的112.8%，但国内旅游收入只恢复到94.9%。",
        "94.9%",
        D(2023, 6, 25),
        period="2023-06-22..2023-06-24",
    ),
    row(
        "截止2020年6月30日，快手电商业务GMV达到1096亿。\n上市前夕，快手电商曾宣布，其在累计订单总量上超过5亿。",
        "超过5亿",
        D(2020, 11, 6),
        period=None,
        period_from=None,
    ),
    row(
        "2023年前三季度，公司实现营业收入120.5亿元。\n截至9月末，公司贷款余额800.2亿元。\n公司存款余额900.3亿元。",
        "900.3亿元",
        D(2023, 10, 28),
        period_from=None,
    ),
    # time across the document: a comparison base is not the figure's period, nor the year of what follows
    row(
        "11月住房贷款投放较10月明显回升，环比多增超过900亿元。",
        "超过900亿元",
        D(2022, 12, 12),
        period="2022-11",
    ),
    row(
        "1—11月份，以2019年同期为基期，全国工业企业利润两年平均增长18.5%。",
        "18.5%",
        D(2022, 12, 27),
        period="2022-01..2022-11",
    ),
    row(
        "前两月浙江收入相比2019年增长20%以上，其中杭州一般预算收入812.3亿元。",
        "812.3亿元",
        D(2021, 3, 20),
        period="2021-01..2021-02",
    ),
    row(
        "增速比上年同期低1.5个百分点；11月份人民币贷款增加1.2万亿元。",
        "1.2万亿元",
        D(2022, 12, 12),
        period="2022-11",
    ),
    # ... but the base's own value is of the base (较去年同期的35.8%)
    row(
        "2023年上半年毛利率为24.6%，较去年同期的35.8%下降了11.2个百分点。",
        "35.8%",
        D(2023, 8, 28),
        period="2022H1",
    ),
    # 当月: the month named before, else the month a cumulative period runs to; not publication's
    row(
        "11月末，个人住房贷款余额38.2万亿元，当月增加2100亿元。",
        "2100亿元",
        D(2022, 12, 12),
        period="2022-11",
    ),
    row("1-8月，全国社会物流总额约210万亿元；当月增长4.1%。", "4.1%", D(2022, 9, 28), period="2022-08"),
    # 月末 / 年末: the balance-sheet date, the last day
    row("10月末，广义货币（M2）余额260.5万亿元。", "260.5万亿元", D(2022, 11, 10), period="2022-10-31"),
    row("截至2022年末，行业总资产11.1万亿元。", "11.1万亿元", D(2023, 3, 1), period="2022-12-31"),
    # festivals: the official break, a day of it
    row(
        "国庆假期最后一天，全国铁路预计发送旅客1200万人次。",
        "1200万人次",
        D(2022, 10, 8),
        period="2022-10-07",
    ),
    row(
        "中秋国庆假期期间，景区累计接待游客30.5万人次。",
        "30.5万人次",
        D(2023, 10, 9),
        period="2023-09-29..2023-10-06",
    ),
    row("旅游价格受国庆长假结束影响环比回落，但同比仍上涨4.2%。", "4.2%", D(2023, 11, 9), period=None),
    # a flow after a quarter-end day carried from the sentence before: the year to that day
    row(
        "截至2021年9月30日，公司总资产1.2万亿元。公司实现营业收入356亿元。",
        "356亿元",
        D(2021, 10, 28),
        period="2021-01..2021-09",
    ),
    # a metric alias overlapping the entity: 快手电商|交易总额 reads 电商交易总额
    row("快手电商交易总额达1912亿元", "1912亿元", NOV22, measure="电商交易总额", metric="gmv", entity="快手"),
    # a bracketed remark does not narrow the metric
    row("快手平均日活跃用户(含应用及小程序)达3.02亿人次", "3.02亿人次", NOV20, metric="dau"),
    # the head noun after the alias decides (销售额跃迁的冷启时间 is no sales figure)
    row("实现销售额跃迁的冷启时间同比缩短了近15%", "近15%", NOV22, metric=None),
    # 增长至: the new level, not a change
    row("贡献率从71.4%增长至90%", "90%", NOV22, type="figure"),
    # a percent is not GMV
    row("当时第三方平台仅贡献了10%的GMV", "10%", NOV22, metric=None),
    # 目前: the figure is of the present
    row("4月在快手自播，目前月GMV已突破千万。", "突破千万", NOV22, period=None),
    # the comparison base (与去年同期相比) is not the period of the growth
    row(
        "2022年第二季度，快手营收为231亿元。与去年同期相比，营收增长了13%。",
        "13%",
        NOV22,
        period="2022Q2",
        change="yoy",
    ),
    # an unresolved relative year blocks the carried period
    row(
        "2019年，快手电商GMV为596亿元。今年上半年快手电商GMV总额达到1096亿元。", "1096亿元", None, period=None
    ),
    # a duration is no claim, and the figure after it still is
    row(
        "拼多多成立不到3年，GMV就突破了1000亿元。",
        "突破了1000亿元",
        NOV22,
        metric="gmv",
        low=1e11,
        entity="拼多多",
    ),
    gap(
        "the year named two paragraphs before (2020年5月) does not reach 6月16日: TimeContext resets per paragraph",
        "2020年5月，快手宣布与京东达成战略合作。\n最终6月16日“快手京东双百亿补贴”全天支付金额达到14.2亿。",
        "14.2亿",
        NOV22,
        period="2020-06-16",
    ),
    gap(
        "不止是X: the subject is not X; not read",
        "不止是海澜之家，张一鹏也透露，第二季度，传统品牌的入驻达 4.5 倍增长。",
        "4.5 倍",
        JUL21,
        entity="快手",
    ),
    gap(
        "an entity in the paragraph before does not carry over (paragraph-scoped)",
        "2018年,拼多多的GMV为4716亿元。\n到了2019年,这一数字继续下滑,全年GMV达10066亿元。",
        "10066亿元",
        NOV20,
        entity="拼多多",
    ),
    gap(
        "a festival name written as a decimal (6.18) is read as a figure by the number pass",
        "今年“6.18”快手电商也采取“百亿补贴”的策略。",
        "6.18",
        NOV20,
        absent=True,
    ),
    # blind set 4 (session 7): a verb written once before a 分别 list is every item's
    row(
        "10月份，一线城市新建商品住宅销售价格环比下降0.3%。其中，北京、上海分别上涨0.1%和0.2%，广州、深圳分别下降0.7%和0.6%。",
        "0.6%",
        D(2025, 11, 14),
        value=-0.6,
        type="change",
        change="qoq",
    ),
    row(
        "10月份，二线、三线城市新建商品住宅销售价格同比分别下降5.3%和6.1%。",
        "6.1%",
        D(2025, 11, 14),
        value=-6.1,
        change="yoy",
    ),
    # ... a fiscal year's label is no calendar year for the yearless dates after it
    row(
        "公司财年截至每年3月31日。公司维持2026财年智能手机出货量5800万台的目标。X9系列于10月28日发布后，首销日（11月1日）全渠道销售额突破10亿元。",
        "突破10亿元",
        D(2025, 11, 19),
        period="2025-11-01",
    ),
    # ... the sectors of the economy and groups of households are parts of the country's figure,
    # not subjects a later clause continues
    row(
        "10月份，全社会用电量8572亿千瓦时，同比增长6.8%。\n"
        "从分产业用电看，第一产业用电量112亿千瓦时，同比增长9.5%；第二产业用电量5421亿千瓦时，同比增长5.6%；"
        "城乡居民生活用电量1361亿千瓦时，同比增长7.9%。",
        "5421亿千瓦时",
        D(2025, 11, 20),
        entity=None,
        measure="第二产业用电量",
        period="2025-10",
        period_from=None,
    ),
    # ... a paragraph opened by a breakdown frame (分类型看) is the parts of the one before, at its period
    row(
        "截至2025年10月底，管理的公募基金资产净值合计36.85万亿元。\n"
        "分类型看，货币市场基金规模14.62万亿元，较上月末增加2156亿元；债券基金规模7.35万亿元。",
        "7.35万亿元",
        D(2025, 11, 25),
        period="2025-10-31",
    ),
    row(
        "其中，充换电服务业用电量同比增长48.6%。城乡居民生活用电量1361亿千瓦时，较上年同期的1188亿千瓦时增长7.9%。",
        "1361亿千瓦时",
        D(2025, 11, 21),
        entity=None,
    ),
    # ... a public body's name is not cut at a company suffix inside it (国家能源局, 中国证券投资基金业协会)
    row(
        "中国证券投资基金业协会11月25日发布数据显示，截至2025年10月底，我国境内公募基金管理机构共有163家，"
        "管理的公募基金资产净值合计36.85万亿元，较9月底增加4823亿元。",
        "36.85万亿元",
        D(2025, 11, 25),
        entity=None,
        measure="公募基金资产净值合计",
        period="2025-10-31",
    ),
    row(
        "格隆汇11月20日丨国家能源局发布10月份全社会用电量等数据。10月份，全社会用电量8572亿千瓦时，同比增长6.8%。",
        "6.8%",
        D(2025, 11, 20),
        entity=None,
    ),
    # ... a plant connected to the grid is a dated event of the plant (events: 并网)
    row(
        "项目方面，远川新能源投资建设的青海格尔木1GW光伏基地项目于10月30日实现全容量并网。",
        "10月30日",
        D(2025, 11, 21),
        event="并网",
        date="2025-10-30",
    ),
    # ... a balance dated by a month's 底 holds at its last day (as 月末 and 截至…底)
    row(
        "此前，9月底公募基金资产净值合计为36.37万亿元。",
        "36.37万亿元",
        D(2025, 11, 25),
        period="2025-09-30",
    ),
    row(
        "公司计划10月底发布新品，预计销售额10亿元。",
        "10亿元",
        D(2025, 9, 25),
        period="2025-10-21..2025-10-31",
    ),
    # ... 规划建筑面积 (zoned floor area of land sold) is a measure, not a plan
    row(
        "据中指研究院监测，1—10月，全国300城住宅用地成交规划建筑面积3.86亿平方米，同比下降12.4%。",
        "3.86亿平方米",
        D(2025, 11, 17),
        kind="actual",
        period="2025-01..2025-10",
    ),
    # ... 二套房 is a kind of home loan, not a count of two
    row(
        "江澜市住房公积金新政自10月15日起实施，二套房首付比例由30%下调至20%。",
        "二套",
        D(2025, 11, 17),
        absent=True,
    ),
    # ... 今年以来 runs to the 截至 day of its sentence, else to publication; 2016年以来 stays open
    row(
        "截至11月30日，今年以来全市场新成立基金1386只，合计发行规模1.02万亿元。",
        "1386只",
        D(2025, 12, 1),
        period="2025-01-01..2025-11-30",
    ),
    row(
        "今年以来，茶语时光股价累计上涨38.6%。",
        "38.6%",
        D(2025, 8, 27),
        period="2025-01-01..2025-08-27",
    ),
    row(
        "出口额创2016年以来新高，达到5000亿元。",
        "5000亿元",
        D(2025, 8, 27),
        period=None,
    ),
    # ... 全球 makes a figure the world market's, not the article's company's
    row(
        "星耀科技昨日發佈新機。另據市場研究機構統計，第三季全球智能手機出貨量3.22億部，按年增長2.6%。",
        "3.22億部",
        D(2025, 10, 24),
        entity=None,
    ),
    # ... 全市场 makes a figure the market's
    row(
        "华晟基金表示，从行业看，截至10月底，全市场公募基金资产净值合计38.65万亿元。",
        "38.65万亿元",
        D(2025, 11, 24),
        entity=None,
        period="2025-10-31",
    ),
    # the fifth blind set (session 8, tests/devcorpus indp, appl, div, med, sport): 昨晚 is a
    # relative day like 昨日 (time.relative_days), though it holds no 日 for the time pass to key on
    row(
        "蓝湖乳业昨晚公告，公司将实施2026年半年度权益分派。",
        "昨晚",
        D(2026, 11, 25),
        type="event",
        date="2026-11-24",
    ),
    # ... a day's name with its date after it (events day_named: 股权登记日为…, 除权除息日为…)
    row(
        "本次权益分派股权登记日为11月30日，除权除息日为12月1日。",
        "11月30日",
        D(2026, 11, 24),
        type="event",
        event="股权登记",
        date="2026-11-30",
    ),
    row(
        "本次权益分派股权登记日为11月30日，除权除息日为12月1日。",
        "12月1日",
        D(2026, 11, 24),
        type="event",
        event="除权除息",
        date="2026-12-01",
    ),
    # ... 电器 ends a company's short name (entities.name_suffixes), 美 of its first character
    # being no cut; a product category is none (厨卫电器: entities.not_names)
    row(
        "e公司讯，美凌电器（002915）今日披露，双11期间公司全渠道累计销售额186.3亿元。",
        "186.3亿元",
        D(2026, 11, 12),
        entity="美凌电器",
    ),
    row(
        "分品类看，空调品类全渠道零售额612亿元，同比增长4.5%；厨卫电器零售额286亿元，同比增长11.2%。",
        "286亿元",
        D(2026, 11, 20),
        entity=None,
    ),
    # ... a 分别 opening its clause lists the figures of the owners in the clause before
    row(
        "品牌方面，海湾电器、美凌电器、格瑞电器全渠道销售额位列前三，分别为243.8亿元、186.3亿元和121.5亿元。",
        "186.3亿元",
        D(2026, 11, 20),
        entity="美凌电器",
        metric="sales_value",
    ),
    row(
        "品牌方面，海湾电器、美凌电器、格瑞电器全渠道销售额位列前三，分别为243.8亿元、186.3亿元和121.5亿元。",
        "121.5亿元",
        D(2026, 11, 20),
        entity="格瑞电器",
    ),
    # ... a gloss in brackets (含生育保险) and a run after a figure's unit (亿元回购股份) are no names
    row(
        "1—10月，全国基本医疗保险统筹基金（含生育保险）总收入23186.4亿元，同比增长4.1%。",
        "23186.4亿元",
        D(2026, 11, 26),
        entity=None,
        period="2026-01..2026-10",
    ),
    row(
        "根据此前披露的方案，公司拟以10亿元至20亿元回购股份，回购价格不超过32元/股。",
        "不超过32元",
        D(2026, 11, 24),
        entity=None,
    ),
    # ... the money paid for a buyback so far (metrics buyback_paid), as 回购进展 notices word it
    row(
        "截至11月23日，公司已累计回购股份4862.5万股，支付的资金总额为12.68亿元（不含交易费用）。",
        "12.68亿元",
        D(2026, 11, 24),
        metric="buyback_paid",
        period="2026-11-23",
    ),
    row(
        "回购方面，截至11月23日，公司累计回购股份4862.5万股，占总股本的0.76%，支付总金额12.86亿元。",
        "12.86亿元",
        D(2026, 11, 25),
        metric="buyback_paid",
    ),
    # ... a building completed (竣工), a race started (开赛), an expo opened (开幕)
    row(
        "岚州奥体中心体育场于11月8日通过竣工验收，可容纳观众6.2万人。",
        "11月8日",
        D(2026, 11, 23),
        type="event",
        event="竣工",
        measure="岚州奥体中心体育场",
        date="2026-11-08",
    ),
    row(
        "跃动体育公布，由公司运营的2026岚州马拉松于11月22日（周日）鸣枪开跑。",
        "11月22日（周日）",
        D(2026, 11, 23),
        type="event",
        event="开赛",
        date="2026-11-22",
    ),
    # ... a verb and 的 before a thing with a head is a clause of that thing (设于 … 竣工的…体育场)
    row(
        "賽事終點設於本月6日竣工的嵐州奧體中心體育場，該場館可容納6.2萬名觀眾。",
        "本月6日",
        D(2026, 11, 24),
        type="event",
        event="竣工",
        measure="岚州奥体中心体育场",
        date="2026-11-06",
    ),
    # ... the words after 在 say where, not what; a Latin abbreviation in brackets stands for the
    # words before it (按疾病诊断相关分组（DRG）付费 = DRG付费)
    row(
        "临川市DRG付费改革将自12月10日起在全市二级及以上定点医疗机构全面实施。",
        "自12月10日起",
        D(2026, 11, 28),
        type="event",
        event="施行",
        measure="临川市DRG付费改革",
        date="2026-12-10",
    ),
    row(
        "临川市按疾病诊断相关分组（DRG）付费改革自12月1日起在全市二级及以上定点医疗机构全面实施。",
        "自12月1日起",
        D(2026, 11, 27),
        type="event",
        event="施行",
        measure="临川市DRG付费改革",
        date="2026-12-01",
    ),
    # ... 年初至报告期末 runs to the end of the period reported last (time.report_period_ends)
    row(
        "其中第三季度实现营业收入462.3亿元，同比增长7.8%。年初至报告期末，公司经营活动产生的现金流量净额为96.2亿元。",
        "96.2亿元",
        D(2026, 11, 23),
        period="2026-01..2026-09",
    ),
    # ... 分品类看 opens a breakdown (kinds.breakdown): its paragraph's figures are at the period before
    row(
        "2026年双11期间（10月20日至11月11日），美凌电器全渠道累计销售额186.3亿元。\n分品类看，空调销售额78.4亿元。",
        "78.4亿元",
        D(2026, 11, 12),
        period="2026-10-20..2026-11-11",
    ),
    row(
        "第八届进博会于11月5日在上海开幕。",
        "11月5日",
        D(2025, 11, 6),
        type="event",
        event="开幕",
        date="2025-11-05",
    ),
    # session 9 (dev corpus fund): a fund named short and by its full registered name is one fund
    # (entities.fund_names), and 成立 is keyed by it; a rank's holder is the subject (superlatives)
    row(
        "据Wind数据统计，11月新成立基金128只。11月发行规模最大的为华晟科创成长混合，募集规模62.8亿元，于11月19日成立。",
        "11月19日",
        D(2025, 12, 1),
        type="event",
        event="成立",
        entity="华晟科创成长混合",
        date="2025-11-19",
    ),
    row(
        "华晟基金11月22日发布公告，华晟科创成长混合型证券投资基金已于11月21日正式成立，募集规模62.8亿元。",
        "11月21日",
        D(2025, 11, 24),
        type="event",
        event="成立",
        entity="华晟科创成长混合",
        date="2025-11-21",
    ),
    row(
        "11月发行规模最大的为东方红睿丰，募集规模62.8亿元。",
        "62.8亿元",
        D(2025, 12, 1),
        entity="东方红睿丰",
    ),
    # ... the subscription window is a span, dated by the days after its name (events 募集)
    row(
        "该基金募集期为11月3日至11月14日，原定募集上限80亿元。",
        "11月3日至11月14日",
        D(2025, 11, 24),
        type="event",
        event="募集",
        date="2025-11-03..2025-11-14",
    ),
    # ... the day of what was done once (投产) is no period of a figure in a later clause, and a
    # condition (达产后) opens no measure; its first days are that day's (首日: time.first_days)
    row(
        "美凌电器芜湖智能制造基地于11月18日（周三）正式投产，总投资52亿元，达产后年产能为空调500万台。",
        "500万台",
        D(2026, 11, 20),
        period=None,
        measure="年产能为空调",
    ),
    row(
        "美凌电器芜湖智能制造基地已于上周一（11月16日）投产，年产能为空调500万台。",
        "500万台",
        D(2026, 11, 23),
        period=None,
        measure="年产能为空调",
    ),
    row(
        "广州百悦天河店于11月9日正式开业，开业首日销售额1.36亿元。",
        "1.36亿元",
        D(2025, 11, 12),
        period="2025-11-09",
    ),
    # ... a ratio against a base period measures the measure as a share of that base (kinds.ratio_before),
    # its own or the one named before it; the base is no period
    row(
        "10月，公司国际航线旅客周转量恢复至2019年同期的61.2%，较9月提高5.8个百分点。",
        "61.2%",
        D(2023, 11, 10),
        measure="公司国际航线旅客周转量恢复至2019年同期",
        period="2023-10",
    ),
    row(
        "10月全行业完成旅客运输量5498.6万人次，同比增长169.5%，恢复至2019年同期的96.3%。",
        "96.3%",
        D(2023, 11, 10),
        measure="全行业完成旅客运输量恢复至2019年同期",
        period="2023-10",
    ),
    # ... a figure ranked with no measure of its own takes the one the ranking named before it
    row(
        "星河影业出品的《长河落日》以26.84亿元的档期票房位居第一，北辰影业出品的《雪原追踪》以19.37亿元位列第二。",
        "19.37亿元",
        D(2024, 2, 18),
        entity="《雪原追踪》",
        measure="档期票房",
    ),
    # ... a figure ranked in a break right after it is the break's (位列档期第二: the season named before)
    row(
        "2024年春节档（2月10日至17日）总票房突破80亿元。\n北辰影业出品的《雪原追踪》累计票房19.37亿元，位列档期第二。",
        "19.37亿元",
        D(2024, 2, 17),
        period="2024-02-10..2024-02-17",
    ),
    # ... a running total is cumulative whether or not 累计 is written (metrics.buyback_paid running)
    row(
        "截至11月23日，公司累计回购股份4862.5万股，占总股本的0.76%，支付的总金额为12.68亿元。",
        "12.68亿元",
        D(2026, 11, 24),
        metric="buyback_paid",
        scope="cumulative",
        period="2026-11-23",
    ),
    row(
        "截至11月23日，蓝湖乳业已累计回购金额12.68亿元。",
        "12.68亿元",
        D(2026, 11, 24),
        metric="buyback_paid",
        scope="cumulative",
        period="2026-11-23",
    ),
    # ... a kind of fund is no fund's name (混合型基金), nor a mix outside fund news
    row(
        "公募基金方面，11月混合型基金发行规模126.9亿元。",
        "126.9亿元",
        D(2025, 12, 1),
        entity=None,
    ),
]


def _check(claim: Claim, fields: dict[str, Any]) -> list[str]:
    problems = []
    for field, want in fields.items():
        got = getattr(claim, field)
        if field in ("period", "date"):
            ok = got == (span(want) if want is not None else None)
        elif field in ("type", "kind", "dimension"):
            ok = got.value == want
        elif field in ("value", "low", "high") and want is not None and got is not None:
            ok = math.isclose(got, want, rel_tol=1e-6)
        else:
            ok = got == want
        if not ok:
            problems.append(f"{field}: want {want!r}, got {got!r}")
    return problems


@pytest.mark.parametrize(("text", "quote", "published", "fields"), CORPUS + NEWS + DATES + BUGS)
def test_phrase(text: str, quote: str, published: dt.date | None, fields: dict[str, Any]) -> None:
    claims = kcheck.extract(text, published=published, rules=RULES)
    absent = fields.pop("absent", False)
    found = [c for c in claims if c.quote == quote]
    if absent:
        assert found == [], f"{quote!r} should not be a claim"
        return
    assert found, f"{quote!r} not among {[c.quote for c in claims]}"
    claim = found[0]
    assert claim.sentence[claim.offset : claim.offset + len(quote)] == quote
    problems = _check(claim, fields)
    assert problems == [], problems


@pytest.mark.parametrize(("text", "published"), NOT_EVENTS)
def test_not_an_event(text: str, published: dt.date) -> None:
    assert [c for c in kcheck.extract(text, published=published, rules=RULES) if c.event is not None] == []


@pytest.mark.parametrize(("text", "published", "event"), ANNOUNCEMENTS)
def test_an_announcement(text: str, published: dt.date, event: str) -> None:
    assert [
        c.event for c in kcheck.extract(text, published=published, rules=RULES) if c.event is not None
    ] == [event]


@pytest.mark.parametrize(("text", "published"), NOT_CLAIMS)
def test_not_a_claim(text: str, published: dt.date) -> None:
    # a sentence's own time expressions come back as date claims (text mode); no figure may
    figures = [c for c in kcheck.extract(text, published=published, rules=RULES) if c.type.value != "event"]
    assert figures == [], [c.quote for c in figures]


def test_phrasebook_size() -> None:
    assert len(CORPUS + NEWS + DATES + BUGS) + len(NOT_EVENTS) + len(NOT_CLAIMS) >= 200

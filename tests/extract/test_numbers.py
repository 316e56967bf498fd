"""The number pass as a phrasebook: one row per real phrase, grouped by where it came from.

Each figure row is (sentence, quote, value, low, high, unit, precision): the sentence as
written (it is folded first, as the pipeline does), the figure exactly as it must be quoted,
and the normalised reading. Each negative row is a sentence in which nothing, or nothing
inside the given words, is a figure.
"""

from __future__ import annotations

import copy
import re
import string
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kcheck.extract.numbers import NumberFinder, as_money
from kcheck.extract.types import Quantity
from kcheck.models import Dimension
from kcheck.rules import load_rules
from kcheck.text.fold import fold


@lru_cache(maxsize=1)
def finder() -> NumberFinder:
    return NumberFinder(load_rules())


def find(text: str) -> list[Quantity]:
    return finder().find(fold(text))


def quotes(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find(text)]


def the(text: str, quote: str) -> Quantity:
    found = [q for q in find(text) if text[q.start : q.end] == quote]
    assert len(found) == 1, f"{quote!r} not found once in {quotes(text)}"
    return found[0]


def approx(x: float | None) -> object:
    return None if x is None else pytest.approx(x, rel=1e-9)


# (sentence, quote, value, low, high, unit, precision)
# fmt: off
CORPUS = [
    # corpus/000: 鸟哥笔记, 抖音快手相继断外链
    ("快手电商交易总额（GMV）达到1758亿元，同比增长86.1%，其中90%来自快手小店。", "1758亿元", 1758e8, 1757.5e8, 1758.5e8, "CNY", 1e8),
    ("快手电商交易总额（GMV）达到1758亿元，同比增长86.1%，其中90%来自快手小店。", "86.1%", 86.1, 86.05, 86.15, "%", 0.1),
    ("快手电商交易总额（GMV）达到1758亿元，同比增长86.1%，其中90%来自快手小店。", "90%", 90, 85.5, 94.5, "%", 10),
    ("当时第三方平台仅贡献了10%的GMV", "10%", 10, 9.5, 10.5, "%", 10),
    ("数额非常大，在2020年就超过了200亿元，但在快手上的投放，要少得多。", "超过了200亿元", 200e8, 200e8, None, "CNY", 1e10),
    ("2021年1-9月，抖音电商GMV同比增长了7.9倍。", "7.9倍", 7.9, 7.85, 7.95, "x", 0.1),
    ("官方已发布227条各类目规范和管理细则动态。", "227条", 227, 226.5, 227.5, "条", 1),
    ("2021年超过1000家行业风向标品牌入驻快手电商，同比增长186%", "超过1000家", 1000, 1000, None, "家", 1000),
    ("2021年超过1000家行业风向标品牌入驻快手电商，同比增长186%", "186%", 186, 185.5, 186.5, "%", 1),
    ("平台品牌自播GMV增长了1073%。", "1073%", 1073, 1072.5, 1073.5, "%", 1),
    ("500多家快手服务商则为他们提供专业服务。", "500多家", 500, 500, 600, "家", 100),
    ("快手2021年完成电商GMV达6800亿元，超过原定目标6500亿元", "6800亿元", 6800e8, 6750e8, 6850e8, "CNY", 1e10),
    ("快手2021年完成电商GMV达6800亿元，超过原定目标6500亿元", "6500亿元", 6500e8, 6450e8, 6550e8, "CNY", 1e10),
    ("“小波私房菜”是位超300万粉丝的美食主播", "超300万", 300e4, 300e4, None, None, 1e6),
    ("近7天直播上架的淘宝商品占比高达88%。", "88%", 88, 87.5, 88.5, "%", 1),
    ("同时价格带在40-50元之间，就有做出新品牌的空间。", "40-50元", None, 40, 50, "CNY", 10),
    ("快手电商将2022年的GMV目标区间定在9000亿元至9700亿元。", "9000亿元至9700亿元", None, 9000e8, 9700e8, "CNY", 1e10),
    # corpus/001: 国际金融报
    ("快手在2021年前三季度收入为566.51亿元，同比上涨39.3%", "566.51亿元", 566.51e8, 566.505e8, 566.515e8, "CNY", 1e6),
    ("快手在2021年前三季度收入为566.51亿元，同比上涨39.3%", "39.3%", 39.3, 39.25, 39.35, "%", 0.1),
    ("经营亏损219.11亿元，同比扩大145%；", "219.11亿元", 219.11e8, 219.105e8, 219.115e8, "CNY", 1e6),
    ("第三季度收入为204.93亿元，同比上涨33.4%，经营亏损74.04亿元，同比扩大437.8%", "74.04亿元", 74.04e8, 74.035e8, 74.045e8, "CNY", 1e6),
    ("第三季度收入为204.93亿元，同比上涨33.4%，经营亏损74.04亿元，同比扩大437.8%", "437.8%", 437.8, 437.75, 437.85, "%", 0.1),
    ("2021年前三季度快手电商交易额达4397.44亿元，同比上涨约115%", "约115%", 115, 108.75, 121.25, "%", 1),
    ("第三季度电商交易额达1758.87亿元，同比增长约86%", "1758.87亿元", 1758.87e8, 1758.865e8, 1758.875e8, "CNY", 1e6),
    ("第三季度电商交易额达1758.87亿元，同比增长约86%", "约86%", 86, 81.2, 90.8, "%", 1),
    ("对电商交易总额的贡献率也从2020年第三季度的71.4%增长至2021年同期的90%", "71.4%", 71.4, 71.35, 71.45, "%", 0.1),
    ("快手和抖音2022年预计都会突破上万亿的电商交易额", "突破上万亿", 1e12, 1e12, None, None, 1e12),
    ("至2018年1月，快手主站的平均日活跃用户数突破1亿", "突破1亿", 1e8, 1e8, None, None, 1e8),
    ("2020年上半年，快手的中国应用程序及小程序的平均日活跃用户数突破3亿", "突破3亿", 3e8, 3e8, None, None, 1e8),
    # corpus/002: 钛媒体
    ("“其他服务”收入为21亿元，仅占快手收入来源的9.8%，与上一年10.3%的占比略有下降。", "21亿元", 21e8, 20.5e8, 21.5e8, "CNY", 1e8),
    ("“其他服务”收入为21亿元，仅占快手收入来源的9.8%，与上一年10.3%的占比略有下降。", "10.3%", 10.3, 10.25, 10.35, "%", 0.1),
    ("实现销售额跃迁的冷启时间同比缩短了近15%。", "近15%", 15, 13.5, 15, "%", 1),
    ("最终6月16日“快手京东双百亿补贴”全天支付金额达到14.2亿。", "14.2亿", 14.2e8, 14.15e8, 14.25e8, None, 1e7),
    ("快手电商给快分销划出了阶段性的目标——打造10个10亿+超级品牌，100个1亿+品牌商家", "10亿+", 10e8, 10e8, None, None, 1e9),
    ("快手电商给快分销划出了阶段性的目标——打造10个10亿+超级品牌，100个1亿+品牌商家", "10个", 10, 9.5, 10.5, "个", 10),
    ("1万个爆款百万单品，100个破亿团长。", "1万个", 1e4, 0.5e4, 1.5e4, "个", 1e4),
    ("1万个爆款百万单品，100个破亿团长。", "破亿", 1e8, 1e8, None, None, 1e8),
    ("快手小店对平台GMV的贡献已达到99%以上。", "99%以上", 99, 99, None, "%", 1),
    ("上半年已完成超50%，覆盖了10几个行业。", "超50%", 50, 50, None, "%", 10),
    ("上半年已完成超50%，覆盖了10几个行业。", "10几个", 10, 10, 20, "个", 10),
    ("2022年第二季度，快手电商交易总额达1912亿元，同比增长31.5%", "1912亿元", 1912e8, 1911.5e8, 1912.5e8, "CNY", 1e8),
    ("快手直播收入达86亿元，同比增长19.1%。", "86亿元", 86e8, 85.5e8, 86.5e8, "CNY", 1e8),
    ("HK 快手-2.73%", "-2.73%", -2.73, -2.735, -2.725, "%", 0.01),
    ("月费不到100块、1分钟出图，AI作画要打翻多少设...", "不到100块", 100, None, 100, "CNY", 100),
    ("女性专属时尚座驾，欧拉芭蕾猫上市19.3万元起售", "19.3万元", 19.3e4, 19.25e4, 19.35e4, "CNY", 1000),
    ("孟晚舟归国首次亮相，华为年度净利润超1100亿元", "超1100亿元", 1100e8, 1100e8, None, "CNY", 1e10),
    ("近10亿募资闲置理财如今又推14亿定增", "近10亿", 10e8, 9e8, 10e8, None, 1e9),
    ("支付金额:¥6", "¥6", 6, 5.5, 6.5, "CNY", 1),
    # corpus/003: 晚点
    ("以电商为主的其他服务板块，收入达 12 亿元，同比增长 589.1%。", "12 亿元", 12e8, 11.5e8, 12.5e8, "CNY", 1e8),
    ("品牌入驻数量同比增长 4.5 倍，品牌商品的销量同比增长 800% 以上。", "4.5 倍", 4.5, 4.45, 4.55, "x", 0.1),
    ("品牌入驻数量同比增长 4.5 倍，品牌商品的销量同比增长 800% 以上。", "800% 以上", 800, 800, None, "%", 100),
    ("\" 这个月差不多卖了 2000 多万 \"，他介绍。", "2000 多万", 2000e4, 2000e4, 3000e4, None, 1e7),
    ("在下半年会为服务商准备亿级现金、千亿级流量，还将陆续投入 10 亿元生态基金", "10 亿元", 10e8, 9.5e8, 10.5e8, "CNY", 1e9),
    ("目标是在一年内出现 100 家年 GMV 十亿的服务商，200 家年 GMV 过亿的生态服务伙伴。", "十亿", 10e8, 5e8, 15e8, None, 1e9),
    ("目标是在一年内出现 100 家年 GMV 十亿的服务商，200 家年 GMV 过亿的生态服务伙伴。", "过亿", 1e8, 1e8, None, None, 1e8),
    ("目标是在一年内出现 100 家年 GMV 十亿的服务商，200 家年 GMV 过亿的生态服务伙伴。", "200 家", 200, 190, 210, "家", 100),
    ("例如海澜之家，4 月在快手自播，目前月 GMV 已突破千万。", "突破千万", 1e7, 1e7, None, None, 1e7),
    ("传统品牌的入驻达 4.5 倍增长，销量实现 8 倍增长。", "8 倍", 8, 7.5, 8.5, "x", 1),
    ("2020 年快手电商累计打击清退 24 个团伙共计 2000 余个账号", "2000 余个", 2000, 2000, 3000, "个", 1000),
    ("新增风控前置化刷脸策略累计拦截 2145 场团伙直播。", "2145 场", 2145, 2144.5, 2145.5, "场", 1),
    # units of statistical releases (中电联, 国家统计局): a counter starting with a magnitude
    # character ends the numeral (17023.1亿 of 千瓦时)
    ("累计组织完成市场交易电量17023.1亿千瓦时", "17023.1亿千瓦时", 17023.1e8, 17023.05e8, 17023.15e8, "千瓦时", 1e7),
    ("装机容量达到1200万千瓦", "1200万千瓦", 1200e4, 1150e4, 1250e4, "千瓦", 1e6),
    ("粮食产量13731亿斤", "13731亿斤", 13731e8, 13730.5e8, 13731.5e8, "斤", 1e8),
    ("开行列车1.2万列", "1.2万列", 1.2e4, 1.15e4, 1.25e4, "列", 1e3),
    # the dev corpus's blind set: battery alliance (GWh), airlines (架), ports (标准箱, TEU)
    ("5月，我国动力电池装车量43.9GWh", "43.9GWh", 43.9, 43.85, 43.95, "GWh", 0.1),
    ("截至10月末，公司机队规模达412架", "412架", 412, 411.5, 412.5, "架", 1),
    ("设计年通过能力300万标准箱", "300万标准箱", 300e4, 285e4, 315e4, "标准箱", 1e6),
    ("全年集装箱吞吐量达4730万TEU", "4730万TEU", 4730e4, 4725e4, 4735e4, "TEU", 1e5),
    # lengths in 米 (a bridge's or a line's 全长), and days where a measure of days names them
    # (the turnover days and collection periods of the statistical releases, a project's 工期)
    ("青溪大桥全长2418米，主跨580米", "2418米", 2418, 2417.5, 2418.5, "米", 1),
    ("产成品存货周转天数为18.6天，同比增加0.4天", "18.6天", 18.6, 18.55, 18.65, "天", 0.1),
    ("产成品存货周转天数为18.6天，同比增加0.4天", "0.4天", 0.4, 0.35, 0.45, "天", 0.1),
    ("应收账款平均回收期为57.3天", "57.3天", 57.3, 57.25, 57.35, "天", 0.1),
    ("项目工期缩短至210天", "210天", 210, 205, 215, "天", 10),
    # corpus/004: 界面新闻
    ("截止2020年6月30日，快手平均日活跃用户(含应用及小程序)达3.02亿人次", "3.02亿人次", 3.02e8, 3.015e8, 3.025e8, "人次", 1e6),
    ("平均月活(含应用及小程序)达7.76亿人次。上半年已有2000万人在快手获得收入。", "2000万人", 2000e4, 1900e4, 2100e4, "人", 1e7),
    ("截至2020年6月30日，快手平台的平均重复购买率达60%以上，快手电商业务GMV达到1096亿。", "60%以上", 60, 60, None, "%", 10),
    ("截至2020年6月30日，快手平台的平均重复购买率达60%以上，快手电商业务GMV达到1096亿。", "1096亿", 1096e8, 1095.5e8, 1096.5e8, None, 1e8),
    ("上市前夕，快手电商曾宣布，其在累计订单总量上超过5亿，仅次于淘宝天猫", "超过5亿", 5e8, 5e8, None, None, 1e8),
    ("快手电商高调宣布8月电商订单量超5亿单", "超5亿单", 5e8, 5e8, None, "单", 1e8),
    ("早些年阿里推出过千村万县项目，3年投入了100亿来补贴推动农村电商", "100亿", 100e8, 95e8, 105e8, None, 1e10),
    ("拼多多截至季度末12个月的GMV为2621亿元，同比增长583%。", "2621亿元", 2621e8, 2620.5e8, 2621.5e8, "CNY", 1e8),
    ("到了2019年，这一数字继续下滑，全年GMV达10066亿元，同比增速为113%。", "10066亿元", 10066e8, 10065.5e8, 10066.5e8, "CNY", 1e8),
    ("这一年，拼多多的新增用户数为2480万，为历史增长新低。", "2480万", 2480e4, 2475e4, 2485e4, None, 1e5),
    ("黄峥察觉到当年7亿微信用户与3亿电商用户间的巨大用户差", "3亿", 3e8, 2.5e8, 3.5e8, None, 1e8),
    ("供应链是京东的优势，快手则有超过3亿日活的超级流量池。", "超过3亿", 3e8, 3e8, None, None, 1e8),
    ("其中广告收入目标是400亿元，电商GMV目标是2000亿元，后又上调至2500亿元。", "2500亿元", 2500e8, 2450e8, 2550e8, "CNY", 1e10),
    ("而快手主播散打哥一人在5个小时完成了过亿的销售额。", "过亿", 1e8, 1e8, None, None, 1e8),
    ("并在6月16日当天，双百亿补贴全天实际支付金额达到14.2亿元。", "14.2亿元", 14.2e8, 14.15e8, 14.25e8, "CNY", 1e7),
    ("快手：2023年快手电商投流客户数增长超35%", "超35%", 35, 35, None, "%", 1),
]

NEWS = [
    # company results and market news as the Chinese business press writes them
    ("阿里巴巴集团本季度收入为2,071.76亿元人民币", "2,071.76亿元人民币", 2071.76e8, 2071.755e8, 2071.765e8, "CNY", 1e6),
    ("净利润同比下降约30%", "约30%", 30, 27, 33, "%", 10),
    ("京东618累计下单金额超3793亿元", "超3793亿元", 3793e8, 3793e8, None, "CNY", 1e8),
    ("拼多多年活跃买家数达8.688亿", "8.688亿", 8.688e8, 8.6875e8, 8.6885e8, None, 1e5),
    ("美团外卖日订单量峰值突破5000万单", "突破5000万单", 5e7, 5e7, None, "单", 1e7),
    ("比亚迪上半年销量超过64万辆", "超过64万辆", 64e4, 64e4, None, "辆", 1e4),
    ("蔚来第三季度交付新车2.4万辆", "2.4万辆", 2.4e4, 2.35e4, 2.45e4, "辆", 1000),
    ("茅台酒价格约为1499元/瓶", "约为1499元", 1499, 1423.55, 1574.45, "CNY", 1),
    ("公司营业收入为二百三十亿元", "二百三十亿元", 230e8, 225e8, 235e8, "CNY", 1e9),
    ("本轮融资金额约2亿美元", "约2亿美元", 2e8, 1.4e8, 2.6e8, "USD", 1e8),
    ("南向资金净流入逾100亿港元", "逾100亿港元", 100e8, 100e8, None, "HKD", 1e10),
    ("苹果市值一度突破3万亿美元", "突破3万亿美元", 3e12, 3e12, None, "USD", 1e12),
    ("员工总数接近20万人", "接近20万人", 20e4, 18e4, 20e4, "人", 1e5),
    ("该业务约占总营收的三成", "三成", 30, 25, 35, "%", 10),
    ("毛利率提升2.3个百分点", "2.3个百分点", 2.3, 2.25, 2.35, "pp", 0.1),
    ("市场份额下降至百分之十五", "百分之十五", 15, 14.5, 15.5, "%", 1),
    ("净利润较去年同期增长两倍", "两倍", 2, 1.5, 2.5, "x", 1),
    ("全年出货量预计在3000万至3500万台之间", "3000万至3500万台", None, 3000e4, 3500e4, "台", 1e6),
    ("门店数量达到1.2万家", "1.2万家", 1.2e4, 1.15e4, 1.25e4, "家", 1000),
    ("日均订单量达到六千万单", "六千万单", 6e7, 5.5e7, 6.5e7, "单", 1e7),
    ("合同金额为人民币肆佰叁拾萬元整", "人民币肆佰叁拾萬元整", 430e4, 425e4, 435e4, "CNY", 1e5),
    ("净亏损收窄至十余亿元", "十余亿元", 10e8, 10e8, 20e8, "CNY", 1e9),
    ("覆盖用户规模达数亿", "数亿", None, 1e8, 1e9, None, 1e8),
    ("市场规模将达到两到三万亿元", "两到三万亿元", None, 2e12, 3e12, "CNY", 1e12),
    ("商品单价在5-10元之间", "5-10元", None, 5, 10, "CNY", 1),
    ("月度涨幅为5%-10%", "5%-10%", None, 5, 10, "%", 1),
    ("项目预计投资1000万~2000万元", "1000万~2000万元", None, 1000e4, 2000e4, "CNY", 1e7),
    ("约有七八成的商家选择入驻", "约有七八成", None, 70, 80, "%", 1),  # 约 does not widen a range
    ("其市占率不足两成", "不足两成", 20, None, 20, "%", 10),
    ("公司至少50亿元的资本开支", "至少50亿元", 50e8, 50e8, None, "CNY", 1e9),
    ("单个项目补贴最高20万元", "最高20万元", 20e4, None, 20e4, "CNY", 1e5),
    ("交易额同比增长1.5倍以上", "1.5倍以上", 1.5, 1.5, None, "x", 0.1),
    ("客单价40元左右", "40元左右", 40, 36, 44, "CNY", 10),
    ("海外收入占比约为四分之一", "约为四分之一", 25, 11.25, 38.75, "%", 25),
    ("截至期末，货币资金达1,234,567.89元", "1,234,567.89元", 1234567.89, 1234567.885, 1234567.895, "CNY", 0.01),
    ("营收８２.５亿元，同比增长１２％", "８２.５亿元", 82.5e8, 82.45e8, 82.55e8, "CNY", 1e7),
    ("营收８２.５亿元，同比增长１２％", "１２％", 12, 11.5, 12.5, "%", 1),
    ("營收達688.4億元", "688.4億元", 688.4e8, 688.35e8, 688.45e8, "CNY", 1e7),
    ("平台月活跃用户两千多万", "两千多万", 2000e4, 2000e4, 3000e4, None, 1e7),
    ("超三成用户选择分期付款", "超三成", 30, 30, None, "%", 10),
    ("总投资约人民币5亿元", "约人民币5亿元", 5e8, 4.25e8, 5.75e8, "CNY", 1e8),
    ("股价报收于￥1,800.00", "￥1,800.00", 1800, 1799.995, 1800.005, "CNY", 0.01),
    ("净利润3.5亿港元", "3.5亿港元", 3.5e8, 3.45e8, 3.55e8, "HKD", 1e7),
    ("营收达到一千零九十六亿元", "一千零九十六亿元", 1096e8, 1095.5e8, 1096.5e8, "CNY", 1e8),
    ("当年的营收为七百六十五亿", "七百六十五亿", 765e8, 764.5e8, 765.5e8, None, 1e8),
    ("员工人数为3万4000人", "3万4000人", 34000, 33500, 34500, "人", 1000),
    ("销量增长了二点五倍", "二点五倍", 2.5, 2.45, 2.55, "x", 0.1),
    ("利润增长了百分之三十", "百分之三十", 30, 25, 35, "%", 10),
    ("毛利率较上年下降0.8个百分点", "0.8个百分点", 0.8, 0.75, 0.85, "pp", 0.1),
    ("这款手机十几万元", "十几万元", 10e4, 10e4, 20e4, "CNY", 1e5),
    ("融资额约4.287亿美元", "约4.287亿美元", 4.287e8, 4.07215e8, 4.50185e8, "USD", 1e5),
    ("单笔投资规模一百二十到一百五十万元", "一百二十到一百五十万元", None, 120e4, 150e4, "CNY", 1e5),
    ("岗位月薪5k-20k", "5k-20k", None, 5000, 20000, None, 1000),
    ("月薪15k左右", "15k左右", 15000, 13750, 16250, None, 1000),
    ("获得1.2万元奖励", "1.2万元", 1.2e4, 1.15e4, 1.25e4, "CNY", 1000),
    ("罚款50万元（含）以上", "50万元（含）以上", 50e4, 50e4, None, "CNY", 1e5),
    ("售价三五百块", "三五百块", None, 300, 500, "CNY", 100),
    ("韩国企业出资八九亿韩元", "八九亿韩元", None, 8e8, 9e8, "KRW", 1e8),
    ("估值数十亿元人民币", "数十亿元人民币", None, 1e9, 1e10, "CNY", 1e9),
    ("东芝重组另需1万亿日元", "1万亿日元", 1e12, 0.5e12, 1.5e12, "JPY", 1e12),
    ("欧元区一次性拨款3000多欧元", "3000多欧元", 3000, 3000, 4000, "EUR", 1000),
    ("该指标不到1.9万台币", "不到1.9万台币", 1.9e4, None, 1.9e4, "TWD", 1000),
    ("客单价从8500到3万港元不等", "8500到3万港元", None, 8500, 3e4, "HKD", 100),
    ("利润下降了负3.9%", "负3.9%", -3.9, -3.95, -3.85, "%", 0.1),
    ("一百三十五块六角七分钱", "一百三十五块六角七分钱", 135.67, 135.665, 135.675, "CNY", 0.01),
    ("5年期以上LPR下调10个基点", "10个基点", 0.1, 0.05, 0.15, "pp", 0.1),
    ("预计下调5-10个基点", "5-10个基点", None, 0.05, 0.1, "pp", 0.01),
    ("公司账上还有3个多亿现金", "3个多亿", 3e8, 3e8, 4e8, None, 1e8),
    ("线下门店上百家", "上百家", 100, 100, None, "家", 100),
    ("全国门店超万家", "超万家", 1e4, 1e4, None, "家", 1e4),
    ("累计融资几千万", "几千万", None, 1e7, 1e8, None, 1e7),
    ("市场规模达1.5万亿元", "1.5万亿元", 1.5e12, 1.45e12, 1.55e12, "CNY", 1e11),
    ("下降0.3个百分点至5.2%", "5.2%", 5.2, 5.15, 5.25, "%", 0.1),
    ("市盈率为30倍", "30倍", 30, 28.5, 31.5, "x", 10),
    ("全国300+门店", "300+", 300, 300, None, None, 100),
    ("募资RMB 100亿", "RMB 100亿", 100e8, 95e8, 105e8, "CNY", 1e10),
    ("车型售价从3万起", "3万", 3e4, 2.5e4, 3.5e4, None, 1e4),  # 起 is no counter here
]

BUGS = [
    # regressions caught while building the pass
    ("其在累计订单总量上超过5亿", "超过5亿", 5e8, 5e8, None, None, 1e8),  # 上 is no qualifier before 超过
    ("超3亿日活", "超3亿", 3e8, 3e8, None, None, 1e8),  # 日 after a magnitude is 日活, not a date
    ("从成立到突破千亿GMV", "突破千亿", 1e11, 1e11, None, None, 1e11),  # a letter after a magnitude word
    ("月活5亿一举超越对手", "5亿", 5e8, 4.5e8, 5.5e8, None, 1e8),  # 一举: not 5亿一
    ("年销量10万 2021年再创新高", "10万", 10e4, 9.5e4, 10.5e4, None, 1e5),  # a year after a space
    ("两个亿卢布", "两个亿卢布", 2e8, 1.5e8, 2.5e8, "RUB", 1e8),
    ("四十九兆九千五百九十二億元", "四十九兆九千五百九十二億元", 49959.2e9, 49959.15e9, 49959.25e9, "CNY", 1e8),
    ("四十五亿四千零四万", "四十五亿四千零四万", 4540040000, 4540035000, 4540045000, None, 1e4),
    ("1000万成交额", "1000万", 1000e4, 950e4, 1050e4, None, 1e7),  # 成 after a magnitude is no share
    ("二三十个百分点", "二三十个百分点", None, 20, 30, "pp", 10),
    ("至少九千块钱以上", "至少九千块钱以上", 9000, 9000, None, "CNY", 1000),
    ("大约十多欧元", "大约十多欧元", 10, 10, 20, "EUR", 10),  # 约 does not widen 多 further
    ("三十万多亿", "三十万多亿", 30e12, 30e12, 40e12, None, 1e13),
    ("大于10小于20", "大于10小于20", None, 10, 20, None, 10),
    ("最多100最少20个", "最多100最少20个", None, 20, 100, "个", 10),
    ("三成半", "三成半", 35, 30, 40, "%", 10),
    ("三八折", "三八折", 38, 37.5, 38.5, "%", 1),
    ("九折优惠", "九折", 90, 85, 95, "%", 10),
    ("江苏彩民15元中大乐透1600万 奖池36.57亿", "15元", 15, 14.5, 15.5, "CNY", 1),
    ("50元6角三分", "50元6角三分", 50.63, 50.625, 50.635, "CNY", 0.01),
    ("三万元欧元", "三万元欧元", 3e4, 2.5e4, 3.5e4, "EUR", 1e4),
    ("新台币 177.1 亿元", "新台币 177.1 亿元", 177.1e8, 177.05e8, 177.15e8, "TWD", 1e7),
    ("在下面的价格中选一个，￥300, ok?", "￥300", 300, 285, 315, "CNY", 100),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "quote", "value", "low", "high", "unit", "precision"),
    [pytest.param(*row, id=f"corpus-{i}-{row[1]}") for i, row in enumerate(CORPUS)]
    + [pytest.param(*row, id=f"news-{i}-{row[1]}") for i, row in enumerate(NEWS)]
    + [pytest.param(*row, id=f"bug-{i}-{row[1]}") for i, row in enumerate(BUGS)],
)
def test_phrase(
    text: str,
    quote: str,
    value: float | None,
    low: float | None,
    high: float | None,
    unit: str | None,
    precision: float,
) -> None:
    q = the(text, quote)
    assert (q.value, q.low, q.high) == (approx(value), approx(low), approx(high))
    assert q.unit == unit
    assert q.precision == approx(precision)
    assert q.is_range == (value is None)


# (sentence, why nothing in it is a figure)
NOT_FIGURES = [
    # slogans and orders of magnitude
    ("今年快手电商也采取“百亿补贴”的策略", "slogan"),
    ("在下半年会为服务商准备亿级现金、千亿级流量", "order of magnitude"),
    ("期间举办了双百亿补贴活动", "slogan"),
    ("去年快手“116”卖货节百万商家一起上阵直播", "bare magnitude word"),
    ("想和千万钛媒体用户分享你的新奇观点和发现", "bare magnitude word"),
    ("宁德时代依靠钠电池可以维持万亿市值吗？", "bare magnitude word"),
    ("早些年阿里推出过千村万县项目", "idiom"),
    # days no measure of days names are a duration (units.duration_measures), not a figure
    ("新品从立项到上市用了20天", "duration"),
    ("周转天数一栏将在30天内公布", "duration"),
    # ordinals and list numbers
    ("因第三方电商平台与快手合作协议变更", "ordinal"),
    ("今年是快手上线的第11年。", "ordinal"),
    ("排名第1名", "ordinal"),
    ("1、快手电商的“拼多多”式发展", "list number"),
    ("2.夹缝中成长，竞争中博弈", "list number"),
    ("一是坚定不移的算法推荐，二是坚持从工具到社交。", "list word"),
    # phone numbers, record numbers, codes
    ("联系电话：010-12345678", "phone"),
    ("客服热线400-123-4567", "phone"),
    ("手机号13812345678", "phone"),
    ("京ICP备12345678号-1", "ICP record"),
    ("快手（01024.HK）股价上涨", "stock code"),
    ("HK 01024", "stock code"),
    ("贵州茅台(600519)", "stock code"),
    ("发议时，订单号 A202107211321363588510367 可用作", "order number"),
    # years, dates, times, quarters
    ("2021年，快手电商已经有了一些成绩", "year"),
    ("见到笑古的时候，他刚在 2021 年快手电商服务商大会上作了演讲", "year"),
    ("在2022快手电商116商家大会上", "year and event name"),
    ("3月1日，快手电商与淘宝、京东正式“分手”。", "date"),
    ("· 2022.11.09 09:14", "date and time"),
    ("自 2022 年 3 月 1 日 0 时起", "date"),
    ("2022-03-01", "date"),
    ("比如 Q1 财报", "quarter"),
    ("2021年第三季度财报", "quarter"),
    ("快手在2021年前三季度", "quarter"),
    ("2021年1-9月", "months"),
    ("在 7 月 22 日的大会上", "date"),
    ("7 月 22 号这次快手电商服务商大会", "date"),
    ("2017-2018年，短视频开始集中爆发", "years"),
    # durations and ages
    ("散打哥一人在5个小时完成了", "duration"),
    ("但7个月的时间过去了", "duration"),
    ("拼多多只用了短短两年", "duration"),
    ("这也是快手成立11年以来", "duration"),
    ("近7天直播上架的淘宝商品", "duration"),
    ("他今年30岁", "age"),
    # Chinese numerals inside words
    ("快手一直更鼓励用户经营社交关系", "word"),
    ("快手电商已经有了一些成绩", "word"),
    ("一方面会倒逼商家加快入驻快手；但另一方面", "word"),
    ("让用户可以一边看快手老铁卖货，一边给天猫贡献销量", "word"),
    ("万一出现问题", "word"),
    ("千万不要骗老铁", "word"),
    ("这十分重要", "word"),
    ("在三四五线城市中还有大量的下沉用户", "word"),
    ("补贴策略成功吸引到无数一二线用户", "word"),
    ("发现男女用户五五开", "word"),
    ("假一赔十和七天无理由退货", "words and a duration"),
    ("临近“双11”大促的关键节点", "event name"),
    ("电商行业进入双十一争夺战时", "event name"),
    ("一位接近快手的人士向《中国企业家》表示", "article"),
    ("品控大于一切", "word after a qualifier"),
    ("上半年快手电商已经完成将近一半的目标", "word after a qualifier"),
    ("快手电商在品牌这一块", "article and measure word"),
    ("商品质量一成不变", "idiom"),
    ("实现两位数增长", "digit count"),
    # things made of digits and letters
    ("推出5G手机", "product name"),
    ("主打4K电视和65W充电器", "letter units"),
    ("成千上万的商家涌入", "idiom"),
    ("COVID-19疫情", "name"),
    ("采用1+1模式", "arithmetic"),
    ("如图3-5所示", "figure number"),
    ("2017-2018", "years"),
    ("转向3C等高单价商品", "product category"),
    ("模仿拼多多的C2M项目", "name"),
    ("M2余额增速回落", "the money supply's letter and digit, 余 after it (blind set 6, mon2)"),
    ("M1增速回升", "the money supply's letter and digit"),
    ("升级到v1.2.3版本", "version"),
    ("服务器地址192.168.1.1", "address"),
    ("你可以访问一下 https://www.test.com/search?q=30%25%2020%", "link"),
    ("超过1/2的人都来到了这里", "fraction or date"),
]


@pytest.mark.parametrize(
    ("text", "why"), NOT_FIGURES, ids=[f"{i}-{w}" for i, (_, w) in enumerate(NOT_FIGURES)]
)
def test_not_a_figure(text: str, why: str) -> None:
    assert quotes(text) == []


# a figure next to a non-figure: only the figure is found
ONLY = [
    ("2021年超过1000家行业风向标品牌", ["超过1000家"]),
    ("3年投入了100亿来补贴", ["100亿"]),
    ("从快手2021年第三季度财报来看，快手电商交易总额（GMV）达到1758亿元", ["1758亿元"]),
    ("1万个爆款百万单品，100个破亿团长", ["1万个", "100个", "破亿"]),
    ("期间举办了双百亿补贴活动，并在6月16日当天，双百亿补贴全天实际支付金额达到14.2亿元", ["14.2亿元"]),
    ("三个商家都这样告诉他", ["三个"]),
    ("今天站内没有任何活动，有四个品牌排在前面", ["四个"]),
    ("江苏彩民15元中大乐透1600万 奖池36.57亿", ["15元", "1600万", "36.57亿"]),
    ("这个手机壳花费你五美元和花费我三块", ["五美元", "三块"]),
    ("日活超过3亿，月活不到5亿", ["超过3亿", "不到5亿"]),  # two measures, not one range
    ("营收超过5亿并且不到6亿", ["超过5亿并且不到6亿"]),  # one range
]


@pytest.mark.parametrize(("text", "expected"), ONLY, ids=[t for t, _ in ONLY])
def test_only_the_figures(text: str, expected: list[str]) -> None:
    assert quotes(text) == expected


def test_bare_numbers_are_marked() -> None:
    q = the("1502222, 二百五, 还有二分之。", "1502222")
    assert q.bare and q.unit is None and q.value == 1502222
    assert not the("达到14.2亿", "14.2亿").bare
    assert "116" not in quotes("“116”卖货节")  # three digits and nothing else: not a figure
    assert the("今年“6.18”快手电商", "6.18").bare  # a decimal could be a figure: kept, marked


def test_as_money_upgrades_a_bare_magnitude() -> None:
    q = as_money(the("全天支付金额达到14.2亿", "14.2亿"), "CNY")
    assert (q.unit, q.dimension, q.currency_implicit, q.value) == ("CNY", Dimension.MONEY, True, 14.2e8)


def test_dimensions() -> None:
    got = {q.unit: q.dimension for q in find("收入1758亿元，增长86.1%，提升2个百分点，增长7.9倍，超过1000家")}
    assert got == {
        "CNY": Dimension.MONEY,
        "%": Dimension.PERCENT,
        "pp": Dimension.POINTS,
        "x": Dimension.MULTIPLE,
        "家": Dimension.COUNT,
    }


def test_qualifier_is_kept_as_written() -> None:
    assert the("在2020年就超过了200亿元", "超过了200亿元").qualifier == "超过"
    assert the("这个月差不多卖了 2000 多万", "2000 多万").qualifier == "多"
    assert the("60%以上", "60%以上").qualifier == "以上"
    assert the("1758亿元", "1758亿元").qualifier is None


# --------------------------------------------------------------------------- properties

FULL_WIDTH = str.maketrans(string.digits + ",.", "０１２３４５６７８９，．")
PIECES = [
    *"0123456789０１２３４５６７８９.,，．%％-~至到 一二两三十百千万亿兆零点多余几数第双元美港币人次家倍成折个年月日超过约近以上下左右分之",
    *["亿元", "个百分点", "百分之", "\n", "ICP备", "http://", "$", "￥", "k", "w", "Q", "(含)"],
]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(TEXT)
def test_find_never_raises_and_spans_are_sane(text: str) -> None:
    found = finder().find(fold(text))
    end = 0
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert q.start >= end, "quantities overlap or are out of order"
        end = q.end
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
        if q.value is not None and q.low is not None and q.high is not None:
            assert q.low <= q.value <= q.high or q.qualifier


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_find_never_raises_on_any_text(text: str) -> None:
    finder().find(fold(text))


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**12))
def test_integers_read_back(n: int) -> None:
    for written in (f"{n:,}元", f"{n}元", f"{n:,}元".translate(FULL_WIDTH), f"收入{n}元。"):
        (q,) = find(written)
        assert q.value == n and q.unit == "CNY", written
    (q,) = find(f"{n}万")
    assert q.value == pytest.approx(n * 10_000, rel=1e-12)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=0, max_value=99))
def test_decimals_read_back(whole: int, cents: int) -> None:
    (q,) = find(f"{whole}.{cents:02d}亿元")
    assert q.value == pytest.approx((whole + cents / 100) * 1e8, rel=1e-12)
    assert q.precision == pytest.approx(1e6)


@pytest.mark.parametrize("chunk", ["1", "亿", "，", "1,", "一", "1 ", "- ", "百分之", "超过"])
def test_a_megabyte_of_one_thing_completes(chunk: str) -> None:
    # no timing assert: a super-linear pattern would make this test hang, not fail slowly
    finder().find(chunk * (1_000_000 // len(chunk)))


def test_a_rules_pattern_of_any_shape_still_skips() -> None:
    # a pattern starting with \d cannot be guarded by its first characters: it runs everywhere
    rules = load_rules()
    units = rules.units.model_copy(update={"not_figure_patterns": [r"\d+号楼", r"(?i)room \d+"]})
    custom = NumberFinder(rules.model_copy(update={"units": units}))
    assert custom.find(fold("住在3号楼的1000家住户")) == [the("住在3号楼的1000家住户", "1000家")]
    assert custom.find(fold("ROOM 1024")) == []


def assert_guard_changes_no_match(text: str) -> None:
    """The guard that ends a numeral where no way of going on can start (``goes_on``) only
    saves time: the pattern without it matches the same, groups and all, at every place."""
    pattern = finder().pattern
    guard = re.search(r"\(\?=\[[^\]]*\]\)(?=\(\?!)", pattern.pattern)
    assert guard is not None
    unguarded = re.compile(pattern.pattern.replace(guard.group(), ""))
    folded = fold(text)
    for i in range(len(folded) + 1):
        a, b = pattern.match(folded, i), unguarded.match(folded, i)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(TEXT)
def test_the_numeral_guard_changes_no_match(text: str) -> None:
    assert_guard_changes_no_match(text)


@pytest.mark.parametrize("text", sorted({row[0] for row in CORPUS + NEWS + BUGS}))
def test_the_numeral_guard_changes_no_match_in_the_phrasebook(text: str) -> None:
    assert_guard_changes_no_match(text)


ARTICLE_PIECES = [
    *"一壹幺两二十1位家个台人次名户以上多约第这之",
    "一位",
    "一家",
    "人次",
    "5亿",
    "三成半",
    "。",
]


def assert_article_fast_path_changes_nothing(text: str) -> None:
    """``一`` before a counter is dropped early (``_plainly_not_a_figure``): only time is saved,
    the figures found are those the full reading finds."""
    slow = copy.copy(finder())
    slow.cn_ones = frozenset()  # no numeral takes the fast path: every match read in full
    folded = fold(text)
    assert finder().find(folded) == slow.find(folded)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(TEXT, st.lists(st.sampled_from(ARTICLE_PIECES), max_size=30).map("".join)))
def test_the_article_fast_path_changes_no_figure(text: str) -> None:
    assert_article_fast_path_changes_nothing(text)


@pytest.mark.parametrize("text", sorted({row[0] for row in CORPUS + NEWS + BUGS + NOT_FIGURES}))
def test_the_article_fast_path_changes_no_figure_in_the_phrasebook(text: str) -> None:
    assert_article_fast_path_changes_nothing(text)


def test_the_article_fast_path_is_taken() -> None:
    assert finder().cn_ones >= {"一"}
    assert quotes("一位券商人士表示，一家公司的3家门店") == ["3家"]

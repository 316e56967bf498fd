"""kcheck.extract.claims.lists: figures listed after 分别 pair with what is listed before."""

from __future__ import annotations

import pytest
from claimrows import claim, fields


@pytest.mark.parametrize(
    ("text", "quote", "entity", "metric", "type_"),
    [
        # n measures before, n changes after 分别: in order
        (
            "截至2021年末，证券行业总资产为10.59万亿元，净资产为2.57万亿元，较上年末分别增加19.07%、11.34%",
            "19.07%",
            "证券行业",
            "total_assets",
            "change",
        ),
        (
            "截至2021年末，证券行业总资产为10.59万亿元，净资产为2.57万亿元，较上年末分别增加19.07%、11.34%",
            "11.34%",
            "证券行业",
            "net_assets",
            "change",
        ),
        # n entities before 分别 in its clause: each figure its own
        (
            "2021年，招商银行、兴业银行净利润分别为1199.22亿元、826.8亿元",
            "1199.22亿元",
            "招商银行",
            "net_profit",
            "figure",
        ),
        (
            "2021年，招商银行、兴业银行净利润分别为1199.22亿元、826.8亿元",
            "826.8亿元",
            "兴业银行",
            "net_profit",
            "figure",
        ),
        # a second 分别 that names neither: its figures pair with the owners of the first list
        (
            "通达快运、韵捷速递、申程快递10月业务量分别为33.25亿票、20.53亿票和19.87亿票，同比分别增长23.1%、18.4%和26.2%",
            "18.4%",
            "韵捷速递",
            "parcel_volume",
            "change",
        ),
        (
            "通达快运、韵捷速递、申程快递10月业务量分别为33.25亿票、20.53亿票和19.87亿票，同比分别增长23.1%、18.4%和26.2%",
            "19.87亿",
            "申程快递",
            "parcel_volume",
            "figure",
        ),
        # n owners no rule names, coordinated before 分别: each figure its own, as written
        (
            "同行中，蜜茶记、鲜果坊上半年收入分别为62.3亿元和21.7亿元，门店数分别为11250家和3480家",
            "21.7亿元",
            "鲜果坊",
            "revenue",
            "figure",
        ),
        # ... and a count listed after their amounts keeps its own measure
        (
            "同行中，蜜茶记、鲜果坊上半年收入分别为62.3亿元和21.7亿元，门店数分别为11250家和3480家",
            "3480家",
            "鲜果坊",
            None,
            "figure",
        ),
        ("其中，北京、上海分别上涨0.1%和0.2%，广州、深圳分别下降0.7%和0.6%", "0.6%", "深圳", None, "change"),
        # not names: a list of sectors (第一、二、三产业) stays unnamed
        ("1—10月，第一、二、三产业用电量同比分别增长10.1%、3.9%和8.2%", "3.9%", None, None, "change"),
    ],
)
def test_respectively(text: str, quote: str, entity: str, metric: str, type_: str) -> None:
    assert fields(claim(text, quote), "entity", "metric", "type") == (entity, metric, type_)


@pytest.mark.parametrize(
    ("text", "quote", "entity", "measure"),
    [
        # places coordinated before 分别 own their figures in order and are not the measure
        ("其中，北京、上海分别上涨0.1%和0.2%，广州、深圳分别下降0.7%和0.6%", "0.6%", "深圳", None),
        ("其中，北京、上海分别上涨0.1%和0.2%，广州、深圳分别下降0.7%和0.6%", "0.1%", "北京", None),
        # owners with a measure after them keep the measure
        ("同行中，蜜茶记、鲜果坊上半年收入分别为62.3亿元和21.7亿元", "21.7亿元", "鲜果坊", "收入"),
        # ... and places that break down a group of places stated before (一线城市) take the
        # group's measure without the group's words (国家统计局's 70-city release)
        (
            "10月份，一线城市新建商品住宅销售价格环比下降0.3%。其中，北京、上海分别上涨0.1%和0.2%，"
            "广州、深圳分别下降0.7%和0.6%",
            "0.6%",
            "深圳",
            "新建商品住宅销售价格",
        ),
        (
            "二线城市二手住宅销售价格同比下降5.3%，其中，南京、杭州分别下降6.1%和4.8%",
            "4.8%",
            "杭州",
            "二手住宅销售价格",
        ),
        # a whole naming no group of places lends nothing (the parts are not its places)
        (
            "行业收入增长10%。其中，蜜茶记、鲜果坊分别增长12%和8%",
            "8%",
            "鲜果坊",
            None,
        ),
    ],
)
def test_listed_owners_are_not_the_measure(text: str, quote: str, entity: str, measure: str | None) -> None:
    assert fields(claim(text, quote), "entity", "measure") == (entity, measure)


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        # one head listing n numbers: n measures, one for each figure in order
        ("1—10月，第一、二、三产业用电量同比分别增长10.1%、3.9%和8.2%", "10.1%", "第一产业用电量"),
        ("1—10月，第一、二、三产业用电量同比分别增长10.1%、3.9%和8.2%", "3.9%", "第二产业用电量"),
        ("1—10月，第一、二、三产业用电量同比分别增长10.1%、3.9%和8.2%", "8.2%", "第三产业用电量"),
        ("10月，一、二线城市新房价格环比分别下降0.4%和0.5%", "0.5%", "二线城市新房价格"),
        # numbers that do not match the figures' count leave the measure as written
        ("1—10月，第一、二、三产业用电量同比分别增长10.1%和3.9%", "3.9%", "第一、二、三产业用电量"),
    ],
)
def test_numbered_measures(text: str, quote: str, measure: str) -> None:
    assert fields(claim(text, quote), "measure") == (measure,)


# a word naming two measures (metrics.joint_measures: 产销量, 产销) lists one figure for each, in
# order, and a change after 分别 follows them (real probe: the auto association's monthly figures)
_JOINT = "前5个月，全省摩托车产销量达86.4万辆和85.1万辆，同比分别增长6.3%和5.8%"


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        (_JOINT, "86.4万辆", "全省摩托车产量"),
        (_JOINT, "85.1万辆", "全省摩托车销量"),
        (_JOINT, "5.8%", "全省摩托车销量"),
        ("1-4月，重卡产销分别完成31.2万辆和30.6万辆", "30.6万辆", "重卡销量"),
        # one figure for the two: left as written
        ("1-4月，重卡产销量合计62万辆", "62万辆", "重卡产销量合计"),
    ],
)
def test_joint_measures(text: str, quote: str, measure: str) -> None:
    assert fields(claim(text, quote), "measure") == (measure,)

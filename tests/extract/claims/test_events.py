"""kcheck.extract.claims.events: an event word dated by the day or month before it."""

from __future__ import annotations

import pytest
from claimrows import claim, fields

DOUYIN = "早在2020年8月，抖音就宣布10月9日起直播间将不支持第三方来源商品"


@pytest.mark.parametrize(
    ("text", "quote", "event", "entity", "date"),
    [
        ("3月1日，快手电商与淘宝、京东正式切断外链", "3月1日", "断外链", "快手", "2022-03-01..2022-03-01"),
        # an effective date (起) in the clause wins over the announcement's month
        (DOUYIN, "10月9日起", "断外链", "抖音", "2020-10-09..2020-10-09"),
        (DOUYIN, "2020年8月", None, None, "2020-08-01..2020-08-31"),  # a bare date of kcheck.extract
    ],
)
def test_event(text: str, quote: str, event: str | None, entity: str | None, date: str) -> None:
    assert fields(claim(text, quote), "event", "entity", "date") == (event, entity, date)


@pytest.mark.parametrize(
    ("text", "quote", "event", "date"),
    [
        # open vocabulary, once per subject: the verb class
        ("1月1日，《区域全面经济伙伴关系协定》正式生效", "1月1日", "生效", "2022-01-01..2022-01-01"),
        ("公司通辽种猪繁育基地于1月2日投产", "1月2日", "投产", "2022-01-02..2022-01-02"),
        # a part of the subject is a different event: 快手电商部门成立 is not 快手成立
        ("2019年6月，快手电商部门成立", "2019年6月", "成立:部门", "2019-06-01..2019-06-30"),
        ("2011年3月，快手成立", "2011年3月", "成立", "2011-03-01..2011-03-31"),
        # repeated verbs: what follows tells which time
        (
            "2月17日，中证协发布2021年度证券公司经营业绩排名情况",
            "2月17日",
            "发布:2021年度证券公司经营业绩排名情况",
            "2022-02-17..2022-02-17",
        ),
    ],
)
def test_open_vocabulary_event(text: str, quote: str, event: str, date: str) -> None:
    assert fields(claim(text, quote), "event", "date") == (event, date)


def test_an_announcement_verb_with_nothing_after_it_dates_nothing() -> None:
    # 表示 with the words in the next clause: no way to tell which statement it was
    assert fields(claim("邹澜10月15日表示，房地产贷款增长平稳", "10月15日"), "event") == (None,)

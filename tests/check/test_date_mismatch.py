"""date_mismatch: one event dated differently, at the granularity each source wrote."""

from __future__ import annotations

import pytest
from claimkit import event, findings, run, with_checks

from kcheck.models import Claim, TopicStatus


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("2018", "2018-06"),  # 快手在2018年推出了电商业务 / 2018年6月快手小店上线
        ("2018-06", "2018-06-01"),
        ("2022-03-01", "2022-03-01"),  # 3月1日 (000) / 自2022年3月1日0时起 (001)
        ("2020-H2", "2020-10-09"),
    ],
)
def test_overlapping_dates_agree(a: str, b: str) -> None:
    topics, conflicts = run([event("上线", a, doc="a.txt"), event("上线", b, doc="b.txt")])
    assert conflicts == []
    assert topics[0].status == TopicStatus.CONSISTENT


@pytest.mark.parametrize(
    ("a", "b", "days"),
    [
        ("2013-11", "2013-12", 1),
        # 001: 抖音在2020年8月就已经断外链 ; 000: 抖音就宣布10月9日起直播间将不支持第三方来源商品
        ("2020-08", "2020-10-09", 39),
        ("2021", "2022-03-01", 60),
    ],
)
def test_disjoint_dates_conflict(a: str, b: str, days: int) -> None:
    ca = event("在2020年8月就已经断外链", a, doc="001.txt", line=11, time_quote="2020年8月")
    cb = event("不支持第三方来源商品", b, doc="000.txt", line=17, time_quote="10月9日")
    topics, conflicts = run([ca, cb])
    assert [(c.type, c.severity.value) for c in conflicts] == [("date_mismatch", "error")]
    assert conflicts[0].message.endswith(f", {days} day{'s' if days != 1 else ''} apart")
    assert conflicts[0].topic == "抖音 断外链"
    assert {c.id for c in conflicts[0].claims} == {ca.id, cb.id}
    assert topics[0].status == TopicStatus.CONFLICT


def test_message_names_the_dates_as_written() -> None:
    a = event("在2020年8月就已经断外链", "2020-08", doc="001.txt", line=11, time_quote="2020年8月")
    b = event("不支持第三方来源商品", "2020-10-09", doc="000.txt", line=17, time_quote="10月9日")
    _, conflicts = run([a, b])
    assert conflicts[0].message == (
        "抖音 断外链: 2020年8月 = 2020-08 (001.txt:11) vs 10月9日 = 2020-10-09 (000.txt:17), 39 days apart"
    )


@pytest.mark.parametrize(
    ("name", "a_fields", "b_fields"),
    [
        ("different entities", {"entity": "快手"}, {}),
        ("different events", {"event_name": "恢复外链"}, {}),
        ("same document", {}, {"doc": "a.txt"}),
        ("undated", {}, {"when": None}),
        ("planned vs done", {"kind": "forecast"}, {}),
    ],
)
def test_traps_never_fire(name: str, a_fields: dict[str, object], b_fields: dict[str, object]) -> None:
    a = {"quote": "断外链", "when": "2020-08", "doc": "a.txt", **a_fields}
    b = {"quote": "断外链", "when": "2022-03-01", "doc": "b.txt", **b_fields}
    assert findings([event(**a), event(**b)]) == []  # type: ignore[arg-type]


def test_disabled() -> None:
    a = event("断外链", "2020-08", doc="a.txt")
    b = event("断外链", "2020-10-09", doc="b.txt")
    assert findings([a, b], with_checks(disabled=["date_mismatch"])) == []


def test_severity_from_rules() -> None:
    a = event("断外链", "2020-08", doc="a.txt")
    b = event("断外链", "2020-10-09", doc="b.txt")
    rules = with_checks(severities={"date_mismatch": "warning"})
    assert findings([a, b], rules) == [("date_mismatch", "warning")]


@pytest.mark.parametrize(
    ("a_fields", "b_fields", "severity"),
    [
        # one plant named alike by two outlets, whatever company each names: an error
        ({"measure": "无锡12英寸晶圆厂二期"}, {"measure": "无锡12英寸晶圆厂二期", "entity": None}, "error"),
        ({"measure": "《山海行歌》"}, {"measure": "《山海行歌》", "entity_from": "subject"}, "error"),
        # names that only match by similarity: a warning
        ({"measure": "种猪繁育基地"}, {"measure": "通辽种猪繁育基地"}, "warning"),
        # a common phrase with no company named by both: a warning; with one company: an error
        ({"measure": "智能工厂"}, {"measure": "智能工厂", "entity": None}, "warning"),
        ({"measure": "智能工厂"}, {"measure": "智能工厂"}, "error"),
        # what had it written after its company's name, which the other telling names apart
        # (蜀味记岚州旗舰店 / 蜀味记's 岚州旗舰店, blind set 6, rest1 and rest3): one flagship
        (
            {"measure": "岚州旗舰店", "entity": "蜀味记"},
            {"measure": "蜀味记岚州旗舰店", "entity": None},
            "warning",
        ),
        # ... but another company's name before it is another company's flagship
        (
            {"measure": "岚州旗舰店", "entity": "蜀味记"},
            {"measure": "川味坊岚州旗舰店", "entity": None},
            None,
        ),
    ],
)
def test_an_event_keyed_by_what_had_it(
    a_fields: dict[str, object], b_fields: dict[str, object], severity: str | None
) -> None:
    # each sentence writes what had the event (公司<measure>于6月30日投产)
    a_fields = {"sentence": f"公司{a_fields['measure']}于6月30日投产", **a_fields}
    b_fields = {"sentence": f"公司{b_fields['measure']}于7月30日投产", **b_fields}
    a = event("于6月30日投产", "2023-06-30", event_name="投产", doc="a.txt", **a_fields)
    b = event("于7月30日投产", "2023-07-30", event_name="投产", doc="b.txt", **{"entity": "抖音", **b_fields})
    assert findings([a, b]) == ([("date_mismatch", severity)] if severity else [])


def test_what_had_the_event_read_from_a_pointing_word_is_a_weak_link() -> None:
    """该片将于3月1日登陆北美院线: 《长河落日》 is the work named before, not written there."""
    a = event(
        "2月23日",
        "2024-02-23",
        event_name="上映:北美",
        doc="a.txt",
        measure="《长河落日》",
        sentence="《长河落日》将于2月23日在北美地区上映",
    )
    b = event(
        "3月1日",
        "2024-03-01",
        event_name="上映:北美",
        doc="b.txt",
        measure="《长河落日》",
        sentence="该片将于3月1日登陆北美院线",
    )
    _, conflicts = run([a, b])
    assert [(c.type, c.severity.value) for c in conflicts] == [("date_mismatch", "warning")]
    assert any("not written in its sentence" in link for link in conflicts[0].weak_links)


def test_two_named_companies_never_share_an_event_key() -> None:
    a = event(
        "于6月30日投产", "2023-06-30", event_name="投产", doc="a.txt", measure="智能工厂", entity="快手"
    )
    b = event(
        "于7月30日投产", "2023-07-30", event_name="投产", doc="b.txt", measure="智能工厂", entity="抖音"
    )
    assert findings([a, b]) == []


def _opened(when: str, place: str, sentence: str, doc: str) -> Claim:
    """华联移动's 5G-A network opened in a city (blind set 3, tel2 and tel3)."""
    quote = f"{int(when[5:7])}月{int(when[8:])}日"
    return event(
        quote,
        when,
        event_name="开通",
        entity="华联移动",
        measure=f"5G-A网络（{place}）",
        sentence=sentence,
        offset=sentence.find(quote),
        doc=doc,
    )


def test_a_date_an_announcement_gives_the_event_is_a_weak_link() -> None:
    a = _opened("2024-11-06", "杭州", "11月6日，华联移动宣布其5G-A网络在杭州正式开通商用", "a.txt")
    b = _opened("2024-11-08", "杭州", "集团表示，已于11月8日在杭州开通5G-A网络商用", "b.txt")
    _, conflicts = run([a, b])
    assert [(c.type, c.severity.value) for c in conflicts] == [("date_mismatch", "warning")]
    assert any("announcement told the event done" in w for w in conflicts[0].weak_links)
    # told by its own day on both sides: read from explicit words, an error
    c = _opened("2024-11-06", "杭州", "11月6日，华联移动5G-A网络在杭州正式开通商用", "c.txt")
    assert findings([c, b]) == [("date_mismatch", "error")]


def test_one_thing_opened_in_two_places_is_two_events() -> None:
    a = _opened("2024-11-06", "杭州", "11月6日，华联移动5G-A网络在杭州正式开通", "a.txt")
    b = _opened("2024-11-08", "上海", "11月8日，华联移动5G-A网络在上海正式开通", "b.txt")
    assert findings([a, b]) == []

"""Publication dates: each form as written, the order of sources, and what is never a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kcheck.load import load_file
from kcheck.load.dates import infer_from_body, parse_stamp
from kcheck.models import PublishedFrom, Sentence

from .helpers import rules

D = dt.date


@pytest.mark.parametrize(
    ("value", "day"),
    [
        # corpus front matter (Hexo feeds write RFC 2822 in GMT; Jekyll ISO with an offset)
        ("Mon, 23 May 2022 02:49:58 GMT", D(2022, 5, 23)),
        ("Mon, 26 Jul 2021 22:56:00 GMT", D(2021, 7, 27)),  # 06:56 the next day in Beijing
        ("2022-03-01 12:19:03 +0800", D(2022, 3, 1)),
        # ISO with and without a zone
        ("2022-03-01", D(2022, 3, 1)),
        ("2022-03-01T12:19:03+08:00", D(2022, 3, 1)),
        ("2022-02-28T16:30:00Z", D(2022, 3, 1)),  # 00:30 on 1 March in Beijing
        ("2022-02-28T16:30:00+00:00", D(2022, 3, 1)),
        ("2022-02-28T15:59:59Z", D(2022, 2, 28)),
        ("2022-03-01T23:30:00", D(2022, 3, 1)),  # no zone: the day as written
        # bylines (002) and Chinese news sites
        ("2022.11.09 09:14", D(2022, 11, 9)),
        ("2023年11月29日", D(2023, 11, 29)),
        ("2023年11月29日 09:14", D(2023, 11, 29)),
        ("2024-03-28 09:00", D(2024, 3, 28)),
        ("2024/3/28", D(2024, 3, 28)),
        ("２０２３年１１月２９日", D(2023, 11, 29)),  # full-width digits
    ],
)
def test_parse_stamp(value: str, day: dt.date) -> None:
    stamp = parse_stamp(value, "Asia/Shanghai")
    assert stamp is not None and stamp.day == day


@pytest.mark.parametrize(
    "value",
    [
        "2022",
        "May 2022",
        "2022年5月",
        "今天",
        "",
        "1758",
        "yesterday",
        "2022-13-01",
        "2022年2月30日",
        "0001-01-01",
    ],
)
def test_not_a_full_date_is_no_date(value: str) -> None:
    """dateutil fills missing parts from a default: a partial date must never become one."""
    assert parse_stamp(value, "Asia/Shanghai") is None


def test_the_rules_time_zone_decides_the_day() -> None:
    utc = parse_stamp("Mon, 26 Jul 2021 22:56:00 GMT", "UTC")
    assert utc is not None and utc.day == D(2021, 7, 26)
    stamp = parse_stamp("Mon, 26 Jul 2021 22:56:00 GMT", "America/New_York")
    assert stamp is not None and stamp.day == D(2021, 7, 26)


def _load(tmp_path: Path, text: str, name: str = "a.txt") -> tuple[dt.date | None, PublishedFrom, str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = load_file(path, name, rules())
    return doc.published, doc.published_from, doc.published_note or ""


BODY = "快手财报显示，2022年第二季度，快手电商交易总额达1912亿元，同比增长31.5%。\n"
DATED = "2022年8月，快手财报显示，快手电商交易总额达1912亿元，同比增长31.5%。\n"


@pytest.mark.parametrize(
    ("text", "day", "origin", "note"),
    [
        # front matter, Hexo (000/003) and Jekyll (001) styles, and a YAML date
        (
            "---\ntitle: x\ndate: Mon, 23 May 2022 02:49:58 GMT\n---\n<p>" + BODY + "</p>",
            D(2022, 5, 23),
            PublishedFrom.FRONT_MATTER,
            "front matter date: Mon, 23 May 2022 02:49:58 GMT",
        ),
        (
            "---\nlayout: post\ndate: 2022-03-01 12:19:03 +0800\n---\n" + BODY,
            D(2022, 3, 1),
            PublishedFrom.FRONT_MATTER,
            "front matter date",
        ),
        (
            "---\ndate: 2022-03-01\n---\n" + BODY,
            D(2022, 3, 1),
            PublishedFrom.FRONT_MATTER,
            "front matter date: 2022-03-01",
        ),
        (
            "\n\n---\npubDate: 2022-03-01T12:00:00+08:00\n---\n" + BODY,
            D(2022, 3, 1),
            PublishedFrom.FRONT_MATTER,
            "front matter pubDate",
        ),
        # HTML meta, JSON-LD, <time>
        (
            '<html><head><meta property="article:published_time" content="2022-02-28T16:30:00Z"></head><body><p>'
            + BODY
            + "</p></body></html>",
            D(2022, 3, 1),
            PublishedFrom.META,
            "meta article:published_time",
        ),
        (
            '<meta name="pubdate" content="2022-03-01"><p>' + BODY + "</p><p>x</p>",
            D(2022, 3, 1),
            PublishedFrom.META,
            "meta pubdate",
        ),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2022-03-01T08:00:00+08:00"}</script><p>'
            + BODY
            + "</p><p>x</p>",
            D(2022, 3, 1),
            PublishedFrom.META,
            "JSON-LD datePublished",
        ),
        (
            '<article><p><time datetime="2022-03-01">3月1日</time></p><p>' + BODY + "</p></article>",
            D(2022, 3, 1),
            PublishedFrom.META,
            "<time datetime>",
        ),
        # a <time> inside a dropped footer dates a comment, not the article
        (
            "<p>" + DATED + '</p><footer><time datetime="2023-01-01">x</time></footer><p>y</p>',
            D(2022, 8, 1),
            PublishedFrom.INFERRED,
            "inferred",
        ),
        # bylines near the top (002 and other Chinese sites)
        (
            "快手电商向“外”妥协\n\n李程程\n\n· 2022.11.09 09:14\n\n" + BODY,
            D(2022, 11, 9),
            PublishedFrom.BYLINE,
            "byline (line 5): · 2022.11.09 09:14",
        ),
        ("标题\n\n2023年11月29日\n\n" + BODY, D(2023, 11, 29), PublishedFrom.BYLINE, "2023年11月29日"),
        (
            "标题\n2024-03-28 09:00 来源：新华社\n" + BODY,
            D(2024, 3, 28),
            PublishedFrom.BYLINE,
            "来源：新华社",
        ),
        ("标题\n发布时间：2024-03-28\n" + BODY, D(2024, 3, 28), PublishedFrom.BYLINE, "发布时间"),
        # Hong Kong and Taiwan bylines: 更新時間 with slashes, a date with its weekday
        ("標題\n更新時間：2023/10/27 17:05\n" + BODY, D(2023, 10, 27), PublishedFrom.BYLINE, "更新時間"),
        (
            "標題\n更新時間：2024/03/28 07:30\u3000來源：港聞財經\n" + BODY,
            D(2024, 3, 28),
            PublishedFrom.BYLINE,
            "來源",
        ),
        ("標題\n2023年11月16日 星期四 08:15\n" + BODY, D(2023, 11, 16), PublishedFrom.BYLINE, "星期四"),
        ("標題\n發佈時間：2024/01/09 週二 10:30\n" + BODY, D(2024, 1, 9), PublishedFrom.BYLINE, "發佈時間"),
        # the source after a bar, and a portal's outlet named with no 来源
        (
            "標題\n發佈時間：2024年12月02日 07:40 | 來源：港財日報\n" + BODY,
            D(2024, 12, 2),
            PublishedFrom.BYLINE,
            "來源：港財日報",
        ),
        (
            "标题\n2024年12月06日 08:05 新浪财经 作者：刘洋\n" + BODY,
            D(2024, 12, 6),
            PublishedFrom.BYLINE,
            "新浪财经",
        ),
        # a Taiwan paper: the stamp with slashes, the outlet, the reporter and where he files from
        (
            "標題\n2026/11/24 07:50\u3000經濟日報\u3000記者林佳慧／台北報導\n" + BODY,
            D(2026, 11, 24),
            PublishedFrom.BYLINE,
            "經濟日報",
        ),
        (
            "标题\n2024-03-28 09:00 丨 来源：新华社\n" + BODY,
            D(2024, 3, 28),
            PublishedFrom.BYLINE,
            "来源：新华社",
        ),
        # inference from the body
        (DATED, D(2022, 8, 1), PublishedFrom.INFERRED, "published on or after 2022-08-01 (a lower bound)"),
        # a quarter is no month: it bounds nothing
        (BODY, None, PublishedFrom.UNKNOWN, "no full date"),
        (
            "截止2020年6月30日，快手平均日活跃用户达3.02亿。而今年5月快手电商与京东牵手。\n",
            D(2020, 6, 30),
            PublishedFrom.INFERRED,
            "2020年6月30日",
        ),
        (
            "2020年5月，快手宣布与京东零售宣布达成深度战略合作。\n",
            D(2020, 5, 1),
            PublishedFrom.INFERRED,
            "2020年5月",
        ),
        (
            "从 2021 年 3 月开始，快手电商动作频繁。\n",
            D(2021, 3, 1),
            PublishedFrom.INFERRED,
            "2021 年 3 月 (line 1, column 3)",
        ),
        (
            "快手于２０２０年６月３０日提交招股书。\n",
            D(2020, 6, 30),
            PublishedFrom.INFERRED,
            "２０２０年６月３０日 (line 1, column 4)",
        ),
        # nothing to go on
        ("今年“双11”对快手电商的意义不同于以往。\n", None, PublishedFrom.UNKNOWN, "no full date"),
        ("2021年1-9月，抖音电商GMV同比增长了7.9倍。\n", None, PublishedFrom.UNKNOWN, "no full date"),
    ],
)
def test_where_the_date_comes_from(
    tmp_path: Path, text: str, day: dt.date | None, origin: PublishedFrom, note: str
) -> None:
    published, published_from, published_note = _load(tmp_path, text)
    assert (published, published_from) == (day, origin)
    assert note in published_note


def test_order_front_matter_before_meta_before_byline(tmp_path: Path) -> None:
    text = (
        "---\ndate: 2022-03-01\n---\n"
        '<meta name="pubdate" content="2021-01-01"><p>2020年1月1日</p><p>' + BODY + "</p>"
    )
    assert _load(tmp_path, text)[:2] == (D(2022, 3, 1), PublishedFrom.FRONT_MATTER)


def test_a_partial_front_matter_date_falls_through_and_says_so(tmp_path: Path) -> None:
    published, origin, note = _load(tmp_path, "---\ndate: 2022\n---\n" + DATED)
    assert (published, origin) == (D(2022, 8, 1), PublishedFrom.INFERRED)
    assert "front matter date '2022' is not a full date" in note


def test_the_manifest_wins(tmp_path: Path) -> None:
    from kcheck.load.manifest import ManifestEntry

    path = tmp_path / "a.txt"
    path.write_text("---\ndate: 2022-03-01\ntitle: fm\n---\n" + BODY, encoding="utf-8")
    entry = ManifestEntry(published=D(2022, 3, 2), source="国际金融报", title="快手将切断淘宝京东外链")
    doc = load_file(path, "a.txt", rules(), entry)
    assert (doc.published, doc.published_from, doc.source, doc.title) == (
        D(2022, 3, 2),
        PublishedFrom.MANIFEST,
        "国际金融报",
        "快手将切断淘宝京东外链",
    )


def _sentences(*texts: str) -> list[Sentence]:
    return [Sentence(index=i, paragraph=i, text=t) for i, t in enumerate(texts)]


@pytest.mark.parametrize(
    ("texts", "day"),
    [
        # the latest date wins, whatever the order
        (
            (
                "2019年6月，快手电商部门正式成立。",
                "2021年11月，快手就曾宣布直播间不再支持。",
                "早在2020年8月，抖音就宣布。",
            ),
            D(2021, 11, 1),
        ),
        # targets and forecasts (kinds.yaml) and plans (future_cues) bound nothing
        (("2021年11月，快手宣布。", "快手电商计划于2023年6月前完成改造。"), D(2021, 11, 1)),
        (("2021年11月，快手宣布。", "快手预计2022年12月31日前上线。"), D(2021, 11, 1)),
        (("2021年11月，快手宣布。", "快手将于2024年3月1日起切断外链。"), D(2021, 11, 1)),
        (("2021年11月，快手宣布。", "快手2024年3月1日起计划切断外链。"), D(2021, 11, 1)),
        # a dateline ahead of the plan it reports stays
        (("2024年1月10日，启明教育宣布，董事会已批准一项股份回购计划。",), D(2024, 1, 10)),
        # years alone, ranges, fiscal periods are too vague
        (("2018财年第二季度，拼多多的GMV为2621亿元。", "2017-2018年，短视频开始集中爆发。"), None),
    ],
)
def test_inference_is_conservative(texts: tuple[str, ...], day: dt.date | None) -> None:
    r = rules()
    cues = [*r.boilerplate.future_cues, *r.kinds.target, *r.kinds.forecast]
    found = infer_from_body(_sentences(*texts), cues)
    assert (found.day if found else None) == day


def test_never_todays_date(tmp_path: Path) -> None:
    today = dt.date.today()
    for text in (
        "今天，快手发布财报。\n",
        f"{today.year}年，快手发布财报。\n",
        "---\ndate: today\n---\n正文。\n",
    ):
        assert _load(tmp_path, text)[0] != today


# ISO stamps are read by datetime.fromisoformat (kcheck.load.dates._iso): what dateutil,
# which reads every other form, reads from them, to the same day and the same note
_ISO_PARTS = st.tuples(
    st.integers(1890, 2110),
    st.integers(0, 13),
    st.integers(0, 32),
    st.one_of(
        st.none(),
        st.tuples(
            st.sampled_from(["T", " "]),
            st.integers(0, 25),
            st.integers(0, 60),
            st.one_of(st.none(), st.integers(0, 60)),
            st.one_of(st.none(), st.sampled_from([".5", ".123456", ".0"])),
            st.sampled_from(["", "Z", "+08:00", "-05:30", "+00:00", "+14:00"]),
        ),
    ),
)


def _iso_text(parts: tuple[int, int, int, tuple[str, int, int, int | None, str | None, str] | None]) -> str:
    year, month, day, time = parts
    text = f"{year:04d}-{month:02d}-{day:02d}"
    if time is not None:
        sep, hour, minute, second, fraction, zone = time
        text += f"{sep}{hour:02d}:{minute:02d}"
        if second is not None:
            text += f":{second:02d}" + (fraction or "")
        text += zone
    return text


@settings(max_examples=400, deadline=None)
@given(_ISO_PARTS, st.sampled_from(["Asia/Shanghai", "UTC", "America/New_York"]))
def test_iso_stamps_read_as_dateutil_reads_them(parts, timezone: str) -> None:  # type: ignore[no-untyped-def]
    text = _iso_text(parts)
    assert parse_stamp(text, timezone) == _through_dateutil(text, timezone), text


def _through_dateutil(text: str, timezone: str):  # type: ignore[no-untyped-def]
    from unittest import mock

    from kcheck.load import dates

    with mock.patch.object(dates, "_iso", lambda text: None):
        return parse_stamp(text, timezone)

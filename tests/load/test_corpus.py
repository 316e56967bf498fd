"""End to end over corpus/: dates and their origin, body kept, furniture gone, runs exact."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from kcheck.load import load_paths
from kcheck.load.furniture import normalise
from kcheck.models import Document, PublishedFrom

from .helpers import CORPUS, original_text, rules, run_mismatches


@pytest.fixture(scope="module")
def corpus() -> dict[str, Document]:
    docs, problems = load_paths([str(CORPUS)], rules())
    assert problems == []
    return {doc.path.rsplit("/", 1)[-1][:3]: doc for doc in docs}


def test_every_corpus_file_is_a_document_with_its_path_as_given(corpus: dict[str, Document]) -> None:
    assert sorted(corpus) == ["000", "001", "002", "003", "004"]
    assert corpus["000"].path == f"{CORPUS}/000_61c9e254a7eeece8.txt"


@pytest.mark.parametrize(
    ("doc", "published", "origin", "evidence"),
    [
        ("000", dt.date(2022, 5, 23), PublishedFrom.FRONT_MATTER, "Mon, 23 May 2022 02:49:58 GMT"),
        ("001", dt.date(2022, 3, 1), PublishedFrom.FRONT_MATTER, "2022-03-01 12:19:03 +0800"),
        ("002", dt.date(2022, 11, 9), PublishedFrom.BYLINE, "2022.11.09 09:14"),
        # 22:56 GMT on 26 July is 06:56 on 27 July in Asia/Shanghai: the newsroom's day
        ("003", dt.date(2021, 7, 27), PublishedFrom.FRONT_MATTER, "Mon, 26 Jul 2021 22:56:00 GMT"),
        # no date anywhere: the latest full date the body states (截止2020年6月30日) bounds it
        ("004", dt.date(2020, 6, 30), PublishedFrom.INFERRED, "2020年6月30日"),
    ],
)
def test_publication_date_and_origin(
    corpus: dict[str, Document], doc: str, published: dt.date, origin: PublishedFrom, evidence: str
) -> None:
    document = corpus[doc]
    assert (document.published, document.published_from) == (published, origin)
    assert document.published_note is not None and evidence in document.published_note


def test_003_note_shows_the_conversion_to_the_newsroom_day(corpus: dict[str, Document]) -> None:
    assert "= 2021-07-27 06:56 Asia/Shanghai" in (corpus["003"].published_note or "")


def test_004_inference_says_it_is_a_lower_bound(corpus: dict[str, Document]) -> None:
    note = corpus["004"].published_note or ""
    assert note.startswith("inferred:") and "line 17" in note and "lower bound" in note


@pytest.mark.parametrize(
    ("doc", "fmt", "title", "source"),
    [
        ("000", "front_matter+html", "抖音快手相继断外链，是走窄了还是走对了？", "鸟哥笔记"),
        ("001", "front_matter+html", "快手将切断淘宝京东外链 欲打造自身独立电商？", "国际金融报"),
        ("002", "text", "快手电商向“外”妥协 | 钛媒体焦点", "钛媒体APP"),
        ("003", "front_matter+html", "快手电商，还缺什么？", "ZAKER"),
        ("004", "text", "快手正在成为下一个拼多多?", "连线Insight 钟微 谢东霞"),
    ],
)
def test_format_title_source(
    corpus: dict[str, Document], doc: str, fmt: str, title: str, source: str
) -> None:
    document = corpus[doc]
    assert (document.format, document.encoding, document.title, document.source) == (
        fmt,
        "utf-8",
        title,
        source,
    )


BODY = [
    # plain-text dumps keep their article body
    (
        "002",
        "快手财报显示,2022年第二季度,快手电商交易总额达1912亿元,同比增长31.5%,快手电商复购率同比和环比均实现增长;快手直播收入达86亿元,同比增长19.1%。",
    ),
    ("002", "这是快手与京东战略合作的首次落地,最终6月16日“快手京东双百亿补贴”全天支付金额达到14.2亿。"),
    ("002", "今年“双11”对快手电商的意义不同于以往。"),
    ("002", "临近“双11”大促的关键节点,快手电商悄悄地开放了与淘宝联盟和京东联盟商品链接。"),
    ("002", "如上这些问题,在“双11”这类电商行业大练兵的重要节点上,会暴露得更为彻底。"),
    (
        "004",
        "之前拼多多的百亿补贴已经证明可以有效吸引多圈层用户,快手今年也推出“6.16品质购物节”活动,期间举办了双百亿补贴活动,并在6月16日当天,双百亿补贴全天实际支付金额达到14.2亿元。",
    ),
    (
        "004",
        "这其中,电商已经成为快手增速最快的业务,截至2020年6月30日,快手平台的平均重复购买率达60%以上,快手电商业务GMV达到1096亿。",
    ),
    ("004", "在电商行业进入双十一争夺战时,快手正式向港交所递交了IPO招股书。"),
    (
        "004",
        "唯一肯定的是,随着各大电商陆续上线直播业务,短视频平台们也上线电商业务,在未来,各大玩家势必要短刀相见,近身肉搏,竞争只会更加激烈。",
    ),
    # HTML bodies, entities and inline links joined without a seam
    ("000", "3月1日，快手电商与淘宝、京东正式“分手”。"),
    (
        "000",
        "从快手2021年第三季度财报来看，快手电商交易总额（GMV）达到1758亿元，同比增长86.1%，其中90%来自快手小店。",
    ),
    ("000", "随着电商行业进入存量竞争时代，“断链”之后，快手电商要怎么走好自己的路？"),
    ("000", "快手断链不是“为了闭环”"),  # an <h1> section heading is not the title
    ("001", "第三季度电商交易额达1758.87亿元，同比增长约86%；"),
    ("001", "快手将于3月1日起切断淘宝、京东联盟商品链接。"),
    (
        "003",
        "2021 年，快手电商已经有了一些成绩，比如 Q1 财报，以电商为主的其他服务板块，收入达 12 亿元，同比增长 589.1%。",
    ),
    ("003", "" + '" 快手电商在品牌这一块，现在只是一个开始 "，笑古说。'),
]


@pytest.mark.parametrize(("doc", "sentence"), BODY)
def test_body_sentences_are_kept_whole(corpus: dict[str, Document], doc: str, sentence: str) -> None:
    assert sentence in [s.text for s in corpus[doc].sentences]


FURNITURE = [
    # 002 钛媒体 page dump: counters, player, credits, end marker, author box, tips, comments, sidebars
    ("002", "36万"),
    ("002", "扫码分享"),
    ("002", "00:00 11:51"),
    ("002", "图片来源:视觉中国"),
    ("002", "本文首发钛媒体APP"),
    ("002", "HK 快手-2.73%"),
    ("002", "562篇资讯"),
    ("002", "7.3万关注"),
    ("002", "李程程"),
    ("002", "赞赏"),
    ("002", "钛粉81947"),
    ("002", "历史进程中的茅台与6次暴跌"),
    ("002", "这届WE科学家有何最新突破与发现"),
    ("002", "支付金额:¥6"),
    ("002", "评论(5)"),
    ("002", "via android"),
    ("002", "拥抱好过么么"),
    ("002", "获投144亿元"),
    ("002", "热度值"),
    ("002", "Insight Partners"),
    ("002", "不构成投资建议"),
    ("002", "2022.11.09"),
    # 004 界面新闻 page dump
    ("004", "正在阅读"),
    ("004", "扫一扫下载界面新闻APP"),
    ("004", "文|连线Insight"),
    ("004", "编辑|叶丽丽"),
    ("004", "图源"),
    ("004", "页面截图"),
    ("004", "本文为转载内容"),
    ("004", "5.6k"),
    ("004", "2023年快手电商投流客户数增长超35%"),
    ("004", "网络小贷牌照"),
    ("004", "暂无评论"),
    # 003 ZAKER (HTML): account credit, author lines, image credits
    ("003", "shenrancaijing"),
    ("003", "李秋涵"),
    ("003", "魏佳"),
    ("003", "视觉中国"),
    # 001 (Jekyll): hidden element, image alt text, source line, Markdown navigation
    ("001", "K图"),
    ("001", "文章来源"),
    ("001", "返回首页"),
    ("001", "finews"),
    # 000: image titles repeat the article title
    ("000", "走窄了还是走对了"),
]


@pytest.mark.parametrize(("doc", "text"), FURNITURE)
def test_furniture_is_gone(corpus: dict[str, Document], doc: str, text: str) -> None:
    assert [s.text for s in corpus[doc].sentences if text in s.text] == []


@pytest.mark.parametrize("doc", ["000", "001", "002", "003", "004"])
def test_no_paragraph_twice(corpus: dict[str, Document], doc: str) -> None:
    counts = Counter(normalise(p) for p in corpus[doc].paragraphs)
    assert [p for p, n in counts.items() if n > 1] == []


def test_004_carried_twice_is_read_once(corpus: dict[str, Document]) -> None:
    texts = [s.text for s in corpus["004"].sentences]
    for sentence in (
        "回溯快手电商的发展路径,也与拼多多有着极大的相似性。",
        "在电商行业进入双十一争夺战时,快手正式向港交所递交了IPO招股书。",
        "而快手招股书显示,今年上半年快手电商GMV总额达到1096亿元。",
    ):
        assert texts.count(sentence) == 1
    # the first copy is the one kept
    assert all(s.line < 177 for s in corpus["004"].sentences)


@pytest.mark.parametrize("doc", ["000", "001", "002", "003", "004"])
def test_every_run_points_at_its_text_in_the_original_file(corpus: dict[str, Document], doc: str) -> None:
    document = corpus[doc]
    assert document.sentences
    assert run_mismatches(document, original_text(CORPUS / document.path.rsplit("/", 1)[-1])) == []


@pytest.mark.parametrize("doc", ["000", "001", "002", "003", "004"])
def test_every_digit_of_every_sentence_is_traced(corpus: dict[str, Document], doc: str) -> None:
    """Figures must be locatable: no digit may be text the cleaner inserted."""
    for sentence in corpus[doc].sentences:
        covered = {i for r in sentence.runs for i in range(r.offset, r.offset + r.length)}
        assert [c for i, c in enumerate(sentence.text) if c.isdigit() and i not in covered] == []


def test_locate_a_figure(corpus: dict[str, Document]) -> None:
    sentence = next(s for s in corpus["002"].sentences if "1912亿元" in s.text)
    assert sentence.locate(sentence.text.index("1912")) == (118, 27)

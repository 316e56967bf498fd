"""Page furniture: the rules' line patterns, one real line per row, and the structural cues."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kcheck.load.furniture import is_prose, keep_article, normalise
from kcheck.load.patterns import compile_boilerplate
from kcheck.load.text import read_text

from .helpers import rules


def patterns():  # type: ignore[no-untyped-def]
    return compile_boilerplate(rules().boilerplate)


@pytest.mark.parametrize(
    "line",
    [
        # dev corpus (blind set): a related-list label with its headline on one line
        "相关阅读：2023年全年票房549.15亿元 国产片占比超八成",
        "相关新闻：春节档“黑马”是如何炼成的",
        # 002 钛媒体
        "钛媒体  •  扫码分享",
        "微信扫码",
        "36万",
        "21",
        "00:00 11:51",
        "图片来源:视觉中国",
        "HK 快手-2.73%",
        "562篇资讯",
        "7.3万关注",
        "关注",
        "本文系作者李程程授权钛媒体发表,并经钛媒体编辑,转载请注明出处、作者和本文链接。",
        "声明:文章内容仅供参考,不构成投资建议。",
        "想和千万钛媒体用户分享你的新奇观点和发现,点击这里投稿 。创业或融资寻求报道,点击这里。",
        "敬原创,有钛度,得赞赏",
        "”支持原创,赞赏一下“",
        "555人已赞赏 >",
        "钛粉81947 赞赏了",
        "2022-10-28 12:23",
        "关闭弹窗",
        "支付金额:¥6",
        "赞赏时间:2020.02.11 17:32",
        "¥ 5",
        "账户【未登录】提示!",
        "评论(5)",
        "登录后输入评论内容 根据《网络安全法》实名制要求,请绑定手机号后发表评论 登录",
        "2022.11.09 14:44 via android",
        "您是否确认要删除该条评论吗?",
        "日投融资总额(亿元)",
        "获投144亿元",
        "热度值18408",
        "更多科股数据",
        "最近资讯",
        "随意打赏",
        # 004 界面新闻
        "正在阅读:",
        "扫一扫下载界面新闻APP",
        "文|连线Insight 钟微 谢东霞",
        "编辑|叶丽丽",
        "快手电商交易总额等各项数据,图源其招股书",
        "拼多多、快手APP页面截图",
        "散打哥直播截图,图源快手APP",
        "5.6k",
        "暂无评论哦,快来评价一下吧!",
        "下载界面新闻",
        "微信公众号",
        # 003 ZAKER
        "深燃（shenrancaijing）原创",
        "作者 | 李秋涵",
        "编辑 | 魏佳",
        "来源 / 视觉中国",
        "* 题图来源于视觉中国。",
        # 001 国际金融报 (Jekyll)
        "[返回国际金融报新闻](//finews.withounder.com/category/guojijinrongbao.html)｜[返回首页](//finews.withounder.com/)",
        "<http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202203012292585297>",
    ],
)
def test_furniture_line(line: str) -> None:
    assert patterns().drop_lines.search(line)


@pytest.mark.parametrize(
    "line",
    [
        # real body lines, short ones and ones near the furniture words, must stay
        "今年“双11”对快手电商的意义不同于以往。",
        "快手电商业务成立之初允许站内跳转第三方电商平台。",
        "这是快手与京东战略合作的首次落地,最终6月16日“快手京东双百亿补贴”全天支付金额达到14.2亿。",
        "快手财报显示,2022年第二季度,快手电商交易总额达1912亿元,同比增长31.5%,快手电商复购率同比和环比均实现增长;快手直播收入达86亿元,同比增长19.1%。",
        "快手一方面依赖于这些主播的带货能力,后者对快手电商的数据极其重要,但是一方面也要加强监管,这是快手与主播们的博弈,也是快手必须要面对、解决的问题。",
        "快手直播打赏收入同比增长19.1%。",
        "“上新”之下,程一笑不得不借力第三方",
        "1、快手电商的“拼多多”式发展",
        "供应链会是快手电商的终极短板吗?",
        "在接受晚点采访时，他以 C 端（针对消费者）和 B 端（针对店家、品牌）两个维度做了总结。",
        "2021 年，快手电商已经有了一些成绩，比如 Q1 财报，以电商为主的其他服务板块，收入达 12 亿元，同比增长 589.1%。",
        "用户可以在直播间扫一扫商品二维码完成购买，这一功能上线后转化率提升了15%。",
        "视觉中国2021年营收同比增长18%。",
        "据36氪报道,2020年年初快手制定了更高难度的增长目标,其中广告收入目标是400亿元。",
    ],
)
def test_body_line_is_not_furniture(line: str) -> None:
    assert not patterns().drop_lines.search(line)
    assert not patterns().end_markers.search(line)


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("(本文首发钛媒体APP,作者|李程程)", "钛媒体APP"),
        ("（文章来源：国际金融报）", "国际金融报"),
        ("本文为转载内容,授权事宜请联系原著作权人。", None),
        ("本文系作者李程程授权钛媒体发表,并经钛媒体编辑,转载请注明出处、作者和本文链接。", None),
        ("—— END ——", None),
    ],
)
def test_end_marker(line: str, source: str | None) -> None:
    assert patterns().end_markers.search(line)
    assert patterns().end_markers.source(line) == source


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("今年“双11”对快手电商的意义不同于以往。", True),
        ("供应链会是快手电商的终极短板吗?", True),
        ("“确实还没有确定是长期还是短期”。", True),
        ("利用外链引入更多的渠道,有利于分散各种不确定的突发事件之于电商业务的风险", True),
        ("“上新”之下,程一笑不得不借力第三方", False),
        ("快手 电商直播 短视频 电商 双十一 供应链", False),
        ("Bilibili Issues 10,000 NF...", False),
        ("李程程", False),
    ],
)
def test_is_prose(line: str, prose: bool) -> None:
    assert is_prose(line) is prose


def kept(text: str, titles: tuple[str, ...] = ()) -> list[str]:
    result = keep_article(read_text(text, 0), list(titles), patterns(), set(), dump=True)
    return ["".join(t.text for t in paragraph) for paragraph in result.paragraphs]


P1 = "临近“双11”大促的关键节点,快手电商悄悄地开放了与淘宝联盟和京东联盟商品链接。"
P2 = "日前,京东联盟宣布与快手全面恢复商品外链合作,开放了京东商品在快手直播间挂车功能。"
P3 = "有意思的是,与阿里和京东方面高调向合作伙伴宣布了该消息不同,快手电商官方对此消息一直保持沉默。"


def test_the_article_ends_at_an_end_marker_after_prose() -> None:
    text = f"{P1}\n\n{P2}\n\n(本文首发钛媒体APP,作者|李程程)\n\n{P3}\n"
    assert kept(text) == [P1, P2]


def test_an_end_marker_before_any_prose_ends_nothing() -> None:
    text = f"本文为转载内容,授权事宜请联系原著作权人。\n\n{P1}\n\n{P2}\n"
    assert kept(text) == [P1, P2]


def test_short_lines_around_the_body_go_and_headings_inside_stay() -> None:
    text = f"李程程\n\n{P1}\n\n“上新”之下,程一笑不得不借力第三方\n\n{P2}\n\n快手 电商直播 短视频\n"
    assert kept(text) == [P1, "“上新”之下,程一笑不得不借力第三方", P2]


def test_title_repeats_are_furniture() -> None:
    title = "快手电商向“外”妥协 | 钛媒体焦点"
    text = f"{title}\n\n{title} {title}\n\n快手电商向“外”妥协\n\n{P1}\n\n{P2}\n"
    assert kept(text, (title,)) == [P1, P2]


def test_bullet_items_and_their_indented_content_are_furniture() -> None:
    # 002: the donor list; a bulleted full sentence in the body is content
    text = (
        f"{P1}\n\n  • 钛粉81947\n\n    钛粉81947 赞赏了\n\n    历史进程中的茅台与6次暴跌。这是一条很长的被赞赏文章标题。\n\n"
        f"{P2}\n\n• 快手2021年完成电商GMV达6800亿元，超过原定目标。\n\n{P3}\n"
    )
    assert kept(text) == [P1, P2, "快手2021年完成电商GMV达6800亿元，超过原定目标。", P3]


def test_a_region_after_a_run_of_furniture_with_little_prose_is_dropped() -> None:
    # a comment thread without an end marker: user names, timestamps, short replies
    comments = "\n".join(
        ["拥抱好过么么", "回复", "2022.11.09 14:44", "点赞", "关注", "商家现在更加追求确定性的需求。"]
    )
    body = "\n\n".join([P1, P2, P3] * 3)
    assert kept(f"{body}\n\n{comments}\n") == [P1, P2, P3]


def test_repeated_paragraphs_are_kept_once_first_occurrence_first() -> None:
    # 004 carries the article twice, separated by page furniture
    furniture = "\n".join(
        ["快手", "5.6k", "评论", "暂无评论哦,快来评价一下吧!", "下载界面新闻", "微信公众号", "微博"]
    )
    text = f"{P1}\n\n{P2}\n\n{P3}\n\n{furniture}\n\n{P1}\n\n{P2}\n\n{P3}\n"
    assert kept(text) == [P1, P2, P3]


def test_a_text_without_prose_keeps_its_non_furniture_lines() -> None:
    assert kept("快手电商交易总额达1758亿元\n\n36万\n") == ["快手电商交易总额达1758亿元"]


def test_patterns_with_named_groups_still_combine() -> None:
    compiled = patterns()
    for listed in (compiled.drop_lines, compiled.end_markers):
        assert listed.anchored is not None
        assert listed.alone == ()


def test_numbered_headline_items_with_figures_are_article_text() -> None:
    # a year-end roundup: headings separated by images, each a numbered item with a figure
    items = [
        "（九）1-11月 全国城镇新增就业1207万人",
        "（十一）我国快递业务量首次突破1000亿件",
        "3、A股成交额超过256万亿",
    ]
    text = "\n\n".join([P1, *(f"{item}\n\n\n\n\n\n" for item in items), P2]) + "\n"
    assert kept(text) == [P1, *items, P2]


def test_a_numbered_item_without_a_figure_is_still_only_a_heading() -> None:
    text = f"（一）总体情况\n\n{P1}\n"
    assert kept(text) == [P1]


# full-width forms beside what they normalise to, and characters NFKC composes or expands
_NORMALISED = st.sampled_from(
    list("，；：（）？！％．,;:()?!%.ＡａＧＭＶ１２３\u3000 \t\n\xa0…ﬁ㈱⑴Ⅻ⼀豈ßİΣς\u0301\u3099か快手e")
)


@given(st.lists(_NORMALISED, max_size=30).map("".join))
def test_the_comparison_form_is_nfkc_without_spaces_case_folded(text: str) -> None:
    """The full-width punctuation replaced before NFKC (its fast path) changes nothing."""
    assert normalise(text) == "".join(unicodedata.normalize("NFKC", text).split()).casefold()


@pytest.mark.parametrize(
    ("line", "form"),
    [
        ("快手ＧＭＶ达１７５８亿元，同比增长８６．１％。", "快手gmv达1758亿元,同比增长86.1%。"),
        ("标题：  第三季度（Q3） 财报", "标题:第三季度(q3)财报"),
        ("か\u3099，", "が,"),  # a combining mark still composes
    ],
)
def test_comparison_forms(line: str, form: str) -> None:
    assert normalise(line) == form

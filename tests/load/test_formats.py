"""Formats are recognised by content; each reader keeps the rendered text and only that."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from kcheck.errors import LoadError
from kcheck.load import load_file
from kcheck.load.formats import HTML_PAGE, HTML_TAG, MD_STRONG, MD_WEAK, detect_format, split_front_matter
from kcheck.load.html import (
    _attributes_needed,
    _one_attribute_selectors,
    _read_once,
    _read_with_soup,
    _selected,
    read_html,
)
from kcheck.load.markdown import read_markdown
from kcheck.load.text import read_text

from .helpers import CORPUS, original_text, rules, run_mismatches


def corpus_body(name: str, skip_lines: int = 0, lines: int = 40) -> str:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return "\n".join(text.splitlines()[skip_lines : skip_lines + lines])


@pytest.mark.parametrize(
    ("body", "front_matter", "fmt"),
    [
        # corpus
        (corpus_body("000_61c9e254a7eeece8.txt", 13), True, "html"),
        (corpus_body("001_d2323aebfef9259f.txt", 7), True, "html"),  # HTML with Markdown links at the end
        (corpus_body("003_96ff0e41570e01c7.txt", 13), True, "html"),
        (corpus_body("002_a401a0b6d6792b29.txt"), False, "text"),
        (corpus_body("004_ebffdb35e215fbb0.txt"), False, "text"),
        (corpus_body("002_a401a0b6d6792b29.txt", 120, 60), False, "text"),  # bullets are no Markdown
        # other shapes
        ("<!DOCTYPE html>\n<html><body>快手</body></html>", False, "html"),
        ("<p>快手电商交易总额达1758亿元</p>", False, "html"),  # a fragment
        ("快手电商交易总额<br>达1758亿元\n", False, "text"),  # one stray tag is no markup
        ("<p>快手电商</p><p>交易总额达1758亿元</p>", False, "html"),
        ("# 快手电商\n\n交易总额达**1758亿元**。\n", False, "markdown"),
        ("快手电商\n\n[原文](https://example.com)\n\n- 一\n", False, "markdown"),
        ("快手电商交易总额达1758亿元。\n", True, "markdown"),  # Hexo/Jekyll bodies are Markdown
        ("- 快手电商\n- 淘宝\n", False, "text"),  # a dash list alone: plain text
        ("快手 < 淘宝，a > b。\n", False, "text"),
    ],
)
def test_detect_format(body: str, front_matter: bool, fmt: str) -> None:
    assert detect_format(body, front_matter) == fmt


FORMAT_PIECES = st.sampled_from(
    [
        *(
            "快手",
            "x",
            " ",
            "\n",
            "\t",
            "<p>",
            "</p>",
            "<br>",
            "<div class=a>",
            "<span>",
            "<",
            ">",
            "<!DOCTYPE html>",
        ),
        *(
            "# ",
            "## x",
            "```",
            "~~~",
            "[a]: b",
            "[a](b)",
            "**x**",
            "*",
            "**",
            "[",
            "]",
            "(",
            ")",
            "- ",
            "1. ",
            "> ",
        ),
    ]
)


@given(
    body=st.lists(st.one_of(FORMAT_PIECES, st.text(max_size=3)), max_size=40).map("".join),
    front_matter=st.booleans(),
)
def test_detect_format_counts_only_what_decides(body: str, front_matter: bool) -> None:
    """detect_format is its definition: counting every tag and mark, whatever it skips."""
    tags, strong, weak = (sum(1 for _ in p.finditer(body)) for p in (HTML_TAG, MD_STRONG, MD_WEAK))
    if HTML_PAGE.search(body, 0, 4096) or (tags >= 2 and tags >= strong + weak):
        expected = "html"
    elif front_matter or (strong >= 1 and strong + weak >= 2):
        expected = "markdown"
    else:
        expected = "text"
    assert detect_format(body, front_matter) == expected


@pytest.mark.parametrize(
    ("text", "data", "body"),
    [
        # 000/003 (Hexo): a blank line before the opening ---
        (
            "\n---\ntitle: '快手电商，还缺什么？'\nauthor: ZAKER\ncomments: false\n---\n\n<div>",
            {"title": "快手电商，还缺什么？", "author": "ZAKER", "comments": False},
            "\n<div>",
        ),
        # 001 (Jekyll): dates stay the strings written
        (
            "---\nlayout: post\ndate: 2022-03-01 12:19:03 +0800\ncategories: guojijinrongbao\n---\n<p>",
            {"layout": "post", "date": "2022-03-01 12:19:03 +0800", "categories": "guojijinrongbao"},
            "<p>",
        ),
        (
            "---\ndate: 2022-03-01\ntags: [快手, 电商]\n...\n正文",
            {"date": "2022-03-01", "tags": ["快手", "电商"]},
            "正文",
        ),
        ("---\r\ntitle: x\r\n---\r\n正文", {"title": "x"}, "正文"),
        ("---\n---\n正文", {}, "正文"),
    ],
)
def test_front_matter(text: str, data: dict[str, object], body: str) -> None:
    front = split_front_matter(text, "a.txt")
    assert front is not None
    assert (front.data, text[front.body_start :]) == (data, body)


@pytest.mark.parametrize("text", ["快手电商\n---\n", "<p>---</p>\n", "", "  \n"])
def test_no_front_matter(text: str) -> None:
    assert split_front_matter(text, "a.txt") is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("---\ntitle: x\ndate: 2022-03-01\n\n<p>正文</p>\n", "front matter is not closed (no closing ---)"),
        ("---\ntitle: [快手\ndate: 2022\n---\n", "front matter is not valid YAML (line 3: "),
        ("---\n- 快手\n- 电商\n---\n", "front matter is not a mapping of keys"),
    ],
)
def test_broken_front_matter(text: str, reason: str) -> None:
    with pytest.raises(LoadError) as info:
        split_front_matter(text, "corpus/a.txt")
    assert info.value.path == "corpus/a.txt" and info.value.reason.startswith(reason)


def lines_of_html(markup: str) -> list[list[str]]:
    blocks, _ = read_html(markup, 0, rules().boilerplate)
    return [[line.text.text for line in block.lines] for block in blocks]


@pytest.mark.parametrize(
    ("markup", "blocks"),
    [
        # 000: an inline link inside a paragraph leaves no seam
        (
            '<p label="正文">3月1日，<a href="https://www.niaogebiji.com/tag/x" target="_blank">快手电商</a>与淘宝、京东正式“分手”。</p>',
            [["3月1日，快手电商与淘宝、京东正式“分手”。"]],
        ),
        # 001: a hidden element, a stock chart's alt text and HTML comments are not text
        (
            '<p style="display:none;height:1px;overflow:hidden;"><br /></p><!-- EM_StockImg_Start --><p style="text-align:center;"><a href="#"><img src="x" alt="K图 01024_0" /></a></p><!-- EM_StockImg_End --><p> 快手将于3月1日起切断淘宝、京东联盟商品链接。<br /></p>',
            [["快手将于3月1日起切断淘宝、京东联盟商品链接。"]],
        ),
        # 003: text between blocks is its own paragraph; bold headings are paragraphs too
        (
            '<div class="img_box"><img src="x"></div>深燃（shenrancaijing）原创<p></p><p><strong>快手电商到底在怎么做？</strong></p>',
            [["深燃（shenrancaijing）原创"], ["快手电商到底在怎么做？"]],
        ),
        # entities are decoded (inserted text), whitespace collapses, <br> breaks a line
        (
            "<p>快手&amp;淘宝&#65292;交易额&nbsp;达   1758亿元<br>同比增长86.1%</p>",
            [["快手&淘宝，交易额\xa0达 1758亿元", "同比增长86.1%"]],
        ),
        # a source line break between two CJK characters vanishes; between Latin words it is a space
        ("<p>快手电商交易总额\n达1758亿元，GMV\ngrew</p>", [["快手电商交易总额达1758亿元，GMV grew"]]),
        # structure that is never content
        (
            "<nav>首页 | 财经</nav><p>正文。</p><aside>热门文章</aside><footer>版权</footer><script>var x = '<p>';</script><style>p{}</style>",
            [["正文。"]],
        ),
        (
            "<p hidden>隐藏</p><p aria-hidden=\"true\">图标</p><p style='visibility: hidden'>x</p><p>正文。</p>",
            [["正文。"]],
        ),
        # the rules' CSS selectors (003: ZAKER's recommendation slots)
        (
            '<p>正文。</p><div id="recommend_bottom"><p>推荐文章</p></div><div class="share-bar share"><p>分享到微博</p></div>',
            [["正文。"]],
        ),
        # lists, cells and preformatted text
        (
            "<ul><li>一<li>二</ul><table><tr><td>2021</td><td>1758亿</td></tr></table><pre>a\n  b</pre>",
            [["一"], ["二"], ["2021", "1758亿"], ["a", "b"]],
        ),
        # unclosed paragraphs close at the next block
        ("<p>第一段。<p>第二段。<div>第三段。</div>", [["第一段。"], ["第二段。"], ["第三段。"]]),
        # 001's Markdown autolink parses as an unknown tag: its text stays, the URL goes
        (
            "<p>正文。</p>\n\n<http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW2022>\n\n[返回首页](//finews.withounder.com/)",
            [["正文。"], ["[返回首页](//finews.withounder.com/)"]],
        ),
    ],
)
def test_html_text(markup: str, blocks: list[list[str]]) -> None:
    assert lines_of_html(markup) == blocks


# pages and selectors where an element's attributes, case, nesting or a broken tag might
# make matching only the elements that carry a selector's attribute differ from soup.select
SELECTOR_PAGES = [
    '<div id="recommend_bottom"><p class="share x">a</p></div><p CLASS="Share">b</p><p role=navigation>c</p>',
    "<p class='comment comments'>a<p id=article_bottom class>b<div class=\"edi_oper\"><span class=share>c",
    '<table><tr><td class="related">a</td></tr></table><p class="relatedx">b</p><p data-role="navigation">c</p>',
    '<div class="recommend" id="x"><div class="recommend">a</div></div><p role="complementary" class=">',
]
SELECTORS = [
    ("#recommend_bottom", ".edi_oper", "[class~=share]", "[role=navigation]"),
    ("[class~=comment]", "[class~=comments]", "#article_bottom", '[class="related"]'),
    (".recommend", "[role]", "[class^=rel]", "[ID=x]"),
    ("div p", "[class~=share]"),  # not one attribute each: every element is tried
    ("p:first-child", "td"),
]


@pytest.mark.parametrize("markup", SELECTOR_PAGES)
@pytest.mark.parametrize("selectors", SELECTORS)
def test_the_rules_selectors_find_what_soup_select_finds(markup: str, selectors: tuple[str, ...]) -> None:
    soup = BeautifulSoup(markup, "html.parser")
    found = soup.select(", ".join(selectors))
    assert [id(tag) for tag in _selected(soup, selectors)] == [id(tag) for tag in found]


@pytest.mark.parametrize(
    ("selectors", "needed"),
    [
        (("#recommend_bottom", ".edi_oper", "[class~=share]", " [Role = 'nav'] "), {"id", "class", "role"}),
        (("[data-x]", '[lang|="zh"]'), {"data-x", "lang"}),
        (("div.share",), None),
        (("[a] [b]",), None),
        (("[x|y=z]",), None),
        (("#a:hover",), None),
        (("[class~=share i]",), None),
    ],
)
def test_selectors_of_one_attribute(selectors: tuple[str, ...], needed: set[str] | None) -> None:
    assert _attributes_needed(selectors) == (frozenset(needed) if needed is not None else None)


@pytest.mark.parametrize(
    ("markup", "title", "source"),
    [
        (
            '<html><head><title>快手电商向“外”妥协_钛媒体</title><meta property="og:site_name" content="钛媒体"></head><body><p>x</p></body></html>',
            "快手电商向“外”妥协_钛媒体",
            "钛媒体",
        ),
        ("<title>页面标题</title><h1>快手电商向“外”妥协</h1><p>x</p>", "快手电商向“外”妥协", None),
        (
            '<meta property="og:title" content="快手正在成为下一个拼多多?"><h1>x</h1><meta name="author" content="连线Insight">',
            "快手正在成为下一个拼多多?",
            "连线Insight",
        ),
    ],
)
def test_html_metadata(markup: str, title: str, source: str | None) -> None:
    _, meta = read_html(markup, 0, rules().boilerplate)
    assert (meta.title, meta.source) == (title, source)


# pieces of pages for the one pass against the soup: what the soup's tree decides (which
# element an end tag closes, empty elements, strings of <script>, <template>, <rt>, comments
# and CDATA), every source of metadata, the rules' selector attributes, references
PAGE_PIECES = st.sampled_from(
    [
        "快手",
        "1758亿元。",
        " ",
        "\n",
        "\t",
        "\xa0",
        *("<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<span>", "</span>", "<h2>", "</h2>"),
        *("<br>", "<br/>", "</br>", "<hr>", "<img src=x>", "</img>", "<meta>", "</meta>", "<image>"),
        *("<script>", "</script>", "<style>", "</style>", "<template>", "</template>", "<rt>", "</rt>"),
        *("<nav>", "</nav>", "<aside>", "</aside>", "<pre>", "</pre>", "<textarea>", "</textarea>"),
        *("<li>", "<td>", "<tr>", "<table>", "</table>", "<p hidden>", "<p style='display:none'>"),
        *(
            "<!-- c -->",
            "<!---->",
            "<!DOCTYPE html>",
            "<![CDATA[x]]>",
            "<![CDATA[ ]]>",
            "<![if x]>",
            "<?xml?>",
        ),
        *("<", ">", "</", "&amp;", "&nbsp;", "&#65292;", "&#150;", "&bogus;", "&", "&#"),
        *(
            "<h1>",
            "</h1>",
            "<h1 class=share>",
            "<h1>标题<b>二</b></h1>",
            "<title>",
            "</title>",
            "<title> 页面 标题 </title>",
        ),
        *(
            "<div id=recommend_bottom>",
            "<div class='share x'>",
            '<span class="comment">',
            "<p ROLE=Navigation>",
        ),
        *(
            "<p role=navigation>",
            "<section class=related>",
            "<p class>",
            "<p class=' share '>",
            "<div id=a id=article_bottom>",
        ),
        "<meta property='og:title' content='标题一'>",
        "<meta property=og:title content=''>",
        "<meta name=author content=' 作者 '>",
        "<meta name='pubdate' content='2022-03-01'>",
        "<meta itemprop=datePublished content=2022-04-01>",
        "<meta http-equiv=Content-Type content='text/html; charset=gbk'>",
        "<meta name=DATE content=2021-01-01 name=x>",
        "<meta property=og:site_name content=钛媒体/>",
        *("<time datetime='2022-05-01'>", "</time>", "<time pubdate datetime=2022-06-01>", "<time datetime>"),
        "<time itemprop=DatePublished datetime=' 2022-07-01 '>",
        "<nav><time datetime=2022-10-01>x</time></nav>",
        "<div class=share><time pubdate datetime=2022-11-01></div>",
        *(
            "<script type='application/ld+json'>",
            '{"datePublished": "2022-08-01"}',
            "<script type=application/ld+json/>",
        ),
        "<script type='Application/LD+JSON'>",
        "<script type=x type=application/ld+json>",
        '<script type="application/ld+json">[{"@graph": [{"datePublished": "2022-09-02"}]}]</script>',
    ]
)
PAGES = st.lists(st.one_of(PAGE_PIECES, st.text(max_size=3)), min_size=1, max_size=50).map("".join)


@settings(max_examples=400, deadline=None)
@given(page=PAGES)
def test_one_pass_reads_a_page_as_the_soup_does(page: str) -> None:
    """The one pass (the page's tree followed, selectors matched on start tags) gives the
    blocks and metadata that parsing the page into a BeautifulSoup tree gives."""
    boilerplate = rules().boilerplate
    drop_tags = frozenset(t.lower() for t in boilerplate.drop_tags)
    selectors = _one_attribute_selectors(tuple(boilerplate.drop_selectors))
    assert selectors is not None  # the rules' own selectors are one attribute each
    try:
        once = _read_once(page, 3, boilerplate, drop_tags, selectors)
    except AssertionError:  # html.parser gives up; read_html then reads through the soup
        return
    assert once == _read_with_soup(page, 3, boilerplate, drop_tags)


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("<h1>a<br>b</br>c</h1>", "a bc"),  # the end tag of an empty element closed already ends no string
        ("<h1>a</br>b</h1>", "a b"),  # an end tag with nothing to close does
        ("<h1>a<img>b</img>c", "a bc"),
        ("<h1>a<template>b</template>c</h1>", "a c"),  # a template's, script's, ruby's strings are their own
        ("<h1>a<script>b</script>c", "a c"),
        ("<h1>a<rt>b</rt>c</h1>", "a c"),
        ("<h1>a<!--x-->b</h1>", "a b"),  # a comment is no text, but ends a string
        ("<h1>a<![CDATA[b]]>c</h1>", "a b c"),  # a CDATA section is text
        ("<h1>a<b>b</h1>c</b>d", "a b"),  # an end tag closes what opened after its element
        ("<b><h1>a</b>c", "a"),
        ("<h1>a<h1>b</h1>c</h1>d", "a b c"),  # the first heading holds the second
        ("<h1> </h1><title>t</title>", "t"),  # a blank heading gives way to the title
        ("<h1>a&amp;b</h1>", "a&b"),  # a reference in the heading: the soup decodes it
    ],
)
def test_heading_text_as_the_soup_has_it(page: str, title: str) -> None:
    boilerplate = rules().boilerplate
    drop_tags = frozenset(t.lower() for t in boilerplate.drop_tags)
    assert _read_once(page, 0, boilerplate, drop_tags, None)[1].title == title
    assert _read_with_soup(page, 0, boilerplate, drop_tags)[1].title == title


# the tokens that decide what a heading's text is in the soup's tree
HEADING_PIECES = st.sampled_from(
    [
        *("x", "y", " ", "\n", "<b>", "</b>", "<p>", "</p>", "<h1>", "</h1>", "<title>", "</title>"),
        *(
            "<br>",
            "</br>",
            "<br/>",
            "<img>",
            "</img>",
            "<image>",
            "</image>",
            "<pre>",
            "</pre>",
            "</textarea>",
        ),
        *("<script>", "</script>", "<template>", "</template>", "<rt>", "</rt>", "<rp>", "</rp>", "<style>"),
        *("<!--c-->", "<![CDATA[x]]>", "<![CDATA[ ]]>", "<!x>", "<?pi>", "<textarea>"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    head=st.sampled_from(["<h1>", "<title>", "<b><h1>", "<h1>x<title>"]),
    pieces=st.lists(HEADING_PIECES, max_size=14),
)
def test_one_pass_reads_a_heading_as_the_soup_does(head: str, pieces: list[str]) -> None:
    page = head + "".join(pieces)
    boilerplate = rules().boilerplate
    drop_tags = frozenset(t.lower() for t in boilerplate.drop_tags)
    once = _read_once(page, 0, boilerplate, drop_tags, None)
    assert once[1] == _read_with_soup(page, 0, boilerplate, drop_tags)[1]


def lines_of_markdown(text: str) -> list[list[str]]:
    return [[line.text.text for line in block.lines] for block in read_markdown(text, 0)]


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        ("# 快手电商向“外”妥协 #\n\n正文。\n", [["快手电商向“外”妥协"], ["正文。"]]),
        (
            "快手电商交易总额\n达1758亿元，\n同比增长86.1%。\n",
            [["快手电商交易总额达1758亿元，同比增长86.1%。"]],
        ),
        (
            "快手财报显示，**2022年第二季度**，交易总额达[1912亿元](https://x.com)。\n",
            [["快手财报显示，2022年第二季度，交易总额达1912亿元。"]],
        ),
        ("> 京东方面回应称：“影响不大。”\n", [["京东方面回应称：“影响不大。”"]]),
        (
            "- GMV达6800亿元。\n- 超过原定目标6500亿元。\n1. 第一\n",
            [["GMV达6800亿元。", "超过原定目标6500亿元。", "第一"]],
        ),
        (
            "正文。\n\n![图片](x.png)\n\n<https://x.com>\n\n```\ncode 123\n```\n\n    indented code\n",
            [["正文。"]],
        ),
        ("| 季度 | GMV |\n|---|---|\n| 2021Q3 | 1758亿元 |\n", [["季度", "GMV", "2021Q3", "1758亿元"]]),
        ("快手&amp;淘宝 `code` *强调* 和 ~~删除~~\n", [["快手&淘宝 code 强调 和 删除"]]),
        ("标题\n===\n\n正文\n\n---\n\n[1]: https://x.com\n", [["标题"], ["正文"]]),
        # an HTML comment has no width: not spaces between the words around it
        ("快手<!-- 编辑注 -->电商[交易总额](x)达1758亿元\n", [["快手电商交易总额达1758亿元"]]),
        # a comment over lines, the text after it on its last line: not indented code
        ("正文。\n<!-- 原稿\n写作1900亿元 -->快手电商继续增长。\n", [["正文。"], ["快手电商继续增长。"]]),
    ],
)
def test_markdown_text(text: str, blocks: list[list[str]]) -> None:
    assert lines_of_markdown(text) == blocks


@pytest.mark.parametrize(
    ("text", "title", "sentences"),
    [
        # a one-line note is its own content, not a title
        ("快手电商交易总额达1758亿元\n", None, ["快手电商交易总额达1758亿元"]),
        (
            "快手电商交易总额达1758亿元\n\n同比增长86.1%\n",
            None,
            ["快手电商交易总额达1758亿元", "同比增长86.1%"],
        ),
        # a heading over prose is the title, and is not repeated as a sentence
        (
            "快手电商向“外”妥协\n\n临近“双11”大促的关键节点,快手电商悄悄地开放了外链。\n",
            "快手电商向“外”妥协",
            ["临近“双11”大促的关键节点,快手电商悄悄地开放了外链。"],
        ),
    ],
)
def test_plain_text_title(tmp_path: Path, text: str, title: str | None, sentences: list[str]) -> None:
    path = tmp_path / "note.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_file(path, "note.txt", rules())
    assert (doc.title, [s.text for s in doc.sentences]) == (title, sentences)


def test_plain_text_lines_keep_indent_and_bullets() -> None:
    # 002: a donor list item and its indented content
    blocks = read_text("  • 钛粉81947\n\n    钛粉81947 赞赏了\n\n    2022-10-28 12:23\n正文。\n", 0)
    lines = [(line.text.text, line.indent, line.bullet) for block in blocks for line in block.lines]
    assert lines == [
        ("钛粉81947", 2, True),
        ("钛粉81947 赞赏了", 4, False),
        ("2022-10-28 12:23", 4, False),
        ("正文。", 0, False),
    ]


@pytest.mark.parametrize(
    ("name", "text", "fmt"),
    [
        (
            "hexo.txt",
            "\n---\ntitle: 快手\ndate: 2022-05-23\n---\n\n<div><p>3月1日，<a href='#'>快手电商</a>与淘宝正式“分手”。</p><p>第二段。</p></div>\n",
            "front_matter+html",
        ),
        (
            "jekyll.md.txt",
            "---\nlayout: post\ntitle: 快手\n---\n快手财报显示，**2022年第二季度**，交易总额达[1912亿元](https://x.com)。\n",
            "front_matter+markdown",
        ),
        (
            "page.txt",
            "<!DOCTYPE html><html><head><title>快手</title></head><body><article><p>快手电商交易总额达1758亿元。</p></article></body></html>",
            "html",
        ),
        ("notes.txt", "# 快手\n\n快手电商交易总额达**1758亿元**。\n", "markdown"),
        (
            "dump.txt",
            "快手电商向“外”妥协\n\n临近“双11”大促的关键节点,快手电商悄悄地开放了与淘宝联盟和京东联盟商品链接。\n",
            "text",
        ),
        (
            "comment.md",
            "# 快手\n\n快手<!-- 编辑注：原稿写作1900亿元 -->电商交易总额达[1758亿元](x)。\n<!-- 多行\n注释 -->第二段 [链接](y)。\n",
            "markdown",
        ),
        (
            "crlf.txt",
            "标题\r\n\r\n快手电商交易总额达1758亿元，同比增长86.1%。\r\n第二行 1912亿元。\r\n",
            "text",
        ),
    ],
)
def test_each_format_loads_with_exact_runs(tmp_path: Path, name: str, text: str, fmt: str) -> None:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    doc = load_file(path, name, rules())
    assert doc.format == fmt
    assert doc.sentences
    assert run_mismatches(doc, original_text(path)) == []

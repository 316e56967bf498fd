"""HTML fragments and pages -> blocks of traced text, and what the page says about itself.

One pass of the standard library's ``html.parser`` (:class:`_TextPass`) does both jobs:

* it copies every rendered text node, with its exact offset in the file, into blocks. It
  skips elements that are never rendered (head, script, style), the rules' ``drop_tags``,
  elements hidden with ``display:none``/``hidden``, and the elements the rules' CSS
  selectors drop. Whitespace collapses as a browser collapses it; a line break between two
  CJK characters disappears (CSS Text 3, segment break transformation), so ``快手\\n电商``
  reads ``快手电商``;
* it follows the page's tree as BeautifulSoup's ``html.parser`` builder would build it
  (:class:`_SoupShape`) just far enough to read the page's metadata (``<title>``, ``<h1>``,
  meta tags, JSON-LD, ``<time datetime>``): the same tokens, so the same answers, without
  building the tree (which took most of reading a page).

When a drop selector is more than one id, class or attribute (it may depend on an element's
neighbours), the page is parsed into a BeautifulSoup tree first and the selectors are
matched there (:func:`_read_with_soup`); so it is, too, for the rare page the one pass
cannot answer for (a character reference inside the title or heading, markup html.parser
gives up on), so that every page reads exactly as it did through the tree.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

from bs4 import BeautifulSoup, Tag

from kcheck.load.blocks import Block, Line, PageMeta, wide
from kcheck.load.tables import Cell, Table, TableGrammar, cell_lines, figure_lines, table_grammar
from kcheck.load.traced import Builder
from kcheck.rules import BoilerplateSection

NEVER_RENDERED = frozenset({"head", "title", "script", "style", "template"})
VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
    }
)
BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
    }
)
CELLS = frozenset({"td", "th"})
# the elements that start or end a part of a table being read (a caption's text is collected
# until the first row; a nested table's cells are read as the outer table's)
TABLE_PARTS = frozenset({"table", "caption", "tr", "td", "th"})
# an open element of the key's kind is closed by a new start tag of one of these kinds,
# unless one of the stop elements lies between (HTML's "implied end tags", simplified)
IMPLIED_END: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "p": (
        BLOCK,
        frozenset(
            {
                "div",
                "li",
                "td",
                "th",
                "blockquote",
                "section",
                "article",
                "body",
                "table",
                "dd",
                "dt",
                "figure",
                "main",
                "aside",
                "header",
                "footer",
                "nav",
                "form",
                "button",
            }
        ),
    ),
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "td": (frozenset({"td", "th", "tr"}), frozenset({"table"})),
    "th": (frozenset({"td", "th", "tr"}), frozenset({"table"})),
    "tr": (frozenset({"tr"}), frozenset({"table"})),
}
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
NEWLINE = re.compile(r"\n")
PRE_LINES = re.compile(r"\r\n|\r|\n")

# where pages state their publication date, most specific first (OpenGraph, schema.org,
# Dublin Core, and the names Chinese news CMSs use)
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish_date",
    "publish-date",
    "publishtime",
    "weibo: article:create_at",
    "apub:time",
    "dcterms.issued",
    "dc.date.issued",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
    "date",
)
SITE_META = ("og:site_name", "application-name", "source", "author", "article:author")


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "hidden":
            return True
        if name == "style" and value and HIDDEN_STYLE.search(value):
            return True
        if name == "aria-hidden" and (value or "").strip().lower() == "true":
            return True
    return False


class _TextPass(HTMLParser):
    """Stream the rendered text into blocks, each character tied to its offset in the file."""

    def __init__(
        self,
        body: str,
        base: int,
        drop_tags: frozenset[str],
        drop_at: set[tuple[int, int]],
        grammar: TableGrammar | None = None,
        selectors: _Selectors | None = None,
        shape: _SoupShape | None = None,
    ):
        """``drop_at``: where the elements the selectors drop start; with ``selectors``, it
        is filled as each element's start tag is read. ``shape``: follows the page's tree
        for its metadata."""
        super().__init__(convert_charrefs=False)
        self.selectors = selectors
        self.shape = shape
        self.grammar = grammar if grammar is not None else TableGrammar()
        self.table: Table | None = None  # the table being read (the outermost one)
        self.cell_open = False
        self.cell_header = False
        self.body = body
        self.base = base
        self.drop_tags = drop_tags | NEVER_RENDERED
        self.drop_at = drop_at
        self.nl_starts = [0, *(m.end() for m in NEWLINE.finditer(body))]
        self.stack: list[tuple[str, bool]] = []
        self.open: dict[str, int] = {}  # open elements by tag: skip hopeless stack searches
        self.dropped = 0  # dropped elements on the stack
        self.blocks: list[Block] = []
        self.block = Block()
        self.line = Builder()
        self.ws = False  # collapsible whitespace is pending
        self.ws_newlines = 0
        self.ws_src: int | None = None  # offset of the pending whitespace if it is one plain space

    # ------------------------------------------------------------------ positions

    def _offset(self) -> int:
        lineno, col = self.getpos()
        return self.nl_starts[lineno - 1] + col

    # ------------------------------------------------------------------ output

    def _end_line(self) -> None:
        if self.table is not None:
            self._table_line()
            return
        text = self.line.build().strip()
        if text:
            self.block.lines.append(Line(text))
        self.line = Builder()
        self.ws, self.ws_newlines, self.ws_src = False, 0, None

    def _end_block(self) -> None:
        self._end_line()
        if self.block.lines:
            self.blocks.append(self.block)
            self.block = Block()

    # ------------------------------------------------------------------ tables

    def _table_line(self) -> None:
        """A line break inside a table: a space inside a cell; outside one, caption text."""
        if self.cell_open:
            if len(self.line):
                self.ws, self.ws_src = True, None
            return
        text = self.line.build().strip()
        if text and self.table is not None:
            self.table.caption.append(text)
        self.line = Builder()
        self.ws, self.ws_newlines, self.ws_src = False, 0, None

    def _finish_cell(self) -> None:
        if not self.cell_open or self.table is None:
            return
        self.cell_open = False
        if not self.table.rows:
            self.table.rows.append([])
        self.table.rows[-1].append(Cell(self.line.build().strip(), self.cell_header))
        self.line = Builder()
        self.ws, self.ws_newlines, self.ws_src = False, 0, None

    def _table_start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._finish_cell()
        self._table_line()
        if self.table is None:
            return
        if tag == "tr":
            self.table.rows.append([])
        elif tag in CELLS:
            self.cell_open, self.cell_header = True, tag == "th"
            if any(name in ("rowspan", "colspan") and (value or "1").strip() != "1" for name, value in attrs):
                self.table.spanned = True
        elif tag == "table":
            self.table.spanned = True  # a table inside a table: its cells are not the outer grid

    def _finish_table(self) -> None:
        self._finish_cell()
        self._table_line()
        table, self.table = self.table, None
        if table is None:
            return
        blocks = figure_lines(table, self.grammar)
        self.blocks.extend(blocks if blocks is not None else cell_lines(table))
        self.block = Block()

    def _text(self, text: str, src: int | None) -> None:
        # the segment break between two CJK characters disappears (CSS Text 3)
        joined = self.ws_newlines and wide(self.line.last_char()) and wide(text[0])
        if self.ws and len(self.line) and not joined:
            if self.ws_src is not None:
                self.line.verbatim(" ", self.ws_src)
            else:
                self.line.inserted(" ")
        self.ws, self.ws_newlines, self.ws_src = False, 0, None
        if src is None:
            self.line.inserted(text)
        else:
            self.line.verbatim(text, src)

    def _space(self, run: str, src: int) -> None:
        newlines = run.count("\n") or run.count("\r")
        if newlines >= 2:  # a blank line in running text: at least a line break
            self._end_line()
            return
        if not len(self.line):
            return
        if self.ws:
            self.ws_src = None
        else:
            self.ws_src = src if run == " " else None
        self.ws = True
        self.ws_newlines += newlines

    # ------------------------------------------------------------------ structure

    def _pop_to(self, index: int) -> None:
        for tag, dropped in self.stack[index:]:
            self.dropped -= dropped
            self.open[tag] -= 1
        del self.stack[index:]

    def _close_implied(self, tag: str) -> None:
        for open_tag, (closers, stops) in IMPLIED_END.items():
            if tag not in closers or not self.open.get(open_tag):
                continue
            for i in range(len(self.stack) - 1, -1, -1):
                name = self.stack[i][0]
                if name == open_tag:
                    self._pop_to(i)
                    break
                if name in stops:
                    break

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        position = self._selecting(tag, attrs)
        if self.shape is not None:
            self.shape.start(tag, attrs, position in self.drop_at)
        self._open(tag, attrs, position)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        position = self._selecting(tag, attrs)
        if self.shape is not None:
            self.shape.start(tag, attrs, position in self.drop_at, self_closing=True)
        self._open(tag, attrs, position)
        if tag not in VOID:
            self._close(tag)

    def _selecting(self, tag: str, attrs: list[tuple[str, str | None]]) -> tuple[int, int]:
        """Where this start tag is; added to ``drop_at`` when a drop selector matches it."""
        position = self.getpos()
        if self.selectors is not None and self.selectors.match(tag, attrs):
            self.drop_at.add(position)
        return position

    def _open(self, tag: str, attrs: list[tuple[str, str | None]], position: tuple[int, int]) -> None:
        if tag in VOID:
            if not self.dropped:
                if tag == "br":
                    self._end_line()
                elif tag == "hr":
                    self._end_block()
            return
        self._close_implied(tag)
        dropped = tag in self.drop_tags or _hidden(attrs) or position in self.drop_at
        if not self.dropped:
            if self.table is not None and tag in TABLE_PARTS:
                self._table_start(tag, attrs)
            elif tag == "table" and not dropped:
                self._end_block()
                self.table = Table()
            elif tag in BLOCK:
                self._end_block()
            elif tag in CELLS:
                self._end_line()
        self.stack.append((tag, dropped))
        self.open[tag] = self.open.get(tag, 0) + 1
        self.dropped += dropped

    def handle_endtag(self, tag: str) -> None:
        if self.shape is not None:
            self.shape.end(tag)
        if tag == "br":  # </br> is read as <br>
            self._open(tag, [], self.getpos())
            return
        self._close(tag)

    def _close(self, tag: str) -> None:
        for i in range(len(self.stack) - 1 if self.open.get(tag) else -1, -1, -1):
            if self.stack[i][0] == tag:
                self._pop_to(i)
                break
        if not self.dropped:
            if self.table is not None and tag in TABLE_PARTS:
                if tag == "table" and not self.open.get("table"):
                    self._finish_table()
                else:
                    self._finish_cell()
            elif tag in BLOCK:
                self._end_block()
            elif tag in CELLS:
                self._end_line()

    def handle_data(self, data: str) -> None:
        if self.shape is not None:
            self.shape.data(data)
        self._data(data)

    def _data(self, data: str) -> None:
        if self.dropped or not data:
            return
        at = self._offset()
        src: int | None = self.base + at
        if self.body[at : at + len(data)] != data:  # never expected; then nothing is verbatim
            src = None
        if self.open.get("pre"):
            pos = 0
            for m in PRE_LINES.finditer(data):
                if m.start() > pos:
                    self._text(data[pos : m.start()], None if src is None else src + pos)
                self._end_line()
                pos = m.end()
            if pos < len(data):
                self._text(data[pos:], None if src is None else src + pos)
            return
        pos = 0
        for m in HTML_SPACE.finditer(data):
            if m.start() > pos:
                self._text(data[pos : m.start()], None if src is None else src + pos)
            self._space(m.group(), -1 if src is None else src + m.start())
            if src is None:
                self.ws_src = None
            pos = m.end()
        if pos < len(data):
            self._text(data[pos:], None if src is None else src + pos)

    def _reference(self, raw: str) -> None:
        if self.dropped:
            return
        decoded = html.unescape(raw + ";")
        if decoded == raw + ";":  # not a known reference: the text is what it says
            self._data(raw)
        elif decoded:
            self._text(decoded, None)

    def handle_entityref(self, name: str) -> None:
        if self.shape is not None:
            self.shape.reference()
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        if self.shape is not None:
            self.shape.reference()
        self._reference("&#" + name)

    # comments, declarations and processing instructions are no text; they end a string
    # of BeautifulSoup's, and a CDATA section is one

    def handle_comment(self, data: str) -> None:
        if self.shape is not None:
            self.shape.apart()

    def handle_decl(self, decl: str) -> None:
        if self.shape is not None:
            self.shape.apart()

    def handle_pi(self, data: str) -> None:
        if self.shape is not None:
            self.shape.apart()

    def unknown_decl(self, data: str) -> None:
        if self.shape is not None:
            if data.upper().startswith("CDATA["):
                self.shape.apart(data[len("CDATA[") :])
            else:
                self.shape.apart()

    def close(self) -> None:
        super().close()
        if self.table is not None:
            self._finish_table()
        self._end_block()
        if self.shape is not None:
            self.shape.finish()


# ---------------------------------------------------------------------- metadata


@dataclass
class _PageFacts:
    """What the metadata is read from, as BeautifulSoup's tree of the page holds it."""

    metas: list[Mapping[str, Any]] = field(default_factory=list)  # each <meta>'s attributes
    h1: list[str] | None = None  # the strings of the first <h1> (what get_text joins)
    title: list[str] | None = None  # the strings of the first <title>
    json_ld: list[str] = field(default_factory=list)  # each <script type="application/ld+json">'s text
    # each <time datetime>: (datetime, marked as the publication time, inside a dropped element)
    times: list[tuple[str, bool, bool]] = field(default_factory=list)


def _attr(attrs: Mapping[str, Any], name: str) -> str:
    value = attrs.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return (value or "").strip()


def _time_fact(attrs: Mapping[str, Any], dropped: bool) -> tuple[str, bool, bool] | None:
    datetime = _attr(attrs, "datetime")
    if not datetime:
        return None
    return datetime, "pubdate" in attrs or _attr(attrs, "itemprop").lower() == "datepublished", dropped


def _in_dropped(tag: Tag, drop_tags: frozenset[str], drop_at: set[tuple[int, int]]) -> bool:
    node: Tag | None = tag
    while node is not None:
        if node.name in drop_tags or (node.sourceline, node.sourcepos) in drop_at:
            return True
        node = node.parent
    return False


def _facts_of_soup(
    soup: BeautifulSoup, drop_tags: frozenset[str], drop_at: set[tuple[int, int]]
) -> _PageFacts:
    h1 = soup.find("h1")
    title = soup.title
    facts = _PageFacts(
        metas=[tag.attrs for tag in soup.find_all("meta")],
        h1=list(h1.strings) if isinstance(h1, Tag) else None,
        title=list(title.strings) if title is not None else None,
        json_ld=[s.get_text() for s in soup.find_all("script", attrs={"type": "application/ld+json"})],
    )
    for tag in soup.find_all("time"):
        fact = _time_fact(tag.attrs, _in_dropped(tag, drop_tags, drop_at))
        if fact is not None:
            facts.times.append(fact)
    return facts


def _json_ld_date(texts: list[str]) -> str | None:
    for text in texts:
        try:
            data: Any = json.loads(text)
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("@graph"), list):
                items.extend(item["@graph"])
                continue
            if isinstance(item, dict) and isinstance(item.get("datePublished"), str):
                return str(item["datePublished"])
    return None


def _heading(strings: list[str] | None) -> str | None:
    """An element's text with its whitespace collapsed (``get_text(" ")``), None if blank."""
    words = " ".join(strings or ()).split()
    return " ".join(words) if words else None


def _metadata(facts: _PageFacts) -> PageMeta:
    meta = PageMeta()
    metas: dict[str, str] = {}
    for attrs in facts.metas:
        content = _attr(attrs, "content")
        if not content:
            continue
        for key in ("property", "name", "itemprop"):
            name = _attr(attrs, key).lower()
            if name and name not in metas:
                metas[name] = content
    meta.title = metas.get("og:title") or _heading(facts.h1) or _heading(facts.title)
    meta.source = next((metas[name] for name in SITE_META if metas.get(name)), None)
    for name in DATE_META:
        if metas.get(name):
            meta.published, meta.published_field = metas[name], f"meta {name}"
            return meta
    ld = _json_ld_date(facts.json_ld)
    if ld:
        meta.published, meta.published_field = ld, "JSON-LD datePublished"
        return meta
    marked = [t for t in facts.times if t[1]]
    for datetime, _, dropped in marked + facts.times:
        if not dropped:
            meta.published, meta.published_field = datetime, "<time datetime>"
            break
    return meta


# BeautifulSoup's html.parser builder: which elements close at once, which hold strings of
# their own kind (a <script>'s text is no heading's text), where whitespace is kept
_BUILDER = BeautifulSoup("", "html.parser").builder
_EMPTY_ELEMENTS = frozenset(_BUILDER.empty_element_tags or ())
_STRING_CONTAINERS = frozenset(_BUILDER.string_containers)
_KEEP_WHITESPACE = frozenset(_BUILDER.preserve_whitespace_tags)
_ASCII_SPACES = frozenset(BeautifulSoup.ASCII_SPACES)
_TEXT, _CDATA = "", "<![CDATA["  # kinds of string; a container's strings are of its tag's kind


class _Element:
    """An element open in BeautifulSoup's tree, and the strings it collects (if any)."""

    __slots__ = ("dropped", "kinds", "name", "strings")

    def __init__(self, name: str, dropped: bool) -> None:
        self.name = name
        self.dropped = dropped
        self.strings: list[str] | None = None
        self.kinds: frozenset[str] = frozenset()


class _SoupShape:
    """The tree BeautifulSoup's ``html.parser`` builder makes of the tokens, followed without
    building it: the same open elements (a start tag opens one, its empty-element tags close
    at once, an end tag closes up to the latest open element of its name), the same strings
    (text between two tags, comments, declarations; whitespace-only text as one space), so
    the first ``<h1>`` and ``<title>``, the JSON-LD scripts and the ``<time>`` elements
    hold exactly what they hold in the soup. ``needs_soup``: a character reference was met
    inside one of them (BeautifulSoup decodes references its own way): ask the soup."""

    def __init__(self, drop_tags: frozenset[str]) -> None:
        self.drop_tags = drop_tags
        self.facts = _PageFacts()
        self.open: list[_Element] = []
        self.counts: dict[str, int] = {}
        self.dropped = 0  # dropped elements open
        self.containers: list[str] = []  # open <script>, <style>, <template>, <rt>, <rp>
        self.keep_whitespace = 0  # open <pre>, <textarea>
        self.collecting: list[_Element] = []
        self.pending: list[str] = []  # the text of the string being read
        self.closed_empty: list[str] = []  # empty-element tags whose end tag is still to come
        self.scripts: list[_Element] = []
        self.needs_soup = False

    def start(
        self, tag: str, attrs: list[tuple[str, str | None]], selected: bool, self_closing: bool = False
    ) -> None:
        self._end_string()
        element = _Element(tag, tag in self.drop_tags or selected)
        facts = self.facts
        if tag == "meta":
            facts.metas.append(_attributes(attrs))
        elif tag == "h1" and facts.h1 is None:
            facts.h1 = element.strings = []
            element.kinds = frozenset({_TEXT, _CDATA})
        elif tag == "title" and facts.title is None:
            facts.title = element.strings = []
            element.kinds = frozenset({_TEXT, _CDATA})
        elif tag == "script" and _attributes(attrs).get("type") == "application/ld+json":
            element.strings = []
            element.kinds = frozenset({"script"})
            self.scripts.append(element)
        elif tag == "time":
            fact = _time_fact(_attributes(attrs), bool(self.dropped) or element.dropped)
            if fact is not None:
                facts.times.append(fact)
        self.open.append(element)
        self.counts[tag] = self.counts.get(tag, 0) + 1
        self.dropped += element.dropped
        if tag in _STRING_CONTAINERS:
            self.containers.append(tag)
        if tag in _KEEP_WHITESPACE:
            self.keep_whitespace += 1
        if element.strings is not None:
            self.collecting.append(element)
        if self_closing:
            self._close(tag)
        elif tag in _EMPTY_ELEMENTS:
            self._close(tag)
            self.closed_empty.append(tag)

    def end(self, tag: str) -> None:
        if tag in self.closed_empty:  # the end tag of an empty element closed already
            self.closed_empty.remove(tag)
        else:
            self._close(tag)

    def data(self, text: str) -> None:
        if self.collecting:
            self.pending.append(text)

    def reference(self) -> None:
        if self.collecting:
            self.needs_soup = True

    def apart(self, cdata: str | None = None) -> None:
        """A comment, declaration or processing instruction: a string of its own, never
        text; a CDATA section's is (``cdata``)."""
        self._end_string()
        if cdata is not None and self.collecting:
            self.pending.append(cdata)
            self._end_string(_CDATA)

    def finish(self) -> None:
        self._end_string()
        self.facts.json_ld = ["".join(script.strings or ()) for script in self.scripts]

    def _close(self, tag: str) -> None:
        self._end_string()
        if not self.counts.get(tag):
            return
        while True:
            element = self.open.pop()
            self.counts[element.name] -= 1
            self.dropped -= element.dropped
            if element.name in _STRING_CONTAINERS:
                self.containers.pop()
            if element.name in _KEEP_WHITESPACE:
                self.keep_whitespace -= 1
            if element.strings is not None:
                self.collecting.remove(element)
            if element.name == tag:
                return

    def _end_string(self, kind: str | None = None) -> None:
        if not self.pending:
            return
        text = "".join(self.pending)
        self.pending = []
        if not self.keep_whitespace and all(c in _ASCII_SPACES for c in text):
            text = "\n" if "\n" in text else " "
        if kind is None:
            kind = self.containers[-1] if self.containers else _TEXT
        for element in self.collecting:
            if kind in element.kinds:
                assert element.strings is not None
                element.strings.append(text)


def _attributes(attrs: Sequence[tuple[str, str | None]]) -> dict[str, str]:
    """A start tag's attributes as BeautifulSoup keeps them: the last of a repeated name wins,
    a name without a value has the empty one."""
    return {name: value or "" for name, value in attrs}


# a selector of one id, class or attribute (``#article_bottom``, ``.edi_oper``,
# ``[class~=share]``, ``[role=navigation]``): only an element with that attribute matches it
_IDENT = r"-?[_a-zA-Z][_a-zA-Z0-9-]*"
_ONE_ATTRIBUTE = re.compile(
    rf"#{_IDENT}|\.{_IDENT}|\[\s*(?P<name>{_IDENT})\s*(?:[~|^$*]?=\s*(?:{_IDENT}|\"[^\"\\]*\"|'[^'\\]*')\s*)?\]"
)


@lru_cache(maxsize=16)
def _attributes_needed(selectors: tuple[str, ...]) -> frozenset[str] | None:
    """The attributes one of which an element needs to match any of ``selectors``, or None
    when a selector is not of one id, class or attribute (it may match any element)."""
    names = set()
    for selector in selectors:
        m = _ONE_ATTRIBUTE.fullmatch(selector.strip())
        if m is None:
            return None
        names.add({"#": "id", ".": "class"}.get(m.group()[0]) or m.group("name").lower())
    return frozenset(names)


class _Selectors:
    """Selectors of one id, class or attribute each, matched on a start tag alone (such a
    selector looks at nothing else): by soupsieve, on an element holding just the tag's
    name and attributes as BeautifulSoup would hold them."""

    def __init__(self, selectors: tuple[str, ...], needed: frozenset[str]) -> None:
        self.needed = needed
        self.compiled = BeautifulSoup("", "html.parser").css.compile(", ".join(selectors))

    def match(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if not attrs or self.needed.isdisjoint(name for name, _ in attrs):
            return False
        return bool(self.compiled.match(Tag(builder=_BUILDER, name=tag, attrs=_attributes(attrs))))


@lru_cache(maxsize=16)
def _one_attribute_selectors(selectors: tuple[str, ...]) -> _Selectors | None:
    needed = _attributes_needed(selectors)
    return _Selectors(selectors, needed) if needed is not None else None


def _selected(soup: BeautifulSoup, selectors: tuple[str, ...]) -> list[Tag]:
    """The elements ``soup.select`` finds for the selector list, in document order. With the
    rules' own selectors (one attribute each) only the elements that carry one of those
    attributes are matched: soupsieve tried every selector on every element."""
    pattern = ", ".join(selectors)
    needed = _attributes_needed(selectors)
    if needed is None:
        return list(soup.select(pattern))
    compiled = soup.css.compile(pattern)
    return [
        tag
        for tag in soup.descendants
        if isinstance(tag, Tag) and not needed.isdisjoint(tag.attrs) and compiled.match(tag)
    ]


def read_html(body: str, base: int, rules: BoilerplateSection) -> tuple[list[Block], PageMeta]:
    """Blocks of rendered text (offsets relative to the decoded file) and the page's metadata."""
    drop_tags = frozenset(t.lower() for t in rules.drop_tags)
    selectors = tuple(rules.drop_selectors)
    one_attribute = _one_attribute_selectors(selectors) if selectors else None
    if one_attribute is not None or not selectors:
        try:
            return _read_once(body, base, rules, drop_tags, one_attribute)
        except Exception:  # markup the one pass fails on reads as it did through the soup (its error)
            pass
    return _read_with_soup(body, base, rules, drop_tags)


def _read_once(
    body: str, base: int, rules: BoilerplateSection, drop_tags: frozenset[str], selectors: _Selectors | None
) -> tuple[list[Block], PageMeta]:
    shape = _SoupShape(drop_tags | NEVER_RENDERED)
    drop_at: set[tuple[int, int]] = set()
    parser = _TextPass(body, base, drop_tags, drop_at, table_grammar(rules), selectors, shape)
    parser.feed(body)
    parser.close()
    facts = shape.facts
    if shape.needs_soup:
        facts = _facts_of_soup(BeautifulSoup(body, "html.parser"), drop_tags | NEVER_RENDERED, drop_at)
    return parser.blocks, _metadata(facts)


def _read_with_soup(
    body: str, base: int, rules: BoilerplateSection, drop_tags: frozenset[str]
) -> tuple[list[Block], PageMeta]:
    soup = BeautifulSoup(body, "html.parser")
    drop_at: set[tuple[int, int]] = set()
    if rules.drop_selectors:  # one pass over the tree for the whole selector list
        for tag in _selected(soup, tuple(rules.drop_selectors)):
            if tag.sourceline is not None and tag.sourcepos is not None:
                drop_at.add((tag.sourceline, tag.sourcepos))
    meta = _metadata(_facts_of_soup(soup, drop_tags | NEVER_RENDERED, drop_at))
    parser = _TextPass(body, base, drop_tags, drop_at, table_grammar(rules))
    parser.feed(body)
    parser.close()
    return parser.blocks, meta

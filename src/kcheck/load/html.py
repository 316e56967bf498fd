"""HTML fragments and pages -> blocks of traced text, and what the page says about itself.

Two passes over the same parser (the standard library's ``html.parser``, which
BeautifulSoup's ``html.parser`` builder also drives, so both see identical positions):

* BeautifulSoup reads the page's metadata (``<title>``, ``<h1>``, meta tags, JSON-LD,
  ``<time datetime>``) and finds the elements the rules' CSS selectors drop;
* a streaming pass copies every rendered text node, with its exact offset in the file,
  into blocks. It skips elements that are never rendered (head, script, style), the rules'
  ``drop_tags``, elements hidden with ``display:none``/``hidden``, and the selector matches.
  Whitespace collapses as a browser collapses it; a line break between two CJK characters
  disappears (CSS Text 3, segment break transformation), so ``快手\\n电商`` reads ``快手电商``.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

from bs4 import BeautifulSoup, Tag

from kcheck.load.blocks import Block, Line, PageMeta, wide
from kcheck.load.tables import Cell, Table, cell_lines, figure_lines
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
        unit_cues: tuple[str, ...] = (),
    ):
        super().__init__(convert_charrefs=False)
        self.unit_cues = unit_cues
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
        blocks = figure_lines(table, self.unit_cues)
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
        position = self.getpos()
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

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # </br> is read as <br>
            self.handle_starttag(tag, [])
            return
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
            self.handle_data(raw)
        elif decoded:
            self._text(decoded, None)

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def close(self) -> None:
        super().close()
        if self.table is not None:
            self._finish_table()
        self._end_block()


# ---------------------------------------------------------------------- metadata


def _attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return (value or "").strip()


def _in_dropped(tag: Tag, drop_tags: frozenset[str], drop_at: set[tuple[int, int]]) -> bool:
    node: Tag | None = tag
    while node is not None:
        if node.name in drop_tags or (node.sourceline, node.sourcepos) in drop_at:
            return True
        node = node.parent
    return False


def _json_ld_date(soup: BeautifulSoup) -> str | None:
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data: Any = json.loads(script.get_text())
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


def _metadata(soup: BeautifulSoup, drop_tags: frozenset[str], drop_at: set[tuple[int, int]]) -> PageMeta:
    meta = PageMeta()
    metas: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        content = _attr(tag, "content")
        if not content:
            continue
        for key in ("property", "name", "itemprop"):
            name = _attr(tag, key).lower()
            if name and name not in metas:
                metas[name] = content
    og_title = metas.get("og:title")
    h1 = soup.find("h1")
    if og_title:
        meta.title = og_title
    elif isinstance(h1, Tag) and h1.get_text(strip=True):
        meta.title = " ".join(h1.get_text(" ").split())
    elif soup.title is not None and soup.title.get_text(strip=True):
        meta.title = " ".join(soup.title.get_text(" ").split())
    meta.source = next((metas[name] for name in SITE_META if metas.get(name)), None)
    for name in DATE_META:
        if metas.get(name):
            meta.published, meta.published_field = metas[name], f"meta {name}"
            return meta
    ld = _json_ld_date(soup)
    if ld:
        meta.published, meta.published_field = ld, "JSON-LD datePublished"
        return meta
    times = [t for t in soup.find_all("time") if _attr(t, "datetime")]
    marked = [t for t in times if t.has_attr("pubdate") or _attr(t, "itemprop").lower() == "datepublished"]
    for tag in marked + times:
        if not _in_dropped(tag, drop_tags, drop_at):
            meta.published, meta.published_field = _attr(tag, "datetime"), "<time datetime>"
            break
    return meta


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


def _selected(soup: BeautifulSoup, selectors: tuple[str, ...]) -> list[Tag]:
    """The elements ``soup.select`` finds for the selector list, in document order. With the
    rules' own selectors (one attribute each) only the elements that carry one of those
    attributes are matched: soupsieve tried every selector on every element, a fifth of
    reading a page."""
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
    soup = BeautifulSoup(body, "html.parser")
    drop_at: set[tuple[int, int]] = set()
    if rules.drop_selectors:  # one pass over the tree for the whole selector list
        for tag in _selected(soup, tuple(rules.drop_selectors)):
            if tag.sourceline is not None and tag.sourcepos is not None:
                drop_at.add((tag.sourceline, tag.sourcepos))
    meta = _metadata(soup, drop_tags | NEVER_RENDERED, drop_at)
    parser = _TextPass(body, base, drop_tags, drop_at, tuple(rules.table_units))
    parser.feed(body)
    parser.close()
    return parser.blocks, meta

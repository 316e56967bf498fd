"""Markdown -> blocks: the text a reader sees, without the syntax, each character traced.

Covers what articles use: ATX and setext headings, paragraphs (soft-wrapped lines join,
with no space between two CJK characters), block quotes, lists, fenced and indented code
(dropped: not prose), tables (one line per cell), links and images (a link keeps its text,
an image goes), emphasis, inline code, inline HTML tags (dropped) and character references
(decoded; inserted text, not verbatim).
"""

from __future__ import annotations

import html
import re

from kcheck.load.blocks import Block, Line, wide
from kcheck.load.text import split_lines
from kcheck.load.traced import Builder, Traced

# file ranges (start, end) that are not text: the HTML comments, blanked to spaces in the body
Hidden = tuple[tuple[int, int], ...]

FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
ATX = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
SETEXT_OR_RULE = re.compile(r"^[ \t]{0,3}(?:=+|-{2,}|(?:[-*_][ \t]*){3,})[ \t]*$")
QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?")
LIST_ITEM = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S")
TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
INDENTED_CODE = re.compile(r"^(?: {4}|\t)")
HTML_BLOCK = re.compile(r"^[ \t]{0,3}</?[A-Za-z][^>]*>[ \t]*$")

INLINE = re.compile(
    r"(?P<image>!\[[^\]\n]*\]\([^)\n]*\))"
    r"|(?P<link>\[(?P<label>[^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\]))"
    r"|(?P<autolink><(?:https?|ftp|mailto):[^>\s]*>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<entity>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<marks>\*\*|__|~~|`+)"
    r"|(?P<star>\*(?=[^*\s])(?=[^*\n]*[^*\s]\*))"  # opening * of *emphasis*
    r"|(?P<endstar>(?<=[^*\s])\*)"
)


# a character every piece of INLINE syntax starts with: a line without one is all text (most
# lines of prose; INLINE tries each of its alternatives at every character)
INLINE_START = re.compile(r"[!\[<&*_~`]")


def _inline(text: str, src: int, out: Builder, hidden: Hidden) -> None:
    """Append ``text`` (at file offset ``src``) to ``out`` without its inline syntax."""
    if INLINE_START.search(text) is None:
        _verbatim(text, src, out, hidden)
        return
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            _verbatim(text[pos : m.start()], src + pos, out, hidden)
        kind = m.lastgroup
        if kind == "link":
            _inline(m.group("label"), src + m.start("label"), out, hidden)
        elif kind == "entity":
            decoded = html.unescape(m.group())
            if decoded == m.group():
                _verbatim(m.group(), src + m.start(), out, hidden)
            else:
                out.inserted(decoded)
        pos = m.end()
    if pos < len(text):
        _verbatim(text[pos:], src + pos, out, hidden)


def _verbatim(text: str, src: int, out: Builder, hidden: Hidden) -> None:
    """Append the parts of ``text`` outside the hidden file ranges (blanked comments): a
    comment is not text, so it neither appears as spaces nor claims the file's columns."""
    end = src + len(text)
    for start, stop in hidden:
        if stop <= src or start >= end:
            continue
        if start > src:
            out.verbatim(text[: start - src], src)
        text, src = text[max(stop, src) - src :], max(stop, src)
    out.verbatim(text, src)


class _Paragraph:
    """Soft-wrapped source lines joined into one display line."""

    def __init__(self, hidden: Hidden) -> None:
        self.out = Builder()
        self.hidden = hidden

    def add(self, text: str, src: int) -> None:
        piece = Builder()
        _inline(text, src, piece, self.hidden)
        traced = piece.build().strip()
        if not traced:
            return
        if len(self.out) and not (wide(self.out.last_char()) and wide(traced.text[0])):
            self.out.inserted(" ")
        self.out.extend(traced)

    def line(self) -> Traced:
        return self.out.build().strip()


_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def blank_comments(body: str) -> str:
    """``body`` with each HTML comment (an editor's note, a disabled paragraph) replaced by
    spaces, line breaks kept: offsets and line numbers stay those of the file, and the
    comment's words never become a sentence of the article."""
    if "<!--" not in body:
        return body
    return _HTML_COMMENT.sub(lambda m: re.sub(r"[^\r\n]", " ", m.group()), body)


def comment_ranges(body: str, base: int) -> Hidden:
    """The file ranges (``base`` + offset in ``body``) of the HTML comments blanked above."""
    if "<!--" not in body:
        return ()
    return tuple((base + m.start(), base + m.end()) for m in _HTML_COMMENT.finditer(body))


def read_markdown(body: str, base: int) -> list[Block]:
    hidden = comment_ranges(body, base)
    body = blank_comments(body)
    blocks: list[Block] = []
    block = Block()
    para = _Paragraph(hidden)
    fence: str | None = None
    in_table = False

    def end_line() -> None:
        nonlocal para
        text = para.line()
        if text:
            block.lines.append(Line(text))
        para = _Paragraph(hidden)

    def end_block() -> None:
        nonlocal block
        end_line()
        if block.lines:
            blocks.append(block)
            block = Block()

    for src, raw in split_lines(body, base):
        if fence is not None:
            if raw.strip().startswith(fence):
                fence = None
            continue
        opening = FENCE.match(raw)
        if opening:
            end_block()
            fence = opening.group(1)
            continue
        if not raw.strip():
            end_block()
            in_table = False
            continue
        in_comment = any(start <= src < stop for start, stop in hidden)  # a comment's blanked end
        if INDENTED_CODE.match(raw) and not len(para.out) and not block.lines and not in_comment:
            continue  # indented code block: not prose
        if TABLE_RULE.match(raw) and "|" in raw:
            in_table = True  # the rule under a table's header row
            end_line()
            continue
        if SETEXT_OR_RULE.match(raw) or REF_DEF.match(raw) or HTML_BLOCK.match(raw):
            end_block()  # a heading underline, a rule, a link definition, a lone tag
            continue
        pos = 0
        while True:  # a quote may hold a list item, and so on
            m = QUOTE.match(raw, pos) or LIST_ITEM.match(raw, pos)
            if not m or m.end() == pos:
                break
            if LIST_ITEM.match(raw, pos):
                end_line()
            pos = m.end()
        heading = ATX.match(raw, pos)
        if heading:
            end_block()
            text = raw[heading.end() :]
            close = ATX_CLOSE.search(text)
            para.add(text[: close.start()] if close else text, src + heading.end())
            end_block()
            continue
        if "|" in raw and (in_table or raw.strip().startswith("|")):
            in_table = True
            end_line()
            cell_start = pos
            for cell in re.finditer(r"[^|]+", raw[pos:]):
                para.add(cell.group(), src + cell_start + cell.start())
                end_line()
            continue
        para.add(raw[pos:], src + pos)
        if raw.endswith(("  ", "\\")):  # a hard line break
            end_line()
    end_block()
    return blocks

"""Plain text (page dumps) -> blocks: blank lines separate blocks, every line is a line.

A dump of a web page keeps the page's layout in its whitespace: list items start with a
bullet and their content is indented below them (``  • 钛粉81947`` / ``    钛粉81947 赞赏了``).
The bullet and the indentation are recorded on each :class:`Line` for the furniture pass.
"""

from __future__ import annotations

import re

from kcheck.load.blocks import Block, Line
from kcheck.load.traced import LINE_BREAK, verbatim

# typographic list bullets as page-to-text converters render <li> (not '-' or '*', which
# plain prose uses as dashes and multiplication)
BULLETS = "•●▪◦■□▸►◆◇‣⁃"
BULLET = re.compile(rf"[{BULLETS}][ \t\u3000]*")
INDENT = re.compile(r"[ \t]*")


def split_lines(body: str, base: int) -> list[tuple[int, str]]:
    """(offset in the decoded file, text without its line break) for each line of ``body``."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for m in LINE_BREAK.finditer(body):
        lines.append((base + pos, body[pos : m.start()]))
        pos = m.end()
    lines.append((base + pos, body[pos:]))
    return lines


def make_line(raw: str, src: int) -> Line | None:
    """A stripped line with its indentation and bullet noted; None for a blank line."""
    stripped = verbatim(raw, src).strip()
    if not stripped:
        return None
    indent = INDENT.match(raw)
    width = len(indent.group()) if indent else 0
    bullet = BULLET.match(stripped.text)
    if bullet:
        stripped = stripped.slice(bullet.end(), len(stripped)).strip()
        if not stripped:
            return None
    return Line(stripped, indent=width, bullet=bullet is not None)


def read_text(body: str, base: int) -> list[Block]:
    blocks: list[Block] = []
    block = Block()
    for src, raw in split_lines(body, base):
        line = make_line(raw, src)
        if line is None:
            if block.lines:
                blocks.append(block)
                block = Block()
            continue
        block.lines.append(line)
    if block.lines:
        blocks.append(block)
    return blocks

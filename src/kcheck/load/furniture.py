"""Keep the article, drop the page around it.

Each line is furniture (F), prose (P) or short (S):

* F: it matches a ``drop_lines`` pattern of the rules (counters, share buttons, image
  credits, donor lists ...), repeats the title, is a byline, or is a list item of a page
  dump (a bullet that is not itself a sentence, and the lines indented under it);
* P: it reads as running text: it ends like a sentence, or is long and punctuated, or it
  is a numbered headline item with a figure (``（九）1-11月 全国城镇新增就业1207万人``:
  ``numbered_items``; a year-end roundup is a list of them), or a figure cell of a data
  table written out with its labels (``2023年 营业收入 86.42亿元``, kcheck.load.tables);
* S: anything else (a heading, a name, a tag list).

Then, by structure:

1. the first ``end_markers`` line that follows some prose ends the article (本文首发...,
   本文为转载...); it and everything after it are furniture;
2. a run of ``SEPARATOR_RUN`` or more non-prose lines separates page regions; the regions
   holding most of the prose are the article (one holding less than ``MIN_REGION_SHARE``
   of the largest is a comment thread or a sidebar);
3. inside a region, short lines before its first and after its last prose line go
   (an author name over the body, a tag list under it); short lines between prose stay
   (headings);
4. a paragraph whose text was already seen is dropped: pages that carry the article twice
   yield it once.

A document with no prose line at all (a bare phrase, a one-line note) keeps every line that
is not furniture.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from kcheck.load.blocks import Block, Line
from kcheck.load.patterns import Boilerplate
from kcheck.load.traced import Traced
from kcheck.models import TableCell

SEPARATOR_RUN = 5  # consecutive non-prose lines that separate two regions of a page
MIN_REGION_SHARE = 0.25  # a region with less prose than this share of the largest is dropped
PROSE_CHARS = 30  # a punctuated line at least this long is prose even without a full stop
SENTENCE_CHARS = 6  # a line ending like a sentence must be at least this long to be prose
CONTENT_BULLET_CHARS = 15  # a bulleted line this long ending in 。 is content, not a link list

TERMINAL = frozenset("。！？!?；…")
CLOSING = "”’」』）)》〉】\"' \t\u3000"
PAUSES = frozenset("，,、；;。：")
TITLE_SEPARATORS = "|｜_-—–·:："


# the full-width punctuation of ordinary Chinese prose, each with its compatibility
# decomposition (an ASCII character): a character replaced by its own decomposition
# normalises to the same NFKC form, and without them most lines pass NFKC's quick check
# (already normal), where normalising them took a tenth of loading
_COMMON_WIDE = tuple((ch, unicodedata.normalize("NFKD", ch)) for ch in "，；：（）？！％．")


def normalise(text: str) -> str:
    """The comparison form of a line: NFKC, no whitespace, case-folded."""
    for wide_form, ascii_form in _COMMON_WIDE:
        if wide_form in text:
            text = text.replace(wide_form, ascii_form)
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def chars(text: str) -> int:
    """Characters that are not whitespace (str.split splits on exactly what isspace is)."""
    return sum(map(len, text.split()))


def is_prose(text: str) -> bool:
    body = text.rstrip(CLOSING)
    size = chars(text)
    if body and size >= SENTENCE_CHARS:
        last = body[-1]
        if last in TERMINAL:
            return True
        # a full stop typed as '.', after Chinese text (not a domain name or a decimal)
        if last == "." and len(body) > 1 and not body[-2].isascii():
            return True
    return size >= PROSE_CHARS and any(c in PAUSES for c in text)


@dataclass
class Kept:
    """The article's paragraphs (lines of traced text) and what the furniture said."""

    paragraphs: list[list[Traced]] = field(default_factory=list)
    # (paragraph, line) -> what a data table says of the figure cell written on that line
    cells: dict[tuple[int, int], TableCell] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)  # sites/authors named by furniture lines
    end_marker: str | None = None


def _title_repeat(norm: str, title: str) -> bool:
    if not title or not norm:
        return False
    if len(norm) % len(title) == 0 and norm == title * (len(norm) // len(title)):
        return True
    # the title without the site name after it ("标题 | 钛媒体焦点" -> "标题")
    return len(norm) >= 4 and title.startswith(norm) and title[len(norm)] in TITLE_SEPARATORS


def _classify(
    lines: list[Line], titles: list[str], patterns: Boilerplate, bylines: set[int], dump: bool
) -> tuple[list[str], list[str | None]]:
    """Each line's kind, and its comparison form where it was needed (with titles)."""
    kinds: list[str] = []
    norms: list[str | None] = []
    bullet_indent: int | None = None  # inside the indented content of a furniture list item
    for i, line in enumerate(lines):
        text = line.text.text
        if bullet_indent is not None and (line.bullet or line.indent <= bullet_indent):
            bullet_indent = None
        norm = normalise(text) if titles else None  # once per line, not once per title
        norms.append(norm)
        if (
            i in bylines
            or bullet_indent is not None
            or (norm is not None and any(_title_repeat(norm, title) for title in titles))
            or patterns.drop_lines.search(text)
        ):
            kinds.append("F")
            continue
        if dump and line.bullet:
            stripped = text.rstrip(CLOSING)
            if not (stripped.endswith("。") and chars(text) >= CONTENT_BULLET_CHARS):
                bullet_indent = line.indent
                kinds.append("F")
                continue
        numbered = patterns.numbered_items.search(text) and any(c.isdigit() for c in text)
        kinds.append("P" if numbered or line.table_figure or is_prose(text) else "S")
    return kinds, norms


def _regions(kinds: list[str]) -> list[list[int]]:
    """Indices of lines grouped into regions split by long runs of non-prose lines."""
    regions: list[list[int]] = []
    current: list[int] = []
    run: list[int] = []
    for i, kind in enumerate(kinds):
        if kind != "P":
            run.append(i)
            continue
        if len(run) >= SEPARATOR_RUN:
            if current:
                regions.append(current)
            current = []
        else:
            current.extend(run)
        run = []
        current.append(i)
    if current:
        regions.append(current)
    return regions


def keep_article(
    blocks: list[Block], titles: list[str], patterns: Boilerplate, bylines: set[int], dump: bool
) -> Kept:
    """The article's paragraphs.

    ``titles``: the article's title as the metadata and the page give it (lines repeating
    it are furniture); ``bylines``: indices (in reading order) of byline lines; ``dump``:
    the text is a plain-text page dump, where bullets and indentation mark list items.
    """
    lines: list[Line] = []
    block_of: list[int] = []
    for b, block in enumerate(blocks):
        for line in block.lines:
            lines.append(line)
            block_of.append(b)
    kept = Kept()
    kinds, norms = _classify(lines, [normalise(t) for t in titles if t.strip()], patterns, bylines, dump)

    seen_prose = False
    for i, line in enumerate(lines):
        if patterns.end_markers.search(line.text.text):
            source = patterns.end_markers.source(line.text.text)
            if source:
                kept.sources.append(source)
            if seen_prose:
                kept.end_marker = line.text.text
                kinds[i:] = ["F"] * (len(kinds) - i)
                break
            kinds[i] = "F"
        seen_prose = seen_prose or kinds[i] == "P"
    if patterns.drop_lines.sourced:
        for i, line in enumerate(lines):
            source = patterns.drop_lines.source(line.text.text) if kinds[i] == "F" else None
            if source:
                kept.sources.append(source)

    keep = [False] * len(lines)
    regions = _regions(kinds)
    mass = [sum(chars(lines[i].text.text) for i in region if kinds[i] == "P") for region in regions]
    if regions and max(mass) > 0:
        floor = MIN_REGION_SHARE * max(mass)
        for region, weight in zip(regions, mass, strict=True):
            if weight < floor:
                continue
            prose = [i for i in region if kinds[i] == "P"]
            first, last = prose[0], prose[-1]
            for i in region:
                if first <= i <= last and kinds[i] != "F":
                    keep[i] = True
    else:  # no prose at all: a phrase, a note, a list of figures
        keep = [kind != "F" for kind in kinds]

    seen: set[str] = set()
    current_block = -1
    paragraph: list[Line] = []
    key: list[str] = []  # the paragraph's lines in comparison form
    for i, line in enumerate(lines):
        if not keep[i]:
            continue
        if block_of[i] != current_block:
            _flush(paragraph, key, seen, kept)
            paragraph, key = [], []
            current_block = block_of[i]
        paragraph.append(line)
        norm = norms[i]
        key.append(norm if norm is not None else normalise(line.text.text))
    _flush(paragraph, key, seen, kept)
    return kept


def _flush(paragraph: list[Line], key: list[str], seen: set[str], kept: Kept) -> None:
    """Keep ``paragraph`` unless one with the same comparison form was kept before."""
    if not paragraph:
        return
    joined = "".join(key)
    if joined in seen:
        return
    seen.add(joined)
    number = len(kept.paragraphs)
    for j, line in enumerate(paragraph):
        if line.cell is not None:
            kept.cells[(number, j)] = line.cell
    kept.paragraphs.append([line.text for line in paragraph])

"""The article's title as a sentence of its own: where the file writes it, for its figures.

A headline restates the lede's figures in fewer words (``1-10月全国社会物流总额261.8万亿元，
同比增长10.5%``), so its figures are claims too (``Claim.headline``): they meet the body's and
other articles' figures. The title the loader chose (manifest, front matter, ``og:title``,
``<title>``, ``<h1>``, a plain-text heading) is looked up in the decoded file, its spaces
matched loosely within one line, and the first place it is written is its evidence. A title
the file does not write verbatim (a manifest's, or one with character references such as
``&amp;``) gives no headline: a figure no one can trace to the file is never a claim. A title
longer than ``MAX_HEADLINE`` characters is no headline (a page whose title is its text).
"""

from __future__ import annotations

import re

from kcheck.load.traced import LineIndex
from kcheck.models import Sentence, TextRun

MAX_HEADLINE = 200  # characters: the longest headlines of the corpora are under 60
_GAP = r"[ \t\u3000\xa0]+"


def locate_headline(text: str, title: str | None, index: LineIndex, position: int) -> Sentence | None:
    """The title as written in ``text`` (the decoded file), as a sentence numbered ``position``
    (after the body's), or None when the file does not write it on one line."""
    if not title or len(title) > MAX_HEADLINE:
        return None
    parts = title.split()
    if not parts:
        return None
    if len(parts) == 1:  # most Chinese titles: no space to match loosely, no regex to compile
        written = parts[0]
        start = text.find(written)
        if start < 0:
            return None
    else:
        m = re.search(_GAP.join(map(re.escape, parts)), text)
        if m is None:
            return None
        start, written = m.start(), m.group()
    line, column = index.line_col(start)
    return Sentence(
        index=position,
        paragraph=0,
        text=written,
        runs=[TextRun(offset=0, length=len(written), line=line, column=column)],
    )

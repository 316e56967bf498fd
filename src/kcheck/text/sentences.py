"""Where sentences end: the one splitter the loader and ``kcheck.extract`` share.

A sentence ends at 。！？!?； (or a run of them: ``？！``) together with the closing
quotes and brackets right after it (``。”`` ``？」`` ``！）``), and at every line break
(callers hand over one line at a time). Never at '.', which is a decimal point far more
often than a full stop in Chinese business text (``1758.87亿元``), nor at commas.
"""

from __future__ import annotations

import itertools
import re

END = re.compile(r"[。！？!?；]+")
CLOSERS = frozenset("”’」』）)》〉】")
STRAIGHT_QUOTES = frozenset("\"'")


def sentence_bounds(line: str) -> list[int]:
    """Offsets where sentences end in one line, including the closing quotes and brackets
    after a mark, with 0 first and ``len(line)`` last.

    A straight quote closes only when an odd number of them came before it on the line:
    in ``快吗？" 其实...`` the quote after ？ opens the next sentence.
    """
    bounds = [0]
    seen = {q: 0 for q in STRAIGHT_QUOTES}  # straight quotes before ``counted``
    counted = 0
    for m in END.finditer(line):
        end = m.end()
        while end < len(line):
            ch = line[end]
            if ch in STRAIGHT_QUOTES:
                for q in STRAIGHT_QUOTES:
                    seen[q] += line.count(q, counted, end)
                counted = end
                if seen[ch] % 2 == 0:
                    break
            elif ch not in CLOSERS:
                break
            end += 1
        if end > bounds[-1]:
            bounds.append(end)
    if bounds[-1] < len(line):
        bounds.append(len(line))
    return bounds


def sentence_spans(line: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of one line, without the spaces around it; a piece
    with no letter or digit (stray punctuation) is no sentence."""
    out = []
    bounds = sentence_bounds(line)
    for a, b in itertools.pairwise(bounds):
        piece = line[a:b]
        start = a + len(piece) - len(piece.lstrip())
        end = a + len(piece.rstrip())
        if any(c.isalnum() for c in line[start:end]):
            out.append((start, end))
    return out

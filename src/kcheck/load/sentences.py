"""Paragraphs -> sentences, each with the runs that map it back to the original file.

A sentence ends at 。！？!?； (or a run of them: ``？！``) together with the closing
quotes and brackets right after it (``。”`` ``？」`` ``！）``), and at every line break. Never
at '.', which is a decimal point far more often than a full stop in Chinese business text
(``1758.87亿元``), nor at commas.
"""

from __future__ import annotations

import re

from kcheck.load.traced import LineIndex, Traced
from kcheck.models import Sentence

END = re.compile(r"[。！？!?；]+")
CLOSERS = frozenset("”’」』）)》〉】")
STRAIGHT_QUOTES = frozenset("\"'")


def _bounds(text: str) -> list[int]:
    """Offsets where sentences end, including the closing quotes and brackets after a mark.

    A straight quote closes only when an odd number of them came before it on the line:
    in ``快吗？" 其实...`` the quote after ？ opens the next sentence.
    """
    bounds = [0]
    seen = {q: 0 for q in STRAIGHT_QUOTES}  # straight quotes before ``counted``
    counted = 0
    for m in END.finditer(text):
        end = m.end()
        while end < len(text):
            ch = text[end]
            if ch in STRAIGHT_QUOTES:
                for q in STRAIGHT_QUOTES:
                    seen[q] += text.count(q, counted, end)
                counted = end
                if seen[ch] % 2 == 0:
                    break
            elif ch not in CLOSERS:
                break
            end += 1
        if end > bounds[-1]:
            bounds.append(end)
    if bounds[-1] < len(text):
        bounds.append(len(text))
    return bounds


def split_line(line: Traced) -> list[Traced]:
    """The sentences of one line, stripped; empty ones and stray punctuation dropped."""
    out = []
    for piece in line.cut(_bounds(line.text)):
        piece = piece.strip()
        if any(c.isalnum() for c in piece.text):
            out.append(piece)
    return out


def sentences(paragraphs: list[list[Traced]], index: LineIndex) -> list[Sentence]:
    out: list[Sentence] = []
    for number, lines in enumerate(paragraphs):
        for line in lines:
            for piece in split_line(line):
                out.append(
                    Sentence(index=len(out), paragraph=number, text=piece.text, runs=piece.runs(index))
                )
    return out

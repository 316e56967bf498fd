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


def _sentence_end(text: str, end: int) -> int:
    """Extend a sentence end over the closing quotes and brackets that follow it.

    A straight quote closes only when an odd number of them came before it on the line:
    in ``快吗？" 其实...`` the quote after ？ opens the next sentence.
    """
    while end < len(text):
        ch = text[end]
        if ch in CLOSERS or (ch in STRAIGHT_QUOTES and text.count(ch, 0, end) % 2 == 1):
            end += 1
        else:
            break
    return end


def split_line(line: Traced) -> list[Traced]:
    """The sentences of one line, stripped; empty ones dropped."""
    out: list[Traced] = []
    start = 0
    bounds = [_sentence_end(line.text, m.end()) for m in END.finditer(line.text)]
    if not bounds or bounds[-1] < len(line):
        bounds.append(len(line))
    for end in bounds:
        piece = line.slice(start, end).strip()
        # a stray run of punctuation is no sentence
        if any(c.isalnum() for c in piece.text):
            out.append(piece)
        start = end
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

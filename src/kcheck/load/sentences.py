"""Paragraphs -> sentences, each with the runs that map it back to the original file.

A sentence ends at 。！？!?； (or a run of them: ``？！``) together with the closing
quotes and brackets right after it (``。”`` ``？」`` ``！）``), and at every line break. Never
at '.', which is a decimal point far more often than a full stop in Chinese business text
(``1758.87亿元``), nor at commas.

A "sentence" longer than :data:`MAX_SENTENCE_CHARS` (no real one is: the longest in the
bundled and real-news corpora is 633 characters; a page dump without stops is) is split at
the last clause mark (``，、；：`` or a space) before each limit, and the document's notes
say so: every claim carries its sentence, so an unbounded sentence makes the work and the
report grow with figures x sentence length (8,000 figures in one sentence took 10 GB).
"""

from __future__ import annotations

import re

from kcheck.load.traced import LineIndex, Traced
from kcheck.models import Sentence

END = re.compile(r"[。！？!?；]+")
MAX_SENTENCE_CHARS = 1000
CLAUSE_MARKS = frozenset("，,、；;：: \t\u3000")
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


def _capped(text: str, limit: int = MAX_SENTENCE_CHARS) -> list[int]:
    """Bounds cutting ``text`` into pieces of at most ``limit`` characters, each cut after
    the last clause mark in the second half of its window (else at the limit)."""
    bounds = [0]
    start = 0
    while len(text) - start > limit:
        cut = start + limit
        for i in range(start + limit - 1, start + limit // 2, -1):
            if text[i] in CLAUSE_MARKS:
                cut = i + 1
                break
        bounds.append(cut)
        start = cut
    bounds.append(len(text))
    return bounds


def split_line(line: Traced, notes: list[str] | None = None) -> list[Traced]:
    """The sentences of one line, stripped; empty ones and stray punctuation dropped; one
    longer than MAX_SENTENCE_CHARS split (and a note added to ``notes``)."""
    out: list[Traced] = []
    for piece in line.cut(_bounds(line.text)):
        piece = piece.strip()
        parts = [piece]
        if len(piece.text) > MAX_SENTENCE_CHARS:
            parts = [p.strip() for p in piece.cut(_capped(piece.text))]
            if notes is not None:
                notes.append(
                    f"a sentence of {len(piece.text):,} characters was split into {len(parts)} "
                    f"parts of at most {MAX_SENTENCE_CHARS:,} characters at clause marks"
                )
        out.extend(p for p in parts if any(c.isalnum() for c in p.text))
    return out


def sentences(
    paragraphs: list[list[Traced]], index: LineIndex, notes: list[str] | None = None
) -> list[Sentence]:
    """Every sentence of the paragraphs; ``notes`` collects what was done to abnormal ones."""
    out: list[Sentence] = []
    for number, lines in enumerate(paragraphs):
        for line in lines:
            found: list[str] = []
            first = len(out)
            for piece in split_line(line, found):
                out.append(
                    Sentence(index=len(out), paragraph=number, text=piece.text, runs=piece.runs(index))
                )
            if notes is not None and found:
                where = f"line {out[first].line}: " if len(out) > first and out[first].line else ""
                notes.extend(where + note for note in found)
    return out

"""Where sentences end: the one splitter the loader and ``kcheck.extract`` share.

A sentence ends at 。！？!?； (or a run of them: ``？！``) together with the closing
quotes and brackets right after it (``。”`` ``？」`` ``！）``), and at every line break
(callers hand over one line at a time). Never at '.', which is a decimal point far more
often than a full stop in Chinese business text (``1758.87亿元``), nor at commas.

A "sentence" longer than :data:`MAX_SENTENCE_CHARS` (no real one is: the longest in the
bundled and real-news corpora is 633 characters; a page dump without stops is) is split at
the last clause mark (``，、；：`` or a space) before each limit, and callers are told so:
every claim carries its sentence, so an unbounded sentence makes the work and the report
grow with figures x sentence length (8,000 figures in one sentence took 10 GB).
"""

from __future__ import annotations

import itertools
import re

# a run of sentence-ending marks (group 1), and the closing quotes and brackets after it
END = re.compile(r"([。！？!?；]+)[”’」』）)》〉】]*")
CLOSERS = frozenset("”’」』）)》〉】")
STRAIGHT_QUOTES = frozenset("\"'")
MAX_SENTENCE_CHARS = 1000
CLAUSE_MARKS = frozenset("，,、；;：: \t\u3000")
# a letter or a digit: ``str.isalnum`` (``\w`` is exactly the characters isalnum accepts, and ``_``)
ALNUM = re.compile(r"[^\W_]")


def sentence_bounds(line: str) -> list[int]:
    """Offsets where sentences end in one line, including the closing quotes and brackets
    after a mark, with 0 first and ``len(line)`` last.

    A straight quote closes only when an odd number of them came before it on the line:
    in ``快吗？" 其实...`` the quote after ？ opens the next sentence.
    """
    size = len(line)
    if '"' not in line and "'" not in line:  # most lines: every match is a whole sentence end
        bounds = [0, *(m.end() for m in END.finditer(line))]
        if bounds[-1] < size:
            bounds.append(size)
        return bounds
    bounds = [0]
    seen = dict.fromkeys(STRAIGHT_QUOTES, 0)  # straight quotes before ``counted``
    counted = 0
    for m in END.finditer(line):
        end = m.end()
        if end < size and line[end] in STRAIGHT_QUOTES:  # rare: walk the closers one by one
            end = m.end(1)
            while end < size:
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
    if bounds[-1] < size:
        bounds.append(size)
    return bounds


def capped_bounds(text: str, limit: int = MAX_SENTENCE_CHARS) -> list[int]:
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


def _trimmed(line: str, a: int, b: int) -> tuple[int, int] | None:
    """``(a, b)`` without the spaces around it; None for a piece with no letter or digit."""
    if ALNUM.search(line, a, b) is None:
        return None
    if not (line[a].isspace() or line[b - 1].isspace()):
        return a, b
    piece = line[a:b]
    return a + len(piece) - len(piece.lstrip()), a + len(piece.rstrip())


def sentence_pieces(
    line: str, limit: int = MAX_SENTENCE_CHARS
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The sentence spans of one line (as :func:`sentence_spans`) and, for each sentence
    longer than ``limit`` that was split, ``(its length, the number of parts)``."""
    out: list[tuple[int, int]] = []
    splits: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(sentence_bounds(line)):
        span = _trimmed(line, a, b)
        if span is None:
            continue
        start, end = span
        if end - start <= limit:
            out.append(span)
            continue
        cuts = [start + c for c in capped_bounds(line[start:end], limit)]
        parts = [p for p in (_trimmed(line, x, y) for x, y in itertools.pairwise(cuts)) if p]
        splits.append((end - start, len(cuts) - 1))
        out.extend(parts)
    return out, splits


def sentence_spans(line: str, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of one line, without the spaces around it; a piece
    with no letter or digit (stray punctuation) is no sentence; one longer than ``limit``
    is split at clause marks."""
    return sentence_pieces(line, limit)[0]

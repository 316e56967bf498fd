"""Text that remembers where every character came from.

The cleaner removes markup, collapses whitespace and decodes entities; each stage after it
reports positions in the ORIGINAL file. A :class:`Traced` string carries, beside its text,
the spans copied verbatim from the decoded file (``(offset in text, length, offset in
file)``). Text the cleaner inserted (a space joining two blocks, ``&`` decoded from
``&amp;``) belongs to no span. Slicing and stripping keep the spans exact, and
:meth:`Traced.runs` turns them into the :class:`~kcheck.models.TextRun` list of a sentence.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass

from kcheck.models import TextRun

# Lines end at CRLF, CR or LF: what editors and SARIF consumers count.
LINE_BREAK = re.compile(r"\r\n|\r|\n")

Span = tuple[int, int, int]  # (offset in text, length, offset in the decoded file)


class LineIndex:
    """Offsets in the decoded file -> 1-based (line, column in code points)."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in LINE_BREAK.finditer(text))]
        self.size = len(text)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def line_end(self, line: int) -> int:
        """Offset just past the last character of ``line`` that may belong to a run."""
        return self.starts[line] if line < len(self.starts) else self.size


@dataclass(frozen=True, slots=True)
class Traced:
    text: str
    spans: tuple[Span, ...] = ()

    def __len__(self) -> int:
        return len(self.text)

    def __bool__(self) -> bool:
        return bool(self.text)

    def slice(self, start: int, end: int) -> Traced:
        start, end = max(start, 0), min(end, len(self.text))
        if start >= end:
            return EMPTY
        if start == 0 and end == len(self.text):
            return self
        out: list[Span] = []
        for off, length, src in self.spans:
            if off >= end:
                break
            lo, hi = max(off, start), min(off + length, end)
            if lo < hi:
                out.append((lo - start, hi - lo, src + lo - off))
        return Traced(self.text[start:end], tuple(out))

    def cut(self, bounds: list[int]) -> list[Traced]:
        """The pieces between consecutive ``bounds`` (ascending offsets), in one pass."""
        pieces: list[Traced] = []
        i = 0
        spans = self.spans
        for start, end in itertools.pairwise(bounds):
            while i < len(spans) and spans[i][0] + spans[i][1] <= start:
                i += 1
            out: list[Span] = []
            j = i
            while j < len(spans) and spans[j][0] < end:
                off, length, src = spans[j]
                lo, hi = max(off, start), min(off + length, end)
                if lo < hi:
                    out.append((lo - start, hi - lo, src + lo - off))
                j += 1
            pieces.append(Traced(self.text[start:end], tuple(out)))
        return pieces

    def strip(self) -> Traced:
        text = self.text
        left = len(text) - len(text.lstrip())
        right = len(text.rstrip())
        return self.slice(left, right) if (left or right != len(text)) else self

    def runs(self, index: LineIndex) -> list[TextRun]:
        """The spans as TextRuns; a span that crosses a line break is cut at it."""
        return [TextRun(offset=o, length=n, line=line, column=c) for o, n, line, c in self.stretches(index)]

    def stretches(self, index: LineIndex) -> list[tuple[int, int, int, int]]:
        """``(offset, length, line, column)`` of each stretch of the text copied from one line
        of the file: the spans, cut at line breaks (the fields of :meth:`runs`)."""
        stretches: list[tuple[int, int, int, int]] = []
        for off, length, src in self.spans:
            while length > 0:
                line, col = index.line_col(src)
                take = min(length, index.line_end(line) - src)
                if take <= 0:  # cannot happen for offsets inside the file; never loop
                    break
                stretches.append((off, take, line, col))
                off, length, src = off + take, length - take, src + take
        return stretches


EMPTY = Traced("")


class Builder:
    """Accumulate verbatim and inserted text; adjacent verbatim pieces merge into one span."""

    __slots__ = ("_parts", "_size", "_spans")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._spans: list[Span] = []
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def verbatim(self, text: str, src: int) -> None:
        if not text:
            return
        if self._spans:
            off, length, start = self._spans[-1]
            if off + length == self._size and start + length == src:
                self._spans[-1] = (off, length + len(text), start)
                self._parts.append(text)
                self._size += len(text)
                return
        self._spans.append((self._size, len(text), src))
        self._parts.append(text)
        self._size += len(text)

    def inserted(self, text: str) -> None:
        self._parts.append(text)
        self._size += len(text)

    def extend(self, traced: Traced) -> None:
        base = self._size
        for off, length, src in traced.spans:
            if self._spans:
                p_off, p_len, p_src = self._spans[-1]
                if p_off + p_len == base + off and p_src + p_len == src:
                    self._spans[-1] = (p_off, p_len + length, p_src)
                    continue
            self._spans.append((base + off, length, src))
        self._parts.append(traced.text)
        self._size += len(traced.text)

    def last_char(self) -> str:
        for part in reversed(self._parts):
            if part:
                return part[-1]
        return ""

    def build(self) -> Traced:
        return Traced("".join(self._parts), tuple(self._spans))


def verbatim(text: str, src: int) -> Traced:
    return Traced(text, ((0, len(text), src),)) if text else EMPTY

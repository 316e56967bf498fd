"""One sentence under assembly: its text, its parses, and indexes into them.

Every decision reads the sentence in *clauses* (split at ，,；;：:, never inside a figure)
and looks up the matches, times and figures nearest a position; every lookup here is a
bisection or a walk over a bounded window, so a sentence with n figures costs O(n log n),
however long it is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from kcheck.extract.lexicon import Cue, Hit
from kcheck.extract.types import Quantity, TimeExpr

# after fold: ，；： are , ; :
CLAUSE_MARKS = frozenset(",;:")
_CLAUSE_RE = re.compile("[,;:]")
BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】")
# characters that are neither words nor clause marks: quotes, brackets, spaces
SKIP = frozenset(" \t\u3000\"'“”‘’「」『』《》〈〉()[]【】<>、·—-|…")
PUNCT = SKIP | CLAUSE_MARKS | frozenset("。！？!?.")
NOT_SUBJECT = frozenset("0123456789%.+")
SUBJECT_ENDS = PUNCT | NOT_SUBJECT
SKIP_DELETE = dict.fromkeys(map(ord, SKIP))  # str.translate table that deletes SKIP
PUNCT_DELETE = dict.fromkeys(map(ord, PUNCT))

MAX_CLAUSE = 200  # no clause of real prose is longer: cue words further back are not read
MAX_AFTER_GAP = 2  # 4.5 倍增长, 上万亿的电商交易额: how far after a figure its word may start
KIND_CUES = Cue.KIND


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Spanned)


def _inside(items: Sequence[S], starts: Sequence[int], a: int, b: int) -> list[S]:
    """The items (sorted by start, ``starts`` their starts) that lie wholly inside ``[a, b)``."""
    out = []
    for i in range(bisect_left(starts, a), len(items)):
        item = items[i]
        if item.start >= b:
            break
        if item.end <= b:
            out.append(item)
    return out


@dataclass(slots=True)  # read-only (see extract.types)
class Figure:
    """One figure under assembly and what its clause says before it: what most decisions read."""

    q: Quantity
    cs: int  # where its clause starts (at most MAX_CLAUSE characters before the figure)
    hits: list[Hit]  # the rules' words of the clause before the figure
    times: list[TimeExpr]  # the time expressions of the clause before the figure


class Parsed:
    """One sentence under assembly: its text, its parses, and indexes into them."""

    __slots__ = (
        "bounds",
        "ent_ends",
        "ent_objects",
        "ents",
        "folded",
        "hit_starts",
        "hits",
        "hyp_at",
        "q_starts",
        "quantities",
        "span_memo",
        "subjects",
        "text",
        "time_ends",
        "time_start_set",
        "time_starts",
        "times",
    )

    def __init__(
        self,
        text: str,
        folded: str,
        hits: list[Hit],
        quantities: list[Quantity],
        times: list[TimeExpr],
        is_object: Callable[[str, Hit], bool],
        hyp_at: int,
    ) -> None:
        self.text = text
        self.folded = folded
        self.hits = hits
        self.quantities = quantities
        self.times = times
        self.bounds = clause_bounds(folded, quantities)
        self.hit_starts = [h.start for h in hits]
        self.q_starts = [q.start for q in quantities]
        self.time_starts = [t.start for t in times]
        self.time_start_set = frozenset(self.time_starts)
        self.time_ends = [t.end for t in times]
        self.ents = [h for h in hits if h.mask & Cue.ENTITY]
        self.ent_ends = [h.end for h in self.ents]
        self.ent_objects = [is_object(folded, h) for h in self.ents]
        self.subjects: dict[tuple[int, int], tuple[int, int] | None] = {}
        self.span_memo: tuple[Quantity, int, Hit | None, tuple[int, int]] | None = None
        self.hyp_at = hyp_at

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause around ``pos``: after the clause mark before it, up to the next one."""
        i = bisect_left(self.bounds, pos)
        start = self.bounds[i - 1] + 1 if i > 0 else 0
        end = self.bounds[i] if i < len(self.bounds) else len(self.folded)
        return start, end

    def hits_in(self, a: int, b: int) -> list[Hit]:
        """Matches inside ``[a, b)``."""
        return _inside(self.hits, self.hit_starts, a, b)

    def hits_at(self, pos: int) -> list[Hit]:
        i = bisect_left(self.hit_starts, pos)
        out = []
        while i < len(self.hits) and self.hits[i].start == pos:
            out.append(self.hits[i])
            i += 1
        return out

    def times_in(self, a: int, b: int) -> list[TimeExpr]:
        """Time expressions inside ``[a, b)``."""
        return _inside(self.times, self.time_starts, a, b)

    def times_before(self, pos: int) -> range:
        """Indexes of the times that end by ``pos``, nearest last."""
        return range(bisect_right(self.time_ends, pos))

    def time_at(self, pos: int) -> TimeExpr | None:
        i = bisect_left(self.time_starts, pos)
        return self.times[i] if i < len(self.times) and self.times[i].start == pos else None

    def in_time(self, pos: int) -> bool:
        i = bisect_right(self.time_starts, pos) - 1
        return i >= 0 and self.times[i].end > pos

    def quantity_between(self, a: int, b: int) -> bool:
        """Is a figure wholly inside ``[a, b)``?"""
        i = bisect_left(self.q_starts, a)
        return i < len(self.quantities) and self.quantities[i].end <= b

    def last_quantity_end(self, pos: int) -> int:
        """End of the last figure that ends by ``pos`` (0 if none)."""
        i = bisect_right(self.q_starts, pos) - 1
        while i >= 0:
            if self.quantities[i].end <= pos:
                return self.quantities[i].end
            i -= 1
        return 0

    def entity_before(self, pos: int, lo: int, objects: bool) -> int:
        """Index (in ``ents``) of the nearest entity ending by ``pos`` and starting at ``lo`` or
        later, that is (``objects=False``) or may be (``True``) the object of a preposition."""
        i = bisect_right(self.ent_ends, pos) - 1
        while i >= 0 and self.ents[i].start >= lo:
            if objects or not self.ent_objects[i]:
                return i
            i -= 1
        return -1


def last_hit(hits: Iterable[Hit], mask: int) -> Hit | None:
    found = None
    for h in hits:
        if h.mask & mask:
            found = h
    return found


def start_of(x: Quantity | TimeExpr) -> int:
    return x.start


def in_order(items: Sequence[Quantity] | Sequence[TimeExpr]) -> bool:
    last = -1
    for item in items:
        if item.start < last:
            return False
        last = item.start
    return True


def outside_times(quantities: list[Quantity], times: list[TimeExpr]) -> list[Quantity]:
    """The figures that overlap no time expression (both lists sorted by start)."""
    out = []
    i = 0
    for q in quantities:
        while i < len(times) and times[i].end <= q.start:
            i += 1
        if i < len(times) and times[i].start < q.end:
            continue
        out.append(q)
    return out


def strip_skip(text: str) -> str:
    return text.translate(SKIP_DELETE)


def only_skip(folded: str, a: int, b: int) -> bool:
    return all(ch in PUNCT for ch in folded[a:b])


def clause_bounds(folded: str, quantities: Sequence[Quantity]) -> list[int]:
    """Offsets of the clause marks, except those inside a figure (1,758)."""
    marks = [m.start() for m in _CLAUSE_RE.finditer(folded)]
    if not marks or not quantities:
        return marks
    bounds = []
    j = 0
    n = len(quantities)
    for i in marks:
        while j < n and quantities[j].end <= i:
            j += 1
        if j < n and quantities[j].start <= i:
            continue  # inside a figure
        bounds.append(i)
    return bounds

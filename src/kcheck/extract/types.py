"""What the extraction passes hand each other inside one sentence.

Offsets are 0-based character offsets into the sentence text. The text the passes
see is the sentence after ``text.fold`` (full-width -> half-width, traditional ->
simplified), which has the same length as the original, so an offset into one is an
offset into the other and a quote is always sliced from the text as written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from kcheck.models import Dimension, Span


class Granularity(str, Enum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    SPAN = "span"  # an explicit range (1-9月, 2017-2018年, 前三季度)


# The records the passes hand each other are plain slots dataclasses, not frozen ones: a
# frozen dataclass's __init__ sets each field through object.__setattr__ (Quantity 1.7 us to
# build, 0.27 us unfrozen), and thousands are built per document. Treat them as read-only
# (as lexicon.Hit): change one with dataclasses.replace.


@dataclass(slots=True)
class Quantity:
    """A figure with its unit and qualifier: ``超过200亿元`` -> low 2e10, high None, CNY."""

    start: int
    end: int  # exclusive
    value: float | None  # point value (for ranges: None, see low/high)
    low: float | None
    high: float | None
    unit: str | None  # ISO code, '%', 'pp', 'x', a counter word, or None (bare number)
    dimension: Dimension
    precision: float  # value of one unit in the last written digit (1758亿 -> 1e8)
    qualifier: str | None = None  # as written: 超过, 约, 近, 以上
    is_range: bool = False
    currency_implicit: bool = False  # money inferred from context, no currency word written
    # a plain number: no unit, no magnitude word, no qualifier, not a range (1502222, 4.800).
    # It may be a code or a page counter; make a claim of it only when a metric names it.
    bare: bool = False


@dataclass(slots=True)
class TimeExpr:
    """A time expression resolved to calendar days: ``2021年第三季度`` -> 2021-07-01..09-30."""

    start: int
    end: int  # exclusive
    span: Span
    granularity: Granularity
    relative: bool = False  # resolved against the publication date (今年, 去年同期, 3月1日)
    year_explicit: bool = True  # the text itself names the year
    anchor: str | None = None  # 截至 (as of), 起 (from), 前 (by) ... as written
    cumulative: bool = False  # 前三季度, 1-9月: a span from the start of the year
    approx: bool = False  # 左右 / 前后 / 底 / 初
    # added by the time pass (additive):
    year_source: str = "text"  # where the year came from: "text", "context" (named before), "published"
    anchor_kind: str | None = None  # the anchor's meaning: as_of, since, before, after, within
    fiscal: bool = False  # 2018财年: read as the calendar year
    holiday: bool = False  # 中秋国庆假期: a festival's official break (kcheck.extract.festivals)


@dataclass
class SentenceParse:
    """Everything the passes found in one sentence, before claims are assembled."""

    text: str
    folded: str
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)

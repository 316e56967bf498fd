"""What the extraction passes hand each other inside one sentence.

Offsets are 0-based character offsets into the sentence text. The text the passes
see is the sentence after ``normalise.fold`` (full-width -> half-width, traditional ->
simplified), which has the same length as the original, so an offset into one is an
offset into the other and a quote is always sliced from the text as written.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeVar

from kcheck.models import Dimension, Span

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Give a frozen dataclass an ``__init__`` that sets the instance dict in one step.

    The ``__init__`` that ``dataclass(frozen=True)`` writes calls ``object.__setattr__`` once per
    field: 2-3 µs for the dozen fields of a ``Quantity`` or a ``TimeExpr``, built for every
    figure and time expression. This one has the same parameters, in the same order, with the
    same defaults, and leaves the same instance behind (equality, hash, repr, ``replace`` and
    pickling all read the fields), in a tenth of the time.
    """
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if not cls.__dataclass_params__.frozen or "__slots__" in cls.__dict__:  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__}: quick_init is for frozen dataclasses without slots")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: quick_init does not call __post_init__")
    defaults: dict[str, Any] = {}
    args = []
    for f in fields:
        if not f.init or f.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: quick_init takes plain fields only")
        if f.default is dataclasses.MISSING:
            args.append(f.name)
        else:
            defaults[f"_d_{f.name}"] = f.default
            args.append(f"{f.name}=_d_{f.name}")
    body = ", ".join(f"{f.name!r}: {f.name}" for f in fields)
    source = f"def __init__(self, {', '.join(args)}):\n    _set(self, '__dict__', {{{body}}})\n"
    namespace: dict[str, Any] = {"_set": object.__setattr__, **defaults}
    exec(source, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


class Granularity(str, Enum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    SPAN = "span"  # an explicit range (1-9月, 2017-2018年, 前三季度)


@quick_init
@dataclass(frozen=True)
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


@quick_init
@dataclass(frozen=True)
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


@dataclass
class SentenceParse:
    """Everything the passes found in one sentence, before claims are assembled."""

    text: str
    folded: str
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)

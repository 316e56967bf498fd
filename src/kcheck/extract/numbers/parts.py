"""What the number pass finds around a figure before it reads a value: the parts of a
figure (numeral, unit, qualifier after it) and the words before it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kcheck.extract.numerals import Numeral
from kcheck.rules import QualifierRule


@dataclass(frozen=True)
class Unit:
    kind: str  # money, percent, points, multiple, tenths, discount, counter, time
    code: str | None  # ISO code, '%', 'pp', 'x', the counter word


@dataclass(frozen=True)
class Qual:
    word: str
    rule: QualifierRule


@dataclass(slots=True)
class Part:
    """One side of a figure: numeral, unit, qualifier after it."""

    start: int  # of the numeral
    token_end: int  # of the numeral (and its k / w)
    core_end: int  # after unit and minor units
    end: int  # after the qualifier after it, if any
    num: Numeral
    unit_word: str | None
    unit: Unit | None
    post: Qual | None
    minor: Decimal  # 角/分 after 元
    minor_precision: Decimal | None


@dataclass(slots=True)
class Prefix:
    start: int
    negative: bool = False
    currency: str | None = None
    quals: tuple[Qual, ...] = ()  # in text order
    qual_starts: tuple[int, ...] = ()
    currency_start: int | None = None
    blocked: bool = False
    letter_before: bool = False


def quote_start(pre: Prefix, start: int, quals: list[Qual]) -> int:
    """Where the quote begins: the kept qualifiers, the currency word, the sign."""
    begin = start - (1 if pre.negative else 0)
    for q, at in zip(pre.quals, pre.qual_starts, strict=True):
        if q in quals:
            begin = min(begin, at)
    if pre.currency_start is not None:
        begin = min(begin, pre.currency_start)
    return begin

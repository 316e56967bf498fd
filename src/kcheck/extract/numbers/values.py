"""Reading the value of a figure the number pass found: interval, unit and dimension.

Given the parts of a figure (numeral, unit word, qualifiers before and after it: see
``parts``), ``ValueReader`` works out what it is worth: the point value or the range, the
interval its written precision and qualifiers allow, the unit code and the dimension, the
shares written as 七成 / 八折, and amounts below the currency unit (3元5角). Finding where
a figure is (the grammar, the words before it) is ``kcheck.extract.numbers``.

Intervals (``low``/``high``; None = unbounded): a plain figure covers half a unit of its
last written digit either side (1758亿 -> 1757.5亿..1758.5亿, so 1758.87亿 agrees); 约/左右
widen that by ``approx_tolerance`` of the value; 近 reaches ``near_tolerance`` below;
超过/以上 open the upper side; 多/余/几 reach one unit of the last written digit further
(2000多万 -> 2000万..3000万, 十余万 -> 10万..20万); a range (40-50元) is its two ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from kcheck.extract.numbers.parts import Part, Prefix, Qual, Unit, quote_start
from kcheck.extract.numerals import Numeral, NumeralReader, cn_value
from kcheck.extract.types import Quantity
from kcheck.models import Dimension

_ONE, _MINUS_ONE = Decimal(1), Decimal(-1)


@dataclass(frozen=True)
class ValueReader:
    """The tables a value is read with; built by ``NumberFinder`` from the rules."""

    reader: NumeralReader
    generic_cny: frozenset[str]  # 元, 块: a currency before the number decides which
    counter_words: frozenset[str]
    codes: re.Pattern[str]  # bare identifiers: stock codes, phone numbers
    between: frozenset[str]  # 20和30之间
    connectors: frozenset[str]  # 大于10小于20
    minor_units: dict[str, Decimal]  # 角 -> 0.1
    approx_tolerance: Decimal
    near_tolerance: Decimal
    rounding_cap: Decimal
    counted_durations: frozenset[str] = frozenset()  # 天: what a measure of days counts in
    duration_measures: tuple[str, ...] = ()  # 周转天数, 回收期
    duration_links: tuple[str, ...] = ()  # 为, 同比增加: between the measure and its days
    duration_reach: int = 0

    def counts_days(self, s: str, at: int) -> bool:
        """Whether the days before ``at`` are a measure's (周转天数为20.2天, and the change after it,
        同比增加0.2天): the measure named just before, past one link, or earlier in the clause run,
        at most ``duration_reach`` characters back and never across ；or 。."""
        head = s[max(0, at - self.duration_reach) : at]
        for stop in ("；", "。", ";"):
            head = head[head.rfind(stop) + 1 :]
        near = head.rstrip(" ")
        for link in self.duration_links:
            if near.endswith(link):
                near = near[: -len(link)]
                break
        if near.endswith(self.duration_measures):
            return True
        return any(d in head for d in self.duration_measures) and head.rstrip(" ").endswith(
            self.duration_links
        )

    def single(self, s: str, part: Part, pre: Prefix) -> Quantity | None:
        """One figure, ``pre`` the words before it."""
        num, unit = part.num, part.unit
        if part.unit_word in self.counter_words and num.length == 1 and not num.arabic and num.value == 1:
            return None  # 一家, 一位, 这一块: an article, not a count
        end = part.end
        if unit is not None and unit.kind == "time":
            if part.unit_word in self.counted_durations and self.counts_days(
                s, min((part.start, *pre.qual_starts))
            ):
                unit = Unit("counter", part.unit_word)  # 周转天数为20.2天: a measure's days
            elif not num.has_magnitude:
                return None  # 2021年, 7个月, 3月1日
            else:
                unit, end = None, part.token_end  # 3亿日活: the magnitude says it is a figure
        quals = [q for q in pre.quals if not q.rule.magnitude_only or num.leading_magnitude]
        start = quote_start(pre, part.start, quals)
        post = part.post if unit is not None or part.post is not None else None
        if num.leading_magnitude and not quals:
            return None  # 百万商家, 千万用户: a manner of speaking, not a figure
        if num.low is not None and unit is None and not num.has_magnitude and not num.chinese_unit:
            return None  # 一二线: not a range of anything
        in_a_row = num.digits_only and not num.arabic and num.low is None and len(num.digits_only) > 1
        if in_a_row and (unit is None or unit.kind != "discount"):
            return None  # 五五开, 二〇二一: Chinese digits in a row are a name, not a figure
        all_quals = [*quals, *([post] if post is not None else [])]
        fuzzy = num.fuzzy
        code, dimension = self.unit_code(unit, part.unit_word, pre.currency)
        value, precision = num.value, num.precision
        pair = (num.low, num.high) if num.low is not None and num.high is not None else None
        if unit is not None and unit.kind in ("tenths", "discount"):
            read = self.percent_words(num, unit)
            if read is not None:
                value, precision = read
                pair = None
            elif pair is not None and unit.kind == "tenths" and pair[1] <= 10:
                pair = (pair[0] * 10, pair[1] * 10)  # 七八成 = 70%..80%
            else:
                return None
        if unit is not None and unit.kind == "basis_points":
            value, precision = value / 100, precision / 100  # 10个基点 = 0.1 pp
            pair = (pair[0] / 100, pair[1] / 100) if pair is not None else None
        if part.minor_precision is not None:
            value += part.minor
            precision = part.minor_precision
        if unit is not None and unit.kind == "tenths" and s.startswith("半", end):
            value += 5  # 三成半 = 35%
            end += 1
        if pre.letter_before and code is None and not num.has_magnitude and num.low is None:
            return None  # M2余额, Q3: a code's digits, whatever word follows (余 is no figure's)
        bare = code is None and not num.has_magnitude and not all_quals and not fuzzy and num.low is None
        if bare and not self.bare_is_figure(s, part, pre):
            return None
        if num.length == 1 and not num.arabic and unit is None and not num.leading_magnitude:
            return None  # 大于一切, 将近一半: a Chinese digit alone is a word, not a figure
        sign = _MINUS_ONE if pre.negative else _ONE
        low: Decimal | None
        high: Decimal | None
        point: Decimal | None
        if pair is not None:
            low, high = sorted((pair[0] * sign, pair[1] * sign))
            point = None
        else:
            point = value * sign
            # an Arabic integer's last written digit, zeros included (6800亿 -> 1亿)
            written = (
                num.magnitude
                if num.arabic and not num.decimal and not num.big_inside and precision == num.precision
                else None
            )
            low, high = self.bounds(point, precision, all_quals, fuzzy, written)
        words = (
            [q.word for q in quals]
            + ([fuzzy] if fuzzy and num.low is None else [])
            + ([post.word] if post is not None else [])
        )
        return Quantity(
            start=start,
            end=end,
            value=float(point) if point is not None else None,
            low=float(low) if low is not None else None,
            high=float(high) if high is not None else None,
            unit=code,
            dimension=dimension,
            precision=float(precision),
            qualifier="…".join(words) if words else None,
            is_range=point is None,
            bare=bare,
        )

    def unit_code(
        self, unit: Unit | None, word: str | None, currency: str | None
    ) -> tuple[str | None, Dimension]:
        """The claim's unit and dimension; a currency before the number wins over a plain 元."""
        if unit is not None and unit.kind == "money":
            code = currency if currency is not None and word in self.generic_cny else unit.code
            return code, Dimension.MONEY
        if unit is None:
            return (currency, Dimension.MONEY) if currency is not None else (None, Dimension.COUNT)
        return unit.code, _DIMENSIONS[unit.kind]

    def bare_is_figure(self, s: str, part: Part, pre: Prefix) -> bool:
        """A plain number with no unit or magnitude: keep it only if it could be a figure."""
        num = part.num
        if pre.letter_before:
            return False  # Q3, iPhone 13, HK 01024
        if not num.arabic or num.chinese_unit:
            return num.length >= 2 and (num.chinese_unit or num.decimal)
        if num.decimal:
            return True
        text = s[part.start : part.token_end]
        if self.codes.fullmatch(text):
            return False
        if num.int_digits == 4 and "," not in text and 1900 <= num.value <= 2099:
            return False  # a year without 年
        return num.int_digits >= 4

    def bounds(
        self,
        value: Decimal,
        precision: Decimal,
        quals: list[Qual],
        fuzzy: str | None,
        written: Decimal | None = None,
    ) -> tuple[Decimal | None, Decimal | None]:
        half = precision / 2
        if written is not None and written < precision:
            # trailing zeros (6800亿, 10亿, 90%) may be rounding: they widen by at most
            # rounding_cap of the value, and never less than half the last written digit
            half = min(half, max(written / 2, abs(value) * self.rounding_cap))
        intervals: list[tuple[Decimal | None, Decimal | None]] = []
        if fuzzy:
            intervals.append((value, value + precision))
        for q in quals:
            rule = q.rule
            if rule.bound == "approx":
                if not fuzzy:
                    width = abs(value) * self.approx_tolerance + half
                    intervals.append((value - width, value + width))
            elif rule.bound == "exact":
                intervals.append((value, value))
            elif rule.bound == "near":
                intervals.append((value - abs(value) * self.near_tolerance, value))
            elif rule.bound == "lower":
                intervals.append((value, value + precision if rule.within_step else None))
            else:
                intervals.append((None, value))
        if not intervals:
            return value - half, value + half
        lows = [lo for lo, _ in intervals if lo is not None]
        highs = [hi for _, hi in intervals if hi is not None]
        low = max(lows) if lows else None
        high = min(highs) if highs else None
        if low is not None and high is not None and low > high:
            return intervals[0]
        return low, high

    def fraction(self, m: re.Match[str], pre: Prefix, post: Qual | None) -> Quantity | None:
        """百分之86.1, 三分之一, 千分之2.4: a share, in percent units; ``pre`` the words before it,
        ``post`` the qualifier after it."""
        den_text = m.group("fd")
        den = (
            self.reader.product(den_text)
            if all(c in self.reader.small + self.reader.big for c in den_text)
            else None
        )
        if den is None:
            read = self.reader.read(den_text)
            den = read.value if read is not None and read.low is None else None
        num = self.reader.read(m.group("fn"))
        if not den or num is None or num.low is not None or num.fuzzy:
            return None
        quals = [q for q in pre.quals if not q.rule.magnitude_only]
        all_quals = [*quals, *([post] if post is not None else [])]
        sign = _MINUS_ONE if pre.negative else _ONE
        value = num.value / den * 100 * sign
        precision = num.precision / den * 100
        low, high = self.bounds(value, precision, all_quals, None)
        words = [q.word for q in all_quals]
        return Quantity(
            start=quote_start(pre, m.start(), quals),
            end=m.end() if post is not None else m.end("fn"),
            value=float(value),
            low=float(low) if low is not None else None,
            high=float(high) if high is not None else None,
            unit="%",
            dimension=Dimension.PERCENT,
            precision=float(precision),
            qualifier="…".join(words) if words else None,
        )

    def range(self, s: str, m: re.Match[str], p1: Part, p2: Part, pre: Prefix) -> Quantity | None:
        """9000亿元至9700亿元, 40-50元, 两到三万, 20和30之间: one interval; ``pre`` the words
        before it."""
        if m.group("sep") in self.between and not m.group("btw"):
            return None
        u1, u2 = p1.unit, p2.unit
        if (u1 is not None and u1.kind == "time") or (u2 is not None and u2.kind == "time"):
            return None
        if u1 is not None and u2 is not None and (u1.kind, u1.code) != (u2.kind, u2.code):
            return None
        if p1.num.leading_magnitude or p2.num.leading_magnitude:
            return None
        unit = u2 or u1
        unit_word = p2.unit_word or p1.unit_word
        lo = p1.num.low if p1.num.low is not None else p1.num.value
        hi = p2.num.high if p2.num.high is not None else p2.num.value
        prec1, prec2 = p1.num.precision, p2.num.precision
        if not p1.num.has_magnitude and p2.num.suffix:
            scale = self.shared_scale(lo, hi, p2.num.suffix)
            lo, prec1 = lo * scale, prec1 * scale
        if unit is not None and unit.kind in ("tenths", "discount"):
            a = self.percent_words(replace(p1.num, value=lo, precision=prec1), unit)
            b = self.percent_words(p2.num, unit)
            if a is None or b is None:
                return None
            (lo, prec1), (hi, prec2) = a, b
        if unit is not None and unit.kind == "basis_points":
            lo, hi, prec1, prec2 = lo / 100, hi / 100, prec1 / 100, prec2 / 100
        if pre.negative:
            lo = -lo
        if not lo < hi:
            return None
        code, dimension = self.unit_code(unit, unit_word, pre.currency)
        bare = code is None and not p1.num.has_magnitude and not p2.num.has_magnitude
        between = m.group("sep") in self.between  # 20和30之间 says it is a range
        figures = self.bare_is_figure(s, p1, pre) and self.bare_is_figure(s, p2, Prefix(p2.start))
        if bare and not between and not figures:
            return None  # 3-5, 2017-2018: page numbers, years
        quals = [q for q in pre.quals if q.rule.bound == "approx"]
        post = p2.post if p2.post is not None and p2.post.rule.bound == "approx" else None
        low: Decimal = lo  # a range is vague already: 约 does not widen it further
        high: Decimal = hi
        end = p2.end if post is not None else p2.core_end
        if m.group("btw") and m.group("sep") in self.between:
            end = m.end("btw")
        words = [q.word for q in quals] + ([post.word] if post is not None else [])
        return Quantity(
            start=quote_start(pre, p1.start, quals),
            end=end,
            value=None,
            low=float(low),
            high=float(high),
            unit=code,
            dimension=dimension,
            precision=float(min(prec1, prec2)),
            qualifier="…".join(words) if words else None,
            is_range=True,
            bare=bare,
        )

    def shared_scale(self, low: Decimal, high: Decimal, suffix: str) -> Decimal:
        """两到三万: the low end takes the largest trailing unit of the high end that fits."""
        best = Decimal(1)
        for i in range(len(suffix)):
            scale = self.reader.product(suffix[i:])
            if scale is not None and low * scale <= high and scale > best:
                best = scale
        return best

    def merge_bounds(self, s: str, found: list[Quantity]) -> list[Quantity]:
        """大于10小于20, 1000以上，1500以下: a lower and an upper bound next to each other."""
        if len(found) < 2:
            return found
        out: list[Quantity] = [found[0]]
        for q in found[1:]:
            prev = out[-1]
            if (
                not prev.is_range
                and not q.is_range
                and prev.qualifier
                and q.qualifier
                and (prev.unit == q.unit or prev.unit is None or q.unit is None)
                and (prev.dimension == q.dimension or Dimension.COUNT in (prev.dimension, q.dimension))
                and s[prev.end : q.start].strip(" ") in self.connectors
            ):
                lower_first = (
                    prev.high is None and prev.low is not None and q.low is None and q.high is not None
                )
                upper_first = (
                    prev.low is None and prev.high is not None and q.high is None and q.low is not None
                )
                low = prev.low if lower_first else q.low if upper_first else None
                high = q.high if lower_first else prev.high if upper_first else None
                if low is not None and high is not None and low < high:
                    out[-1] = replace(
                        prev if prev.unit is not None else q,
                        start=prev.start,
                        end=q.end,
                        value=None,
                        low=low,
                        high=high,
                        precision=min(prev.precision, q.precision),
                        qualifier=f"{prev.qualifier}…{q.qualifier}",
                        is_range=True,
                    )
                    continue
            out.append(q)
        return out

    def percent_words(self, num: Numeral, unit: Unit) -> tuple[Decimal, Decimal] | None:
        """七成 -> 70, 八折 -> 80, 75折 -> 75; None when the word is not a share here."""
        if num.has_magnitude or num.fuzzy or num.value <= 0:
            return None
        if unit.kind == "discount" and num.digits_only is not None and len(num.digits_only) == 2:
            return Decimal(num.digits_only), Decimal(1)  # 75折, 三八折: two digits as written
        if num.low is not None or num.value > 10 or (unit.kind == "discount" and num.value >= 10):
            return None
        return num.value * 10, num.precision * 10

    def minor(self, text: str) -> tuple[Decimal, Decimal | None]:
        total = Decimal(0)
        precision = None
        for i, ch in enumerate(text):
            step = self.minor_units.get(ch)
            if step is not None:
                digit = cn_value(text[i - 1]) if i > 0 else None
                if digit is None:
                    continue
                total += digit * step
                precision = step
        return total, precision


_DIMENSIONS = {
    "money": Dimension.MONEY,
    "percent": Dimension.PERCENT,
    "tenths": Dimension.PERCENT,
    "discount": Dimension.PERCENT,
    "points": Dimension.POINTS,
    "basis_points": Dimension.POINTS,
    "multiple": Dimension.MULTIPLE,
    "counter": Dimension.COUNT,
}

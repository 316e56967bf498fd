"""Chinese and Arabic numeral tokens -> value and written precision.

``NumeralReader.read("1758.87亿")`` gives value 175887000000 and precision 1e6 (one unit of
the last written digit). cn2an converts the Chinese numerals (``七百六十五``, ``3万4000``,
``肆佰叁拾``); Arabic digits go straight to Decimal; magnitudes written after the digits
(亿, 万亿, 兆, k, w) come from rules/units.yaml. A token is read only after the number pass
has found it: cn2an never sees a whole sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cached_property, lru_cache

import cn2an

# the longest numeral token worth converting; anything longer is a code or noise
MAX_TOKEN = 40


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


@lru_cache(maxsize=1)
def numeral_chars() -> tuple[str, dict[str, int]]:
    """Chinese digit characters cn2an reads (plain, financial, variants) and their values."""
    table: dict[str, str] = cn2an.Cn2An().normal_cn_number
    digits = ""
    values: dict[str, int] = {}
    for value, key in enumerate("零一二三四五六七八九"):
        for ch in table[key]:
            digits += ch
            values[ch] = value
    return digits, values


@lru_cache(maxsize=8192)
def cn_value(text: str) -> Decimal | None:
    """cn2an's reading of one numeral token (``七百六十五``, ``3万4000``), or None."""
    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


@dataclass(frozen=True)
class Numeral:
    """One numeral token as read: ``1758.87亿`` -> value 175887000000, precision 1e6."""

    value: Decimal
    precision: Decimal  # value of one unit in the last written (non-zero) digit
    magnitude: Decimal  # multiplier written after the digits (亿, 万亿, k); 1 if none
    suffix: str  # trailing unit characters as written (千亿 in 九千亿, k in 15k): for ranges
    arabic: bool  # written with Arabic digits
    chinese_unit: bool  # a 十/百/千/万/亿 character inside
    length: int  # characters, spaces and separators not counted
    int_digits: int  # Arabic digits before the decimal point (0 for Chinese numerals)
    decimal: bool  # a decimal point (. or 点) was written
    fuzzy: str | None = None  # 多 / 余 / 几 written inside (2000多万, 十几万)
    big_inside: bool = False  # a magnitude character inside (3万4000, 5亿1万)
    digits_only: str | None = None  # only digit characters, as Arabic (三八 -> 38): 三八折
    leading_magnitude: bool = False  # a bare magnitude word (千万, 亿): figure only when qualified
    low: Decimal | None = None  # an interval written without a point: 八九亿, 几十万, 三五百
    high: Decimal | None = None

    @cached_property  # read often for each figure; a Numeral is frozen and shared (read is memoised)
    def has_magnitude(self) -> bool:
        return self.magnitude != 1 or self.leading_magnitude or self.big_inside


class NumeralReader:
    """Reads numeral tokens; built once from the rules (which characters are magnitudes)."""

    def __init__(
        self, magnitudes: dict[str, int], aliases: dict[str, str], infix: str, small_units: Mapping[str, int]
    ) -> None:
        self.digits, self.digit_values = numeral_chars()
        # the units inside a numeral (十, 百, 仟): all of them, and those of a hundred or more
        self.small = "".join(small_units)
        self.hundreds = "".join(k for k, v in small_units.items() if v >= 100)
        self.small_values = {k: Decimal(v) for k, v in small_units.items()}
        self.magnitudes = {k: Decimal(v) for k, v in magnitudes.items()}
        self.big = "".join(k for k in magnitudes if is_cjk(k))
        self.ascii_mag = "".join(k for k in magnitudes if k.isascii())
        self.aliases = str.maketrans(aliases) if aliases else {}
        self.infix = infix
        self._read = lru_cache(maxsize=8192)(self._read_uncached)

    def read(self, token: str) -> Numeral | None:
        return self._read(token)

    def _unit_value(self, ch: str) -> Decimal | None:
        return self.small_values.get(ch) or self.magnitudes.get(ch)

    def product(self, chars: str) -> Decimal | None:
        total = Decimal(1)
        for ch in chars:
            v = self._unit_value(ch)
            if v is None:
                return None
            total *= v
        return total

    def _read_uncached(self, token: str) -> Numeral | None:
        s = token.replace(" ", "").replace(",", "").replace("个", "").translate(self.aliases)
        if not s or len(s) > MAX_TOKEN:
            return None
        length = len(s)
        arabic = any("0" <= c <= "9" for c in s)
        # 几十万 / 数十亿: an order of magnitude, 10^5..10^6
        if s[0] in "几数":
            unit = self.product(s[1:])
            if unit is None or len(s) < 2:
                return None
            return Numeral(
                value=unit, precision=unit, magnitude=Decimal(1), suffix=s[1:], arabic=False,
                chinese_unit=True, length=length, int_digits=0, decimal=False, fuzzy=s[0],
                low=unit, high=unit * 10,
            )  # fmt: skip
        fuzzy = None
        for ch in self.infix:
            if ch in s:
                fuzzy = ch
                s = re.sub(f"零?{re.escape(ch)}", "", s)
        if not s:
            return None
        # the unit characters at the end (千亿 in 九千亿): a range's low end may share them
        cut = len(s)
        while cut > 0 and (
            s[cut - 1] in self.small or s[cut - 1] in self.big or s[cut - 1] in self.ascii_mag
        ):
            cut -= 1
        suffix = s[cut:]
        chinese_unit = any(c in self.small or c in self.big for c in s)
        # a bare magnitude word: 千万, 亿, 百亿
        if s[0] in self.hundreds or s[0] in self.big:
            unit = self.product(s)
            if unit is None:
                return None
            return Numeral(
                value=unit, precision=unit, magnitude=Decimal(1), suffix=suffix, arabic=False,
                chinese_unit=True, length=length, int_digits=0, decimal=False, fuzzy=fuzzy,
                leading_magnitude=True,
            )  # fmt: skip
        magnitude = Decimal(1)
        mantissa = s
        if mantissa[-1] in self.ascii_mag:
            magnitude *= self.magnitudes[mantissa[-1]]
            mantissa = mantissa[:-1]
        head = mantissa.rstrip(self.big)
        if head and not any(c in self.big for c in head):
            # 1758亿, 4.78万亿, 10万万: the magnitude multiplies what is written before it;
            # 四十五亿四千零四万 is left whole to cn2an
            for ch in mantissa[len(head) :]:
                magnitude *= self.magnitudes[ch]
            mantissa = head
        if not mantissa:
            return None
        digits_only = None
        if all(c in self.digit_values or "0" <= c <= "9" for c in mantissa):
            digits_only = "".join(
                str(self.digit_values[c]) if c in self.digit_values else c for c in mantissa
            )
        low = high = None
        pair = self._pair(mantissa)
        if pair is not None:
            low, high, unit_value = pair
            low *= magnitude
            high *= magnitude
            value = low
            precision = unit_value * magnitude
            decimal = False
        else:
            read = self._mantissa(mantissa)
            if read is None:
                return None
            value, precision = read
            value *= magnitude
            precision *= magnitude
            decimal = "." in mantissa or "点" in mantissa
        int_digits = len(mantissa.split(".")[0]) if arabic and mantissa.replace(".", "").isdigit() else 0
        return Numeral(
            value=value, precision=precision, magnitude=magnitude, suffix=suffix, arabic=arabic,
            chinese_unit=chinese_unit, length=length, int_digits=int_digits, decimal=decimal,
            fuzzy=fuzzy, big_inside=any(c in self.big for c in mantissa), digits_only=digits_only,
            low=low, high=high,
        )  # fmt: skip

    def _pair(self, mantissa: str) -> tuple[Decimal, Decimal, Decimal] | None:
        """八九 / 三五百 / 七八十: two Chinese digits for a range, then their unit."""
        if len(mantissa) < 2 or mantissa[0] not in self.digit_values or mantissa[1] not in self.digit_values:
            return None
        a, b = self.digit_values[mantissa[0]], self.digit_values[mantissa[1]]
        rest = mantissa[2:]
        if not (0 < a < b) or any(c not in self.small for c in rest):
            return None
        unit = self.product(rest) or Decimal(1)
        return Decimal(a) * unit, Decimal(b) * unit, unit

    def _mantissa(self, mantissa: str) -> tuple[Decimal, Decimal] | None:
        if "兆" in mantissa and "兆" in self.magnitudes:
            # cn2an stops at 亿: 五兆六十二亿 = 5 * 10^12 + 62亿
            head, _, tail = mantissa.partition("兆")
            left = self._mantissa(head)
            if left is None:
                return None
            right = self._mantissa(tail) if tail else (Decimal(0), Decimal(1))
            if right is None:
                return None
            scale = self.magnitudes["兆"]
            total = left[0] * scale + right[0]
            return total, (right[1] if tail else left[1] * scale)
        if (
            mantissa.replace(".", "", 1).isdigit()
            and not mantissa.startswith(".")
            and not mantissa.endswith(".")
        ):
            value = Decimal(mantissa)
        else:
            if "." in mantissa and not all(
                c.isdigit() or c == "." for c in mantissa.split("万")[0].split("亿")[0]
            ):
                return None
            read = cn_value(mantissa)
            if read is None:
                return None
            value = read
        return value, precision_of(mantissa, value)


def precision_of(mantissa: str, value: Decimal) -> Decimal:
    """One unit of the last written digit: 86.1 -> 0.1, 1758 -> 1, 2000 -> 1000, 3万4000 -> 1000."""
    for point in (".", "点"):
        if point in mantissa:
            decimals = sum(1 for c in mantissa.rsplit(point, 1)[1] if not c.isspace())
            return Decimal(1).scaleb(-decimals)
    whole = abs(int(value))
    if whole == 0:
        return Decimal(1)
    zeros = len(str(whole)) - len(str(whole).rstrip("0"))
    return Decimal(1).scaleb(zeros)

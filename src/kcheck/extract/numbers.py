"""The number pass: every figure in a folded sentence, with its unit and qualifier.

``NumberFinder(rules).find(folded)`` walks the sentence once with one precompiled regular
expression whose alternatives are, in order of preference at each position: things made of
digits that are not figures (dates, phone numbers, slogans like 百亿补贴), fractions
(百分之86.1, 三分之一) and figures (``超过200亿元``, ``9000亿元至9700亿元``, ``2000多万``).
Each match is then checked and converted: the numeral by ``numerals.NumeralReader`` (cn2an
for Chinese numerals), the qualifier read back from the text just before the figure, the
interval from the written precision and the qualifier. Every word list comes from
rules/units.yaml and rules/qualifiers.yaml.

Intervals (``low``/``high``; None = unbounded): a plain figure covers half a unit of its
last written digit either side (1758亿 -> 1757.5亿..1758.5亿, so 1758.87亿 agrees); 约/左右
widen that by ``approx_tolerance`` of the value; 近 reaches ``near_tolerance`` below;
超过/以上 open the upper side; 多/余/几 reach one unit of the last written digit further
(2000多万 -> 2000万..3000万, 十余万 -> 10万..20万); a range (40-50元) is its two ends.

What is deliberately *not* a figure: dates, times and durations (2021年, 7个月: the time
pass reads them), ordinals (第三), single Chinese digits inside words (一直, 三四五线), codes
and phone numbers, and bare magnitude words without a qualifier (百万商家, 千万用户). A
plain number without unit or magnitude is returned only when it could be a figure at all
(four or more digits, or a decimal) and is marked ``bare``.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from kcheck.extract.numerals import Numeral, NumeralReader, cn_value, is_cjk
from kcheck.extract.types import Quantity
from kcheck.models import Dimension
from kcheck.rules import QualifierRule, RuleSet, UnitsSection
from kcheck.text.patterns import NEVER, alternation

_ARABIC = r"[0-9]+(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_INCLUDED = r"(?: *\(含\))?"  # 50万元(含)以上
_ASCII_DIGIT = re.compile("[0-9]")
_ZERO, _ONE, _MINUS_ONE = Decimal(0), Decimal(1), Decimal(-1)


def _first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, or None when that is not known.

    Read from the regular expression's parse tree (``re._parser``, ``sre_parse`` before
    Python 3.11; private, so any surprise just means None): literals, classes of literals and
    small ranges, alternatives, groups and repeats of at least one.
    """
    try:
        parser: Any = importlib.import_module("re._parser")
    except ImportError:  # pragma: no cover - Python 3.10
        parser = importlib.import_module("sre_parse")
    try:
        tree = parser.parse(pattern)
        if tree.state.flags & re.IGNORECASE:
            return None
        found = _firsts(parser, list(tree))
    except Exception:  # an unexpected parse tree only costs the speed-up, never a result
        return None
    return frozenset(found) if found else None


def _firsts(parser: Any, items: list[tuple[Any, Any]]) -> set[str] | None:
    if not items:
        return None
    op, av = items[0]
    if op is parser.LITERAL:
        return {chr(av)}
    if op is parser.IN:
        chars: set[str] = set()
        for item_op, item_av in av:
            if item_op is parser.LITERAL:
                chars.add(chr(item_av))
            elif item_op is parser.RANGE and item_av[1] - item_av[0] < 2048:
                chars.update(chr(c) for c in range(item_av[0], item_av[1] + 1))
            else:
                return None  # a negated class or a category (\d, \w): anything
        return chars
    if op is parser.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _firsts(parser, list(branch))
            if found is None:
                return None
            union |= found
        return union
    if op is parser.SUBPATTERN:
        return _firsts(parser, list(av[-1]))
    if op in (parser.MAX_REPEAT, parser.MIN_REPEAT) and av[0] >= 1:
        return _firsts(parser, list(av[2]))
    return None


def _scoped(pattern: str) -> str:
    """``pattern`` as a group of a larger expression: (?i)x becomes (?i:x)."""
    flags = re.match(r"\(\?([aiLmsux]+)\)", pattern)
    if flags:
        return f"(?{flags.group(1)}:{pattern[flags.end() :]})"
    return f"(?:{pattern})"


def _first_class(words: list[str]) -> str:
    """A character class of the first characters of ``words`` (none empty)."""
    return "[" + "".join(re.escape(c) for c in sorted({w[0] for w in words})) + "]"


def _optional(body: str, first: str | None) -> str:
    """``(?:body)?``, written ``(?:(?=first)body|)`` when every match of ``body`` starts with a
    character of the class ``first``: the same matches, tried in the same order, but where
    ``body`` cannot start the regex engine spends one character test instead of entering a
    repeat and trying each alternative (the number pass's regex time: 743 -> 622
    instructions per character of the corpus)."""
    return f"(?:(?={first}){body}|)" if first else f"(?:{body})?"


def _is_ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def as_money(q: Quantity, code: str) -> Quantity:
    """The same figure read as an amount of money in ``code`` (14.2亿 in a GMV sentence)."""
    return replace(q, unit=code, dimension=Dimension.MONEY, currency_implicit=True, bare=False)


# --------------------------------------------------------------------------- units and qualifiers


@dataclass(frozen=True)
class _Unit:
    kind: str  # money, percent, points, multiple, tenths, discount, counter, time
    code: str | None  # ISO code, '%', 'pp', 'x', the counter word


@dataclass(frozen=True)
class _Qual:
    word: str
    rule: QualifierRule


@dataclass(slots=True)
class _Part:
    """One side of a figure: numeral, unit, qualifier after it."""

    start: int  # of the numeral
    token_end: int  # of the numeral (and its k / w)
    core_end: int  # after unit and minor units
    end: int  # after the qualifier after it, if any
    num: Numeral
    unit_word: str | None
    unit: _Unit | None
    post: _Qual | None
    minor: Decimal  # 角/分 after 元
    minor_precision: Decimal | None


@dataclass(slots=True)
class _Prefix:
    start: int
    negative: bool = False
    currency: str | None = None
    quals: tuple[_Qual, ...] = ()  # in text order
    qual_starts: tuple[int, ...] = ()
    currency_start: int | None = None
    blocked: bool = False
    letter_before: bool = False


class NumberFinder:
    """Finds every figure in a folded sentence. Build once per rule set; ``find`` is pure."""

    def __init__(self, rules: RuleSet) -> None:
        units, quals = rules.units, rules.qualifiers
        self.approx_tolerance = Decimal(str(quals.approx_tolerance))
        self.near_tolerance = Decimal(str(quals.near_tolerance))
        self.rounding_cap = Decimal(str(quals.rounding_cap))

        # --- units
        self.units: dict[str, _Unit] = {}
        generic_cny: list[str] = []
        specific: list[str] = []
        plain_currency = set(units.plain_currency_words)
        for code, words in units.currencies.items():
            for w in words:
                self.units[w] = _Unit("money", code)
                if code == units.default_currency and w in plain_currency:
                    generic_cny.append(w)
                else:
                    specific.append(w)
        self.generic_cny = set(generic_cny)
        for kind, words, code in (
            ("percent", units.percent, "%"),
            ("points", units.points, "pp"),
            ("basis_points", units.basis_points, "pp"),
            ("multiple", units.multiples, "x"),
            ("tenths", units.tenths, "%"),
            ("discount", units.discounts, "%"),
        ):
            for w in words:
                self.units[w] = _Unit(kind, code)
        for w in units.counters:
            self.units.setdefault(w, _Unit("counter", w))
        for w in units.not_counters:
            self.units[w] = _Unit("time", None)
        other_units = [w for w in self.units if w not in self.generic_cny]
        self.counter_words = set(units.counters)
        self.blockers = {w: re.compile(p) for w, p in units.unit_blockers.items()}
        self.order_of_magnitude = tuple(units.order_of_magnitude)
        self.codes = re.compile("|".join(f"(?:{p})" for p in units.code_patterns) or r"(?!)")

        # --- qualifiers
        self.before: dict[str, tuple[str, object]] = {}
        self.after: dict[str, _Qual] = {}
        infix = ""
        for rule in quals.qualifiers.values():
            for w in rule.words:
                if rule.position == "after":
                    self.after[w] = _Qual(w, rule)
                    if rule.within_step and len(w) == 1:
                        infix += w
                else:
                    self.before[w] = ("qual", _Qual(w, rule))
        for w in quals.false_friends:
            self.before.setdefault(w, ("false", None))
        for w in quals.fillers:
            self.before.setdefault(w, ("filler", None))
        for code, words in units.currencies.items():
            for w in words:
                if w not in self.generic_cny:
                    self.before.setdefault(w, ("currency", code))
        for symbol, code in units.currency_symbols.items():
            self.before.setdefault(symbol, ("currency", code))
        for w in units.not_before:
            self.before.setdefault(w, ("block", None))
        self.before_last_chars = frozenset(w[-1] for w in self.before)
        # by last character: the lengths of the words ending with it, longest first
        self.before_lengths = {
            ch: tuple(sorted({len(w) for w in self.before if w[-1] == ch}, reverse=True))
            for ch in self.before_last_chars
        }
        self.false_after = [w for w in quals.false_friends]
        post_words = [w for w in self.after if not (len(w) == 1 and w in infix)]
        self.connectors = set(quals.bound_connectors)
        self.between = set(quals.between_separators)

        # --- the numeral grammar
        self.reader = NumeralReader(units.magnitudes, units.numeral_aliases, infix, units.small_units)
        self.signs = frozenset([*units.minus_signs, *units.negative_words])
        self.negative_words = frozenset(units.negative_words)
        self.minor_units = {w: Decimal(str(share)) for w, share in units.minor_units.items()}
        small = self.reader.small
        tens = "".join(k for k, v in units.small_units.items() if v == 10)
        hundreds = self.reader.hundreds
        self.cn_digit_set = frozenset(self.reader.digits + "".join(units.numeral_aliases))
        cn = self.reader.digits + "".join(units.numeral_aliases)
        big = self.reader.big
        ascii_mag = re.escape(self.reader.ascii_mag) if self.reader.ascii_mag else ""
        numeral_char = f"[{cn}{small}{big}]"
        start = f"(?:{_ARABIC}|[{cn}{tens}]|[{hundreds}{big}](?! *分)|[几数](?= *[{small}{big}]))"
        inner = (
            f"(?:[{cn}]|(?<=[{cn}{small}点]) +[{cn}]|(?<=[{big}]) +[{cn}](?= *[{small}])"
            f"| *[{tens}]| *[{hundreds}{big}](?! *分)"
            f"| *点(?= *[{cn}0-9])"
            + (f"| *[{re.escape(infix)}]" if infix else "")
            + f"|个(?= *[{re.escape(infix)}]? *[{big}])"
            f"|(?<={numeral_char})(?:{_ARABIC})"
            f"|(?<={numeral_char}) +(?:{_ARABIC})(?= *[{small}{big}]))"
        )
        # every alternative of ``inner`` starts with one of these characters (or a space)
        inner_first = f"[ {cn}{tens}{hundreds}{big}点{re.escape(infix)}个0-9]"
        token = (
            start
            + f"(?:(?={inner_first}){inner}+|)"  # (?:inner)*, see _optional
            + (f"(?:(?<=[0-9])[{ascii_mag}](?![A-Za-z]))?" if ascii_mag else "")
        )
        minor_digit = f"[0-9{cn}]"
        minor = (
            f"(?:{minor_digit}(?:{self._minor_words(units, 0.1)}))?"
            f"(?:{minor_digit}(?:{self._minor_words(units, 0.01)}))?"
            f"(?:{alternation(units.minor_unit_endings)})?"
        )

        unit_words = [*generic_cny, *other_units]
        unit_first = (
            _first_class([" ", *unit_words]) if generic_cny and other_units and all(unit_words) else None
        )
        post_first = _first_class([" ", *post_words]) if post_words and all(post_words) else None

        def part(i: int) -> str:
            units = (
                f" *(?:(?P<ua{i}>{alternation(generic_cny)})(?: *(?P<c{i}>{alternation(specific)}))?"
                f"(?P<m{i}>{minor})|(?P<ub{i}>{alternation(other_units)}))"
            )
            post = f" *(?P<q{i}>{alternation(post_words)})"
            return f"(?P<n{i}>{token}){_optional(units, unit_first)}{_INCLUDED}{_optional(post, post_first)}"

        separators = alternation([*quals.range_separators, *quals.between_separators])
        closers = alternation(quals.between_closers)
        range_words = [*quals.range_separators, *quals.between_separators]
        range_first = _first_class([" ", "(", *range_words]) if range_words and all(range_words) else None
        second = f"{_INCLUDED} *(?P<sep>{separators}) *{part(2)}(?P<btw> *(?:{closers}))?"
        fig = f"{part(1)}{_optional(second, range_first)}"
        frac = (
            f"(?P<fd>[0-9]+|[{cn}{small}{big}]+) *分 *之 *(?P<fn>{token})"
            f"{_INCLUDED}(?: *(?P<fq>{alternation(post_words)}))?"
        )
        # a plain number before a time word is a date or a duration (2021年, 3月1日, 7个月): skipped
        # here in the regex, so the Python side never sees the commonest non-figures
        times = "|".join(
            re.escape(w) + (f"(?!{units.unit_blockers[w]})" if w in units.unit_blockers else "")
            for w in sorted(units.not_counters, key=lambda w: (-len(w), w))
        )
        # Skipped (matched, then dropped): the rules' patterns, tried first at every position;
        # then, only where a numeral can start, slogans, dates and durations, fractions, figures
        own_skip = "|".join(
            [
                *([alternation(units.not_figures)] if units.not_figures else []),
                *([f"(?:[0-9]+|[{cn}{tens}]+) *(?:{times})"] if times else []),
            ]
        )
        first = "".join(
            sorted({*"0123456789", *cn, *small, *big, "几", "数"} | {w[0] for w in units.not_figures})
        )
        # The guard (?=[first]) lets the regex engine step over text where nothing can start
        # (most of a sentence) at the cost of one character test; a rules pattern whose first
        # characters cannot be worked out is tried before the guard, at every position.
        patterns = [_scoped(p) for p in units.not_figure_patterns]
        starts = [_first_chars(p) for p in units.not_figure_patterns]
        guarded = [p for p, f in zip(patterns, starts, strict=True) if f is not None]
        unguarded = [p for p, f in zip(patterns, starts, strict=True) if f is None]
        first += "".join(sorted({c for f in starts if f is not None for c in f} - set(first)))
        own = "|".join([*guarded, *([f"(?P<skip>{own_skip})"] if own_skip else [])])
        body = f"(?:{own + '|' if own else ''}(?P<frac>{frac})|(?P<fig>{fig}))"
        self.pattern = re.compile(
            (f"(?:{'|'.join(unguarded)})|" if unguarded else "") + f"(?=[{re.escape(first)}]){body}"
        )
        index = self.pattern.groupindex
        self.groups = {i: tuple(index[f"{g}{i}"] for g in ("n", "ua", "ub", "c", "m")) for i in (1, 2)}
        self.post_pattern = re.compile(f"{_INCLUDED} *(?P<q>{alternation(post_words)})")

    @staticmethod
    def _minor_words(units: UnitsSection, share: float) -> str:
        """The minor units worth ``share`` of the currency unit (角, 毛), each unless a word after
        it makes a duration (分钟: not_counters)."""
        words = sorted((w for w, s in units.minor_units.items() if s == share), key=lambda w: (-len(w), w))
        parts = []
        for w in words:
            rests = [nc[len(w) :] for nc in units.not_counters if nc.startswith(w) and nc != w]
            parts.append(re.escape(w) + (f"(?!{alternation(rests)})" if rests else ""))
        return "|".join(parts) or NEVER

    # ------------------------------------------------------------------ the pass

    def find(self, folded: str) -> list[Quantity]:
        """Every figure in ``folded`` (a sentence after normalise.fold), left to right."""
        out: list[Quantity] = []
        pos = 0
        floor = 0
        search = self.pattern.search
        while True:
            m = search(folded, pos)
            if m is None:
                break
            if m.start("fig") < 0 and m.start("frac") < 0:  # skipped: not a figure
                pos = max(m.end(), m.start() + 1)
                floor = pos
                continue
            if m.start("frac") >= 0:
                q = self._fraction(folded, m, floor)
                pos = max(m.end(), m.start() + 1)
            elif self._plainly_not_a_figure(folded, m, floor):
                pos = floor = m.end()
                continue
            else:
                q, pos = self._figure(folded, m, floor)
            if q is not None:
                out.append(q)
                floor = q.end
            floor = max(floor, pos) if q is None else floor
        return self._merge_bounds(folded, out)

    def _plainly_not_a_figure(self, s: str, m: re.Match[str], floor: int) -> bool:
        """Fast path for the commonest matches: 一 in 一直, 3 in 第3 or 3家 without anything."""
        if m.group("ua1") or m.group("ub1") or m.group("sep") is not None:
            return False
        start, end = m.span("n1")
        if end - start == 1 and s[start] in self.cn_digit_set:
            return True  # a Chinese digit alone: 一直, 三大, 之一
        if end - start <= 3 and s[start:end].isdigit() and m.group("q1") is None and end == m.end():
            p = start
            while p > floor and s[p - 1] == " ":
                p -= 1
            return p == floor or (s[p - 1] not in self.before_last_chars and s[p - 1] not in self.signs)
        return False

    # ------------------------------------------------------------------ pieces

    def _part(self, s: str, m: re.Match[str], i: int) -> _Part | None:
        g_num, g_cny, g_unit, g_cur, g_minor = self.groups[i]
        start, token_end = m.span(g_num)
        text = s[start:token_end]
        trimmed = self._trim(text)
        if trimmed != text:
            # 5亿一举: the Chinese digit starts the next word; the unit after it is not ours
            token_end = start + len(trimmed)
            num = self.reader.read(trimmed)
            if num is None:
                return None
            after = self._post_at(s, token_end)
            qual, end = after if after is not None else (None, token_end)
            return _Part(start, token_end, token_end, end, num, None, None, qual, _ZERO, None)
        num = self.reader.read(text)
        if num is None:
            return None
        cny = m.group(g_cny)
        unit_word = cny or m.group(g_unit)
        unit = self.units.get(unit_word) if unit_word else None
        end = m.end(g_cny) if cny else m.end(g_unit) if unit_word else token_end
        minor = _ZERO
        minor_precision = None
        if cny:
            if m.group(g_cur):
                unit_word = m.group(g_cur)
                unit = self.units[unit_word]
            minor_text = m.group(g_minor)
            if minor_text:
                minor, minor_precision = self._minor(minor_text)
            end = m.end(g_minor)
        post = None
        if unit_word is not None and unit is not None:
            blocker = self.blockers.get(cny or unit_word)
            if (minor_precision is None and blocker is not None and blocker.match(s, end)) or (
                unit.kind in ("tenths", "discount")
                and self._percent_words(num, unit) is None
                and not (unit.kind == "tenths" and num.high is not None and num.high <= 10)
            ):
                unit_word, unit, end = None, None, token_end
                minor, minor_precision = _ZERO, None
        core_end = end
        found = self._post_at(s, end)
        if found is not None:
            post, end = found
        if (
            unit is None
            and post is None
            and text[-1] in self.reader.ascii_mag
            and is_cjk(s[token_end : token_end + 1])
        ):
            return None  # 4K电视, 65W充电器: a letter unit, not a thousand or ten thousand
        return _Part(start, token_end, core_end, end, num, unit_word, unit, post, minor, minor_precision)

    def _trim(self, token: str) -> str:
        """Drop Chinese digits glued after an Arabic figure's magnitude (5亿一举 -> 5亿)."""
        if token[-1] not in self.cn_digit_set or _ASCII_DIGIT.search(token) is None:
            return token
        cut = len(token)
        while cut > 0 and (token[cut - 1] in self.cn_digit_set or token[cut - 1] == " "):
            cut -= 1
        if cut < len(token) and cut > 0 and token[cut - 1] in self.reader.big:
            return token[:cut]
        return token

    def _post_at(self, s: str, at: int) -> tuple[_Qual, int] | None:
        """A qualifier written right after the figure (60%以上, 40元左右) and where it ends."""
        pm = self.post_pattern.match(s, at)
        if pm is None:
            return None
        post = self._post(s, pm.start("q"), pm.group("q"))
        return (post, pm.end()) if post is not None else None

    def _post(self, s: str, at: int, word: str) -> _Qual | None:
        if word.isascii() and s[at + len(word) : at + len(word) + 1].isdigit():
            return None  # 1+1, 3>2: arithmetic, not a qualifier
        for ff in self.false_after:
            if len(ff) > len(word) and s.startswith(ff, at) and ff.startswith(word):
                return None
        return self.after.get(word)

    def _minor(self, text: str) -> tuple[Decimal, Decimal | None]:
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

    def _percent_words(self, num: Numeral, unit: _Unit) -> tuple[Decimal, Decimal] | None:
        """七成 -> 70, 八折 -> 80, 75折 -> 75; None when the word is not a share here."""
        if num.has_magnitude or num.fuzzy or num.value <= 0:
            return None
        if unit.kind == "discount" and num.digits_only is not None and len(num.digits_only) == 2:
            return Decimal(num.digits_only), Decimal(1)  # 75折, 三八折: two digits as written
        if num.low is not None or num.value > 10 or (unit.kind == "discount" and num.value >= 10):
            return None
        return num.value * 10, num.precision * 10

    def _word_before(self, s: str, p: int, floor: int) -> tuple[int, tuple[str, object]] | None:
        """The longest rules word (qualifier, currency, filler, ...) ending at ``p``."""
        if p <= floor:
            return None
        for length in self.before_lengths.get(s[p - 1], ()):
            if p - length >= floor:
                entry = self.before.get(s[p - length : p])
                if entry is not None:
                    return length, entry
        return None

    def _look_back(self, s: str, start: int, floor: int) -> _Prefix:
        pre = _Prefix(start)
        p = start
        found = first = self._word_before(s, p, floor)
        if found is not None and found[1][0] == "block":
            pre.blocked = True  # ordinals and names: 第三, 双11
            return pre
        if p > floor:
            prev = s[p - 1]
            pre.letter_before = _is_ascii_letter(prev) or (
                prev == " " and p - 2 >= floor and _is_ascii_letter(s[p - 2])
            )
            if prev in self.signs:
                before = s[p - 2] if p - 2 >= floor else ""
                glued = before.isascii() and before.isalnum()  # x-1, 2021-2: a hyphen
                after_numeral = bool(before) and (before.isdigit() or before in self.reader.digits)
                if (prev in self.negative_words or not glued) and not after_numeral:
                    pre.negative = True
                    p -= 1
        quals: list[_Qual] = []
        starts: list[int] = []
        filler_ok = True
        for _ in range(5):
            while p > floor and s[p - 1] == " ":
                p -= 1
            found = first if p == start else self._word_before(s, p, floor)
            if found is None:
                break
            length, (kind, payload) = found
            if kind == "qual" and isinstance(payload, _Qual) and len(quals) < 2:
                quals.append(payload)
                p -= length
                starts.append(p)
            elif kind == "currency" and pre.currency is None and isinstance(payload, str):
                pre.currency = payload
                p -= length
                pre.currency_start = p
            elif kind == "filler" and not quals and filler_ok:
                filler_ok = False  # 超过了200亿: one filler, and only before a qualifier counts
                p -= length
            else:
                break
        pre.quals = tuple(reversed(quals))
        pre.qual_starts = tuple(reversed(starts))
        return pre

    def _start(self, pre: _Prefix, start: int, quals: list[_Qual]) -> int:
        """Where the quote begins: the kept qualifiers, the currency word, the sign."""
        begin = start - (1 if pre.negative else 0)
        for q, at in zip(pre.quals, pre.qual_starts, strict=True):
            if q in quals:
                begin = min(begin, at)
        if pre.currency_start is not None:
            begin = min(begin, pre.currency_start)
        return begin

    def _skip_token(self, s: str, part: _Part, pre: _Prefix) -> bool:
        """Things that read like numbers but are not figures at all."""
        if pre.blocked:
            return True
        nxt = s[part.token_end] if part.token_end < len(s) else ""
        last = s[part.token_end - 1]
        if _is_ascii_letter(nxt) and last.isdigit() and not (part.unit_word and part.unit_word[0] == nxt):
            return True  # 5G, 3C (Q3财报 is handled by letter_before)
        if part.num.arabic and (
            (part.start > 0 and s[part.start - 1] == ".")
            or (s.startswith(".", part.token_end) and s[part.token_end + 1 : part.token_end + 2].isdigit())
        ):
            return True  # 1.2.3, 192.168.1.1, .5: dotted identifiers
        # 亿级, 千亿级: an order of magnitude
        return part.num.has_magnitude and s.startswith(self.order_of_magnitude, part.token_end)

    # ------------------------------------------------------------------ single figures

    def _figure(self, s: str, m: re.Match[str], floor: int) -> tuple[Quantity | None, int]:
        p1 = self._part(s, m, 1)
        if p1 is None:
            return None, max(m.end("n1"), m.start() + 1)
        if m.group("sep") is not None:
            p2 = self._part(s, m, 2)
            if p2 is not None:
                q = self._range(s, m, p1, p2, floor)
                if q is not None:
                    return q, m.end()
            return self._single(s, p1, floor), max(p1.end, m.start() + 1)
        return self._single(s, p1, floor), max(m.end(), m.start() + 1)

    def _single(self, s: str, part: _Part, floor: int) -> Quantity | None:
        num, unit = part.num, part.unit
        if part.unit_word in self.counter_words and num.length == 1 and not num.arabic and num.value == 1:
            return None  # 一家, 一位, 这一块: an article, not a count
        pre = self._look_back(s, part.start, floor)
        if self._skip_token(s, part, pre):
            return None
        end = part.end
        if unit is not None and unit.kind == "time":
            if not num.has_magnitude:
                return None  # 2021年, 7个月, 3月1日
            unit, end = None, part.token_end  # 3亿日活: the magnitude says it is a figure
        quals = [q for q in pre.quals if not q.rule.magnitude_only or num.leading_magnitude]
        start = self._start(pre, part.start, quals)
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
        code, dimension = self._unit_code(unit, part.unit_word, pre.currency)
        value, precision = num.value, num.precision
        pair = (num.low, num.high) if num.low is not None and num.high is not None else None
        if unit is not None and unit.kind in ("tenths", "discount"):
            read = self._percent_words(num, unit)
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
        bare = code is None and not num.has_magnitude and not all_quals and not fuzzy and num.low is None
        if bare and not self._bare_is_figure(s, part, pre):
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
            low, high = self._bounds(point, precision, all_quals, fuzzy, written)
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

    def _unit_code(
        self, unit: _Unit | None, word: str | None, currency: str | None
    ) -> tuple[str | None, Dimension]:
        """The claim's unit and dimension; a currency before the number wins over a plain 元."""
        if unit is not None and unit.kind == "money":
            code = currency if currency is not None and word in self.generic_cny else unit.code
            return code, Dimension.MONEY
        if unit is None:
            return (currency, Dimension.MONEY) if currency is not None else (None, Dimension.COUNT)
        return unit.code, _DIMENSIONS[unit.kind]

    def _bare_is_figure(self, s: str, part: _Part, pre: _Prefix) -> bool:
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

    def _bounds(
        self,
        value: Decimal,
        precision: Decimal,
        quals: list[_Qual],
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

    # ------------------------------------------------------------------ fractions and ranges

    def _fraction(self, s: str, m: re.Match[str], floor: int) -> Quantity | None:
        """百分之86.1, 三分之一, 千分之2.4: a share, in percent units."""
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
        pre = self._look_back(s, m.start("fd"), floor)
        if pre.blocked:
            return None
        quals = [q for q in pre.quals if not q.rule.magnitude_only]
        post = self._post(s, m.start("fq"), m.group("fq")) if m.group("fq") else None
        all_quals = [*quals, *([post] if post is not None else [])]
        sign = _MINUS_ONE if pre.negative else _ONE
        value = num.value / den * 100 * sign
        precision = num.precision / den * 100
        low, high = self._bounds(value, precision, all_quals, None)
        words = [q.word for q in all_quals]
        return Quantity(
            start=self._start(pre, m.start(), quals),
            end=m.end() if post is not None else m.end("fn"),
            value=float(value),
            low=float(low) if low is not None else None,
            high=float(high) if high is not None else None,
            unit="%",
            dimension=Dimension.PERCENT,
            precision=float(precision),
            qualifier="…".join(words) if words else None,
        )

    def _range(self, s: str, m: re.Match[str], p1: _Part, p2: _Part, floor: int) -> Quantity | None:
        """9000亿元至9700亿元, 40-50元, 两到三万, 20和30之间: one interval."""
        if m.group("sep") in self.between and not m.group("btw"):
            return None
        u1, u2 = p1.unit, p2.unit
        if (u1 is not None and u1.kind == "time") or (u2 is not None and u2.kind == "time"):
            return None
        if u1 is not None and u2 is not None and (u1.kind, u1.code) != (u2.kind, u2.code):
            return None
        pre = self._look_back(s, p1.start, floor)
        if pre.blocked or self._skip_token(s, p1, pre) or self._skip_token(s, p2, _Prefix(p2.start)):
            return None
        if p1.num.leading_magnitude or p2.num.leading_magnitude:
            return None
        unit = u2 or u1
        unit_word = p2.unit_word or p1.unit_word
        lo = p1.num.low if p1.num.low is not None else p1.num.value
        hi = p2.num.high if p2.num.high is not None else p2.num.value
        prec1, prec2 = p1.num.precision, p2.num.precision
        if not p1.num.has_magnitude and p2.num.suffix:
            scale = self._shared_scale(lo, hi, p2.num.suffix)
            lo, prec1 = lo * scale, prec1 * scale
        if unit is not None and unit.kind in ("tenths", "discount"):
            a = self._percent_words(replace(p1.num, value=lo, precision=prec1), unit)
            b = self._percent_words(p2.num, unit)
            if a is None or b is None:
                return None
            (lo, prec1), (hi, prec2) = a, b
        if unit is not None and unit.kind == "basis_points":
            lo, hi, prec1, prec2 = lo / 100, hi / 100, prec1 / 100, prec2 / 100
        if pre.negative:
            lo = -lo
        if not lo < hi:
            return None
        code, dimension = self._unit_code(unit, unit_word, pre.currency)
        bare = code is None and not p1.num.has_magnitude and not p2.num.has_magnitude
        between = m.group("sep") in self.between  # 20和30之间 says it is a range
        figures = self._bare_is_figure(s, p1, pre) and self._bare_is_figure(s, p2, _Prefix(p2.start))
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
            start=self._start(pre, p1.start, quals),
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

    def _shared_scale(self, low: Decimal, high: Decimal, suffix: str) -> Decimal:
        """两到三万: the low end takes the largest trailing unit of the high end that fits."""
        best = Decimal(1)
        for i in range(len(suffix)):
            scale = self.reader.product(suffix[i:])
            if scale is not None and low * scale <= high and scale > best:
                best = scale
        return best

    def _merge_bounds(self, s: str, found: list[Quantity]) -> list[Quantity]:
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

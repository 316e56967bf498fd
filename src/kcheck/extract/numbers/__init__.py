"""The number pass: every figure in a folded sentence, with its unit and qualifier.

``NumberFinder(rules).find(folded)`` walks the sentence once with one precompiled regular
expression whose alternatives are, in order of preference at each position: things made of
digits that are not figures (dates, phone numbers, slogans like 百亿补贴), fractions
(百分之86.1, 三分之一) and figures (``超过200亿元``, ``9000亿元至9700亿元``, ``2000多万``).
Each match is then checked and its parts found (``parts``: the numeral, read by
``numerals.NumeralReader``, the unit, the qualifier after it, and the words read back from
the text just before the figure); ``values.ValueReader`` then reads what the figure is
worth (interval, unit, dimension). This module finds spans; ``values`` reads values, as
Recognizers-Text separates its extractors from its parsers; ``grammar`` holds the regex
building. Every word list comes from rules/units.yaml and rules/qualifiers.yaml.

What is deliberately *not* a figure: dates, times and durations (2021年, 7个月: the time
pass reads them), ordinals (第三), single Chinese digits inside words (一直, 三四五线), codes
and phone numbers, and bare magnitude words without a qualifier (百万商家, 千万用户). A
plain number without unit or magnitude is returned only when it could be a figure at all
(four or more digits, or a decimal) and is marked ``bare``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from kcheck.extract.numbers.grammar import first_chars, scoped
from kcheck.extract.numbers.parts import Part, Prefix, Qual, Unit
from kcheck.extract.numbers.values import ValueReader
from kcheck.extract.numerals import Numeral, NumeralReader, is_cjk
from kcheck.extract.types import Quantity
from kcheck.models import Dimension
from kcheck.rules import RuleSet, UnitsSection
from kcheck.text.patterns import NEVER, alternation

_ARABIC = r"[0-9]+(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_INCLUDED = r"(?: *\(含\))?"  # 50万元(含)以上
_ASCII_DIGIT = re.compile("[0-9]")
_ZERO = Decimal(0)


def _is_ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def as_money(q: Quantity, code: str) -> Quantity:
    """The same figure read as an amount of money in ``code`` (14.2亿 in a GMV sentence)."""
    return replace(q, unit=code, dimension=Dimension.MONEY, currency_implicit=True, bare=False)


# --------------------------------------------------------------------------- units and qualifiers


class NumberFinder:
    """Finds every figure in a folded sentence. Build once per rule set; ``find`` is pure."""

    def __init__(self, rules: RuleSet) -> None:
        units, quals = rules.units, rules.qualifiers
        approx_tolerance = Decimal(str(quals.approx_tolerance))
        near_tolerance = Decimal(str(quals.near_tolerance))
        rounding_cap = Decimal(str(quals.rounding_cap))

        # --- units
        self.units: dict[str, Unit] = {}
        generic_cny: list[str] = []
        specific: list[str] = []
        plain_currency = set(units.plain_currency_words)
        for code, words in units.currencies.items():
            for w in words:
                self.units[w] = Unit("money", code)
                if code == units.default_currency and w in plain_currency:
                    generic_cny.append(w)
                else:
                    specific.append(w)
        plain_cny = frozenset(generic_cny)
        for kind, words, code in (
            ("percent", units.percent, "%"),
            ("points", units.points, "pp"),
            ("basis_points", units.basis_points, "pp"),
            ("multiple", units.multiples, "x"),
            ("tenths", units.tenths, "%"),
            ("discount", units.discounts, "%"),
        ):
            for w in words:
                self.units[w] = Unit(kind, code)
        for w in units.counters:
            self.units.setdefault(w, Unit("counter", w))
        for w in units.not_counters:
            self.units[w] = Unit("time", None)
        other_units = [w for w in self.units if w not in plain_cny]
        counter_words = set(units.counters)
        self.blockers = {w: re.compile(p) for w, p in units.unit_blockers.items()}
        self.order_of_magnitude = tuple(units.order_of_magnitude)
        codes = re.compile("|".join(f"(?:{p})" for p in units.code_patterns) or r"(?!)")

        # --- qualifiers
        self.before: dict[str, tuple[str, object]] = {}
        self.after: dict[str, Qual] = {}
        infix = ""
        for rule in quals.qualifiers.values():
            for w in rule.words:
                if rule.position == "after":
                    self.after[w] = Qual(w, rule)
                    if rule.within_step and len(w) == 1:
                        infix += w
                else:
                    self.before[w] = ("qual", Qual(w, rule))
        for w in quals.false_friends:
            self.before.setdefault(w, ("false", None))
        for w in quals.fillers:
            self.before.setdefault(w, ("filler", None))
        for code, words in units.currencies.items():
            for w in words:
                if w not in plain_cny:
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
        connectors = set(quals.bound_connectors)
        between = set(quals.between_separators)

        # --- the numeral grammar
        self.reader = NumeralReader(units.magnitudes, units.numeral_aliases, infix, units.small_units)
        self.signs = frozenset([*units.minus_signs, *units.negative_words])
        self.negative_words = frozenset(units.negative_words)
        minor_units = {w: Decimal(str(share)) for w, share in units.minor_units.items()}
        small = self.reader.small
        tens = "".join(k for k, v in units.small_units.items() if v == 10)
        hundreds = self.reader.hundreds
        self.cn_digit_set = frozenset(self.reader.digits + "".join(units.numeral_aliases))
        # 一 and the numerals read as it: before a counter (一家, 一位) an article, not a count
        self.counter_words = frozenset(counter_words)
        self.cn_ones = frozenset(c for c in self.cn_digit_set if _is_article_one(self.reader.read(c)))
        cn = self.reader.digits + "".join(units.numeral_aliases)
        big = self.reader.big
        ascii_mag = re.escape(self.reader.ascii_mag) if self.reader.ascii_mag else ""
        numeral_char = f"[{cn}{small}{big}]"
        start = f"(?:{_ARABIC}|[{cn}{tens}]|[{hundreds}{big}](?! *分)|[几数](?= *[{small}{big}]))"
        # a counter that starts with a magnitude character (千瓦时, 千克, 兆瓦) ends the numeral:
        # 17023.1亿千瓦时 is 17023.1亿 of 千瓦时
        heads = sorted(
            (w for w in units.counters if len(w) > 1 and (w[0] in small or w[0] in big)),
            key=len,
            reverse=True,
        )
        not_head = f"(?!{alternation(heads)})" if heads else ""
        # every way a numeral goes on starts with one of these characters: the guard ends the
        # numeral with one test where the character after it cannot continue it (most of the
        # time), instead of a try of each way and of not_head
        goes_on = re.escape("".join(sorted({*" 0123456789点个", *cn, *small, *big, *infix})))
        inner = (
            f"(?=[{goes_on}]){not_head}(?:[{cn}]|(?<=[{cn}{small}点]) +[{cn}]|(?<=[{big}]) +[{cn}](?= *[{small}])"
            f"| *[{tens}]| *[{hundreds}{big}](?! *分)"
            f"| *点(?= *[{cn}0-9])"
            + (f"| *[{re.escape(infix)}]" if infix else "")
            + f"|个(?= *[{re.escape(infix)}]? *[{big}])"
            f"|(?<={numeral_char})(?:{_ARABIC})"
            f"|(?<={numeral_char}) +(?:{_ARABIC})(?= *[{small}{big}]))"
        )
        token = start + f"(?:{inner})*" + (f"(?:(?<=[0-9])[{ascii_mag}](?![A-Za-z]))?" if ascii_mag else "")
        minor_digit = f"[0-9{cn}]"
        minor = (
            f"(?:{minor_digit}(?:{self._minor_words(units, 0.1)}))?"
            f"(?:{minor_digit}(?:{self._minor_words(units, 0.01)}))?"
            f"(?:{alternation(units.minor_unit_endings)})?"
        )

        def part(i: int) -> str:
            units = (
                f" *(?:(?P<ua{i}>{alternation(generic_cny)})(?: *(?P<c{i}>{alternation(specific)}))?"
                f"(?P<m{i}>{minor})|(?P<ub{i}>{alternation(other_units)}))"
            )
            post = f" *(?P<q{i}>{alternation(post_words)})"
            return f"(?P<n{i}>{token})(?:{units})?{_INCLUDED}(?:{post})?"

        separators = alternation([*quals.range_separators, *quals.between_separators])
        closers = alternation(quals.between_closers)
        second = f"{_INCLUDED} *(?P<sep>{separators}) *{part(2)}(?P<btw> *(?:{closers}))?"
        fig = f"{part(1)}(?:{second})?"
        frac = (
            f"(?P<fd>[0-9]+|[{cn}{small}{big}]+) *分 *之 *(?P<fn>{token})"
            f"{_INCLUDED}(?: *(?P<fq>{alternation(post_words)}))?"
        )
        # a plain number before a time word is a date or a duration (2021年, 3月1日, 7个月): skipped
        # here in the regex, so the Python side never sees the commonest non-figures

        def scanner(not_counters: list[str]) -> re.Pattern[str]:
            times = "|".join(
                re.escape(w) + (f"(?!{units.unit_blockers[w]})" if w in units.unit_blockers else "")
                for w in sorted(not_counters, key=lambda w: (-len(w), w))
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
            patterns = [scoped(p) for p in units.not_figure_patterns]
            starts = [first_chars(p) for p in units.not_figure_patterns]
            guarded = [p for p, f in zip(patterns, starts, strict=True) if f is not None]
            unguarded = [p for p, f in zip(patterns, starts, strict=True) if f is None]
            first += "".join(sorted({c for f in starts if f is not None for c in f} - set(first)))
            own = "|".join([*guarded, *([f"(?P<skip>{own_skip})"] if own_skip else [])])
            body = f"(?:{own + '|' if own else ''}(?P<frac>{frac})|(?P<fig>{fig}))"
            return re.compile(
                (f"(?:{'|'.join(unguarded)})|" if unguarded else "") + f"(?=[{re.escape(first)}]){body}"
            )

        self.pattern = scanner(units.not_counters)
        # where a measure of days is named (周转天数为20天), its days are read too: a second scanner
        # that does not skip them, used only for sentences naming such a measure
        counted = set(units.counted_durations)
        self.day_pattern = (
            scanner([w for w in units.not_counters if w not in counted]) if counted else self.pattern
        )
        self.day_measures = tuple(units.duration_measures)
        # one regex test per sentence: most name no counted duration word (天) at all
        self.day_gate = re.compile(alternation(units.counted_durations) if counted else NEVER)
        index = self.pattern.groupindex
        self.groups = {i: tuple(index[f"{g}{i}"] for g in ("n", "ua", "ub", "c", "m")) for i in (1, 2)}
        self.post_pattern = re.compile(f"{_INCLUDED} *(?P<q>{alternation(post_words)})")
        self.values = ValueReader(
            reader=self.reader,
            generic_cny=plain_cny,
            counter_words=self.counter_words,
            codes=codes,
            between=frozenset(between),
            connectors=frozenset(connectors),
            minor_units=minor_units,
            approx_tolerance=approx_tolerance,
            near_tolerance=near_tolerance,
            rounding_cap=rounding_cap,
            counted_durations=frozenset(units.counted_durations),
            duration_measures=tuple(units.duration_measures),
            duration_links=tuple(sorted(units.duration_links, key=len, reverse=True)),
            duration_reach=units.duration_reach,
        )

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
        pattern = self.pattern
        if self.day_gate.search(folded) is not None and any(d in folded for d in self.day_measures):
            pattern = self.day_pattern
        while True:
            m = pattern.search(folded, pos)
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
                pos = m.end()
                floor = max(floor, pos)
                continue
            else:
                q, pos = self._figure(folded, m, floor)
            if q is not None:
                out.append(q)
                floor = q.end
            floor = max(floor, pos) if q is None else floor
        return self.values.merge_bounds(folded, out)

    def _plainly_not_a_figure(self, s: str, m: re.Match[str], floor: int) -> bool:
        """Fast path for the commonest matches: 一 in 一直, 3 in 第3 or 3家 without anything,
        and 一 before a counter (一位券商人士: ``ValueReader.single`` reads no figure there)."""
        if m.group("ua1") or m.group("sep") is not None:
            return False
        start, end = m.span("n1")
        unit = m.group("ub1")
        if unit:
            return end - start == 1 and s[start] in self.cn_ones and unit in self.counter_words
        if end - start == 1 and s[start] in self.cn_digit_set:
            return True  # a Chinese digit alone: 一直, 三大, 之一
        if end - start <= 3 and s[start:end].isdigit() and m.group("q1") is None and end == m.end():
            p = start
            while p > floor and s[p - 1] == " ":
                p -= 1
            return p == floor or (s[p - 1] not in self.before_last_chars and s[p - 1] not in self.signs)
        return False

    # ------------------------------------------------------------------ pieces

    def _part(self, s: str, m: re.Match[str], i: int) -> Part | None:
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
            return Part(start, token_end, token_end, end, num, None, None, qual, _ZERO, None)
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
                minor, minor_precision = self.values.minor(minor_text)
            end = m.end(g_minor)
        post = None
        if unit_word is not None and unit is not None:
            blocker = self.blockers.get(cny or unit_word)
            if (minor_precision is None and blocker is not None and blocker.match(s, end)) or (
                unit.kind in ("tenths", "discount")
                and self.values.percent_words(num, unit) is None
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
        return Part(start, token_end, core_end, end, num, unit_word, unit, post, minor, minor_precision)

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

    def _post_at(self, s: str, at: int) -> tuple[Qual, int] | None:
        """A qualifier written right after the figure (60%以上, 40元左右) and where it ends."""
        pm = self.post_pattern.match(s, at)
        if pm is None:
            return None
        post = self._post(s, pm.start("q"), pm.group("q"))
        return (post, pm.end()) if post is not None else None

    def _post(self, s: str, at: int, word: str) -> Qual | None:
        if word.isascii() and s[at + len(word) : at + len(word) + 1].isdigit():
            return None  # 1+1, 3>2: arithmetic, not a qualifier
        for ff in self.false_after:
            if len(ff) > len(word) and s.startswith(ff, at) and ff.startswith(word):
                return None
        return self.after.get(word)

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

    def _look_back(self, s: str, start: int, floor: int) -> Prefix:
        pre = Prefix(start)
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
        quals: list[Qual] = []
        starts: list[int] = []
        filler_ok = True
        for _ in range(5):
            while p > floor and s[p - 1] == " ":
                p -= 1
            found = first if p == start else self._word_before(s, p, floor)
            if found is None:
                break
            length, (kind, payload) = found
            if kind == "qual" and isinstance(payload, Qual) and len(quals) < 2:
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

    def _skip_token(self, s: str, part: Part, pre: Prefix) -> bool:
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

    # ------------------------------------------------------------------ found: read the value

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

    def _single(self, s: str, part: Part, floor: int) -> Quantity | None:
        pre = self._look_back(s, part.start, floor)
        if self._skip_token(s, part, pre):
            return None
        return self.values.single(s, part, pre)

    def _range(self, s: str, m: re.Match[str], p1: Part, p2: Part, floor: int) -> Quantity | None:
        pre = self._look_back(s, p1.start, floor)
        if pre.blocked or self._skip_token(s, p1, pre) or self._skip_token(s, p2, Prefix(p2.start)):
            return None
        return self.values.range(s, m, p1, p2, pre)

    def _fraction(self, s: str, m: re.Match[str], floor: int) -> Quantity | None:
        pre = self._look_back(s, m.start("fd"), floor)
        if pre.blocked:
            return None
        post = self._post(s, m.start("fq"), m.group("fq")) if m.group("fq") else None
        return self.values.fraction(m, pre, post)

    # ------------------------------------------------------------------ fractions and ranges


def _is_article_one(num: Numeral | None) -> bool:
    """A one-character Chinese numeral worth one (一, 壹): before a counter, an article."""
    return num is not None and num.length == 1 and not num.arabic and num.value == 1

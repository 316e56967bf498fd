"""SPEED TRICK: where the next time expression may start (the time pass's one trick).

``StartFinder.search(text, pos)`` gives the same answer as the time grammar's start regex
searched from ``pos``, found another way: every expression holds a key character (年 月 日
号 季 天 Q, or a digit before a separator and a digit, or before H1/H2) within
``KEY_REACH`` characters of its start, so a regex that opens with one character class
skips to the next key at C speed; just before it, only the characters an expression can
start with (``FIRST_CHARS``, and the first characters of the rules' words) are tried, each
with only the alternatives that can start with it.

Measured (issue 8, best of 3 interleaved rounds of the whole extraction over 600,000
characters of corpus/ in one process): the whole extraction takes 0.52-0.60 s with it and
1.54-1.61 s without it (``start.search``): it saves 62-66%. Keep ``FIRST_CHARS`` in step
with the grammar in ``timex.py``: a missing character only loses expressions that start
with it, never adds wrong ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# how far before its first key character (年, 月, 2-0 ...) an expression may start
KEY_REACH = 12
# the key characters of the grammar's own parts; a rules word holding none of them (昨晚, 昨夜,
# 前晚: time.relative_days) adds its last character as a key of its own (``key_chars``)
_KEYS = "年月日号季天Qq"
_DIGITS = "0123456789"
# the key characters: every expression holds one (a digit only before a separator and a digit)
KEY_CHARS = _KEYS + _DIGITS
_CN_DIGITS = "零〇○一二三四五六七八九"
# the characters each grammar part may start with (word lists take theirs from the words)
FIRST_CHARS = {
    "numeric_date": "12",
    "spaced_date": "12",
    "year_q": "12",
    "year_h": "12",
    "year_range": "12",
    "decade": "十" + _DIGITS + _CN_DIGITS,  # and the first characters of relative_centuries
    "four_digit_year": "12",
    "two_digit_year": _DIGITS,
    "cn_year": _CN_DIGITS,
    "cn_thousands_year": "两",
    "cn_two_digit_year": _CN_DIGITS,
    "first_quarters": "前首",
    "first_months": "前首",
    "quarter": "第1234一二三四",
    "first_quarter": "首",
    "q_quarter": "Qq",
    "month_range": _DIGITS + "十" + _CN_DIGITS,
    "month_number": _DIGITS + "十" + _CN_DIGITS,
    "day_number": _DIGITS + "十" + _CN_DIGITS,
}


class StartFinder:
    """The start regex of the time grammar, searched by key characters and first characters."""

    def __init__(
        self,
        kinds: Iterable[str],
        word_firsts: dict[str, str],
        alternatives: Callable[[list[str]], str],
        connector: str,
        spaces: str,
        word_keys: str = "",
    ) -> None:
        """``kinds`` in order of preference; ``word_firsts`` the first characters of the rules'
        words per kind; ``alternatives(kinds)`` the regex of those kinds as named groups;
        ``word_keys`` the keys of rules words with none of the grammar's (``key_chars``)."""
        by_char: dict[str, list[str]] = {}
        for kind in kinds:
            for c in FIRST_CHARS.get(kind, "") + word_firsts.get(kind, ""):
                by_char.setdefault(c, []).append(kind)
        self._dispatch = {c: re.compile(alternatives(ks)) for c, ks in by_char.items()}
        self._locator = re.compile("[" + "".join(re.escape(c) for c in sorted(by_char)) + "]")
        s = spaces
        keys = re.escape(_KEYS + "".join(sorted(set(word_keys) - set(_KEYS))))
        self._key = re.compile(
            rf"[{keys}0-9](?:(?<=[{keys}])"
            rf"|(?<=[0-9])(?=(?:[-./ ]|{s}(?:{connector}){s})[0-9]|{s}[Hh][12]))"
        )

    def search(self, text: str, pos: int) -> re.Match[str] | None:
        """The first place at or after ``pos`` where an expression (or a skipped word) starts."""
        while True:
            key = self._key.search(text, pos)
            if key is None:
                return None
            k = key.start()
            lo = max(pos, k - KEY_REACH)
            while True:
                c = self._locator.search(text, lo, k + 1)
                if c is None:
                    break
                p = c.start()
                m = self._dispatch[text[p]].match(text, p)
                if m is not None:
                    return m
                lo = p + 1
            pos = k + 1


def key_chars(words: Iterable[str]) -> str:
    """The last character of each word that holds no key character of the grammar (昨晚 -> 晚):
    an expression must hold a key, and these words are whole expressions."""
    return "".join(sorted({w[-1] for w in words if w and not any(c in _KEYS for c in w)}))

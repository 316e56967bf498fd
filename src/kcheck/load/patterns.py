"""The boilerplate rules compiled once per rule set (pure, memoised on the pattern tuples)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kcheck.rules import BoilerplateSection


@dataclass(frozen=True)
class PatternList:
    """Regexes searched together: one alternation when they combine, else one by one.

    Patterns that capture a ``source`` group are kept apart so :meth:`source` can say which
    site or author a matching line names.
    """

    combined: re.Pattern[str] | None
    each: tuple[re.Pattern[str], ...]
    sourced: tuple[re.Pattern[str], ...]  # the patterns with a ``source`` group

    def search(self, text: str) -> bool:
        if self.combined is not None:
            return self.combined.search(text) is not None
        return any(p.search(text) for p in self.each)

    def source(self, text: str) -> str | None:
        for pattern in self.sourced:
            m = pattern.search(text)
            if m and m.group("source"):
                return m.group("source").strip() or None
        return None


@lru_cache(maxsize=64)
def pattern_list(patterns: tuple[str, ...]) -> PatternList:
    each = tuple(re.compile(p) for p in patterns)
    combined: re.Pattern[str] | None
    try:
        # named groups would clash in one alternation; plain groups are harmless
        plain = [re.sub(r"\(\?P<[^>]+>", "(?:", p) for p in patterns]
        combined = re.compile("|".join(f"(?:{p})" for p in plain)) if plain else None
    except re.error:  # e.g. a global inline flag inside one pattern
        combined = None
    if combined is None and not each:
        combined = re.compile(r"(?!)")
    return PatternList(combined, each, tuple(p for p in each if "source" in p.groupindex))


@dataclass(frozen=True)
class Boilerplate:
    drop_lines: PatternList
    end_markers: PatternList
    bylines: tuple[re.Pattern[str], ...]
    numbered_items: PatternList


def compile_boilerplate(rules: BoilerplateSection) -> Boilerplate:
    return _compile(
        tuple(rules.drop_lines),
        tuple(rules.end_markers),
        tuple(rules.byline_patterns),
        tuple(rules.numbered_items),
    )


@lru_cache(maxsize=16)
def _compile(
    drop: tuple[str, ...], end: tuple[str, ...], bylines: tuple[str, ...], numbered: tuple[str, ...]
) -> Boilerplate:
    return Boilerplate(
        pattern_list(drop), pattern_list(end), tuple(re.compile(p) for p in bylines), pattern_list(numbered)
    )

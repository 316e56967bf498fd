"""The boilerplate rules compiled once per rule set (pure, memoised on the pattern tuples)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kcheck.rules import BoilerplateSection

# a pattern that refers to its own groups by number or name (a back-reference, a conditional
# group), sets a flag for its whole text, or is verbose (a comment may hold a bracket) means
# something else once cut or joined
_SELF_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(|\(\?[aiLmsux]+\)|\(\?[aiLmsu-]*x")


def alternatives(pattern: str) -> list[str]:
    """``pattern`` cut at its top-level ``|`` (not inside a group or a character class, not
    escaped): ``^a|b(c|d)`` -> ``["^a", "b(c|d)"]``. The pattern matches where one of them does."""
    parts: list[str] = []
    depth = start = i = 0
    in_class = False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 + (pattern[i + 1 : i + 2] == "^")  # a ']' right after '[' or '[^' is literal
            if pattern[i : i + 1] == "]":
                i += 1
            continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


# what an alternative may open with other than a plain character. The regex engine passes
# over an alternative opening with a character at every place that holds another one; a
# single one opening otherwise (22 alternatives, one of them ``\bvia``) made searching a
# line of prose six times slower, so those are searched apart
_LEADING_SYNTAX = frozenset("\\[(.^$*+?{|)")


@dataclass(frozen=True)
class PatternList:
    """Regexes searched together.

    Every top-level alternative of every pattern goes in one of three alternations: those
    opening with ``^`` are tried at the start of the text only (``match``), the others are
    searched for, those opening with a plain character apart from the rest (see
    ``_LEADING_SYNTAX``). One alternation of everything would try each ``^`` branch again at
    every character of a long line (a line of prose took 61 µs against 12 µs this way). A pattern
    that cannot be cut or joined (see ``_SELF_REFERENCE``) is searched alone, and all of them
    are when the alternations do not compile. Patterns that capture a ``source`` group are
    kept apart as well so :meth:`source` can say which site or author a matching line names.
    """

    anchored: re.Pattern[str] | None  # alternatives opening with ^, tried with match
    floating: re.Pattern[str] | None  # the others opening with a plain character, searched for
    unled: re.Pattern[str] | None  # the other alternatives (``\bvia``, ``(?:a|b)``), searched for
    alone: tuple[re.Pattern[str], ...]  # searched one by one
    sourced: tuple[re.Pattern[str], ...]  # the patterns with a ``source`` group

    def search(self, text: str) -> bool:
        return (
            (self.anchored is not None and self.anchored.match(text) is not None)
            or (self.floating is not None and self.floating.search(text) is not None)
            or (self.unled is not None and self.unled.search(text) is not None)
            or any(p.search(text) for p in self.alone)
        )

    def source(self, text: str) -> str | None:
        for pattern in self.sourced:
            m = pattern.search(text)
            if m and m.group("source"):
                return m.group("source").strip() or None
        return None


def _alternation(parts: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in parts)) if parts else None


@lru_cache(maxsize=64)
def pattern_list(patterns: tuple[str, ...]) -> PatternList:
    each = tuple(re.compile(p) for p in patterns)
    sourced = tuple(p for p in each if "source" in p.groupindex)
    anchored: list[str] = []
    floating: list[str] = []
    unled: list[str] = []
    alone: list[re.Pattern[str]] = []
    for compiled in each:
        if _SELF_REFERENCE.search(compiled.pattern):
            alone.append(compiled)
            continue
        # named groups would clash in one alternation; plain groups are harmless
        plain = re.sub(r"\(\?P<[^>]+>", "(?:", compiled.pattern)
        for part in alternatives(plain):
            if part.startswith("^"):
                anchored.append(part)
            elif part and part[0] not in _LEADING_SYNTAX:
                floating.append(part)
            else:
                unled.append(part)
    try:
        return PatternList(
            _alternation(anchored), _alternation(floating), _alternation(unled), tuple(alone), sourced
        )
    except re.error:  # e.g. an alternative that only compiles beside its neighbours
        return PatternList(None, None, None, each, sourced)


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

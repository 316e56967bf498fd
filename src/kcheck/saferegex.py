"""User regexes in rules/, refused when Python's backtracking engine could take exponential time.

``^(a+)+$`` on a line of 34 ``a`` and one ``b`` tries 2^34 ways to split the ``a`` s before it
fails: a rules file a user shares could hang every run. Python's ``re`` has no timeout, so
the shape behind nearly every catastrophic pattern is refused when the rules are loaded
(``kcheck rules check`` and ``kcheck report`` read them through the same validator, so they
agree): a repeated group whose body is itself repeated (nested quantifiers, ``(a+)+``,
``(\\w+\\s?)*``), unless the body must match a character its inner repeats cannot (a
separator such as the ``,`` of ``(?:\\d{1,3},)+``, which fixes where each repetition ends).
Possessive repeats and atomic groups never backtrack and are allowed. The standard
library's own parser reads the pattern (it already folds ``(a|ab)`` into ``a(?:|b)`` and
``(\\w|\\d)`` into a class). Not caught: an alternation of overlapping multi-character
branches under a repeat (``(aa|a)*$``) and long chains of adjacent repeats (``\\d*\\d*\\d*x``,
polynomial, not exponential).
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable
from typing import Any

# the parser behind re.compile: re._parser from Python 3.11, sre_parse before
_parser: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
_c: Any = _parser  # the opcode constants are re-exported by the parser module

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
_NO_BACKTRACK = {getattr(_c, "POSSESSIVE_REPEAT", None), getattr(_c, "ATOMIC_GROUP", None)} - {None}


def problem(pattern: str) -> str | None:
    """Why ``pattern`` is unsafe to run on untrusted text, or None when it is accepted."""
    try:
        parsed = _parser.parse(pattern)
    except Exception:  # re.compile reports syntax errors; this check only looks at valid ones
        return None
    return _walk(list(parsed))


Items = list[tuple[Any, Any]]
Matcher = Callable[[str], object]  # truthy when the character can match


def _is_repeat(op: Any, av: Any) -> bool:
    return op in _REPEATS and av[1] > 1  # {0,1} (?) cannot multiply the ways to match


def _walk(items: Items) -> str | None:
    for op, av in items:
        if op in _NO_BACKTRACK:
            continue
        if _is_repeat(op, av):
            body = list(av[2])
            inner = _inner_repeats(body)
            if inner and not _has_separator(body, inner):
                return (
                    "nested quantifiers (a repeated group whose body is itself repeated, "
                    "like (a+)+) can take exponential time"
                )
        for sub in _children(op, av):
            found = _walk(sub)
            if found:
                return found
    return None


def _children(op: Any, av: Any) -> list[Items]:
    if op == _c.SUBPATTERN:
        return [list(av[-1])]
    if op == _c.BRANCH:
        return [list(b) for b in av[1]]
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [list(av[1])]
    if op == _c.GROUPREF_EXISTS:
        return [list(b) for b in av[1:] if b is not None]
    if op in _REPEATS:
        return [list(av[2])]
    return []


def _inner_repeats(items: Items) -> list[Items]:
    """Bodies of the backtracking repeats anywhere inside ``items``."""
    found: list[Items] = []
    for op, av in items:
        if op in _NO_BACKTRACK:
            continue
        if _is_repeat(op, av):
            found.append(list(av[2]))
        for sub in _children(op, av):
            found += _inner_repeats(sub)
    return found


def _has_separator(body: Items, inner: list[Items]) -> bool:
    """Whether ``body`` must match a literal character that neither the repeat it starts
    with nor the one it ends with can match: that character fixes where one repetition
    ends and the next begins (``(?:\\d{1,3},)+`` and ``(?:\\s*\\[[^\\]]*\\])+`` are safe;
    ``(a+)+`` and ``(\\w+\\s?)*`` have no such character)."""
    edges = [_edge_repeat(body), _edge_repeat(body[::-1])]
    matchers = [m for items in edges if items is not None for m in _matchers(items)]
    return any(op == _c.LITERAL and not any(m(chr(av)) for m in matchers) for op, av in body)


def _edge_repeat(items: Items) -> Items | None:
    """The body of the repeat at the edge of ``items`` (skipping zero-width items and
    optional single items), or None when a literal comes first."""
    for op, av in items:
        if op == _c.AT:
            continue
        if _is_repeat(op, av):
            return list(av[2])
        if op in _REPEATS and av[0] == 0:
            continue
        if op == _c.SUBPATTERN:
            return _edge_repeat(list(av[-1])) or None
        return None
    return None


_CATEGORY_TESTS: dict[Any, str] = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_NOT_WORD: r"\W",
}


def _matchers(items: Items) -> list[Matcher]:
    """Tests for every single character ``items`` can consume (over-approximate)."""
    out: list[Matcher] = []
    for op, av in items:
        if op == _c.LITERAL:
            out.append(_equals(av))
        elif op == _c.IN:
            out.append(_class(av))
        elif op == _c.NOT_LITERAL:
            out.append(_differs(av))
        elif op == _c.ANY:
            out.append(lambda ch: True)
        for sub in _children(op, av):
            out += _matchers(sub)
        if op == _c.GROUPREF:
            out.append(lambda ch: True)
    return out


def _equals(code: int) -> Matcher:
    return lambda ch: ord(ch) == code


def _differs(code: int) -> Matcher:
    return lambda ch: ord(ch) != code


def _within(low: int, high: int) -> Matcher:
    return lambda ch: low <= ord(ch) <= high


def _class(av: Any) -> Matcher:
    negate = any(op == _c.NEGATE for op, _ in av)
    tests: list[Matcher] = []
    for op, val in av:
        if op == _c.LITERAL:
            tests.append(_equals(val))
        elif op == _c.RANGE:
            tests.append(_within(val[0], val[1]))
        elif op == _c.CATEGORY and val in _CATEGORY_TESTS:
            tests.append(re.compile(_CATEGORY_TESTS[val]).fullmatch)
        elif op != _c.NEGATE:
            tests.append(lambda ch: True)
    if negate:
        return lambda ch: not any(t(ch) for t in tests)
    return lambda ch: any(t(ch) for t in tests)

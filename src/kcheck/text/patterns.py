"""Regular expressions built from word lists (the rules' aliases and cue words)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

NEVER = "(?!)"  # a pattern that matches nothing: the alternation of no words


def alternation(words: Iterable[str]) -> str:
    """The regex source matching any of ``words`` literally, longest first (so 累计 is tried
    before 累); empty words are dropped, and no words at all give a pattern that never matches.

    Written as a prefix tree (``累(?:计|)``, ``亿(?:美元|元)``): the regex engine tries the
    words of a list one after another, so a flat ``w1|w2|...`` of hundreds of unit words costs
    a test of each at every place it is tried; the tree tests one character per branch.
    It matches what the flat list does, in the same order: at a place at most one branch
    can go on (they start with different characters), and a word that ends where others go
    on is tried after them (the empty branch last), so the words that match there are
    tried longest first, and backtracking tries the next shorter one, as in the flat list.
    """
    unique = {w for w in words if w}
    if not unique:
        return NEVER
    trie: dict[str, Any] = {}
    for word in unique:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = True
    return _branches(trie)


_END = ""  # the key marking where a word ends in the prefix tree (no character is empty)


def _branches(node: dict[str, Any]) -> str:
    """The regex of a prefix tree's node: one branch per next character, the end last."""
    branches = []
    for ch in sorted(k for k in node if k != _END):
        child = node[ch]
        rest = _branches(child) if len(child) > 1 or _END not in child else ""
        branches.append(re.escape(ch) + (f"(?:{rest})" if "|" in rest else rest))
    if _END in node:
        branches.append("")
    return "|".join(branches)


def word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """``alternation`` compiled."""
    return re.compile(alternation(words))

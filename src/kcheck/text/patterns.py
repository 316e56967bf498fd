"""Regular expressions built from word lists (the rules' aliases and cue words)."""

from __future__ import annotations

import re
from collections.abc import Iterable

NEVER = "(?!)"  # a pattern that matches nothing: the alternation of no words


def alternation(words: Iterable[str]) -> str:
    """The regex source matching any of ``words`` literally, longest first (so 累计 is tried
    before 累); empty words are dropped, and no words at all give a pattern that never matches."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in unique) if unique else NEVER


def word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """``alternation`` compiled."""
    return re.compile(alternation(words))

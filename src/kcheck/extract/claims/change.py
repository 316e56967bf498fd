"""Is a figure a change (同比增长86.1%) or a level, and which change: yoy, qoq or pp.

A change verb right before the figure (``同比增长86.1%``, ``增长了7.9倍``,
``下降3个百分点``) or right after it (``实现8倍增长``), or a rate noun before it
(``增速为47.7%``, ``这一增速下滑至234%``) makes a CHANGE claim; ``change`` is ``yoy``
(同比), ``qoq`` (环比) or ``change`` (unspecified). A decrease is negative:
``下降3%`` -> value -3 (low/high negated and swapped); the quote keeps the words. A verb
followed by 至/到/为 gives the new LEVEL (``从71.4%增长至90%``: 90% is a figure).
"""

from __future__ import annotations

from kcheck.extract.claims.sentence import (
    MAX_AFTER_GAP,
    Figure,
    Parsed,
    last_hit,
)
from kcheck.extract.claims.words import Words
from kcheck.extract.lexicon import Cue
from kcheck.extract.types import Quantity

CHANGE_VERBS = Cue.CHANGE_VERB
RATE_NOUNS = Cue.RATE_NOUN
MAX_VERB_GAP = 3  # 同比增长了 77%: a change verb and its figure are this close at most
MAX_RATE_GAP = 10  # 增速则为 47.7%


def change_sign(w: Words, s: Parsed, f: Figure) -> tuple[bool, int]:
    """Is the figure a change (and its sign), or a level?"""
    q, clause_hits = f.q, f.hits
    folded = s.folded
    verb = last_hit(clause_hits, CHANGE_VERBS)
    rate = last_hit(clause_hits, RATE_NOUNS)
    if verb is not None and (rate is None or verb.start > rate.start):
        gap = folded[verb.end : q.start].strip()
        if gap.startswith(w.to_words):
            if rate is not None:  # 这一增速下滑至234%: the rate's new level, as written
                return True, -1 if (rate.mask & Cue.DECLINE_RATE) else 1
            return False, 1
        if len(gap) <= MAX_VERB_GAP and not s.quantity_between(verb.end, q.start):
            return True, -1 if (verb.mask & Cue.DECREASE) else 1
        if rate is None:
            return False, 1
    if rate is not None:
        gap_len = q.start - rate.end
        if gap_len <= MAX_RATE_GAP and not s.quantity_between(rate.end, q.start):
            return True, -1 if (rate.mask & Cue.DECLINE_RATE) else 1
        return False, 1
    # after the figure: 实现8倍增长
    if q.unit in ("%", "x", "pp"):
        pos = q.end
        while pos < len(folded) and pos - q.end <= MAX_AFTER_GAP and folded[pos] in " 的":
            pos += 1
        for h in s.hits_at(pos):
            if h.mask & CHANGE_VERBS:
                if folded[h.end : h.end + 2].lstrip(" 了").startswith(w.to_words):
                    return False, 1  # 从71.4%增长至90%: 71.4% is the old level
                return True, -1 if (h.mask & Cue.DECREASE) else 1
    return False, 1


def change_type(s: Parsed, q: Quantity) -> str:
    """``yoy`` (同比) / ``qoq`` (环比) in the clause, else earlier in the sentence with no figure
    in between (与去年同期相比，该项收入的增速为7.1%); ``change`` when none is named."""
    for h in reversed(s.hits_in(s.last_quantity_end(q.start), q.start)):
        if h.change is not None:
            return h.change
    return "change"


def signed(q: Quantity, sign: int) -> tuple[float | None, float | None, float | None]:
    """(value, low, high) of the figure; a decrease (``下降3%``) is negative, its interval flipped."""
    value, low, high = q.value, q.low, q.high
    if sign < 0:
        value = -value if value is not None else None
        low, high = (-high if high is not None else None), (-low if low is not None else None)
    return value, low, high

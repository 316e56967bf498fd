"""The scope a figure is given for: cumulative, trailing 12 months, or a segment of a total.

``cumulative`` (累计) or ``trailing_12m`` (过去12个月) from the words before the figure.

A segment word (``其他服务板块，收入达12亿元``) narrows a total to a part: see ``segment``
(the metric paragraph of ``measure`` says how the part is named).
"""

from __future__ import annotations

from kcheck.extract.claims.sentence import (
    MAX_CLAUSE,
    PUNCT,
    Figure,
    Parsed,
)
from kcheck.extract.claims.words import Words
from kcheck.extract.lexicon import Hit

# what the segment phrase before a segment word starts after
_PHRASE_BOUNDS = PUNCT | {"的"}


def segment(w: Words, s: Parsed, hit: Hit, metric: str | None) -> bool:
    """Does a segment word narrow this total to a part (其他服务板块，收入达12亿元)?"""
    if metric is None:
        name = hit.metric
        rule = w.metric_rules.get(name) if name else None
    else:
        rule = w.metric_rules.get(metric)
    if rule is None or not rule.segmentable:
        return False
    lo = segment_window(s, hit)
    window = s.folded[lo : hit.start]
    return w.segment_re.search(window) is not None


def segment_window(s: Parsed, hit: Hit) -> int:
    lo = max(s.last_quantity_end(hit.start), hit.start - MAX_CLAUSE)
    i = s.entity_before(hit.start, lo, objects=True)
    return s.ents[i].end if i >= 0 else lo


def segment_measure(w: Words, s: Parsed, hit: Hit) -> str:
    """``其他服务板块`` + ``收入``: the segment phrase before the alias, joined to it."""
    folded = s.folded
    lo = segment_window(s, hit)
    cue_start, cue_end = -1, -1
    for cue in w.segment_cues:
        i = folded.rfind(cue, lo, hit.start)
        if i >= 0 and i + len(cue) > cue_end:
            cue_start, cue_end = i, i + len(cue)
    # a closing quote or bracket right after the segment word belongs to it
    while cue_end < hit.start and folded[cue_end] in "”’」』\"')":
        cue_end += 1
    start = cue_start
    while start > lo and folded[start - 1] not in _PHRASE_BOUNDS:
        start -= 1
    # an opening quote belongs to the phrase
    if start > lo and folded[start - 1] in "“‘「『《(\"'":
        start -= 1
    return (s.text[start:cue_end] + s.text[hit.start : hit.end]).strip()


def scope_of(w: Words, folded: str, cs: int, end: int) -> str | None:
    for name, pattern in w.scopes:
        if pattern.search(folded, cs, end) is not None:
            return name
    return None


def names_one_period(w: Words, s: Parsed, f: Figure) -> bool:
    """Does the figure's clause name one period out of a running total (``time.period_months``:
    ``前5个月累计装车量21.4GWh，5月单月装车量5.62GWh``)? Such a figure is no running total,
    whatever the measure it takes over from the figure before."""
    return any(s.folded[t.start : t.end] in w.period_months for t in f.times)

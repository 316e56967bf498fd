"""Whose figure it is: the entity, or the clause's subject as written.

The nearest entity alias before the figure in its clause, else in the sentence, that
is not the object of a preposition (``淘宝在抖音的广告投放``: 淘宝); else the entity
carried over from the paragraph; else the clause's subject as written
(``entity_from="subject"``: the leading noun phrase, read up to the first predicate
word of ``entities.subject_stops``, skipping fillers, time expressions, generic words
such as 公司/平台 and pointing words such as 这/该); else the first entity after the
figure that is no object (a subordinate clause first: ``若要在年底完成2500亿的GMV，快手
还需要...``); else an entity that was only the object of a preposition. Coordinated
entities (``快手和抖音``, ``快手京东``) give the first.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from kcheck.extract.claims.draft import ParagraphState
from kcheck.extract.claims.sentence import (
    PUNCT,
    SUBJECT_ENDS,
    Parsed,
)
from kcheck.extract.claims.words import Words
from kcheck.extract.lexicon import Cue, Hit

MAX_SUBJECT = 10  # characters: a longer "subject" is a clause, not a name


def is_object(w: Words, folded: str, h: Hit) -> bool:
    return folded.endswith(w.preposition_tuple, 0, h.start)


def entity_of(
    w: Words, s: Parsed, pos: int, cs: int, state: ParagraphState, objects: bool = True
) -> tuple[str | None, str | None, str | None]:
    """(entity, where it came from, the clause subject as written); ``objects=False``: never
    an entity that is only the object of a preposition (根据中证协数据，行业总资产...)."""
    i = s.entity_before(pos, cs, objects=False)
    if i >= 0:  # the usual case: the clause names its subject
        h = s.ents[first_coordinated(w, s, i)]
        return h.entity, "rules", s.text[h.start : h.end]
    subject_span = clause_subject(w, s, cs, pos)
    subject = s.text[subject_span[0] : subject_span[1]] if subject_span else None
    i = s.entity_before(pos, 0, objects=False)
    if i >= 0:
        return s.ents[first_coordinated(w, s, i)].entity, "rules", subject
    if state.entity is not None:
        return state.entity, state.entity_from, subject
    if subject_span is None:
        subject_span = clause_subject(w, s, 0, pos)
        subject = s.text[subject_span[0] : subject_span[1]] if subject_span else None
    if subject_span is not None and subject is not None:
        return subject, "subject", subject
    # a subordinate clause first (若要在年底完成2500亿的GMV，快手还需要...): the subject after it
    for i in range(bisect_left(s.ent_ends, pos + 1), len(s.ents)):
        if s.ents[i].start >= pos and not s.ent_objects[i]:
            return s.ents[i].entity, "rules", subject
    if not objects:
        return None, None, subject
    i = s.entity_before(pos, cs, objects=True)
    if i < 0:
        i = s.entity_before(pos, 0, objects=True)
    if i >= 0:  # only the object of a preposition named one: the weakest reading
        return s.ents[i].entity, "object", subject
    return None, None, subject


def first_coordinated(w: Words, s: Parsed, i: int) -> int:
    """The first of coordinated entities (快手和抖音, “快手京东双百亿补贴”): the subject."""
    while i > 0:
        joiner = s.folded[s.ents[i - 1].end : s.ents[i].start].strip()
        if joiner and joiner not in w.coordinators:  # side by side (快手京东): joined
            break
        i -= 1
    return i


def clause_subject(w: Words, s: Parsed, lo: int, hi: int) -> tuple[int, int] | None:
    """The leading noun phrase of the clause starting at ``lo`` (not past ``hi``)."""
    folded = s.folded
    _cs, ce = s.clause(lo) if lo < len(folded) else (lo, lo)
    hi = min(hi, ce)
    key = (lo, hi)
    if key not in s.subjects:
        s.subjects[key] = read_subject(w, s, lo, hi)
    return s.subjects[key]


def read_subject(w: Words, s: Parsed, lo: int, hi: int) -> tuple[int, int] | None:
    folded = s.folded
    p = lo
    while p < hi:
        if folded[p] in PUNCT:
            p += 1
            continue
        if p in s.time_start_set:
            t = s.time_at(p)
            if t is not None:
                p = t.end
                continue
        filler = w.filler_re.match(folded, p, hi)
        if filler is not None and filler.end() > p:
            p = filler.end()
            continue
        break
    q = p
    stopped = False
    limit = min(hi, p + MAX_SUBJECT + 1)
    stops = w.subject_stops
    time_starts = s.time_start_set
    while q < limit:
        ch = folded[q]
        if ch in SUBJECT_ENDS or q in time_starts:
            break
        if folded.startswith(stops, q, hi):
            stopped = True
            break
        q += 1
    end = q
    # “小波私房菜”是位...: a quoted name before the predicate
    while not stopped and q < hi and folded[q] in "”’」』\"'":
        q += 1
        stopped = folded.startswith(stops, q, hi)
    phrase = folded[p:end]
    if not stopped or not 2 <= len(phrase) <= MAX_SUBJECT:
        return None
    if phrase in w.generic or phrase.startswith(w.subject_anaphora):
        return None
    if phrase.startswith(w.non_name_starts) or phrase.endswith(w.non_name_ends):
        return None  # 报告期内 / 按可比口径 / 数据宝统计 / 分别: a time, a manner, a source
    for i in range(max(bisect_right(s.hit_starts, p) - 1, 0), len(s.hits)):
        h = s.hits[i]
        if h.start >= end:
            break
        if h.end > p and not (h.mask & Cue.ENTITY):
            return None  # a measure or a cue word is no subject (全年GMV达...)
    return p, end


def article_industry(w: Words, folded_text: str) -> str | None:
    """The industry an article is about: the one whose names and members (证券行业, 证券公司,
    券商) it mentions most; None when it names none or two equally often."""
    counts = sorted(
        ((sum(folded_text.count(word) for word in words), name) for name, words in w.industries),
        reverse=True,
    )
    if not counts or counts[0][0] == 0 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return None
    return counts[0][1]


def sector_owner(w: Words, measure: str | None, state: ParagraphState) -> tuple[str | None, str | None]:
    """``行业总资产10.53万亿元`` with no entity named: the article's industry owns it (an
    inferred link, ``entity_from="document"``); the measure is what follows 行业."""
    if not measure:
        return None, measure
    for word in w.sector_words:
        if measure.startswith(word) and len(measure) > len(word):
            industry = state.industry()
            return (industry, measure[len(word) :]) if industry else (None, measure)
    return None, measure

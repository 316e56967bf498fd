"""Dated events: an event word (断外链) with a day or month before it.

A sentence with an event alias (events.yaml) and a day or month before it yields an
EVENT claim dated by that time: the nearest before the alias in its clause (an
effective date with 起 in the clause wins), else earlier in the sentence. A time
followed, before the alias, by an announcement word (``2月22日的公告``, ``宣布``) dates
the announcement, not the event: no claim. The quote is the time as written; the entity
is the clause's subject entity.

Open vocabulary: the verb classes of events.yaml with ``verb:`` (成立, 投产, 生效, 发布, 召开)
are events too, their id the class and what tells one apart (``open_event``). A time dates
one event: a specific one (断外链) before a verb class in the same sentence.
"""

from __future__ import annotations

from bisect import bisect_left

from kcheck.extract.claims.draft import Draft, ParagraphState
from kcheck.extract.claims.entity import entity_of
from kcheck.extract.claims.sentence import (
    KIND_CUES,
    MAX_CLAUSE,
    PUNCT,
    Parsed,
    last_hit,
)
from kcheck.extract.claims.words import Words
from kcheck.extract.lexicon import Cue, Hit
from kcheck.extract.types import Granularity
from kcheck.models import ClaimKind, ClaimType, Dimension


def events_of(w: Words, s: Parsed, state: ParagraphState, used: set[int]) -> list[Draft]:
    out: list[Draft] = []
    seen: set[tuple[str, int]] = set()
    folded = s.folded
    dated: set[int] = set()  # a time dates one event: a specific one (断外链) before a verb class
    hits = [h for h in s.hits if h.event is not None]
    hits.sort(key=lambda h: h.event in w.event_verbs)
    for h in hits:
        name = h.event
        if name is None:
            continue
        cs, _ce = s.clause(h.start)
        before = s.times_before(h.start)
        if not before:
            continue
        in_clause = list(before[bisect_left(s.time_starts, cs) :])
        since = [i for i in in_clause if getattr(s.times[i], "anchor_kind", None) == "since"]
        chosen = (since or in_clause or [before[-1]])[-1]
        t = s.times[chosen]
        if t.granularity not in (Granularity.DAY, Granularity.MONTH):
            continue
        between = folded[t.end : h.start]
        verb = w.event_verbs.get(name)
        if verb is None and any(word in between for word in w.announcement):
            continue
        if verb is not None:
            if chosen in dated:
                continue
            name = open_event(s, h, name, verb, cs)
            if name is None:
                continue
        if (name, chosen) in seen:
            continue
        seen.add((name, chosen))
        used.add(chosen)
        dated.add(chosen)
        entity, entity_from, subject = event_entity(w, s, h, cs, state)
        cue = last_hit(s.hits_in(max(cs, h.start - MAX_CLAUSE), h.start), KIND_CUES)
        kind = ClaimKind.ACTUAL
        if cue is not None and (cue.mask & Cue.FORECAST):
            kind = ClaimKind.FORECAST
        elif cue is not None and (cue.mask & Cue.TARGET):
            kind = ClaimKind.TARGET
        out.append(
            Draft(
                start=t.start,
                end=t.end,
                type=ClaimType.EVENT,
                dimension=Dimension.DATE,
                kind=kind,
                event=name,
                entity=entity,
                entity_from=entity_from,
                subject=subject,
                date=t.span,
                time_quote=s.text[t.start : t.end],
            )
        )
    return out


def open_event(s: Parsed, h: Hit, name: str, verb: str, cs: int) -> str | None:
    """The id of an open-vocabulary event: the verb class and what tells this one apart.

    ``once``: the words between the subject's name and the verb (快手电商部门成立: 部门);
    ``repeats``: what follows the verb in its clause (中证协发布2021年度证券公司经营业绩排名情况).
    None where a ``repeats`` verb has nothing after it: no way to tell which time it was.
    """
    folded = s.folded
    _cs, ce = s.clause(h.start)
    if verb == "repeats":
        rest = folded[h.end : ce].strip().lstrip("了").strip("".join(PUNCT) + " ")
        return f"{name}:{rest}" if rest else None
    start = cs
    for i in range(bisect_left(s.ent_ends, cs), len(s.ents)):
        e = s.ents[i]
        if e.start >= h.start:
            break
        if e.start >= cs:
            start = e.end
    part = folded[start : h.start].strip()
    return f"{name}:{part}" if start > cs and part else name


def event_entity(
    w: Words, s: Parsed, h: Hit, cs: int, state: ParagraphState
) -> tuple[str | None, str | None, str | None]:
    """The subject of the event's clause: its first entity that is not an object."""
    for i in range(bisect_left(s.ent_ends, cs), len(s.ents)):
        e = s.ents[i]
        if e.start >= h.start:
            break
        if e.start >= cs and not s.ent_objects[i]:
            return e.entity, "rules", s.text[e.start : e.end]
    return entity_of(w, s, h.start, cs, state)

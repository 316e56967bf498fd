"""Dated events: an event word (断外链) with a day or month before it.

A sentence with an event alias (events.yaml) and a day or month before it yields an
EVENT claim dated by that time: the nearest before the alias in its clause (an
effective date with 起 in the clause wins), else earlier in the sentence. A time
followed, before the alias, by an announcement word (``2月22日的公告``, ``宣布``) dates
the announcement, not the event: no claim. The quote is the time as written; the entity
is the clause's subject entity.
"""

from __future__ import annotations

from bisect import bisect_left

from kcheck.extract.claims.draft import Draft, ParagraphState
from kcheck.extract.claims.entity import entity_of
from kcheck.extract.claims.sentence import (
    KIND_CUES,
    MAX_CLAUSE,
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
    for h in s.hits:
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
        if any(word in between for word in w.announcement):
            continue
        if (name, chosen) in seen:
            continue
        seen.add((name, chosen))
        used.add(chosen)
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

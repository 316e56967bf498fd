"""What carries over: from the previous figure of the sentence, and from sentence to sentence.



A clause *continues* the previous figure when it has its own time but no subject or
measure of its own (``第二季度则为31.5%``), or revises it (``后又上调至2500亿元``): it takes
that figure's measure, change type and kind. A paragraph's state (entity, period, claims
so far) carries from sentence to sentence and is reset at each new paragraph: the last
figure's entity (else the sentence's subject), and the last period taken from a time that
was not the base of a comparison.
"""

from __future__ import annotations

from collections.abc import Sequence

from kcheck.extract.claims.draft import Draft, ParagraphState
from kcheck.extract.claims.period import is_base
from kcheck.extract.claims.sentence import (
    PUNCT,
    Figure,
    Parsed,
    last_hit,
    only_skip,
)
from kcheck.extract.claims.words import Words
from kcheck.extract.lexicon import Cue, Hit
from kcheck.extract.types import TimeExpr
from kcheck.models import ClaimType


def carry_light(
    w: Words, text: str, folded: str, hits: list[Hit], times: Sequence[TimeExpr], state: ParagraphState
) -> None:
    """``carry`` for a sentence with no claim: its subject, and its last plain time."""
    for h in hits:
        if h.mask & Cue.ENTITY and not folded.endswith(w.preposition_tuple, 0, h.start):  # not is_object
            state.entity, state.entity_from = h.entity, "rules"
            break
    for t in reversed(times):
        if t.anchor_kind is None and not is_base(w, folded, t):
            state.period, state.period_quote = t.span, text[t.start : t.end]
            break
    if times:
        named_holiday(text, times, state)


def named_holiday(text: str, times: Sequence[TimeExpr], state: ParagraphState) -> None:
    """The holiday breaks a sentence names (中秋国庆假期), for a later 假期 alone."""
    for t in times:
        if t.holiday:
            state.holidays = (*state.holidays, (t.span, text[t.start : t.end]))


def base_levels(w: Words, s: Parsed, drafts: list[Draft]) -> None:
    """A level whose clause names a base period and nothing else (``11月份全国规上工业原煤产量4.23亿吨，
    同比增长1.3%，而去年同期为4.26亿吨``, ``上年同期为2.83亿美元``) is that level a year before: the
    measure, metric and entity of the last level of its sentence in the same unit (in place)."""
    folded = s.folded
    for i, d in enumerate(drafts):
        if d.type is not ClaimType.FIGURE or d.measure is not None or d.metric is not None:
            continue
        cs, _ce = s.clause(d.start)
        times = [t for t in s.times if cs <= t.start and t.end <= d.start]
        if len(times) != 1 or not folded.endswith(w.same_period, times[0].start, times[0].end):
            continue
        t = times[0]
        rest = (folded[cs : t.start] + folded[t.end : d.start]).strip("".join(PUNCT) + " ")
        if rest and w.lead.fullmatch(rest) is None:
            continue  # the clause names something of its own
        level = next(
            (
                e
                for e in reversed(drafts[:i])
                if e.type is ClaimType.FIGURE
                and e.measure
                and e.unit == d.unit
                and e.dimension is d.dimension
            ),
            None,
        )
        if level is not None:
            d.measure, d.metric = level.measure, level.metric
            if d.entity is None:
                d.entity, d.entity_from = level.entity, level.entity_from


def carry(w: Words, s: Parsed, drafts: list[Draft], state: ParagraphState) -> None:
    figures = [d for d in drafts if d.type is not ClaimType.EVENT]
    subject = None
    for h, obj in zip(s.ents, s.ent_objects, strict=True):
        if not obj:
            subject = h
            break
    if figures and figures[-1].entity is not None:
        state.entity, state.entity_from = figures[-1].entity, figures[-1].entity_from
    elif subject is not None:
        state.entity, state.entity_from = subject.entity, "rules"
    for d in reversed(figures):
        if d.period is not None and d.period_carries:
            state.period, state.period_quote = d.period, d.time_quote
            break
    else:
        # no figure took a period it hands on: the last plain time after the figures names the
        # paragraph's period (对全国31个省的抽样调查，2023年全国粮食总产量……如下：)
        after = figures[-1].end if figures else 0
        for t in reversed(s.times):
            if t.start < after:
                break
            if getattr(t, "anchor_kind", None) is None and not is_base(w, s.folded, t):
                state.period, state.period_quote = t.span, s.text[t.start : t.end]
                break
    if s.times:
        named_holiday(s.text, s.times, state)
    state.claims.extend(drafts)


OWN_WORDS = Cue.METRIC | Cue.ENTITY


def has_own_words(clause_hits: list[Hit]) -> bool:
    """Does the clause name a metric or an entity of its own?"""
    return any(h.mask & OWN_WORDS for h in clause_hits)


def continues_previous(s: Parsed, f: Figure, is_change: bool, prev: Draft | None, own_words: bool) -> bool:
    """Does the clause continue the previous figure: it revises it, or it opens with its own
    time and has no subject or measure of its own (第二季度则为31.5%)?"""
    cs, clause_hits, clause_times = f.cs, f.hits, f.times
    if prev is None:
        return False
    if last_hit(clause_hits, Cue.REVISION) is not None:
        return True
    return (
        not own_words
        and bool(clause_times)
        and only_skip(s.folded, cs, clause_times[0].start)
        and (not is_change or prev.type is ClaimType.CHANGE)
    )

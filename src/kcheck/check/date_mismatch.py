"""date_mismatch: two documents date one event (same entity, same event) differently.

Dates are compared at the granularity they were written: a span agrees with any span it
overlaps (``2018年`` agrees with ``2018年6月``); only disjoint spans conflict
(``2013年11月`` vs ``2013年12月``; ``2020年8月`` vs ``2020-10-09``).
"""

from __future__ import annotations

import re

from kcheck.check.context import (
    CheckContext,
    cite,
    date_text,
    fingerprint,
    lower,
    value_repr,
    weak_links,
    weak_note,
    where,
)
from kcheck.check.intervals import Bounds, agreeing_groups, disagreements
from kcheck.group import event_place, normalise_phrase
from kcheck.models import CheckType, Claim, ClaimType, Conflict, Severity
from kcheck.text.fold import folded

TYPE = CheckType.DATE_MISMATCH.value


def _day_bounds(claim: Claim) -> Bounds:
    assert claim.date is not None  # has_value: an event with a date
    return Bounds.of_span(claim.date)


_NAMED = re.compile(r"[0-9A-Za-z·《“\"「]")  # a title, a quoted name, a code or a number in it


def subject_links(claims: list[Claim]) -> list[str]:
    """Weak links of an event keyed by what had it: names that only match by similarity
    (种猪繁育基地 / 通辽种猪繁育基地), or a common phrase (智能工厂: no title, quotes, number or
    code in it) with no company named alike by every claim."""
    keyed = [c for c in claims if c.type is ClaimType.EVENT and c.measure]
    names = list(dict.fromkeys(event_place(c.measure)[0] for c in keyed if c.measure))
    out: list[str] = []
    if len({normalise_phrase(n) for n in names}) > 1:
        out.append(f"what had the event is named differently ({' / '.join(names)}), matched by similarity")
    for c in keyed:
        if c.measure and folded(event_place(c.measure)[0]) not in folded(c.sentence):
            # 该片将于3月1日登陆北美院线: the work named before, read for the pointing word
            out.append(
                f"what had the event ({c.measure}) is not written in its sentence, read from a pointing word ({cite(c)})"
            )
    companies = {c.entity if c.entity_from == "rules" else None for c in keyed}
    if not all(_NAMED.search(n) for n in names) and (len(companies) != 1 or None in companies):
        out.append(
            f"what had the event ({' / '.join(names)}) is a common phrase and no company is named by every source"
        )
    return out


def announced_links(claims: list[Claim], announcing: list[str]) -> list[str]:
    """Weak links of events dated by the announcement that told them (11月6日，华联移动宣布其
    5G-A网络在杭州正式开通商用: ``events.announcing`` between the date and what had the event): the
    event happened that day as the announcement tells it done, which its words do not say."""
    verbs = [folded(v) for v in announcing if v]
    out: list[str] = []
    for c in claims:
        if c.type is not ClaimType.EVENT:
            continue
        after = folded(c.sentence)[c.offset + len(c.quote) :]
        subject = folded(event_place(c.measure)[0]) if c.measure else ""
        told = after.find(subject) if subject else -1
        said = [at for at in (after.find(v) for v in verbs) if at >= 0]
        if said and (told < 0 or min(said) < told):
            out.append(f"the date of {c.quote} is the day an announcement told the event done ({cite(c)})")
    return out


def check(ctx: CheckContext) -> list[Conflict]:
    found: list[Conflict] = []
    for topic in ctx.grouped():
        if topic.key.type is not ClaimType.EVENT:
            continue
        if len(topic.sources) < 2:
            continue
        stated = ctx.stated(topic, _day_bounds)
        if len({s.doc for s in stated if s.active}) < 2:
            continue
        clash = disagreements(stated)
        if clash is None:
            continue
        groups: list[list[Claim]] = agreeing_groups(
            [(Bounds.of_span(c.date), c) for c in clash.items if c.date]
        )
        sides = " vs ".join(", ".join(f"{date_text(c)} ({where(c)})" for c in group) for group in groups)
        claims = [c for group in groups for c in group]
        weak = (
            weak_links(claims, topic)
            + subject_links(claims)
            + announced_links(claims, ctx.rules.events.announcing)
        )
        severity = ctx.severity(TYPE)
        if weak:
            severity = lower(severity, Severity.WARNING)
        days = int(clash.min_gap)  # from the end of the earlier span to the start of the later
        found.append(
            Conflict(
                id=fingerprint(TYPE, topic.key, (value_repr(c) for c in clash.items)),
                type=TYPE,
                severity=severity,
                topic=topic.label,
                topic_id=topic.id,
                message=f"{topic.label}: {sides}, {days} day{'s' if days != 1 else ''} apart"
                + weak_note(weak),
                claims=[c for group in groups for c in group],
                weak_links=weak,
            )
        )
    return found

"""headline_mismatch: an article's title gives a figure its own body contradicts.

A headline restates the lede's figure in fewer words (``瑞柏医药：2023年净利润12.08亿元 同比增长
23.6%``), so a headline figure (``Claim.headline``) in the topic of body figures of the same
article (same entity, measure, period, kind, scope, change and unit) must agree with one of
them. Intervals are widened by written precision and qualifiers first, so a headline that
rounds (``超1500亿``, ``近3成``, ``增长超10%``) agrees with the body's ``1528.6亿``. A headline
about another figure (a month where the body has the year, a segment where it has the total)
lands in another topic and is never compared.

Always a warning (never above): the title is the same outlet's text, and what it leaves out
(the period, a qualifier, the measure's modifiers) is read, not written; a headline figure
whose title names no time holds for the article's first period only as an inferred link. The
other checks leave headline figures to this one within their article: no ``reused_figure`` of
a title against its own body, no ``self_contradiction`` or ``growth_mismatch`` of it, so a
headline that states the body's figure adds no finding.
"""

from __future__ import annotations

from collections import defaultdict

from kcheck.check.context import CheckContext, cite, fingerprint, lower, value_repr, weak_links, weak_note
from kcheck.models import CheckType, Claim, ClaimType, Conflict, Severity, Topic

TYPE = CheckType.HEADLINE_MISMATCH.value


def check(ctx: CheckContext) -> list[Conflict]:
    found: list[Conflict] = []
    for topic in ctx.grouped():
        if topic.key.type is ClaimType.EVENT or topic.key.period is None:
            continue
        valued = ctx.valued(topic)
        if not any(c.headline for c in valued):
            continue
        by_doc: dict[str, list[Claim]] = defaultdict(list)
        for c in valued:
            by_doc[c.doc].append(c)
        for own in by_doc.values():
            titles = [c for c in own if c.headline]
            body = [c for c in own if not c.headline]
            for title in titles:
                conflict = _finding(ctx, topic, title, body)
                if conflict is not None:
                    found.append(conflict)
    return found


def _finding(ctx: CheckContext, topic: Topic, title: Claim, body: list[Claim]) -> Conflict | None:
    """The finding for one headline figure, if its article's body states the figure and no
    body value agrees with it."""
    if not body:
        return None
    bounds = ctx.bounds(title)
    if any(bounds.overlaps(ctx.bounds(c)) for c in body):
        return None
    gap = min(bounds.relative_gap(ctx.bounds(c)) for c in body)
    weak = weak_links([title, *body], topic)
    severity = lower(ctx.severity(TYPE, Severity.WARNING), Severity.WARNING)
    label = topic.label
    message = (
        f"{label}: the title of {title.doc} gives {cite(title)}, its body "
        f"{', '.join(cite(c) for c in body)}, gap {gap:.1%}" + weak_note(weak)
    )
    return Conflict(
        id=fingerprint(TYPE, topic.key, [title.doc, value_repr(title), *(value_repr(c) for c in body)]),
        type=TYPE,
        severity=severity,
        topic=label,
        topic_id=topic.id,
        message=message,
        claims=[title, *body],
        gap=gap,
        weak_links=weak,
    )

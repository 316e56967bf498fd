"""Consistency checks: one module per kind of finding, each with a stable type name.

``run_checks`` runs every check not listed in ``checks.disabled`` over the topics and
returns the findings, most severe first; no check changes a topic. ``settle_topics`` then
gives the topics as the report shows them: those a value or date finding is about are
``conflict``; the rest keep the status grouping gave them (single / consistent), and a
consistent topic that agrees only because a figure was read as cut off says so in ``why``.
"""

from __future__ import annotations

from collections.abc import Callable

from kcheck.check import (
    date_mismatch,
    growth_mismatch,
    headline_mismatch,
    reused_figure,
    self_contradiction,
    value_mismatch,
)
from kcheck.check.context import CheckContext, sort_conflicts
from kcheck.models import Claim, Conflict, Topic, TopicStatus
from kcheck.rules import RuleSet

Check = Callable[[CheckContext], list[Conflict]]

CHECKS: dict[str, Check] = {
    value_mismatch.TYPE: value_mismatch.check,
    date_mismatch.TYPE: date_mismatch.check,
    reused_figure.TYPE: reused_figure.check,
    growth_mismatch.TYPE: growth_mismatch.check,
    self_contradiction.TYPE: self_contradiction.check,
    headline_mismatch.TYPE: headline_mismatch.check,
}

# findings that say the claims of their own topic disagree
_TOPIC_CONFLICTS = (value_mismatch.TYPE, date_mismatch.TYPE, self_contradiction.TYPE, headline_mismatch.TYPE)


def context(
    topics: list[Topic],
    claims: dict[str, Claim],
    rules: RuleSet,
    unique: dict[str, list[Claim]] | None = None,
) -> CheckContext:
    """What the checks read; pass one to ``run_checks`` and ``settle_topics`` so that each
    topic's claims, revisions and masked sentences are worked out once for both. ``unique``:
    topics' claims without repeats as grouping worked them out (``group_claims``), by topic id."""
    return CheckContext(
        topics=topics, claims=claims, rules=rules, _unique=unique if unique is not None else {}
    )


def run_checks(
    topics: list[Topic], claims: dict[str, Claim], rules: RuleSet, ctx: CheckContext | None = None
) -> list[Conflict]:
    """Every finding of the enabled checks, most severe first."""
    ctx = ctx or context(topics, claims, rules)
    found: list[Conflict] = []
    for name, check in CHECKS.items():
        if name not in rules.checks.disabled:
            found.extend(check(ctx))
    return sort_conflicts(found)


def settle_topics(
    topics: list[Topic],
    conflicts: list[Conflict],
    claims: dict[str, Claim],
    rules: RuleSet,
    ctx: CheckContext | None = None,
) -> list[Topic]:
    """The topics as the report shows them, given the findings (new objects; ``topics`` unchanged)."""
    ctx = ctx or context(topics, claims, rules)
    conflicted = {c.topic_id for c in conflicts if c.type in _TOPIC_CONFLICTS}
    out: list[Topic] = []
    for topic in topics:
        if topic.id in conflicted:
            topic = topic.model_copy(update={"status": TopicStatus.CONFLICT})
        elif topic.status == TopicStatus.CONSISTENT:
            note = value_mismatch.truncation_note(ctx, topic)
            if note is not None:
                topic = topic.model_copy(update={"why": [*topic.why, note]})
        out.append(topic)
    return out

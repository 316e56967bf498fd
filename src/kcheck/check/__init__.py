"""Consistency checks: one module per kind of finding, each with a stable type name.

``run_checks`` runs every check not listed in ``checks.disabled`` over the topics and
returns the findings, most severe first. Topics a value or date finding is about are marked
``conflict``; the rest keep the status grouping gave them (single / consistent), and a
consistent topic that agrees only because a figure was read as cut off says so in ``why``.
"""

from __future__ import annotations

from collections.abc import Callable

from kcheck.check import date_mismatch, growth_mismatch, reused_figure, value_mismatch
from kcheck.check.context import CheckContext, sort_conflicts
from kcheck.models import Claim, Conflict, Topic, TopicStatus
from kcheck.rules import RuleSet

Check = Callable[[CheckContext], list[Conflict]]

CHECKS: dict[str, Check] = {
    value_mismatch.TYPE: value_mismatch.check,
    date_mismatch.TYPE: date_mismatch.check,
    reused_figure.TYPE: reused_figure.check,
    growth_mismatch.TYPE: growth_mismatch.check,
}

# findings that say the claims of their own topic disagree
_TOPIC_CONFLICTS = (value_mismatch.TYPE, date_mismatch.TYPE)


def run_checks(topics: list[Topic], claims: dict[str, Claim], rules: RuleSet) -> list[Conflict]:
    ctx = CheckContext(topics=topics, claims=claims, rules=rules)
    found: list[Conflict] = []
    for name, check in CHECKS.items():
        if name not in rules.checks.disabled:
            found.extend(check(ctx))
    conflicted = {c.topic_id for c in found if c.type in _TOPIC_CONFLICTS}
    for topic in topics:
        if topic.id in conflicted:
            topic.status = TopicStatus.CONFLICT
        elif topic.status == TopicStatus.CONSISTENT:
            note = value_mismatch.truncation_note(ctx, topic)
            if note is not None:
                topic.why.append(note)
    return sort_conflicts(found)

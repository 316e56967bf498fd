"""Consistency checks. (Placeholder until checks land: issue 4.)"""

from __future__ import annotations

from kcheck.models import Claim, Conflict, Topic
from kcheck.rules import RuleSet


def run_checks(topics: list[Topic], claims: dict[str, Claim], rules: RuleSet) -> list[Conflict]:
    return []

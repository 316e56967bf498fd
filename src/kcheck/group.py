"""Group claims into topics. (Placeholder until grouping lands: issue 4.)"""

from __future__ import annotations

from kcheck.models import Claim, Topic
from kcheck.rules import RuleSet


def group_claims(claims: list[Claim], rules: RuleSet) -> list[Topic]:
    return []

"""Extract claims from documents. (Placeholder until extraction lands: issue 3.)"""

from __future__ import annotations

import datetime as dt

from kcheck.models import Claim, Document
from kcheck.rules import RuleSet


class Extractor:
    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules

    def document(self, doc: Document) -> list[Claim]:
        return []

    def text(self, text: str, published: dt.date | None = None, doc: str = "") -> list[Claim]:
        return []

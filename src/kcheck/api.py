"""The library entry points; the CLI calls the same pipeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from kcheck.extract import Extractor
from kcheck.models import Claim, Report
from kcheck.pipeline import Settings, run
from kcheck.rules import RuleSet, load_rules


def extract(
    text: str,
    published: dt.date | None = None,
    rules: RuleSet | str | Path | None = None,
) -> list[Claim]:
    """Claims in a bare phrase or a paragraph; ``published`` resolves relative time."""
    ruleset = rules if isinstance(rules, RuleSet) else load_rules(rules)
    return Extractor(ruleset).text(text, published=published)


def check(paths: Sequence[str | Path], rules: RuleSet | str | Path | None = None) -> Report:
    """Load, extract, group and check the articles under ``paths``: the model behind `kcheck report`."""
    ruleset = rules if isinstance(rules, RuleSet) else load_rules(rules)
    return run(Settings(paths=tuple(str(p) for p in paths)), ruleset)

"""The library entry points; the CLI calls the same pipeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from kcheck.extract import Extractor
from kcheck.models import Claim, Report
from kcheck.pipeline import Settings, run
from kcheck.rules import RuleSet, default_rules_dir, load_rules


def _stamp(directory: Path | None) -> tuple[tuple[str, int], ...]:
    """What the rules on disk look like now: a cache key that changes when a file does."""
    dirs = [d for d in (directory, default_rules_dir()) if d is not None and d.is_dir()]
    return tuple((str(p), p.stat().st_mtime_ns) for d in dirs for p in sorted(d.glob("*.y*ml")))


@lru_cache(maxsize=8)
def _compiled(directory: str | None, stamp: tuple[tuple[str, int], ...]) -> Extractor:
    # rules and their compiled automata take ~0.2 s to build; a script calling extract()
    # in a loop should pay that once per rules directory, not once per call
    return Extractor(load_rules(directory))


def _extractor(rules: RuleSet | str | Path | None) -> Extractor:
    if isinstance(rules, RuleSet):
        return Extractor(rules)
    directory = Path(rules) if rules is not None else None
    return _compiled(str(directory) if directory is not None else None, _stamp(directory))


def extract(
    text: str,
    published: dt.date | None = None,
    rules: RuleSet | str | Path | None = None,
) -> list[Claim]:
    """Claims in a bare phrase or a paragraph; ``published`` resolves relative time.

    ``rules`` is a RuleSet, a rules directory, or None for the built-in rules.
    """
    return _extractor(rules).text(text, published=published)


def check(paths: Sequence[str | Path], rules: RuleSet | str | Path | None = None) -> Report:
    """Load, extract, group and check the articles under ``paths`` (the `kcheck report` model)."""
    ruleset = rules if isinstance(rules, RuleSet) else load_rules(rules)
    return run(Settings(paths=tuple(str(p) for p in paths)), ruleset)

"""The library entry points; the CLI calls the same pipeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from kcheck.extract import Extractor
from kcheck.models import Claim, Report, Severity
from kcheck.pipeline import Outcome, Settings, View, report
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


def check(
    paths: Sequence[str | Path],
    rules: RuleSet | str | Path | None = None,
    *,
    changed_since: str | None = None,
    baseline: str | Path | None = None,
    min_severity: Severity | str = Severity.INFO,
) -> Report:
    """Load, extract, group and check the articles under ``paths``: the Report `kcheck report`
    prints with the same options (``--changed-since``, ``--baseline``, ``--min-severity``)."""
    view = View(
        changed_since=changed_since,
        baseline=Path(baseline) if baseline is not None else None,
        min_severity=Severity(min_severity),
    )
    return run_report(paths, rules, view).shown


def run_report(
    paths: Sequence[str | Path], rules: RuleSet | str | Path | None = None, view: View | None = None
) -> Outcome:
    """``check`` with the findings the exit code counts as well:
    ``run_report(paths).exit_code(Severity.ERROR)`` is the exit code of `kcheck report --fail-on error`."""
    ruleset = rules if isinstance(rules, RuleSet) else load_rules(rules)
    return report(Settings(paths=tuple(str(p) for p in paths)), ruleset, view or View())

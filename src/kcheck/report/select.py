"""Narrow a finished Report to what one run shows, keeping the summary true to it.

The summary's conflict counts describe the conflicts the report lists; ``summary.hidden``
counts the ones a filter left out, so a reader can tell that something was hidden.
"""

from __future__ import annotations

from collections.abc import Callable

from kcheck.models import Conflict, Report, Severity


def keep(report: Report, predicate: Callable[[Conflict], bool]) -> Report:
    """The report with only the conflicts ``predicate`` accepts; the others count as hidden."""
    kept = [c for c in report.conflicts if predicate(c)]
    return recount(report, kept, hidden=report.summary.hidden + len(report.conflicts) - len(kept))


def at_least(report: Report, severity: Severity) -> Report:
    """Only conflicts at or above ``severity`` (what --min-severity shows)."""
    return keep(report, lambda c: c.severity.rank >= severity.rank)


def recount(report: Report, conflicts: list[Conflict], hidden: int | None = None) -> Report:
    """A copy of ``report`` listing ``conflicts``, with the summary counted from them."""
    counts = {s.value: 0 for s in Severity}
    for conflict in conflicts:
        counts[conflict.severity.value] += 1
    summary = report.summary.model_copy(
        update={
            "conflicts": counts,
            "baselined": sum(1 for c in conflicts if c.baselined),
            "suppressed": sum(1 for c in conflicts if c.suppression is not None),
            "hidden": report.summary.hidden if hidden is None else hidden,
        }
    )
    return report.model_copy(update={"conflicts": conflicts, "summary": summary})

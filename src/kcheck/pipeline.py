"""The map of the program: load -> extract -> normalise -> group -> check -> report.

``run`` is the Report of a corpus; ``report`` is what one `kcheck report` run shows of it
(findings of changed documents only, baselined findings marked, low severities hidden) and
the exit code it decides, so the library and the CLI give the same report.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kcheck import baseline as baselines
from kcheck import progress, suppress
from kcheck.changed import changed_files, involving
from kcheck.check import context as check_context
from kcheck.check import run_checks, settle_topics
from kcheck.compact import Shared
from kcheck.engine import Job, Worker, gather
from kcheck.engine import local as local_engine
from kcheck.errors import UsageError
from kcheck.group import Grouping, campaign_periods
from kcheck.load import STDIN, Listing, list_sources, shown_path
from kcheck.models import (
    Claim,
    Conflict,
    DocumentInfo,
    FileProblem,
    Report,
    Severity,
    Summary,
    Suppression,
    TopicStatus,
)
from kcheck.report.select import at_least
from kcheck.rules import RuleSet
from kcheck.settings import Settings as Settings

if TYPE_CHECKING:
    from kcheck.engine.dask import Session as DaskSession


@dataclass(frozen=True)
class View:
    """What one run shows of the corpus's report (the options of `kcheck report`)."""

    # only findings involving a document changed since this git ref (--changed-since); git
    # runs in the directory of the first path
    changed_since: str | None = None
    # findings this baseline file lists are marked baselined: shown, never failing (--baseline)
    baseline: Path | None = None
    # findings below this are left out of the shown report, not of the exit code (--min-severity)
    min_severity: Severity = Severity.INFO
    # record this run's findings here (--write-baseline); they are then baselined in this run too
    write_baseline: Path | None = None
    # rewrite ``baseline`` without its stale entries (--update-baseline)
    update_baseline: bool = False


@dataclass(frozen=True)
class Outcome:
    """One `kcheck report` run: every finding it counts, and the report it shows."""

    counted: Report  # after --changed-since and --baseline: what --fail-on and --write-baseline count
    shown: Report = field(repr=False)  # ``counted`` without the findings below --min-severity
    min_severity: Severity = Severity.INFO
    wrote_baseline: int | None = None  # entries written by --write-baseline
    removed_stale: int | None = None  # entries --update-baseline removed

    def failing(self, fail_on: Severity | None) -> list[Conflict]:
        """Findings at or above ``fail_on`` that neither a baseline nor a marker accepts."""
        if fail_on is None:
            return []
        return [
            c
            for c in self.counted.conflicts
            if not c.baselined and c.suppression is None and c.severity.rank >= fail_on.rank
        ]

    def exit_code(self, fail_on: Severity | None) -> int:
        """0 when no (non-baselined, non-suppressed) finding is at or above ``fail_on`` (None: never), else 1."""
        return 1 if self.failing(fail_on) else 0

    def hidden_failure(self, fail_on: Severity | None) -> str | None:
        """One line saying how many findings the report hides fail the run and how to see them,
        or None when every finding that fails it is shown."""
        shown = {c.id for c in self.shown.conflicts}
        hidden = [c for c in self.failing(fail_on) if c.id not in shown]
        if not hidden or fail_on is None:
            return None
        worst = min((c.severity for c in hidden), key=lambda s: s.rank)
        n = len(hidden)
        return (
            f"{n} finding{'s' if n != 1 else ''} at or above --fail-on {fail_on.value} "
            f"{'are' if n != 1 else 'is'} hidden by --min-severity {self.min_severity.value} and "
            f"fail{'' if n != 1 else 's'} this run; add --min-severity {worst.value} to see "
            f"{'them' if n != 1 else 'it'}"
        )


@dataclass
class Extraction:
    """The corpus after load and extract: what `kcheck claims` lists and `report` checks."""

    documents: list[DocumentInfo]
    problems: list[FileProblem]
    claims: list[Claim]
    suppressions: list[Suppression] = field(default_factory=list)
    # one object per distinct text and period of the claims, for the topics made of them
    shared: Shared = field(default_factory=Shared, repr=False)


def collect(
    settings: Settings,
    rules: RuleSet,
    session: DaskSession | None = None,
    listing: Listing | None = None,
    grouping: Grouping | None = None,
) -> Extraction:
    """List every file under the paths (unless ``listing`` is that list, made by the caller),
    then load and extract each one (in worker processes, on a Dask cluster, or from the
    cache), gathered in listing order. ``grouping`` is given each document's claims as they
    are gathered, and the run's Shared (kcheck.compact) is its."""
    if settings.engine == "dask" and session is None:
        with dask_session(settings) as opened:
            return collect(settings, rules, opened, listing, grouping)
    progress.phase("reading files")
    if listing is None:
        listing = list_sources(settings.paths, settings.selection, settings.root)
    job = Job.of(rules, settings.cache_dir)
    local = Worker(job)
    if local.cache is not None:
        local.cache.open()  # created (or rebuilt) before any worker reads it
    progress.phase("extracting claims", len(listing.sources))
    shared = grouping.shared if grouping is not None else Shared()
    try:
        pooled = False
        if session is not None:
            results = session.results(listing.sources, job)
        else:
            jobs = settings.jobs if settings.jobs is not None else local_engine.default_jobs()
            results = local_engine.results(listing.sources, job, local, jobs)
            pooled = local_engine.pooled(len(listing.sources), jobs)
        # this process only decodes what the workers send (no parse trees, no cycles)
        with without_cycle_collection() if pooled else contextlib.nullcontext():
            each = grouping.add if grouping is not None else None
            documents, problems, claims, markers = gather(listing, results, local, shared, each)
    finally:
        if local.cache is not None:
            local.cache.close()
    return Extraction(
        documents=documents, problems=problems, claims=claims, suppressions=markers, shared=shared
    )


@contextlib.contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused (SPEED TRICK, measured in benchmarks/stages.py).

    Grouping and checking allocate millions of small objects (keys, intervals, sets) beside
    the claims; each of the collector's full passes walks every claim of the archive, and at
    10,000 articles those passes were half the checks' time (checks 10.0 s -> 4.4 s, group
    5.3 s -> 4.0 s without them). The objects made here hold no reference cycles, so
    reference counting frees them all the same; the collector resumes afterwards.

    Also while the claims that worker processes send are decoded and gathered (``collect``
    with a pool: the passes over every claim gathered so far took this process from 2.5 s
    to 3.6 s of CPU at 10,000 cached articles). Workers turn it back on for their own work.

    And while a fresh `kcheck report` is rendered and written (``cli.report_cmd``): everything
    grouping and checking made is still young to the collector then, so a text or HTML
    report set off passes over all of it (10,000 articles: text 1.96 -> 1.33 s CPU, HTML
    4.9 -> 3.0 s, same peak memory; the JSON report allocates too little to set them off).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def dask_session(settings: Settings) -> Iterator[DaskSession]:
    from kcheck.engine import dask as dask_engine

    with dask_engine.session(settings.scheduler, settings.jobs) as session:
        yield session


def run(settings: Settings, rules: RuleSet, listing: Listing | None = None) -> Report:
    """The whole pipeline: collect, group, check; the Report every output format renders.
    ``listing``: the files of ``settings.paths`` when the caller has listed them already."""
    unique: dict[str, list[Claim]] = {}  # each topic's claims without repeats, from grouping
    grouping = None
    dated: dict[str, Claim] = {}  # claims dated by their owner's festival campaign (group.campaign_periods)
    if settings.engine == "dask":
        with dask_session(settings) as session:
            extraction = collect(settings, rules, session, listing)
            dated = campaign_periods(extraction.claims, rules)
            grouped = extraction.shared.topics(session.group(extraction.claims, rules, dated))
    else:
        # claims are grouped as they are gathered, while the workers extract the next files
        grouping = Grouping(rules, Shared(), unique)
        extraction = collect(settings, rules, listing=listing, grouping=grouping)
    claims, problems = extraction.claims, extraction.problems
    progress.phase("grouping and checking")
    with without_cycle_collection():
        if grouping is not None:
            grouped = grouping.topics()
            dated = grouping.dated
        if dated:  # a festival's undated 期间 dated by its owner's campaign, as grouped
            claims = [dated.get(c.id, c) for c in claims]
        by_id = {c.id: c for c in claims}
        # shared: each topic's claims sorted out once
        checking = check_context(grouped, by_id, rules, unique)
        conflicts = run_checks(grouped, by_id, rules, checking)
        topics = settle_topics(grouped, conflicts, by_id, rules, checking)
    summary = Summary(
        documents=len(extraction.documents),
        claims=len(claims),
        topics=len(topics),
        corroborated=sum(1 for t in topics if t.status == TopicStatus.CONSISTENT and len(t.sources) > 1),
        unreadable=len(problems),
        undated=sum(1 for d in extraction.documents if d.published is None),
    )
    for conflict in conflicts:
        summary.conflicts[conflict.severity.value] += 1
    found = Report(
        documents=extraction.documents,
        unreadable=problems,
        topics=topics,
        conflicts=conflicts,
        claims=claims,
        summary=summary,
    )
    return suppress.apply(found, extraction.suppressions) if extraction.suppressions else found


def report(
    settings: Settings,
    rules: RuleSet,
    view: View,
    corpus: Callable[[Settings, RuleSet], Report] | None = None,
) -> Outcome:
    """The report one `kcheck report` run shows. The baseline file and the git ref are read
    before the corpus, so that a mistake in either is reported without checking anything.

    The baseline is compared with every finding (so an entry for an unchanged document is
    not stale under --changed-since); --write-baseline records every finding and then
    baselines them in this run, which therefore passes; --update-baseline drops stale entries.
    ``corpus`` computes the corpus's Report (default ``run``; the CLI passes a cached one).
    """
    if view.update_baseline and view.baseline is None:
        raise UsageError("--update-baseline needs --baseline FILE (the file to update)")
    baseline = baselines.read(view.baseline) if view.baseline is not None else None
    changed = changed_files(view.changed_since, Path(settings.paths[0])) if view.changed_since else None
    counted = (corpus or run)(settings, rules)
    removed = None
    if baseline is not None and view.baseline is not None:
        # an article on stdin is not the corpus: the baseline's other entries are not stale
        whole = STDIN not in settings.paths
        counted = baselines.apply(counted, baseline, shown_path(str(view.baseline), settings.root), whole)
        if view.update_baseline:
            removed = len(counted.stale)
            baselines.save(view.baseline, baselines.without_stale(baseline, counted), settings.paths)
    wrote = None
    if view.write_baseline is not None:
        written = baselines.from_report(counted)
        baselines.save(view.write_baseline, written, settings.paths)
        wrote = len(written.findings)
        counted = baselines.apply(counted, written, shown_path(str(view.write_baseline), settings.root))
    if changed is not None:
        counted = involving(counted, changed, Path(settings.root) if settings.root else None)
    return Outcome(
        counted=counted,
        shown=at_least(counted, view.min_severity),
        min_severity=view.min_severity,
        wrote_baseline=wrote,
        removed_stale=removed,
    )

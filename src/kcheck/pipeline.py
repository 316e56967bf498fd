"""The map of the program: load -> extract -> normalise -> group -> check -> report.

``run`` is the Report of a corpus; ``report`` is what one `kcheck report` run shows of it
(findings of changed documents only, baselined findings marked, low severities hidden) and
the exit code it decides, so the library and the CLI give the same report.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kcheck import baseline as baselines
from kcheck.changed import changed_files, involving
from kcheck.check import run_checks, settle_topics
from kcheck.engine import Job, Worker, gather
from kcheck.engine import local as local_engine
from kcheck.group import group_claims
from kcheck.load import list_sources
from kcheck.models import Claim, DocumentInfo, FileProblem, Report, Severity, Summary, TopicStatus
from kcheck.progress import Progress
from kcheck.report.select import at_least
from kcheck.rules import RuleSet

if TYPE_CHECKING:
    from kcheck.engine.dask import Session as DaskSession


@dataclass(frozen=True)
class Settings:
    """What one run needs besides the rules; plain data so it can travel to workers."""

    paths: tuple[str, ...] = ("corpus",)
    # worker processes for load + extract (--jobs); None: the machine's cores
    jobs: int | None = None
    # the incremental cache's directory (--cache-dir); None: no cache (--no-cache)
    cache_dir: Path | None = None
    # "local" (this machine) or "dask" (--engine); scheduler: a Dask scheduler's address
    engine: str = "local"
    scheduler: str | None = None
    # a progress bar on stderr when it is a terminal
    progress: bool = False


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


@dataclass(frozen=True)
class Outcome:
    """One `kcheck report` run: every finding it counts, and the report it shows."""

    counted: Report  # after --changed-since and --baseline: what --fail-on and --write-baseline count
    shown: Report = field(repr=False)  # ``counted`` without the findings below --min-severity

    def exit_code(self, fail_on: Severity | None) -> int:
        """0 when no (non-baselined) finding is at or above ``fail_on`` (None: never), else 1."""
        if fail_on is None:
            return 0
        failing = [c for c in self.counted.conflicts if not c.baselined and c.severity.rank >= fail_on.rank]
        return 1 if failing else 0


@dataclass
class Extraction:
    """The corpus after load and extract: what `kcheck claims` lists and `report` checks."""

    documents: list[DocumentInfo]
    problems: list[FileProblem]
    claims: list[Claim]


def collect(settings: Settings, rules: RuleSet, session: DaskSession | None = None) -> Extraction:
    """List every file under the paths, then load and extract each one (in worker processes,
    on a Dask cluster, or from the cache), gathered in listing order."""
    if settings.engine == "dask" and session is None:
        with dask_session(settings) as opened:
            return collect(settings, rules, opened)
    listing = list_sources(settings.paths)
    job = Job.of(rules, settings.cache_dir)
    local = Worker(job)
    if local.cache is not None:
        local.cache.open()  # created (or rebuilt) before any worker reads it
    progress = Progress(len(listing.sources), enabled=None if settings.progress else False)
    try:
        if session is not None:
            results = session.results(listing.sources, job)
        else:
            jobs = settings.jobs if settings.jobs is not None else local_engine.default_jobs()
            results = local_engine.results(listing.sources, job, local, jobs)
        documents, problems, claims = gather(listing, results, local, progress)
    finally:
        progress.close()
        if local.cache is not None:
            local.cache.close()
    return Extraction(documents=documents, problems=problems, claims=claims)


@contextlib.contextmanager
def dask_session(settings: Settings) -> Iterator[DaskSession]:
    from kcheck.engine import dask as dask_engine

    with dask_engine.session(settings.scheduler, settings.jobs) as session:
        yield session


def run(settings: Settings, rules: RuleSet) -> Report:
    """The whole pipeline: collect, group, check; the Report every output format renders."""
    if settings.engine == "dask":
        with dask_session(settings) as session:
            extraction = collect(settings, rules, session)
            grouped = session.group(extraction.claims, rules)
    else:
        extraction = collect(settings, rules)
        grouped = None
    claims, problems = extraction.claims, extraction.problems
    progress = Progress(0, enabled=None if settings.progress else False)
    progress.set_stage("group + check", len(claims))
    if grouped is None:
        grouped = group_claims(claims, rules)
    by_id = {c.id: c for c in claims}
    conflicts = run_checks(grouped, by_id, rules)
    topics = settle_topics(grouped, conflicts, by_id, rules)
    summary = Summary(
        documents=len(extraction.documents),
        claims=len(claims),
        topics=len(topics),
        corroborated=sum(1 for t in topics if t.status == TopicStatus.CONSISTENT and len(t.sources) > 1),
        unreadable=len(problems),
    )
    for conflict in conflicts:
        summary.conflicts[conflict.severity.value] += 1
    progress.close()
    return Report(
        documents=extraction.documents,
        unreadable=problems,
        topics=topics,
        conflicts=conflicts,
        claims=claims,
        summary=summary,
    )


def report(settings: Settings, rules: RuleSet, view: View) -> Outcome:
    """The report one `kcheck report` run shows. The baseline file and the git ref are read
    before the corpus, so that a mistake in either is reported without checking anything."""
    baseline = baselines.read(view.baseline) if view.baseline is not None else None
    changed = changed_files(view.changed_since, Path(settings.paths[0])) if view.changed_since else None
    counted = run(settings, rules)
    if changed is not None:
        counted = involving(counted, changed)
    if baseline is not None and view.baseline is not None:
        counted = baselines.apply(counted, baseline, str(view.baseline))
    return Outcome(counted=counted, shown=at_least(counted, view.min_severity))

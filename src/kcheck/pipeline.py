"""The map of the program: load -> extract -> normalise -> group -> check -> report.

``run`` is the Report of a corpus; ``report`` is what one `kcheck report` run shows of it
(findings of changed documents only, baselined findings marked, low severities hidden) and
the exit code it decides, so the library and the CLI give the same report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kcheck import baseline as baselines
from kcheck.changed import changed_files, involving
from kcheck.check import run_checks, settle_topics
from kcheck.extract import Extractor
from kcheck.group import group_claims
from kcheck.load import load_paths
from kcheck.models import Claim, DocumentInfo, FileProblem, Report, Severity, Summary, TopicStatus
from kcheck.report.select import at_least
from kcheck.rules import RuleSet


@dataclass(frozen=True)
class Settings:
    """What one run needs besides the rules; plain data so it can travel to workers."""

    paths: tuple[str, ...] = ("corpus",)


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


def collect(settings: Settings, rules: RuleSet) -> Extraction:
    """Load every file under the paths and extract its claims."""
    documents, problems = load_paths(settings.paths, rules)
    extractor = Extractor(rules)
    claims: list[Claim] = []
    infos: list[DocumentInfo] = []
    for doc in documents:
        found = extractor.document(doc)
        claims.extend(found)
        infos.append(
            DocumentInfo(
                path=doc.path,
                title=doc.title,
                source=doc.source,
                published=doc.published,
                published_from=doc.published_from,
                published_note=doc.published_note,
                format=doc.format,
                encoding=doc.encoding,
                sentences=len(doc.sentences),
                claims=len(found),
                notes=doc.notes,
            )
        )
    return Extraction(documents=infos, problems=problems, claims=claims)


def run(settings: Settings, rules: RuleSet) -> Report:
    """The whole pipeline: collect, group, check; the Report every output format renders."""
    extraction = collect(settings, rules)
    claims, problems = extraction.claims, extraction.problems
    by_id = {c.id: c for c in claims}
    grouped = group_claims(claims, rules)
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

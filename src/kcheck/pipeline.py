"""The map of the program: load -> extract -> normalise -> group -> check -> report."""

from __future__ import annotations

from dataclasses import dataclass

from kcheck.check import run_checks
from kcheck.extract import Extractor
from kcheck.group import group_claims
from kcheck.load import load_paths
from kcheck.models import Claim, DocumentInfo, FileProblem, Report, Summary, TopicStatus
from kcheck.rules import RuleSet


@dataclass(frozen=True)
class Settings:
    """What one run needs besides the rules; plain data so it can travel to workers."""

    paths: tuple[str, ...] = ("corpus",)


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
    topics = group_claims(claims, rules)
    by_id = {c.id: c for c in claims}
    conflicts = run_checks(topics, by_id, rules)
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

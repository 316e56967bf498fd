"""Load + extract over many files: the unit of work, and the engines that run it.

One file is one unit (:func:`process`): read its bytes, look it up in the cache by content,
and on a miss load and extract it. What travels back from a worker is compact: a
:class:`~kcheck.models.FileProblem`, or the document's summary and its claims as the
cache's JSON (each sentence written once, the claims pointing at it), never the raw text
or the Document. :mod:`.local` runs the units in this process or in a pool of worker
processes (``--jobs``); :mod:`.dask` runs them as a Dask bag on any Dask cluster. Every
engine yields the results in the order the files were listed, so the report is the same
whichever ran it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kcheck import cache as caching
from kcheck import progress
from kcheck.cache import Cache, Extracted
from kcheck.compact import Shared
from kcheck.errors import LoadError
from kcheck.extract import Extractor
from kcheck.load import Listing, Source, load_source
from kcheck.models import Claim, Document, DocumentInfo, FileProblem, Suppression
from kcheck.readfile import EMPTY, read_bytes
from kcheck.rules import RuleSet


@dataclass(frozen=True)
class Job:
    """What every unit of one run shares; plain data, so it pickles to any worker."""

    rules: RuleSet
    cache_dir: Path | None = None
    # rules hash + code hash: part of every cache key
    context: str = ""

    @classmethod
    def of(cls, rules: RuleSet, cache_dir: Path | None) -> Job:
        context = f"{caching.code_hash()}:{caching.rules_hash(rules)}" if cache_dir is not None else ""
        return cls(rules=rules, cache_dir=cache_dir, context=context)


@dataclass
class Result:
    """One file's outcome: a problem, or its document summary and claims."""

    problem: FileProblem | None = None
    extracted: Extracted | None = None
    # the cache JSON of ``extracted``; with ``key`` set it is new and should be stored
    payload: str | None = None
    key: str | None = None
    cached: bool = False
    # the content hash of the bytes read (kcheck.cache.content_digest): a run keyed by
    # kcheck.rerun learns it here instead of reading every file before the workers start
    content: str | None = None

    def compact(self) -> Result:
        """What a worker sends back: the JSON, not the objects."""
        if self.problem is not None:
            return self
        payload = self.payload
        if payload is None and self.extracted is not None:
            payload = caching.encode(self.extracted.info, self.extracted.claims, self.extracted.suppressions)
        return Result(payload=payload, key=self.key, cached=self.cached, content=self.content)

    def expand(self) -> Result:
        """The objects of a result that travelled as JSON (raises ValueError if it is not one)."""
        if self.extracted is None and self.payload is not None:
            self.extracted = caching.decode(self.payload)
        return self


def info_of(doc: Document, claims: int) -> DocumentInfo:
    return DocumentInfo(
        path=doc.path,
        title=doc.title,
        source=doc.source,
        published=doc.published,
        published_from=doc.published_from,
        published_note=doc.published_note,
        format=doc.format,
        encoding=doc.encoding,
        sentences=len(doc.sentences),
        claims=claims,
        notes=doc.notes,
    )


def _manifest_text(source: Source) -> str:
    if source.manifest is None:
        return ""
    return json.dumps(source.manifest.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)


@dataclass
class Worker:
    """The per-process state of a run: compiled extractor, cache connection (read-only in
    a worker process: only the process that owns the run writes)."""

    job: Job
    readonly: bool = False
    extractor: Extractor = field(init=False)
    cache: Cache | None = field(init=False)

    def __post_init__(self) -> None:
        self.extractor = Extractor(self.job.rules)
        self.cache = Cache(self.job.cache_dir, readonly=self.readonly) if self.job.cache_dir else None

    def process(self, source: Source, use_cache: bool = True) -> Result:
        """Load and extract one file, or take it from the cache."""
        key = raw = content = None
        if self.cache is not None and source.raw is None:  # stdin is never cached
            try:
                raw = read_bytes(source.path, source.display)
            except LoadError as exc:
                # an empty file has a content (none); any other is not known, nor its run keyed
                empty = caching.content_digest(b"") if exc.reason == EMPTY else None
                return Result(problem=FileProblem(path=source.display, error=exc.reason), content=empty)
            content = caching.content_digest(raw)
            key = caching.file_key(source.display, content, _manifest_text(source), self.job.context)
            payload = self.cache.get_payload(key) if use_cache else None
            if payload is not None:
                return Result(payload=payload, cached=True, content=content)
        loaded = load_source(source, self.job.rules, raw=raw)
        if isinstance(loaded, FileProblem):
            return Result(problem=loaded, content=content)
        claims = self.extractor.document(loaded)
        extracted = Extracted(
            info=info_of(loaded, len(claims)), claims=claims, suppressions=loaded.suppressions
        )
        payload = caching.encode(extracted.info, claims, loaded.suppressions) if key is not None else None
        return Result(extracted=extracted, payload=payload, key=key, content=content)

    def process_many(self, sources: list[Source]) -> list[Result]:
        return [self.process(s).compact() for s in sources]


def partition_key(source: Source) -> int:
    """A stable integer for a file (Python's str hash differs between processes)."""
    return int(
        hashlib.blake2b(source.display.encode("utf-8", "surrogatepass"), digest_size=7).hexdigest(), 16
    )


def gather(
    listing: Listing,
    results: Iterator[tuple[int, Result]],
    local: Worker,
    shared: Shared | None = None,
    each: Callable[[list[Claim]], object] | None = None,
) -> tuple[list[DocumentInfo], list[FileProblem], list[Claim], list[Suppression]]:
    """The run's documents, problems and claims from results in listing order; new cache
    rows stored (by ``local``, the run's own writable cache) in batches as they come, each
    batch one transaction. A cached value that does not read back is extracted again.
    Claims are kept compact (``shared``: one for the run, kcheck.compact) as they come, and
    handed to ``each`` a document at a time (grouping them while the next are extracted)."""
    shared = shared if shared is not None else Shared()
    documents: list[DocumentInfo] = []
    claims: list[Claim] = []
    markers: list[Suppression] = []
    failed: dict[int, FileProblem] = {}
    pending: list[tuple[str, str]] = []
    cache = local.cache
    for index, result in results:
        if result.problem is None:
            try:
                result.expand()
            except (ValueError, KeyError, TypeError):
                result = local.process(listing.sources[index], use_cache=False)
        if result.content is not None:
            listing.read[index] = result.content
        if result.problem is not None:
            failed[index] = result.problem
        elif result.extracted is not None:
            documents.append(result.extracted.info)
            found = shared.claims(result.extracted.claims)
            claims.extend(found)
            if each is not None:
                each(found)
            markers.extend(result.extracted.suppressions)
            if result.key is not None and result.payload is not None:
                pending.append((result.key, result.payload))
        if cache is not None and len(pending) >= 256:
            cache.put_many(pending)
            pending.clear()
        progress.advance()
    if cache is not None:
        cache.put_many(pending)
    return documents, listing.merge_problems(failed), claims, markers

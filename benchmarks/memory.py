"""What a run's claims and topics cost in memory, as kcheck holds them and without kcheck.compact (not run in CI).

A generated archive (``benchmarks/archive.py``, default 2,000 articles) is extracted once,
in this process, into the per-file cache's JSON (what a warm run reads back). Then, in this
same process and under tracemalloc (allocations counted, not the machine's pages):

- the claims decoded from that JSON as they come (slots records, kcheck.models.Record, each
  with its own strings and periods), and the same claims made compact by
  ``kcheck.compact.Shared`` as ``engine.gather`` does: bytes per claim;
- the topics grouping builds from each set of claims (``group_claims``, compact topics for
  the compact claims, as ``pipeline.run`` does): bytes per topic kept, and the peak while
  grouping;
- that the JSON report of both is the same text (nothing but memory may change).

With ``--stages``, the run's stages instead, as ``pipeline.run`` and the JSON output take
them (compact claims, the cycle collector paused): the bytes each stage leaves held and
its peak (tracemalloc, so the same on a loaded machine), the report's digest last. Run it
on two source trees (``PYTHONPATH=/tmp/old/src python benchmarks/memory.py --stages``) to
compare them (with ``--root DIR``, so that both read the same paths): the digests must be equal.

Bytes per claim and per topic do not depend on the archive's size (the archive is the same
mix at every size), so the ratio measured here is the ratio a 100,000-article run gets.

    python benchmarks/memory.py
    python benchmarks/memory.py --articles 500
    python benchmarks/memory.py --stages --articles 2000
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))
import archive  # next to this file
from kcheck import cache as caching
from kcheck.compact import Shared
from kcheck.engine import Job, Worker
from kcheck.group import group_claims
from kcheck.load import list_sources
from kcheck.models import Claim, Report, Topic
from kcheck.report import stream
from kcheck.rules import RuleSet, load_rules
from kcheck.settings import Settings

T = TypeVar("T")


def payloads(root: Path, rules: RuleSet) -> list[str]:
    settings = Settings(paths=(str(root / "articles"),))
    listing = list_sources(settings.paths, settings.selection, settings.root)
    worker = Worker(Job.of(rules, None))
    out = []
    for source in listing.sources:
        result = worker.process(source)
        if result.extracted is not None:
            out.append(caching.encode(result.extracted.info, result.extracted.claims))
    return out


def traced(make: Callable[[], T]) -> tuple[T, int, int]:
    """``make()`` and the bytes it left allocated and its peak, counted by tracemalloc."""
    gc.collect()
    tracemalloc.start()
    try:
        value = make()
        gc.collect()
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return value, kept, peak


def decoded(rows: list[str], shared: Shared | None) -> list[Claim]:
    claims: list[Claim] = []
    for row in rows:
        found = caching.decode(row).claims
        claims.extend(shared.claims(found) if shared is not None else found)
    return claims


def measure(rows: list[str], rules: RuleSet, shared: Shared | None) -> tuple[int, int, int, int, int, str]:
    """(claims, bytes they keep, topics, bytes they keep, peak while grouping, report digest)."""
    claims, claim_bytes, _ = traced(lambda: decoded(rows, shared))
    gc.disable()  # as pipeline.run groups (without_cycle_collection)
    try:
        topics, topic_bytes, topic_peak = traced(lambda: group_claims(claims, rules, shared))
    finally:
        gc.enable()
    return len(claims), claim_bytes, len(topics), topic_bytes, topic_peak, digest(claims, topics)


def digest(claims: list[Claim], topics: list[Topic]) -> str:
    h = hashlib.sha256()
    for chunk in stream(Report(claims=claims, topics=topics), "json"):
        h.update(chunk.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def stages(rows: list[str], rules: RuleSet) -> str:
    """Each stage's held and peak bytes over the claims, as a Markdown table; the report's digest."""
    from kcheck.check import CHECKS, settle_topics
    from kcheck.check import context as check_context
    from kcheck.models import Summary

    shared = Shared()
    gc.collect()
    tracemalloc.start()
    lines = ["| stage | held after, MB | peak during, MB | held bytes per claim |", "|---|---:|---:|---:|"]
    base = tracemalloc.get_traced_memory()[0]
    n = 0

    def mark(stage: str) -> None:
        held, peak = tracemalloc.get_traced_memory()
        lines.append(
            f"| {stage} | {(held - base) / 1e6:,.1f} | {(peak - base) / 1e6:,.1f} | {(held - base) / max(n, 1):,.0f} |"
        )
        tracemalloc.reset_peak()

    claims = decoded(rows, shared)
    n = len(claims)
    mark(f"claims decoded ({n:,})")
    gc.disable()  # as pipeline.run groups and checks (without_cycle_collection)
    try:
        topics = group_claims(claims, rules, shared)
        mark(f"grouped ({len(topics):,} topics)")
        by_id = {c.id: c for c in claims}
        ctx = check_context(topics, by_id, rules)
        conflicts = []
        for name, check in CHECKS.items():
            if name not in rules.checks.disabled:
                conflicts.extend(check(ctx))
                mark(f"check {name}")
        settled = settle_topics(topics, conflicts, by_id, rules, ctx)
        mark("settled")
        del ctx, by_id, topics
        report = Report(claims=claims, topics=settled, conflicts=conflicts, summary=Summary(claims=n))
        h = hashlib.sha256()
        for chunk in stream(report, "json"):
            h.update(chunk.encode("utf-8", "surrogatepass"))
        mark("JSON rendered")
    finally:
        gc.enable()
        tracemalloc.stop()
    print("\n".join(lines))
    return h.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20260301)
    parser.add_argument("--stages", action="store_true", help="each stage's held and peak bytes instead")
    parser.add_argument(
        "--root", type=Path, help="build the archive here and keep it (the same paths, so the same digest)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kcheck-memory-") as tmp:
        root = args.root.resolve() if args.root is not None else Path(tmp)
        if not (root / "articles").is_dir():
            archive.build(root, args.articles, args.seed)
        rules = load_rules(root / "rules")
        t = time.perf_counter()
        rows = payloads(root, rules)
        print(f"{args.articles:,} articles extracted in {time.perf_counter() - t:.0f}s", file=sys.stderr)
    if args.stages:
        print(f"\nJSON report digest: {stages(rows, rules)}")
        return 0
    results = {
        "as decoded": measure(rows, rules, None),
        "kcheck.compact": measure(rows, rules, Shared()),
    }
    print(
        "| claims held | claims | bytes per claim | topics | bytes per topic kept | peak while grouping, MB |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name, (n, cb, nt, tb, tp, _) in results.items():
        print(f"| {name} | {n:,} | {cb / n:,.0f} | {nt:,} | {tb / nt:,.0f} | {tp / 1e6:,.1f} |")
    plain, compact = results.values()
    print(
        f"\nclaims {plain[1] / plain[0]:,.0f} -> {compact[1] / compact[0]:,.0f} bytes ({plain[1] / compact[1]:.2f}x less); "
        f"topics {plain[3] / plain[2]:,.0f} -> {compact[3] / compact[2]:,.0f} bytes ({plain[3] / compact[3]:.2f}x less); "
        f"peak while grouping {plain[4] / compact[4]:.2f}x less"
    )
    print("JSON report: " + ("the same text" if plain[5] == compact[5] else "DIFFERENT (a defect)"))
    return 0 if plain[5] == compact[5] else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Group, check and render at archive scale: each stage's time and the peak memory (not run in CI).

For each size (default 1,000 and 10,000 articles), a generated archive from
``benchmarks/archive.py`` (same seed) is extracted once (through the cache, so a second
measurement of a size does not extract again), then a fresh child process reads the
claims back from the cache and times the stages after extraction, as ``kcheck report
--format json`` runs them: group, checks, settle (topic status), and the JSON report
streamed to /dev/null. It also records the child's resident memory once the claims are
loaded and its peak over the whole run.

The smallest size is the baseline, measured in this same run: each stage's time at the
larger sizes is printed as a ratio against it, beside the ratio of the articles (near
linear: x10 articles in about x10 time), and the peak memory beside the memory the loaded
claims take (the report should cost little beyond the claims, never another copy of the
text). Absolute seconds move with the machine's load; the ratios are what to read.

    python benchmarks/stages.py
    python benchmarks/stages.py --sizes 1000,10000 --archives /tmp/arch   # keep archives and cache
    python benchmarks/stages.py --format text     # the render stage in another format

The report is rendered as ``kcheck report`` renders it, with the cycle collector paused.
Claims are grouped as they are gathered, as ``pipeline.run`` groups them: "collect" includes
working out each claim's key (in a cold run, while the workers extract the next files), and
"group" is only what is left after the last claim.
"""

from __future__ import annotations

import argparse
import inspect
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import archive  # next to this file

STAGES = ("collect", "group", "checks", "settle", "render")


def _rss_mb() -> float:
    """Current resident memory of this process (Linux /proc), in MB."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def child(root: Path, cache: Path, fmt: str = "json") -> dict[str, float]:
    """One measured run of the stages after extraction, in this (fresh) process."""
    from kcheck import pipeline
    from kcheck.check import context, run_checks, settle_topics
    from kcheck.group import group_claims
    from kcheck.models import Report
    from kcheck.output import write_atomic
    from kcheck.report import stream
    from kcheck.rules import load_rules

    rules = load_rules(root / "rules")
    settings = pipeline.Settings(paths=(str(root / "articles"),), cache_dir=cache)
    out: dict[str, float] = {}
    # each topic's claims without repeats, handed from grouping to the checks as
    # pipeline.run does (a tree from before that groups and checks without them)
    unique: dict[str, Any] = {}
    handed = "unique" in inspect.signature(group_claims).parameters
    # claims grouped as they are gathered, as pipeline.run does (a tree from before groups
    # them all after collecting): "collect" then includes working out each claim's key, and
    # "group" is what is left once the last claim is in
    grouping = None
    if "grouping" in inspect.signature(pipeline.collect).parameters:
        from kcheck.compact import Shared
        from kcheck.group import Grouping

        grouping = Grouping(rules, Shared(), unique)
    t = time.perf_counter()
    extraction = (
        pipeline.collect(settings, rules, grouping=grouping)
        if grouping is not None
        else pipeline.collect(settings, rules)
    )
    out["collect"] = time.perf_counter() - t
    out["claims_mb"] = _rss_mb()
    out["claims"] = len(extraction.claims)
    with pipeline.without_cycle_collection():  # as pipeline.run groups and checks
        t = time.perf_counter()
        if grouping is not None:
            grouped = grouping.topics()
        elif handed:
            grouped = group_claims(extraction.claims, rules, None, unique)
        else:
            grouped = group_claims(extraction.claims, rules)
        out["group"] = time.perf_counter() - t
        by_id = {c.id: c for c in extraction.claims}
        checking = context(grouped, by_id, rules, unique) if handed else context(grouped, by_id, rules)
        t = time.perf_counter()
        conflicts = run_checks(grouped, by_id, rules, checking)
        out["checks"] = time.perf_counter() - t
        t = time.perf_counter()
        topics = settle_topics(grouped, conflicts, by_id, rules, checking)
        out["settle"] = time.perf_counter() - t
    report = Report(
        documents=extraction.documents, topics=topics, conflicts=conflicts, claims=extraction.claims
    )
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        with pipeline.without_cycle_collection():  # as kcheck report writes it
            write_atomic(Path(tmp) / "report.json", stream(report, fmt))
        out["render"] = time.perf_counter() - t
        out["report_mb"] = (Path(tmp) / "report.json").stat().st_size / 2**20
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def measure(root: Path, cache: Path, fmt: str = "json") -> dict[str, float]:
    """``child`` in a fresh interpreter, so its peak memory is its own."""
    # a first run fills the cache (kcheck's code is part of its key), so the measured one reads it
    command = [sys.executable, __file__, "--child", str(root), str(cache), "--format", fmt]
    subprocess.run(command, check=True, capture_output=True)
    done = subprocess.run(
        command,
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(done.stdout))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="articles per archive, smallest = baseline")
    parser.add_argument("--seed", type=int, default=20260301)
    parser.add_argument("--archives", type=Path, help="keep archives and caches here (default: a temp dir)")
    parser.add_argument("--format", default="json", help="the report format the render stage writes")
    parser.add_argument("--child", nargs=2, metavar=("ARCHIVE", "CACHE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(Path(args.child[0]), Path(args.child[1]), args.format)))
        return 0
    sizes = sorted(int(s) for s in args.sizes.split(","))
    with tempfile.TemporaryDirectory(prefix="kcheck-stages-") as tmp:
        top = args.archives or Path(tmp)
        rows: list[tuple[int, dict[str, float]]] = []
        for n in sizes:
            root = top / f"a{n}"
            if not (root / "truth.json").exists():
                archive.build(root, n, args.seed)
            cache = top / f"cache{n}"
            cache.mkdir(exist_ok=True)
            rows.append((n, measure(root, cache, args.format)))
            print(f"{n:,} articles measured", file=sys.stderr)
    base_n, base = rows[0]
    print(
        "| articles | claims | "
        + " | ".join(f"{s} s" for s in STAGES)
        + " | claims MB | peak MB | report MB |"
    )
    print("|---:" * (len(STAGES) + 5) + "|")
    for n, row in rows:
        cells = [f"{row[s]:.2f}" for s in STAGES]
        print(
            f"| {n:,} | {row['claims']:,.0f} | "
            + " | ".join(cells)
            + f" | {row['claims_mb']:.0f} | {row['peak_mb']:.0f} | {row['report_mb']:.0f} |"
        )
    print(
        f"\nRatios against the {base_n:,}-article run of this same process (articles x{sizes[-1] // base_n}):\n"
    )
    print(
        "| articles | x articles | x claims | "
        + " | ".join(f"x {s}" for s in STAGES)
        + " | x peak MB | peak / claims MB |"
    )
    print("|---:" * (len(STAGES) + 5) + "|")
    for n, row in rows:
        ratios = [f"{row[s] / base[s]:.2f}" if base[s] else "-" for s in STAGES]
        print(
            f"| {n:,} | {n / base_n:.0f} | {row['claims'] / base['claims']:.2f} | "
            + " | ".join(ratios)
            + f" | {row['peak_mb'] / base['peak_mb']:.2f} | {row['peak_mb'] / row['claims_mb']:.2f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Whole-report time and memory from 1,000 to 10,000 articles (not run in CI).

Builds a synthetic corpus from the bundled corpus's own sentences, in a temporary
directory: each article takes a dozen sentences at random, maps the companies they name to
other companies of rules/entities.yaml, shifts their years, redraws about half of their
figures, and gets a publication date. Then it runs the whole ``kcheck report`` pipeline
(``kcheck.pipeline.run``) on the first 1,000 / 2,000 / 5,000 / 10,000 articles in one
process, smallest first, and prints the time and peak memory of each run with the growth
against the 1,000-article run, which is the baseline.

Memory is the process's peak resident set (``resource.getrusage``): runs go smallest
first and each one frees its predecessor's data, so after each run the peak is that run's.
``--tracemalloc`` measures the Python heap of each run exactly instead (slower).

    python benchmarks/report.py
    python benchmarks/report.py --sizes 1000,2000 --sentences 8
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import random
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

from kcheck.check import run_checks
from kcheck.group import group_claims
from kcheck.load import load_paths
from kcheck.pipeline import Settings, run
from kcheck.rules import RuleSet, load_rules

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
_FIGURE = re.compile(r"\d+(?:\.\d+)?")
_YEAR = re.compile(r"(20[0-2]\d)(?=年)")


def sentence_pool(rules: RuleSet) -> list[str]:
    """The corpus's sentences that say something: a dozen characters or more, one figure at least."""
    documents, _ = load_paths([str(CORPUS)], rules)
    pool = {s.text.strip() for d in documents for s in d.sentences}
    return sorted(s for s in pool if 12 <= len(s) <= 240 and re.search(r"\d", s))


def _aliases(rules: RuleSet) -> list[tuple[str, str]]:
    """(alias, canonical), longest alias first, so 快手电商 is replaced before 快手."""
    pairs = [(name, name) for name in rules.entities.entities]
    pairs += [(a, name) for name, rule in rules.entities.entities.items() for a in rule.aliases]
    return sorted(pairs, key=lambda p: -len(p[0]))


def _redraw(match: re.Match[str], rnd: random.Random) -> str:
    text = match.group()
    if rnd.random() < 0.5:
        return text  # half the figures stay, so some topics agree across articles
    out = []
    for i, ch in enumerate(text):
        if ch.isdigit():
            out.append(str(rnd.randint(1 if i == 0 else 0, 9)))
        else:
            out.append(ch)
    return "".join(out)


def article(rnd: random.Random, pool: list[str], rules: RuleSet, sentences: int) -> str:
    aliases = _aliases(rules)
    companies = sorted(rules.entities.entities)
    mapping = {name: rnd.choice(companies) for name in companies}
    shift = rnd.randint(-2, 2)
    published = dt.date(2021 + shift, 1, 1) + dt.timedelta(days=rnd.randrange(365))
    chosen = rnd.sample(pool, min(sentences, len(pool)))
    body = []
    for text in chosen:
        # companies: a placeholder first so one replacement is not replaced again
        slots: list[str] = []
        for alias, canonical in aliases:
            if alias in text:
                text = text.replace(alias, f"\x00{len(slots)}\x00")
                slots.append(mapping[canonical])
        text = re.sub("\x00(\\d+)\x00", lambda m, slots=slots: slots[int(m.group(1))], text)
        text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
        # figures other than years
        text = re.sub(r"(?<!\d)(?!20[0-2]\d年)\d+(?:\.\d+)?", lambda m: _redraw(m, rnd), text)
        body.append(text)
    title = body[0][:24]
    paragraphs = ["".join(body[i : i + 3]) for i in range(0, len(body), 3)]
    front = f"---\ntitle: '{title}'\ndate: {published.isoformat()}\n---\n\n"
    return front + "\n\n".join(paragraphs) + "\n"


def build(root: Path, count: int, sentences: int, seed: int, rules: RuleSet) -> list[Path]:
    rnd = random.Random(seed)
    pool = sentence_pool(rules)
    files = []
    all_dir = root / "all"
    all_dir.mkdir()
    for i in range(count):
        path = all_dir / f"{i:05d}.txt"
        path.write_text(article(rnd, pool, rules, sentences), encoding="utf-8")
        files.append(path)
    return files


def subset(root: Path, files: list[Path], n: int) -> Path:
    """A directory holding the first ``n`` articles (hard links: no copies)."""
    directory = root / f"n{n}"
    directory.mkdir()
    for path in files[:n]:
        os.link(path, directory / path.name)
    return directory


@dataclass
class Measure:
    articles: int
    seconds: float
    peak_mb: float
    group_check_seconds: float
    claims: int
    topics: int
    conflicts: int


def _rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def measure(directory: Path, n: int, rules: RuleSet, use_tracemalloc: bool) -> Measure:
    gc.collect()
    if use_tracemalloc:
        tracemalloc.start()
        tracemalloc.reset_peak()
    start = time.perf_counter()
    report = run(Settings(paths=(str(directory),)), rules)
    seconds = time.perf_counter() - start
    if use_tracemalloc:
        peak = tracemalloc.get_traced_memory()[1] / (1024 * 1024)
        tracemalloc.stop()
    else:
        peak = _rss_mb()
    # the stages this benchmark is for, again on the same claims
    start = time.perf_counter()
    topics = group_claims(report.claims, rules)
    run_checks(topics, {c.id: c for c in report.claims}, rules)
    group_check = time.perf_counter() - start
    return Measure(
        articles=n,
        seconds=seconds,
        peak_mb=peak,
        group_check_seconds=group_check,
        claims=len(report.claims),
        topics=len(report.topics),
        conflicts=len(report.conflicts),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,2000,5000,10000")
    parser.add_argument("--sentences", type=int, default=12, help="sentences per article")
    parser.add_argument("--seed", type=int, default=20220301)
    parser.add_argument("--tracemalloc", action="store_true", help="exact Python-heap peaks (slower)")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    rules = load_rules()
    results: list[Measure] = []
    with tempfile.TemporaryDirectory(prefix="kcheck-bench-") as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        files = build(root, max(sizes), args.sentences, args.seed, rules)
        print(f"built {len(files)} articles in {time.perf_counter() - start:.1f}s", file=sys.stderr)
        for n in sizes:
            result = measure(subset(root, files, n), n, rules, args.tracemalloc)
            results.append(result)
            print(f"  {n} articles: {result.seconds:.1f}s", file=sys.stderr)
    base = results[0]
    memory = "heap peak MB" if args.tracemalloc else "RSS peak MB"
    print(
        f"| articles | report s | x time | {memory} | x memory | group+check s | claims | topics | findings |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r.articles:,} | {r.seconds:.1f} | {r.seconds / base.seconds:.2f} | {r.peak_mb:.0f} | "
            f"{r.peak_mb / base.peak_mb:.2f} | {r.group_check_seconds:.2f} | {r.claims:,} | "
            f"{r.topics:,} | {r.conflicts:,} |"
        )
    print(
        f"\n(baseline: the {base.articles:,}-article run; x = ratio against it; articles x {sizes[-1] / base.articles:.0f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

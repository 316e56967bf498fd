"""Throughput of the time pass alone: ``TimeFinder.find`` over the bundled corpus (not run in CI).

Loads corpus/ with the real loader, folds every sentence, then runs ``find`` over all of
them, paragraph by paragraph as the extractor does (the context carried from sentence to
sentence, reset per paragraph), ``--repeat`` times per round, and prints the best round as
characters per second. The whole extraction has a budget of 1,000,000 chars/s; this pass
should take a small share of it.

    python benchmarks/timex.py
    python benchmarks/timex.py --repeat 50 --rounds 7
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kcheck.extract.normalise import fold
from kcheck.extract.timex import TimeContext, TimeFinder
from kcheck.load import load_paths
from kcheck.rules import load_rules

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the corpus per round")
    parser.add_argument("--rounds", type=int, default=5, help="rounds; the best one is reported")
    args = parser.parse_args()

    rules = load_rules()
    finder = TimeFinder(rules)
    documents, _ = load_paths([str(CORPUS)], rules)
    paragraphs: list[tuple[TimeContext, list[str]]] = []
    for doc in documents:
        by_paragraph: dict[int, list[str]] = {}
        for s in doc.sentences:
            by_paragraph.setdefault(s.paragraph, []).append(fold(s.text))
        paragraphs += [(TimeContext(published=doc.published), p) for p in by_paragraph.values()]
    chars = sum(len(s) for _, p in paragraphs for s in p)
    found = 0
    best = float("inf")
    for _ in range(args.rounds):
        start = time.perf_counter()
        for _ in range(args.repeat):
            found = 0
            for reset, sentences in paragraphs:
                ctx = reset
                for s in sentences:
                    times, ctx = finder.find(s, ctx)
                    found += len(times)
        best = min(best, time.perf_counter() - start)
    rate = chars * args.repeat / best
    print(
        f"time pass: {len(documents)} documents, {chars:,} chars, {found} expressions per pass; "
        f"{rate:,.0f} chars/s (best of {args.rounds} rounds x {args.repeat} passes)"
    )


if __name__ == "__main__":
    main()

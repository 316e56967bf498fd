"""Throughput of the number pass alone: ``NumberFinder.find`` over the bundled corpus (not run in CI).

Loads corpus/ with the real loader, folds every sentence, then runs ``find`` over all of them
``--repeat`` times per round, and prints the best round as characters per second of CPU time
(``time.process_time``: other work on a shared machine does not count). The whole extraction
has a budget of 1,000,000 chars/s; this pass should take a small share of it.

    python benchmarks/number_pass.py
    python benchmarks/number_pass.py --repeat 50 --rounds 7
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kcheck.extract.normalise import fold
from kcheck.extract.numbers import NumberFinder
from kcheck.load import load_paths
from kcheck.rules import load_rules

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the corpus per round")
    parser.add_argument("--rounds", type=int, default=5, help="rounds; the best one is reported")
    args = parser.parse_args()

    rules = load_rules()
    finder = NumberFinder(rules)
    documents, _ = load_paths([str(CORPUS)], rules)
    sentences = [fold(s.text) for doc in documents for s in doc.sentences]
    chars = sum(len(s) for s in sentences)
    found = 0
    best = float("inf")
    for _ in range(args.rounds):
        start = time.process_time()
        for _ in range(args.repeat):
            found = sum(len(finder.find(s)) for s in sentences)
        best = min(best, time.process_time() - start)
    rate = chars * args.repeat / best
    print(
        f"number pass: {len(documents)} documents, {len(sentences)} sentences, {chars:,} chars, "
        f"{found} figures per pass; {rate:,.0f} chars/s (best of {args.rounds} rounds x {args.repeat} passes)"
    )


if __name__ == "__main__":
    main()

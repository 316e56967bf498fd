"""How much of the whole extraction each remaining speed trick buys: the trick on and off in
the same process, interleaved rounds, best of six each.

    python benchmarks/tricks.py [--chars 600000]

A trick that costs readability stays only where it buys at least 10% of the whole
extraction (issue 8); this is the measurement behind that rule. Tricks measured and removed
in issue 8, with what they bought: the exec-generated __init__ of Quantity/TimeExpr (-3% to
7%), the number grammar's optional-part lookahead guards (1-3%), locally bound method
aliases and the first-character table of subject stop words (not measurable).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from extract import load_documents, repeat
from kcheck.extract import Extractor, numbers
from kcheck.models import Document
from kcheck.rules import load_rules


class _PlainStart:
    """The time grammar's start regex searched at every position: what StartFinder replaces."""

    def __init__(self, start: re.Pattern[str]) -> None:
        self.start = start

    def search(self, text: str, pos: int) -> re.Match[str] | None:
        return self.start.search(text, pos)


def without_start_finder() -> Extractor:
    ex = Extractor(load_rules())
    times = ex.passes.times
    times._starts = _PlainStart(times._start)  # type: ignore[assignment]
    return ex


def without_first_chars() -> Extractor:
    saved = numbers.first_chars
    numbers.first_chars = lambda pattern: None  # type: ignore[assignment]
    try:
        ex = Extractor(load_rules())
        ex.passes  # noqa: B018 - built now, with the trick off
    finally:
        numbers.first_chars = saved
    return ex


TRICKS: dict[str, Callable[[], Extractor]] = {
    "time pass: extract/timex_start.py (key characters, first-character dispatch)": without_start_finder,
    "number pass: extract/numbers/grammar.py (first characters of rules patterns, re._parser)": without_first_chars,
}


def seconds(ex: Extractor, docs: list[Document]) -> float:
    t = time.process_time()
    for d in docs:
        ex.document(d)
    return time.process_time() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=600_000)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).parent.parent / "corpus")
    args = parser.parse_args()
    docs = repeat(load_documents(args.corpus), args.chars)
    with_trick = Extractor(load_rules())
    for d in docs[:20]:
        with_trick.document(d)
    for name, make in TRICKS.items():
        without = make()
        a = b = float("inf")
        for _ in range(6):
            a = min(a, seconds(with_trick, docs))
            b = min(b, seconds(without, docs))
        print(f"{name}: {a:.3f} s with, {b:.3f} s without: saves {(b - a) / b:.1%} of the whole extraction")


if __name__ == "__main__":
    main()

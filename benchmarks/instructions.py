"""Extraction cost in machine instructions per character: a measure the other jobs of a
shared machine cannot disturb, to compare source trees (this one against an older commit).

    python benchmarks/instructions.py [--passes 5] [--corpus corpus] [NAME=SRC ...]

For each source tree (default: ``this=src``; another commit's tree: ``git archive e9cd4ed |
tar -x -C /tmp/e9`` then ``e9=/tmp/e9/src``), runs this interpreter under valgrind's
cachegrind, once extracting nothing and once extracting every document of ``--corpus``
``--passes`` times, with ``PYTHONHASHSEED=0``; the difference, divided by the characters
extracted, is what the extraction costs. Each tree reads its own rules (the ``rules/``
beside its ``src/``). The numbers are the same from run to run, however loaded the machine,
which CPU seconds are not (``benchmarks/extract.py``); they leave out what instructions do
not show (cache misses, branch prediction), so read them beside CPU rates measured in one
process (``benchmarks/trees.py``). They can differ by much: issue9s took 0.979x e9cd4ed's
rate in instructions and 0.86-0.92x in CPU time. Needs valgrind; a minute or two per tree.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def child(corpus: Path, passes: int) -> None:
    """Run inside valgrind: load, build the passes, extract ``passes`` times; print the chars."""
    sys.path.insert(0, str(HERE))
    from extract import load_documents
    from kcheck.extract import Extractor
    from kcheck.rules import load_rules

    documents = load_documents(corpus)
    extractor = Extractor(load_rules())
    extractor.passes  # noqa: B018 - built before the passes counted
    for _ in range(passes):
        for document in documents:
            extractor.document(document)
    print(sum(len(s.text) for d in documents for s in d.sentences))


def instructions(src: str, corpus: Path, passes: int) -> tuple[int, int]:
    """(instructions, characters per pass) of one child run under cachegrind."""
    env = {**os.environ, "PYTHONPATH": src, "PYTHONHASHSEED": "0"}
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--child",
        str(passes),
        "--corpus",
        str(corpus),
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", "")), int(done.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trees", nargs="*", default=["this=src"], help="NAME=SRC (a src/ directory)")
    parser.add_argument("--corpus", type=Path, default=HERE.parent / "corpus")
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.corpus, args.child)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    rows: list[tuple[str, float]] = []
    for tree in args.trees:
        name, _, src = tree.partition("=")
        base, _ = instructions(src or name, args.corpus, 0)
        total, chars = instructions(src or name, args.corpus, args.passes)
        per_char = (total - base) / (chars * args.passes)
        rows.append((name, per_char))
        print(
            f"{name:<12} {per_char:>10,.0f} instructions per char ({chars:,} chars x {args.passes})",
            flush=True,
        )
    if len(rows) > 1:
        first, cost = rows[0]
        for name, per_char in rows[1:]:
            print(f"{name} costs {per_char / cost:.3f}x {first}'s instructions (rate {cost / per_char:.3f}x)")


if __name__ == "__main__":
    main()

"""Extraction speed of several source trees in ONE process, interleaved rounds, CPU time.

    python benchmarks/trees.py [--mb 0.3] [--rounds 7] NAME=SRC NAME=SRC ...

Another commit's tree: ``git archive e9cd4ed | tar -x -C /tmp/e9``, then ``e9=/tmp/e9/src``.
Each tree is imported in turn (its own rules, loader and models) and its modules are kept
aside; before each of its rounds they are put back into ``sys.modules`` (the extraction
imports some modules lazily), so every tree runs under the same load, round after round.
On a machine shared with other jobs this compares far better than separate runs of
``benchmarks/extract.py`` (which moved by 10-30% between identical runs); prints the median
and best rate of each tree and the ratios of the medians to the first tree's.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent


def _ours(name: str) -> bool:
    return name == "kcheck" or name.startswith("kcheck.")


def _install(modules: dict[str, ModuleType]) -> None:
    for name in [n for n in sys.modules if _ours(n)]:
        del sys.modules[name]
    sys.modules.update(modules)


def load_tree(src: str, corpus: Path, chars: int) -> tuple[dict[str, ModuleType], Any, list[Any], int]:
    """(the tree's modules, an Extractor, copies of the corpus's documents, their characters)."""
    _install({})
    sys.path.insert(0, src)
    try:
        from kcheck.extract import Extractor
        from kcheck.load import load_paths
        from kcheck.rules import load_rules

        rules = load_rules()
        documents, _ = load_paths([str(corpus)], rules)
        copies: list[Any] = []
        total = n = 0
        while total < chars:
            for doc in documents:
                copies.append(doc.model_copy(update={"path": f"{doc.path}#{n}"}))
                total += sum(len(s.text) for s in doc.sentences)
            n += 1
        extractor = Extractor(rules)
        for doc in copies[:10]:  # warm: compiled passes, first lookups
            extractor.document(doc)
    finally:
        sys.path.remove(src)
    return {n: m for n, m in sys.modules.items() if _ours(n)}, extractor, copies, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trees", nargs="+", help="NAME=SRC (a src/ directory)")
    parser.add_argument("--corpus", type=Path, default=HERE.parent / "corpus")
    parser.add_argument("--mb", type=float, default=0.3, help="million characters per round")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    loaded = {}
    for tree in args.trees:
        name, _, src = tree.partition("=")
        loaded[name] = load_tree(src, args.corpus, int(args.mb * 1_000_000))
    rates: dict[str, list[float]] = {name: [] for name in loaded}
    for _ in range(args.rounds):
        for name, (modules, extractor, copies, chars) in loaded.items():
            _install(modules)
            start = time.process_time()
            for doc in copies:
                extractor.document(doc)
            rates[name].append(chars / (time.process_time() - start))
    medians = {name: sorted(r)[len(r) // 2] for name, r in rates.items()}
    first = next(iter(medians))
    for name, r in rates.items():
        print(
            f"{name:<12} median {medians[name]:>10,.0f} chars/s  best {max(r):>10,.0f}"
            f"  ({medians[name] / medians[first]:.3f}x {first})"
        )


if __name__ == "__main__":
    main()

"""Loading speed (bytes -> Document) of several source trees in ONE process, interleaved rounds.

    python benchmarks/archive.py /tmp/a1k --articles 1000
    git archive main | tar -x -C /tmp/main
    python benchmarks/loading.py --corpus /tmp/a1k/articles main=/tmp/main/src now=src

Each tree is imported in turn (its own rules and loader) and its modules kept aside, as
``benchmarks/trees.py`` does for extraction; the files are read into memory once, so a
round times only what a worker spends loading them (decode, format, HTML, furniture,
sentences, dates), in CPU time. Also checks that every tree gives the same Documents
(their JSON), so a faster loader is known to load the same thing. Prints the median and
best CPU seconds of each tree and the ratio of the medians to the first tree's.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from trees import _install, _ours  # next to this file


def load_tree(
    src: str, corpus: Path, files: int
) -> tuple[dict[str, ModuleType], Any, list[Any], list[bytes]]:
    """(the tree's modules, its loading function, the sources, their bytes)."""
    _install({})
    sys.path.insert(0, src)
    try:
        from kcheck.load import list_sources, load_source
        from kcheck.load.select import Selection
        from kcheck.rules import load_rules

        rules_dir = corpus.parent / "rules"
        rules = load_rules(rules_dir if rules_dir.is_dir() else None)
        sources = list_sources((str(corpus),), Selection(), None).sources[:files]
        raws = [Path(s.path).read_bytes() for s in sources]

        def load(source: Any, raw: bytes) -> Any:
            return load_source(source, rules, raw)

        for source, raw in list(zip(sources, raws, strict=True))[:20]:  # warm
            load(source, raw)
    finally:
        sys.path.remove(src)
    return {n: m for n, m in sys.modules.items() if _ours(n)}, load, sources, raws


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trees", nargs="+", help="NAME=SRC (a src/ directory)")
    parser.add_argument("--corpus", type=Path, required=True, help="a directory of articles")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    loaded = {}
    for tree in args.trees:
        name, _, src = tree.partition("=")
        loaded[name] = load_tree(src, args.corpus, args.files)
    seconds: dict[str, list[float]] = {name: [] for name in loaded}
    same: dict[str, bool] = {}
    first = next(iter(loaded))
    reference: list[str] = []
    for _ in range(args.rounds):
        for name, (modules, load, sources, raws) in loaded.items():
            _install(modules)
            start = time.process_time()
            documents = [load(s, r) for s, r in zip(sources, raws, strict=True)]
            seconds[name].append(time.process_time() - start)
            if name not in same:
                dumped = [d.model_dump_json() for d in documents]
                reference = reference or dumped
                same[name] = dumped == reference
    medians = {name: sorted(s)[len(s) // 2] for name, s in seconds.items()}
    for name, s in seconds.items():
        print(
            f"{name:<12} median {medians[name]:7.2f} s  best {min(s):7.2f} s  "
            f"({medians[name] / medians[first]:.3f}x {first})  "
            f"documents {'identical to' if same[name] else 'DIFFER from'} {first}'s"
        )


if __name__ == "__main__":
    main()

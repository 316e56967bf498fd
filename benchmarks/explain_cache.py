"""`kcheck explain` from the last run's results against checking the corpus again (not run in CI).

Times, in one process and best of three, ``pipeline.run`` on a corpus, ``lastrun.run``
reading the whole Report the previous run kept in ``.kcheck_cache/`` (in a temporary copy
of the corpus, so the repository is not written to), and ``lastrun.run`` reading only what
explaining one claim needs (what `kcheck explain ID` does), and prints the ratios.

    python benchmarks/explain_cache.py                        # the bundled corpus
    python benchmarks/explain_cache.py ../shared/realnews/corpus
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kcheck import lastrun, pipeline
from kcheck.pipeline import Settings
from kcheck.rules import load_rules


def best(work: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[1] / "corpus"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(args.corpus, Path(tmp) / "corpus")
        os.chdir(tmp)
        project = Path(tmp)
        settings = Settings(paths=("corpus",), root=tmp)
        rules = load_rules(None)
        fresh = best(lambda: pipeline.run(settings, rules))
        lastrun.recorder(project, None)(settings, rules)
        whole = lastrun.run(settings, None, project)
        cached = best(lambda: lastrun.run(settings, None, project))
        ident = whole.claims[len(whole.claims) // 2].id
        one = best(lambda: lastrun.run(settings, None, project, ident))
    print(
        f"check again: {fresh:.3f} s   from the last run's results: {cached:.3f} s   ({cached / fresh:.3f}x)"
        f"   only what explaining one claim reads: {one:.3f} s   ({one / fresh:.4f}x)"
    )


if __name__ == "__main__":
    main()

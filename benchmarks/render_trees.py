"""Render time of several source trees in ONE process, interleaved rounds, CPU time (not run in CI).

    python benchmarks/render_trees.py REPORT.json [--formats json,sarif] [--rounds 5] NAME=SRC NAME=SRC ...

REPORT.json is a report ``kcheck report --format json`` wrote (for example of a generated
archive: ``python benchmarks/archive.py /tmp/a10k --articles 10000``, then ``kcheck report
/tmp/a10k/articles --rules /tmp/a10k/rules --format json -o /tmp/a10k.json``). Each tree
reads it back with its own models (``Report.model_validate_json``), so every tree renders
the same findings, topics and claims; another commit's tree: ``git archive COMMIT src rules
| tar -x -C /tmp/old``, then ``old=/tmp/old/src``. Each round renders every format with
every tree in turn (each tree's modules put back into ``sys.modules`` first, as
benchmarks/trees.py does), the text joined as ``kcheck report`` writes it; the first
round also checks that every tree gives the same bytes. Prints the median CPU seconds per
tree and format and the ratio of the medians to the first tree's: on a machine shared with
other jobs, the ratio is what to read.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from trees import _install, _ours  # next to this file


def load_tree(src: str, report_json: bytes) -> tuple[dict[str, ModuleType], Any, Any]:
    """(the tree's modules, its ``report.stream``, the report read with its models)."""
    _install({})
    sys.path.insert(0, src)
    try:
        from kcheck.models import Report
        from kcheck.report import stream

        report = Report.model_validate_json(report_json)
    finally:
        sys.path.remove(src)
    return {n: m for n, m in sys.modules.items() if _ours(n)}, stream, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path, help="a JSON report kcheck wrote")
    parser.add_argument("trees", nargs="+", help="NAME=SRC (a src/ directory)")
    parser.add_argument("--formats", default="json,sarif,markdown,html,text")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    data = args.report.read_bytes()
    loaded = {}
    for tree in args.trees:
        name, _, src = tree.partition("=")
        loaded[name] = load_tree(src, data)
    formats = args.formats.split(",")
    times: dict[tuple[str, str], list[float]] = {(n, f): [] for n in loaded for f in formats}
    first_text: dict[str, bytes] = {}
    for round_ in range(args.rounds):
        for fmt in formats:
            for name, (modules, stream, report) in loaded.items():
                _install(modules)
                gc.collect()
                start = time.process_time()
                text = "".join(stream(report, fmt)).encode()
                times[name, fmt].append(time.process_time() - start)
                if round_ == 0 and first_text.setdefault(fmt, text) != text:
                    raise SystemExit(f"{name} renders {fmt} differently from the first tree")
    base = next(iter(loaded))
    print(
        "| format | "
        + " | ".join(f"{n} s" for n in loaded)
        + " | "
        + " | ".join(f"{n} / {base}" for n in loaded if n != base)
        + " |"
    )
    print("|---" * (1 + 2 * len(loaded) - 1) + "|")
    for fmt in formats:
        medians = {n: sorted(times[n, fmt])[len(times[n, fmt]) // 2] for n in loaded}
        cells = [f"{medians[n]:.2f}" for n in loaded]
        ratios = [f"{medians[n] / medians[base]:.3f}" for n in loaded if n != base]
        print(f"| {fmt} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")


if __name__ == "__main__":
    main()

"""What file selection costs while walking a directory (not run in CI).

Builds a Hexo-like site in a temporary directory: ``source/_posts`` with N small articles,
and ``node_modules/`` with 10 x N JavaScript and Markdown files that ``.gitignore`` names.
Then it times, in one process, the walk of ``kcheck.load.load_paths`` with and without
selection, reading nothing but the files kept (``load_file`` replaced by a stub so the
numbers are the walk's own):

- baseline: every file kept (``include=["*"]``, .gitignore not read), the old behaviour
- default: the article extensions and .gitignore (what `kcheck report` does now)
- per-file cost of the selection against the baseline, as a ratio

    python benchmarks/file_selection.py
    python benchmarks/file_selection.py --articles 2000
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import kcheck.load as load
from kcheck.load.select import Selection
from kcheck.models import Document
from kcheck.rules import load_rules


def build(root: Path, articles: int) -> None:
    (root / ".git").mkdir()
    (root / ".gitignore").write_text("node_modules/\npublic/\n", encoding="utf-8")
    posts = root / "source" / "_posts"
    posts.mkdir(parents=True)
    for i in range(articles):
        (posts / f"post-{i}.md").write_text(
            f"快手2021年第三季度电商交易总额达到{i}亿元。\n", encoding="utf-8"
        )
    for i in range(articles):
        package = root / "node_modules" / f"pkg{i}"
        package.mkdir(parents=True)
        for j in range(5):
            (package / f"m{j}.js").write_text("module.exports = {};\n", encoding="utf-8")
            (package / f"R{j}.md").write_text("# readme\n", encoding="utf-8")


def timed(paths: list[str], selection: Selection, repeat: int) -> tuple[float, int]:
    rules = load_rules()
    best = float("inf")
    count = 0
    for _ in range(repeat):
        start = time.perf_counter()
        documents, _ = load.load_paths(paths, rules, selection)
        best = min(best, time.perf_counter() - start)
        count = len(documents)
    return best, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    load.load_file = lambda path, display, rules, entry=None, raw=None: Document(path=display)  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build(root, args.articles)
        everything = Selection(include=("*",), respect_gitignore=False, project=str(root))
        default = Selection(project=str(root))
        base, base_files = timed([str(root)], everything, args.repeat)
        chosen, chosen_files = timed([str(root)], default, args.repeat)
        print(f"baseline (every file):     {base_files:6d} files  {base:7.3f} s")
        print(
            f"default (extensions, .gitignore): {chosen_files:6d} files  {chosen:7.3f} s  ({chosen / base:.2f}x the baseline)"
        )
        print(
            f"per file kept: baseline {base / base_files * 1e6:.1f} us, default {chosen / chosen_files * 1e6:.1f} us"
        )


if __name__ == "__main__":
    main()

"""An unchanged `kcheck report` re-run against the cold run, in one process (not run in CI).

Generates an archive (benchmarks/archive.py), runs `kcheck report ... --format json` on it
once cold (empty cache), then several times unchanged (the kept run replayed, kcheck.rerun),
each in a fresh interpreter as a user runs it, and prints the best re-run as a share of the
cold run, beside the floor no replay goes under: an interpreter that only imports click.

    python benchmarks/rerun.py                  # 1,000 articles
    python benchmarks/rerun.py --articles 10000
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import archive  # next to this file
from bytecode import compile_kcheck

KCHECK = "from kcheck.cli import main; main()"


def timed(args: list[str], env: dict[str, str]) -> tuple[float, bytes]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], env=env, capture_output=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr.decode(errors="replace"))
    return time.perf_counter() - start, done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20260301)
    parser.add_argument("--repeat", type=int, default=5, help="unchanged re-runs (the best counts)")
    args = parser.parse_args(argv)
    compile_kcheck()  # its bytecode, as an installed kcheck has (bytecode.py)
    with tempfile.TemporaryDirectory(prefix="kcheck-rerun-") as tmp:
        root = Path(tmp)
        archive.build(root, args.articles, args.seed)
        env = {**os.environ, "KCHECK_CACHE_DIR": str(root / "cache")}
        report = ["-c", KCHECK, "report", str(root / "articles"), "--rules", str(root / "rules")]
        report += ["--format", "json", "--fail-on", "never", "-q"]
        cold, first = timed(report, env)
        # files younger than a timestamp tick are hashed on every run (kcheck.rerun.RACY_NS)
        time.sleep(3.5)
        reruns = []
        for _ in range(args.repeat):
            wall, again = timed(report, env)
            assert again == first, "the replayed report differs"
            reruns.append(wall)
        floor = min(timed(["-c", "import click"], env)[0] for _ in range(args.repeat))
    rerun = min(reruns)
    print(
        f"| articles | cold s | re-run s (best of {args.repeat}) | re-run/cold | python+click s | floor/cold |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    print(
        f"| {args.articles:,} | {cold:.2f} | {rerun:.2f} | {rerun / cold:.1%} | {floor:.2f} | {floor / cold:.1%} |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Archives of 1,000 to 100,000 generated articles: one table (not run in CI).

For each size, a fresh archive from ``benchmarks/archive.py`` (same seed) in a temporary
directory, then ``kcheck report --format json`` as a child process, three times: cold (an
empty cache directory), again unchanged (the whole report replayed from the run-level cache),
and once more after one article was edited (that file extracted again, every other one's
claims read from the extraction cache, then grouped, checked and rendered). Measured per run: wall
time, CPU time (this process's children: kcheck and its worker processes), peak resident
memory of kcheck and its workers together (sampled from /proc every 0.1 s), findings,
precision and recall against the planted truth. Then extraction alone, in this process,
warm (best of 3 passes), on a sample of the same archive's text, beside jionlp's money and
time extraction on the same sentences (``pip install -e '.[bench]'``). Ratios are taken in
the same run: the machine may be shared, absolute seconds move with its load.

    python benchmarks/scale.py                       # 1,000 and 10,000
    python benchmarks/scale.py --sizes 1000,10000,100000 --jobs 2
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
import archive  # next to this file
from bytecode import compile_kcheck


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float
    output: bytes


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants (Linux /proc)."""
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status", encoding="ascii", errors="replace") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total


def kcheck(args: list[str], env: dict[str, str]) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(
            [sys.executable, "-c", "from kcheck.cli import main; main()", *args],
            stdout=out,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _tree_rss_kb(proc.pid))
                time.sleep(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        proc.wait()
        done.set()
        sampler.join()
        wall = time.perf_counter() - start
        out.seek(0)
        output = out.read()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall=wall, cpu=cpu, peak_mb=peak / 1024, output=output)


def score(output: bytes, truth: dict[str, object]) -> tuple[float, float, int]:
    from kcheck.models import Claim

    conflicts = [
        SimpleNamespace(claims=[Claim.model_validate(c) for c in raw["claims"]])
        for raw in json.loads(output)["conflicts"]
    ]
    return archive.score(SimpleNamespace(conflicts=conflicts), truth)


def extraction_rates(articles: Path, rules_dir: Path, sample_docs: int) -> tuple[float, float | None, int]:
    """(kcheck chars/s, jionlp chars/s or None, chars) warm, best of 3, one core, same sentences."""
    from kcheck.extract import Extractor
    from kcheck.load import load_paths
    from kcheck.rules import load_rules

    rules = load_rules(rules_dir)
    files = sorted(p for p in articles.rglob("*") if p.is_file())
    step = max(1, len(files) // sample_docs)
    documents, _ = load_paths([str(p) for p in files[::step][:sample_docs]], rules)
    sentences = [s.text for d in documents for s in d.sentences]
    chars = sum(len(s) for s in sentences)
    extractor = Extractor(rules)

    def best(fn, times: int = 3) -> float:  # type: ignore[no-untyped-def]
        fastest = float("inf")
        for _ in range(times):
            t = time.process_time()
            fn()
            fastest = min(fastest, time.process_time() - t)
        return fastest

    ours = chars / best(lambda: [extractor.document(d) for d in documents])
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            import jionlp
    except ImportError:
        return ours, None, chars
    base = time.time()

    def jio() -> None:
        for s in sentences:
            jionlp.ner.extract_money(s)
            jionlp.ner.extract_time(s, time_base=base)

    jio()  # warm: its lazy dictionaries loaded
    return ours, chars / best(jio), chars


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--jobs", type=int, default=None, help="kcheck --jobs (default: the machine's cores)")
    parser.add_argument("--seed", type=int, default=20260301)
    parser.add_argument("--sample", type=int, default=300, help="articles for the extraction rates")
    args = parser.parse_args(argv)
    compile_kcheck()  # its bytecode, as an installed kcheck has (bytecode.py)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    rows = []
    rates: tuple[float, float | None, int] | None = None
    with tempfile.TemporaryDirectory(prefix="kcheck-scale-") as tmp:
        for n in sizes:
            root = Path(tmp) / f"a{n}"
            t = time.perf_counter()
            archive.build(root, n, args.seed)
            print(f"{n:,} articles generated in {time.perf_counter() - t:.0f}s", file=sys.stderr)
            truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
            env = {**os.environ, "KCHECK_CACHE_DIR": str(root / "cache")}
            common = [
                "report",
                str(root / "articles"),
                "--rules",
                str(root / "rules"),
                "--format",
                "json",
                "--fail-on",
                "never",
                "-q",
            ]
            if args.jobs:
                common += ["--jobs", str(args.jobs)]
            cold = kcheck(common, env)
            warm = kcheck(common, env)
            assert warm.output == cold.output, "the cached run's report differs"
            edited = sorted(p for p in (root / "articles").rglob("*") if p.is_file())[n // 2]
            edited.write_bytes(edited.read_bytes() + "\n编者按：本文有删改。\n".encode())
            changed = kcheck(common, env)
            precision, recall, findings = score(cold.output, truth)
            rows.append((n, cold, warm, changed, findings, precision, recall))
            print(
                f"  cold {cold.wall:.1f}s, warm {warm.wall:.1f}s, one changed {changed.wall:.1f}s",
                file=sys.stderr,
            )
            if rates is None:
                rates = extraction_rates(root / "articles", root / "rules", args.sample)
            del cold.output, warm.output, changed.output
    base = rows[0]
    print(
        "| articles | wall s | x wall | CPU s | peak RSS MB | findings | precision | recall | re-run s "
        "| re-run/cold | re-run CPU/cold CPU | 1 changed s | 1 changed/cold | 1 changed CPU/cold CPU |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, cold, warm, changed, findings, precision, recall in rows:
        print(
            f"| {n:,} | {cold.wall:.1f} | {cold.wall / base[1].wall:.2f} | {cold.cpu:.1f} | {cold.peak_mb:.0f} | "
            f"{findings:,} | {precision:.1%} | {recall:.1%} | {warm.wall:.2f} | {warm.wall / cold.wall:.1%} | "
            f"{warm.cpu / cold.cpu:.1%} | {changed.wall:.1f} | {changed.wall / cold.wall:.1%} | "
            f"{changed.cpu / cold.cpu:.1%} |"
        )
    print(
        f"\n(x wall: against the {base[0]:,}-article run in this same process; articles x {sizes[-1] // base[0]})"
    )
    print(archive.lengths_note())
    if rates is not None:
        ours, jio, chars = rates
        line = f"extraction, warm, one core, {chars:,} chars of the {sizes[0]:,}-article archive: kcheck {ours:,.0f} chars/s"
        if jio is not None:
            line += f"; jionlp money+time {jio:,.0f} chars/s; kcheck/jionlp = {ours / jio:.1f}x"
        else:
            line += " (jionlp not installed: pip install -e '.[bench]')"
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Wall time of short `kcheck` commands for several source trees, interleaved (not run in CI).

    git archive main src rules | tar -x -C /tmp/main
    python benchmarks/startup.py main=/tmp/main/src now=src
    python benchmarks/startup.py main=/tmp/main/src now=src --articles 1000 --rounds 7

Commands that start, do little and stop are mostly the interpreter and kcheck's imports, so
each is timed as a user runs it: a fresh interpreter per run (``python -c "from kcheck.cli
import main; main()" ...`` with ``PYTHONPATH`` set to the tree), wall time, the median of
``--rounds`` runs, every tree's run of a command right after the others' (a busy machine
slows all of them alike). Each tree has its own working directory (a copy of the bundled
``corpus/``, its built-in rules the tree's ``../rules``) and its own cache directory. The
commands:

- ``help``: ``kcheck --help``;
- ``replay 5``: ``kcheck report`` on the bundled articles, unchanged since the last run (the
  kept report replayed, kcheck.rerun);
- ``cold 5``: the same with ``--no-cache`` (everything loaded, extracted and checked);
- ``explain``: ``kcheck explain ID`` of the report's first finding, answered from the last
  run's results (kcheck.lastrun);
- ``replay Nk`` (with ``--articles N``): ``kcheck report --format json`` of a generated
  archive (benchmarks/archive.py), unchanged since a cold run of the same tree.

Each tree is byte-compiled first (benchmarks/bytecode.py: with ``PYTHONDONTWRITEBYTECODE=1``
a source tree never gets its bytecode, and every run compiled what it imported). Also
``python -c pass`` and ``python -c "import click"``, the floor no command goes under.
Every tree's output of a command is checked to be the same bytes. Prints a table of medians
and each tree's ratio to the first tree.

With ``--instructions``, each command but ``cold 5`` (its work is in worker processes) also
runs once per tree under valgrind's cachegrind with ``PYTHONHASHSEED=0``: machine
instructions, which the other jobs of a shared machine do not change (see
benchmarks/instructions.py), though they leave out cache misses and waiting for the disk.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import archive  # next to this file
from bytecode import compile_kcheck

REPO = Path(__file__).resolve().parents[1]
KCHECK = "from kcheck.cli import main; main()"


def run(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, bytes]:
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(
            f"{' '.join(argv[:4])}...: exit {done.returncode}\n{done.stderr.decode(errors='replace')}"
        )
    return wall, done.stdout


def instructions(argv: list[str], env: dict[str, str], cwd: Path) -> int:
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *argv]
    done = subprocess.run(
        command, env={**env, "PYTHONHASHSEED": "0"}, cwd=cwd, capture_output=True, text=True, check=False
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trees", nargs="+", help="NAME=SRC (a src/ directory, its rules/ beside it)")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--articles", type=int, default=0, help="also replay an archive of N articles")
    parser.add_argument("--seed", type=int, default=20260301)
    parser.add_argument("--instructions", action="store_true", help="also count instructions (valgrind)")
    args = parser.parse_args(argv)
    if args.instructions and shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    trees = [tuple(t.split("=", 1)) for t in args.trees]
    with tempfile.TemporaryDirectory(prefix="kcheck-startup-") as tmp:
        base = Path(tmp)
        if args.articles:
            archive.build(base / "archive", args.articles, args.seed)
        setups: dict[str, tuple[dict[str, str], Path]] = {}
        commands: dict[str, dict[str, list[str]]] = {}
        for name, src in trees:
            cwd = base / name
            shutil.copytree(REPO / "corpus", cwd / "corpus")
            env = {
                **os.environ,
                "PYTHONPATH": str(Path(src).resolve()),
                "KCHECK_CACHE_DIR": str(cwd / "cache"),
                "COLUMNS": "160",
            }
            env.pop("NO_COLOR", None)
            compile_kcheck(env)  # its bytecode, as an installed kcheck has (bytecode.py)
            setups[name] = (env, cwd)
            kcheck = [sys.executable, "-c", KCHECK]
            # the first run of each keeps what the later ones replay
            _, first = run([*kcheck, "report", "--format", "json", "--fail-on", "never", "-q"], env, cwd)
            ident = json.loads(first)["conflicts"][0]["id"]
            commands[name] = {
                "help": [*kcheck, "--help"],
                "replay 5": [*kcheck, "report", "-q"],
                "cold 5": [*kcheck, "report", "--no-cache", "-q"],
                "explain": [*kcheck, "explain", ident, "-q"],
            }
            run(commands[name]["replay 5"], env, cwd)
            if args.articles:
                where = base / "archive"
                big = [*kcheck, "report", str(where / "articles"), "--rules", str(where / "rules")]
                big += ["--format", "json", "--fail-on", "never", "-q"]
                commands[name][f"replay {args.articles // 1000}k"] = big
                run(big, env, cwd)  # cold
        time.sleep(3.5)  # files younger than a timestamp tick are hashed on every run (kcheck.rerun)
        floor = {
            "python": [sys.executable, "-c", "pass"],
            "import click": [sys.executable, "-c", "import click"],
        }
        walls: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.rounds):
            for label in floor:
                env, cwd = setups[trees[0][0]]
                walls.setdefault(("", label), []).append(run(floor[label], env, cwd)[0])
            for label in commands[trees[0][0]]:
                outputs = set()
                for name, _ in trees:
                    env, cwd = setups[name]
                    wall, out = run(commands[name][label], env, cwd)
                    walls.setdefault((name, label), []).append(wall)
                    outputs.add(out)
                if len(outputs) != 1:
                    raise SystemExit(f"{label}: the trees' outputs differ")
        counts: dict[tuple[str, str], int] = {}
        if args.instructions:
            for label in commands[trees[0][0]]:
                if label == "cold 5":
                    continue
                for name, _ in trees:
                    env, cwd = setups[name]
                    counts[(name, label)] = instructions(commands[name][label], env, cwd)
            env, cwd = setups[trees[0][0]]
            counts[("", "python")] = instructions(floor["python"], env, cwd)
            counts[("", "import click")] = instructions(floor["import click"], env, cwd)
    names = [name for name, _ in trees]
    print(
        f"| command | {' | '.join(f'{n} s' for n in names)} | {' | '.join(f'{n}/{names[0]}' for n in names[1:])} |"
    )
    print("|---|" + "---:|" * (2 * len(names) - 1))
    for label in floor:
        print(f"| {label} | {statistics.median(walls[('', label)]):.3f} |" + " |" * (2 * len(names) - 2))
    for label in commands[names[0]]:
        medians = [statistics.median(walls[(n, label)]) for n in names]
        ratios = [f"{m / medians[0]:.2f}" for m in medians[1:]]
        print(f"| {label} | {' | '.join(f'{m:.3f}' for m in medians)} | {' | '.join(ratios)} |")
    print(
        f"(median of {args.rounds} runs each, wall time; {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f})"
    )
    if counts:
        print()
        print(
            f"| command | {' | '.join(f'{n} Minstr' for n in names)} | {' | '.join(f'{n}/{names[0]}' for n in names[1:])} |"
        )
        print("|---|" + "---:|" * (2 * len(names) - 1))
        for label in floor:
            print(f"| {label} | {counts[('', label)] / 1e6:,.0f} |" + " |" * (2 * len(names) - 2))
        for label in commands[names[0]]:
            if (names[0], label) not in counts:
                continue
            found = [counts[(n, label)] for n in names]
            ratios = [f"{c / found[0]:.2f}" for c in found[1:]]
            print(f"| {label} | {' | '.join(f'{c / 1e6:,.0f}' for c in found)} | {' | '.join(ratios)} |")
        print("(instructions of one run under cachegrind, PYTHONHASHSEED=0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

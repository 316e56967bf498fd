"""Time and memory of kcheck on each hostile input, bounded against a baseline (issue 7).

Each case runs ``kcheck`` in a child process (so a hang can be killed and its memory
measured alone, with ``os.wait4``); the baseline is ``kcheck report`` on the bundled
corpus, run first in the same session. A case fails when it takes more than its time
ratio or its memory ratio against the baseline, or does not finish within the hard
limit (``--kill`` times the baseline, default 30). The children run under an address-space
limit (``--max-gb``, default 4) so a regression cannot take the machine down.

The cases (built in a temporary directory by tests/hostile/hostile_corpus.py): escape
sequences and workflow commands in text and file names, the 8- and 9-level YAML alias
bombs, links out of the corpus (/etc/passwd, /proc/kmsg, /proc/self/environ), a FIFO, a
link loop, invalid UTF-8 names, one sentence of 8,000 figures, a 1.8 MB file of one
sentence, a catastrophic rule regex on a line of 34 ``a``, a 10 MB rules file, a FIFO
and a deeply nested JSON as baselines.

    python benchmarks/hostile.py
    python benchmarks/hostile.py --only alias
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "hostile"))
import hostile_corpus as hostile  # noqa: E402  (the builder the tests use)

KCHECK = [sys.executable, "-c", "from kcheck.cli import main; main()"]


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], list[str]]  # builds its input under a directory, returns kcheck's arguments
    time_ratio: float  # most time against the baseline
    memory_ratio: float  # most peak RSS against the baseline
    codes: tuple[int, ...] = (0, 1)


@dataclass(frozen=True)
class Run:
    seconds: float
    rss_mb: float
    code: int | None  # None: killed at the hard limit
    stderr: str


def measure(args: list[str], cwd: Path, kill_after: float, max_bytes: int) -> Run:
    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))

    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*KCHECK, *args],
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=err,
            preexec_fn=limits,
            env={**os.environ, "NO_COLOR": "1"},
        )
        code: int | None = None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() - start > kill_after:
                proc.send_signal(signal.SIGKILL)
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        proc.returncode = code if code is not None else -9  # reaped here, not by Popen
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Run(seconds, usage.ru_maxrss / 1024, code, stderr)


def _file(name: str, text: str | bytes) -> Callable[[Path], Path]:
    def write(where: Path) -> Path:
        path = where / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write


def _plain(where: Path) -> Path:
    return _file("plain.txt", hostile.ARTICLE.format(gmv=1758))(where)


def _rules(where: Path, name: str, text: str) -> Path:
    rules = where / "rules"
    rules.mkdir()
    (rules / name).write_text(text, encoding="utf-8")
    return rules


def _fifo(where: Path) -> Path:
    os.mkfifo(where / "fifo")
    return where / "fifo"


CASES = [
    Case(
        "hostile corpus (escapes, names, links, FIFO, loops)",
        lambda d: ["report", str(hostile.build(d))],
        3,
        3,
    ),
    Case(
        "hostile corpus, --format github",
        lambda d: ["report", str(hostile.build(d)), "--format", "github"],
        3,
        3,
    ),
    Case(
        "alias bomb, 8 levels",
        lambda d: ["report", str(_file("b.md", hostile.alias_bomb(8))(d)), str(_plain(d))],
        2,
        2,
    ),
    Case(
        "alias bomb, 9 levels",
        lambda d: ["report", str(_file("b.md", hostile.alias_bomb(9))(d)), str(_plain(d))],
        2,
        2,
    ),
    Case(
        "one sentence of 8,000 figures",
        lambda d: ["report", str(_file("l.txt", hostile.long_sentence(8000))(d))],
        8,
        6,
    ),
    Case(
        "1.8 MB file of one sentence (40,000 figures)",
        lambda d: ["report", str(_file("l.txt", hostile.long_sentence(40000))(d)), "--format", "json"],
        20,  # 40,000 claims (~10x the baseline's time on an idle machine): room for a busy one
        15,
    ),
    Case(
        "catastrophic rule regex on 34 a",
        lambda d: [
            "report",
            str(_file("a.txt", "a" * 34 + "b\n\n" + hostile.ARTICLE.format(gmv=1758))(d)),
            "--rules",
            str(_rules(d, "boilerplate.yaml", f"extends: default\ndrop_lines: ['{hostile.CATASTROPHIC}']\n")),
        ],
        2,
        2,
        (2,),
    ),
    Case(
        "10 MB rules file",
        lambda d: ["rules", "check", str(_rules(d, "kinds.yaml", "target: [" + "目标," * 1_700_000 + "]\n"))],
        2,
        2,
        (2,),
    ),
    Case(
        "FIFO as baseline",
        lambda d: ["report", str(_plain(d)), "--baseline", str(_fifo(d))],
        2,
        2,
        (2,),
    ),
    Case(
        "baseline nested 100,000 deep",
        lambda d: [
            "report",
            str(_plain(d)),
            "--baseline",
            str(_file("deep.json", "[" * 100_000 + "]" * 100_000)(d)),
        ],
        2,
        2,
        (2,),
    ),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="run only the cases whose name contains this")
    parser.add_argument("--kill", type=float, default=30.0, help="hard limit, in baseline runs")
    parser.add_argument("--max-gb", type=float, default=4.0, help="address-space limit of each child")
    opts = parser.parse_args()
    max_bytes = int(opts.max_gb * 1024**3)

    base = measure(["report", str(ROOT / "corpus")], ROOT, 600, max_bytes)
    print(f"baseline: kcheck report corpus/  {base.seconds:.2f} s  {base.rss_mb:.0f} MB  exit {base.code}")
    failed = 0
    for case in CASES:
        if opts.only not in case.name:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            where = Path(tmp)
            args = case.make(where)
            run = measure(args, where, opts.kill * base.seconds, max_bytes)
        t, m = run.seconds / base.seconds, run.rss_mb / base.rss_mb
        problems = []
        if run.code is None:
            problems.append(f"killed after {opts.kill:g}x the baseline")
        elif run.code not in case.codes:
            problems.append(f"exit {run.code}, expected {case.codes}")
        if t > case.time_ratio:
            problems.append(f"time {t:.1f}x > {case.time_ratio:g}x")
        if m > case.memory_ratio:
            problems.append(f"memory {m:.1f}x > {case.memory_ratio:g}x")
        status = "FAIL " + "; ".join(problems) if problems else "ok"
        failed += bool(problems)
        print(
            f"{case.name:<52} {run.seconds:6.2f} s ({t:4.1f}x)  {run.rss_mb:6.0f} MB ({m:4.1f}x)  exit {run.code}  {status}"
        )
        if problems and run.stderr:
            print("    " + run.stderr.strip().splitlines()[-1][:200])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

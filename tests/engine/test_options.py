"""The run options of `kcheck report` and `kcheck claims`: --jobs, --cache-dir, --no-cache,
--engine, --scheduler."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import kcheck
from kcheck.cache import FILE_NAME
from kcheck.cli import main

ROOT = Path(__file__).resolve().parents[2]
CORPUS = str(ROOT / "corpus")


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_scheduler_without_the_dask_engine_is_a_usage_error() -> None:
    code, out, err = _run("report", CORPUS, "--scheduler", "tcp://127.0.0.1:1")
    assert (code, out) == (2, "")
    assert err.strip() == "kcheck: --scheduler needs --engine dask"


def test_jobs_must_be_positive() -> None:
    code, out, _ = _run("report", CORPUS, "--jobs", "0")
    assert (code, out) == (2, "")


def test_cache_dir_is_used_and_no_cache_leaves_it_alone(tmp_path: Path) -> None:
    used, unused = tmp_path / "used", tmp_path / "unused"
    first = _run("claims", CORPUS, "--format", "jsonl", "--cache-dir", str(used))
    assert (used / FILE_NAME).is_file()
    again = _run("claims", CORPUS, "--format", "jsonl", "--cache-dir", str(used))
    bypass = _run("claims", CORPUS, "--format", "jsonl", "--cache-dir", str(unused), "--no-cache")
    assert not unused.exists()
    assert first == again == bypass
    # every claim of the bundled corpus, one per line
    assert first[0] == 0 and first[1].count("\n") == len(kcheck.check([CORPUS]).claims)

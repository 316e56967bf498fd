"""A kcheck run in another process, for the tests that kill one midway (test_cache, test_rerun)."""

from __future__ import annotations

import subprocess
import sys


def kcheck_process(*args: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """``kcheck ARGS`` started in a fresh interpreter, its output captured."""
    return subprocess.Popen(
        [sys.executable, "-c", "from kcheck.cli import main; main()", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )

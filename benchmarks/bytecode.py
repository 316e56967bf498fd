"""Byte-compile the kcheck a benchmark's child processes will import, before timing them.

An installed kcheck has its bytecode (pip compiles what it installs), but a source tree run
with ``PYTHONDONTWRITEBYTECODE=1`` in the environment (this machine sets it) never gets any:
every child then compiles each module it imports, which added 0.1-0.3 s to every ``kcheck
--help`` and more to a run that imports the whole pipeline. Compiling once with
``compileall`` writes the ``__pycache__`` files the imports then read (the variable only
stops imports from writing them), so the timings are of kcheck, not of the compiler.
"""

from __future__ import annotations

import os
import subprocess
import sys

_COMPILE = "import compileall, os, kcheck; compileall.compile_dir(os.path.dirname(kcheck.__file__), quiet=1)"


def compile_kcheck(env: dict[str, str] | None = None) -> None:
    """Compile the kcheck package that ``python`` finds with ``env`` (its PYTHONPATH)."""
    subprocess.run(
        [sys.executable, "-c", _COMPILE], env=env if env is not None else dict(os.environ), check=True
    )

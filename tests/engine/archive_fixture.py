"""The benchmark's archive generator, importable from the engine tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "archive.py"


def load() -> ModuleType:
    if "kcheck_bench_archive" not in sys.modules:
        spec = importlib.util.spec_from_file_location("kcheck_bench_archive", _PATH)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["kcheck_bench_archive"] = module
        spec.loader.exec_module(module)
    return sys.modules["kcheck_bench_archive"]

"""kcheck: find where Chinese news articles agree and contradict each other on figures and dates.

Library use::

    import datetime, kcheck
    claims = kcheck.extract("快手三季度GMV达1758亿元，同比增长86.1%", published=datetime.date(2022, 3, 1))
    report = kcheck.check(["corpus"], rules="rules")

The entry points are imported on first use, so ``import kcheck.models`` (or any other
module) does not load the whole pipeline.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kcheck.api import check, extract, run_report
    from kcheck.models import Claim, Conflict, Document, Report, Topic

__all__ = ["Claim", "Conflict", "Document", "Report", "Topic", "check", "extract", "run_report"]
__version__ = "0.1.0"

_HOME = {
    "run_report": "kcheck.api",
    "Claim": "kcheck.models",
    "Conflict": "kcheck.models",
    "Document": "kcheck.models",
    "Report": "kcheck.models",
    "Topic": "kcheck.models",
}


def __getattr__(name: str) -> Any:
    import importlib
    import importlib.util

    if name in _HOME:
        return getattr(importlib.import_module(_HOME[name]), name)
    if not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}") is not None:
        return importlib.import_module(f"{__name__}.{name}")  # kcheck.report, kcheck.rules ...
    raise AttributeError(f"module 'kcheck' has no attribute {name!r}")


def _function_of_api(name: str) -> property:
    """The attribute ``name`` as the function of kcheck.api, which the import system's
    ``setattr(kcheck, name, subpackage)`` (on importing the subpackage) does not replace."""

    def get(module: types.ModuleType) -> Any:
        import importlib

        return getattr(importlib.import_module("kcheck.api"), name)

    def keep(module: types.ModuleType, value: Any) -> None:
        pass  # the subpackage stays in sys.modules and ``from kcheck.<name> import ...`` works

    return property(get, keep)


class _Package(types.ModuleType):
    """``kcheck.check`` and ``kcheck.extract`` are the library functions, although two
    subpackages have the same names."""

    check = _function_of_api("check")
    extract = _function_of_api("extract")


sys.modules[__name__].__class__ = _Package

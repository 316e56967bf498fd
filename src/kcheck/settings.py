"""Where a run reads from: its paths and file selection, and where the built-in rules are.

Plain data, apart from kcheck.pipeline (which re-exports Settings) so that resolving the
settings and replaying a kept run (kcheck.rerun) import nothing of the checking itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kcheck.load.select import Selection


@dataclass(frozen=True)
class Settings:
    """What one run needs besides the rules; plain data so it can travel to workers."""

    paths: tuple[str, ...] = ("corpus",)
    # which files of a directory are read (include/exclude globs, .gitignore)
    selection: Selection = field(default_factory=Selection)
    # documents inside this absolute directory (the repository root) are named relative to
    # it, whatever the working directory; None: as given
    root: str | None = None
    # worker processes for load + extract (--jobs); None: the machine's cores
    jobs: int | None = None
    # the incremental cache's directory (--cache-dir); None: no cache (--no-cache)
    cache_dir: Path | None = None
    # "local" (this machine) or "dask" (--engine); scheduler: a Dask scheduler's address
    engine: str = "local"
    scheduler: str | None = None


# the files a rules directory may hold, by name without .yaml (kcheck.rules.SECTIONS reads
# and validates each; here so that telling a kcheck rules directory needs none of that)
RULE_SECTIONS = (
    "entities",
    "metrics",
    "events",
    "units",
    "qualifiers",
    "kinds",
    "time",
    "boilerplate",
    "checks",
)


def default_rules_dir() -> Path:
    """The built-in rules: inside an installed wheel, or the checkout's top-level rules/."""
    packaged = Path(__file__).parent / "default_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"

"""--changed-since: which documents changed since a git ref, and the findings that involve them.

"Changed" is what ``git diff --name-only REF`` lists (committed, staged and unstaged edits
since REF) plus untracked files that are not ignored. Paths are compared after resolving,
so ``corpus/a.txt`` given on the command line matches git's repository-relative name.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

from kcheck.errors import UsageError
from kcheck.models import Report
from kcheck.report.select import keep


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("--changed-since needs git, which is not on PATH") from None
    except OSError as exc:
        raise UsageError(f"--changed-since: cannot run git: {exc.strerror or exc}") from None


def _names(output: bytes) -> list[str]:
    return [p for p in output.decode("utf-8", "surrogateescape").split("\0") if p]


def changed_files(ref: str, where: Path) -> set[Path]:
    """Resolved paths of every file changed since ``ref`` in the git work tree holding ``where``."""
    where = where if where.is_dir() else where.parent
    top = _git(["rev-parse", "--show-toplevel"], where)
    if top.returncode != 0:
        raise UsageError(f"--changed-since: {where} is not inside a git work tree")
    root = Path(top.stdout.decode("utf-8", "surrogateescape").strip())
    # a ref that looks like an option would be read as one
    if (
        ref.startswith("-")
        or _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root).returncode
    ):
        raise UsageError(f"--changed-since: unknown git ref {ref!r}")
    diff = _git(["diff", "--name-only", "-z", "--no-renames", ref, "--"], root)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    for result in (diff, untracked):
        if result.returncode != 0:
            message = result.stderr.decode("utf-8", "replace").strip().splitlines()
            raise UsageError(f"--changed-since: git failed: {message[0] if message else result.returncode}")
    return {(root / name).resolve() for name in _names(diff.stdout) + _names(untracked.stdout)}


def involving(report: Report, changed: Iterable[Path], base: Path | None = None) -> Report:
    """Only the findings with at least one claim from a changed document (document paths
    are relative to ``base``, default the working directory)."""
    changed = set(changed)
    seen: dict[str, bool] = {}

    def touched(doc: str) -> bool:
        if doc not in seen:
            seen[doc] = ((base / doc) if base is not None else Path(doc)).resolve() in changed
        return seen[doc]

    return keep(report, lambda conflict: any(touched(c.doc) for c in conflict.claims))

"""The last run's Report, so `kcheck explain ID` answers at once when nothing changed.

`kcheck report` and `kcheck explain` keep the corpus's Report in ``.kcheck_cache/`` of the
project directory, keyed by what it was computed from: kcheck's version, the settings, and
the path, size and modification time of every file under the paths and of every rules
file. When the key matches, the Report is read back instead of checking the corpus again.
A cache that cannot be read or written is ignored (the run only takes longer).
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from kcheck import __version__, pipeline
from kcheck.models import Report
from kcheck.output import among_inputs
from kcheck.pipeline import Settings
from kcheck.report import json as json_report
from kcheck.rules import RuleSet, default_rules_dir, load_rules

log = logging.getLogger("kcheck")

DIRECTORY = ".kcheck_cache"
FILE = "last-report.json"


def _stat_lines(top: Path) -> list[str]:
    if top.is_file():
        info = top.stat()
        return [f"{top}\0{info.st_size}\0{info.st_mtime_ns}"]
    lines = []
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if d != DIRECTORY)
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            lines.append(f"{path}\0{info.st_size}\0{info.st_mtime_ns}")
    return lines


def key(settings: Settings, rules_dir: Path | None) -> str | None:
    """What the corpus's Report depends on, hashed; None when it cannot be known (stdin)."""
    if "-" in settings.paths:
        return None
    # how the run is carried out (workers, cache, engine) does not change its Report
    what = (settings.paths, settings.selection, settings.root)
    digest = hashlib.sha256(f"{__version__}\0{what!r}\0{Path.cwd()}".encode())
    for top in [*(Path(p) for p in settings.paths), default_rules_dir(), *([rules_dir] if rules_dir else [])]:
        for line in _stat_lines(top):
            digest.update(line.encode("utf-8", "surrogateescape") + b"\n")
    return digest.hexdigest()


def _read(path: Path, wanted: str) -> Report | None:
    try:
        stored_key, _, body = path.read_text(encoding="utf-8").partition("\n")
    except (OSError, UnicodeDecodeError):
        return None
    if stored_key != wanted:
        return None
    try:
        return Report.model_validate_json(body)
    except ValidationError:
        return None


def _write(directory: Path, wanted: str, report: Report) -> None:
    try:
        directory.mkdir(exist_ok=True)
        ignore = directory / ".gitignore"
        if not ignore.exists():
            ignore.write_text(
                "# kcheck's cache of the last run (kcheck explain reads it)\n*\n", encoding="utf-8"
            )
        tmp = directory / f".{FILE}.{os.getpid()}.tmp"
        # written as the JSON report streams (never whole: at 100,000 articles the text is
        # over a GB, and held as one string it took more memory than the run's claims)
        with tmp.open("w", encoding="utf-8") as out:
            out.write(wanted + "\n")
            for chunk in json_report.chunks(report):
                out.write(chunk)
        os.replace(tmp, directory / FILE)
    except OSError as exc:
        log.debug("cannot write the cache in %s: %s", directory, exc)


def recorder(project: Path, rules_dir: Path | None) -> Callable[[Settings, RuleSet], Report]:
    """``pipeline.run`` that keeps its Report for a later `kcheck explain` (a report run
    always checks the corpus: it is what CI trusts)."""

    def run(settings: Settings, rules: RuleSet) -> Report:
        wanted = key(settings, rules_dir)
        report = pipeline.run(settings, rules)
        # never among the files it reads: a project directory inside a PATH keeps no cache
        if wanted is not None and not among_inputs(project / DIRECTORY, settings.paths):
            _write(project / DIRECTORY, wanted, report)
        return report

    return run


def run(settings: Settings, rules_dir: Path | None, project: Path) -> Report:
    """The corpus's Report, from the cache when nothing changed (rules loaded only if needed)."""
    wanted = key(settings, rules_dir)
    if wanted is not None:
        cached = _read(project / DIRECTORY / FILE, wanted)
        if cached is not None:
            log.info("using the last run's results: nothing changed since")
            return cached
    return recorder(project, rules_dir)(settings, load_rules(rules_dir))

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
from collections.abc import Callable, Iterator
from pathlib import Path

from pydantic import BaseModel, ValidationError
from pydantic_core import to_json

from kcheck import __version__, pipeline
from kcheck.load import Listing
from kcheck.models import Report
from kcheck.output import among_inputs
from kcheck.pipeline import Settings
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
        try:
            with tmp.open("w", encoding="utf-8") as fh:
                fh.write(wanted + "\n")
                for chunk in json_chunks(report):
                    fh.write(chunk)
            os.replace(tmp, directory / FILE)
        finally:
            tmp.unlink(missing_ok=True)
    except (OSError, ValueError) as exc:  # ValueError: text that cannot be encoded
        log.debug("cannot write the cache in %s: %s", directory, exc)


def json_chunks(report: Report) -> Iterator[str]:
    """``report.model_dump_json()`` a piece at a time: the object written field by field and
    each list item serialised on its own, so a report of 100,000 articles (gigabytes of
    JSON) is never one string."""
    yield "{"
    for n, name in enumerate(type(report).model_fields):
        value = getattr(report, name)
        yield f"{',' if n else ''}{to_json(name).decode()}:"
        if isinstance(value, list) and value and isinstance(value[0], BaseModel):
            yield "["
            for i, item in enumerate(value):
                yield ("," if i else "") + item.model_dump_json()
            yield "]"
        else:
            yield to_json(value).decode()
    yield "}"


def recorder(
    project: Path, rules_dir: Path | None, listing: Listing | None = None
) -> Callable[[Settings, RuleSet], Report]:
    """``pipeline.run`` that keeps its Report for a later `kcheck explain` (a report run
    always checks the corpus: it is what CI trusts). ``listing``: the files of the paths
    the run will be given, when the caller listed them already (kcheck.rerun.key did)."""

    def run(settings: Settings, rules: RuleSet) -> Report:
        wanted = key(settings, rules_dir)
        report = pipeline.run(settings, rules, listing)
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

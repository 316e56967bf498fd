"""The last run's Report, so `kcheck explain ID` answers at once when nothing changed.

`kcheck report` and `kcheck explain` keep the corpus's Report in ``.kcheck_cache/`` of the
project directory, keyed by what it was computed from: kcheck's version, the settings, and
the path, size and modification time of every file under the paths and of every rules
file. When the key matches, the Report is read back instead of checking the corpus again.
A cache that cannot be read or written is ignored (the run only takes longer).

The kept report is the JSON report (``--format json``'s layout, not escaped for a terminal:
only kcheck reads it), after a line with the key;
or, when the run wrote that very text into a run kept by kcheck.rerun (``--format json``
with the re-run cache on), a reference to that file and its checksum, so the report is
written once: a reference is trusted only while the file has that checksum. Either is
written to a temporary file and renamed into place. `kcheck explain ID` reads the file
mapped and parses only the items explaining ID needs (kcheck.report.json.Layout): the
report of 100,000 articles is gigabytes, and its whole never needs to be in memory.
"""

from __future__ import annotations

import hashlib
import json
import logging
import mmap
import os
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from kcheck import __version__, rerun
from kcheck.load import Listing
from kcheck.models import Report
from kcheck.output import among_inputs
from kcheck.report import json as json_report
from kcheck.report.explain import explained
from kcheck.report.json import Layout
from kcheck.settings import Settings, default_rules_dir

# the checking (kcheck.pipeline, the rules) is imported when the corpus is checked: an
# explain answered from the last run needs only the models and the report's reader
if TYPE_CHECKING:
    from kcheck.rules import RuleSet

log = logging.getLogger("kcheck")

DIRECTORY = ".kcheck_cache"
FILE = "last-report.json"
# first byte after the key line of a kept report that is a reference to a run kcheck.rerun
# kept (a JSON report starts with ``{``)
_REFERENCE = b"@"


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


def _open(path: Path, wanted: str) -> Layout | None:
    """The kept report (a :class:`~kcheck.report.json.Layout` over the mapped file) when
    ``path`` holds one under ``wanted``; None when it is absent, another run's, or not whole."""
    try:
        with path.open("rb") as fh:
            if fh.readline().rstrip(b"\n") != wanted.encode():
                return None
            if fh.read(1) != _REFERENCE:
                return Layout(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ), len(wanted) + 1)
            named = json.loads(fh.readline())
        return _kept_run(Path(named["file"]), named["checksum"])
    except (OSError, ValueError, KeyError, TypeError) as exc:  # ValueError: an empty file, bad JSON
        log.debug("the last run's report in %s is not used: %s", path, exc)
        return None


def _kept_run(path: Path, checksum: object) -> Layout | None:
    """The report in a run kept by kcheck.rerun (its header line, then the JSON report),
    trusted only when the whole file still has the checksum it was kept under."""
    if not isinstance(checksum, str):
        return None
    with path.open("rb") as fh:
        data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    if rerun.CHECKSUM(data).hexdigest() != checksum:
        log.debug("the kept run %s changed since it was kept", path)
        return None
    return Layout(data, data.find(b"\n") + 1)


def _read(path: Path, wanted: str, ident: str | None = None) -> Report | None:
    """The Report kept under ``wanted`` (with ``ident``, only the part of it that explaining
    ``ident`` reads), or None."""
    layout = _open(path, wanted)
    if layout is None:
        return None
    try:
        return layout.everything() if ident is None else explained(layout, ident)
    except (ValueError, ValidationError) as exc:
        log.debug("the last run's report in %s is not used: %s", path, exc)
        return None


def _write(directory: Path, wanted: str, report: Report | None, copy: Path | None = None) -> None:
    """Keep ``report`` under ``wanted``: written out, or (``copy``) a reference to a run kept
    by kcheck.rerun whose report is this Report's JSON report (see :class:`Recorder`)."""
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
                if copy is not None:
                    named = {"file": str(copy.resolve()), "checksum": copy.name}
                    fh.write(_REFERENCE.decode() + json.dumps(named, ensure_ascii=False) + "\n")
                elif report is not None:
                    for chunk in json_report.chunks(report, escaped=False):
                        fh.write(chunk)
            os.replace(tmp, directory / FILE)
        finally:
            tmp.unlink(missing_ok=True)
    except (OSError, ValueError) as exc:  # ValueError: text that cannot be encoded
        log.debug("cannot write the cache in %s: %s", directory, exc)


class Recorder:
    """``pipeline.run`` that keeps its Report for a later `kcheck explain` (a report run
    always checks the corpus: it is what CI trusts). ``listing``: the files of the paths
    the run will be given, when the caller listed them already (kcheck.rerun.key did).

    With ``wait_for_copy``, nothing is written when the run ends: the caller calls
    :meth:`keep` once its output is out, with the run kcheck.rerun kept when that run's text
    is this very Report as a JSON report; the kept report is then a reference to that file,
    and a 100,000-article report is written once, not twice.
    """

    def __init__(
        self,
        project: Path,
        rules_dir: Path | None,
        listing: Listing | None = None,
        wait_for_copy: bool = False,
    ) -> None:
        self.project, self.rules_dir, self.listing = project, rules_dir, listing
        self.wait_for_copy = wait_for_copy
        self.report: Report | None = None  # the last run's, as checked
        self._pending: str | None = None  # its key, until it is kept

    def __call__(self, settings: Settings, rules: RuleSet) -> Report:
        from kcheck import pipeline

        wanted = key(settings, self.rules_dir)
        self.report = pipeline.run(settings, rules, self.listing)
        # never among the files it reads: a project directory inside a PATH keeps no cache
        if wanted is not None and not among_inputs(self.project / DIRECTORY, settings.paths):
            self._pending = wanted
            if not self.wait_for_copy:
                self.keep()
        return self.report

    def keep(self, copy: Path | None = None) -> None:
        """Write the report kept for `kcheck explain` (once): a reference to ``copy``, a run
        kept by kcheck.rerun whose text is this Report's JSON report, or else the report itself."""
        if self._pending is None:
            return
        wanted, self._pending = self._pending, None
        _write(self.project / DIRECTORY, wanted, self.report, copy)


def recorder(project: Path, rules_dir: Path | None, listing: Listing | None = None) -> Recorder:
    """A :class:`Recorder` that writes the kept report as soon as the run ends."""
    return Recorder(project, rules_dir, listing)


def is_json_of(shown: Report, recorded: Report) -> bool:
    """Whether ``shown`` (the report a run renders) holds exactly what ``recorded`` holds:
    so its JSON report is the JSON of ``recorded`` (items compared by identity: cheap)."""
    for name in Report.model_fields:
        a, b = getattr(shown, name), getattr(recorded, name)
        if isinstance(a, list) and isinstance(b, list):
            if len(a) != len(b) or any(x is not y for x, y in zip(a, b, strict=True)):
                return False
        elif a != b:
            return False
    return True


def run(settings: Settings, rules_dir: Path | None, project: Path, ident: str | None = None) -> Report:
    """The corpus's Report, from the cache when nothing changed (rules loaded only if needed).
    With ``ident``, what explaining it reads: from the cache, only those items are parsed."""
    wanted = key(settings, rules_dir)
    if wanted is not None:
        cached = _read(project / DIRECTORY / FILE, wanted, ident)
        if cached is not None:
            log.info("using the last run's results: nothing changed since")
            return cached
    from kcheck.rules import load_rules

    return recorder(project, rules_dir)(settings, load_rules(rules_dir))

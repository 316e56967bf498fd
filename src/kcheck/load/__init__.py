"""Load article files into Documents: the first stage of the pipeline.

``load_paths`` walks files and directories and never stops at a bad file: each one becomes
a :class:`~kcheck.models.FileProblem` with a one-line reason, and the others are read.
``load_file`` reads one file (see :mod:`kcheck.load.reader`) and raises LoadError.

Only regular files are read, and under a directory only those that stay inside it once
symbolic links are resolved: a link out of the corpus (to ``/etc/passwd``, ``/proc/kmsg``)
is listed as skipped with the reason, a directory that cannot be listed is listed too, and
a file name is recorded with its undecodable bytes and control characters escaped
(:func:`kcheck.escape.display_path`), so one odd entry never costs the other files.

Inside: :mod:`.decode` (bytes -> text), :mod:`.formats` (front matter, format detection),
:mod:`.html` / :mod:`.markdown` / :mod:`.text` (body -> blocks of traced lines),
:mod:`.furniture` (keep the article, drop the page), :mod:`.sentences`, :mod:`.dates`
(publication date), :mod:`.manifest` (``sources.yaml``), :mod:`.traced` (the map from
clean text back to the original file).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kcheck.errors import LoadError
from kcheck.escape import display_path
from kcheck.load.select import Selection, Selector
from kcheck.readfile import STDIN, STDIN_NAME, read_stream

# Listing the files (which a replayed run does, kcheck.rerun) imports neither pydantic nor
# PyYAML: a problem's model and the sources.yaml reader are imported when first needed.
if TYPE_CHECKING:
    from kcheck.load.manifest import ManifestEntry
    from kcheck.models import Document
    from kcheck.problem import FileProblem
    from kcheck.rules import RuleSet

__all__ = [
    "STDIN",
    "STDIN_NAME",
    "Listing",
    "Source",
    "list_sources",
    "load_file",
    "load_paths",
    "load_source",
]

log = logging.getLogger("kcheck")

MANIFEST_NAMES = ("sources.yaml", "sources.yml")  # an editor's sources (kcheck.load.manifest)


def _problem(path: str, error: str) -> FileProblem:
    from kcheck.problem import FileProblem

    return FileProblem(path=path, error=error)


class _Manifests:
    """The ``sources.yaml`` of each directory, read once; its problems reported once."""

    def __init__(self, problems: list[FileProblem]) -> None:
        self.problems = problems
        self.cache: dict[Path, tuple[Path, dict[str, ManifestEntry]] | None] = {}
        self.real: dict[Path, Path] = {}  # each directory resolved once, not once per file
        # the directories above a file (by the identity of the list _walk gives all the files
        # of one directory, held here) that have no manifest at all: their files look no further
        self._bare: dict[int, list[tuple[Path, str]]] = {}

    def in_directory(self, directory: Path, display_dir: str) -> tuple[Path, dict[str, ManifestEntry]] | None:
        key = self.real.get(directory)
        if key is None:
            key = self.real[directory] = Path(os.path.realpath(directory))
        if key not in self.cache:
            found = None
            for name in MANIFEST_NAMES:
                candidate = directory / name
                if candidate.is_file():
                    from kcheck.load.manifest import read_manifest

                    entries, problems = read_manifest(candidate)
                    display = display_path(os.path.join(display_dir, name) if display_dir else name)
                    self.problems.extend(_problem(display, p) for p in problems)
                    found = (directory, entries)
                    break
            self.cache[key] = found
        return self.cache[key]

    def entry(self, file: Path, chain: list[tuple[Path, str]]) -> ManifestEntry | None:
        """The entry for ``file`` in the nearest manifest among ``chain`` (innermost last)."""
        if id(chain) in self._bare:
            return None
        bare = True
        for directory, display_dir in reversed(chain):
            manifest = self.in_directory(directory, display_dir)
            if manifest is None:
                continue
            bare = False
            root, entries = manifest
            rel = Path(os.path.relpath(file, root)).as_posix()
            if rel in entries:
                return entries[rel]
        if bare:
            self._bare[id(chain)] = chain
        return None


def _is_within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _directories(
    top: str, unlisted: Callable[[OSError], None]
) -> Iterator[tuple[str, list[str], list[tuple[str, bool]]]]:
    """``os.walk(top)`` (top down; links to directories listed, never followed), with each
    file's directory entry telling whether it is a symbolic link: a listing of 100,000 files
    (part of every re-run, kcheck.rerun) needs no ``lstat`` per file. The caller may prune
    the list of directories, as with ``os.walk``."""
    try:
        with os.scandir(top) as entries:
            found = list(entries)
    except OSError as exc:
        unlisted(exc)
        return
    dirnames: list[str] = []
    files: list[tuple[str, bool]] = []
    for entry in found:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            dirnames.append(entry.name)
        else:
            try:
                files.append((entry.name, entry.is_symlink()))
            except OSError:
                files.append((entry.name, True))  # resolved, like a link, by the caller
    yield top, dirnames, files
    for name in dirnames:
        below = os.path.join(top, name)
        if not os.path.islink(below):  # looked at now: the caller may have replaced it
            yield from _directories(below, unlisted)


def _walk(
    top: Path, given: str, selector: Selector, problems: list[FileProblem]
) -> Iterator[tuple[Path, str, bool, str, list[tuple[Path, str]]]]:
    """Files under ``top`` that ``selector`` keeps, sorted, hidden ones and manifests skipped;
    with its name, whether it is a symbolic link, its display path and the directories above
    it, innermost last (for manifest lookup; one list for all the files of a directory). Directories that cannot be listed and links to directories outside
    ``top`` are added to ``problems`` (links are not followed)."""
    root = os.path.realpath(top)

    def unlisted(exc: OSError) -> None:
        where = os.path.relpath(exc.filename, top) if exc.filename else "."
        shown = given if where == "." else os.path.join(given, where)
        problems.append(_problem(display_path(shown), f"cannot list directory: {exc.strerror or exc}"))

    for dirpath, dirnames, files in _directories(os.fspath(top), unlisted):
        here = Path(dirpath)
        for d in dirnames:
            link = here / d
            if (
                not d.startswith(".")
                and os.path.islink(link)
                and not _is_within(os.path.realpath(link), root)
            ):
                problems.append(
                    _problem(
                        display_path(os.path.join(given, os.path.relpath(link, top))),
                        error=f"skipped: symbolic link to a directory outside {display_path(given)}",
                    )
                )
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and selector.keep_directory(here / d)
        )
        rel_dir = here.relative_to(top)
        chain = [
            (top / Path(*rel_dir.parts[:i]), os.path.join(given, *rel_dir.parts[:i]))
            for i in range(len(rel_dir.parts) + 1)
        ]
        shown_dir = os.path.join(given, *rel_dir.parts)
        prefix = _prefix(shown_dir)
        keep = selector.names_kept(here)
        for name, is_link in sorted(files):
            if name.startswith(".") or name in MANIFEST_NAMES or not keep(name):
                continue
            yield here / name, name, is_link, prefix + name, chain


def _prefix(directory: str) -> str:
    """What ``os.path.join(directory, name)`` puts before ``name`` (for any name without a
    separator: one string concatenation per file rather than a join)."""
    return os.path.join(directory, "")


def shown_path(given: str, root: str | None) -> str:
    """How a PATH from the command line is named in the report: relative to ``root`` (the
    repository) when it lies inside it, so a run from a subfolder reports the same paths;
    else as given."""
    if root is None:
        return given
    rel = os.path.relpath(os.path.abspath(given), root)
    if rel == os.curdir:
        return ""
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return given
    return Path(rel).as_posix()


@dataclass(frozen=True)
class Source:
    """One file to read: where it is, its name as shown, and its ``sources.yaml`` entry;
    ``raw`` holds the bytes of an article read from standard input.

    Plain data, so that a worker process or a Dask worker can load it."""

    path: Path
    display: str
    manifest: ManifestEntry | None = None
    raw: bytes | None = None


@dataclass(frozen=True)
class Listing:
    """The files under the given paths, in order, and the problems met listing them.

    ``before[i]`` is how many of ``problems`` were met before ``sources[i]``: a file that
    then cannot be read is reported in the same place as when files were read while listed.
    """

    sources: list[Source]
    problems: list[FileProblem]
    before: list[int]
    # the content hash of each source (by index) as the run that checks them read it,
    # filled as it reads them (kcheck.rerun keys the run by them)
    read: dict[int, str] = field(default_factory=dict, compare=False)

    def merge_problems(self, failed: dict[int, FileProblem]) -> list[FileProblem]:
        """The listing's problems and the files that failed (by source index), in walk order."""
        keyed: list[tuple[int, int, int, FileProblem]] = [
            (i, 1, 0, problem) for i, problem in enumerate(self.problems)
        ]
        keyed += [(self.before[i], 0, i, problem) for i, problem in failed.items()]
        return [problem for *_, problem in sorted(keyed, key=lambda k: k[:3])]


def list_sources(
    paths: Sequence[str], selection: Selection | None = None, root: str | None = None
) -> Listing:
    """Every file under ``paths`` (files or directories; a directory's files as ``selection``
    picks them), with its manifest entry, in the order they are read; what cannot be listed
    or is skipped goes to ``problems``. With ``root``, paths inside it are named relative to
    it (see ``shown_path``); ``-`` is one article read from standard input."""
    selector = Selector(selection or Selection())
    sources: list[Source] = []
    before: list[int] = []
    problems: list[FileProblem] = []
    manifests = _Manifests(problems)
    seen: set[str] = set()
    for given in paths:
        if given == STDIN:
            try:
                raw = read_stream(sys.stdin.buffer, STDIN_NAME)
            except LoadError as exc:
                problems.append(_problem(STDIN_NAME, exc.reason))
                continue
            before.append(len(problems))
            sources.append(Source(path=Path(STDIN), display=STDIN_NAME, raw=raw))
            continue
        top = Path(given)
        if not top.exists():
            problems.append(_problem(display_path(given), "no such file or directory"))
            continue
        shown = shown_path(given, root)
        inside: str | None = None  # under a directory, only files that stay inside it
        if top.is_dir():
            inside = os.path.realpath(top)
            files = list(_walk(top, shown, selector, problems))
        else:  # a file named on the command line is read wherever its links lead
            parent = top.parent
            files = [(top, top.name, os.path.islink(top), shown, [(parent, os.path.dirname(shown))])]
        for path, name, is_link, given_display, chain in files:
            display = display_path(given_display)
            # a file that is not a link is where its directory (the last of ``chain``) really
            # is, resolved once for all its files
            real = selector.real_prefix(chain[-1][0]) + name if not is_link else os.path.realpath(path)
            if inside is not None and not _is_within(real, inside):
                problems.append(
                    _problem(
                        display,
                        error=f"skipped: symbolic link to a file outside {display_path(shown or given)}",
                    )
                )
                continue
            if real in seen:
                continue
            seen.add(real)
            try:
                entry = manifests.entry(path, chain)
            except Exception as exc:  # a manifest bug must not cost the other files
                log.debug("manifest lookup for %s failed", display, exc_info=True)
                problems.append(_problem(display, f"internal error: {type(exc).__name__}: {exc}"))
                continue
            before.append(len(problems))
            sources.append(Source(path=path, display=display, manifest=entry))
    return Listing(sources=sources, problems=problems, before=before)


def load_file(
    path: Path,
    display_path: str,
    rules: RuleSet,
    manifest: ManifestEntry | None = None,
    raw: bytes | None = None,
) -> Document:
    """Read one article (:func:`kcheck.load.reader.load_file`); raise LoadError naming
    ``display_path`` when it cannot be read. The reader is imported on first use: listing
    the files (and replaying a kept run) needs none of it."""
    from kcheck.load.reader import load_file as read_file

    return read_file(path, display_path, rules, manifest, raw)


def load_source(source: Source, rules: RuleSet, raw: bytes | None = None) -> Document | FileProblem:
    """One listed file as a Document, or the one-line reason it cannot be read."""
    from kcheck.problem import FileProblem

    try:
        return load_file(
            source.path, source.display, rules, source.manifest, raw=raw if raw is not None else source.raw
        )
    except LoadError as exc:
        return FileProblem(path=source.display, error=exc.reason)
    except Exception as exc:  # a loader bug must not cost the other files
        log.debug("loading %s failed", source.display, exc_info=True)
        return FileProblem(path=source.display, error=f"internal error: {type(exc).__name__}: {exc}")


def load_paths(
    paths: Sequence[str], rules: RuleSet, selection: Selection | None = None, root: str | None = None
) -> tuple[list[Document], list[FileProblem]]:
    """Every article under ``paths`` (see ``list_sources``), and the files that could not be read."""
    from kcheck.problem import FileProblem

    listing = list_sources(paths, selection, root)
    documents: list[Document] = []
    failed: dict[int, FileProblem] = {}
    for i, source in enumerate(listing.sources):
        loaded = load_source(source, rules)
        if isinstance(loaded, FileProblem):
            failed[i] = loaded
        else:
            documents.append(loaded)
    return documents, listing.merge_problems(failed)

"""Which files under a directory are articles: extensions, include/exclude globs, .gitignore.

A directory is walked for the extensions kcheck reads (``ARTICLE_SUFFIXES``) unless
``include`` globs say otherwise; ``exclude`` globs and, by default, every ``.gitignore``
from the repository's top down to the file take files and whole directories out, so a
Hexo site's ``node_modules/``, ``public/``, ``package.json`` and images are never read.
Globs use gitignore syntax (pathspec does the matching) relative to the project directory
(the configuration file's, else the working directory). A file named on the command line
is always read: the user asked for it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    import pathspec

# what kcheck reads when walking a directory: plain text, Markdown and HTML (the content,
# not the extension, decides how a file is read; the extension only says it is prose)
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".xhtml")
DEFAULT_INCLUDE = tuple(f"*{suffix}" for suffix in ARTICLE_SUFFIXES)


@dataclass(frozen=True)
class Selection:
    """Plain data (it travels to workers): how to pick files when walking a directory."""

    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    project: str = "."  # directory the include/exclude globs are relative to


class Selector:
    """Decides, directory by directory, what ``Selection`` keeps; .gitignore files read once."""

    def __init__(self, selection: Selection) -> None:
        self.selection = selection
        self.project = Path(selection.project).resolve()
        self._ignores: dict[Path, pathspec.GitIgnoreSpec | None] = {}
        self._tops: dict[Path, Path | None] = {}
        self._real: dict[Path, str] = {}  # a directory's realpath, resolved once per listing
        self._real_prefixes: dict[Path, str] = {}
        # a directory's realpath as a Path, and the path the globs see of it (once per directory)
        self._places: dict[Path, tuple[Path, str | None]] = {}
        self._default_include = selection.include == DEFAULT_INCLUDE

    def real_directory(self, directory: Path) -> str:
        """``os.path.realpath(directory)``, resolved once for all the files in it."""
        real = self._real.get(directory)
        if real is None:
            real = self._real[directory] = os.path.realpath(directory)  # never raises on a link loop
        return real

    def real_prefix(self, directory: Path) -> str:
        """``os.path.join(os.path.realpath(directory), "")``: what comes before the name of a
        file in ``directory`` that is no link, in its real path (once per directory)."""
        prefix = self._real_prefixes.get(directory)
        if prefix is None:
            prefix = self._real_prefixes[directory] = os.path.join(self.real_directory(directory), "")
        return prefix

    @cached_property
    def _include(self) -> pathspec.GitIgnoreSpec:
        return _compile(self.selection.include)

    @cached_property
    def _exclude(self) -> pathspec.GitIgnoreSpec:
        return _compile(self.selection.exclude)

    def _relative(self, path: Path) -> str | None:
        try:
            return path.relative_to(self.project).as_posix()
        except ValueError:
            return None

    def _glob_rel(self, path: Path) -> str:
        """The path the globs see: relative to the project, else the bare name."""
        rel = self._relative(path)
        return rel if rel is not None else path.name

    def keep_directory(self, directory: Path) -> bool:
        resolved = Path(os.path.realpath(directory))  # never raises on a link loop
        if self.selection.exclude and self._exclude.match_file(self._glob_rel(resolved) + "/"):
            return False
        return not self._ignored(resolved.parent, resolved.name, is_dir=True)

    def keep_file(self, file: Path) -> bool:
        return self.keep_name(file.parent, file.name)

    def keep_name(self, directory: Path, name: str) -> bool:
        """Whether the file ``name`` in ``directory`` is read."""
        return self.names_kept(directory)(name)

    def names_kept(self, directory: Path) -> Callable[[str], bool]:
        """Whether a file name in ``directory`` is read, with what depends on the directory
        alone worked out once for all its files (a listing of 100,000 files is part of every
        re-run, kcheck.rerun)."""
        # the name in the directory decides, not a link's target: a link to /etc/passwd is
        # a .txt to select, then the loader's to refuse (it leads outside the corpus)
        place = self._places.get(directory)
        if place is None:
            real = Path(self.real_directory(directory))
            place = self._places[directory] = (real, self._relative(real))
        real, glob_dir = place
        prefix = "" if glob_dir is None or glob_dir == "." else f"{glob_dir}/"
        excluded = self._exclude.match_file if self.selection.exclude else None
        ignored = self.selection.respect_gitignore and self._top(real) is not None

        def keep(name: str) -> bool:
            rel = prefix + name
            if not self._included(rel) or (excluded is not None and excluded(rel)):
                return False
            return not (ignored and self._ignored(real, name, is_dir=False))

        return keep

    def _included(self, rel: str) -> bool:
        if self._default_include and "\n" not in rel and not rel.startswith("/"):
            # the default globs (*.txt, *.md, ...) keep a path one of whose parts ends so:
            # pathspec's reading of them without a regex per file (tests/load/test_select.py
            # holds the two equal; pathspec reads a newline or a leading slash its own way)
            return rel.endswith(ARTICLE_SUFFIXES) or any(p.endswith(ARTICLE_SUFFIXES) for p in rel.split("/"))
        return bool(self._include.match_file(rel))

    # ------------------------------------------------------------------ .gitignore

    def _ignored(self, parent: Path, name: str, *, is_dir: bool) -> bool:
        """Whether .gitignore ignores ``name`` in the (resolved) directory ``parent``."""
        if not self.selection.respect_gitignore:
            return False
        top = self._top(parent)
        if top is None:
            return False
        # the deepest .gitignore that says anything about the path decides
        directory, rel = parent, name
        while True:
            spec = self._spec(directory, top)
            if spec is not None:
                verdict = spec.check_file(rel + "/" if is_dir else rel).include
                if verdict is not None:
                    return bool(verdict)
            if directory == top or directory.parent == directory:
                return False
            rel = f"{directory.name}/{rel}"
            directory = directory.parent

    def _top(self, directory: Path) -> Path | None:
        """The git work tree holding the (resolved) ``directory``, found once per directory."""
        if directory not in self._tops:
            self._tops[directory] = _git_top(directory)
        return self._tops[directory]

    def _spec(self, directory: Path, top: Path) -> pathspec.GitIgnoreSpec | None:
        if directory not in self._ignores:
            lines: list[str] = []
            sources = [directory / ".gitignore"]
            if directory == top:
                sources.append(top / ".git" / "info" / "exclude")
            for source in sources:
                try:
                    lines += source.read_text(encoding="utf-8", errors="replace").splitlines()
                except OSError:
                    continue
            self._ignores[directory] = _compile(lines) if lines else None
        return self._ignores[directory]


def _compile(lines: Iterable[str]) -> pathspec.GitIgnoreSpec:
    # pathspec is imported when a glob or a .gitignore is first needed: the default globs
    # outside git (an archive; a replayed run, kcheck.rerun) list their files without it
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _git_top(directory: Path) -> Path | None:
    """The work tree holding ``directory`` (the nearest parent with .git), or None outside git."""
    for candidate in (directory, *directory.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def repository_root(start: Path) -> Path | None:
    """The git work tree holding ``start`` (used as the default report root)."""
    start = start.resolve()
    return _git_top(start if start.is_dir() else start.parent)

"""The listing walks directories with os.scandir (kcheck.load._directories): the same
directories, files and order as os.walk, each file told a symbolic link or not by its
directory entry (no lstat per file), whatever the tree holds."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kcheck.load import _directories, list_sources
from kcheck.load.select import Selection

needs_links = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")

# what a tree may hold at a relative path: a file, a directory, a link (to a file or a
# directory inside, to one outside, or to nothing)
ENTRY = st.sampled_from(["file", "dir", "link-file", "link-dir", "link-outside", "link-broken"])
NAME = st.sampled_from(["a.txt", "b.md", ".h.txt", "c", "d.html", "sub", "x y.txt", "报.md"])
TREE = st.lists(st.tuples(st.lists(NAME, min_size=1, max_size=3), ENTRY), max_size=12)


def _build(root: Path, outside: Path, tree: list[tuple[list[str], str]]) -> None:
    (outside / "o.txt").write_text("外\n", encoding="utf-8")
    for parts, kind in tree:
        path = root.joinpath(*parts)
        if path.exists() or path.is_symlink():
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            continue  # a file or link already where a directory would be
        if kind == "file":
            path.write_text("快手\n", encoding="utf-8")
        elif kind == "dir":
            path.mkdir()
        elif kind == "link-file":
            (root / "target.txt").write_text("t\n", encoding="utf-8")
            path.symlink_to(root / "target.txt")
        elif kind == "link-dir":
            (root / "targetdir").mkdir(exist_ok=True)
            path.symlink_to(root / "targetdir", target_is_directory=True)
        elif kind == "link-outside":
            path.symlink_to(outside, target_is_directory=True)
        else:
            path.symlink_to(root / "nothing-here")


def _walked(top: str) -> list[tuple[str, list[str], list[tuple[str, bool]]]]:
    out = []
    for dirpath, dirnames, files in _directories(top, lambda exc: None):
        dirnames.sort()
        out.append((dirpath, list(dirnames), sorted(files)))
    return out


def _os_walked(top: str) -> list[tuple[str, list[str], list[tuple[str, bool]]]]:
    out = []
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames.sort()
        files = sorted((name, os.path.islink(os.path.join(dirpath, name))) for name in filenames)
        out.append((dirpath, list(dirnames), files))
    return out


@needs_links
@given(tree=TREE)
@settings(max_examples=60, deadline=None)
def test_the_walk_is_os_walk_with_each_file_told_a_link(tree: list[tuple[list[str], str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root, outside = Path(tmp) / "corpus", Path(tmp) / "outside"
        root.mkdir()
        outside.mkdir()
        _build(root, outside, tree)
        assert _walked(str(root)) == _os_walked(str(root))
        listing = list_sources([str(root)], Selection(project=tmp), tmp)
        # a listed file that is a link is one whose target stays inside the corpus
        for source in listing.sources:
            assert os.path.realpath(source.path).startswith(os.path.realpath(root) + os.sep)


def test_a_directory_that_cannot_be_listed_is_told_and_the_walk_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.txt").write_text("x\n", encoding="utf-8")
    told: list[OSError] = []
    missing = str(tmp_path / "gone")
    assert list(_directories(missing, told.append)) == [] and told[0].filename == missing
    walked = []
    for directory, dirnames, _ in _directories(str(tmp_path), told.append):
        dirnames.sort()  # the caller orders (and prunes) what is walked next
        walked.append(directory)
    assert walked == [str(tmp_path), str(tmp_path / "a"), str(tmp_path / "b")]

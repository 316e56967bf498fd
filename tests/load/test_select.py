"""The default include globs read without a regex per file, exactly as pathspec reads them;
.gitignore files read as git reads them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pathspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kcheck.load import list_sources
from kcheck.load.select import DEFAULT_INCLUDE, Selection, Selector

SPEC = pathspec.GitIgnoreSpec.from_lines(DEFAULT_INCLUDE)

# names a corpus holds, odd ones included: what the default globs keep or leave
CASES = [
    ("a.txt", True),
    ("news/2024/a.md", True),
    ("a.TXT", False),  # globs are case-sensitive
    (".txt", True),
    ("a.txt.bak", False),
    ("a.txt/b.png", True),  # a directory the globs name takes what is under it
    ("x/y.html/z", True),
    ("page.htm", True),
    ("page.xhtml", True),
    ("a.md ", False),
    ("[x].md", True),
    ("a\\.md", True),
    ("a//b.md", True),
    ("报告.markdown", True),
    ("a.txt\n", True),  # pathspec's own reading: `$` before a final newline
    ("x\n/a.md", False),  # and `.` never across a newline
    ("image.png", False),
    ("", False),
]


def test_default_globs_as_pathspec_reads_them() -> None:
    selector = Selector(Selection())
    for rel, kept in CASES:
        assert SPEC.match_file(rel) is kept, rel
        assert selector._included(rel) is kept, rel


@given(
    st.lists(
        st.sampled_from(
            ["a", "b", ".", "/", "\n", "\r", " ", "*", "\\", "报", "txt", "md", "html", "htm", "x"]
        ),
        max_size=12,
    ).map("".join)
)
def test_default_globs_agree_with_pathspec(rel: str) -> None:
    assert Selector(Selection())._included(rel) == bool(SPEC.match_file(rel))


def test_other_globs_go_to_pathspec() -> None:
    selector = Selector(Selection(include=("*.md",), exclude=("drafts/",)))
    assert selector._included("a.md") and not selector._included("a.txt")


# a work tree with .gitignore files at three depths, negations and directory patterns
_GITIGNORES = {
    ".gitignore": "*.html\n!keep.html\nsub/deep/\n/top.md\n",
    "a/.gitignore": "x.md\nb/*.txt\n",
    "a/b/.gitignore": "!x.md\n",
    "sub/.gitignore": "*.txt\n!/z.txt\n",
}
_FILES = [
    "top.md",
    "a/top.md",
    "a/keep.html",
    "a/y.html",
    "a/x.md",
    "a/c.txt",
    "a/b/x.md",
    "a/b/c.txt",
    "a/b/d/c.txt",
    "a/b/d/x.md",
    "sub/z.txt",
    "sub/w.txt",
    "sub/q/z.txt",
    "sub/deep/z.md",
    "sub/z.md",
    "a/b/keep.html",
]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is the oracle")
def test_a_listing_leaves_out_what_git_ignores(tmp_path: Path) -> None:
    """The files kcheck lists in a work tree are the ones git itself does not ignore."""
    for rel, text in _GITIGNORES.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    for rel in _FILES:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("甲公司2023年营收120亿元。\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    shown = subprocess.run(
        ["git", "-C", str(tmp_path), "ls-files", "--others", "--exclude-standard"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    expected = sorted(rel for rel in shown if not rel.endswith(".gitignore"))
    listing = list_sources([str(tmp_path)], Selection(project=str(tmp_path)), str(tmp_path))
    assert sorted(s.display for s in listing.sources) == expected
    assert 0 < len(expected) < len(_FILES)

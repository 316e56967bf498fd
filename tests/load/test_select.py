"""The default include globs read without a regex per file, exactly as pathspec reads them."""

from __future__ import annotations

import pathspec
from hypothesis import given
from hypothesis import strategies as st

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

"""Properties over arbitrary input: only LoadError escapes, and every run maps back exactly."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kcheck.errors import LoadError
from kcheck.load import load_file
from kcheck.load.sentences import sentences
from kcheck.load.traced import Builder, LineIndex, Traced
from kcheck.models import Sentence
from kcheck.text.sentences import sentence_spans

from .helpers import original_text, rules, run_mismatches

# pieces of real pages: CJK text and figures, punctuation, markup, entities, Markdown,
# front matter fences, bullets, furniture words, every kind of whitespace and line break
PIECES = st.sampled_from(
    [
        "快手",
        "电商",
        "交易总额达",
        "1758.87",
        "亿元",
        "同比增长",
        "86.1%",
        "２０２２年",
        "3月1日",
        "億",
        "。",
        "，",
        ",",
        "？",
        "?",
        "！",
        "；",
        "“",
        "”",
        '"',
        "'",
        "（",
        "）",
        "「",
        "」",
        "…",
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<br>",
        "<br/>",
        "<a href='x'>",
        "</a>",
        "<script>",
        "</script>",
        "<style>",
        "<nav>",
        "</nav>",
        "<pre>",
        "</pre>",
        "<li>",
        "<td>",
        "<!-- c -->",
        "<!DOCTYPE html>",
        "<p style='display:none'>",
        "<p hidden>",
        "<h1>",
        "</h1>",
        "<title>",
        "</title>",
        "<",
        ">",
        "</",
        "&amp;",
        "&nbsp;",
        "&#65292;",
        "&#x4e00;",
        "&bogus;",
        "&",
        "&#",
        "<![CDATA[x]]>",
        "<?xml?>",
        "# ",
        "**",
        "*",
        "_",
        "`",
        "```",
        "[链接](http://x)",
        "![图](y.png)",
        "> ",
        "- ",
        "1. ",
        "|",
        "---",
        "\n---\n",
        "---\n",
        "title: x\n",
        "date: 2022-03-01\n",
        "• ",
        "  ",
        "    ",
        "\t",
        "\u3000",
        "\xa0",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\u2028",
        "\ufeff",
        "本文首发钛媒体APP",
        "图片来源:视觉中国",
        "36万",
        "2022.11.09 09:14",
        "赞赏了",
        "评论(5)",
        "a",
        "Z",
        "0",
        "\\",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=60).map("".join)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("prop")


def _check(path: Path) -> None:
    try:
        doc = load_file(path, path.name, rules())
    except LoadError as exc:
        assert exc.path == path.name and exc.reason and "\n" not in exc.reason
        return
    assert run_mismatches(doc, original_text(path)) == []
    # the loader builds its sentences and runs unvalidated (Record.model_construct): they
    # must be exactly what validating them gives
    assert [Sentence.model_validate(s.model_dump()) for s in doc.sentences] == doc.sentences
    for sentence in doc.sentences:
        assert sentence.text and sentence.text == sentence.text.strip()
        for run in sentence.runs:
            assert run.offset >= 0 and run.offset + run.length <= len(sentence.text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_text_and_markup(workdir: Path, text: str) -> None:
    path = workdir / "article.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    _check(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=300))
def test_arbitrary_bytes(workdir: Path, raw: bytes) -> None:
    path = workdir / "bytes.txt"
    path.write_bytes(raw)
    _check(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS, encoding=st.sampled_from(["gb18030", "utf-16", "utf-8-sig", "big5"]))
def test_other_encodings(workdir: Path, text: str, encoding: str) -> None:
    path = workdir / "encoded.txt"
    path.write_bytes(text.encode(encoding, "ignore"))
    _check(path)


@given(
    pieces=st.lists(st.tuples(st.text(max_size=6), st.booleans()), max_size=12),
    cut=st.integers(0, 40),
    bounds=st.lists(st.integers(0, 80), max_size=6),
)
def test_traced_slices_keep_their_source(pieces: list[tuple[str, bool]], cut: int, bounds: list[int]) -> None:
    """Builder/slice/cut/strip: every span still names the source text it came from."""
    source, traced = _traced(pieces)
    edges = [0, *sorted(b for b in bounds if b <= len(traced)), len(traced)]
    assert traced.cut(edges) == [traced.slice(a, b) for a, b in itertools.pairwise(edges)]
    for part in (traced, traced.slice(cut, cut + 7), traced.strip(), traced.slice(cut, len(traced)).strip()):
        for off, length, src in part.spans:
            assert part.text[off : off + length] == source[src : src + length]


def _traced(pieces: list[tuple[str, bool]]) -> tuple[str, Traced]:
    """A source text and a line built from it: each piece copied from it or inserted."""
    source = "".join(text for text, _ in pieces)
    builder = Builder()
    pos = 0
    for text, copied in pieces:
        if copied:
            builder.verbatim(text, pos)
        else:
            builder.inserted(text)
        pos += len(text)
    return source, builder.build()


@given(
    pieces=st.lists(
        st.tuples(st.text(alphabet='快手GMV1。！？；”" \n\r\t', max_size=8), st.booleans()), max_size=12
    )
)
def test_a_sentences_runs_are_its_lines_runs_cut_at_its_ends(pieces: list[tuple[str, bool]]) -> None:
    """The splitter cuts a line's runs in one pass: each sentence has the runs of the
    sentence sliced from the line, and its text."""
    source, line = _traced(pieces)
    index = LineIndex(source)
    spans = sentence_spans(line.text)
    found = sentences([[line]], index)
    assert [s.text for s in found] == [line.text[a:b] for a, b in spans]
    assert [s.runs for s in found] == [line.slice(a, b).runs(index) for a, b in spans]
    assert [Sentence.model_validate(s.model_dump()) for s in found] == found

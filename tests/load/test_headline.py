"""The article's title as a sentence of its own, where the file writes it (load.headline)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kcheck.load.reader import load_file

from .helpers import rules, run_mismatches

BODY = "瑞柏医药披露2023年年报，报告期内实现营业收入86.42亿元，同比增长14.3%，归母净利润12.08亿元。\n"


@pytest.mark.parametrize(
    ("name", "text", "headline", "line"),
    [
        (
            "a.md",
            f"---\ntitle: 瑞柏医药：2023年净利润12.08亿元 同比增长23.6%\n---\n\n{BODY}",
            "瑞柏医药：2023年净利润12.08亿元 同比增长23.6%",
            2,
        ),
        # quoted in the front matter: the words inside the quotes
        (
            "b.md",
            f"---\ntitle: '瑞柏医药2023年营收86.42亿元'\n---\n\n{BODY}",
            "瑞柏医药2023年营收86.42亿元",
            2,
        ),
        (
            "c.html",
            f"<html><head><title>瑞柏医药营收86.42亿元</title></head><body><p>{BODY}</p></body></html>",
            "瑞柏医药营收86.42亿元",
            1,
        ),
        # a plain-text page's heading line (furniture for the body, a headline here)
        (
            "d.txt",
            f"瑞柏医药2023年营收86.42亿元　同比增长14.3%\n\n{BODY}",
            "瑞柏医药2023年营收86.42亿元　同比增长14.3%",
            1,
        ),
    ],
)
def test_the_title_is_read_where_the_file_writes_it(
    tmp_path: Path, name: str, text: str, headline: str, line: int
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = load_file(path, name, rules())
    assert doc.headline is not None
    assert (doc.headline.text, doc.headline.line) == (headline, line)
    assert doc.headline.index == len(doc.sentences)
    assert run_mismatches(doc.model_copy(update={"sentences": [doc.headline]}), text) == []


@pytest.mark.parametrize(
    "text",
    [
        # written with a character reference: not verbatim, so no headline (never a guess)
        f"<html><head><title>瑞柏医药&amp;华信营收86.42亿元</title></head><body><p>{BODY}</p></body></html>",
        # a "title" longer than any headline (a page whose title is its text)
        "---\ntitle: " + "营收86.42亿元" * 30 + f"\n---\n\n{BODY}",
        # no title at all
        BODY,
    ],
)
def test_no_headline_where_the_file_does_not_write_a_title(tmp_path: Path, text: str) -> None:
    path = tmp_path / ("a.html" if text.startswith("<") else "a.md")
    path.write_text(text, encoding="utf-8")
    assert load_file(path, path.name, rules()).headline is None

"""sources.yaml: per-file published date, source and title; mistakes reported with their line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kcheck.load import load_paths
from kcheck.load.manifest import read_manifest
from kcheck.models import PublishedFrom

from .helpers import rules

ARTICLE = "3月1日，快手电商与淘宝、京东正式“分手”。\n"


def corpus_with(tmp_path: Path, manifest: str, files: tuple[str, ...] = ("a.txt",)) -> Path:
    root = tmp_path / "corpus"
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE, encoding="utf-8")
    (root / "sources.yaml").write_text(manifest, encoding="utf-8")
    return root


def test_manifest_dates_titles_and_sources_the_files(tmp_path: Path) -> None:
    root = corpus_with(
        tmp_path,
        "# what we know\na.txt:\n  published: 2022-05-23\n  source: 鸟哥笔记\n  title: 抖音快手相继断外链\n"
        "sub/b.txt: {published: 2022-03-01}\n",
        ("a.txt", "sub/b.txt"),
    )
    docs, problems = load_paths([str(root)], rules())
    assert problems == []
    a, b = docs
    assert (a.published, a.published_from, a.source, a.title) == (
        dt.date(2022, 5, 23),
        PublishedFrom.MANIFEST,
        "鸟哥笔记",
        "抖音快手相继断外链",
    )
    assert a.published_note == "sources.yaml: published 2022-05-23"
    assert (b.path, b.published, b.published_from) == (
        f"{root}/sub/b.txt",
        dt.date(2022, 3, 1),
        PublishedFrom.MANIFEST,
    )


def test_manifest_applies_to_a_file_given_alone(tmp_path: Path) -> None:
    root = corpus_with(tmp_path, "a.txt:\n  published: 2022-05-23\n")
    docs, _ = load_paths([str(root / "a.txt")], rules())
    assert docs[0].published_from == PublishedFrom.MANIFEST


@pytest.mark.parametrize(
    ("manifest", "problems"),
    [
        ("a.txt:\n  publishd: 2022-05-23\n", ["line 2: 'a.txt': unknown key 'publishd'"]),
        (
            "a.txt:\n  source: x\n  published: 2022-13-01\n",
            ["line 3: 'a.txt': published: Input should be a valid date"],
        ),
        ("b.txt:\n  published: 2022-05-23\n", ["line 1: no such file 'b.txt' next to the manifest"]),
        (
            "../a.txt: {published: 2022-05-23}\n",
            ["line 1: '../a.txt' is not a path inside the manifest's directory"],
        ),
        ("a.txt: 2022-05-23\n", ["line 1: 'a.txt': expected keys published, source, title, url"]),
        ("- a.txt\n", ["line 1: expected a mapping of file name -> {published, source, title, url}"]),
        ("a.txt: [unclosed\n", ["line 2: invalid YAML"]),
        ("", []),
    ],
)
def test_manifest_mistakes_point_at_their_line(tmp_path: Path, manifest: str, problems: list[str]) -> None:
    root = corpus_with(tmp_path, manifest)
    _, found = read_manifest(root / "sources.yaml")
    assert len(found) == len(problems)
    for got, want in zip(found, problems, strict=True):
        assert got.startswith(want), got


def test_a_broken_manifest_is_a_problem_and_the_articles_still_load(tmp_path: Path) -> None:
    root = corpus_with(tmp_path, "a.txt:\n  publishd: 2022-05-23\n")
    docs, problems = load_paths([str(root)], rules())
    assert [(p.path, p.error) for p in problems] == [
        (f"{root}/sources.yaml", "line 2: 'a.txt': unknown key 'publishd'")
    ]
    assert [d.published_from for d in docs] == [PublishedFrom.UNKNOWN]

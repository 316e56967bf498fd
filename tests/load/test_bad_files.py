"""A corpus of bad files: each gets a one-line reason naming it, the good ones still load."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kcheck.cli import main
from kcheck.errors import LoadError
from kcheck.load import load_file, load_paths

from .helpers import rules, write_bad_corpus


@pytest.fixture
def bad_corpus(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    root = tmp_path / "bad"
    return root, write_bad_corpus(root)


def test_bad_files_are_reported_and_good_files_loaded(bad_corpus: tuple[Path, dict[str, str]]) -> None:
    root, expected = bad_corpus
    before = {p: p.stat().st_mtime_ns for p in root.rglob("*")}
    docs, problems = load_paths([str(root)], rules())
    assert sorted(d.path for d in docs) == [
        f"{root}/good_gbk.txt",
        f"{root}/good_utf8.txt",
        f"{root}/with_manifest/article.txt",
    ]
    reasons: dict[str, list[str]] = {}
    for problem in problems:
        assert "\n" not in problem.error
        reasons.setdefault(problem.path, []).append(problem.error)
    for name, reason in expected.items():
        got = reasons.get(f"{root}/{name}", [])
        assert any(reason in r for r in got), (name, got)
    assert (
        reasons[f"{root}/with_manifest/sources.yaml"][1]
        == "line 4: no such file 'missing.txt' next to the manifest"
    )
    # the input files are never modified
    assert {p: p.stat().st_mtime_ns for p in root.rglob("*")} == before


def test_the_big_file_is_refused_without_reading_it(bad_corpus: tuple[Path, dict[str, str]]) -> None:
    root, _ = bad_corpus
    with pytest.raises(LoadError, match=r"^x/huge.txt: file too large \(20.0 MB > limit 16 MB\)$"):
        load_file(root / "huge.txt", "x/huge.txt", rules())


def test_cli_lists_unreadable_files_and_exits_0(bad_corpus: tuple[Path, dict[str, str]]) -> None:
    root, expected = bad_corpus
    result = CliRunner().invoke(main, ["report", str(root), "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    unreadable = {p["path"] for p in report["unreadable"]}
    assert {f"{root}/{name}" for name in expected} <= unreadable
    assert {d["path"] for d in report["documents"]} == {
        f"{root}/good_gbk.txt",
        f"{root}/good_utf8.txt",
        f"{root}/with_manifest/article.txt",
    }
    assert report["summary"]["unreadable"] == len(report["unreadable"])


def test_missing_path_empty_directory_and_single_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    article = tmp_path / "a.txt"
    article.write_text("快手电商交易总额达1758亿元。\n", encoding="utf-8")
    docs, problems = load_paths([str(tmp_path / "nope"), str(empty), str(article)], rules())
    assert [d.path for d in docs] == [str(article)]
    assert [(p.path, p.error) for p in problems] == [(str(tmp_path / "nope"), "no such file or directory")]


def test_walk_is_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    for rel in ("b.txt", "a.txt", "sub/c.txt", ".hidden.txt", ".git/d.txt", "sub/.e.txt"):
        path = tmp_path / "corpus" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("快手电商交易总额达1758亿元。\n", encoding="utf-8")
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        docs, problems = load_paths(["corpus", "corpus/a.txt"], rules())
    finally:
        os.chdir(old)
    # display paths are the path as given joined with the relative path; a file met twice loads once
    assert [d.path for d in docs] == ["corpus/a.txt", "corpus/b.txt", "corpus/sub/c.txt"]
    assert problems == []


def test_a_fifo_is_not_read(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    docs, problems = load_paths([str(tmp_path)], rules())
    assert docs == [] and [(p.path, p.error) for p in problems] == [
        (str(fifo), "not a regular file (a device, FIFO or socket)")
    ]

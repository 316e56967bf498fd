"""kcheck.lastrun: the report kept for `kcheck explain` reads back as the run's Report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kcheck import lastrun
from kcheck.pipeline import Settings
from kcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]


def test_the_kept_report_reads_back_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "corpus", articles)
    # a hostile byte in an article: the kept JSON escapes it and reads it back the same
    (articles / "zz.txt").write_text("快手电商2023年GMV为1.18万亿元\u202e，同比增长30%。\n", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    settings = Settings(paths=(str(articles),))
    made = lastrun.recorder(project, None)(settings, load_rules())
    kept = project / lastrun.DIRECTORY / lastrun.FILE
    assert kept.is_file()
    read = lastrun.run(settings, None, project)
    assert read is not made
    assert read.model_dump_json() == made.model_dump_json()
    assert not list((project / lastrun.DIRECTORY).glob(".*.tmp"))

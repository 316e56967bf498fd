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


def _kept_body(project: Path) -> bytes:
    return (project / lastrun.DIRECTORY / lastrun.FILE).read_bytes().partition(b"\n")[2]


@pytest.mark.parametrize(
    ("options", "reference"),
    [
        ((), True),  # the re-run cache keeps the JSON report: explain reads that one copy
        (("--min-severity", "error"), False),  # the JSON shown is not the whole Report
        (("--format", "text"), False),
        (("--no-cache",), False),
    ],
)
def test_report_keeps_one_copy_and_explain_reads_it(
    options: tuple[str, ...], reference: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from kcheck import pipeline
    from kcheck.cli import main
    from kcheck.models import Report

    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "corpus", articles)
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    monkeypatch.setenv("KCHECK_CACHE_DIR", str(tmp_path / "cache"))

    def invoke(*args: str) -> tuple[int, str, str]:
        done = CliRunner().invoke(main, list(args), prog_name="kcheck", catch_exceptions=False)
        return done.exit_code, done.stdout, done.stderr

    run = pipeline.run
    whole = run(Settings(paths=(str(articles),)), load_rules())
    fmt = () if "--format" in options else ("--format", "json")
    assert invoke("report", str(articles), "--fail-on", "never", *fmt, *options)[0] == 0
    body = _kept_body(project)
    assert body.startswith(b"@") == reference
    if reference:
        (kept,) = (tmp_path / "cache" / "runs").iterdir()
        assert len(body) < 300 and kept.name in body.decode()
    every = [x.id for x in [*whole.conflicts, *whole.claims, *whole.topics]]
    first = whole.conflicts[0].id
    unique = next(
        first[:n] for n in range(1, len(first) + 1) if sum(i.startswith(first[:n]) for i in every) == 1
    )
    ambiguous = whole.claims[0].id[:1]  # ids are hex: 180 claims share any first digit
    ids = [first, whole.claims[3].id, whole.topics[2].id, unique, ambiguous, "zz"]
    # explained from what was kept, never checked again
    monkeypatch.setattr(pipeline, "run", lambda *a, **k: Report())
    from_cache = {i: invoke("explain", i, str(articles), "--format", "json") for i in ids}
    monkeypatch.setattr(pipeline, "run", run)
    for ident, seen in from_cache.items():
        (project / lastrun.DIRECTORY / lastrun.FILE).unlink()  # nothing kept: the corpus is checked
        assert seen == invoke("explain", ident, str(articles), "--format", "json"), ident
        assert seen[0] == (2 if ident in ("zz", ambiguous) else 0), ident

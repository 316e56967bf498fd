"""The last run's Report kept for `kcheck explain` (kcheck.lastrun): written a piece at a
time, read back equal."""

from __future__ import annotations

from pathlib import Path

import pytest

from kcheck import lastrun
from kcheck.models import Report

from .builders import claim, clean_report, sample_report


def _hostile() -> Report:
    report = sample_report()
    nasty = claim("h1", "doc/##[e\u202e.md", 3, 1, "5亿", '##[error]x\x1b[2J \u2028 5亿 \x85 "引号" \\')
    return report.model_copy(update={"claims": [*report.claims, nasty], "baseline": 'b"ase.yaml'})


@pytest.mark.parametrize("build", [sample_report, clean_report, _hostile, Report])
def test_the_pieces_are_the_models_own_json(build: object) -> None:
    report = build()  # type: ignore[operator]
    pieces = list(lastrun.json_chunks(report))
    assert "".join(pieces) == report.model_dump_json()
    if report.claims:  # one piece per list item at least: never the whole report as one string
        assert len(pieces) > len(report.claims) + len(report.topics)
        assert max(map(len, pieces)) < len(report.model_dump_json()) // 2


@pytest.mark.parametrize("build", [sample_report, _hostile, Report])
def test_a_written_report_is_read_back_equal(build: object, tmp_path: Path) -> None:
    report = build()  # type: ignore[operator]
    lastrun._write(tmp_path / "c", "key1", report)
    assert lastrun._read(tmp_path / "c" / lastrun.FILE, "key1") == report
    assert lastrun._read(tmp_path / "c" / lastrun.FILE, "key2") is None
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == [".gitignore", lastrun.FILE]


def test_a_write_that_fails_midway_leaves_the_previous_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / "c"
    lastrun._write(directory, "key1", sample_report())

    def broken(report: Report):  # type: ignore[no-untyped-def]
        yield "{"
        raise OSError("disk full")

    monkeypatch.setattr(lastrun, "json_chunks", broken)
    lastrun._write(directory, "key2", clean_report())
    assert lastrun._read(directory / lastrun.FILE, "key1") == sample_report()
    assert sorted(p.name for p in directory.iterdir()) == [".gitignore", lastrun.FILE]  # no temporary left

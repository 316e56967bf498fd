"""Baselines match findings by id (topic and values), not by where they are written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kcheck import baseline
from kcheck.errors import UsageError

from .builders import sample_report


def test_write_read_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    assert baseline.write(path, sample_report()) == 3
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["tool"] == "kcheck" and data["version"] == 1
    assert [f["id"] for f in data["findings"]] == sorted(c.id for c in sample_report().conflicts)
    assert data["findings"][0] == {
        "id": "a1b2c3d4e5f60718",
        "type": "reused_figure",
        "severity": "warning",
        "topic": "快手 GMV 2021-Q3".replace("Q3", "Q4"),
        "message": "1758.87亿元 is 快手 GMV for 2021-Q3 elsewhere but 2021-Q4 here",
    }
    assert baseline.read(path).ids == {c.id for c in sample_report().conflicts}


def test_apply_marks_by_id_even_after_the_text_moved() -> None:
    report = sample_report()
    accepted = baseline.from_report(report)
    # the same finding, its sentence moved to another line and reworded message
    moved = report.model_copy(deep=True)
    moved.conflicts[0] = moved.conflicts[0].model_copy(
        update={
            "message": "reworded",
            "claims": [c.model_copy(update={"line": c.line + 40}) for c in moved.conflicts[0].claims],
        }
    )
    marked = baseline.apply(moved, accepted, "b.json")
    assert all(c.baselined for c in marked.conflicts)
    assert marked.summary.baselined == 3
    assert marked.baseline == "b.json"


def test_apply_leaves_new_findings_unmarked() -> None:
    report = sample_report()
    accepted = baseline.from_report(report.model_copy(update={"conflicts": report.conflicts[:1]}))
    marked = baseline.apply(report, accepted, "b.json")
    assert [c.baselined for c in marked.conflicts] == [True, False, False]
    assert marked.summary.baselined == 1
    assert marked.summary.conflicts == {"error": 2, "warning": 1, "info": 0}


def test_extra_fields_are_ignored_for_forward_compatibility(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    entry = {"id": "x", "type": "t", "severity": "info", "topic": "t", "message": "m", "note": "accepted"}
    path.write_text(json.dumps({"version": 1, "findings": [entry], "generated": "today"}), encoding="utf-8")
    assert baseline.read(path).ids == {"x"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "not a kcheck baseline: invalid JSON at line 1"),
        ('{"findings": "all"}', "not a kcheck baseline: findings: Input should be a valid list"),
        (
            '{"findings": [{"id": "x", "type": "t", "severity": "fatal", "topic": "t", "message": "m"}]}',
            "not a kcheck baseline: findings.0.severity: Input should be 'error', 'warning' or 'info'",
        ),
        (
            '{"tool": "eslint", "findings": []}',
            "not a kcheck baseline this version reads (tool 'eslint', version 1)",
        ),
        (
            '{"version": 9, "findings": []}',
            "not a kcheck baseline this version reads (tool 'kcheck', version 9)",
        ),
    ],
)
def test_malformed_baselines_name_the_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as err:
        baseline.read(path)
    assert str(err.value) == f"{path}: {message}"


def test_a_directory_is_not_a_baseline(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r": cannot read baseline: is a directory$"):
        baseline.read(tmp_path)

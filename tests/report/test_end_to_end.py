"""The real pipeline behind the CLI, on two small articles that disagree on one figure.

Article a states 快手's 2021-Q3 GMV as in the earnings release (1758.87亿元, also in
corpus/001); article b is hand-made with the figure mistyped (1958.87亿元). Both agree on
the growth rate (86.1% vs 约86%). These tests pin what users see, not how it is found.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner, Result

from kcheck.cli import main

SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "report.schema.json"
SARIF_SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "schemas" / "sarif-schema-2.1.0.json"

A = """---
title: 快手三季度财报
date: 2021-11-23
---

# 快手三季度财报

快手2021年第三季度电商交易总额（GMV）达到1758.87亿元，同比增长86.1%。
"""
B = """---
title: 快手电商观察
date: 2021-12-01
---

据财报，快手2021年第三季度电商GMV为1958.87亿元，同比增长约86%。
"""


@pytest.fixture
def news(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text(A, encoding="utf-8")
    (tmp_path / "news" / "b.md").write_text(B, encoding="utf-8")
    return tmp_path


def kcheck(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), prog_name="kcheck", catch_exceptions=False)


def report_json(*args: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(kcheck("report", "news", "--format", "json", "-q", *args).stdout)
    return data


def test_text_report_cites_both_sentences(news: Path) -> None:
    result = kcheck("report", "news")
    assert result.exit_code == 1
    out = result.stdout
    assert "[error] value_mismatch" in out
    assert "news/a.md:8:25  1758.87亿元  = 175,887,000,000 CNY" in out
    assert "news/b.md:6:22  1958.87亿元  = 195,887,000,000 CNY" in out
    assert "gap: 19,999,000,000 CNY" in out
    assert "Corroborated (1 topic)" in out
    assert out.endswith("conflicts: 1 error, 0 warnings, 0 info\n")
    assert result.stderr == ""


def test_json_output_validates_against_the_committed_schema(news: Path) -> None:
    data = report_json()
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(data)
    (conflict,) = data["conflicts"]
    assert conflict["type"] == "value_mismatch" and conflict["severity"] == "error"
    assert sorted((c["doc"], c["line"], c["column"], c["quote"]) for c in conflict["claims"]) == [
        ("news/a.md", 8, 25, "1758.87亿元"),
        ("news/b.md", 6, 22, "1958.87亿元"),
    ]
    assert [d["published"] for d in data["documents"]] == ["2021-11-23", "2021-12-01"]


def test_sarif_output_validates(news: Path) -> None:
    result = kcheck("report", "news", "--format", "sarif")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SARIF_SCHEMA}")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(doc)
    (result_,) = doc["runs"][0]["results"]
    uris = [result_["locations"][0], *result_["relatedLocations"]]
    assert sorted(u["physicalLocation"]["artifactLocation"]["uri"] for u in uris) == [
        "news/a.md",
        "news/b.md",
    ]


def test_github_annotations(news: Path) -> None:
    lines = kcheck("report", "news", "--format", "github").stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("::error file=news/")
    assert "title=kcheck value_mismatch%3A 快手 GMV 2021-Q3::" in lines[0]


def test_explain_the_conflict_from_its_reported_id(news: Path) -> None:
    ident = report_json()["conflicts"][0]["id"]
    result = kcheck("explain", ident[:8], "news")
    assert result.exit_code == 0
    assert (
        "  sentence:   快手2021年第三季度电商交易总额（GMV）达到1758.87亿元，同比增长86.1%。\n"
        in result.stdout
    )
    assert "  sentence:   据财报，快手2021年第三季度电商GMV为1958.87亿元，同比增长约86%。\n" in result.stdout
    assert "  period:     2021-07-01..2021-09-30\n" in result.stdout
    assert "Grouped as '快手 GMV 2021-Q3'" in result.stdout


def test_claims_jsonl(news: Path) -> None:
    result = kcheck("claims", "news", "--format", "jsonl")
    assert result.exit_code == 0
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    gmv = next(c for c in claims if c["quote"] == "1758.87亿元")
    assert (gmv["doc"], gmv["line"], gmv["column"]) == ("news/a.md", 8, 25)
    assert gmv["value"] == 175887000000 and gmv["unit"] == "CNY"
    assert gmv["period"] == {"start": "2021-07-01", "end": "2021-09-30"}


def test_baseline_survives_unrelated_edits(news: Path) -> None:
    assert kcheck("report", "news", "--write-baseline", "kb.json", "-q").exit_code == 0
    # push the sentence down two lines: the finding is the same, its position is not
    b = news / "news" / "b.md"
    b.write_text(B.replace("据财报", "快手电商持续增长。\n\n据财报"), encoding="utf-8")
    result = kcheck("report", "news", "--baseline", "kb.json")
    assert result.exit_code == 0
    assert "[error, baselined] value_mismatch" in result.stdout
    assert "news/b.md:8:22" in result.stdout
    # a different wrong figure is a new finding
    b.write_text(B.replace("1958.87", "1858.87"), encoding="utf-8")
    assert kcheck("report", "news", "--baseline", "kb.json", "-q").exit_code == 1


def test_agreeing_articles_exit_0(news: Path) -> None:
    (news / "news" / "b.md").write_text(B.replace("1958.87", "1758.87"), encoding="utf-8")
    result = kcheck("report", "news")
    assert result.exit_code == 0
    assert "No conflicts." in result.stdout and "Corroborated (2 topics)" in result.stdout


def test_unreadable_file_is_listed_not_fatal(news: Path) -> None:
    (news / "news" / "c.html").write_bytes(b"\x00\xff\xfe\x00garbage\xff")
    result = kcheck("report", "news")
    assert result.exit_code == 1  # decided by the findings, not by the unreadable file
    assert "Unreadable (1 file)\n  news/c.html: " in result.stdout
    assert result.stderr.startswith("kcheck: news/c.html: ")


def test_changed_since(news: Path) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    for args in (["init", "-q"], ["add", "news"], ["commit", "-q", "-m", "news"]):
        subprocess.run(
            ["git", "-c", "user.name=k", "-c", "user.email=k@example.com", *args],
            cwd=news,
            check=True,
            capture_output=True,
            env=env,
        )
    assert kcheck("report", "news", "--changed-since", "HEAD", "-q").exit_code == 0
    (news / "news" / "a.md").write_text(A + "\n快手继续推进电商闭环。\n", encoding="utf-8")
    result = kcheck("report", "news", "--changed-since", "HEAD", "-q")
    assert result.exit_code == 1
    assert "[error] value_mismatch" in result.stdout

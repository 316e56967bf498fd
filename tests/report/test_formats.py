"""Every format renders the hand-made report; golden files pin the human-facing ones."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kcheck.models import Report, Severity
from kcheck.report import FORMATS, render
from kcheck.report.claims import csv_columns
from kcheck.report.claims import render as render_claims
from kcheck.report.github import escape_data, escape_property
from kcheck.report.markdown import escape
from kcheck.report.select import at_least, recount

from .builders import clean_report, sample_report
from .golden import check_golden


@pytest.mark.parametrize(
    ("fmt", "golden"), [("text", "sample.txt"), ("markdown", "sample.md"), ("github", "sample.github")]
)
def test_golden(fmt: str, golden: str) -> None:
    check_golden(golden, render(sample_report(), fmt))


def test_golden_clean_text() -> None:
    check_golden("clean.txt", render(clean_report(), "text"))


def test_golden_hidden_and_baselined_text() -> None:
    report = sample_report()
    marked = [report.conflicts[0].model_copy(update={"baselined": True}), *report.conflicts[1:]]
    shown = at_least(recount(report, marked), Severity.ERROR)
    check_golden("baselined_hidden.txt", render(shown, "text"))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_renders_an_empty_report(fmt: str) -> None:
    assert render(Report(), fmt).strip()


def test_json_round_trips() -> None:
    report = sample_report()
    data = json.loads(render(report, "json"))
    assert Report.model_validate(data) == report
    # the contract's fields, by name
    assert set(data) >= {"version", "documents", "topics", "conflicts", "summary"}
    assert set(data["documents"][0]) >= {"path", "title", "published", "published_from"}
    assert set(data["topics"][0]) >= {"id", "label", "claims", "status"}
    assert set(data["conflicts"][0]) >= {"id", "type", "severity", "topic", "message", "claims"}
    assert data["conflicts"][0]["claims"][0]["quote"] == "1785.87亿元"
    assert data["summary"]["conflicts"] == {"error": 2, "warning": 1, "info": 0}


def test_colour_only_when_asked() -> None:
    plain = render(sample_report(), "text")
    coloured = render(sample_report(), "text", color=True)
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured
    assert "\x1b[1m\x1b[4m1785.87亿元" in coloured  # the figure in its sentence
    assert "\x1b[31m\x1b[1m[error]\x1b[0m" in coloured  # bold red, not bold then reset
    assert "\x1b[22m" not in coloured


def test_min_severity_hides_but_counts() -> None:
    shown = at_least(sample_report(), Severity.ERROR)
    assert [c.type for c in shown.conflicts] == ["value_mismatch", "date_mismatch"]
    assert shown.summary.conflicts == {"error": 2, "warning": 0, "info": 0}
    assert shown.summary.hidden == 1


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("50% off", "50%25 off", "50%25 off"),
        ("a\nb\r", "a%0Ab%0D", "a%0Ab%0D"),
        ("快手 GMV: 1,758亿", "快手 GMV: 1,758亿", "快手 GMV%3A 1%2C758亿"),
    ],
)
def test_github_escaping(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_github_baselined_come_last_as_notices() -> None:
    report = sample_report()
    report.conflicts[0] = report.conflicts[0].model_copy(update={"baselined": True})
    lines = render(report, "github").splitlines()
    assert lines[0].startswith("::error file=corpus/000_61c9e254a7eeece8.txt,line=17,col=109,")
    assert lines[2].startswith("::notice file=corpus/005_edited.txt,line=15,col=96,")
    assert "(baselined)" in lines[2]


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [("86.1%", "86.1%"), ("a|b", "a\\|b"), ("*1758*", "\\*1758\\*"), ("<b>", "\\<b\\>"), ("x\ny", "x y")],
)
def test_markdown_escape(raw: str, escaped: str) -> None:
    assert escape(raw) == escaped


def test_markdown_table_survives_pipes_in_sentences() -> None:
    report = sample_report()
    c = report.conflicts[0].claims[0]
    report.conflicts[0].claims[0] = c.model_copy(update={"quote": "17|85亿"})
    table_rows = [r for r in render(report, "markdown").splitlines() if r.startswith("| `corpus/005")]
    assert table_rows[0].count(" | ") == 4


# --------------------------------------------------------------------------- claims listings


def test_claims_jsonl_one_object_per_line_with_contract_fields() -> None:
    claims = sample_report().claims
    lines = render_claims(claims, "jsonl").splitlines()
    assert len(lines) == len(claims)
    first = json.loads(lines[0])
    contract = {"id", "doc", "line", "column", "quote", "sentence", "value", "low", "high", "unit"}
    assert contract | {"period", "date", "entity", "metric", "kind"} <= set(first)
    assert first["period"] == {"start": "2021-07-01", "end": "2021-09-30"}
    assert first["quote"] == "1758亿元"


def test_claims_csv_has_a_header_and_every_field() -> None:
    claims = sample_report().claims
    rows = list(csv.DictReader(io.StringIO(render_claims(claims, "csv"))))
    assert len(rows) == len(claims)
    assert list(rows[0]) == csv_columns()
    assert rows[0]["quote"] == "1758亿元"
    assert rows[0]["period_start"] == "2021-07-01" and rows[0]["period_end"] == "2021-09-30"
    assert float(rows[0]["value"]) == 1.758e11
    assert rows[5]["date_start"] == "2022-03-01" and rows[5]["value"] == ""
    assert rows[0]["kind"] == "actual"
    assert {r["superseded"] for r in rows} <= {"true", "false"}


def test_claims_table_golden() -> None:
    check_golden("claims.table", render_claims(sample_report().claims, "table"))

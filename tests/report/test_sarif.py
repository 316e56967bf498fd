"""SARIF 2.1.0 output validates against the OASIS schema and keeps the conflict fingerprint."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from kcheck.models import Report
from kcheck.report import render
from kcheck.report.sarif import FINGERPRINT, artifact_uri

from .builders import DOC0, DOC5, sample_report

SARIF_SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def validate(doc: dict[str, Any]) -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SARIF_SCHEMA}")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(doc)


def sarif(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render(report, "sarif"))
    return data


def test_validates_against_the_sarif_schema() -> None:
    validate(sarif(sample_report()))
    validate(sarif(Report()))


def test_schema_check_can_fail() -> None:
    doc = sarif(sample_report())
    doc["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate(doc)


def test_one_result_per_conflict_located_at_its_first_claim() -> None:
    run = sarif(sample_report())["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "kcheck"
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert {"value_mismatch", "date_mismatch", "reused_figure"} <= set(rules)
    first = run["results"][0]
    assert first["ruleId"] == "value_mismatch" and rules[first["ruleIndex"]] == "value_mismatch"
    assert first["level"] == "error"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == DOC5
    assert location["region"] == {"startLine": 15, "startColumn": 96, "snippet": {"text": "1785.87亿元"}}
    related = [r["physicalLocation"]["artifactLocation"]["uri"] for r in first["relatedLocations"]]
    assert related[0] == DOC0 and len(related) == 2
    assert first["partialFingerprints"] == {FINGERPRINT: "f3a9c2e1d0b4a5c6"}
    assert [r["level"] for r in run["results"]] == ["error", "error", "warning"]
    assert "baselineState" not in first


def test_baselined_findings_are_unchanged_and_suppressed() -> None:
    report = sample_report()
    report.conflicts[0] = report.conflicts[0].model_copy(update={"baselined": True})
    report = report.model_copy(update={"baseline": ".kcheck-baseline.json"})
    doc = sarif(report)
    validate(doc)
    results = doc["runs"][0]["results"]
    assert [r["baselineState"] for r in results] == ["unchanged", "new", "new"]
    assert results[0]["suppressions"] == [
        {"kind": "external", "justification": "listed in the baseline .kcheck-baseline.json"}
    ]
    assert "suppressions" not in results[1]


def test_unknown_check_types_still_get_a_rule() -> None:
    report = sample_report()
    report.conflicts[2] = report.conflicts[2].model_copy(update={"type": "unit_mismatch"})
    doc = sarif(report)
    validate(doc)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert rules[doc["runs"][0]["results"][2]["ruleIndex"]]["shortDescription"]["text"] == "Unit mismatch."


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("corpus/a.txt", "corpus/a.txt"),
        ("corpus/快手 报道.md", "corpus/%E5%BF%AB%E6%89%8B%20%E6%8A%A5%E9%81%93.md"),
        ("/srv/corpus/a.txt", "file:///srv/corpus/a.txt"),
        ("corpus\\a.txt", "corpus/a.txt"),
        ("C:\\corpus\\a.txt", "file:///C:/corpus/a.txt"),
    ],
)
def test_artifact_uri(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri

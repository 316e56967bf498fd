"""Golden end-to-end cases: tests/cases/<name>/ holds articles and the expected report.

Each case directory has ``articles/`` (any format the loader reads), an optional ``rules/``
directory (sections it lacks come from the defaults), ``case.yaml`` and ``expected.json``.
``case.yaml`` says what the case is for, in a form regenerating cannot quietly change:

    findings: [value_mismatch error]   # the (type, severity) of every finding, in any order
    consistent: 3                      # optional: how many topics two documents agree on
    topics: {快手 GMV 2021: single}     # optional: topics that must exist, with their status
    cwd: ../../..                      # optional: run from here (default: the case directory)
    paths: [corpus]                    # optional: what to check (default: [articles])

``expected.json`` is the report JSON without the claim list and the counts that follow
from it: the summary of findings, every finding with its claims, and every topic with
its claims (as ``doc:line:column quote``), status, and for topics of several documents
their sources and why they were grouped. Regenerate after an intended change with

    KCHECK_UPDATE_GOLDEN=1 pytest tests/cases

and read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

import kcheck
from kcheck.models import Claim, Report

HERE = Path(__file__).parent
CASES = sorted(p for p in HERE.iterdir() if (p / "case.yaml").is_file())
UPDATE = os.environ.get("KCHECK_UPDATE_GOLDEN") == "1"


def _ref(claim: Claim) -> str:
    return f"{claim.doc}:{claim.line}:{claim.column} {claim.quote}"


def golden(report: Report) -> dict[str, Any]:
    """The report without what depends only on extraction; stable across runs."""
    claims = {c.id: c for c in report.claims}
    return {
        "summary": {
            "documents": report.summary.documents,
            "conflicts": report.summary.conflicts,
            "corroborated": report.summary.corroborated,
        },
        "conflicts": [
            {
                "id": c.id,
                "type": c.type,
                "severity": c.severity.value,
                "topic": c.topic,
                "topic_id": c.topic_id,
                "message": c.message,
                "gap": None if c.gap is None else round(c.gap, 6),
                "claims": [_ref(x) for x in c.claims],
            }
            for c in report.conflicts
        ],
        "topics": [
            {
                "id": t.id,
                "label": t.label,
                "status": t.status.value,
                "claims": [_ref(claims[i]) for i in t.claims if i in claims],
                **({"sources": t.sources, "why": t.why} if len(t.sources) > 1 else {}),
            }
            for t in report.topics
        ],
    }


def run_case(case: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, Any], Report]:
    config = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8")) or {}
    rules = case / "rules" if (case / "rules").is_dir() else None
    monkeypatch.chdir((case / config.get("cwd", ".")).resolve())
    report = kcheck.check(config.get("paths", ["articles"]), rules=rules)
    return config, report


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_case(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config, report = run_case(case, monkeypatch)
    # the intent first: what the case exists to show
    found = Counter(f"{c.type} {c.severity.value}" for c in report.conflicts)
    assert found == Counter(config.get("findings", [])), [c.message for c in report.conflicts]
    if "consistent" in config:
        agreed = [t.label for t in report.topics if t.status.value == "consistent"]
        assert len(agreed) == config["consistent"], agreed
    labels = {t.label: t.status.value for t in report.topics}
    for label, status in (config.get("topics") or {}).items():
        assert labels.get(label) == status, (label, labels)
    # then the exact report
    expected_file = case / "expected.json"
    got = golden(report)
    if UPDATE or not expected_file.exists():
        expected_file.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{expected_file} was missing and has been written: review it and commit it")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    hint = f"{case.name}: if intended, KCHECK_UPDATE_GOLDEN=1 pytest tests/cases and review the diff"
    # findings first: the part of the report users act on
    assert got["summary"] == expected["summary"], hint
    assert got["conflicts"] == expected["conflicts"], hint
    got_topics = {t["id"]: t for t in got["topics"]}
    expected_topics = {t["id"]: t for t in expected["topics"]}
    new = sorted(got_topics[i]["label"] for i in got_topics.keys() - expected_topics.keys())
    gone = sorted(expected_topics[i]["label"] for i in expected_topics.keys() - got_topics.keys())
    assert (new, gone) == ([], []), f"topics new / gone; {hint}"
    assert got["topics"] == expected["topics"], hint

"""schemas/report.schema.json is generated from the model, committed, and describes real output.

After changing the models, regenerate it with:
    KCHECK_UPDATE_SCHEMA=1 pytest tests/report/test_schema.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from kcheck.report import render
from kcheck.report.json import schema

from .builders import sample_report

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schemas" / "report.schema.json"


def committed() -> dict[str, Any]:
    if os.environ.get("KCHECK_UPDATE_SCHEMA"):
        SCHEMA_FILE.write_text(json.dumps(schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    data: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return data


def test_committed_schema_is_current() -> None:
    assert committed() == schema(), (
        "schemas/report.schema.json is stale: KCHECK_UPDATE_SCHEMA=1 pytest tests/report/test_schema.py"
    )


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


def test_report_output_validates() -> None:
    # against the generated schema, so a stale committed file fails only the test above
    jsonschema.Draft202012Validator(schema()).validate(json.loads(render(sample_report(), "json")))


def test_later_additions_still_validate() -> None:
    data = json.loads(render(sample_report(), "json"))
    data["conflicts"][0]["claims"][0]["new_field"] = 1
    data["summary"]["new_count"] = 2
    jsonschema.Draft202012Validator(schema()).validate(data)


@pytest.mark.parametrize(
    ("path", "bad"),
    [
        (("conflicts", 0, "severity"), "fatal"),
        (("summary", "documents"), "five"),
        (("topics", 0, "status"), "maybe"),
        (("conflicts", 0, "claims", 0, "line"), None),
    ],
)
def test_schema_rejects_broken_output(path: tuple[Any, ...], bad: object) -> None:
    data = json.loads(render(sample_report(), "json"))
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = bad
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema()).validate(data)


def test_schema_requires_contract_fields() -> None:
    data = json.loads(render(sample_report(), "json"))
    del data["conflicts"][0]["topic"]
    with pytest.raises(jsonschema.ValidationError, match="'topic' is a required property"):
        jsonschema.Draft202012Validator(schema()).validate(data)

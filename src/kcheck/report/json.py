"""The machine report: the Report model as JSON, and the JSON Schema that describes it.

Field names follow ../shared/CONTRACT.md; fields are added freely, never renamed.
The committed schemas/report.schema.json is ``schema()``; a test keeps the two equal.
"""

from __future__ import annotations

from typing import Any

from kcheck import escape
from kcheck.models import Report

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def render(report: Report) -> str:
    return escape.json_text(report.model_dump_json(indent=2)) + "\n"


def schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of ``render``'s output, generated from the model."""
    body = Report.model_json_schema(mode="serialization")
    for node in [body, *body.get("$defs", {}).values()]:
        if "properties" in node:
            # render() never drops a field, so every property is present in every object
            node["required"] = list(node["properties"])
            # fields are added freely (CONTRACT.md): output of a later kcheck must still
            # validate against this schema
            node.pop("additionalProperties", None)
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "kcheck report",
        "description": "Output of `kcheck report --format json`.",
        **{k: v for k, v in body.items() if k not in ("title", "description")},
    }

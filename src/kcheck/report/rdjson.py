"""reviewdog's Diagnostic Format (rdjson), for ``reviewdog -f=rdjson`` review comments.

One diagnostic per finding at its first claim, the other claims as related locations.
Positions carry the line only: rdjson counts columns in UTF-8 bytes, kcheck in code points,
and a line is what a review comment needs. Findings a baseline or an inline marker accepts
are left out; a document without a publication date is an ``INFO`` diagnostic.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kcheck.models import Claim, Report, Severity
from kcheck.report import describe
from kcheck.report.json import batched, encoded
from kcheck.report.options import RenderOptions

SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def render(report: Report, options: RenderOptions | None = None) -> str:
    return "".join(chunks(report, options))


def chunks(report: Report, options: RenderOptions | None = None) -> Iterator[str]:
    """``render``'s text in chunks (report.json.batched), escaped as every JSON output is
    (escape.json_text: a quote's control characters are written ``\\uXXXX``)."""
    return batched(encoded(_data(report)))


def _data(report: Report) -> dict[str, Any]:
    diagnostics = []
    for conflict in report.conflicts:
        if describe.accepted(conflict) or not conflict.claims:
            continue
        first, *others = conflict.claims
        diagnostics.append(
            {
                "message": f"{describe.headline(conflict)} (kcheck explain {describe.short_id(conflict.id)})",
                "location": _location(first),
                "severity": SEVERITIES[conflict.severity],
                "code": {"value": conflict.type},
                "relatedLocations": [
                    {"message": f"{c.quote} = {describe.value(c)}", "location": _location(c)} for c in others
                ],
            }
        )
    for doc in describe.undated(report):
        diagnostics.append(
            {
                "message": "no publication date: relative dates (今年, 3月1日) not resolved",
                "location": {"path": doc.path, "range": {"start": {"line": 1}}},
                "severity": "INFO",
                "code": {"value": "undated"},
            }
        )
    return {"source": {"name": "kcheck"}, "diagnostics": diagnostics}


def _location(claim: Claim) -> dict[str, Any]:
    return {"path": claim.doc, "range": {"start": {"line": claim.line}}}

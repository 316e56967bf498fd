"""SARIF 2.1.0, for code-scanning dashboards (GitHub, Azure DevOps, IDE viewers).

One run; one rule per check type; one result per conflict, located at its first claim,
with the other claims as related locations. Columns count Unicode code points
(``columnKind``), as kcheck's do. The conflict id, a fingerprint of topic and values,
becomes the partial fingerprint so a dashboard tracks a finding across unrelated edits.
A finding matched by --baseline is ``baselineState: unchanged`` and carries an external
suppression (the baseline file is a suppression file); the rest are ``new``.
"""

from __future__ import annotations

import json
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from kcheck import __version__, escape
from kcheck.models import Claim, Conflict, Report, Severity
from kcheck.report import describe
from kcheck.report.rulehelp import KNOWN, check_help

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "kcheckConflictId/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(report: Report) -> str:
    return escape.json_text(json.dumps(sarif(report), ensure_ascii=False, indent=2)) + "\n"


def sarif(report: Report) -> dict[str, Any]:
    types = list(KNOWN) + sorted({c.type for c in report.conflicts} - set(KNOWN))
    index = {t: i for i, t in enumerate(types)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "kcheck",
                "semanticVersion": __version__,
                "rules": [_rule(t) for t in types],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_result(c, index[c.type], report.baseline) for c in report.conflicts],
        "properties": {"summary": report.summary.model_dump(mode="json")},
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _rule(check_type: str) -> dict[str, Any]:
    h = check_help(check_type)
    return {
        "id": h.type,
        "name": h.name,
        "shortDescription": {"text": h.short},
        "fullDescription": {"text": h.help},
        "help": {"text": h.help},
    }


def _result(conflict: Conflict, rule_index: int, baseline: str | None) -> dict[str, Any]:
    first = conflict.claims[0] if conflict.claims else None
    others = conflict.claims[1:]
    result: dict[str, Any] = {
        "ruleId": conflict.type,
        "ruleIndex": rule_index,
        "level": LEVELS[conflict.severity],
        "message": {"text": _message(conflict)},
        "locations": [_location(first)] if first is not None else [],
        "relatedLocations": [_location(c, i) for i, c in enumerate(others, start=1)],
        "partialFingerprints": {FINGERPRINT: conflict.id},
        "properties": {
            "id": conflict.id,
            "topic": conflict.topic,
            "topicId": conflict.topic_id,
            "severity": conflict.severity.value,
            "gap": conflict.gap,
            "claims": [c.id for c in conflict.claims],
        },
    }
    if baseline is not None:
        result["baselineState"] = "unchanged" if conflict.baselined else "new"
    if conflict.baselined:
        where = f" {baseline}" if baseline else ""
        result["suppressions"] = [{"kind": "external", "justification": f"listed in the baseline{where}"}]
    return result


def _message(conflict: Conflict) -> str:
    lines = [f"{describe.one_line(conflict.message)} [{conflict.topic}]"]
    lines += [f"{describe.location(c)}: {c.quote} = {describe.value(c)}" for c in conflict.claims]
    gap = describe.gap(conflict)
    if gap is not None:
        lines.append(f"gap: {gap}")
    return "\n".join(lines)


def _location(claim: Claim, ident: int | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(claim.doc)}}
    if claim.line >= 1:
        region: dict[str, Any] = {"startLine": claim.line}
        if claim.column >= 1:
            region["startColumn"] = claim.column
        if claim.quote:
            region["snippet"] = {"text": claim.quote}
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if ident is not None:
        location["id"] = ident
        location["message"] = {"text": f"{claim.quote} = {describe.value(claim)}"}
    return location


def artifact_uri(path: str) -> str:
    """A URI reference for a document path: relative paths stay relative (``corpus/a.txt``)."""
    # a backslash marks a Windows path only where no slash is used (an escaped control
    # character in a file name, ``e\\n.txt``, is a backslash too)
    windows = "\\" in path and "/" not in path
    pure: PurePath = PureWindowsPath(path) if windows else PurePosixPath(path)
    posix = pure.as_posix()
    if pure.is_absolute():
        drive = posix if posix.startswith("/") else "/" + posix
        return "file://" + quote(drive, safe="/:")
    return quote(posix, safe="/")

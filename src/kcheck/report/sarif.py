"""SARIF 2.1.0, for code-scanning dashboards (GitHub, Azure DevOps, IDE viewers).

One run; one rule per check type; one result per conflict, located at its first claim,
with the other claims as related locations. Columns count Unicode code points
(``columnKind``), as kcheck's do. The conflict id, a fingerprint of topic and values,
becomes the partial fingerprint so a dashboard tracks a finding across unrelated edits.
A finding matched by --baseline is ``baselineState: unchanged`` and carries an external
suppression (the baseline file is a suppression file); the rest are ``new``; a baseline
entry no finding matches is a result with ``baselineState: absent``. A finding an inline
marker silences carries an ``inSource`` suppression with the marker's reason. Unreadable
files, undated documents and markers that did nothing are tool notifications. With a
report root, URIs are relative to it under ``uriBaseId: %SRCROOT%``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from kcheck import __version__
from kcheck.models import STDIN_NAME, BaselineRef, Claim, Conflict, Report, Severity
from kcheck.report import describe
from kcheck.report.json import batched, encoded
from kcheck.report.options import RenderOptions
from kcheck.report.rulehelp import KNOWN, check_help

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "kcheckConflictId/v1"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(report: Report, options: RenderOptions | None = None) -> str:
    return "".join(chunks(report, options))


def chunks(report: Report, options: RenderOptions | None = None) -> Iterator[str]:
    """``render``'s text in chunks (report.json.batched)."""
    root = (options or RenderOptions()).root
    return batched(encoded(sarif(report, root)))


def sarif(report: Report, root: Path | None = None) -> dict[str, Any]:
    """The SARIF log; with ``root``, every artifact URI is relative to it under the base id
    ``%SRCROOT%`` (the checkout's root, which code scanning resolves itself)."""
    types = list(KNOWN) + sorted(({c.type for c in report.conflicts} | _stale_types(report)) - set(KNOWN))
    index = {t: i for i, t in enumerate(types)}
    results = [_result(c, index[c.type], report.baseline, root) for c in report.conflicts]
    results += [_stale(e, index[e.type], report.baseline) for e in report.stale]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "kcheck",
                "semanticVersion": __version__,
                "rules": [_rule(t) for t in types],
            }
        },
        "invocations": [
            {"executionSuccessful": True, "toolExecutionNotifications": _notifications(report, root)}
        ],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"summary": report.summary.model_dump(mode="json")},
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _stale_types(report: Report) -> set[str]:
    return {e.type for e in report.stale}


def _stale(entry: BaselineRef, rule_index: int, baseline: str | None) -> dict[str, Any]:
    """A baseline entry no finding matches any more: ``baselineState: absent``."""
    return {
        "ruleId": entry.type,
        "ruleIndex": rule_index,
        "level": LEVELS[entry.severity],
        "message": {"text": f"{describe.one_line(entry.message)} [{entry.topic}] (no longer found)"},
        "baselineState": "absent",
        "partialFingerprints": {FINGERPRINT: entry.id},
        "properties": {"id": entry.id, "topic": entry.topic, "baseline": baseline},
    }


def _notifications(report: Report, root: Path | None) -> list[dict[str, Any]]:
    """What is not a finding: unreadable files, undated documents, suppression markers that
    did nothing."""
    out: list[dict[str, Any]] = []

    def note(level: str, ident: str, text: str, path: str, line: int | None = None) -> None:
        physical: dict[str, Any] = {"artifactLocation": _artifact(path, root)}
        if line is not None:
            physical["region"] = {"startLine": line}
        out.append(
            {
                "level": level,
                "descriptor": {"id": ident},
                "message": {"text": text},
                "locations": [{"physicalLocation": physical}],
            }
        )

    for problem in report.unreadable:
        note("warning", "unreadable", f"{problem.path}: {problem.error}", problem.path)
    for doc in describe.undated(report):
        note("note", "undated", f"{doc.path}: no publication date; relative dates not resolved", doc.path)
    for m in report.suppressions:
        if m.error is not None:
            note("warning", "invalid-suppression", f"kcheck-disable-{m.scope} {m.error}", m.path, m.line)
        elif not m.used:
            note(
                "warning",
                "unused-suppression",
                f"kcheck-disable-{m.scope} suppresses nothing",
                m.path,
                m.line,
            )
    return out


def _rule(check_type: str) -> dict[str, Any]:
    h = check_help(check_type)
    return {
        "id": h.type,
        "name": h.name,
        "shortDescription": {"text": h.short},
        "fullDescription": {"text": h.help},
        "help": {"text": h.help},
    }


def _result(conflict: Conflict, rule_index: int, baseline: str | None, root: Path | None) -> dict[str, Any]:
    first = conflict.claims[0] if conflict.claims else None
    others = conflict.claims[1:]
    result: dict[str, Any] = {
        "ruleId": conflict.type,
        "ruleIndex": rule_index,
        "level": LEVELS[conflict.severity],
        "message": {"text": _message(conflict)},
        "locations": [_location(first, root)] if first is not None else [],
        "relatedLocations": [_location(c, root, i) for i, c in enumerate(others, start=1)],
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
    suppressions = []
    if conflict.suppression is not None:
        m = conflict.suppression
        suppressions.append(
            {
                "kind": "inSource",
                "justification": m.reason,
                "location": {
                    "physicalLocation": {
                        "artifactLocation": _artifact(m.path, root),
                        "region": {"startLine": m.line},
                    }
                },
            }
        )
    if conflict.baselined:
        where = f" {baseline}" if baseline else ""
        suppressions.append({"kind": "external", "justification": f"listed in the baseline{where}"})
    if suppressions:
        result["suppressions"] = suppressions
    return result


def _message(conflict: Conflict) -> str:
    lines = [f"{describe.one_line(conflict.message)} [{conflict.topic}]"]
    lines += [f"{describe.location(c)}: {c.quote} = {describe.value(c)}" for c in conflict.claims]
    gap = describe.gap(conflict)
    if gap is not None:
        lines.append(f"gap: {gap}")
    return "\n".join(lines)


def _artifact(path: str, root: Path | None) -> dict[str, Any]:
    if root is None or Path(path).is_absolute() or path.startswith("../") or path == STDIN_NAME:
        return {"uri": artifact_uri(path)}
    return {"uri": artifact_uri(path), "uriBaseId": SRCROOT}


def _location(claim: Claim, root: Path | None, ident: int | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact(claim.doc, root)}
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

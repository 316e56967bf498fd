"""Baselines: accept today's findings so CI fails only on new ones.

A baseline file is JSON listing each finding's id (the conflict fingerprint of topic and
values, not line numbers), type, severity, topic and message. Findings whose id is in the
baseline are marked ``baselined``: still reported, never failing a run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from kcheck import escape
from kcheck.errors import LoadError, UsageError
from kcheck.models import BaselineRef, Report, Severity
from kcheck.output import write_atomic
from kcheck.readfile import read_bytes
from kcheck.report.select import recount

FORMAT_VERSION = 1
MAX_BASELINE_BYTES = 64 * 1024 * 1024  # a finding is ~300 bytes: room for 200,000 of them


class BaselineEntry(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    type: str
    severity: Severity
    topic: str
    message: str


class Baseline(BaseModel):
    model_config = ConfigDict(extra="ignore")

    version: int = FORMAT_VERSION
    tool: str = "kcheck"
    findings: list[BaselineEntry]

    @property
    def ids(self) -> set[str]:
        return {f.id for f in self.findings}


def from_report(report: Report) -> Baseline:
    """Every finding the report lists, baselined or not (inline-suppressed ones need no
    entry), in a stable order."""
    entries = {
        c.id: BaselineEntry(id=c.id, type=c.type, severity=c.severity, topic=c.topic, message=c.message)
        for c in report.conflicts
        if c.suppression is None
    }
    return Baseline(findings=[entries[k] for k in sorted(entries)])


def dumps(baseline: Baseline) -> str:
    return escape.json_text(json.dumps(baseline.model_dump(mode="json"), ensure_ascii=False, indent=2)) + "\n"


def write(path: Path, report: Report, inputs: Sequence[str] = ()) -> int:
    """Write the report's findings to ``path`` atomically (never inside ``inputs``); return
    how many were written."""
    baseline = from_report(report)
    save(path, baseline, inputs)
    return len(baseline.findings)


def save(path: Path, baseline: Baseline, inputs: Sequence[str] = ()) -> None:
    write_atomic(path, dumps(baseline), inputs)


def read(path: Path) -> Baseline:
    """Read a baseline file; a missing or malformed file raises UsageError naming it."""
    shown = escape.display_path(path)
    try:
        # a regular file only (a FIFO would block for ever), of bounded size, BOM allowed
        text = read_bytes(path, shown, limit=MAX_BASELINE_BYTES).decode("utf-8-sig")
    except LoadError as exc:
        if exc.reason == "empty file":
            raise UsageError(f"{shown}: not a kcheck baseline: invalid JSON at line 1") from None
        if exc.reason == "no such file or directory":
            raise UsageError(f"{shown}: baseline file not found") from None
        raise UsageError(f"{shown}: cannot read baseline: {exc.reason}") from None
    except UnicodeDecodeError as exc:
        raise UsageError(f"{shown}: cannot read baseline: not UTF-8 text (byte {exc.start})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{shown}: not a kcheck baseline: invalid JSON at line {exc.lineno}") from None
    except RecursionError:
        raise UsageError(f"{shown}: not a kcheck baseline: JSON nested too deeply") from None
    try:
        baseline = Baseline.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise UsageError(f"{shown}: not a kcheck baseline: {where or 'top level'}: {err['msg']}") from None
    if baseline.tool != "kcheck" or baseline.version > FORMAT_VERSION:
        raise UsageError(
            f"{shown}: not a kcheck baseline this version reads (tool {baseline.tool!r}, version {baseline.version})"
        )
    return baseline


def apply(report: Report, baseline: Baseline, name: str, whole: bool = True) -> Report:
    """Mark the findings the baseline lists and, when ``report`` is of the whole corpus,
    record its entries no finding matches any more (``report.stale``); ``name`` is
    recorded as ``report.baseline``."""
    known = baseline.ids
    conflicts = [c.model_copy(update={"baselined": c.baselined or c.id in known}) for c in report.conflicts]
    found = {c.id for c in report.conflicts}
    stale = [BaselineRef(**e.model_dump()) for e in baseline.findings if e.id not in found] if whole else []
    marked = recount(report, conflicts)
    summary = marked.summary.model_copy(update={"stale_baseline": len(stale)})
    return marked.model_copy(update={"baseline": name, "stale": stale, "summary": summary})


def without_stale(baseline: Baseline, report: Report) -> Baseline:
    """``baseline`` without the entries ``report`` (after ``apply``) found stale."""
    stale = {e.id for e in report.stale}
    return baseline.model_copy(update={"findings": [e for e in baseline.findings if e.id not in stale]})

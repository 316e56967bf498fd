"""Checkstyle XML, which many CI tools and reviewdog (``-f=checkstyle``) ingest.

One ``<file>`` per document, one ``<error>`` per finding at each of its claims in that
document. Findings a baseline or an inline marker accepts are left out: they do not fail a
run, and tools that read checkstyle show every entry as a problem. A document without a
publication date gets one ``info`` entry (``kcheck.undated``). Paths are relative to
the report root (the repository).
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from kcheck.models import Report, Severity
from kcheck.report import describe
from kcheck.report.options import RenderOptions

SEVERITIES = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def render(report: Report, options: RenderOptions | None = None) -> str:
    top = ET.Element("checkstyle", version="4.3")
    files: dict[str, ET.Element] = {}
    for conflict in report.conflicts:
        if describe.accepted(conflict):
            continue
        message = f"{describe.headline(conflict)} (kcheck explain {describe.short_id(conflict.id)})"
        for claim in conflict.claims:
            path = claim.doc
            if path not in files:
                files[path] = ET.SubElement(top, "file", name=path)
            ET.SubElement(
                files[path],
                "error",
                line=str(claim.line),
                column=str(claim.column),
                severity=SEVERITIES[conflict.severity],
                message=f"{claim.quote}: {message}",
                source=f"kcheck.{conflict.type}",
            )
    for doc in describe.undated(report):
        if doc.path not in files:
            files[doc.path] = ET.SubElement(top, "file", name=doc.path)
        ET.SubElement(
            files[doc.path],
            "error",
            line="1",
            severity="info",
            message="no publication date: relative dates (今年, 3月1日) not resolved",
            source="kcheck.undated",
        )
    ET.indent(top)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(top, encoding="unicode") + "\n"

"""JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure Pipelines).

One test suite ``kcheck``; one test case per finding (named by type, id and topic, its
class the first claim's document) that fails; findings a baseline or an inline marker
accepts are skipped. A report without findings has one passing case, so the CI shows that
the check ran.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from kcheck.models import Report
from kcheck.report import describe
from kcheck.report.options import RenderOptions


def render(report: Report, options: RenderOptions | None = None) -> str:
    conflicts = report.conflicts
    accepted = sum(1 for c in conflicts if describe.accepted(c))
    suite = ET.Element(
        "testsuite",
        name="kcheck",
        tests=str(max(len(conflicts), 1)),
        failures=str(len(conflicts) - accepted),
        errors="0",
        skipped=str(accepted),
    )
    for conflict in conflicts:
        first = conflict.claims[0] if conflict.claims else None
        case = ET.SubElement(
            suite,
            "testcase",
            name=f"{conflict.type} {describe.short_id(conflict.id)}: {conflict.topic}",
            classname=first.doc if first is not None else "kcheck",
        )
        if first is not None:
            case.set("file", first.doc)
            case.set("line", str(first.line))
        lines = [describe.headline(conflict)]
        lines += [f"{c.doc}:{c.line}:{c.column}: {c.quote} = {describe.value(c)}" for c in conflict.claims]
        if describe.accepted(conflict):
            reason = (
                f"suppressed: {conflict.suppression.reason}"
                if conflict.suppression is not None
                else "baselined"
            )
            ET.SubElement(case, "skipped", message=reason)
        else:
            failure = ET.SubElement(
                case, "failure", message=describe.headline(conflict), type=conflict.severity.value
            )
            failure.text = "\n".join(lines)
    if not conflicts:
        ET.SubElement(suite, "testcase", name="no conflicts", classname="kcheck")
    notes = [describe.summary_line(report)]
    notes += [f"undated (no publication date): {d.path}" for d in describe.undated(report)]
    ET.SubElement(suite, "system-out").text = "\n".join(notes)
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"

"""`kcheck explain ID`: one conflict, claim or topic in full, with the evidence.

An id may be shortened to any prefix that names one thing. Everything shown comes from
the Report: each source sentence with file:line:column, the normalised value and interval,
the period or date and the words they came from, and why the claims share a topic.
"""

from __future__ import annotations

import json
from typing import Any

from kcheck import escape
from kcheck.errors import UsageError
from kcheck.models import Claim, Conflict, DocumentInfo, Report, Topic
from kcheck.report import describe
from kcheck.report.json import Item, Layout
from kcheck.report.rulehelp import check_help

Found = Conflict | Claim | Topic


def find(report: Report, ident: str) -> Found:
    """The conflict, claim or topic whose id is ``ident`` or starts with it; UsageError otherwise."""
    ident = ident.strip()
    if not ident:
        raise UsageError("explain: empty id")
    candidates: dict[tuple[str, str], Found] = {}
    for kind, items in (
        ("conflict", report.conflicts),
        ("claim", list(describe.claims_by_id(report).values())),
        ("topic", report.topics),
    ):
        for item in items:
            if item.id == ident:
                return item
            if item.id.startswith(ident):
                candidates[(kind, item.id)] = item
    if not candidates:
        raise UsageError(f"no conflict, claim or topic has id {ident!r}")
    if len(candidates) > 1:
        names = sorted(f"{kind} {i}" for kind, i in candidates)
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        raise UsageError(f"id {ident!r} is ambiguous: {shown}")
    return next(iter(candidates.values()))


def explained(layout: Layout, ident: str) -> Report:
    """The part of a kept report that ``find`` and ``explain`` read for ``ident``, parsed from
    ``layout`` alone: every document and finding (few beside the claims), the claims and
    topics whose id starts with ``ident``, and for the one item named, its topic and the
    claims of that topic. ``find`` and ``explain`` give on it what they give on the whole."""
    ident = ident.strip()
    if not ident:
        return layout.report({})
    claims = [i for i in layout.items("claims") if i.id.startswith(ident)]
    topics = [i for i in layout.items("topics") if i.id.startswith(ident)]
    report = layout.report(
        {
            "documents": layout.items("documents"),
            "conflicts": layout.items("conflicts"),
            "claims": claims,
            "topics": topics,
        }
    )
    try:
        named = find(report, ident)
    except UsageError:
        return report  # none or several: find says which from these alone
    wanted_topics: list[Item] = []
    if isinstance(named, Claim):
        wanted_topics = layout.containing("topics", json.dumps(named.id).encode())
    elif isinstance(named, Conflict):
        by_id = [i for i in layout.items("topics") if i.id == named.topic_id]
        # without its topic's id, a finding's topic is found by label: any topic may be it
        wanted_topics = by_id if by_id or not named.topic else layout.items("topics")
    else:
        wanted_topics = [i for i in topics if i.id == named.id]
    chosen = {i.start: i for i in [*topics, *wanted_topics]}
    topic_items = [chosen[start] for start in sorted(chosen)]
    with_topics = layout.report({"topics": topic_items}).topics
    claim_ids = {c for t in with_topics for c in t.claims}
    more = [i for i in layout.items("claims") if i.id in claim_ids or i.id.startswith(ident)]
    return report.model_copy(update={"topics": with_topics, "claims": layout.report({"claims": more}).claims})


def as_json(item: Found) -> str:
    kind = "conflict" if isinstance(item, Conflict) else "claim" if isinstance(item, Claim) else "topic"
    data: dict[str, Any] = {"kind": kind, kind: item.model_dump(mode="json")}
    return escape.json_text(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def explain(report: Report, ident: str) -> str:
    """Plain text account of the item ``ident`` names."""
    item = find(report, ident)
    if isinstance(item, Conflict):
        lines = _conflict(report, item)
    elif isinstance(item, Claim):
        lines = _claim_in_context(report, item)
    else:
        lines = _topic(report, item)
    return escape.guard("\n".join(line.rstrip() for line in lines) + "\n")


# --------------------------------------------------------------------------- pieces


def _field(name: str, value: str | None) -> str | None:
    return f"  {name + ':':<12}{value}" if value else None


def claim_block(claim: Claim, heading: str, doc: DocumentInfo | None = None) -> list[str]:
    as_written = []
    if claim.qualifier:
        as_written.append(f"qualifier {claim.qualifier}")
    if claim.time_quote and claim.time_quote != claim.quote:
        as_written.append(f"time {claim.time_quote}")
    subject = claim.entity
    if subject and (claim.subject or claim.entity_from):
        notes = [f"written {claim.subject}" if claim.subject and claim.subject != claim.entity else ""]
        notes.append(f"from {claim.entity_from}" if claim.entity_from else "")
        extra = ", ".join(n for n in notes if n)
        subject = f"{claim.entity} ({extra})" if extra else claim.entity
    metric = claim.metric
    if metric and claim.measure and claim.measure != claim.metric:
        metric = f"{claim.metric} (written {claim.measure})"
    fields = [
        _field("source", describe.location(claim)),
        _field("sentence", describe.one_line(claim.sentence)),
        _field("figure", claim.quote + (f"  ({', '.join(as_written)})" if as_written else "")),
        _field("value", describe.value(claim)),
        _field("interval", describe.interval(claim)),
        _field("period", describe.span(claim.period) if claim.period else None),
        _field("date", describe.span(claim.date) if claim.date else None),
        _field("entity", subject),
        _field("metric", metric),
        _field("event", claim.event),
        _field("change", claim.change),
        _field("scope", claim.scope),
        _field("kind", f"{claim.kind.value} {claim.type.value}, {claim.dimension.value}"),
        _field("published", _published(doc)),
    ]
    return [heading, *(f for f in fields if f is not None)]


def _published(doc: DocumentInfo | None) -> str | None:
    """The date relative time was resolved against, and where it came from."""
    if doc is None:
        return None
    when = doc.published.isoformat() if doc.published else "unknown"
    note = f", {doc.published_note}" if doc.published_note else ""
    return f"{when} ({doc.published_from.value}{note})"


def _topic_of(
    report: Report, claim_id: str | None = None, topic_id: str = "", label: str = ""
) -> Topic | None:
    for topic in report.topics:
        if (topic_id and topic.id == topic_id) or (claim_id and claim_id in topic.claims):
            return topic
    return next((t for t in report.topics if label and t.label == label), None)


def _why(topic: Topic | None) -> list[str]:
    if topic is None:
        return []
    lines = [f"Grouped as {topic.label!r} (topic {describe.short_id(topic.id)}, {topic.status.value}):"]
    key = topic.key.as_dict()
    if key:
        lines.append("  key: " + ", ".join(f"{k}={v}" for k, v in key.items()))
    lines += [f"  - {reason}" for reason in topic.why] or ["  (no reasons recorded)"]
    return lines


def _conflict(report: Report, conflict: Conflict) -> list[str]:
    state = describe.state(conflict)
    out = [
        f"conflict {conflict.id}  [{conflict.severity.value}{state}] {conflict.type}",
        f"  check:      {check_help(conflict.type).short}",
        f"  topic:      {conflict.topic}",
        f"  message:    {describe.one_line(conflict.message)}",
    ]
    if conflict.suppression is not None:
        m = conflict.suppression
        out.append(f"  suppressed: {m.path}:{m.line} kcheck-disable-{m.scope}: {m.reason}")
    gap = describe.gap(conflict)
    if gap is not None:
        out.append(f"  gap:        {gap}")
    docs = {d.path: d for d in report.documents}
    for n, claim in enumerate(conflict.claims, start=1):
        heading = f"claim {n} of {len(conflict.claims)}  {claim.id}"
        out += ["", *claim_block(claim, heading, docs.get(claim.doc))]
    topic = _topic_of(report, topic_id=conflict.topic_id, label=conflict.topic)
    if topic is not None:
        out += ["", *_why(topic)]
    return out


def _claim_in_context(report: Report, claim: Claim) -> list[str]:
    out = claim_block(claim, f"claim {claim.id}", {d.path: d for d in report.documents}.get(claim.doc))
    topic = _topic_of(report, claim_id=claim.id)
    if topic is not None:
        out += ["", *_why(topic)]
        known = describe.claims_by_id(report)
        others = [known[i] for i in topic.claims if i != claim.id and i in known]
        if others:
            out += ["", "Other claims in this topic:"]
            out += [f"  {describe.location(c)}  {c.quote} = {describe.value(c)}" for c in others]
    involved = [c for c in report.conflicts if any(x.id == claim.id for x in c.claims)]
    if involved:
        out += ["", "Conflicts:"]
        out += [f"  {describe.short_id(c.id)} [{c.severity.value}] {c.type}: {c.message}" for c in involved]
    return out


def _topic(report: Report, topic: Topic) -> list[str]:
    out = [f"topic {topic.id}  {topic.label}  ({topic.status.value})"]
    if topic.sources:
        out.append("  sources: " + ", ".join(topic.sources))
    out += ["", *_why(topic)[1:]]
    known = describe.claims_by_id(report)
    docs = {d.path: d for d in report.documents}
    claims = [known[i] for i in topic.claims if i in known]
    for n, claim in enumerate(claims, start=1):
        out += ["", *claim_block(claim, f"claim {n} of {len(claims)}  {claim.id}", docs.get(claim.doc))]
    involved = [c for c in report.conflicts if c.topic_id == topic.id]
    if involved:
        out += ["", "Conflicts:"]
        out += [f"  {describe.short_id(c.id)} [{c.severity.value}] {c.type}: {c.message}" for c in involved]
    return out

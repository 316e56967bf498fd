"""The HTML report: one self-contained page an editor browses offline.

The page is a static shell (the overview, written here with every input string escaped)
plus the data for the findings, topic charts, corroborated topics and documents as one JSON
block, which the inline script in ``assets/report.js`` renders a page at a time through
``textContent`` only. Nothing is fetched: the style, the script and the charts (SVG the
script draws) are inline, and the Content-Security-Policy allows exactly the inline style
and script written here, by their SHA-256 hashes, and nothing else.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import math
import os
import re
from functools import cache
from html import escape
from importlib.resources import files
from typing import Any
from urllib.parse import quote

from kcheck.models import Claim, ClaimType, Conflict, DocumentInfo, Report, Topic, TopicKey, TopicStatus
from kcheck.report import describe
from kcheck.report.options import RunInfo
from kcheck.report.rulehelp import check_help
from kcheck.text.calendar import period_label

_EPOCH = dt.date(1970, 1, 1)

# grouping reasons that rest on similarity or position rather than on an alias table: the
# weak links an editor should check first (wording from kcheck.group._why)
_WEAK_WHY = (
    (re.compile(r"% similar"), "fuzzy match"),
    (re.compile(r"^same sentence apart from the figure"), "matched by sentence text"),
    (re.compile(r"\(as written\)$"), "entity from the clause subject, not the rules"),
    (re.compile(r"cut off rather than rounded"), "agrees only if truncated"),
)


# --------------------------------------------------------------------------- assets


@cache
def _asset(name: str) -> str:
    return (files("kcheck.report") / "assets" / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def script_json(data: Any) -> str:
    """JSON that cannot end its <script> element: every <, > and & is a \\u escape."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def href(path: str, run: RunInfo | None) -> str:
    """A relative link from the page to a source file; percent-encoded, so never a scheme."""
    target = path
    if run is not None and run.cwd is not None:
        absolute = os.path.join(run.cwd, path)
        try:
            target = os.path.relpath(absolute, run.output_dir or run.cwd)
        except ValueError:  # another drive (Windows): only an absolute URL reaches it
            return "file://" + quote(absolute.replace(os.sep, "/"), safe="/", errors="surrogatepass")
    # a lone surrogate (a name that came in undecodable) is encoded as is, never a crash
    link = quote(target.replace(os.sep, "/"), safe="/", errors="surrogatepass")
    return link if link.startswith(("/", ".")) else "./" + link


# --------------------------------------------------------------------------- data for the script


def _day(d: dt.date) -> int:
    return (d - _EPOCH).days


def _finite(x: float | None) -> float | None:
    return x if x is not None and math.isfinite(x) else None


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _weak(reason: str) -> str:
    return next((label for pattern, label in _WEAK_WHY if pattern.search(reason)), "")


def _measure(topic: Topic | None, claim: Claim | None = None) -> str:
    if topic is not None:
        for field in ("metric", "event", "measure"):
            value = getattr(topic.key, field)
            if value:
                return str(value)
    if claim is not None:
        return claim.metric or claim.event or claim.measure or ""
    return ""


class _Builder:
    def __init__(self, report: Report, run: RunInfo | None) -> None:
        self.report = report
        self.run = run
        self.docs: list[list[Any]] = []
        self.doc_index: dict[str, int] = {}
        self.claims: list[list[Any]] = []
        self.claim_index: dict[tuple[str, str, int, int], int] = {}
        self.topics: dict[str, list[Any]] = {}
        self.sentences: list[str] = []
        self.sentence_index: dict[str, int] = {}
        self.whys: list[list[str]] = []
        self.why_index: dict[str, int] = {}
        self.topic_by_id = {t.id: t for t in report.topics}
        for info in report.documents:
            self._doc(info.path, info)

    def _doc(self, path: str, info: DocumentInfo | None = None) -> int:
        found = self.doc_index.get(path)
        if found is not None:
            return found
        self.doc_index[path] = len(self.docs)
        self.docs.append(
            [
                path,
                href(path, self.run),
                info.title if info else None,
                info.source if info else None,
                info.published.isoformat() if info and info.published else None,
                info.published_from.value if info else "unknown",
                info.claims if info else 0,
            ]
        )
        return self.doc_index[path]

    def claim(self, c: Claim) -> int:
        key = (c.id, c.doc, c.line, c.column)
        found = self.claim_index.get(key)
        if found is not None:
            return found
        before, figure, after = describe.split_sentence(c)
        # offsets in UTF-16 code units, which is how the script's String.slice counts
        start = _utf16_len(before) if figure else -1
        self.claim_index[key] = len(self.claims)
        self.claims.append(
            [
                self._doc(c.doc),
                c.line,
                c.column,
                self._intern(self.sentences, self.sentence_index, before + figure + after),
                start,
                start + _utf16_len(figure) if figure else -1,
                c.quote,
                describe.value(c),
                describe.interval(c) or "",
                describe.when(c) or "",
            ]
        )
        return self.claim_index[key]

    @staticmethod
    def _intern(table: list[Any], index: dict[str, int], text: str, row: Any = None) -> int:
        """Index of ``text`` in ``table``: a sentence or a reason many claims share is written once."""
        found = index.get(text)
        if found is None:
            found = index[text] = len(table)
            table.append(text if row is None else row)
        return found

    def topic(self, topic_id: str) -> None:
        topic = self.topic_by_id.get(topic_id)
        if topic is None or topic_id in self.topics:
            return
        self.topics[topic_id] = [
            topic.label,
            [self._intern(self.whys, self.why_index, w, [w, _weak(w)]) for w in topic.why],
        ]

    def finding(self, conflict: Conflict) -> dict[str, Any]:
        topic = self.topic_by_id.get(conflict.topic_id)
        self.topic(conflict.topic_id)
        return {
            "id": conflict.id,
            "sev": conflict.severity.value,
            "type": conflict.type,
            "topic": conflict.topic,
            "tid": conflict.topic_id,
            "msg": describe.one_line(conflict.message),
            "gap": describe.gap(conflict) or "",
            "bl": conflict.baselined,
            "cl": [self.claim(c) for c in conflict.claims],
            "ent": sorted({c.entity for c in conflict.claims if c.entity}),
            "met": sorted({_measure(topic, c) for c in conflict.claims} - {""}),
        }

    def corroborated(self, item: describe.Corroborated) -> dict[str, Any]:
        self.topic(item.topic.id)
        return {
            "tid": item.topic.id,
            "label": item.topic.label,
            "cl": [self.claim(c) for c in item.claims],
            "ent": item.topic.key.entity or "",
            "met": _measure(item.topic),
        }

    def series(self, findings_of: dict[str, list[int]]) -> list[dict[str, Any]]:
        """Topics that differ only in their period, as one chart each: a figure over time.

        Only series stated by two documents or more: a chart of one source has nothing to
        compare. Ungrouped claims (no entity, matched by sentence) are not charted.
        """
        known = describe.claims_by_id(self.report)
        groups: dict[TopicKey, list[Topic]] = {}
        for topic in self.report.topics:
            if topic.key.claim is not None or topic.key.sentence is not None:
                continue
            rest = topic.key.model_copy(update={"period": None})
            groups.setdefault(rest, []).append(topic)
        out = []
        for topics in groups.values():
            sources = {s for t in topics for s in t.sources}
            if len(sources) < 2:
                continue
            chart = self._chart(topics, known, findings_of)
            if chart is not None:
                out.append(chart)
        out.sort(key=lambda s: (-len(s["f"]), -s["n"], s["label"]))
        return out

    def _chart(
        self, topics: list[Topic], known: dict[str, Claim], findings_of: dict[str, list[int]]
    ) -> dict[str, Any] | None:
        first = topics[0]
        is_event = first.key.type == ClaimType.EVENT or first.key.event is not None
        periods: dict[tuple[dt.date, dt.date], str] = {}
        rows: list[tuple[tuple[dt.date, dt.date], Claim, Topic]] = []
        for topic in topics:
            for cid in topic.claims:
                c = known.get(cid)
                if c is None:
                    continue
                if is_event:
                    if c.date is None:
                        continue
                    slot = (dt.date.min, dt.date.min)
                    periods[slot] = "dates stated"
                else:
                    if describe.bounds(c) is None:
                        continue
                    slot = (c.period.start, c.period.end) if c.period else (dt.date.min, dt.date.max)
                    periods[slot] = period_label(c.period) if c.period else "no period"
                rows.append((slot, c, topic))
        if not rows:
            return None
        order = sorted(periods)
        column = {slot: i for i, slot in enumerate(order)}
        in_finding = {
            c.id for t in topics for fi in findings_of.get(t.id, []) for c in self.report.conflicts[fi].claims
        }
        points: list[list[Any]] = []
        marks: dict[tuple[Any, ...], list[Any]] = {}
        for slot, c, topic in sorted(rows, key=lambda r: (column[r[0]], r[1].doc, r[1].line, r[1].column)):
            status = 2 if c.id in in_finding else 1 if topic.status == TopicStatus.CONSISTENT else 0
            low: float | None
            mid: float | None
            high: float | None
            if is_event and c.date is not None:
                low, high = _day(c.date.start), _day(c.date.end)
                mid = low if low == high else None
            else:
                b = describe.bounds(c)
                assert b is not None
                low, high = _finite(b[0]), _finite(b[1])
                mid = _finite(c.value)
                if low is None and high is None and mid is None:
                    continue
            point = [column[slot], self._doc(c.doc), low, mid, high, c.quote, c.line, status]
            # one mark per source: a document repeating its own figure for a period adds nothing
            mark = (column[slot], point[1], low, mid, high)
            if mark in marks:
                kept = marks[mark]
                kept[7] = max(kept[7], status)  # in a finding, if either is
            else:
                marks[mark] = point
                points.append(point)
        if len({p[1] for p in points}) < 2:  # nothing to compare once unvalued claims are out
            return None
        # the series is the first topic's label without its period (快手 GMV 2021-Q3 -> 快手 GMV)
        label = first.label
        if not is_event:
            period = next((c.period for _, c, t in rows if t is first and c.period is not None), None)
            label = label.replace(" " + period_label(period) if period else " (no period)", "", 1)
        return {
            "label": label,
            "ent": first.key.entity or "",
            "met": _measure(first),
            "dim": "date" if is_event else "num",
            "unit": first.key.unit or rows[0][1].unit or "",
            "cols": [periods[slot] for slot in order],
            "pts": points,
            "n": len({p[1] for p in points}),
            "f": sorted({fi for t in topics for fi in findings_of.get(t.id, [])}),
            "agreed": any(t.status == TopicStatus.CONSISTENT for t in topics),
        }


def data(report: Report, run: RunInfo | None = None) -> dict[str, Any]:
    """What the page's script renders: plain JSON with short keys and rows as arrays, since the
    page of a large archive carries tens of thousands of them (assets/report.js decodes them).

    - ``docs``: ``[path, href, title, source, published, published_from, claims]``
    - ``claims``: ``[doc, line, column, sentence, figure start, figure end, quote, value,
      interval, time]``; the sentence is an index into ``sentences`` (each written once),
      the figure's place in it is counted in UTF-16 code units, -1 when not found
    - ``findings``: one object per conflict; ``cl`` are indexes into ``claims``
    - ``topics``: topic id -> ``[label, [indexes into whys]]``; ``whys``: ``[reason, weak link or ""]``
    - ``corroborated``: agreed topics with their claims
    - ``series``: one chart each; ``pts`` rows are ``[column, doc, low, value, high, quote,
      line, status]`` with status 2 = in a finding, 1 = agreed, 0 = one source; dates are
      days since 1970-01-01
    """
    builder = _Builder(report, run)
    findings = [builder.finding(c) for c in report.conflicts]
    findings_of: dict[str, list[int]] = {}
    for i, c in enumerate(report.conflicts):
        findings_of.setdefault(c.topic_id, []).append(i)
    corroborated = [builder.corroborated(item) for item in describe.corroborated(report)]
    series = builder.series(findings_of)
    return {
        "findings": findings,
        "corroborated": corroborated,
        "series": series,
        "topics": builder.topics,
        "whys": builder.whys,
        "claims": builder.claims,
        "sentences": builder.sentences,
        "docs": builder.docs,
    }


# --------------------------------------------------------------------------- the page

_VIEWS = (
    ("overview", "Overview"),
    ("findings", "Findings"),
    ("topics", "Topics over time"),
    ("corroborated", "Corroborated"),
    ("documents", "Documents"),
)
_CURRENT = ' aria-current="page"'
_NUM = ' class="num"'
_LIST_LIMIT = 200  # rows of the overview's document lists; the Documents tab has them all
_SUGGESTIONS = 2000
_LEGEND = (
    '<p class="legend"><span><i class="k2"></i>in a finding</span>'
    '<span><i class="k1"></i>agrees with another source</span><span><i class="k0"></i>one source</span>'
    "<span>bar: the interval the wording allows (dashed: open-ended); hover a mark for its source</span></p>"
)


def render(report: Report, *, run: RunInfo | None = None) -> str:
    """The whole page. ``run`` adds the run's settings to the overview and anchors the links."""
    style = _asset("report.css")
    script = _asset("report.js")
    payload = data(report, run)
    csp = (
        f"default-src 'none'; script-src {_sha256(script)}; style-src {_sha256(style)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    title = f"kcheck report: {describe.counts(report)}"
    tabs = "".join(
        f'<a id="tab-{key}" href="#view={key}"{_CURRENT if key == "overview" else ""}>'
        f"{escape(name)}{_tab_count(key, payload)}</a>"
        for key, name in _VIEWS
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-Hans">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="generator" content="kcheck">',
        f"<title>{escape(title)}</title>",
        f"<style>{style}</style>",
        "</head>",
        "<body>",
        '<header class="top">',
        "<h1>kcheck report</h1>",
        f'<p class="tagline">{escape(describe.summary_line(report))}</p>',
        f'<nav class="tabs" aria-label="report sections">{tabs}</nav>',
        "</header>",
        "<main>",
        "<noscript><p>The findings, charts and filters need JavaScript; the overview below is complete without it.</p></noscript>",
        _filters(report, payload),
        '<section class="view" id="view-overview">',
        _overview(report, run),
        "</section>",
        _list_view("findings", "Findings", "Conflicting sentences side by side; the figures are marked."),
        _list_view(
            "topics",
            "Topics over time",
            "One chart per measure stated by two documents or more: each source's figure per period "
            "(or the date it gives), with the interval its wording allows.",
            _LEGEND,
        ),
        _list_view("corroborated", "Corroborated", "Topics two or more documents state and agree on."),
        _documents_view(),
        "</main>",
        f'<script type="application/json" id="kcheck-data">{script_json(payload)}</script>',
        f"<script>{script}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _tab_count(key: str, payload: dict[str, Any]) -> str:
    source = {"findings": "findings", "topics": "series", "corroborated": "corroborated", "documents": "docs"}
    if key not in source:
        return ""
    return f' <span class="muted">{len(payload[source[key]])}</span>'


def _options(values: list[str], selected_label: str) -> str:
    return f'<option value="">{escape(selected_label)}</option>' + "".join(
        f'<option value="{escape(v)}">{escape(v)}</option>' for v in values
    )


def _datalist(ident: str, values: set[str]) -> str:
    return (
        f'<datalist id="{ident}">'
        + "".join(f'<option value="{escape(v)}">' for v in sorted(values))
        + "</datalist>"
    )


def _filters(report: Report, payload: dict[str, Any]) -> str:
    checks = sorted({c.type for c in report.conflicts})
    entities = {e for f in payload["findings"] for e in f["ent"]} | {s["ent"] for s in payload["series"]}
    metrics = {m for f in payload["findings"] for m in f["met"]} | {s["met"] for s in payload["series"]}
    # suggestions only (the filter takes any part of a path, title or site): the documents in
    # findings, at most a few thousand, so a large archive's page stays quick to open
    claims, docs = payload["claims"], payload["docs"]
    sources = sorted({docs[claims[ci][0]][0] for f in payload["findings"] for ci in f["cl"]})[:_SUGGESTIONS]
    return "".join(
        [
            '<form id="filters" class="filters noprint" role="search" hidden>',
            '<label>severity<select name="sev">',
            _options(["error", "warning", "info"], "any"),
            "</select></label>",
            '<label>check<select name="check">',
            _options(checks, "any"),
            "</select></label>",
            '<label>baseline<select name="status">',
            '<option value="">any</option><option value="new">new only</option>'
            '<option value="baselined">baselined (suppressed) only</option>',
            "</select></label>",
            '<label>entity<input name="entity" list="dl-entity" autocomplete="off"></label>',
            '<label>metric<input name="metric" list="dl-metric" autocomplete="off"></label>',
            '<label>source<input name="source" list="dl-source" autocomplete="off"></label>',
            '<label class="wide">search<input name="q" type="search" placeholder="any text: figure, sentence, id, file"></label>',
            '<button type="reset">clear</button>',
            _datalist("dl-entity", entities - {""}),
            _datalist("dl-metric", metrics - {""}),
            _datalist("dl-source", set(sources)),
            "</form>",
        ]
    )


def _list_view(key: str, heading: str, note: str, extra: str = "") -> str:
    return (
        f'<section class="view" id="view-{key}" hidden><h2>{escape(heading)}</h2>'
        f'<p class="muted">{escape(note)}</p>{extra}<p class="count"></p><div class="items"></div>'
        '<button type="button" class="more noprint" hidden>show more</button></section>'
    )


def _documents_view() -> str:
    head = "".join(
        f"<th{_NUM if name == 'claims' else ''}>{name}</th>"
        for name in ("file", "title", "source", "published", "date from", "claims")
    )
    return (
        '<section class="view" id="view-documents" hidden><h2>Documents</h2><p class="count"></p>'
        f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead><tbody class="items"></tbody></table></div>'
        '<button type="button" class="more noprint" hidden>show more</button></section>'
    )


def _stat(label: str, value: int, cls: str = "") -> str:
    return f'<div class="stat {cls}"><b>{value:,}</b><span>{escape(label)}</span></div>'


def _overview(report: Report, run: RunInfo | None) -> str:
    s = report.summary
    stats = [
        _stat("documents", s.documents),
        _stat("claims", s.claims),
        _stat("topics", s.topics),
        _stat("corroborated topics", s.corroborated),
        *(_stat(sev, s.conflicts.get(sev, 0), sev) for sev in ("error", "warning", "info")),
        _stat("baselined (suppressed)", s.baselined),
        _stat("unreadable files", s.unreadable),
    ]
    if s.hidden:
        stats.append(_stat("hidden by --min-severity / --changed-since", s.hidden))
    out = [
        '<h2>Overview</h2><div class="cards-grid">',
        *stats,
        "</div>",
        "<h2>Findings by check</h2>",
        _by_check(report),
        f"<h2>Unreadable files ({len(report.unreadable)})</h2>",
    ]
    if report.unreadable:
        rows = [
            [
                f'<a class="mono doc-link" href="{escape(href(p.path, run))}">{escape(p.path)}</a>',
                escape(p.error),
            ]
            for p in report.unreadable
        ]
        out.append(_table(["file", "reason"], rows, len(rows)))
    else:
        out.append('<p class="empty">Every file was read.</p>')
    undated = [d for d in report.documents if d.published is None]
    out.append(f"<h2>Documents without a publication date ({len(undated)})</h2>")
    if undated:
        out.append(
            '<p class="muted">Relative time (今年, 3月1日) in these could not be resolved, so their '
            "claims without a year have no period.</p>"
        )
        rows = [
            [
                f'<a class="mono doc-link" href="{escape(href(d.path, run))}">{escape(d.path)}</a>',
                escape(d.title or ""),
                escape(d.published_note or d.published_from.value),
            ]
            for d in undated[:_LIST_LIMIT]
        ]
        out.append(_table(["file", "title", "note"], rows, len(undated)))
    else:
        out.append('<p class="empty">Every document has a publication date.</p>')
    inferred = sum(1 for d in report.documents if d.published_from.value == "inferred")
    if inferred:
        out.append(
            f'<p class="muted">{inferred:,} document{"s have" if inferred != 1 else " has"} a date inferred '
            "from its own dated statements (Documents tab: date from = inferred).</p>"
        )
    out += ["<h2>Settings</h2>", _settings(report, run)]
    return "\n".join(out)


def _by_check(report: Report) -> str:
    if not report.conflicts:
        return '<p class="empty">No findings.</p>'
    table: dict[str, dict[str, int]] = {}
    for c in report.conflicts:
        row = table.setdefault(c.type, {"error": 0, "warning": 0, "info": 0, "baselined": 0})
        row[c.severity.value] += 1
        row["baselined"] += c.baselined
    rows = [
        [
            f'<a href="#view=findings&amp;check={escape(quote(check))}"><code>{escape(check)}</code></a>',
            escape(check_help(check).short),
            *(f"{counts[k]:,}" for k in ("error", "warning", "info", "baselined")),
            f"{sum(counts[k] for k in ('error', 'warning', 'info')):,}",
        ]
        for check, counts in sorted(table.items())
    ]
    head = ["check", "meaning", "error", "warning", "info", "baselined", "total"]
    return _table(head, rows, len(rows), numeric_from=2)


def _settings(report: Report, run: RunInfo | None) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        kcheck_version = version("kcheck")
    except PackageNotFoundError:  # running from a source tree that is not installed
        kcheck_version = "unknown"
    rows = [["kcheck", escape(kcheck_version)], ["baseline", escape(report.baseline or "none")]]
    if run is not None:
        rows = [
            ["paths", escape(" ".join(run.paths) or "corpus")],
            ["rules", escape(run.rules)],
            ["baseline", escape(report.baseline or "none")],
            ["fail on", escape(run.fail_on)],
            ["shown from severity", escape(run.min_severity)],
            ["changed since", escape(run.changed_since or "(all documents)")],
            ["kcheck", escape(kcheck_version)],
        ]
    return _table(["setting", "value"], rows, len(rows))


def _table(head: list[str], rows: list[list[str]], total: int, numeric_from: int | None = None) -> str:
    """A table of already-escaped cells; columns from ``numeric_from`` on are right-aligned numbers."""
    first = len(head) if numeric_from is None else numeric_from
    ths = "".join(f"<th{_NUM if i >= first else ''}>{escape(h)}</th>" for i, h in enumerate(head))
    body = "".join(
        "<tr>"
        + "".join(f"<td{_NUM if i >= first else ''}>{cell}</td>" for i, cell in enumerate(row))
        + "</tr>"
        for row in rows
    )
    more = (
        f'<p class="muted">and {total - len(rows):,} more: see the Documents tab.</p>'
        if total > len(rows)
        else ""
    )
    return f'<div class="table-wrap"><table><thead><tr>{ths}</tr></thead><tbody>{body}</tbody></table></div>{more}'

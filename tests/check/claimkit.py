"""Hand-made claims for the grouping and check tables, shaped like the extractor's output.

Intervals follow the extractor: a plain figure commits to half a written unit either side
(``1758亿`` -> 1757.5亿..1758.5亿), a qualifier widens one side
(``突破3亿`` -> 3亿..unbounded), ``约`` widens both by ``qualifiers.approx_tolerance``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

from kcheck.check import run_checks, settle_topics
from kcheck.group import group_claims
from kcheck.models import Claim, Conflict, Span, Topic
from kcheck.rules import ChecksSection, RuleSet, load_rules
from kcheck.text.fold import fold

RULES = load_rules()
_ids = itertools.count()

YI = 1e8


def span(text: str) -> Span:
    """``2021-Q3``, ``2021-H1``, ``2021``, ``2021-06``, ``2021-06-30``, ``2021-01..09``."""
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", text):
        y, q = int(m[1]), int(m[2])
        return Span(start=dt.date(y, 3 * q - 2, 1), end=_month_end(y, 3 * q))
    if m := re.fullmatch(r"(\d{4})-H([12])", text):
        y, h = int(m[1]), int(m[2])
        return Span(start=dt.date(y, 1 if h == 1 else 7, 1), end=_month_end(y, 6 if h == 1 else 12))
    if m := re.fullmatch(r"(\d{4})-(\d\d)\.\.(\d\d)", text):
        y = int(m[1])
        return Span(start=dt.date(y, int(m[2]), 1), end=_month_end(y, int(m[3])))
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", text):
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return Span(start=d, end=d)
    if m := re.fullmatch(r"(\d{4})-(\d\d)", text):
        y, mo = int(m[1]), int(m[2])
        return Span(start=dt.date(y, mo, 1), end=_month_end(y, mo))
    if m := re.fullmatch(r"(\d{4})", text):
        y = int(m[1])
        return Span(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31))
    raise ValueError(text)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


def written(value: float, precision: float) -> tuple[float, float]:
    """The interval the extractor gives a plain figure: half a written unit either side.

    (The checks add the other half unit above for figures cut off rather than rounded:
    ``checks.truncation``.)
    """
    return (value - precision / 2, value + precision / 2)


def figure(
    quote: str,
    value: float,
    *,
    precision: float | None = None,
    low: float | str | None = "written",
    high: float | str | None = "written",
    doc: str = "a.txt",
    line: int = 1,
    period: str | None = "2021-Q3",
    **fields: Any,
) -> Claim:
    """A figure claim; ``low``/``high`` default to what ``precision`` allows."""
    prec = precision if precision is not None else 1.0
    lo, hi = written(value, prec)
    fields.setdefault("entity", "快手")
    fields.setdefault("entity_from", "rules")
    fields.setdefault("metric", "gmv")
    fields.setdefault("dimension", "money")
    fields.setdefault("unit", "CNY" if fields["dimension"] == "money" else None)
    fields.setdefault("sentence", f"{fields.get('subject') or fields['entity']}…{quote}。")
    _time_key(fields)
    n = next(_ids)
    return Claim(
        id=fields.pop("id", f"c{n}"),
        doc=doc,
        line=line,
        quote=quote,
        value=value,
        low=lo if low == "written" else low,  # type: ignore[arg-type]
        high=hi if high == "written" else high,  # type: ignore[arg-type]
        precision=prec,
        period=span(period) if period else None,
        offset=fields.pop("offset", fields["sentence"].find(quote)),
        **fields,
    )


def _time_key(fields: dict[str, Any]) -> None:
    """The extractor gives every time as written its folded form too (``time_key``)."""
    if fields.get("time_quote"):
        fields.setdefault("time_key", fold(fields["time_quote"]))


def rate(quote: str, value: float, *, precision: float = 0.1, change: str = "yoy", **fields: Any) -> Claim:
    """A growth rate: ``同比增长86.1%``."""
    fields.setdefault("unit", "%")
    return figure(
        quote, value, precision=precision, type="change", change=change, dimension="percent", **fields
    )


def event(quote: str, when: str | None, *, event_name: str | None = "断外链", **fields: Any) -> Claim:
    """A dated event: ``抖音在2020年8月就已经断外链``."""
    n = next(_ids)
    fields.setdefault("entity", "抖音")
    fields.setdefault("entity_from", "rules")
    fields.setdefault("sentence", f"{fields['entity']}{quote}")
    _time_key(fields)
    return Claim(
        id=fields.pop("id", f"e{n}"),
        doc=fields.pop("doc", "a.txt"),
        line=fields.pop("line", 1),
        quote=quote,
        type="event",
        dimension="date",
        event=event_name,
        date=span(when) if when else None,
        **fields,
    )


def run(claims: list[Claim], rules: RuleSet = RULES) -> tuple[list[Topic], list[Conflict]]:
    dated: dict[str, Claim] = {}
    topics = group_claims(claims, rules, dated=dated)
    by_id = {c.id: dated.get(c.id, c) for c in claims}
    conflicts = run_checks(topics, by_id, rules)
    return settle_topics(topics, conflicts, by_id, rules), conflicts


def findings(claims: list[Claim], rules: RuleSet = RULES) -> list[tuple[str, str]]:
    """(type, severity) of every finding."""
    return [(c.type, c.severity.value) for c in run(claims, rules)[1]]


def with_checks(**changes: Any) -> RuleSet:
    """The default rules with ``checks.yaml`` fields replaced (validated like the file)."""
    checks = ChecksSection.model_validate({**RULES.checks.model_dump(), **changes})
    return RULES.model_copy(update={"checks": checks})

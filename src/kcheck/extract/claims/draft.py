"""A claim under assembly, and what one sentence hands the next within a paragraph."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any

from kcheck.models import Claim, ClaimKind, ClaimType, Dimension, Span


@dataclass(slots=True)
class Draft:
    """A claim before it has an id and a place in a file: offsets are into the sentence."""

    start: int
    end: int
    type: ClaimType
    dimension: Dimension
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    precision: float | None = None
    qualifier: str | None = None
    kind: ClaimKind = ClaimKind.ACTUAL
    change: str | None = None
    scope: str | None = None
    event: str | None = None
    metric: str | None = None
    measure: str | None = None
    entity: str | None = None
    entity_from: str | None = None
    subject: str | None = None
    period: Span | None = None
    date: Span | None = None
    time_quote: str | None = None
    superseded: bool = False
    revision: str | None = None
    revision_at: int | None = None
    base_at: int | None = None
    level_at: int | None = None
    # "inferred": the period is the article's last named one (see period.inferred_period)
    period_from: str | None = None
    # the period came from a time that may be carried to later sentences
    period_carries: bool = False


@dataclass(slots=True)
class ParagraphState:
    """What one sentence hands the next within a paragraph."""

    entity: str | None = None
    entity_from: str | None = None
    period: Span | None = None
    period_quote: str | None = None
    claims: list[Draft] = field(default_factory=list)
    # the industry the whole article is about (行业 without a name), read on demand
    industry: Callable[[], str | None] = field(default=lambda: None)
    # the company the whole article is about (公司 without a name), see entity.article_company
    company: str | None = None
    # the article's publication date: an event told as done is not dated after it
    published: dt.date | None = None
    # the period the paragraphs before established, for 报告期内 / 该季度 in a paragraph naming none
    document_period: Span | None = None
    document_period_quote: str | None = None
    # ... and the first period the article named that runs over time (its title or lede: the
    # period of the report it is about), for 报告期内 after a table or a base named later
    document_frame: Span | None = None
    document_frame_quote: str | None = None
    # ... and the last quarter they named, for 该季度 / 当季 (三季度……今年前三季度……。<p>该季度)
    document_quarter: Span | None = None
    document_quarter_quote: str | None = None
    # the period a flow figure takes when neither it nor its paragraph names a time: the
    # last one the article named, unless the paragraphs before named more than one year
    inferred_period: Span | None = None
    inferred_period_quote: str | None = None
    # ... for figures of these entities only, those of the figures that held for that period in
    # the paragraphs before (None: figures of no entity, 全国粮食产量)
    inferred_owners: frozenset[str | None] = frozenset()
    # the holiday breaks the paragraph named so far (中秋国庆假期), for 假期 / 黄金周 alone, and
    # the first one the article named (its subject: a later paragraph's 假期 means that one)
    holidays: tuple[tuple[Span, str], ...] = ()
    document_holiday: tuple[Span, str] | None = None
    # the work the article named last in 《》 (as written, marks kept), for 该片 / 该剧 before an
    # event (events.work_pointers); carried over paragraphs
    document_work: str | None = None
    # the sentence before ended with ； after figures of the country that name no one (全国港口完成
    # 货物吞吐量127.5亿吨，同比增长8.5%；): a figure naming no one in this one (完成集装箱吞吐量
    # 2.33亿标准箱) is the country's too, never the article's company (entity.entity_of)
    country_running: bool = False
    after_country: bool = False
    # ... and the country's word its figures were written with (全国), for the measures of the
    # figures naming no one in this one (观影人次 -> 全国观影人次: measure.country_measures)
    country_word: str | None = None
    # a breakdown (其中) still running at the end of the last sentence (it ended with ；): the
    # comparison of the whole it breaks down (yoy), see change.breakdown_changes
    breakdown: str | None = None
    # ... and the country's word of that whole (我国), see measure.breakdown_measures
    breakdown_country: str | None = None
    # the business line the sentence opened by framing (寿险方面，…), when it ended with ；,
    # see measure.framed_measures
    segment_frame: str | None = None


# what a draft hands its Claim as it is: every field of the same name in both (start and end
# become the claim's offset and quote; period_carries stays with the assembler)
CLAIM_FIELDS = tuple(f.name for f in fields(Draft) if f.name in Claim.model_fields)
_values = attrgetter(*CLAIM_FIELDS)


def claim_fields(draft: Draft) -> dict[str, Any]:
    return dict(zip(CLAIM_FIELDS, _values(draft), strict=True))

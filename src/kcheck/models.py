"""The one data model every stage shares: Document -> Claim -> Topic -> Conflict -> Report.

Every model is a pydantic model so a stage's output can be cached, shipped to another
process (parallel extraction, Dask) or written to disk and read back unchanged.
Field names that appear in ../shared/CONTRACT.md are part of the user-facing contract.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from bisect import bisect_right
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any, ClassVar, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_serializer
from pydantic.dataclasses import dataclass as pydantic_dataclass
from pydantic.fields import FieldInfo

# these live apart so that listing files (and replaying a kept run) needs no model below
from kcheck.problem import FROZEN as FROZEN
from kcheck.problem import STDIN as STDIN
from kcheck.problem import STDIN_NAME as STDIN_NAME
from kcheck.problem import FileProblem as FileProblem
from kcheck.text.calendar import span_text


class Span(BaseModel):
    """An inclusive range of calendar days: a day, a month, a quarter, a year, ..."""

    model_config = FROZEN

    start: dt.date
    end: dt.date

    def __eq__(self, other: object) -> bool:
        """Pydantic's equality, three times as fast for the commonest case: two Spans are equal
        when their days are (spans are compared for every paragraph, claim and topic)."""
        if type(other) is Span:
            return self.start == other.start and self.end == other.end
        return super().__eq__(other)

    def __hash__(self) -> int:
        """Hashed by its days, as it compares (pydantic's hash of a frozen model reads every
        field through a getter: a sixth of the checks' own time at 10,000 articles)."""
        return hash((self.start, self.end))

    def overlaps(self, other: Span) -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


# --------------------------------------------------------------------------- documents


class PublishedFrom(str, Enum):
    MANIFEST = "manifest"
    FRONT_MATTER = "front_matter"
    META = "meta"
    BYLINE = "byline"
    INFERRED = "inferred"
    UNKNOWN = "unknown"


_Record = TypeVar("_Record", bound="Record")
# a record made without validation (model_construct): an empty object, its slots set
_new = object.__new__
_setattr = object.__setattr__


class Record:
    """The methods of a pydantic model that kcheck and its library users call
    (``model_dump``, ``model_copy``, ``model_validate``, ``model_fields``), for a pydantic
    dataclass with slots (MEMORY, measured in benchmarks/memory.py).

    A run holds every claim of the archive from extraction to the report: a million at
    100,000 articles. A ``BaseModel`` keeps its values in an instance dict, which for a
    claim's 35 fields is 832 bytes (a 64-slot table) beside a model object of 80; a slots
    dataclass holds the same values in 320 bytes, validated and serialised by the same
    pydantic schema, so every dump, every report and the JSON Schema are unchanged.
    """

    __slots__ = ()

    # the fields by name, as ``BaseModel.model_fields``, and the validator and serialiser of
    # the record: set by ``_finish`` once the dataclass is made (pydantic's own field table)
    model_fields: ClassVar[dict[str, FieldInfo]]
    __pydantic_fields__: ClassVar[dict[str, FieldInfo]]
    _adapter: ClassVar[TypeAdapter[Any]]
    # the adapter's core validator's validate_python, called without the adapter's Python
    # wrapper (options kcheck never passes): 0.8 of the 7 µs a claim takes to validate
    _validate: ClassVar[Callable[[object], Any]]

    def model_dump(self, **options: Any) -> dict[str, Any]:
        """The record as a dict, as ``BaseModel.model_dump`` (``mode="json"``, ``exclude_defaults``, ...)."""
        dumped: dict[str, Any] = self._adapter.dump_python(self, **options)
        return dumped

    def model_dump_json(self, **options: Any) -> str:
        return self._adapter.dump_json(self, **options).decode()

    def model_copy(self: _Record, *, update: dict[str, Any] | None = None, deep: bool = False) -> _Record:
        """A copy with ``update``'s values, unvalidated, as ``BaseModel.model_copy``."""
        out = copy.deepcopy(self) if deep else copy.copy(self)
        for name, value in (update or {}).items():
            object.__setattr__(out, name, value)  # a frozen record's too, as pydantic's copy does
        return out

    @classmethod
    def model_validate(cls: type[_Record], data: object) -> _Record:
        validated: _Record = cls._validate(data)
        return validated

    @classmethod
    def model_validate_json(cls: type[_Record], data: str | bytes) -> _Record:
        validated: _Record = cls._adapter.validate_json(data)
        return validated


def _finish(record: type[_Record]) -> None:
    record.model_fields = record.__pydantic_fields__
    record._adapter = TypeAdapter(record)
    record._validate = record._adapter.validator.validate_python


@pydantic_dataclass(frozen=True, slots=True, kw_only=True, config=ConfigDict(extra="forbid"))
class TextRun(Record):
    """A stretch of a sentence copied verbatim from one line of the original file."""

    offset: Annotated[int, Field(ge=0, description="0-based offset of the run in Sentence.text")]
    length: Annotated[int, Field(ge=1)]
    line: Annotated[int, Field(ge=1, description="1-based line in the original (decoded) file")]
    column: Annotated[int, Field(ge=1, description="1-based column, in code points")]

    @classmethod
    def model_construct(cls, *, offset: int, length: int, line: int, column: int) -> TextRun:
        """A run NOT validated, as ``BaseModel.model_construct``: see ``Sentence.model_construct``."""
        run = _new(cls)
        _setattr(run, "offset", offset)
        _setattr(run, "length", length)
        _setattr(run, "line", line)
        _setattr(run, "column", column)
        return run


@pydantic_dataclass(frozen=True, slots=True, kw_only=True, config=ConfigDict(extra="forbid"))
class TableCell(Record):
    """What a data table says of one figure cell beside the words of its line (kcheck.load.tables):
    the reader knows from the table's layout, not from the line's word order, which words own
    the figure and which say what it measures."""

    header: Annotated[str, Field(description="the cell's column header as written (环比, 2023年, 支出)")]
    label: Annotated[str, Field(description="the cell's row label as written (深圳, 营业收入, 合计)")] = ""
    owner: Annotated[
        str | None,
        Field(
            description="the row label when it names a place (深圳 under 城市): the figure is that place's"
        ),
    ] = None
    caption: Annotated[
        str | None,
        Field(
            description="the measure the caption names for every cell, without its period, unit and "
            "the group of places the rows break it into (新建商品住宅销售价格指数)"
        ),
    ] = None
    total: Annotated[bool, Field(description="the row label says the row is the table's total (合计)")] = (
        False
    )


_finish(TableCell)


@pydantic_dataclass(frozen=True, slots=True, kw_only=True, config=ConfigDict(extra="forbid"))
class Sentence(Record):
    """One clean sentence (markup removed) with the map back to the original file.

    A slots record as a claim is (loading an archive makes one for every sentence and one
    for every stretch of it, about 90 a page)."""

    index: Annotated[int, Field(ge=0, description="position of the sentence in the document")]
    paragraph: Annotated[int, Field(ge=0, description="index of the paragraph it belongs to")]
    text: str
    runs: list[TextRun] = dataclasses.field(default_factory=list)
    # a figure cell of a data table written as a line (kcheck.load.tables): who owns it and
    # what it measures, as the table's layout says
    table: TableCell | None = None

    @classmethod
    def model_construct(
        cls, *, index: int, paragraph: int, text: str, runs: list[TextRun], table: TableCell | None = None
    ) -> Sentence:
        """A sentence NOT validated, as ``BaseModel.model_construct``: only for values the
        caller made itself and knows to be valid. The loader builds about 180,000 sentences
        and runs per 1,000 articles from its own offsets, and validating them took a tenth of
        loading (tests/load/test_properties.py checks that what it builds validates)."""
        sentence = _new(cls)
        _setattr(sentence, "index", index)
        _setattr(sentence, "paragraph", paragraph)
        _setattr(sentence, "text", text)
        _setattr(sentence, "runs", runs)
        _setattr(sentence, "table", table)
        return sentence

    @property
    def line(self) -> int:
        return self.runs[0].line if self.runs else 0

    @property
    def column(self) -> int:
        return self.runs[0].column if self.runs else 0

    def locate(self, offset: int) -> tuple[int, int]:
        """Original (line, column) of the character at ``offset`` in ``text``.

        Characters the cleaner inserted (a space between two HTML blocks, say) take the
        position of the nearest verbatim character before them.
        """
        if not self.runs:
            return (0, 0)
        starts = [r.offset for r in self.runs]
        i = max(bisect_right(starts, offset) - 1, 0)
        run = self.runs[i]
        delta = min(max(offset - run.offset, 0), run.length - 1)
        return (run.line, run.column + delta)


_finish(TextRun)
_finish(Sentence)


class Document(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str = Field(description="path of the source file as given on the command line")
    title: str | None = None
    source: str | None = Field(default=None, description="site or author")
    published: dt.date | None = None
    published_from: PublishedFrom = PublishedFrom.UNKNOWN
    published_note: str | None = Field(
        default=None, description="the evidence for the date: a field name, a byline, or how it was inferred"
    )
    format: str = Field(
        default="text", description="what the loader detected: html, markdown, text, +front_matter"
    )
    encoding: str = "utf-8"
    sha256: str = Field(default="", description="hash of the raw bytes; the cache key for later stages")
    sentences: list[Sentence] = Field(default_factory=list)
    headline: Sentence | None = Field(
        default=None,
        description="the title where the file writes it, read for figures after the body "
        "(its index follows the body's sentences)",
    )
    notes: list[str] = Field(
        default_factory=list, description="what the loader did to abnormal input (a sentence too long, split)"
    )
    suppressions: list[Suppression] = Field(default_factory=list, description="inline markers in the file")

    @property
    def paragraphs(self) -> list[str]:
        out: dict[int, list[str]] = {}
        for s in self.sentences:
            out.setdefault(s.paragraph, []).append(s.text)
        return ["".join(parts) for _, parts in sorted(out.items())]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


class Suppression(BaseModel):
    """An inline marker (``<!-- kcheck-disable-next-line value_mismatch: 港元口径 -->``)."""

    model_config = FROZEN

    path: str = Field(description="the document it is written in")
    line: int = Field(ge=1, description="the line of the marker")
    scope: Literal["line", "next-line", "next-paragraph", "file"]
    types: list[str] = Field(description="check types it silences, or 'all'")
    reason: str = ""
    first_line: int = Field(description="first line it covers")
    last_line: int = Field(description="last line it covers (below first_line: none)")
    error: str | None = Field(default=None, description="why the marker is invalid (it suppresses nothing)")
    used: bool = Field(default=False, description="it suppressed at least one finding")


# --------------------------------------------------------------------------- claims


class ClaimKind(str, Enum):
    ACTUAL = "actual"
    TARGET = "target"
    FORECAST = "forecast"


class ClaimType(str, Enum):
    FIGURE = "figure"  # a level: 1758亿元 of GMV
    CHANGE = "change"  # a change of a measure: 同比增长86.1%
    EVENT = "event"  # a dated event: 3月1日 ... 切断外链


class Dimension(str, Enum):
    MONEY = "money"
    PERCENT = "percent"
    POINTS = "pp"
    MULTIPLE = "multiple"
    COUNT = "count"
    DATE = "date"


@pydantic_dataclass(slots=True, kw_only=True, config=ConfigDict(extra="forbid"))
class Claim(Record):
    """One numeric or dated statement, normalised, with its evidence."""

    # a field's description goes in ``Annotated`` and its default after it: written as
    # ``= Field(default=..., ...)`` pydantic lists such fields first in a keyword-only
    # dataclass's JSON Schema (the fields' own order is kept everywhere else)
    id: str = ""
    doc: str = ""
    line: int = 0
    column: int = 0
    quote: str
    sentence: str = ""
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    period: Span | None = None
    date: Span | None = None
    entity: str | None = None
    metric: str | None = None
    kind: ClaimKind = ClaimKind.ACTUAL

    # beyond the contract's minimum
    type: ClaimType = ClaimType.FIGURE
    dimension: Dimension = Dimension.COUNT
    change: Annotated[str | None, Field(description="yoy / qoq / change for growth claims")] = None
    scope: Annotated[str | None, Field(description="cumulative, monthly, ...; None = as stated")] = None
    event: Annotated[str | None, Field(description="canonical event name for event claims")] = None
    measure: Annotated[
        str | None, Field(description="the words naming what is measured, as written (电商交易总额（GMV）)")
    ] = None
    subject: Annotated[str | None, Field(description="the clause's subject as written (快手电商)")] = None
    qualifier: Annotated[str | None, Field(description="the qualifier word as written: 超过, 约, 近")] = None
    precision: Annotated[float | None, Field(description="value of one unit in the last written digit")] = (
        None
    )
    time_quote: Annotated[str | None, Field(description="the time expression the period/date came from")] = (
        None
    )
    entity_from: Annotated[
        Literal["rules", "subject", "document"] | None,
        Field(
            description="rules: an alias named it; subject: the clause's subject as written; "
            "document: inferred from the article (行业 in an article about 证券公司)"
        ),
    ] = None
    sentence_index: Annotated[int, Field(description="index of the sentence in its document")] = 0
    offset: Annotated[int, Field(description="offset of the quote in the sentence")] = 0
    superseded: Annotated[
        bool, Field(description="a later figure of the same sentence revises this one (后又上调至...)")
    ] = False
    revision: Annotated[
        str | None,
        Field(description="the revision cue as written (上调至) when this figure revises an earlier one"),
    ] = None
    # added after the contract's first release: last, so CSV columns keep their places
    time_key: Annotated[
        str | None,
        Field(
            description="time_quote folded (full-width, traditional forms unified): equal when two "
            "documents wrote the same time (6月16日 = ６月16日)"
        ),
    ] = None
    revision_at: Annotated[
        int | None,
        Field(
            description="targets and forecasts: offset in the sentence of the last revision cue (上调至) "
            "before the figure; an earlier figure of the same topic ending by then is revised by this one"
        ),
    ] = None
    base_at: Annotated[
        int | None,
        Field(
            description="changes: offset in the sentence of the level the change is measured from, "
            "when the sentence states it (较2022年的9.77亿元增长32.6%: the 9.77亿元)"
        ),
    ] = None
    level_at: Annotated[
        int | None,
        Field(
            description="changes with a base_at: offset in the sentence of the level the change leads "
            "to (归母净利润12.08亿元，较2022年的9.77亿元增长32.6%: the 12.08亿元)"
        ),
    ] = None
    period_from: Annotated[
        Literal["inferred", "campaign"] | None,
        Field(
            description="inferred: the figure names no time and neither does its paragraph; its "
            "period is the one the article named last before (a weak link: any finding resting "
            "on it is at most a warning). campaign: the figure's festival 期间 (双11期间) names no "
            "span; its period is the campaign span the corpus states (in another article, or later "
            "in its own) for the same owner's same festival (set in grouping; a weak link too)"
        ),
    ] = None
    headline: Annotated[
        bool,
        Field(
            description="read from the article's title where the file writes it (front matter, "
            "<title>, og:title, <h1>, a plain-text heading), not from its body: a headline "
            "figure meets the body's and other articles' figures (headline_mismatch)"
        ),
    ] = False


_finish(Claim)


# --------------------------------------------------------------------------- findings


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class CheckType(str, Enum):
    """The stable type names of the checks in kcheck.check, one module each (Conflict.type)."""

    VALUE_MISMATCH = "value_mismatch"
    DATE_MISMATCH = "date_mismatch"
    REUSED_FIGURE = "reused_figure"
    GROWTH_MISMATCH = "growth_mismatch"
    SELF_CONTRADICTION = "self_contradiction"
    HEADLINE_MISMATCH = "headline_mismatch"


class TopicStatus(str, Enum):
    CONSISTENT = "consistent"
    CONFLICT = "conflict"
    SINGLE = "single"


@pydantic_dataclass(frozen=True, slots=True, kw_only=True, config=ConfigDict(extra="forbid"))
class TopicKey(Record):
    """What every claim of a topic shares: the grouping key, field by field.

    Exactly one of ``metric``, ``event``, ``measure`` (a measure phrase matched fuzzily) and
    ``sentence`` (the sentence with its figure masked) names what is measured; a claim that
    could not be grouped has a topic of its own, keyed by ``claim`` (its id). Written out
    (JSON, topic ids, finding fingerprints) it is the mapping of the fields that are set, in
    this order, with the period as ``start..end``.
    """

    type: ClaimType | None = None
    claim: str | None = None
    entity: str | None = None
    # the company one subject's event was told of, when another company tells of the same
    # subject (group._by_company: two things, so two keys); None otherwise
    owner: str | None = None
    sentence: str | None = None
    measure: str | None = None
    event: str | None = None
    metric: str | None = None
    kind: ClaimKind | None = None
    period: Span | None = None
    scope: str | None = None
    change: str | None = None
    dimension: Dimension | None = None
    unit: str | None = None

    @property
    def grouped(self) -> bool:
        """False for the one-claim topic of a claim that could not be grouped."""
        return self.claim is None

    @field_validator("period", mode="before")
    @classmethod
    def _read_span_text(cls, value: object) -> object:
        """The written form ``2021-07-01..2021-09-30`` (a report's JSON read back)."""
        if isinstance(value, str) and ".." in value:
            start, _, end = value.partition("..")
            return {"start": start, "end": end}
        return value

    @model_serializer
    def as_dict(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for name in _TOPIC_KEY_FIELDS:
            value = getattr(self, name)
            if value is None:
                continue
            if type(value) is str:  # most parts are text: no isinstance chain for them
                out[name] = value
            elif isinstance(value, Span):
                out[name] = span_text(value)
            else:
                out[name] = value.value if isinstance(value, Enum) else str(value)
        return out


@pydantic_dataclass(slots=True, kw_only=True, config=ConfigDict(extra="forbid"))
class Topic(Record):
    # a slots record as a claim is (a run holds a topic for about every second claim of the
    # archive); no docstring, which would be the JSON Schema's description of a topic.
    # Descriptions in ``Annotated``, as in Claim (the JSON Schema keeps the fields' order)
    id: str
    label: str
    key: Annotated[TopicKey, Field(description="the grouping key, field by field")] = dataclasses.field(
        default_factory=TopicKey
    )
    claims: Annotated[list[str], Field(description="claim ids")] = dataclasses.field(default_factory=list)
    status: TopicStatus = TopicStatus.SINGLE
    sources: Annotated[list[str], Field(description="documents that state this topic")] = dataclasses.field(
        default_factory=list
    )
    why: Annotated[list[str], Field(description="why these claims were grouped")] = dataclasses.field(
        default_factory=list
    )


_finish(TopicKey)
# the key's parts in the order it is written out (as_dict, once per topic and per report)
_TOPIC_KEY_FIELDS = tuple(TopicKey.model_fields)
_finish(Topic)


class Conflict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="fingerprint of topic and values, stable across unrelated edits")
    type: str
    severity: Severity
    topic: str = Field(description="topic label")
    topic_id: str = ""
    message: str
    claims: list[Claim]
    gap: float | None = Field(default=None, description="relative gap between the intervals, where numeric")
    weak_links: list[str] = Field(
        default_factory=list,
        description="links between the claims that were inferred, not read from explicit words "
        "(an entity taken from the article or a clause's subject); any caps the severity at warning",
    )
    baselined: bool = False
    suppression: Suppression | None = Field(
        default=None, description="the inline marker that suppresses this finding, if any"
    )


class BaselineRef(BaseModel):
    """A finding a baseline lists that this run no longer finds (a stale entry)."""

    id: str
    type: str
    severity: Severity
    topic: str
    message: str


class Summary(BaseModel):
    documents: int = 0
    claims: int = 0
    topics: int = 0
    conflicts: dict[str, int] = Field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    corroborated: int = 0
    unreadable: int = 0
    baselined: int = 0
    hidden: int = Field(
        default=0,
        description="findings left out of this report by --min-severity or --changed-since",
    )
    suppressed: int = Field(default=0, description="findings an inline marker suppresses")
    unused_suppressions: int = 0
    invalid_suppressions: int = 0
    stale_baseline: int = Field(default=0, description="baseline entries this run no longer finds")
    undated: int = Field(default=0, description="documents without a publication date")


class DocumentInfo(BaseModel):
    path: str
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None
    published_from: PublishedFrom = PublishedFrom.UNKNOWN
    published_note: str | None = None
    format: str = "text"
    encoding: str = "utf-8"
    sentences: int = 0
    claims: int = 0
    notes: list[str] = Field(default_factory=list)


class Report(BaseModel):
    version: int = 1
    documents: list[DocumentInfo] = Field(default_factory=list)
    unreadable: list[FileProblem] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)
    baseline: str | None = Field(
        default=None, description="the baseline file findings were compared with (--baseline), if any"
    )
    stale: list[BaselineRef] = Field(
        default_factory=list, description="baseline entries no finding of this run matches"
    )
    suppressions: list[Suppression] = Field(default_factory=list, description="every inline marker")

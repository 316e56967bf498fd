"""Claims and topics held compactly while a run keeps them (MEMORY, measured in benchmarks/memory.py).

A run holds every claim of the archive from extraction to the report, and every topic from
grouping to the report: at 10,000 articles that was 102,378 claims at about 4.9 KB each.
Most of it was repetition, not information:

- a claim, a topic and its key are slots records (``kcheck.models.Record``), not pydantic
  models with an instance dict and the set of the fields they were given (that set alone
  had been about 2.3 KB per claim, the dict 832 bytes);
- the same strings (the document's path, the metric, the unit, the entity, the time as
  written) read back as a new object per claim, and the same periods (a year, a quarter) as
  a new model per claim: one object per distinct value is kept, the others dropped.

Values are replaced only by equal values of the same type, so every comparison, dump and
report is unchanged (the golden reports prove it). A :class:`Shared` lives for one run
(no module state): the engines hand it each file's claims as they are gathered.
"""

from __future__ import annotations

from collections.abc import Iterable

from kcheck.models import Claim, Span, Topic, TopicKey

# fields of a claim holding text few distinct values of which occur (a sentence is shared
# by its document's claims already; an id is the claim's own). A quote (``371.60亿元``) is
# written by every outlet that carries the figure: a third as many distinct quotes as claims
# in the generated archive, about 50 bytes a claim less
_CLAIM_TEXTS = (
    "quote",
    "doc",
    "unit",
    "metric",
    "entity",
    "subject",
    "measure",
    "time_quote",
    "time_key",
    "change",
    "scope",
    "event",
    "qualifier",
    "entity_from",
    "revision",
    "period_from",
)
_TOPIC_KEY_TEXTS = ("entity", "measure", "event", "metric", "scope", "change", "unit")


class Shared:
    """One object per distinct text and period among the claims and topics of one run."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._spans: dict[Span, Span] = {}
        self._precisions: dict[float, float] = {}

    def text(self, value: str) -> str:
        return self._texts.setdefault(value, value)

    def span(self, value: Span) -> Span:
        return self._spans.setdefault(value, value)

    def claims(self, claims: Iterable[Claim]) -> list[Claim]:
        """``claims`` (the same objects, made compact in place), as a list."""
        out = claims if isinstance(claims, list) else list(claims)
        for claim in out:
            self.claim(claim)
        return out

    def claim(self, claim: Claim) -> Claim:
        for name in _CLAIM_TEXTS:
            value = getattr(claim, name)
            if value is not None:
                setattr(claim, name, self.text(value))
        for name in ("period", "date"):
            value = getattr(claim, name)
            if value is not None:
                setattr(claim, name, self.span(value))
        # the value of a figure's last digit: a handful of distinct ones (0.1, 0.01, 1.0), a
        # float each per claim (24 bytes); only positive ones are shared (never 0.0 for -0.0,
        # never a NaN), a value and its bounds are left alone (as many distinct as shared)
        precision = claim.precision
        if type(precision) is float and precision > 0:
            claim.precision = self._precisions.setdefault(precision, precision)
        return claim

    def topics(self, topics: list[Topic]) -> list[Topic]:
        """``topics`` (the same objects, made compact in place)."""
        for topic in topics:
            self.topic(topic)
        return topics

    def topic(self, topic: Topic) -> Topic:
        """``topic`` made compact in place: its key, label, sources and reasons shared."""
        topic.label = self.text(topic.label)
        topic.why = [self.text(w) for w in topic.why]
        topic.sources = [self.text(s) for s in topic.sources]
        key = topic.key
        for name in _TOPIC_KEY_TEXTS:
            value = getattr(key, name)
            if value is not None:
                _set(key, name, self.text(value))
        if key.period is not None:
            _set(key, "period", self.span(key.period))
        return topic


def _set(key: TopicKey, name: str, value: object) -> None:
    # an equal value for one of the key's fields: object.__setattr__ because a frozen record
    # refuses setattr (its hash, made from the values, is unchanged)
    object.__setattr__(key, name, value)

"""What every check is given, and the small helpers they share to build findings."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import pairwise

from kcheck.check.intervals import Bounds, Disagreement, Stated, disagreements
from kcheck.group import OMITTED_WHY, UNNAMED_WHY, has_value, is_superseded, sentence_context, unique_claims
from kcheck.models import Claim, ClaimKind, ClaimType, Conflict, Severity, Span, Topic, TopicKey
from kcheck.rules import RuleSet
from kcheck.text.calendar import period_label, span_text


@dataclass
class CheckContext:
    """The topics of one run, their claims by id, and the rules; read-only for the checks."""

    topics: list[Topic]
    claims: dict[str, Claim]
    rules: RuleSet
    _unique: dict[str, list[Claim]] = field(default_factory=dict, repr=False)
    _revised: dict[str, AbstractSet[str]] = field(default_factory=dict, repr=False)
    _contexts: dict[str, str | None] = field(default_factory=dict, repr=False)
    _disagreements: dict[str, Disagreement[Claim] | None] = field(default_factory=dict, repr=False)

    def topic_claims(self, topic: Topic) -> list[Claim]:
        """The topic's claims, a sentence repeated in one document counted once."""
        if topic.id not in self._unique:
            found = [self.claims[i] for i in topic.claims if i in self.claims]
            self._unique[topic.id] = unique_claims(found)
        return self._unique[topic.id]

    def revised(self, topic: Topic) -> AbstractSet[str]:
        """Ids of targets and forecasts revised later in their own sentence.

        The extractor marks them (``superseded``); the next target or forecast of the same
        topic in the same sentence revises the one before it when it is a revision itself
        or a revision cue stands between the two (``revision_at``, read by the extractor).
        """
        if topic.id not in self._revised:
            claims = self.topic_claims(topic)
            out = {c.id for c in claims if is_superseded(c)}
            by_sentence: dict[tuple[str, str], list[Claim]] = defaultdict(list)
            for c in claims:
                if c.kind != ClaimKind.ACTUAL:
                    by_sentence[(c.doc, c.sentence)].append(c)
            for same in by_sentence.values():
                same.sort(key=lambda c: c.offset)
                for earlier, later in pairwise(same):
                    if revises(later, earlier):
                        out.add(earlier.id)
            # most topics revise nothing: one shared empty set for them (an empty set per
            # topic was 216 bytes, MEMORY)
            self._revised[topic.id] = out if out else _NOTHING
        return self._revised[topic.id]

    def valued(self, topic: Topic) -> list[Claim]:
        """The claims whose values may stand against others (no revised targets, no undated ones)."""
        revised = self.revised(topic)
        return [c for c in self.topic_claims(topic) if has_value(c) and c.id not in revised]

    def body_valued(self, topic: Topic) -> list[Claim]:
        """``valued`` without the figures read from titles (``Claim.headline``): what the checks
        that read an article against itself or a figure's other periods compare (a title restates
        its body; where it does not, that is ``headline_mismatch``)."""
        return [c for c in self.valued(topic) if not c.headline]

    def stated(self, topic: Topic, bounds: Callable[[Claim], Bounds]) -> list[Stated[Claim]]:
        """Every claim with a comparable value, as the interval checks take them."""
        revised = self.revised(topic)
        claims = [c for c in self.topic_claims(topic) if has_value(c)]
        # the masked sentence only tells two stated values apart (intervals.disagreements):
        # a topic with one value needs none, and not keeping one per claim of such a topic
        # saves a string per claim of the run (MEMORY)
        context = self.context if len(claims) > 1 else _no_context
        return [Stated(bounds(c), c.doc, c, c.id not in revised, context(c)) for c in claims]

    def disagreement(
        self, topic: Topic, stated: list[Stated[Claim]] | None = None
    ) -> Disagreement[Claim] | None:
        """``intervals.disagreements`` of the topic's values read as ``checks.truncation`` says
        (``stated``: ``self.stated(topic, self.bounds)`` when the caller has it), worked out once
        per topic: value_mismatch finds it, and settling the topics asks again of every
        consistent one (``value_mismatch.truncation_note``)."""
        if topic.id not in self._disagreements:
            values = stated if stated is not None else self.stated(topic, self.bounds)
            self._disagreements[topic.id] = disagreements(values)
        return self._disagreements[topic.id]

    def context(self, claim: Claim) -> str | None:
        """The claim's sentence with its figure masked (``group.sentence_context``), once per claim."""
        if claim.id not in self._contexts:
            self._contexts[claim.id] = sentence_context(claim, self.rules)
        return self._contexts[claim.id]

    def grouped(self) -> Iterable[Topic]:
        """Topics built from a key (not the one-claim topics of claims that could not be grouped)."""
        return (t for t in self.topics if t.key.grouped)

    def bounds(self, claim: Claim) -> Bounds:
        """The interval a claim commits to, read as ``checks.truncation`` says, in the unit its
        topic compares in (10562.7亿斤 in 吨: ``units.conversions``)."""
        return self._converted(claim, Bounds.of_claim(claim, self.rules.checks.truncation))

    def rounded(self, claim: Claim) -> Bounds:
        """The claim's interval as written (rounding only), in the unit its topic compares in."""
        return self._converted(claim, Bounds.of_claim(claim))

    def _converted(self, claim: Claim, found: Bounds) -> Bounds:
        conversion = self.rules.units.conversions.get(claim.unit or "") if claim.unit else None
        if conversion is None or conversion.factor == 1:
            return found
        return Bounds(found.low * conversion.factor, found.high * conversion.factor)

    def severity(self, check: str, default: Severity = Severity.ERROR) -> Severity:
        return Severity(self.rules.checks.severities.get(check, default.value))


_NOTHING: frozenset[str] = frozenset()


def _no_context(claim: Claim) -> None:
    return None


def revises(later: Claim, earlier: Claim) -> bool:
    """Whether ``later`` revises ``earlier``, the figure of its topic before it in its sentence."""
    if later.revision:
        return True
    return later.revision_at is not None and later.revision_at >= earlier.offset + len(earlier.quote)


def lower(a: Severity, b: Severity) -> Severity:
    return a if a.rank <= b.rank else b


def where(claim: Claim) -> str:
    return f"{claim.doc}:{claim.line}"


def cite(claim: Claim) -> str:
    """``1758亿元 (corpus/000.txt:15)``: the figure as written and where."""
    return f"{claim.quote} ({where(claim)})"


def date_text(claim: Claim) -> str:
    """How a dated claim was written (``2020年8月``), with the day span when it is not obvious."""
    span = claim.date
    label = period_label(span) if span else "?"
    if claim.time_quote and span:
        return f"{claim.time_quote} = {label}"
    return label


def frame(claim: Claim) -> str:
    """The period and scope a figure is given for: ``2021-Q3``, ``cumulative``, ``2020-08``."""
    parts = []
    if claim.scope:
        parts.append(claim.scope)
    if claim.period:
        parts.append(period_label(claim.period))
    elif not parts:
        parts.append("no period")
    return " ".join(parts)


def _number(x: float | None) -> str:
    return "-" if x is None else format(x, ".10g")


def value_repr(claim: Claim) -> str:
    """A claim's normalised value, independent of where it was written."""
    if claim.type == ClaimType.EVENT:
        return _span(claim.date)
    return f"{_number(claim.low)}..{_number(claim.high)}"


def _span(span: Span | None) -> str:
    return span_text(span) if span else "-"


def fingerprint(check: str, key: TopicKey, values: Iterable[str]) -> str:
    """Stable id of a finding: its check, topic key and the set of values (never positions)."""
    blob = json.dumps(
        {"check": check, "key": key.as_dict(), "values": sorted(set(values))},
        sort_keys=True,
        ensure_ascii=False,
    )
    return check[0] + hashlib.sha1(blob.encode("utf-8")).hexdigest()[:15]


def sort_conflicts(conflicts: list[Conflict]) -> list[Conflict]:
    return sorted(conflicts, key=lambda c: (-c.severity.rank, c.type, c.topic, c.id))


WEAK_ENTITY = {
    "document": "entity {entity} inferred from the article, not named ({where})",
    "subject": "entity {entity} read from a clause's subject as written, not a known name ({where})",
}


def weak_links(claims: Iterable[Claim], topic: Topic | None = None) -> list[str]:
    """The inferred links among a finding's claims, one line each (evidence decides severity:
    an error needs every link read from explicit words). A topic keyed by a measure with no
    entity is such a link too."""
    out: list[str] = []
    if topic is not None and topic.key.grouped and topic.key.entity is None and topic.key.sentence is None:
        out.append(f"no entity named, {UNNAMED_WHY}")
    for c in claims:
        if c.type is ClaimType.EVENT and c.measure:
            continue  # keyed by what had the event, not by its company (see date_mismatch)
        if not c.entity and topic is not None and topic.key.entity:
            line = f"entity not named ({cite(c)}), {OMITTED_WHY.format(entity=topic.key.entity)}"
            if line not in out:
                out.append(line)
            continue
        template = WEAK_ENTITY.get(c.entity_from or "")
        if template is not None:
            line = template.format(entity=c.entity, where=cite(c))
            if line not in out:
                out.append(line)
        if c.period_from == "inferred" and c.period is not None:
            line = (
                f"period {period_label(c.period)} inferred from the article's earlier "
                f"{c.time_quote or 'time'}, not named in its paragraph ({cite(c)})"
            )
            if line not in out:
                out.append(line)
        if c.period_from == "campaign" and c.period is not None:
            line = (
                f"period {period_label(c.period)} is the {c.time_quote or 'festival'} campaign span "
                f"the corpus states for {c.entity or 'the same owner'}, not named where the "
                f"figure is ({cite(c)})"
            )
            if line not in out:
                out.append(line)
    return out


def weak_note(weak: list[str]) -> str:
    """What a message says of its weak links: a warning at most, and why."""
    return f"; at most a warning, weak link: {'; '.join(weak)}" if weak else ""

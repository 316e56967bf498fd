"""Assemble claims: link each figure of a sentence to its entity, metric, period and kind.

The passes before this one found, in one folded sentence, the figures (``Quantity``), the
time expressions (``TimeExpr``) and the words of the rules (``lexicon.Hit``). This module
decides, figure by figure, what the figure is about. Every decision reads the sentence in
*clauses* (split at ，,；;：:, never inside a figure) and prefers what is nearest BEFORE the
figure: Chinese business prose names the subject, the time and the measure first
(``从快手2021年第三季度财报来看，快手电商交易总额（GMV）达到1758亿元，同比增长86.1%``).

Decisions, in the order they are taken for each figure:

type and change
    A change verb right before the figure (``同比增长86.1%``, ``增长了7.9倍``,
    ``下降3个百分点``) or right after it (``实现8倍增长``), or a rate noun before it
    (``增速为47.7%``, ``这一增速下滑至234%``) makes a CHANGE claim; ``change`` is ``yoy``
    (同比), ``qoq`` (环比) or ``change`` (unspecified). A decrease is negative:
    ``下降3%`` -> value -3 (low/high negated and swapped); the quote keeps the words. A verb
    followed by 至/到/为 gives the new LEVEL (``从71.4%增长至90%``: 90% is a figure).
metric
    The nearest metric alias before the figure in its clause, else one right after it
    (``上万亿的电商交易额``), else the measure a pointing word refers to (``该项收入``,
    ``这一增速``: the last claim of the paragraph with that measure), else, in a clause
    that continues the previous figure (it opens with its own time, or revises it:
    ``第二季度则为31.5%``, ``后又上调至2500亿元``), the previous figure's measure, else the
    nearest alias earlier in the sentence with no other figure in between. A metric whose
    dimension does not fit the figure is dropped, not searched past: ``仅占快手收入来源的
    9.8%`` is a share, not revenue (growth figures fit every metric). A total narrowed by a
    segment word (``其他服务板块，收入达12亿元``) is not the total: the measure names the
    segment and, if that names a metric of its own, that metric is used. Any other word
    around the alias that is not in ``metrics.neutral_prefixes`` (or a verb, particle,
    filler, scope or generic word) narrows it to a part: ``平台品牌自播GMV``, ``游戏收入``,
    ``新能源汽车销量``, ``销售额跃迁的冷启时间`` (the alias only modifies the head noun) get no
    metric, only their measure; brackets do not narrow (``平均日活跃用户(含应用及小程序)``).
measure
    The words naming the measure as written, kept even when no metric matched: the clause
    between its entity (or its last time expression) and the figure, with change and kind
    cues cut off and verbs, particles and qualifiers trimmed (``电商交易总额（GMV）``).
money
    A figure with no unit (``14.2亿``) is money in the default currency when its metric is
    a money metric or its clause has a money word (``支付金额``, ``投入``, ``卖了``).
entity
    The nearest entity alias before the figure in its clause, else in the sentence, that
    is not the object of a preposition (``淘宝在抖音的广告投放``: 淘宝); else the entity
    carried over from the paragraph; else the clause's subject as written
    (``entity_from="subject"``: the leading noun phrase, read up to the first predicate
    word of ``entities.subject_stops``, skipping fillers, time expressions, generic words
    such as 公司/平台 and pointing words such as 这/该); else the first entity after the
    figure that is no object (a subordinate clause first: ``若要在年底完成2500亿的GMV，快手
    还需要...``); else an entity that was only the object of a preposition. Coordinated
    entities (``快手和抖音``, ``快手京东``) give the first.
period
    From the governing time expression: the nearest one before the figure in its clause,
    else earlier in the sentence, else the last period established earlier in the
    paragraph (a claim's period taken from a time that was not the base of a comparison).
    For a change, a time that is the base of the comparison (``与去年同期相比``) does not
    govern. A relative word the time pass could not resolve (今年 with no publication date),
    or a word for "now" (``目前月GMV已突破千万``), blocks every fallback: the period is None,
    never guessed. ``截至`` a quarter's last day
    (``截至2020年6月30日``) gives that day for a level at a moment, but the year to that day
    for a flow metric (GMV, revenue) or an average (``平均重复购买率``): that is the
    half-year, the first three quarters or the year. Open-ended times (``2020年起``,
    ``2025年前``) give no period. A target set at a part of a year (``2020年年初 ... 目标
    是2000亿元``) is the year's target.
kind
    The nearest target / forecast / revision cue before the figure in its clause; a figure
    in a clause with no metric and no time of its own continues the kind of the previous
    figure (``目标——打造10个...，100个...``), and so does a second figure of the same clause.
    A revision (``后又上调至2500亿元``) is a
    target; the earlier figure of the same measure in the sentence gets ``superseded``.
scope
    ``cumulative`` (累计) or ``trailing_12m`` (过去12个月) from the words before the figure.
events
    A sentence with an event alias (events.yaml) and a day or month before it yields an
    EVENT claim dated by that time: the nearest before the alias in its clause (an
    effective date with 起 in the clause wins), else earlier in the sentence. A time
    followed, before the alias, by an announcement word (``2月22日的公告``, ``宣布``) dates
    the announcement, not the event: no claim. The quote is the time as written; the entity
    is the clause's subject entity.
not claims
    Durations (``用了2年``, ``7个月的时间``) unless a metric names them, and every figure after
    a hypothetical cue of its sentence (``即把蛋糕假设为100份``).

A paragraph's state (entity, period, claims so far) carries from sentence to sentence and
is reset at each new paragraph. Every lookup a figure makes is a bisection over the
sentence's matches, times and figures or a walk over a bounded window, so assembly stays
linear however long a sentence is.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from kcheck.extract.lexicon import Cue, Hit, Lexicon
from kcheck.extract.types import Granularity, Quantity, TimeExpr
from kcheck.models import ClaimKind, ClaimType, Dimension, Span
from kcheck.rules import MetricRule, RuleSet
from kcheck.text.calendar import is_quarter_end
from kcheck.text.fold import fold
from kcheck.text.patterns import alternation, word_pattern

# after fold: ，；： are , ; :
CLAUSE_MARKS = frozenset(",;:")
_CLAUSE_RE = re.compile("[,;:]")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】")
# characters that are neither words nor clause marks: quotes, brackets, spaces
SKIP = frozenset(" \t\u3000\"'“”‘’「」『』《》〈〉()[]【】<>、·—-|…")
PUNCT = SKIP | CLAUSE_MARKS | frozenset("。！？!?.")
NOT_SUBJECT = frozenset("0123456789%.+")
_SUBJECT_ENDS = PUNCT | NOT_SUBJECT
_SKIP_DELETE = dict.fromkeys(map(ord, SKIP))  # str.translate table that deletes SKIP
_PUNCT_DELETE = dict.fromkeys(map(ord, PUNCT))
_EVENT = Cue.EVENT
_EVENT_TYPE = ClaimType.EVENT
_ENTITY = Cue.ENTITY
_OWN_WORDS = Cue.METRIC | Cue.ENTITY

CHANGE_VERBS = Cue.CHANGE_VERB
RATE_NOUNS = Cue.RATE_NOUN
KIND_CUES = Cue.KIND
MEASURE_CUTS = Cue.CHANGE_VERB | Cue.RATE_NOUN | Cue.KIND | Cue.CHANGE

# joins coordinated entities; 与 is not here: it is also the preposition "with" (与快手合作)
COORDINATORS = frozenset({"", "和", "、", "及", "以及", "跟", "/"})

MAX_VERB_GAP = 3  # 同比增长了 77%: a change verb and its figure are this close at most
MAX_RATE_GAP = 10  # 增速则为 47.7%
MAX_AFTER_GAP = 2  # 4.5 倍增长, 上万亿的电商交易额
MAX_CLAUSE = 200  # no clause of real prose is longer: cue words further back are not read
MAX_SUBJECT = 10  # characters: a longer "subject" is a clause, not a name
MAX_REFERENTS = 50  # how far back in the paragraph a pointing word (该项收入) may reach
MAX_MEASURE = 30


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


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Spanned)


def _inside(items: Sequence[S], starts: Sequence[int], a: int, b: int) -> list[S]:
    """The items (sorted by start, ``starts`` their starts) that lie wholly inside ``[a, b)``."""
    out = []
    for i in range(bisect_left(starts, a), len(items)):
        item = items[i]
        if item.start >= b:
            break
        if item.end <= b:
            out.append(item)
    return out


class _Sentence:
    """One sentence under assembly: its text, its parses, and indexes into them.

    Every lookup a figure makes is a bisection or a walk over a bounded window, so a
    sentence with n figures costs O(n log n), however long it is.
    """

    __slots__ = (
        "bounds",
        "ent_ends",
        "ent_objects",
        "ents",
        "folded",
        "hit_starts",
        "hits",
        "hyp_at",
        "q_starts",
        "quantities",
        "span_memo",
        "subjects",
        "text",
        "time_ends",
        "time_start_set",
        "time_starts",
        "times",
    )

    def __init__(
        self,
        text: str,
        folded: str,
        hits: list[Hit],
        quantities: list[Quantity],
        times: list[TimeExpr],
        is_object: Callable[[str, Hit], bool],
        hyp_at: int,
    ) -> None:
        self.text = text
        self.folded = folded
        self.hits = hits
        self.quantities = quantities
        self.times = times
        self.bounds = _clause_bounds(folded, quantities)
        self.hit_starts = [h.start for h in hits]
        self.q_starts = [q.start for q in quantities]
        self.time_starts = [t.start for t in times]
        self.time_start_set = frozenset(self.time_starts)
        self.time_ends = [t.end for t in times]
        self.ents = [h for h in hits if h.mask & Cue.ENTITY]
        self.ent_ends = [h.end for h in self.ents]
        self.ent_objects = [is_object(folded, h) for h in self.ents]
        self.subjects: dict[tuple[int, int], tuple[int, int] | None] = {}
        self.span_memo: tuple[Quantity, int, Hit | None, tuple[int, int]] | None = None
        self.hyp_at = hyp_at

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause around ``pos``: after the clause mark before it, up to the next one."""
        i = bisect_left(self.bounds, pos)
        start = self.bounds[i - 1] + 1 if i > 0 else 0
        end = self.bounds[i] if i < len(self.bounds) else len(self.folded)
        return start, end

    def hits_in(self, a: int, b: int) -> list[Hit]:
        """Matches inside ``[a, b)``."""
        return _inside(self.hits, self.hit_starts, a, b)

    def hits_at(self, pos: int) -> list[Hit]:
        i = bisect_left(self.hit_starts, pos)
        out = []
        while i < len(self.hits) and self.hits[i].start == pos:
            out.append(self.hits[i])
            i += 1
        return out

    def times_in(self, a: int, b: int) -> list[TimeExpr]:
        """Time expressions inside ``[a, b)``."""
        return _inside(self.times, self.time_starts, a, b)

    def times_before(self, pos: int) -> range:
        """Indexes of the times that end by ``pos``, nearest last."""
        return range(bisect_right(self.time_ends, pos))

    def time_at(self, pos: int) -> TimeExpr | None:
        i = bisect_left(self.time_starts, pos)
        return self.times[i] if i < len(self.times) and self.times[i].start == pos else None

    def in_time(self, pos: int) -> bool:
        i = bisect_right(self.time_starts, pos) - 1
        return i >= 0 and self.times[i].end > pos

    def quantity_between(self, a: int, b: int) -> bool:
        """Is a figure wholly inside ``[a, b)``?"""
        i = bisect_left(self.q_starts, a)
        return i < len(self.quantities) and self.quantities[i].end <= b

    def last_quantity_end(self, pos: int) -> int:
        """End of the last figure that ends by ``pos`` (0 if none)."""
        i = bisect_right(self.q_starts, pos) - 1
        while i >= 0:
            if self.quantities[i].end <= pos:
                return self.quantities[i].end
            i -= 1
        return 0

    def entity_before(self, pos: int, lo: int, objects: bool) -> int:
        """Index (in ``ents``) of the nearest entity ending by ``pos`` and starting at ``lo`` or
        later, that is (``objects=False``) or may be (``True``) the object of a preposition."""
        i = bisect_right(self.ent_ends, pos) - 1
        while i >= 0 and self.ents[i].start >= lo:
            if objects or not self.ent_objects[i]:
                return i
            i -= 1
        return -1


class Assembler:
    """Turns one sentence's figures, times and word matches into claim drafts."""

    def __init__(self, rules: RuleSet, lexicon: Lexicon) -> None:
        self.rules = rules
        self.lexicon = lexicon
        f = _folded_words
        ents = rules.entities
        self.generic = f(ents.generic_subjects)
        self.prepositions = f(ents.prepositions)
        self.preposition_tuple = tuple(self.prepositions)
        self.subject_stops = _by_first_char(f(ents.subject_stops))
        self.subject_fillers = sorted(f(ents.subject_fillers), key=len, reverse=True)
        self.subject_anaphora = tuple(f(ents.subject_anaphora))
        mets = rules.metrics
        self.metric_rules: dict[str, MetricRule] = dict(mets.metrics)
        self.money_context = tuple(f(mets.money_context))
        self.segment_cues = tuple(f(mets.segment_cues))
        self.durations = frozenset(mets.duration_units)
        kinds = rules.kinds
        self.neutral = sorted(
            f(
                [
                    *mets.neutral_prefixes,
                    *kinds_words(rules),
                    *ents.subject_fillers,
                    *ents.prepositions,
                    *(w for words in rules.kinds.scopes.values() for w in words),
                    *ents.generic_subjects,
                    *kinds.anaphora,
                ]
            ),
            key=len,
            reverse=True,
        )
        kinds = rules.kinds
        self.scopes = [(name, word_pattern(f(words))) for name, words in kinds.scopes.items()]
        self.to_words = tuple(f(kinds.to_words))
        self.anaphora = tuple(f(kinds.anaphora))
        self.average = tuple(f(kinds.average))
        self.comparison_before = tuple(f(kinds.comparison_before))
        self.comparison_after = tuple(f(kinds.comparison_after))
        self.measure_trim = sorted(f([*kinds.measure_trim, *_qualifier_words(rules)]), key=len, reverse=True)
        trim = alternation(self.measure_trim)
        fill = alternation([*self.subject_fillers, *self.measure_trim])
        punct = re.escape("".join(sorted(PUNCT)))
        closing = re.escape("".join(sorted(PUNCT - set(")]"))))
        self._neutral_re = word_pattern(self.neutral)
        self._filler_re = word_pattern(self.subject_fillers)
        self._lead = re.compile(f"(?:[{punct}]|{fill})*")
        self._tail = re.compile(f"(?:[{closing}]|{trim})+$")
        self.announcement = tuple(f(rules.events.announcement))
        self.relative_words = tuple(f(rules.time.relative_years))
        self.present = tuple(f(kinds.present))
        self.hypothetical = tuple(f(kinds.hypothetical))
        self._hypothetical_re = word_pattern(self.hypothetical)
        self._anaphora_re = word_pattern(self.anaphora)
        self._segment_re = word_pattern(self.segment_cues)
        self._money_re = word_pattern(self.money_context)
        self._present_re = word_pattern(self.present)
        self._relative_re = word_pattern(self.relative_words)
        self.currency = rules.units.default_currency

    # ------------------------------------------------------------------ entry point

    def sentence(
        self,
        text: str,
        folded: str,
        hits: list[Hit],
        quantities: Sequence[Quantity],
        times: Sequence[TimeExpr],
        state: ParagraphState,
    ) -> tuple[list[Draft], set[int]]:
        """Drafts for one sentence, and the indexes of the times that dated or governed one."""
        has_event = False
        for h in hits:
            if h.mask & _EVENT:
                has_event = True
                break
        if not quantities and not has_event:
            # most sentences: no figure, no event (the same path as below, taken sooner)
            if hits or times:
                if len(times) > 1 and not _in_order(times):
                    times = sorted(times, key=_start)
                self._carry_light(text, folded, hits, times, state)
            return [], set()
        times = list(times) if _in_order(times) else sorted(times, key=_start)
        qs = list(quantities) if _in_order(quantities) else sorted(quantities, key=_start)
        if times and qs:
            qs = _outside_times(qs, times)
        if not qs and not has_event:
            # most sentences: nothing to assemble, only the subject and period to hand on
            self._carry_light(text, folded, hits, times, state)
            return [], set()
        hyp = self._hypothetical_re.search(folded)
        hyp_at = hyp.start() if hyp is not None else len(folded) + 1
        s = _Sentence(text, folded, hits, qs, times, self._is_object, hyp_at)
        used: set[int] = set()
        drafts: list[Draft] = []
        prev: Draft | None = None
        for q in qs:
            draft = self._figure(s, q, prev, state, used)
            if draft is None:
                continue
            drafts.append(draft)
            prev = draft
        drafts.extend(self._events(s, state, used))
        self._carry(s, drafts, state)
        drafts.sort(key=lambda d: d.start)
        return drafts, used

    # ------------------------------------------------------------------ figures

    def _figure(
        self, s: _Sentence, q: Quantity, prev: Draft | None, state: ParagraphState, used: set[int]
    ) -> Draft | None:
        folded = s.folded
        if s.hyp_at < q.start:
            return None  # 即把蛋糕假设为100份: an example, not a claim
        cs, _ce = s.clause(q.start)
        cs = max(cs, q.start - MAX_CLAUSE)
        clause_hits = s.hits_in(cs, q.start)
        clause_times = s.times_in(cs, q.start)
        is_change, sign = self._change(s, q, cs, clause_hits)
        change = None
        if is_change:
            change = "change"
            # 同比/环比 in the clause, else earlier in the sentence with no figure in between
            # (与去年同期相比，该项收入的增速为7.1%)
            for h in reversed(s.hits_in(s.last_quantity_end(q.start), q.start)):
                if h.change is not None:
                    change = h.change
                    break

        # a clause that continues the previous figure: its own time, no subject or measure of its own
        own_words = False  # a metric or an entity of the clause's own
        for h in clause_hits:
            if h.mask & _OWN_WORDS:
                own_words = True
                break
        revision_hit = _last(clause_hits, Cue.REVISION)
        parallel = prev is not None and (
            revision_hit is not None
            or (
                not own_words
                and bool(clause_times)
                and _only_skip(folded, cs, clause_times[0].start)
                and (not is_change or prev.type is ClaimType.CHANGE)
            )
        )
        if parallel and prev is not None and prev.type is ClaimType.CHANGE and not is_change:
            is_change, sign, change = True, 1, prev.change

        # metric and measure
        metric, metric_hit, inherited = self._metric(s, q, cs, clause_hits, is_change, prev, parallel, state)
        measure, measure_metric = self._measure(s, q, cs, clause_hits, clause_times, metric_hit)
        if inherited is not None:
            metric, measure = inherited.metric, inherited.measure
        elif measure_metric is not None:
            metric = measure_metric if self._fits(measure_metric, q, is_change) else None
        if metric_hit is not None and self._segment(s, metric_hit, metric):
            seg_measure = self._segment_measure(s, metric_hit)
            metric = self._alias_metric(seg_measure)
            if metric is not None and not self._fits(metric, q, is_change):
                metric = None
            measure = seg_measure
        if measure is None and metric_hit is not None:
            measure = s.text[metric_hit.start : metric_hit.end]

        # units: a bare figure in a money context is money
        dimension, unit = q.dimension, q.unit
        named = metric_hit.metric if metric_hit is not None else None
        if unit is None and dimension is Dimension.COUNT and self._is_money(s, cs, q, metric or named):
            dimension, unit = Dimension.MONEY, self.currency
        if (
            not is_change
            and metric is None
            and dimension is Dimension.COUNT
            and unit is not None
            and unit in self.durations
        ):
            return None

        # kind
        kind = ClaimKind.ACTUAL
        cue = _last(clause_hits, KIND_CUES)
        revision = None
        if cue is not None and (cue.mask & Cue.REVISION):
            revision = s.text[cue.start : cue.end]
            kind = prev.kind if prev is not None and prev.kind is not ClaimKind.ACTUAL else ClaimKind.TARGET
        elif cue is not None:
            kind = ClaimKind.TARGET if (cue.mask & Cue.TARGET) else ClaimKind.FORECAST
        elif prev is not None and (parallel or (not own_words and not clause_times) or prev.start >= cs):
            # an enumeration (目标——打造10个...，100个...) or a second figure of the clause
            kind = prev.kind

        # scope
        scope = self._scope(folded, cs, q.start)
        if scope is None and inherited is not None:
            scope = inherited.scope

        # entity and subject
        entity, entity_from, subject = self._entity(s, q.start, cs, state)
        if entity is None and (parallel or is_change) and prev is not None:
            entity, entity_from = prev.entity, prev.entity_from
        if inherited is not None and entity is None:
            entity, entity_from = inherited.entity, inherited.entity_from

        value, low, high = q.value, q.low, q.high
        if sign < 0:
            value = -value if value is not None else None
            low, high = (-high if high is not None else None), (-low if low is not None else None)

        draft = Draft(
            start=q.start,
            end=q.end,
            type=ClaimType.CHANGE if is_change else ClaimType.FIGURE,
            dimension=dimension,
            value=value,
            low=low,
            high=high,
            unit=unit,
            precision=q.precision,
            qualifier=q.qualifier,
            kind=kind,
            change=change,
            scope=scope,
            metric=metric,
            measure=measure,
            entity=entity,
            entity_from=entity_from,
            subject=subject,
            revision=revision,
        )
        self._period(s, q, cs, draft, is_change, prev, inherited, state, used)
        if revision is not None and prev is not None and prev.kind is draft.kind:
            prev.superseded = True
        return draft

    def _change(self, s: _Sentence, q: Quantity, cs: int, clause_hits: list[Hit]) -> tuple[bool, int]:
        """Is the figure a change (and its sign), or a level?"""
        folded = s.folded
        verb = _last(clause_hits, CHANGE_VERBS)
        rate = _last(clause_hits, RATE_NOUNS)
        if verb is not None and (rate is None or verb.start > rate.start):
            gap = folded[verb.end : q.start].strip()
            if gap.startswith(self.to_words):
                if rate is not None:  # 这一增速下滑至234%: the rate's new level, as written
                    return True, -1 if (rate.mask & Cue.DECLINE_RATE) else 1
                return False, 1
            if len(gap) <= MAX_VERB_GAP and not s.quantity_between(verb.end, q.start):
                return True, -1 if (verb.mask & Cue.DECREASE) else 1
            if rate is None:
                return False, 1
        if rate is not None:
            gap_len = q.start - rate.end
            if gap_len <= MAX_RATE_GAP and not s.quantity_between(rate.end, q.start):
                return True, -1 if (rate.mask & Cue.DECLINE_RATE) else 1
            return False, 1
        # after the figure: 实现8倍增长
        if q.unit in ("%", "x", "pp"):
            pos = q.end
            while pos < len(folded) and pos - q.end <= MAX_AFTER_GAP and folded[pos] in " 的":
                pos += 1
            for h in s.hits_at(pos):
                if h.mask & CHANGE_VERBS:
                    if folded[h.end : h.end + 2].lstrip(" 了").startswith(self.to_words):
                        return False, 1  # 从71.4%增长至90%: 71.4% is the old level
                    return True, -1 if (h.mask & Cue.DECREASE) else 1
        return False, 1

    # ------------------------------------------------------------------ metric, measure, money

    def _fits(self, metric: str, q: Quantity, is_change: bool) -> bool:
        """Can a figure like ``q`` be a value of ``metric``? Growth figures fit every metric."""
        if is_change:
            return True
        rule = self.metric_rules.get(metric)
        if rule is None or rule.dimension == "any":
            return True
        if rule.dimension == "money":
            return q.dimension is Dimension.MONEY or (q.dimension is Dimension.COUNT and q.unit is None)
        if rule.dimension == "percent":
            return q.dimension is Dimension.PERCENT
        if q.dimension is not Dimension.COUNT:
            return False
        return q.unit is None or not rule.units or q.unit in rule.units

    def _metric(
        self,
        s: _Sentence,
        q: Quantity,
        cs: int,
        clause_hits: list[Hit],
        is_change: bool,
        prev: Draft | None,
        parallel: bool,
        state: ParagraphState,
    ) -> tuple[str | None, Hit | None, Draft | None]:
        """(metric, the alias it came from, a claim whose measure this one takes over)."""
        # a pointing word: 该项收入, 这一增速, 这一数字
        referent = self._referent(s, q, cs, is_change, state)
        if referent is not None:
            return referent.metric, None, referent
        hit = _last(clause_hits, Cue.METRIC)
        if hit is not None:
            name = hit.metric
            if (
                name is None
                or not self._fits(name, q, is_change)
                or self._narrowed(s, q, cs, clause_hits, hit)
            ):
                return None, hit, None
            return name, hit, None
        # right after the figure: 上万亿的电商交易额, 3亿日活
        pos = q.end
        while pos < len(s.folded) and pos - q.end <= MAX_AFTER_GAP and s.folded[pos] in " 的":
            pos += 1
        for h in s.hits_at(pos):
            if h.mask & Cue.METRIC:
                name = h.metric
                if name is not None and self._fits(name, q, is_change):
                    return name, h, None
        # a change follows the level it is the change of (营业收入为204.93亿元，同比上涨33.4%);
        # a clause with no subject or measure of its own continues the previous figure
        # (完成GMV达6800亿元，超过原定目标6500亿元) when the figure fits that measure
        if prev is not None and (
            parallel
            or is_change
            or (
                not any((h.mask & Cue.METRIC) or (h.mask & Cue.ENTITY) for h in clause_hits)
                and prev.metric is not None
                and prev.type is ClaimType.FIGURE
                and self._fits(prev.metric, q, is_change)
            )
        ):
            return prev.metric, None, prev
        # earlier in the sentence, with no other figure in between
        for h in reversed(s.hits_in(s.last_quantity_end(q.start), cs)):
            if h.mask & Cue.METRIC:
                name = h.metric
                return (name if name is not None and self._fits(name, q, is_change) else None), h, None
        return None, None, None

    def _referent(
        self, s: _Sentence, q: Quantity, cs: int, is_change: bool, state: ParagraphState
    ) -> Draft | None:
        """The earlier claim a pointing word (该项收入, 这一增速) refers to, if any."""
        folded = s.folded
        pointer = self._anaphora_re.search(folded, cs, q.start)
        if pointer is None:
            return None
        at = pointer.start()
        earlier = state.claims[-MAX_REFERENTS:]
        if not earlier:
            return None
        after = s.hits_in(at, q.start)
        named = next((h for h in after if h.mask & Cue.METRIC), None)
        if named is not None:
            name = named.metric
            alias = folded[named.start : named.end]
            levels = [d for d in reversed(earlier) if d.type is ClaimType.FIGURE]
            for d in levels:
                if d.metric == name:
                    return d
            for d in levels:  # the alias heads its measure: “其他服务”收入, not 收入来源
                if d.measure is not None and _strip_skip(fold(d.measure)).endswith(alias):
                    return d
            return None
        rate = any(h.mask & Cue.GROWTH_RATE for h in after)
        want = ClaimType.CHANGE if rate or is_change else ClaimType.FIGURE
        return next((d for d in reversed(earlier) if d.type is want), None)

    def _measure(
        self,
        s: _Sentence,
        q: Quantity,
        cs: int,
        clause_hits: list[Hit],
        clause_times: list[TimeExpr],
        metric_hit: Hit | None,
    ) -> tuple[str | None, str | None]:
        """The measure as written, and the metric it names exactly (other_services_revenue)."""
        if metric_hit is not None and metric_hit.start >= q.end:  # 3亿日活, 上万亿的电商交易额
            measure = s.text[metric_hit.start : metric_hit.end]
            return measure, self._alias_metric(measure)
        lo, hi = self._measure_span(s, q, cs, clause_hits, clause_times, metric_hit)
        a, b = self._trim(s.folded, lo, hi)
        if b - a < 1 or b - a > MAX_MEASURE:
            return None, None
        return s.text[a:b], self._folded_alias_metric(s.folded[a:b])

    def _measure_span(
        self,
        s: _Sentence,
        q: Quantity,
        cs: int,
        clause_hits: list[Hit],
        clause_times: list[TimeExpr],
        metric_hit: Hit | None,
    ) -> tuple[int, int]:
        """Where the measure phrase of the clause starts and ends (before trimming)."""
        memo = s.span_memo  # _narrowed and _measure ask for the same figure's span in turn
        if memo is not None and memo[0] is q and memo[1] == cs and memo[2] is metric_hit:
            return memo[3]
        metrics = [h for h in clause_hits if (h.mask & Cue.METRIC)]
        first = metrics[0].start if metrics else q.start
        lo = cs
        # past the subject and the time that open the clause
        for h in clause_hits:
            if (h.mask & Cue.ENTITY) and not (h.mask & Cue.METRIC) and h.end <= first + 4:
                lo = max(lo, h.end)
        for t in clause_times:
            if t.end <= first:
                lo = max(lo, t.end)
        # a metric alias overlapping the entity (快手|电商交易总额) starts the measure
        starts = [h.start for h in metrics if h.start < lo < h.end]
        if starts:
            lo = min(lo, *starts)
        # up to the first cue, time or figure after the metric (贡献率也从2020年第三季度的71.4%)
        after = metric_hit.end if metric_hit is not None and metric_hit.start >= lo else lo
        hi = q.start
        for h in clause_hits:
            if h.start >= after and h.mask & MEASURE_CUTS:
                hi = min(hi, h.start)
        for t in clause_times:
            if t.start >= after:
                hi = min(hi, t.start)
        i = bisect_left(s.q_starts, after)
        if i < len(s.quantities):
            hi = min(hi, max(after, s.quantities[i].start))
        s.span_memo = (q, cs, metric_hit, (lo, hi))
        return lo, hi

    def _narrowed(self, s: _Sentence, q: Quantity, cs: int, clause_hits: list[Hit], metric_hit: Hit) -> bool:
        """Do words before the alias narrow the metric to a part (平台品牌自播GMV, 游戏收入)?"""
        if metric_hit.start < cs or metric_hit.start >= q.start:
            return False
        clause_times = s.times_in(cs, q.start)
        lo, hi = self._measure_span(s, q, cs, clause_hits, clause_times, metric_hit)
        # the words before the first alias of the phrase, between its aliases (电商交易总额
        # （GMV）: brackets only) and after it (销售额跃迁的冷启时间: the alias is a modifier,
        # not the head) must all be neutral; a bracketed remark is no word of the measure
        rest = []
        pos = lo
        for h in clause_hits:
            if (h.mask & Cue.METRIC) and h.end > lo and h.start <= metric_hit.start:
                rest.append(s.folded[pos : max(pos, h.start)])
                pos = max(pos, h.end)
        rest.append(s.folded[pos : max(pos, hi)])
        words = self._neutral_re.sub("", _BRACKETED.sub("", "".join(rest)))
        return bool(words.translate(_PUNCT_DELETE))  # a character that is no punctuation

    def _trim(self, folded: str, a: int, b: int) -> tuple[int, int]:
        """Cut punctuation, verbs, particles and qualifiers off both ends of ``folded[a:b]``."""
        if a >= b:
            return a, a
        a = self._lead.match(folded, a, b).end()  # type: ignore[union-attr]  # matches empty
        m = self._tail.search(folded, a, b)
        return a, (m.start() if m is not None else b)

    def _alias_metric(self, measure: str | None) -> str | None:
        if not measure:
            return None
        return self._folded_alias_metric(fold(measure))

    def _folded_alias_metric(self, folded: str) -> str | None:
        """``_alias_metric`` of a measure already folded (a slice of the folded sentence)."""
        return self.lexicon.metric_aliases.get(_strip_skip(folded)) if folded else None

    def _segment(self, s: _Sentence, hit: Hit, metric: str | None) -> bool:
        """Does a segment word narrow this total to a part (其他服务板块，收入达12亿元)?"""
        if metric is None:
            name = hit.metric
            rule = self.metric_rules.get(name) if name else None
        else:
            rule = self.metric_rules.get(metric)
        if rule is None or not rule.segmentable:
            return False
        lo = self._segment_window(s, hit)
        window = s.folded[lo : hit.start]
        return self._segment_re.search(window) is not None

    def _segment_window(self, s: _Sentence, hit: Hit) -> int:
        lo = max(s.last_quantity_end(hit.start), hit.start - MAX_CLAUSE)
        i = s.entity_before(hit.start, lo, objects=True)
        return s.ents[i].end if i >= 0 else lo

    def _segment_measure(self, s: _Sentence, hit: Hit) -> str:
        """``其他服务板块`` + ``收入``: the segment phrase before the alias, joined to it."""
        folded = s.folded
        lo = self._segment_window(s, hit)
        cue_start, cue_end = -1, -1
        for cue in self.segment_cues:
            i = folded.rfind(cue, lo, hit.start)
            if i >= 0 and i + len(cue) > cue_end:
                cue_start, cue_end = i, i + len(cue)
        # a closing quote or bracket right after the segment word belongs to it
        while cue_end < hit.start and folded[cue_end] in "”’」』\"')":
            cue_end += 1
        start = cue_start
        while start > lo and folded[start - 1] not in PUNCT | {"的"}:
            start -= 1
        # an opening quote belongs to the phrase
        if start > lo and folded[start - 1] in "“‘「『《(\"'":
            start -= 1
        return (s.text[start:cue_end] + s.text[hit.start : hit.end]).strip()

    def _is_money(self, s: _Sentence, cs: int, q: Quantity, metric: str | None) -> bool:
        if metric is not None:
            rule = self.metric_rules.get(metric)
            return rule is not None and rule.dimension == "money"
        return self._money_re.search(s.folded, cs, q.start) is not None

    def _scope(self, folded: str, cs: int, end: int) -> str | None:
        for name, pattern in self.scopes:
            if pattern.search(folded, cs, end) is not None:
                return name
        return None

    # ------------------------------------------------------------------ entity and subject

    def _is_object(self, folded: str, h: Hit) -> bool:
        return folded.endswith(self.preposition_tuple, 0, h.start)

    def _entity(
        self, s: _Sentence, pos: int, cs: int, state: ParagraphState
    ) -> tuple[str | None, str | None, str | None]:
        """(entity, where it came from, the clause subject as written)."""
        i = s.entity_before(pos, cs, objects=False)
        if i >= 0:  # the usual case: the clause names its subject
            h = s.ents[self._first_coordinated(s, i)]
            return h.entity, "rules", s.text[h.start : h.end]
        subject_span = self._subject(s, cs, pos)
        subject = s.text[subject_span[0] : subject_span[1]] if subject_span else None
        i = s.entity_before(pos, 0, objects=False)
        if i >= 0:
            return s.ents[self._first_coordinated(s, i)].entity, "rules", subject
        if state.entity is not None:
            return state.entity, state.entity_from, subject
        if subject_span is None:
            subject_span = self._subject(s, 0, pos)
            subject = s.text[subject_span[0] : subject_span[1]] if subject_span else None
        if subject_span is not None and subject is not None:
            return subject, "subject", subject
        # a subordinate clause first (若要在年底完成2500亿的GMV，快手还需要...): the subject after it
        for i in range(bisect_left(s.ent_ends, pos + 1), len(s.ents)):
            if s.ents[i].start >= pos and not s.ent_objects[i]:
                return s.ents[i].entity, "rules", subject
        i = s.entity_before(pos, cs, objects=True)
        if i < 0:
            i = s.entity_before(pos, 0, objects=True)
        if i >= 0:
            return s.ents[i].entity, "rules", subject
        return None, None, subject

    def _first_coordinated(self, s: _Sentence, i: int) -> int:
        """The first of coordinated entities (快手和抖音, “快手京东双百亿补贴”): the subject."""
        while i > 0:
            joiner = s.folded[s.ents[i - 1].end : s.ents[i].start].strip()
            if joiner not in COORDINATORS:
                break
            i -= 1
        return i

    def _subject(self, s: _Sentence, lo: int, hi: int) -> tuple[int, int] | None:
        """The leading noun phrase of the clause starting at ``lo`` (not past ``hi``)."""
        folded = s.folded
        _cs, ce = s.clause(lo) if lo < len(folded) else (lo, lo)
        hi = min(hi, ce)
        key = (lo, hi)
        if key not in s.subjects:
            s.subjects[key] = self._read_subject(s, lo, hi)
        return s.subjects[key]

    def _read_subject(self, s: _Sentence, lo: int, hi: int) -> tuple[int, int] | None:
        folded = s.folded
        p = lo
        while p < hi:
            if folded[p] in PUNCT:
                p += 1
                continue
            if p in s.time_start_set:
                t = s.time_at(p)
                if t is not None:
                    p = t.end
                    continue
            filler = self._filler_re.match(folded, p, hi)
            if filler is not None and filler.end() > p:
                p = filler.end()
                continue
            break
        q = p
        stopped = False
        limit = min(hi, p + MAX_SUBJECT + 1)
        stops = self.subject_stops
        time_starts = s.time_start_set
        while q < limit:
            ch = folded[q]
            if ch in _SUBJECT_ENDS or q in time_starts:
                break
            if ch in stops and folded.startswith(stops[ch], q, hi):
                stopped = True
                break
            q += 1
        end = q
        # “小波私房菜”是位...: a quoted name before the predicate
        while not stopped and q < hi and folded[q] in "”’」』\"'":
            q += 1
            stopped = folded.startswith(stops.get(folded[q : q + 1], ()), q, hi)
        phrase = folded[p:end]
        if not stopped or not 2 <= len(phrase) <= MAX_SUBJECT:
            return None
        if phrase in self.generic or phrase.startswith(self.subject_anaphora):
            return None
        for i in range(max(bisect_right(s.hit_starts, p) - 1, 0), len(s.hits)):
            h = s.hits[i]
            if h.start >= end:
                break
            if h.end > p and not (h.mask & Cue.ENTITY):
                return None  # a measure or a cue word is no subject (全年GMV达...)
        return p, end

    # ------------------------------------------------------------------ period

    def _period(
        self,
        s: _Sentence,
        q: Quantity,
        cs: int,
        draft: Draft,
        is_change: bool,
        prev: Draft | None,
        inherited: Draft | None,
        state: ParagraphState,
        used: set[int],
    ) -> None:
        folded = s.folded
        # a relative word the time pass could not resolve, or "now" (目前), blocks every guess
        if self._present_re.search(folded, cs, q.start) is not None:
            return
        for m in self._relative_re.finditer(folded, cs, q.start):
            if not s.in_time(m.start()):
                return
        chosen: int | None = None
        for i in reversed(s.times_before(q.start)):
            if is_change and self._is_base(folded, s.times[i]):
                continue
            chosen = i  # the nearest: in the clause if the clause has one, else earlier
            break
        if chosen is None:
            source = prev if prev is not None and prev.period is not None else None
            if source is None and inherited is not None and inherited.period is not None:
                source = inherited
            if source is not None:
                draft.period, draft.time_quote = source.period, source.time_quote
                draft.period_carries = source.period_carries
            elif state.period is not None:
                draft.period, draft.time_quote = state.period, state.period_quote
                draft.period_carries = True
            return
        t = s.times[chosen]
        used.add(chosen)
        span = self._span(s, t, draft, q, cs)
        if span is None:
            return
        draft.period = span
        draft.time_quote = s.text[t.start : t.end]
        draft.period_carries = not self._is_base(folded, t)

    def _span(self, s: _Sentence, t: TimeExpr, draft: Draft, q: Quantity, cs: int) -> Span | None:
        anchor = getattr(t, "anchor_kind", None)
        span = t.span
        if anchor in ("since", "before", "after", "within"):
            return None
        if anchor == "as_of" and t.granularity is Granularity.DAY and draft.scope != "cumulative":
            day = span.end
            quarter_end = is_quarter_end(day)
            words = s.folded[cs : q.start] + (fold(draft.measure) if draft.measure else "")
            average = any(w in words for w in self.average)
            rule = self.metric_rules.get(draft.metric) if draft.metric else None
            flow = rule is not None and not rule.stock and rule.dimension in ("money", "count")
            if quarter_end and (average or flow):
                return Span(start=dt.date(day.year, 1, 1), end=day)
            return span
        if (
            draft.kind is ClaimKind.TARGET
            and t.approx
            and t.granularity in (Granularity.MONTH, Granularity.HALF, Granularity.QUARTER)
            and span.start.year == span.end.year
        ):
            # a target set at the start of a year is that year's target
            return Span(start=dt.date(span.start.year, 1, 1), end=dt.date(span.start.year, 12, 31))
        return span

    def _is_base(self, folded: str, t: TimeExpr) -> bool:
        """Is the time the base of a comparison (与去年同期相比, 较上年)?"""
        head = folded[max(0, t.start - 2) : t.start]
        if head.endswith(self.comparison_before):
            return True
        tail = folded[t.end : t.end + 3].lstrip(" 的")
        return tail.startswith(self.comparison_after)

    # ------------------------------------------------------------------ events

    def _events(self, s: _Sentence, state: ParagraphState, used: set[int]) -> list[Draft]:
        out: list[Draft] = []
        seen: set[tuple[str, int]] = set()
        folded = s.folded
        for h in s.hits:
            name = h.event
            if name is None:
                continue
            cs, _ce = s.clause(h.start)
            before = s.times_before(h.start)
            if not before:
                continue
            in_clause = list(before[bisect_left(s.time_starts, cs) :])
            since = [i for i in in_clause if getattr(s.times[i], "anchor_kind", None) == "since"]
            chosen = (since or in_clause or [before[-1]])[-1]
            t = s.times[chosen]
            if t.granularity not in (Granularity.DAY, Granularity.MONTH):
                continue
            between = folded[t.end : h.start]
            if any(w in between for w in self.announcement):
                continue
            if (name, chosen) in seen:
                continue
            seen.add((name, chosen))
            used.add(chosen)
            entity, entity_from, subject = self._event_entity(s, h, cs, state)
            cue = _last(s.hits_in(max(cs, h.start - MAX_CLAUSE), h.start), KIND_CUES)
            kind = ClaimKind.ACTUAL
            if cue is not None and (cue.mask & Cue.FORECAST):
                kind = ClaimKind.FORECAST
            elif cue is not None and (cue.mask & Cue.TARGET):
                kind = ClaimKind.TARGET
            out.append(
                Draft(
                    start=t.start,
                    end=t.end,
                    type=ClaimType.EVENT,
                    dimension=Dimension.DATE,
                    kind=kind,
                    event=name,
                    entity=entity,
                    entity_from=entity_from,
                    subject=subject,
                    date=t.span,
                    time_quote=s.text[t.start : t.end],
                )
            )
        return out

    def _event_entity(
        self, s: _Sentence, h: Hit, cs: int, state: ParagraphState
    ) -> tuple[str | None, str | None, str | None]:
        """The subject of the event's clause: its first entity that is not an object."""
        for i in range(bisect_left(s.ent_ends, cs), len(s.ents)):
            e = s.ents[i]
            if e.start >= h.start:
                break
            if e.start >= cs and not s.ent_objects[i]:
                return e.entity, "rules", s.text[e.start : e.end]
        return self._entity(s, h.start, cs, state)

    # ------------------------------------------------------------------ paragraph state

    def _carry_light(
        self, text: str, folded: str, hits: list[Hit], times: Sequence[TimeExpr], state: ParagraphState
    ) -> None:
        """``_carry`` for a sentence with no claim: its subject, and its last plain time."""
        prepositions = self.preposition_tuple
        for h in hits:
            if h.mask & _ENTITY and not folded.endswith(prepositions, 0, h.start):  # not _is_object
                state.entity, state.entity_from = h.entity, "rules"
                break
        for t in reversed(times):
            if t.anchor_kind is None and not self._is_base(folded, t):
                state.period, state.period_quote = t.span, text[t.start : t.end]
                break

    def _carry(self, s: _Sentence, drafts: list[Draft], state: ParagraphState) -> None:
        figures = [d for d in drafts if d.type is not _EVENT_TYPE]
        subject = None
        for h, obj in zip(s.ents, s.ent_objects, strict=True):
            if not obj:
                subject = h
                break
        if figures and figures[-1].entity is not None:
            state.entity, state.entity_from = figures[-1].entity, figures[-1].entity_from
        elif subject is not None:
            state.entity, state.entity_from = subject.entity, "rules"
        for d in reversed(figures):
            if d.period is not None and d.period_carries:
                state.period, state.period_quote = d.period, d.time_quote
                break
        else:
            if not figures:
                for t in reversed(s.times):
                    if getattr(t, "anchor_kind", None) is None and not self._is_base(s.folded, t):
                        state.period, state.period_quote = t.span, s.text[t.start : t.end]
                        break
        state.claims.extend(drafts)


# ---------------------------------------------------------------------- helpers


def _folded_words(words: Iterable[str]) -> list[str]:
    return [fold(w) for w in words if w]


def _by_first_char(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for w in words:
        out.setdefault(w[0], []).append(w)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def kinds_words(rules: RuleSet) -> list[str]:
    """Words that never narrow a measure: verbs, particles and adverbs of ``measure_trim``."""
    return list(rules.kinds.measure_trim)


def _qualifier_words(rules: RuleSet) -> list[str]:
    return [w for q in rules.qualifiers.qualifiers.values() for w in q.words]


def _last(hits: Iterable[Hit], mask: int) -> Hit | None:
    found = None
    for h in hits:
        if h.mask & mask:
            found = h
    return found


def _start(x: Quantity | TimeExpr) -> int:
    return x.start


def _in_order(items: Sequence[Quantity] | Sequence[TimeExpr]) -> bool:
    last = -1
    for item in items:
        if item.start < last:
            return False
        last = item.start
    return True


def _outside_times(quantities: list[Quantity], times: list[TimeExpr]) -> list[Quantity]:
    """The figures that overlap no time expression (both lists sorted by start)."""
    out = []
    i = 0
    for q in quantities:
        while i < len(times) and times[i].end <= q.start:
            i += 1
        if i < len(times) and times[i].start < q.end:
            continue
        out.append(q)
    return out


def _strip_skip(text: str) -> str:
    return text.translate(_SKIP_DELETE)


def _only_skip(folded: str, a: int, b: int) -> bool:
    return all(ch in PUNCT for ch in folded[a:b])


def _clause_bounds(folded: str, quantities: Sequence[Quantity]) -> list[int]:
    """Offsets of the clause marks, except those inside a figure (1,758)."""
    marks = [m.start() for m in _CLAUSE_RE.finditer(folded)]
    if not marks or not quantities:
        return marks
    bounds = []
    j = 0
    n = len(quantities)
    for i in marks:
        while j < n and quantities[j].end <= i:
            j += 1
        if j < n and quantities[j].start <= i:
            continue  # inside a figure
        bounds.append(i)
    return bounds

"""Assemble claims: link each figure of a sentence to its entity, metric, period and kind.

The passes before this one found, in one folded sentence, the figures (``Quantity``), the
time expressions (``TimeExpr``) and the words of the rules (``lexicon.Hit``). This package
decides, figure by figure, what the figure is about. Every decision reads the sentence in
*clauses* (split at ，,；;：:, never inside a figure) and prefers what is nearest BEFORE the
figure: Chinese business prose names the subject, the time and the measure first
(``从快手2021年第三季度财报来看，快手电商交易总额（GMV）达到1758亿元，同比增长86.1%``).

One module per decision, taken in this order for each figure (``Assembler.figure``):

=============  ==========================================================================
``change``     a change (同比增长86.1%) or a level; yoy, qoq or an unspecified change; sign;
               the two levels a change is stated between (较2022年的9.77亿元增长32.6%)
``carry``      does the clause continue the previous figure (第二季度则为31.5%)? and what
               a sentence hands the next in its paragraph (entity, period)
``measure``    which metric (gmv), the measure as written (电商交易总额（GMV）), money
``kind``       actual, target or forecast; revisions (后又上调至2500亿元)
``scope``      cumulative (累计), trailing 12 months, a segment of a total (其他服务板块)
``entity``     whose figure: the entity, else the clause's subject as written
``period``     when it holds: the governing time expression, 截至, carried periods
``lists``      figures listed after 分别 pair with the measures or entities listed before
``events``     dated events (3月1日 ... 切断外链), after the figures
=============  ==========================================================================

``sentence`` indexes one sentence (``Parsed``), ``words`` holds the rules' words as the
decisions read them, ``draft`` the claim under assembly and the paragraph's state.

Not claims: durations (``用了2年``, ``7个月的时间``) unless a metric names them, and every
figure after a hypothetical cue of its sentence (``即把蛋糕假设为100份``).

A paragraph's state (entity, period, claims so far) carries from sentence to sentence and
is reset at each new paragraph. Every lookup a figure makes is a bisection over the
sentence's matches, times and figures or a walk over a bounded window, so assembly stays
linear however long a sentence is.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from kcheck.extract.claims.carry import base_levels, carry, carry_light, continues_previous, has_own_words
from kcheck.extract.claims.change import (
    breakdown_changes,
    change_sign,
    change_type,
    compared_at,
    increment_of,
    link_levels,
    loss_as_profit,
    measure_after,
    more_or_less,
    signed,
    year_to_date_change,
)
from kcheck.extract.claims.draft import Draft, ParagraphState
from kcheck.extract.claims.entity import entity_of, is_object, sector_owner
from kcheck.extract.claims.events import events_of, last_work
from kcheck.extract.claims.kind import kind_of, mark_revision_cues, mark_superseded
from kcheck.extract.claims.lists import respectively
from kcheck.extract.claims.measure import (
    alias_metric,
    breakdown_measures,
    compared_measure,
    country_measures,
    framed_measures,
    is_duration,
    names_own_measure,
    own_change_measure,
    per_one_base,
    place_part_measures,
    province_measures,
    restated_measure,
    unit_of,
    what_is_measured,
)
from kcheck.extract.claims.period import period_of, year_end_ratio
from kcheck.extract.claims.scope import names_one_period, scope_of
from kcheck.extract.claims.sentence import (
    MAX_CLAUSE,
    Figure,
    Parsed,
    in_order,
    last_hit,
    outside_times,
    start_of,
)
from kcheck.extract.claims.words import Words, fold_measure
from kcheck.extract.lexicon import Cue, Hit, Lexicon
from kcheck.extract.types import Quantity, TimeExpr
from kcheck.models import ClaimType
from kcheck.rules import RuleSet
from kcheck.text.fold import fold

__all__ = ["Assembler", "Draft", "ParagraphState"]


def country_runs_on(w: Words, drafts: list[Draft], continued: str | None) -> str | None:
    """The country's word (全国) when the figures of a sentence ending with ； are the country's and
    name no one (``全国港口完成货物吞吐量127.5亿吨，同比增长8.5%；``): its last figure names no
    entity, and its measure names the country, or it continues the country's figures of the
    sentence before (``continued``, that sentence's word); else None."""
    last = next((d for d in reversed(drafts) if d.type is not ClaimType.EVENT), None)
    if last is None or last.entity is not None:
        return None
    named = w.country_re.match(fold(last.measure)) if last.measure else None
    return named.group() if named is not None else continued


def ranked_alone(w: Words, s: Parsed, q: Quantity) -> bool:
    """Is the figure written between ``以`` and a verb of rank with no measure of its own
    (``《雪原追踪》以19.37亿元位列第二``: kinds.measure_after_lead, measure_after_verbs)?"""
    folded = s.folded
    return folded.endswith(w.measure_after_lead, 0, q.start) and folded.startswith(
        w.measure_after_verbs, q.end
    )


class Assembler:
    """Turns one sentence's figures, times and word matches into claim drafts."""

    def __init__(self, rules: RuleSet, lexicon: Lexicon) -> None:
        self.rules = rules
        self.lexicon = lexicon
        self.words = Words(rules, lexicon)

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
        w = self.words
        breakdown, state.breakdown = state.breakdown, None  # handed on only by a sentence ending in ；
        country, state.breakdown_country = state.breakdown_country, None
        frame, state.segment_frame = state.segment_frame, None
        state.after_country, state.country_running = state.country_running, False
        continued, state.country_word = state.country_word, None
        work = state.document_work  # 该片 in this sentence: the work named before it
        if "《" in folded:
            state.document_work = last_work(text, folded) or work
        has_event = False
        for h in hits:
            if h.mask & Cue.EVENT:
                has_event = True
                break
        if not quantities and not (has_event and (times or folded.rstrip().endswith(("；", ";")))):
            # most sentences: no figure, and no event or no time to date one with (events_of);
            # the same path as below, taken sooner (an event word ending with ； still goes below,
            # where a breakdown or a business line may run on to the next sentence)
            if hits or times:
                if len(times) > 1 and not in_order(times):
                    times = sorted(times, key=start_of)
                carry_light(w, text, folded, hits, times, state)
            return [], set()
        times = list(times) if in_order(times) else sorted(times, key=start_of)
        qs = list(quantities) if in_order(quantities) else sorted(quantities, key=start_of)
        if times and qs:
            qs = outside_times(qs, times)
        if not qs and not has_event:
            # nothing to assemble, only the subject and period to hand on
            carry_light(w, text, folded, hits, times, state)
            return [], set()
        hyp = w.hypothetical_re.search(folded)
        hyp_at = hyp.start() if hyp is not None else len(folded) + 1
        s = Parsed(text, folded, hits, qs, times, partial(is_object, w), hyp_at)
        used: set[int] = set()
        drafts: list[Draft] = []
        prev: Draft | None = None
        for q in qs:
            draft = self.figure(s, q, prev, state, used)
            if draft is None:
                continue
            drafts.append(draft)
            prev = draft
        respectively(w, s, drafts)
        link_levels(w, s, drafts)
        breakdown_changes(w, s, drafts, state, breakdown)
        breakdown_measures(w, s, drafts, state, country)
        place_part_measures(w, s, drafts, state)
        country_measures(w, drafts, continued)
        province_measures(w, s, drafts)
        framed_measures(w, s, drafts, state, frame)
        for draft in drafts:
            loss_as_profit(w, draft)
        base_levels(w, s, drafts)
        drafts.extend(events_of(w, s, state, used, work))
        carry(w, s, drafts, state)
        mark_revision_cues(w, s, drafts)
        drafts.sort(key=lambda d: d.start)
        if folded.rstrip().endswith(("；", ";")):
            state.country_word = country_runs_on(w, drafts, continued)
            state.country_running = state.country_word is not None
        return drafts, used

    def figure(
        self, s: Parsed, q: Quantity, prev: Draft | None, state: ParagraphState, used: set[int]
    ) -> Draft | None:
        """The claim a figure makes, each decision in turn (see the package docstring)."""
        w = self.words
        if s.hyp_at < q.start:
            return None  # 即把蛋糕假设为100份: an example, not a claim
        cs, _ce = s.clause(q.start)
        cs = max(cs, q.start - MAX_CLAUSE)
        f = Figure(q, cs, s.hits_in(cs, q.start), s.times_in(cs, q.start))

        sign, base = more_or_less(w, s, f)  # 同比多增1364亿元: a change against a base
        compared = sign != 0
        change: str | None
        if compared:
            is_change, change = True, (base if base is not None else change_type(s, q))
        else:
            is_change, sign = change_sign(w, s, f)
            change = change_type(s, q) if is_change else None
        own_words = has_own_words(f.hits)
        # 11月11日当天揽收快递包裹1.12亿件 after another figure: its own time and its own measure
        # written, so no continuation (第二季度则为31.5% writes none)
        parallel = continues_previous(s, f, is_change, prev, own_words) and (
            last_hit(f.hits, Cue.REVISION) is not None or not names_own_measure(w, s, f)
        )
        if parallel and prev is not None and prev.type is ClaimType.CHANGE and not is_change:
            is_change, sign, change = True, 1, prev.change

        metric, measure, metric_hit, inherited = what_is_measured(w, s, f, is_change, prev, parallel, state)
        own_measured = False
        if compared:
            # 其中房地产开发贷款环比多增500多亿元: the clause's own measure, not the one before
            own, own_metric = compared_measure(w, s, f, compared_at(w, s, f))
            if own is not None:
                measure, metric, metric_hit, inherited = own, own_metric, None, None
        elif is_change and not parallel and inherited is not None and inherited is prev:
            # 其中猪肉价格下降30.1% after 畜肉类价格下降17.9%: the clause's own measure
            own, own_metric = own_change_measure(w, s, f)
            if own is not None:
                measure, metric, metric_hit, inherited = own, own_metric, None, None
                own_measured = True
        if (
            ranked_alone(w, s, q)
            and prev is not None
            and prev.measure
            and measure_after(w, s.folded, prev.start, prev.end)
        ):
            # 《长河落日》以26.84亿元的档期票房位居第一，…《雪原追踪》以19.37亿元位列第二: the
            # measure the ranking named for the figure before
            measure, metric, inherited = prev.measure, prev.metric, None
        if measure is not None and fold_measure(measure).startswith(w.ratio_before):
            # 10月全行业完成旅客运输量5498.6万人次，…，恢复至2019年同期的96.3%: the ratio of the
            # measure just named, against its base; with none named, a ratio of nothing known
            named = prev is not None and prev.measure and s.clause(prev.start)[0] < cs
            measure = prev.measure + measure if named and prev is not None and prev.measure else None
        if not is_change and metric is None and inherited is None:
            # 动力电池累计装车量……，5月单月装车量5.62GWh: the head of the measure just named
            measure = restated_measure(w, s, f, measure, prev) or measure
        if not is_change and metric is None and inherited is None:
            grown = increment_of(w, measure)  # 新增人民币贷款8262亿元 = 人民币贷款增加8262亿元
            if grown is not None:
                is_change, sign, change = True, 1, change_type(s, q)
                measure, metric = grown, alias_metric(w, grown)
        dimension, unit = unit_of(w, s, f, metric, metric_hit)
        if is_duration(w, is_change, metric, dimension, unit, measure):
            return None

        kind, revision = kind_of(s, f, prev, parallel, own_words, w)

        scope = scope_of(w, s.folded, cs, q.start)
        if scope is None and metric in w.running and not is_change:
            scope = "cumulative"  # 累计回购股份…，支付的总金额为12.68亿元: paid so far (metrics running)
        if scope is None and inherited is not None and not names_one_period(w, s, f):
            scope = inherited.scope

        sector = bool(measure and measure.startswith(w.sector_words))  # 行业总资产: see sector_owner
        entity, entity_from, subject = entity_of(w, s, q.start, cs, state, objects=not sector)
        if entity_from == "object":
            # 根据中证协数据，行业总资产10.53万亿元，净资产2.51万亿元: the sentence's owner so far
            # beats an entity that was only the object of a preposition
            if prev is not None and prev.entity is not None:
                entity, entity_from = prev.entity, prev.entity_from
            else:
                entity_from = "rules"
        if (
            entity_from == "document"
            and subject is None
            and prev is not None
            and prev.entity_from == "subject"
        ):
            # 锐能电池以5.62GWh的装车量位居第三，市场份额为12.8%: a clause naming no one continues
            # the subject its sentence wrote (read as written, a weak link), not the article's company
            entity, entity_from = prev.entity, prev.entity_from
        if entity is None and sector:
            entity, measure = sector_owner(w, measure, state)
            entity_from = "document" if entity else None
        if entity is None and prev is not None and prev.entity_from == "document":
            entity, entity_from = prev.entity, prev.entity_from  # 行业总资产…，净资产…: one subject
        if (
            entity is None
            and (parallel or is_change)
            and prev is not None
            # 城市下降0.2%，农村下降0.6%；食品价格下降4.0%: a subject read as written is no
            # owner of a change that names its own measure
            and not (own_measured and prev.entity_from == "subject")
        ):
            entity, entity_from = prev.entity, prev.entity_from
        if inherited is not None and entity is None:
            entity, entity_from = inherited.entity, inherited.entity_from
        if entity is not None and metric in w.economy and s.entity_before(q.start, cs, objects=False) < 0:
            # 中国人民银行数据显示，10月社会融资规模增量为1.59万亿元: a statistic of the whole
            # economy is no one's unless its own clause names whose (the publisher is a source)
            entity, entity_from = None, None

        value, low, high = signed(q, sign)
        precision = q.precision
        if not is_change and q.unit not in ("%", "x", "pp"):
            # 每10股派4.8元: the measure and the figure per one share (每股派0.48元)
            measure, per = per_one_base(w, measure)
            if per > 1:
                value, low, high = (None if v is None else v / per for v in (value, low, high))
                precision = precision / per
        draft = Draft(
            start=q.start,
            end=q.end,
            type=ClaimType.CHANGE if is_change else ClaimType.FIGURE,
            dimension=dimension,
            value=value,
            low=low,
            high=high,
            unit=unit,
            precision=precision,
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
        period_of(w, s, f, draft, is_change, prev, inherited, state, used)
        before = (
            prev
            if prev is not None
            else next((d for d in reversed(state.claims) if d.type is not ClaimType.EVENT), None)
        )
        year_to_date_change(w, s, f, draft, before)
        year_end_ratio(w, draft, s.folded[f.cs : q.start])
        mark_superseded(prev, draft)
        return draft

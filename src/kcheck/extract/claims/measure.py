"""What a figure measures: the metric (gmv, revenue), the measure as written, and money.

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

The words naming the measure as written, kept even when no metric matched: the clause
between its entity (or its last time expression) and the figure, with change and kind
cues cut off and verbs, particles and qualifiers trimmed (``电商交易总额（GMV）``).

A figure with no unit (``14.2亿``) is money in the default currency when its metric is
a money metric or its clause has a money word (``支付金额``, ``投入``, ``卖了``).
"""

from __future__ import annotations

from bisect import bisect_left

from kcheck.extract.claims.change import compared_at, measure_after
from kcheck.extract.claims.draft import Draft, ParagraphState
from kcheck.extract.claims.scope import segment, segment_measure
from kcheck.extract.claims.sentence import (
    BRACKETED,
    MAX_AFTER_GAP,
    PUNCT_DELETE,
    Figure,
    Parsed,
    last_hit,
    strip_skip,
)
from kcheck.extract.claims.words import Words, fold_measure
from kcheck.extract.lexicon import Cue, Hit
from kcheck.extract.types import Quantity
from kcheck.models import ClaimType, Dimension
from kcheck.text.fold import fold

MEASURE_CUTS = Cue.CHANGE_VERB | Cue.RATE_NOUN | Cue.TARGET | Cue.REVISION | Cue.CHANGE
# where a change's own measure ends (其中猪肉价格|下降30.1%, 服务价格|同比上涨1.0%)
OWN_CHANGE_CUTS = Cue.CHANGE_VERB | Cue.RATE_NOUN | Cue.CHANGE
# a forecast cue inside the measure (全国铁路预计发送旅客) is an adverb: left out of the
# measure, not cut at, the words after it still name what is measured (a target cue is a
# noun that heads its own phrase: 目标是..., 目标区间定为...; it cuts)
MEASURE_SKIPS = Cue.FORECAST
MAX_REFERENTS = 50  # how far back in the paragraph a pointing word (该项收入) may reach
MAX_MEASURE = 30


def fits(w: Words, metric: str, q: Quantity, is_change: bool) -> bool:
    """Can a figure like ``q`` be a value of ``metric``? Growth figures fit every metric."""
    if is_change:
        return True
    rule = w.metric_rules.get(metric)
    if rule is None or rule.dimension == "any":
        return True
    if rule.dimension == "money":
        return q.dimension is Dimension.MONEY or (q.dimension is Dimension.COUNT and q.unit is None)
    if rule.dimension == "percent":
        return q.dimension is Dimension.PERCENT
    if q.dimension is not Dimension.COUNT:
        return False
    return q.unit is None or not rule.units or q.unit in rule.units


def metric_of(
    w: Words, s: Parsed, f: Figure, is_change: bool, prev: Draft | None, parallel: bool, state: ParagraphState
) -> tuple[str | None, Hit | None, Draft | None]:
    """(metric, the alias it came from, a claim whose measure this one takes over)."""
    q, cs, clause_hits = f.q, f.cs, f.hits
    # a pointing word: 该项收入, 这一增速, 这一数字
    referent = referent_of(w, s, f, is_change, state)
    if referent is not None:
        return referent.metric, None, referent
    hit = last_hit(clause_hits, Cue.METRIC)
    if hit is not None:
        name = hit.metric
        if name is None or not fits(w, name, q, is_change) or narrowed(w, s, f, hit):
            return None, hit, None
        return name, hit, None
    # right after the figure: 上万亿的电商交易额, 3亿日活
    pos = q.end
    while pos < len(s.folded) and pos - q.end <= MAX_AFTER_GAP and s.folded[pos] in " 的":
        pos += 1
    for h in s.hits_at(pos):
        if h.mask & Cue.METRIC:
            name = h.metric
            if name is not None and fits(w, name, q, is_change):
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
            and fits(w, prev.metric, q, is_change)
            and not names_own_measure(w, s, f)
        )
        or restates_previous(w, s, f, prev)
    ):
        return prev.metric, None, prev
    # earlier in the sentence, with no other figure in between
    for h in reversed(s.hits_in(s.last_quantity_end(q.start), cs)):
        if h.mask & Cue.METRIC:
            name = h.metric
            return (name if name is not None and fits(w, name, q, is_change) else None), h, None
    return None, None, None


def restates_previous(w: Words, s: Parsed, f: Figure, prev: Draft) -> bool:
    """Does the figure's clause only restate the figure before it more precisely, in the same
    unit, naming no measure, subject or metric of its own (``国内旅游出游超8亿人次，达8.26亿人次``,
    ``营收突破千亿元，达1023.5亿元``)? Then it is a value of that figure's measure, named by a
    metric or not (a figure in another unit, ``员工超过5000人，覆盖300个城市``, is not; nor one
    its clause dates or compares, ``仅占收入来源的9.8%，与上一年10.3%的占比略有下降``: a base)."""
    q = f.q
    return (
        prev.type is ClaimType.FIGURE
        and prev.measure is not None
        and prev.dimension is q.dimension
        and prev.unit is not None
        and prev.unit == q.unit
        and not f.times
        and not any((h.mask & Cue.METRIC) or (h.mask & Cue.ENTITY) for h in f.hits)
        and not w.compares(s.folded[f.cs : q.start])
        and not names_own_measure(w, s, f)
    )


# cue words that make a clause a kind of the previous figure, not a measure of its own
# (超过原定目标6500亿元, 预计, 后又上调至)
_KIND_CUES = Cue.TARGET | Cue.FORECAST | Cue.REVISION | Cue.CHANGE | Cue.CHANGE_VERB | Cue.RATE_NOUN


def names_own_measure(w: Words, s: Parsed, f: Figure) -> bool:
    """Does the figure's clause name a measure of its own before it, with no cue word that makes
    it the previous figure's target, forecast or change (``制造业PMI为49.5%，非制造业商务活动指数为
    50.6%``: 50.6% is not the PMI; ``完成GMV达6800亿元，超过原定目标6500亿元`` names none)?"""
    a, b = f.cs, f.q.start
    if any(h.mask & _KIND_CUES for h in f.hits):
        return False
    prior = s.last_quantity_end(b)
    if prior > a and s.folded.startswith("、", prior):
        a = prior + 1  # 5号线全长32.6公里、7号线一期全长18.4公里: the list item after 、
    for t in f.times:
        if t.start <= a + 1 and t.end <= b:
            a = max(a, t.end)
    a, b = trim(w, s.folded, a, b)
    return b - a >= 2 and not s.quantity_between(a, b)


def referent_of(w: Words, s: Parsed, f: Figure, is_change: bool, state: ParagraphState) -> Draft | None:
    """The earlier claim a pointing word (该项收入, 这一增速) refers to, if any."""
    q, cs = f.q, f.cs
    folded = s.folded
    pointer = w.anaphora_re.search(folded, cs, q.start)
    if pointer is None or folded.startswith(w.anaphora_owners, pointer.end(), q.start):
        return None  # 该公司10月完成快递业务量21.36亿票: who, not what (kinds.anaphora_owners)
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
            if d.measure is not None and strip_skip(fold(d.measure)).endswith(alias):
                return d
        return None
    rate = any(h.mask & Cue.GROWTH_RATE for h in after)
    want = ClaimType.CHANGE if rate or is_change else ClaimType.FIGURE
    return next((d for d in reversed(earlier) if d.type is want), None)


def breakdown_measures(
    w: Words, s: Parsed, drafts: list[Draft], state: ParagraphState, running: str | None
) -> None:
    """A figure after a breakdown word (``kinds.breakdown``: 其中) that names no one breaks down the
    country's whole stated before it (``今年前10个月，我国货物贸易进出口总值36.02万亿元……。其中，
    出口20.80万亿元``): its measure is the country's, written with the whole's word (我国出口), so
    it meets the country's figures of that measure elsewhere (``10月，全国出口2.15万亿元``). A
    region's whole (``entities.region_words``: ``全省一般公共预算收入7362亿元……。其中，税收收入
    6128亿元``) lends its word the same way (全省税收收入): the province's part never meets the
    country's figure of that name. The
    whole is the last level before the word, in its sentence or earlier in its paragraph; one that
    names an entity or a region (``广东省进出口``) lends nothing. Runs over the sentences its
    sentence joins with ；(``running``, handed on in ``state.breakdown_country``), as
    ``change.breakdown_changes`` does."""
    m = w.breakdown_re.search(s.folded)
    at = -1
    country = running
    if m is not None:
        at = m.start()
        before = [d for d in drafts if d.start < at]
        whole = next(
            (
                d
                for d in (*reversed(before), *reversed(state.claims))
                if d.type is ClaimType.FIGURE and d.dimension is not Dimension.PERCENT
            ),
            None,
        )
        country = None
        if whole is not None and whole.entity is None and whole.measure:
            named = w.whole_re.match(fold(whole.measure))
            country = named.group() if named is not None else None
    if country is None:
        return
    for d in drafts:
        if d.start > at and d.entity is None and d.measure and _names_no_whole(w, fold(d.measure)):
            d.measure = country + d.measure
    if s.folded.rstrip().endswith(("；", ";")):
        state.breakdown_country = country


def _names_no_whole(w: Words, measure: str) -> bool:
    """Whether a folded measure names neither the country nor a region (全省) as its whole."""
    if w.national_re.search(measure) is not None:
        return False
    named = w.whole_re.match(measure)
    return named is None or named.group() not in w.region_words


def province_measures(w: Words, s: Parsed, drafts: list[Draft]) -> None:
    """A province's name standing alone before a statistic, perhaps with a time between
    (``浙江1—10月一般公共预算收入7362亿元``, ``entities.provinces``), makes the figure that
    province's: its measure opens with the name (浙江一般公共预算收入), a region
    (group.region_of), so it never meets the country's figure of that name. The figures after it
    in the sentence taking the same measure (``增长4.1%``) are the province's too. A name followed
    by more than a time (浙江龙盛营业收入) names a company, and nothing changes."""
    text = s.folded
    if not w.province_firsts or not any(ch in w.province_firsts for ch in text):
        return  # most sentences name no province at all
    renamed: dict[str, str] = {}
    for d in drafts:
        if d.type is ClaimType.EVENT or d.entity is not None or not d.measure:
            continue
        measure = fold(d.measure)
        if measure in renamed:
            d.measure = renamed[measure]
            continue
        if not _names_no_whole(w, measure):
            continue
        opening = max(text.rfind(p, 0, d.start) for p in "，。；：,;:") + 1
        head = text[opening : d.start]
        at = head.find(measure)
        if at <= 0:
            continue
        lead = head[:at].strip()
        named = w.province_re.match(lead)
        if named is None or not named.group(1):
            continue
        rest = lead[named.end() :].strip()
        if rest and rest != fold(d.time_quote or ""):
            continue  # more than a time between the name and the measure: a company's name
        renamed[measure] = named.group(1) + d.measure
        d.measure = renamed[measure]


def place_part_measures(w: Words, s: Parsed, drafts: list[Draft], state: ParagraphState) -> None:
    """Places listed after a breakdown word (其中) whose figures name no measure break down a
    group of places stated before (``一线城市新建商品住宅销售价格环比下降0.3%。其中，北京、上海分别
    上涨0.1%和0.2%``): each figure is its place's of the whole's measure without the group's words,
    up to the word naming the kind of place (``boilerplate.table_place_headers``: 城市), so 深圳's
    figure is 深圳's 新建商品住宅销售价格 and meets it where another source names 深圳 (a table's
    row). The whole is the last figure of the same type before the word, in its sentence or
    earlier in its paragraph, whose measure names such a group; none, and nothing changes."""
    if not w.place_kinds or not any(d.measure is None and d.entity_from == "subject" for d in drafts):
        return  # most sentences: every figure names a measure, or none is a subject's
    m = w.breakdown_re.search(s.folded)
    if m is None:
        return
    at = m.start()
    parts = [
        d
        for d in drafts
        if d.start > at and d.type is not ClaimType.EVENT and d.measure is None and d.entity_from == "subject"
    ]
    if not parts:
        return
    before = [d for d in drafts if d.start < at]
    for d in parts:
        whole = next(
            (
                x
                for x in (*reversed(before), *reversed(state.claims))
                if x.type is d.type and x.entity is None and x.measure and _group_end(w, x.measure) > 0
            ),
            None,
        )
        if whole is None or whole.measure is None:
            continue
        rest = whole.measure[_group_end(w, whole.measure) :]
        if len(rest) >= 2:
            d.measure, d.metric = rest, alias_metric(w, rest)


def _group_end(w: Words, measure: str) -> int:
    """Where the group of places a measure opens with ends (一线城市新建…: after 城市), else 0."""
    folded = fold(measure)
    return max((folded.find(k) + len(k) for k in w.place_kinds if k in folded), default=0)


def country_measures(w: Words, drafts: list[Draft], country: str | None) -> None:
    """The figures naming no one of a sentence that continues the country's figures after ；
    (``全国电影票房为80.16亿元，同比增长18.5%；观影人次为1.63亿``: ``country``, the word the sentence
    before wrote, 全国) are the country's: their measure is written with its word (全国观影人次), so
    they are never lent to a company the article names (group.unnamed_owners) and still meet the
    country's figures elsewhere (全国 is a keep-modifier)."""
    if country is None:
        return
    for d in drafts:
        if d.type is ClaimType.EVENT or d.entity is not None or d.entity_from is not None or not d.measure:
            continue
        if w.national_re.search(fold(d.measure)) is None:
            d.measure = country + d.measure


def framed_measures(
    w: Words, s: Parsed, drafts: list[Draft], state: ParagraphState, running: str | None
) -> None:
    """A sentence opening by framing a business line (``metrics.segment_frames``: ``财产险业务方面，
    …综合成本率为97.6%``, ``从学习服务看，第二财季入学人次约187.5万``) gives the figures after the
    frame that line: their measure is the line's (财产险业务综合成本率, 学习服务入学人次), so they meet
    the line's figures elsewhere and never the company's whole. A measure naming a line of its own
    (其中车险保费收入) or the line's words (资管业务方面，…资管收入) keeps its own. Runs over the
    sentences its sentence joins with ；(``running``, handed on in ``state.segment_frame``)."""
    line, at = running, 0
    pattern = w.segment_frame_re
    if pattern is not None and line is None:
        folded = s.folded
        lead = len(folded) - len(folded.lstrip())
        m = pattern.match(folded, lead)
        if m is not None:
            name = m.group(1)
            # 分业务看: a breakdown by lines; 在服务方面 read without its lead: no line
            if not name.startswith((*w.segment_not_lines, *w.segment_frame_leads)):
                line, at = s.text[m.start(1) : m.end(1)], m.end()
    if line is None:
        return
    key = fold(line)
    stem = next((key[: -len(end)] for end in w.segment_line_ends if key.endswith(end)), key)
    for d in drafts:
        if d.start < at or d.type is ClaimType.EVENT or not d.measure or len(d.measure.strip()) < 2:
            continue  # a one-character "measure" (以) names nothing to frame
        measure = fold(d.measure)
        if key in measure or (len(stem) >= 2 and stem in measure):
            continue
        if any(end in measure for end in w.segment_line_ends):
            continue  # 其中车险保费收入: a line of its own
        d.measure = line + d.measure
        d.metric = alias_metric(w, d.measure)
    if s.folded.rstrip().endswith(("；", ";")):
        state.segment_frame = line


def measure_of(w: Words, s: Parsed, f: Figure, metric_hit: Hit | None) -> tuple[str | None, str | None]:
    """The measure as written, and the metric it names exactly (other_services_revenue)."""
    q = f.q
    after = measure_after(w, s.folded, q.start, q.end)
    if after is not None:  # 以5.62GWh的装车量位居第三
        return s.text[after[0] : after[1]], folded_alias_metric(w, s.folded[after[0] : after[1]])
    if metric_hit is not None and metric_hit.start >= q.end:  # 3亿日活, 上万亿的电商交易额
        measure = s.text[metric_hit.start : metric_hit.end]
        return measure, alias_metric(w, measure)
    based = ratio_measure(w, s, f)
    if based is not None:  # 国际航线旅客周转量恢复至2019年同期的61.2%
        return s.text[based[0] : based[1]], None
    lo, hi = measure_span(s, f, metric_hit)
    a, b = trim(w, s.folded, lo, hi)
    for end in w.epithet_ends:  # 粮食生产“大头”的秋粮产量: the quoted epithet describes the head
        at = s.folded.rfind(end, a, b)
        if at >= 0:
            a = max(a, at + len(end))
    if b - a < 1 or b - a > MAX_MEASURE:
        return None, None
    skips = [
        h
        for h in f.hits
        if a <= h.start and h.end <= b and h.mask & MEASURE_SKIPS and not h.mask & Cue.METRIC
    ]
    if skips:
        text, folded, pos = [], [], a
        for h in skips:
            text.append(s.text[pos : h.start])
            folded.append(s.folded[pos : h.start])
            pos = h.end
        text.append(s.text[pos:b])
        folded.append(s.folded[pos:b])
        kept = "".join(folded)
        if not kept.strip():
            return None, None
        return "".join(text), folded_alias_metric(w, kept)
    return s.text[a:b], folded_alias_metric(w, s.folded[a:b])


def ratio_measure(w: Words, s: Parsed, f: Figure) -> tuple[int, int] | None:
    """Where the measure of a ratio against a base period is written (``kinds.ratio_before``:
    ``公司国际航线旅客周转量恢复至2019年同期的61.2%``): the measure named before the ratio's word,
    with the word and its base (``国际航线旅客周转量恢复至2019年同期``: the measure as a share of
    that base, never the level itself), past the subject and the times before it; None when the
    figure is no such ratio. A clause that names nothing before the word gives the word and its
    base (``，恢复至2019年同期的96.3%``: ``Claims.figure`` puts the measure before in front)."""
    folded = s.folded
    before = folded[f.q.start - 1 : f.q.start]
    if not f.times or (before != "的" and not before.isspace() and not folded.startswith("的", f.q.start)):
        return None  # most figures: no 的 (nor only spaces after one) right before them
    base = next(
        (
            t
            for t in f.times
            if folded.startswith("的", t.end) and folded[t.end + 1 : f.q.start].strip() == ""
        ),
        None,
    )
    if base is None:
        return None
    word = next((r for r in w.ratio_before if folded.endswith(r, 0, base.start)), None)
    if word is None:
        return None
    lo = f.cs
    for h in f.hits:
        if (h.mask & Cue.ENTITY) and not (h.mask & Cue.METRIC) and h.end <= base.start:
            lo = max(lo, h.end)
    for t in f.times:
        if t.end <= base.start - len(word):
            lo = max(lo, t.end)
    at = base.start - len(word)
    a, _b = trim(w, folded, lo, at)
    a = min(a, at)  # nothing named before the word: the word and its base
    if base.end - a > MAX_MEASURE:
        return None
    return a, base.end


def measure_span(s: Parsed, f: Figure, metric_hit: Hit | None) -> tuple[int, int]:
    """Where the measure phrase of the clause starts and ends (before trimming)."""
    q, cs, clause_hits, clause_times = f.q, f.cs, f.hits, f.times
    memo = s.span_memo  # narrowed and measure_of ask for the same figure's span in turn
    if memo is not None and memo[0] is q and memo[1] == cs and memo[2] is metric_hit:
        return memo[3]
    lo = cs
    # a figure and a space before the measure end a clause of their own (a title's
    # 10月CPI同比下降0.3% PPI同比下降2.6%: PPI, not CPI同比下降0.3% PPI)
    named = metric_hit.start if metric_hit is not None and cs <= metric_hit.start < q.start else q.start
    prior = s.last_quantity_end(named)
    # ... and so does a figure and 、 before a measure of two characters or more (a list of
    # specifications: 5号线全长32.6公里、7号线一期全长18.4公里: 7号线一期全长, not 5号线全长)
    listed = s.folded.startswith("、", prior) and named - prior > 2
    if prior > lo and (s.folded[prior : prior + 1].isspace() or listed):
        lo = prior
        clause_hits = [h for h in clause_hits if h.start >= lo]
        clause_times = [t for t in clause_times if t.start >= lo]
    metrics = [h for h in clause_hits if (h.mask & Cue.METRIC)]
    first = metrics[0].start if metrics else q.start
    # past the subject and the time that open the clause
    for h in clause_hits:
        if (h.mask & Cue.ENTITY) and not (h.mask & Cue.METRIC) and h.end <= first + 4:
            lo = max(lo, h.end)
    for t in clause_times:
        if t.end <= first:
            lo = max(lo, t.end)
    # a title in 《》 names a work, never a measure (公司主投主控的影片《长河落日》累计票房)
    titled = s.folded.rfind("》", lo, first)
    if titled >= 0 and s.folded[titled + 1 : first].strip():
        lo = titled + 1
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


def narrowed(w: Words, s: Parsed, f: Figure, metric_hit: Hit) -> bool:
    """Do words before the alias narrow the metric to a part (平台品牌自播GMV, 游戏收入)?"""
    q, cs, clause_hits = f.q, f.cs, f.hits
    if metric_hit.start < cs or metric_hit.start >= q.start:
        return False
    lo, hi = measure_span(s, f, metric_hit)
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
    words = w.neutral_re.sub("", BRACKETED.sub("", "".join(rest)))
    return bool(words.translate(PUNCT_DELETE))  # a character that is no punctuation


def trim(w: Words, folded: str, a: int, b: int) -> tuple[int, int]:
    """Cut punctuation, verbs, particles and qualifiers off both ends of ``folded[a:b]``."""
    if a >= b:
        return a, a
    if folded[a] in w.list_mark_firsts:  # 一、全国粮食总产量: the list's number is no word
        for mark in w.list_marks:
            m = mark.match(folded[a:b])
            if m is not None and m.end() > 0:
                a += m.end()
                break
    a = w.lead.match(folded, a, b).end()  # type: ignore[union-attr]  # matches empty
    m = w.tail.search(folded, a, b)
    return a, (m.start() if m is not None else b)


def alias_metric(w: Words, measure: str | None) -> str | None:
    if not measure:
        return None
    return folded_alias_metric(w, fold(measure))


def folded_alias_metric(w: Words, folded: str) -> str | None:
    """``alias_metric`` of a measure already folded (a slice of the folded sentence)."""
    return w.lexicon.metric_aliases.get(strip_skip(folded)) if folded else None


def is_money(w: Words, s: Parsed, f: Figure, metric: str | None) -> bool:
    if metric is not None:
        rule = w.metric_rules.get(metric)
        return rule is not None and rule.dimension == "money"
    return w.money_re.search(s.folded, f.cs, f.q.start) is not None


def what_is_measured(
    w: Words, s: Parsed, f: Figure, is_change: bool, prev: Draft | None, parallel: bool, state: ParagraphState
) -> tuple[str | None, str | None, Hit | None, Draft | None]:
    """(metric, measure as written, the alias the metric came from, an earlier claim whose
    measure this figure takes over)."""
    q = f.q
    metric, metric_hit, inherited = metric_of(w, s, f, is_change, prev, parallel, state)
    measure, measure_metric = measure_of(w, s, f, metric_hit)
    if inherited is not None:
        metric, measure = inherited.metric, inherited.measure
    elif measure_metric is not None:
        metric = measure_metric if fits(w, measure_metric, q, is_change) else None
    if metric_hit is not None and segment(w, s, metric_hit, metric):
        seg_measure = segment_measure(w, s, metric_hit)
        metric = alias_metric(w, seg_measure)
        if metric is not None and not fits(w, metric, q, is_change):
            metric = None
        measure = seg_measure
    if measure is None and metric_hit is not None:
        measure = s.text[metric_hit.start : metric_hit.end]
    return metric, measure, metric_hit, inherited


def unit_of(
    w: Words, s: Parsed, f: Figure, metric: str | None, metric_hit: Hit | None
) -> tuple[Dimension, str | None]:
    """The figure's dimension and unit: a bare figure in a money context is money."""
    q = f.q
    dimension, unit = q.dimension, q.unit
    named = metric_hit.metric if metric_hit is not None else None
    if unit is None and dimension is Dimension.COUNT and is_money(w, s, f, metric or named):
        return Dimension.MONEY, w.currency
    return dimension, unit


def is_duration(
    w: Words,
    is_change: bool,
    metric: str | None,
    dimension: Dimension,
    unit: str | None,
    measure: str | None = None,
) -> bool:
    """A duration (用了2年) no metric names: not a claim; a measure of days (周转天数为20.2天,
    units.duration_measures) names its figure."""
    return (
        not is_change
        and metric is None
        and not (measure and measure.endswith(w.duration_measures))
        and dimension is Dimension.COUNT
        and unit is not None
        and unit in w.durations
    )


def compared_measure(w: Words, s: Parsed, f: Figure, at: int) -> tuple[str | None, str | None]:
    """(measure, metric) a more/less figure's clause names before its comparison at ``at``
    (其中房地产开发贷款环比多增500多亿元 -> 房地产开发贷款; 企业中长期贷款较去年同期少增 ->
    企业中长期贷款), past the subject and the time that open the clause; (None, None) when
    it names none (同比多增1364亿元: the measure of the figure before)."""
    a, b = f.cs, at
    for h in f.hits:
        if (h.mask & Cue.ENTITY) and not (h.mask & Cue.METRIC) and h.start <= a + 1 and h.end <= b:
            a = max(a, h.end)
    for t in f.times:
        if t.start <= a + 1 and t.end <= b:
            a = max(a, t.end)
    a, b = trim(w, s.folded, a, b)
    if b - a < 2 or b - a > MAX_MEASURE:
        return None, None
    return s.text[a:b], folded_alias_metric(w, s.folded[a:b])


def own_change_measure(w: Words, s: Parsed, f: Figure) -> tuple[str | None, str | None]:
    """(measure, metric) a change's clause names before its change word, when it names one of
    its own: ``其中猪肉价格下降30.1%`` after ``畜肉类价格下降17.9%`` is the change of 猪肉价格,
    not of the measure before (``营业收入为204.93亿元，同比上涨33.4%`` names none: the level's).
    (None, None) when the words before the change word hold a figure, a comparison
    (``较上年同期的1624.1亿元下降9.6%``) or nothing but the subject and the time."""
    at = f.q.start
    for h in f.hits:
        if h.mask & OWN_CHANGE_CUTS:
            at = h.start
            break
    at = min(at, compared_at(w, s, f))
    if s.quantity_between(f.cs, at):
        return None, None
    if any(t.start > f.cs + 1 and t.start < at for t in f.times):
        return None, None  # a time inside the words: a comparison or a clause of its own
    measure, metric = compared_measure(w, s, f, at)
    if measure is None or any(c in fold_measure(measure) for c in w.comparison_before):
        return None, None
    return measure, metric


def restated_measure(w: Words, s: Parsed, f: Figure, measure: str | None, prev: Draft | None) -> str | None:
    """The fuller measure a shorter one only repeats the head of: ``动力电池累计装车量……，5月单月
    装车量5.62GWh`` writes the head (装车量) of the measure its sentence named just before, so the
    figure is of that measure (动力电池装车量 for May alone). None when the words before the head
    are too short to be a measure of their own (进出口 / 出口: one character is a different
    flow, not a qualifier), or the clause is a breakdown (其中: a part of the whole)."""
    if prev is None or prev.type is not ClaimType.FIGURE or not measure or not prev.measure:
        return None
    short, full = w.neutral_re.sub("", fold_measure(measure)), fold_measure(prev.measure)
    for _name, scope in w.scopes:
        # 全国粗钢产量7610万吨，1-11月累计粗钢产量9.52亿吨: the scope (累计) is the claim's own
        short = scope.sub("", short)
    if len(short) < 2 or not full.endswith(short):
        return None
    if w.breakdown_re.search(s.folded, prev.end, f.q.start):
        return None
    named = w.country_re.match(full)
    if named is not None and named.end() == len(full) - len(short):
        return prev.measure  # 全国粗钢产量7610万吨，1-11月累计粗钢产量9.52亿吨: the country's too
    rest = w.neutral_re.sub("", full[: -len(short)])
    if len(rest) < 2:
        return None
    return prev.measure


def per_one_base(w: Words, measure: str | None) -> tuple[str | None, int]:
    """A measure paid or counted on a ratio's base of N units (``metrics.ratio_bases``), as the
    measure per one unit and N: ``每10股派发现金红利`` -> (``每股派发现金红利``, 10), so 每10股派4.8元
    meets 每股派0.48元 once the figure is divided by N; (measure, 1) for any other measure."""
    if measure is None or w.ratio_base_re is None or "每" not in measure:
        return measure, 1
    m = w.ratio_base_re.search(fold(measure))
    if m is None:
        return measure, 1
    n = int(m.group(1))
    if n <= 1:
        return measure, 1
    return measure[: m.start(1)] + measure[m.end(1) :], n

"""Is a figure a change (同比增长86.1%) or a level, and which change: yoy, qoq or pp.

A change verb right before the figure (``同比增长86.1%``, ``增长了7.9倍``,
``下降3个百分点``) or right after it (``实现8倍增长``), or a rate noun before it
(``增速为47.7%``, ``这一增速下滑至234%``) makes a CHANGE claim; ``change`` is ``yoy``
(同比), ``qoq`` (环比) or ``change`` (unspecified). A decrease is negative:
``下降3%`` -> value -3 (low/high negated and swapped); the quote keeps the words. A verb
followed by 至/到/为 gives the new LEVEL (``从71.4%增长至90%``: 90% is a figure).

A figure that is the base of a comparison (``较去年同期的35.8%下降了11.2个百分点``, ``比9月的
50.2%下降0.7个百分点``) is a level, the base's, even with a change verb right after it. A
change its sentence states between two levels is linked to both (``link_levels``): the base
(``较2022年的9.77亿元``, ``由上年同期的1951.1亿元``) and the level it leads to (the figure of the
same unit right before the comparison, or after ``增至``), so the arithmetic can be checked.
"""

from __future__ import annotations

from kcheck.extract.claims.draft import Draft, ParagraphState
from kcheck.extract.claims.sentence import (
    CLAUSE_MARKS,
    MAX_AFTER_GAP,
    Figure,
    Parsed,
    last_hit,
)
from kcheck.extract.claims.words import Words, fold_measure
from kcheck.extract.lexicon import Cue
from kcheck.extract.types import Quantity
from kcheck.models import ClaimType, Dimension, Span
from kcheck.text.fold import fold

CHANGE_VERBS = Cue.CHANGE_VERB
RATE_NOUNS = Cue.RATE_NOUN
MAX_VERB_GAP = 3  # 同比增长了 77%: a change verb and its figure are this close at most
MAX_RATE_GAP = 10  # 增速则为 47.7%
MAX_OBJECT_GAP = 16  # 下调金融机构存款准备金率0.25个百分点: a verb, the rate it moves, then the points
MAX_INCREMENT = 8  # 新增企业中长期贷款: the measure an increment names is this long at most


def change_sign(w: Words, s: Parsed, f: Figure) -> tuple[bool, int]:
    """Is the figure a change (and its sign), or a level?"""
    q, clause_hits = f.q, f.hits
    folded = s.folded
    verb = last_hit(clause_hits, CHANGE_VERBS)
    rate = last_hit(clause_hits, RATE_NOUNS)
    if verb is not None and (rate is None or verb.start > rate.start):
        gap = folded[verb.end : q.start].strip()
        if gap.startswith(w.to_words):
            if rate is not None:  # 这一增速下滑至234%: the rate's new level, as written
                return True, -1 if (rate.mask & Cue.DECLINE_RATE) else 1
            return False, 1
        if len(gap) <= MAX_VERB_GAP and not s.quantity_between(verb.end, q.start):
            return True, -1 if (verb.mask & Cue.DECREASE) else 1
        if q.unit == "pp" and len(gap) <= MAX_OBJECT_GAP and not s.quantity_between(verb.end, q.start):
            # 下调金融机构存款准备金率0.25个百分点: percentage points after a change verb and the rate
            # it moves (verb, object, amount) are that change, signed by the verb
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
                if folded[h.end : h.end + 2].lstrip(" 了").startswith(w.to_words):
                    return False, 1  # 从71.4%增长至90%: 71.4% is the old level
                if compared_base(w, s, q.start, f.cs):
                    return False, 1  # 较去年同期的35.8%下降了11.2个百分点: the base's level
                return True, -1 if (h.mask & Cue.DECREASE) else 1
    return False, 1


def compared_at(w: Words, s: Parsed, f: Figure) -> int:
    """Where the comparison of a more/less figure begins in its clause: the first change word
    (同比, 上年同期) or time, and a comparison word right before it (比上年同期, 较9月)."""
    folded, cs = s.folded, f.cs
    at = f.q.start
    for h in f.hits:
        if h.change is not None:
            at = min(at, h.start)
            break
    for t in f.times:
        if t.start < at and t.start > cs:
            at = t.start
            break
    word = next((c for c in w.comparison_before if folded[cs:at].endswith(c)), "")
    return at - len(word)


def more_or_less(w: Words, s: Parsed, f: Figure) -> tuple[int, str | None]:
    """(+1 / -1, the base's label) when the figure is how much more / less its measure was than
    a base its clause compares with: ``同比多增1364亿元``, ``比上年同期多1970亿元``, ``环比多增超过
    1500亿元``, ``较去年同期少增近2000亿元``, ``较9月多增1013亿元``; (0, None) otherwise.

    The comparison is a change word (同比, 环比, 上年同期), or a comparison word and a time
    (较9月): the base's label is then that time's span (``vs 2021-09-01..2021-09-30``), for a
    change against it meets only changes against the same base."""
    folded, cs = s.folded, f.cs
    head = folded[cs : f.q.start].rstrip(" 了")
    if not head.endswith(w.more_less_words):
        return 0, None  # most figures: one C call rules every word out
    for word, sign in w.more_less:
        if not head.endswith(word):
            continue
        end = cs + len(head) - len(word)
        if any(h.change is not None and h.end <= end for h in f.hits):
            return sign, None
        for t in f.times:
            if t.end <= end and any(folded[cs : t.start].endswith(c) for c in w.comparison_before):
                return sign, f"vs {t.span.start.isoformat()}..{t.span.end.isoformat()}"
        return 0, None
    return 0, None


def increment_of(w: Words, measure: str | None) -> str | None:
    """The measure an increment names the increase of (新增人民币贷款 -> 人民币贷款, 净增用户 ->
    用户; as a verb after it: 表内贷款新增 -> 表内贷款), or None when the measure has no
    increment word at either end or leaves fewer than two characters, or more than a measure
    noun takes (新增风控前置化刷脸策略累计拦截2145场: something newly added, then a figure)."""
    if not measure:
        return None
    folded = fold_measure(measure)
    for word in w.increment:
        if not len(word) + 2 <= len(folded.strip()) <= len(word) + MAX_INCREMENT:
            continue
        if folded.startswith(word):
            return measure[len(word) :]
        if folded.endswith(word):
            return measure[: -len(word)]
    return None


def change_type(s: Parsed, q: Quantity) -> str:
    """``yoy`` (同比) / ``qoq`` (环比) in the clause, else earlier in the sentence with no figure
    in between (与去年同期相比，该项收入的增速为7.1%); ``change`` when none is named."""
    for h in reversed(s.hits_in(s.last_quantity_end(q.start), q.start)):
        if h.change is not None:
            return h.change
    return "change"


def loss_as_profit(w: Words, draft: Draft) -> None:
    """A loss written as an amount (``metrics.<name>.loss_of``: 上年同期亏损1.12亿元, 经营亏损
    219.11亿元) is its profit below zero (净利润 -1.12亿元), so that a loss and a negative
    profit meet; a change of a loss (同比收窄35%) stays the loss's, and so does the loss of no
    one named (a sector's line in a statistics table: its profit would meet a stranger's)."""
    if draft.type is not ClaimType.FIGURE or draft.dimension is not Dimension.MONEY or draft.metric is None:
        return
    if draft.entity is None:
        return  # 开采专业及辅助性活动上年同期亏损15.9亿元: whose? no profit to meet
    rule = w.metric_rules.get(draft.metric)
    if rule is None or rule.loss_of is None:
        return
    draft.metric = rule.loss_of
    value, low, high = draft.value, draft.low, draft.high
    draft.value = -value if value is not None else None
    draft.low, draft.high = (-high if high is not None else None), (-low if low is not None else None)


def year_to_date_change(w: Words, s: Parsed, f: Figure, draft: Draft, prev: Draft | None = None) -> None:
    """A change that names no comparison (增长8.8%) of a period running from the year's start
    for more than a month (前10个月, 1-10月, 前三季度, 上半年, 全年) is year on year: a running total
    of the year is compared with the same months a year before (海关总署: 前10个月……民营企业进出口
    20.01万亿元，增长8.8% = 同比增长8.8%). Not when its clause compares with something else
    (比前三季度回落0.1个百分点), nor for an amount a balance grew by (上半年增加8365亿元: since
    the period's start; a change naming no measure is of ``prev``'s, the figure before)."""
    span = draft.period
    if draft.type is not ClaimType.CHANGE or draft.change != "change" or span is None:
        return
    if (span.start.month, span.start.day) != (1, 1) or (span.end.year, span.end.month) <= (
        span.start.year,
        span.start.month,
    ):
        return
    if w.compares(s.folded[f.cs : f.q.start]):
        return
    measure = draft.measure if draft.measure is not None or prev is None else prev.measure
    if draft.unit not in ("%", "pp") and measure and any(word in measure for word in w.stock_words):
        # 贷款余额10.01万亿元…；上半年增加8365亿元: the amount a balance (metrics.stock_words) grew
        # by over the running period, from its start, not a change on the year before
        return
    draft.change = "yoy"


def breakdown_changes(
    w: Words, s: Parsed, drafts: list[Draft], state: ParagraphState, running: str | None
) -> None:
    """A change after a breakdown word (``kinds.breakdown``: 其中) that names no comparison of its
    own is of the comparison of the whole it breaks down: the last change before that word, in
    its sentence or earlier in its paragraph, that names one (``全国居民消费价格同比下降0.3%。
    其中，城市下降0.2%`` is year on year; a change naming none before it is passed over:
    ``影响CPI下降约0.60个百分点。食品中……其中猪肉价格下降30.1%`` takes 食品烟酒类价格's 同比).
    A breakdown runs over the sentences its sentence joins with ；(``running``: the whole's
    comparison, handed on in ``state.breakdown``)."""
    m = w.breakdown_re.search(s.folded)
    at = -1
    whole: str | None = running
    if m is not None:
        at = m.start()
        before = [d for d in drafts if d.start < at]
        whole = next(
            (
                d.change
                for d in (*reversed(before), *reversed(state.claims))
                if d.type is ClaimType.CHANGE and d.change is not None and d.change != "change"
            ),
            None,
        )
    if whole is None:
        return
    for d in drafts:
        if d.start > at and d.type is ClaimType.CHANGE and d.change == "change":
            d.change = whole
    if s.folded.rstrip().endswith(("；", ";")):
        state.breakdown = whole


def signed(q: Quantity, sign: int) -> tuple[float | None, float | None, float | None]:
    """(value, low, high) of the figure; a decrease (``下降3%``) is negative, its interval flipped."""
    value, low, high = q.value, q.low, q.high
    if sign < 0:
        value = -value if value is not None else None
        low, high = (-high if high is not None else None), (-low if low is not None else None)
    return value, low, high


# between a new level and its change (增至2046.7亿元，增幅达8.1%): rate nouns, change verbs
# and words, and these fillers only (净利润增幅达 names another measure)
RATE_WORDS = Cue.RATE_NOUN | Cue.CHANGE_VERB | Cue.CHANGE
RATE_FILLERS = "达为了约是"
MAX_LEVEL_GAP = 12  # 归母净利润12.08亿元，较2022年的: the level and its comparison are this close
MAX_RATE_LEAD = 8  # 增至2046.7亿元，增幅达8.1%: the new level and the change are this close


def compared_base(w: Words, s: Parsed, start: int, lo: int) -> bool:
    """Is the figure at ``start`` the base of a comparison as written: a comparison word, then
    a time or 的 (or both) right before it (较2022年的9.77亿元, 比9月的50.2%, 由上年同期的1951.1亿元)?
    A bare ``比`` (占比35%) is not enough."""
    return comparison_at(w, s, start, lo) is not None


def comparison_at(w: Words, s: Parsed, start: int, lo: int) -> int | None:
    """Where the comparison word of the base figure at ``start`` begins (see compared_base)."""
    folded = s.folded
    pos = start
    while pos > lo and folded[pos - 1] == " ":
        pos -= 1
    marked = pos > lo and folded[pos - 1] == "的"
    if marked:
        pos -= 1
    before = s.times_before(pos)
    if len(before) and s.times[before[-1]].end == pos and s.times[before[-1]].start >= lo:
        pos = s.times[before[-1]].start
        marked = True
    if not marked:
        return None
    head = folded[lo:pos]
    word = next((c for c in (*w.comparison_before, *w.change_from) if head.endswith(c)), None)
    return None if word is None else pos - len(word)


def _only_connectives(s: Parsed, a: int, b: int, mask: int = Cue.CHANGE, fillers: str = "") -> bool:
    """Is ``[a, b)`` only clause marks, spaces, ``fillers`` and words of ``mask`` (by default
    the change words 同比, 环比)? Then nothing between a level and a comparison names another
    measure (净利润5亿元，营收较上年的…)."""
    covered = [False] * max(0, b - a)
    for h in s.hits_in(a, b):
        if h.mask & mask:
            for i in range(h.start - a, h.end - a):
                covered[i] = True
    for i, ch in enumerate(s.folded[a:b]):
        if covered[i] or ch in " ,;:" or ch in fillers:
            continue
        if not (ch in "环同" and s.folded[a + i + 1 : a + i + 2] == "比"):
            return False
    return True


def _change_to(w: Words, gap: str) -> bool:
    """Is ``gap`` (between the old level and a figure) a change to that figure (增至, 提升至)?"""
    gap = gap.strip().removesuffix("了")
    for to in w.to_words:
        if gap.endswith(to):
            verb = gap[: -len(to)].rstrip(" 了")
            return verb in w.change_to_verbs
    return False


def _same_measure(a: Draft, b: Draft) -> bool:
    return (a.dimension, a.unit) == (b.dimension, b.unit) and a.kind is b.kind


def _levels_fit(change: Draft, level: Draft) -> bool:
    """A percentage change between money or count levels, a points change between percentages."""
    if change.dimension is Dimension.POINTS:
        return level.dimension is Dimension.PERCENT
    return change.dimension is Dimension.PERCENT and level.dimension in (Dimension.MONEY, Dimension.COUNT)


MAX_MEASURE_AFTER = 8  # characters of a measure written after its figure (档期票房)


def measure_after(w: Words, folded: str, start: int, end: int) -> tuple[int, int, int] | None:
    """Where the measure written after the figure at ``[start, end)`` begins and ends, and where
    the verb after it ends: ``以`` + figure + ``的`` + measure + a verb (``kinds.measure_after_lead``,
    ``measure_after_verbs``: 锐能电池以5.62GWh的装车量位居第三); None when it is not written so."""
    if folded[end : end + 1] != "的":
        return None
    lead = start
    while lead > 0 and folded[lead - 1] == " ":
        lead -= 1
    if not folded.endswith(w.measure_after_lead, 0, lead):
        return None
    a = end + 1
    firsts = w.measure_after_firsts
    for i in range(a + 1, min(len(folded), a + MAX_MEASURE_AFTER + 1)):
        verb = (
            None
            if firsts is not None and folded[i] not in firsts
            else next((v for v in w.measure_after_verbs if folded.startswith(v, i)), None)
        )
        if verb is not None:
            return a, i, i + len(verb)
        if not ("\u4e00" <= folded[i] <= "\u9fff"):
            return None
    return None


def link_levels(w: Words, s: Parsed, drafts: list[Draft]) -> None:
    """Link each change stated between two levels of its sentence to both (``base_at``,
    ``level_at``), and give it the new level's period (the time before the base is the base's):

    * ``归母净利润12.08亿元，较2022年的9.77亿元增长32.6%``: level, base, change verb, change;
    * ``由上年同期的1951.1亿元增至2046.7亿元，增幅达8.1%``: base, 增至 level, change.

    Nothing is linked in a sentence that restates its base (``按可比口径``)."""
    folded = s.folded
    if len(drafts) < 3 or any(word in folded for word in w.restated_basis):
        return  # a change, its level and its base: three drafts at least
    for i, change in enumerate(drafts):
        if i < 2 or change.type is not ClaimType.CHANGE:
            continue
        before, just = drafts[i - 2], drafts[i - 1]
        if just.type is not ClaimType.FIGURE or not _levels_fit(change, just):
            continue
        # 以80.16亿元的票房收官，较2023年春节档的67.65亿元增长28.5%: the level's measure and verb
        # written after it stand between it and the comparison
        written_after = measure_after(w, folded, before.start, before.end)
        before_end = written_after[2] if written_after is not None else before.end
        gap = folded[just.end : change.start]
        base = level = None
        compared = comparison_at(w, s, just.start, s.clause(just.start)[0])
        if (
            compared is not None
            and len(gap.strip()) <= MAX_VERB_GAP + 2
            and any(h.mask & CHANGE_VERBS for h in s.hits_in(just.end, change.start))
            and before.type is ClaimType.FIGURE
            and _same_measure(before, just)
            and just.start - before_end <= MAX_LEVEL_GAP
            and sum(ch in CLAUSE_MARKS for ch in folded[before_end : just.start]) <= 1
            and _only_connectives(s, before_end, compared)
        ):
            base, level = just, before  # 12.08亿元，较2022年的9.77亿元增长32.6%
        elif (
            before.type is ClaimType.FIGURE
            and _same_measure(before, just)
            and compared_base(w, s, before.start, s.clause(before.start)[0])
            and _change_to(w, folded[before.end : just.start])
            and len(gap) <= MAX_RATE_LEAD
            and sum(ch in CLAUSE_MARKS for ch in gap) <= 1
            and _only_connectives(s, just.end, change.start, RATE_WORDS, RATE_FILLERS)
        ):
            base, level = before, just  # 由上年同期的1951.1亿元增至2046.7亿元，增幅达8.1%
        if base is None or level is None:
            continue
        change.base_at, change.level_at = base.start, level.start
        change.period, change.time_quote = level.period, level.time_quote
        change.period_from = level.period_from
        change.period_carries = level.period_carries
        _same_thing(base, level)
        # 较上年同期的1624.1亿元下降9.6%: the change of the measure both levels are of (the base
        # had none of its own when the change took it over)
        _same_thing(change, level)
        if change.change == "change" and (
            _year_before(base.period, level.period) or _same_time_a_year_before(w, base, level)
        ):
            change.change = "yoy"  # 较上年同期的1624.1亿元下降9.6%: against the same months a year before


def _year_before(base: Span | None, level: Span | None) -> bool:
    """Is ``base`` the span ``level`` covers, one year earlier (上年同期 of 今年1-10月)?"""
    if base is None or level is None:
        return False
    try:
        start = level.start.replace(year=level.start.year - 1)
        end = level.end.replace(year=level.end.year - 1)
    except ValueError:  # 29 February
        return False
    return base.start == start and base.end == end


def _same_time_a_year_before(w: Words, base: Draft, level: Draft) -> bool:
    """Are the two levels of one time as written, a year apart (较2023年春节档的67.65亿元 against
    今年春节档: a festival's break moves with the lunar calendar, so its days differ)?"""
    if base.period is None or level.period is None or level.period.start.year - base.period.start.year != 1:
        return False
    rest = _yearless(w, base.time_quote)
    return bool(rest) and rest == _yearless(w, level.time_quote)


def _yearless(w: Words, quote: str | None) -> str | None:
    """A time as written without the year it opens with (2023年春节档, 今年春节档 -> 春节档);
    None when it opens with no year."""
    text = fold(quote or "")
    digits = len(text) - len(text.lstrip("0123456789"))
    if digits == 4 and text[4:5] == "年":
        return text[5:]
    words = [r for r in w.relative_words if text.startswith(r)]
    return text[len(max(words, key=len)) :] if words else None


def _same_thing(base: Draft, level: Draft) -> None:
    """The base of a comparison is the same measure of the same subject as the level it is
    compared with (较上年同期的1624.1亿元: 累计合约销售金额 of 锦程地产), whatever its own clause
    names: it takes the level's entity, metric, measure and scope where it names none."""
    if base.metric is None and base.measure is None:
        base.metric, base.measure = level.metric, level.measure
    if base.scope is None:
        base.scope = level.scope
    if base.entity is None and level.entity is not None:
        base.entity, base.entity_from = level.entity, level.entity_from

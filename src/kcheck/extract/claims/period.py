"""When a figure holds: the period chosen from the time expressions around it.

From the governing time expression: the nearest one before the figure in its clause,
else earlier in the sentence, else the last period established earlier in the
paragraph (a claim's period taken from a time that was not the base of a comparison).
A time that is the base of a comparison (``与去年同期相比``, ``较9月多增``, ``相比2019年``,
``以2019年同期为基期``, ``由上年同期的1951.1亿元增至``) does not govern a change, nor a figure other than the base's own
value (``较去年同期的35.8%``). A relative word the time pass could not resolve (今年 with no publication date),
or a word for "now" (``目前月GMV已突破千万``), blocks every fallback: the period is None,
never guessed. ``截至`` a quarter's last day
(``截至2020年6月30日``) gives that day for a level at a moment, but the year to that day
for a flow metric (GMV, revenue) or an average (``平均重复购买率``): that is the
half-year, the first three quarters or the year; so too when such a day is carried from an
earlier sentence (``截至2021年末，总资产...。营业收入7653.29亿元``). Open-ended times (``2020年起``,
``2025年前``) give no period. A target set at a part of a year (``2020年年初 ... 目标
是2000亿元``) is the year's target. A word for the period under report (``报告期内``, ``该季度``,
``期内``) in a paragraph that names no period is the last period the article named before.
So too, as an *inferred* link (``period_from="inferred"``), for an amount, count or percent of a flow with no
time of its own in a paragraph that names no time (``分季节看，秋粮产量10562.7亿斤`` after
``2023年全国粮食总产量14036.5亿斤``): never a stock or balance (``metrics.stock_words``),
never when the paragraphs before named more than one year.
"""

from __future__ import annotations

import datetime as dt
import re

from kcheck.extract.claims.draft import Draft, ParagraphState
from kcheck.extract.claims.sentence import (
    Figure,
    Parsed,
)
from kcheck.extract.claims.words import Words, fold_measure
from kcheck.extract.festivals import official_break
from kcheck.extract.types import Granularity, TimeExpr
from kcheck.models import ClaimKind, ClaimType, Dimension, Span
from kcheck.text.calendar import is_quarter_end

STANDING = "standing"


def is_standing(w: Words, draft: Draft) -> bool:
    """Is the figure a standing attribute of a thing (``kinds.standing``: 5号线全长, 大桥主跨), a
    level whose measure ends with one of those words, not a change of it (缩短, 延长), nor a
    period's deal or work (``kinds.standing_flows``: 住宅用地成交规划建筑面积)?"""
    if draft.type is not ClaimType.FIGURE or draft.metric is not None or draft.measure is None:
        return False
    measure = fold_measure(draft.measure)
    return measure.endswith(w.standing) and not any(word in measure for word in w.standing_flows)


def dates_done_event(w: Words, s: Parsed, t: TimeExpr) -> bool:
    """Is ``t`` a day (not a running time: 截至, 起) that dates what a subject did once in its
    clause (a verb class of ``events`` with ``verb: once``: 投产, 成立, 开业) after it?"""
    if t.granularity is not Granularity.DAY or getattr(t, "anchor_kind", None) is not None:
        return False
    _cs, ce = s.clause(t.start)
    return any(h.event is not None and w.event_verbs.get(h.event) == "once" for h in s.hits_in(t.end, ce))


def period_of(
    w: Words,
    s: Parsed,
    f: Figure,
    draft: Draft,
    is_change: bool,
    prev: Draft | None,
    inherited: Draft | None,
    state: ParagraphState,
    used: set[int],
) -> None:
    q, cs = f.q, f.cs
    folded = s.folded
    if is_standing(w, draft):
        # 5号线全长32.6公里: what a thing is holds for no period (compared as scope `standing`)
        draft.scope = STANDING
        return
    # a relative word the time pass could not resolve, or "now" (目前), blocks every guess
    if w.present_re.search(folded, cs, q.start) is not None:
        return
    for m in w.relatives(folded, cs, q.start):
        if not s.in_time(m.start()):
            return
    chosen: int | None = None
    for i in reversed(s.times_before(q.start)):
        t = s.times[i]
        if is_base(w, folded, t) and (not own_value(folded, t, q.start) or is_ratio_base(w, folded, t)):
            continue
        if t.end <= f.cs and folded.endswith(w.same_period, t.start, t.end) and states_base(w, s, t):
            continue  # 上年同期为2.83亿美元，同比增长36.2%: the base's own clause only
        if (
            t.end <= f.cs
            and dates_done_event(w, s, t)
            and not any(d in folded[t.end : q.start] for d in w.first_days)
        ):
            # 于11月18日正式投产，…达产后年产能为空调500万台: the day of what was done, not the
            # period of a figure in a later clause (a capacity, an investment, a target); its
            # first days are (开业首日销售额: first_days)
            return
        chosen = i  # the nearest: in the clause if the clause has one, else earlier
        break
    held = None
    if (
        w.holiday_re.search(folded, f.cs, q.start) is not None
        or holiday_after(w, folded, q.end) is not None
        or ranked_in_break(w, folded, q.end) is not None
    ):
        held = holiday_of(w, s, f, state, s.times[chosen] if chosen is not None else None)
    if held is not None:
        # 据测算，假期异地游客占比达到43.7%: the holiday break the article named last
        draft.period, draft.time_quote = held
        draft.period_carries = True
        return
    if chosen is None:
        source = prev if prev is not None and prev.period is not None else None
        if source is None and inherited is not None and inherited.period is not None:
            source = inherited
        if source is not None:
            draft.period, draft.time_quote = source.period, source.time_quote
            draft.period_carries = source.period_carries
            draft.period_from = source.period_from
        elif state.period is not None:
            draft.period, draft.time_quote = state.period, state.period_quote
            draft.period_carries = True
        else:
            report = report_period(w, folded, q.start, state)
            if report is not None:
                # 报告期内，车险保费收入486.2亿元: the period the article named before
                draft.period, draft.time_quote = report
                draft.period_carries = True
            elif state.inferred_period is not None and takes_article_period(w, s, f, draft, state):
                # 2023年全国粮食总产量14036.5亿斤……。<p>分季节看，秋粮产量10562.7亿斤: the
                # article's period, inferred (extract drops it if the paragraph names a time)
                draft.period, draft.time_quote = state.inferred_period, state.inferred_period_quote
                draft.period_from = "inferred"
        carried = draft.period
        day_carried = carried is not None and carried.start == carried.end and is_quarter_end(carried.end)
        if carried is not None and day_carried and draft.scope != "cumulative" and is_flow(w, s, f, draft):
            # 截至2021年末，总资产超12万亿元。营业收入7653.29亿元: the year to that day
            draft.period = Span(start=dt.date(carried.end.year, 1, 1), end=carried.end)
        elif (
            carried is not None and within_year(carried) and draft.scope is None and is_stock(w, s, f, draft)
        ):
            # 上半年增加9.16万亿元。分期限看，短期贷款余额42.51万亿元: the balance at the half's end
            draft.period = Span(start=carried.end, end=carried.end)
        return
    t = s.times[chosen]
    used.add(chosen)
    if folded[t.start : t.end] in w.full_year:
        # 回看2023财年（截至2023年5月31日），启明教育全年净营收为13.45亿美元: that fiscal year
        for i in reversed(range(chosen)):
            u = s.times[i]
            if u.fiscal and u.granularity is Granularity.YEAR:
                t = u
                break
    span = span_of(w, s, f, t, draft)
    if span is not None and t.granularity is Granularity.DAY and span.start == span.end:
        span = first_days(w, s, t, f.q.start, span)
    if span is None:
        span = running_year(w, s, t, state)
    if span is None:
        return
    if (
        draft.scope == "cumulative"
        and getattr(t, "anchor_kind", None) == "as_of"
        and t.granularity is Granularity.DAY
    ):
        span = break_to_day(s, t, span, state)
        if span.start != span.end:
            draft.scope = None  # the break's running total is the break's figure (春节档票房)
    if t.granularity is Granularity.YEAR and (
        is_base(w, folded, t) or folded.endswith(w.same_period, t.start, t.end)
    ):
        # 今年春节档……57.7%，去年同期这一比例为52.3% / 较去年的52.4元: last year's break
        span = holiday_in_year(w, s, t, span) or span
    if draft.scope == "cumulative" and t.granularity is Granularity.YEAR:
        span = year_to_date(s, t, span)
    span = balance_at_month_end(w, s, f, t, draft, span)
    draft.period = span
    draft.time_quote = s.text[t.start : t.end]
    draft.period_carries = not is_base(w, folded, t) and not (
        folded.endswith(w.same_period, t.start, t.end) and states_base(w, s, t)
    )


def balance_at_month_end(w: Words, s: Parsed, f: Figure, t: TimeExpr, draft: Draft, span: Span) -> Span:
    """A balance or running total dated by a month's 底 (``time.month_parts``: the month's last
    days) holds at its last day, as after 截至 (此前，9月底公募基金资产净值合计为36.37万亿元 is the
    balance of 09-30; 10月底将发布 stays the month's last days): a figure whose scope is cumulative
    (合计, 累计) or whose clause names a stock (``metrics.stock_words``: 余额, 总资产)."""
    if span.start == span.end or span.end.day < 28 or span.start.day < 20:
        return span
    if not s.folded[t.start : t.end].endswith(w.month_end_words):
        return span
    words = s.folded[f.cs : f.q.start] + (fold_measure(draft.measure) if draft.measure else "")
    if draft.scope != "cumulative" and not any(word in words for word in w.stock_words):
        return span
    return Span(start=span.end, end=span.end)


def holiday_of(
    w: Words, s: Parsed, f: Figure, state: ParagraphState, governing: TimeExpr | None
) -> tuple[Span, str] | None:
    """The holiday break a break word alone (假期, 黄金周) in the figure's clause points back
    to, after the time that would govern the figure (``governing``): the last break its
    paragraph named, else the first the article named (what it is about: a paragraph comparing
    五一 and 端午 does not change that); with a governing day (9月29日……开业，开业首个黄金周)
    the last of those holding that day. None holds it, or none was named: no period."""
    after = governing.end if governing is not None else 0
    words = list(w.holiday_re.finditer(s.folded, max(f.cs, after), f.q.start))
    behind = holiday_after(w, s.folded, f.q.end) or ranked_in_break(w, s.folded, f.q.end)
    if behind is not None:
        # 以26.84亿元的档期票房位居第一: the break of the measure it is; 19.37亿元，位列档期第二
        words.append(behind)
    for m in words:
        if s.in_time(m.start()):
            continue  # 中秋国庆假期: the break is named here, read by the time pass
        named = [state.document_holiday] if state.document_holiday is not None else []
        named.extend(state.holidays)
        named.extend((t.span, s.text[t.start : t.end]) for t in s.times if t.holiday and t.end <= m.start())
        for span, quote in reversed(named):
            if governing is None or span.start <= governing.span.start <= span.end:
                return span, quote
        return None
    return None


def break_to_day(s: Parsed, t: TimeExpr, span: Span, state: ParagraphState) -> Span:
    """A running total as of a day inside a holiday break the article named runs from the
    break's first day (2024年春节档（2月10日至17日）……截至2月17日，《长河落日》累计票房26.84亿元:
    02-10..02-17), else the day as read."""
    named = [state.document_holiday] if state.document_holiday is not None else []
    named.extend(state.holidays)
    named.extend((u.span, "") for u in s.times if u.holiday and u.end <= t.start)
    for held, _quote in reversed(named):
        if held.start < span.end <= held.end:
            return Span(start=held.start, end=span.end)
    return span


def year_to_date(s: Parsed, t: TimeExpr, span: Span) -> Span:
    """A year's running total up to the day the sentence named before with 截至 (截至11月底，
    今年已累计交付31.06万辆: January to November), else the year as read."""
    for u in reversed(s.times[: s.times.index(t)] if t in s.times else []):
        if getattr(u, "anchor_kind", None) == "as_of" and span.start <= u.span.end < span.end:
            return Span(start=span.start, end=u.span.end)
    return span


def holiday_in_year(w: Words, s: Parsed, t: TimeExpr, span: Span) -> Span | None:
    """The holiday break named earlier in the sentence (a festival's, 春节档), in the year of
    ``t``, a whole year that is the base of a comparison or its 同期; None if none was named."""
    if span.start.year != span.end.year:
        return None
    named = [u for u in s.times if u.holiday and u.end <= t.start]
    if not named:
        return None
    last = named[-1]
    holidays = {
        w.festival_holidays[m.group()] for m in w.festival_re.finditer(s.folded, last.start, last.end)
    }
    breaks = [official_break(h, span.start.year) for h in holidays if h is not None]
    if not breaks or any(b is None for b in breaks):
        return None
    return Span(start=min(b.start for b in breaks if b), end=max(b.end for b in breaks if b))


def holiday_after(w: Words, folded: str, end: int) -> re.Match[str] | None:
    """A break word alone right after the figure and 的, heading the measure it is a value of
    (``以26.84亿元的档期票房位居第一``), else None."""
    if not folded.startswith("的", end):
        return None
    return w.holiday_re.match(folded, end + 1)


def ranked_in_break(w: Words, folded: str, end: int) -> re.Match[str] | None:
    """The break word a figure is ranked in right after it (``《雪原追踪》累计票房19.37亿元，位列档期
    第二``: a verb of rank, ``kinds.measure_after_verbs``, then a break word, ``time.holiday_words``):
    it is the break's figure, as one written before a break's measure (``档期票房``); else None."""
    at = end + 1 if folded[end : end + 1] in ",，" else end
    firsts = w.measure_after_firsts
    if firsts is not None and folded[at : at + 1] not in firsts:
        return None  # no verb of rank starts here: the usual case, decided without trying each
    verb = next((v for v in w.measure_after_verbs if folded.startswith(v, at)), None)
    return w.holiday_re.match(folded, at + len(verb)) if verb is not None else None


def report_period(w: Words, folded: str, at: int, state: ParagraphState) -> tuple[Span, str | None] | None:
    """The period under report, when a clause before ``at`` opens with a word for it
    (报告期内，…): the last period the article named, unless that one ended before the first
    it named that runs over time (its title or lede name the report, 2023年年度报告, and a
    table's comparison column, 2022年, came last): then that first one. For a quarter's word
    (该季度, 当季) the last quarter."""
    for m in w.report_period_re.finditer(folded, 0, at):
        if m.start() > 0 and folded[m.start() - 1] not in CLAUSE_OPENERS:
            continue
        if "季" in m.group():
            quarter = state.document_quarter
            return (quarter, state.document_quarter_quote) if quarter is not None else None
        period, frame = state.document_period, state.document_frame
        if frame is not None and (period is None or period.end < frame.end):
            return frame, state.document_frame_quote
        return (period, state.document_period_quote) if period is not None else None
    return None


def is_quarter(span: Span) -> bool:
    s, e = span.start, span.end
    return (
        s.day == 1 and s.month % 3 == 1 and (e.year, e.month) == (s.year, s.month + 2) and is_quarter_end(e)
    )


CLAUSE_OPENERS = frozenset(" ，,；;：:。")


# a month, a quarter or a half named for a balance (metrics.stock_words) dates it at its last day
_BALANCE_GRAINS = (Granularity.MONTH, Granularity.QUARTER, Granularity.HALF)


def within_year(span: Span) -> bool:
    """A running period shorter than its calendar year (a month, a quarter, a half, 1-9月): a
    balance carried to from one holds at its last day, a year's is left as it is."""
    if span.start == span.end or span.start.year != span.end.year:
        return False
    return not (span.start.month == 1 and span.start.day == 1 and span.end.month == 12 and span.end.day == 31)


def span_of(w: Words, s: Parsed, f: Figure, t: TimeExpr, draft: Draft) -> Span | None:
    anchor = getattr(t, "anchor_kind", None)
    span = t.span
    if (
        anchor == "since"
        and s.folded.startswith(t.anchor or "\0", t.start)
        and own_value(s.folded, t, f.q.start)
    ):
        return span  # 自6月的5.4%以来持续收窄: the figure is that month's own value
    if anchor in ("since", "before", "after", "within"):
        return None
    if anchor is None and t.granularity in _BALANCE_GRAINS and not t.cumulative and is_stock(w, s, f, draft):
        # 华联移动10月5G套餐用户净增312万户，累计达5.46亿户: the running total at the month's end;
        # 上半年增加9.16万亿元。分期限看，短期贷款余额42.51万亿元: the balance at the half's end
        return Span(start=span.end, end=span.end)
    if anchor == "as_of" and t.granularity is Granularity.DAY and draft.scope != "cumulative":
        day = span.end
        if is_quarter_end(day) and is_flow(w, s, f, draft):
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


def first_days(w: Words, s: Parsed, t: TimeExpr, at: int, span: Span) -> Span:
    """The first days from a day, named after it (``time.first_days``): ``于11月9日开业的广州百悦
    天河店首周实现销售额3.21亿元`` holds for 11-09..11-15; the last such word before the figure
    counts (``其中开业首日销售额1.36亿元``: that day)."""
    between = s.folded[t.end : at]
    found = [(between.rfind(word), n) for word, n in w.first_days.items() if word in between]
    if not found:
        return span
    _at, n = max(found)
    return Span(start=span.start, end=span.start + dt.timedelta(days=n - 1))


def running_year(w: Words, s: Parsed, t: TimeExpr, state: ParagraphState) -> Span | None:
    """A year's start running to now (``今年以来``, ``time.open_to_now``): the year to the day
    its sentence is as of (``截至10月29日，海辰重工今年以来新接订单86艘``; ``今年以来，瀚海银行股价累计
    上涨12.4%，截至3月29日收盘``), else to the article's publication; None for any other open time
    (``2020年起``: from then on) or without either day."""
    if t.anchor_kind != "since" or t.granularity is not Granularity.YEAR:
        return None
    if not s.folded.endswith(w.open_to_now, t.start, t.end):
        return None
    start = t.span.start
    days = [u.span.end for u in s.times if u.anchor_kind == "as_of" and u.granularity is Granularity.DAY]
    end = days[0] if len(days) == 1 else state.published if not days else None
    if end is None or end < start or end.year != start.year:
        return None
    return Span(start=start, end=end)


_INFERRED_DIMENSIONS = (Dimension.MONEY, Dimension.COUNT, Dimension.PERCENT, Dimension.POINTS)


def takes_article_period(w: Words, s: Parsed, f: Figure, draft: Draft, state: ParagraphState) -> bool:
    """May a figure with no time of its own take the period the article named before? An
    amount, count, percent or points (大型企业PMI为50.7%) of a flow or statistic of a subject
    the period was named for (the entity, or none, of any figure that held for it in the
    paragraphs before: 民营企业进出口 after 我国's and 欧盟's figures of 前10个月), as stated (no
    scope: 累计 runs since when?), not a stock or balance (``metrics.stock_words``: 末, 余额; a
    metric marked ``stock``), not a target or forecast, and not one whose clause holds a mark
    of a time of its own (``metrics.period_marks``: 第三季收入)."""
    if draft.kind is not ClaimKind.ACTUAL or draft.dimension not in _INFERRED_DIMENSIONS:
        return False
    if draft.scope is not None or draft.entity not in state.inferred_owners:
        return False  # 累计订单总量超过5亿: since when? 拼多多 after 快手: another subject
    if draft.metric is None and not draft.measure:
        return False
    rule = w.metric_rules.get(draft.metric) if draft.metric else None
    if rule is not None and rule.stock:
        return False
    words = s.folded[f.cs : f.q.start] + (fold_measure(draft.measure) if draft.measure else "")
    if any(word in words for word in w.period_marks):
        return False  # 第三季收入, 首三季總收入: a time word the time pass did not read
    return not any(word in words for word in w.stock_words)


def is_stock(w: Words, s: Parsed, f: Figure, draft: Draft) -> bool:
    """A level that holds at a day, not over a period: a stock word in its clause or measure
    (``metrics.stock_words``: 余额, 总数, 累计达), not a change nor a flow metric."""
    if draft.type is not ClaimType.FIGURE or draft.kind is not ClaimKind.ACTUAL or is_flow(w, s, f, draft):
        return False
    if draft.dimension not in (Dimension.COUNT, Dimension.MONEY):
        return False
    words = s.folded[f.cs : f.q.start] + (fold_measure(draft.measure) if draft.measure else "")
    return any(word in words for word in w.stock_words)


def is_flow(w: Words, s: Parsed, f: Figure, draft: Draft) -> bool:
    """A flow metric (GMV, revenue) or an average: it runs over a period, never holds at a day."""
    words = s.folded[f.cs : f.q.start] + (fold_measure(draft.measure) if draft.measure else "")
    if any(word in words for word in w.average):
        return True
    rule = w.metric_rules.get(draft.metric) if draft.metric else None
    return rule is not None and not rule.stock and rule.dimension in ("money", "count")


def states_base(w: Words, s: Parsed, t: TimeExpr) -> bool:
    """Does a clause state the base of the figures around it (上年同期为2.83亿美元): the same
    period of an earlier year (同期) with a figure of its own after it? It governs that figure
    only, and hands no period on."""
    if not s.folded.endswith(w.same_period, t.start, t.end):
        return False
    return s.quantity_between(t.end, s.clause(t.start)[1])


def is_ratio_base(w: Words, folded: str, t: TimeExpr) -> bool:
    """Is the time the base of a ratio (恢复至2019年同期的119.1%): now against then?"""
    return folded[t.end : t.end + 1] == "的" and folded.endswith(w.ratio_before, 0, t.start)


def own_value(folded: str, t: TimeExpr, at: int) -> bool:
    """Is the figure at ``at`` the base's own value (较去年同期的35.8%下降)?"""
    return folded[t.end : at].strip() in ("", "的")


def is_base(w: Words, folded: str, t: TimeExpr) -> bool:
    """Is the time the base of a comparison (与去年同期相比, 较上年)?"""
    head = folded[max(0, t.start - 2) : t.start]
    if head.endswith(w.comparison_before):
        return True
    if folded[t.end : t.end + 1] == "的" and folded.endswith(w.ratio_before, 0, t.start):
        return True  # 恢复至2019年同期的119.1%: the base of a ratio (is_ratio_base)
    if (
        head.endswith(w.change_from)
        and folded[t.end : t.end + 2][:1] == "的"
        and folded[t.end + 1 : t.end + 2].isdigit()
    ):
        return True  # 由上年同期的1951.1亿元增至2046.7亿元: the old level's time
    tail = folded[t.end : t.end + 3].lstrip(" 的")
    return tail.startswith(w.comparison_after)


def year_end_ratio(w: Words, draft: Draft, clause: str = "") -> None:
    """A ratio of a balance at a day (``metrics.day_ratios``) given for a whole year is at that
    year's last day: ``2023年不良贷款率为1.86%`` is the ratio at 2023-12-31. The ratio is named by
    the figure's measure, else, where no measure was read, by its clause before it (``clause``,
    folded: 力争不良贷款率控制在1.3%以内, a target for the year's end)."""
    if draft.dimension is not Dimension.PERCENT and draft.dimension is not Dimension.POINTS:
        return  # most figures: amounts and counts
    span = draft.period
    if (
        span is None
        or not (draft.measure or clause)
        or (span.start.month, span.start.day, span.end.month, span.end.day) != (1, 1, 12, 31)
        or span.start.year != span.end.year
    ):
        return
    measure = fold_measure(draft.measure) if draft.measure else clause
    if any(ratio in measure for ratio in w.day_ratios):  # 不良贷款率控制在1.3%以内
        draft.period = Span(start=span.end, end=span.end)

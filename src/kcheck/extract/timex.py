"""The time pass: find the dates, periods and relative time of one sentence, resolved to days.

``TimeFinder(rules).find(folded, context)`` returns every time expression of a folded sentence
(``normalise.fold``: half-width digits, simplified characters) as :class:`TimeExpr` (offsets
into the sentence, an inclusive day span) and the context to hand the next sentence of the
same paragraph. The grammar of numbers (digits, Chinese numerals, 年/月/日, Q3, 2022-03-01)
is here; every word around it (今年, 上半年, 年底, 截至, 同期, 双11 ...) is data in
``rules/time.yaml``.

How a sentence is read: every expression holds a key character (年 月 日 号 季 天 Q, or
digit-separator-digit as in 2022-03-01) within a few characters of its start, so a cheap
regex finds the keys (a sentence without one costs one scan) and, just before each key, the
alternatives of one precompiled start regex that can begin with the character found there
are tried (``timex_start``, the time pass's one speed trick; ``_start`` tried at every
position gives the same answer). One
anchored regex per level then reads the parts that follow (年 -> 月 -> 日 -> 时, 年 -> 季度 ->
末, ...); a connector (至, 到, -) tries a second expression for a range; a few words before and
after add an anchor (截至, 起, 以来) or mark it approximate (左右).

The grammar is a table of named alternatives (``atoms`` in ``TimeFinder.__init__``:
``numeric_date`` 2022-03-01, ``four_digit_year`` 2021年, ``quarter`` 第三季度, ``month_part``
月底 ...); each regex group is named after its alternative, and a small resolver per name
reads it: ``_open_<name>`` for the part an expression opens with (``_openers``),
``_year_<name>`` / ``_month_<name>`` for a part after a year or a month (``_after``).

Decisions (precision first):

* Years. ``2021年``, ``2021 年``, ``二零二一年``, ``2021年度`` are years. A 4-digit year outside
  1900-2099 (``1000年``), a two-digit year (``11年``) and ``两千年`` read as a duration unless a
  month, quarter, half ... follows (``98年4月``, ``07年第三季度``); a two-digit year with a
  leading zero (``07年``, ``零八年``) stands alone. ``第11年``, ``5年``, ``12个月``, ``7个月的时间``
  are durations, never dates. A two-digit year is 20yy unless that is more than
  ``two_digit_year_ahead`` years after publication, else 19yy. A bare 4-digit number is a
  year only in a range opened by 从/自 (``从2016到2018``).
* Fiscal years (``2018财年第二季度``) and fiscal quarters (``第二财季``) are read as calendar
  years, ``fiscal=True`` saying so, unless the article's fiscal calendar is known
  (``TimeContext.fiscal``, ``kcheck.extract.fiscal``): then they are that calendar's months
  (``2024财年第二季度`` of a year ending in May is 2023-09..11).
* Quarters: ``2021年第三季度``, ``三季度``, ``Q3``, ``2021Q3``, ``二季报``, ``第二财季``; half
  years ``上半年``, ``2021H1``. ``一季度末`` and ``上半年末`` are the last DAY of the period (a
  balance-sheet date), not approximate. ``上一季度``/``本季度`` count from the quarter named
  before (环比上一季度 after 2022年第二季度 is 2022-Q1), else from publication's.
* Cumulative spans from January (``前三季度``, ``1-9月``, ``前两个月``): ``cumulative=True``,
  granularity SPAN. ``前一季度`` / ``前一个月`` mean "the previous", so N starts at 2.
* Parts of a year or month are approximate spans (``year_parts``/``month_parts`` in the rules):
  ``年底``/``年末`` = December, ``年初`` = January, ``年中`` = June-July, ``月初`` = days 1-10,
  ``月底`` = days 21-end; ``上旬``/``中旬``/``下旬`` are exact. Seasons after a year
  (``2018年秋天``) are approximate month spans.
* Relative words resolve against the publication date (``relative=True``): ``今年``, ``去年``,
  ``上个月``, ``本季度``, ``昨日`` = published - 1 day. Vague words (此前, 日前, 近日, 目前) are
  skipped. Rolling windows and offsets (``过去12个月``, ``近7天``, ``两年前``) are
  skipped, not returned; ``5天前`` is read by ``kcheck.extract.weekdays``.
* A year named earlier in the sentence or paragraph (``TimeContext.year``) governs later
  partial dates: ``早在2020年8月，抖音就宣布10月9日起`` -> 2020-10-09. With none, the
  publication year (``relative=True``, ``year_source="published"``); a yearless month or day
  more than ``yearless_future_days`` after publication is read as the year before. With
  neither a context year nor a publication date, a yearless expression cannot be resolved
  and is NOT returned. Today's date is never used.
* A time that is the base of a comparison (``比上年同期``, ``较9月``, ``相比2019年``; the
  words are ``comparison_before``/``comparison_after`` in rules/kinds.yaml) or of a ratio
  (``恢复至2019年同期的61.2%``, ``ratio_before``) does not become
  the context: ``比上年同期多1970亿元；10月份人民币贷款增加8262亿元`` keeps 10月 in the
  year named before the base.
* ``当年``/``同年`` (``anaphoric_years``) are the year named before, else the publication year;
  ``当月`` the month named before (``10月末...当月增加``), else the last month of a cumulative
  period named before (``1-7月...当月增长3.3%`` is July), else the month the paragraphs before
  named last (``TimeContext.document_month``), else the publication month.
* ``去年同期``: the period named before (``TimeContext.period``) moved one year back, with its
  granularity (after ``2022年第二季度`` it is 2021-Q2); ``2021年同期`` moves it to 2021. With no
  period named before, the whole year, marked ``approx``. It names the base the figures around
  it are compared with, so it does not become the context either: ``而去年同期为4.26亿吨。
  1—11月份累计原煤产量43.10亿吨`` keeps 1—11月份 in the year named before it.
* Ranges: ``2017-2018年`` -> 2017-01-01..2018-12-31, ``2016年6月1日-6月30日``, ``5月-10月``,
  ``8月至2月`` (runs into the next year). The end is the last day of the unit named last.
* Anchors stay as written in ``anchor`` (截至, 自, 起, 以来, 前, 内 ...) with their meaning
  in ``anchor_kind`` (as_of, since, before, after, within); the span is the named day or
  period itself. The anchor words are inside ``start..end``.
* The time of day, a weekday and 当天 after a date are part of the quote; the span is the day.
* Festivals are read by ``kcheck.extract.festivals`` (``国庆假期`` the official break,
  ``双11`` its day), after this grammar; in the grammar a date running into a festival or a
  lunar word (去年春节, 2023年大年三十, 农历十月, 五月初五) is dropped, not misread as a
  Gregorian date. Relative weekdays (上周三) and day offsets (3天前) are read by
  ``kcheck.extract.weekdays`` against the publication date; a bare weekday is not. Day-first and
  two-digit-year numeric dates (``13.5.2015``, ``05/05/89``) are not read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import cn2an

from kcheck.extract import periods
from kcheck.extract.festivals import FestivalFinder
from kcheck.extract.fiscal import FiscalCalendar, FiscalReader
from kcheck.extract.timex_start import KEY_CHARS, StartFinder, key_chars
from kcheck.extract.types import Granularity, TimeExpr
from kcheck.extract.weekdays import WeekdayFinder
from kcheck.models import Span
from kcheck.rules import RuleSet, TimeSection
from kcheck.text.calendar import month_end, norm_month
from kcheck.text.fold import fold
from kcheck.text.patterns import alternation


@dataclass(slots=True)  # read-only (see extract.types): one context may serve many sentences
class TimeContext:
    """What earlier sentences of the paragraph established; reset per paragraph."""

    published: dt.date | None  # the article's publication date
    year: int | None = None  # the year named last (explicitly or resolved)
    month: int | None = None  # the month named last, with ``year`` (for a later bare 17日)
    period: Span | None = None  # the period named last, for 同期
    period_granularity: Granularity | None = None
    period_cumulative: bool = False
    published_year: int | None = None  # the publication year when only the year is known
    fiscal: FiscalCalendar | None = None  # the article's fiscal calendar (kcheck.extract.fiscal)
    # the year the paragraphs before named last, for 当年 / 同年 in a paragraph naming none
    document_year: int | None = None
    # the (year, month) the paragraphs before named last, for 当月 in a paragraph naming none
    document_month: tuple[int, int] | None = None
    # the year named last in words (2023年, 去年), not one taken from publication for a bare
    # month or day: what 上年 counts from (``context_relative_years``)
    written_year: int | None = None
    # the period under report named last (a quarter, a half, a cumulative span: 2026年半年度,
    # 前三季度), kept past the days named after it, and the one the paragraphs before named last:
    # what 上年同期 in a later paragraph naming no period shifts back a year
    report: tuple[Span, Granularity, bool] | None = None
    document_report: tuple[Span, Granularity, bool] | None = None
    # the spans the article gave its festivals' breaks in brackets (双11期间（10月20日至11月11日）),
    # by the words naming them without a year: a later 双11期间 of that year is that span
    festivals: tuple[tuple[str, Span], ...] = ()

    @property
    def pub_year(self) -> int | None:
        return self.published.year if self.published is not None else self.published_year


_YEAR_PREFIX = re.compile(r"^(?:19|20)[0-9]{2}年")


def _reported(granularity: Granularity, cumulative: bool) -> bool:
    """Is a period of this kind one under report (a quarter, a half, 前三季度 / 1-9月)?"""
    return granularity in (Granularity.QUARTER, Granularity.HALF) or (
        granularity is Granularity.SPAN and cumulative
    )


# --------------------------------------------------------------------------- numbers

_CN_DIGIT = {c: str(i) for i, c in enumerate("零一二三四五六七八九")} | {"〇": "0", "○": "0"}
_NUMERALS = frozenset("0123456789零〇○一二三四五六七八九十百千万亿两几")
_S = "[ \t]*"
_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY = (
    r"3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
)
_N2 = r"1[0-2]|[2-9]|十[一二]?|[两二三四五六七八九]"  # first-N counts start at 2
_NDAY = r"[12][0-9]|30|[1-9]|三十|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一两二三四五六七八九]"
_HOUR = (
    rf"(?:[0-2]?[0-9]|[零一二三四五六七八九十]{{1,3}}){_S}[时点](?:{_S}[0-5]?[0-9]{_S}分)?"
    r"|[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?"
)
_CLAUSE_END = re.compile(r"[,;。!?:，；！？：]")
_CLOSE = '，。,;；、:：!！?？)）」”"'


@lru_cache(maxsize=1024)
def _num(text: str) -> int:
    """``12`` -> 12, ``十二`` -> 12, ``两`` -> 2, ``两千零四`` -> 2004 (cn2an on the numeral only)."""
    text = text.strip()
    if text.isascii() and text.isdigit():
        return int(text)
    return int(cn2an.cn2an(text.replace("○", "〇"), "smart"))


def _digits(text: str) -> int:
    """Digit by digit: ``二零一七`` -> 2017, ``九七`` -> 97."""
    return int("".join(_CN_DIGIT.get(c, c) for c in text))


class _Unresolved(Exception):
    """A part needs a year or a publication date the context does not have."""


class _Stop(Exception):
    """An expression that turned out not to be a time (a bare duration such as 11年)."""

    def __init__(self, end: int) -> None:
        super().__init__(end)
        self.end = end


# --------------------------------------------------------------------------- the state of one expression


@dataclass(slots=True)
class _Expr:
    start: int
    end: int
    span: periods.Days | None = None
    granularity: Granularity = Granularity.YEAR
    level: str = ""  # which parts may follow: year, month, day, period; "" = none
    unit: str = ""  # what a range end must match: year, quarter, half, month, day, span
    year: int | None = None
    month: int | None = None
    year_source: str = "text"
    year_explicit: bool = False
    year_kind: str = ""  # text, relative, anaphoric ("" = none written)
    year_offset: int = 0  # 去年 -> -1, for 去年同期
    weak: bool = False  # 11年 / 两千年: a duration unless a part follows
    parts: int = 0  # parts read after the first
    relative: bool = False
    cumulative: bool = False
    approx: bool = False
    fiscal: bool = False
    took_default: bool = False  # a range end that took its year (month) from the start
    month_written: bool = False  # a yearless month or day: subject to yearless_future_days
    range_: bool = False

    @property
    def span_(self) -> periods.Days:
        assert self.span is not None
        return self.span


@dataclass(frozen=True)
class _Default:
    """What a range end without its own year takes from the range start."""

    year: int
    month: int | None
    year_source: str
    relative: bool


# --------------------------------------------------------------------------- the finder


class TimeFinder:
    """Find and resolve time expressions; everything is compiled once, here."""

    def __init__(self, rules: RuleSet) -> None:
        t: TimeSection = rules.time
        self.t = t
        self.relative_centuries = dict(t.relative_centuries)
        self._festivals = FestivalFinder(t)
        self._weekdays = WeekdayFinder(t)
        self._base_before = tuple(rules.kinds.comparison_before)
        self._base_after = tuple(rules.kinds.comparison_after)
        self._ratio_before = tuple(fold(w) for w in rules.kinds.ratio_before)
        self._context_relative = frozenset(t.context_relative_years)
        # 年底 / 底 (a December of year_parts): its last day after 截至
        self._year_end_words = tuple(
            fold(w) for w, part in t.year_parts.items() if part.first == part.last == 12 and part.approx
        )
        # 底 (an approximate run to a month's last day of month_parts): its last day after 截至
        self._month_end_words = tuple(
            fold(w) for w, part in t.month_parts.items() if part.last == 31 and part.approx
        )
        self._by_words = tuple(fold(w) for w in t.by_prefixes if w)
        self._fiscal_quarter_words = tuple(fold(w) for w in t.fiscal_quarter_words)
        self._fiscal_reader = FiscalReader(rules)
        self._period_months = frozenset(t.period_months)
        self._open_to_now = frozenset(t.open_to_now)
        self._same_period_words = tuple(fold(w) for w in t.same_period)
        self._looking_ahead = tuple(
            {*rules.kinds.target, *rules.kinds.forecast, *rules.boilerplate.future_cues}
        )
        conn = f"(?:{alternation(t.range_connectors)})+"
        qw = alternation(t.quarter_words)
        approx = alternation(t.approx_suffixes)
        daymod = alternation(t.day_modifiers)
        lunar = alternation([*t.lunar_markers, *t.holidays])
        mr_first = f"(?:{_MONTH})"
        weekday = f"(?:{alternation(t.weekday_words)})(?:{alternation(t.weekday_names)})"
        centuries = alternation(t.relative_centuries)
        # the named alternatives of the grammar; a group inside one is named <name>_<part>
        atoms: dict[str, str] = {
            "not_time": alternation(t.not_times),
            "weekday_alone": weekday,  # a weekday alone: not resolved, skipped
            "numeric_date": r"(?P<numeric_date_y>[12][0-9]{3})(?P<numeric_date_s>[-./])(?P<numeric_date_m>1[0-2]|0?[1-9])(?P=numeric_date_s)"
            r"(?P<numeric_date_d>3[01]|[12][0-9]|0?[1-9])(?![0-9])"
            r"(?:[ \t]+[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?(?![0-9]))?",
            "spaced_date": r"(?P<spaced_date_y>(?:19|20)[0-9]{2}) (?P<spaced_date_m>0[1-9]|1[0-2]) (?P<spaced_date_d>0[1-9]|[12][0-9]|3[01])(?![0-9])",
            "year_q": rf"(?P<year_q_y>[12][0-9]{{3}}){_S}[Qq](?P<year_q_q>[1-4])(?![0-9])",
            "year_range": rf"(?P<year_range_a>[12][0-9]{{3}}){_S}{conn}{_S}(?P<year_range_b>[12][0-9]{{3}}){_S}年(?!代)",
            "from_year_range": rf"(?:{alternation(t.range_prefixes)}){_S}(?P<from_year_range_a>(?:19|20)[0-9]{{2}}){_S}{conn}{_S}"
            rf"(?P<from_year_range_b>(?:19|20)[0-9]{{2}})(?=$|[ \t{_CLOSE}]|的|间|期间)",
            "decade": rf"(?:(?P<decade_c>{centuries}|(?P<decade_n>[0-9]{{2}}|十[一二三四五六七八九]|二十)世纪){_S})?"
            rf"(?P<decade_d>[1-9]0|[一二三四五六七八九]十){_S}年代",
            "four_digit_year": rf"(?P<four_digit_year_y>[12][0-9]{{3}}){_S}(?P<four_digit_year_u>{alternation([*t.fiscal_year_words, '年度', '年'])})(?!代)",
            "two_digit_year": rf"(?P<two_digit_year_y>[0-9]{{2}}){_S}年(?!代)",
            "cn_year": rf"(?P<cn_year_y>[零〇○一二三四五六七八九]{{4}}){_S}年",
            "cn_thousands_year": rf"(?P<cn_thousands_year_y>两千(?:零[一二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?)?){_S}年",
            "cn_two_digit_year": rf"(?P<cn_two_digit_year_y>[零〇○一二三四五六七八九]{{2}}){_S}年(?!代)",
            "relative_years": alternation(t.relative_year_spans),
            "half_year": alternation(t.halves),
            "relative_year": alternation(t.relative_years),
            "anaphoric_year": alternation(t.anaphoric_years),
            "half_month": alternation(t.half_months),
            "relative_quarter": alternation(t.relative_quarters),
            "relative_month": alternation(t.relative_months),
            "anaphoric_month": alternation([*t.anaphoric_months, *t.period_months]),
            "relative_day": alternation(t.relative_days),
            # 前三季度, 首三季 (Hong Kong): the first quarters of the year
            "first_quarters": rf"[前首]{_S}(?P<first_quarters_n>[23两二三]){_S}个?{_S}(?:{qw}|季(?![节]))",
            # 前10个月, 首11個月 (Hong Kong): the first months of the year
            "first_months": rf"[前首]{_S}(?P<first_months_n>{_N2}){_S}个?{_S}月份?",
            # 第三季度, 三季度; 第三季 (Hong Kong) only with 第, never 四季 (the seasons)
            "quarter": rf"(?:(?P<quarter_d>第){_S})?(?P<quarter_n>[1-4一二三四]){_S}(?:{qw}|(?(quarter_d)季(?![节])|(?!)))",
            "first_quarter": rf"首{_S}(?:{qw})",
            "q_quarter": rf"[Qq](?P<q_quarter_n>[1-4])(?![0-9])(?:{_S}季度)?",
            "year_h": rf"(?P<year_h_y>[12][0-9]{{3}}){_S}[Hh](?P<year_h_h>[12])(?![0-9])",
            "h_half": r"[Hh](?P<h_half_n>[12])(?![0-9])",
            "full_year": alternation(t.full_year),
            "month_range": rf"(?P<month_range_a>{mr_first}){_S}{conn}{_S}(?P<month_range_b>{_MONTH}){_S}月份?",
            "month_number": rf"(?P<month_number_n>{_MONTH}){_S}月份?",
            "day_number": rf"(?P<day_number_n>{_DAY}){_S}[日号]",
            "nth_month": rf"第{_S}(?P<nth_month_n>{_MONTH}){_S}个?{_S}月|{alternation(t.first_month_words)}",
            "last_months": rf"(?:{alternation(t.last_months_words)}){_S}(?P<last_months_n>{_N2}|一){_S}个?{_S}月",
            "first_days": rf"前{_S}(?P<first_days_n>{_NDAY}){_S}(?:天|日)",
            "last_days": rf"(?:{alternation(t.last_days_words)}){_S}(?P<last_days_n>{_NDAY}){_S}(?:天|日)",
            "same_period": alternation(t.same_period),
            "season": alternation(t.seasons),
            "period_end": alternation(t.period_end_words),
            # 初 before a numeral is a lunar day (五月初五), not the start of the month
            "month_part": rf"(?:{alternation(t.month_parts)})(?![一二三四五六七八九十])",
            "day_range": rf"(?P<day_range_a>{_DAY}){_S}{conn}{_S}(?P<day_range_b>{_DAY}){_S}[日号]",
            "bare_day": rf"(?P<bare_day_n>{_DAY})(?={_S}(?:$|[{_CLOSE}]|{daymod}|{conn}|{approx}))",
            "time_of_day": rf"(?:{alternation(t.day_periods)})(?:{_S}(?:{_HOUR}))?|{_HOUR}",
            "weekday": rf"[，,]?{_S}[(（]?{weekday}[)）]?",
            "day_modifier": daymod,
        }

        def named_groups(kinds: Iterable[str], words: dict[str, str] | None = None) -> str:
            # every alternative is a group named after its kind; order decides between overlaps
            pats = {**atoms, **(words or {})}
            return "|".join(f"(?P<{k}>{pats[k]})" for k in kinds)

        start_kinds = [
            "not_time", "weekday_alone", "numeric_date", "spaced_date", "year_q", "year_h", "year_range", "from_year_range", "decade", "four_digit_year", "two_digit_year", "cn_year", "cn_thousands_year", "cn_two_digit_year",
            "relative_years", "half_year", "relative_year", "anaphoric_year", "half_month", "relative_quarter", "relative_month", "anaphoric_month", "relative_day", "first_quarters", "first_months", "quarter", "first_quarter", "q_quarter",
            "year_part", "full_year", "month_range", "month_number", "day_number",
        ]  # fmt: skip
        year_kinds = [
            "nth_month", "last_months", "first_days", "same_period", "season", "year_part", "first_quarters", "first_months", "quarter", "first_quarter", "q_quarter", "h_half", "half_year", "month_range", "month_number", "relative_month",
            "full_year",
        ]  # fmt: skip
        standalone_words = [w for w in t.year_parts if len(w) > 1]
        standalone_parts = {"year_part": alternation(standalone_words)}
        # the definition of where an expression may start; find() uses the same alternatives
        # split by first character (below), so only a few are tried, and only near a key
        self._start = re.compile(named_groups(start_kinds, standalone_parts))
        words = {
            "not_time": t.not_times,
            "from_year_range": t.range_prefixes,
            "relative_years": t.relative_year_spans,
            "half_year": t.halves,
            "relative_year": t.relative_years,
            "anaphoric_year": t.anaphoric_years,
            "half_month": t.half_months,
            "relative_quarter": t.relative_quarters,
            "relative_month": t.relative_months,
            "anaphoric_month": [*t.anaphoric_months, *t.period_months],
            "relative_day": t.relative_days,
            "year_part": standalone_words,
            "full_year": t.full_year,
            "weekday_alone": t.weekday_words,
        }
        firsts = {k: "".join({w[0] for w in ws}) for k, ws in words.items()}
        firsts["decade"] = "".join({w[0] for w in t.relative_centuries})
        self._report_ends = tuple(sorted(t.report_period_ends, key=len, reverse=True))
        opening = (ws for k, ws in words.items() if k not in ("not_time", "weekday_alone"))
        word_keys = key_chars(w for ws in opening for w in ws)
        self._starts = StartFinder(
            start_kinds,
            firsts,
            lambda kinds: named_groups(kinds, standalone_parts),
            conn,
            _S,
            word_keys,
        )
        # a sentence with none of these characters names no time (most sentences of an archive):
        # no key character of the grammar (timex_start) or of a rules word (昨晚), no festival's
        # first, no week word's
        cues = {*KEY_CHARS, *word_keys, *self._festivals.firsts, *self._weekdays.cues}
        self._cues = re.compile("[" + re.escape("".join(sorted(cues))) + "]")
        lead = rf"{_S}(?:的{_S})?"
        self._cont = {
            "year": re.compile(
                lead + f"(?:{named_groups(year_kinds, {'year_part': alternation(t.year_parts)})})"
            ),
            "month": re.compile(
                f"{_S}(?:{named_groups(['day_range', 'day_number', 'month_part', 'half_month', 'first_days', 'last_days', 'bare_day'])})"
            ),
            "day": re.compile(f"{_S}(?:{named_groups(['time_of_day', 'weekday', 'day_modifier'])})"),
            "period": re.compile(f"{_S}(?:{named_groups(['period_end'])})"),
        }
        self._range_first = re.compile(named_groups([k for k in start_kinds if k in _RANGE_END_KINDS]))
        self._lunar_after = re.compile(rf"{_S}(?:{lunar}|初[一二三四五六七八九十])")
        self._conn = re.compile(rf"{_S}(?:{conn}){_S}")
        self._approx = re.compile(rf"{_S}(?:{approx})")
        self._ended = re.compile(rf"{_S}止?{_S}的?{_S}(?P<w>{alternation(t.periods_ended)})")
        self._anchor = re.compile(
            rf"{_S}(?P<w>{alternation(t.anchor_suffixes)})(?![0-9一二三四五六七八九十两个]){_not_words(t)}"
        )
        self._day_follow = re.compile(
            rf"{_S}(?:$|[{_CLOSE}]|起|{daymod}|{alternation(t.day_periods)}|{conn})"
        )
        self._before = re.compile(
            rf"(?:(?P<anchor>{alternation(t.anchor_prefixes)})|(?P<range>{alternation(t.range_prefixes)})){_S}$"
        )
        self._drop_before = re.compile(rf"(?:{alternation([*t.recurring_prefixes, *t.lunar_markers])})$")
        # what each named alternative of the grammar does: the part an expression opens with ...
        self._openers: dict[str, Callable[[_Expr, re.Match[str], TimeContext, _Default | None], None]] = {
            "numeric_date": self._open_numeric_date,
            "spaced_date": self._open_numeric_date,
            "year_h": self._open_year_h,
            "year_q": self._open_year_q,
            "year_range": self._open_year_range,
            "from_year_range": self._open_year_range,
            "decade": self._open_decade,
            "four_digit_year": self._open_four_digit_year,
            "two_digit_year": self._open_two_digit_year,
            "cn_two_digit_year": self._open_two_digit_year,
            "cn_year": self._open_cn_year,
            "cn_thousands_year": self._open_cn_thousands_year,
            "relative_years": self._open_relative_years,
            "relative_year": self._open_relative_year,
            "anaphoric_year": self._open_anaphoric_year,
            "relative_quarter": self._open_relative_quarter,
            "relative_month": self._open_relative_month,
            "anaphoric_month": self._open_anaphoric_month,
            "relative_day": self._open_relative_day,
            "half_month": self._open_half_month,
            "day_number": self._open_day_number,
        }
        # ... and the parts that may follow, by the level read so far (年 -> 月 -> 日)
        self._after: dict[str, dict[str, Callable[[_Expr, re.Match[str], TimeContext, bool], bool]]] = {
            "year": {
                "month_number": self._year_month_number,
                "nth_month": self._year_nth_month,
                "month_range": self._year_month_range,
                "quarter": self._year_quarter,
                "first_quarter": self._year_quarter,
                "q_quarter": self._year_quarter,
                "first_quarters": self._year_first_quarters,
                "first_months": self._year_first_months,
                "last_months": self._year_last_months,
                "first_days": self._year_first_days,
                "half_year": self._year_half_year,
                "h_half": self._year_half_year,
                "year_part": self._year_year_part,
                "season": self._year_year_part,
                "full_year": self._year_full_year,
                "same_period": self._year_same_period,
                "relative_month": self._year_relative_month,
            },
            "month": {
                "day_number": self._month_day_number,
                "bare_day": self._month_day_number,
                "day_range": self._month_day_range,
                "month_part": self._month_month_part,
                "half_month": self._month_half_month,
                "first_days": self._month_first_days,
                "last_days": self._month_last_days,
            },
        }

    # ----------------------------------------------------------------------- public

    def fiscal_calendar(self, folded: str) -> FiscalCalendar | None:
        """The fiscal calendar an article tells (kcheck.extract.fiscal), from its folded text."""
        if "财" not in folded:  # 財 folds to 财
            return None
        return self._fiscal_reader.read(folded)

    def find(self, folded: str, context: TimeContext) -> tuple[list[TimeExpr], TimeContext]:
        """Every time expression of one folded sentence, and the context for the next sentence."""
        if self._cues.search(folded) is None:
            return [], context
        found: list[TimeExpr] = []
        ctx = context
        pos = 0
        while True:
            m = self._starts.search(folded, pos)
            if m is None:
                break
            kind = m.lastgroup or ""
            if kind in ("not_time", "weekday_alone"):
                pos = m.end()
                continue
            if not self._guard(folded, m.start(), m.end(), kind, standalone=True):
                pos = m.start() + 1
                continue
            if kind in _YEARLESS and _after_unread_year(folded, m.start()):
                # 三六七年一月一日: a year this pass does not read; skip all that depends on it
                try:
                    _, end = self._expression(folded, m, ctx)
                except (_Unresolved, ValueError, OverflowError):
                    end = m.end()
                pos = max(end, m.end())
                continue
            if kind == "day_number" and self._day_follow.match(folded, m.end()) is None:
                pos = m.end()  # 7日无理由, 3号线: a bare day only before punctuation, 起, 晚 ...
                continue
            try:
                expr, end = self._expression(folded, m, ctx)
            except (_Unresolved, ValueError, OverflowError):
                # no year or publication date to resolve it against, or off the calendar
                pos = m.end()
                continue
            pos = max(end, m.start() + 1)
            if expr is not None:
                time, new_ctx = expr
                found.append(time)
                if (
                    not self._is_base(folded, time)
                    and time.anchor not in self._open_to_now
                    and not folded.endswith(self._same_period_words, time.start, time.end)
                ):
                    # 比上年同期多1970亿元；10月份... / 而去年同期为4.26亿吨。1—11月份...: a base
                    # names no year for what follows
                    ctx = new_ctx
        extra: list[TimeExpr] = []
        festivals = self._festivals.find(folded, ctx.published, ctx.pub_year)
        if festivals:
            festivals, ctx = self._dated_festivals(folded, festivals, found, ctx)
        for f in [*festivals, *self._weekdays.find(folded, ctx.published)]:
            if not any(f.start < g.end and g.start < f.end for g in [*found, *extra]):
                extra.append(f)
        if extra:
            found = sorted(found + extra, key=lambda e: e.start)
        return found, ctx

    @staticmethod
    def _dated_festivals(
        folded: str, festivals: list[TimeExpr], found: list[TimeExpr], ctx: TimeContext
    ) -> tuple[list[TimeExpr], TimeContext]:
        """A festival's break the article dates in brackets right after it (``2026年双11期间
        （10月20日至11月11日）``: the campaign's own span) is that span wherever the article
        names it again that year (a later ``双11期间``), not the festival's default; an article
        that never dates it keeps the default (``time.festivals.*.during``)."""
        given = dict(ctx.festivals)
        out: list[TimeExpr] = []
        for f in festivals:
            name = _YEAR_PREFIX.sub("", folded[f.start : f.end])
            if f.granularity is not Granularity.SPAN:
                out.append(f)
                continue
            bracketed = folded.startswith(("（", "("), f.end)
            stated = next(
                (
                    g
                    for g in found
                    if bracketed and g.start == f.end + 1 and g.granularity is Granularity.SPAN
                ),
                None,
            )
            if stated is not None and stated.span.end.year == f.span.end.year:
                given[name] = stated.span
            elif name in given and given[name].end.year == f.span.end.year:
                f = replace(f, span=given[name])
            out.append(f)
        if len(given) != len(ctx.festivals) or any(given[k] != v for k, v in ctx.festivals):
            ctx = replace(ctx, festivals=tuple(given.items()))
        return out, ctx

    def _is_base(self, folded: str, time: TimeExpr) -> bool:
        """Is the time the base of a comparison (比上年同期, 较9月, 以2019年同期为基期)?"""
        if folded[max(0, time.start - 2) : time.start].endswith(self._base_before):
            return True
        if folded.startswith("的", time.end) and folded.endswith(self._ratio_before, 0, time.start):
            return True  # 恢复至2019年同期的61.2%。10月30日，……: 2019 is a ratio's base, not the context
        return folded[time.end : time.end + 3].lstrip(" 的").startswith(self._base_after)

    # ----------------------------------------------------------------------- one expression

    def _expression(
        self, text: str, first: re.Match[str], ctx: TimeContext
    ) -> tuple[tuple[TimeExpr, TimeContext] | None, int]:
        try:
            a = self._parse(text, first, ctx, None)
        except _Stop as stop:
            return None, stop.end
        start, end = a.start, a.end
        # X至Y: a second expression ending a range
        b = None if a.range_ or not a.level else self._range_end(text, a, ctx)
        if b is None and not a.range_:
            b = self._report_end(text, a, ctx)
        if b is not None:
            a = self._join(a, b)
            end = a.end
        prefix_len, prefix_word, prefix_kind = self._prefix(text, a.start)
        if self._dropped_before(text, a.start - prefix_len):
            return None, end
        anchor: str | None = None
        anchor_kind: str | None = None
        approx = a.approx
        for _ in range(2):
            m = self._approx.match(text, end)
            if m and not approx:
                approx, end = True, m.end()
                continue
            m = self._anchor.match(text, end)
            if m and anchor is None:
                anchor = m.group("w")
                anchor_kind = self.t.anchor_suffixes[anchor]
                end = m.end()
                continue
            break
        start = a.start
        if prefix_word is not None:
            if prefix_kind is not None and anchor is None:
                anchor, anchor_kind = prefix_word, prefix_kind
                start -= prefix_len
            elif prefix_kind is not None or a.range_ or (anchor_kind == "since"):
                start -= prefix_len
        days = a.span_
        if a.fiscal and ctx.fiscal is not None:
            days = self._fiscal(a, ctx.fiscal, ctx.published)
        granularity, cumulative = a.granularity, a.cumulative
        # 到2025年底 ("by the end of"): its 底 is a last day, as after 截至
        by_end = prefix_word is None and bool(self._by_words) and text.endswith(self._by_words, 0, start)
        if (
            (anchor_kind == "as_of" or by_end)
            and approx
            and granularity is Granularity.MONTH
            and text[a.start : a.end].endswith(self._year_end_words)
        ):
            # 截至去年底，不良贷款率为1.26%: a balance as of the year's last day, not "late December"
            days = periods.Days(days.end, days.end)
            granularity, approx = Granularity.DAY, False
        elif (
            (anchor_kind == "as_of" or by_end)
            and approx
            and granularity is Granularity.SPAN
            and not a.range_
            and text[a.start : a.end].endswith(self._month_end_words)
        ):
            # 截至10月底，5G基站总数达414.1万个: a stock as of the month's last day, as 截至10月末
            days = periods.Days(days.end, days.end)
            granularity, approx = Granularity.DAY, False
        if anchor_kind == "as_of" and granularity is Granularity.DAY:
            ended = self._period_ended(text, end, days.end)
            if ended is not None:
                # 截至2023年9月30日止第三季: the quarter ended that day, a period, not a moment
                days, granularity, end = ended
                cumulative = days.start.month == 1 and days.start.day == 1 and granularity is Granularity.SPAN
                anchor = anchor_kind = None
        span = days.to_span()
        time = TimeExpr(
            start=start,
            end=end,
            span=span,
            granularity=granularity,
            relative=a.relative,
            year_explicit=a.year_explicit,
            anchor=anchor,
            cumulative=cumulative,
            approx=approx,
            year_source=a.year_source,
            anchor_kind=anchor_kind,
            fiscal=a.fiscal,
        )
        single_month = a.granularity in (Granularity.DAY, Granularity.MONTH) and not a.range_
        new_ctx = TimeContext(
            published=ctx.published,
            year=self._context_year(a, ctx, days, span),
            month=a.month if single_month else None,
            period=span,
            period_granularity=granularity,
            period_cumulative=cumulative,
            published_year=ctx.published_year,
            fiscal=ctx.fiscal,
            document_year=ctx.document_year,
            document_month=ctx.document_month,
            written_year=self._written_year(a, ctx, span),
            report=(span, granularity, cumulative) if _reported(granularity, cumulative) else ctx.report,
            document_report=ctx.document_report,
            festivals=ctx.festivals,
        )
        return (time, new_ctx), end

    @staticmethod
    def _context_year(a: _Expr, ctx: TimeContext, days: periods.Days, span: Span) -> int | None:
        """The year a later yearless time of the paragraph takes after this one: the year it
        names, except a fiscal year's label, which is no calendar year (``公司维持2026财年……
        的目标。X9系列于10月28日发布后``: a fiscal year ending in March 2026 runs from April
        2025, so 10月28日 is not 2026's); after one the year stays the one named before it."""
        if a.fiscal:
            return ctx.year
        return a.year if a.year is not None and days is a.span_ else span.end.year

    @staticmethod
    def _written_year(a: _Expr, ctx: TimeContext, span: Span) -> int | None:
        """The year this expression names in words, else the one named before if it took that
        one (10月 after 2023年), else None (a bare month or day dated by publication)."""
        if a.year_kind in ("text", "relative", "anaphoric") and a.year is not None:
            return a.year if a.year_source != "context" else span.end.year
        return ctx.written_year if a.year_source == "context" else None

    def _period_ended(
        self, text: str, end: int, day: dt.date
    ) -> tuple[periods.Days, Granularity, int] | None:
        """``截至<day>止第三季`` / ``截至<day>的三个月``: the months (``periods_ended``) ending on
        ``day``, a month's last day; the granularity and where the words end."""
        m = self._ended.match(text, end)
        if m is None or day != month_end(day.year, day.month):
            return None
        n = self.t.periods_ended[m.group("w")]
        y, first = norm_month(day.year, day.month - n + 1)
        days = periods.span(dt.date(y, first, 1), day)
        if n == 3 and first % 3 == 1:
            granularity = Granularity.QUARTER
        elif n == 6 and first in (1, 7):
            granularity = Granularity.HALF
        elif n == 12 and first == 1:
            granularity = Granularity.YEAR
        else:
            granularity = Granularity.SPAN
        return days, granularity, m.end()

    @staticmethod
    def _fiscal(a: _Expr, fiscal: FiscalCalendar, published: dt.date | None) -> periods.Days:
        """A fiscal span read on the article's fiscal calendar: the calendar reading of fiscal
        year Y (its label), moved to the months of that year; a fiscal quarter named without a
        year (第二财季) is of the fiscal year the article names, else the last such quarter that
        ended by publication (截至第二财季末 in阿里巴巴's November results: the quarter to 30
        September just gone, not the one a year before)."""
        days = a.span_
        if not a.year_explicit and fiscal.year is not None:
            days = periods.shift_years(days, fiscal.year - days.start.year)
        days = periods.shift_months(days, fiscal.shift())
        if not a.year_explicit and fiscal.year is None and published is not None:
            while days.end > published:
                days = periods.shift_years(days, -1)
            while periods.shift_years(days, 1).end <= published:
                days = periods.shift_years(days, 1)
        return days

    def _parse(self, text: str, first: re.Match[str], ctx: TimeContext, default: _Default | None) -> _Expr:
        """Read the first part and every part that may follow it."""
        e = _Expr(start=first.start(), end=first.end())
        self._first(e, first, text, ctx, default)
        while e.level:
            m = self._cont[e.level].match(text, e.end)
            if m is None:
                break
            kind = m.lastgroup or ""
            atom_start = m.start(kind)
            if not self._guard(text, atom_start, m.end(), kind, standalone=False):
                break
            try:
                if not self._next(e, kind, m, ctx):
                    break
            except _Stop:
                raise _Stop(m.end()) from None  # 2019年2月29日: drop it all, not just the day
            e.parts += 1
            e.end = m.end()
        if (e.weak and e.parts == 0) or e.span is None:
            raise _Stop(e.end)
        lunar = self._lunar_after.match(text, e.end)
        if lunar is not None:  # 2023年大年三十, 去年春节, 五月初五: a lunar or festival day, not read
            raise _Stop(lunar.end())
        if not e.fiscal and any(w in text[e.start : e.end] for w in self._fiscal_quarter_words):
            e.fiscal = True  # 第二财季
        if (
            e.fiscal
            and not e.year_explicit
            and ctx.fiscal is None
            and self._fiscal_unknown_ahead(e, ctx, text)
        ):
            raise _Stop(e.end)
        self._future_window(e, ctx, text)
        return e

    def _fiscal_unknown_ahead(self, e: _Expr, ctx: TimeContext, text: str) -> bool:
        """A fiscal quarter without its year (第二财季), of an unknown calendar, that would end
        after publication, told as done: its year ends in another month than December, which
        one is not known; a calendar reading would be wrong (截至第二财季末 in a January
        article), so it is not read."""
        if ctx.published is None or e.span_.end <= ctx.published:
            return False
        m = _CLAUSE_END.search(text, e.end)
        told = text[: m.start() if m else len(text)]  # the words up to the end of its clause
        return not any(cue in told for cue in self._looking_ahead)

    def _range_end(self, text: str, a: _Expr, ctx: TimeContext) -> _Expr | None:
        c = self._conn.match(text, a.end)
        if c is None:
            return None
        m = self._range_first.match(text, c.end())
        if m is None:
            return None
        kind = m.lastgroup or ""
        if not self._guard(text, m.start(), m.end(), kind, standalone=False):
            return None
        assert a.year is not None
        default = _Default(a.year, a.month, a.year_source, a.relative)
        try:
            b = self._parse(text, m, ctx, default)
        except (_Unresolved, _Stop, ValueError, OverflowError):
            return None
        a_span, b_span = a.span_, b.span_
        if b.took_default:
            if b.unit != a.unit:
                return None
            if b_span.end < a_span.start:
                if b.unit != "month":
                    return None
                b.span = periods.shift_years(b_span, 1)
                b.year = b.span.end.year
        elif b.span_.end < a_span.start:
            return None
        return b

    def _report_end(self, text: str, a: _Expr, ctx: TimeContext) -> _Expr | None:
        """``年初至报告期末``: a range from ``a`` to the last day of the period the article named
        last (``time.report_period_ends``), in the same year; None when it named none."""
        period = ctx.period
        if period is None or a.span is None or not self.t.report_period_ends:
            return None
        c = self._conn.match(text, a.end)
        if c is None:
            return None
        word = next((w for w in self._report_ends if text.startswith(w, c.end())), None)
        if word is None:
            return None
        last = period.end
        if last < a.span.start or last.year != a.span.start.year:
            return None
        return replace(
            a,
            start=c.end(),
            end=c.end() + len(word),
            span=periods.span(last, last),
            granularity=Granularity.DAY,
            year=last.year,
            took_default=False,
        )

    @staticmethod
    def _join(a: _Expr, b: _Expr) -> _Expr:
        a_span, b_span = a.span_, b.span_
        span = periods.span(a_span.start, b_span.end)
        cumulative = (
            a.unit in ("month", "quarter")
            and a_span.start.month == 1
            and a_span.start.day == 1
            and a_span.start.year == b_span.end.year
        )
        return replace(
            a,
            end=b.end,
            span=span,
            granularity=Granularity.SPAN,
            level="",
            unit="span",
            year=b.year,
            month=None,
            relative=a.relative or b.relative,
            approx=a.approx or b.approx,
            fiscal=a.fiscal or b.fiscal,
            cumulative=cumulative,
            range_=True,
        )

    # ----------------------------------------------------------------------- the parts

    def _first(
        self, e: _Expr, m: re.Match[str], text: str, ctx: TimeContext, default: _Default | None
    ) -> None:
        """Read the part an expression opens with (``self._openers``); a part with no opener of
        its own needs a year (the context's) and is then read as a part after a year."""
        kind = m.lastgroup or ""
        opener = self._openers.get(kind)
        if opener is not None:
            opener(e, m, ctx, default)
            return
        if (
            default is None
            and ctx.year is None
            and ctx.fiscal is not None
            and ctx.fiscal.year is not None
            and any(w in m.group() for w in self._fiscal_quarter_words)
        ):
            # 第二财季 in an article naming 2024财年 but no date: that fiscal year's quarter
            e.year, e.year_source = ctx.fiscal.year, "context"
        else:
            self._need_year(e, ctx, default)
        if not self._next(e, kind, m, ctx, first=True):
            raise _Stop(e.end)

    def _next(self, e: _Expr, kind: str, m: re.Match[str], ctx: TimeContext, first: bool = False) -> bool:
        """Apply a part that follows (or a first part whose year is already known); False when
        ``kind`` cannot follow the level read so far."""
        assert e.year is not None
        level = "year" if first else e.level
        if level == "day":
            return kind in ("time_of_day", "weekday", "day_modifier")  # in the quote; the span is the day
        if level == "period":
            if kind != "period_end":
                return False
            e.span = periods.day(e.span_.end)  # 一季度末: the period's last day
            e.granularity, e.unit, e.level = Granularity.DAY, "day", ""
            return True
        resolver = self._after.get(level, {}).get(kind)
        return resolver is not None and resolver(e, m, ctx, first)

    # ----------------------------------------------------------------------- opening parts

    def _open_numeric_date(
        self, e: _Expr, m: re.Match[str], ctx: TimeContext, default: _Default | None
    ) -> None:
        kind = m.lastgroup or ""
        g = m.group
        y, mo, d = int(g(f"{kind}_y")), int(g(f"{kind}_m")), int(g(f"{kind}_d"))
        self._set_year(e, y, explicit=True)
        self._set_day(e, y, mo, d)

    def _open_year_h(self, e: _Expr, m: re.Match[str], ctx: TimeContext, default: _Default | None) -> None:
        g = m.group
        # 2021H1, a half year as financial reports write it
        self._set_year(e, int(g("year_h_y")), explicit=True)
        e.span = periods.half(int(g("year_h_y")), int(g("year_h_h")))
        e.granularity, e.unit, e.level = Granularity.HALF, "half", "period"

    def _open_year_q(self, e: _Expr, m: re.Match[str], ctx: TimeContext, default: _Default | None) -> None:
        g = m.group
        self._set_year(e, int(g("year_q_y")), explicit=True)
        self._set_quarter(e, int(g("year_q_q")))

    def _open_year_range(
        self, e: _Expr, m: re.Match[str], ctx: TimeContext, default: _Default | None
    ) -> None:
        kind = m.lastgroup or ""
        g = m.group
        y1, y2 = int(g(f"{kind}_a")), int(g(f"{kind}_b"))
        if y2 < y1:
            raise _Stop(e.end)
        self._set_year(e, y2, explicit=True)
        e.span = periods.span(periods.year(y1).start, periods.year(y2).end)
        e.granularity, e.unit, e.level, e.range_ = Granularity.SPAN, "span", "", True

    def _open_decade(self, e: _Expr, m: re.Match[str], ctx: TimeContext, default: _Default | None) -> None:
        self._set_decade(e, m, ctx)

    def _open_four_digit_year(
        self, e: _Expr, m: re.Match[str], ctx: TimeContext, default: _Default | None
    ) -> None:
        g = m.group
        t = self.t
        y = int(g("four_digit_year_y"))
        self._set_year(e, y, explicit=True)
        e.weak = not 1900 <= y <= 2099
        e.fiscal = g("four_digit_year_u") in t.fiscal_year_words
        self._whole_year(e)

    def _open_two_digit_year(
        self, e: _Expr, m: re.Match[str], ctx: TimeContext, default: _Default | None
    ) -> None:
        kind = m.lastgroup or ""
        g = m.group
        t = self.t
        raw = g(f"{kind}_y")
        pivot = ctx.pub_year if ctx.pub_year is not None else ctx.year
        if pivot is None:
            raise _Unresolved
        yy = _digits(raw)
        y = 2000 + yy if 2000 + yy <= pivot + t.two_digit_year_ahead else 1900 + yy
        self._set_year(e, y, explicit=True)
        e.weak = raw[0] not in "0零〇○"
        self._whole_year(e)

    def _open_cn_year(self, e: _Expr, m: re.Match[str], ctx: TimeContext, default: _Default | None) -> None:
        g = m.group
        y = _digits(g("cn_year_y"))
        self._set_year(e, y, explicit=True)
        e.weak = not 1900 <= y <= 2099
        self._whole_year(e)

    def _open_cn_thousands_year(
        self, e: _Expr, m: re.Match[str], ctx: TimeContext, default: _Default | None
    ) -> None:
        g = m.group
        raw = g("cn_thousands_year_y")
        self._set_year(e, _num(raw), explicit=True)
        e.weak = raw == "两千"
        self._whole_year(e)

    def _open_relative_years(
        self, e: _Expr, m: re.Match[str], ctx: TimeContext, default: _Default | None
    ) -> None:
        t = self.t
        word = m.group(m.lastgroup or "")
        py = self._pub_year(ctx)
        lo, hi = t.relative_year_spans[word]
        e.span = periods.span(periods.year(py + lo).start, periods.year(py + hi).end)
        e.year, e.year_source, e.relative = py + hi, "published", True
        e.granularity, e.unit, e.level, e.range_ = Granularity.SPAN, "span", "", True

    def _open_relative_year(
        self, e: _Expr, m: re.Match[str], ctx: TimeContext, default: _Default | None
    ) -> None:
        t = self.t
        word = m.group(m.lastgroup or "")
        if word in self._context_relative and ctx.written_year is not None:
            # 公司2023年实现营收……，上年同期亏损1.12亿元: the year before the one under report
            e.year, e.year_source = ctx.written_year + t.relative_years[word], "context"
        else:
            py = self._pub_year(ctx)
            e.year, e.year_source, e.relative = py + t.relative_years[word], "published", True
        e.year_kind, e.year_offset = "relative", t.relative_years[word]
        self._whole_year(e)

    def _open_anaphoric_year(
        self, e: _Expr, m: re.Match[str], ctx: TimeContext, default: _Default | None
    ) -> None:
        if ctx.year is not None:
            e.year, e.year_source = ctx.year, "context"
        elif ctx.document_year is not None:
            # 截至2023年12月31日，……。<p>……，占当年归母净利润的34.8%: the year named before
            e.year, e.year_source = ctx.document_year, "context"
        else:
            e.year, e.year_source, e.relative = self._pub_year(ctx), "published", True
        e.year_kind = "anaphoric"
        self._whole_year(e)

    def _open_relative_quarter(
        self, e: _Expr, m: re.Match[str], ctx: TimeContext, default: _Default | None
    ) -> None:
        t = self.t
        word = m.group(m.lastgroup or "")
        # 环比上一季度 after 2022年第二季度 is 2022-Q1: the quarter named before, else publication's
        if ctx.period is not None and ctx.period_granularity is Granularity.QUARTER:
            base, e.year_source = ctx.period.start, "context"
        else:
            base, e.year_source, e.relative = self._published(ctx), "published", True
        y, q0 = divmod((base.month - 1) // 3 + t.relative_quarters[word], 4)
        e.year = base.year + y
        self._set_quarter(e, q0 + 1)

    def _open_relative_month(
        self, e: _Expr, m: re.Match[str], ctx: TimeContext, default: _Default | None
    ) -> None:
        t = self.t
        word = m.group(m.lastgroup or "")
        pub = self._published(ctx)
        y, mo = periods.add_months(pub.year, pub.month, t.relative_months[word])
        e.year, e.year_source, e.relative = y, "published", True
        self._set_month(e, mo)

    def _open_anaphoric_month(
        self, e: _Expr, m: re.Match[str], ctx: TimeContext, default: _Default | None
    ) -> None:
        if ctx.year is not None and ctx.month is not None:
            e.year, e.year_source = ctx.year, "context"
            self._set_month(e, ctx.month)
        elif ctx.period is not None and ctx.period_cumulative:
            # 1-7月...当月: the month the cumulative figures run to, not the month of publication
            e.year, e.year_source = ctx.period.end.year, "context"
            self._set_month(e, ctx.period.end.month)
        elif m.group() in self._period_months:
            raise _Stop(e.end)  # 单月 with no period named before: any single month
        elif ctx.document_month is not None:
            # 2023年10月，公司旅客运输量……。<p>当月客座率为80.7%: the month named before, not
            # the month of publication (a flash of 11月15日 on October's figures)
            e.year, e.year_source = ctx.document_month[0], "context"
            self._set_month(e, ctx.document_month[1])
        else:
            pub = self._published(ctx)
            e.year, e.year_source, e.relative = pub.year, "published", True
            self._set_month(e, pub.month)

    def _open_relative_day(
        self, e: _Expr, m: re.Match[str], ctx: TimeContext, default: _Default | None
    ) -> None:
        t = self.t
        word = m.group(m.lastgroup or "")
        when = periods.add_days(self._published(ctx), t.relative_days[word])
        e.year, e.year_source, e.relative = when.year, "published", True
        self._set_day(e, when.year, when.month, when.day)

    def _open_half_month(
        self, e: _Expr, m: re.Match[str], ctx: TimeContext, default: _Default | None
    ) -> None:
        t = self.t
        word = m.group(m.lastgroup or "")
        y, mo = self._context_month(e, ctx, default)
        e.year, e.month = y, mo
        self._half_month(e, t.half_months[word])

    def _open_day_number(
        self, e: _Expr, m: re.Match[str], ctx: TimeContext, default: _Default | None
    ) -> None:
        g = m.group
        y, mo = self._context_month(e, ctx, default)
        self._set_day(e, y, mo, _num(g("day_number_n")))

    # ----------------------------------------------------------------------- parts after a year, a month

    def _year_month_number(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        g = m.group
        self._set_month(e, _num(g("month_number_n")))
        e.month_written = e.year_kind == ""
        return True

    def _year_nth_month(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        g = m.group
        self._set_month(e, 1 if g("nth_month_n") is None else _num(g("nth_month_n")))
        return True

    def _year_month_range(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        g = m.group
        lo, hi = _num(g("month_range_a")), _num(g("month_range_b"))
        if hi < lo:
            hi += 12
        self._months(e, lo, hi, unit="month", cumulative=lo == 1 and hi <= 12)
        return True

    def _year_quarter(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        kind = m.lastgroup or ""
        g = m.group
        self._set_quarter(e, 1 if kind == "first_quarter" else _num(g(f"{kind}_n")))
        return True

    def _year_first_quarters(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        g = m.group
        self._months(e, 1, 3 * _num(g("first_quarters_n")), unit="span", cumulative=True)
        return True

    def _year_first_months(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        g = m.group
        self._months(e, 1, _num(g("first_months_n")), unit="span", cumulative=True)
        return True

    def _year_last_months(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        g = m.group
        self._months(e, 13 - _num(g("last_months_n")), 12, unit="span")
        return True

    def _year_first_days(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        g = m.group
        y = e.year
        assert y is not None
        e.span = periods.days_of_month(y, 1, 1, _num(g("first_days_n")))
        e.granularity, e.unit, e.level = Granularity.SPAN, "span", ""
        return True

    def _year_half_year(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        kind = m.lastgroup or ""
        g = m.group
        t = self.t
        word = m.group(m.lastgroup or "")
        y = e.year
        assert y is not None
        e.span = periods.half(y, t.halves[word] if kind == "half_year" else int(g("h_half_n")))
        e.granularity, e.unit, e.level = Granularity.HALF, "half", "period"
        return True

    def _year_year_part(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        """年底, 上半年末 (year_parts) and 秋天 (seasons): a run of months of the year."""
        kind = m.lastgroup or ""
        rule = (self.t.seasons if kind == "season" else self.t.year_parts)[m.group(kind)]
        self._months(e, rule.first, rule.last, unit="span")
        e.approx = e.approx or rule.approx
        if rule.last_day:  # 2021年末: the balance-sheet date, 12-31
            e.span = periods.day(e.span_.end)
            e.month = e.span_.end.month
            e.granularity, e.unit, e.level = Granularity.DAY, "day", ""
        return True

    def _year_full_year(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        self._whole_year(e)
        e.level = ""
        return True

    def _year_same_period(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        self._same_period(e, ctx)
        return True

    def _year_relative_month(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        if first:
            return False
        t = self.t
        word = m.group(m.lastgroup or "")
        pub = self._published(ctx)
        self._set_month(e, pub.month + t.relative_months[word])
        e.relative = True
        return True

    def _month_day_number(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        kind = m.lastgroup or ""
        g = m.group
        y = e.year
        assert y is not None
        mo = e.month
        assert mo is not None
        self._set_day(e, y, mo, _num(g(f"{kind}_n")))
        return True

    def _month_day_range(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        g = m.group
        lo, hi = _num(g("day_range_a")), _num(g("day_range_b"))
        if hi < lo:
            return False
        self._days(e, lo, hi)
        return True

    def _month_month_part(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        t = self.t
        word = m.group(m.lastgroup or "")
        rule = t.month_parts[word]
        self._days(e, rule.first, rule.last)
        e.approx = e.approx or rule.approx
        if rule.last_day:  # 10月末: the balance-sheet date, the month's last day
            e.span = periods.day(e.span_.end)
            e.granularity, e.unit, e.level = Granularity.DAY, "day", ""
        return True

    def _month_half_month(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        t = self.t
        word = m.group(m.lastgroup or "")
        self._half_month(e, t.half_months[word])
        return True

    def _month_first_days(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        g = m.group
        self._days(e, 1, _num(g("first_days_n")))
        return True

    def _month_last_days(self, e: _Expr, m: re.Match[str], ctx: TimeContext, first: bool) -> bool:
        g = m.group
        y = e.year
        assert y is not None
        mo = e.month
        assert mo is not None
        last = month_end(y, mo).day
        self._days(e, max(1, last - _num(g("last_days_n")) + 1), last)
        return True

    # ----------------------------------------------------------------------- setters

    @staticmethod
    def _set_year(e: _Expr, y: int, explicit: bool) -> None:
        e.year, e.year_explicit, e.year_source, e.year_kind = y, explicit, "text", "text"

    @staticmethod
    def _whole_year(e: _Expr) -> None:
        assert e.year is not None
        e.span = periods.year(e.year)
        e.granularity, e.unit, e.level = Granularity.YEAR, "year", "year"

    @staticmethod
    def _set_month(e: _Expr, mo: int) -> None:
        assert e.year is not None
        e.year, mo = norm_month(e.year, mo)
        e.month = mo
        e.span = periods.months(e.year, mo, mo)
        e.granularity, e.unit, e.level = Granularity.MONTH, "month", "month"

    @staticmethod
    def _set_day(e: _Expr, y: int, mo: int, d: int) -> None:
        try:
            day = dt.date(y, mo, d)
        except ValueError:
            raise _Stop(e.end) from None
        e.year, e.month = y, mo
        e.span = periods.day(day)
        e.granularity, e.unit, e.level = Granularity.DAY, "day", "day"

    @staticmethod
    def _set_quarter(e: _Expr, q: int) -> None:
        assert e.year is not None
        e.span = periods.quarter(e.year, q)
        e.granularity, e.unit, e.level = Granularity.QUARTER, "quarter", "period"

    @staticmethod
    def _months(e: _Expr, lo: int, hi: int, unit: str, cumulative: bool = False) -> None:
        assert e.year is not None
        e.span = periods.months(e.year, lo, hi)
        e.granularity = Granularity.MONTH if lo == hi else Granularity.SPAN
        e.unit, e.level, e.cumulative = unit, "", cumulative

    @staticmethod
    def _days(e: _Expr, lo: int, hi: int) -> None:
        assert e.year is not None and e.month is not None
        try:
            e.span = periods.days_of_month(e.year, e.month, lo, hi)
        except ValueError:
            raise _Stop(e.end) from None
        e.granularity, e.unit, e.level = Granularity.SPAN, "span", ""

    def _half_month(self, e: _Expr, h: int) -> None:
        self._days(e, 1, 15) if h == 1 else self._days(e, 16, 31)

    def _set_decade(self, e: _Expr, m: re.Match[str], ctx: TimeContext) -> None:
        decade = _num(m.group("decade_d"))
        century_word = m.group("decade_c")
        if century_word is None:
            pub = self._pub_year(ctx)
            first = pub // 100 * 100 + decade
            if first > pub:
                first -= 100
        elif century_word in self.relative_centuries:
            first = (self._pub_year(ctx) // 100 + self.relative_centuries[century_word]) * 100 + decade
        else:
            first = (_num(m.group("decade_n")) - 1) * 100 + decade
        e.year = first + 9
        e.year_explicit = century_word is not None and century_word not in self.relative_centuries
        e.span = periods.span(periods.year(first).start, periods.year(first + 9).end)
        e.granularity, e.unit, e.level, e.range_ = Granularity.SPAN, "span", "", True

    def _same_period(self, e: _Expr, ctx: TimeContext) -> None:
        """去年同期: the period named before, moved to the year this one names; in a paragraph
        that named none yet, the period under report the paragraphs before named last (公司将实施
        2026年半年度权益分派……。<p>……，上年同期公司每股派发现金红利0.42元: 2025's first half)."""
        assert e.year is not None
        if ctx.period is None and ctx.document_report is not None:
            span, granularity, cumulative = ctx.document_report
            ctx = replace(ctx, period=span, period_granularity=granularity, period_cumulative=cumulative)
        if ctx.period is None or ctx.period_granularity in (None, Granularity.YEAR):
            # no part of a year named before: the whole year, approximately
            self._whole_year(e)
            e.approx, e.level = True, ""
            return
        target = ctx.period.start.year + e.year_offset if e.year_kind == "relative" else e.year
        e.span = periods.shift_years(ctx.period, target - ctx.period.start.year)
        e.year = e.span.end.year
        e.granularity, e.cumulative = ctx.period_granularity, ctx.period_cumulative
        e.unit, e.level = "span", ""
        if e.year_kind == "relative":
            e.year_source, e.relative = "context", False

    # ----------------------------------------------------------------------- resolution

    @staticmethod
    def _pub_year(ctx: TimeContext) -> int:
        if ctx.pub_year is None:
            raise _Unresolved
        return ctx.pub_year

    @staticmethod
    def _published(ctx: TimeContext) -> dt.date:
        if ctx.published is None:
            raise _Unresolved
        return ctx.published

    def _need_year(self, e: _Expr, ctx: TimeContext, default: _Default | None) -> None:
        """A part without a year: the range start's, the context's, else the publication year."""
        if default is not None:
            e.year, e.year_source, e.relative, e.took_default = (
                default.year,
                default.year_source,
                default.relative,
                True,
            )
        elif ctx.year is not None:
            e.year, e.year_source = ctx.year, "context"
        else:
            e.year, e.year_source, e.relative = self._pub_year(ctx), "published", True

    def _context_month(self, e: _Expr, ctx: TimeContext, default: _Default | None) -> tuple[int, int]:
        if default is not None and default.month is not None:
            e.year_source, e.relative, e.took_default = default.year_source, default.relative, True
            return default.year, default.month
        if ctx.year is not None and ctx.month is not None:
            e.year_source = "context"
            return ctx.year, ctx.month
        pub = self._published(ctx)
        e.year_source, e.relative = "published", True
        return pub.year, pub.month

    def _future_window(self, e: _Expr, ctx: TimeContext, text: str) -> None:
        """Yearless times that read as the future at publication are last year's.

        A month or day far after publication (12月30日 in January), and a quarter or half
        that has not begun by publication (三季度 in a March article reports last year's Q3)
        unless the sentence looks ahead (预计, 目标, 将于: the words of rules' kinds and
        future cues). A period under way at publication (下半年会... in July) stays.
        """
        if e.took_default or e.year_source != "published" or ctx.published is None:
            return
        if e.month_written:
            if e.span_.start > periods.add_days(ctx.published, self.t.yearless_future_days):
                e.span = periods.shift_years(e.span_, -1)
                e.year = e.span.start.year
            return
        if (
            e.year_kind == ""
            and e.granularity in (Granularity.QUARTER, Granularity.HALF)
            and e.span_.start > ctx.published
            and not any(cue in text for cue in self._looking_ahead)
        ):
            e.span = periods.shift_years(e.span_, -1)
            e.year = e.span.start.year

    # ----------------------------------------------------------------------- the words around

    @staticmethod
    def _guard(text: str, start: int, end: int, kind: str, standalone: bool) -> bool:
        """Context the regex leaves to code: what stands right before (and after) a part."""
        prev = text[start - 1] if start > 0 else ""
        first = text[start] if start < len(text) else ""
        if first in _NUMERALS and (prev in _NUMERALS or prev == "."):
            return False
        if kind == "q_quarter" and prev.isascii() and prev.isalnum():
            return False
        if kind == "quarter" and prev and (prev in "上下" or prev in _TITLE_CLOSE):
            return False  # 上一财季 (the one before, not Q1); 《奔跑吧》第三季 (a show's season)
        if kind in ("two_digit_year", "cn_two_digit_year", "cn_thousands_year") and prev == "第":
            return False
        if (
            kind == "relative_year"
            and first == "年"
            and prev
            and (prev in _NUMERALS or prev in _COUNTED_YEAR)
        ):
            return False  # 三年内, 半年内, 多年内: a duration, not this year
        return not (standalone and kind == "year_part" and (prev in _NUMERALS or prev in _YEAR_PART_BLOCK))

    def _prefix(self, text: str, start: int) -> tuple[int, str | None, str | None]:
        """A word right before the expression: an anchor (截至, 自) or a range opener (从)."""
        m = self._before.search(text, max(0, start - _BEFORE_REACH), start)
        if m is None:
            return 0, None, None
        word = m.group("anchor")
        if word is not None:
            return start - m.start(), word, self.t.anchor_prefixes[word]
        return start - m.start(), m.group("range"), None

    def _dropped_before(self, text: str, start: int) -> bool:
        """每年3月 (every March) and 农历十月 (lunar) are not one Gregorian period: dropped."""
        return self._drop_before.search(text, max(0, start - _BEFORE_REACH), start) is not None


# a title or quotation closing right before 第三季: a show's season, not a quarter
_TITLE_CLOSE = frozenset('》」』”"')
# kinds that may open the second half of a range (X至Y)
_RANGE_END_KINDS = frozenset(
    {"numeric_date", "spaced_date", "year_q", "year_h", "four_digit_year", "two_digit_year", "cn_year", "cn_thousands_year", "cn_two_digit_year", "relative_year", "anaphoric_year", "relative_quarter", "relative_month", "relative_day", "quarter", "first_quarter", "q_quarter", "half_year", "month_number", "day_number"}
)  # fmt: skip
# how far before an expression its anchor or range word may start (截止到 + spaces)
_BEFORE_REACH = 8


def _after_unread_year(text: str, start: int) -> bool:
    return start >= 2 and text[start - 1] == "年" and text[start - 2] in _NUMERALS


# parts that take their year from the context when they open an expression
_YEARLESS = frozenset(
    {
        "month_number",
        "month_range",
        "day_number",
        "quarter",
        "first_quarter",
        "q_quarter",
        "half_year",
        "first_quarters",
        "first_months",
        "full_year",
        "half_month",
        "year_part",
    }
)
# 年内 right after these counts years (半年内, 多年内, 近年内), it is not this year
_COUNTED_YEAR = frozenset("半多数近每几")
# a standalone 年中/年底 right after these is part of another phrase (一年中, 每年年底, 多年中)
_YEAR_PART_BLOCK = frozenset("年每多数近")


def _not_words(t: TimeSection) -> str:
    """Lookaheads keeping an anchor suffix out of a word it opens (``time.not_anchor_words``:
    内 of 内地 in ``截至10月底内地5G基站总数``): for each such word and each suffix opening it, the
    rest of the word may not follow that suffix."""
    parts = []
    for word in t.not_anchor_words:
        for suffix in t.anchor_suffixes:
            if word.startswith(suffix) and len(word) > len(suffix):
                parts.append(f"(?!(?<={re.escape(suffix)}){re.escape(word[len(suffix) :])})")
    return "".join(parts)

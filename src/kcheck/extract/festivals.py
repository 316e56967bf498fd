"""Festivals as dates: 国庆假期, 中秋国庆假期, 五一假期, 双11, 国庆假期最后一天.

Business news dates figures by festivals. A festival word (``festivals`` in rules/time.yaml)
followed by a break word (``假期``, ``黄金周``, ``期间``) names the official break the State
Council set for that year: the run of consecutive statutory holidays containing the
festival's holidays, from the ``chinese-calendar`` package (the published 放假安排, 2004 on),
so ``中秋节、国庆节假期`` in 2023 is 09-29..10-06, one eight-day break. A festival with a
Gregorian day of its own followed by a day word (``双11当天``, ``元旦当日``) is that day.
Precision first: a festival named alone (``备战双11``, ``春节``) is an occasion, not a date,
and is not read; nor is ``双11期间`` (weeks of presales no calendar fixes), nor a lunar
festival's own day; nor is one followed by a
``festival_stops`` word (``国庆长假结束``, ``春节后``: a cause or a bound, no period) (its day needs a lunar calendar,
and 春节 alone often means the season). ``最后一天`` / ``首日`` after a break pick its last or
first day. The year is the one written before (``2023年国庆假期``, ``去年双11``), else the
publication year, read as the year before when the date would fall more than
``yearless_future_days`` after publication. A year the calendar does not cover, or no
publication date, gives no date: never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import chinese_calendar
from lunardate import LunarDate

from kcheck.extract.types import Granularity, TimeExpr
from kcheck.models import Span
from kcheck.rules import Festival, TimeSection
from kcheck.text.patterns import alternation


@lru_cache(maxsize=1)
def _holiday_days() -> dict[str, list[dt.date]]:
    """Every statutory holiday day, by holiday name (chinese-calendar's table)."""
    by_name: dict[str, list[dt.date]] = {}
    for day, name in chinese_calendar.holidays.items():
        by_name.setdefault(str(name), []).append(day)
    return by_name


def official_break(holiday: str, year: int) -> Span | None:
    """The run of consecutive holidays that holds ``holiday``'s days of ``year``."""
    days = sorted(d for d in _holiday_days().get(holiday, []) if d.year == year)
    if not days:
        return None
    every = chinese_calendar.holidays
    start, end = days[0], days[-1]
    while start - dt.timedelta(days=1) in every:
        start -= dt.timedelta(days=1)
    while end + dt.timedelta(days=1) in every:
        end += dt.timedelta(days=1)
    return Span(start=start, end=end)


def lunar_day(year: int, month_day: str) -> dt.date | None:
    """The Gregorian day of a day of the Chinese calendar in ``year``'s lunar year (元宵节,
    正月十五: 01-15 of 2024 is 2024-02-24), from the ``lunardate`` package's tables
    (1900-2099); None outside them. The lunar festivals business news dates (元宵, 端午,
    七夕, 中秋, 重阳) all fall in the Gregorian year their lunar year starts in."""
    month, day = (int(part) for part in month_day.split("-"))
    try:
        return LunarDate(year, month, day).to_solar_date()  # type: ignore[no-any-return]
    except ValueError:
        return None  # a year its tables do not cover, or a 30th the month lacks


class FestivalFinder:
    """Find festival dates in a folded sentence; compiled once from the time rules."""

    def __init__(self, t: TimeSection) -> None:
        self.t = t
        self.enabled = bool(t.festivals)
        names = alternation(t.festivals)
        joiners = alternation(t.festival_joiners)
        years = alternation(t.relative_years)
        breaks = alternation(t.festival_breaks)
        day_words = alternation(t.festival_day_suffixes)
        picks = alternation(t.festival_break_days)
        self._re = re.compile(
            rf"(?:(?P<year>(?<![0-9])(?:19|20)[0-9]{{2}})年|(?P<rel>{years}))?"
            rf"(?P<names>(?:{names})(?:(?:{joiners})?(?:{names}))*)"
            # a quoted epithet may open before the break word: 中秋国庆“超级黄金周”
            rf"(?:(?:[“\"「][^”\"」，。；]{{0,3}}?)?(?P<brk>{breaks})[”\"」]?(?P<pick>{picks})?|(?P<day>{day_words}))?"
        )
        self._name = re.compile(names)
        # the break words that name a festival's own span (双11期间), not a holiday's (假期, 档)
        self._during = frozenset(t.festival_during)
        self.firsts = "".join(sorted({name[0] for name in t.festivals}))  # what a match opens with
        self._stop = re.compile(alternation(t.festival_stops))

    def find(self, folded: str, published: dt.date | None, pub_year: int | None = None) -> list[TimeExpr]:
        """Festival dates in ``folded``; ``pub_year`` when only the publication year is known."""
        if not self.enabled or self._name.search(folded) is None:
            return []  # most sentences name no festival: one literal scan, not the full pattern
        found: list[TimeExpr] = []
        for m in self._re.finditer(folded):
            if self._stop.match(folded, m.end()) is not None:
                continue  # 受国庆长假结束影响, 春节后: a cause or a bound, not the figure's period
            time = self._read(m, published, pub_year if published is None else published.year)
            if time is not None:
                found.append(time)
        return found

    def _read(self, m: re.Match[str], published: dt.date | None, pub_year: int | None) -> TimeExpr | None:
        t = self.t
        rules = [t.festivals[n] for n in self._name.findall(m.group("names"))]
        if m.group("year") is not None:
            years, source = [int(m.group("year"))], "text"
        elif m.group("rel") is not None and pub_year is not None:
            years, source = [pub_year + t.relative_years[m.group("rel")]], "published"
        elif pub_year is not None:
            years, source = [pub_year, pub_year - 1], "published"
        else:
            return None
        for year in years:
            span = self._span(m, rules, year)
            if span is None:
                return None
            too_late = published is not None and span.start > published + dt.timedelta(
                days=t.yearless_future_days
            )
            if source == "published" and m.group("rel") is None and too_late:
                continue  # 双11 in an article of January: last year's
            pick = m.group("pick")
            if pick is not None:
                day = span.end if t.festival_break_days[pick] == "last" else span.start
                span = Span(start=day, end=day)
            one_day = span.start == span.end
            return TimeExpr(
                start=m.start(),
                end=m.end(),
                span=span,
                granularity=Granularity.DAY if one_day else Granularity.SPAN,
                relative=source == "published",
                year_explicit=source == "text",
                year_source=source,
                holiday=m.group("brk") is not None and not one_day,
            )
        return None

    def _span(self, m: re.Match[str], rules: list[Festival], year: int) -> Span | None:
        spans: list[Span] = []
        brk = m.group("brk") is not None
        on_day = m.group("day") is not None
        for rule in rules:
            if brk and rule.holiday is not None:
                span = official_break(rule.holiday, year)
            elif brk and rule.during is not None and m.group("brk") in self._during:
                first, _sep, last = rule.during.partition("..")
                span = Span(
                    start=dt.date.fromisoformat(f"{year}-{first}"),
                    end=dt.date.fromisoformat(f"{year}-{last}"),
                )
            elif on_day and rule.day is not None:
                day = dt.date.fromisoformat(f"{year}-{rule.day}")
                span = Span(start=day, end=day)
            elif on_day and rule.lunar is not None:
                found = lunar_day(year, rule.lunar)
                span = Span(start=found, end=found) if found is not None else None
            else:
                # named alone (备战双11, 春节): an occasion, not a date; 双11期间: weeks of
                # presales no calendar fixes; a lunar festival's day: not read
                return None
            if span is None:
                return None  # a year the holiday calendar does not cover
            spans.append(span)
        start, end = min(s.start for s in spans), max(s.end for s in spans)
        if (end - start).days > 31:
            return None
        return Span(start=start, end=end)

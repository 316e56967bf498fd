"""Calendar spans as inclusive day ranges: a year, a quarter, a run of months, a day.

Pure helpers for the time pass. They return ``Days``, a plain (start, end) pair that is cheap
to build while an expression is read part by part; ``Days.to_span`` makes the model's Span. Months past 12 (or below 1) roll into the next (previous)
year, so ``months(2018, 12, 14)`` is December 2018 to February 2019. An impossible date
(2月30日) raises ``ValueError``; the caller drops the expression.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import NamedTuple

from dateutil.relativedelta import relativedelta

from kcheck.models import Span
from kcheck.text.calendar import month_end, month_start, norm_month


class Days(NamedTuple):
    """An inclusive run of days, start <= end."""

    start: dt.date
    end: dt.date

    def to_span(self) -> Span:
        return _span(self.start, self.end)


def span(start: dt.date, end: dt.date) -> Days:
    if start > end:
        raise ValueError(f"span ends before it starts: {start}..{end}")
    return Days(start, end)


@lru_cache(maxsize=4096)
def _span(start: dt.date, end: dt.date) -> Span:
    # valid by construction; Span is frozen, so one object may serve every expression naming it
    return Span.model_construct(start=start, end=end)


@lru_cache(maxsize=4096)
def months(year: int, first: int, last: int) -> Days:
    """Months ``first``..``last`` of ``year`` (``months(2021, 1, 9)`` -> 01-01..09-30)."""
    return span(month_start(year, first), month_end(year, last))


def year(y: int) -> Days:
    return months(y, 1, 12)


def quarter(y: int, q: int) -> Days:
    return months(y, 3 * q - 2, 3 * q)


def half(y: int, h: int) -> Days:
    return months(y, 6 * h - 5, 6 * h)


def day(d: dt.date) -> Days:
    return span(d, d)


def days_of_month(y: int, m: int, first: int, last: int) -> Days:
    """Days ``first``..``last`` of a month; ``last`` past the month's end is clipped (下旬 -> 21..end)."""
    end = month_end(y, m)
    return span(dt.date(y, m, first), end if last >= end.day else dt.date(y, m, last))


def shift_years(whole: Days | Span, years: int) -> Days:
    """The same span ``years`` later; a month's last day stays the last day (02-28 -> 02-29)."""

    def move(d: dt.date, is_end: bool) -> dt.date:
        moved = d + relativedelta(years=years)
        if is_end and d == month_end(d.year, d.month):
            return month_end(moved.year, moved.month)
        return moved

    return span(move(whole.start, False), move(whole.end, True))


def shift_months(whole: Days | Span, n: int) -> Days:
    """The same span ``n`` months later; a month's first and last days stay first and last."""

    def move(d: dt.date, is_end: bool) -> dt.date:
        y, m = add_months(d.year, d.month, n)
        if is_end and d == month_end(d.year, d.month):
            return month_end(y, m)
        return dt.date(y, m, min(d.day, month_end(y, m).day))

    return span(move(whole.start, False), move(whole.end, True))


def add_days(d: dt.date, n: int) -> dt.date:
    return d + dt.timedelta(days=n)


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    return norm_month(y, m + n)

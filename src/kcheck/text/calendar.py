"""Calendar helpers on plain dates: month ends, and how a span of days is written.

``month_end`` serves the time pass (which reads months past 12 as the next year's) and the
growth check (which steps months back); ``period_label`` names a span in topic labels and
messages (``2021-Q3``); ``span_text`` writes it exactly (``2021-07-01..2021-09-30``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Protocol

_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


class DaySpan(Protocol):
    """Anything with an inclusive ``start`` and ``end`` day (models.Span, periods.Days)."""

    @property
    def start(self) -> dt.date: ...
    @property
    def end(self) -> dt.date: ...


def norm_month(year: int, month: int) -> tuple[int, int]:
    """``(2018, 14)`` -> ``(2019, 2)``; ``(2018, 0)`` -> ``(2017, 12)``."""
    y, m = divmod(month - 1, 12)
    return year + y, m + 1


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month; months past 12 (or below 1) roll into the next (previous) year."""
    year, month = norm_month(year, month)
    return dt.date(year, month, _DAYS_IN_MONTH[month - 1] + (month == 2 and calendar.isleap(year)))


def month_start(year: int, month: int) -> dt.date:
    year, month = norm_month(year, month)
    return dt.date(year, month, 1)


def is_month_end(day: dt.date) -> bool:
    return (day + dt.timedelta(days=1)).day == 1


def is_quarter_end(day: dt.date) -> bool:
    """03-31, 06-30, 09-30 or 12-31."""
    return day.month % 3 == 0 and is_month_end(day)


def span_text(span: DaySpan) -> str:
    """``2021-07-01..2021-09-30``: the span exactly, as topic keys and messages write it."""
    return f"{span.start.isoformat()}..{span.end.isoformat()}"


def period_label(span: DaySpan) -> str:
    """``2021-Q3``, ``2021-H1``, ``2021-01..09``, ``2020-06``, ``2020-06-30``, ``2021``."""
    s, e = span.start, span.end
    if s == e:
        return s.isoformat()
    if s.day != 1 or not is_month_end(e):
        return span_text(span)
    if s.year != e.year:
        if s.month == 1 and e.month == 12:
            return f"{s.year}..{e.year}"
        return f"{s.year}-{s.month:02d}..{e.year}-{e.month:02d}"
    if s.month == 1 and e.month == 12:
        return str(s.year)
    if s.month == e.month:
        return f"{s.year}-{s.month:02d}"
    if s.month % 3 == 1 and e.month == s.month + 2:
        return f"{s.year}-Q{e.month // 3}"
    if s.month in (1, 7) and e.month == s.month + 5:
        return f"{s.year}-H{1 if s.month == 1 else 2}"
    return f"{s.year}-{s.month:02d}..{e.month:02d}"

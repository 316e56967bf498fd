"""Weekdays and day offsets against the publication date: 上周三, 这个星期一, 下下周日, 3天前.

A weekday with a week word before it (``relative_weeks`` in rules/time.yaml: 上 -1, 本/这 0,
下 +1, 上上 -2) is that weekday of the week so many weeks from the publication week (weeks
run Monday to Sunday, as the Chinese calendar prints them): published Thursday 2023-11-09,
上周三 is 2023-11-01. ``N天前`` (``days_ago_words``) is N days before publication. A bare
weekday (周三) is not resolved: it may be this week's or last, and the day written beside
it (周二（12日）) is read by the grammar. Without a publication date nothing is returned.
"""

from __future__ import annotations

import datetime as dt
import re

from kcheck.extract.types import Granularity, TimeExpr
from kcheck.models import Span
from kcheck.rules import TimeSection
from kcheck.text.patterns import alternation

_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_COUNT = r"[1-9][0-9]?|[一两二三四五六七八九十]{1,3}"


class WeekdayFinder:
    """Find relative weekdays and day offsets in a folded sentence."""

    def __init__(self, t: TimeSection) -> None:
        self.t = t
        weeks = alternation(t.relative_weeks)
        words = alternation(t.weekday_words)
        names = alternation(n for n in t.weekday_names if n in _WEEKDAY)
        self._week = re.compile(rf"(?P<w>{weeks})(?:个)?(?:{words})(?P<d>{names})")
        self._week_word = re.compile(words)  # most sentences have none: one scan rules them out
        # a character every match holds: a week word's first (周, 星期) or 天 (3天前)
        self.cues = "".join(sorted({w[0] for w in t.weekday_words if w} | {"天"}))
        ago = alternation(t.days_ago_words)
        self._ago = re.compile(rf"(?<![0-9.])(?P<n>{_COUNT})天(?:{ago})")

    def find(self, folded: str, published: dt.date | None) -> list[TimeExpr]:
        if published is None:
            return []
        found: list[TimeExpr] = []
        has_week = self._week_word.search(folded) is not None
        for m in self._week.finditer(folded) if has_week else ():
            monday = published - dt.timedelta(days=published.weekday())
            weeks = self.t.relative_weeks[m.group("w")]
            day = monday + dt.timedelta(weeks=weeks, days=_WEEKDAY[m.group("d")])
            found.append(_day(m, day))
        for m in self._ago.finditer(folded) if "天" in folded else ():
            n = m.group("n")
            count = int(n) if n.isdigit() else _cn(n)
            if count is not None and 0 < count <= 31:
                found.append(_day(m, published - dt.timedelta(days=count)))
        return found


def _cn(text: str) -> int | None:
    digits = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + digits.get(text[1:], 0) if len(text) == 2 else None
    if len(text) == 1:
        return digits.get(text)
    if len(text) == 2 and text[1] == "十":
        return digits.get(text[0], 0) * 10 or None
    if len(text) == 3 and text[1] == "十":
        tens, ones = digits.get(text[0]), digits.get(text[2])
        return tens * 10 + ones if tens and ones else None
    return None


def _day(m: re.Match[str], day: dt.date) -> TimeExpr:
    return TimeExpr(
        start=m.start(),
        end=m.end(),
        span=Span(start=day, end=day),
        granularity=Granularity.DAY,
        relative=True,
        year_explicit=False,
        year_source="published",
    )

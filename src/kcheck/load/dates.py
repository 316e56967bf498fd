"""Publication dates: timestamps as written -> the calendar day in the newsroom's time zone.

A timestamp with a zone (``Mon, 26 Jul 2021 22:56:00 GMT``, ``2022-03-01 12:19:03 +0800``)
is an instant: its day is the day it was in ``rules.time.timezone`` (Asia/Shanghai unless
the rules say otherwise), so 22:56 GMT on 26 July is 27 July in Beijing. A timestamp
without a zone (``2022.11.09 09:14``, ``2023年11月29日``) is already a local calendar day.
A value that does not name a full year, month and day is no date: dateutil fills missing
parts from a default, and a publication date must never come from the clock.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as dateparser
from dateutil import tz

from kcheck.models import Sentence
from kcheck.text.fold import HALF_WIDTH

CHINESE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
NUMERIC = re.compile(r"^\s*(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)")
ISO_STAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?", re.ASCII
)
# zone names dateutil would otherwise read as the machine's local zone when they match it
UTC_NAMES = {name: tz.UTC for name in ("UTC", "GMT", "UT", "Z")}
FIRST_YEAR, LAST_YEAR = 1900, 2100

# a fully specified date stated in an article: 2020年6月30日, 2020年6月, 2020-06-30
BODY_DATE = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号])?"
    r"|(?<![\d.])(?P<y2>(?:19|20)\d{2})[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2})(?![\d.])"
)


@dataclass(frozen=True)
class Stamp:
    day: dt.date
    how: str  # e.g. "= 2021-07-27 06:56 Asia/Shanghai" for a zone-aware timestamp, else ""


@lru_cache(maxsize=8)
def zone(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return tz.gettz(name) or tz.UTC


def _day(year: int, month: int, day: int) -> dt.date | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso(text: str) -> dt.datetime | None:
    """The instant or day of an ISO 8601 stamp in the forms pages write most (``2022-04-06``,
    ``2022-04-06T08:00:00+08:00``), as dateutil reads them: a full date, so no default fills
    in a part. None for any other text (dateutil reads it; it costs about 25 times more)."""
    if ISO_STAMP.fullmatch(text) is None:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:  # 2022-02-30, 24:00
        return None


def parse_stamp(value: object, timezone: str) -> Stamp | None:
    """The calendar day a publication timestamp names, or None when it names no full date."""
    if isinstance(value, (dt.datetime, dt.date)):
        value = value.isoformat()
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        return None
    text = unicodedata.normalize("NFKC", value).strip()
    m = CHINESE.match(text)
    if m:
        day = _day(int(m[1]), int(m[2]), int(m[3]))
        return Stamp(day, "") if day else None
    first: dt.datetime | None
    second: dt.datetime | None
    first = second = _iso(text)
    if first is None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                first = dateparser.parse(text, default=dt.datetime(2000, 1, 1), tzinfos=UTC_NAMES)
                second = dateparser.parse(text, default=dt.datetime(2001, 2, 2), tzinfos=UTC_NAMES)
        except (ValueError, OverflowError, TypeError):
            first = second = None
    if first is not None and second is not None and first.date() == second.date():
        if not FIRST_YEAR <= first.year <= LAST_YEAR:
            return None
        if first.tzinfo is None:
            return Stamp(first.date(), "")
        local = first.astimezone(zone(timezone))
        return Stamp(local.date(), f"= {local:%Y-%m-%d %H:%M} {timezone}")
    m = NUMERIC.match(text)
    if m:
        day = _day(int(m[1]), int(m[2]), int(m[3]))
        return Stamp(day, "") if day else None
    return None


@dataclass(frozen=True)
class Inferred:
    day: dt.date
    quote: str  # as written
    sentence: Sentence
    offset: int  # of the quote in the sentence


_CLAUSE_END = re.compile(r"[,，;；。!！?？:：]")


def _looks_ahead(text: str, start: int, end: int, cues: tuple[str, ...]) -> bool:
    """A future cue before the date in its sentence, or in the rest of the date's clause."""
    m = _CLAUSE_END.search(text, end)
    clause_end = m.start() if m else len(text)
    return any(c in text[:start] or c in text[end:clause_end] for c in cues)


def infer_from_body(sentences: Iterable[Sentence], future_cues: Iterable[str]) -> Inferred | None:
    """The latest fully specified date the article states, as a lower bound of its publication.

    An article reports what has happened by the time it is written, so the latest stated
    date (a day, or a month counted from its first day) is a day on or before publication.
    Dates about plans, targets or forecasts (a word of the rules' ``future_cues`` before the
    date in its sentence, or in the date's clause) can be still to come and are not used; a
    dateline ahead of them stays (``2024年1月10日，启明教育宣布……回购计划``). A year alone
    (2020年) or a range (2021年1-9月) is too vague to bound anything.
    """
    cues = tuple(c for c in future_cues if c)
    best: Inferred | None = None
    for sentence in sentences:
        text = sentence.text.translate(HALF_WIDTH)
        for m in BODY_DATE.finditer(text):
            if cues and _looks_ahead(text, m.start(), m.end(), cues):
                continue
            year, month, day = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
            found = _day(int(year), int(month), int(day) if day else 1)
            if found and (best is None or found > best.day):
                best = Inferred(found, sentence.text[m.start() : m.end()], sentence, m.start())
    return best

"""An article's fiscal calendar: the month its company's fiscal year ends, and the year it names.

A fiscal year ending in another month than December moves every fiscal time of the article
(``2024财年第二季度`` of a year ending in May is 2023-09-01..2023-11-30; a fiscal year is labelled
by the calendar year it ends in). The article itself tells the calendar, in the ways business
news states it:

* ``其财年截至每年5月31日``: the year ends in May;
* ``2023财年（截至2023年5月31日）``: fiscal 2023 ends in May 2023;
* ``截至2023年11月30日的2024财年第二季度``: its second quarter ends in November, so the year in May;
* ``截至2024年3月31日止的2024财年``: fiscal 2024 ends in March 2024;
* ``2024财年第二季度（即2023年9月至11月）``: the same, from the months it names.

Else a company of ``time.yaml`` ``fiscal_year_ends`` named in the article tells it (when the
companies named agree). Without either, fiscal times stay calendar times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kcheck.rules import RuleSet
from kcheck.text.fold import fold
from kcheck.text.patterns import alternation

_CN_Q = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class FiscalCalendar:
    end_month: int  # the last month of the fiscal year (5: June..May)
    year: int | None  # the fiscal year the article names first (for 第二财季 without a year)

    def shift(self) -> int:
        """Months from a calendar reading of a fiscal span to the fiscal one (May: -7)."""
        return self.end_month - 12


class FiscalReader:
    """Reads an article's fiscal calendar; patterns built once from the rules."""

    def __init__(self, rules: RuleSet) -> None:
        t = rules.time
        fy = alternation([fold(w) for w in t.fiscal_year_words])
        qw = alternation([fold(w) for w in t.quarter_words])
        self.words = tuple(fold(w) for w in [*t.fiscal_year_words, *t.fiscal_quarter_words])
        self.companies = {fold(name): month for name, month in t.fiscal_year_ends.items()}
        q = r"(?P<q>[1-4一二三四])"
        self.patterns = [
            # 其财年截至每年5月31日
            re.compile(rf"(?:{fy})(?:截至|截止|结束于|止于)每年(?P<m>1[0-2]|0?[1-9])月"),
            # 2023财年（截至2023年5月31日）
            re.compile(
                rf"(?P<fy>[12][0-9]{{3}})(?:{fy})[(（](?:截至|截止)(?P<y>[12][0-9]{{3}})年(?P<m>1[0-2]|0?[1-9])月"
            ),
            # 截至2023年11月30日的2024财年第二季度
            re.compile(
                rf"(?:截至|截止)(?P<y>[12][0-9]{{3}})年(?P<m>1[0-2]|0?[1-9])月[0-9]{{1,2}}日止?的?"
                rf"(?P<fy>[12][0-9]{{3}})(?:{fy})第?{q}(?:{qw})"
            ),
            # 截至2024年3月31日止的2024财年: the year ends in March (labelled by the year it ends in)
            re.compile(
                rf"(?:截至|截止)(?P<y>[12][0-9]{{3}})年(?P<m>1[0-2]|0?[1-9])月[0-9]{{1,2}}日止?的?"
                rf"(?P<fy>[12][0-9]{{3}})(?:{fy})(?!第?[1-4一二三四](?:{qw}))"
            ),
            # 2024财年第二季度（即2023年9月至11月）
            re.compile(
                rf"(?P<fy>[12][0-9]{{3}})(?:{fy})第?{q}(?:{qw})[(（]即?(?P<y>[12][0-9]{{3}})年"
                rf"(?:1[0-2]|0?[1-9])月(?:至|到|-|—|~)(?P<m>1[0-2]|0?[1-9])月"
            ),
        ]
        self.named_year = re.compile(rf"(?P<fy>[12][0-9]{{3}})(?:{fy})")

    def read(self, folded: str) -> FiscalCalendar | None:
        if not any(w in folded for w in self.words):
            return None
        end: int | None = None
        for pattern in self.patterns:
            m = pattern.search(folded)
            if m is None:
                continue
            month = int(m.group("m"))
            quarter = m.groupdict().get("q")
            if quarter is None and m.groupdict().get("y") and m.group("y") != m.group("fy"):
                continue  # 截至2024年3月31日止的2023财年: labelled by its first year, not read
            if quarter is not None:
                month = (month + 3 * (4 - _CN_Q[quarter]) - 1) % 12 + 1
            end = month
            break
        if end is None:
            named = {month for name, month in self.companies.items() if name in folded}
            if len(named) != 1:
                return None
            (end,) = named
        if end == 12:
            return None
        first = self.named_year.search(folded)
        return FiscalCalendar(end, int(first.group("fy")) if first else None)

"""General rules of extraction, checked on generated text (hypothesis).

* extraction never raises, whatever the text;
* every quote is the text of its sentence at the claim's offset, and line/column point at it;
* every interval is ordered and holds its point value;
* a megabyte of digits, of 亿 or of punctuation is extracted without trouble (linear passes;
  no timing is asserted here, benchmarks/extract.py measures speed).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kcheck.extract import Extractor
from kcheck.models import Claim
from kcheck.rules import load_rules
from kcheck.text.fold import fold


@lru_cache(maxsize=1)
def extractor() -> Extractor:
    return Extractor(load_rules())


# pieces of Chinese business prose: figures, units, qualifiers, time words, cue words, names
PIECES = [
    *"0123456789０１２３４５６７８９.,，。；：、%％（）()“”-~ \n",
    *"一二两三四五六七八九十百千万亿零半多余近约超逾第",
    "亿元", "万元", "美元", "港元", "人次", "个百分点", "倍", "家", "辆", "单",
    "年", "月", "日", "季度", "上半年", "前三季度", "今年", "去年同期", "截至", "起", "底",
    "快手", "快手电商", "抖音", "淘宝", "京东", "拼多多", "營收", "億",
    "GMV", "收入", "净利润", "日活", "复购率", "交易总额", "其他服务板块",
    "同比", "环比", "增长", "下降", "增速为", "增长至", "目标", "预计", "上调至", "累计",
    "断外链", "在港交所上市", "的公告", "宣布", "该项", "这一", "假设", "目前",
]  # fmt: skip

TEXT = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
DATES = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))


def _well_formed(text: str, claims: list[Claim]) -> None:
    lines = text.split("\n")
    for c in claims:
        assert c.sentence[c.offset : c.offset + len(c.quote)] == c.quote
        assert c.quote
        # line/column point at the quote in the text as given
        assert lines[c.line - 1][c.column - 1 : c.column - 1 + len(c.quote)] == c.quote
        if c.low is not None and c.high is not None:
            assert c.low <= c.high
        if c.value is not None:
            assert c.low is None or c.low <= c.value + abs(c.value) * 1e-9
            assert c.high is None or c.value <= c.high + abs(c.value) * 1e-9
        for span in (c.period, c.date):
            assert span is None or span.start <= span.end
    assert len({c.id for c in claims}) == len(claims)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, DATES)
def test_extraction_never_raises_and_quotes_are_in_place(text: str, published: dt.date | None) -> None:
    _well_formed(text, extractor().text(text, published=published, doc="x.txt"))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), DATES)
def test_any_unicode(text: str, published: dt.date | None) -> None:
    _well_formed(text, extractor().text(text, published=published))


def test_a_megabyte_of_digits() -> None:
    _well_formed("1" * 1_000_000, extractor().text("1" * 1_000_000))


def test_a_megabyte_of_yi() -> None:
    extractor().text("亿" * 1_000_000)


def test_a_megabyte_of_punctuation() -> None:
    extractor().text("，。；：、%（）“”" * 100_000)


def test_one_long_sentence_of_figures() -> None:
    # 6,000 figures in one sentence: every lookup is bounded, so this stays linear
    text = "快手电商GMV同比增长86.1%，" * 6_000
    claims = extractor().text(text, published=dt.date(2022, 3, 1))
    assert len(claims) == 6_000


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXT, st.text(max_size=120)))
def test_the_numeral_precheck_never_hides_a_figure(text: str) -> None:
    # the extractor skips the number pass on sentences without a numeral character
    passes = extractor().passes
    folded = fold(text)
    if passes.numerals.search(folded) is None:
        assert passes.numbers.find(folded) == []


# names before a disclosure's day: walking back from the day (extract.claims.entity) reads what
# the plain definition reads, two to eight Han characters from a sentence's start to the day
_DISCLOSURE_SENTENCE = st.tuples(
    st.sampled_from(["", "\n", "。", ".", "!", "，", " ", "a", "1"]),  # what the sentence follows
    st.lists(
        st.sampled_from(["正元智慧", "国药现代", "公司", "于", "据", "此前", "海", "中国东方航空"]),
        max_size=3,
    ),
    st.sampled_from(["", "1月29日", "12月9日", "9月", "2024年8月27日", "123月4日"]),
    st.sampled_from(["", "晚间", "盘后"]),
    st.sampled_from(["公告", "发布2024年半年度报告", "披露", "表示", ""]),
)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(_DISCLOSURE_SENTENCE, max_size=5))
def test_disclosure_leads_walked_back_from_the_day(
    sentences: list[tuple[str, list[str], str, str, str]],
) -> None:
    import re

    from kcheck.extract.claims.entity import disclosure_leads

    words = extractor().passes.assembler.words
    assert words.disclosure_day is not None
    text = fold(
        "".join(lead + "".join(name) + day + when + verb for lead, name, day, when, verb in sentences)
    )
    after_day = words.disclosure_day.pattern[len(r"\d(?=\d?月") :]  # the day's rest and the verb
    plain = re.compile(r"(?:^|(?<=[\n。.!?;]))([\u4e00-\u9fff]{2,8}?)(?=\d{1,2}月" + after_day, re.M)
    assert list(disclosure_leads(words, text)) == [m.group(1) for m in plain.finditer(text)]

"""Whose figure it is: the entity, or the clause's subject as written.

The nearest entity alias before the figure in its clause, else in the sentence, that
is not the object of a preposition (``淘宝在抖音的广告投放``: 淘宝); else the entity
carried over from the paragraph; else the clause's subject as written
(``entity_from="subject"``: the leading noun phrase, read up to the first predicate
word of ``entities.subject_stops``, skipping fillers, time expressions, generic words
such as 公司/平台 and pointing words such as 这/该); else the first entity after the
figure that is no object (a subordinate clause first: ``若要在年底完成2500亿的GMV，快手
还需要...``); else an entity that was only the object of a preposition. Coordinated
entities (``快手和抖音``, ``快手京东``) give the first.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from kcheck.extract.claims.draft import ParagraphState
from kcheck.extract.claims.sentence import (
    PUNCT,
    SUBJECT_ENDS,
    Parsed,
)
from kcheck.extract.claims.words import Words
from kcheck.extract.lexicon import Cue, Hit
from kcheck.models import ClaimType

MAX_SUBJECT = 10  # characters: a longer "subject" is a clause, not a name


def is_object(w: Words, folded: str, h: Hit) -> bool:
    return folded.endswith(w.preposition_tuple, 0, h.start)


def entity_of(
    w: Words, s: Parsed, pos: int, cs: int, state: ParagraphState, objects: bool = True
) -> tuple[str | None, str | None, str | None]:
    """(entity, where it came from, the clause subject as written); ``objects=False``: never
    an entity that is only the object of a preposition (根据中证协数据，行业总资产...)."""
    work = work_before(w, s, pos, cs)
    if work is not None:
        # 档期冠军《长河落日》春节档票房28.64亿元: the work named right before its measure owns the
        # figure (read as written: a fuzzy, weak link)
        title = s.text[work[0] : work[1]]
        return title, "subject", title
    i = s.entity_before(pos, cs, objects=False)
    if i >= 0:  # the usual case: the clause names its subject
        h = s.ents[first_coordinated(w, s, i)]
        return h.entity, "rules", s.text[h.start : h.end]
    company = state.company
    lead = skip_lead(w, s, cs, pos)
    if company is not None:
        word = company_word_at(w, s, lead, pos)
        if word is not None:  # 2023年，公司研发投入21.7亿元: the article's company, inferred
            return company, "document", s.text[word[0] : word[1]]
    if s.folded[lead : lead + 1] in w.national_firsts and w.national_re.match(s.folded, lead, pos):
        return None, None, None  # 1—10月平均，全国居民消费价格...: the country's, no one carried over
    subject_span = clause_subject(w, s, cs, pos)
    subject = s.text[subject_span[0] : subject_span[1]] if subject_span else None
    i = s.entity_before(pos, 0, objects=False)
    if subject_span is None and country_after(w, s, s.ents[i].end if i >= 0 else 0, pos):
        return None, None, None  # 工业和信息化部发布的数据显示，…我国5G基站总数…，占…的33.2%: the country's
    if i >= 0:
        return s.ents[first_coordinated(w, s, i)].entity, "rules", subject
    if state.entity is not None:
        return state.entity, state.entity_from, subject
    if subject_span is None:
        subject_span = clause_subject(w, s, 0, pos)
        subject = s.text[subject_span[0] : subject_span[1]] if subject_span else None
    if subject_span is not None and subject is not None:
        return subject, "subject", subject
    # a subordinate clause first (若要在年底完成2500亿的GMV，快手还需要...): the subject after it
    for i in range(bisect_left(s.ent_ends, pos + 1), len(s.ents)):
        if s.ents[i].start >= pos and not s.ent_objects[i]:
            return s.ents[i].entity, "rules", subject
    if (
        company is not None
        and subject is None
        and not state.after_country
        and w.national_re.search(s.folded, 0, pos) is None
        and not continues_no_ones(state)
    ):
        # 该季度游戏业务收入41.2亿元: no subject written, so the article's company (inferred);
        # never a figure of the country or the market (国内旅游收入, 全国粗钢产量)
        return company, "document", None
    if not objects:
        return None, None, subject
    i = s.entity_before(pos, cs, objects=True)
    if i < 0:
        i = s.entity_before(pos, 0, objects=True)
    if i >= 0:  # only the object of a preposition named one: the weakest reading
        return s.ents[i].entity, "object", subject
    return None, None, subject


def country_after(w: Words, s: Parsed, lo: int, pos: int) -> bool:
    """Does the sentence name the country (全国, 我国) between ``lo`` (the end of the last name
    before the figure) and the figure at ``pos``? Then a figure whose clause writes no subject is
    the country's: the name before is the source that published it (``中国汽车动力电池产业创新联盟
    今日发布数据，5月，我国动力电池装车量43.9GWh，同比增长35.6%``), not its owner."""
    folded = s.folded
    # 在全国约90个城市运营: the country after a preposition is a place, not the figure's owner
    return any(
        not folded.endswith(w.preposition_tuple, lo, m.start())
        for m in w.country_re.finditer(folded, lo, pos)
    )


def continues_no_ones(state: ParagraphState) -> bool:
    """Does the paragraph's last figure name no one? Then a figure after it that writes no
    subject continues it (``全国层面，10月份社会消费品零售总额45396亿元，同比增长4.8%；1—10月份
    增长3.5%``: the country's too), not the article's company standing in for an omitted one."""
    for d in reversed(state.claims):
        if d.type is not ClaimType.EVENT:
            return d.entity is None
    return False


MAX_WORK_GAP = 12  # characters between a work's title and its figure (春节档票房, 以, 累计票房)


def work_before(w: Words, s: Parsed, pos: int, cs: int) -> tuple[int, int] | None:
    """Where the work in 《》 that the figure at ``pos`` is of is written: the last title of the
    clause before the figure, with only its measure and time between (no figure, no named
    entity, no 公司): ``《长河落日》以26.84亿元``, ``《长河落日》累计票房26.84亿元``; else None."""
    folded = s.folded
    end = folded.rfind("》", cs, pos) + 1
    if end <= 0 or pos - end > MAX_WORK_GAP or not folded[end:pos].strip():
        return None  # a table's row (《长河落日》 26.84): its columns say what, not its words
    start = folded.rfind("《", cs, end)
    if start < 0 or end - start < 3 or s.quantity_between(end, pos):
        return None
    if s.entity_before(pos, end, objects=True) >= 0 or any(c in folded[end:pos] for c in w.company_words):
        return None
    return start, end


def company_word_at(w: Words, s: Parsed, p: int, hi: int) -> tuple[int, int] | None:
    """Where the clause opens (at ``p``, past its punctuation, fillers and time expressions:
    ``skip_lead``) with a word standing for the article's company (公司, 该公司); else None."""
    folded = s.folded
    for word in w.company_words:
        if folded.startswith(word, p, hi):
            return p, p + len(word)
    return None


def skip_lead(w: Words, s: Parsed, p: int, hi: int) -> int:
    """``p`` past the punctuation, time expressions and fillers that open a clause."""
    folded = s.folded
    while p < hi:
        if folded[p] in PUNCT:
            p += 1
            continue
        if p in s.time_start_set:
            t = s.time_at(p)
            if t is not None:
                p = t.end
                continue
        filler = w.filler_re.match(folded, p, hi)
        if filler is not None and filler.end() > p:
            p = filler.end()
            continue
        break
    return p


def first_coordinated(w: Words, s: Parsed, i: int) -> int:
    """The first of coordinated entities (快手和抖音, “快手京东双百亿补贴”): the subject."""
    while i > 0:
        joiner = s.folded[s.ents[i - 1].end : s.ents[i].start].strip()
        if joiner and joiner not in w.coordinators:  # side by side (快手京东): joined
            break
        i -= 1
    return i


def clause_subject(w: Words, s: Parsed, lo: int, hi: int) -> tuple[int, int] | None:
    """The leading noun phrase of the clause starting at ``lo`` (not past ``hi``)."""
    folded = s.folded
    _cs, ce = s.clause(lo) if lo < len(folded) else (lo, lo)
    hi = min(hi, ce)
    key = (lo, hi)
    if key not in s.subjects:
        s.subjects[key] = read_subject(w, s, lo, hi)
    return s.subjects[key]


def read_subject(w: Words, s: Parsed, lo: int, hi: int) -> tuple[int, int] | None:
    folded = s.folded
    p = skip_lead(w, s, lo, hi)
    if p > lo and folded.endswith(w.preposition_tuple, lo, p):
        return None  # 据文化和旅游部数据: a source after a preposition, not the subject
    q = p
    stopped = False
    limit = min(hi, p + MAX_SUBJECT + 1)
    stops = w.subject_stops
    stop_firsts = w.subject_stop_firsts
    time_starts = s.time_start_set
    while q < limit:
        ch = folded[q]
        if q in time_starts:
            # 晶澜科技2023年实现营业收入: a name, its time, then its predicate
            t = s.time_at(q)
            stopped = t is not None and folded.startswith(stops, t.end, hi)
            break
        if ch in SUBJECT_ENDS:
            break
        if ch in stop_firsts and folded.startswith(stops, q, hi) and not name_goes_on(w, folded, q):
            stopped = True
            break
        q += 1
    end = q
    if stopped and folded.endswith(w.superlatives, p, end):
        ranked = ranked_subject(w, s, end, hi)
        if ranked is not None:
            p, end = ranked  # 发行规模最大的为华晟科创成长混合: the rank's holder, as a subject
    # “小波私房菜”是位...: a quoted name before the predicate
    while not stopped and q < hi and folded[q] in "”’」』\"'":
        q += 1
        stopped = folded.startswith(stops, q, hi)
    phrase = folded[p:end]
    if not stopped or not 2 <= len(phrase) <= MAX_SUBJECT:
        return None
    for mark in w.whole_marks:  # 食品中，畜肉类价格…: the whole broken down, no subject
        if folded.startswith(mark, end) and folded[end + len(mark) : end + len(mark) + 1] in PUNCT:
            return None
    if phrase in w.generic or phrase.startswith(w.subject_anaphora):
        return None
    if phrase.endswith(w.coordinator_tuple):
        return None  # 三家基础电信企业及|中国广电的…: cut inside a coordination, no whole name
    if phrase.startswith(w.non_name_starts) or phrase.endswith(w.non_name_ends):
        return None  # 报告期内 / 按可比口径 / 数据宝统计 / 分别: a time, a manner, a source
    if phrase in w.measure_names:
        return None  # 全年开店目标维持2500家: 开店 is a measure's name (metrics.measure_forms)
    if phrase.endswith(w.measure_ends) or phrase.startswith(w.company_words):
        return None  # 社融增量, 全国社会物流总额: a measure; 公司乙烯年产能: the company's measure
    for i in range(max(bisect_right(s.hit_starts, p) - 1, 0), len(s.hits)):
        h = s.hits[i]
        if h.start >= end:
            break
        if h.end > p and not (h.mask & Cue.ENTITY):
            return None  # a measure or a cue word is no subject (全年GMV达...)
    return p, end


def ranked_subject(w: Words, s: Parsed, at: int, hi: int) -> tuple[int, int] | None:
    """What holds the rank a superlative subject names (``entities.superlatives``): the words
    after the link at ``at`` (``的为``, ``的是``) to the clause's end, when they are a name's length
    and no figure starts inside (发行规模最大的为华晟科创成长混合 -> 华晟科创成长混合); else None."""
    folded = s.folded
    link = next((word for word in w.superlative_links if folded.startswith(word, at)), None)
    if link is None:
        return None
    start = at + len(link)
    _cs, ce = s.clause(start) if start < len(folded) else (start, start)
    end = start
    while end < min(ce, hi) and folded[end] not in PUNCT and folded[end] not in SUBJECT_ENDS:
        end += 1
    if not 2 <= end - start <= MAX_SUBJECT or s.quantity_between(start, end):
        return None
    return start, end


def name_goes_on(w: Words, folded: str, q: int) -> bool:
    """Is the stop word at ``q`` inside a word that holds it and goes on (``entities.stop_holders``:
    实物商品网上零售额, 网上 "online")?"""
    return any(q >= at and folded.startswith(holder, q - at) for holder, at in w.stop_holders)


def article_names(w: Words, folded_text: str) -> list[str]:
    """The names the article gives with a stock code or after 简称 (瑞柏医药（688325.SH）,
    公司简称：瑞柏医药), folded, in order of first appearance."""
    names: list[str] = []
    for pattern in w.stock_codes:
        for m in pattern.finditer(folded_text):
            name = name_before(w, folded_text, m.start())
            if name is not None and name not in names:
                names.append(name)
    for cue in w.short_name_cues:
        at = folded_text.find(cue)
        while at >= 0:
            end = start = at + len(cue)
            while end < len(folded_text) and end - start < MAX_NAME and _is_han(folded_text[end]):
                end += 1
            name = folded_text[start:end]
            if 2 <= len(name) < MAX_NAME and name not in names:
                names.append(name)
            at = folded_text.find(cue, end)
    for name in disclosure_names(w, folded_text):
        if name not in names:
            names.append(name)
    return names


MAX_DISCLOSED = 8  # Han characters of a name read before a disclosure's day
SENTENCE_OPENERS = frozenset("\n。.!?;")  # what a sentence starts after


def disclosure_leads(w: Words, folded_text: str) -> Iterator[str]:
    """The words that may name a company before a disclosure's day, in order: two to eight Han
    characters from a sentence's start (the text's, a line's, after 。.!?;) to a day and a
    disclosure verb (``Words.disclosure_day``). Found from the day and walked back: a pattern
    opening with the name would be tried at every position of the article."""
    if w.disclosure_day is None:
        return
    for day in w.disclosure_day.finditer(folded_text):
        end = start = day.start()
        while start > 0 and end - start <= MAX_DISCLOSED and _is_han(folded_text[start - 1]):
            start -= 1
        if 2 <= end - start <= MAX_DISCLOSED and (start == 0 or folded_text[start - 1] in SENTENCE_OPENERS):
            yield folded_text[start:end]


def disclosure_names(w: Words, folded_text: str) -> list[str]:
    """The names no rule reads that open a sentence before a day and a disclosure verb
    (``entities.disclosure_verbs``: 正元智慧1月29日公告, 国药现代8月27日发布2024年半年度报告), as a
    company's filing is reported; never a public body (国家统计局10月15日发布: ``entities.source_ends``), the country's words, a
    measure or a word the rules give another meaning."""
    found: list[str] = []
    for name in disclosure_leads(w, folded_text):
        if name in found or name in w.generic or name.endswith(w.source_ends):
            continue
        if w.national_re.search(name) or name.startswith((*w.non_name_starts, *w.preposition_tuple)):
            continue
        if name.endswith(w.preposition_tuple):
            continue  # 海悦文旅此前于9月20日公告: a predicate before the day, more than a name
        if name.startswith(tuple(w.subject_fillers)) or any(word in name for word in w.company_words):
            continue  # 据公司11月15日发布的三季报: the company's word after a preposition, no name
        if name.endswith(w.measure_ends) or any(not (h.mask & Cue.ENTITY) for h in w.lexicon.scan(name)):
            continue
        if w.lexicon.names_entity(name):
            continue  # 速达快递11月18日晚间披露: a name the rules read already, read as before
        found.append(name)
    return found


MAX_NAME = 8  # characters of a company's short name


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def name_before(w: Words, folded: str, end: int) -> str | None:
    """The name written right before ``end`` (a stock code): the run of Han characters
    before it, cut after the last of ``entities.name_cuts`` (手游开发商趣游科技 -> 趣游科技)."""
    start = end
    while start > 0 and end - start < 2 * MAX_NAME and _is_han(folded[start - 1]):
        start -= 1
    run = folded[start:end]
    cut = 0
    for word in w.name_cuts:
        k = run.rfind(word, 0, len(run) - 2)
        # a cut leaving one character before a name's suffix (东津港|务集团) cuts inside the name
        if k >= 0 and not bare_suffix(w, run[k + len(word) :]):
            cut = max(cut, k + len(word))
    name = run[cut:]
    return name if 2 <= len(name) <= MAX_NAME else None


def bare_suffix(w: Words, name: str) -> bool:
    """Whether ``name`` is a name's suffix (``entities.name_suffixes``) with less than two
    characters before it: 务集团 is what is left of 东津港务集团 cut after 港, no name."""
    return any(name.endswith(s) and len(name) - len(s) < 2 for s in w.name_suffixes)


def article_company(w: Words, names: list[str], folded_text: str, title: str, lede_end: int) -> str | None:
    """The company the article is about (folded): the name its title opens with (a name it
    lists with a stock code, ``华信保险：...``, or a prefix of three to six characters the body
    repeats: ``恒岳化学公布12月MDI挂牌价``), else of the names listed with a stock code in the
    lede (``lede_end``), the one mentioned most (the first on a tie). A look-alike cited later
    (与恒岳化学名称相近的恒岳化纤（002895）) is never it; neither is a national word (国家统计局)."""
    named = title_name(w, names, folded_text, title)
    if named is not None:
        return named
    lede = [n for n in names if 0 <= folded_text.find(n) < lede_end]
    if not lede:
        return None
    return max(lede, key=lambda n: (folded_text.count(n), -folded_text.find(n)))


def title_name(w: Words, names: list[str], folded_text: str, title: str) -> str | None:
    """The name the (folded) title opens with, if it has one (see ``article_company``)."""
    title = title.strip()
    for n in sorted(names, key=len, reverse=True):
        if title.startswith(n):
            return n
    run = 0
    while run < len(title) and run < MAX_NAME and _is_han(title[run]):
        run += 1
    reported = report_owner(w, title)
    if reported is None and title[run : run + 1] == ":" and title[:run].endswith(w.source_ends):
        return None  # 动力电池联盟：…, 国家统计局：…: the source of the figures, and no name before it
    candidates: list[str] = []
    if 3 <= run <= 6 and title[run : run + 1] in (":", " ") and title[:run] in folded_text:
        # 恒岳化学：… or 恒岳化学 …, a name the body writes too (以旧换新托底 …, a phrase, is not)
        candidates.append(title[:run])
    if reported is not None and reported in folded_text:
        candidates.append(reported)  # 醇岭酒业三季报：…: whose report the article is about
    for k in range(min(run, 6), 2, -1):
        # a word of its own: repeated, and not always followed by the title's next character
        # (国家统计 is always 国家统计局)
        times = folded_text.count(title[:k])
        if times >= 3 and folded_text.count(title[: k + 1]) < times:
            candidates.append(title[:k])
    for name in candidates:
        known = [h for h in w.lexicon.scan(name) if h.mask & Cue.ENTITY and h.start == 0 and h.end >= 2]
        if known:  # 快手电商 or 快手正...: the entity the rules know, by its canonical name
            return known[0].entity
        if w.national_re.search(name) or w.national_re.match(title) or name.startswith(w.non_name_starts):
            continue
        if name.endswith(w.source_ends):
            continue  # 文旅部：...: the source of the figures
        if name.endswith(w.genre_ends):
            continue  # 春节档复盘：...: the column, not a name
        if name.startswith(w.company_words):
            continue
        if name.endswith(w.measure_ends) or any(not (h.mask & Cue.ENTITY) for h in w.lexicon.scan(name)):
            continue  # 前三季度净利润: a measure, not a name
        return name
    return None


MAX_REPORT_HEAD = 12  # characters of a title's head naming a company's report (矽川半导体三季报)


def report_owner(w: Words, title: str) -> str | None:
    """The company a (folded) title's head names as the owner of a report (``entities.report_ends``):
    ``醇岭酒业三季报：…`` and ``华信保险年报 …`` are about 醇岭酒业 and 华信保险; else None."""
    run = 0
    while run < len(title) and run < MAX_REPORT_HEAD and _is_han(title[run]):
        run += 1
    if title[run : run + 1] not in (":", " "):
        return None
    head = title[:run]
    for end in w.report_ends:
        if head.endswith(end) and 2 <= len(head) - len(end) <= MAX_NAME:
            return head[: -len(end)]
    return None


def article_industry(w: Words, folded_text: str) -> str | None:
    """The industry an article is about: the one whose names and members (证券行业, 证券公司,
    券商) it mentions most; None when it names none or two equally often."""
    counts = sorted(
        ((sum(folded_text.count(word) for word in words), name) for name, words in w.industries),
        reverse=True,
    )
    if not counts or counts[0][0] == 0 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return None
    return counts[0][1]


def sector_owner(w: Words, measure: str | None, state: ParagraphState) -> tuple[str | None, str | None]:
    """``行业总资产10.53万亿元`` with no entity named: the article's industry owns it (an
    inferred link, ``entity_from="document"``); the measure is what follows 行业."""
    if not measure:
        return None, measure
    for word in w.sector_words:
        if measure.startswith(word) and len(measure) > len(word):
            industry = state.industry()
            return (industry, measure[len(word) :]) if industry else (None, measure)
    return None, measure

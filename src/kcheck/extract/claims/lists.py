"""Figures listed after "respectively" (分别): each takes its own measure or entity.

``行业总资产超12万亿元，净资产2.69万亿元，分别同比增长18%、12.76%``: the n figures listed
after 分别 pair in order with the last n figures before its clause (18% is the growth of
总资产, 12.76% of 净资产) when the list's clause names no measure of its own.
``招商银行、兴业银行净利润分别为1199.22亿元、826.8亿元``: n entities listed before 分别 in
its clause (or, when 分别 opens its clause, in the clause before: ``海湾电器、美凌电器、格瑞电器
全渠道销售额位列前三，分别为243.8亿元、186.3亿元和121.5亿元``) pair in order with the n figures
(826.8亿元 is 兴业银行's), and so do the n figures
after a later 分别 that names neither (``…分别为33.25亿票、20.53亿票和19.87亿票，同比分别增长
23.1%、18.4%和26.2%``: 18.4% is 韵捷速递's growth). Anything else (counts
that differ, one figure) leaves the figures as the other decisions read them.

The verb written once before the list is every item's: ``广州、深圳分别下降0.7%和0.6%`` and
``同比分别下降5.3%和6.1%`` state two decreases (-0.6%, -6.1%), not a decrease and a level.

A measure that lists n numbers for one head (``第一、二、三产业用电量同比分别增长10.1%、3.9%和8.2%``,
``一、二线城市``) names n measures, one for each figure in order: 第一产业用电量, 第二产业用电量, ...
"""

from __future__ import annotations

import re

from kcheck.extract.claims.draft import Draft
from kcheck.extract.claims.sentence import Parsed
from kcheck.extract.claims.words import Words, fold_measure
from kcheck.extract.lexicon import Cue
from kcheck.models import ClaimType
from kcheck.text.fold import fold


def respectively(w: Words, s: Parsed, drafts: list[Draft]) -> None:
    """Pair the figures listed after each 分别 of the sentence (in place)."""
    if len(drafts) < 2:
        return
    joint_measures(w, s, drafts)
    for m in w.respectively_re.finditer(s.folded):
        at, after = m.start(), m.end()
        cs, _ = s.clause(at)
        _, ce = s.clause(after) if after < len(s.folded) else (after, after)
        listed = [d for d in drafts if after <= d.start < ce and d.type is not ClaimType.EVENT]
        n = len(listed)
        if n < 2:
            continue
        share_the_change(listed)
        if numbered_measures(w, listed):
            continue
        names = names_in(s, cs, at)
        if not names and cs > 0 and not s.folded[cs:at].strip(" ,"):
            # 海湾电器、美凌电器、格瑞电器全渠道销售额位列前三，分别为…: a 分别 that opens its clause
            # lists the figures of the owners coordinated in the clause before
            names = names_in(s, s.clause(cs - 1)[0], cs)
        if len(names) == n:
            for d, name in zip(listed, names, strict=True):
                d.entity, d.entity_from = name, "rules"
            continue
        written = listed_names(w, s, cs, at, n) if not names else None
        if written is not None:
            for d, name in zip(listed, written, strict=True):
                d.entity, d.entity_from = name, "subject"
                if d.measure is not None and names_only(w, d.measure, written):
                    # 广州、深圳分别下降0.7%和0.6%: the owners are not also the measure
                    d.metric, d.measure = None, None
            continue
        own_measure = any(h.mask & Cue.METRIC for h in s.hits_in(cs, listed[-1].start))
        before = [d for d in drafts if d.start < cs and d.type is not ClaimType.EVENT and d.measure]
        if own_measure or len(before) < n:
            continue
        pairs = before[-n:]
        # 通达快运、韵捷速递、申程快递10月业务量分别为…，同比分别增长23.1%、18.4%和26.2%: one
        # measure for n owners pairs by owner
        owners = len({d.entity for d in pairs if d.entity is not None}) == n
        if len({d.measure for d in pairs}) < n and not owners:
            continue  # one measure given twice, of one owner: no list to pair with
        for d in listed[1:]:  # 分别同比增长18%、12.76%: every item is what the first is
            if listed[0].type is ClaimType.CHANGE and d.type is not ClaimType.CHANGE:
                d.type, d.change, d.dimension = ClaimType.CHANGE, listed[0].change, listed[0].dimension
        for d, source in zip(listed, pairs, strict=True):
            if d.type is ClaimType.FIGURE and d.dimension is not source.dimension:
                # 收入分别为62.3亿元和21.7亿元，门店数分别为11250家和3480家: a count after amounts
                # is its own measure, of the same owners in order
                if owners:
                    d.entity, d.entity_from = source.entity, source.entity_from
                continue
            d.metric, d.measure = source.metric, source.measure
            if owners or d.entity is None or d.entity == source.entity:
                d.entity, d.entity_from = source.entity, source.entity_from


def names_in(s: Parsed, a: int, b: int) -> list[str]:
    """The entities the rules name inside ``[a, b)``, each once, in order."""
    names: list[str] = []
    for h in s.ents:
        if a <= h.start and h.end <= b and h.entity is not None and h.entity not in names:
            names.append(h.entity)
    return names


def share_the_change(listed: list[Draft]) -> None:
    """The items of a list after 分别 whose change verb is written once, before the first
    (``分别下降0.7%和0.6%``), are changes like the first, in its direction: a listed figure with
    no verb of its own becomes a change of the same comparison, negated when the first is a
    decrease. An item with a verb of its own (``分别增长3%、下降2%``) keeps it."""
    first = listed[0]
    if first.type is not ClaimType.CHANGE or first.value is None:
        return
    for d in listed[1:]:
        if d.type is ClaimType.CHANGE or d.dimension is not first.dimension or d.value is None:
            continue
        d.type, d.change = ClaimType.CHANGE, first.change
        if first.value < 0 < d.value:
            d.value = -d.value
            d.low, d.high = (-d.high if d.high is not None else None), (-d.low if d.low is not None else None)


# one numeral each (一, 二, 三; 1, 2): the sectors, tiers, lines and phases a measure may list
_NUMERALS = "一二三四五六七八九十0123456789"


def numbered_measures(w: Words, listed: list[Draft]) -> bool:
    """Give the n figures of a list their own measures when the one measure they share lists n
    numbers for its head, joined by ``entities.coordinators`` (``第一、二、三产业用电量``: 第一产业用电量,
    第二产业用电量, 第三产业用电量; ``一、二线城市新房价格``: 一线城市新房价格, 二线城市新房价格): the
    reader's "the first, second and third industries". True when it did."""
    measure = listed[0].measure
    if not measure or "、" not in measure or any(d.measure != measure for d in listed):
        return False
    n = len(listed)
    for start, ch in enumerate(measure):
        if ch not in _NUMERALS:
            continue
        numerals, at = [ch], start + 1
        while at < len(measure):
            joiner = next((c for c in w.coordinator_tuple if measure.startswith(c, at)), None)
            if joiner is None or at + len(joiner) >= len(measure):
                break
            following = measure[at + len(joiner)]
            if following not in _NUMERALS:
                break
            numerals.append(following)
            at += len(joiner) + 1
        if len(numerals) == n and at < len(measure) and measure[at] not in _NUMERALS:
            head, rest = measure[:start], measure[at:]
            for d, numeral in zip(listed, numerals, strict=True):
                d.measure = head + numeral + rest
            return True
        if len(numerals) > 1:
            return False
    return False


MAX_LISTED_NAME = 8  # 蜜茶记, 广州, 星河影业: a listed owner's name is short


def names_only(w: Words, measure: str, names: list[str]) -> bool:
    """The measure is nothing but the listed owners and their coordinators (北京、上海)."""
    rest = fold(measure)
    for name in sorted(names, key=len, reverse=True):
        rest = rest.replace(fold(name), " ")
    for mark in w.coordinators:
        rest = rest.replace(mark, " ")
    return not rest.strip(" ,")


def listed_names(w: Words, s: Parsed, cs: int, at: int, n: int) -> list[str] | None:
    """The n owners coordinated at the head of the clause before 分别, as written, when no rule
    names them (同行中，蜜茶记、鲜果坊上半年收入分别为62.3亿元和21.7亿元: 蜜茶记's and 鲜果坊's, not
    the article's company; 广州、深圳分别下降0.7%和0.6%): the words from the clause's start to its
    first time or measure word, split at the coordinators (``entities.coordinators``). None
    unless exactly n, each of two to eight characters that no rule reads as no name (a generic
    word, a time, a sector: ``entities.non_name_starts``, the country's words)."""
    end = at
    for t in s.times_in(cs, at):
        end = min(end, t.start)
    for h in s.hits_in(cs, at):
        if not h.mask & Cue.ENTITY:
            end = min(end, h.start)
    head = s.folded[cs:end].strip(" ,")
    if not head:
        return None
    marks = sorted(w.coordinators, key=len, reverse=True)
    parts = [p.strip() for p in re.split("|".join(map(re.escape, marks)), head)] if marks else [head]
    if len(parts) != n:
        return None
    for part in parts:
        if not 2 <= len(part) <= MAX_LISTED_NAME or not part.isalnum():
            return None
        if part in w.generic or part.startswith(w.non_name_starts) or w.national_re.search(part):
            return None
    return [s.text[cs + s.folded[cs:].find(p) : cs + s.folded[cs:].find(p) + len(p)] for p in parts]


def joint_measures(w: Words, s: Parsed, drafts: list[Draft]) -> None:
    """Figures of one clause listed for a measure naming two at once (``metrics.joint_measures``:
    ``新能源汽车产销量达125.2万辆和120.7万辆``, ``汽车产销分别完成240万辆和243万辆``) are each of
    one part, in order: 新能源汽车产量 125.2万辆, 新能源汽车销量 120.7万辆 (in place). Anything but as
    many figures of one kind as the parts leaves them as read."""
    if not w.joint_measures:
        return
    i = 0
    while i < len(drafts):
        d = drafts[i]
        measure = fold_measure(d.measure) if d.measure else ""
        joint = next(((k, parts) for k, parts in w.joint_measures if k in measure), None)
        if joint is None or d.type is not ClaimType.FIGURE:
            i += 1
            continue
        word, parts = joint
        clause = s.clause(d.start)
        run = [d]
        for e in drafts[i + 1 :]:
            if len(run) == len(parts) or e.measure != d.measure or e.type is not ClaimType.FIGURE:
                break
            if s.clause(e.start) != clause or e.dimension is not d.dimension:
                break
            run.append(e)
        if len(run) == len(parts):
            at = measure.find(word)
            written = d.measure or ""
            for e, part in zip(run, parts, strict=True):
                e.measure = written[:at] + part + written[at + len(word) :]
                e.metric = None
        i += len(run)

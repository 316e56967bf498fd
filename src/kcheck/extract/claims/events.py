"""Dated events: an event word (断外链) with a day or month before it.

A sentence with an event alias (events.yaml) and a day or month before it yields an
EVENT claim dated by that time: the nearest before the alias in its clause (an
effective date with 起 in the clause wins), else earlier in the sentence. A time
followed, before the alias, by an announcement word (``2月22日的公告``, ``宣布``) dates
the announcement, not the event: no claim. The quote is the time as written; the entity
is the clause's subject entity.

Open vocabulary: the verb classes of events.yaml with ``verb:`` (成立, 投产, 生效, 发布, 召开)
are events too, their id the class and what tells one apart (``open_event``). A time dates
one event: a specific one (断外链) before a verb class in the same sentence. A verb said once
in a clause (``成立于2008年``, ``2016年在纽交所上市``) takes the time right beside it, a year too.

What had the event (``event_subject``): for the classes with ``subject:`` the thing that was
put into production, approved, opened, launched or released keys the event, so that two
outlets' sentences about it meet whichever company they name: a title in 《》 or a name in
quotes in the clause, else the words before the verb with the time, company names and fillers
taken out (``公司位于内蒙古通辽的种猪繁育基地已于11月20日正式投产`` -> 种猪繁育基地). The key
is the claim's ``measure``, its id the verb class.

An event told as done (no word looking ahead: 将, 拟, 预计) is not dated after publication: a
yearless day that the publication year would put in the future is last year's
(``公司于10月18日发布的学习机`` in a January article).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from kcheck.extract.claims.draft import Draft, ParagraphState
from kcheck.extract.claims.entity import entity_of
from kcheck.extract.claims.sentence import (
    KIND_CUES,
    MAX_CLAUSE,
    PUNCT,
    Parsed,
    last_hit,
)
from kcheck.extract.claims.words import Words
from kcheck.extract.lexicon import Cue, Hit
from kcheck.extract.numerals import cn_value
from kcheck.extract.periods import shift_years
from kcheck.extract.types import Granularity, TimeExpr
from kcheck.models import ClaimKind, ClaimType, Dimension


def events_of(
    w: Words, s: Parsed, state: ParagraphState, used: set[int], work: str | None = None
) -> list[Draft]:
    """The dated events of the sentence; ``work``: the work in 《》 the article named last
    before it (what a pointing word, 该片, refers to)."""
    if not s.times:
        return []  # no time to date an event with
    hits = [h for h in s.hits if h.event is not None]
    if not hits:
        return []  # most sentences with a figure name no event
    out: list[Draft] = []
    seen: set[tuple[str, int]] = set()
    folded = s.folded
    dated: set[int] = set()  # a time dates one event: a specific one (断外链) before a verb class
    hits.sort(key=lambda h: h.event in w.event_verbs)
    for h in hits:
        name = h.event
        if name is None:
            continue
        cs, _ce = s.clause(h.start)
        milestone: str | None = None
        if name in w.milestones:
            # 第100万辆新车下线: a milestone, keyed by its count; without one another sense
            milestone = milestone_of(w.milestones[name], folded, cs, h.start)
            if milestone is None:
                continue
        at = verb_at(s, h)
        verb = w.event_verbs.get(name)
        from_day = name in w.from_day
        day_named = name in w.day_named
        beside = (
            time_beside(s, h, at, cs)
            if (verb == "once" or verb is None) and not from_day and not day_named
            else None
        )
        if day_named:
            # 股权登记日为11月30日: the day's name, then its date
            named_day = day_after(w, s, h)
            if named_day is None:
                continue
            chosen = beside = named_day
        elif from_day:
            # 自11月1日起上调…价格: only the day a change takes effect from dates it
            took = effective_day(s, at)
            if took is None:
                continue
            chosen = took
        elif beside is not None:
            chosen = beside
        else:
            before = s.times_before(at)
            if not before:
                continue
            in_clause = list(before[bisect_left(s.time_starts, cs) :])
            if verb == "repeats":
                # 10月20日，刘鹤在2021年金融街论坛年会上强调: a year in the clause names a thing
                in_clause = [i for i in in_clause if s.times[i].granularity in _DATED]
                if not in_clause:
                    before = _dated_before(s, before)
                    if not before:
                        continue
            since = [i for i in in_clause if getattr(s.times[i], "anchor_kind", None) == "since"]
            chosen = (since or in_clause or [before[-1]])[-1]
        t = s.times[chosen]
        if t.granularity not in (Granularity.DAY, Granularity.MONTH) and beside is None:
            continue
        if (
            (getattr(t, "anchor_kind", None) in _RUNNING or t.granularity is not Granularity.DAY)
            and not from_day
            and counted(s, h)
        ):
            # 截至10月末已开业5家: how many by then, not when one opened; 10月交付7649辆: the
            # month's volume (a figure), not the day of a delivery
            continue
        between = folded[t.end : at]
        if verb is None and any(word in between for word in w.announcement):
            continue
        key: str | None = None
        if verb is not None:
            if chosen in dated and not (verb == "once" and announced(w, s, t, at, cs)):
                continue
            mode = w.event_subjects.get(name)
            if mode is not None and t.anchor_kind != "as_of":
                key = event_subject(w, s, h, mode, cs, work)
            if key is None and mode in ("named_product", "price"):
                continue  # 公司于2020年上市: no product named, not a product's launch; 上调 of no price
            held = held_event(w, s, h, name, cs, work) if key is None and name in w.held_for else None
            if milestone is not None:
                name = f"{name}:{milestone}"
            elif held is not None:
                name, key = held  # 舉行發佈會，推出…X9系列: the launch of X9系列
            elif key is None:
                opened = open_event(w, s, h, name, verb, cs, w.held_nouns.get(name, ()))
                if opened is None and name in w.held_nouns:
                    # 2026嵐州馬拉松上周日（11月22日）舉行: what was held is named before the verb
                    key = held_before(w, s, h, cs, work)
                    opened = name if key is not None else None
                if opened is None:
                    continue
                name = opened
            if name.partition(":")[0] in w.by_market:
                market = market_of(w, s, h, cs)
                if market is not None:
                    name = f"{name.partition(':')[0]}:{market}"  # 上映:北美, 上映:国内
        if (name, chosen) in seen:
            continue
        seen.add((name, chosen))
        used.add(chosen)
        dated.add(chosen)
        entity, entity_from, subject = event_entity(w, s, h, cs, state)
        cue = last_hit(s.hits_in(max(cs, h.start - MAX_CLAUSE), h.start), KIND_CUES)
        kind = ClaimKind.ACTUAL
        if cue is not None and (cue.mask & Cue.FORECAST):
            kind = ClaimKind.FORECAST
        elif cue is not None and (cue.mask & Cue.TARGET):
            kind = ClaimKind.TARGET
        date = t.span
        if kind is ClaimKind.ACTUAL and not day_named and told_as_done(w, s, t, h, cs, state):
            date = shift_years(t.span, -1).to_span()
        out.append(
            Draft(
                start=t.start,
                end=t.end,
                type=ClaimType.EVENT,
                dimension=Dimension.DATE,
                kind=kind,
                event=name,
                entity=entity,
                entity_from=entity_from,
                subject=subject,
                measure=key,
                date=date,
                time_quote=s.text[t.start : t.end],
            )
        )
    return out


_RUNNING = ("as_of", "since")  # 截至10月末, 今年以来: a running count's time


def announced(w: Words, s: Parsed, t: TimeExpr, at: int, cs: int) -> bool:
    """Does ``t`` date what an announcement told as done (``11月6日，华联移动宣布其5G-A网络在杭州
    正式开通商用``)? A verb of announcing (``events.announcing``) stands between the time and the
    event's verb, whose clause names no time of its own and no word saying it happened earlier
    (``已``) or lies ahead (``将``): the event happened on the announcement's day."""
    folded = s.folded
    if not any(word in folded[t.end : at] for word in w.announcing):
        return False
    if any(s.times[i].start >= cs for i in s.times_before(at)):
        return False
    clause = folded[cs:at]
    return not any(word in clause for word in w.done_before) and not any(
        word in clause for word in w.looking_ahead
    )


def effective_day(s: Parsed, at: int) -> int | None:
    """The last time written with 起 before ``at`` in the sentence, of a day (``自11月1日起``,
    ``12月1日起，``): the day a change takes effect from; None without one."""
    for i in reversed(s.times_before(at)):
        t = s.times[i]
        if getattr(t, "anchor_kind", None) == "since" and t.granularity is Granularity.DAY:
            return i
    return None


def counted(s: Parsed, h: Hit) -> bool:
    """Is the event verb followed right away by a count (``已开业5家``, ``开通了3条``)? With a
    running time (截至10月末已开业5家) the sentence says how many by then, not when one was."""
    at = h.end + (1 if s.folded.startswith("了", h.end) else 0)
    i = bisect_left(s.q_starts, at)
    return i < len(s.quantities) and s.quantities[i].start == at


def milestone_of(pattern: re.Pattern[str], folded: str, cs: int, at: int) -> str | None:
    """The last ordinal count of a milestone's units in the clause before the verb, its
    number written out (第100万辆 and 第一百万辆 are 第1000000辆), else None."""
    found = list(pattern.finditer(folded, cs, at))
    if not found:
        return None
    number, unit = found[-1].group(1), found[-1].group(2)
    value = cn_value(number.replace(",", ""))
    if value is None:
        return None
    return f"第{value.normalize():f}{unit}"


SAID_NEXT = 24  # characters of what follows a statement that tell it from another
LOCATIVES = frozenset("中里上内")
SINCE_DONE = ("以来", "以后")  # 自7月20日上线以来: since a day gone by


def open_event(
    w: Words, s: Parsed, h: Hit, name: str, verb: str, cs: int, held: tuple[str, ...] = ()
) -> str | None:
    """The id of an open-vocabulary event: the verb class and what tells this one apart.

    ``once``: the words between the subject's name and the verb (快手电商部门成立: 部门);
    ``repeats``: what follows the verb in its clause (中证协发布2021年度证券公司经营业绩排名情况),
    else what the sentence says next (邹澜10月15日表示，房地产贷款增长平稳). None where a ``repeats``
    verb ends its sentence: no way to tell which time it was. A verb of holding (``held``: the
    meeting-like nouns of ``events.<verb>.held``) holds its own object only, one naming a meeting
    (召开2023年度业绩说明会); ``马拉松上周日舉行，报名人数达16.8万人`` held no meeting.
    """
    folded = s.folded
    _cs, ce = s.clause(h.start)
    if verb == "repeats":
        rest = folded[h.end : ce].strip().lstrip("了的").strip("".join(PUNCT) + " ")
        if rest in LOCATIVES:
            rest = ""  # 在此前的公告中，…: the announcement is a noun here, what it said comes next
        elif len(rest) > 2 and rest[-1] in LOCATIVES:
            # 在3月30日举行的2023年度业绩说明会上 = 将于3月29日召开2023年度业绩说明会: one meeting
            rest = rest[:-1]
        if held:
            return f"{name}:{rest}" if any(noun in rest for noun in held) else None
        if not rest:
            # 锦程地产于10月31日公告，拟将…: what is said next tells which time it was
            rest = folded[ce:].strip().strip("".join(PUNCT) + " ")[:SAID_NEXT]
        return f"{name}:{rest}" if rest else None
    start = cs
    for i in range(bisect_left(s.ent_ends, cs), len(s.ents)):
        e = s.ents[i]
        if e.start >= h.start:
            break
        if e.start >= cs:
            start = e.end
    part = _between(w, s, start, h.start) if start > cs else ""
    return f"{name}:{part}" if part else name


def _between(w: Words, s: Parsed, start: int, end: int) -> str:
    """The words between a subject's name and its verb with the times and the fillers around
    them taken out (华晟科创成长混合型证券投资基金已于11月21日正式成立: nothing; 快手电商部门成立: 部门)."""
    folded = s.folded
    pieces: list[str] = []
    pos = start
    for i in range(bisect_left(s.time_starts, start), len(s.times)):
        t = s.times[i]
        if t.start >= end:
            break
        pieces.append(folded[pos : t.start])
        pos = max(pos, t.end)
    pieces.append(folded[pos:end])
    out = []
    for piece in pieces:
        piece = piece.strip(" ,;:、")
        changed = True
        while changed and piece:
            changed = False
            for word in w.event_fillers:
                if piece.startswith(word):
                    piece, changed = piece[len(word) :], True
                if piece.endswith(word):
                    piece, changed = piece[: -len(word)], True
        out.append(piece)
    return "".join(out)


def held_before(w: Words, s: Parsed, h: Hit, cs: int, work: str | None) -> str | None:
    """What a verb of holding that ends its clause held: the thing named before it, as for an
    event keyed by what had it (``2026岚州马拉松上周日（11月22日）举行``: 2026岚州马拉松); None
    where the verb has an object (that is what was held) or nothing specific is named."""
    _cs, ce = s.clause(h.start)
    if s.folded[h.end : ce].strip().lstrip("了").strip("".join(PUNCT) + " "):
        return None
    return event_subject(w, s, h, "named", cs, work)


def held_event(w: Words, s: Parsed, h: Hit, name: str, cs: int, work: str | None) -> tuple[str, str] | None:
    """The event a meeting is held for and its key (``events.<verb>.held_for``: a 发布会 held
    dates the launch of what it was for): the thing named in the meeting before its word
    (``举行X9系列发布会``), else what the event's verb names later in the sentence
    (``昨日舉行發佈會，推出新一代旗艦X9系列``); the place after 在 before the meeting's verb keys
    it as for any event. None when the meeting is none of these or names nothing."""
    folded = s.folded
    _cs, ce = s.clause(h.start)
    rest = folded[h.end : ce].strip().lstrip("了的").strip("".join(PUNCT) + " ")
    if len(rest) > 2 and rest[-1] in LOCATIVES:
        rest = rest[:-1]  # 在…举行的X9系列发布会上
    found = next(((m, event) for m, event in w.held_for[name] if rest.endswith(m)), None)
    if found is None:
        return None
    meeting, event = found
    mode = w.event_subjects.get(event)
    if mode is None:
        return None
    key = _key(w, _cut(w, rest[: -len(meeting)]))
    if mode in ("product", "named_product"):
        key = product_name(w, key) if is_product(w, key) else ""
    if not key:
        later = (x for x in s.hits if x.event == event and x.start >= ce)
        told = next(later, None)
        if told is None:
            return None
        key = event_subject(w, s, told, mode, s.clause(told.start)[0], work) or ""
    if not key:
        return None
    place = place_of(w, folded[cs : h.start])
    return event, f"{key}（{place}）" if place and "（" not in key else key


def event_entity(
    w: Words, s: Parsed, h: Hit, cs: int, state: ParagraphState
) -> tuple[str | None, str | None, str | None]:
    """The subject of the event's clause: its first entity that is not an object."""
    for i in range(bisect_left(s.ent_ends, cs), len(s.ents)):
        e = s.ents[i]
        if e.start >= h.start:
            break
        if e.start >= cs and not s.ent_objects[i]:
            return e.entity, "rules", s.text[e.start : e.end]
    return entity_of(w, s, h.start, cs, state)


_DATED = (Granularity.DAY, Granularity.MONTH)


def _dated_before(s: Parsed, before: range) -> range:
    """The times before, up to the last one of a day or a month."""
    for i in reversed(before):
        if s.times[i].granularity in _DATED:
            return range(i + 1)
    return range(0)


def verb_at(s: Parsed, h: Hit) -> int:
    """Where the verb starts outside the time before it (``自2024年1月1日起施行``: the time
    keeps its 起, the alias 起施行 starts inside it)."""
    i = bisect_right(s.time_starts, h.start) - 1
    if i >= 0 and s.times[i].start < h.start < s.times[i].end:
        return s.times[i].end
    return h.start


def day_after(w: Words, s: Parsed, h: Hit) -> int | None:
    """The time a day's name is given as (``events.day_links``): ``股权登记日为11月30日``,
    ``除权除息日：12月1日``; None when no such time follows it."""
    folded = s.folded
    pos = h.end
    link = next((word for word in w.day_links if folded.startswith(word, pos)), None)
    if link is None:
        return None
    t = s.time_at(pos + len(link))
    return s.times.index(t) if t is not None else None


def time_beside(s: Parsed, h: Hit, at: int, cs: int) -> int | None:
    """The time said right beside a verb of its clause: ``成立于2008年``, ``2016年在纽交所上市``."""
    folded = s.folded
    after = h.end + 1 if folded[h.end : h.end + 1] == "于" else None
    if after is not None:
        t = s.time_at(after)
        if t is not None:
            return s.times.index(t)
    for i in reversed(s.times_before(at)):
        t = s.times[i]
        if t.start < cs:
            break
        if t.end == at:
            return i
        break
    return None


def told_as_done(w: Words, s: Parsed, t: TimeExpr, h: Hit, cs: int, state: ParagraphState) -> bool:
    """A yearless day the publication year puts after publication, of an event told as done."""
    published = state.published
    if published is None or t.year_explicit or t.year_source == "text":
        return False
    if t.span.start <= published or t.span.start.year != published.year:
        return False
    folded = s.folded
    if any(word in folded[t.start : t.end] for word in w.relative_words):
        return False  # 今年9月25日: the year is written, relative to publication
    if t.anchor_kind == "since" and not folded.startswith(SINCE_DONE, h.end):
        return False  # 11月15日起生效: a date things run from may lie ahead (not 自7月20日上线以来)
    clause = folded[cs : max(h.end, t.end)]
    return not any(word in clause for word in w.looking_ahead)


_WORK = re.compile(r"《[^《》]{1,40}》")
_TITLED = re.compile(r"《([^《》]{1,40})》|“([^“”]{1,30})”|\"([^\"]{1,30})\"|「([^「」]{1,30})」")
_MODEL_CODE = re.compile(r"[A-Za-z][A-Za-z0-9]*-?[A-Za-z0-9]*[0-9][A-Za-z0-9]*")


def event_subject(w: Words, s: Parsed, h: Hit, mode: str, cs: int, work: str | None = None) -> str | None:
    """The key of what had the event: a title or a quoted name in its clause, else the work a
    pointing word before the verb refers to (``该片``: the last title in 《》 of the sentence
    before the clause, else ``work``, the article's last), else (``named``) the words before
    the verb, or (``product``) a product named after it; None if too generic."""
    folded = s.folded
    _cs, ce = s.clause(h.start)
    titled = [m for m in _TITLED.finditer(folded, cs, ce)]
    if titled:
        m = min(titled, key=lambda m: abs(m.start() - h.start))
        # as written, marks kept: a title or a quoted name is a name (see date_mismatch)
        return s.text[m.start() : m.end()] if next(g for g in m.groups() if g).strip() else None
    if any(p in folded[cs : h.start] for p in w.work_pointers):
        named = list(_WORK.finditer(folded, 0, cs))
        return s.text[named[-1].start() : named[-1].end()] if named else work
    if mode == "product":
        rest = folded[h.end : ce].lstrip("了的 ")
        rest = _cut(w, rest)
        code = _MODEL_CODE.search(rest)
        if (code is not None and len(code.group()) >= 3) or rest.endswith(w.product_heads):
            return product_name(w, _key(w, rest)) or None
        # X9系列将于10月28日在深圳发布: a product named before the verb was released, as for
        # named_product below; anything else there (国家统计局10月20日发布) is who released
        mode = "named_product"
    if mode == "party":
        return party_of(w, folded[cs : h.start])
    if mode == "price":
        after = price_after(w, folded[h.end : ce])
        if after:
            return after
    if mode == "named" and folded.startswith("的", h.end):
        # 赛事终点设于本月6日竣工的岚州奥体中心体育场: a verb and 的 before a thing with a head
        # (events.subject_heads) is a clause of that thing, what had the event, whatever the
        # words before the time are about
        modified = after_verb(w, s, h, ce)
        if modified:
            return modified
    pieces: list[str] = []
    pos = cs
    for i in range(bisect_left(s.time_starts, cs), len(s.times)):
        t = s.times[i]
        if t.start >= h.start:
            break
        pieces.append(folded[pos : t.start])
        pos = max(pos, t.end)
    pieces.append(folded[pos : h.start])
    names = [folded[e.start : e.end] for e in s.ents if cs <= e.start < h.start]
    # 临川市DRG付费改革将自12月10日起在全市…医疗机构全面实施: the words after 在 say where, not what
    keys = [_key(w, _cut(w, p), names) for p in pieces if not p.lstrip("起 ").startswith("在")] or [""]
    best = max(keys, key=len)
    if mode == "named_product":
        if not is_product(w, best):
            return None  # 公司于2020年上市, 新品上市: no product named before the verb
        best = product_name(w, best)
    if mode == "price":
        return best if best.endswith(w.price_heads) else None  # 聚合MDI挂牌价上调500元/吨
    key = best or after_verb(w, s, h, ce)
    if not key:
        return None
    place = place_of(w, folded[cs : h.start])
    # full-width brackets: a key read from folded text never holds them (group.event_place)
    return f"{key}（{place}）" if place else key


def place_of(w: Words, before: str) -> str | None:
    """Where the event happened, named after the last 在 before its verb (``5G-A网络在杭州正式开通``,
    ``已於11月8日在杭州開通``: 杭州): one network opened in two cities is two openings. None when
    no place of ``events.place_chars`` characters stands there."""
    at = before.rfind("在")
    if at < 0:
        return None
    place = before[at + 1 :].strip()
    changed = True
    while changed and place:
        changed = False
        for word in w.event_fillers:
            if place.endswith(word):
                place, changed = place[: -len(word)], True
    low, high = w.place_chars
    if not low <= len(place) <= high or _FIGURE_START.search(place) or "的" in place:
        return None
    return place


def after_verb(w: Words, s: Parsed, h: Hit, ce: int) -> str | None:
    """What had the event when it is written after the verb, with nothing named before it: after
    的 (``去年12月26日开通的地铁5号线、7号线一期运行平稳``, ``于11月9日开业的广州百悦天河店``) or as
    its object (``已於11月8日在杭州開通5G-A網絡商用``; not a count, ``开通了3条航线``): the noun
    phrase in the clause up to its head (``events.subject_heads``), cut like a subject before the
    verb; None when no head ends it."""
    folded = s.folded
    if folded.startswith("的", h.end):
        start = h.end + 1
    elif counted(s, h):
        return None
    else:
        start = h.end
    phrase = _cut(w, folded[start:ce])
    # the noun phrase ends with its head (店, 线, 一期): what follows is the clause's predicate
    end = max((phrase.rfind(head) + len(head) for head in w.event_heads if head in phrase), default=-1)
    return _key(w, phrase[:end]) or None if end > 0 else None


_FIGURE_START = re.compile(r"[0-9０-９]")


def price_after(w: Words, after: str) -> str | None:
    """The price a change verb is followed by (``上调主要产品出厂价格，平均…``: 主要产品出厂价格):
    the words after it up to the last head of ``events.price_heads`` before a figure starts;
    None when no price is named there."""
    after = after.lstrip("了")
    figure = _FIGURE_START.search(after)
    if figure is not None:
        after = after[: figure.start()]
    end = max((after.rfind(head) + len(head) for head in w.price_heads if head in after), default=-1)
    return _key(w, _cut(w, after[:end])) or None if end > 0 else None


def party_of(w: Words, before: str) -> str | None:
    """The other party of what two parties do together (签约), named after the last party word
    (``events.party_words``: 与, 同) before the verb: ``公司于10月25日与希腊船东`` -> 希腊船东; None
    when no party is named."""
    at = max((before.rfind(word) + len(word) for word in w.event_parties if word in before), default=-1)
    if at < 0:
        return None
    return _key(w, before[at:]) or None


def is_product(w: Words, key: str) -> bool:
    """Does a key name a product: a model code (驰远S9, QM-X2) or a product head (新一代学习机)?"""
    return bool(key) and (_MODEL_CODE.search(key) is not None or key.endswith(w.product_heads))


def product_name(w: Words, key: str) -> str:
    """A product's name without the generation and tier said of it (``events.product_tiers``:
    新一代旗舰X9系列 -> X9系列) where a model code names it; else the key as it is."""
    changed = True
    while changed:
        changed = False
        for tier in w.product_tiers:
            rest = key[len(tier) :]
            if (
                key.startswith(tier)
                and _MODEL_CODE.search(rest) is not None
                and len(rest) >= w.event_min_chars
            ):
                key, changed = rest, True
                break
    return key


def _cut(w: Words, phrase: str) -> str:
    """The noun phrase of what had the event: after the last owner word, before a stop word."""
    phrase = phrase.strip().strip(",;:、 ")
    for verb in w.announcing:
        # 华联移动宣布其5G-A网络…开通: what opened is named after the verb of announcing
        at = phrase.rfind(verb)
        if at >= 0 and at + len(verb) < len(phrase):
            phrase = phrase[at + len(verb) :]
            break
    for owner in w.event_owners:
        at = phrase.rfind(owner)
        if at >= 0 and at + len(owner) < len(phrase):
            phrase = phrase[at + len(owner) :]
    for stop in w.event_stops:
        at = phrase.find(stop)
        if at > 0:
            phrase = phrase[:at]
    return phrase


_CODE_IN_PARENS = re.compile(r"^\([^()]{0,20}\)")


def _key(w: Words, phrase: str, names: list[str] | tuple[str, ...] = ()) -> str:
    """The phrase with company names, fillers and a generic head taken off its ends."""
    changed = True
    while changed and phrase:
        changed = False
        for name in names:
            if name and phrase.startswith(name):
                phrase, changed = phrase[len(name) :], True
        m = _CODE_IN_PARENS.match(phrase)
        if m:
            phrase, changed = phrase[m.end() :], True
        for word in w.event_fillers:
            if phrase.startswith(word):
                phrase, changed = phrase[len(word) :], True
            if phrase.endswith(word):
                phrase, changed = phrase[: -len(word)], True
        phrase = phrase.strip(",;:、 ")
    for head in w.event_heads_dropped:
        if phrase.endswith(head) and len(phrase) > len(head):
            phrase = phrase[: -len(head)]
            break
    if "(" in phrase:
        phrase = _ABBREVIATED.sub(lambda m: _abbreviation(w, m), phrase)
    return phrase if len(phrase) >= w.event_min_chars else ""


# a Latin abbreviation in brackets after the Chinese words it stands for (按疾病诊断相关分组(DRG)
# 付费改革): outlets write either, so the key keeps the abbreviation (DRG付费改革), after the place
# the words may open with (临川市按疾病诊断相关分组(DRG) -> 临川市DRG)
_ABBREVIATED = re.compile(r"([\u4e00-\u9fff]{2,})\(([A-Za-z][A-Za-z0-9]{1,9})\)")


def _abbreviation(w: Words, m: re.Match[str]) -> str:
    """The place the words open with (one of ``events.place_chars`` characters ending with one
    of ``events.place_ends``: 临川市), then the abbreviation."""
    words, short = m.group(1), m.group(2)
    place = max((words.rfind(end, 0, w.place_chars[1] + 1) for end in w.place_ends), default=-1)
    return (words[: place + 1] if place >= 1 else "") + short


def market_of(w: Words, s: Parsed, h: Hit, cs: int) -> str | None:
    """The market the event's clause names (``events.markets``, the longest written)."""
    _cs, ce = s.clause(h.start)
    clause = s.folded[cs:ce]
    return next((m for m in w.markets if m in clause), None)


def last_work(text: str, folded: str) -> str | None:
    """The last work a sentence names in 《》, as written (for ``ParagraphState.document_work``)."""
    named = list(_WORK.finditer(folded))
    return text[named[-1].start() : named[-1].end()] if named else None

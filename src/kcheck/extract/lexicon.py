"""One Aho-Corasick automaton over every alias table and cue word in the rules.

The automaton is ``ahocorasick_rs`` (the Rust ``aho-corasick`` crate) with leftmost-longest
matching: 2.8 times as fast as pyahocorasick's ``iter_long`` on the sentences of ``corpus/``,
whose cost grows with the number of words starting at one character (a linear search per
character of Chinese text), and leftmost-longest by construction where ``iter_long`` drops a
shorter match after a longer one failed. It is built as a contiguous NFA, not a DFA: the same
matches, as fast on a sentence scanned alone, but a table a fraction of the DFA's size (a DFA
over the UTF-8 bytes of ~800 Chinese words), which the other passes of the extraction run
between two scans do not push out of the processor's caches: the scans take 0.7x the time
inside the extraction and the whole extraction runs 3-5% faster (benchmarks/trees.py).

A sentence is scanned once, on its folded text (``normalise.fold``: full-width ->
half-width, traditional -> simplified, same length), for entities, metrics, events and the
cue words that decide a claim's kind and change: target / forecast / revision cues, change
cues (同比, 环比), increase and decrease verbs, growth-rate nouns. Matches are leftmost-longest
and never overlap, so 快手电商 wins over 快手 and 电商交易总额 over 交易额.

One adjustment on top of plain longest-match: a metric alias that overlaps the alias before
it (快手电商交易总额: the entity 快手电商 took 电商) is extended leftwards to the longest
alias of the same table that ends where it ends (电商交易总额), so the measure is read as
written.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick_rs

from kcheck.rules import RuleSet
from kcheck.text.fold import fold
from kcheck.text.patterns import alternation


class Cue:
    """What a matched word means, as bit flags: one word may mean several things."""

    ENTITY = 1 << 0
    METRIC = 1 << 1
    EVENT = 1 << 2
    TARGET = 1 << 3
    FORECAST = 1 << 4
    REVISION = 1 << 5
    CHANGE = 1 << 6  # name: yoy / qoq
    INCREASE = 1 << 7
    DECREASE = 1 << 8
    GROWTH_RATE = 1 << 9
    DECLINE_RATE = 1 << 10

    CHANGE_VERB = INCREASE | DECREASE
    RATE_NOUN = GROWTH_RATE | DECLINE_RATE
    KIND = TARGET | FORECAST | REVISION


# the cues whose matches carry a canonical name
_NAMED = (Cue.ENTITY, Cue.METRIC, Cue.EVENT, Cue.CHANGE)


@dataclass(slots=True)  # not frozen: a frozen dataclass takes four times as long to build
class Hit:
    """One match in the folded text: ``[start, end)``, what it means, and the names it carries.
    Treat it as read-only."""

    start: int
    end: int
    mask: int
    entity: str | None = None
    metric: str | None = None
    event: str | None = None
    change: str | None = None


def _variants(word: str) -> set[str]:
    """The folded word, and for words with Latin letters its lower- and upper-case forms."""
    folded = fold(word)
    out = {folded}
    if folded.isascii() or any("a" <= ch.lower() <= "z" for ch in folded):
        out |= {folded.lower(), folded.upper()}
    return {w for w in out if len(w) == len(folded)}


_HAN_CHAR = "[\u4e00-\u9fff]"
_HAN = re.compile(_HAN_CHAR + "+")
_JOINERS = frozenset("、和及与年月日")
_NAME_CHAR = re.compile("[\u4e00-\u9fffA-Za-z0-9]")
MAX_FUND_RUN = 40  # characters walked back from a fund's type to find where its name starts
MAX_BODY_RUN = 12  # Han characters from a suffix to a body's head (汽车|动力电池产业创新联盟)


class Lexicon:
    """The automaton plus the metric alias table used to extend overlapping metric matches."""

    def __init__(self, rules: RuleSet) -> None:
        table: dict[str, dict[int, str]] = {}

        def add(words: Iterable[str], cue: int, name: str | None = None) -> None:
            for word in words:
                for key in _variants(word):
                    table.setdefault(key, {}).setdefault(cue, name if name is not None else word)

        for canonical, entity in rules.entities.entities.items():
            add([canonical, *entity.aliases], Cue.ENTITY, canonical)
        for canonical, metric in rules.metrics.metrics.items():
            add(metric.aliases, Cue.METRIC, canonical)
        for canonical, event in rules.events.events.items():
            add(rules.events.aliases(event), Cue.EVENT, canonical)
        kinds = rules.kinds
        add(kinds.target, Cue.TARGET)
        add(kinds.forecast, Cue.FORECAST)
        add(kinds.revision, Cue.REVISION)
        for change, words in kinds.changes.items():
            add(words, Cue.CHANGE, change)
        add(kinds.increase, Cue.INCREASE)
        add(kinds.decrease, Cue.DECREASE)
        add(kinds.growth_rates, Cue.GROWTH_RATE)
        add(kinds.decline_rates, Cue.DECLINE_RATE)
        # 南京东路: matched as a word of no meaning, so the alias inside (京东) is not (no hit);
        # 增加值 likewise, so the verb inside (增加) is not
        add((w for w in (*rules.entities.look_alikes, *kinds.not_changes) if w not in table), 0)

        self.words = tuple(table)  # every word matched, folded, in the automaton's order
        # what each word means, by its index in the automaton: (mask, *names in _NAMED order)
        self._meanings: list[tuple[int, str | None, str | None, str | None, str | None]] = []
        for meanings in table.values():
            mask = 0
            for cue in meanings:
                mask |= cue
            entity_name, metric_name, event_name, change_name = (meanings.get(cue) for cue in _NAMED)
            self._meanings.append((mask, entity_name, metric_name, event_name, change_name))
        self._automaton = (
            ahocorasick_rs.AhoCorasick(
                list(self.words),
                matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                implementation=ahocorasick_rs.Implementation.ContiguousNFA,
            )
            if table
            else None
        )
        self.metric_aliases: dict[str, str] = {
            key: meanings[Cue.METRIC] for key, meanings in table.items() if Cue.METRIC in meanings
        }
        self._longest_metric = max((len(k) for k in self.metric_aliases), default=0)
        ents = rules.entities
        self._not_names = frozenset(fold(w) for w in ents.not_names)
        # a run that opens with the article's generic company word (公司原保险保费收入) is
        # that word and a measure, never a name
        # that word and a measure, never a name; nor one that opens with the country's word, a
        # time or a manner (全国邮政快递, 全年快递: entities.national_words, non_name_starts) or a
        # predicate of two characters or more (累计完成快递, 完成快递: subject_stops)
        self._not_name_starts = tuple(
            fold(w)
            for w in (
                *ents.company_words,
                *ents.national_words,
                *ents.non_name_starts,
                *(stop for stop in ents.subject_stops if len(stop) >= 2),
            )
            if w
        )
        self._lead_ins = frozenset(fold(w) for w in ents.name_lead_ins)
        self._regions = tuple(fold(w) for w in ents.name_regions if w)
        self._trade_nouns = tuple(fold(w) for w in ents.trade_nouns if w)
        # a body's head after a name's suffix, Han characters only between (see _inside_body_name);
        # a head that is not all Han can never lie inside such a run
        heads = [h for h in (fold(w) for w in ents.body_heads if w) if _HAN.fullmatch(h)]
        self._body_run = re.compile(f"{_HAN_CHAR}*?(?:{alternation(heads)})") if heads else None
        suffixes = sorted({fold(w) for w in ents.name_suffixes if w}, key=len, reverse=True)
        # a name is two to four Han characters before a suffix, after a boundary: not after
        # another Han character except these (招商银行、兴业银行; 1-10月锦程地产)
        self._suffix_re = re.compile("|".join(map(re.escape, suffixes))) if suffixes else None
        self._newline_words = any("\n" in word for word in (*self.words, *suffixes))  # see scan_lines
        # funds by the form of their names (entities.fund_names), in fund news
        funds = ents.fund_names
        self._fund_registered = {fold(k): fold(v) for k, v in funds.registered.items()}
        self._fund_short = frozenset(fold(w) for w in funds.short_ends)
        self._fund_classed = frozenset(fold(w) for w in funds.classed_ends)
        self._fund_classes = frozenset(funds.share_classes)
        self._fund_context = tuple(fold(w) for w in funds.context)
        self._fund_cuts = tuple(fold(w) for w in funds.cuts)
        self._fund_chars = (funds.min_chars, funds.max_chars)
        fund_ends = sorted(
            {*self._fund_registered, *self._fund_short, *self._fund_classed}, key=len, reverse=True
        )
        self._fund_re = (
            re.compile("|".join(map(re.escape, fund_ends))) if fund_ends and funds.context else None
        )
        # 东津港务集团 -> 东津港 (entities.operator_forms), longest form first
        forms = ((fold(f), fold(o)) for f, o in ents.operator_forms.items())
        self._operator_forms = tuple(sorted(forms, key=lambda fo: len(fo[0]), reverse=True))

    def matches(self, folded: str) -> list[tuple[int, int, int]]:
        """(index in ``words``, start, end) of the words in ``folded``: at each place the longest
        word starting there, the leftmost first, none overlapping."""
        if self._automaton is None:
            return []
        return self._automaton.find_matches_as_indexes(folded)

    def scan(self, folded: str) -> list[Hit]:
        """Every leftmost-longest match in ``folded``, in text order (see the module doc)."""
        if self._automaton is None or not folded:
            return []
        return self._hits(folded, self.matches(folded), 0)

    def scan_lines(self, lines: list[str], names: Sequence[str] = ()) -> list[list[Hit]]:
        """``scan`` of each of ``lines`` (a document's folded sentences), plus an entity hit
        wherever one of ``names`` is written (``with_names``). One call of the automaton, one
        search for the open names' suffixes and one for each spelling of a name, over the lines
        joined by newlines: no word, suffix or name holds a newline, so no match crosses one and
        each line's matches are those a scan of the line alone finds. One call instead of one a
        sentence: the call, not the matching, is most of a short sentence's scan."""
        spellings = self._spellings(names)
        if self._automaton is None or self._newline_words or any("\n" in w for w, _name in spellings):
            return [self.with_names(line, self.scan(line), names) for line in lines]
        joined = "\n".join(lines)
        ends: list[int] = []  # where each line ends in ``joined``
        end = -1
        for line in lines:
            end += len(line) + 1
            ends.append(end)
        matches = self.matches(joined)
        funds = self.says_fund(joined)  # fund news: a sentence naming no fund word may name a fund
        suffixes = [m.span() for m in self._suffix_re.finditer(joined)] if self._suffix_re is not None else []
        written: dict[int, list[tuple[int, int, str]]] = {}  # by line: the names, spelling by spelling
        for spelling, name in spellings:
            at = joined.find(spelling)
            while at >= 0:
                n = bisect_left(ends, at)
                offset = ends[n] - len(lines[n])
                written.setdefault(n, []).append((at - offset, at - offset + len(spelling), name))
                at = joined.find(spelling, at + len(spelling))
        out: list[list[Hit]] = []
        i = j = offset = 0
        for n, line in enumerate(lines):
            first, first_suffix = i, j
            end = ends[n]
            while i < len(matches) and matches[i][1] < end:
                i += 1
            while j < len(suffixes) and suffixes[j][0] < end:
                j += 1
            if line:
                hits = self._hits(line, matches[first:i], offset, suffixes[first_suffix:j], funds)
                out.append(_add_names(hits, written[n]) if n in written else hits)
            else:
                out.append([])
            offset = end + 1
        return out

    def _hits(
        self,
        folded: str,
        matches: list[tuple[int, int, int]],
        offset: int,
        suffixes: list[tuple[int, int]] | None = None,
        funds: bool | None = None,
    ) -> list[Hit]:
        """The hits of ``matches`` (of the automaton, ``offset`` characters before ``folded``),
        and the open names before ``suffixes`` (where the suffixes were found, also ``offset``
        characters before; None: search ``folded`` for them)."""
        hits: list[Hit] = []
        aliases = self.metric_aliases
        meanings = self._meanings
        metric_bit = Cue.METRIC
        for index, start, end in matches:
            start -= offset
            end -= offset
            mask, entity, metric, event, change = meanings[index]
            if not mask:
                continue  # a look-alike (南京东路): it only keeps the alias inside from matching
            if mask & metric_bit and hits and hits[-1].end == start:
                # the previous match may have eaten the head of a longer metric alias
                for k in range(min(self._longest_metric, end), end - start, -1):
                    name = aliases.get(folded[end - k : end])
                    if name is not None:
                        hits.append(Hit(end - k, end, metric_bit, metric=name))
                        break
                else:
                    hits.append(Hit(start, end, mask, entity, metric, event, change))
                continue
            hits.append(Hit(start, end, mask, entity, metric, event, change))
        if funds is None:
            funds = self.says_fund(folded)
        if funds:
            hits = self._fund_names(folded, hits)
        if self._suffix_re is None:
            return hits
        if suffixes is None:
            return self._open_names(folded, hits, [m.span() for m in self._suffix_re.finditer(folded)])
        if not suffixes:
            return hits
        return self._open_names(folded, hits, [(a - offset, b - offset) for a, b in suffixes])

    def says_fund(self, folded: str) -> bool:
        """Is ``folded`` fund news (a word of ``entities.fund_names.context``): may it name a fund?"""
        return self._fund_re is not None and any(word in folded for word in self._fund_context)

    def _fund_names(self, folded: str, hits: list[Hit]) -> list[Hit]:
        """``hits`` plus the funds named by their form (``entities.fund_names``): a short name
        (华晟科创成长混合) or a full one (华晟科创成长混合型证券投资基金), both the short name as the
        entity; the name replaces the matches inside it, and is dropped where one crosses it."""
        assert self._fund_re is not None
        added: list[Hit] = []
        low, high = self._fund_chars
        for m in self._fund_re.finditer(folded):
            word, at, end = m.group(), m.start(), m.end()
            short = self._fund_registered.get(word)
            if short is None:
                after = folded[end : end + 1]
                if after and after in self._fund_classes and not _NAME_CHAR.match(folded, end + 1):
                    if word not in self._fund_classed and word not in self._fund_short:
                        continue
                    end += 1  # …债券A: the share class is written, the fund is the same
                elif word in self._fund_short and not _HAN.match(folded, end):
                    pass  # …混合，: a short name's end (混合型基金 is a kind of fund)
                else:
                    continue
                short = word
            start = at
            while start > 0 and at - start < MAX_FUND_RUN and _NAME_CHAR.match(folded, start - 1):
                start -= 1
            run = folded[start:at]
            cut = max((run.rfind(c) + len(c) for c in self._fund_cuts if c in run), default=0)
            prefix = run[cut:]
            if (
                not low <= len(prefix) <= high
                or not _HAN.match(prefix)
                or prefix.startswith(self._not_name_starts)
            ):
                continue
            start = at - len(prefix)
            name = prefix + short
            if name in self._not_names or any(h.start < start < h.end or h.start < end < h.end for h in hits):
                continue  # a match crossing the name's edge: the words read another way
            added.append(Hit(start, end, Cue.ENTITY, entity=name))
        if not added:
            return hits
        kept = [h for h in hits if not any(a.start <= h.start and h.end <= a.end for a in added)]
        return sorted([*kept, *added], key=lambda h: (h.start, h.end))

    def names_entity(self, folded: str) -> bool:
        """Whether the whole of ``folded`` is one entity match (a rules alias or an open name)."""
        hits = self.scan(folded)
        return (
            len(hits) == 1
            and hits[0].start == 0
            and hits[0].end == len(folded)
            and bool(hits[0].mask & Cue.ENTITY)
        )

    def with_names(self, folded: str, hits: list[Hit], names: Iterable[str]) -> list[Hit]:
        """``hits`` plus an entity hit wherever one of ``names`` (the article's own names, read
        from its stock codes: ``entity.article_names``) is written and no other match overlaps;
        an operator's name also where what it runs is written alone (东津港务集团（601286.SH）
        ... 9月，东津港完成集装箱吞吐量: ``entities.operator_forms``), the full names first."""
        written: list[tuple[int, int, str]] = []
        for spelling, name in self._spellings(names):
            at = folded.find(spelling)
            while at >= 0:
                end = at + len(spelling)
                written.append((at, end, name))
                at = folded.find(spelling, end)
        return _add_names(hits, written) if written else hits

    def _spellings(self, names: Iterable[str]) -> list[tuple[str, str]]:
        """(as written, name) for each of ``names``, then the operators' forms (see with_names)."""
        spellings = [(name, name) for name in names]
        for name in names:
            for form, operated in self._operator_forms:
                if name.endswith(form) and len(name) - len(form) >= 2:
                    spellings.append((name[: -len(form)] + operated, name))
                    break
        return spellings

    def _at_boundary(self, folded: str, start: int) -> bool:
        """Whether a name may start at ``start``: after the start, a non-Han character, a
        joiner, or a one-character preposition or a region that itself follows one of those
        (``entities.name_lead_ins``: 以沧澜钢铁为例; ``entities.name_regions``: 大陸海鷗航空)."""
        if start == 0 or not _HAN.match(folded, start - 1) or folded[start - 1] in _JOINERS:
            return True
        before = start - 1
        if folded[before] in self._lead_ins and (
            before == 0 or not _HAN.match(folded, before - 1) or folded[before - 1] in _JOINERS
        ):
            return True
        # 大陸海鷗航空: after a region the Taiwan and Hong Kong press name a mainland company by
        for region in self._regions:
            at = start - len(region)
            if at >= 0 and folded.startswith(region, at):
                return at == 0 or not _HAN.match(folded, at - 1) or folded[at - 1] in _JOINERS
        return False

    def _inside_body_name(self, folded: str, end: int) -> bool:
        """Whether the Han characters right after a name's suffix at ``end`` run on, within
        ``MAX_BODY_RUN`` characters, into the head of an association's or alliance's name
        (``entities.body_heads``: 中国汽车|动力电池产业创新联盟)."""
        assert self._body_run is not None
        return self._body_run.match(folded, end, end + MAX_BODY_RUN) is not None

    def _open_names(self, folded: str, hits: list[Hit], suffixes: list[tuple[int, int]]) -> list[Hit]:
        """Names no entry lists, read from their form (招商银行): entity hits where no other
        match overlaps, the canonical name as written. The suffixes are found first (rare,
        ``suffixes``: where), then the shortest name before each that starts at a boundary."""
        added: list[Hit] = []
        for at, end in suffixes:
            if self._trade_nouns and folded.startswith(self._trade_nouns, end):
                continue  # 当天揽收快递包裹: the trade heading a noun (entities.trade_nouns)
            if self._body_run is not None and self._inside_body_name(folded, end):
                continue  # 中国汽车动力电池产业创新联盟: an alliance's name, not 中国汽车
            for n in (2, 3, 4):
                start = at - n
                if start < 0 or not _HAN.fullmatch(folded, start, at):
                    break
                if folded[start] in _JOINERS:
                    break
                if self._at_boundary(folded, start):
                    name = folded[start:end]
                    if name.startswith(self._not_name_starts):
                        break
                    if name not in self._not_names and not any(h.start < end and start < h.end for h in hits):
                        added.append(Hit(start, end, Cue.ENTITY, entity=name))
                    break
        if not added:
            return hits
        return sorted([*hits, *added], key=lambda h: (h.start, h.end))


def _add_names(hits: list[Hit], written: list[tuple[int, int, str]]) -> list[Hit]:
    """``hits`` plus an entity hit for each name ``written`` (start, end, name; in the order the
    spellings were searched) that overlaps no match and no name added before it."""
    added: list[Hit] = []
    for at, end, name in written:
        if not any(h.start < end and at < h.end for h in (*hits, *added)):
            added.append(Hit(at, end, Cue.ENTITY, entity=name))
    if not added:
        return hits
    return sorted([*hits, *added], key=lambda h: (h.start, h.end))

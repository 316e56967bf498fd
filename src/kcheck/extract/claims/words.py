"""The rules' words as the decisions read them: folded, sorted and compiled once.

``Words`` holds every word list and pattern a decision of the assembler reads, built from
the rules when the assembler is made; the decisions are functions of (``Words``, the
sentence, the figure), so each can be read and tested on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from kcheck.extract.claims.sentence import PUNCT
from kcheck.extract.lexicon import Lexicon
from kcheck.rules import MetricRule, RuleSet
from kcheck.text.fold import fold
from kcheck.text.patterns import alternation, word_pattern


@lru_cache(maxsize=1 << 12)
def fold_measure(measure: str) -> str:
    """``fold`` memoised for measures: a sentence's figures share a few measures, and each
    decision that reads one (its period, kind, increment, joint word) folds it again."""
    return fold(measure)


class Words:
    """Word lists and patterns of the rules, folded (see the module docstring)."""

    def __init__(self, rules: RuleSet, lexicon: Lexicon) -> None:
        self.rules = rules
        self.lexicon = lexicon
        f = folded_words
        ents = rules.entities
        self.generic = frozenset(f(ents.generic_subjects))
        self.prepositions = f(ents.prepositions)
        self.preposition_tuple = tuple(self.prepositions)
        # the first of them (in the rules' order, not the longest) a text opens with
        self.preposition_re = re.compile("|".join(map(re.escape, self.prepositions)))
        self.subject_stops = tuple(sorted(f(ents.subject_stops), key=len, reverse=True))
        # a subject is read character by character: only where a stop can start are the stops tried
        self.subject_stop_firsts = frozenset(word[0] for word in self.subject_stops)
        # (holder, where its stop word is in it): 网上 holds 上 at 1
        self.stop_holders = tuple(
            (holder, at)
            for holder in f(ents.stop_holders)
            for at in range(len(holder))
            if holder.startswith(self.subject_stops, at)
        )
        self.subject_fillers = sorted(f(ents.subject_fillers), key=len, reverse=True)
        self.subject_anaphora = tuple(f(ents.subject_anaphora))
        self.non_name_starts = tuple(f(ents.non_name_starts))
        self.non_name_ends = tuple(f(ents.non_name_ends))
        self.whole_marks = tuple(sorted(f(ents.whole_marks), key=len, reverse=True))
        self.sector_words = tuple(sorted(f(ents.sector_words), key=len, reverse=True))
        self.industries = [
            (name, f([name, *rule.aliases, *rule.members]))
            for name, rule in ents.entities.items()
            if rule.type == "industry"
        ]
        self.coordinators = frozenset(f(ents.coordinators))
        self.coordinator_tuple = tuple(sorted(self.coordinators, key=len, reverse=True))
        self.company_words = tuple(sorted(f(ents.company_words), key=len, reverse=True))
        self.measure_ends = tuple(f(ents.measure_ends))
        self.superlatives = tuple(f(ents.superlatives))
        self.superlative_links = tuple(sorted(f(ents.superlative_links), key=len, reverse=True))
        # a statistic's names (metrics.measure_forms, both forms): a measure, never a subject
        forms = rules.metrics.measure_forms
        self.measure_names = frozenset(f([*forms, *forms.values()]))
        self.national_re = word_pattern(f(ents.national_words))
        # the words naming the country itself (全国, 我国; not the industry's 行业)
        self.country_re = word_pattern(f([w for w in ents.national_words if w not in ents.sector_words]))
        self.national_firsts = frozenset(word[0] for word in f(ents.national_words))
        # the words naming a whole a breakdown (其中) belongs to: the country's (全国) or one
        # region's (全省); longest first, so 全市场 (the market's) is never 全市 (the city's)
        countries = [w for w in ents.national_words if w not in ents.sector_words]
        self.whole_re = word_pattern(f([*countries, *ents.region_words]))
        self.region_words = frozenset(f(ents.region_words))
        # a province's name, perhaps with its suffix (浙江, 浙江省), and the first characters of all
        self.province_re = re.compile(
            f"({alternation(f(ents.provinces))})(?:{alternation(f(ents.province_suffixes))})?"
        )
        self.province_firsts = frozenset(name[0] for name in f(ents.provinces) if name)
        # the words writing one month of a cumulative period alone (当月, 单月)
        times = rules.time
        self.aside_months = tuple(w for w in f([*times.anaphoric_months, *times.period_months]) if w)
        self.stock_codes = [re.compile(p) for p in ents.stock_code_patterns]
        self.short_name_cues = tuple(f(ents.short_name_cues))
        # a name opening a sentence, then a day and a disclosure verb (正元智慧1月29日晚间公告) or a
        # report verb and a report a few words on (国药现代8月27日发布2024年半年度报告)
        filings = []
        if ents.disclosure_verbs:
            filings.append(alternation(f(ents.disclosure_verbs)))
        if ents.report_verbs and ents.report_objects:
            verbs, objects = alternation(f(ents.report_verbs)), alternation(f(ents.report_objects))
            filings.append(f"(?:{verbs})[^,。.;!?]{{0,16}}?(?:{objects})")
        # found from the day on (its first digit), the name walked back from there: a regex that
        # opened with the name would try every position of the article
        self.disclosure_day = (
            re.compile(r"\d(?=\d?月\d{1,2}日(?:晚间|早间|午间|盘后|晚|早)?(?:" + "|".join(filings) + "))")
            if filings
            else None
        )
        self.name_cuts = tuple(f(ents.name_cuts))
        self.name_suffixes = tuple(f(ents.name_suffixes))
        self.source_ends = tuple(f(ents.source_ends))
        self.genre_ends = tuple(f(ents.genre_ends))
        self.report_ends = tuple(sorted(f(ents.report_ends), key=len, reverse=True))
        mets = rules.metrics
        self.metric_rules: dict[str, MetricRule] = dict(mets.metrics)
        self.economy = frozenset(name for name, rule in mets.metrics.items() if rule.economy)
        self.running = frozenset(name for name, rule in mets.metrics.items() if rule.running)
        self.money_context = tuple(f(mets.money_context))
        self.segment_cues = tuple(f(mets.segment_cues))
        self.durations = frozenset(mets.duration_units)
        self.duration_measures = tuple(f(rules.units.duration_measures))
        self.stock_words = tuple(f(mets.stock_words))
        # 产销量 -> (产量, 销量), the longest joint word first (产销量 before 产销)
        self.joint_measures = sorted(
            ((fold(k), tuple(fold(p) for p in v)) for k, v in mets.joint_measures.items()),
            key=lambda kv: len(kv[0]),
            reverse=True,
        )
        self.period_marks = tuple(f(mets.period_marks))
        self.epithet_ends = tuple(f(mets.epithet_ends))
        # words naming a kind of place (城市): opening a measure, the group of places its parts are
        self.place_kinds = tuple(f(rules.boilerplate.table_place_headers))
        # a table's column header word -> the kind of change its cells are (环比 -> qoq)
        self.header_changes = tuple(
            sorted(
                ((word, kind) for kind, words in rules.kinds.header_changes.items() for word in f(words)),
                key=lambda wk: len(wk[0]),
                reverse=True,
            )
        )
        bases = [b for b in f(mets.ratio_bases) if b]
        # 每10股: the base's number in digits (the number reader leaves a number after 每 alone)
        self.ratio_base_re = re.compile(f"每([0-9]{{1,6}})({alternation(bases)})") if bases else None
        frames = mets.segment_frames
        self.segment_frame_re = (
            re.compile(
                f"(?:{alternation(f(frames.leads))})?"
                f"([\\u4e00-\\u9fffA-Za-z]{{1,8}}?(?:{alternation(f(frames.line_ends))}))"
                f"(?:{alternation(f(frames.ends))})[，,]"
            )
            if frames.ends and frames.line_ends
            else None
        )
        self.segment_not_lines = tuple(f(frames.not_lines))
        self.segment_line_ends = tuple(f(frames.line_ends))
        self.segment_frame_leads = tuple(f(frames.leads))
        kinds = rules.kinds
        self.neutral = sorted(
            f(
                [
                    *mets.neutral_prefixes,
                    *mets.keep_modifiers,
                    *kinds_words(rules),
                    *ents.subject_fillers,
                    *ents.prepositions,
                    *(word for words in rules.kinds.scopes.values() for word in words),
                    *ents.generic_subjects,
                    *kinds.anaphora,
                    *kinds.forecast,  # 全国铁路预计发送旅客: a forecast, not a part
                ]
            ),
            key=len,
            reverse=True,
        )
        kinds = rules.kinds
        self.scopes = [(name, word_pattern(f(words))) for name, words in kinds.scopes.items()]
        self.standing = tuple(f(kinds.standing))
        self.standing_flows = tuple(f(kinds.standing_flows))
        self.revision = tuple(f(kinds.revision))
        self.to_words = tuple(f(kinds.to_words))
        self.anaphora = tuple(f(kinds.anaphora))
        self.anaphora_owners = tuple(f(kinds.anaphora_owners))
        self.achieved_re = word_pattern(f(kinds.achieved)) if kinds.achieved else None
        self.corrected_re = word_pattern(f(kinds.corrected)) if kinds.corrected else None
        self.average = tuple(f(kinds.average))
        self.comparison_before = tuple(f(kinds.comparison_before))
        self.comparison_after = tuple(f(kinds.comparison_after))
        self.change_from = tuple(f(kinds.change_from))
        self.ratio_before = tuple(f(kinds.ratio_before))
        self.same_period = tuple(f(rules.time.same_period))
        self.open_to_now = tuple(f(rules.time.open_to_now))
        self.first_days = {fold(word): n for word, n in rules.time.first_days.items() if word}
        self.full_year = frozenset(f(rules.time.full_year))
        # 底: an approximate run to a month's last day (time.month_parts), for a balance that day
        self.month_end_words = tuple(
            f([w for w, part in rules.time.month_parts.items() if part.last == 31 and part.approx])
        )
        self.holiday_re = word_pattern(f(rules.time.holiday_words))
        # festivals with an official break (春节 -> Spring Festival), for 去年同期 after 春节档
        self.festival_holidays = {
            f([name])[0]: rule.holiday for name, rule in rules.time.festivals.items() if rule.holiday
        }
        self.festival_re = word_pattern(list(self.festival_holidays))
        # 年初设定的3%左右的调控目标: a target noun the figure is the value of, after it and 的
        nouns = [x for x in f(kinds.target_nouns)]
        self.target_after = (
            re.compile(
                rf"(?:{alternation(f(rules.time.approx_suffixes))})?的[\u4e00-\u9fff]{{0,4}}?(?:{alternation(nouns)})"
            )
            if nouns
            else None
        )
        self.change_to_verbs = tuple(sorted(f(kinds.change_to_verbs), key=len, reverse=True))
        self.restated_basis = tuple(f(kinds.restated_basis))
        self.measure_trim = sorted(
            f([*kinds.measure_trim, *kinds.corrected, *qualifier_words(rules)]), key=len, reverse=True
        )
        trim = alternation(self.measure_trim)
        fill = alternation([*self.subject_fillers, *self.measure_trim])
        punct = re.escape("".join(sorted(PUNCT)))
        closing = re.escape("".join(sorted(PUNCT - set(")]"))))
        self.neutral_re = word_pattern(self.neutral)
        self.filler_re = word_pattern(self.subject_fillers)
        self.lead = re.compile(f"(?:[{punct}]|{fill})*")
        # the marks of a numbered list item (一、 （一） 1、: boilerplate.numbered_items), which
        # open a sentence before its measure; the characters they can start with
        self.list_marks = [re.compile(p) for p in rules.boilerplate.numbered_items]
        self.list_mark_firsts = frozenset("（(0123456789一二三四五六七八九十")
        self.tail = re.compile(f"(?:[{closing}]|{trim})+$")
        self.announcement = tuple(f(rules.events.announcement))
        self.announcing = tuple(sorted(f(rules.events.announcing), key=len, reverse=True))
        self.done_before = tuple(f(rules.events.done_before))
        self.event_verbs = {name: e.verb for name, e in rules.events.events.items() if e.verb is not None}
        ev = rules.events
        self.event_subjects = {name: e.subject for name, e in ev.events.items() if e.subject is not None}
        self.event_fillers = tuple(sorted(f(ev.subject_fillers), key=len, reverse=True))
        self.event_stops = tuple(f(ev.subject_stops))
        self.event_owners = tuple(f(ev.subject_owners))
        self.event_parties = tuple(f(ev.party_words))
        self.price_heads = tuple(sorted(f(ev.price_heads), key=len, reverse=True))
        self.from_day = frozenset(name for name, e in ev.events.items() if e.from_day)
        self.day_named = frozenset(name for name, e in ev.events.items() if e.day_named)
        self.day_links = tuple(sorted(f(ev.day_links), key=len, reverse=True))
        self.event_heads = tuple(f(ev.subject_heads))
        self.event_heads_dropped = tuple(sorted(f(ev.subject_heads_dropped), key=len, reverse=True))
        self.event_min_chars = ev.subject_min_chars
        self.place_chars = ev.place_chars
        self.place_ends = tuple(ev.place_ends)  # 省市县区州: what a place's name ends with
        self.markets = tuple(sorted(f(ev.markets), key=len, reverse=True))
        self.day_ratios = tuple(f(rules.metrics.day_ratios))
        self.work_pointers = tuple(f(ev.work_pointers))
        self.by_market = frozenset(name for name, e in ev.events.items() if e.by_market)
        # 召开 发布会: the event a meeting is held for (events `held_for`), longest word first
        self.held_for = {
            name: tuple(
                sorted(((f([m])[0], event) for m, event in e.held_for.items()), key=lambda p: -len(p[0]))
            )
            for name, e in ev.events.items()
            if e.held_for
        }
        # 召开 业绩说明会: the meeting-like nouns a verb of holding needs in its object (events `held`)
        self.held_nouns = {name: tuple(f(e.held)) for name, e in ev.events.items() if e.held}
        # 第100万辆, 第一百万台: an ordinal count of a milestone's units (events `milestone`)
        self.milestones = {
            name: re.compile(rf"第({_ORDINAL_NUMBER})({alternation(f(e.milestone))})")
            for name, e in ev.events.items()
            if e.milestone
        }
        self.product_heads = tuple(sorted(f(ev.product_heads), key=len, reverse=True))
        self.product_tiers = tuple(sorted(f(ev.product_tiers), key=len, reverse=True))
        self.looking_ahead = tuple(
            f([*ev.looking_ahead, *kinds.target, *kinds.forecast, *rules.boilerplate.future_cues])
        )
        self.relative_words = tuple(f(rules.time.relative_years))
        self.present = tuple(f(kinds.present))
        self.period_months = frozenset(f(rules.time.period_months))
        self.measure_after_lead = tuple(f(kinds.measure_after_lead))
        self.measure_after_verbs = tuple(sorted(f(kinds.measure_after_verbs), key=len, reverse=True))
        # where a verb of rank can start: the verbs are tried only there (None: one is empty)
        self.measure_after_firsts = (
            frozenset(v[0] for v in self.measure_after_verbs) if all(self.measure_after_verbs) else None
        )
        self.respectively_re = word_pattern(f(kinds.respectively))
        self.breakdown_re = word_pattern(f(kinds.breakdown))
        self.hypothetical = tuple(f(kinds.hypothetical))
        self.increment = tuple(sorted(f(kinds.increment), key=len, reverse=True))
        self.more_less = sorted(
            [(word, 1) for word in f(kinds.more)] + [(word, -1) for word in f(kinds.less)],
            key=lambda pair: len(pair[0]),
            reverse=True,
        )
        self.more_less_words = tuple(word for word, _sign in self.more_less)
        self.hypothetical_re = word_pattern(self.hypothetical)
        self.anaphora_re = word_pattern(self.anaphora)
        self.report_period_re = word_pattern(f(kinds.report_period))
        self.segment_re = word_pattern(self.segment_cues)
        self.money_re = word_pattern(self.money_context)
        self.present_re = word_pattern(self.present)
        self.relative_re = word_pattern(self.relative_words)
        self.not_time_re = word_pattern(f(rules.time.not_times))
        self.currency = rules.units.default_currency

    def compares(self, clause: str) -> bool:
        """Does ``clause`` (folded, the words before a figure) name a comparison base
        (``kinds.comparison_before``: 比前三季度回落, 与上一年10.3%的占比)?"""
        return any(word in clause for word in self.comparison_before)

    def relatives(self, folded: str, lo: int = 0, hi: int | None = None) -> Iterator[re.Match[str]]:
        """The relative time words (今年, 上年) in ``folded[lo:hi]``, none inside a phrase that
        is no time (``time.not_times``: 按照上年不变价计算 is a price base, not last year)."""
        spans: list[tuple[int, int]] | None = None
        for m in self.relative_re.finditer(folded, lo, len(folded) if hi is None else hi):
            if spans is None:
                spans = [n.span() for n in self.not_time_re.finditer(folded)]
            if not any(a <= m.start() < b for a, b in spans):
                yield m


# the number of an ordinal: digits (with thousands commas) and a magnitude, or Chinese numerals
_ORDINAL_NUMBER = r"[0-9][0-9,]*(?:\.[0-9]+)?[万亿]?|[零〇一二两三四五六七八九十百千万亿]+"


def folded_words(words: Iterable[str]) -> list[str]:
    return [fold(w) for w in words if w]


def kinds_words(rules: RuleSet) -> list[str]:
    """Words that never narrow a measure: verbs, particles and adverbs of ``measure_trim``, and
    the words of a correction (交付量经核对调整为: ``kinds.corrected``)."""
    return [*rules.kinds.measure_trim, *rules.kinds.corrected]


def qualifier_words(rules: RuleSet) -> list[str]:
    return [w for q in rules.qualifiers.qualifiers.values() for w in q.words]

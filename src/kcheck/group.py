"""Group claims into topics: what each claim is about, field by field.

A topic is one entity, one measure (a metric, or an event for dated events), one period
(figures; an event's date is its value), one kind, scope, change and unit. Claims are
grouped only when every part agrees; the period must be the *same* span (2021-Q3 is not
前三季度). Where the alias tables in rules/ know no canonical name, the words as written are
matched with rapidfuzz, strictly, and only inside a block of claims that already agree on
every exact part, so the cost stays near linear in the number of claims.

Every topic says why its claims were grouped (``Topic.why``), so an editor can reject a
grouping as easily as a finding.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import groupby

from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from kcheck.compact import Shared
from kcheck.models import Claim, ClaimKind, ClaimType, Dimension, Span, Topic, TopicKey, TopicStatus
from kcheck.rules import RuleSet
from kcheck.text.calendar import period_label, span_text
from kcheck.text.fold import folded

_NOT_WORD = re.compile(r"[\W_]+")
# a bracketed gloss in a measure (an abbreviation or a note: （NBV）, (含应用及小程序)), folded
_GLOSS = re.compile(r"\([^()]*\)")


# --------------------------------------------------------------------------- which claims count


def dedupe_key(claim: Claim) -> tuple[str, str, str, int]:
    """The same sentence repeated in one document (a page that carries its article twice)."""
    return (claim.doc, folded(claim.sentence).strip(), folded(claim.quote), claim.offset)


def unique_claims(claims: Iterable[Claim]) -> list[Claim]:
    """``claims`` with repeats of one sentence in one document dropped (first one kept).

    Two claims with equal keys share their document and offset, so the sentence is folded
    only for claims that share both with another (rare): most topics fold nothing.
    """
    claims = list(claims)
    places: dict[tuple[str, int], int] = {}
    for claim in claims:
        place = (claim.doc, claim.offset)
        places[place] = places.get(place, 0) + 1
    if len(places) == len(claims):
        return claims
    seen: set[tuple[str, str, str, int]] = set()
    out: list[Claim] = []
    # claims at one place mostly share their sentence (one string, kcheck.compact): folded once
    sentences: dict[str, str] = {}
    for claim in claims:
        if places[(claim.doc, claim.offset)] > 1:
            sentence = sentences.get(claim.sentence)
            if sentence is None:
                sentence = sentences[claim.sentence] = folded(claim.sentence).strip()
            key = (claim.doc, sentence, folded(claim.quote), claim.offset)
            if key in seen:
                continue
            seen.add(key)
        out.append(claim)
    return out


def unique_by_document(claims: Iterable[Claim]) -> Iterator[list[Claim]]:
    """``unique_claims(claims)`` one document at a time, in order: the same claims, with only
    one document's bookkeeping held at once (a pass over every claim of a 100,000-article run
    kept a place per claim, MEMORY). When a document's claims do not all come together (never
    as a run gathers them) the claims come back as one list."""
    claims = claims if isinstance(claims, Sequence) else list(claims)
    docs: set[str] = set()
    last: str | None = None
    for claim in claims:
        if claim.doc != last:
            if claim.doc in docs:
                yield unique_claims(claims)
                return
            docs.add(claim.doc)
            last = claim.doc
    docs.clear()
    for _, same in groupby(claims, key=lambda c: c.doc):
        yield unique_claims(same)


def is_superseded(claim: Claim) -> bool:
    """A target or forecast its own sentence revises (目标是2000亿元，后又上调至2500亿元)."""
    return claim.superseded


# the scope of a standing attribute's figure (``kinds.standing``: 5号线全长32.6公里): it holds for
# no period and is compared as it is, with the same measure's figures of that scope only
STANDING = "standing"


def is_timed(period: Span | None, scope: str | None) -> bool:
    """Whether figures of this period and scope may be compared: they hold for a period, or
    for none as a standing attribute."""
    return period is not None or scope == STANDING


def has_value(claim: Claim) -> bool:
    """Whether a claim has a value the checks can compare: a date, or a bounded figure with a
    period, or with none as a standing attribute (scope ``standing``: 5号线全长32.6公里)."""
    if claim.type == ClaimType.EVENT:
        return claim.date is not None
    return is_timed(claim.period, claim.scope) and (claim.low is not None or claim.high is not None)


def is_valued(claim: Claim) -> bool:
    """Whether a claim's value may stand against another's: it has one and it was not revised."""
    return has_value(claim) and not is_superseded(claim)


# --------------------------------------------------------------------------- labels


def normalise_phrase(text: str) -> str:
    """Fold (traditional, full-width), lower-case and drop punctuation and spaces."""
    return _NOT_WORD.sub("", folded(text).lower())


def _unit_key(claim: Claim, canonical_measure: bool, rules: RuleSet) -> str | None:
    """What must match for two values to be comparable at all."""
    dim = claim.dimension
    if dim == Dimension.MONEY:
        return claim.unit or rules.units.default_currency
    if dim == Dimension.PERCENT:
        return "%"
    if dim == Dimension.POINTS:
        return "pp"
    if dim == Dimension.MULTIPLE:
        return "x"
    if dim == Dimension.COUNT and not canonical_measure:
        # without a metric, the counter word is part of what is counted (单 vs 人); one
        # quantity in two units is compared in one (斤 -> 吨: units.conversions)
        conversion = rules.units.conversions.get(claim.unit or "")
        return conversion.to if conversion is not None else claim.unit
    return None


# --------------------------------------------------------------------------- keys


@dataclass(frozen=True, slots=True)
class _Entry:
    """A claim with the parts of its key worked out (slots: there is one per claim of the
    run while the claims are gathered, MEMORY)."""

    claim: Claim
    entity: str  # canonical name, or the subject normalised (fuzzy)
    entity_fuzzy: bool
    measure: str  # metric / event id, the measure phrase normalised (fuzzy), or the sentence
    measure_fuzzy: bool
    by_sentence: bool = False  # no entity or measure known: the sentence itself is the key
    # an event keyed by what had it (its ``measure``: 无锡12英寸晶圆厂二期), not by its company:
    # ``entity`` holds that key, matched fuzzily; claims of two named companies never meet
    by_subject: bool = False


def entity_key(name: str, rules: RuleSet) -> str:
    """A named entity as it meets others: folded (瑞柏醫藥 = 瑞柏医药), without its legal
    form (瑞柏医药股份有限公司 = 瑞柏医药, ``entities.legal_suffixes``) and an operator as what
    it runs (东津港务集团 = 东津港, ``entities.operator_forms``). Worked out once per name and
    rule set: an archive names a few thousand entities in a million claims."""
    known = rules.derived(_entity_keys)
    key = known.get(name)
    if key is None:
        key = known[name] = _entity_key(name, rules)
    return key


def _entity_keys(rules: RuleSet) -> dict[str, str]:
    return {}


def _entity_key(name: str, rules: RuleSet) -> str:
    key = folded(name).strip()
    for suffix in _legal_suffixes(rules):
        if key.endswith(suffix) and len(key) - len(suffix) >= 2:
            key = key[: -len(suffix)]
            break
    return operated_name(key, rules) or key


def operated_name(name: str, rules: RuleSet) -> str | None:
    """What an operator named after it runs (东津港务集团 -> 东津港: ``entities.operator_forms``),
    None for any other name."""
    for form, operated in _operator_forms(rules):
        if name.endswith(form) and len(name) - len(form) >= 2:
            return name[: -len(form)] + operated
    return None


def _operator_forms(rules: RuleSet) -> tuple[tuple[str, str], ...]:
    """``entities.operator_forms`` folded, longest form first (worked out once per rule set)."""
    return rules.derived(_operator_forms_of)


def _operator_forms_of(rules: RuleSet) -> tuple[tuple[str, str], ...]:
    forms = ((folded(f), folded(o)) for f, o in rules.entities.operator_forms.items())
    return tuple(sorted(forms, key=lambda fo: len(fo[0]), reverse=True))


def _legal_suffixes(rules: RuleSet) -> tuple[str, ...]:
    """``entities.legal_suffixes`` folded, longest first (worked out once per rule set)."""
    return rules.derived(_legal_suffixes_of)


def _legal_suffixes_of(rules: RuleSet) -> tuple[str, ...]:
    return tuple(sorted((folded(w) for w in rules.entities.legal_suffixes if w), key=len, reverse=True))


def measure_key(phrase: str, rules: RuleSet) -> str:
    """A measure phrase as it meets others: normalised, without a bracketed gloss (新业务价值
    （NBV） = 新业务价值: brackets never narrow a measure), without the words at its start that
    outlets write or leave out for one fact (``metrics.keep_modifiers``: 公司研发投入 = 研发投入,
    全国粗钢产量 = 粗钢产量, 该季度游戏业务收入 = 游戏业务收入; the scope words of
    ``kinds.scopes``, which the scope part of the key carries: 我国累计出口钢材 = 出口钢材; and the
    target and forecast words of ``kinds``, which its kind part carries: 计划交付 = 交付)
    and without a change verb at its end (挂牌价上调 = 挂牌价)."""
    text = folded(phrase)
    if "(" in text:
        text = _GLOSS.sub("", text) or text
    key = _NOT_WORD.sub("", text.lower())
    for full, short in _measure_forms(rules):
        key = key.replace(full, short)
    edges = _measure_edges(rules)
    while key and edges.lead is not None:
        m = edges.lead.match(key)  # the longest leading word (alternatives longest first)
        if m is None:
            break
        if len(key) <= m.end() + 1:  # it leaves too little: a shorter one may not (rare)
            word = next((w for w in edges.leads if key.startswith(w) and len(key) > len(w) + 1), None)
            if word is None:
                break
            key = key[len(word) :]
        else:
            key = key[m.end() :]
    m = edges.tail.search(key) if edges.tail is not None else None
    if m is not None:  # the longest trailing word (the leftmost that reaches the end)
        if m.start() > 1:
            key = key[: m.start()]
        else:
            word = next((w for w in edges.tails if key.endswith(w) and len(key) > len(w) + 1), None)
            if word is not None:
                key = key[: -len(word)]
    return key


@dataclass(frozen=True)
class _Edges:
    """The words ``measure_key`` drops, longest first, and one pattern for each end."""

    leads: tuple[str, ...]
    tails: tuple[str, ...]
    lead: re.Pattern[str] | None
    tail: re.Pattern[str] | None


def _measure_forms(rules: RuleSet) -> tuple[tuple[str, str], ...]:
    """``metrics.measure_forms`` as ``measure_key`` sees them, longest full name first."""
    return rules.derived(_measure_forms_of)


def _measure_forms_of(rules: RuleSet) -> tuple[tuple[str, str], ...]:
    def key(phrase: str) -> str:
        return _NOT_WORD.sub("", folded(phrase).lower())

    forms = ((key(f), key(s)) for f, s in rules.metrics.measure_forms.items())
    return tuple(sorted(((f, s) for f, s in forms if f and f != s), key=lambda fs: len(fs[0]), reverse=True))


def _measure_edges(rules: RuleSet) -> _Edges:
    """The leading and trailing words ``measure_key`` drops (worked out once per rule set)."""
    return rules.derived(_measure_edges_of)


def _measure_edges_of(rules: RuleSet) -> _Edges:
    scopes = (w for words in rules.kinds.scopes.values() for w in words)
    kinds = (*rules.kinds.target, *rules.kinds.forecast)
    leads = {normalise_phrase(w) for w in (*rules.metrics.keep_modifiers, *scopes, *kinds)}
    tails = {normalise_phrase(w) for w in (*rules.kinds.increase, *rules.kinds.decrease)}
    lead_words = tuple(sorted((w for w in leads if w), key=len, reverse=True))
    tail_words = tuple(sorted((w for w in tails if w), key=len, reverse=True))
    return _Edges(
        lead_words,
        tail_words,
        re.compile("|".join(map(re.escape, lead_words))) if lead_words else None,
        re.compile(f"(?:{'|'.join(map(re.escape, tail_words))})\\Z") if tail_words else None,
    )


def _measure_of(claim: Claim, rules: RuleSet) -> tuple[str | None, bool]:
    """(measure, is_fuzzy): the canonical metric/event, else the normalised phrase."""
    canonical = claim.event if claim.type == ClaimType.EVENT else claim.metric
    if canonical:
        return canonical, False
    if claim.type != ClaimType.EVENT and not claim.entity and claim.measure:
        metric = _country_metric(claim.measure, rules)
        if metric is not None:  # 国内动力电池装车量 of no one: the country's 动力电池装车量
            return metric, False
    phrase = (
        measure_key(claim.measure or "", rules)
        if claim.type != ClaimType.EVENT
        else normalise_phrase(claim.measure or "")
    )
    if len(phrase) < rules.checks.fuzzy.min_measure_chars or phrase.isdigit():
        return None, False
    return phrase, True


def _country_metric(measure: str, rules: RuleSet) -> str | None:
    """The metric a figure naming no one measures when its measure opens with a word naming the
    country (``metrics.country_modifiers``: 国内动力电池装车量 -> battery_installations), else None."""
    text = folded(measure)
    for word in rules.derived(_country_modifiers):
        if text.startswith(word):
            return _metric_aliases(rules).get(normalise_phrase(text[len(word) :]))
    return None


def _country_modifiers(rules: RuleSet) -> tuple[str, ...]:
    return tuple(sorted((folded(w) for w in rules.metrics.country_modifiers if w), key=len, reverse=True))


def _subject_measure(claim: Claim, rules: RuleSet) -> tuple[str | None, bool]:
    """``_measure_of`` a figure whose subject was read as written, without that subject and
    the 的 after it where its measure opens with them (``矽川半导体的毛利率`` -> gross_margin): used
    only once the subject is known to name an entity the corpus names (``unnamed_owners``), so
    a modifier read as a subject (``品牌商品的销量``) never loses its words."""
    head, measure = claim.entity or "", claim.measure or ""
    if claim.entity_from != "subject" or claim.metric or not head or claim.type == ClaimType.EVENT:
        return _measure_of(claim, rules)
    text, head = folded(measure), folded(head).strip()
    at = len(head) + len(text[len(head) :]) - len(text[len(head) :].lstrip())
    if not text.startswith(head) or text[at : at + 1] != "的":
        return _measure_of(claim, rules)
    rest = text[at + 1 :]
    metric = _metric_aliases(rules).get(normalise_phrase(rest))
    if metric is not None:
        return metric, False
    phrase = measure_key(rest, rules)
    if len(phrase) < rules.checks.fuzzy.min_measure_chars or phrase.isdigit():
        return None, False
    return phrase, True


def _metric_aliases(rules: RuleSet) -> dict[str, str]:
    """Every metric alias, normalised -> its metric (worked out once per rule set)."""
    return rules.derived(_metric_aliases_of)


def _metric_aliases_of(rules: RuleSet) -> dict[str, str]:
    return {
        normalise_phrase(alias): name
        for name, rule in rules.metrics.metrics.items()
        for alias in (name, *rule.aliases)
        if normalise_phrase(alias)
    }


_MASK = "□"
# why claims that name no one were grouped (Topic.why, and the weak link of a finding)
UNNAMED_WHY = "grouped by the measure alone, a weak link"
# why a figure that names no one joined a named entity's topic (unnamed_owners)
OMITTED_WHY = "read as {entity}, the only candidate stating this measure for this period (named in its article, or the whole trade)"
_SPACE = re.compile(r"\s+")


def sentence_context(claim: Claim, rules: RuleSet) -> str | None:
    """The claim's sentence with its own figure masked (folded, spaces dropped), if informative.

    Two documents carrying this same text state the same thing, whatever the figure: the
    way a syndicated copy with one figure changed is caught when no alias names the measure.
    """
    sentence, quote = claim.sentence, claim.quote
    offset = claim.offset
    if not quote or sentence[offset : offset + len(quote)] != quote:
        offset = sentence.find(quote)
        if offset < 0:
            return None
    whole = folded(sentence)
    masked = _SPACE.sub("", whole[:offset] + _MASK + whole[offset + len(quote) :])
    if len(normalise_phrase(masked)) < rules.checks.fuzzy.min_sentence_chars:
        return None
    return masked


def _ungrouped_reason(claim: Claim, rules: RuleSet) -> str | None:
    measure, fuzzy = _measure_of(claim, rules)
    named = bool(claim.entity and normalise_phrase(claim.entity))
    if not named and (measure is None or not unnamed_may_meet(claim, measure, fuzzy, rules)):
        return "not grouped: no entity"
    if measure is None:
        what = "event" if claim.type == ClaimType.EVENT else "metric"
        return f"not grouped: no {what} or measure phrase"
    return None


def unnamed_may_meet(claim: Claim, measure: str, fuzzy: bool, rules: RuleSet) -> bool:
    """Whether a figure that names no one may still meet others by its measure alone: a
    statistic of the whole economy (``metrics.<name>.economy``: CPI, PPI), a measure phrase
    specific enough to name the statistic (``全国铁路发送旅客``, ``粗钢产量``: at least
    ``checks.fuzzy.min_unnamed_chars``), or one that names the country as written (``全国出口``,
    a breakdown's ``我国出口``, a metric's ``全国动力电池装车量``). Such a link is weak (at most
    a warning). Dated events need a subject: ``上线`` alone names nothing."""
    if claim.type == ClaimType.EVENT:
        return False
    # 全国出口, 我国动力电池装车量: the measure as written names the country, its owner, however
    # short, and whether or not a metric names it
    names_country = folded(claim.measure or "").startswith(rules.derived(_country_words))
    if not fuzzy:
        rule = rules.metrics.metrics.get(measure)
        return rule is not None and (rule.economy or names_country)
    return len(measure) >= rules.checks.fuzzy.min_unnamed_chars or names_country


def _country_words(rules: RuleSet) -> tuple[str, ...]:
    """The national words that name the country itself (全国, 我国; not 行业), folded."""
    sectors = set(rules.entities.sector_words)
    return tuple(folded(w) for w in rules.entities.national_words if w and w not in sectors)


def region_of(claim: Claim, rules: RuleSet) -> str:
    """The region word a figure's measure opens with (``entities.region_words``: 全省社会消费品零售
    总额 is the province's; a province's name, ``entities.provinces``: 浙江一般公共预算收入), else "": figures of a region never meet the country's of that name.
    The longest word the measure opens with decides, so a national word that begins like a region
    word (全市场公募基金资产净值: the whole market's, not 全市's) is no region."""
    measure = claim.measure
    if not measure:
        return ""
    text = folded(measure)
    word, region = next(((w, r) for w, r in rules.derived(_region_words) if text.startswith(w)), ("", False))
    return word if region else ""


def _region_words(rules: RuleSet) -> tuple[tuple[str, bool], ...]:
    """``entities.region_words`` (True) and ``entities.national_words`` (False) folded, longest
    first (worked out once per rule set)."""
    words = {folded(w): False for w in rules.entities.national_words if w}
    words.update((folded(w), True) for w in rules.entities.region_words if w)
    words.update((folded(w), True) for w in rules.entities.provinces if w)
    return tuple(sorted(words.items(), key=lambda item: len(item[0]), reverse=True))


def scope_key(claim: Claim, rules: RuleSet | None = None) -> str | None:
    """The scope as it meets others: ``1-11月累计粗钢产量`` is ``1-11月粗钢产量`` (累计 over a
    period that starts with the year adds nothing), and so is 累计 over a festival campaign whose
    span the sentence states (``双11期间（10月20日至11月11日），公司全渠道累计销售额``: the running
    total from the campaign's first day is the campaign's total; ``festival_campaign``);
    截至 a day, 累计 stays cumulative."""
    span = claim.period
    if claim.scope == "cumulative" and span is not None and span.start != span.end:
        if (span.start.month, span.start.day) == (1, 1):
            return None
        if rules is not None and festival_campaign(claim, rules) is not None:
            return None
    return claim.scope


# a festival's 期间 by its rule: (its day, its default window), so 双11 and 双十一 are one
_FestivalId = tuple[str, str]


def _festival_quotes(rules: RuleSet) -> tuple[tuple[str, _FestivalId], ...]:
    """``time.festivals`` with a ``during`` window, each written with each ``festival_during``
    word (双11期间), folded, longest first (worked out once per rule set)."""
    return rules.derived(_festival_quotes_of)


def _festival_quotes_of(rules: RuleSet) -> tuple[tuple[str, _FestivalId], ...]:
    quotes = {
        folded(name + word): (f.day, f.during)
        for name, f in rules.time.festivals.items()
        if f.during and f.day
        for word in rules.time.festival_during
        if word
    }
    return tuple(sorted(quotes.items(), key=lambda item: len(item[0]), reverse=True))


def _window(festival: _FestivalId, year: int) -> Span:
    first, _, last = festival[1].partition("..")
    return Span(start=dt.date.fromisoformat(f"{year}-{first}"), end=dt.date.fromisoformat(f"{year}-{last}"))


def festival_window(claim: Claim, rules: RuleSet) -> _FestivalId | None:
    """The festival whose default window (``time.festivals`` ``during``) the claim's period is,
    read from its own words with no span stated (证券日讯's ``双11期间公司全渠道销售额达168.3亿元``:
    11-01..11-11), or None."""
    quote, span = claim.time_quote, claim.period
    if not quote or span is None or claim.type == ClaimType.EVENT:
        return None
    text = folded(quote)
    for written, festival in _festival_quotes(rules):
        if text.endswith(written):
            return festival if span == _window(festival, span.end.year) else None
    return None


def festival_campaign(claim: Claim, rules: RuleSet) -> _FestivalId | None:
    """The festival whose own campaign span the claim's sentence states in brackets after the
    festival's 期间 (财联社's ``双11期间（10月20日至11月11日），公司全渠道累计销售额186.3亿元``): a
    span other than the default window that runs to the festival's day, or None."""
    quote, span = claim.time_quote, claim.period
    if not quote or span is None or span.start == span.end or claim.type == ClaimType.EVENT:
        return None
    sentence = folded(claim.sentence)
    quotes = _festival_quotes(rules)
    if not quotes or not any(q in sentence for q, _ in quotes):
        return None
    text = folded(quote)
    for written, festival in quotes:
        if f"{written}({text}" in sentence:
            day = dt.date.fromisoformat(f"{span.end.year}-{festival[0]}")
            if span.end == day and span != _window(festival, day.year):
                return festival
            return None
    return None


class _Campaigns:
    """Each owner's festival campaign spans as the corpus states them, so that another article's
    undated 期间 of the same owner's same festival takes that span: an inferred link (at most a
    warning, ``check.context.weak_links``). ``add`` each claim of the corpus, then ``resolve``."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.spans: dict[tuple[str, _FestivalId, int], set[Span]] = {}
        # the 期间 words: a claim whose sentence and time write none has neither a campaign nor a
        # window (a cheap gate)
        self.during = (
            tuple(folded(w) for w in rules.time.festival_during if w) if _festival_quotes(rules) else ()
        )

    @staticmethod
    def _owner(c: Claim) -> str | None:
        return c.entity if c.entity and c.entity_from != "subject" else None

    def add(self, c: Claim) -> bool:
        """Take in one claim; True when ``resolve`` may give it a campaign's span."""
        owner = self._owner(c)
        if owner is None or c.period is None or not c.time_quote:
            return False
        sentence, quote = folded(c.sentence), folded(c.time_quote)
        if not any(w in sentence or w in quote for w in self.during):
            return False
        festival = festival_campaign(c, self.rules)
        if festival is not None:
            key = (entity_key(owner, self.rules), festival, c.period.end.year)
            self.spans.setdefault(key, set()).add(c.period)
            return False
        return festival_window(c, self.rules) is not None

    def resolve(self, c: Claim) -> Claim:
        """The claim with the one span the corpus states for its owner's festival, if one."""
        owner, festival = self._owner(c), festival_window(c, self.rules)
        if owner is None or festival is None or c.period is None:
            return c
        spans = self.spans.get((entity_key(owner, self.rules), festival, c.period.end.year), set())
        if len(spans) != 1:
            return c
        return c.model_copy(update={"period": next(iter(spans)), "period_from": "campaign"})


def campaign_periods(claims: Iterable[Claim], rules: RuleSet) -> dict[str, Claim]:
    """Claim id -> the claim with its owner's festival campaign span (``_Campaigns``), for the
    claims whose undated festival 期间 another claim of the corpus dates."""
    claims = list(claims)
    found = _Campaigns(rules)
    waiting = [c for c in claims if found.add(c)]
    out: dict[str, Claim] = {}
    for c in waiting:
        dated = found.resolve(c)
        if dated is not c:
            out[c.id] = dated
    return out


def _block_key(entry: _Entry, rules: RuleSet) -> tuple[object, ...]:
    """The exact parts of the key: fuzzy matching only ever happens inside one block."""
    c = entry.claim
    entity = "~" if entry.entity_fuzzy else entry.entity
    measure = "~" if entry.measure_fuzzy else ("§" if entry.by_sentence else "") + entry.measure
    if c.type == ClaimType.EVENT:
        return (c.type.value, "@" if entry.by_subject else entity, measure, c.kind.value)
    period = (c.period.start, c.period.end) if c.period else None
    unit = _unit_key(c, not entry.measure_fuzzy, rules)
    return (
        c.type.value,
        entity,
        measure,
        region_of(c, rules),
        period,
        c.kind.value,
        scope_key(c, rules),
        c.change,
        c.dimension.value,
        unit,
    )


def cluster_phrases(phrases: Sequence[str], threshold: float) -> list[list[str]]:
    """Complete-linkage clusters of distinct phrases: every pair in a cluster scores >= threshold.

    Complete linkage (not single) so that A~B and B~C never pull unrelated A and C together.
    Order-independent: phrases are taken shortest first, then alphabetically.
    """
    distinct = sorted(set(phrases), key=lambda p: (len(p), p))
    if len(distinct) <= 1:
        return [distinct] if distinct else []
    scores = cdist(distinct, distinct, scorer=fuzz.ratio, score_cutoff=threshold)
    numbers = [numerals_of(p) for p in distinct]
    clusters: list[list[int]] = []
    for i in range(len(distinct)):
        for members in clusters:
            if all(scores[i][j] >= threshold and numbers_agree(numbers[i], numbers[j]) for j in members):
                members.append(i)
                break
        else:
            clusters.append([i])
    return [[distinct[i] for i in members] for members in clusters]


# the numerals a name may be told apart by: digits and the Chinese ordinals and counts
_NUMERALS = frozenset("0123456789一二三四五六七八九十两")


def numerals_of(phrase: str) -> str:
    """The numerals written in ``phrase``, in order (第一产业用电量 -> 一, 5号线 -> 5)."""
    return "".join(ch for ch in phrase if ch in _NUMERALS)


def numbers_agree(a: str, b: str) -> bool:
    """Two similar names whose numerals differ name different things, however alike the rest:
    第一产业用电量 / 第二产业用电量, 一线城市新建商品住宅销售价格 / 二线城市…, 5号线 / 7号线, 一期 /
    二期 (a reader tells the sectors, tiers, lines and phases apart by their number). A name
    with no numeral (手机出货量 against 5G手机出货量) is left to the similarity alone."""
    return not a or not b or a == b


def _min_similarity(phrases: Sequence[str]) -> float:
    distinct = sorted(set(phrases))
    if len(distinct) < 2:
        return 100.0
    return min(fuzz.ratio(a, b) for i, a in enumerate(distinct) for b in distinct[i + 1 :])


def _split_fuzzy(entries: list[_Entry], attr: str, threshold: float) -> list[list[_Entry]]:
    phrases = [getattr(e, attr) for e in entries]
    groups: list[list[_Entry]] = []
    for cluster in cluster_phrases(phrases, threshold):
        members = set(cluster)
        groups.append([e for e in entries if getattr(e, attr) in members])
    return groups


def _split(entries: list[_Entry], rules: RuleSet) -> list[tuple[list[_Entry], str | None]]:
    """Split one block by entity, then by measure, fuzzily where the names are not canonical;
    each part with the company it was split off by (``_by_company``: None unless it was)."""
    fz = rules.checks.fuzzy
    if entries[0].by_subject:
        return [
            (part, owner)
            for group in _split_fuzzy(_owned_subjects(entries, rules), "entity", fz.event)
            for owner, named in _by_company(group, rules)
            for _place, part in _by_place(named)
        ]
    by_entity = _split_fuzzy(entries, "entity", fz.entity) if entries[0].entity_fuzzy else [entries]
    out: list[tuple[list[_Entry], str | None]] = []
    for group in by_entity:
        if group[0].measure_fuzzy:
            threshold = fz.event if group[0].claim.type == ClaimType.EVENT else fz.metric
            out.extend((part, None) for part in _split_fuzzy(group, "measure", threshold))
        else:
            out.append((group, None))
    return out


def _owned_subjects(entries: list[_Entry], rules: RuleSet) -> list[_Entry]:
    """What had an event, written after the name of its company where another telling of the
    event names that company apart (``蜀味记岚州旗舰店`` beside ``蜀味记`` and its ``岚州旗舰店``, both
    opening): keyed without the name, so the two tellings meet; the name is written in both
    articles, no link is inferred. A subject that is the name and little else keeps it."""
    names = sorted({normalise_phrase(e.claim.entity or "") for e in entries} - {""}, key=len, reverse=True)
    if not names:
        return entries
    shortest = rules.events.subject_min_chars
    out: list[_Entry] = []
    for e in entries:
        name = next((n for n in names if e.entity.startswith(n) and len(e.entity) - len(n) >= shortest), None)
        out.append(replace(e, entity=e.entity[len(name) :]) if name else e)
    return out


def _by_company(entries: list[_Entry], rules: RuleSet) -> list[tuple[str | None, list[_Entry]]]:
    """One subject told of two named companies is two things (两家公司各自的二期项目): split by
    the companies named (rules) as they meet elsewhere (``entity_key``: an operator is what it
    runs, 东津港务集团 = 东津港), the claims that name none staying with the first. Each part's
    company goes into its topic's key (``owner``): the parts share every other part of it."""

    def company(e: _Entry) -> str | None:
        c = e.claim
        return entity_key(c.entity, rules) if c.entity and c.entity_from == "rules" else None

    return _split_named(entries, company)


_PLACE = re.compile(r"^(.+)（([^（）]+)）$")


def event_place(measure: str) -> tuple[str, str | None]:
    """What had an event and where, from its key (``5G-A网络（杭州）``: the extractor writes the
    place it read after 在 in full-width brackets, which a key read from folded text never holds)."""
    m = _PLACE.match(measure)
    return (m.group(1), m.group(2)) if m else (measure, None)


def _by_place(entries: list[_Entry]) -> list[tuple[str | None, list[_Entry]]]:
    """One thing told of two places is two events (a network opened in 杭州 and in 上海): split by
    the places named, the claims that name none staying with the first."""

    def place(e: _Entry) -> str | None:
        _subject, where = event_place(e.claim.measure or "")
        return folded(where) if where is not None else None

    return _split_named(entries, place)


def _split_named(
    entries: list[_Entry], name_of: Callable[[_Entry], str | None]
) -> list[tuple[str | None, list[_Entry]]]:
    """Split by the names ``name_of`` gives (None: names none); with two names or more, one group
    a name in order of first mention, the entries naming none staying with the first. Each
    group with its name (None when nothing was split)."""
    named: dict[str, list[_Entry]] = {}
    unnamed: list[_Entry] = []
    for e in entries:
        name = name_of(e)
        if name is None:
            unnamed.append(e)
        else:
            named.setdefault(name, []).append(e)
    if len(named) <= 1:
        return [(None, entries)]
    groups = list(named.items())
    first, *others = groups
    return [(first[0], first[1] + unnamed), *others]


# --------------------------------------------------------------------------- topics


def topic_id(key: TopicKey) -> str:
    blob = json.dumps(key.as_dict(), sort_keys=True, ensure_ascii=False)
    return "t" + hashlib.sha1(blob.encode("utf-8")).hexdigest()[:12]


def _representative(entries: list[_Entry], attr: str, written: str) -> str:
    """The most common phrase as written (then shortest, then first alphabetically)."""
    counts: dict[str, int] = {}
    for e in entries:
        text = getattr(e.claim, written) or getattr(e, attr)
        counts[text] = counts.get(text, 0) + 1
    return min(counts, key=lambda t: (-counts[t], len(t), t))


def _written(values: Iterable[str | None], limit: int = 6) -> str:
    """Distinct phrasings in order of appearance: ``电商交易总额（GMV）, 电商交易额``."""
    seen = list(dict.fromkeys(v for v in values if v))
    more = f", +{len(seen) - limit}" if len(seen) > limit else ""
    return ", ".join(seen[:limit]) + more


@dataclass(frozen=True)
class _Names:
    entity: str
    measure: str  # display name of the measure


def _metric_display(metric: str, rules: RuleSet) -> str:
    rule = rules.metrics.metrics.get(metric)
    return rule.aliases[0] if rule and rule.aliases else metric


def _label(claim: Claim, names: _Names, rules: RuleSet) -> str:
    parts = [p for p in (names.entity, names.measure) if p]
    if claim.change:
        cues = rules.kinds.changes.get(claim.change)
        parts.append(cues[0] if cues else claim.change)
    if claim.type != ClaimType.EVENT:
        parts.append(period_label(claim.period) if claim.period else "(no period)")
    extras = []
    if claim.kind != ClaimKind.ACTUAL:
        extras.append(claim.kind.value)
    if scope_key(claim, rules):
        extras.append(scope_key(claim, rules))
    if claim.type != ClaimType.EVENT:
        unit = _unit_key(claim, True, rules)
        rate_in_percent = claim.type == ClaimType.CHANGE and unit == "%"
        if unit and unit != rules.units.default_currency and not rate_in_percent:
            extras.append(unit)
    label = " ".join(parts)
    return f"{label} [{', '.join(extras)}]" if extras else label


def _key(claim: Claim, entry: _Entry, names: _Names, rules: RuleSet, **written: str) -> TopicKey:
    """The topic's key; ``written`` replaces parts (a fuzzy entity or measure, normalised)."""
    sentence = measure = event = metric = None  # exactly one names what is measured
    if entry.by_sentence:
        sentence = entry.measure
    elif entry.measure_fuzzy:
        measure = entry.measure
    elif claim.type == ClaimType.EVENT:
        event = entry.measure
    else:
        metric = entry.measure
    fields: dict[str, object] = {
        "type": claim.type,
        "entity": names.entity or None,
        "sentence": sentence,
        "measure": measure,
        "event": event,
        "metric": metric,
        "kind": claim.kind,
    }
    if claim.type != ClaimType.EVENT:
        fields.update(
            period=claim.period,
            scope=scope_key(claim, rules),
            change=claim.change,
            dimension=claim.dimension,
            unit=_unit_key(claim, not entry.measure_fuzzy, rules),
        )
    # one model built from every part (a copy per part was a third of grouping's time)
    return TopicKey.model_validate({**fields, **written})


def _why(entries: list[_Entry], names: _Names, rules: RuleSet) -> list[str]:
    claims = [e.claim for e in entries]
    first = claims[0]
    why: list[str] = []
    if entries[0].by_sentence:
        why.append(f"same sentence apart from the figure: {entries[0].measure}")
        if names.entity:
            why.append(f"same entity {names.entity}")
    elif entries[0].by_subject:
        sim = _min_similarity([e.entity for e in entries])
        subjects = _written(c.measure for c in claims)
        if sim < 100:
            why.append(f"what had the event: names {sim:.0f}% similar ({subjects})")
        else:
            why.append(f"what had the event: {names.entity}")
        companies = _written(c.entity for c in claims if c.entity_from == "rules")
        if companies:
            why.append(f"company named: {companies}")
    elif entries[0].entity_fuzzy:
        sim = _min_similarity([e.entity for e in entries])
        subjects = _written(c.entity for c in claims)
        if sim < 100:
            why.append(f"entity names {sim:.0f}% similar ({subjects})")
        else:
            why.append(f"same entity {names.entity} (as written)")
    elif not names.entity:
        why.append(f"no entity named: {UNNAMED_WHY}")
    else:
        aliases = _written(c.subject for c in claims if c.subject and c.subject != names.entity)
        if any(not c.entity for c in claims):
            why.append(f"{OMITTED_WHY.format(entity=names.entity)} for the figures that name no one")
        why.append(f"same entity {names.entity}" + (f" ({aliases} -> {names.entity})" if aliases else ""))
    written = _written(c.measure for c in claims)
    if entries[0].by_sentence:
        pass
    elif entries[0].by_subject:
        why.append(f"same event {entries[0].measure}")
    elif entries[0].measure_fuzzy:
        sim = _min_similarity([e.measure for e in entries])
        if sim < 100:
            why.append(f"measure text {sim:.0f}% similar ({written})")
        else:
            why.append(f"same measure text {names.measure}")
    elif first.type == ClaimType.EVENT:
        why.append(f"same event {entries[0].measure}" + (f" ({written})" if written else ""))
    else:
        why.append(f"same metric {entries[0].measure}" + (f" ({written})" if written else ""))
    if first.type != ClaimType.EVENT:
        if first.period:
            times = _written(c.time_quote for c in claims)
            why.append(f"same period {span_text(first.period)}" + (f" ({times})" if times else ""))
        elif first.scope == STANDING:
            why.append("a standing attribute: compared with no period")
        else:
            why.append("no period: values not compared")
    why.append(f"same kind {first.kind.value}")
    if scope_key(first, rules):
        why.append(f"same scope {scope_key(first, rules)}")
    if first.change:
        why.append(f"same change {first.change}")
    if first.type != ClaimType.EVENT:
        unit = _unit_key(first, not entries[0].measure_fuzzy, rules)
        why.append(f"same unit {unit}" if unit else f"same dimension {first.dimension.value}")
    return why


def _topic(entries: list[_Entry], rules: RuleSet, owner: str | None = None) -> Topic:
    return _topic_counted(entries, rules, owner)[0]


def _topic_counted(
    entries: list[_Entry], rules: RuleSet, owner: str | None = None
) -> tuple[Topic, list[Claim]]:
    """The topic of ``entries`` and its claims without repeats (``unique_claims``); ``owner``:
    the company ``_split`` told this subject's event apart by."""
    first = entries[0]
    claim = first.claim
    written_as = "measure" if first.by_subject else "entity"
    entity = _representative(entries, "entity", written_as) if first.entity_fuzzy else first.entity
    if first.by_sentence:
        measure = _snippet(first)
    elif first.measure_fuzzy:
        measure = _representative(entries, "measure", "measure")
    elif claim.type == ClaimType.EVENT:
        measure = first.measure
    else:
        measure = _metric_display(first.measure, rules)
    # the label shows the measure without a quotation mark its other half was cut from
    # (双百亿补贴”全天支付金额); the key keeps the words as grouped
    names = _Names(entity=entity, measure=measure if first.by_sentence else balanced_quotes(measure))
    written = {}
    if first.measure_fuzzy:
        written["measure"] = normalise_phrase(measure)
    if first.entity_fuzzy:
        written["entity"] = normalise_phrase(entity)
    if owner is not None:
        written["owner"] = owner
    key = _key(claim, first, names, rules, **written)
    claims = [e.claim for e in entries]
    counted = unique_claims(claims)
    valued_sources = {c.doc for c in counted if is_valued(c)}
    if len(counted) > 1:
        why = _why(entries, names, rules)
    else:
        why = ["one claim"]
        if claim.type != ClaimType.EVENT and not is_timed(claim.period, claim.scope):
            why.append("no period: values not compared")
    topic = Topic(
        id=topic_id(key),
        label=_label(claim, names, rules),
        key=key,
        claims=[c.id for c in claims],
        status=TopicStatus.CONSISTENT if len(valued_sources) > 1 else TopicStatus.SINGLE,
        sources=sorted({c.doc for c in claims}),
        why=why,
    )
    return topic, counted


_QUOTE_PAIRS = ("“”", "‘’", "「」", "『』", "《》", "〈〉", "()", "（）", "【】")


def balanced_quotes(text: str) -> str:
    """``text`` without the quotation marks and brackets that have lost their other half
    (a measure cut out of a sentence may start inside a quotation): ``双百亿补贴”全天支付金额``
    -> ``双百亿补贴全天支付金额``; a complete ``“双百亿补贴”`` is kept."""
    for pair in _QUOTE_PAIRS:
        opening, closing = pair[0], pair[1]
        if text.count(opening) != text.count(closing):
            text = text.replace(opening, "").replace(closing, "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    return text


def _snippet(entry: _Entry, before: int = 10, after: int = 6) -> str:
    """A few words either side of the masked figure: ``“…其中□来自快手小店”``."""
    text = entry.measure
    at = text.find(_MASK)
    head = text[max(at - before, 0) : at]
    tail = text[at + 1 : at + 1 + after]
    lead = "…" if at > before else ""
    trail = "…" if at + 1 + after < len(text) else ""
    return f"“{lead}{head}{_MASK}{tail}{trail}”"


def _ungrouped_topic(claim: Claim, reason: str) -> Topic:
    key = TopicKey(type=claim.type, claim=claim.id)
    what = claim.metric or claim.event or claim.measure or "?"
    label = f"{claim.entity or '?'} {what}: {claim.quote}"
    return Topic(
        id=topic_id(key),
        label=label,
        key=key,
        claims=[claim.id],
        status=TopicStatus.SINGLE,
        sources=[claim.doc],
        why=[reason],
    )


def unnamed_owners(claims: Iterable[Claim], rules: RuleSet) -> dict[str, str]:
    """Claim id -> entity, for the figures that name no one: of the named entities of the corpus
    that state the same measure, period, kind, scope, change and unit, the only one whose name
    the figure's own article writes (``三季度游戏业务收入47.2亿元`` in an article about 趣游科技
    that writes no subject there, 趣游科技's in another): the omitted subject read as the only
    one it can be, a weak link (at most a warning). An industry or market that alone states it
    needs no mention (a figure that names no company is the whole trade's). A subject read as
    written lends no name, and a measure that names the country (``entities.national_words``:
    全国粗钢产量, 我国出口钢材) is never a company's; nor is a figure of no one in an article that
    gives the country's figure of the same measure and period (a title's ``5月动力电池装车量43.9GWh``
    over a body's ``5月，我国动力电池装车量43.9GWh``: the country's, whatever company the article
    names); nor a figure whose sentence writes a market's window or total before it
    (``entities.market_words``: ``2024年春节档…总票房突破80亿元，观影人次超过1.6亿``: the season's).

    A subject read as written (``entity_from="subject"``: ``矽川半导体的毛利率为24.6%`` in a
    roundup that lists no stock code) is the entity another claim of the corpus names from the
    rules or its article when the two names are one (folded, without legal form) for a figure of
    the same measure, period, kind, scope, change and unit: still a weak link (at most a warning)."""
    claims = list(claims)
    found = _Owners(rules)
    for claim in claims:
        found.add(claim)
    return found.resolve(claims)


class _Owners:
    """``unnamed_owners`` a claim at a time: ``add`` each claim of the corpus, in order, then
    ``resolve`` once every claim is in."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.national = tuple(folded(w) for w in rules.entities.national_words if w)
        self.market = tuple(folded(w) for w in rules.entities.market_words if w)
        self.owners: dict[tuple[object, ...], set[str]] = {}
        self.unnamed: list[tuple[Claim, tuple[object, ...]]] = []
        # (document, key) of the country's figures
        self.countrys: set[tuple[str, tuple[object, ...]]] = set()
        self.subjects: list[tuple[Claim, tuple[object, ...]]] = []

    def add(self, c: Claim) -> bool:
        """Take in one claim; True when ``resolve`` may give it an owner (only such a claim's
        entry can change once every claim is in)."""
        rules = self.rules
        if c.type == ClaimType.EVENT or not is_timed(c.period, c.scope):
            return False
        measure, fuzzy = _measure_of(c, rules)
        if measure is None:
            return False
        key = (
            measure,
            c.period.start if c.period else None,
            c.period.end if c.period else None,
            c.kind.value,
            scope_key(c, rules),
            c.change,
            c.dimension.value,
            _unit_key(c, not fuzzy, rules),
        )
        if c.entity and normalise_phrase(c.entity):
            if c.entity_from != "subject":
                self.owners.setdefault(key, set()).add(entity_key(c.entity, rules))
                return False
            self.subjects.append((c, key))
            return True
        if not any(w in folded(c.measure or "") for w in self.national) and not self._of_market(c):
            self.unnamed.append((c, key))
            return True
        self.countrys.add((c.doc, key))
        return False

    def _of_market(self, c: Claim) -> bool:
        """Does the sentence write a market's window or total before the figure (``entities.
        market_words``: 2024年春节档…总票房突破80亿元，观影人次超过1.6亿)? Then it is the market's."""
        if not self.market:
            return False
        before = folded(c.sentence[: c.offset] if 0 <= c.offset <= len(c.sentence) else c.sentence)
        return any(w in before for w in self.market)

    def resolve(self, claims: Iterable[Claim]) -> dict[str, str]:
        """Claim id -> entity, given every claim of the corpus (whose articles' texts name owners)."""
        rules, owners = self.rules, self.owners
        out: dict[str, str] = {}
        for c, wanted in self.subjects:
            name = entity_key(c.entity or "", rules)
            own, fuzzy = _subject_measure(c, rules)
            if own is not None and own != wanted[0]:
                wanted = (own, *wanted[1:7], _unit_key(c, not fuzzy, rules))
            if name in owners.get(wanted, ()):
                out[c.id] = name  # 矽川半导体的毛利率: a subject read as written that another claim names
        texts: dict[str, str] = {}
        for claim, wanted in self.unnamed:
            found = owners.get(wanted)
            if not found or (claim.doc, wanted) in self.countrys:
                continue
            if not texts:
                texts.update(_document_texts(claims))
            text = texts.get(claim.doc, "")
            named = [owner for owner in found if owner in text]
            if not named and len(found) == 1 and _is_trade(next(iter(found)), rules):
                named = list(found)  # 个人住房贷款余额 named by no one: the whole trade's (银行业)
            if len(named) == 1:
                out[claim.id] = named[0]
        return out


def _is_trade(entity: str, rules: RuleSet) -> bool:
    """An industry or a market (银行业, 沪深两市) rather than a company."""
    rule = rules.entities.entities.get(entity)
    return rule is not None and rule.type in ("industry", "market")


def _document_texts(claims: Iterable[Claim]) -> dict[str, str]:
    """Each document's sentences that carry a claim, folded: what it names, as far as seen."""
    parts: dict[str, dict[str, None]] = {}
    for c in claims:
        parts.setdefault(c.doc, {})[c.sentence] = None
    return {doc: folded("\n".join(sentences)) for doc, sentences in parts.items()}


def _entry(claim: Claim, rules: RuleSet, owners: dict[str, str] | None = None) -> _Entry | str:
    """The claim's key parts, or why it cannot be grouped with anything."""
    owner = owners.get(claim.id) if owners else None
    if owner is not None:
        measure, measure_fuzzy = _subject_measure(claim, rules)
        return _Entry(claim, owner, False, measure or "", measure_fuzzy)
    reason = None if claim.type == ClaimType.EVENT and claim.measure else _ungrouped_reason(claim, rules)
    if reason is not None:
        context = sentence_context(claim, rules)
        if context is None:
            return reason
        return _Entry(claim, claim.entity or "", False, context, False, by_sentence=True)
    if claim.type == ClaimType.EVENT and claim.measure and claim.event:
        subject, _place = event_place(claim.measure)
        return _Entry(claim, normalise_phrase(subject), True, claim.event, False, by_subject=True)
    fuzzy_entity = claim.entity_from == "subject"
    entity = normalise_phrase(claim.entity or "") if fuzzy_entity else entity_key(claim.entity or "", rules)
    measure, measure_fuzzy = _measure_of(claim, rules)
    return _Entry(claim, entity, fuzzy_entity, measure or "", measure_fuzzy)


def block_of(
    claim: Claim, rules: RuleSet, owners: dict[str, str] | None = None
) -> tuple[object, ...] | Topic:
    """The exact part of the claim's key (claims of one block may form topics together),
    or the one-claim topic of a claim that cannot be grouped. For engines that shuffle
    claims by block (Dask), with ``owners`` from ``unnamed_owners`` over every claim;
    ``group_claims`` is the same thing in one process."""
    entry = _entry(claim, rules, owners)
    if isinstance(entry, str):
        return _ungrouped_topic(claim, entry)
    return _block_key(entry, rules)


def block_topics(
    claims: Sequence[Claim], rules: RuleSet, owners: dict[str, str] | None = None
) -> list[Topic]:
    """The topics of the claims of one block, given in corpus order."""
    entries = [_entry(c, rules, owners) for c in claims]
    grouped = [e for e in entries if isinstance(e, _Entry)]
    return [_topic(group, rules, owner) for group, owner in _split(grouped, rules)] if grouped else []


def sort_topics(topics: Iterable[Topic]) -> list[Topic]:
    return sorted(topics, key=lambda t: (t.label, t.id))


def group_claims(
    claims: list[Claim],
    rules: RuleSet,
    shared: Shared | None = None,
    unique: dict[str, list[Claim]] | None = None,
    dated: dict[str, Claim] | None = None,
) -> list[Topic]:
    """Every claim lands in exactly one topic; topics come back sorted by label. With
    ``dated``, the claims a festival campaign dated (``campaign_periods``) are put there by
    id: the checks must read those, not the claims as extracted. With
    ``shared`` (the run's, kcheck.compact) each topic is made compact as it is made. With
    ``unique``, each grouped topic's claims without repeats (``unique_claims``, which grouping
    works out to set the topic's status) are kept there by topic id, for the checks to read
    (``kcheck.check.context``) instead of working them out again."""
    grouping = Grouping(rules, shared, unique)
    grouping.add(claims)
    topics = grouping.topics()
    if dated is not None:
        dated.update(grouping.dated)
    return topics


class Grouping:
    """``group_claims`` as the claims come: ``add`` each document's claims in corpus order
    (while worker processes extract the next ones, pipeline.run), then ``topics`` once all
    are in. Each claim's key is worked out as it is added; only a claim that names no one,
    or names a subject as written, waits for the end, when every claim is in and the
    corpus's owners are known (``unnamed_owners``), and so does a festival's undated 期间 of a
    named owner, until the corpus's campaign spans are known (``campaign_periods``). The topics, their order and ``unique``
    are those of grouping every claim at once."""

    def __init__(
        self, rules: RuleSet, shared: Shared | None = None, unique: dict[str, list[Claim]] | None = None
    ) -> None:
        self.rules = rules
        self.shared = shared if shared is not None else Shared()
        self.keep = shared.topic if shared is not None else _as_made
        self.unique = unique
        self._owners = _Owners(rules)
        self._campaigns = _Campaigns(rules)
        # claim id -> the claim dated by its owner's festival campaign (``campaign_periods``)
        self.dated: dict[str, Claim] = {}
        self._claims: list[Claim] = []  # every claim added: their articles name owners
        self._waiting: list[tuple[int, Claim]] = []  # claims whose owner is known only at the end
        # block key -> (corpus index, entry) of its claims; one-claim topics by corpus index
        self._blocks: dict[tuple[object, ...], list[tuple[int, _Entry]]] = {}
        self._ungrouped: list[tuple[int, Topic]] = []

    def add(self, claims: Iterable[Claim]) -> None:
        for claim in claims:
            index = len(self._claims)
            self._claims.append(claim)
            waits = self._owners.add(claim)
            if self._campaigns.add(claim):
                waits = True
            if waits:
                self._waiting.append((index, claim))
            else:
                self._place(index, claim, None)

    def _place(self, index: int, claim: Claim, owners: dict[str, str] | None) -> None:
        entry = _entry(claim, self.rules, owners)
        if isinstance(entry, str):
            self._ungrouped.append((index, self.keep(_ungrouped_topic(claim, entry))))
        else:
            self._blocks.setdefault(_block_key(entry, self.rules), []).append((index, entry))

    def topics(self) -> list[Topic]:
        """Every added claim's topic, sorted by label (call once, after the last ``add``)."""
        rules, unique = self.rules, self.unique
        owners = self._owners.resolve(self._claims)
        waited = bool(self._waiting)
        self.dated = {}
        for index, claim in self._waiting:
            placed = self._campaigns.resolve(claim)
            if placed is not claim:
                self.dated[claim.id] = placed
            self._place(index, placed, owners)
        blocks = list(self._blocks.values())
        ungrouped = self._ungrouped
        # what was kept for the end is let go (the run goes on to check and report: MEMORY)
        self._owners, self._campaigns = _Owners(rules), _Campaigns(rules)
        self._claims, self._waiting, self._blocks, self._ungrouped = [], [], {}, []
        del owners
        if waited:  # back in corpus order, as if every claim had been placed as it came
            ungrouped.sort(key=lambda placed: placed[0])
            for members in blocks:
                members.sort(key=lambda placed: placed[0])
            blocks.sort(key=lambda members: members[0][0])
        topics = [topic for _, topic in ungrouped]
        del ungrouped
        repeated: set[str] = set()
        for members in blocks:
            for group, owner in _split([entry for _, entry in members], rules):
                topic, counted = _topic_counted(group, rules, owner)
                topics.append(self.keep(topic))
                if unique is not None:
                    if topic.id in unique:
                        repeated.add(topic.id)
                    unique[topic.id] = counted
        if unique is not None:
            # never expected (one subject told of two companies did, before ``owner`` keyed
            # them apart); the checks work out such a topic's claims
            for made_twice in repeated:
                unique.pop(made_twice)
        return sort_topics(topics)


def _as_made(topic: Topic) -> Topic:
    return topic

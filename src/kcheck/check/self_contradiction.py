"""self_contradiction: one article gives two values for one figure, and the other sources
agree with one of them.

value_mismatch never holds a value against another document's when its own document
states both (a document stating two values has shown the topic is ambiguous there). A
careful reader still sees something: this article says A here and B there, and every other
source that states the figure says B. This check says so, at most as a warning, naming the
article's two claims and the other documents' agreeing claims.

Only where a reader would call it one figure, read from explicit words:

- the same entity, resolved from the rules and named in each claim's own sentence (or, for a
  statistic of the whole economy, ``metrics.<name>.economy``, named by no one on both), the
  same measure as written
  (``group.measure_key``: a part, 其中游戏收入, is not the whole, 收入) and a period of its
  own (never the article's period taken as an inferred link);
- no restatement: neither sentence holds a word of ``qualifiers.restatement_words``
  (初步核算 and 最终核实, 修订, 调整为: a preliminary figure and the final one are two
  figures), and neither figure is a revised target;
- no rounded or bounded restatement: neither figure carries a qualifier (约1.6万亿,
  超过1.5万亿, 近1.6万亿 restate 1.59万亿, they do not contradict it);
- the same coverage: the two sentences hold the same words of ``qualifiers.coverage_words``
  before the figure (按可比口径, 剔除, 不含, 其中: two scopes are two figures);
- exactly two values in the article, one of which some other document states and the other
  of which no other document does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from kcheck.check.context import CheckContext, cite, fingerprint, lower, value_repr, weak_links, weak_note
from kcheck.check.intervals import Bounds, agreeing_groups
from kcheck.group import entity_key, is_timed, measure_key
from kcheck.models import CheckType, Claim, ClaimType, Conflict, Severity, Topic
from kcheck.rules import RuleSet
from kcheck.text.fold import folded

TYPE = CheckType.SELF_CONTRADICTION.value


def check(ctx: CheckContext) -> list[Conflict]:
    found: list[Conflict] = []
    for topic in ctx.grouped():
        if (
            topic.key.type is ClaimType.EVENT
            or not is_timed(topic.key.period, topic.key.scope)
            or len(topic.sources) < 2
        ):
            continue
        valued = ctx.body_valued(topic)  # a title against its body is headline_mismatch
        by_doc: dict[str, list[Claim]] = defaultdict(list)
        for c in valued:
            by_doc[c.doc].append(c)
        if len(by_doc) < 2:
            continue
        for doc, own in by_doc.items():
            if len(own) < 2:
                continue
            conflict = _finding(ctx, topic, own, [c for c in valued if c.doc != doc])
            if conflict is not None:
                found.append(conflict)
    return found


def _finding(ctx: CheckContext, topic: Topic, own: list[Claim], others: list[Claim]) -> Conflict | None:
    """The finding for one document's claims of a topic, if they are two values of one figure
    and the other documents agree with exactly one of them."""
    groups = agreeing_groups([(ctx.bounds(c), c) for c in own])
    if len(groups) != 2:
        return None
    if not one_figure(own, ctx.rules):
        return None
    agreeing = [[c for c in others if _overlaps(ctx, c, group)] for group in groups]
    if bool(agreeing[0]) == bool(agreeing[1]):
        return None  # no other source states either value, or others state both
    shared = 0 if agreeing[0] else 1
    lone, said = groups[1 - shared], groups[shared]
    support = agreeing[shared]
    gap = min(ctx.bounds(a).relative_gap(ctx.bounds(b)) for a in lone for b in said)
    claims = [*lone, *said, *support]
    weak = weak_links(support, topic)
    severity = lower(ctx.severity(TYPE, Severity.WARNING), Severity.WARNING)
    message = (
        f"{topic.label}: {own[0].doc} gives two values for one figure, "
        f"{', '.join(cite(c) for c in lone)} and {', '.join(cite(c) for c in said)}; "
        f"the other sources agree with {said[0].quote}: {', '.join(cite(c) for c in support)}, "
        f"gap {gap:.1%}" + weak_note(weak)
    )
    return Conflict(
        id=fingerprint(TYPE, topic.key, [own[0].doc, *(value_repr(c) for c in [*lone, *said])]),
        type=TYPE,
        severity=severity,
        topic=topic.label,
        topic_id=topic.id,
        message=message,
        claims=claims,
        gap=gap,
        weak_links=weak,
    )


def _overlaps(ctx: CheckContext, claim: Claim, group: Sequence[Claim]) -> bool:
    bounds: Bounds = ctx.bounds(claim)
    return any(bounds.overlaps(ctx.bounds(c)) for c in group)


def one_figure(claims: Sequence[Claim], rules: RuleSet) -> bool:
    """Whether one article's ``claims`` (of one topic) are read as one figure from explicit
    words, with nothing that makes one of them a restatement or another scope (see above)."""
    first = claims[0]
    restated = [folded(w) for w in rules.qualifiers.restatement_words]
    coverage = [folded(w) for w in rules.qualifiers.coverage_words]
    measure = measure_key(first.measure or "", rules)
    entity = _strong_entity(first, rules)
    covered: set[str] | None = None
    for c in claims:
        if c.qualifier is not None or c.revision or c.superseded or c.period_from is not None:
            return False
        if not c.measure or measure_key(c.measure, rules) != measure or _strong_entity(c, rules) != entity:
            return False
        if entity is None:
            return False
        sentence = folded(c.sentence)
        if any(w in sentence for w in restated):
            return False
        before = sentence[: max(c.offset, 0)]  # 按可比口径，...交付3.18万辆 (not 3.52万辆，其中...)
        words = {w for w in coverage if w in before}
        if covered is not None and words != covered:
            return False
        covered = words
    return True


def _strong_entity(claim: Claim, rules: RuleSet) -> str | None:
    """The entity as resolved from the rules and named in the claim's own sentence (``""``
    for a statistic of the whole economy that names no one), or None when the link is
    inferred, carried over from an earlier sentence (营业收入最高的是绿地控股，去年实现营业收入
    5349.33亿元 in a paragraph about 沪深两市) or absent."""
    if claim.entity and claim.entity_from == "rules":
        rule = rules.entities.entities.get(claim.entity)
        sentence = folded(claim.sentence)
        names = [claim.entity, *(rule.aliases if rule is not None else [])]
        if any(name and folded(name) in sentence for name in names):
            return entity_key(claim.entity, rules)
        return None
    if not claim.entity and claim.metric:
        metric = rules.metrics.metrics.get(claim.metric)
        if metric is not None and metric.economy:
            return ""
    return None

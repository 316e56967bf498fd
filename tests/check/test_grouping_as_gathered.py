"""Grouping as the claims are gathered (``group.Grouping``, pipeline.run) gives what grouping
every claim at once gives: the same topics in the same order, the same claims handed to the
checks. The reference below is grouping as it was before claims were grouped as they came:
every claim's owner worked out first (``unnamed_owners``) and every festival 期间 dated by its
owner's campaign (``campaign_periods``), then every claim placed in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from claimkit import RULES
from hypothesis import given, settings
from hypothesis import strategies as st

from kcheck import group
from kcheck.models import Claim, Topic
from kcheck.pipeline import Settings, collect
from kcheck.rules import RuleSet, load_rules

ROOT = Path(__file__).resolve().parents[2]
CORPORA = {
    "corpus": ROOT / "corpus",
    "devcorpus": ROOT / "tests" / "devcorpus" / "corpus",
    "realnews": ROOT.parent / "shared" / "realnews" / "corpus",
}


def _all_at_once(claims: list[Claim], rules: RuleSet) -> tuple[list[Topic], dict[str, list[str]]]:
    owners = group.unnamed_owners(claims, rules)
    dated = group.campaign_periods(claims, rules)  # a festival's 期间 dated by its owner's campaign
    claims = [dated.get(c.id, c) for c in claims]
    topics: list[Topic] = []
    blocks: dict[tuple[object, ...], list[group._Entry]] = {}
    for claim in claims:
        entry = group._entry(claim, rules, owners)
        if isinstance(entry, str):
            topics.append(group._ungrouped_topic(claim, entry))
        else:
            blocks.setdefault(group._block_key(entry, rules), []).append(entry)
    unique: dict[str, list[str]] = {}
    repeated: set[str] = set()
    for entries in blocks.values():
        for members, owner in group._split(entries, rules):
            topic, counted = group._topic_counted(members, rules, owner)
            topics.append(topic)
            if topic.id in unique:
                repeated.add(topic.id)  # a topic made twice: the checks work its claims out
            unique[topic.id] = [c.id for c in counted]
    for made_twice in repeated:
        unique.pop(made_twice)
    return group.sort_topics(topics), unique


def _as_gathered(
    claims: list[Claim], rules: RuleSet, cuts: list[int]
) -> tuple[list[Topic], dict[str, list[str]]]:
    handed: dict[str, list[Claim]] = {}
    grouping = group.Grouping(rules, unique=handed)
    for start, end in zip([0, *cuts], [*cuts, len(claims)], strict=True):
        grouping.add(claims[start:end])
    topics = grouping.topics()
    return topics, {tid: [c.id for c in counted] for tid, counted in handed.items()}


def _dumped(topics: list[Topic]) -> list[dict[str, object]]:
    return [t.model_dump(mode="json") for t in topics]


@pytest.fixture(scope="module", params=sorted(CORPORA))
def corpus_claims(request: pytest.FixtureRequest) -> tuple[list[Claim], RuleSet]:
    path = CORPORA[request.param]
    if not path.is_dir():
        pytest.skip(f"{path} absent")
    rules = load_rules(ROOT / "rules")
    extraction = collect(Settings(paths=(str(path),), jobs=1), rules)
    return extraction.claims, rules


def test_a_corpus_grouped_document_by_document_is_grouped_as_at_once(
    corpus_claims: tuple[list[Claim], RuleSet],
) -> None:
    claims, rules = corpus_claims
    docs = [i for i in range(1, len(claims)) if claims[i].doc != claims[i - 1].doc]
    topics, unique = _as_gathered(claims, rules, docs)
    expected, expected_unique = _all_at_once(claims, rules)
    assert _dumped(topics) == _dumped(expected)
    assert unique == expected_unique


def test_the_dev_corpus_has_figures_whose_owner_is_known_only_at_the_end() -> None:
    """The case grouping as gathered waits for: without one the test above shows little."""
    path = CORPORA["devcorpus"]
    rules = load_rules(ROOT / "rules")
    claims = collect(Settings(paths=(str(path),), jobs=1), rules).claims
    assert group.unnamed_owners(claims, rules)


def _made_up() -> list[Claim]:
    from claimkit import YI, figure

    # the first figure names no one and its article names 快手: it waits for the end, then
    # joins (as the first claim) the topic the second claim made; the fifth names a subject
    # as written that the sixth names from the rules
    return [
        figure(
            "10亿元",
            10 * YI,
            doc="a.txt",
            metric=None,
            measure="直播收入",
            entity=None,
            sentence="快手直播收入10亿元。",
        ),
        figure("10亿元", 10 * YI, doc="b.txt", metric=None, measure="直播收入", entity="快手"),
        figure(
            "12亿元",
            12 * YI,
            doc="c.txt",
            metric=None,
            measure="直播收入",
            entity=None,
            sentence="直播收入12亿元。",
        ),
        figure("1758亿元", 1758 * YI, precision=YI, doc="d.txt", measure="交易总额"),
        figure("300万", 3e6, doc="e.txt", entity="小波私房菜", entity_from="subject", metric="users"),
        figure("300万", 3e6, doc="f.txt", entity="小波私房菜", metric="users"),
    ]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=6), max_size=4))
def test_where_the_claims_are_cut_does_not_matter(cuts: list[int]) -> None:
    claims = _made_up()
    # both kinds of claim that wait: one naming no one, one naming a subject as written
    assert group.unnamed_owners(claims, RULES) == {claims[0].id: "快手", claims[4].id: "小波私房菜"}
    topics, unique = _as_gathered(claims, RULES, sorted(cuts))
    expected, expected_unique = _all_at_once(claims, RULES)
    assert _dumped(topics) == _dumped(expected)
    assert unique == expected_unique

"""The lighter stand-ins the checks use to hold less (MEMORY): each one groups exactly as
the objects it replaces (tuples for TopicKeys, one document's unique claims at a time)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from kcheck.check import reused_figure
from kcheck.group import group_claims, measure_key, unique_by_document, unique_claims
from kcheck.models import Claim, TopicKey
from kcheck.rules import load_rules


def test_reused_figure_families_meet_as_their_keys_do(corpus_claims: list[Claim]) -> None:
    rules = load_rules()
    keys = [t.key for t in group_claims(corpus_claims, rules)]
    # a measure with a scope or period word or a verb in front meets the same measure without it
    keys.append(TopicKey(entity="x", measure="累计合约销售面积", period=keys[0].period))
    keys.append(TopicKey(entity="x", measure="合约销售面积"))
    keys.append(TopicKey(entity="x", measure="单季完成合约销售面积", scope="cumulative"))

    def what(key: TopicKey) -> TopicKey:
        measure = measure_key(key.measure, rules) if key.measure else None
        return key.model_copy(update={"period": None, "scope": None, "measure": measure})

    for a, b in itertools.product(keys, repeat=2):
        same_key = what(a) == what(b)
        assert (reused_figure._family(a, rules) == reused_figure._family(b, rules)) is same_key
    assert reused_figure._family(keys[-3], rules) == reused_figure._family(keys[-1], rules)
    assert reused_figure._family(keys[-2], rules) == reused_figure._family(keys[-1], rules)


def _claim(doc: str, offset: int, sentence: str, quote: str, n: int) -> Claim:
    return Claim(id=f"c{n}", doc=doc, offset=offset, sentence=sentence, quote=quote)


_claims = st.lists(
    st.tuples(
        st.sampled_from(["a.md", "b.md", "c.md"]),
        st.integers(0, 3),
        st.sampled_from(["营收10亿元。", "營收10億元。", "营收20亿元。"]),
        st.sampled_from(["10亿元", "10億元"]),
    ),
    max_size=30,
).map(lambda rows: [_claim(*row, n) for n, row in enumerate(rows)])


@settings(max_examples=200, deadline=None)
@given(_claims, st.booleans())
def test_unique_by_document_is_unique_claims(claims: list[Claim], together: bool) -> None:
    if together:  # as a run gathers them: each document's claims in one run
        claims = sorted(claims, key=lambda c: c.doc)
    found = [c.id for same in unique_by_document(claims) for c in same]
    assert found == [c.id for c in unique_claims(claims)]
    # a document's claims together come back a document at a time
    if together:
        assert all(len({c.doc for c in same}) <= 1 for same in unique_by_document(claims))


def test_unique_by_document_of_the_corpus(corpus_claims: list[Claim]) -> None:
    per_document = list(unique_by_document(iter(corpus_claims)))
    assert len(per_document) == len({c.doc for c in corpus_claims})
    assert [c for same in per_document for c in same] == unique_claims(corpus_claims)

"""`kcheck explain`: find by id or unique prefix, and show the evidence in full."""

from __future__ import annotations

import json

import pytest

from kcheck.errors import UsageError
from kcheck.models import Claim, Conflict, Topic
from kcheck.report.explain import as_json, explain, find

from .builders import sample_report
from .golden import check_golden


@pytest.mark.parametrize(
    ("ident", "kind", "full"),
    [
        ("f3a9c2e1d0b4a5c6", Conflict, "f3a9c2e1d0b4a5c6"),
        ("f3a9", Conflict, "f3a9c2e1d0b4a5c6"),
        ("c0a17b52e9d4f006", Claim, "c0a17b52e9d4f006"),
        ("c1b2e0d9aa310005", Claim, "c1b2e0d9aa310005"),
        ("t2b8", Topic, "t2b8c3cutoff"),
        ("  d8e1  ", Conflict, "d8e1b7c5a3f2e9d0"),
    ],
)
def test_find(ident: str, kind: type, full: str) -> None:
    found = find(sample_report(), ident)
    assert isinstance(found, kind) and found.id == full


def test_exact_id_wins_over_longer_ids_it_prefixes() -> None:
    report = sample_report()
    report.topics.append(report.topics[0].model_copy(update={"id": "f3a9c2e1d0b4a5c6-extra"}))
    assert isinstance(find(report, "f3a9c2e1d0b4a5c6"), Conflict)


@pytest.mark.parametrize(
    ("ident", "message"),
    [
        ("", "explain: empty id"),
        ("nope", "no conflict, claim or topic has id 'nope'"),
        (
            "c",
            "id 'c' is ambiguous: claim c0a17b52e9d4f001, claim c0a17b52e9d4f004, claim c0a17b52e9d4f006 and 5 more",
        ),
    ],
)
def test_unknown_or_ambiguous(ident: str, message: str) -> None:
    with pytest.raises(UsageError) as err:
        find(sample_report(), ident)
    assert str(err.value) == message


@pytest.mark.parametrize(
    ("ident", "golden"),
    [
        ("f3a9", "explain_conflict.txt"),
        ("c0a17b52e9d4f001", "explain_claim.txt"),
        ("t2b8", "explain_topic.txt"),
    ],
)
def test_explain_golden(ident: str, golden: str) -> None:
    check_golden(golden, explain(sample_report(), ident))


def test_as_json_names_the_kind() -> None:
    data = json.loads(as_json(find(sample_report(), "d8e1")))
    assert data["kind"] == "conflict"
    assert [c["quote"] for c in data["conflict"]["claims"]] == ["3月1日", "2月28日"]

"""The shared model: positions map back to the original file; outputs are written atomically."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import inspect
import pickle
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from kcheck.errors import OutputError
from kcheck.models import Claim, ClaimKind, Conflict, Report, Sentence, Severity, Span, TextRun
from kcheck.output import write_atomic


def _sentence() -> Sentence:
    # "3月1日，" on line 5 from column 40, then "快手电商" copied from inside an <a> tag on line 5
    # column 120, then "与淘宝正式分手。" on line 6 column 1
    return Sentence(
        index=0,
        paragraph=0,
        text="3月1日，快手电商与淘宝正式分手。",
        runs=[
            TextRun(offset=0, length=5, line=5, column=40),
            TextRun(offset=5, length=4, line=5, column=120),
            TextRun(offset=9, length=8, line=6, column=1),
        ],
    )


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (0, (5, 40)),  # 3
        (4, (5, 44)),  # ，
        (5, (5, 120)),  # 快
        (8, (5, 123)),  # 商
        (9, (6, 1)),  # 与
        (16, (6, 8)),  # 。
    ],
)
def test_locate_maps_offsets_through_runs(offset: int, expected: tuple[int, int]) -> None:
    assert _sentence().locate(offset) == expected


def test_sentence_position_is_its_first_run() -> None:
    s = _sentence()
    assert (s.line, s.column) == (5, 40)


def test_sentence_records_dump_validate_and_freeze_as_the_models_they_were() -> None:
    s = _sentence()
    assert s.model_dump()["runs"][1] == {"offset": 5, "length": 4, "line": 5, "column": 120}
    assert Sentence.model_validate_json(s.model_dump_json()) == s
    assert pickle.loads(pickle.dumps(s)) == s
    assert hash(s.runs[0]) == hash(TextRun(offset=0, length=5, line=5, column=40))
    with pytest.raises(ValidationError):
        TextRun(offset=0, length=0, line=5, column=40)  # a run holds at least one character
    with pytest.raises(ValidationError):
        Sentence(index=-1, paragraph=0, text="")
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.text = "改过"  # type: ignore[misc]


def test_a_constructed_record_is_the_validated_one_and_names_every_field() -> None:
    """model_construct (the loader's unvalidated records) gives the record validation would,
    frozen, hashable and picklable alike; a missing or unknown field is refused."""
    assert set(inspect.signature(TextRun.model_construct).parameters) == set(TextRun.model_fields)
    assert set(inspect.signature(Sentence.model_construct).parameters) == set(Sentence.model_fields)
    run = TextRun.model_construct(offset=0, length=5, line=5, column=40)
    assert run == TextRun(offset=0, length=5, line=5, column=40)
    assert hash(run) == hash(TextRun(offset=0, length=5, line=5, column=40))
    s = Sentence.model_construct(index=0, paragraph=0, text="快手", runs=[run])
    assert s == Sentence(index=0, paragraph=0, text="快手", runs=[run])
    assert s.model_dump_json() == Sentence(index=0, paragraph=0, text="快手", runs=[run]).model_dump_json()
    assert pickle.loads(pickle.dumps(s)) == s
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.text = "改过"  # type: ignore[misc]
    with pytest.raises(TypeError, match="column"):
        TextRun.model_construct(offset=0, length=5, line=5)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="colour"):
        TextRun.model_construct(offset=0, length=5, line=5, column=40, colour=1)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (("2018-01-01", "2018-12-31"), ("2018-06-01", "2018-06-30"), True),  # 2018年 vs 2018年6月
        (("2013-11-01", "2013-11-30"), ("2013-12-01", "2013-12-31"), False),  # 2013年11月 vs 12月
        (("2020-08-01", "2020-08-31"), ("2020-10-09", "2020-10-09"), False),
        (("2022-03-01", "2022-03-01"), ("2022-03-01", "2022-03-01"), True),
    ],
)
def test_span_overlap(a: tuple[str, str], b: tuple[str, str], overlap: bool) -> None:
    sa = Span(start=dt.date.fromisoformat(a[0]), end=dt.date.fromisoformat(a[1]))
    sb = Span(start=dt.date.fromisoformat(b[0]), end=dt.date.fromisoformat(b[1]))
    assert sa.overlaps(sb) is overlap
    assert sb.overlaps(sa) is overlap


def test_spans_are_equal_when_their_days_are() -> None:
    def span(a: str, b: str) -> Span:
        return Span(start=dt.date.fromisoformat(a), end=dt.date.fromisoformat(b))

    q3 = span("2021-07-01", "2021-09-30")
    assert q3 == span("2021-07-01", "2021-09-30")
    assert hash(q3) == hash(span("2021-07-01", "2021-09-30"))
    assert q3 != span("2021-07-01", "2021-09-29")
    assert q3 != span("2021-07-02", "2021-09-30")
    assert q3 != ("2021-07-01", "2021-09-30")
    assert q3 != None  # noqa: E711 - the comparison itself is under test
    assert len({q3, span("2021-07-01", "2021-09-30"), span("2021-01-01", "2021-12-31")}) == 2


def test_claim_round_trips_through_json() -> None:
    claim = Claim(
        quote="1758.87亿元",
        value=175_887_000_000,
        low=175_886_500_000,
        high=175_887_500_000,
        unit="CNY",
        period=Span(start=dt.date(2021, 7, 1), end=dt.date(2021, 9, 30)),
        entity="快手",
        metric="gmv",
    )
    again = Claim.model_validate_json(claim.model_dump_json())
    assert again == claim
    dumped = claim.model_dump(mode="json")
    assert dumped["period"] == {"start": "2021-07-01", "end": "2021-09-30"}
    assert dumped["kind"] == "actual"


def _as_model(claim: Claim) -> BaseModel:
    """The same claim as a pydantic ``BaseModel`` of the same fields (what Claim was)."""
    model = create_model(  # type: ignore[call-overload]
        "Claim",
        __config__=ConfigDict(extra="forbid"),
        **{name: (field.annotation, field) for name, field in Claim.model_fields.items()},
    )
    made: BaseModel = model(**{name: getattr(claim, name) for name in Claim.model_fields})
    return made


def test_claims_dump_as_the_pydantic_model_of_their_fields(corpus_claims: list[Claim]) -> None:
    """A claim is a slots record (kcheck.models.Record): every dump is the model's."""
    assert len(corpus_claims) > 100
    for claim in corpus_claims:
        model = _as_model(claim)
        assert claim.model_dump_json() == model.model_dump_json()
        assert claim.model_dump(mode="json") == model.model_dump(mode="json")
        assert claim.model_dump(mode="json", exclude_defaults=True) == model.model_dump(
            mode="json", exclude_defaults=True
        )
        assert claim.model_dump() == model.model_dump()
        assert list(claim.model_dump()) == list(Claim.model_fields)


def test_a_claim_holds_its_values_in_slots_and_reports_keep_it() -> None:
    claim = Claim(quote="1758亿元", doc="a.txt", value=1.758e11)
    assert not hasattr(claim, "__dict__")  # 320 bytes, not a model and its 832-byte dict
    report = Report(claims=[claim])
    assert report.claims[0] is claim  # not copied, not validated again
    finding = Conflict(
        id="x", type="value_mismatch", severity=Severity.ERROR, topic="t", message="m", claims=[claim]
    )
    assert finding.claims[0] is claim
    assert pickle.loads(pickle.dumps(claim)) == claim  # to a Dask worker and back
    assert copy.deepcopy(claim) == claim and copy.deepcopy(claim) is not claim


def test_a_claim_validates_and_copies_as_the_model_did() -> None:
    read = Claim.model_validate(
        {"quote": "x", "kind": "target", "period": {"start": "2021-01-01", "end": "2021-03-31"}}
    )
    assert read.kind is ClaimKind.TARGET
    assert read.period == Span(start=dt.date(2021, 1, 1), end=dt.date(2021, 3, 31))
    bad: list[dict[str, Any]] = [{"quote": "x", "alias": 1}, {"line": 3}, {"quote": "x", "value": "many"}]
    for data in bad:
        with pytest.raises(ValidationError):
            Claim.model_validate(data)
    with pytest.raises(ValidationError):
        Claim.model_validate_json('{"quote": "x", "kind": "guess"}')
    copied = read.model_copy(update={"unit": "USD", "entity": "快手"})
    assert (copied.unit, copied.entity, read.unit, read.entity) == ("USD", "快手", None, None)
    assert copied.period is read.period  # shallow, as BaseModel.model_copy
    deep = read.model_copy(deep=True)
    assert deep == read and deep.period is not read.period


def test_write_atomic_replaces_whole_file(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "report.json"
    write_atomic(target, "first\n")
    write_atomic(target, "second\n")
    assert target.read_text(encoding="utf-8") == "second\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.json"]


def test_write_atomic_reports_path_that_is_a_directory(tmp_path: Path) -> None:
    (tmp_path / "r.json").mkdir()
    with pytest.raises(OutputError, match=r"r\.json: cannot write"):
        write_atomic(tmp_path / "r.json", "x")


def test_topic_key_is_written_as_the_fields_that_are_set() -> None:
    import datetime as dt

    from kcheck.models import ClaimKind, ClaimType, Span, TopicKey

    key = TopicKey(
        type=ClaimType.FIGURE,
        entity="快手",
        metric="gmv",
        kind=ClaimKind.ACTUAL,
        period=Span(start=dt.date(2021, 7, 1), end=dt.date(2021, 9, 30)),
    )
    written = {
        "type": "figure",
        "entity": "快手",
        "metric": "gmv",
        "kind": "actual",
        "period": "2021-07-01..2021-09-30",
    }
    assert key.model_dump() == key.model_dump(mode="json") == written
    assert list(key.model_dump()) == list(written)  # in field order: explain prints it so
    assert TopicKey.model_validate(written) == key  # a report's JSON reads back
    assert key.grouped and not TopicKey(type=ClaimType.FIGURE, claim="c1").grouped


def test_topics_and_keys_are_slots_records_that_read_back(corpus_claims: list[Claim]) -> None:
    import dataclasses

    from kcheck.group import group_claims
    from kcheck.models import Topic, TopicKey, TopicStatus
    from kcheck.rules import load_rules

    topics = group_claims(corpus_claims, load_rules())
    assert len(topics) > 100
    for topic in topics:
        assert not hasattr(topic, "__dict__") and not hasattr(topic.key, "__dict__")
        assert Topic.model_validate_json(topic.model_dump_json()) == topic
    key = topics[0].key
    assert {key: 1}[TopicKey.model_validate(key.model_dump())] == 1  # equal keys hash alike
    with pytest.raises(dataclasses.FrozenInstanceError):
        key.entity = "x"  # type: ignore[misc]
    moved = key.model_copy(update={"period": None, "entity": "某公司"})
    assert (moved.period, moved.entity) == (None, "某公司") and key.entity != "某公司"
    settled = topics[0].model_copy(update={"status": TopicStatus.CONFLICT})
    assert settled.status is TopicStatus.CONFLICT and settled.key is key
    assert pickle.loads(pickle.dumps(topics[0])) == topics[0]
    with pytest.raises(ValidationError):
        Topic.model_validate({"id": "t1", "label": "x", "extra": 1})

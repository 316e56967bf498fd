"""kcheck.check.self_contradiction: one article gives two values for one figure, the other
sources agree with one of them (phrases of realnews c5 and of the dev corpus's auto cluster)."""

from __future__ import annotations

from typing import Any

import pytest
from claimkit import RULES, YI, figure, run, with_checks

from kcheck.models import Claim

# realnews c5 (证券时报): 社融增量为1.59万亿元 written twice; the first one changed
LEDE = "10月份，新增人民币贷款8262亿元，同比多增1364亿元。社融增量为{v}万亿元，同比多1970亿元。"
BODY = "社融数据来看，10月份社融增量为{v}万亿元，同比多1970亿元。"


def credit(value: float, sentence: str, doc: str, line: int = 1, **fields: Any) -> Claim:
    quote = f"{value:g}万亿元"
    fields.setdefault("measure", "社融增量")
    return figure(
        quote,
        value * 1e12,
        precision=0.01e12,
        doc=doc,
        line=line,
        entity=None,
        entity_from=None,
        metric="social_financing_increment",
        period="2021-10",
        time_quote="10月份",
        sentence=sentence.format(v=f"{value:g}"),
        **fields,
    )


def article(first: float, again: float = 1.59, **fields: Any) -> list[Claim]:
    return [
        credit(first, LEDE, "c5.md", line=16, **fields),
        credit(again, BODY, "c5.md", line=20),
    ]


OTHERS = [
    credit(1.59, "10月社融增量{v}万亿元，比上年同期多1970亿元。", "c3.md"),
    credit(1.59, "央行数据显示，10月社融增量为{v}万亿元。", "c6.md"),
]


def test_an_article_giving_two_values_the_others_agree_with_one_of_is_a_warning() -> None:
    claims = [*article(2.07), *OTHERS]
    _, conflicts = run(claims)
    assert [(c.type, c.severity.value) for c in conflicts] == [("self_contradiction", "warning")]
    found = conflicts[0]
    assert [c.doc for c in found.claims] == ["c5.md", "c5.md", "c3.md", "c6.md"]
    assert (
        "c5.md gives two values for one figure, 2.07万亿元 (c5.md:16) and 1.59万亿元 (c5.md:20)"
        in found.message
    )
    assert (
        "the other sources agree with 1.59万亿元: 1.59万亿元 (c3.md:1), 1.59万亿元 (c6.md:1)" in found.message
    )


def test_value_mismatch_still_holds_nothing_against_a_document_that_states_both() -> None:
    _, conflicts = run([*article(2.07), *OTHERS])
    assert all(c.type != "value_mismatch" for c in conflicts)


def test_the_severity_is_configurable_but_never_above_a_warning() -> None:
    claims = [*article(2.07), *OTHERS]
    assert (
        run(claims, with_checks(severities={"self_contradiction": "error"}))[1][0].severity.value == "warning"
    )
    assert run(claims, with_checks(severities={"self_contradiction": "info"}))[1][0].severity.value == "info"
    assert run(claims, with_checks(disabled=["self_contradiction"]))[1] == []


# the safeguards a reader would state: each look-alike is no contradiction
@pytest.mark.parametrize(
    ("why", "claims"),
    [
        ("one value, written twice", [*article(1.59), *OTHERS]),
        ("no other source", article(2.07)),
        ("the others state both values", [*article(2.07), *OTHERS, credit(2.07, BODY, "c7.md")]),
        (
            "preliminary, then final",
            [
                credit(2.07, "据初步统计，10月份社融增量为{v}万亿元。", "c5.md"),
                credit(1.59, "经最终核实，10月份社融增量为{v}万亿元。", "c5.md", line=2),
                *OTHERS,
            ],
        ),
        (
            "a figure and its correction",
            [
                credit(2.07, "此前公布的10月份社融增量为{v}万亿元。", "c5.md"),
                credit(1.59, "10月份社融增量更正为{v}万亿元。", "c5.md", line=2),
                *OTHERS,
            ],
        ),
        ("a bounded restatement", [*article(1.7, qualifier="超过", low=1.7e12, high=None), *OTHERS]),
        ("a rounded restatement", [*article(1.5, qualifier="约"), *OTHERS]),
        (
            "another coverage",
            [
                credit(2.07, "按可比口径，10月份社融增量为{v}万亿元。", "c5.md"),
                credit(1.59, BODY, "c5.md", line=2),
                *OTHERS,
            ],
        ),
        (
            "a part against the whole (another measure as written, one metric)",
            [
                credit(2.07, LEDE, "c5.md", measure="社融增量中的表内融资"),
                credit(1.59, BODY, "c5.md", line=2),
                *OTHERS,
            ],
        ),
        ("a period taken from the article (inferred)", [*article(2.07, period_from="inferred"), *OTHERS]),
    ],
)
def test_a_look_alike_is_no_self_contradiction(why: str, claims: list[Claim]) -> None:
    assert [c.type for c in run(claims)[1] if c.type == "self_contradiction"] == [], why


def test_an_inferred_or_unnamed_entity_is_no_strong_link() -> None:
    # 远航汽车 named from the rules in both sentences: a finding; the article's company lent to
    # 公司 (entity_from="document") or a clause subject as written: none
    def deliveries(value: float, doc: str, line: int = 1, **fields: Any) -> Claim:
        fields.setdefault("entity_from", "rules")
        return figure(
            f"{value:g}万辆",
            value * 1e4,
            precision=100,
            doc=doc,
            line=line,
            entity="远航汽车",
            metric=None,
            measure="交付新车",
            dimension="count",
            unit="辆",
            period="2023-11",
            time_quote="11月",
            **fields,
        )

    others = [deliveries(3.52, "auto1.md"), deliveries(3.52, "auto4.md")]
    named = [deliveries(3.25, "auto3.html"), deliveries(3.52, "auto3.html", line=9)]
    assert [c.type for c in run([*named, *others])[1]] == ["self_contradiction"]
    for weak in ("document", "subject"):
        lent = [deliveries(3.25, "auto3.html", entity_from=weak), deliveries(3.52, "auto3.html", line=9)]
        assert [c.type for c in run([*lent, *others])[1] if c.type == "self_contradiction"] == [], weak
    # named in an earlier sentence and carried over: 营业收入最高的是绿地控股，去年实现营业收入...
    carried = [deliveries(3.25, "auto3.html", sentence="当月交付新车3.25万辆。"), named[1]]
    assert [c.type for c in run([*carried, *others])[1] if c.type == "self_contradiction"] == []


def test_one_finding_per_article_and_a_stable_id() -> None:
    a = run([*article(2.07), *OTHERS])[1]
    b = run([*reversed(OTHERS), *article(2.07)])[1]
    assert [c.id for c in a] == [c.id for c in b]
    assert RULES.checks.severities.get("self_contradiction") == "warning"
    assert YI == 1e8

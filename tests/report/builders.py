"""Hand-made Reports for format and CLI tests.

Sentences come from the bundled corpus (files 000 and 001); document 005 is a hand-made
edit of 001 with seeded mistakes (a transposed GMV figure, a wrong cut-off date, a figure
reused for the wrong quarter), so every kind of section a report has is exercised.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kcheck.models import (
    Claim,
    ClaimKind,
    ClaimType,
    Conflict,
    Dimension,
    DocumentInfo,
    FileProblem,
    PublishedFrom,
    Report,
    Severity,
    Span,
    Summary,
    Topic,
    TopicKey,
    TopicStatus,
)

DOC0 = "corpus/000_61c9e254a7eeece8.txt"
DOC1 = "corpus/001_d2323aebfef9259f.txt"
DOC5 = "corpus/005_edited.txt"

Q3_2021 = Span(start=dt.date(2021, 7, 1), end=dt.date(2021, 9, 30))
Q4_2021 = Span(start=dt.date(2021, 10, 1), end=dt.date(2021, 12, 31))

S_GMV0 = (
    "从快手2021年第三季度财报来看，快手电商交易总额（GMV）达到1758亿元，同比增长86.1%，其中90%来自快手小店。"
)
S_GMV1 = "第三季度电商交易额达1758.87亿元，同比增长约86%；"
S_GMV5 = "第三季度电商交易额达1785.87亿元，同比增长约86%；"
S_Q4_5 = "快手第四季度电商交易额达1758.87亿元。"
S_CUT0 = "3月1日，快手电商与淘宝、京东正式“分手”。"
S_CUT5 = "快手将于2月28日起切断淘宝、京东联盟商品链接。"


def claim(ident: str, doc: str, line: int, column: int, quote: str, sentence: str, **fields: Any) -> Claim:
    base: dict[str, Any] = {
        "id": ident,
        "doc": doc,
        "line": line,
        "column": column,
        "quote": quote,
        "sentence": sentence,
        "offset": sentence.find(quote),
        "entity": "快手",
        "metric": "gmv",
        "unit": "CNY",
        "dimension": Dimension.MONEY,
        "period": Q3_2021,
        "entity_from": "rules",
    }
    base.update(fields)
    return Claim(**base)


def claims() -> dict[str, Claim]:
    made = [
        claim(
            "c0a17b52e9d4f001",
            DOC0,
            17,
            412,
            "1758亿元",
            S_GMV0,
            value=1.758e11,
            low=1.7575e11,
            high=1.7585e11,
            subject="快手电商",
            measure="电商交易总额（GMV）",
            precision=1e8,
            time_quote="2021年第三季度",
        ),
        claim(
            "c1b2e0d9aa310002",
            DOC1,
            15,
            96,
            "1758.87亿元",
            S_GMV1,
            value=1.7588700e11,
            low=1.758865e11,
            high=1.758875e11,
            measure="电商交易额",
            precision=1e6,
            time_quote="第三季度",
        ),
        claim(
            "c5e8f1a2b3c40003",
            DOC5,
            15,
            96,
            "1785.87亿元",
            S_GMV5,
            value=1.7858700e11,
            low=1.785865e11,
            high=1.785875e11,
            measure="电商交易额",
            precision=1e6,
            time_quote="第三季度",
        ),
        claim(
            "c0a17b52e9d4f004",
            DOC0,
            17,
            431,
            "86.1%",
            S_GMV0,
            value=86.1,
            low=86.05,
            high=86.15,
            unit="%",
            dimension=Dimension.PERCENT,
            type=ClaimType.CHANGE,
            change="yoy",
        ),
        claim(
            "c1b2e0d9aa310005",
            DOC1,
            15,
            113,
            "约86%",
            S_GMV1,
            value=86.0,
            low=81.7,
            high=90.3,
            unit="%",
            dimension=Dimension.PERCENT,
            type=ClaimType.CHANGE,
            change="yoy",
            qualifier="约",
        ),
        claim(
            "c0a17b52e9d4f006",
            DOC0,
            17,
            109,
            "3月1日",
            S_CUT0,
            value=None,
            unit=None,
            metric=None,
            period=None,
            date=Span(start=dt.date(2022, 3, 1), end=dt.date(2022, 3, 1)),
            type=ClaimType.EVENT,
            dimension=Dimension.DATE,
            event="断外链",
            time_quote="3月1日",
        ),
        claim(
            "c5e8f1a2b3c40007",
            DOC5,
            3,
            6,
            "2月28日",
            S_CUT5,
            value=None,
            unit=None,
            metric=None,
            period=None,
            date=Span(start=dt.date(2022, 2, 28), end=dt.date(2022, 2, 28)),
            type=ClaimType.EVENT,
            dimension=Dimension.DATE,
            event="断外链",
            time_quote="2月28日",
        ),
        claim(
            "c5e8f1a2b3c40008",
            DOC5,
            20,
            11,
            "1758.87亿元",
            S_Q4_5,
            value=1.7588700e11,
            low=1.758865e11,
            high=1.758875e11,
            period=Q4_2021,
            time_quote="第四季度",
        ),
    ]
    return {c.id: c for c in made}


def topics() -> list[Topic]:
    return [
        Topic(
            id="t9d1c0gmvq3",
            label="快手 GMV 2021-Q3",
            status=TopicStatus.CONFLICT,
            key=TopicKey(
                type=ClaimType.FIGURE, entity="快手", metric="gmv", kind=ClaimKind.ACTUAL, period=Q3_2021
            ),
            claims=["c0a17b52e9d4f001", "c1b2e0d9aa310002", "c5e8f1a2b3c40003"],
            sources=[DOC0, DOC1, DOC5],
            why=[
                "entity 快手: rules alias (快手电商, 快手)",
                "metric gmv: 电商交易总额（GMV） = 电商交易额",
                "period 2021-07-01..2021-09-30 in every claim",
                "kind actual in every claim",
            ],
        ),
        Topic(
            id="t4e7a1yoyq3",
            label="快手 GMV yoy 2021-Q3",
            status=TopicStatus.CONSISTENT,
            key=TopicKey(type=ClaimType.CHANGE, entity="快手", metric="gmv", period=Q3_2021, change="yoy"),
            claims=["c0a17b52e9d4f004", "c1b2e0d9aa310005"],
            sources=[DOC0, DOC1],
            why=["entity 快手", "metric gmv", "change yoy", "period 2021-Q3"],
        ),
        Topic(
            id="t2b8c3cutoff",
            label="快手 断外链",
            status=TopicStatus.CONFLICT,
            key=TopicKey(type=ClaimType.EVENT, entity="快手", event="断外链"),
            claims=["c0a17b52e9d4f006", "c5e8f1a2b3c40007"],
            sources=[DOC0, DOC5],
            why=["entity 快手", "event 断外链: 分手 ~ 切断外链 (fuzzy 82)"],
        ),
        Topic(
            id="t6f0d4gmvq4",
            label="快手 GMV 2021-Q4",
            status=TopicStatus.SINGLE,
            key=TopicKey(
                type=ClaimType.FIGURE, entity="快手", metric="gmv", kind=ClaimKind.ACTUAL, period=Q4_2021
            ),
            claims=["c5e8f1a2b3c40008"],
            sources=[DOC5],
            why=["single claim"],
        ),
    ]


def conflicts(by_id: dict[str, Claim]) -> list[Conflict]:
    return [
        Conflict(
            id="f3a9c2e1d0b4a5c6",
            type="value_mismatch",
            severity=Severity.ERROR,
            topic="快手 GMV 2021-Q3",
            topic_id="t9d1c0gmvq3",
            message="快手 GMV 2021-Q3: 1785.87亿元 disagrees with 1758亿元 and 1758.87亿元",
            claims=[by_id["c5e8f1a2b3c40003"], by_id["c0a17b52e9d4f001"], by_id["c1b2e0d9aa310002"]],
            gap=0.0152,
        ),
        Conflict(
            id="d8e1b7c5a3f2e9d0",
            type="date_mismatch",
            severity=Severity.ERROR,
            topic="快手 断外链",
            topic_id="t2b8c3cutoff",
            message="快手 断外链 dated 2022-03-01 and 2022-02-28",
            claims=[by_id["c0a17b52e9d4f006"], by_id["c5e8f1a2b3c40007"]],
        ),
        Conflict(
            id="a1b2c3d4e5f60718",
            type="reused_figure",
            severity=Severity.WARNING,
            topic="快手 GMV 2021-Q4",
            topic_id="t6f0d4gmvq4",
            message="1758.87亿元 is 快手 GMV for 2021-Q3 elsewhere but 2021-Q4 here",
            claims=[by_id["c5e8f1a2b3c40008"], by_id["c1b2e0d9aa310002"]],
        ),
    ]


def sample_report() -> Report:
    by_id = claims()
    found = conflicts(by_id)
    return Report(
        documents=[
            DocumentInfo(
                path=DOC0,
                title="抖音快手相继断外链，是走窄了还是走对了？",
                published=dt.date(2022, 5, 23),
                published_from=PublishedFrom.FRONT_MATTER,
                format="html+front_matter",
                sentences=120,
                claims=4,
            ),
            DocumentInfo(
                path=DOC1,
                title="快手将于3月1日起切断淘宝、京东联盟商品链接",
                published=dt.date(2022, 2, 9),
                published_from=PublishedFrom.META,
                format="html",
                sentences=30,
                claims=2,
            ),
            DocumentInfo(
                path=DOC5,
                title="hand-made edit of 001",
                published=dt.date(2022, 2, 9),
                published_from=PublishedFrom.MANIFEST,
                sentences=25,
                claims=3,
            ),
        ],
        unreadable=[
            FileProblem(path="corpus/broken.html", error="cannot decode: not UTF-8, GB18030 or Big5")
        ],
        topics=topics(),
        conflicts=found,
        claims=list(by_id.values()),
        summary=Summary(
            documents=3,
            claims=len(by_id),
            topics=4,
            conflicts={"error": 2, "warning": 1, "info": 0},
            corroborated=1,
            unreadable=1,
        ),
    )


def clean_report() -> Report:
    """The same corpus with the seeded mistakes taken out: nothing to report but agreement."""
    full = sample_report()
    keep = {"c0a17b52e9d4f001", "c1b2e0d9aa310002", "c0a17b52e9d4f004", "c1b2e0d9aa310005"}
    topics = [
        t.model_copy(
            update={
                "status": TopicStatus.CONSISTENT,
                "claims": [c for c in t.claims if c in keep],
                "sources": [DOC0, DOC1],
            }
        )
        for t in full.topics[:2]
    ]
    return Report(
        documents=full.documents[:2],
        topics=topics,
        claims=[c for c in full.claims if c.id in keep],
        summary=Summary(documents=2, claims=4, topics=2, corroborated=2),
    )

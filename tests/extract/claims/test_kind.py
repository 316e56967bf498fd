"""kcheck.extract.claims.kind: actual, target or forecast; revisions."""

from __future__ import annotations

import pytest
from claimrows import claim, fields

REVISED = "快手2021年GMV目标是2000亿元，后又上调至2500亿元"


@pytest.mark.parametrize(
    ("text", "quote", "kind", "revision", "superseded"),
    [
        (REVISED, "2000亿元", "target", None, True),  # revised later in its sentence
        (REVISED, "2500亿元", "target", "上调至", False),  # the revision is a target too
        ("快手预计2022年GMV将达到1万亿元", "1万亿元", "forecast", None, False),
        ("快手2021年完成电商GMV达6800亿元，超过原定目标6500亿元", "6800亿元", "actual", None, False),
        ("快手2021年完成电商GMV达6800亿元，超过原定目标6500亿元", "6500亿元", "target", None, False),
    ],
)
def test_kind(text: str, quote: str, kind: str, revision: str | None, superseded: bool) -> None:
    assert fields(claim(text, quote), "kind", "revision", "superseded") == (kind, revision, superseded)

"""A target or forecast revised in its own sentence: what the checks read from the extractor.

The extractor records where the last revision cue before a target or forecast stands
(``revision_at``); the checks retire the figure of the same topic before it in the sentence
when that cue comes after it. The checks never read the sentence itself.
"""

from __future__ import annotations

import pytest
from claimkit import YI, figure, findings

from kcheck.check.context import revises
from kcheck.models import Claim

SENTENCE = "快手2021年GMV目标是1758亿元，后又上调至2500亿元"
CUE = SENTENCE.find("调至")  # the latest cue start, as the extractor records it


def _target(quote: str, value: float, doc: str = "a.txt", period: str = "2021", **fields: object) -> Claim:
    return figure(quote, value * YI, precision=YI, doc=doc, kind="target", period=period, **fields)


@pytest.mark.parametrize(
    ("later_fields", "revised"),
    [
        ({"revision": "上调至", "revision_at": CUE}, True),  # its own kind came from the cue
        ({"revision_at": CUE}, True),  # a cue between the two, whatever decided the kind
        ({"revision_at": 0}, False),  # the cue stands before the earlier figure
        ({}, False),  # no cue before it at all
    ],
)
def test_revises(later_fields: dict[str, object], revised: bool) -> None:
    earlier = _target("1758亿元", 1758, sentence=SENTENCE)
    later = _target("2500亿元", 2500, sentence=SENTENCE, **later_fields)
    assert revises(later, earlier) is revised


def test_a_revised_target_is_no_reused_figure() -> None:
    # the 2021 target 1758亿 was revised to 2500亿; another article's 2022 target of 1758亿
    # is not the same figure reused for another year
    other = _target("1758亿元", 1758, doc="b.txt", period="2022")
    old = _target("1758亿元", 1758, sentence=SENTENCE)
    new = _target("2500亿元", 2500, sentence=SENTENCE, revision_at=CUE)
    assert findings([old, new, other]) == []
    # nor without the cue: targets and forecasts are never a reused figure (two forecasts for
    # different days may well be equal), so the revision does not decide it here
    unrevised = new.model_copy(update={"revision_at": None})
    assert findings([old, unrevised, other]) == []

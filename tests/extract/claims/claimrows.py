"""One claim of a phrase, for the tables of each decision of the assembler."""

from __future__ import annotations

import datetime as dt
from typing import Any

import kcheck
from kcheck.models import Claim

PUBLISHED = dt.date(2022, 3, 1)


def claim(text: str, quote: str) -> Claim:
    """The claim ``kcheck.extract`` makes of ``quote`` in ``text`` (published 2022-03-01)."""
    found = [c for c in kcheck.extract(text, published=PUBLISHED) if c.quote == quote]
    assert len(found) == 1, [c.quote for c in kcheck.extract(text, published=PUBLISHED)]
    return found[0]


def fields(c: Claim, *names: str) -> tuple[Any, ...]:
    data = c.model_dump(mode="json")
    return tuple(
        f"{data[n]['start']}..{data[n]['end']}" if n in ("period", "date") and data[n] else data[n]
        for n in names
    )

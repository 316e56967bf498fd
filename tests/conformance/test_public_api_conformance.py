"""The peers' suites through the public entry point, ``kcheck.extract``.

The pass-level tests (test_numbers_conformance, test_dates_conformance) score the number and
time passes alone; this module scores what a library user gets: every case's text goes
through ``kcheck.extract(text, published=reference_date)`` and the resulting claims are
matched the same way (quote overlap, then value/low/high/unit; for dates the claim's ``date``
or, for a figure, its ``period`` with the time expression as the quote). The out-of-scope
lists are the pass-level ones; the floors are ratchets just under what the public API
achieves, printed with ``-s``.

    pytest tests/conformance/test_public_api_conformance.py -q -s
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from _cases import CONFORMANCE, Candidate, score_file
from test_dates_conformance import OUT_OF_SCOPE as DATES_OUT_OF_SCOPE
from test_numbers_conformance import OUT_OF_SCOPE as NUMBERS_OUT_OF_SCOPE

import kcheck
from kcheck.rules import load_rules
from kcheck.text.fold import fold

# just under the rates achieved through kcheck.extract; raise them when extraction improves
FLOOR = {"money": 0.95, "numbers": 0.95, "percent": 0.90, "ranges": 0.92, "dates": 0.98}

RULES = load_rules()

pytestmark = pytest.mark.skipif(
    not CONFORMANCE.is_dir(),
    reason=f"conformance cases not found at {CONFORMANCE} (shared/ sits beside the repo)",
)


def _figures(text: str, published: dt.date | None = None) -> list[Candidate]:
    # a decrease is a negative change (下降5% -> -5); the suites give the magnitude
    out = []
    for c in kcheck.extract(text, published=published, rules=RULES):
        if c.value is None and c.low is None and c.high is None:
            continue
        flip = c.type.value == "change" and c.value is not None and c.value < 0
        value, low, high = c.value, c.low, c.high
        if flip:
            value, low, high = (
                -value,
                (-high if high is not None else None),
                (-low if low is not None else None),
            )
        out.append(Candidate(c.quote, value, low, high, c.unit))
    return out


@pytest.mark.parametrize("file", ["money", "numbers", "percent", "ranges"])
def test_figures_through_kcheck_extract(file: str) -> None:
    score = score_file(file, _figures, NUMBERS_OUT_OF_SCOPE)
    print(f"\nkcheck.extract {score.summary()}")
    failures = "\n  ".join(score.failures)
    assert score.rate >= FLOOR[file], f"{score.summary()} below floor {FLOOR[file]:.0%}:\n  {failures}"


def _dated(case: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    """(start, end, first day, last day) of every date or period the claims carry."""
    published = dt.date.fromisoformat(case["reference_date"]) if case["reference_date"] else None
    text = case["text"]
    folded = fold(text)
    out = []
    for c in kcheck.extract(text, published=published, rules=RULES):
        span = c.date or c.period
        quote = c.time_quote or c.quote
        if span is None or not quote:
            continue
        at = folded.find(fold(quote))
        if at >= 0:
            out.append((at, at + len(quote), span.start.isoformat(), span.end.isoformat()))
    return out


def test_dates_through_kcheck_extract() -> None:
    path = CONFORMANCE / "dates.jsonl"
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    passed = scored = 0
    failures = []
    for case in cases:
        if case["id"] in DATES_OUT_OF_SCOPE or not case["reference_date"]:
            continue  # reference_partial cases need a year-only publication date: pass-level only
        scored += 1
        found = _dated(case)
        folded = fold(case["text"])
        ok = True
        for item in case["expect"]:
            want = (item["date"]["start"], item["date"]["end"])
            qs = folded.find(fold(item["quote"]))
            qe = qs + len(item["quote"])
            overlapping = [(s, e, a, b) for s, e, a, b in found if qs >= 0 and s < qe and qs < e]
            if not any((a, b) == want for _, _, a, b in overlapping):
                ok = False
                failures.append(
                    f"{case['id']} {item['quote']!r}: want {want}, got {[(a, b) for *_, a, b in overlapping]}"
                )
        passed += ok
    rate = passed / scored
    print(f"\nkcheck.extract dates: {passed}/{scored} in-scope cases pass ({rate:.1%})")
    assert rate >= FLOOR["dates"], f"{rate:.1%} below floor:\n  " + "\n  ".join(failures)

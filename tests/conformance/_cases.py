"""Load peers' conformance cases (../shared/conformance/*.jsonl) and score any extractor on them.

Kept apart from the tests so the same scoring runs through the number pass today and through
the public ``kcheck.extract`` later: an extractor is any function from a case's text to a list
of ``Candidate`` (quote, value, low, high, unit; optionally its offset in the text).

An expected item is matched by quote OVERLAP (JioNLP quotes are the whole input, RT quotes are
spans), then by value, low and high (each one the item gives) within a relative tolerance, and
by unit where the file gives one. A case with ``"expect": []`` scores one item: it passes when
the extractor finds nothing.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFORMANCE = Path(__file__).resolve().parents[3] / "shared" / "conformance"
REL_TOL = 1e-6


@dataclass(frozen=True)
class Candidate:
    quote: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    start: int | None = None  # offset of the quote in the case text; found by search when None


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    expect: list[dict[str, Any]]


@dataclass
class Score:
    file: str
    passed: int = 0
    scored: int = 0
    out_of_scope: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.passed / self.scored if self.scored else 1.0

    def summary(self) -> str:
        return (
            f"{self.file}: {self.passed}/{self.scored} in-scope items pass ({self.rate:.1%}); "
            f"{self.out_of_scope} cases out of scope"
        )


def load_cases(name: str) -> list[Case]:
    path = CONFORMANCE / f"{name}.jsonl"
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            cases.append(Case(raw["id"], raw["text"], raw["expect"]))
    return cases


def _locate(text: str, quote: str, after: int = 0) -> tuple[int, int] | None:
    for haystack in (text, unicodedata.normalize("NFKC", text)):
        for needle in (quote, unicodedata.normalize("NFKC", quote)):
            at = haystack.find(needle, after)
            if at < 0 and after:
                at = haystack.find(needle)
            if at >= 0:
                return at, at + len(needle)
    return None


def _close(got: float | None, want: float) -> bool:
    return got is not None and math.isclose(got, want, rel_tol=REL_TOL, abs_tol=1e-9)


def item_matches(file: str, item: dict[str, Any], cand: Candidate) -> bool:
    """Values (and the unit, where the file has one) agree."""
    for key in ("value", "low", "high"):
        if key in item and not _close(getattr(cand, key), float(item[key])):
            return False
    if file == "money" and item.get("unit") is not None:
        implicit_ok = item.get("unit_implicit") and cand.unit is None
        if cand.unit != item["unit"] and not implicit_ok:
            return False
    return file != "percent" or cand.unit in (("pp", "%") if item.get("pp") else ("%",))


def score_case(file: str, case: Case, candidates: list[Candidate]) -> tuple[int, int, list[str]]:
    """(items passed, items scored, why the others failed) for one case."""
    if not case.expect:
        found = ", ".join(c.quote for c in candidates)
        return (1, 1, []) if not candidates else (0, 1, [f"{case.id}: expected nothing, found {found}"])
    spans: list[tuple[int, int]] = []
    cursor = 0
    for cand in candidates:
        if cand.start is not None:
            spans.append((cand.start, cand.start + len(cand.quote)))
        else:
            where = _locate(case.text, cand.quote, cursor) or (-1, -1)
            spans.append(where)
            cursor = max(cursor, where[1])
    used: set[int] = set()
    passed, scored, why = 0, 0, []
    cursor = 0
    for item in case.expect:
        if file == "numbers" and not item.get("in_scope", True):
            continue
        scored += 1
        where = _locate(case.text, item["quote"], cursor)
        if where is None:
            why.append(f"{case.id}: quote {item['quote']!r} not in text")
            continue
        cursor = where[1]
        overlapping = [i for i, (a, b) in enumerate(spans) if i not in used and a < where[1] and where[0] < b]
        hit = next((i for i in overlapping if item_matches(file, item, candidates[i])), None)
        if hit is None:
            got = [
                (
                    candidates[i].quote,
                    candidates[i].value,
                    candidates[i].low,
                    candidates[i].high,
                    candidates[i].unit,
                )
                for i in overlapping
            ]
            want = {k: item[k] for k in ("value", "low", "high", "unit") if k in item}
            why.append(f"{case.id}: {item['quote']!r} want {want} got {got}")
            continue
        used.add(hit)
        passed += 1
    return passed, scored, why


def score_file(
    file: str,
    extract: Callable[[str], Iterable[Candidate]],
    out_of_scope: dict[str, str],
) -> Score:
    score = Score(file)
    for case in load_cases(file):
        if case.id in out_of_scope:
            score.out_of_scope += 1
            continue
        passed, scored, why = score_case(file, case, list(extract(case.text)))
        score.passed += passed
        score.scored += scored
        score.failures.extend(why)
    return score

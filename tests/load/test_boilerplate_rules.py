"""Mistakes in rules/boilerplate.yaml are reported as file:line, like every rules file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kcheck.rules import check_rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "byline_patterns:\n  - '^(?P<when>\\d{4}-\\d{2}-\\d{2})$'\n",
            "boilerplate.yaml:1: byline_patterns: byline pattern",
        ),
        ("drop_selectors:\n  - 'div[class='\n", "boilerplate.yaml:1: drop_selectors: bad CSS selector"),
        ("drop_lines:\n  - '赞赏(了'\n", "boilerplate.yaml:1: drop_lines: bad regular expression"),
        ("future_cue: [将于]\n", "boilerplate.yaml:1: unknown key 'future_cue'"),
    ],
)
def test_boilerplate_mistakes(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "boilerplate.yaml").write_text(text, encoding="utf-8")
    rules, problems = check_rules(tmp_path)
    assert rules is None
    assert any(expected in p for p in problems), problems


def test_the_shipped_boilerplate_rules_validate() -> None:
    rules, problems = check_rules(Path(__file__).resolve().parents[2] / "rules")
    assert problems == [] and rules is not None
    assert (
        rules.boilerplate.end_markers and rules.boilerplate.byline_patterns and rules.boilerplate.future_cues
    )

"""Rules are data; a mistake in them is reported as file:line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from kcheck.errors import RulesError
from kcheck.rules import SECTIONS, RuleSet, check_rules, default_rules_dir, load_rules


def test_default_rules_validate() -> None:
    rules, problems = check_rules(default_rules_dir())
    assert problems == []
    assert rules is not None
    assert set(rules.files) == set(SECTIONS)


def test_the_sections_a_directory_is_told_by_are_the_sections() -> None:
    from kcheck.settings import RULE_SECTIONS

    assert tuple(SECTIONS) == RULE_SECTIONS == tuple(RuleSet.model_fields)[: len(SECTIONS)]


@pytest.mark.parametrize(
    ("filename", "text", "expected"),
    [
        ("metrics.yaml", "metrics:\n  gmv:\n    alais: [交易额]\n", "metrics.yaml:3: unknown key 'alais'"),
        ("events.yaml", "events:\n  投产:\n    subject: before\n", "events.yaml:3: events.投产.subject:"),
        ("time.yaml", "fiscal_year_ends:\n  阿里巴巴: 13\n", "time.yaml:2: fiscal_year_ends.阿里巴巴:"),
        (
            "metrics.yaml",
            "metrics:\n  gmv:\n    aliases: [GMV, '']\n",
            "metrics.yaml:3: metrics.gmv.aliases: empty string in list",
        ),
        (
            "units.yaml",
            "currencies:\n  yuan: [元]\n",
            "units.yaml:2: currencies.yuan: key does not match ^[A-Z]{3}$",
        ),
        (
            "checks.yaml",
            "warning_gap: -1\n",
            "checks.yaml:1: warning_gap: Input should be greater than or equal to 0",
        ),
        (
            "boilerplate.yaml",
            "end_markers: ['本文(首发']\n",
            "boilerplate.yaml:1: end_markers: bad regular expression",
        ),
        # a table's place ends are characters; its header changes are kinds of change
        (
            "boilerplate.yaml",
            "table_place_ends: [省, 自治区]\n",
            "boilerplate.yaml:1: table_place_ends: place end '自治区' is not one character",
        ),
        (
            "events.yaml",
            "place_ends: [市, 自治州]\n",
            "events.yaml:1: place_ends: place end '自治州' is not one character",
        ),
        (
            "boilerplate.yaml",
            "table_periods: ['\\d{1,2}月份?', '(前[三二]季度']\n",
            "boilerplate.yaml:1: table_periods: bad regular expression",
        ),
        (
            "kinds.yaml",
            "changes:\n  yoy: [同比]\nheader_changes:\n  mom: [环比]\n",
            "kinds.yaml:1: header_changes: 'mom' is not a kind of change (changes: yoy)",
        ),
        ("entities.yaml", "entities: [快手\n", "entities.yaml:2: invalid YAML"),
        (
            "entities.yaml",
            "operator_forms: {港务集团: 机场}\n",
            "entities.yaml:1: operator_forms: '港务集团' must start with what it runs ('机场')",
        ),
        ("entities.yaml", "- 快手\n", "entities.yaml:1: expected a mapping"),
        (
            "entities.yaml",
            "fund_names:\n  min_chars: 9\n  max_chars: 4\n",
            "entities.yaml:1: fund_names: min_chars 9 is more than max_chars 4",
        ),
        (
            "entities.yaml",
            "fund_names:\n  share_classes: [AB]\n",
            "entities.yaml:2: fund_names.share_classes.0: String should have at most 1 character",
        ),
        (
            "metrics.yaml",
            "metrics: {}\nmeasure_forms:\n  新房价格: 新房价格\n",
            "metrics.yaml:2: measure_forms: '新房价格' is written the same as its short name",
        ),
        ("aliases.yaml", "x: 1\n", "aliases.yaml:1: unknown rules file 'aliases.yaml'"),
        # the language knowledge that moved out of the code (issue 8) is checked like the rest
        (
            "units.yaml",
            "small_units: {十: 12}\n",
            "units.yaml:1: small_units.十: Input should be 10, 100 or 1000",
        ),
        (
            "units.yaml",
            "small_units: {十十: 10}\n",
            "units.yaml:1: small_units: '十十': one character",
        ),
        (
            "units.yaml",
            "minor_units: {角: 0.5}\n",
            "units.yaml:1: minor_units: '角': 0.1 (角) or 0.01",
        ),
        (
            "units.yaml",
            "negative_words: [负数]\n",
            "units.yaml:1: negative_words: '负数': one character",
        ),
        (
            "units.yaml",
            "extends: default\nplain_currency_words: [刀]\n",
            "units.yaml:1: plain_currency_words: '刀' is not a word of the default currency CNY",
        ),
        (
            "units.yaml",
            "extends: default\ncounted_durations: [公里]\n",
            "units.yaml:1: counted_durations: '公里' is not a duration word of not_counters",
        ),
        (
            "units.yaml",
            "duration_measures: [天数, '']\n",
            "units.yaml:1: duration_measures: empty string in list",
        ),
        ("entities.yaml", "coordinators: [和, '']\n", "entities.yaml:1: coordinators: empty string in list"),
        # a figure is more (多增) or less (少增) than its base, not both; an increment word is a word
        ("kinds.yaml", "more: [多增, 多]\nless: [少增, 多]\n", "kinds.yaml:1: 多: in both more and less"),
        ("kinds.yaml", "increment: [新增, ' ']\n", "kinds.yaml:1: increment: empty string in list"),
        # a loss names the profit it is below zero of, one of the same file
        (
            "metrics.yaml",
            "metrics:\n  net_loss:\n    aliases: [亏损]\n    loss_of: net_proft\n",
            "metrics.yaml:1: metrics.net_loss.loss_of: 'net_proft' is not a metric of this file",
        ),
        # a meeting is held for an event of the same file
        (
            "events.yaml",
            "events:\n  召开:\n    aliases: [召开]\n    held_for: {发布会: 发部}\n",
            "events.yaml:1: events.召开.held_for.发布会: '发部' is not an event of this file",
        ),
        (
            "events.yaml",
            "events:\n  下线:\n    milestone: [辆, '']\n",
            "events.yaml:3: events.下线.milestone: empty",
        ),
        (
            "time.yaml",
            "relative_centuries: {上世纪: 前}\n",
            "time.yaml:1: relative_centuries.上世纪: Input should be",
        ),
    ],
)
def test_rule_mistakes_point_at_file_and_line(
    tmp_path: Path, filename: str, text: str, expected: str
) -> None:
    (tmp_path / filename).write_text(text, encoding="utf-8")
    rules, problems = check_rules(tmp_path)
    assert rules is None
    assert any(expected in p for p in problems), problems
    with pytest.raises(RulesError):
        load_rules(tmp_path)


def test_duplicate_alias_across_entities_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "entities.yaml").write_text(
        "entities:\n  快手:\n    aliases: [快手电商]\n  抖音:\n    aliases: [快手电商]\n", encoding="utf-8"
    )
    _, problems = check_rules(tmp_path)
    assert any("'快手电商' names both '快手' and '抖音'" in p for p in problems), problems


def test_partial_directory_falls_back_to_defaults(tmp_path: Path) -> None:
    (tmp_path / "checks.yaml").write_text("warning_gap: 0.1\n", encoding="utf-8")
    rules = load_rules(tmp_path)
    assert rules.checks.warning_gap == 0.1
    assert "快手" in rules.entities.entities
    assert rules.files["checks"] == str(tmp_path / "checks.yaml")


def test_extends_default_adds_to_the_builtin_section(tmp_path: Path) -> None:
    (tmp_path / "entities.yaml").write_text(
        "extends: default\nentities:\n  泡泡玛特:\n    aliases: [POP MART]\n  快手:\n    aliases: [快手极速版]\n",
        encoding="utf-8",
    )
    rules = load_rules(tmp_path)
    assert rules.entities.entities["泡泡玛特"].aliases == ["POP MART"]
    assert "快手极速版" in rules.entities.entities["快手"].aliases
    assert "快手电商" in rules.entities.entities["快手"].aliases  # the built-in aliases stay
    assert "抖音" in rules.entities.entities  # and so do the other entities


def test_a_file_without_extends_replaces_the_builtin_section(tmp_path: Path) -> None:
    (tmp_path / "entities.yaml").write_text(
        "entities:\n  泡泡玛特:\n    aliases: [POP MART]\n", encoding="utf-8"
    )
    rules = load_rules(tmp_path)
    assert set(rules.entities.entities) == {"泡泡玛特"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "extends: mine\nentities: {}\n",
            "entities.yaml:1: extends: only 'default' can be extended, not 'mine'",
        ),
        ("extends: default\nentities:\n  快手:\n    alais: [x]\n", "entities.yaml:4: unknown key 'alais'"),
    ],
)
def test_extends_mistakes_point_at_file_and_line(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "entities.yaml").write_text(text, encoding="utf-8")
    _, problems = check_rules(tmp_path)
    assert any(expected in p for p in problems), problems


def test_what_a_stage_derives_is_kept_with_its_rule_set_and_a_changed_copy_works_it_out_afresh() -> None:
    # grouping's folded legal suffixes live on the rule set, not in a module-level memo
    from kcheck.group import entity_key

    rules = load_rules(None)
    built: list[RuleSet] = []

    def suffixes(r: RuleSet) -> tuple[str, ...]:
        built.append(r)
        return tuple(r.entities.legal_suffixes)

    assert rules.derived(suffixes) == rules.derived(suffixes)
    assert built == [rules]
    entities = rules.entities.model_copy(update={"legal_suffixes": ["集团"]})
    other = rules.model_copy(update={"entities": entities})
    assert other.derived(suffixes) == ("集团",)
    assert entity_key("瑞柏医药集团", other) == "瑞柏医药"
    assert entity_key("瑞柏医药股份有限公司", other) == "瑞柏医药股份有限公司"
    assert entity_key("瑞柏医药股份有限公司", rules) == "瑞柏医药"
    assert other == other.model_copy() and rules.model_dump() == load_rules(None).model_dump()


def test_built_in_rules_missing_is_one_clear_error(tmp_path: Path) -> None:
    """A src/ tree copied without rules/ beside it: no section is ever silently empty
    (the byline patterns of boilerplate.yaml were), the CLI says which files are missing."""
    import shutil
    import subprocess
    import sys

    import kcheck

    src = tmp_path / "src"
    shutil.copytree(
        Path(kcheck.__file__).parent, src / "kcheck", ignore=shutil.ignore_patterns("__pycache__")
    )
    code = "from kcheck.rules import load_rules; load_rules(None)"
    env = {"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode != 0 and "RulesError" in done.stderr
    assert f"{tmp_path / 'rules'}: built-in rules missing (entities.yaml, metrics.yaml" in done.stderr
    cli = subprocess.run(
        [sys.executable, "-c", "from kcheck.cli import main; main()", "claims", "-"],
        input="甲公司2023年营收120亿元。\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,  # no project rules to find
    )
    assert cli.returncode != 0 and cli.stdout == ""
    lines = cli.stderr.strip().splitlines()
    assert len(lines) == 1 and "built-in rules missing" in lines[0], cli.stderr

"""kcheck.safeyaml under each parser PyYAML offers here (pure Python, and libyaml's C parser
when PyYAML was built with it): every refusal holds under both, both give the same values,
the same line numbers and, for invalid YAML, the same error (the pure-Python one)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kcheck import safeyaml

ROOT = Path(__file__).resolve().parents[1]

LOADERS = [pytest.param(safeyaml._PyLoader, id="python")]
if yaml.__with_libyaml__:
    LOADERS.append(pytest.param(safeyaml._CLoader, id="libyaml"))


@pytest.fixture(params=LOADERS)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    monkeypatch.setattr(safeyaml, "_Loader", request.param)
    return request.param  # type: ignore[no-any-return]


def test_libyaml_is_used_when_pyyaml_has_it() -> None:
    assert (safeyaml._Loader.__name__ == "_CLoader") == yaml.__with_libyaml__


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("a: &x 1\nb: *x\n", "aliases (*name) are not allowed"),
        ("a: &x [1, 2]\nb: [*x, *x]\n", "aliases (*name) are not allowed"),
        # the billion laughs in three lines: refused at the first alias, nothing expanded
        ("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "aliases (*name) are not allowed"),
        ("[" * (safeyaml.MAX_DEPTH + 1) + "]" * (safeyaml.MAX_DEPTH + 1), "nested more than 64 levels deep"),
        ("a:\n" + "".join("  " * i + "- \n" for i in range(1, 70)), "nested more than 64 levels deep"),
    ],
)
def test_refusals(loader: type, text: str, problem: str) -> None:
    with pytest.raises(
        yaml.YAMLError, match=problem.replace("(", r"\(").replace(")", r"\)").replace("*", r"\*")
    ):
        safeyaml.load(text)


def test_nesting_up_to_the_bound_is_read(loader: type) -> None:
    depth = safeyaml.MAX_DEPTH
    value = safeyaml.load("[" * depth + "1" + "]" * depth)
    for _ in range(depth):
        assert isinstance(value, list)
        value = value[0]
    assert value == 1


def test_duplicate_keys_refused_only_when_asked(loader: type) -> None:
    assert safeyaml.load("a: 1\na: 2\n") == {"a": 2}
    with pytest.raises(yaml.YAMLError, match=r"duplicate key 'a' \(first at line 1\)") as info:
        safeyaml.load("a: 1\nb: 0\na: 2\n", unique_keys=True)
    assert info.value.problem_mark.line == 2  # type: ignore[attr-defined]


def test_dates_stay_as_written(loader: type) -> None:
    assert safeyaml.load("published: 2024-03-01\nat: 2024-03-01 10:00:00\n") == {
        "published": "2024-03-01",
        "at": "2024-03-01 10:00:00",
    }


@pytest.mark.parametrize(
    "text",
    [
        "a: [1\n",
        "title: 'unclosed\n",
        "a: 1\n b: 2\n",
        "- a\nb: c\n",
        "key: value\n\tindented: tab\n",
        "a: {b: 1, c\n",
    ],
)
def test_invalid_yaml_gives_the_pure_python_error(loader: type, text: str) -> None:
    with pytest.raises(yaml.YAMLError) as python:
        yaml.load(text, Loader=yaml.SafeLoader)
    with pytest.raises(yaml.YAMLError) as ours:
        safeyaml.load(text)
    assert type(ours.value) is type(python.value)
    assert str(ours.value) == str(python.value)


@pytest.mark.parametrize("path", sorted((ROOT / "rules").glob("*.yaml")), ids=lambda p: p.name)
def test_both_parsers_read_the_rules_alike(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8")
    seen = []
    for param in LOADERS:
        monkeypatch.setattr(safeyaml, "_Loader", param.values[0])
        node = safeyaml.compose(text, unique_keys=True)
        lines = [n.start_mark.line for n in _walk(node)]
        seen.append((safeyaml.construct(node, unique_keys=True), lines))
    assert all(s == seen[0] for s in seen)


def _walk(node: yaml.Node | None) -> list[yaml.Node]:
    if node is None:
        return []
    out = [node]
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            out += _walk(k) + _walk(v)
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            out += _walk(v)
    return out

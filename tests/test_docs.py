"""Every example in docs/ci.md and in the README's CI section runs, and the Action and the
pre-commit hook do what the docs say.

- ``bash`` blocks: each ``kcheck ...`` line runs in a copy of the Hexo repository fixture
  (tests/repo/hexo) and must not be a usage error (exit 0 or 1, nothing on stdout that is
  not the report).
- ``toml`` blocks are valid configuration; ``markdown``/``text`` blocks holding a marker
  are valid suppressions; ``yaml`` blocks are a workflow using this Action with inputs it
  has, or a pre-commit configuration naming a hook it defines.
- action.yml's steps parse, reference only inputs and steps that exist, and its shell
  steps run (bash -n); the step that runs kcheck is executed on the fixture.
- the pre-commit hook's entry runs as pre-commit would run it.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from kcheck import config, suppress

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "docs" / "ci.md", ROOT / "README.md"]
FIXTURE = ROOT / "tests" / "repo" / "hexo"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)
BASH = shutil.which("bash")


def blocks(language: str) -> list[tuple[str, str]]:
    """(``file:line``, body) of every fenced block in ``language``."""
    return [(where, body) for doc in DOCS for where, body, lang in _fenced(doc) if lang == language]


def _fenced(doc: Path) -> list[tuple[str, str, str]]:
    text = doc.read_text(encoding="utf-8")
    offset = 0
    if doc.name == "README.md":
        start = text.index("## Use in CI")
        end = text.find("\n## ", start + 1)
        offset = text[:start].count("\n")
        text = text[start : end if end > 0 else None]
    return [
        (f"{doc.name}:{offset + text[: m.start()].count(chr(10)) + 1}", m.group(2), m.group(1))
        for m in FENCE.finditer(text)
    ]


def commands() -> list[tuple[str, str]]:
    out = []
    for where, body in blocks("bash"):
        for line in body.splitlines():
            command = line.split("  #")[0].strip()
            if command.startswith("kcheck "):
                out.append((where, command))
    return out


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "blog"
    shutil.copytree(FIXTURE, root)
    (root / ".git").mkdir()
    return root


def run_kcheck(
    argv: list[str], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-c", "from kcheck.cli import main; main()", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        check=False,
    )


def test_the_docs_have_examples() -> None:
    assert len(commands()) >= 8
    assert blocks("toml") and blocks("yaml") and blocks("markdown")


@pytest.mark.parametrize(("where", "command"), commands(), ids=[w for w, _ in commands()])
def test_every_command_runs(site: Path, where: str, command: str) -> None:
    argv = shlex.split(command)[1:]
    if "--changed-since" in argv:
        if shutil.which("git") is None:
            pytest.skip("git not installed")
        shutil.rmtree(site / ".git")
        git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
        subprocess.run([*git, "init", "-q", "-b", "main"], cwd=site, check=True)
        subprocess.run([*git, "add", "-A"], cwd=site, check=True)
        subprocess.run([*git, "commit", "-qm", "x"], cwd=site, check=True)
        subprocess.run([*git, "update-ref", "refs/remotes/origin/main", "HEAD"], cwd=site, check=True)
    done = run_kcheck(argv, site)
    assert done.returncode in (0, 1), f"{where}: {command}: {done.stderr}"
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("where", "body"), blocks("toml"), ids=[w for w, _ in blocks("toml")])
def test_every_configuration_example_is_valid(tmp_path: Path, where: str, body: str) -> None:
    path = tmp_path / ("pyproject.toml" if "[tool.kcheck]" in body else "kcheck.toml")
    path.write_text(body, encoding="utf-8")
    settings = config.read(config.named(path))
    assert settings, where


def test_every_key_is_documented() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    for name in config.DEFAULTS:
        assert f"| `{config.key_name(name)}` |" in text


@pytest.mark.parametrize(
    ("where", "body"),
    [b for lang in ("markdown", "text") for b in blocks(lang) if "kcheck-disable-" in b[1]],
)
def test_every_suppression_example_is_valid(where: str, body: str) -> None:
    markers = suppress.parse(body, "a.md")
    assert markers, where
    assert all(m.error is None and m.reason for m in markers), (where, markers)


# --------------------------------------------------------------------------- the Action


def action() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def _expressions(value: Any) -> list[str]:
    if isinstance(value, str):
        return EXPRESSION.findall(value)
    if isinstance(value, dict):
        return [e for v in value.values() for e in _expressions(v)]
    if isinstance(value, list):
        return [e for v in value for e in _expressions(v)]
    return []


def test_the_action_steps_parse() -> None:
    data = action()
    assert data["runs"]["using"] == "composite"
    steps = data["runs"]["steps"]
    inputs = set(data["inputs"])
    ids = {s["id"] for s in steps if "id" in s}
    for step in steps:
        assert ("uses" in step) != ("run" in step), step
        if "run" in step:
            assert step["shell"] == "bash"
            if BASH:
                subprocess.run([BASH, "-n"], input=step["run"], text=True, check=True)
            # inputs reach scripts through env, never pasted into the script itself
            assert "${{" not in step["run"], step["name"]
        for expression in _expressions(step) + _expressions(data["outputs"]):
            for name in re.findall(r"inputs\.([\w-]+)", expression):
                assert name in inputs, name
            for name in re.findall(r"steps\.([\w-]+)\.", expression):
                assert name in ids, name
    uses = [s["uses"] for s in steps if "uses" in s]
    assert uses == [
        "actions/setup-python@v5",
        "actions/upload-artifact@v4",
        "github/codeql-action/upload-sarif@v3",
    ]


@pytest.mark.skipif(BASH is None, reason="bash not installed")
def test_the_action_runs_kcheck(site: Path, tmp_path: Path) -> None:
    """The 'Run kcheck' step, run as the runner would: inputs in env, GITHUB_OUTPUT and
    GITHUB_STEP_SUMMARY files, kcheck on PATH."""
    (step,) = [s for s in action()["runs"]["steps"] if s.get("id") == "check"]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "kcheck"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -c "from kcheck.cli import main; main()" "$@"\n')
    shim.chmod(0o755)
    out, summary = tmp_path / "output", tmp_path / "summary.md"
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{env['PATH']}",
        GITHUB_OUTPUT=str(out),
        GITHUB_STEP_SUMMARY=str(summary),
        KCHECK_PATHS="",
        KCHECK_ARGS="--fail-on warning --min-severity info",
    )
    done = subprocess.run(
        [BASH, "-e", "-c", step["run"]], cwd=site, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == "exit-code=0\n"
    assert summary.read_text(encoding="utf-8").startswith("# kcheck report\n")
    assert (site / "kcheck.sarif").is_file()
    assert "::notice file=source/_posts/kuaishou-q3.md,line=8,col=6," in done.stdout


# --------------------------------------------------------------------------- pre-commit


def test_the_pre_commit_hook_runs(site: Path) -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "kcheck" and hook["language"] == "python"
    assert hook["pass_filenames"] is False  # the corpus, not the staged files
    argv = shlex.split(hook["entry"]) + list(hook.get("args", []))
    assert argv[0] == "kcheck"
    done = run_kcheck(argv[1:], site, {"NO_COLOR": "1"})
    assert done.returncode == 0
    assert done.stdout.endswith(
        "Summary: 3 documents, 6 claims, 4 topics, 0 corroborated; conflicts: 2 errors, 0 warnings, 0 info; "
        "1 baselined, 1 suppressed, 1 stale baseline entry, 1 undated\n"
    )
    # a new contradiction fails the commit
    post = site / "source" / "_posts" / "kuaishou-q3.md"
    post.write_text(
        post.read_text(encoding="utf-8").replace("86.1%", "86.1%。快手三季度电商交易总额同比增长95%"),
        encoding="utf-8",
    )
    assert run_kcheck(argv[1:], site).returncode in (0, 1)


@pytest.mark.parametrize(("where", "body"), blocks("yaml"), ids=[w for w, _ in blocks("yaml")])
def test_every_yaml_example_uses_what_exists(where: str, body: str) -> None:
    data = yaml.safe_load(body)
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    if "repos" in data:
        used = [h["id"] for r in data["repos"] for h in r["hooks"]]
        assert used and set(used) <= hooks, where
        return
    inputs = set(action()["inputs"])
    steps = data if isinstance(data, list) else [s for job in data["jobs"].values() for s in job["steps"]]
    ours = [s for s in steps if s.get("uses", "").split("@")[0].endswith("/kcheck")]
    assert ours, where
    for step in ours:
        assert set(step.get("with", {})) <= inputs, where


def test_the_readme_shows_what_kcheck_report_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from kcheck.cli import main

    monkeypatch.chdir(ROOT)
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("```text\n", text.index("On the bundled corpus")) + len("```text\n")
    shown = text[start : text.index("```", start)]
    result = CliRunner(env={"NO_COLOR": "1", "COLUMNS": None}).invoke(main, ["report", "-q"])
    assert (result.exit_code, result.stdout) == (1, shown)

"""A repository as CI sees it: a Hexo site checked from its root and from a subfolder.

``hexo/`` is a small Hexo blog: ``node_modules/`` and ``public/`` that its ``.gitignore``
ignores, ``package.json``, a theme template, an image, a draft the configuration
excludes, a Vale ``rules/Avoid.yml`` that is not kcheck's, a ``pyproject.toml`` with
``[tool.kcheck]``, an inline suppression, and a baseline with one stale entry. The test
copies it into a fresh git work tree (a nested ``.git`` cannot be committed) and runs
`kcheck report` in every format, from the root and from ``source/``: both give the report
in ``expected/`` byte for byte, because every path is relative to the repository root.
Regenerate after an intended change with

    KCHECK_UPDATE_GOLDEN=1 pytest tests/repo
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from kcheck.cli import main

HERE = Path(__file__).parent
SITE = HERE / "hexo"
EXPECTED = HERE / "expected"
UPDATE = os.environ.get("KCHECK_UPDATE_GOLDEN") == "1"
FORMATS = {
    "text": "txt",
    "json": "json",
    "markdown": "md",
    "sarif": "sarif",
    "github": "github.txt",
    "checkstyle": "checkstyle.xml",
    "junit": "junit.xml",
    "rdjson": "rdjson.json",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("repo") / "blog"
    shutil.copytree(SITE, root)
    (root / ".git").mkdir()  # what .gitignore needs: a work tree (git itself is not run)
    return root


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


def kcheck(cwd: Path, *args: str) -> Done:
    """`kcheck ARGS` run in ``cwd`` (in this process: CliRunner, as a subprocess would see it)."""
    env = {"NO_COLOR": "1", "GITHUB_STEP_SUMMARY": None, "FORCE_COLOR": None, "COLUMNS": None}
    before = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner(env=env).invoke(main, list(args), prog_name="kcheck", catch_exceptions=False)
    finally:
        os.chdir(before)
    return Done(result.exit_code, result.stdout, result.stderr)


STDERR = "kcheck: .kcheck-baseline.json: 1 stale entry (no finding matches; --update-baseline removes them)\n"


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("where", [".", "source", "source/_posts"])
def test_report_from_root_and_subfolder(site: Path, fmt: str, where: str) -> None:
    done = kcheck(site / where, "report", "--format", fmt)
    # the run passes: one finding is baselined, the other suppressed in the article
    assert (done.returncode, done.stderr) == (0, STDERR)
    expected = EXPECTED / f"report.{FORMATS[fmt]}"
    if UPDATE and where == ".":
        expected.write_text(done.stdout, encoding="utf-8")
    assert done.stdout == expected.read_text(encoding="utf-8")


def test_what_is_read(site: Path) -> None:
    """Only the posts: not node_modules/ or public/ (.gitignore), not the draft (exclude),
    not package.json, the template or the image (not an article extension)."""
    done = kcheck(site / "source", "claims", "--format", "jsonl")
    assert done.returncode == 0
    docs = sorted({line.split('"doc": "')[1].split('"')[0] for line in done.stdout.splitlines()})
    assert docs == [
        "source/_posts/kuaishou-q3.md",
        "source/_posts/kuaishou-review.md",
        "source/_posts/notes.md",
    ]
    everything = kcheck(site, "claims", "--format", "jsonl", "--no-ignore", "--include", "*", "-q", ".")
    read = sorted({line.split('"doc": "')[1].split('"')[0] for line in everything.stdout.splitlines()})
    assert read == [
        "node_modules/hexo-theme/README.md",
        "node_modules/hexo-theme/lib/index.js",
        "package.json",
        "public/2022/03/02/index.html",
        "source/_posts/kuaishou-q3.md",
        "source/_posts/kuaishou-review.md",
        "source/_posts/notes.md",
    ]


def test_config_shows_where_each_setting_came_from(site: Path) -> None:
    done = kcheck(site / "source", "config", "--fail-on", "error")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0] == f"# configuration: {site / 'pyproject.toml'} [tool.kcheck]"
    assert f'paths = ["."]  # {site / "pyproject.toml"} [tool.kcheck]' in lines
    assert 'fail-on = "error"  # command line' in lines
    assert f'exclude = ["_drafts/"]  # {site / "pyproject.toml"} [tool.kcheck]' in lines
    assert "# rules = (not set)  # default: the built-in rules" in lines
    assert f'root = "{site}"  # default: the git work tree, else the configuration\'s directory' in lines
    assert done.stderr == ""
    # -v says why the Vale rules/ directory is not used
    verbose = kcheck(site / "source", "config", "-v")
    assert verbose.stderr == (
        "kcheck: ../rules: not kcheck rules (Avoid.yml); using the built-in rules "
        '(set rules = "rules" to use it)\n'
    )


def test_the_sarif_report_is_valid_sarif() -> None:
    """Suppressions, absent baseline entries and notifications as the SARIF 2.1.0 schema says."""
    import json

    import jsonschema

    schema_file = HERE.parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_file.is_file():
        pytest.skip(f"SARIF schema not found at {schema_file}")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    log = json.loads((EXPECTED / "report.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    (run,) = log["runs"]
    assert [
        (r["ruleId"], r.get("baselineState"), [s["kind"] for s in r.get("suppressions", [])])
        for r in run["results"]
    ] == [
        ("date_mismatch", "unchanged", ["external"]),
        ("value_mismatch", "new", ["inSource"]),
        ("reused_figure", "absent", []),
    ]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["descriptor"]["id"] for n in notes] == ["undated"]

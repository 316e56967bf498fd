"""The library gives the report the CLI prints, and importing a model is cheap."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kcheck
from kcheck.cli import main
from kcheck.models import Severity
from kcheck.pipeline import View
from kcheck.report import render

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@pytest.mark.parametrize(
    ("options", "library"),
    [
        ([], {}),
        (["--min-severity", "error"], {"min_severity": "error"}),
        (["--min-severity", "warning"], {"min_severity": Severity.WARNING}),
    ],
)
@pytest.mark.parametrize("fmt", ["json", "text", "markdown"])
def test_library_report_is_the_cli_report(
    in_repo: None, options: list[str], library: dict[str, object], fmt: str
) -> None:
    printed = CliRunner().invoke(main, ["report", "corpus", "--rules", "rules", "--format", fmt, *options])
    assert printed.exit_code == 1, printed.output
    assert printed.stdout == render(kcheck.check(["corpus"], rules="rules", **library), fmt)  # type: ignore[arg-type]


def test_library_baseline_is_the_cli_baseline(in_repo: None, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    runner = CliRunner()
    runner.invoke(main, ["report", "corpus", "--rules", "rules", "--write-baseline", str(baseline), "-q"])
    printed = runner.invoke(
        main, ["report", "corpus", "--rules", "rules", "--format", "json", "--baseline", str(baseline)]
    )
    assert printed.exit_code == 0
    outcome = kcheck.run_report(["corpus"], rules="rules", view=View(baseline=baseline))
    assert printed.stdout == render(outcome.shown, "json")
    assert outcome.exit_code(Severity.ERROR) == 0
    assert kcheck.run_report(["corpus"], rules="rules").exit_code(Severity.ERROR) == 1


def test_importing_the_models_does_not_load_the_pipeline() -> None:
    code = (
        "import sys, kcheck.models; print(' '.join(sorted(m for m in sys.modules if m.startswith('kcheck'))))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.split() == [
        "kcheck",
        "kcheck.errors",
        "kcheck.models",
        "kcheck.problem",
        "kcheck.readfile",
        "kcheck.text",
        "kcheck.text.calendar",
    ]


def test_function_names_survive_their_subpackages() -> None:
    import kcheck.check
    import kcheck.extract

    assert callable(kcheck.check) and callable(kcheck.extract)
    assert kcheck.check.__module__ == kcheck.extract.__module__ == "kcheck.api"


def test_subpackages_are_reachable_from_the_package() -> None:
    code = "import kcheck; print(kcheck.report.render.__module__, kcheck.rules.load_rules.__name__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["kcheck.report", "load_rules"]

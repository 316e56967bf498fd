"""The command line: exit codes, exact messages, and what lands on stdout vs stderr.

The pipeline is replaced by hand-made Reports here (tests/report/builders.py), so these
tests pin the CLI's behaviour whatever the extractor and checks find; end-to-end runs over
real corpora are in tests/report/test_end_to_end.py.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner, Result

from kcheck import cli, pipeline
from kcheck import report as reports
from kcheck.cli import main, use_color
from kcheck.errors import UsageError
from kcheck.load import Listing
from kcheck.models import Report, Severity
from kcheck.pipeline import Extraction, Settings
from kcheck.report import RenderOptions, render
from kcheck.report.select import keep
from kcheck.rules import RuleSet
from report.builders import DOC0, DOC1, DOC5, clean_report, sample_report

SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding the three documents the hand-made report cites."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    for doc in (DOC0, DOC1, DOC5):
        (tmp_path / doc).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / doc).write_text("快手\n", encoding="utf-8")
    return tmp_path


Runs = list[Settings]


def fake_run(monkeypatch: pytest.MonkeyPatch, report: Report | Callable[[], Report]) -> Runs:
    """Make pipeline.run return ``report``; the returned list records each call's settings."""
    calls: Runs = []

    def run(settings: Settings, rules: RuleSet, listing: Listing | None = None) -> Report:
        calls.append(settings)
        return report() if callable(report) else report.model_copy(deep=True)

    monkeypatch.setattr(pipeline, "run", run)
    return calls


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), prog_name="kcheck", catch_exceptions=False)


def only(report: Report, severity: Severity) -> Report:
    """``report`` as if it had found only the findings of ``severity``."""
    kept = keep(report, lambda c: c.severity == severity)
    return kept.model_copy(update={"summary": kept.summary.model_copy(update={"hidden": 0})})


# --------------------------------------------------------------------------- exit codes


def test_clean_corpus_exits_0(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = fake_run(monkeypatch, clean_report())
    result = invoke("report", "corpus")
    assert result.exit_code == 0
    assert result.stdout == render(clean_report(), "text")
    assert result.stderr == ""
    assert calls[0].paths == ("corpus",)


def test_default_path_is_corpus(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = fake_run(monkeypatch, clean_report())
    assert invoke("report").exit_code == 0
    assert calls[0].paths == ("corpus",)


def test_findings_exit_1(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_run(monkeypatch, sample_report())
    result = invoke("report", "corpus")
    assert result.exit_code == 1
    assert "[error] value_mismatch f3a9c2e1d0b4" in result.stdout
    assert result.stdout.endswith("conflicts: 2 errors, 1 warning, 0 info; 1 unreadable file\n")
    # the unreadable file is listed in the report and warned about on stderr, and does not exit 2
    assert result.stderr == "kcheck: corpus/broken.html: cannot decode: not UTF-8, GB18030 or Big5\n"


@pytest.mark.parametrize(
    ("severity", "fail_on", "code"),
    [
        (Severity.WARNING, "error", 0),
        (Severity.WARNING, "warning", 1),
        (Severity.WARNING, "info", 1),
        (Severity.WARNING, "never", 0),
        (Severity.ERROR, "never", 0),
        (Severity.ERROR, "warning", 1),
    ],
)
def test_fail_on(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, severity: Severity, fail_on: str, code: int
) -> None:
    fake_run(monkeypatch, only(sample_report(), severity))
    assert invoke("report", "corpus", "--fail-on", fail_on, "-q").exit_code == code


def test_min_severity_hides_without_changing_the_exit_code(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_run(monkeypatch, only(sample_report(), Severity.WARNING))
    result = invoke("report", "corpus", "--min-severity", "error", "--fail-on", "warning", "-q")
    assert result.exit_code == 1
    assert "reused_figure" not in result.stdout
    assert "No conflicts." in result.stdout
    assert result.stdout.endswith("conflicts: 0 errors, 0 warnings, 0 info; 1 hidden, 1 unreadable file\n")


# --------------------------------------------------------------------------- exit 2: one line, no traceback


def test_nonexistent_path_is_a_usage_error(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_run(monkeypatch, sample_report())
    result = invoke("report", "corpus", "missing")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "kcheck: missing: no such file or directory\n"


def test_missing_default_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("report")
    assert result.exit_code == 2
    assert result.stderr == "kcheck: corpus: no such file or directory (give the articles' PATH)\n"


def test_bad_rules_dir(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_run(monkeypatch, sample_report())
    rules = corpus / "myrules"
    rules.mkdir()
    (rules / "metrics.yaml").write_text("metrics:\n  gmv:\n    alais: [交易额]\n", encoding="utf-8")
    result = invoke("report", "corpus", "--rules", "myrules")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "kcheck: myrules/metrics.yaml:3: unknown key 'alais'\n"


def test_rules_dir_that_does_not_exist(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_run(monkeypatch, sample_report())
    result = invoke("report", "corpus", "--rules", "nope")
    assert (result.exit_code, result.stderr) == (2, "kcheck: nope: not a rules directory\n")


def test_unknown_option_is_one_line(corpus: Path) -> None:
    result = invoke("report", "--frmat", "json")
    assert result.exit_code == 2
    assert result.stderr == (
        "kcheck: No such option '--frmat'. (Did you mean one of: '--format', '--root'?) "
        "(see 'kcheck report --help')\n"
    )


def test_html_is_offered(corpus: Path) -> None:
    result = invoke("report", "--format", "html")
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stderr == ""
    unknown = invoke("report", "--format", "pdf")
    assert unknown.exit_code == 2
    assert "'pdf' is not one of 'text', 'json', 'markdown', 'sarif', 'github', 'html'" in unknown.stderr


def test_missing_library_says_reinstall(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(settings: Settings, rules: RuleSet, listing: Listing | None = None) -> Report:
        raise ModuleNotFoundError("No module named 'ahocorasick_rs'", name="ahocorasick_rs")

    monkeypatch.setattr(pipeline, "run", missing)
    result = invoke("report", "corpus")
    assert (result.exit_code, result.stderr) == (
        2,
        "kcheck: a library kcheck needs is not installed (ahocorasick_rs): reinstall kcheck "
        "(`pip install -e .` in a checkout)\n",
    )


def test_internal_error_one_line_traceback_only_with_v(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(settings: Settings, rules: RuleSet, listing: Listing | None = None) -> Report:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "run", boom)
    result = invoke("report", "corpus")
    assert (result.exit_code, result.stderr) == (2, "kcheck: internal error: RuntimeError: boom\n")
    verbose = invoke("report", "corpus", "-v")
    assert verbose.exit_code == 2
    assert "Traceback (most recent call last)" in verbose.stderr
    assert verbose.stderr.endswith("kcheck: internal error: RuntimeError: boom\n")


# --------------------------------------------------------------------------- output


def test_output_file_is_written_and_stdout_empty(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_run(monkeypatch, sample_report())
    (corpus / "out").mkdir()
    result = invoke("report", "corpus", "--format", "json", "--output", "out/report.json")
    assert result.exit_code == 1
    assert result.stdout == ""
    written = (corpus / "out" / "report.json").read_text(encoding="utf-8")
    assert Report.model_validate(json.loads(written)) == sample_report()
    # atomic: written through a temporary file that is gone afterwards
    assert [p.name for p in (corpus / "out").iterdir()] == ["report.json"]


def test_output_file_that_cannot_be_written(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_run(monkeypatch, sample_report())
    (corpus / "blocker").write_text("", encoding="utf-8")
    result = invoke("report", "corpus", "--output", "blocker/report.txt", "-q")
    assert result.exit_code == 2
    assert result.stderr == "kcheck: blocker/report.txt: cannot write: directory blocker is not a directory\n"


def test_output_into_a_missing_directory_is_an_error(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_run(monkeypatch, sample_report())
    result = invoke("report", "corpus", "--output", "reprots/report.txt", "-q")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "kcheck: reprots/report.txt: cannot write: directory reprots does not exist\n"
    assert not (corpus / "reprots").exists()


def validate_sarif(doc: dict[str, Any]) -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SARIF_SCHEMA}")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(doc)


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "sarif", "github"])
def test_every_format_parses(corpus: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    fake_run(monkeypatch, sample_report())
    result = invoke("report", "corpus", "--format", fmt, "-q")
    assert result.exit_code == 1
    out = result.stdout
    if fmt == "json":
        assert json.loads(out)["summary"]["conflicts"] == {"error": 2, "warning": 1, "info": 0}
    elif fmt == "sarif":
        validate_sarif(json.loads(out))
    elif fmt == "markdown":
        assert out.startswith("# kcheck report\n") and "## Conflicts" in out
    elif fmt == "github":
        lines = out.splitlines()
        assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines[:-1])
        assert lines[-1].startswith("kcheck: 3 documents")
    else:
        assert out.startswith("快手 GMV 2021-Q3\n")


def test_github_appends_the_step_summary(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_run(monkeypatch, sample_report())
    summary = corpus / "summary.md"
    summary.write_text("## earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = invoke("report", "corpus", "--format", "github", "-q")
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## earlier step\n# kcheck report\n")
    assert text.endswith(render(sample_report(), "markdown"))


def test_no_step_summary_for_other_formats(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_run(monkeypatch, sample_report())
    summary = corpus / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    invoke("report", "corpus", "--format", "json", "-q")
    assert not summary.exists()


# --------------------------------------------------------------------------- baselines


def test_baseline_round_trip(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_run(monkeypatch, sample_report())
    first = invoke("report", "corpus", "--write-baseline", "baseline.json")
    # the findings just written are accepted: `... --write-baseline b.json && git add b.json` works
    assert first.exit_code == 0
    assert "kcheck: wrote 3 finding(s) to baseline baseline.json\n" in first.stderr
    assert "[error, baselined] value_mismatch f3a9c2e1d0b4" in first.stdout
    saved = json.loads((corpus / "baseline.json").read_text(encoding="utf-8"))
    assert sorted(f["id"] for f in saved["findings"]) == sorted(c.id for c in sample_report().conflicts)
    assert set(saved["findings"][0]) == {"id", "type", "severity", "topic", "message"}

    second = invoke("report", "corpus", "--baseline", "baseline.json", "-q")
    assert second.exit_code == 0
    assert "[error, baselined] value_mismatch f3a9c2e1d0b4" in second.stdout
    assert "3 baselined" in second.stdout.splitlines()[-1]
    data = json.loads(
        invoke("report", "corpus", "--baseline", "baseline.json", "--format", "json", "-q").stdout
    )
    assert data["summary"]["baselined"] == 3 and data["baseline"] == "baseline.json"
    assert all(c["baselined"] for c in data["conflicts"])


def test_new_finding_fails_despite_baseline(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_run(monkeypatch, only(sample_report(), Severity.WARNING))
    assert invoke("report", "corpus", "--write-baseline", "baseline.json", "-q").exit_code == 0
    fake_run(monkeypatch, sample_report())
    result = invoke("report", "corpus", "--baseline", "baseline.json", "--fail-on", "warning", "-q")
    assert result.exit_code == 1
    assert "[warning, baselined] reused_figure" in result.stdout
    assert "[error] value_mismatch" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "baseline.json: not a kcheck baseline: invalid JSON at line 1"),
        (
            '{"findings": [{"id": "x"}]}',
            "baseline.json: not a kcheck baseline: findings.0.type: Field required",
        ),
        (
            "[]",
            "baseline.json: not a kcheck baseline: top level: Input should be a valid dictionary or instance of Baseline",
        ),
        (None, "baseline.json: baseline file not found"),
    ],
)
def test_bad_baseline(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, content: str | None, message: str
) -> None:
    calls = fake_run(monkeypatch, sample_report())
    if content is not None:
        (corpus / "baseline.json").write_text(content, encoding="utf-8")
    result = invoke("report", "corpus", "--baseline", "baseline.json")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"kcheck: {message}\n")
    assert calls == []  # fails before the corpus is read


# --------------------------------------------------------------------------- --changed-since


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    subprocess.run(
        ["git", "-c", "user.name=kcheck", "-c", "user.email=kcheck@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        env=env,
    )


@pytest.fixture
def repo(corpus: Path) -> Path:
    git(corpus, "init", "-q")
    git(corpus, "add", "corpus")
    git(corpus, "commit", "-q", "-m", "articles")
    return corpus


def test_changed_since_keeps_findings_on_changed_documents(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_run(monkeypatch, sample_report())
    unchanged = invoke("report", "corpus", "--changed-since", "HEAD", "-q")
    assert unchanged.exit_code == 0
    assert "No conflicts." in unchanged.stdout and "3 hidden" in unchanged.stdout

    # 000 changed: the date conflict and the GMV conflict cite it; the reused figure does not
    (repo / DOC0).write_text("快手 edited\n", encoding="utf-8")
    result = invoke("report", "corpus", "--changed-since", "HEAD", "--format", "json", "-q")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [c["type"] for c in data["conflicts"]] == ["value_mismatch", "date_mismatch"]
    assert data["summary"]["hidden"] == 1


def test_changed_since_counts_untracked_files(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    git(repo, "rm", "-q", "--cached", DOC5)
    git(repo, "commit", "-q", "-m", "untrack 005")
    fake_run(monkeypatch, sample_report())
    data = json.loads(invoke("report", "corpus", "--changed-since", "HEAD", "--format", "json", "-q").stdout)
    assert [c["type"] for c in data["conflicts"]] == ["value_mismatch", "date_mismatch", "reused_figure"]


def test_changed_since_outside_git(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(corpus.parent))
    fake_run(monkeypatch, sample_report())
    result = invoke("report", "corpus", "--changed-since", "HEAD")
    assert result.exit_code == 2
    assert result.stderr == "kcheck: --changed-since: corpus is not inside a git work tree\n"


def test_changed_since_unknown_ref(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = fake_run(monkeypatch, sample_report())
    for ref in ("no-such-branch", "--output=x"):
        result = invoke("report", "corpus", f"--changed-since={ref}")
        assert (result.exit_code, result.stderr) == (2, f"kcheck: --changed-since: unknown git ref {ref!r}\n")
    assert calls == []


# --------------------------------------------------------------------------- claims, explain, rules


def fake_collect(monkeypatch: pytest.MonkeyPatch) -> None:
    report = sample_report()

    def collect(settings: Settings, rules: RuleSet) -> Extraction:
        return Extraction(documents=report.documents, problems=report.unreadable, claims=report.claims)

    monkeypatch.setattr(pipeline, "collect", collect)


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv"])
def test_claims(corpus: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    fake_collect(monkeypatch)
    result = invoke("claims", "corpus", "--format", fmt, "-q")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    if fmt == "jsonl":
        assert [json.loads(line)["id"] for line in lines] == [c.id for c in sample_report().claims]
    elif fmt == "csv":
        assert lines[0].startswith("id,doc,line,column,quote,sentence,value,low,high,unit,")
        assert len(lines) == 1 + len(sample_report().claims)
    else:
        assert lines[0].split() == [
            "id",
            "source",
            "as",
            "written",
            "value",
            "interval",
            "time",
            "entity",
            "measure",
            "kind",
        ]
        assert lines[-1] == "8 claims"


def test_explain_a_conflict_by_prefix(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_run(monkeypatch, sample_report())
    result = invoke("explain", "f3a9", "corpus")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("conflict f3a9c2e1d0b4a5c6  [error] value_mismatch\n")
    assert f"  source:     {DOC5}:15:96\n" in out
    assert "  sentence:   第三季度电商交易额达1785.87亿元，同比增长约86%；\n" in out
    assert "  interval:   178,586,500,000..178,587,500,000 CNY\n" in out
    assert "  - metric gmv: 电商交易总额（GMV） = 电商交易额\n" in out


def test_explain_json(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_run(monkeypatch, sample_report())
    result = invoke("explain", "c0a17b52e9d4f006", "corpus", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["kind"] == "claim" and data["claim"]["quote"] == "3月1日"


@pytest.mark.parametrize(
    ("ident", "message"),
    [
        ("zzz", "kcheck: no conflict, claim or topic has id 'zzz'\n"),
        (
            "c5e8",
            "kcheck: id 'c5e8' is ambiguous: claim c5e8f1a2b3c40003, claim c5e8f1a2b3c40007, "
            "claim c5e8f1a2b3c40008\n",
        ),
    ],
)
def test_explain_unknown_or_ambiguous_id(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, ident: str, message: str
) -> None:
    fake_run(monkeypatch, sample_report())
    result = invoke("explain", ident, "corpus")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


def test_rules_check_ok_and_problems(tmp_path: Path) -> None:
    ok = invoke("rules", "check")
    assert ok.exit_code == 0 and ok.stdout.startswith("ok  ")
    (tmp_path / "checks.yaml").write_text("warning_gap: -1\n", encoding="utf-8")
    bad = invoke("rules", "check", str(tmp_path))
    assert bad.exit_code == 2
    assert (
        bad.stdout == f"{tmp_path}/checks.yaml:1: warning_gap: Input should be greater than or equal to 0\n"
    )
    assert bad.stderr == "kcheck: 1 problem(s) in rules\n"


# --------------------------------------------------------------------------- help


@pytest.mark.parametrize(
    "command", [["report"], ["claims"], ["explain"], ["config"], ["rules"], ["rules", "check"], []]
)
def test_every_help_ends_with_an_example(command: list[str]) -> None:
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    text = result.stdout
    # click lists options after the docstring; the examples close the description
    description = [line.strip() for line in text.split("\nOptions:")[0].rstrip().splitlines()]
    heading = max(i for i, line in enumerate(description) if line in ("Example:", "Examples:"))
    examples = description[heading + 1 :]
    assert examples and all(line.startswith("kcheck ") for line in examples)


# --------------------------------------------------------------------------- terminals and pipes


class _Terminal:
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("tty", "no_color", "output", "expected"),
    [
        (True, None, None, True),
        (True, "1", None, False),
        (True, "", None, True),  # NO_COLOR counts only when non-empty (no-color.org)
        (True, None, Path("r.txt"), False),
        (False, None, None, False),
    ],
)
def test_colour_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, tty: bool, no_color: str | None, output: Path | None, expected: bool
) -> None:
    if tty:
        monkeypatch.setattr(sys, "stdout", _Terminal())
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert use_color(output) is expected


def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("快手2021年第三季度电商交易总额达到1758.87亿元。\n", encoding="utf-8")
    read, write = os.pipe()
    os.close(read)  # like `kcheck claims | head` after head has exited
    try:
        done = subprocess.run(
            [sys.executable, "-c", "from kcheck.cli import main; main()", "claims", str(tmp_path)],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (0, "")


# --------------------------------------------------------------------------- rendering


@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_report_is_rendered_with_the_collector_paused(
    fmt: str, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_run(monkeypatch, sample_report())
    # pipeline.paused_collection: the objects grouping and checking made are not walked
    # by the collector while the report is rendered
    seen: list[bool] = []
    stream = reports.stream

    def spy(report: Report, name: str, options: RenderOptions | None = None) -> Iterator[str]:
        seen.append(gc.isenabled())
        return stream(report, name, options)

    monkeypatch.setattr(reports, "stream", spy)
    result = invoke("report", "corpus", "--format", fmt, "--no-cache")
    assert result.exit_code == 1
    assert seen == [False]
    assert gc.isenabled()


def test_collector_back_on_when_writing_the_report_fails(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_run(monkeypatch, sample_report())
    paused: list[bool] = []

    def failing(text: Iterable[str], output: Path | None, inputs: tuple[str, ...] = ()) -> None:
        next(iter(text))  # one chunk drawn, then the output fails
        paused.append(not gc.isenabled())
        raise UsageError("cannot write the report")

    monkeypatch.setattr(cli, "emit", failing)
    result = invoke("report", "corpus", "--no-cache")
    assert result.exit_code == 2
    assert paused == [True]
    assert gc.isenabled()  # on again, though the report's generator was left half drawn


def test_python_m_kcheck_is_the_kcheck_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kcheck", "rules", "check", str(Path(__file__).parents[1] / "rules")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    script = CliRunner().invoke(main, ["rules", "check", str(Path(__file__).parents[1] / "rules")])
    assert (done.returncode, done.stdout) == (script.exit_code, script.stdout) == (0, script.stdout)
    assert "ok  metrics" in done.stdout

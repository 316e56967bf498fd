"""kcheck as a CI gate and in a terminal: configuration, file selection, inline suppressions,
baselines, the fail rule, repository-relative paths, output that scales, stdin.

Each test runs the real pipeline on a two-article corpus whose one finding is known:
``news/a.md`` says 1758.87亿元 and ``news/b.md`` 1958.87亿元 for the same GMV.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner, Result

from kcheck.cli import main
from kcheck.models import Claim, Conflict, Report, Severity
from kcheck.report import describe, github

A = "---\ntitle: 三季报\ndate: 2021-11-23\n---\n\n快手2021年第三季度电商交易总额达到1758.87亿元。\n"
B = "---\ntitle: 回顾\ndate: 2022-03-05\n---\n\n快手2021年第三季度电商交易总额为1958.87亿元。\n"
FINDING = "v5b932a933fb"
MESSAGE = "快手 GMV 2021-Q3: 1758.87亿元 (news/a.md:6) vs 1958.87亿元 (news/b.md:6), gap 10.2%"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project directory (not a git work tree unless a test makes it one) with news/."""
    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_STEP_SUMMARY", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text(A, encoding="utf-8")
    (tmp_path / "news" / "b.md").write_text(B, encoding="utf-8")
    return tmp_path


def kcheck(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), prog_name="kcheck", input=input, catch_exceptions=False)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def last(result: Result) -> str:
    return result.stdout.splitlines()[-1]


# --------------------------------------------------------------------------- configuration


def test_pyproject_settings_apply_from_a_subfolder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        repo / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.kcheck]\npaths = ["news"]\nfail-on = "never"\n',
    )
    monkeypatch.chdir(repo / "news")
    result = kcheck("report", "-q")
    assert result.exit_code == 0  # fail-on = "never" from the file
    assert f"[error] value_mismatch {FINDING}: {MESSAGE}" in result.stdout
    # the command line wins over the file
    assert kcheck("report", "-q", "--fail-on", "error").exit_code == 1


def test_kcheck_toml_wins_over_pyproject_in_the_same_directory(repo: Path) -> None:
    write(repo / "pyproject.toml", '[tool.kcheck]\nfail-on = "never"\n')
    write(repo / "kcheck.toml", 'paths = ["news"]\nfail-on = "error"\n')
    assert kcheck("report", "-q").exit_code == 1


def test_config_option_names_the_file(repo: Path) -> None:
    write(repo / "ci" / "strict.toml", 'paths = ["../news"]\nmin-severity = "error"\nformat = "json"\n')
    result = kcheck("report", "--config", "ci/strict.toml", "-q")
    assert result.exit_code == 1
    assert [c["id"][:12] for c in json.loads(result.stdout)["conflicts"]] == [FINDING]
    missing = kcheck("report", "--config", "nope.toml")
    assert (missing.exit_code, missing.stderr) == (2, "kcheck: nope.toml: configuration file not found\n")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            'paths = ["news"]\nexlude = ["x"]\n',
            "kcheck.toml:2: unknown key 'exlude' (known: paths, rules, include, exclude, respect-gitignore, "
            "root, format, output, fail-on, min-severity, baseline, write-baseline, update-baseline, "
            "changed-since, corroborated, color, verbose, quiet, jobs, cache-dir, cache, engine, scheduler)",
        ),
        (
            'fail-on = "sometimes"\n',
            "kcheck.toml:1: fail-on: Input should be 'error', 'warning', 'info' or 'never'",
        ),
    ],
)
def test_a_mistake_in_the_config_is_one_line(repo: Path, content: str, message: str) -> None:
    write(repo / "kcheck.toml", content)
    result = kcheck("report")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"kcheck: {repo / message.split(':')[0]}:{message.split(':', 1)[1]}\n"


def test_invalid_toml_is_one_line(repo: Path) -> None:
    write(repo / "kcheck.toml", "paths = [\n")
    result = kcheck("report")
    assert result.exit_code == 2
    # the parser's own words follow (they differ between tomllib and tomli)
    assert result.stderr.startswith(f"kcheck: {repo / 'kcheck.toml'}: invalid TOML: ")
    assert result.stderr.count("\n") == 1


def test_kcheck_config_shows_each_setting_and_its_source(repo: Path) -> None:
    write(repo / "kcheck.toml", 'paths = ["news"]\nexclude = ["drafts/"]\n')
    result = kcheck("config", "--min-severity", "warning")
    assert result.exit_code == 0
    where = f"{repo / 'kcheck.toml'}"
    assert result.stdout == (
        f"# configuration: {where}\n"
        f'paths = ["news"]  # {where}\n'
        "# rules = (not set)  # default: the built-in rules\n"
        'include = ["*.txt", "*.text", "*.md", "*.markdown", "*.mdown", "*.mkd", "*.html", "*.htm", "*.xhtml"]'
        "  # default\n"
        f'exclude = ["drafts/"]  # {where}\n'
        "respect-gitignore = true  # default\n"
        f'root = "{repo}"  # default: the git work tree, else the configuration\'s directory\n'
        'format = "text"  # default\n'
        "# output = (not set)  # default\n"
        'fail-on = "error"  # default\n'
        'min-severity = "warning"  # command line\n'
        "# baseline = (not set)  # default\n"
        "# write-baseline = (not set)  # default\n"
        "update-baseline = false  # default\n"
        "# changed-since = (not set)  # default\n"
        "corroborated = true  # default\n"
        'color = "auto"  # default\n'
        "verbose = 0  # default\n"
        "quiet = false  # default\n"
        "# jobs = (not set)  # default: the machine's cores\n"
        f'cache-dir = "{os.environ["KCHECK_CACHE_DIR"]}"  # default: $KCHECK_CACHE_DIR\n'
        "cache = true  # default\n"
        'engine = "local"  # default\n'
        "# scheduler = (not set)  # default\n"
    )


def test_a_vale_rules_directory_is_not_read_as_kcheck_rules(repo: Path) -> None:
    write(repo / "rules" / "Avoid.yml", "extends: existence\ntokens: [显然]\n")
    result = kcheck("report", "news", "-v")
    assert result.exit_code == 1  # the finding, not exit 2 for 'unknown rules file'
    assert result.stderr.startswith(
        'kcheck: rules: not kcheck rules (Avoid.yml); using the built-in rules (set rules = "rules" to use it)\n'
    )
    # named explicitly, it is checked and its mistake reported
    write(repo / "kcheck.toml", 'rules = "rules"\n')
    explicit = kcheck("report", "news")
    assert explicit.exit_code == 2
    assert explicit.stderr.startswith("kcheck: rules/Avoid.yml:1: unknown rules file 'Avoid.yml'")


def test_an_implicit_rules_directory_of_kcheck_files_is_used(repo: Path) -> None:
    write(repo / "rules" / "checks.yaml", "extends: default\ndisabled: [value_mismatch]\n")
    result = kcheck("report", "news")
    assert (result.exit_code, last(result)) == (
        0,
        "Summary: 2 documents, 2 claims, 1 topic, 1 corroborated; conflicts: 0 errors, 0 warnings, 0 info",
    )


# --------------------------------------------------------------------------- file selection


def _docs(result: Result) -> list[str]:
    return sorted({json.loads(line)["doc"] for line in result.stdout.splitlines()})


def test_a_hexo_site_reads_only_articles(repo: Path) -> None:
    write(repo / "package.json", '{"description": "快手2021年第三季度电商交易总额达到1658.87亿元"}\n')
    write(
        repo / "news" / "node_modules" / "x" / "index.js",
        "// 快手2021年第三季度电商交易总额达到1558.87亿元\n",
    )
    write(
        repo / "news" / "node_modules" / "x" / "README.md",
        "快手2021年第三季度电商交易总额达到1458.87亿元。\n",
    )
    (repo / "news" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    write(repo / ".gitignore", "node_modules/\n")
    (repo / ".git").mkdir()
    assert _docs(kcheck("claims", ".", "--format", "jsonl")) == ["news/a.md", "news/b.md"]
    # --no-ignore reads node_modules' Markdown; --include widens the extensions
    assert _docs(kcheck("claims", ".", "--format", "jsonl", "--no-ignore")) == [
        "news/a.md",
        "news/b.md",
        "news/node_modules/x/README.md",
    ]
    wide = kcheck("claims", ".", "--format", "jsonl", "--no-ignore", "--include", "*.md", "--include", "*.js")
    assert _docs(wide) == [
        "news/a.md",
        "news/b.md",
        "news/node_modules/x/README.md",
        "news/node_modules/x/index.js",
    ]


def test_gitignore_counts_only_inside_a_git_work_tree(repo: Path) -> None:
    write(repo / ".gitignore", "b.md\n")
    assert _docs(kcheck("claims", "news", "--format", "jsonl")) == ["news/a.md", "news/b.md"]
    (repo / ".git").mkdir()
    assert _docs(kcheck("claims", "news", "--format", "jsonl")) == ["news/a.md"]
    write(repo / "news" / ".gitignore", "!b.md\n")  # a deeper .gitignore overrides
    assert _docs(kcheck("claims", "news", "--format", "jsonl")) == ["news/a.md", "news/b.md"]


def test_exclude_and_a_file_named_on_the_command_line(repo: Path) -> None:
    assert _docs(kcheck("claims", "news", "--format", "jsonl", "--exclude", "b.md")) == ["news/a.md"]
    write(repo / "news" / "drafts" / "c.md", A)
    assert _docs(kcheck("claims", "news", "--format", "jsonl", "--exclude", "drafts/")) == [
        "news/a.md",
        "news/b.md",
    ]
    # a file named explicitly is read whatever its extension
    write(repo / "notes.data", A)
    assert _docs(kcheck("claims", "notes.data", "--format", "jsonl")) == ["notes.data"]


# --------------------------------------------------------------------------- suppressions


@pytest.mark.parametrize(
    "marked",
    [
        B.replace("快手2021", "<!-- kcheck-disable-next-line value_mismatch: 港元口径 -->\n快手2021"),
        B.replace("。\n", "。<!-- kcheck-disable-line value_mismatch: 港元口径 -->\n"),
        B.replace("快手2021", "kcheck-disable-next-paragraph all: 港元口径\n\n快手2021"),
        B + "\n<!-- kcheck-disable-file value_mismatch, date_mismatch: 港元口径 -->\n",
    ],
    ids=["next-line", "line", "next-paragraph", "file"],
)
def test_an_inline_suppression_silences_the_finding(repo: Path, marked: str) -> None:
    write(repo / "news" / "b.md", marked)
    result = kcheck("report", "news")
    assert (result.exit_code, result.stderr) == (0, "")
    assert f"  [error, suppressed] value_mismatch {FINDING}: " in result.stdout
    assert "港元口径" in result.stdout.split("suppressed at news/b.md:")[1].splitlines()[0]
    assert last(result).endswith("conflicts: 1 error, 0 warnings, 0 info; 1 suppressed")
    sarif = json.loads(kcheck("report", "news", "--format", "sarif").stdout)
    (suppression,) = sarif["runs"][0]["results"][0]["suppressions"]
    assert (suppression["kind"], suppression["justification"]) == ("inSource", "港元口径")


def test_unused_and_invalid_suppressions_are_reported(repo: Path) -> None:
    write(repo / "news" / "a.md", A + "\n<!-- kcheck-disable-next-line date_mismatch: 不相干 -->\n无数字。\n")
    write(repo / "news" / "c.md", "<!-- kcheck-disable-file value_mismatch -->\n今天没有数字。\n")
    result = kcheck("report", "news")
    assert result.exit_code == 1  # an invalid marker suppresses nothing
    assert result.stderr == (
        "kcheck: news/a.md:8: unused suppression (kcheck-disable-next-line)\n"
        "kcheck: news/c.md:1: kcheck-disable-file has no reason (write one after a colon: "
        "'value_mismatch: 港元口径')\n"
    )
    assert "Unused suppressions (1)\n  news/a.md:8: kcheck-disable-next-line date_mismatch\n" in result.stdout
    assert "Invalid suppressions (1)\n  news/c.md:1: kcheck-disable-file has no reason" in result.stdout
    annotations = kcheck("report", "news", "--format", "github", "-q").stdout.splitlines()
    assert (
        "::warning file=news/a.md,line=8,title=kcheck suppression::kcheck-disable-next-line suppresses nothing"
        in annotations
    )


def test_a_plain_text_marker_line_is_not_read_as_article_text(repo: Path) -> None:
    write(
        repo / "news" / "b.txt",
        "kcheck-disable-next-line value_mismatch: 原文为2000亿元\n" + B.split("---\n\n")[1],
    )
    (repo / "news" / "b.md").unlink()
    claims = kcheck("claims", "news", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(c)["quote"] for c in claims] == ["1758.87亿元", "1958.87亿元"]


# --------------------------------------------------------------------------- baselines


def test_write_baseline_passes_and_stale_entries_are_reported(repo: Path) -> None:
    first = kcheck("report", "news", "--write-baseline", "kb.json")
    assert (first.exit_code, first.stderr) == (0, "kcheck: wrote 1 finding(s) to baseline kb.json\n")
    assert f"[error, baselined] value_mismatch {FINDING}" in first.stdout
    # the figure is corrected: the entry is stale
    write(repo / "news" / "b.md", B.replace("1958.87", "1758.87"))
    second = kcheck("report", "news", "--baseline", "kb.json")
    assert second.exit_code == 0
    assert (
        second.stderr
        == "kcheck: kb.json: 1 stale entry (no finding matches; --update-baseline removes them)\n"
    )
    assert (
        "Stale baseline entries (1 entry, in kb.json; --update-baseline removes them)\n"
        f"  value_mismatch {FINDING}: 快手 GMV 2021-Q3\n"
    ) in second.stdout
    sarif = json.loads(kcheck("report", "news", "--baseline", "kb.json", "--format", "sarif", "-q").stdout)
    assert [r["baselineState"] for r in sarif["runs"][0]["results"]] == ["absent"]
    updated = kcheck("report", "news", "--baseline", "kb.json", "--update-baseline")
    assert (updated.exit_code, updated.stderr) == (0, "kcheck: kb.json: removed 1 stale entry\n")
    assert json.loads((repo / "kb.json").read_text(encoding="utf-8"))["findings"] == []
    again = kcheck("report", "news", "--baseline", "kb.json")
    assert (again.exit_code, again.stderr) == (0, "")


def test_update_baseline_needs_a_baseline(repo: Path) -> None:
    result = kcheck("report", "news", "--update-baseline")
    assert (result.exit_code, result.stderr) == (
        2,
        "kcheck: --update-baseline needs --baseline FILE (the file to update)\n",
    )


# --------------------------------------------------------------------------- what fails


def test_hidden_findings_that_fail_the_run_are_counted_in_one_line(repo: Path) -> None:
    # 1758.87 vs 1800.87: a gap under 5%, a warning
    write(repo / "news" / "b.md", B.replace("1958.87", "1800.87"))
    result = kcheck("report", "news", "--min-severity", "error", "--fail-on", "warning")
    assert result.exit_code == 1
    assert result.stdout.startswith("No conflicts.\n")
    assert result.stderr == (
        "kcheck: 1 finding at or above --fail-on warning is hidden by --min-severity error and fails "
        "this run; add --min-severity warning to see it\n"
    )
    annotated = kcheck(
        "report", "news", "--min-severity", "error", "--fail-on", "warning", "--format", "github"
    )
    assert annotated.stdout.splitlines()[-1] == (
        "::error title=kcheck::1 finding at or above --fail-on warning is hidden by --min-severity error "
        "and fails this run; add --min-severity warning to see it"
    )
    shown = kcheck("report", "news", "--fail-on", "warning")
    assert (shown.exit_code, shown.stderr) == (1, "")


# --------------------------------------------------------------------------- paths


def test_paths_are_relative_to_the_repository_root(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / ".git").mkdir()
    monkeypatch.chdir(repo / "news")
    result = kcheck("report", ".", "--format", "github", "-q")
    assert result.stdout.startswith(
        "::error file=news/a.md,line=6,col=20,title=kcheck value_mismatch%3A 快手 GMV 2021-Q3::"
    )
    sarif = json.loads(kcheck("report", ".", "--format", "sarif", "-q").stdout)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "news/a.md", "uriBaseId": "%SRCROOT%"}
    # --root names another root
    rooted = kcheck("report", ".", "--root", ".", "--format", "github", "-q")
    assert rooted.stdout.startswith("::error file=a.md,line=6,col=20,")
    # the terminal's file:line:col opens from the root, where CI and editors run
    assert "    news/a.md:6:20  1758.87亿元" in kcheck("report", ".").stdout


# --------------------------------------------------------------------------- output


def test_no_corroborated_counts_instead_of_listing(repo: Path) -> None:
    write(repo / "news" / "c.md", A.replace("三季报", "转载"))
    listed = kcheck("report", "news", "-q")
    assert (
        "Corroborated (1 topic)\n  快手 GMV 2021-Q3: 2 sources agree\n" not in listed.stdout
    )  # 3 docs disagree
    write(repo / "news" / "b.md", A.replace("三季报", "又一篇"))
    listed = kcheck("report", "news", "-q")
    assert "Corroborated (1 topic)\n  快手 GMV 2021-Q3: 3 sources agree\n" in listed.stdout
    counted = kcheck("report", "news", "-q", "--no-corroborated")
    assert counted.stdout == (
        "No conflicts.\n\nCorroborated: 1 topic (listed without --no-corroborated)\n\n"
        "Summary: 3 documents, 3 claims, 1 topic, 1 corroborated; conflicts: 0 errors, 0 warnings, 0 info\n"
    )


def test_the_step_summary_stays_under_the_limit(repo: Path) -> None:
    sentence = "快手" * 300 + "2021年第三季度电商交易总额达到1758.87亿元。"
    report = Report(
        conflicts=[
            Conflict(
                id=f"v{i:015d}",
                type="value_mismatch",
                severity=Severity.ERROR,
                topic=f"快手 GMV {i}",
                message="m",
                claims=[Claim(quote="1758.87亿元", doc="news/a.md", line=1, column=1, sentence=sentence)],
            )
            for i in range(100)
        ]
    )
    whole = github.step_summary(report)
    cut = github.step_summary(report, limit=20_000)
    assert len(whole.encode()) > 20_000 >= len(cut.encode())
    assert cut.endswith(
        "**The report is longer than a step summary may be (1 MiB) and was cut here.** The whole report "
        "is in the workflow's artifacts (the kcheck Action uploads `kcheck.sarif`), or run "
        "`kcheck report --format markdown` locally.\n"
    )


@pytest.mark.parametrize(
    ("before", "after", "columns", "expected"),
    [
        ("短句", "。", 80, ("短句", "。")),
        ("前" * 50, "后" * 50, 40, ("…" + "前" * 7, "后" * 7 + "…")),
        ("前" * 50, "。", 40, ("…" + "前" * 14, "。")),
    ],
)
def test_a_long_sentence_is_shortened_around_its_figure(
    before: str, after: str, columns: int, expected: tuple[str, str]
) -> None:
    left, figure, right = describe.around((before, "1758亿元", after), columns)
    assert (left, figure, right) == (expected[0], "1758亿元", expected[1])
    assert describe.width(left + figure + right) <= columns


@pytest.mark.parametrize(
    ("env", "option", "coloured"),
    [
        ({}, "auto", False),  # CliRunner's stdout is not a terminal
        ({"FORCE_COLOR": "1"}, "auto", True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, "auto", False),
        ({}, "always", True),
        ({"FORCE_COLOR": "1"}, "never", False),
    ],
)
def test_colour(
    repo: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], option: str, coloured: bool
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = kcheck("report", "news", "--color", option)
    assert ("\x1b[" in result.stdout) is coloured


def test_term_dumb_gets_no_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    from kcheck.output import color_wanted

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert color_wanted("auto", Terminal()) is True  # type: ignore[arg-type]
    monkeypatch.setenv("TERM", "dumb")
    assert color_wanted("auto", Terminal()) is False  # type: ignore[arg-type]


def test_claims_table_fits_the_terminal(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wide = kcheck("claims", "news").stdout.splitlines()
    assert max(describe.width(line) for line in wide) > 80
    monkeypatch.setenv("COLUMNS", "80")
    narrow = kcheck("claims", "news").stdout.splitlines()
    assert narrow[0].split() == ["id", "source", "as", "written", "value"]
    assert max(describe.width(line) for line in narrow) <= 80


def test_explain_answers_from_the_last_run(repo: Path) -> None:
    assert kcheck("report", "news", "-q").exit_code == 1
    cached = kcheck("explain", FINDING, "news", "-v")
    assert cached.exit_code == 0
    assert cached.stderr == "kcheck: using the last run's results: nothing changed since\n"
    assert cached.stdout.startswith(f"conflict {FINDING}")
    write(repo / "news" / "b.md", B + "\n")  # changed: checked again
    fresh = kcheck("explain", FINDING, "news", "-v")
    assert (fresh.exit_code, fresh.stderr) == (0, "")
    assert (repo / ".kcheck_cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


# --------------------------------------------------------------------------- small things


def test_one_article_from_stdin(repo: Path) -> None:
    result = kcheck("report", "-", "--format", "json", input=B)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [d["path"] for d in data["documents"]] == ["stdin"]
    assert [c["doc"] for c in data["claims"]] == ["stdin"]
    both = kcheck("report", "-", "news")
    assert (both.exit_code, both.stderr) == (2, "kcheck: - (standard input) must be the only PATH\n")


@pytest.mark.parametrize("command", [[], ["report"], ["claims"], ["explain"], ["config"], ["rules", "check"]])
def test_dash_h_is_help(command: list[str]) -> None:
    result = kcheck(*command, "-h")
    assert result.exit_code == 0
    assert result.stdout == kcheck(*command, "--help").stdout
    assert result.stdout.startswith("Usage: kcheck")


FORMAT_UNDATED = {
    "text": "Undated (1 document: relative dates not resolved)\n  news/c.md\n",
    "markdown": "## Undated documents\n\nRelative dates (今年, 3月1日) in these are not resolved.\n\n- `news/c.md`\n",
    "github": "::notice file=news/c.md,title=kcheck undated document::no publication date; relative dates not resolved\n",
    "json": '"published_from": "unknown"',
    "sarif": '"text": "news/c.md: no publication date; relative dates not resolved"',
    "junit": "1 undated\nundated (no publication date): news/c.md</system-out>",
    "checkstyle": '<file name="news/c.md">\n    <error line="1" severity="info" message="no publication date',
    "rdjson": '"path": "news/c.md",\n        "range": {\n          "start": {\n            "line": 1',
}


@pytest.mark.parametrize("fmt", list(FORMAT_UNDATED))
def test_undated_documents_are_listed_in_every_format(repo: Path, fmt: str) -> None:
    write(repo / "news" / "c.md", "今年快手电商交易总额将突破8000亿元。\n")
    result = kcheck("report", "news", "--format", fmt, "-q")
    assert FORMAT_UNDATED[fmt] in result.stdout


@pytest.mark.parametrize("fmt", ["checkstyle", "junit", "rdjson"])
def test_formats_other_tools_ingest(repo: Path, fmt: str) -> None:
    result = kcheck("report", "news", "--format", fmt)
    assert result.exit_code == 1
    if fmt == "rdjson":
        (diagnostic,) = json.loads(result.stdout)["diagnostics"]
        assert diagnostic["location"] == {"path": "news/a.md", "range": {"start": {"line": 6}}}
        assert diagnostic["code"] == {"value": "value_mismatch"}
        return
    root = ET.fromstring(result.stdout)
    if fmt == "checkstyle":
        assert [(f.get("name"), [e.get("line") for e in f]) for f in root] == [
            ("news/a.md", ["6"]),
            ("news/b.md", ["6"]),
        ]
    else:
        (case,) = root.findall("testcase")
        assert case.get("name") == f"value_mismatch {FINDING}: 快手 GMV 2021-Q3"
        assert case.find("failure") is not None and root.get("failures") == "1"


def test_progress_is_off_when_stderr_is_not_a_terminal(repo: Path) -> None:
    result = kcheck("report", "news")
    assert (result.exit_code, result.stderr) == (1, "")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize(("term", "shown"), [("xterm", True), ("dumb", False)])
def test_progress_on_a_terminal(repo: Path, term: str, shown: bool) -> None:
    import pty
    import threading

    master, slave = pty.openpty()
    seen = bytearray()

    def drain() -> None:  # keep reading so the child never blocks on a full terminal
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                return
            if not chunk:
                return
            seen.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    env["TERM"] = term
    done = subprocess.run(
        [sys.executable, "-c", "from kcheck.cli import main; main()", "report", "news"],
        cwd=repo,
        stdout=subprocess.PIPE,
        stderr=slave,
        env=env,
        check=False,
    )
    os.close(slave)
    reader.join(timeout=10)
    os.close(master)
    assert done.returncode == 1
    assert done.stdout.decode("utf-8").startswith("快手 GMV 2021-Q3\n")  # stdout carries only the report
    assert (b"kcheck: extracting claims" in seen) is shown


# --------------------------------------------------------------------------- topic names


@pytest.mark.parametrize(
    ("measure", "shown"),
    [
        (
            "双百亿补贴”全天支付金额",
            "双百亿补贴全天支付金额",
        ),  # corpus/002: the quote opened before the measure
        ("“双百亿补贴”全天支付金额", "“双百亿补贴”全天支付金额"),
        ("电商交易总额（GMV", "电商交易总额GMV"),
        ('"618"期间成交额', '"618"期间成交额'),
        ('618"期间成交额', "618期间成交额"),
    ],
)
def test_a_topic_label_is_not_a_quotation_fragment(measure: str, shown: str) -> None:
    from kcheck.group import balanced_quotes

    assert balanced_quotes(measure) == shown


def test_a_heading_and_its_message_name_the_same_measure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    result = kcheck("report", "corpus", "-q", "--min-severity", "warning", "--no-corroborated")
    lines = result.stdout.splitlines()
    heading = lines.index("快手 订单量 (no period) [cumulative] / 快手 订单量 2020-08")
    assert lines[heading + 1].startswith(
        "  [warning] reused_figure r1400a8576b2: 快手 订单量: the same figure 超5亿单"
    )
    topics = json.loads(kcheck("report", "corpus", "--format", "json", "-q").stdout)["topics"]
    assert sorted(t["label"] for t in topics if "双百亿补贴全天" in t["label"]) == [
        "快手 双百亿补贴全天实际支付金额 2020-06-16",
        "快手 双百亿补贴全天支付金额 2022-06-16",
    ]


def test_the_text_report_fits_an_80_column_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    monkeypatch.setenv("COLUMNS", "80")
    result = kcheck("report", "corpus", "-q")
    assert result.exit_code == 1
    assert max(describe.width(line) for line in result.stdout.splitlines()) <= 80
    # a row too wide keeps its numbers whole: interval and period move to a second line
    assert (
        "    corpus/000_61c9e254a7eeece8.txt:17:1036  1758亿元     = 175,800,000,000 CNY\n" in result.stdout
    )
    assert "      175,750,000,000..175,850,000,000 CNY  period 2021-07-01..2021-09-30\n" in result.stdout
    # a sentence is shortened around its figure; explain shows it whole
    assert (
        "      …手切断外链其实并不意外，抖音在2020年8月就已经断外链，快手虽速度慢些，但…\n" in result.stdout
    )
    whole = kcheck("explain", "da142f75e04f", "corpus").stdout
    assert "在网经社电子商务研究中心网络零售高级分析师莫岱青看来" in whole


@pytest.mark.parametrize("fmt", ["text", "github", "checkstyle", "junit", "rdjson"])
def test_a_huge_message_is_cut_in_line_formats(fmt: str) -> None:
    from kcheck.report import render

    message = "快手 GMV: " + "甲" * 19_000
    claim = Claim(quote="1758亿元", doc="news/a.md", line=1, column=1)
    report = Report(
        conflicts=[
            Conflict(
                id="v1",
                type="value_mismatch",
                severity=Severity.ERROR,
                topic="t",
                message=message,
                claims=[claim],
            )
        ]
    )
    out = render(report, fmt)
    assert "甲" * 190 + "…" in out.replace("\n", "") and "甲" * 200 not in out
    assert "甲" * 19_000 in render(report, "json")  # the JSON report keeps it whole


def test_rules_check_without_dir_checks_what_report_would_use(repo: Path) -> None:
    write(repo / "rules" / "Avoid.yml", "extends: existence\n")
    result = kcheck("rules", "check")
    assert result.exit_code == 0
    assert result.stdout.startswith("ok  boilerplate  ")  # the built-in rules, not the Vale directory
    assert "Avoid.yml" not in result.stdout
    named = kcheck("rules", "check", "rules")
    assert named.exit_code == 2
    assert named.stdout.startswith("rules/Avoid.yml:1: unknown rules file 'Avoid.yml'")


def test_a_markdown_comment_is_not_article_text(repo: Path) -> None:
    write(repo / "news" / "b.md", B + "\n<!-- 编辑注：原稿写作1900亿元，\n已核实 -->\n快手电商继续增长。\n")
    claims = [json.loads(c) for c in kcheck("claims", "news", "--format", "jsonl").stdout.splitlines()]
    assert [(c["doc"], c["line"], c["quote"]) for c in claims] == [
        ("news/a.md", 6, "1758.87亿元"),
        ("news/b.md", 6, "1958.87亿元"),
    ]

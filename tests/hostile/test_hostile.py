"""Hostile input (issue 7): one test per numbered problem, over the hostile corpus.

No escape reaches a terminal or a CI log, no input is overwritten, nothing hangs. The
special entries git cannot hold (FIFOs, links out of the corpus and in loops, names with
newlines or invalid UTF-8) are made in tmp_path by hostile_corpus.py. Commands that could hang on a
regression run in a subprocess with a timeout; time and memory per hostile file are
measured by benchmarks/hostile.py, not here.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import os
import re
import signal
import stat
import subprocess
import sys
from pathlib import Path

import hostile_corpus as make  # next to this file (pytest puts test directories on sys.path)
import pytest
from click.testing import CliRunner, Result

from kcheck.check.intervals import Bounds
from kcheck.cli import main
from kcheck.errors import OutputError

# raw control characters no output may carry (the line break between lines aside)
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
ANNOTATION = re.compile(r"^::(error|warning|notice) [^\n]*::")


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(
        main, list(args), prog_name="kcheck", catch_exceptions=False, env={"NO_COLOR": "1", **(env or {})}
    )


def assert_safe(text: str, *, annotations: bool = False) -> None:
    """No raw control character, no line a CI runner would take as a workflow command."""
    assert not UNSAFE.search(text), UNSAFE.findall(text)
    for line in text.splitlines():
        assert "##[" not in line
        if line.lstrip().startswith("::"):
            assert annotations and ANNOTATION.match(line), line


def kcheck_subprocess(
    *args: str, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from kcheck.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
    )


def snapshot(root: Path) -> dict[str, str]:
    """Every entry under ``root``: file bytes hashed, links by target, FIFOs by kind."""
    out: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(os.fsencode(root)):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                out[os.fsdecode(path)] = "link " + os.fsdecode(os.readlink(path))
            elif stat.S_ISREG(info.st_mode):
                with open(path, "rb") as fh:
                    out[os.fsdecode(path)] = hashlib.sha256(fh.read()).hexdigest()
            else:
                out[os.fsdecode(path)] = f"mode {stat.S_IFMT(info.st_mode):o}"
    return out


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    make.build(tmp_path)
    return Path("corpus")


# the alias bomb in corpus/ is the real one (10^8 strings); tests that could run on a
# build without the fix use a small one
def small_bomb(path: Path) -> None:
    path.write_text(make.alias_bomb(levels=3), encoding="utf-8")


COMMANDS = [
    ("report", "--format", "text"),
    ("report", "--format", "markdown"),
    ("report", "--format", "json"),
    ("report", "--format", "sarif"),
    ("claims", "--format", "table"),
    ("claims", "--format", "jsonl"),
    ("claims", "--format", "csv"),
]


# --------------------------------------------------------------------------- 1, 2: escapes


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_1_2_no_escape_or_workflow_command_reaches_stdout_or_stderr(
    hostile: Path, command: tuple[str, ...]
) -> None:
    before = snapshot(hostile.parent)
    result = run(*command, str(hostile), "-v")
    assert result.exit_code in (0, 1), result.stderr
    assert_safe(result.stdout)
    assert_safe(result.stderr)
    # nothing changed but the last run's results kept in the working directory, outside
    # the input (kcheck explain reads them; see kcheck.lastrun)
    after = {k: v for k, v in snapshot(hostile.parent).items() if "/.kcheck_cache" not in k}
    assert after == before


def test_1_2_github_annotations_carry_the_file_name_encoded(hostile: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = run("report", str(hostile), "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    assert_safe(result.stdout, annotations=True)
    assert_safe(result.stderr)
    assert_safe(summary.read_text(encoding="utf-8"))
    # the name is in the annotations, shown escaped inside one line, never as lines of its own
    assert "e\\n::warning::INJECTED\\n::stop-commands::tok\\n.txt" in result.stdout
    assert not any(line.startswith(("::stop-commands", "::warning::")) for line in result.stdout.splitlines())


def test_1_escapes_in_text_are_shown_not_run(hostile: Path) -> None:
    result = run("report", str(hostile / "escapes.md"), str(hostile / "workflow_commands.txt"))
    assert "\\x1b]0;title\\x07" in result.stdout  # shown, so an editor sees what the page holds
    assert "\x1b" not in result.stdout


def test_1_explain_and_output_file_are_safe(hostile: Path, tmp_path: Path) -> None:
    report = json.loads(run("report", str(hostile), "--format", "json").stdout)
    for conflict in report["conflicts"]:
        shown = run("explain", conflict["id"], str(hostile))
        assert shown.exit_code == 0, shown.stderr
        assert_safe(shown.stdout)
    out = tmp_path / "report.md"
    result = run("report", str(hostile), "--format", "markdown", "-o", str(out))
    assert result.exit_code == 1 and result.stdout == ""
    assert_safe(out.read_text(encoding="utf-8"))


def test_1_escape_table() -> None:
    from kcheck import escape

    assert escape.visible("a\x1b[2J\x07\n\u202e\udcff\x9b") == "a\\x1b[2J\\x07\\n\\u202e\\xff\\x9b"
    assert escape.guard("ok\n  ::warning::x\n##[error]y\n") == "ok\n  \\x3a:warning::x\n##\\x5berror]y\n"
    assert escape.guard("\x1b[1mbold\x1b[0m\x1b]0;t\x07", color=True) == "\x1b[1mbold\x1b[0m\\x1b]0;t\\x07"
    assert escape.github_property("a:b,c\n%") == "a%3Ab%2Cc%0A%25"
    assert json.loads(escape.json_text(json.dumps("\x85\u202e", ensure_ascii=False))) == "\x85\u202e"
    assert [escape.csv_cell(c) for c in ("=1+1", "+1", "-1", "@x", "快手")] == [
        "'=1+1",
        "'+1",
        "'-1",
        "'@x",
        "快手",
    ]


# --------------------------------------------------------------------------- 3: YAML


def test_3_alias_bomb_is_refused_not_expanded(hostile: Path) -> None:
    small_bomb(hostile / "bomb3.md")
    result = run("report", str(hostile / "bomb3.md"), str(hostile / "plain.txt"), "--format", "json")
    report = json.loads(result.stdout)
    reasons = {p["path"]: p["error"] for p in report["unreadable"]}
    assert "aliases" in reasons[str(hostile / "bomb3.md")]


def test_3_real_alias_bomb_finishes(hostile: Path) -> None:
    done = kcheck_subprocess("report", str(hostile / "alias_bomb.md"), str(hostile / "plain.txt"), timeout=60)
    assert done.returncode == 0 and "aliases" in done.stderr


def test_3_front_matter_size_and_non_scalar_fields(hostile: Path) -> None:
    big = hostile / "big_front.md"
    big.write_text(
        "---\ntitle: " + "长" * 70000 + "\n---\n\n快手2021年第三季度GMV达1758亿元。\n", encoding="utf-8"
    )
    first = run("report", str(hostile / "set_title.md"), str(big), "--format", "json")
    report = json.loads(first.stdout)
    assert [d["title"] for d in report["documents"]] == [None]
    assert "front matter too large" in report["unreadable"][0]["error"]


# --------------------------------------------------------------------------- 4: outputs


@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_4_never_writes_onto_or_inside_an_input(hostile: Path, option: str) -> None:
    before = snapshot(hostile.parent)
    for target in (hostile / "plain.txt", hostile / "new-report.txt"):
        result = run("report", str(hostile), option, str(target))
        assert result.exit_code == 2 and "inside the input" in result.stderr, result.stderr
    assert snapshot(hostile.parent) == before


@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_4_never_replaces_a_link_or_a_special_file(hostile: Path, tmp_path: Path, option: str) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    link = tmp_path / "out.link"
    link.symlink_to(tmp_path / "elsewhere.txt")
    for target, why in ((fifo, "not a regular file"), (link, "symbolic link")):
        result = run("report", str(hostile / "plain.txt"), option, str(target))
        assert result.exit_code == 2 and why in result.stderr, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and os.path.islink(link)
    assert not (tmp_path / "elsewhere.txt").exists()


def test_4_outputs_follow_the_umask_and_keep_a_file_mode(hostile: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        fresh, kept = tmp_path / "fresh.txt", tmp_path / "kept.txt"
        kept.write_text("old", encoding="utf-8")
        kept.chmod(0o640)
        for target in (fresh, kept):
            assert run("report", str(hostile / "plain.txt"), "-o", str(target)).exit_code == 0
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    finally:
        os.umask(old)


class _ShortStdout(io.TextIOWrapper):
    """A stdout whose binary layer accepts nothing: a full pipe or a closed file."""

    class _Raw(io.BytesIO):
        def write(self, data: object) -> int:
            return 0

    def __init__(self) -> None:
        super().__init__(self._Raw(), encoding="utf-8")


def test_4_a_short_stdout_write_is_an_error() -> None:
    from kcheck.output import write_stdout

    with pytest.raises(OutputError, match="short write"):
        write_stdout("report\n", _ShortStdout())


def test_4_stdout_to_a_full_device_exits_2(hostile: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "from kcheck.cli import main; main()",
                "report",
                str(hostile / "plain.txt"),
                "--format",
                "json",
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert done.returncode == 2 and "stdout" in done.stderr and "Traceback" not in done.stderr


def test_10_sigterm_during_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "import kcheck.output as out\n"
        "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGTERM)\n"
        "out.write_atomic(Path(sys.argv[1]), 'report')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "r.txt")], timeout=60, capture_output=True
    )
    assert done.returncode == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- 5, 8: reading


def test_5_8_links_out_special_files_and_bad_names_are_listed_and_the_rest_checked(hostile: Path) -> None:
    done = kcheck_subprocess("report", str(hostile), "--format", "json", timeout=120)
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    reasons = {p["path"]: p["error"] for p in report["unreadable"]}
    root = str(hostile)
    for name in ("passwd.txt", "secret.txt", "environ.txt", "outside_dir") + (
        ("kmsg.txt",) if os.path.exists("/proc/kmsg") else ()
    ):
        assert "outside" in reasons[f"{root}/{name}"], (name, reasons)
    assert "not a regular file" in reasons[f"{root}/fifo.txt"]
    assert "loop" in reasons[f"{root}/loop_a.txt"] and "loop" in reasons[f"{root}/loop_b.txt"]
    paths = [d["path"] for d in report["documents"]]
    assert f"{root}/bad-\\xff\\xfe-name.txt" in paths
    assert f"{root}/e\\n::warning::INJECTED\\n::stop-commands::tok\\n.txt" in paths
    assert not any("9999" in c["quote"] for c in report["claims"])  # nothing read from outside
    assert all("root:" not in (d["title"] or "") for d in report["documents"])


def test_5_a_file_named_explicitly_is_read_only_if_regular(hostile: Path) -> None:
    done = kcheck_subprocess("report", str(hostile / "fifo.txt"), str(hostile / "plain.txt"), timeout=60)
    assert done.returncode == 0 and "not a regular file" in done.stderr


def test_8_unlistable_directory_is_listed(hostile: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can list any directory")
    locked = hostile / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        result = run("report", str(hostile / ".." / "corpus"), "--format", "json")
        assert "cannot list directory" in result.stdout
    finally:
        locked.chmod(0o755)


# --------------------------------------------------------------------------- 6: rules regexes, CSV


@pytest.mark.parametrize(
    ("name", "entry"),
    [
        ("boilerplate", f"drop_lines: ['{make.CATASTROPHIC}']"),
        ("boilerplate", f"end_markers: ['{make.CATASTROPHIC}']"),
        ("boilerplate", "byline_patterns: ['(?P<date>(\\d+)+)$']"),
        ("units", f"not_figure_patterns: ['{make.CATASTROPHIC}']"),
        ("units", "code_patterns: ['(\\w+\\s?)*$']"),
        ("units", f"unit_blockers: {{亿: '{make.CATASTROPHIC}'}}"),
    ],
)
def test_6_catastrophic_rule_regex_is_refused_by_check_and_report(
    hostile: Path, tmp_path: Path, name: str, entry: str
) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / f"{name}.yaml").write_text(f"extends: default\n{entry}\n", encoding="utf-8")
    checked = run("rules", "check", str(rules))
    assert (
        checked.exit_code == 2
        and f"{name}.yaml:" in checked.stdout
        and "nested quantifiers" in checked.stdout
    )
    reported = run("report", str(hostile / "plain.txt"), "--rules", str(rules))
    assert reported.exit_code == 2 and "nested quantifiers" in reported.stderr


def test_6_builtin_rules_pass_the_regex_check() -> None:
    assert run("rules", "check").exit_code == 0


def test_6_csv_cells_never_start_a_formula(hostile: Path) -> None:
    result = run("claims", str(hostile / "formula.txt"), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows
    for row in rows:
        for name, cell in row.items():
            if name in ("value", "low", "high", "precision"):
                continue
            assert not cell.startswith(("=", "+", "-", "@")), (name, cell)
    assert any(row["sentence"].startswith("'") for row in rows)


# --------------------------------------------------------------------------- 9: nothing readable


def test_9_an_empty_directory_exits_2(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("report", str(tmp_path / "empty"))
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"kcheck: nothing to check: no readable article under {tmp_path / 'empty'} (no files)\n"
    )


def test_9_every_file_unreadable_exits_2(tmp_path: Path) -> None:
    root = tmp_path / "bad"
    root.mkdir()
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"\x00\x01")
    for command in ("report", "claims"):
        result = run(command, str(root))
        assert result.exit_code == 2
        assert (
            result.stderr.splitlines()[-1].startswith("kcheck: nothing to check")
            and "all 2 file(s)" in result.stderr
        )


# --------------------------------------------------------------------------- 10: rules and baselines


def test_10_duplicate_keys_unknown_zone_binary_and_huge_rules(tmp_path: Path) -> None:
    cases = {
        "checks.yaml": (
            "warning_gap: 0.05\nwarning_gap: 0.5\n",
            "checks.yaml:2: invalid YAML: duplicate key 'warning_gap'",
        ),
        "time.yaml": ("extends: default\ntimezone: Mars/Olympus\n", "unknown time zone 'Mars/Olympus'"),
        "units.yaml": (b"\x00\x01binary\xff", "binary file"),
        "kinds.yaml": ("target: [" + "目标," * 400000 + "]\n", "file too large"),
    }
    for name, (content, message) in cases.items():
        rules = tmp_path / name.split(".")[0]
        rules.mkdir()
        if isinstance(content, bytes):
            (rules / name).write_bytes(content)
        else:
            (rules / name).write_text(content, encoding="utf-8")
        result = run("rules", "check", str(rules))
        assert result.exit_code == 2
        assert len(result.stdout.splitlines()) == 1 and message in result.stdout, result.stdout


def test_10_baselines_fifo_bom_and_deep_nesting(hostile: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "baseline.fifo"
    os.mkfifo(fifo)
    done = kcheck_subprocess("report", str(hostile / "plain.txt"), "--baseline", str(fifo), timeout=60)
    assert done.returncode == 2 and "not a regular file" in done.stderr
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps({"version": 1, "tool": "kcheck", "findings": []}).encode())
    assert run("report", str(hostile / "plain.txt"), "--baseline", str(bom)).exit_code == 0
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100000 + "]" * 100000, encoding="utf-8")
    result = run("report", str(hostile / "plain.txt"), "--baseline", str(deep))
    assert (
        result.exit_code == 2
        and "not a kcheck baseline" in result.stderr
        and "internal error" not in result.stderr
    )


def test_10_a_set_title_gives_the_same_output_every_run(hostile: Path) -> None:
    # a set's order follows string hashing, which differs between processes: two seeds
    outputs = {
        kcheck_subprocess(
            "report",
            str(hostile / "set_title.md"),
            "--format",
            "json",
            timeout=60,
            env={"PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
    assert json.loads(outputs.pop())["documents"][0]["title"] is None


# --------------------------------------------------------------------------- 11: trust


def test_11_round_figures_do_not_stretch_to_double(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(make.ARTICLE.replace("{gmv}亿元", "100亿元").format(), encoding="utf-8")
    (corpus / "b.txt").write_text(make.ARTICLE.replace("{gmv}亿元", "200亿元").format(), encoding="utf-8")
    result = run("report", str(corpus), "--format", "json")
    assert result.exit_code == 1
    found = json.loads(result.stdout)["conflicts"]
    assert [(c["type"], c["severity"]) for c in found] == [("value_mismatch", "error")]
    claim = next(c for c in json.loads(result.stdout)["claims"] if c["quote"] == "100亿元")
    from kcheck.models import Claim

    bounds = Bounds.of_claim(Claim.model_validate(claim), truncation=True)
    assert not bounds.low <= 150e8 <= bounds.high and not bounds.low <= 200e8 <= bounds.high


def test_11_severity_follows_the_largest_gap(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    for i, gmv in enumerate(range(1001, 1100, 7)):
        (corpus / f"{i:03}.txt").write_text(make.ARTICLE.format(gmv=gmv), encoding="utf-8")
    result = run("report", str(corpus), "--format", "json")
    found = json.loads(result.stdout)["conflicts"]
    assert [(c["type"], c["severity"]) for c in found] == [("value_mismatch", "error")]
    assert result.exit_code == 1


# --------------------------------------------------------------------------- 7: long sentences


def test_7_a_sentence_of_thousands_of_figures_is_split_and_noted(tmp_path: Path) -> None:
    from kcheck.text.sentences import MAX_SENTENCE_CHARS

    figures = 3000
    article = tmp_path / "long.txt"
    article.write_text(make.long_sentence(figures), encoding="utf-8")
    result = run("report", str(article), "--format", "json")
    assert result.exit_code in (0, 1)
    report = json.loads(result.stdout)
    (doc,) = report["documents"]
    assert (
        len(doc["notes"]) == 1
        and "was split into" in doc["notes"][0]
        and doc["notes"][0].startswith("line 3:")
    )
    assert "was split into" in result.stderr
    # every figure is still read, and each claim carries at most a bounded sentence: the
    # work and the report grow with the number of figures, not figures x sentence length
    assert len(report["claims"]) == figures
    assert max(len(c["sentence"]) for c in report["claims"]) <= MAX_SENTENCE_CHARS


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("短句。", ["短句。"]),
        ("甲" * 999 + "，" + "乙" * 10, ["甲" * 999 + "，", "乙" * 10]),
        ("甲" * 800 + "，" + "乙" * 800, ["甲" * 800 + "，", "乙" * 800]),
        ("丙" * 2500, ["丙" * 1000, "丙" * 1000, "丙" * 500]),  # no clause mark: cut at the limit
    ],
)
def test_7_long_sentences_split_at_clause_marks(text: str, pieces: list[str]) -> None:
    from kcheck.text.sentences import capped_bounds

    assert [text[a:b] for a, b in itertools.pairwise(capped_bounds(text))] == pieces


@pytest.mark.parametrize(
    ("pattern", "refused"),
    [
        (r"^(a+)+$", True),
        (r"(a*)*", True),
        (r"(\w+\s?)*$", True),
        (r"((ab)*)+", True),
        (r"(?:a+x?a)+", True),
        (r"(?:\d{1,3},)+\d{3}", False),  # the comma ends each repetition
        (r"^(?:\s*\[[^\]]*\]\([^)]*\)\s*[|｜·]?)+$", False),  # built-in boilerplate: ] ends it
        (r"(?:\s*关闭弹窗)*$", False),
        (r"(?>a+)+", False),  # atomic: never backtracks
        (r"(a+)++", False),  # possessive
        (r"\d+(?:\.\d+)?%", False),
    ],
)
def test_6_regex_shapes(pattern: str, refused: bool) -> None:
    from kcheck import saferegex

    assert (saferegex.problem(pattern) is not None) == refused


def test_1_colour_keeps_only_kcheck_own_sgr_codes(hostile: Path) -> None:
    from kcheck import pipeline
    from kcheck.pipeline import Settings
    from kcheck.report import render
    from kcheck.rules import load_rules

    report = pipeline.run(Settings(paths=(str(hostile),)), load_rules(None))
    coloured = render(report, "text", color=True)
    assert "\x1b[" in coloured  # colour is on
    assert_safe(re.sub(r"\x1b\[[0-9;]*m", "", coloured))
    assert "\\x1b]0;title\\x07" in coloured


def test_10_a_huge_or_special_configuration_file_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("快手三季度GMV达1758亿元。\n", encoding="utf-8")
    (tmp_path / "kcheck.toml").write_text('fail-on = "warning"\n' + "# pad\n" * 400_000, encoding="utf-8")
    done = kcheck_subprocess("report", "a.txt", timeout=60)
    assert done.returncode == 2
    found = tmp_path / "kcheck.toml"  # found walking up, named as found
    assert (
        done.stderr == f"kcheck: {found}: cannot read configuration: file too large (2.3 MB > limit 1 MB)\n"
    )
    (tmp_path / "kcheck.toml").unlink()
    os.mkfifo(tmp_path / "kcheck.toml")  # never opened for reading: it is no regular file
    done = kcheck_subprocess("report", "a.txt", "--config", "kcheck.toml", timeout=60)
    assert (done.returncode, done.stderr) == (2, "kcheck: kcheck.toml: configuration file not found\n")

"""The run-level cache (kcheck.rerun): an unchanged `kcheck report` is replayed byte for byte
(report, exit code, messages) without checking anything; any change to an input, the rules,
the baseline or an option checks again; a kept output that is incomplete, tampered with,
left by a killed run or shared by concurrent runs is never trusted."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st
from procs import kcheck_process

from kcheck import cache as caching
from kcheck import cli, rerun
from kcheck.cli import main
from kcheck.output import Text, write_atomic, write_stdout

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
RULES = ROOT / "rules"
HIT = "nothing changed since a run kept in the cache"


class _Checks:
    """Counts the runs that checked the corpus (kcheck.cli._report), in this process."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        original = cli._report

        def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
            self.count += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(cli, "_report", counted)


def _invoke(*args: str, cache: Path | None) -> Result:
    extra = ["--cache-dir", str(cache)] if cache is not None else ["--no-cache"]
    return CliRunner().invoke(main, [*args, *extra], prog_name="kcheck", catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    copy = tmp_path / "corpus"
    shutil.copytree(CORPUS, copy)
    return copy


@pytest.fixture(params=["hashed ahead", "learnt from the run"])
def keyed(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways a run's key knows a file it has no fingerprint of: read before the run (a
    few files), or told by the run that reads it (more than rerun.HASH_AHEAD)."""
    if request.param == "learnt from the run":
        monkeypatch.setattr(rerun, "HASH_AHEAD", 0)
        # the corpus was copied just now: its fingerprints are recorded at once (else the next
        # run learns them again, checking; files too fresh have tests of their own)
        monkeypatch.setattr(rerun, "RACY_NS", 0)
    return str(request.param)


def _same(a: Result, b: Result) -> None:
    assert (a.exit_code, a.stdout, a.stderr) == (b.exit_code, b.stdout, b.stderr)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_an_unchanged_rerun_replays_the_report_without_checking(
    fmt: str, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keyed: str
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    checks = _Checks(monkeypatch)
    args = ("report", str(corpus), "--rules", str(RULES), "--format", fmt, "--fail-on", "warning")
    fresh = _invoke(*args, cache=None)
    first = _invoke(*args, cache=tmp_path / "cache")
    again = _invoke(*args, cache=tmp_path / "cache")
    assert checks.count == 2  # --no-cache and the first cached run checked; the re-run did not
    _same(first, fresh)
    _same(again, fresh)
    assert fresh.exit_code == 1 and fresh.stdout
    if fmt == "github":  # the step summary is replayed too
        text = summary.read_text(encoding="utf-8")
        assert text and text == text[: len(text) // 3] * 3
    verbose = _invoke(*args, "-v", cache=tmp_path / "cache")
    assert HIT in verbose.stderr and verbose.stdout == fresh.stdout and checks.count == 2


def _edit(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("2020年", "2019年"), encoding="utf-8")


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda corpus, rules: _edit(sorted(corpus.iterdir())[2]), id="article edited"),
        pytest.param(lambda corpus, rules: sorted(corpus.iterdir())[0].unlink(), id="article removed"),
        pytest.param(
            lambda corpus, rules: (corpus / "new.md").write_text(
                "# 新\n\n甲公司2023年营收120亿元。\n", encoding="utf-8"
            ),
            id="article added",
        ),
        pytest.param(
            lambda corpus, rules: (corpus / "sources.yaml").write_text(
                f"{sorted(corpus.iterdir())[0].name}:\n  source: 新华社\n", encoding="utf-8"
            ),
            id="manifest added",
        ),
        pytest.param(
            lambda corpus, rules: (rules / "checks.yaml").write_text(
                (rules / "checks.yaml")
                .read_text(encoding="utf-8")
                .replace("warning_gap: 0.05", "warning_gap: 0.5"),
                encoding="utf-8",
            ),
            id="rules file edited",
        ),
    ],
)
def test_any_change_to_an_input_checks_again(
    change, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keyed: str
) -> None:  # type: ignore[no-untyped-def]
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    args = ("report", str(corpus), "--rules", str(rules), "--format", "json", "--fail-on", "never")
    _invoke(*args, cache=tmp_path / "cache")
    change(corpus, rules)
    checks = _Checks(monkeypatch)
    again = _invoke(*args, cache=tmp_path / "cache")
    assert checks.count == 1
    _same(again, _invoke(*args, cache=None))


@pytest.mark.parametrize(
    "option",
    [("--format", "text"), ("--min-severity", "error"), ("--fail-on", "info"), ("--no-corroborated",)],
)
def test_another_option_is_another_run(option: tuple[str, ...], tmp_path: Path) -> None:
    args = ("report", str(CORPUS), "--rules", str(RULES), "--format", "json", "--fail-on", "never")
    _invoke(*args, cache=tmp_path / "cache")
    other = _invoke(*args, *option, "-v", cache=tmp_path / "cache")
    assert HIT not in other.stderr
    _same(_invoke(*args, *option, cache=tmp_path / "cache"), _invoke(*args, *option, cache=None))


def test_a_baseline_is_an_input(corpus: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    args = ("report", str(corpus), "--rules", str(RULES), "--format", "json", "--fail-on", "warning")
    _invoke(*args, "--write-baseline", str(baseline), cache=tmp_path / "cache")
    with_baseline = (*args, "--baseline", str(baseline))
    first = _invoke(*with_baseline, cache=tmp_path / "cache")
    assert first.exit_code == 0
    baseline.write_text('{"version": 1, "findings": []}\n', encoding="utf-8")
    _same(_invoke(*with_baseline, cache=tmp_path / "cache"), _invoke(*with_baseline, cache=None))


def test_a_file_rewritten_with_the_same_size_and_mtime_is_read_again(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keyed: str
) -> None:
    monkeypatch.setattr(rerun, "RACY_NS", 0)  # record every fingerprint at once
    args = ("report", str(corpus), "--rules", str(RULES), "--format", "json", "--fail-on", "never")
    _invoke(*args, cache=tmp_path / "cache")
    victim = sorted(corpus.iterdir())[2]
    before = victim.stat()
    text = victim.read_text(encoding="utf-8")
    assert "2020年" in text
    victim.write_text(text.replace("2020年", "2019年"), encoding="utf-8")  # same length in bytes
    os.utime(victim, ns=(before.st_atime_ns, before.st_mtime_ns))  # the ctime still moves
    assert victim.stat().st_size == before.st_size and victim.stat().st_mtime_ns == before.st_mtime_ns
    _same(_invoke(*args, cache=tmp_path / "cache"), _invoke(*args, cache=None))


def test_a_fresh_file_is_hashed_until_it_is_older_than_a_timestamp_tick(corpus: Path, tmp_path: Path) -> None:
    for path in corpus.iterdir():  # written now: a same-tick rewrite would keep the fingerprint
        path.touch()
    cache = caching.Cache(tmp_path / "cache")
    contents = rerun.Contents(cache)
    paths = sorted(os.fsencode(p) for p in corpus.iterdir())
    first = contents.digests(paths)
    contents.record()
    assert cache.query("SELECT count(*) FROM stats") == [(0,)]
    aged = rerun.Contents(cache)
    old = time.time_ns() - 10 * rerun.RACY_NS
    for path in paths:
        os.utime(path, ns=(old, old))
    assert aged.digests(paths) == first  # the content, whatever the times
    aged.record()
    assert cache.query("SELECT count(*) FROM stats") == [(0,)]  # the ctime is still fresh
    assert aged.unchanged()
    _edit(corpus / os.fsdecode(paths[2]))
    assert not aged.unchanged()


def test_files_too_fresh_when_hashed_are_recorded_once_the_run_is_over(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An archive copied in and checked at once: its files are hashed again at the end of the
    run, when they are older than a tick, and the next run reads none of them."""
    monkeypatch.setattr(rerun, "RACY_NS", 400_000_000)
    for path in corpus.iterdir():
        path.touch()
    cache = caching.Cache(tmp_path / "cache")
    contents = rerun.Contents(cache)
    paths = sorted(os.fsencode(p) for p in corpus.iterdir())
    first = contents.digests(paths)
    contents.record()
    assert cache.query("SELECT count(*) FROM stats") == [(0,)]
    assert contents.unchanged()  # the run was short: still too fresh, nothing read again
    assert cache.query("SELECT count(*) FROM stats") == [(0,)]
    time.sleep(0.5)
    read: list[bytes] = []
    original = rerun._hash_file

    def counted(path: bytes) -> str:
        read.append(path)
        return original(path)

    monkeypatch.setattr(rerun, "_hash_file", counted)
    assert contents.unchanged()
    assert sorted(read) == paths  # read again once each, then recorded
    assert cache.query("SELECT count(*) FROM stats") == [(len(paths),)]
    read.clear()
    assert rerun.Contents(cache).digests(paths) == first
    assert read == []  # the next run reads none of them


def test_a_fresh_file_that_changed_within_a_tick_is_not_kept(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change within one timestamp tick keeps the fingerprint: hashed again at the end of the
    run, the other content says the run read another text, and nothing is kept or recorded."""
    monkeypatch.setattr(rerun, "RACY_NS", 300_000_000)
    for path in corpus.iterdir():
        path.touch()
    cache = caching.Cache(tmp_path / "cache")
    contents = rerun.Contents(cache)
    paths = sorted(os.fsencode(p) for p in corpus.iterdir())
    contents.digests(paths)
    time.sleep(0.4)
    original = rerun._hash_file
    monkeypatch.setattr(rerun, "_hash_file", lambda p: "0" * 40 if p == paths[2] else original(p))
    assert not contents.unchanged()
    assert cache.query("SELECT count(*) FROM stats WHERE path = ?", (paths[2],)) == [(0,)]


def test_a_run_over_fresh_files_is_replayed_without_reading_them(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keyed: str
) -> None:
    monkeypatch.setattr(rerun, "RACY_NS", 300_000_000)
    for path in corpus.iterdir():
        path.touch()
    original_report = cli._report

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.4)  # a cold run outlasts a timestamp tick
        return original_report(*args, **kwargs)

    monkeypatch.setattr(cli, "_report", slow)
    args = ("report", str(corpus), "--rules", str(RULES), "--format", "json", "--fail-on", "never")
    cold = _invoke(*args, cache=tmp_path / "cache")
    read: list[bytes] = []
    original = rerun._hash_file
    monkeypatch.setattr(rerun, "_hash_file", lambda p: read.append(p) or original(p))
    _same(_invoke(*args, cache=tmp_path / "cache"), cold)
    assert read == []


def test_a_run_whose_input_changed_while_it_ran_is_not_kept(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keyed: str
) -> None:
    original = cli._report

    def edit_meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
        done = original(*args, **kwargs)
        _edit(sorted(corpus.iterdir())[2])
        return done

    monkeypatch.setattr(cli, "_report", edit_meanwhile)
    args = ("report", str(corpus), "--rules", str(RULES), "--format", "json", "--fail-on", "never")
    _invoke(*args, cache=tmp_path / "cache")
    monkeypatch.setattr(cli, "_report", original)
    _same(_invoke(*args, cache=tmp_path / "cache"), _invoke(*args, cache=None))


def _article_reads(monkeypatch: pytest.MonkeyPatch, corpus: Path) -> list[bytes]:
    """The articles of ``corpus`` the re-run key reads in this process (rerun._hash_file)."""
    read: list[bytes] = []
    original = rerun._hash_file

    def counted(path: bytes) -> str:
        if os.fsdecode(path).startswith(str(corpus)):
            read.append(path)
        return original(path)

    monkeypatch.setattr(rerun, "_hash_file", counted)
    return read


def test_a_cold_run_over_many_files_learns_their_content_from_the_run(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More unknown files than HASH_AHEAD: no article is read before the run (the workers
    hash what they read), and the run is kept under the content it read, so the next run
    replays it without reading any article either."""
    monkeypatch.setattr(rerun, "HASH_AHEAD", 2)
    monkeypatch.setattr(rerun, "RACY_NS", 0)  # record every fingerprint at once
    read = _article_reads(monkeypatch, corpus)
    checks = _Checks(monkeypatch)
    args = ("report", str(corpus), "--rules", str(RULES), "--format", "json", "--fail-on", "never")
    first = _invoke(*args, cache=tmp_path / "cache")
    assert read == [] and checks.count == 1
    again = _invoke(*args, "-v", cache=tmp_path / "cache")
    assert HIT in again.stderr and again.stdout == first.stdout and checks.count == 1
    assert read == []
    _same(first, _invoke(*args, cache=None))


def test_a_few_unknown_files_are_hashed_ahead_and_still_replay(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files touched but not changed (new fingerprints, same content), no more than
    HASH_AHEAD: read before the run, they find the kept run."""
    monkeypatch.setattr(rerun, "RACY_NS", 0)
    args = ("report", str(corpus), "--rules", str(RULES), "--format", "json", "--fail-on", "never")
    first = _invoke(*args, cache=tmp_path / "cache")
    touched = sorted(corpus.iterdir())[:2]
    for path in touched:
        os.utime(path, ns=(time.time_ns(), time.time_ns()))
    read = _article_reads(monkeypatch, corpus)
    checks = _Checks(monkeypatch)
    again = _invoke(*args, "-v", cache=tmp_path / "cache")
    assert HIT in again.stderr and again.stdout == first.stdout and checks.count == 0
    assert sorted(read) == sorted(os.fsencode(p) for p in touched)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_run_that_could_not_read_a_file_is_not_kept(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file the run learns nothing of (a FIFO: listed, never read) leaves the key
    incomplete: the run is checked every time, never replayed."""
    monkeypatch.setattr(rerun, "HASH_AHEAD", 0)
    os.mkfifo(corpus / "pipe.txt")
    args = ("report", str(corpus), "--rules", str(RULES), "--format", "json", "--fail-on", "never")
    checks = _Checks(monkeypatch)
    first = _invoke(*args, cache=tmp_path / "cache")
    assert "pipe.txt" in first.stdout
    again = _invoke(*args, "-v", cache=tmp_path / "cache")
    assert HIT not in again.stderr and checks.count == 2
    assert again.stdout == first.stdout


def _kept(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / rerun.RUNS_DIR).iterdir() if not p.name.startswith("."))


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda f: f.write_bytes(f.read_bytes()[:-10]), id="truncated"),
        pytest.param(
            lambda f: f.write_bytes(f.read_bytes().replace(b'"code": 1', b'"code": 0')), id="edited"
        ),
        pytest.param(lambda f: f.unlink(), id="missing"),
        pytest.param(lambda f: f.write_bytes(b"{}\nnot a report"), id="foreign"),
    ],
)
def test_a_damaged_kept_output_is_never_trusted(damage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    args = ("report", str(CORPUS), "--rules", str(RULES), "--format", "json", "--fail-on", "warning")
    first = _invoke(*args, cache=tmp_path / "cache")
    assert first.exit_code == 1
    (kept,) = _kept(tmp_path / "cache")
    damage(kept)
    again = _invoke(*args, "-v", cache=tmp_path / "cache")
    assert HIT not in again.stderr and again.exit_code == 1 and again.stdout == first.stdout
    _same(_invoke(*args, cache=tmp_path / "cache"), first)  # rebuilt, and replayed


def test_a_tampered_header_with_a_matching_checksum_is_refused(tmp_path: Path) -> None:
    args = ("report", str(CORPUS), "--rules", str(RULES), "--format", "json", "--fail-on", "warning")
    first = _invoke(*args, cache=tmp_path / "cache")
    (kept,) = _kept(tmp_path / "cache")
    raw = kept.read_bytes().replace(b'"code": 1', b'"code": "1"')
    forged = tmp_path / "cache" / rerun.RUNS_DIR / rerun.CHECKSUM(raw).hexdigest()
    forged.write_bytes(raw)
    with sqlite3.connect(tmp_path / "cache" / caching.FILE_NAME, isolation_level=None) as db:
        db.execute("UPDATE runs SET checksum = ?", (forged.name,))
    _same(_invoke(*args, cache=tmp_path / "cache"), first)


def test_a_kept_report_is_replayed_a_block_at_a_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # blocks of 7 bytes cut most Chinese characters (3 bytes in UTF-8) in two: the replay is
    # still the report, and it arrives as many pieces, never as one string read whole
    args = ("report", str(CORPUS), "--rules", str(RULES), "--format", "markdown", "--fail-on", "never")
    first = _invoke(*args, cache=tmp_path / "cache")
    monkeypatch.setattr(rerun, "_BLOCK", 7)
    pieces: list[str | bytes] = []
    original = cli.emit

    def counted(chunks, *rest):  # type: ignore[no-untyped-def]
        def seen():  # type: ignore[no-untyped-def]
            for chunk in chunks:
                pieces.append(chunk)
                yield chunk

        return original(seen(), *rest)

    monkeypatch.setattr(cli, "emit", counted)
    again = _invoke(*args, "-v", cache=tmp_path / "cache")
    assert HIT in again.stderr and again.stdout == first.stdout
    assert len(pieces) > len(first.stdout.encode()) // 7 // 2
    # the UTF-8 bytes as kept, never decoded and encoded again
    assert all(isinstance(p, bytes) for p in pieces) and max(len(p) for p in pieces) <= 7


def test_a_kept_report_damaged_while_it_is_replayed_is_an_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    args = ("report", str(CORPUS), "--rules", str(RULES), "--format", "json", "--fail-on", "never")
    _invoke(*args, cache=tmp_path / "cache")
    monkeypatch.setattr(rerun, "_BLOCK", 4096)
    store = caching.Cache(tmp_path / "cache")
    try:
        (row,) = store.query("SELECT key FROM runs")
        key = rerun.Key(digest=row[0], contents=None)  # type: ignore[arg-type]
        done = rerun.recall(store, key)
        assert done is not None and not isinstance(done.text, str)
        (kept,) = _kept(tmp_path / "cache")
        whole = kept.read_bytes()
        with kept.open("r+b") as fh:  # damage in place, after the check, before the replay
            fh.seek(-5, os.SEEK_END)
            fh.write(b"XXXXX")
        replayed: list[str | bytes] = []
        with pytest.raises(OSError, match="changed while it was replayed"):
            replayed.extend(done.text)
        # the blocks before the damaged one went out as they were; the damaged one never did
        header = whole.index(b"\n") + 1
        assert replayed and all(isinstance(b, bytes) for b in replayed)
        out = b"".join(replayed)  # type: ignore[arg-type]
        assert whole[header:].startswith(out) and len(whole) - header - len(out) <= 4096
    finally:
        store.close()


def _written(text: Text, encoding: str) -> bytes | str:
    """What kcheck writes of ``text`` to a stdout in ``encoding`` (or the error it meets)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding=encoding)
    try:
        write_stdout(text, out)
    except (UnicodeError, OSError) as exc:
        return type(exc).__name__
    return out.buffer.getvalue()  # type: ignore[attr-defined,no-any-return]


def _filed(text: Text, where: Path) -> bytes | str:
    try:
        write_atomic(where, text)
    except (UnicodeError, OSError) as exc:
        return type(exc).__name__
    return where.read_bytes()


@given(
    text=st.text(st.sampled_from(["a", "\n", "快", "€", "\U0001d11e", "\udcff", "\ud800", "\ufffd", "\x00"])),
    block=st.integers(min_value=1, max_value=9),
)
@settings(max_examples=80, deadline=None)
def test_a_replay_writes_what_the_run_wrote(text: str, block: int) -> None:
    """Whatever the text (lone surrogates from odd file names included) and wherever the
    blocks cut it: the replay writes to stdout, in any encoding, and to a file the bytes the
    run wrote (or meets the same error)."""
    with tempfile.TemporaryDirectory() as tmp:
        store = caching.Cache(Path(tmp) / "cache")
        try:
            wanted = rerun.Key(digest="k" * 40, contents=rerun.Contents(store))
            rerun.keep(store, wanted, rerun.Transcript(text=[text[:3], text[3:]], code=0))
            rerun._BLOCK, saved = block, rerun._BLOCK
            try:
                for encoding in ("utf-8", "gb18030", "ascii"):
                    done = rerun.recall(store, wanted)
                    assert done is not None
                    assert _written(done.text, encoding) == _written(text, encoding), encoding
                done = rerun.recall(store, wanted)
                assert done is not None
                assert _filed(done.text, Path(tmp) / "a") == _filed(text, Path(tmp) / "b")
            finally:
                rerun._BLOCK = saved
        finally:
            store.close()


def test_only_a_kept_text_with_a_lone_surrogate_is_decoded(tmp_path: Path) -> None:
    store = caching.Cache(tmp_path / "cache")
    try:
        for text, decoded in (
            ("快手GMV\n" * 100, False),
            ("快手\udcff.txt\n", True),
            ("\ud55c\uae00", False),
        ):
            wanted = rerun.Key(digest=f"k{decoded}{len(text)}", contents=rerun.Contents(store))
            rerun.keep(store, wanted, rerun.Transcript(text=text, code=0))
            done = rerun.recall(store, wanted)
            assert done is not None
            chunks = list(done.text)
            assert all(isinstance(c, str if decoded else bytes) for c in chunks), text
    finally:
        store.close()


def test_leftovers_of_a_killed_run_are_ignored_and_cleared(tmp_path: Path) -> None:
    args = ("report", str(CORPUS), "--rules", str(RULES), "--format", "json", "--fail-on", "never")
    runs = tmp_path / "cache" / rerun.RUNS_DIR
    runs.mkdir(parents=True)
    old = time.time() - 3600
    (runs / ".x.tmp").write_bytes(b"half a rep")  # killed while writing
    (runs / ("0" * 40)).write_bytes(b"{}\nwritten, never recorded")  # killed before its row
    for leftover in runs.iterdir():
        os.utime(leftover, (old, old))
    first = _invoke(*args, cache=tmp_path / "cache")
    assert [p.name for p in runs.iterdir()] == [p.name for p in _kept(tmp_path / "cache")]
    assert len(_kept(tmp_path / "cache")) == 1
    _same(_invoke(*args, cache=tmp_path / "cache"), first)


def test_only_the_newest_runs_are_kept(tmp_path: Path) -> None:
    base = ("report", str(CORPUS), "--rules", str(RULES), "--fail-on", "never")
    for fmt in ["json", "text", "sarif", "markdown", "junit", "checkstyle"]:
        _invoke(*base, "--format", fmt, cache=tmp_path / "cache")
    cache = caching.Cache(tmp_path / "cache")
    assert cache.query("SELECT count(*) FROM runs") == [(rerun.KEEP,)]
    assert len(_kept(tmp_path / "cache")) >= rerun.KEEP  # the pruned ones go once 10 minutes old


def test_a_replay_records_its_use_only_when_the_record_is_an_hour_old(tmp_path: Path) -> None:
    """A replay writes nothing to the cache while its output's record of use is fresh (the
    write and SQLite's checkpoint cost a replay more than its reading); an older record is
    brought up to date, so the outputs pruned are still those used longest ago."""
    args = ("report", str(CORPUS), "--rules", str(RULES), "--format", "json", "--fail-on", "never")
    first = _invoke(*args, cache=tmp_path / "cache")
    database = tmp_path / "cache" / caching.FILE_NAME

    def used() -> float:
        with contextlib.closing(sqlite3.connect(database)) as db:
            ((when,),) = db.execute("SELECT used FROM runs").fetchall()
        return float(when)

    kept = used()
    again = _invoke(*args, "-v", cache=tmp_path / "cache")
    assert HIT in again.stderr and again.stdout == first.stdout
    assert used() == kept
    with contextlib.closing(sqlite3.connect(database, isolation_level=None)) as db:
        db.execute("UPDATE runs SET used = ?", (time.time() - rerun.TOUCH_EVERY - 1,))
    again = _invoke(*args, "-v", cache=tmp_path / "cache")
    assert HIT in again.stderr and again.stdout == first.stdout
    assert time.time() - used() < 60


def test_standard_input_and_baseline_writes_are_never_replayed(tmp_path: Path) -> None:
    text = (CORPUS / sorted(os.listdir(CORPUS))[0]).read_text(encoding="utf-8")
    for _ in range(2):
        result = CliRunner().invoke(
            main,
            ["report", "-", "--format", "json", "-v", "--cache-dir", str(tmp_path / "cache")],
            input=text,
            prog_name="kcheck",
        )
        assert HIT not in result.stderr
    args = ("report", str(CORPUS), "--format", "json", "-v", "--write-baseline", str(tmp_path / "b.json"))
    for _ in range(2):
        result = _invoke(*args, cache=tmp_path / "cache")
        assert HIT not in result.stderr and "wrote" in result.stderr


# --------------------------------------------------------------------------- other processes


def test_a_run_killed_while_keeping_its_output_leaves_a_cache_the_next_run_uses(tmp_path: Path) -> None:
    archive = pytest.importorskip("archive_fixture").load()
    archive.build(tmp_path / "ar", 200, seed=5)
    articles, rules_dir = str(tmp_path / "ar" / "articles"), str(tmp_path / "ar" / "rules")
    cache_dir = tmp_path / "cache"
    env = {**os.environ, "KCHECK_CACHE_DIR": str(cache_dir)}
    common = (
        "report",
        articles,
        "--rules",
        rules_dir,
        "--format",
        "json",
        "--jobs",
        "1",
        "--fail-on",
        "never",
    )
    fresh = kcheck_process(*common, "--no-cache", env=env).communicate()[0]
    assert fresh.startswith(b"{")
    runs = cache_dir / rerun.RUNS_DIR
    # kill the run at the moment it starts keeping its output (the runs/ folder appears)
    proc = kcheck_process(*common, env=env)
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline and not runs.exists():
        time.sleep(0.002)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    resumed = kcheck_process(*common, "-v", env=env).communicate()
    assert resumed[0] == fresh
    replayed = kcheck_process(*common, "-v", env=env).communicate()
    assert replayed[0] == fresh and HIT.encode() in replayed[1]


def test_concurrent_runs_sharing_a_cache(tmp_path: Path) -> None:
    env = {**os.environ, "KCHECK_CACHE_DIR": str(tmp_path / "cache")}
    args = ("report", str(CORPUS), "--format", "json", "--rules", str(RULES), "--fail-on", "never")
    fresh = kcheck_process(*args, "--no-cache", env=env).communicate()[0]
    runs = [kcheck_process(*args, env=env) for _ in range(3)]
    assert [p.communicate()[0] for p in runs] == [fresh] * 3
    again = kcheck_process(*args, "-v", env=env).communicate()
    assert again[0] == fresh and HIT.encode() in again[1]


@pytest.mark.skipif(sys.platform != "linux", reason="a file name that is not UTF-8 needs Linux")
def test_a_file_name_that_is_not_utf8_is_replayed_as_written(corpus: Path, tmp_path: Path) -> None:
    odd = os.path.join(os.fsencode(corpus), b"\xff\xfe-\xe6\x96.txt")
    with open(odd, "wb") as fh:
        fh.write("甲公司2023年营收120亿元。\n".encode())
    args = ("report", str(corpus), "--rules", str(RULES), "--format", "text", "--fail-on", "never")
    first = _invoke(*args, cache=tmp_path / "cache")
    again = _invoke(*args, "-v", cache=tmp_path / "cache")
    assert HIT in again.stderr
    _same(_invoke(*args, cache=tmp_path / "cache"), first)
    _same(first, _invoke(*args, cache=None))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_among_the_inputs_never_blocks_the_key(corpus: Path, tmp_path: Path) -> None:
    os.mkfifo(corpus / "pipe.txt")  # listed, never opened for reading by the key: not kept
    env = {**os.environ, "KCHECK_CACHE_DIR": str(tmp_path / "cache")}
    args = ("report", str(corpus), "--format", "json", "--rules", str(RULES), "--fail-on", "never", "-v")
    outs = [kcheck_process(*args, env=env).communicate(timeout=120) for _ in range(2)]
    fresh = kcheck_process(*args, "--no-cache", env=env).communicate(timeout=120)
    assert outs[0][0] == outs[1][0] == fresh[0] and b"pipe.txt" in fresh[0]
    assert HIT.encode() not in outs[1][1]


def test_a_report_streamed_out_is_kept_only_when_every_chunk_was_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The report goes out chunk by chunk with a copy kept on the way (rerun.keeping): a
    reader that stops early (`| head`) leaves no kept output and no temporary file; the next
    run checks again and keeps the whole report."""
    cache_dir = tmp_path / "cache"
    args = ("report", str(CORPUS), "--rules", str(RULES), "--format", "json", "--fail-on", "never")
    whole = _invoke(*args, cache=None)
    original = rerun.keeping

    def stops_early(*a, **k):  # type: ignore[no-untyped-def]
        chunks = original(*a, **k)
        first = next(chunks)
        chunks.close()  # the reader went away after one chunk
        yield first

    monkeypatch.setattr(rerun, "keeping", stops_early)
    cut = _invoke(*args, cache=cache_dir)
    assert cut.stdout and whole.stdout.startswith(cut.stdout)  # the first chunk (maybe all of it)
    assert not (cache_dir / rerun.RUNS_DIR).exists() or not list((cache_dir / rerun.RUNS_DIR).iterdir())
    monkeypatch.setattr(rerun, "keeping", original)
    checks = _Checks(monkeypatch)
    _same(_invoke(*args, cache=cache_dir), whole)
    _same(_invoke(*args, cache=cache_dir), whole)
    assert checks.count == 1 and len(_kept(cache_dir)) == 1


# the driver: run `kcheck report` in a fresh interpreter, then name the checking modules it imported
_DRIVER = """
import sys
from kcheck.cli import main
try:
    main(sys.argv[1:])
finally:
    heavy = ("kcheck.pipeline", "kcheck.models", "kcheck.rules", "kcheck.report", "kcheck.load.reader")
    # and the libraries only checking needs (importlib.metadata: see rerun.installed)
    heavy += ("pydantic", "yaml", "bs4", "cn2an", "rapidfuzz", "dask", "numpy", "importlib.metadata")
    heavy += ("tempfile",)  # for the copies a run keeps and --output: a replay to stdout needs neither
    print(" ".join(m for m in heavy if m in sys.modules), file=sys.stderr)
"""


@pytest.mark.parametrize("rules", ["--rules", "./rules"])
def test_a_replayed_run_imports_nothing_of_the_checking(rules: str, tmp_path: Path) -> None:
    args = ["report", str(CORPUS), "--format", "json", "--fail-on", "never"]
    args += ["--cache-dir", str(tmp_path / "cache"), "-v"]
    if rules == "--rules":
        args += ["--rules", str(RULES)]
    else:  # the project's rules/, told from other rules without reading them (config.rules_dir)
        shutil.copytree(RULES, tmp_path / "rules")

    def run() -> tuple[bytes, list[str]]:
        done = subprocess.run(
            [sys.executable, "-c", _DRIVER, *args],
            capture_output=True,
            timeout=300,
            check=False,
            cwd=tmp_path,
        )
        assert done.returncode == 0, done.stderr
        lines = done.stderr.decode().splitlines()
        return done.stdout, lines

    first, said = run()
    assert not any(HIT in line for line in said)
    assert "kcheck.pipeline" in said[-1] and "kcheck.models" in said[-1]  # it checked
    again, said = run()
    assert any(HIT in line for line in said)
    assert again == first
    assert said[-1] == ""  # none of them


@pytest.mark.parametrize("args", [["--help"], ["report", "--help"], ["config", "-q"]])
def test_commands_that_check_nothing_import_nothing_of_the_checking(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _DRIVER, *args], capture_output=True, timeout=300, check=False, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.decode().splitlines()[-1] == ""


def test_kcheck_source_is_keyed_by_the_files_code_hash_reads() -> None:
    package = Path(caching.__file__).resolve().parent
    assert sorted(name for name, _ in rerun._code()) == sorted(
        str(p.relative_to(package)) for p in package.rglob("*.py")
    )
    assert all(os.path.isfile(path) for _, path in rerun._code())


def test_a_changed_kcheck_source_file_is_another_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # kcheck's code is in the key by its files' fingerprints (rerun._code), not read whole per run
    source = tmp_path / "module.py"
    source.write_text("x = 1\n", encoding="utf-8")
    monkeypatch.setattr(rerun, "_code", lambda: [("module.py", os.fsencode(source))])
    args = ("report", str(CORPUS), "--rules", str(RULES), "--format", "json", "--fail-on", "never")
    first = _invoke(*args, cache=tmp_path / "cache")
    checks = _Checks(monkeypatch)
    _same(_invoke(*args, cache=tmp_path / "cache"), first)
    assert checks.count == 0
    source.write_text("x = 2\n", encoding="utf-8")  # same size
    _same(_invoke(*args, cache=tmp_path / "cache"), first)
    assert checks.count == 1


def test_library_versions_are_the_ones_importlib_metadata_finds() -> None:
    from importlib import metadata

    names = (*rerun._LIBRARIES, "click", "pytest", "no-such-library-here")
    found = rerun.installed(names)
    for name in names:
        try:
            expected: str | None = metadata.version(name)
        except metadata.PackageNotFoundError:
            expected = None
        assert found[name] == expected, name


def test_the_format_choices_are_the_formats() -> None:
    from kcheck.report import FORMATS
    from kcheck.report.claims import FORMATS as CLAIM_FORMATS

    assert tuple(FORMATS) == cli.REPORT_FORMATS
    assert tuple(CLAIM_FORMATS) == cli.CLAIM_FORMATS


def test_a_run_that_checks_lists_the_files_once(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kcheck import load, pipeline

    listed: list[tuple[str, ...]] = []
    original = load.list_sources

    def counted(paths, *args, **kwargs):  # type: ignore[no-untyped-def]
        listed.append(tuple(paths))
        return original(paths, *args, **kwargs)

    monkeypatch.setattr(rerun, "list_sources", counted)
    monkeypatch.setattr(pipeline, "list_sources", counted)
    args = ("report", str(corpus), "--rules", str(RULES), "--format", "json")
    fresh = _invoke(*args, cache=None)
    assert listed == [(str(corpus),)]  # no re-run key: the pipeline lists
    listed.clear()
    first = _invoke(*args, cache=tmp_path / "cache")
    assert listed == [(str(corpus),)]  # the key's listing is the one checked
    _same(first, fresh)
    (corpus / "new.md").write_text("快手2023年营业收入1134.7亿元。\n", encoding="utf-8")
    listed.clear()
    changed = _invoke(*args, cache=tmp_path / "cache")
    assert listed == [(str(corpus),)] and "new.md" in changed.stdout


def _stats(cache: Path) -> set[str]:
    with sqlite3.connect(cache / caching.FILE_NAME) as conn:
        return {os.fsdecode(p) for (p,) in conn.execute("SELECT path FROM stats")}


def test_fingerprints_of_files_that_are_gone_are_dropped(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setattr(rerun, "RACY_NS", -1)  # the copies just made are fingerprinted at once
    args = ("report", str(corpus), "--rules", str(RULES), "--format", "json", "--fail-on", "never")
    _invoke(*args, cache=cache)
    gone = sorted(p for p in corpus.rglob("*.txt"))[0]
    assert os.fsdecode(os.path.abspath(gone)) in _stats(cache)
    gone.unlink()
    store = caching.Cache(cache)
    now = time.time()
    # pruned at most once a day: the first run marked the time
    assert rerun.prune_stats(store, now) == 0
    assert os.fsdecode(os.path.abspath(gone)) in _stats(cache)
    assert rerun.prune_stats(store, now + rerun.PRUNE_STATS_EVERY + 1) == 1
    left = _stats(cache)
    assert os.fsdecode(os.path.abspath(gone)) not in left
    assert left and all(os.path.exists(p) for p in left)  # the rows of files still there stay
    assert rerun.prune_stats(store, now + rerun.PRUNE_STATS_EVERY + 2) == 0
    store.close()
    # and a run after the day is up prunes by itself
    with sqlite3.connect(cache / caching.FILE_NAME) as conn:
        conn.execute("UPDATE meta SET value = '0' WHERE name = 'stats_pruned'")
    second = sorted(p for p in corpus.rglob("*.txt"))[0]
    second.unlink()
    _invoke(*args, cache=cache)
    assert os.fsdecode(os.path.abspath(second)) not in _stats(cache)

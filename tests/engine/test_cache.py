"""The incremental cache: unchanged files are not extracted again, a changed file alone is,
and a cache that is corrupt, foreign, tampered with or killed midway is never trusted."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from procs import kcheck_process

from kcheck import cache as caching
from kcheck.extract import Extractor
from kcheck.pipeline import Settings, run
from kcheck.report import render
from kcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
REAL = ROOT.parent / "shared" / "realnews" / "corpus"
DEVCORPUS = ROOT / "tests" / "devcorpus" / "corpus"


@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    return load_rules(ROOT / "rules")


def _json(paths: tuple[str, ...], rules, cache_dir: Path | None, jobs: int = 1) -> str:  # type: ignore[no-untyped-def]
    return render(run(Settings(paths=paths, jobs=jobs, cache_dir=cache_dir), rules), "json")


class _Counting:
    """Counts Extractor.document calls (monkeypatched in this process: jobs=1)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.paths: list[str] = []
        original = Extractor.document

        def document(extractor, doc):  # type: ignore[no-untyped-def]
            self.paths.append(doc.path)
            return original(extractor, doc)

        monkeypatch.setattr(Extractor, "document", document)


@pytest.mark.parametrize(
    "corpus",
    [
        CORPUS,
        DEVCORPUS,
        pytest.param(REAL, marks=pytest.mark.skipif(not REAL.is_dir(), reason="no ../shared")),
    ],
    ids=["corpus", "devcorpus", "realnews"],
)
def test_cached_run_gives_the_same_report(corpus: Path, rules, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = (str(corpus),)
    fresh = _json(paths, rules, None)
    assert _json(paths, rules, tmp_path) == fresh  # cold: writes the cache
    assert _json(paths, rules, tmp_path) == fresh  # warm: every file from the cache


def test_unchanged_rerun_extracts_nothing_and_a_changed_file_only_itself(
    rules, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    cache_dir = tmp_path / "cache"
    counting = _Counting(monkeypatch)
    first = _json((str(corpus),), rules, cache_dir)
    assert len(counting.paths) == 5
    counting.paths.clear()
    assert _json((str(corpus),), rules, cache_dir) == first
    assert counting.paths == []
    changed = sorted(corpus.iterdir())[2]
    changed.write_text(changed.read_text(encoding="utf-8").replace("2020年", "2019年"), encoding="utf-8")
    again = _json((str(corpus),), rules, cache_dir)
    assert counting.paths == [str(changed)]
    assert again == _json((str(corpus),), rules, None)


def test_other_rules_do_not_read_this_rules_cache(
    rules, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    cache_dir = tmp_path / "cache"
    _json((str(CORPUS),), rules, cache_dir)
    other = rules.model_copy(update={"files": {}})  # same content: same key
    counting = _Counting(monkeypatch)
    _json((str(CORPUS),), other, cache_dir)
    assert counting.paths == []
    changed = rules.model_copy(update={"qualifiers": rules.qualifiers.model_copy(update={})})
    assert caching.rules_hash(changed) == caching.rules_hash(rules)
    assert caching.rules_hash(load_rules(None)) != "" and caching.code_hash() != ""


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda db: db.write_bytes(b"this is not a database" * 100), id="garbage"),
        pytest.param(lambda db: db.write_bytes(db.read_bytes()[: len(db.read_bytes()) // 2]), id="truncated"),
        pytest.param(
            lambda db: sqlite3.connect(db).executescript(
                "DROP TABLE files; DROP TABLE meta; CREATE TABLE other (x);"
            ),
            id="foreign",
        ),
        pytest.param(
            lambda db: sqlite3.connect(db, isolation_level=None).execute(
                "UPDATE meta SET value = 'kcheck-cache/0' WHERE name = 'format'"
            ),
            id="old-format",
        ),
    ],
)
def test_a_damaged_or_foreign_cache_is_rebuilt(damage, rules, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cache_dir = tmp_path / "cache"
    fresh = _json((str(CORPUS),), rules, cache_dir)
    db = cache_dir / caching.FILE_NAME
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    damage(db)
    assert _json((str(CORPUS),), rules, cache_dir) == fresh
    assert _json((str(CORPUS),), rules, cache_dir) == fresh
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM meta WHERE name='format'").fetchone() == (caching.FORMAT,)
        assert conn.execute("SELECT count(*) FROM files").fetchone() == (5,)


def test_an_older_cache_is_replaced_with_a_note_not_a_warning(
    rules, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    cache_dir = tmp_path / "cache"
    fresh = _json((str(CORPUS),), rules, cache_dir)
    db = cache_dir / caching.FILE_NAME
    with sqlite3.connect(db, isolation_level=None) as conn:
        conn.execute("UPDATE meta SET value = 'kcheck-cache/1' WHERE name = 'format'")
    caplog.set_level("INFO", logger="kcheck")
    assert _json((str(CORPUS),), rules, cache_dir) == fresh
    said = [(r.levelname, r.getMessage()) for r in caplog.records if "cache" in r.getMessage()]
    assert said == [
        (
            "INFO",
            f"cache {db} is of another kcheck version (kcheck-cache/1, not {caching.FORMAT}); starting a new one",
        )
    ]
    assert not list(cache_dir.glob("*.bad*"))  # nothing left aside: it was only a cache


def test_a_foreign_database_is_set_aside_with_a_warning(
    rules, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    db = cache_dir / caching.FILE_NAME
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE meta (name TEXT, value TEXT)")
        conn.execute("INSERT INTO meta VALUES ('format', 'someone-else/3')")
    _json((str(CORPUS),), rules, cache_dir)
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any("is corrupt or not kcheck's" in w for w in warnings)
    assert (cache_dir / f"{caching.FILE_NAME}.bad").is_file()  # someone's database: kept


@pytest.mark.parametrize(
    "tamper",
    [
        # the checksum no longer matches: a miss
        "UPDATE files SET value = replace(value, '1758', '1999')",
        # a row rewritten with a matching checksum but no valid claims: extracted again
        'UPDATE files SET value = \'{"info": {}, "sentences": [1], "claims": 3}\'',
    ],
    ids=["checksum", "models"],
)
def test_a_tampered_row_is_never_trusted(tamper: str, rules, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cache_dir = tmp_path / "cache"
    fresh = _json((str(CORPUS),), rules, cache_dir)
    with sqlite3.connect(cache_dir / caching.FILE_NAME, isolation_level=None) as conn:
        conn.execute(tamper)
        if "info" in tamper:
            for key, value in conn.execute("SELECT key, value FROM files").fetchall():
                conn.execute("UPDATE files SET checksum = ? WHERE key = ?", (caching._checksum(value), key))
    assert _json((str(CORPUS),), rules, cache_dir) == fresh
    assert _json((str(CORPUS),), rules, cache_dir) == fresh


def test_killing_a_run_midway_leaves_a_cache_the_next_run_uses(tmp_path: Path) -> None:
    archive = pytest.importorskip("archive_fixture").load()
    archive.build(tmp_path / "ar", 300, seed=11)
    articles, rules_dir = str(tmp_path / "ar" / "articles"), str(tmp_path / "ar" / "rules")
    cache_dir = tmp_path / "cache"
    env = {**os.environ, "KCHECK_CACHE_DIR": str(cache_dir)}
    common = ("report", articles, "--rules", rules_dir, "--format", "json", "--jobs", "1", "-q")
    proc = kcheck_process(*common, env=env)
    db = cache_dir / caching.FILE_NAME
    deadline = time.monotonic() + 120
    killed = False
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                rows = conn.execute("SELECT count(*) FROM files").fetchone()[0]
        except sqlite3.Error:
            rows = 0
        if rows:
            proc.send_signal(signal.SIGKILL)
            killed = True
            break
        time.sleep(0.05)
    proc.wait()
    fresh = kcheck_process(*common, "--no-cache", env=env).communicate()[0]
    resumed = kcheck_process(*common, env=env).communicate()[0]
    assert fresh.startswith(b"{") and resumed == fresh
    assert killed, "the run finished before its first batch was committed"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM files").fetchone() == (300,)


def test_two_runs_sharing_a_cache(tmp_path: Path) -> None:
    env = {**os.environ, "KCHECK_CACHE_DIR": str(tmp_path / "cache")}
    args = ("report", str(CORPUS), "--format", "json", "-q", "--rules", str(ROOT / "rules"))
    runs = [kcheck_process(*args, env=env) for _ in range(3)]
    outs = [p.communicate()[0] for p in runs]
    fresh = kcheck_process(*args, "--no-cache", env=env).communicate()[0]
    assert fresh.startswith(b"{") and outs == [fresh] * 3


def test_default_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert caching.default_dir() == tmp_path / "kcheck"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/dir")  # not absolute: ignored, as the spec says
    if sys.platform.startswith("linux"):
        assert caching.default_dir() == Path.home() / ".cache" / "kcheck"

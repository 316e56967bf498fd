"""The incremental cache: what load + extract made of each file, kept in one SQLite file.

A row is keyed by everything its value depends on: the file's name as shown (claims carry
it, and their ids hash it), the SHA-256 of its bytes, its ``sources.yaml`` entry, the
rules' hash and kcheck's version together with a hash of its own code (so a development
build never reads what another build wrote). A re-run over an unchanged archive reads and
hashes every file but extracts none; a changed file misses and is extracted alone.

Never trusted: the value is JSON (never pickle: a cache is a file anyone could have
written) read back through the pydantic models, and each row carries a BLAKE2 checksum of
its value. A row whose checksum or models do not match is a miss and is rewritten; a file
that is not an SQLite database, or whose ``meta`` table is not this format's, is moved
aside and rebuilt. Writes go in transactions (a run killed midway leaves the rows of the
batches it committed, each complete) and the database is in WAL mode with a busy timeout,
so two runs can share one cache directory.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kcheck.models import Claim, DocumentInfo, Suppression
    from kcheck.rules import RuleSet

log = logging.getLogger("kcheck")

FORMAT = "kcheck-cache/2"  # 2: the stats and runs tables of kcheck.rerun
FILE_NAME = "extract.sqlite3"
_BUSY_MS = 60_000
# a file's content hash under its stat fingerprint (kcheck.rerun): the path as bytes (a name
# need not be UTF-8), and (size, mtime_ns, ctime_ns, inode) as git's index keeps them
_STATS_TABLE = (
    "CREATE TABLE stats (path BLOB PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, "
    "ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, digest TEXT NOT NULL)"
)
# a whole run's output (kcheck.rerun): the key here, the output in the file runs/<checksum>
# beside the database (a report may exceed SQLite's 1 GB value limit)
_RUNS_TABLE = "CREATE TABLE runs (key TEXT PRIMARY KEY, checksum TEXT NOT NULL, used REAL NOT NULL)"


def default_dir() -> Path:
    """``$XDG_CACHE_HOME/kcheck`` (``~/.cache/kcheck``) on Linux and the BSDs,
    ``~/Library/Caches/kcheck`` on macOS, ``%LOCALAPPDATA%\\kcheck\\Cache`` on Windows."""
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "kcheck" / "Cache"
    if os.uname().sysname == "Darwin":
        return Path.home() / "Library" / "Caches" / "kcheck"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base_dir = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base_dir / "kcheck"


@cache
def code_hash() -> str:
    """kcheck's version and a hash of its own source: a cache written by other code is not read."""
    from kcheck import __version__

    root = Path(__file__).resolve().parent
    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    for path in sorted(root.rglob("*.py")):
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def rules_hash(rules: RuleSet) -> str:
    """The rules' content (not where they were read from)."""
    blob = rules.model_dump_json(exclude={"files"})
    return hashlib.blake2b(blob.encode(), digest_size=16).hexdigest()


def content_digest(raw: bytes) -> str:
    """A file's content hash (SHA-256, hex): part of its row key here, and of a run's key
    (kcheck.rerun), which learns it from the worker that read the file."""
    return hashlib.sha256(raw).hexdigest()


def file_key(display: str, content: str, manifest: str, context: str) -> str:
    """The row key of one file's extraction under one rules-and-code ``context``
    (``content``: :func:`content_digest` of its bytes)."""
    h = hashlib.blake2b(digest_size=20)
    for part in (context, display, manifest):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    h.update(bytes.fromhex(content))
    return h.hexdigest()


# --------------------------------------------------------------------------- the value


@dataclass
class Extracted:
    """One file's document and claims; ``payload`` is its compact JSON (sentences once)."""

    info: DocumentInfo
    claims: list[Claim]
    suppressions: list[Suppression] = field(default_factory=list)  # inline markers in the file


def encode(info: DocumentInfo, claims: list[Claim], suppressions: list[Suppression] | None = None) -> str:
    """JSON with each sentence written once and the claims pointing at it by number."""
    sentences: dict[str, int] = {}
    rows = []
    for claim in claims:
        row = claim.model_dump(mode="json", exclude_defaults=True)
        text = row.pop("sentence", "")
        row["s"] = sentences.setdefault(text, len(sentences))
        rows.append(row)
    return json.dumps(
        {
            "info": info.model_dump(mode="json"),
            "sentences": list(sentences),
            "claims": rows,
            "suppressions": [m.model_dump(mode="json") for m in suppressions or []],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def decode(payload: str) -> Extracted:
    """The value written by :func:`encode`; raises ValueError when it is not one."""
    from kcheck.models import Claim, DocumentInfo, Suppression  # only a run that checks decodes

    data = json.loads(payload)
    if not isinstance(data, dict):
        raise ValueError("not an object")
    sentences = data["sentences"]
    if not isinstance(sentences, list) or not all(isinstance(s, str) for s in sentences):
        raise ValueError("bad sentences")
    info = DocumentInfo.model_validate(data["info"])
    claims = []
    for row in data["claims"]:
        if not isinstance(row, dict):
            raise ValueError("bad claim")
        index = row.pop("s")
        if not isinstance(index, int) or not 0 <= index < len(sentences):
            raise ValueError("bad sentence index")
        claims.append(Claim.model_validate({**row, "sentence": sentences[index]}))
    markers = [Suppression.model_validate(m) for m in data.get("suppressions", [])]
    return Extracted(info=info, claims=claims, suppressions=markers)


def _checksum(payload: str) -> str:
    return hashlib.blake2b(payload.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


# --------------------------------------------------------------------------- the store


class OtherFormat(ValueError):
    """The database's ``meta`` names another format than :data:`FORMAT`."""

    def __init__(self, found: str) -> None:
        super().__init__(f"cache format {found!r}, not {FORMAT!r}")
        self.format = found
        # written by a kcheck of another version (not merely a table of that name)
        self.kcheck = found.startswith("kcheck-cache/")


class Cache:
    """One SQLite file; ``get`` and ``put`` never raise for a bad cache, they rebuild it."""

    def __init__(self, directory: Path, *, readonly: bool = False) -> None:
        self.directory = directory
        self.path = directory / FILE_NAME
        self.readonly = readonly
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self.hits = 0
        self.misses = 0

    # ------------------------------------------------------------ connection

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None:
            return self._db
        try:
            if self.readonly:
                if not self.path.is_file():
                    return None
                db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=_BUSY_MS / 1000)
                self._check(db)
            else:
                self.directory.mkdir(parents=True, exist_ok=True)
                db = self._open_writable()
        except (sqlite3.Error, OSError, ValueError) as exc:
            # a worker that finds no usable cache extracts; the run's owner reports problems
            (log.debug if self.readonly else log.warning)(
                "cache %s unusable (%s); running without it", self.path, exc
            )
            return None
        self._db = db
        return db

    def _open_writable(self) -> sqlite3.Connection:
        for attempt in range(2):
            db = sqlite3.connect(self.path, timeout=_BUSY_MS / 1000, isolation_level=None)
            try:
                db.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute("BEGIN IMMEDIATE")
                try:
                    db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
                    row = db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
                    if row is None:
                        tables = {
                            r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
                        }
                        if tables - {"meta"}:
                            raise ValueError("not a kcheck cache")
                        db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
                        db.execute(
                            "CREATE TABLE files (key TEXT PRIMARY KEY, checksum TEXT NOT NULL, value TEXT NOT NULL)"
                        )
                        db.execute(_STATS_TABLE)
                        db.execute(_RUNS_TABLE)
                    elif row[0] != FORMAT:
                        raise OtherFormat(str(row[0]))
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
                self._check(db)
                return db
            except (sqlite3.DatabaseError, ValueError) as exc:
                db.close()
                if attempt:
                    raise
                if isinstance(exc, OtherFormat) and exc.kcheck:
                    self._replace_older(exc.format)
                else:
                    self._set_aside(exc)
        raise AssertionError("unreachable")

    def _check(self, db: sqlite3.Connection) -> None:
        row = db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
        if row is None or row[0] != FORMAT:
            raise ValueError("not a kcheck cache")
        db.execute("SELECT key, checksum, value FROM files LIMIT 0")
        db.execute("SELECT path, size, mtime_ns, ctime_ns, inode, digest FROM stats LIMIT 0")
        db.execute("SELECT key, checksum, used FROM runs LIMIT 0")

    def _replace_older(self, found: str) -> None:
        """A cache another kcheck version wrote (its ``meta`` says so): only a cache, so it is
        removed and a new one started, with a note rather than a warning."""
        log.info(
            "cache %s is of another kcheck version (%s, not %s); starting a new one", self.path, found, FORMAT
        )
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{self.path}{suffix}")

    def _set_aside(self, why: Exception) -> None:
        """A corrupt or foreign file is renamed (not deleted: it may be someone's database)."""
        log.warning("cache %s is corrupt or not kcheck's (%s); rebuilding it", self.path, why)
        for suffix in ("", "-wal", "-shm"):
            old = Path(f"{self.path}{suffix}")
            if old.exists():
                with contextlib.suppress(OSError):
                    os.replace(old, Path(f"{self.path}.bad{suffix}"))

    def open(self) -> bool:
        """Create or check the database now (before worker processes look into it)."""
        with self._lock:
            return self._connect() is not None

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    # ------------------------------------------------------------ rows

    def get(self, key: str) -> tuple[str, Extracted] | None:
        """The value stored under ``key`` (payload and decoded), or None (absent or bad)."""
        payload = self.get_payload(key)
        if payload is None:
            self.misses += 1
            return None
        try:
            value = decode(payload)
        except (ValueError, KeyError, TypeError) as exc:
            log.debug("cache row %s rejected: %s", key, exc)
            self.misses += 1
            return None
        self.hits += 1
        return payload, value

    def get_payload(self, key: str) -> str | None:
        """The stored payload under ``key`` whose checksum matches (not decoded), or None."""
        with self._lock:
            db = self._connect()
            if db is None:
                return None
            row = self._select(db, key)
        if row is None or not isinstance(row[1], str) or row[0] != _checksum(row[1]):
            return None
        return str(row[1])

    def _select(self, db: sqlite3.Connection, key: str) -> Any:
        try:
            return db.execute("SELECT checksum, value FROM files WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError as exc:  # locked for too long, disk I/O: a miss
            log.warning("cache %s unreadable (%s)", self.path, exc)
        except sqlite3.DatabaseError as exc:  # malformed pages: never trust the rest of it
            self._broken(exc)
        return None

    def _broken(self, exc: Exception) -> None:
        self.close()
        if not self.readonly:
            self._set_aside(exc)
        else:
            log.warning("cache %s unreadable (%s)", self.path, exc)
            self._db = None

    def put_many(self, rows: Iterable[tuple[str, str]]) -> None:
        """Store (key, payload) rows in one transaction."""
        batch = [(key, _checksum(payload), payload) for key, payload in rows]
        if batch:
            self.write([("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", batch)])

    def query(self, sql: str, args: tuple[Any, ...] = ()) -> list[Any]:
        """The rows of one read; none when the cache is unusable or unreadable (a miss)."""
        with self._lock:
            db = self._connect()
            if db is None:
                return []
            try:
                return db.execute(sql, args).fetchall()
            except sqlite3.OperationalError as exc:  # locked for too long, disk I/O: a miss
                log.warning("cache %s unreadable (%s)", self.path, exc)
            except sqlite3.DatabaseError as exc:  # malformed pages: never trust the rest of it
                self._broken(exc)
            return []

    def write(self, statements: list[tuple[str, list[tuple[Any, ...]]]]) -> bool:
        """Run each (sql, rows) as executemany, all in one transaction: a run killed midway
        leaves all of it or none. False when nothing was written."""
        if self.readonly:
            return False
        with self._lock:
            db = self._connect()
            if db is None:
                return False
            try:
                db.execute("BEGIN IMMEDIATE")
                for sql, rows in statements:
                    db.executemany(sql, rows)
                db.execute("COMMIT")
                return True
            except sqlite3.Error as exc:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
                    self._broken(exc)
                else:
                    log.warning("cache %s not written (%s)", self.path, exc)
                return False

    def __getstate__(self) -> dict[str, Any]:
        return {"directory": self.directory, "readonly": self.readonly}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["directory"], readonly=state["readonly"])  # type: ignore[misc]

"""An unchanged re-run: the whole output of a `kcheck report` run, kept and replayed.

A run's output (the rendered report, its exit code, the messages it logged, the GitHub step
summary) is kept under a key of everything it depends on: kcheck's code and version, the
versions of the libraries that shape a finding, Python's, the time zone, the working
directory, the settings and report options, the listing of the inputs (every file's name as
shown, its ``sources.yaml`` entry, the problems met listing), and the content of every input
file, rules file (the built-in ones and ``--rules``), kcheck source file (:func:`_code`: what
``cache.code_hash`` reads whole, known here by fingerprint) and baseline. When the key matches, the
output is written again without loading the rules, reading the articles or decoding a claim.

Content is known without reading it the way git's index knows it: a file's hash is stored
with its stat fingerprint (size, mtime_ns, ctime_ns, inode); a file whose fingerprint
matches is not read again, any other is read and hashed: before the run when there are at
most :data:`HASH_AHEAD` of them (a replay is still possible), or else by the run itself, the
worker that reads a file telling its content hash (``Result.content``, gathered into
``Listing.read``), so a cold run over an archive has no serial pass reading every file
before the workers start, and is kept under the content it actually read. A file changed within the same
timestamp tick as it was hashed would keep its fingerprint (git's "racy" case): a
fingerprint is recorded only for a file unmodified for :data:`RACY_NS`. After the run, every
input is stat'ed again and the output is kept only if none changed meanwhile (it would not be
the output of what was hashed); a file that was too fresh to record when it was hashed and is
old enough by then is hashed again, the output kept only if its content is the same, and its
fingerprint recorded (one still too fresh is hashed on every run until it is old enough).

Never trusted: the output (a header line of JSON: exit code, messages; then the report)
lives in ``runs/<checksum>`` beside the SQLite file (a report may exceed SQLite's 1 GB value
limit), written to a temporary file and renamed into place; the ``runs`` table maps the key
to the checksum, its row written in one transaction once the file is in place. A run killed
midway leaves either no row (the file, if any, is removed later) or a row whose file is
complete. On reading, the file's checksum (SHA-256) must match the row's and the header must
have its shape; anything else is a miss, and the row is dropped.
Only the newest :data:`KEEP` outputs are kept, and the fingerprints of files that no longer
exist are dropped at most once per :data:`PRUNE_STATS_EVERY` (:func:`prune_stats`).
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import json
import logging
import os
import re
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from kcheck import cache as caching
from kcheck.cache import Cache
from kcheck.errors import LoadError
from kcheck.load import STDIN, Listing, list_sources
from kcheck.readfile import EMPTY, read_bytes
from kcheck.settings import Settings

log = logging.getLogger("kcheck")

FORMAT = "kcheck-run/1"
# a file modified less than this long ago is hashed on every run (timestamps may be as
# coarse as 2 s: FAT; most file systems tick in nanoseconds, some in jiffies)
RACY_NS = 3_000_000_000
KEEP = 4  # outputs kept, newest used first
# a replay records when it used its output only when the record is older than this (seconds):
# the write (a transaction, then SQLite's checkpoint with its fsyncs as the process ends) cost
# a replay more than reading a small report; which outputs are the newest is known to the hour
TOUCH_EVERY = 3600
# how often the fingerprints of files that no longer exist are dropped (seconds): it stats
# every row, and one cache may serve many projects
PRUNE_STATS_EVERY = 24 * 3600
RUNS_DIR = "runs"
# libraries whose version can change a finding or how it is written
_LIBRARIES = (
    "beautifulsoup4",
    "cn2an",
    "rapidfuzz",
    "pydantic",
    "pydantic-core",
    "PyYAML",
    "charset-normalizer",
    "python-dateutil",
    "opencc",
    "ahocorasick-rs",
    "chinese-calendar",
    "numpy",
    "pathspec",
)

Fingerprint = tuple[int, int, int, int]
# an input file in a run's key: its absolute path, its part of the key, its content hash (None
# until the run that reads it tells it)
FilePart = tuple[bytes, tuple[object, ...], str | None]

# a kept run's checksum (its file's name), which a replay computes over the whole report:
# SHA-256, which OpenSSL computes with the processor's SHA instructions where it has them
# (about twice the rate of hashlib's BLAKE2 on the 2-core benchmark machine)
CHECKSUM = hashlib.sha256


@dataclass
class Transcript:
    """What one run wrote: the report, its exit code, its log messages (level, text) and the
    GitHub step summary; replayed as they were."""

    # a fresh run: its chunks as rendered; replayed: the kept report's blocks (kcheck.output.Text)
    text: str | Iterable[str | bytes]
    code: int
    messages: list[tuple[int, str]] = field(default_factory=list)
    hidden: str | None = None  # the one line on stderr about findings --min-severity hides
    summary: str | None = None  # the GitHub step summary (--format github)
    # a fresh run: called once its report is out, with the file the run was kept in (None
    # when it was not); `kcheck explain`'s copy is written then (kcheck.lastrun.Recorder)
    finish: Callable[[Path | None], None] | None = None

    def header(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "code": self.code,
                "messages": self.messages,
                "hidden": self.hidden,
                "summary": self.summary,
            },
            ensure_ascii=False,
        )

    @classmethod
    def of(cls, header: str, text: str) -> Transcript:
        """Read back what :meth:`header` wrote; ValueError when it is not that."""
        data = json.loads(header)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a run header")
        code, messages = data["code"], data["messages"]
        hidden, summary = data["hidden"], data["summary"]
        if not isinstance(code, int) or not isinstance(messages, list):
            raise ValueError("bad header")
        said: list[tuple[int, str]] = []
        for item in messages:
            if not (
                isinstance(item, list)
                and len(item) == 2
                and isinstance(item[0], int)
                and isinstance(item[1], str)
            ):
                raise ValueError("bad message")
            said.append((item[0], item[1]))
        for value in (hidden, summary):
            if value is not None and not isinstance(value, str):
                raise ValueError("bad header")
        return cls(text=text, code=code, messages=said, hidden=hidden, summary=summary)


def _fingerprint(info: os.stat_result) -> Fingerprint:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def _hash_file(path: bytes) -> str:
    """The content hash of a file as the loader would read it: through
    :func:`kcheck.readfile.read_bytes`, so a FIFO, a device or a /proc file never blocks the
    run and nothing over the size limit is read. OSError when the file cannot be keyed (the
    run is then checked and not kept)."""
    try:
        raw = read_bytes(Path(os.fsdecode(path)), "")
    except LoadError as exc:
        if exc.reason != EMPTY:
            raise OSError(exc.reason) from None
        raw = b""
    return caching.content_digest(raw)


class Contents:
    """Content hashes of files through their stat fingerprints (see the module's notes)."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache
        self.seen: dict[bytes, Fingerprint] = {}  # every file hashed, as it was stat'ed
        self._fresh: list[tuple[bytes, int, int, int, int, str]] = []  # fingerprints to record
        self._racy: list[tuple[bytes, Fingerprint, str]] = []  # hashed too fresh to record
        # files stat'ed whose content the run that reads them tells (:meth:`learn`), and when
        self._deferred: dict[bytes, tuple[Fingerprint, int]] = {}

    def digests(self, paths: Sequence[bytes]) -> list[str]:
        """The content hash of each file (absolute paths); OSError when one cannot be read."""
        return [
            digest if digest is not None else self.hash(path)
            for path, digest in zip(paths, self.known(paths), strict=True)
        ]

    def known(self, paths: Sequence[bytes]) -> list[str | None]:
        """The content hash of each file whose fingerprint is recorded, None for the others
        (each stat'ed now: :meth:`hash` it, or :meth:`learn` its hash from the run that reads
        it); OSError when one cannot be stat'ed."""
        stored: dict[bytes, tuple[Fingerprint, str]] = {}
        for start in range(0, len(paths), 500):
            part = paths[start : start + 500]
            marks = ",".join("?" * len(part))
            for path, size, mtime, ctime, inode, digest in self.cache.query(
                f"SELECT path, size, mtime_ns, ctime_ns, inode, digest FROM stats WHERE path IN ({marks})",
                tuple(part),
            ):
                if isinstance(path, bytes) and isinstance(digest, str):
                    stored[path] = ((size, mtime, ctime, inode), digest)
        now = time.time_ns()
        out: list[str | None] = []
        seen, deferred, stat = self.seen, self._deferred, os.stat  # (100,000 files a re-run)
        for path in paths:
            info = stat(path)
            fingerprint = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
            seen[path] = fingerprint
            found = stored.get(path)
            if found is not None and found[0] == fingerprint:
                out.append(found[1])
            else:
                deferred[path] = (fingerprint, now)
                out.append(None)
        return out

    def hash(self, path: bytes) -> str:
        """Read and hash a file :meth:`known` did not know, now (OSError when it cannot be
        read, or changed while it was)."""
        digest = _hash_file(path)
        if _fingerprint(os.stat(path)) != self._deferred[path][0]:
            raise OSError(f"{os.fsdecode(path)} changed while it was read")
        self.learn(path, digest)
        return digest

    def learn(self, path: bytes, digest: str) -> None:
        """The content hash of a file :meth:`known` did not know, as it was read after it was
        stat'ed (by this process or a worker): its fingerprint is recorded with it if the file
        was then older than :data:`RACY_NS` (any later change moves its fingerprint, which
        :meth:`unchanged` compares), or else once it is (read again then: :meth:`_settle`)."""
        fingerprint, now = self._deferred.pop(path)
        if now - fingerprint[1] > RACY_NS and now - fingerprint[2] > RACY_NS:
            self._fresh.append((path, *fingerprint, digest))
        else:
            self._racy.append((path, fingerprint, digest))

    def unchanged(self) -> bool:
        """Whether every file hashed still has the fingerprint it had then, and every one that
        was too fresh to record then still the content it had. Those now older than
        :data:`RACY_NS` are read again to know it, and their fingerprints recorded: a file
        written just before a run (an archive copied in, then checked) is not read again by
        the next one."""
        try:
            if not all(_fingerprint(os.stat(p)) == f for p, f in self.seen.items()):
                return False
            return self._settle()
        except OSError:
            return False

    def _settle(self) -> bool:
        now = time.time_ns()
        fresh = []
        for path, fingerprint, digest in self._racy:
            if now - fingerprint[1] <= RACY_NS or now - fingerprint[2] <= RACY_NS:
                fresh.append((path, fingerprint, digest))  # hashed again by the next run
                continue
            # as when it was hashed: any change from now on moves the fingerprint
            if _hash_file(path) != digest or _fingerprint(os.stat(path)) != fingerprint:
                return False  # changed within one timestamp tick: the run read another text
            self._fresh.append((path, *fingerprint, digest))
        self._racy = fresh
        self.record()
        return True

    def record(self) -> None:
        """Store the fingerprints of the files hashed (one transaction)."""
        if self._fresh:
            self.cache.write([("INSERT OR REPLACE INTO stats VALUES (?, ?, ?, ?, ?, ?)", self._fresh)])
            self._fresh = []


def _tree(top: Path) -> list[tuple[str, bytes]]:
    """Every regular file under ``top`` (or ``top`` itself): (name relative to it, absolute path)."""
    if top.is_file():
        return [("", os.fsencode(os.path.abspath(top)))]
    found = []
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            if os.path.isfile(path):
                found.append((os.path.relpath(path, top), os.fsencode(os.path.abspath(path))))
    return found


def _code() -> list[tuple[str, bytes]]:
    """kcheck's own source files, the ones :func:`kcheck.cache.code_hash` hashes: (name
    relative to the package, absolute path). A run's key takes their content through their
    fingerprints (:class:`Contents`) like any input's, so a replay reads none of them."""
    package = Path(caching.__file__).resolve().parent
    found = []
    for dirpath, dirnames, filenames in os.walk(package):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith(".py"):
                path = os.path.join(dirpath, name)
                found.append((os.path.relpath(path, package), os.fsencode(path)))
    return found


def _versions() -> list[str]:
    from kcheck import __version__

    out = [sys.version, __version__, os.environ.get("TZ", ""), *time.tzname]
    return out + [f"{name}={version or '-'}" for name, version in installed(_LIBRARIES).items()]


def _normal(project: str) -> str:
    return re.sub(r"[-_.]+", "_", project).lower()


def installed(names: Sequence[str]) -> dict[str, str | None]:
    """The installed version of each of ``names`` (None: not installed), as
    ``importlib.metadata.version`` finds it: the first ``NAME-VERSION.dist-info`` directory
    on ``sys.path``. Read from the directories' names, without importing importlib.metadata
    and the e-mail parser it brings, which a replayed run needs for nothing else; a library
    found otherwise first (an ``.egg-info``, inside a zip) is asked of importlib.metadata."""
    wanted = {_normal(name): name for name in names}
    found: dict[str, str] = {}
    ask: set[str] = set()
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as listing:
                listed = [item.name for item in listing]
        except NotADirectoryError:  # a zip: its distributions are importlib.metadata's to find
            ask.update(key for key in wanted if key not in found)
            break
        except OSError:
            continue
        for item in listed:
            stem, dot, suffix = item.rpartition(".")
            if not dot or suffix not in ("dist-info", "egg-info"):
                continue
            project, dash, version = stem.partition("-")
            key = _normal(project)
            if key not in wanted or key in found or key in ask:
                continue
            if suffix == "dist-info" and dash and version:
                found[key] = version
            else:
                ask.add(key)
    versions: dict[str, str | None] = {}
    for key, name in wanted.items():
        if key in ask:
            from importlib import metadata

            try:
                versions[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                versions[name] = None
        else:
            versions[name] = found.get(key)
    return versions


@dataclass
class Key:
    """A run's key, and how to tell that its inputs did not change while it ran.

    ``digest`` is None while some file's content is to be learnt from the run that reads it
    (a cold run over many files is not preceded by a serial pass reading each one): nothing
    can be replayed then, and :meth:`still_valid` completes it from ``listing.read``."""

    digest: str | None
    contents: Contents
    listing: Listing | None = None  # the files keyed, for the run that checks them (listed once)
    # while ``digest`` is None: the hash of everything before the files, and each file's
    # absolute path, its part of the key, and its content hash where already known
    partial: Any = None
    files: list[FilePart] = field(default_factory=list)

    def still_valid(self) -> bool:
        """Whether the run read what the key says (every input's fingerprint unchanged since
        it was stat'ed, each content learnt from the run): the key is then complete."""
        if self.digest is None and not self._complete():
            return False
        return self.contents.unchanged()

    def _complete(self) -> bool:
        read = self.listing.read if self.listing is not None else {}
        h = self.partial.copy()
        for index, (path, parts, known) in enumerate(self.files):
            digest = known if known is not None else read.get(index)
            if digest is None:
                log.debug("this run is not kept: %s was not read", os.fsdecode(path))
                return False
            if known is None:
                self.contents.learn(path, digest)
            _add(h, *parts, digest)
        self.digest = h.hexdigest()
        return True


# files a run's key reads before the run when their fingerprints are not recorded (so a few
# touched or edited files can still find a kept run); with more, the run that reads them
# tells their content (a cold run over an archive is not preceded by a serial pass)
HASH_AHEAD = 256


def _add(h: Any, *parts: object) -> None:
    """Each part's text, then a unit separator; a record separator after the last (one
    update per record: a re-run hashes one record per input file)."""
    h.update("".join(f"{part}\x1f" for part in parts).encode("utf-8", "surrogateescape") + b"\x1e")


def key(
    cache: Cache,
    settings: Settings,
    rules_dirs: Iterable[Path],
    baseline: Path | None,
    options: Sequence[Any],
) -> Key | None:
    """The key of a run over ``settings.paths`` with these rules directories (the built-in
    one included), baseline and ``options`` (everything else that shapes the output, by
    ``repr``); None when the run cannot be keyed (standard input, an unreadable file).
    Incomplete (``digest`` None) when more than :data:`HASH_AHEAD` input files have no
    recorded fingerprint: the run then learns their content as it reads them."""
    if STDIN in settings.paths:
        return None
    listing = list_sources(settings.paths, settings.selection, settings.root)
    contents = Contents(cache)
    h = hashlib.blake2b(digest_size=20)
    _add(h, FORMAT, *_versions())
    _add(h, os.getcwd(), settings.paths, settings.selection, settings.root, *(repr(o) for o in options))
    try:
        trees = [("code", "", _code())] + [("rules", directory, _tree(directory)) for directory in rules_dirs]
        for kind, directory, tree in trees:
            _add(h, kind, directory, len(tree))
            for (name, _), digest in zip(tree, contents.digests([p for _, p in tree]), strict=True):
                _add(h, name, digest)
        if baseline is not None:
            _add(h, "baseline", baseline, *contents.digests([os.fsencode(os.path.abspath(baseline))]))
        for problem in listing.problems:
            _add(h, "problem", problem.model_dump_json())
        paths = _absolute([s.path for s in listing.sources])
        known = contents.known(paths)
        unknown = [i for i, digest in enumerate(known) if digest is None]
        ahead = len(unknown) <= HASH_AHEAD
        if ahead:
            for i in unknown:
                known[i] = contents.hash(paths[i])
        files: list[FilePart] = []
        for source, before, path, content in zip(listing.sources, listing.before, paths, known, strict=True):
            manifest = source.manifest.model_dump_json() if source.manifest is not None else ""
            files.append((path, ("file", source.display, source.path, manifest, before), content))
    except OSError as exc:
        log.debug("this run is not kept: %s", exc)
        return None
    contents.record()
    wanted = Key(digest=None, contents=contents, listing=listing, partial=h, files=files)
    if ahead:
        wanted._complete()
    return wanted


def _absolute(paths: Sequence[Path]) -> list[bytes]:
    """``os.fsencode(os.path.abspath(path))`` of each file, its directory made absolute once
    for all the files in it (a file's name is never ``.`` or ``..``)."""
    directories: dict[str, str] = {}
    out = []
    for path in paths:
        directory, name = os.path.split(path)
        absolute = directories.get(directory)
        if absolute is None:
            absolute = directories[directory] = os.path.join(os.path.abspath(directory), "")
        out.append(os.fsencode(absolute + name))
    return out


# --------------------------------------------------------------------------- the outputs


def _runs_dir(cache: Cache) -> Path:
    return cache.directory / RUNS_DIR


def recall(cache: Cache, wanted: Key) -> Transcript | None:
    """The output kept under ``wanted``, or None (absent, incomplete or tampered with).

    The kept file is checked whole before anything is replayed, then streamed out from the
    same open file a block at a time: a report of a large archive (over a gigabyte) is never
    held in memory. The blocks go out as the UTF-8 bytes they are (nothing decoded and
    encoded again) unless the text holds a lone surrogate, which each output writes its own
    way (kcheck.output)."""
    if wanted.digest is None:  # some inputs are read by the run itself: none was kept
        return None
    rows = cache.query("SELECT checksum, used FROM runs WHERE key = ?", (wanted.digest,))
    if not rows:
        return None
    checksum, used = rows[0]
    try:
        if not isinstance(checksum, str) or not checksum.isalnum():
            raise ValueError("bad row")
        fh = (_runs_dir(cache) / checksum).open("rb")
    except (OSError, ValueError) as exc:
        _reject(cache, wanted, exc)
        return None
    try:
        first = fh.readline()  # the header: one line of JSON (a line break is never inside
        digest = CHECKSUM(first)  # a UTF-8 sequence)
        sums = []  # each block's CRC-32, to compare the replayed blocks with
        surrogate = False
        last = b""
        for block in iter(lambda: fh.read(_BLOCK), b""):
            digest.update(block)
            sums.append(zlib.crc32(block))
            surrogate = surrogate or _has_surrogate(last[-1:] + block[:1]) or _has_surrogate(block)
            last = block
        if digest.hexdigest() != checksum:
            raise ValueError("checksum mismatch")
        header, newline, _ = first.decode("utf-8", "surrogatepass").partition("\n")
        if not newline:
            raise ValueError("no header")
        transcript = Transcript.of(header, "")
        fh.seek(len(first))
    except (OSError, ValueError, KeyError) as exc:
        fh.close()
        _reject(cache, wanted, exc)
        return None
    transcript.text = (
        _replayed(fh, sums, checksum) if not surrogate else _decoded(_replayed(fh, sums, checksum))
    )
    now = time.time()
    if not isinstance(used, (int, float)) or not 0 <= now - used < TOUCH_EVERY:
        cache.write([("UPDATE runs SET used = ? WHERE key = ?", [(now, wanted.digest)])])
    return transcript


_BLOCK = 1 << 20  # bytes read at a time from a kept run


def _has_surrogate(data: bytes) -> bool:
    """Whether ``data`` holds a lone surrogate as ``surrogatepass`` writes it (ED A0..BF: never
    in strict UTF-8; Chinese text has no ED lead byte at all)."""
    at = data.find(b"\xed")
    while at != -1:
        if at + 1 < len(data) and 0xA0 <= data[at + 1] <= 0xBF:
            return True
        at = data.find(b"\xed", at + 1)
    return False


def _reject(cache: Cache, wanted: Key, why: Exception) -> None:
    log.debug("kept run %s rejected: %s", wanted.digest, why)
    cache.write([("DELETE FROM runs WHERE key = ?", [(wanted.digest,)])])


def _replayed(fh: BinaryIO, sums: Sequence[int], checksum: str) -> Iterator[bytes]:
    """The kept report after its header, a block at a time from the open file :func:`recall`
    checked, each block compared with the one checked before it goes out (kept files are
    replaced, never rewritten: only damage on the disk could change one in between, an
    error then)."""
    with fh:
        count = 0
        for block in iter(lambda: fh.read(_BLOCK), b""):
            if count >= len(sums) or zlib.crc32(block) != sums[count]:
                raise OSError(f"a kept run changed while it was replayed ({checksum})")
            count += 1
            yield block
    if count != len(sums):
        raise OSError(f"a kept run changed while it was replayed ({checksum})")


def _decoded(blocks: Iterable[bytes]) -> Iterator[str]:
    """The blocks as text (a lone surrogate as it was), a character cut between two whole."""
    decoder = codecs.getincrementaldecoder("utf-8")("surrogatepass")
    for block in blocks:
        text = decoder.decode(block)
        if text:
            yield text
    rest = decoder.decode(b"", final=True)
    if rest:
        yield rest


def keep(cache: Cache, wanted: Key, transcript: Transcript) -> None:
    """Keep ``transcript`` under ``wanted`` unless an input changed while the run read it."""
    for _chunk in keeping(cache, wanted, transcript):
        pass


def keeping(
    cache: Cache, wanted: Key, transcript: Transcript, kept: Callable[[Path], None] | None = None
) -> Iterator[str | bytes]:
    """The report's chunks as they are written out, a copy kept under ``wanted`` on the way
    (the report never sits in memory whole). The copy is kept only when every chunk was
    written (a reader that stops early, `| head`, keeps nothing) and no input changed while
    the run read it; a copy that cannot be written never stops the report itself. ``kept``
    is told the file once the copy is kept (its name is its checksum)."""
    chunks: Iterable[str | bytes] = [transcript.text] if isinstance(transcript.text, str) else transcript.text
    if cache.readonly:
        yield from chunks
        return
    directory = _runs_dir(cache)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        import tempfile  # a replay writes no copy: not imported for it

        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=directory)
    except OSError as exc:
        log.warning("cache %s not written (%s)", directory, exc)
        yield from chunks
        return
    # one file: the header (one line of JSON) and the report, under one checksum; any str
    # (a lone surrogate from a file name included) comes back as it was
    digest = CHECKSUM()
    complete = False
    try:
        with os.fdopen(fd, "wb") as fh:
            copying = True

            def put(text: str | bytes) -> None:
                nonlocal copying
                if not copying:
                    return
                raw = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
                digest.update(raw)
                try:
                    fh.write(raw)
                except OSError as exc:
                    log.warning("cache %s not written (%s)", directory, exc)
                    copying = False

            put(transcript.header() + "\n")
            for chunk in chunks:
                raw = _utf8(chunk)
                put(chunk if raw is None else raw)
                # the bytes just encoded go out as they are (encoded once, not again by
                # the writer); a chunk that UTF-8 cannot encode goes as it came
                yield chunk if raw is None else raw
            if copying:
                fh.flush()
                os.fsync(fh.fileno())
                complete = True
    except OSError as exc:
        log.warning("cache %s not written (%s)", directory, exc)
    finally:
        if not complete:
            Path(tmp).unlink(missing_ok=True)
    if not complete:
        return
    checksum = digest.hexdigest()
    target = directory / checksum
    try:
        if not wanted.still_valid():
            Path(tmp).unlink(missing_ok=True)
            return
        if target.is_file():
            Path(tmp).unlink(missing_ok=True)
        else:
            os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        log.warning("cache %s not written (%s)", directory, exc)
        return
    now = time.time()
    if cache.write([("INSERT OR REPLACE INTO runs VALUES (?, ?, ?)", [(wanted.digest, checksum, now)])]):
        _prune(cache, now)
        prune_stats(cache, now)
        if kept is not None:
            kept(target)


def _utf8(chunk: str | bytes) -> bytes | None:
    """A report's chunk as UTF-8, or None when it holds a lone surrogate (a file name's
    undecodable byte): the copy keeps that as it was, the output decides what to write."""
    if isinstance(chunk, bytes):
        return chunk
    try:
        return chunk.encode("utf-8")
    except UnicodeEncodeError:
        return None


def _prune(cache: Cache, now: float) -> None:
    """Only the newest KEEP rows stay; files no row names are removed once they are old
    enough not to be another run's, written but not yet recorded."""
    old = cache.query("SELECT key FROM runs ORDER BY used DESC LIMIT -1 OFFSET ?", (KEEP,))
    if old:
        cache.write([("DELETE FROM runs WHERE key = ?", [(k,) for (k,) in old])])
    named = {c for (c,) in cache.query("SELECT checksum FROM runs")}
    with contextlib.suppress(OSError):
        for entry in os.scandir(_runs_dir(cache)):
            if entry.name not in named and now - entry.stat().st_mtime > 600:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def prune_stats(cache: Cache, now: float) -> int:
    """Drop the fingerprints of files that no longer exist (a file that changed has its row
    replaced; one deleted or renamed would keep it for ever), at most once per
    :data:`PRUNE_STATS_EVERY`. The number of rows dropped."""
    rows = cache.query("SELECT value FROM meta WHERE name = 'stats_pruned'")
    try:
        if rows and now - float(rows[0][0]) < PRUNE_STATS_EVERY:
            return 0
    except (TypeError, ValueError):
        pass  # an unreadable mark: prune, and write a good one
    gone = []
    for (path,) in cache.query("SELECT path FROM stats"):
        try:
            os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            gone.append((path,))
        except (OSError, TypeError, ValueError):
            continue  # not readable now (permissions, a mount): kept
    cache.write(
        [
            ("DELETE FROM stats WHERE path = ?", gone),
            ("INSERT OR REPLACE INTO meta VALUES ('stats_pruned', ?)", [(repr(now),)]),
        ]
    )
    return len(gone)

"""Where reports go: files written atomically and safely, stdout written completely.

A report file is never written onto an input (the next run would read the report as an
article), into an input directory, onto a device, FIFO or directory, or through a symbolic
link it would replace. It is created with the user's umask (a CI artifact or a shared
report must stay readable by others), an existing file keeps its mode, and a SIGTERM in
the middle of a write leaves no temporary file behind. stdout is written in chunks and
every write is checked: a report cut short is an error, never a silent exit 0.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import signal
import stat
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import BinaryIO, TextIO

from kcheck import escape
from kcheck.errors import OutputError

CHUNK = 1 << 20  # one write() per MiB: far below the 2 GiB a single write() may move on Linux

# What is written: a string, or its chunks as a renderer streams them; or chunks of UTF-8
# bytes of a text without lone surrogates (a kept report replayed, kcheck.rerun), written
# as they are where the output is UTF-8, decoded (across chunk boundaries) where it is not.
Text = str | Iterable[str | bytes]


def _is_within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def among_inputs(path: Path, inputs: Sequence[str]) -> bool:
    """True when ``path`` (links resolved) is one of ``inputs`` or inside one of them."""
    real = os.path.realpath(path)
    return any(_is_within(real, os.path.realpath(given)) for given in inputs)


def check_target(path: Path, inputs: Sequence[str] = ()) -> None:
    """Raise OutputError when writing ``path`` would replace an input, a link or a device."""
    shown = escape.display_path(path)
    try:
        info = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        info = None  # creating it (or its directory) reports any problem
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write: {exc.strerror or exc}") from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise OutputError(
                f"{shown}: cannot write: it is a symbolic link; kcheck does not replace links (name the file itself)"
            )
        if not stat.S_ISREG(info.st_mode):
            kind = (
                "a directory"
                if stat.S_ISDIR(info.st_mode)
                else "not a regular file (a device, FIFO or socket)"
            )
            raise OutputError(f"{shown}: cannot write: it is {kind}; kcheck writes only regular files")
    # the place the file would land, with every link in its directory resolved
    real = os.path.join(os.path.realpath(path.parent if str(path.parent) else "."), path.name)
    for given in inputs:
        root = os.path.realpath(given)
        if _is_within(real, root):
            raise OutputError(
                f"{shown}: cannot write: it is inside the input {escape.display_path(given)}; "
                "kcheck never writes among the files it reads"
            )


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    """Turn SIGTERM into SystemExit while a file is written, so ``finally`` blocks run."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _pieces(text: Text) -> Iterable[str | bytes]:
    return (text,) if isinstance(text, str) else text


def _texts(text: Text) -> Iterator[str]:
    """The chunks as strings: UTF-8 bytes decoded, a character cut between two chunks whole."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    for piece in _pieces(text):
        decoded = decoder.decode(piece) if isinstance(piece, bytes) else piece
        if decoded:
            yield decoded
    decoder.decode(b"", final=True)  # a character cut at the end: an error, not dropped


def _encoded(text: Text, encoding: str, errors: str) -> Iterator[bytes]:
    """The chunks in ``encoding``; UTF-8 bytes go as they are when that is the encoding."""
    if codecs.lookup(encoding).name == "utf-8":
        for piece in _pieces(text):
            yield piece if isinstance(piece, bytes) else piece.encode(encoding, errors)
    else:
        for decoded in _texts(text):
            yield decoded.encode(encoding, errors)


def write_atomic(path: Path, text: Text, inputs: Sequence[str] = ()) -> None:
    """Write ``text`` (a string, or its chunks as a renderer streams them) to ``path`` via a
    temporary file in the same directory and a rename.

    ``inputs`` are the paths the run read: ``path`` may be neither one of them nor inside one.
    The directory must exist: a typo in ``-o reprots/x.json`` should not create ``reprots/``.
    """
    check_target(path, inputs)
    directory = path.parent if str(path.parent) else Path(".")
    shown = escape.display_path(path)
    if not directory.is_dir():
        problem = "is not a directory" if directory.exists() else "does not exist"
        raise OutputError(f"{shown}: cannot write: directory {escape.display_path(directory)} {problem}")
    try:
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)  # replacing a file keeps its mode
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        import tempfile  # (and shutil below) not for stdout: a replayed run starts without them

        with _sigterm_raises():
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
            try:
                with os.fdopen(fd, "wb") as fh:
                    for data in _encoded(text, "utf-8", "strict"):
                        fh.write(data)
                    fh.flush()
                    os.fchmod(fh.fileno(), mode)
                    os.fsync(fh.fileno())
                check_target(path, inputs)  # nothing swapped in a link or a device meanwhile
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write: {exc.strerror or exc}") from None


def write_stdout(text: Text, stream: TextIO | None = None) -> None:
    """Write all of ``text`` (a string, or its chunks; see :data:`Text`) to stdout, checking
    every write; OutputError when it fails.

    BrokenPipeError (the reader stopped, ``| head``) is left to the caller.
    """
    out = stream if stream is not None else sys.stdout
    buffer: BinaryIO | None = getattr(out, "buffer", None)
    if buffer is None:
        for piece in _texts(text):
            out.write(piece)
        out.flush()
        return
    try:
        out.flush()
        done = 0
        for encoded in _encoded(text, out.encoding or "utf-8", "backslashreplace"):
            data = memoryview(encoded)
            at = 0
            while at < len(data):
                written = buffer.write(data[at : at + CHUNK])
                if not written:
                    raise OutputError(
                        f"stdout: short write: the report stops after {done + at} bytes written"
                    )
                at += written
            done += len(data)
        buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(f"stdout: cannot write the report: {exc.strerror or exc}") from None


def append_step_summary(text: str) -> None:
    """Append to the file GitHub Actions names in $GITHUB_STEP_SUMMARY (other steps write there too)."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise OutputError(f"{target}: cannot append the step summary: {exc.strerror or exc}") from None


def color_wanted(choice: str, stream: TextIO, *, to_file: bool = False) -> bool:
    """Whether to colour output on ``stream``: ``always`` / ``never`` decide; ``auto`` colours
    a terminal, except when NO_COLOR is set (https://no-color.org) or TERM=dumb, and
    FORCE_COLOR (https://force-color.org) colours even a pipe. A file is never coloured
    unless ``always``."""
    if choice == "always":
        return True
    if choice == "never" or to_file:
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


DEFAULT_WIDTH = 100  # what a report is laid out for when it is not going to a terminal


def terminal_width(output: Path | None) -> int | None:
    """The terminal's width when stdout is one (``COLUMNS`` overrides), else None (no limit)."""
    import sys

    if output is not None:
        return None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if not sys.stdout.isatty():
        return None
    import shutil

    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns

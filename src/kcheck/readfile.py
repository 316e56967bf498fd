"""Read one input file safely: a regular file only, without blocking, to a size limit.

Articles, rules files, ``sources.yaml`` and baselines all come through here, so a FIFO,
a device or ``/proc/kmsg`` (a regular file that blocks) never stalls a run and no file
larger than its limit is held in memory, whatever ``st_size`` says.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from kcheck.errors import LoadError

__all__ = ["EMPTY", "MAX_BYTES", "MB", "STDIN", "STDIN_NAME", "read_bytes"]

# the PATH that means "one article on standard input", and how that article is named
STDIN = "-"
STDIN_NAME = "stdin"

MB = 1024 * 1024
READ_CHUNK = MB
# never wait for a writer (FIFO) or for data (/proc/kmsg, a terminal); never become a
# controlling terminal
_READ_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
)
MAX_BYTES = 16 * MB  # a news article is tens of kilobytes; 16 MB is a page with inlined images
EMPTY = "empty file"  # the reason a file with no bytes is refused


def read_bytes(path: Path, display: str, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes, refusing what is not a regular file or is larger than ``limit``.

    The file is opened without blocking (a FIFO or a device never stalls the run, nor does
    ``/proc/kmsg``) and checked again once open (``fstat``: what was opened is what was
    checked); it is read up to ``limit`` + 1 bytes whatever ``st_size`` claims (``/proc``
    files report 0, a growing file more than it had).
    """
    limit_mb = f"{limit / MB:g} MB"
    try:
        info = path.stat()
        _regular(info, display)
        if info.st_size > limit:
            raise LoadError(display, f"file too large ({info.st_size / MB:.1f} MB > limit {limit_mb})")
        fd = os.open(path, _READ_FLAGS)
        try:
            _regular(os.fstat(fd), display)
            chunks: list[bytes] = []
            size = 0
            while size <= limit:
                chunk = os.read(fd, min(READ_CHUNK, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise LoadError(display, "no such file or directory") from None
    except PermissionError:
        raise LoadError(display, "cannot read: permission denied") from None
    except BlockingIOError:
        raise LoadError(display, "cannot read: it would block (not an ordinary file)") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LoadError(display, "cannot read: symbolic link loop") from None
        raise LoadError(display, f"cannot read: {exc.strerror or exc}") from None
    raw = b"".join(chunks)
    if len(raw) > limit:  # it grew while we looked, or st_size did not tell
        raise LoadError(display, f"file too large (> limit {limit_mb})")
    if not raw:
        raise LoadError(display, EMPTY)
    return raw


def read_stream(stream: BinaryIO, display: str, limit: int = MAX_BYTES) -> bytes:
    """What a stream (standard input) holds, refusing more than ``limit`` bytes."""
    raw = stream.read(limit + 1)
    if len(raw) > limit:
        raise LoadError(display, f"file too large (> limit {limit / MB:g} MB)")
    if not raw:
        raise LoadError(display, EMPTY)
    return raw


def _regular(info: os.stat_result, display: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(
            display,
            "is a directory"
            if stat.S_ISDIR(info.st_mode)
            else "not a regular file (a device, FIFO or socket)",
        )

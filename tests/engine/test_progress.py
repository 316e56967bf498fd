"""The progress line: drawn on a terminal, never otherwise."""

from __future__ import annotations

import io

from kcheck.progress import Progress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_is_written_when_stderr_is_not_a_terminal() -> None:
    stream = io.StringIO()
    bar = Progress(3, stream)
    for n in range(3):
        bar.advance(claims=n)
    bar.set_stage("group")
    bar.close()
    assert stream.getvalue() == ""


def test_a_terminal_gets_one_line_redrawn_and_erased() -> None:
    stream = _Tty()
    bar = Progress(2, stream)
    bar.advance(claims=5, cached=True)
    bar.advance(claims=9)
    out = stream.getvalue()
    assert "2/2 files, 9 claims, 1 cached" in out
    assert "\n" not in out
    bar.close()
    assert stream.getvalue().endswith("\r\x1b[2K")


def test_disabled_even_on_a_terminal() -> None:  # -q
    stream = _Tty()
    bar = Progress(1, stream, enabled=False)
    bar.advance(claims=1)
    bar.close()
    assert stream.getvalue() == ""

"""pipeline.paused_collection: a report rendered with the cycle collector paused (the
pipeline's one marked speed trick), lazily, and the collector always turned back on
(`kcheck report` rendering through it: tests/test_cli.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from kcheck import pipeline


def _chunks(seen: list[bool]) -> Iterator[str]:
    for text in ("a", "b", "c"):
        seen.append(gc.isenabled())
        yield text


def test_render_runs_when_drawn_with_the_collector_paused() -> None:
    seen: list[bool] = []
    started: list[bool] = []

    def render() -> Iterator[str]:
        started.append(gc.isenabled())
        return _chunks(seen)

    chunks = pipeline.paused_collection(render)
    assert started == []  # nothing rendered before the first chunk is asked for
    assert gc.isenabled()
    assert "".join(chunks) == "abc"
    assert started == [False]
    assert seen == [False, False, False]
    assert gc.isenabled()  # on again once drawn to the end


def test_collector_back_on_when_the_reader_stops_early() -> None:
    chunks = pipeline.paused_collection(lambda: _chunks([]))
    assert next(chunks) == "a"
    assert not gc.isenabled()
    chunks.close()  # `| head`: the writer stops drawing
    assert gc.isenabled()


def test_collector_back_on_after_a_renderer_fails() -> None:
    def render() -> Iterator[str]:
        yield "a"
        raise ValueError("broken renderer")

    with pytest.raises(ValueError, match="broken renderer"):
        list(pipeline.paused_collection(render))
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused() -> None:
    gc.disable()
    try:
        assert list(pipeline.paused_collection(lambda: iter(["x"]))) == ["x"]
        assert not gc.isenabled()
    finally:
        gc.enable()

"""The local engine's worker pool: the parent gathers the workers' claims with the cycle
collector paused (pipeline.without_cycle_collection), the workers run with it on."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from kcheck import pipeline
from kcheck.engine import Job, local
from kcheck.rules import load_rules


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    module = pytest.importorskip("archive_fixture").load()
    root = tmp_path_factory.mktemp("archive")
    module.build(root, 2 * local.CHUNK * 2 + 10, seed=5)  # enough files for two workers
    return root


_CHUNK = local._chunk


def _worker_spy(sources):  # type: ignore[no-untyped-def]
    """local._chunk, noting whether the worker's collector is on (a forked worker inherits
    this module and the environment)."""
    with open(os.environ["KCHECK_TEST_WORKERS"], "a", encoding="ascii") as fh:
        fh.write(f"{gc.isenabled()}\n")
    return _CHUNK(sources)


def test_pooled_is_two_chunks_per_worker() -> None:
    assert local.pooled(2 * local.CHUNK * 2, 2)
    assert not local.pooled(2 * local.CHUNK * 2 - 1, 2)
    assert not local.pooled(10_000, 1)


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_collector_is_paused_only_while_a_pool_is_gathered(
    jobs: int, archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    gather = pipeline.gather

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return gather(*args, **kwargs)

    workers = tmp_path / "workers.txt"
    monkeypatch.setattr(pipeline, "gather", spy)
    forked = local._context().get_start_method() == "fork"
    if forked:  # a spawned worker would not find this module's spy
        monkeypatch.setenv("KCHECK_TEST_WORKERS", str(workers))
        monkeypatch.setattr(local, "_chunk", _worker_spy)
    settings = pipeline.Settings(paths=(str(archive / "articles"),), jobs=jobs)
    extraction = pipeline.collect(settings, load_rules(archive / "rules"))
    assert extraction.claims
    assert seen == [jobs == 1]  # paused in the parent only when workers extracted
    assert gc.isenabled()  # and on again afterwards
    if jobs == 2 and forked:
        said = workers.read_text(encoding="ascii").split()
        assert said and set(said) == {"True"}  # every worker turned it back on


def test_a_started_worker_freezes_what_it_starts_with(archive: Path) -> None:
    """A worker freezes its heap once started (gc.freeze): the collector never walks the
    parent's pages, the rules or the extractor again."""
    frozen = gc.get_freeze_count()
    try:
        local._start(Job.of(load_rules(archive / "rules"), None))
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
        local._worker = None

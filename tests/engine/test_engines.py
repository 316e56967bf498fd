"""Every engine gives the same report: one process, worker processes (--jobs), Dask."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kcheck.pipeline import Settings, run
from kcheck.report import render
from kcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
REAL = ROOT.parent / "shared" / "realnews" / "corpus"
# the dev corpus's appl cluster: an undated 双11期间 that takes another article's campaign span
APPL = ROOT / "tests" / "devcorpus" / "corpus"

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """Two workers in this process (threads): quick to start, and the tasks still pickle."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def _report(paths: tuple[str, ...], rules_dir: Path, **settings: object) -> str:
    report = run(Settings(paths=paths, **settings), load_rules(rules_dir))  # type: ignore[arg-type]
    return render(report, "json")


@pytest.mark.parametrize(
    "corpus",
    [CORPUS, pytest.param(REAL, marks=pytest.mark.skipif(not REAL.is_dir(), reason="no ../shared"))],
    ids=["corpus", "realnews"],
)
def test_dask_report_is_the_local_report(corpus: Path, cluster: str) -> None:
    local = _report((str(corpus),), ROOT / "rules", jobs=1)
    assert _report((str(corpus),), ROOT / "rules", engine="dask", scheduler=cluster) == local


def test_dask_dates_a_festival_window_by_the_campaign_as_locally(cluster: str, tmp_path: Path) -> None:
    corpus = tmp_path / "appl"
    corpus.mkdir()
    for path in sorted(APPL.glob("appl*")):
        (corpus / path.name).write_bytes(path.read_bytes())
    local = _report((str(corpus),), ROOT / "rules", jobs=1)
    assert "campaign span the corpus states" in local  # the link this test is about is made
    assert _report((str(corpus),), ROOT / "rules", engine="dask", scheduler=cluster) == local


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    module = pytest.importorskip("archive_fixture").load()
    root = tmp_path_factory.mktemp("archive")
    module.build(root, 2000, seed=3)
    return root


def test_a_generated_archive_gives_one_report_whatever_the_engine(
    archive: Path, cluster: str, tmp_path: Path
) -> None:
    """2,000 articles: worker processes writing the cache, Dask reading it, one process
    reading it: the same bytes. (Each engine's extraction without the cache is compared on
    corpus/ and realnews above and in test_cache.)"""
    paths, rules_dir = (str(archive / "articles"),), archive / "rules"
    parallel = _report(paths, rules_dir, jobs=2, cache_dir=tmp_path)
    assert '"value_mismatch"' in parallel
    assert _report(paths, rules_dir, engine="dask", scheduler=cluster, cache_dir=tmp_path) == parallel
    assert _report(paths, rules_dir, jobs=1, cache_dir=tmp_path) == parallel


def test_worker_processes_give_the_one_process_report(archive: Path) -> None:
    """Enough files for the pool (two chunks per worker), no cache: extraction in workers."""
    files = sorted((archive / "articles").rglob("*"))[:200]
    paths = tuple(str(f) for f in files if f.is_file())
    rules_dir = archive / "rules"
    assert _report(paths, rules_dir, jobs=2) == _report(paths, rules_dir, jobs=1)

"""Every kcheck run of the test suite (CLI, subprocesses) caches into a temporary directory,
never into the user's cache: one per test, so that a report a test fakes (a monkeypatched
pipeline) is never the one another test's unchanged re-run replays."""

from __future__ import annotations

from pathlib import Path

import pytest

from kcheck.models import Claim

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("kcheck-cache")))


@pytest.fixture(scope="module")
def corpus_claims() -> list[Claim]:
    """The bundled corpus's claims as a worker extracts them, made afresh for each test module
    (a module may compact or change them in place)."""
    from kcheck.engine import Job, Worker
    from kcheck.load import Source
    from kcheck.rules import load_rules

    worker = Worker(Job.of(load_rules(), None))
    claims: list[Claim] = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        result = worker.process(Source(path=path, display=str(path.relative_to(ROOT))))
        assert result.extracted is not None
        claims.extend(result.extracted.claims)
    return claims

"""Every kcheck run of the test suite (CLI, subprocesses) caches into a temporary directory,
never into the user's cache: one per test, so that a report a test fakes (a monkeypatched
pipeline) is never the one another test's unchanged re-run replays."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("kcheck-cache")))

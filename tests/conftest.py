"""Every kcheck run of the test suite (CLI, subprocesses) caches into a temporary directory,
never into the user's cache."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    before = os.environ.get("KCHECK_CACHE_DIR")
    os.environ["KCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("kcheck-cache"))
    yield
    if before is None:
        os.environ.pop("KCHECK_CACHE_DIR", None)
    else:
        os.environ["KCHECK_CACHE_DIR"] = before

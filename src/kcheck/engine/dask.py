"""Beyond one machine: load + extract as a Dask bag, grouping as a keyed shuffle.

``kcheck report --engine dask --scheduler tcp://host:8786`` sends the list of files (not
their text) to the cluster in partitions; each worker loads and extracts its partition
with the same unit of work as the local engine (:class:`kcheck.engine.Worker`) and sends
back the compact JSON of each file's claims. The client takes the partitions back in
order, so the claims are in the same order as a local run's. Grouping then runs on the
cluster too: every claim is keyed by the exact part of its topic key
(:func:`kcheck.group.block_of`, as a stable integer: Python's own string hash differs
between processes), the bag is shuffled by that key, and each block's topics are built
where the block landed (:func:`kcheck.group.block_topics`, the claims of a block put back
in corpus order first). The checks and the report run on the client. The report is the
local engine's, byte for byte.

The workers must see the files at the same paths (a shared file system) and run the same
kcheck and rules; ``--cache-dir`` must be visible to them as well for them to read it.
Without ``--scheduler`` a LocalCluster of this machine's cores is started for the run.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from typing import Any

from kcheck import cache as caching
from kcheck.engine import Job, Result, Worker
from kcheck.engine.local import CHUNK, default_jobs
from kcheck.errors import UsageError
from kcheck.group import block_of, block_topics, campaign_periods, sort_topics, unnamed_owners
from kcheck.load import Source
from kcheck.models import Claim, Topic
from kcheck.rules import RuleSet

_workers: dict[str, Worker] = {}


def _worker(job: Job) -> Worker:
    """One compiled extractor per worker process and rules (built on first use)."""
    key = caching.rules_hash(job.rules) + ":" + str(job.cache_dir)
    if key not in _workers:
        _workers[key] = Worker(job, readonly=True)
    return _workers[key]


def _extract_partition(items: list[tuple[int, Source]], job: Job) -> list[tuple[int, Result]]:
    worker = _worker(job)
    return [(index, worker.process(source).compact()) for index, source in items]


def _stable(key: tuple[object, ...]) -> int:
    return int(hashlib.blake2b(repr(key).encode("utf-8", "surrogatepass"), digest_size=7).hexdigest(), 16)


def _keyed(
    item: tuple[int, Claim], rules: RuleSet, owners: dict[str, str]
) -> tuple[int, tuple[int, Claim]] | Topic:
    block = block_of(item[1], rules, owners)
    return block if isinstance(block, Topic) else (_stable(block), item)


def _block_topics(
    group: tuple[int, list[tuple[int, Claim]]], rules: RuleSet, owners: dict[str, str]
) -> list[Topic]:
    # one shuffle key may (very rarely) hold two blocks whose keys share a hash: regroup
    by_block: dict[tuple[object, ...], list[tuple[int, Claim]]] = {}
    for index, claim in group[1]:
        block = block_of(claim, rules, owners)
        assert not isinstance(block, Topic)
        by_block.setdefault(block, []).append((index, claim))
    out: list[Topic] = []
    for members in by_block.values():
        members.sort(key=lambda m: m[0])
        out.extend(block_topics([c for _, c in members], rules, owners))
    return out


class Session:
    """A Dask client for one run: extraction, then grouping, on the same cluster."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def results(self, sources: list[Source], job: Job) -> Iterator[tuple[int, Result]]:
        import dask.bag as db

        if not sources:
            return
        partitions = max(1, (len(sources) + CHUNK - 1) // CHUNK)
        bag = db.from_sequence(list(enumerate(sources)), npartitions=partitions)
        parts = bag.map_partitions(_extract_partition, job).to_delayed()
        futures = self.client.compute(parts)
        for future in futures:  # in partition order: the listing's order
            done = future.result()
            future.release()
            yield from done

    def group(
        self, claims: list[Claim], rules: RuleSet, dated: dict[str, Claim] | None = None
    ) -> list[Topic]:
        """The topics of ``claims``; ``dated``: ``campaign_periods`` of them, when worked out already."""
        import dask.bag as db

        if not claims:
            return []
        partitions = max(1, min(len(claims) // 2000 + 1, 64))
        owners = unnamed_owners(claims, rules)  # one pass over every claim, on the client
        if dated is None:
            dated = campaign_periods(claims, rules)  # and one for the festival campaigns' spans
        if dated:
            claims = [dated.get(c.id, c) for c in claims]
        keyed = db.from_sequence(list(enumerate(claims)), npartitions=partitions).map(_keyed, rules, owners)
        single = keyed.filter(lambda x: isinstance(x, Topic))
        blocks = (
            keyed.filter(lambda x: not isinstance(x, Topic))
            .groupby(lambda x: x[0], shuffle="tasks", npartitions=partitions)
            .map(lambda g: (g[0], [item for _, item in g[1]]))
            .map(_block_topics, rules, owners)
            .flatten()
        )
        topics_single, topics_blocks = self.client.compute([single, blocks], sync=True)
        return sort_topics([*topics_single, *topics_blocks])


@contextlib.contextmanager
def session(scheduler: str | None, jobs: int | None = None) -> Iterator[Session]:
    """A client of the scheduler at ``scheduler``, or of a LocalCluster started for the run."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--engine dask needs Dask: pip install 'kcheck[dask]'") from None
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="30s")
        except OSError as exc:
            raise UsageError(f"--scheduler {scheduler}: cannot connect: {exc}") from None
        with client:
            yield Session(client)
        return
    cluster = LocalCluster(n_workers=jobs or default_jobs(), threads_per_worker=1, dashboard_address=None)
    with cluster, Client(cluster) as client:
        yield Session(client)

"""``upstream eval --dask``: the same per-record function on a Dask cluster."""

from __future__ import annotations

from pathlib import Path

import pytest
from upstream.agents.evaluation import read_samples, run_dask, run_local
from upstream.packs import bundled_pack_paths

distributed = pytest.importorskip("distributed")

DATA = Path(__file__).parent / "data" / "eval" / "completions.jsonl"


def test_local_cluster_of_two_workers_equals_the_local_run() -> None:
    samples = read_samples(DATA)
    packs = tuple(str(p) for p in bundled_pack_paths())
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        remote = run_dask(samples, packs, cluster.scheduler_address)
    assert remote == run_local(samples, packs, jobs=1)
    assert sum(len(r.rules) for r in remote) == 7

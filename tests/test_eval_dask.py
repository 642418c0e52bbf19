"""``upstream eval --dask``: the same per-record function on a Dask cluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli
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


def test_runs_scored_on_a_cluster_give_the_local_report(tmp_path: Path) -> None:
    """`upstream eval RUN... --dask ADDRESS`: several `eval run` folders scored on the
    cluster give the report (per run) and the card that the local run gives."""
    runs = []
    for name in ("before", "after"):
        run = tmp_path / name
        run.mkdir()
        records = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
        if name == "after":
            records = records[::2]  # another run: fewer answers, other rates
        lines = [json.dumps({**record, "topic": "sdk"}) for record in records]
        (run / "completions.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        runs.append(str(run))
    local = run_cli("eval", *runs, "--json", "--html", str(tmp_path / "local.html"), check=True)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        remote = run_cli(
            "eval",
            *runs,
            "--json",
            "--html",
            str(tmp_path / "remote.html"),
            "--dask",
            cluster.scheduler_address,
            check=True,
        )
    assert json.loads(remote.stdout) == json.loads(local.stdout)
    assert [run["run"] for run in json.loads(local.stdout)["runs"]] == ["before", "after"]
    card = (tmp_path / "remote.html").read_text(encoding="utf-8")
    assert "Trend" in card and "before" in card and "after" in card

"""A --quick smoke of the benchmark harness on a tiny corpus, so bench/run.py cannot rot.

No downloads; Semgrep is left out (its start-up alone is most of the time budget) and
ast-grep runs only when installed. The upstream scans and the LSP latency client always run.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import REPO

PYTHON = """\
import os
import pandas as pd
from pymongo import MongoClient

frame = pd.DataFrame().append({"a": 1})
MongoClient().app.events.insert({"n": 1})
os.system("echo " + name)
"""
JAVASCRIPT = """\
const mongoose = require("mongoose");
const User = mongoose.model("User");
User.findByIdAndRemove(id, function (err) {});
"""


def test_quick_harness_on_a_tiny_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "py").mkdir(parents=True)
    (corpus / "js").mkdir()
    for n in range(3):
        (corpus / "py" / f"m{n}.py").write_text(PYTHON)
        (corpus / "js" / f"m{n}.js").write_text(JAVASCRIPT)
    out = tmp_path / "out"
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "run.py"),
            "--quick",
            "--corpus",
            str(corpus),
            "--out",
            str(out),
            "--peers",
            "ast-grep",
            "--lsp-lines",
            "300",
            "--lsp-edits",
            "6",
            "--lsp-documents",
            "3",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "| upstream -j1 |" in result.stdout and "edit_ms_p95" in result.stdout
    report = json.loads((out / "results.json").read_text())
    scans = report["scans"]
    assert scans["upstream -j1"]["exit"] == 1, scans["upstream -j1"]["stderr"]
    assert scans["upstream warm cache"]["exit"] == 1
    assert report["agreement"]["upstream_findings"] > 0
    lsp = report["lsp"]
    assert lsp["edits"] == 6 and lsp["first_diagnostics"] > 0
    assert 0 < lsp["edit_ms_p50"] <= lsp["edit_ms_p95"] <= lsp["edit_ms_max"]
    assert lsp["rss_mb"] > 0 and lsp["cold_start_s"] > 0
    assert report["engine_cost"]["files"] == 6
    assert (out / "benchmarks.png").stat().st_size > 1000

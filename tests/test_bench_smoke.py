"""A --quick smoke of the benchmark harness on a tiny corpus, so bench/run.py cannot rot.

No downloads; Semgrep is left out (its start-up alone is most of the time budget) and
ast-grep runs only when installed. The upstream scans and the LSP latency client always run.
The benchmark rules themselves are checked on their own test cases.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

# Code that rules of the benchmark pack (bench/rules/upstream) report.
PYTHON = """\
import datetime
from pymongo import MongoClient

names = MongoClient().app.collection_names()
stamp = datetime.datetime.utcnow()
"""
JAVASCRIPT = """\
const mongoose = require("mongoose");
const User = mongoose.model("User");
await users.remove({ status: "expired" });
const n = await User.count({ plan: "pro" });
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
    agreement = report["agreement"]
    assert agreement["upstream_findings"] == 12
    if "ast-grep" in agreement:
        assert agreement["ast-grep"]["both"] == 12, agreement["ast-grep"]["differences"]
    lsp = report["lsp"]
    assert lsp["edits"] == 6 and lsp["first_diagnostics"] > 0
    assert 0 < lsp["edit_ms_p50"] <= lsp["edit_ms_p95"] <= lsp["edit_ms_max"]
    assert lsp["rss_mb"] > 0 and lsp["cold_start_s"] > 0
    assert report["engine_cost"]["files"] == 6
    assert (out / "benchmarks.png").stat().st_size > 1000


def test_benchmark_rules_pass_their_tests_and_ast_grep_agrees(tmp_path: Path) -> None:
    """The benchmark pack's cases hold, and the hand translation for ast-grep reports the
    same findings on them (Semgrep's known differences are listed in bench/rules/NOTES.md)."""
    pack = REPO / "bench" / "rules" / "upstream"
    tested = subprocess.run(
        [sys.executable, "-m", "upstream", "test", str(pack)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert tested.returncode == 0, tested.stdout[-3000:] + tested.stderr[-3000:]
    if shutil.which("ast-grep") is None and not (Path(sys.executable).parent / "ast-grep").exists():
        return
    report_path = tmp_path / "agreement.json"
    agreed = subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "agreement.py"),
            "--peers",
            "ast-grep",
            "--json",
            str(report_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert agreed.returncode == 0, agreed.stderr[-3000:]
    report = json.loads(report_path.read_text())
    assert report["upstream_findings"] > 100
    assert report["ast-grep"]["differences"] == []
    assert report["ast-grep"]["compared_rules"] == report["rules"] == 35


def test_scale_benchmark_on_a_tiny_corpus(tmp_path: Path) -> None:
    """bench/scale.py end to end: its synthetic packs load and every case runs."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "m.py").write_text(PYTHON)
    out = tmp_path / "scale.json"
    command = [sys.executable, str(REPO / "bench" / "scale.py"), "--corpus", str(corpus)]
    options = ["--libraries", "2", "--rules", "8", "--repeat", "1", "--json", str(out)]
    subprocess.run([*command, *options], check=True, capture_output=True, timeout=600)
    results = json.loads(out.read_text())["results"]
    assert {"bare parse", "bundled", "+ 16 synthetic rules", "bundled x10"} <= set(results)
    assert results["bundled"]["x_bundled"] == 1.0

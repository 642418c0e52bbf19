"""``upstream eval`` over hand-written completions of two models."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from upstream.agents.evaluation import (
    check_sample,
    format_csv,
    guess_language,
    read_samples,
    run_local,
    summarise,
    wilson_interval,
)
from upstream.packs import bundled_pack_paths

DATA = Path(__file__).parent / "data" / "eval" / "completions.jsonl"
PACKS = tuple(str(p) for p in bundled_pack_paths())

EXPECTED_RULES = {
    "alpha": {
        "mongodb/shard-key-monotonic": 1,
        "openai/chat-completion-removed": 2,
        "python-ecosystem/dataframe-append-removed": 1,
        "python-ecosystem/numpy-builtin-type-alias-removed": 2,
    },
    "beta": {"python-ecosystem/numpy-builtin-type-alias-removed": 1},
}


def upstream(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "upstream", *args], capture_output=True, text=True, check=False
    )


def test_each_sample_is_checked_with_its_prompt_and_guessed_language() -> None:
    samples = read_samples(DATA)
    results = {r.id: r for r in run_local(samples, PACKS, jobs=1)}
    assert [r.id for r in run_local(samples[:2], PACKS, jobs=1)] == ["a1", "a2"]
    assert results["a3"].rules == ("python-ecosystem/numpy-builtin-type-alias-removed",) * 2
    # a5 continues its prompt ("reply = openai."): the finding reaches into the completion.
    assert results["a5"].rules == ("openai/chat-completion-removed",)
    # b5's prompt is prose: the completion is checked alone, and is clean.
    assert results["b5"].rules == ()
    # b4 has no "language": it is guessed from the code.
    assert results["b4"].language == "javascript"
    assert {r.id for r in results.values() if r.rules} == {"a1", "a2", "a3", "a4", "a5", "b3"}


def test_counts_per_model_pack_and_rule() -> None:
    report = summarise(run_local(read_samples(DATA), PACKS, jobs=1), ["openai", "mongodb"])
    alpha, beta = report.models
    assert (alpha.model, alpha.samples, alpha.flagged, alpha.findings) == ("alpha", 6, 5, 6)
    assert (beta.model, beta.samples, beta.flagged, beta.findings) == ("beta", 5, 1, 1)
    assert alpha.by_rule == EXPECTED_RULES["alpha"]
    assert beta.by_rule == EXPECTED_RULES["beta"]
    assert alpha.by_pack == {"mongodb": 1, "openai": 2, "python-ecosystem": 3}
    assert beta.by_pack == {"mongodb": 0, "openai": 0, "python-ecosystem": 1}
    assert format_csv(report) == (
        "model,samples,flagged,rate,rate_low,rate_high,findings,mongodb/shard-key-monotonic,"
        "openai/chat-completion-removed,python-ecosystem/dataframe-append-removed,"
        "python-ecosystem/numpy-builtin-type-alias-removed\n"
        "alpha,6,5,0.8333,0.4365,0.9699,6,1,2,1,2\n"
        "beta,5,1,0.2000,0.0362,0.6245,1,0,0,0,1\n"
    )


def test_wilson_interval() -> None:
    assert wilson_interval(0, 0) == (0.0, 1.0)
    low, high = wilson_interval(0, 10)
    assert low == 0.0 and high == pytest.approx(0.2775, abs=1e-4)
    low, high = wilson_interval(5, 10)
    assert (low, high) == (pytest.approx(0.2366, abs=1e-4), pytest.approx(0.7634, abs=1e-4))
    assert wilson_interval(10, 10)[1] == 1.0


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("import os\n\ndef main():\n    print(os.getcwd())\n", "python"),
        ('const fs = require("fs");\nconsole.log(fs.readdirSync("."));\n', "javascript"),
        ("interface User { name: string }\nconst u: User = { name: 'a' };\n", "typescript"),
        ("public class Main {\n  public static void main(String[] a) {}\n}\n", "java"),
        ('package main\n\nimport "fmt"\n\nfunc main() { fmt.Println(1) }\n', "go"),
        ("SELECT id FROM events WHERE ts > now();\n", "sql"),
        ("x\n", "python"),
    ],
)
def test_guess_language(code: str, language: str) -> None:
    assert guess_language(code) == language


def test_folder_of_models(tmp_path: Path) -> None:
    (tmp_path / "m1").mkdir()
    (tmp_path / "m2" / "sub").mkdir(parents=True)
    (tmp_path / "m1" / "a.py").write_text("import numpy as np\nx = np.float(1)\n")
    (tmp_path / "m2" / "sub" / "a.py").write_text("import numpy as np\nx = float(1)\n")
    samples = read_samples(tmp_path)
    assert [(s.model, s.id, s.language) for s in samples] == [
        ("m1", "a.py", "python"),
        ("m2", "sub/a.py", "python"),
    ]
    assert [check_sample(s, PACKS).rules for s in samples] == [
        ("python-ecosystem/numpy-builtin-type-alias-removed",),
        (),
    ]


def test_cli_json_html_and_charts(tmp_path: Path) -> None:
    html, charts = tmp_path / "report.html", tmp_path / "charts"
    result = upstream(
        "eval", str(DATA), "--json", "--html", str(html), "--charts", str(charts), "--jobs", "2"
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [(m["model"], m["samples"], m["flagged"], m["findings"]) for m in report["models"]] == [
        ("alpha", 6, 5, 6),
        ("beta", 5, 1, 1),
    ]
    assert {m["model"]: m["by_rule"] for m in report["models"]} == EXPECTED_RULES
    assert report["models"][1]["rate_low"] == pytest.approx(0.0362, abs=1e-4)
    page = html.read_text()
    assert page.count('src="data:image/png;base64,') == 3 and "<td>alpha</td>" in page
    assert sorted(p.name for p in charts.iterdir()) == [
        "mongodb.png",
        "openai.png",
        "python-ecosystem.png",
    ]
    assert (charts / "openai.png").read_bytes().startswith(b"\x89PNG")


def test_cli_table_and_bad_input(tmp_path: Path) -> None:
    result = upstream("eval", str(DATA), "--pack", "openai", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "model  samples  flagged   rate      95% CI  findings\n"
        "-----  -------  -------  -----  ----------  --------\n"
        "alpha        6        2  33.3%  9.7%-70.0%         2\n"
        "beta         5        0   0.0%  0.0%-43.4%         0\n"
        "\n"
        "pack    alpha  beta\n"
        "------  -----  ----\n"
        "openai      2     0\n"
        "\n"
        "rule                            alpha  beta\n"
        "------------------------------  -----  ----\n"
        "openai/chat-completion-removed      2     0\n"
    )
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"model": "m"}\n')
    result = upstream("eval", str(bad))
    assert result.returncode == 2
    assert result.stderr == f"upstream: error: {bad}:1: 'code' must be a string\n"

"""``upstream eval DATA1 DATA2 --html card.html``: the report card and the several-run outputs."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest
from conftest import run_cli
from upstream.agents.evaluation import run_labels
from upstream.packs import bundled_pack_paths, load_rule_set

PACKS = ("--pack", "openai", "--pack", "python-ecosystem", "--jobs", "1")
OPENAI = "openai/chat-completion-removed"
NUMPY = "python-ecosystem/numpy-builtin-type-alias-removed"
# The numpy answer has markup in it: the card must show it as text, not run it.
NUMPY_BAD = "import numpy as np\n\n# <script>alert(1)</script>\nx = np.float(3)\n"
NUMPY_GOOD = "import numpy as np\n\nx = float(3)\n"
OPENAI_BAD = 'import openai\n\nreply = openai.ChatCompletion.create(model="m", messages=[])\n'


def _record(model: str, prompt_id: str, topic: str, code: str) -> dict[str, object]:
    # The keys `upstream eval run` writes (collecting.completion_record).
    return {
        "model": model,
        "id": prompt_id,
        "prompt": f"Write {prompt_id}.",
        "system": None,
        "answer": f"```python\n{code}```",
        "code": code,
        "language": "python",
        "topic": topic,
        "rules": [],
        "library": "python-ecosystem",
        "suite": "suite.yaml",
        "sample": 0,
        "seconds": 0.5,
        "usage": {"prompt_tokens": 10, "completion_tokens": 20},
        "finish_reason": "stop",
    }


def _write_run(folder: Path, b_numpy: str) -> Path:
    """A run folder as `eval run -o` leaves it; model B's numpy answer is the one that changes."""
    (folder / "cache").mkdir(parents=True)  # not a model: the folder is a run
    (folder / "cache" / "x.py").write_text(NUMPY_BAD)
    records = [
        _record("A", "np1", "numpy", NUMPY_BAD),
        _record("A", "oa1", "openai", OPENAI_BAD),
        _record("B", "np1", "numpy", b_numpy),
        _record("B", "oa1", "openai", OPENAI_BAD),
    ]
    lines = "".join(json.dumps(record) + "\n" for record in records)
    (folder / "completions.jsonl").write_text(lines)
    return folder


@pytest.fixture
def runs(tmp_path: Path) -> tuple[Path, Path]:
    return _write_run(tmp_path / "jan", NUMPY_BAD), _write_run(tmp_path / "feb", NUMPY_GOOD)


def _docs(rule: str) -> str:
    rule_set = load_rule_set(list(bundled_pack_paths())).rule_set
    return rule_set.rules[rule][1].docs


def test_card_of_two_runs(runs: tuple[Path, Path], tmp_path: Path) -> None:
    card = tmp_path / "card.html"
    result = run_cli("eval", *map(str, runs), "--html", str(card), *PACKS)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "model  run  samples  flagged    rate        95% CI  findings\n"
        "-----  ---  -------  -------  ------  ------------  --------\n"
        "A      jan        2        2  100.0%  34.2%-100.0%         2\n"
        "A      feb        2        2  100.0%  34.2%-100.0%         2\n"
        "B      jan        2        2  100.0%  34.2%-100.0%         2\n"
        "B      feb        2        1   50.0%    9.5%-90.5%         1\n"
    )
    page = card.read_text()
    # The trend: a column per run in the order given, B's rate falling from 2/2 to 1/2.
    trend = page[page.index("<h2>Trend</h2>") : page.index("<h2>Topics</h2>")]
    assert "<th>model</th><th>jan</th><th>feb</th>" in trend
    assert (
        "<tr><td>B</td><td>100.0% (34.2%-100.0%) 2/2</td><td>50.0% (9.5%-90.5%) 1/2</td></tr>"
    ) in trend
    assert trend.count('src="data:image/png;base64,') == 1
    # Topics of the last run: B's numpy answer is clean now.
    assert "<tr><td>numpy</td><td>100.0% (20.7%-100.0%) 1/1</td><td>0.0% (0.0%-79.3%) 0/1" in page
    assert "<tr><td>openai</td>" in page
    # The worst rule is the one both models' answers hit, with its docs link.
    worst = page[page.index("<h2>Worst rules</h2>") : page.index("<h2>Example answers</h2>")]
    assert worst.index(OPENAI) < worst.index(NUMPY)
    assert f"<td><code>{OPENAI}</code></td><td>2</td><td>1</td><td>1</td>" in worst
    assert f'<a href="{_docs(OPENAI)}">' in worst
    # An example answer: its code escaped, the finding's line marked.
    examples = page[page.index("<h2>Example answers</h2>") :]
    assert "<h3>A · np1 · numpy</h3>" in examples
    assert "# &lt;script&gt;alert(1)&lt;/script&gt;" in examples
    assert "<script" not in page
    assert f"<li>line 4: <code>{NUMPY}</code>" in examples
    assert '<span class="ln hit">4</span> <span class="hit">x = np.float(3)</span>' in examples
    # Self-contained: every image is embedded PNG, the only links are the rules' docs.
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    assert len(images) == 3  # the trend and a chart per pack with findings
    assert all(base64.b64decode(image).startswith(b"\x89PNG") for image in images)
    references = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert {r for r in references if not r.startswith("data:")} == {_docs(OPENAI), _docs(NUMPY)}
    assert "<link" not in page and "url(" not in page


def test_json_and_csv_of_two_runs(runs: tuple[Path, Path]) -> None:
    result = run_cli("eval", *map(str, runs), "--json", *PACKS)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [run["run"] for run in report["runs"]] == ["jan", "feb"]
    assert [{m["model"]: m["rate"] for m in run["models"]} for run in report["runs"]] == [
        {"A": 1.0, "B": 1.0},
        {"A": 1.0, "B": 0.5},
    ]
    assert report["runs"][1]["models"][1]["by_rule"] == {OPENAI: 1}
    result = run_cli("eval", *map(str, runs), "--csv", *PACKS)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"run,model,samples,flagged,rate,rate_low,rate_high,findings,{OPENAI},{NUMPY}",
        "jan,A,2,2,1.0000,0.3424,1.0000,2,1,1",
        "feb,A,2,2,1.0000,0.3424,1.0000,2,1,1",
        "jan,B,2,2,1.0000,0.3424,1.0000,2,1,1",
        "feb,B,2,1,0.5000,0.0945,0.9055,1,1,0",
    ]


def test_single_run_keeps_the_old_outputs(runs: tuple[Path, Path], tmp_path: Path) -> None:
    feb = runs[1]
    by_folder = run_cli("eval", str(feb), "--json", *PACKS)
    by_file = run_cli("eval", str(feb / "completions.jsonl"), "--json", *PACKS)
    assert by_folder.returncode == 0, by_folder.stderr
    assert by_folder.stdout == by_file.stdout
    report = json.loads(by_folder.stdout)
    assert sorted(report) == ["models", "packs", "rules"]
    assert [(m["model"], m["samples"], m["flagged"]) for m in report["models"]] == [
        ("A", 2, 2),
        ("B", 2, 1),
    ]
    card = tmp_path / "card.html"
    result = run_cli("eval", str(feb), "--html", str(card), *PACKS)
    assert result.returncode == 0, result.stderr
    # The single-run table: per model, then the pack and rule tables (no run column).
    assert result.stdout.split("\n", 1)[0].split() == [
        "model",
        "samples",
        "flagged",
        "rate",
        "95%",
        "CI",
        "findings",
    ]
    assert "\npack " in result.stdout and f"\n{OPENAI}  " in result.stdout
    page = card.read_text()
    assert "<h2>Trend</h2>" not in page and "<h2>Worst rules</h2>" in page


def test_missing_data_is_one_line_error(runs: tuple[Path, Path], tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    result = run_cli("eval", str(runs[0]), str(missing), *PACKS)
    assert result.returncode == 2
    assert result.stderr == f"upstream: error: {missing}: no such file or folder\n"
    assert result.stdout == ""


def test_verbs_still_dispatch() -> None:
    for verb, argument in (("run", "SUITE"), ("pairs", "COMPLETIONS")):
        result = run_cli("eval", verb, "--help")
        assert result.returncode == 0, result.stderr
        assert f"eval {verb}" in result.stdout and argument in result.stdout


def test_run_labels() -> None:
    assert run_labels([Path("r/jan"), Path("r/feb/completions.jsonl"), Path("x.jsonl")]) == [
        "jan",
        "feb",
        "x.jsonl",
    ]
    # The same folder name twice: the paths as given tell them apart.
    assert run_labels([Path("a/run"), Path("b/run")]) == ["a/run", "b/run"]

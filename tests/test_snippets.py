"""Snippet mode: fragments that use conventional aliases without importing them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli
from upstream.agents.evaluation import Sample, completion_findings
from upstream.agents.snippets import implied_imports
from upstream.engine import LANGUAGES, RuleSet
from upstream.packs import bundled_pack_paths, load_rule_set

PYTHON = LANGUAGES["python"]
ALIAS_RULE = "python-ecosystem/numpy-builtin-type-alias-removed"


@pytest.mark.parametrize(
    ("code", "imports"),
    [
        ("x = np.float(3)\n", "import numpy as np\n"),
        (
            "y = F.relu(plt.gca())\n",
            "import torch.nn.functional as F\nimport matplotlib.pyplot as plt\n",
        ),
        # Imported, assigned, a parameter, or mentioned other than as `np.x`: not implied.
        ("import numpy\nnp = numpy\nnp.float(1)\n", ""),
        ("def f(np):\n    return np.float(1)\n", ""),
        ("for F in layers:\n    F.relu(1)\n", ""),
        ("print(np)\nnp.float(1)\n", ""),
        ("import seaborn as sns\nsns.distplot(x)\n", ""),
        # An attribute named like an alias is not a use of it.
        ("model.np.float(1)\n", ""),
        ("value = compute(1)\n", ""),
    ],
)
def test_implied_imports(code: str, imports: str) -> None:
    assert implied_imports(code, PYTHON) == imports


def test_no_aliases_for_javascript() -> None:
    assert implied_imports("np.float(1);\n", LANGUAGES["javascript"]) == ""


@pytest.fixture(scope="module")
def rule_set() -> RuleSet:
    return load_rule_set(list(bundled_pack_paths())).rule_set


def test_eval_finds_the_fragment_mistake_only_in_snippet_mode(rule_set: RuleSet) -> None:
    sample = Sample(id="s1", model="m", code="def f(x):\n    return np.float(x)\n")
    assert completion_findings(sample, rule_set, "python") == []
    [finding] = completion_findings(sample, rule_set, "python", snippet=True)
    assert finding.rule == ALIAS_RULE
    # At its place in the completion, not shifted by the implied import.
    assert (finding.start.line, finding.start.column) == (1, 11)
    assert finding.fix is not None and finding.fix.start.line == 1


def test_eval_snippet_mode_keeps_the_prompt_out(rule_set: RuleSet) -> None:
    # The prompt's own mistake is not the model's; the completion's is, after the prompt.
    sample = Sample(
        id="s2",
        model="m",
        prompt="# numpy==2.1\nold = np.float(1)\ndef f(x):\n",
        code="    return np.float(x)\n",
    )
    [finding] = completion_findings(sample, rule_set, "python", snippet=True)
    assert (finding.rule, finding.start.line) == (ALIAS_RULE, 0)


def test_eval_cli_snippet_option(tmp_path: Path) -> None:
    data = tmp_path / "run.jsonl"
    data.write_text(
        json.dumps({"model": "m", "code": "x = np.float(3)\n", "language": "python"}) + "\n"
    )
    plain = run_cli("eval", str(data), "--json", "-j", "1")
    snippet = run_cli("eval", str(data), "--json", "-j", "1", "--snippet")
    assert plain.returncode == 0 and snippet.returncode == 0, plain.stderr + snippet.stderr
    assert json.loads(plain.stdout)["models"][0]["findings"] == 0
    assert json.loads(snippet.stdout)["models"][0]["findings"] == 1

"""`upstream eval pairs`: preference pairs whose chosen side checks clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from upstream.agents.evaluation import Sample, completion_findings
from upstream.agents.evaluation.pairs import make_pairs, read_completions
from upstream.cli import main
from upstream.packs import bundled_pack_paths, load_rule_set
from upstream.workspace import named_pack_folders

PANDAS_PROMPT = "Fill missing values in a pandas DataFrame with the last known value."
PANDAS_ANSWER = (
    "Sure:\n\n```python\nimport pandas as pd\n\ndef fill(df):\n"
    '    return df.fillna(method="ffill")\n```\n\nThat is all.\n'
)
PANDAS_CODE = 'import pandas as pd\n\ndef fill(df):\n    return df.fillna(method="ffill")\n'
RECORDS = [
    # A safe fix makes it clean: a pair.
    {
        "model": "bad",
        "id": "fill",
        "prompt": PANDAS_PROMPT,
        "system": "You are terse.",
        "answer": PANDAS_ANSWER,
        "code": PANDAS_CODE,
        "language": "python",
    },
    # Two blocks, both fixed in place.
    {
        "model": "bad",
        "id": "two",
        "prompt": PANDAS_PROMPT,
        "answer": "```python\nimport pandas as pd\n```\nthen\n```python\n"
        'df = pd.DataFrame().fillna(method="bfill")\n```\n',
        "code": 'import pandas as pd\n\ndf = pd.DataFrame().fillna(method="bfill")\n',
        "language": "python",
    },
    # Only an unsafe fix: no complete fix.
    {
        "model": "bad",
        "id": "chat",
        "prompt": "Ask gpt-4o-mini something.",
        "code": 'import openai\n\nopenai.ChatCompletion.create(model="gpt-4o-mini", messages=[])\n',
        "language": "python",
    },
    # Clean: no pair.
    {"model": "good", "id": "ok", "code": "import pandas as pd\n\ndf = pd.DataFrame().ffill()\n"},
]


@pytest.fixture
def completions(tmp_path: Path) -> Path:
    path = tmp_path / "completions.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return path


def test_every_chosen_side_checks_clean(completions: Path) -> None:
    rule_set = load_rule_set(named_pack_folders(["python-ecosystem", "openai"])).rule_set
    outcome = make_pairs(read_completions(completions), rule_set)
    assert (outcome.with_findings, len(outcome.pairs), outcome.no_complete_fix) == (3, 2, 1)
    for pair in outcome.pairs:
        sample = Sample(
            id="x", model="m", code=pair.chosen, language="python", prompt=PANDAS_PROMPT
        )
        assert completion_findings(sample, rule_set, "python") == []
        assert pair.chosen != pair.rejected
    first = outcome.pairs[0]
    assert first.chosen == "import pandas as pd\n\ndef fill(df):\n    return df.ffill()\n"
    assert first.chosen_answer == PANDAS_ANSWER.replace('fillna(method="ffill")', "ffill()")
    assert first.rules == ("python-ecosystem/fillna-method-ffill-removed",)
    assert outcome.pairs[1].chosen_answer.endswith("```python\ndf = pd.DataFrame().bfill()\n```\n")


def test_chat_format_is_openais_preference_jsonl(
    completions: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pairs.jsonl"
    # `--pack NAME` alone loads only the named bundled packs (`--no-bundled` would drop them).
    argv = ["eval", "pairs", str(completions), "-o", str(out)]
    assert main([*argv, "--pack", "python-ecosystem", "--pack", "openai"]) == 0
    assert "3 answers with findings, 2 pairs, 1 with no complete fix" in capsys.readouterr().err
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 2
    assert set(lines[0]) == {"input", "preferred_output", "non_preferred_output"}
    assert lines[0]["input"] == {
        "messages": [
            {"role": "system", "content": "You are terse."},
            {"role": "user", "content": PANDAS_PROMPT},
        ]
    }
    assert lines[0]["non_preferred_output"] == [{"role": "assistant", "content": PANDAS_ANSWER}]
    [preferred] = lines[0]["preferred_output"]
    assert preferred["role"] == "assistant" and "df.ffill()" in preferred["content"]
    assert [m["role"] for m in lines[1]["input"]["messages"]] == ["user"]


def test_plain_format_from_a_run_folder(completions: Path, tmp_path: Path) -> None:
    out = tmp_path / "pairs.jsonl"
    argv = ["eval", "pairs", str(completions.parent), "-o", str(out), "--format", "plain"]
    assert main(argv) == 0
    pairs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    first = pairs[0]
    assert first["rejected"] == PANDAS_CODE
    assert first["chosen"].endswith("return df.ffill()\n")
    assert first["rules"] == ["python-ecosystem/fillna-method-ffill-removed"]
    # Against every bundled pack, as the command ran: each chosen side checks clean.
    rule_set = load_rule_set(list(bundled_pack_paths())).rule_set
    assert len(pairs) == 2
    for pair in pairs:
        chosen = Sample(id=pair["id"], model="m", code=pair["chosen"], language=pair["language"])
        assert completion_findings(chosen, rule_set, pair["language"]) == []


def test_no_rules_loaded_is_a_usage_error_not_an_empty_file(
    completions: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pairs.jsonl"
    argv = ["eval", "pairs", str(completions), "-o", str(out), "--no-bundled", "--pack", "openai"]
    assert main(argv) == 2
    assert "eval pairs: no rules loaded" in capsys.readouterr().err
    assert not out.exists()


def test_a_folder_without_completions_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "pairs", str(tmp_path), "-o", str(tmp_path / "pairs.jsonl")]) == 2
    assert f"{tmp_path}: no completions.jsonl in this folder" in capsys.readouterr().err

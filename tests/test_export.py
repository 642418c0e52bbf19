"""``upstream export``: guidance files for assistants, and preference pairs."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import run_cli
from upstream.agents.export import preference_pairs
from upstream.engine import LANGUAGES, check
from upstream.packs import bundled_pack_paths, load_rule_set

DEMO = Path(__file__).parent / "data" / "eval" / "demo"

PAIRS = (
    "- Don't: Sleeping in a request handler\n"
    "  Do: Use `await asyncio.sleep(...)`, not `time.sleep(...)`, in async code "
    "([docs](https://example.org/demo/sleep))\n"
    "  ```python\n"
    "  time.sleep(1)  # don't\n"
    "  ```\n"
    "- Don't: `demo.connect_old()` was removed in demo 2\n"
    "  Do: Call `demo.connect(…)` ([docs](https://example.org/demo/connect))\n"
    "  ```python\n"
    '  client = demo.connect_old("db://x")  # don\'t\n'
    '  client = demo.connect("db://x")  # do\n'
    "  ```\n"
)
SECTION = (
    "<!-- upstream:begin demo -->\n"
    "## Demo library: do and don't\n"
    "\n"
    "Rules from the `demo` pack 1.0.0, written by `upstream export`; edit outside this "
    "section, not inside it.\n"
    "\n" + PAIRS + "<!-- upstream:end demo -->\n"
)
EXPECTED = {
    "agents-md": ("AGENTS.md", SECTION),
    "copilot-instructions": (".github/copilot-instructions.md", SECTION),
    "copilot-path-instructions": (
        ".github/instructions/upstream-python.instructions.md",
        '---\napplyTo: "**/*.py"\n---\n\n' + SECTION,
    ),
    "cursor-rules": (
        ".cursor/rules/upstream-demo.mdc",
        "---\n"
        "description: Demo library: the maintainers' do and don't rules\n"
        "globs: **/*.py,**/*.pyi\n"
        "alwaysApply: false\n"
        "---\n\n" + SECTION,
    ),
    "agent-skill": (
        ".claude/skills/upstream-guidance/SKILL.md",
        "---\n"
        "name: upstream-guidance\n"
        "description: \"Library maintainers' do and don't rules, with examples, for Demo "
        'library. Use when writing, reviewing or upgrading code that uses these libraries."\n'
        "---\n"
        "\n"
        "# Library guidance\n"
        "\n"
        "What the libraries' maintainers say to avoid, and what to write instead. Each rule "
        "is checked by `upstream check`.\n"
        "\n" + SECTION,
    ),
    "llms-txt": (
        "llms.txt",
        "# Library guidance\n"
        "\n"
        "> What the libraries' maintainers say to avoid, and what to write instead.\n"
        "\n"
        "<!-- upstream:begin demo -->\n"
        "## Demo library\n"
        "\n"
        "Rules from the `demo` pack 1.0.0, written by `upstream export`.\n"
        "\n"
        "- Don't: [Sleeping in a request handler](https://example.org/demo/sleep)\n"
        "  Do: Use `await asyncio.sleep(...)`, not `time.sleep(...)`, in async code\n"
        "  ```python\n"
        "  time.sleep(1)  # don't\n"
        "  ```\n"
        "- Don't: [`demo.connect_old()` was removed in demo 2](https://example.org/demo/connect)\n"
        "  Do: Call `demo.connect(…)`\n"
        "  ```python\n"
        '  client = demo.connect_old("db://x")  # don\'t\n'
        '  client = demo.connect("db://x")  # do\n'
        "  ```\n"
        "<!-- upstream:end demo -->\n",
    ),
}


def export(*args: str | Path) -> subprocess.CompletedProcess[str]:
    result = run_cli("export", *map(str, args))
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.parametrize("fmt", sorted(EXPECTED))
def test_guidance_format_writes_the_assistants_file(tmp_path: Path, fmt: str) -> None:
    path, text = EXPECTED[fmt]
    result = export(DEMO, "--format", fmt, "--root", tmp_path)
    assert result.stderr == f"upstream: wrote {tmp_path / path}\n"
    assert (tmp_path / path).read_text(encoding="utf-8") == text


def test_rerunning_updates_the_section_and_keeps_user_text(tmp_path: Path) -> None:
    pack = tmp_path / "demo"
    shutil.copytree(DEMO, pack)
    agents = tmp_path / "AGENTS.md"
    agents.write_text("# Our project\n\nRun `make test` before committing.\n", encoding="utf-8")
    export(pack, "--format", "agents-md", "-o", agents)
    first = agents.read_text(encoding="utf-8")
    assert first == "# Our project\n\nRun `make test` before committing.\n\n" + SECTION
    agents.write_text(first + "\n## Our own notes\n\nKeep these.\n", encoding="utf-8")
    manifest = pack / "pack.yaml"
    manifest.write_text(manifest.read_text().replace("1.0.0", "1.1.0"))
    export(pack, "--format", "agents-md", "-o", agents)
    export(pack, "--format", "agents-md", "-o", agents)
    assert agents.read_text(encoding="utf-8") == (
        "# Our project\n\nRun `make test` before committing.\n\n"
        + SECTION.replace("pack 1.0.0", "pack 1.1.0")
        + "\n## Our own notes\n\nKeep these.\n"
    )


def test_two_packs_get_a_section_each(tmp_path: Path) -> None:
    export(DEMO, "openai", "--format", "copilot-instructions", "--root", tmp_path, "--budget", "0")
    text = (tmp_path / ".github" / "copilot-instructions.md").read_text(encoding="utf-8")
    assert text.startswith(SECTION + "\n<!-- upstream:begin openai -->\n")
    assert text.count("<!-- upstream:end ") == 2


def test_preference_jsonl_of_the_demo_pack() -> None:
    lines = export(DEMO, "--format", "preference-jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == [
        {
            "prompt": "import time\n\nimport demo\n\n\ndef handler():\n",
            "chosen": '    client = demo.connect("db://x")\n',
            "rejected": '    client = demo.connect_old("db://x")\n',
            "rule": "demo/old-connect",
            "docs": "https://example.org/demo/connect",
        },
        {
            "prompt": 'import time\n\nimport demo\n\n\ndef handler():\n    client = demo.connect_old("db://x")\n'
            '    client = demo.connect("db://x")\n',
            "chosen": "    await asyncio.sleep(1)\n",
            "rejected": "    time.sleep(1)\n",
            "rule": "demo/no-sleep",
            "docs": "https://example.org/demo/sleep",
        },
    ]


def test_demo_pairs_are_reported_and_fixed_by_the_engine() -> None:
    loaded = load_rule_set([DEMO])
    (pack,) = loaded.rule_set.packs
    for pair in preference_pairs(pack, loaded.rule_set):
        offset = len(pair.prompt.encode())
        found = {}
        for name, snippet in (("rejected", pair.rejected), ("chosen", pair.chosen)):
            findings = check(pair.prompt + snippet, LANGUAGES["python"], loaded.rule_set)
            found[name] = [f.rule for f in findings if f.end_byte > offset]
        assert found == {"rejected": [pair.rule], "chosen": []}


def test_preference_pairs_of_the_bundled_packs() -> None:
    loaded = load_rule_set(bundled_pack_paths())
    total = 0
    for pack in loaded.rule_set.packs:
        pairs = preference_pairs(pack, loaded.rule_set)
        total += len(pairs)
        rules = {pack.full_id(rule) for rule in pack.rules}
        for pair in pairs:
            record = json.loads(pair.to_json())
            assert set(record) == {"prompt", "chosen", "rejected", "rule", "docs"}
            assert record["rule"] in rules and record["chosen"] != record["rejected"]
            assert record["chosen"].strip() and record["rejected"].strip()
            # The rejected snippet is what the rule reports; the chosen one is not.
            rule = loaded.rule_set.rules[record["rule"]][1]
            assert "expect:" not in record["rejected"] and "ok:" not in record["chosen"]
            assert record["docs"] == rule.docs
    assert total > 300

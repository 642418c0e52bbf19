"""The guidance `upstream export` writes: don't/do pairs with examples from the packs' own
tests, within each format's budget, in the files each assistant reads."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import run_cli, write_pack
from upstream.agents.export import DEFAULT_BUDGETS, GUIDANCE_FORMATS
from upstream.agents.guidance.cases import ok_statements, pack_test_files, statement_text
from upstream.agents.guidance.pairs import pack_guidance, plain, replacement
from upstream.packs import bundled_pack_paths, load_rule_set

DEMO = Path(__file__).parent / "data" / "eval" / "demo"
# Packs in Python, JavaScript and TypeScript, each with more rules than a small budget holds.
PACKS = ("openai", "mongodb-node")
# The languages whose examples each Copilot instructions file may show.
FAMILIES = {"python": {"python"}, "javascript": {"javascript", "typescript", "tsx"}}
PAIR = re.compile(r"^- Don't: (.+)\n  Do: (.+)$", re.MULTILINE)
SECTION = re.compile(r"<!-- upstream:begin (\S+) -->\n(.*?)<!-- upstream:end \1 -->", re.DOTALL)


def export(*args: str | Path) -> list[Path]:
    """Run `upstream export`; the files it says it wrote."""
    result = run_cli("export", *map(str, args))
    assert result.returncode == 0, result.stderr
    return [Path(line.removeprefix("upstream: wrote ")) for line in result.stderr.splitlines()]


def front_matter(text: str) -> dict[str, object]:
    assert text.startswith("---\n"), text[:80]
    end = text.index("\n---\n", 4)
    loaded = yaml.safe_load(text[4:end])
    assert isinstance(loaded, dict)
    return loaded


@pytest.mark.parametrize("fmt", GUIDANCE_FORMATS)
def test_every_format_fits_its_default_budget(tmp_path: Path, fmt: str) -> None:
    written = export(*PACKS, "--format", fmt, "--root", tmp_path)
    assert written
    for path in written:
        assert len(path.read_text(encoding="utf-8")) <= DEFAULT_BUDGETS[fmt], path


def test_over_budget_says_how_many_rules_are_left_out_and_how_to_see_them(
    tmp_path: Path,
) -> None:
    (path,) = export(*PACKS, "--format", "agents-md", "--root", tmp_path, "--budget", "3000")
    text = path.read_text(encoding="utf-8")
    assert len(text) <= 3000
    notes = re.findall(
        r"To fit the 3000-character budget, (\d+) of its (\d+) rules are left out", text
    )
    assert len(notes) == len(PACKS)
    assert all(0 < int(left) <= int(total) for left, total in notes)
    assert text.count("`upstream rules` lists them all") == len(PACKS)
    # The same packs and budget give the same cut.
    again = export(*PACKS, "--format", "agents-md", "-o", tmp_path / "again.md", "--budget", "3000")
    assert again[0].read_text(encoding="utf-8") == text


def test_each_rule_is_one_pair_said_once(tmp_path: Path) -> None:
    (path,) = export(*PACKS, "--format", "agents-md", "--root", tmp_path, "--budget", "0")
    text = path.read_text(encoding="utf-8")
    assert "Avoid:" not in text and "Instead:" not in text and "To fit" not in text
    loaded = load_rule_set([p for p in bundled_pack_paths() if p.name in PACKS])
    sections = dict(SECTION.findall(text))
    for pack in loaded.rule_set.packs:
        body = sections[pack.name]
        pairs = PAIR.findall(body)
        donts = [dont for dont, _ in pairs]
        dos = [re.sub(r" \(\[docs\]\(.*?\)\)$", "", do) for _, do in pairs]
        assert len(set(donts)) == len(donts) and len(set(dos)) == len(dos)
        for dont, do in zip(donts, dos, strict=True):
            assert do.lower() not in dont.lower() and dont.lower() not in do.lower()
        for rule in pack.rules:
            assert plain(rule.title) in body, rule.id
        blocks = re.findall(r"  ```\w+\n(.*?)  ```\n", body, re.DOTALL)
        assert blocks and len(set(blocks)) == len(blocks)
        for block in blocks:
            assert 1 <= len(block.splitlines()) <= 2


def test_examples_come_from_the_rules_own_tests() -> None:
    loaded = load_rule_set(bundled_pack_paths())
    examples = 0
    for pack in loaded.rule_set.packs:
        files = pack_test_files(pack)
        bad: set[tuple[str, str]] = set()
        for file in files:
            for case in file.cases:
                text = statement_text(file.source, file.spec, case.line)
                if case.kind == "expect" and text is not None:
                    bad.add((case.rule, text.strip()))
        good = {
            (rule, text.strip())
            for (rule, _), texts in ok_statements(files).items()
            for text in texts
        }
        fixed = {
            line.strip()
            for file in files
            if file.fixed.is_file()
            for line in file.fixed.read_text(encoding="utf-8").splitlines()
        }
        fixable = {pack.full_id(rule) for rule in pack.rules if rule.fix is not None}
        for pair in pack_guidance(pack, loaded.rule_set).pairs:
            for example in pair.examples:
                examples += 1
                assert any((rule, example.bad) in bad for rule in pair.rules), example
                # The good line is the rule's fix applied (as in a tested NAME.fixed.EXT,
                # when the file has one) or an `ok` case of the rule.
                assert example.good is None or (
                    example.good in fixed
                    or any((rule, example.good) in good for rule in pair.rules)
                    or bool(fixable & set(pair.rules))
                ), example
    assert examples > 100


def test_copilot_path_instructions_one_file_per_language(tmp_path: Path) -> None:
    written = export(
        *PACKS, "--format", "copilot-path-instructions", "--root", tmp_path, "--budget", "0"
    )
    folder = tmp_path / ".github" / "instructions"
    assert sorted(p.name for p in written) == [
        "upstream-javascript.instructions.md",
        "upstream-python.instructions.md",
    ]
    globs = {
        "python": "**/*.py",
        "javascript": "**/*.js,**/*.mjs,**/*.cjs,**/*.jsx,**/*.ts,**/*.mts,**/*.cts,**/*.tsx",
    }
    for family, glob in globs.items():
        text = (folder / f"upstream-{family}.instructions.md").read_text(encoding="utf-8")
        assert front_matter(text) == {"applyTo": glob}
        assert text.startswith(f'---\napplyTo: "{glob}"\n---\n\n')
        fences = set(re.findall(r"^  ```(\w+)$", text, re.MULTILINE))
        assert fences and fences <= FAMILIES[family]


def test_skill_front_matter_and_rerun_in_place(tmp_path: Path) -> None:
    pack = tmp_path / "demo"
    shutil.copytree(DEMO, pack)
    folder = tmp_path / "skills" / "demo-guidance"
    (skill,) = export(pack, "--format", "agent-skill", "-o", folder)
    assert skill == folder / "SKILL.md"
    text = skill.read_text(encoding="utf-8")
    meta = front_matter(text)
    assert set(meta) == {"name", "description"} and meta["name"] == "demo-guidance"
    assert isinstance(meta["description"], str) and 0 < len(meta["description"]) <= 1024
    assert "Demo library" in meta["description"]

    skill.write_text(text + "\n## Our own notes\n\nKeep these.\n", encoding="utf-8")
    manifest = pack / "pack.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("1.0.0", "1.1.0"))
    manifest.write_text(manifest.read_text().replace("title: Demo library", "title: Demo lib"))
    export(pack, "--format", "agent-skill", "-o", folder)
    export(pack, "--format", "agent-skill", "-o", folder)
    again = skill.read_text(encoding="utf-8")
    assert "Demo lib." in str(front_matter(again)["description"])
    assert again.count("\n---\n") == 1 and again.count("<!-- upstream:begin demo -->") == 1
    assert again.count("# Library guidance") == 1 and "pack 1.1.0" in again
    assert again.endswith("<!-- upstream:end demo -->\n\n## Our own notes\n\nKeep these.\n")


def test_copilot_path_instructions_rerun_in_place(tmp_path: Path) -> None:
    (path,) = export(DEMO, "--format", "copilot-path-instructions", "--root", tmp_path)
    first = path.read_text(encoding="utf-8")
    export(DEMO, "--format", "copilot-path-instructions", "--root", tmp_path)
    assert path.read_text(encoding="utf-8") == first


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("--format", "agent-skill", "-o", "Skills/Our_Guide"), "a skill's folder name"),
        (("--format", "agents-md", "--budget", "-1"), "not a number of characters"),
        (("--format", "preference-jsonl", "--budget", "100"), "--budget is for the guidance"),
    ],
)
def test_bad_arguments_are_one_line_errors(
    tmp_path: Path, args: tuple[str, ...], error: str
) -> None:
    result = run_cli("export", str(DEMO), *args, cwd=tmp_path)
    assert result.returncode == 2, result
    assert error in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "Skills").exists()


def test_the_good_line_is_the_fix_or_the_ok_case_that_follows(tmp_path: Path) -> None:
    rules = """\
        rules:
          - id: r
            title: Old call
            languages: [python]
            message: "`old_call()` is gone; call `new_call()`"
            docs: https://example.org/docs
            match:
              pattern: old_call($A)
          - id: fixed
            title: Legacy call
            languages: [python]
            message: "`legacy()` is gone; call `modern()`"
            docs: https://example.org/docs
            match:
              pattern: legacy($A)
            fix: modern($A)
        """
    pack = write_pack(tmp_path, rules)
    (pack / "tests").mkdir()
    # A near miss the rule must not report comes first; it is no example to follow.
    (pack / "tests" / "near_miss.py").write_text("# ok: r\nmy.old_call(1)\n", encoding="utf-8")
    (pack / "tests" / "cases.py").write_text(
        "# expect: r\nold_call(1)\n# ok: r\nnew_call(1)\n# expect: fixed\nlegacy(2)\n",
        encoding="utf-8",
    )
    (path,) = export(pack, "--format", "agents-md", "-o", tmp_path / "AGENTS.md")
    text = path.read_text(encoding="utf-8")
    assert "  old_call(1)  # don't\n  new_call(1)  # do\n" in text
    assert "  legacy(2)  # don't\n  modern(2)  # do\n" in text
    assert "my.old_call" not in text


@pytest.mark.parametrize(
    ("message", "do"),
    [
        ("`connect_old({{ARG}})` is gone; call `connect({{ARG}})`", "Call `connect(…)`"),
        ("It removed every match: use `delete_many(filter)`", "Use `delete_many(filter)`"),
        # A `;` or `: ` inside code or brackets does not split the message.
        ("`a; b` (see: docs) was removed; write `c`", "Write `c`"),
        # What to write first, then what fails: the whole message is the do.
        (
            "`zadd` takes one dict (`zadd(name, {m: s})`); pairs as arguments raise an error",
            "`zadd` takes one dict (`zadd(name, {m: s})`); pairs as arguments raise an error",
        ),
        (
            "use `await asyncio.sleep(...)` in async code",
            "Use `await asyncio.sleep(...)` in async code",
        ),
    ],
)
def test_the_do_is_what_the_message_says_to_write(message: str, do: str) -> None:
    assert replacement(message) == do

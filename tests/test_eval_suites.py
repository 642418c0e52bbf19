"""Prompt suites: a suite file, a pack's ``prompts/``, a bundled pack; and the bundled suites."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import rule_yaml, write_pack
from upstream.agents.evaluation.suites import (
    load_pack_suites,
    load_suite,
    pack_suite_files,
    resolve_suites,
    unknown_rules,
)
from upstream.cli import main
from upstream.errors import PackError, UsageError
from upstream.packs import bundled_pack_paths, load_rule_set

SUITE = """\
- id: count
  topic: driver CRUD
  language: Python
  prompt: Count the documents matching a filter with pymongo.
  rules: [r, other/rule]
- id: connect
  topic: connection handling
  language: JavaScript
  system: You are terse.
  prompt: Connect to MongoDB from Node.js.
"""


def _pack_with_suite(root: Path) -> Path:
    """A pack whose folder name differs from its manifest's name, with one suite."""
    manifest = "name: demo\nversion: 0.1.0\ntitle: Demo\n"
    pack = write_pack(
        root, rule_yaml("match:\n  pattern: count($X)"), name="demo-folder", manifest=manifest
    )
    (pack / "prompts").mkdir()
    (pack / "prompts" / "crud.yaml").write_text(SUITE, encoding="utf-8")
    return pack


def test_a_suite_file_passed_directly(tmp_path: Path) -> None:
    path = tmp_path / "suite.yaml"
    path.write_text(SUITE, encoding="utf-8")
    [suite] = resolve_suites([str(path)])
    assert suite.pack is None and suite.path == path
    count, connect = suite.prompts
    assert (count.id, count.topic, count.language) == ("count", "driver CRUD", "python")
    assert (connect.language, connect.system, connect.rules) == ("javascript", "You are terse.", ())
    # Outside a pack, a bare rule id has no pack to belong to.
    assert suite.full_rules(count) == ("r", "other/rule")


def test_a_pack_folder_and_a_file_in_its_prompts_belong_to_the_pack(tmp_path: Path) -> None:
    pack = _pack_with_suite(tmp_path)
    [suite] = resolve_suites([str(pack)])
    assert suite.pack == "demo"  # the manifest's name, which prefixes the rule ids
    assert suite.full_rules(suite.prompts[0]) == ("demo/r", "other/rule")
    [direct] = resolve_suites([str(pack / "prompts" / "crud.yaml")])
    assert direct.pack == "demo"
    known = set(load_rule_set([pack]).rule_set.rules)
    assert unknown_rules([suite], known) == [f"{suite.path}: prompt count: unknown rule other/rule"]


def test_a_bundled_pack_by_name() -> None:
    suites = resolve_suites(["redis"])
    assert suites and {suite.pack for suite in suites} == {"redis"}
    assert all(suite.path.parent.parent.name == "redis" for suite in suites)


def test_a_folder_without_suites_and_an_unknown_name_are_usage_errors(tmp_path: Path) -> None:
    pack = write_pack(tmp_path, rule_yaml("match:\n  pattern: f()"))
    with pytest.raises(UsageError, match=r"no prompt suites \(prompts/\*\.yaml\)"):
        resolve_suites([str(pack)])
    with pytest.raises(UsageError, match=r"no-such-pack: no suite file, pack folder or bundled"):
        resolve_suites(["no-such-pack"])


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("- id: a\n  topic: t\n  language: cobol\n  prompt: p\n", 3, "prompt a: language: "),
        ("- id: a\n  language: python\n  prompt: p\n", 1, "prompt a: topic: Field required"),
        (
            "- id: a\n  topic: t\n  language: python\n  prompt: p\n  sytem: s\n",
            5,
            "prompt a: sytem:",
        ),
        (
            "- id: a\n  topic: t\n  language: python\n  prompt: p\n  rules: [[x]]\n",
            5,
            "prompt a: rules[0]:",
        ),
        ("- topic: t\n  language: python\n  prompt: p\n", 1, "prompt #1: id: Field required"),
        ("- just a string\n", 1, "prompt #1: (the prompt): "),
        ("id: a\nprompt: p\n", 1, "a suite is a non-empty list of prompts"),
        ("- id: a\n  prompt: [unclosed\n", 3, "invalid YAML: "),
    ],
)
def test_a_bad_suite_is_one_usage_error_naming_file_line_and_field(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        resolve_suites([str(path)])
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith(f"{path}:{line}: {message}")


def test_every_problem_of_a_suite_is_listed_and_the_cli_shows_the_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.yaml"
    valid = "  topic: t\n  language: python\n  prompt: p\n"
    path.write_text(f"- id: a\n{valid}- id: a\n{valid}- id: b\n  topic: t\n", encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_suite(path)
    assert caught.value.problems == [
        f"{path}:5: prompt a: duplicate id (first at line 1)",
        f"{path}:9: prompt b: prompt: Field required",
        f"{path}:9: prompt b: language: Field required",
    ]
    argv = ["eval", "run", str(path), "--model", "m", "-o", str(tmp_path / "out")]
    assert main(argv) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert (
        line == f"upstream: error: {path}:5: prompt a: duplicate id (first at line 1) (and 2 more)"
    )


def test_two_suites_with_one_prompt_id_are_refused(tmp_path: Path) -> None:
    for name in ("one.yaml", "two.yaml"):
        (tmp_path / name).write_text(SUITE, encoding="utf-8")
    with pytest.raises(UsageError, match=r"two\.yaml: prompt id 'count' is also in .*one\.yaml"):
        resolve_suites([str(tmp_path / "one.yaml"), str(tmp_path / "two.yaml")])


# --- the bundled suites ---------------------------------------------------------------


def test_every_bundled_prompt_validates_and_names_rules_that_exist() -> None:
    packs = [path for path in bundled_pack_paths() if pack_suite_files(path)]
    known = set(load_rule_set(list(bundled_pack_paths())).rule_set.rules)
    suites = [suite for pack in packs for suite in load_pack_suites(pack)]  # PackError if bad
    assert unknown_rules(suites, known) == []
    # Every prompt says which rules it is about, so its answers are scored against them.
    assert [p.id for suite in suites for p in suite.prompts if not p.rules] == []
    # Prompt ids are unique across the bundled suites: resolve_suites refuses duplicates.
    assert len(resolve_suites([pack.name for pack in packs])) == len(suites)


def test_the_bundled_suites_cover_the_issue_topics() -> None:
    suites = resolve_suites(["mongodb", "openai", "redis", "python-ecosystem"])
    prompts = [prompt for suite in suites for prompt in suite.prompts]
    assert len(prompts) >= 60
    mongodb = {p.topic for suite in suites if suite.pack == "mongodb" for p in suite.prompts}
    assert {"sharding", "indexes", "driver CRUD", "aggregation", "connection handling"} <= mongodb
    assert {p.language for p in prompts} >= {"python", "javascript"}

"""Bad packs give one line per problem naming file:line and field; other packs still load."""

from __future__ import annotations

from pathlib import Path

from conftest import rule_yaml, run_cli, write_pack
from upstream.packs import load_rule_set

GOOD = rule_yaml("match:\n  pattern: eval($X)")


def problems_for(tmp_path: Path, rules_yaml: str) -> list[str]:
    loaded = load_rule_set([write_pack(tmp_path, rules_yaml, "bad")])
    assert loaded.rule_set.packs == ()
    return list(loaded.problems)


def test_yaml_syntax_error_names_line(tmp_path):
    [problem] = problems_for(tmp_path, "rules:\n  - id: r\n    title: [unclosed\n")
    assert problem.startswith(str(tmp_path / "bad" / "rules.yaml") + ":")
    assert "invalid YAML" in problem and "\n" not in problem


def test_unquoted_pattern_with_colon_gets_a_hint(tmp_path):
    text = rule_yaml("match:\n  pattern: f({ $KEY: 1 })", languages="[javascript]")
    [problem] = problems_for(tmp_path, text)
    assert ":8: invalid YAML" in problem and "quote" in problem


def test_schema_error_names_line_field_and_rule(tmp_path):
    text = GOOD.replace("title: A rule", "title: A rule\n    severity: fatal")
    [problem] = problems_for(tmp_path, text)
    assert problem.startswith(f"{tmp_path / 'bad' / 'rules.yaml'}:4: rule r: rules[0].severity:")
    assert "'error', 'warning', 'info' or 'hint'" in problem


def test_unknown_field_is_an_error(tmp_path):
    [problem] = problems_for(
        tmp_path, GOOD.replace("match:\n      pattern:", "match:\n      patern:")
    )
    assert ":8: rule r: rules[0].match.patern: Extra inputs are not permitted" in problem


def test_missing_field(tmp_path):
    [problem] = problems_for(tmp_path, GOOD.replace("    message: 'found it'\n", ""))
    assert "rule r: rules[0].message: Field required" in problem


def test_unknown_language(tmp_path):
    [problem] = problems_for(tmp_path, GOOD.replace("[python]", "[cobol]"))
    assert ":4: rule r: rules[0].languages" in problem and "unknown language 'cobol'" in problem


def test_pattern_that_does_not_parse(tmp_path):
    [problem] = problems_for(tmp_path, rule_yaml("match:\n  pattern: 'eval((('"))
    assert ":2: rule r: match.pattern: pattern does not parse as one python" in problem


def test_invalid_raw_query(tmp_path):
    [problem] = problems_for(tmp_path, rule_yaml("match:\n  query: '(no_such_node) @match'"))
    assert "rule r: match.query: invalid python query" in problem


def test_regex_rejected_by_re2(tmp_path):
    text = rule_yaml("match:\n  kind: identifier\n  regex: '(a)\\1'")
    [problem] = problems_for(tmp_path, text)
    assert "rule r: match.regex: invalid regex" in problem


def test_unknown_kind(tmp_path):
    [problem] = problems_for(tmp_path, rule_yaml("match:\n  kind: no_such_kind"))
    assert "python has no node kind 'no_such_kind'" in problem


def test_matcher_without_a_generator(tmp_path):
    [problem] = problems_for(tmp_path, rule_yaml("match:\n  not: { kind: identifier }"))
    assert "needs a pattern, kind or query" in problem


def test_unbound_names_in_fix_message_and_where(tmp_path):
    assert (
        "fix: $Y is not bound"
        in problems_for(tmp_path / "a", rule_yaml("match:\n  pattern: f($X)", extra="fix: g($Y)"))[
            0
        ]
    )
    assert (
        "{{Y}} is not bound"
        in problems_for(tmp_path / "b", rule_yaml("match:\n  pattern: f($X)", message="{{Y}}"))[0]
    )
    assert (
        "where.Y: the match binds no metavariable Y"
        in problems_for(
            tmp_path / "c", rule_yaml("match:\n  pattern: f($X)", extra="where:\n  Y: { regex: a }")
        )[0]
    )


def test_duplicate_rule_ids(tmp_path):
    text = GOOD + GOOD.replace("rules:\n", "")
    [problem] = problems_for(tmp_path, text)
    assert "rule r: duplicate id (first at" in problem


def test_bad_requirement(tmp_path):
    [problem] = problems_for(tmp_path, GOOD + "    requires: { pypi: 'pymongo>>4' }\n")
    assert "rule r:" in problem


def test_manifest_errors(tmp_path):
    pack = write_pack(tmp_path, GOOD, "bad", manifest="name: Bad Name\nversion: one\ntitle: x\n")
    problems = load_rule_set([pack]).problems
    assert any("pack.yaml:1: name:" in p for p in problems)
    assert any(
        "pack.yaml:2: version: Value error, 'one' is not a semantic version" in p for p in problems
    )


def test_engine_version_requirement(tmp_path):
    manifest = "name: future\nversion: 1.0.0\ntitle: x\nupstream: '>=99'\n"
    pack = write_pack(tmp_path, GOOD, "future", manifest=manifest)
    [problem] = load_rule_set([pack]).problems
    assert "pack future needs upstream >=99" in problem and "upgrade upstream" in problem


def test_missing_pack_folder(tmp_path):
    [problem] = load_rule_set([tmp_path / "nope"]).problems
    assert problem == f"{tmp_path / 'nope'}: no such pack folder"


def test_broken_pack_is_skipped_and_others_still_run(tmp_path):
    good = write_pack(tmp_path, GOOD, "good")
    bad = write_pack(tmp_path, "rules: nope\n", "bad")
    (tmp_path / "code.py").write_text("eval(x)\n")
    result = run_cli(
        "check", "--no-bundled", "--pack", str(bad), "--pack", str(good), str(tmp_path / "code.py")
    )
    assert "good/r" in result.stdout
    assert "upstream: pack skipped:" in result.stderr and "Traceback" not in result.stderr
    assert result.returncode == 2

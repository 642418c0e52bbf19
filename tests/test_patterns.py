"""Pattern matching: metavariables, sequences, unordered keys, strings, per-language match."""

from __future__ import annotations

from conftest import lines, rule_yaml


def test_metavariable_binds_one_node_and_renders_in_message(find):
    rules = rule_yaml(
        "match:\n  pattern: $C.insert($DOC)", message="use insert_one on {{C}} for {{DOC}}"
    )
    findings = find(rules, "db.users.insert({'a': 1})\n")
    assert [f.message for f in findings] == ["use insert_one on db.users for {'a': 1}"]


def test_single_metavariable_does_not_match_two_arguments(find):
    rules = rule_yaml("match:\n  pattern: $C.insert($DOC)")
    assert find(rules, "items.insert(0, value)\n") == []


def test_repeated_metavariable_must_bind_equal_text(find):
    rules = rule_yaml("match:\n  pattern: $A == $A")
    findings = find(rules, "x == x\nx == y\n")
    assert lines(findings) == [1]


def test_multi_metavariable_matches_zero_or_more_arguments(find):
    rules = rule_yaml("match:\n  pattern: f($$$ARGS)", message="args: {{ARGS}}")
    findings = find(rules, "f()\nf(1, 2, key=3)\ng(1)\n")
    assert [f.message for f in findings] == ["args: ", "args: 1, 2, key=3"]


def test_multi_metavariable_between_fixed_arguments(find):
    rules = rule_yaml("match:\n  pattern: f($FIRST, $$$, $LAST)", message="{{FIRST}}..{{LAST}}")
    findings = find(rules, "f(1)\nf(1, 2)\nf(1, 2, 3, 4)\n")
    assert [f.message for f in findings] == ["1..2", "1..4"]


def test_wildcard_matches_anything_and_binds_nothing(find):
    rules = rule_yaml("match:\n  pattern: f($_, $_)")
    assert lines(find(rules, "f(1, 2)\nf(1)\n")) == [1]


def test_keyword_argument_order_does_not_matter(find):
    rules = rule_yaml("match:\n  pattern: create(model=$M, engine=$E)")
    findings = find(rules, "create(engine='e', model='m')\ncreate(model='m')\n")
    assert lines(findings) == [1]


def test_keyword_among_others_with_multi(find):
    rules = rule_yaml("match:\n  pattern: create($$$, engine=$E)", message="{{E}}")
    findings = find(rules, "create(model='m', engine='e', temperature=0)\ncreate(model='m')\n")
    assert [f.message for f in findings] == ["'e'"]


def test_object_with_exactly_one_key(find):
    rules = rule_yaml(
        "match:\n  pattern: 'shard($NS, { $KEY: 1 })'", languages="[javascript]", message="{{KEY}}"
    )
    code = 'shard("a", { _id: 1 })\nshard("a", { _id: 1, x: 1 })\nshard("a", { _id: "hashed" })\n'
    assert [f.message for f in find(rules, code, "javascript")] == ["_id"]


def test_object_key_among_others_in_any_order(find):
    rules = rule_yaml("match:\n  pattern: '({ a: 1, $$$ })'", languages="[javascript]")
    code = "x = ({ b: 2, a: 1 })\ny = ({ b: 2 })\nz = ({ a: 1 })\n"
    assert lines(find(rules, code, "javascript")) == [1, 3]


def test_python_dict_entries_in_any_order(find):
    rules = rule_yaml("""match:\n  pattern: '{"a": 1, $$$}'""")
    assert lines(find(rules, "x = {'b': 2, 'a': 1}\ny = {'b': 2}\n")) == [1]


def test_strings_compare_by_value_whatever_the_quotes(find):
    rules = rule_yaml("""match:\n  pattern: 'command("shardCollection", $NS)'""")
    code = (
        "command('shardCollection', 'a')\n"
        "command(\"shardCollection\", 'a')\n"
        "command('other', 'a')\n"
    )
    assert lines(find(rules, code)) == [1, 2]


def test_per_language_match(find):
    rules = rule_yaml(
        "match:\n  python:\n    pattern: eval($X)\n  javascript:\n    pattern: eval($X)",
        languages="[python, javascript]",
    )
    assert lines(find(rules, "eval(code)\n", "python")) == [1]
    assert lines(find(rules, "eval(code);\n", "javascript")) == [1]


def test_java_expression_pattern(find):
    rules = rule_yaml(
        "match:\n  pattern: 'new Document(\"shardCollection\", $NS)'", languages="[java]"
    )
    code = (
        "class A { void m() { "
        'db.runCommand(new Document("shardCollection", ns)); new Document("x", 1); } }\n'
    )
    findings = find(rules, code, "java")
    assert len(findings) == 1 and findings[0].start.column == 35


def test_go_call_pattern(find):
    rules = rule_yaml("match:\n  pattern: fmt.Println($$$)", languages="[go]")
    code = (
        'package main\nimport "fmt"\nfunc main() {\n\tfmt.Println("a", 1)\n\tfmt.Printf("b")\n}\n'
    )
    assert lines(find(rules, code, "go")) == [4]


def test_sql_keywords_match_in_any_case(find):
    rules = rule_yaml("match:\n  pattern: DROP TABLE $T", languages="[sql]")
    assert lines(find(rules, "drop table users;\nSELECT 1;\n", "sql")) == [1]


def test_typescript_and_tsx(find):
    rules = rule_yaml("match:\n  pattern: eval($X)", languages="[typescript, tsx]")
    assert lines(find(rules, "const x: number = eval(s);\n", "typescript")) == [1]
    assert lines(find(rules, "const e = <div>{eval(s)}</div>;\n", "tsx")) == [1]


def test_binary_operator_must_match(find):
    rules = rule_yaml("match:\n  pattern: $A + $B")
    assert lines(find(rules, "a + b\na - b\n")) == [1]


def test_positions_count_code_points(find):
    rules = rule_yaml("match:\n  pattern: f($X)")
    findings = find(rules, "s = 'héllo wörld'; f(1)\n")
    assert findings[0].start.column == 19 and findings[0].end.column == 23


def test_javascript_quoted_and_bare_keys_are_the_same_key(find):
    rules = rule_yaml(
        "match:\n  pattern: 'f({ shardCollection: $NS, $$$ })'", languages="[javascript]"
    )
    code = (
        'f({ shardCollection: "a" })\n'
        'f({ "shardCollection": "a" })\n'
        "f({ 'shardCollection': \"a\" })\n"
        'f({ other: "a" })\n'
    )
    assert lines(find(rules, code, "javascript")) == [1, 2, 3]


def test_python_variable_key_is_not_a_string_key(find):
    rules = rule_yaml("""match:\n  pattern: '{"_id": 1}'""")
    assert lines(find(rules, "a = {'_id': 1}\nb = {_id: 1}\n")) == [1]


def test_key_value_pattern_matches_shorthand_property(find):
    rules = rule_yaml(
        "match:\n  pattern: 'create({ messages: $M, $$$ })'",
        languages="[javascript]",
        message="{{M}}",
    )
    code = "create({ model, messages });\ncreate({ messages: msgs });\ncreate({ model });\n"
    assert [f.message for f in find(rules, code, "javascript")] == ["messages", "msgs"]


def test_template_literal_compares_by_value(find):
    rules = rule_yaml("match:\n  pattern: 'get(\"users\")'", languages="[javascript]")
    assert lines(find(rules, "get(`users`);\nget('users');\nget(`other`);\n", "javascript")) == [
        1,
        2,
    ]

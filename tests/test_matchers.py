"""Composite matchers (kind, regex, query, all, any, not, inside, has) and where filters."""

from __future__ import annotations

import time

from conftest import lines, rule_yaml, write_pack
from upstream.packs import load_rule_set


def test_kind_matcher(find):
    rules = rule_yaml("match:\n  kind: lambda")
    assert lines(find(rules, "f = lambda: 1\ng = 2\n")) == [1]


def test_regex_filters_a_kind(find):
    rules = rule_yaml("match:\n  kind: identifier\n  regex: ^tmp_")
    findings = find(rules, "tmp_a = other\n")
    assert [f.bindings for f in findings] == [{}] and lines(findings) == [1]


def test_raw_query_with_match_capture_and_bindings(find):
    rules = rule_yaml(
        """
        match:
          query: >-
            (call function: (identifier) @fn (#eq? @fn "exec")
                  arguments: (argument_list (_) @arg)) @match
        """,
        message="exec of {{arg}}",
    )
    assert [f.message for f in find(rules, "exec(code)\neval(code)\n")] == ["exec of code"]


def test_raw_query_match_predicate_runs_under_re2_without_backtracking(find):
    rules = rule_yaml(
        """
        match:
          query: '((string_content) @match (#match? @match "^(a+)+$"))'
        """
    )
    code = "x = '" + "a" * 40 + "b'\ny = 'aaaa'\n"
    started = time.monotonic()
    findings = find(rules, code)
    # Python's re needs minutes for this input; RE2 is linear. Generous bound: not a benchmark.
    assert time.monotonic() - started < 20
    assert lines(findings) == [2]


def test_all_requires_every_part(find):
    rules = rule_yaml(
        """
        match:
          all:
            - pattern: $F($$$)
            - has: { kind: keyword_argument }
        """
    )
    assert lines(find(rules, "f(a=1)\nf(1)\n")) == [1]


def test_any_matches_either(find):
    rules = rule_yaml(
        """
        match:
          any:
            - pattern: eval($X)
            - pattern: exec($X)
        """
    )
    assert lines(find(rules, "eval(a)\nexec(a)\nprint(a)\n")) == [1, 2]


def test_not_excludes(find):
    rules = rule_yaml(
        """
        match:
          pattern: requests.get($$$)
          not: { pattern: 'requests.get($$$, timeout=$T)' }
        """
    )
    code = "import requests\nrequests.get(url)\nrequests.get(url, timeout=5)\n"
    assert lines(find(rules, code)) == [2]


def test_inside_requires_an_ancestor(find):
    rules = rule_yaml(
        """
        match:
          pattern: MongoClient($$$)
          inside: { kind: function_definition }
        """
    )
    code = "client = MongoClient()\ndef handler():\n    c = MongoClient()\n"
    assert lines(find(rules, code)) == [3]


def test_has_requires_a_descendant(find):
    rules = rule_yaml(
        """
        match:
          kind: function_definition
          has: { pattern: MongoClient($$$) }
        """
    )
    code = "def a():\n    MongoClient()\ndef b():\n    pass\n"
    assert lines(find(rules, code)) == [1]


def test_where_regex_and_not_regex(find):
    rules = rule_yaml(
        "match:\n  pattern: 'shard({ $KEY: 1 })'",
        languages="[javascript]",
        extra="where:\n  KEY: { regex: '^(_id|ts)$', not-regex: '^ts$' }",
    )
    code = "shard({ _id: 1 })\nshard({ ts: 1 })\nshard({ name: 1 })\n"
    assert lines(find(rules, code, "javascript")) == [1]


def test_where_in_compares_string_values(find):
    rules = rule_yaml("""match:\n  pattern: 'get($K)'""", extra="where:\n  K: { in: [a, b] }")
    assert lines(find(rules, "get('a')\nget(\"b\")\nget('c')\n")) == [1, 2]


def test_where_kind_and_pattern(find):
    kind_rule = rule_yaml("match:\n  pattern: f($X)", extra="where:\n  X: { kind: integer }")
    assert lines(find(kind_rule, "f(1)\nf(x)\n")) == [1]
    pattern_rule = rule_yaml("match:\n  pattern: f($X)", extra="where:\n  X: { pattern: g($$$) }")
    assert lines(find(pattern_rule, "f(g(1))\nf(h(1))\n")) == [1]


def test_nested_matches_are_all_reported(find):
    rules = rule_yaml("match:\n  pattern: f($X)")
    assert len(find(rules, "f(f(1))\n")) == 2


def test_where_is_tried_against_every_keyword_argument(find):
    rules = rule_yaml(
        "match:\n  pattern: 'MongoClient($$$, $K=$V, $$$)'",
        extra="where:\n  K: { in: [j, wtimeout] }",
        message="{{K}}",
    )
    findings = find(rules, "MongoClient('h', w=1, j=True)\nMongoClient('h', w=1)\n")
    assert [f.message for f in findings] == ["j"]


def test_where_is_tried_against_every_object_entry(find):
    rules = rule_yaml(
        "match:\n  pattern: '({ $K: $V, $$$ })'",
        languages="[javascript]",
        extra="where:\n  K: { in: [useNewUrlParser] }",
    )
    code = "x = ({ useNewUrlParser: true, a: 1 });\ny = ({ a: 1, useNewUrlParser: true });\n"
    assert lines(find(rules, code, "javascript")) == [1, 2]


def test_where_binds_per_any_branch(find):
    rules = rule_yaml(
        """
        match:
          any:
            - pattern: first($X)
            - pattern: second()
        where:
          X: { regex: '^ok$' }
        """
    )
    assert lines(find(rules, "first(ok)\nfirst(no)\nsecond()\n")) == [1, 3]


def test_positional_metavariable_does_not_take_a_keyword_argument(find):
    rules = rule_yaml("match:\n  pattern: $C.hmset($N, $M)")
    assert lines(find(rules, "r.hmset('k', m)\nr.hmset('k', mapping=m)\n")) == [1]


def test_property_name_is_not_an_imported_reference(find):
    rules = rule_yaml("match:\n  pattern: pymongo.errors.NotMasterError")
    code = (
        "from pymongo.errors import NotMasterError\n"
        "x = pymongo.errors.NotMasterError\n"
        "y = NotMasterError\n"
    )
    # Once each: the import, the full name, the imported name; never `NotMasterError`
    # inside `pymongo.errors.NotMasterError` a second time.
    assert lines(find(rules, code)) == [1, 2, 3]


def test_same_query_with_different_regex_predicates_stays_apart(tmp_path):
    from upstream.engine import check
    from upstream.engine.languages import LANGUAGES
    from upstream.packs import load_rule_set

    def rule(rule_id: str, regex: str) -> str:
        return (
            f"  - id: {rule_id}\n    title: t\n    languages: [python]\n    message: m\n"
            "    docs: https://example.org/docs\n    match:\n"
            f"      query: '((identifier) @match (#match? @match \"{regex}\"))'\n"
        )

    pack = write_pack(tmp_path, "rules:\n" + rule("a", "^alpha$") + rule("b", "^beta$"))
    loaded = load_rule_set([pack])
    found = check("alpha\nbeta\n", LANGUAGES["python"], loaded.rule_set)
    assert [(f.rule, f.start.line) for f in found] == [("t/a", 0), ("t/b", 1)]


def test_references_report_the_name_where_stored_not_where_read(find):
    rules = rule_yaml(
        """
        references: [lib.Old]
        match:
          pattern: lib.Old.create($$$ARGS)
        fix:
          template: lib.new($$$ARGS)
        """
    )
    code = "import lib\nlib.Old.create(1)\nclient = lib.Old\nlib.Old.name\nf(lib.Old)\nlib.New\n"
    findings = find(rules, code)
    assert lines(findings) == [2, 3, 5]
    # The call's rewrite does not fit a reference.
    assert [f.fix is not None for f in findings] == [True, False, False]


def test_a_reference_that_is_a_call_is_a_load_problem(tmp_path):
    rules = rule_yaml("references: ['lib.Old()']\nmatch:\n  pattern: lib.Old.create()")
    loaded = load_rule_set([write_pack(tmp_path / "packs", rules)])
    assert [p.split(": ", 1)[1] for p in loaded.problems] == [
        "rule r: references[0]: a reference is a name, not a call: 'lib.Old()'"
    ]

"""The engine's shortcuts find exactly what the plain way finds.

Four shortcuts narrow the work without changing results: a document walks only the
patterns of the rules whose gates it passes, a member name a rule allows only some values
of is pinned in the query, `has`/`inside` parts look up the query's hits
instead of walking every descendant or ancestor, and dotted names are pinned by their last
name unless an import renames it. Each is switched off here and the findings over every
bundled pack's test files and the precision corpus must not change.
"""

from __future__ import annotations

import concurrent.futures
import threading
from pathlib import Path

import pytest
from conftest import lines, rule_yaml
from upstream.engine import (
    LANGUAGES,
    CheckOptions,
    Document,
    Finding,
    RuleSet,
    check_document,
    language_for_path,
)
from upstream.engine.matchers import CompiledMatcher
from upstream.packs import bundled_pack_paths, load_rule_set
from upstream.packs.cached import DiskPackCache
from upstream.scan import read_source

ROOT = Path(__file__).resolve().parents[1]


def _corpus() -> list[Path]:
    folders = [ROOT / "rules", ROOT / "tests" / "precision"]
    return sorted(
        path
        for folder in folders
        for path in folder.rglob("*")
        if path.is_file() and language_for_path(path) is not None
    )


def _findings(rule_set: RuleSet, files: list[Path]) -> dict[str, list[tuple[object, ...]]]:
    found: dict[str, list[tuple[object, ...]]] = {}
    for path in files:
        spec = language_for_path(path)
        assert spec is not None
        rules = rule_set.for_language(spec.name)
        source = read_source(path)
        if rules is None or not isinstance(source, bytes):
            continue
        document = Document(str(path), source, spec)
        found[str(path)] = [_key(f) for f in check_document(document, rules, CheckOptions())]
    return found


def _key(finding: Finding) -> tuple[object, ...]:
    return (finding.rule, finding.start_byte, finding.end_byte, finding.message)


@pytest.fixture(scope="module")
def corpus() -> list[Path]:
    files = _corpus()
    assert len(files) > 100
    return files


@pytest.fixture(scope="module")
def expected(corpus: list[Path]) -> dict[str, list[tuple[object, ...]]]:
    found = _findings(load_rule_set(bundled_pack_paths()).rule_set, corpus)
    assert sum(len(keys) for keys in found.values()) > 500
    return found


def test_has_and_inside_lookups_match_walking(corpus, expected):
    rule_set = load_rule_set(bundled_pack_paths()).rule_set
    assert sum(rules.slots for rules in rule_set.languages.values()) > 20
    for rules in rule_set.languages.values():
        rules.slots = 0  # no index: every has/inside part walks the tree
    assert _findings(rule_set, corpus) == expected


def test_last_name_pinning_matches_the_renamed_import_query(corpus, expected):
    rule_set = load_rule_set(bundled_pack_paths()).rule_set
    for rules in rule_set.languages.values():
        if rules.chain_names:
            rules.query = rules.query_for(set(rules.chain_names))
    assert _findings(rule_set, corpus) == expected


def test_querying_only_the_rules_that_apply_matches_the_merged_query(corpus, expected):
    # The fixture's findings come from narrowed queries: each document walks the patterns
    # of the rules whose gates it passes. Here every document walks every rule's pattern.
    rule_set = load_rule_set(bundled_pack_paths()).rule_set
    for rules in rule_set.languages.values():
        rules.narrow = False
    assert _findings(rule_set, corpus) == expected


def test_member_names_pinned_in_the_query_match_filtering_them_after(corpus, expected):
    # `$C.$M(...)` with `where: { M: { in: [...] } }`: the fixture's queries pin M to the
    # allowed names; here every call is a candidate and the `where` alone decides.
    rule_set = load_rule_set(bundled_pack_paths(), lazy=True).rule_set
    for rules in rule_set.languages.values():
        rules.pin_names = False
    assert _findings(rule_set, corpus) == expected


def test_narrowed_queries_of_a_lazy_rule_set_share_one_slot_numbering(corpus, expected):
    # Lazily, the merged query is never built: the subsets number the `has`/`inside`
    # parts. Two subsets numbering their parts apart would mix up their lookups.
    rule_set = load_rule_set(bundled_pack_paths(), lazy=True).rule_set
    assert _findings(rule_set, corpus) == expected
    python = rule_set.for_language("python")
    assert python is not None and not python.compiled  # no file passes every Python gate


def test_import_renaming_the_last_name_still_matches(find):
    rules = rule_yaml("match:\n  pattern: pandas.Int64Index($$$)")
    code = "from pandas import Int64Index as I64\nI64([1])\nInt64Index([2])\n"
    assert lines(find(rules, code)) == [2]
    module = "import pandas.Int64Index as I64\nI64([1])\n"
    assert lines(find(rules, module)) == [2]


def test_has_finds_a_descendant_with_the_same_range(find):
    # `f(x)` is both the expression statement and its call: same bytes, different nodes.
    rules = rule_yaml(
        """
        match:
          all:
            - kind: expression_statement
            - has: { pattern: f($A) }
        """
    )
    assert lines(find(rules, "f(x)\ng(f(y))\nh(z)\n")) == [1, 2]


def test_inside_finds_an_ancestor_with_the_same_range(find):
    rules = rule_yaml(
        """
        match:
          all:
            - pattern: f($A)
            - inside: { kind: expression_statement }
        """
    )
    assert lines(find(rules, "f(x)\ndef g():\n    return f(z)\n")) == [1]


def test_lazily_built_queries_serve_concurrent_first_checks():
    # The language server checks on worker threads; with queries built on first use, a
    # second document must not see a half-built language (it used to get no findings).
    code = b'sh.shardCollection("db.d", { _id: 1 })\n'
    spec = LANGUAGES["javascript"]
    eager = load_rule_set(bundled_pack_paths()).rule_set.for_language("javascript")
    assert eager is not None
    expected = [_key(f) for f in check_document(Document("a.js", code, spec), eager)]
    assert expected
    lazy = load_rule_set(bundled_pack_paths(), lazy=True).rule_set.for_language("javascript")
    assert lazy is not None and not lazy.compiled
    start = threading.Barrier(4)

    def first_check(name: str) -> list[tuple[object, ...]]:
        start.wait()
        return [_key(f) for f in check_document(Document(name, code, spec), lazy)]

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = list(pool.map(first_check, ["a.js", "b.js", "c.js", "d.js"]))
    assert results == [expected] * 4


def test_packs_from_the_disk_cache_match_loading_them(corpus, expected, tmp_path, monkeypatch):
    # The cache skips YAML, validation and compiling each raw query (compiled on first use).
    cache = DiskPackCache(tmp_path)
    load_rule_set(bundled_pack_paths(), lazy=True, cache=cache)

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cached pack was read again")

    monkeypatch.setattr("upstream.packs.load_pack", no_reading)
    rule_set = load_rule_set(bundled_pack_paths(), lazy=True, cache=cache).rule_set
    raw = [
        matcher.query
        for rules in rule_set.languages.values()
        for rule in rules.rules
        for matcher in _matchers(rule.matcher)
        if matcher.query is not None
    ]
    assert len(raw) > 100 and all("query" not in query.__dict__ for query in raw)
    assert _findings(rule_set, corpus) == expected


def _matchers(matcher: CompiledMatcher) -> list[CompiledMatcher]:
    found = [matcher]
    for part in matcher.parts():
        found += _matchers(part)
    return found

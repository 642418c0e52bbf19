"""`context: application` and `paths:`: test code by path and by code, rule path globs, pack
tests judged from their own folder, and incremental re-checks equal to fresh ones."""

from __future__ import annotations

import dataclasses
import textwrap
import time
from pathlib import Path

import pytest
from conftest import REPO, rule_yaml, run_cli, write_pack
from hypothesis import given, settings
from hypothesis import strategies as st
from test_incremental import Editor, assert_edits_recheck_as_fresh, bundled_rules, full_findings
from upstream.engine import (
    LANGUAGES,
    CheckOptions,
    Document,
    ProjectIndex,
    RuleSet,
    build_rule_set,
    check,
    check_document,
    compile_pack,
    language_for_path,
)
from upstream.engine.context import (
    FileContext,
    PathFilter,
    glob_regex,
    in_test_code,
    is_test_path,
    relative_path,
)
from upstream.engine.incremental import ByteEdit
from upstream.engine.incremental import check as incremental_check
from upstream.packs import load_rule_set
from upstream.packs.loader import load_pack
from upstream.packs.packtest import PackTestResult, _read_annotations, run_pack_tests
from upstream.packs.schema import Pack

CALLS = "match:\n  pattern: danger($X)"
APPLICATION = rule_yaml(
    CALLS, languages="[python, javascript, typescript]", extra="context: application"
)
ANYWHERE = rule_yaml(CALLS, languages="[python, javascript, typescript]")


def found(load, rules: str, code: str, path: str, language: str = "python", root=None):  # type: ignore[no-untyped-def]
    """The lines (1-based) reported in ``code`` checked as the file ``path``."""
    options = CheckOptions(project=ProjectIndex(root)) if root is not None else None
    text = textwrap.dedent(code)
    findings = check(text, LANGUAGES[language], load(rules).rule_set, path, options)
    return [finding.start.line + 1 for finding in findings]


# -- what counts as a test file --------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "tests/test_cache.py",
        "tests/helpers.py",
        "app/tests/factories.py",
        "test/unit/cache.js",
        "test_cache.py",
        "cache_test.py",
        "conftest.py",
        "src/conftest.py",
        "src/cache.test.ts",
        "src/cache.spec.js",
        "src/cache.test.tsx",
        "src/cache.spec.mjs",
        "src/__tests__/cache.js",
        "src/__mocks__/redis.js",
        "spec/cache.js",
        "pkg/store_test.go",
        "packages/test-utils/lib/index.ts",
    ],
)
def test_test_paths(path):
    assert is_test_path(path)


@pytest.mark.parametrize(
    "path",
    [
        "app/cache.py",
        "testing.py",
        "app/testing/ab.py",
        "contest.py",
        "app/test.py",
        "app/latest/cache.py",
        "src/attestation.js",
        "src/cache.testing.js",
        "tests",
        "",
    ],
)
def test_application_paths(path):
    assert not is_test_path(path)


def test_paths_are_judged_from_the_project_root(tmp_path):
    # A project that happens to live in a folder named `tests` is not all test code.
    root = tmp_path / "tests" / "shop"
    assert relative_path(str(root / "app" / "cache.py"), root) == "app/cache.py"
    assert not FileContext(str(root / "app" / "cache.py"), root).is_test
    assert FileContext(str(root / "tests" / "cache.py"), root).is_test
    # Outside the root, or with none: the path as given.
    assert relative_path("/elsewhere/tests/x.py", root) == "/elsewhere/tests/x.py"
    assert FileContext("tests/x.py", None).is_test


def test_the_path_is_worked_out_only_for_a_rule_that_asks(load):
    rule = next(iter(load(ANYWHERE).rule_set.rules.values()))[1]
    file = FileContext("tests/test_x.py", None)
    assert file.admits(rule)
    assert "relative" not in vars(file) and "is_test" not in vars(file)


# -- a rule about application code -----------------------------------------------------------


def test_not_active_in_a_test_file(load):
    code = "danger(1)\n"
    for path in ("tests/cache.py", "test_cache.py", "conftest.py"):
        assert found(load, APPLICATION, code, path) == []
        assert found(load, ANYWHERE, code, path) == [1]
    assert found(load, APPLICATION, code, "app/cache.py") == [1]
    assert found(load, APPLICATION, "danger(1);\n", "src/cache.test.ts", "typescript") == []


def test_not_active_in_a_test_folder_of_the_project_only(load, tmp_path):
    root = tmp_path / "tests" / "shop"
    app, test = str(root / "app" / "cache.py"), str(root / "tests" / "cache.py")
    assert found(load, APPLICATION, "danger(1)\n", app, root=root) == [1]
    assert found(load, APPLICATION, "danger(1)\n", test, root=root) == []


PYTHON_TEST_CODE = """\
import functools
import unittest

import pytest
import pytest_asyncio
from pytest import fixture


def test_flush():
    danger(1)


def testFlush():
    danger(2)


@pytest.fixture
def db():
    danger(3)
    yield


@pytest.fixture(scope="session", autouse=True)
def session_db():
    def inner():
        danger(4)


@fixture
def plain():
    danger(5)


@pytest_asyncio.fixture
async def async_db():
    danger(6)


def setup_module(module):
    danger(7)


def teardown_function(function):
    danger(8)


class TestCache:
    def helper(self):
        danger(9)


class CacheTests:
    x = danger(10)


class Cache(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        danger(11)


class Other(TestBase):
    def run(self):
        danger(12)


class Mixin:
    def setUp(self):
        danger(13)

    @classmethod
    def tearDownClass(cls):
        danger(14)


@pytest.mark.usefixtures("env")
@pytest.fixture
def under_another_decorator():
    danger(15)
"""

PYTHON_APPLICATION_CODE = """\
import functools
import pytest


def testify():
    danger(1)


def setup():
    danger(2)


def reset(test=True):
    danger(3)


class ABTest:
    def run(self):
        danger(4)


class Testimonial:
    def save(self):
        danger(5)


@functools.cache
def cached():
    danger(6)


@pytest.mark.slow
def slow_helper():
    danger(7)


class Latest(Generic[T]):
    def run(self):
        danger(8)


danger(9)
"""


def test_python_test_code_in_an_application_file(load):
    assert found(load, APPLICATION, PYTHON_TEST_CODE, "app/mixed.py") == []
    assert len(found(load, ANYWHERE, PYTHON_TEST_CODE, "app/mixed.py")) == 15


def test_python_application_code_is_reported(load):
    lines = found(load, APPLICATION, PYTHON_APPLICATION_CODE, "app/cache.py")
    assert len(lines) == 9


JAVASCRIPT_TEST_CODE = """\
beforeEach(async () => { danger(1); });
afterAll(function () { danger(2); });
describe('cache', () => {
  it('flushes', async () => {
    danger(3);
  });
  it.only('x', () => danger(4));
  test.each([[1]])('y %s', (n) => { danger(5); });
  describe.each`a`('z', () => { test.concurrent('w', async () => { danger(6); }); });
  const helper = () => danger(7);
});
before(function* () { danger(8); });
"""

JAVASCRIPT_APPLICATION_CODE = """\
export function run(input) {
  if (/x/.test(danger(1))) {
    return describe(danger(2));
  }
  router.it('x', () => { danger(3); });
  return expect(() => danger(4));
}
danger(5);
"""


@pytest.mark.parametrize("language", ["javascript", "typescript"])
def test_javascript_test_callbacks(load, language):
    assert found(load, APPLICATION, JAVASCRIPT_TEST_CODE, "src/cache.js", language) == []
    assert len(found(load, ANYWHERE, JAVASCRIPT_TEST_CODE, "src/cache.js", language)) == 8
    lines = found(load, APPLICATION, JAVASCRIPT_APPLICATION_CODE, "src/cache.js", language)
    assert lines == [2, 3, 5, 6, 8]


def test_other_languages_have_no_test_code_by_code():
    spec = LANGUAGES["java"]
    tree = spec.parser().parse(b"class A { @Test void t() { danger(); } }")
    node = tree.root_node.descendant_for_byte_range(28, 34)
    assert node is not None and not in_test_code(node, spec)


# -- schema ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "extra, message",
    [
        ("context: tests", "context"),
        ("paths: {}", "needs 'include' or 'exclude'"),
        ("paths: {exclude: ['/']}", "names no file or folder"),
        ("paths: {skip: [x]}", "skip"),
    ],
)
def test_bad_context_or_paths_is_a_load_problem(tmp_path, extra, message):
    loaded = load_rule_set([write_pack(tmp_path, rule_yaml(CALLS, extra=extra))])
    assert loaded.rule_set.packs == ()
    [problem] = loaded.problems
    assert message in str(problem) and "rules.yaml" in str(problem)


# -- paths: ----------------------------------------------------------------------------------


def test_path_globs():
    excluded = PathFilter([], ["vendor/", "*.min.js", "/build", "src/**/generated"])
    assert not excluded.admits("vendor/x.js") and not excluded.admits("a/vendor/x.js")
    assert excluded.admits("vendor")  # a folder-only glob
    assert not excluded.admits("a/b/app.min.js")
    assert not excluded.admits("build/x.py") and excluded.admits("src/build/x.py")
    assert not excluded.admits("src/a/b/generated/x.py") and excluded.admits("generated/x.py")
    assert excluded.admits("app.py")
    included = PathFilter(["src/"], ["*_pb2.py"])
    assert included.admits("src/app.py") and not included.admits("lib/app.py")
    assert not included.admits("src/a_pb2.py")


def test_a_hostile_glob_runs_in_linear_time():
    # Under a backtracking regex engine this glob against this path takes hours.
    hostile = PathFilter([], ["*a" * 30 + "b"])
    start = time.perf_counter()
    assert hostile.admits("a" * 3000)
    assert time.perf_counter() - start < 1
    assert glob_regex("a?c") == "^(?:.*/)?a[^/]c(?:/.*)?$"


def test_rule_paths_exclude_and_include(load, tmp_path):
    rules = rule_yaml(CALLS, extra="paths: {include: [src/], exclude: [src/legacy/]}")
    root = tmp_path / "project"
    assert found(load, rules, "danger(1)\n", str(root / "src" / "app.py"), root=root) == [1]
    assert found(load, rules, "danger(1)\n", str(root / "src/legacy/app.py"), root=root) == []
    assert found(load, rules, "danger(1)\n", str(root / "scripts" / "app.py"), root=root) == []


# -- pack tests ------------------------------------------------------------------------------


def test_pack_test_files_are_application_code_unless_named_as_tests(tmp_path):
    pack = write_pack(tmp_path, APPLICATION)
    tests = pack / "tests"
    (tests / "__tests__").mkdir(parents=True)
    (tests / "cases.py").write_text(
        "# expect: r\ndanger(1)\n\n\ndef test_it():\n    # ok: r\n    danger(2)\n"
    )
    (tests / "conftest.py").write_text("# ok: r\ndanger(1)\n")
    (tests / "test_cases.py").write_text("# ok: r\ndanger(1)\n")
    (tests / "__tests__" / "cases.js").write_text("// ok: r\ndanger(1);\n")
    (tests / "cases.spec.ts").write_text("// ok: r\ndanger(1);\n")
    result = run_cli("test", str(pack))
    assert result.returncode == 0, result.stdout
    assert "t: 1 rules, 5 files, 6 cases: ok" in result.stdout


def test_an_expect_in_a_pack_test_file_named_as_a_test_fails(tmp_path):
    pack = write_pack(tmp_path, APPLICATION)
    (pack / "tests").mkdir()
    (pack / "tests" / "test_cases.py").write_text("# expect: r\ndanger(1)\n# ok: r\nsafe()\n")
    result = run_cli("test", str(pack))
    assert result.returncode == 1
    assert "test_cases.py:2: expected t/r, not reported" in result.stdout


APPLICATION_PACKS = ["redis", "openai"]


@pytest.mark.parametrize("name", APPLICATION_PACKS)
def test_ok_cases_in_test_code_would_fail_without_the_context(name):
    """Each `ok` case of an application-only rule in test code is one the rule matches once
    it is about any code: the pack tests test the context, not a pattern that misses."""
    pack = load_pack(REPO / "rules" / name)
    assert run_pack_tests(pack, _rule_set_of(pack)).passed
    cases = _ok_cases_in_test_code(pack)
    assert cases, f"{name}: no ok case in test code"
    loose = dataclasses.replace(
        pack, rules=tuple(rule.model_copy(update={"context": "any"}) for rule in pack.rules)
    )
    failures = set(run_pack_tests(loose, _rule_set_of(loose)).failures)
    wanted = {f"{file}:{line}: {rule} reported on a line marked ok" for file, line, rule in cases}
    assert sorted(wanted - failures) == []


def _rule_set_of(pack: Pack) -> RuleSet:
    compiled, problems = compile_pack(pack)
    assert not problems
    return build_rule_set([pack], compiled)[0]


def _ok_cases_in_test_code(pack: Pack) -> set[tuple[Path, int, str]]:
    """(file, 1-based line, rule) of each `ok` case of an application-only rule whose line
    starts in test code, by the file's name or by the code around it."""
    application = {pack.full_id(rule) for rule in pack.rules if rule.context == "application"}
    tests = Path(pack.path) / "tests"
    cases = set()
    for file in sorted(tests.rglob("*")):
        spec = language_for_path(file)
        if spec is None or ".fixed." in file.name:
            continue
        text = file.read_text()
        annotations = _read_annotations(pack, file, text, spec, PackTestResult(pack.name))
        root = spec.parser().parse(text.encode()).root_node
        lines = text.splitlines()
        named_as_test = is_test_path(file.relative_to(tests).as_posix())
        for line, rules in annotations.ok.items():
            at = (line, len(lines[line]) - len(lines[line].lstrip()))
            node = root.named_descendant_for_point_range(at, at)
            if named_as_test or (node is not None and in_test_code(node, spec)):
                cases |= {(file, line + 1, rule) for rule in rules & application}
    return cases


# -- the libraries' own kind of test code -----------------------------------------------------


def test_precision_corpus_judged_as_application_code_by_its_path():
    # The corpus sits under tests/, a test folder; from its own root, its fixtures and test
    # callbacks (in files that are not test files by name) are still test code.
    root = REPO / "tests" / "precision"
    rule_set = bundled_rules()
    application = {
        full for full, (_, rule) in rule_set.rules.items() if rule.context == "application"
    }
    options = CheckOptions(project=ProjectIndex(root), is_enabled=application.__contains__)
    checked = 0
    for file in sorted(root.rglob("*")):
        spec = language_for_path(file)
        rules = rule_set.for_language(spec.name) if spec is not None else None
        if spec is None or rules is None or not any(r.full_id in application for r in rules.rules):
            continue
        checked += 1
        document = Document(str(file), file.read_bytes(), spec)
        assert check_document(document, rules, options) == [], file
    assert checked >= 10


# -- incremental re-checks -------------------------------------------------------------------


FILES = [
    ("python", REPO / "rules/redis/tests/commands.py"),
    ("javascript", REPO / "rules/redis/tests/commands.js"),
    ("python", REPO / "rules/openai/tests/module_client.py"),
]
SNIPPETS = [
    "x",
    "\n",
    " ",
    ":",
    "(",
    '"',
    "def test_x():\n    ",
    "@pytest.fixture\n",
    "class TestX:\n    ",
    "    r.flushdb()\n",
    "openai.api_key = k\n",
    "describe('x', () => {\n",
    "});\n",
    "it('y', async () => { await client.flushAll(); });\n",
]


@pytest.mark.parametrize("language, path", FILES)
@settings(max_examples=12, deadline=None)
@given(
    steps=st.lists(
        st.tuples(st.floats(0, 1), st.integers(0, 12), st.sampled_from(SNIPPETS) | st.just("")),
        min_size=1,
        max_size=6,
    )
)
def test_incremental_equals_full_around_test_code(language, path, steps):
    assert_edits_recheck_as_fresh(bundled_rules(), Editor(language, path.read_bytes()), steps)


def test_an_edit_that_makes_a_function_a_test_rechecks_incrementally():
    rule_set = bundled_rules()
    source = b"import redis\n\nr = redis.Redis()\n\n\ndef reset():\n    r.flushdb()\n"
    editor = Editor("python", source)
    before, _ = editor.check(rule_set)
    assert [key[0] for key in before] == ["redis/flush-in-application-code"]
    at = source.index(b"reset")
    editor.edit(at, at + len(b"reset"), b"test_reset")
    after, incremental = editor.check(rule_set)
    assert incremental and after == full_findings(rule_set, editor) == []


def test_a_test_file_stays_a_test_file_across_incremental_rechecks():
    rules = bundled_rules().for_language("python")
    source = b"import redis\n\nr = redis.Redis()\nr.flushdb()\n"
    spec = LANGUAGES["python"]
    first = incremental_check(Document("tests/helpers.py", source, spec), rules, CheckOptions())
    assert first.findings == [] and not first.incremental
    edited = source + b"r.flushall()\n"
    tree = spec.parser().parse(edited)
    baseline = first.baseline
    baseline.edits.append(ByteEdit(len(source), len(source), len(edited)))
    again = incremental_check(
        Document("tests/helpers.py", edited, spec, tree), rules, CheckOptions(), baseline
    )
    assert again.findings == [] and again.incremental
    assert check_document(Document("app/helpers.py", edited, spec), rules, CheckOptions())

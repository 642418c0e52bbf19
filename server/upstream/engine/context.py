"""Test code and rule paths: what ``context: application`` and ``paths:`` leave out.

Some advice is right about an application and wrong about its tests: KEYS and FLUSHALL are
what a test does to a throw-away database, and a test of the module-level OpenAI client sets
``openai.api_key`` on purpose. A rule says so with ``context: application``; the engine then
knows test code two ways, both from what is written (nothing is imported or run):

- a whole file, by its path relative to the project root: a folder named ``tests``,
  ``test``, ``__tests__``... on the way, or a test file's name (``test_*.py``, ``*_test.py``,
  ``conftest.py``, ``*.test.ts``, ``*.spec.js``, ``*_test.go``): the rule is not active
  there;
- a node, in any file, by the definitions around it: a pytest test function or fixture, a
  unittest hook (``setUp``, ``tearDownClass``...), a ``Test*`` or ``TestCase`` class, a
  Jest/Mocha/Vitest ``describe``/``it``/``test`` callback or hook: the finding is dropped.

Only rules that ask pay for it: the path is classified once per document, the first time an
application-only rule (or one with ``paths:``) is considered, and a node's ancestors are
looked at only for a finding of such a rule. What a node's ancestors are depends on its own
top-level statement alone, so a rule stays as local as it was for incremental re-checks.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import tree_sitter

from upstream.engine.languages import JAVASCRIPT_LIKE, LanguageSpec
from upstream.engine.regex import CompiledRegex, compile_regex

if TYPE_CHECKING:
    # Types only: packs import the engine at run time, so the engine must not import them.
    from upstream.packs.schema import Paths, Rule

# Folders whose files are test code: pytest's and unittest's, Jest's `__tests__` and
# `__mocks__`, Jasmine's `spec`, a monorepo's test harness package (node-redis has one).
TEST_FOLDERS = frozenset(
    {"tests", "test", "__tests__", "__mocks__", "spec", "test-utils", "test_utils"}
)
_TEST_FILE = re.compile(
    r"^(?:test_.*\.py|.*_test\.py|conftest\.py|.*_test\.go"
    r"|.*\.(?:test|spec)\.(?:[cm]?[jt]s|[jt]sx))$"
)

# Python: pytest test functions (`test_x`, unittest's `testX`), and the hooks of unittest,
# pytest and its nose/xunit-style setup functions.
_TEST_FUNCTION = re.compile(r"^test(?:_|[A-Z0-9]|$)")
_TEST_HOOKS = frozenset(
    {
        "setUp",
        "tearDown",
        "setUpClass",
        "tearDownClass",
        "setUpModule",
        "tearDownModule",
        "asyncSetUp",
        "asyncTearDown",
        "setup_module",
        "teardown_module",
        "setup_function",
        "teardown_function",
        "setup_class",
        "teardown_class",
        "setup_method",
        "teardown_method",
    }
)
_FIXTURES = frozenset(
    {"fixture", "yield_fixture", "pytest.fixture", "pytest.yield_fixture", "pytest_asyncio.fixture"}
)
# `class TestCache`, `class CacheTests`, `class CacheTestCase`; bases `unittest.TestCase`,
# `IsolatedAsyncioTestCase`, Django's `TestCase`, a project's `TestBase` / `RedisTests`.
_TEST_CLASS = re.compile(r"^Test(?:[A-Z0-9_]|$)|(?:Tests|TestCase)$")

# JavaScript / TypeScript: Jest, Mocha (BDD and TDD), Vitest, Jasmine, node:test.
_TEST_CALLS = frozenset(
    {
        "describe",
        "it",
        "test",
        "suite",
        "context",
        "specify",
        "xdescribe",
        "xit",
        "fdescribe",
        "fit",
        "beforeEach",
        "afterEach",
        "beforeAll",
        "afterAll",
        "before",
        "after",
        "setup",
        "teardown",
        "suiteSetup",
        "suiteTeardown",
    }
)
_FUNCTION_KINDS = frozenset(
    {"arrow_function", "function_expression", "function", "generator_function"}
)


def relative_path(path: str, root: Path | None) -> str:
    """``path`` relative to ``root`` (``/``-separated) when it lies under it, else as given.

    Both sides are tried as written and then with symbolic links resolved: a project root
    is usually resolved, an editor's document path not always.
    """
    if root is not None and path:
        for candidate, base in ((os.path.abspath(path), root), (os.path.realpath(path), root)):
            try:
                return Path(candidate).relative_to(base).as_posix()
            except ValueError:
                continue
    return path.replace(os.sep, "/")


def is_test_path(relative: str) -> bool:
    """Whether a file is test code by its path: in a test folder, or named as a test file."""
    parts = PurePosixPath(relative).parts
    if not parts:
        return False
    return any(part in TEST_FOLDERS for part in parts[:-1]) or bool(_TEST_FILE.match(parts[-1]))


class FileContext:
    """What one document's path says about the rules: worked out on first need."""

    def __init__(self, path: str, root: Path | None) -> None:
        self.path = path
        self.root = root

    @functools.cached_property
    def relative(self) -> str:
        return relative_path(self.path, self.root)

    @functools.cached_property
    def is_test(self) -> bool:
        return is_test_path(self.relative)

    def admits(self, rule: Rule) -> bool:
        """Whether ``rule`` applies to this file: not an application-only rule in a test
        file, and within the rule's ``paths:``."""
        if rule.context == "application" and self.is_test:
            return False
        return rule.paths is None or path_filter(rule.paths).admits(self.relative)


def in_test_code(node: tree_sitter.Node, spec: LanguageSpec) -> bool:
    """Whether ``node`` sits in a test function, fixture, test hook or test class (Python),
    or in the callback of a test or hook call (JavaScript, TypeScript)."""
    if spec.name == "python":
        test = _python_test
    elif spec.name in JAVASCRIPT_LIKE:
        test = _javascript_test
    else:
        return False
    ancestor = node.parent
    while ancestor is not None:
        if test(ancestor, spec):
            return True
        ancestor = ancestor.parent
    return False


def _python_test(node: tree_sitter.Node, spec: LanguageSpec) -> bool:
    kind = node.type
    if kind == "function_definition":
        name = _field_text(node, "name")
        return bool(_TEST_FUNCTION.match(name)) or name in _TEST_HOOKS
    if kind == "decorated_definition":
        return any(_is_fixture(child, spec) for child in node.children if child.type == "decorator")
    if kind == "class_definition":
        if _TEST_CLASS.search(_field_text(node, "name")):
            return True
        bases = node.child_by_field_name("superclasses")
        return bases is not None and any(
            _TEST_CLASS.search(_last_name(base)) for base in bases.named_children
        )
    return False


def _is_fixture(decorator: tree_sitter.Node, spec: LanguageSpec) -> bool:
    expression = next(iter(decorator.named_children), None)
    if expression is not None and expression.type == "call":
        expression = expression.child_by_field_name("function")
    return expression is not None and _dotted(expression, spec) in _FIXTURES


def _javascript_test(node: tree_sitter.Node, spec: LanguageSpec) -> bool:
    # A function passed to a test call: `it("...", async () => {...})`, `beforeEach(fn)`.
    if node.type not in _FUNCTION_KINDS:
        return False
    arguments = node.parent
    call = arguments.parent if arguments is not None and arguments.type == "arguments" else None
    if call is None or call.type != "call_expression":
        return False
    callee = call.child_by_field_name("function")
    return callee is not None and _call_head(callee, spec) in _TEST_CALLS


def _call_head(callee: tree_sitter.Node, spec: LanguageSpec) -> str:
    """The name a test call starts from: ``describe`` for ``describe.only``,
    ``test.each([...])`` and ``it.concurrent``; empty for any other callee."""
    node: tree_sitter.Node | None = callee
    while node is not None and node.type not in spec.identifier_kinds:
        if node.type == "call_expression":
            node = node.child_by_field_name("function")
        elif node.type in spec.member_kinds:
            node = node.child_by_field_name(spec.member_kinds[node.type][0])
        else:
            return ""
    return _text(node) if node is not None else ""


def _dotted(node: tree_sitter.Node, spec: LanguageSpec) -> str:
    """``pytest.fixture`` for an identifier or an attribute chain; empty for anything else."""
    names: list[str] = []
    current: tree_sitter.Node | None = node
    while current is not None and current.type in spec.member_kinds:
        names.append(_field_text(current, spec.member_kinds[current.type][1]))
        current = current.child_by_field_name(spec.member_kinds[current.type][0])
    if current is None or current.type not in spec.identifier_kinds:
        return ""
    names.append(_text(current))
    return ".".join(reversed(names))


def _last_name(base: tree_sitter.Node) -> str:
    """The class name a base ends with: ``TestCase`` for ``unittest.TestCase`` and for
    ``TestCase[Model]``; empty for a keyword argument (``metaclass=...``)."""
    if base.type == "subscript":
        value = base.child_by_field_name("value")
        base = value if value is not None else base
    if base.type == "attribute":
        return _field_text(base, "attribute")
    return _text(base) if base.type == "identifier" else ""


def _field_text(node: tree_sitter.Node, name: str) -> str:
    child = node.child_by_field_name(name)
    return _text(child) if child is not None else ""


def _text(node: tree_sitter.Node) -> str:
    return node.text.decode("utf-8", "replace") if node.text is not None else ""


# -- paths: ------------------------------------------------------------------------------


class PathFilter:
    """A rule's ``paths:``: a file is admitted when some ``include`` glob matches it (or
    there is none) and no ``exclude`` glob does."""

    def __init__(self, include: Sequence[str], exclude: Sequence[str]) -> None:
        self._include = _globs(include)
        self._exclude = _globs(exclude)

    def admits(self, relative: str) -> bool:
        if self._include is not None and self._include.search(relative) is None:
            return False
        return self._exclude is None or self._exclude.search(relative) is None


@functools.lru_cache(maxsize=256)
def _path_filter(include: tuple[str, ...], exclude: tuple[str, ...]) -> PathFilter:
    return PathFilter(include, exclude)


def path_filter(paths: Paths) -> PathFilter:
    """The compiled filter of a rule's ``paths:`` (compiled once per distinct globs)."""
    return _path_filter(tuple(paths.include), tuple(paths.exclude))


def _globs(patterns: Sequence[str]) -> CompiledRegex | None:
    if not patterns:
        return None
    return compile_regex("|".join(f"(?:{glob_regex(pattern)})" for pattern in patterns))


def glob_regex(pattern: str) -> str:
    """The RE2 regex of one path glob, gitignore-like (a pack is untrusted: RE2, not
    fnmatch's backtracking ``re``).

    ``*`` matches within a folder name, ``**`` across folders, ``?`` one character; there
    are no character classes. A glob with no ``/`` but a trailing one matches at any depth
    (``*.min.js``, ``vendor/``); otherwise it is anchored at the root (``/build``,
    ``src/legacy``). A glob matches a file or any folder above it
    (``legacy`` covers ``legacy/app.py``); a trailing ``/`` matches folders only.
    """
    folder_only = pattern.endswith("/")
    body = pattern.strip("/")
    if not body:
        raise ValueError(f"{pattern!r} is not a path glob: it names no file or folder")
    anchored = "/" in pattern.rstrip("/")  # `/build`, `src/legacy`: from the root
    regex = []
    index = 0
    while index < len(body):
        if body.startswith("**/", index):
            regex.append("(?:.*/)?")
            index += 3
        elif body.startswith("**", index):
            regex.append(".*")
            index += 2
        elif body[index] == "*":
            regex.append("[^/]*")
            index += 1
        elif body[index] == "?":
            regex.append("[^/]")
            index += 1
        else:
            regex.append(re.escape(body[index]))
            index += 1
    start = "^" if anchored else "^(?:.*/)?"
    end = "/.*$" if folder_only else "(?:/.*)?$"
    return start + "".join(regex) + end


__all__ = [
    "TEST_FOLDERS",
    "FileContext",
    "PathFilter",
    "glob_regex",
    "in_test_code",
    "is_test_path",
    "path_filter",
    "relative_path",
]

"""Compat branches (engine/compat.py): a guard's version decides whether a rule applies."""

from __future__ import annotations

import textwrap

import pytest
import tree_sitter
from upstream.engine.compat import CompatGuards
from upstream.engine.imports import LazyImports
from upstream.engine.languages import LANGUAGES
from upstream.packs.requirements import Requirement

PYTHON = LANGUAGES["python"]


def excluded(code: str, requirement: str) -> bool:
    """Whether the call `target()` in ``code`` is guarded out for ``requirement``."""
    source = textwrap.dedent(code).encode()
    root = tree_sitter.Parser(PYTHON.grammar).parse(source).root_node
    query = tree_sitter.Query(
        PYTHON.grammar, '((call function: (identifier) @f) @c (#eq? @f "target"))'
    )
    nodes = [c["c"][0] for _, c in tree_sitter.QueryCursor(query).matches(root)]
    assert len(nodes) == 1
    guards = CompatGuards(root, LazyImports(PYTHON, root, source))
    return guards.excludes(nodes[0], [Requirement.parse("pypi", requirement)])


@pytest.mark.parametrize(
    ("guard", "requirement", "expected"),
    [
        ("import sys\nif sys.version_info < (3,):", "python>=3", True),
        ("import sys\nif sys.version_info < (3, 12):", "python>=3.12", True),
        ("import sys\nif sys.version_info < (3, 12):", "python>=3.10", False),
        ("import sys\nif sys.version_info >= (3, 12):", "python>=3.12", False),
        ("import sys\nif sys.version_info[0] == 2:", "python>=3", True),
        ("import sys\nif sys.version_info.major > 2:", "python>=3", False),
        ("import sys\nif sys.version_info <= (3, 8):", "python>=3.9", True),
        ("import six\nif six.PY2:", "python>=3", True),
        ("from six import PY3\nif not PY3:", "python>=3", True),
        ("import sys\nPY2 = sys.version_info[0] == 2\nif PY2:", "python>=3", True),
        ("import sys\nPY2 = sys.version_info[0] == 2\nif not PY2:", "python>=3", False),
        ("import pydantic\nif pydantic.VERSION.startswith('1.'):", "pydantic>=2", True),
        ("from pydantic import VERSION\nif VERSION.startswith('2'):", "pydantic>=2", False),
        ("import pymongo\nif pymongo.version_tuple < (4,):", "pymongo>=4.0", True),
        ("import pymongo\nif pymongo.version_tuple[0] >= 4:", "pymongo>=4.0", False),
        (
            "from packaging.version import Version\nimport redis\n"
            "if Version(redis.__version__) < Version('3.0'):",
            "redis>=3.0",
            True,
        ),
        (
            "import importlib.metadata\nif importlib.metadata.version('numpy') < '2':",
            "numpy>=2",
            True,
        ),
        # Another library's version says nothing about this one.
        ("import pydantic\nif pydantic.VERSION.startswith('1.'):", "pymongo>=4.0", False),
        # Conditions it does not read say nothing.
        ("import sys\nif sys.version_info < (3,) or flag:", "python>=3", False),
        ("if settings.LEGACY:", "pymongo>=4.0", False),
    ],
)
def test_a_guard_decides_its_branch(guard: str, requirement: str, expected: bool) -> None:
    code = guard + "\n    target()\n"
    assert excluded(code, requirement) is expected


def test_the_else_branch_is_the_other_version() -> None:
    code = """
    import pymongo
    if pymongo.version_tuple < (4,):
        pass
    elif flag:
        pass
    else:
        target()
    """
    assert not excluded(code, "pymongo>=4.0")
    code = code.replace("< (4,)", ">= (4,)")
    assert excluded(code, "pymongo>=4.0")


def test_conditional_expressions_and_nested_definitions() -> None:
    assert excluded("import six\nx = target() if six.PY2 else 1\n", "python>=3")
    assert not excluded("import six\nx = 1 if six.PY2 else target()\n", "python>=3")
    code = """
    import six
    if six.PY2:
        def old():
            return target()
    """
    assert excluded(code, "python>=3")


def test_a_name_defined_through_itself_says_nothing() -> None:
    code = "A = B\nB = A\nif A:\n    target()\n"
    assert not excluded(code, "python>=3")


def test_a_condition_nested_past_the_stack_says_nothing() -> None:
    deep = "(" * 3000 + "pymongo.version_tuple < (4,)" + ")" * 3000
    assert not excluded(f"import pymongo\nif {deep}:\n    target()\n", "pymongo>=4.0")

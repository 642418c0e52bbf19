"""Compat code: a branch guarded by a version check runs on that version only.

``if PYDANTIC_V1: Model.parse_obj(x)`` (with ``PYDANTIC_V1 =
pydantic.VERSION.startswith("1.")``) or ``if pymongo.version_tuple < (4,): coll.insert(d)``
is the code for the old version, so a rule about what the new version removed
(``requires: {pypi: "pydantic>=2"}``) does not report it; the ``else`` branch is the new
version's, and is reported. Conditions understood (Python):

- ``sys.version_info`` (also ``[0]``, ``[:2]``, ``.major``) compared with a tuple or an int,
  ``six.PY2`` / ``six.PY3``, for the Python version (a rule's ``python`` requirement);
- ``LIB.__version__``, ``LIB.VERSION``, ``LIB.version`` (strings) and ``LIB.version_tuple`` /
  ``LIB.version_info`` (tuples, also ``[0]``) of an imported library, and
  ``importlib.metadata.version("dist")``, compared with a literal, wrapped or not in
  ``Version(...)`` / ``parse(...)`` / ``parse_version(...)``, or ``.startswith("1.")``;
- ``not``, ``and`` of those, and a module-level name assigned one (``PY2 = ...``);

in an ``if``/``elif``/``else`` or a conditional expression (``a if PY2 else b``).

Anything else says nothing, and the rule applies as usual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import tree_sitter
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from upstream.engine.imports import LazyImports
from upstream.engine.languages import LANGUAGES
from upstream.engine.pattern import dotted_name, string_value

if TYPE_CHECKING:
    # Types only: packs import the engine at run time, so the engine must not import them.
    from upstream.packs.requirements import Requirement

# name (a distribution, or "python") -> specifiers that all hold in a branch
Constraint = dict[str, tuple[str, ...]]
PYTHON = "python"

_VERSION_STRINGS = ("__version__", "VERSION", "version")
_VERSION_TUPLES = ("version_tuple", "version_info", "VERSION_INFO", "VERSION_TUPLE")
_PARSERS = ("Version", "parse", "parse_version", "LooseVersion", "StrictVersion")
_NEGATED = {"<": ">=", ">=": "<", "<=": ">", ">": "<=", "==": "!=", "!=": "=="}
_FLIPPED = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}
# How many names a condition may go through (`A = B`, `B = sys.version_info < ...`).
_MAX_NAME_HOPS = 4


class CompatGuards:
    """The version guards around nodes of one Python document (worked out on first need)."""

    def __init__(self, root: tree_sitter.Node, imports: LazyImports) -> None:
        self._root, self._imports = root, imports
        self._conditions: dict[int, Constraint | None] = {}
        self._module_names: dict[str, tree_sitter.Node] | None = None

    def excludes(self, node: tree_sitter.Node, requirements: Iterable[Requirement]) -> bool:
        """Whether ``node`` sits in a branch that cannot run on a version the rule is for."""
        wanted = [r for r in requirements if r.specifier]
        if not wanted:
            return False
        try:
            return self._excludes(node, wanted)
        except RecursionError:
            return False  # a condition nested past the stack says nothing, never a crash

    def _excludes(self, node: tree_sitter.Node, wanted: list[Requirement]) -> bool:
        for constraint in self._branches(node):
            for requirement in wanted:
                specifiers = constraint.get(canonicalize_name(requirement.name))
                if specifiers and _disjoint(requirement.specifier, specifiers):
                    return True
        return False

    # -- branches ------------------------------------------------------------------------

    def _branches(self, node: tree_sitter.Node) -> Iterable[Constraint]:
        child, parent = node, node.parent
        while parent is not None:
            found = None
            if parent.type == "if_statement":
                found = self._branch(parent, child)
            elif parent.type == "conditional_expression" and parent.named_child_count == 3:
                body, condition, otherwise = parent.named_children
                if child == body:
                    found = self._condition(condition)
                elif child == otherwise:
                    found = _negate(self._condition(condition))
            # A guard around a `def` or `class` still holds inside it: keep going up.
            if found:
                yield found
            child, parent = parent, parent.parent

    def _branch(self, statement: tree_sitter.Node, child: tree_sitter.Node) -> Constraint | None:
        condition = statement.child_by_field_name("condition")
        if condition is None:
            return None
        if child == statement.child_by_field_name("consequence"):
            return self._condition(condition)
        if child.type == "elif_clause":
            inner = child.child_by_field_name("condition")
            return self._condition(inner) if inner is not None else None
        if child.type == "else_clause":
            # Every condition before it was false.
            merged: Constraint = {}
            tests = [condition] + [
                clause.child_by_field_name("condition")
                for clause in statement.children_by_field_name("alternative")
                if clause.type == "elif_clause"
            ]
            for test in tests:
                negated = _negate(self._condition(test)) if test is not None else None
                if negated:
                    _merge(merged, negated)
            return merged
        return None

    # -- conditions ----------------------------------------------------------------------

    def _condition(self, node: tree_sitter.Node, hops: int = 0) -> Constraint | None:
        key = node.id
        if key not in self._conditions:
            self._conditions[key] = None  # a name defined through itself says nothing
            self._conditions[key] = self._evaluate(node, hops)
        return self._conditions[key]

    def _evaluate(self, node: tree_sitter.Node, hops: int) -> Constraint | None:
        kind = node.type
        if kind == "parenthesized_expression" and node.named_child_count == 1:
            return self._condition(node.named_children[0], hops)
        if kind == "not_operator":
            inner = node.child_by_field_name("argument")
            return _negate(self._condition(inner, hops)) if inner is not None else None
        if kind == "boolean_operator":
            operator = node.child_by_field_name("operator")
            if operator is None or operator.type != "and":
                return None
            merged: Constraint = {}
            for side in (node.child_by_field_name("left"), node.child_by_field_name("right")):
                found = self._condition(side, hops) if side is not None else None
                if found:
                    _merge(merged, found)
            return merged or None
        if kind == "comparison_operator":
            return self._comparison(node)
        if kind == "call":
            return self._startswith(node)
        if kind in ("identifier", "attribute"):
            return self._named(node, hops)
        return None

    def _named(self, node: tree_sitter.Node, hops: int) -> Constraint | None:
        path = self._resolve(node)
        if path in ("six.PY2", "six.PY3"):
            return {PYTHON: ("<3",) if path == "six.PY2" else (">=3",)}
        if node.type != "identifier" or hops >= _MAX_NAME_HOPS:
            return None
        value = self._module_names_().get(_text(node))
        return self._condition(value, hops + 1) if value is not None else None

    def _comparison(self, node: tree_sitter.Node) -> Constraint | None:
        operators = [child.type for child in node.children if not child.is_named]
        operands = node.named_children
        if len(operators) != 1 or len(operands) != 2 or operators[0] not in _NEGATED:
            return None
        operator = operators[0]
        left, right = operands
        source = self._version_source(left)
        literal = right
        if source is None:
            source, literal, operator = self._version_source(right), left, _FLIPPED[operator]
        if source is None:
            return None
        name, shape = source
        version = _literal_version(literal)
        if version is None:
            return None
        specifier = _specifier(operator, version, shape)
        return {name: (specifier,)} if specifier is not None else None

    def _startswith(self, node: tree_sitter.Node) -> Constraint | None:
        callee = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        if callee is None or callee.type != "attribute" or arguments is None:
            return None
        if _text(callee.child_by_field_name("attribute")) != "startswith":
            return None
        owner = callee.child_by_field_name("object")
        source = self._version_source(owner) if owner is not None else None
        values = arguments.named_children
        if source is None or source[1] != "string" or len(values) != 1:
            return None
        if values[0].type != "string":
            return None
        prefix = string_value(values[0]).rstrip(".")
        if not re.fullmatch(r"\d+(?:\.\d+)*", prefix):
            return None
        return {source[0]: (f"=={prefix}.*",)}

    # -- version expressions -------------------------------------------------------------

    def _version_source(self, node: tree_sitter.Node) -> tuple[str, str] | None:
        """(distribution or "python", "tuple" / "string" / "major") for an expression that
        reads a version, else None."""
        if node.type == "call":
            callee = node.child_by_field_name("function")
            arguments = node.child_by_field_name("arguments")
            values = arguments.named_children if arguments is not None else []
            if callee is None or len(values) != 1:
                return None
            name = self._resolve(callee) or ""
            if name.rsplit(".", 1)[-1] in _PARSERS:
                return self._version_source(values[0])
            metadata = name in ("importlib.metadata.version", "importlib_metadata.version")
            if metadata and values[0].type == "string":
                return canonicalize_name(string_value(values[0])), "string"
            return None
        if node.type == "subscript":
            owner = node.child_by_field_name("value")
            inner = self._version_source(owner) if owner is not None else None
            index = node.child_by_field_name("subscript")
            if inner is None or inner[1] != "tuple" or index is None:
                return None
            if index.type == "integer" and _text(index) == "0":
                return inner[0], "major"
            return inner if index.type == "slice" else None
        path = self._resolve(node)
        if path is None:
            return None
        if path in ("sys.version_info",):
            return PYTHON, "tuple"
        if path == "sys.version_info.major":
            return PYTHON, "major"
        module, _, attribute = path.rpartition(".")
        if not module or module.startswith("sys"):
            return None
        library = canonicalize_name(module.split(".")[0])
        if attribute in _VERSION_STRINGS:
            return library, "string"
        if attribute in _VERSION_TUPLES:
            return library, "tuple"
        return None

    def _resolve(self, node: tree_sitter.Node) -> str | None:
        """The import path a dotted name stands for (``sys.version_info``)."""
        if node.type not in ("identifier", "attribute"):
            return None
        dotted = dotted_name(LANGUAGES["python"], node)
        if dotted is None:
            return None
        return self._imports.resolve(dotted)

    def _module_names_(self) -> dict[str, tree_sitter.Node]:
        """Module-level ``NAME = condition`` assignments (the last one of each name)."""
        if self._module_names is None:
            found: dict[str, tree_sitter.Node] = {}
            for statement in self._root.named_children:
                if statement.type != "expression_statement" or not statement.named_children:
                    continue
                assignment = statement.named_children[0]
                if assignment.type != "assignment":
                    continue
                left = assignment.child_by_field_name("left")
                right = assignment.child_by_field_name("right")
                if left is not None and right is not None and left.type == "identifier":
                    found[_text(left)] = right
            self._module_names = found
        return self._module_names


def _text(node: tree_sitter.Node | None) -> str:
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", "replace")


def _literal_version(node: tree_sitter.Node) -> str | None:
    if node.type == "integer":
        return _text(node)
    if node.type == "tuple":
        parts = [_text(part) for part in node.named_children]
        return ".".join(parts) if parts and all(p.isdigit() for p in parts) else None
    if node.type == "string":
        value = string_value(node)
        return value if re.fullmatch(r"\d+(?:\.\d+)*", value) else None
    if node.type == "call":
        arguments = node.child_by_field_name("arguments")
        values = arguments.named_children if arguments is not None else []
        return _literal_version(values[0]) if len(values) == 1 else None
    return None


def _specifier(operator: str, version: str, shape: str) -> str | None:
    """The specifier a comparison of a version with ``version`` holds for."""
    if shape == "major" or (shape == "tuple" and operator in (">", "<=")):
        # Integers and tuples compare by their leading parts: `info[0] > 2` is 3 and up,
        # `version_info > (3, 8)` is 3.8.0 and up, `version_info <= (3, 8)` below 3.8.
        if shape == "major" and not version.isdigit():
            return None
        bump = {">": ">=", "<=": "<"}
        if operator in bump:
            bound = str(int(version) + 1) if shape == "major" else version
            return f"{bump[operator]}{bound}"
    if operator in ("==", "!=") and shape in ("major", "tuple"):
        return f"{operator}{version}.*"
    return f"{operator}{version}"


def _negate(constraint: Constraint | None) -> Constraint | None:
    """The negation of a one-specifier constraint (anything else is not negated)."""
    if not constraint or len(constraint) != 1:
        return None
    ((name, specifiers),) = constraint.items()
    if len(specifiers) != 1:
        return None
    match = re.fullmatch(r"(<=|>=|==|!=|<|>)(.+)", specifiers[0])
    if match is None:
        return None
    return {name: (f"{_NEGATED[match.group(1)]}{match.group(2)}",)}


def _merge(into: Constraint, more: Constraint) -> None:
    for name, specifiers in more.items():
        into[name] = (*into.get(name, ()), *specifiers)


def _disjoint(required: SpecifierSet, guard: tuple[str, ...]) -> bool:
    """Whether no version meets both the rule's requirement and the branch's guard."""
    try:
        guarded = SpecifierSet(",".join(guard))
    except InvalidSpecifier:
        return False
    candidates = {Version("0"), Version("100000")}
    for specifier in (*required, *guarded):
        text = specifier.version.removesuffix(".*")
        try:
            release = Version(text).release
        except InvalidVersion:
            return False
        for parts in _around(release):
            candidates.add(Version(".".join(map(str, parts))))
    both = [v for v in candidates if required.contains(v, prereleases=True)]
    return not any(guarded.contains(v, prereleases=True) for v in both)


def _around(release: tuple[int, ...]) -> list[tuple[int, ...]]:
    """Versions at and next to a boundary: each interval between boundaries gets one."""
    near = [release, (*release, 1)]
    near += [(*release[:-1], release[-1] + 1), (release[0] + 1,)]
    if release[-1] > 0:
        near.append((*release[:-1], release[-1] - 1, 999))
    if release[0] > 0:
        near.append((release[0] - 1, 999))
    return near


__all__ = ["CompatGuards"]

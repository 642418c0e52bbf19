"""Project-wide member types for JavaScript: what ``x.NAME`` is when nothing tells what
``x`` is, from every place the project's files define a member ``NAME``.

Express middleware sets ``req.db = client.db("app")`` in one file and route handlers in
others read ``req.db``; a module sets ``this._collection = db.collection("jobs")`` in a
function other files install as a method. When every definition of ``NAME`` in the project
(``anything.NAME = v``, ``anything["NAME"] = v``, an object literal's ``NAME:`` or
``{ NAME }``, a class field, method or getter ``NAME``, a TypeScript parameter property)
gives one and the same declared library type, a read of ``.NAME`` on a receiver inference
cannot type is of that type. One definition that is unknown, of another type, a project
object, a function or a builtin (``js.String``) leaves it unknown.

The index (engine/types/project.py) finds the files cheaply, in two scans of the project's
bytes, once: the member names assigned as ``.NAME =`` (a regex, a superset of the real
assignments), then which files spell each of those names as a word (every other definition
form spells it). Only a name whose assignments agree has the other files parsed. This module
holds the per-file parts.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import tree_sitter

from upstream.engine.languages import LanguageSpec
from upstream.engine.types.javascript_bindings import is_placeholder, member_name
from upstream.engine.types.model import Value, is_builtin, wider_of
from upstream.engine.types.syntax import cached_query, node_text

if TYPE_CHECKING:
    from upstream.engine.types.javascript import JavaScriptTypes

# `.name =`, `.name! /* c */ ??=`, `["name"] =`: a member assignment, or an `==` comparison
# (a superset).
_ASSIGNED = re.compile(
    rb"(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*([\"'])([A-Za-z_$][\w$]*)\2\s*\])"
    rb"\s*!?\s*(?:/\*[^*]*\*+(?:[^/*][^*]*\*+)*/\s*)*(?:\|\||\?\?|&&)?="
)

# A word not right after a `.` (`x. name` counts: a superset).
_WORD = re.compile(rb"(?<![\w$.])[A-Za-z_$][\w$]*")

# Object literal and class members: the other ways to give an object a member.
_OBJECT_MEMBERS_QUERY = """
(pair key: (_) @key) @member
(shorthand_property_identifier) @member
(method_definition) @member
"""
_FIELDS_QUERY = {
    "field_definition": "(field_definition) @member",
    "public_field_definition": "(public_field_definition) @member",
}
# TypeScript's parameter properties, `constructor(private db: Db)`.
_PARAMETERS = frozenset({"required_parameter", "optional_parameter"})
_PARAMETERS_QUERY = "(required_parameter) @member (optional_parameter) @member"
_PROPERTY_MODIFIERS = frozenset({"accessibility_modifier", "readonly", "override_modifier"})
# `x.name ||= v`, `x.name ??= v`: set from what inference does not follow, unknown.
_AUGMENTED_QUERY = """
(augmented_assignment_expression left: (member_expression property: (_) @name)) @member
"""


def assigned_member_names(source: bytes) -> set[str]:
    """The member names a file may assign (``x.name = v``): a superset, from its bytes."""
    found = set()
    for match in _ASSIGNED.finditer(source):
        spelled = match.group(1) or match.group(3)
        found.add(spelled.decode("utf-8", "replace"))
    return found


def spelled_names(source: bytes, names: frozenset[bytes]) -> set[str]:
    """Which of ``names`` (encoded) a file spells as a word other than right after a ``.``:
    every definition but ``x.name = v`` (which ``assigned_member_names`` finds) does so,
    while ``x.name`` and ``x.name()`` are only reads."""
    found = names.intersection(_WORD.findall(source))
    return {name.decode("utf-8", "replace") for name in found}


# A definition from a parameter of the function that makes it (`this._mdb = mdb`): the
# caller's object, injected. It takes the kind the member's other definitions agree on.
INJECTED = Value(partial=True)


def library_value(values: Iterable[Value | None]) -> Value | None:
    """The one declared library type all definitions agree on, else None (strict: no
    definition may be unknown, a project object, a function or a builtin; an ``INJECTED``
    one agrees with the others, and one of several types with one of them). Stops at the
    first that does not agree, so the files after it are not inferred."""
    chosen: Value | None = None
    for value in values:
        if value is INJECTED:
            continue
        if value is None or not _is_library_instance(value):
            return None
        if chosen is None:
            chosen = value
        elif value.names() != chosen.names():
            chosen = wider_of(value, chosen)
            if chosen is None:
                return None
    return chosen


def _is_library_instance(value: Value | None) -> bool:
    if value is None or not value.is_instance or value.partial or value.definition is not None:
        return False
    return bool(value.types) and not any(is_builtin(name) for name in value.types)


def member_definitions(types: JavaScriptTypes, name: str) -> list[Value | None]:
    """What each definition of a member ``name`` in one file gives (None: unknown)."""
    found = [_set_value(types, value) for value in types.member_set_values(name)]
    for member in types.object_members().get(name, ()):
        if member.type == "augmented_assignment_expression":
            found.append(None)
            continue
        if not _declares_only(member):
            found.append(_member_value(types, member, name))
    return found


def _set_value(types: JavaScriptTypes, value: tree_sitter.Node) -> Value | None:
    found = types.value_of(value)
    if found is None and types.names_a_parameter(value):
        return INJECTED
    return found


def object_members(spec: LanguageSpec, root: tree_sitter.Node) -> dict[str, list[tree_sitter.Node]]:
    """Object literal pairs, shorthands and methods, class members and TypeScript parameter
    properties, by the member name they define (one query over the file)."""
    found: dict[str, list[tree_sitter.Node]] = {}
    cursor = tree_sitter.QueryCursor(_members_query(spec))
    for _, captures in cursor.matches(root):
        member = captures["member"][0]
        if "name" in captures:  # `x.name ||= v`
            name: str | None = node_text(captures["name"][0])
        elif member.type in _PARAMETERS:
            name = _parameter_property(member)
        else:
            name = member_name(member)
        if name is not None:
            found.setdefault(name, []).append(member)
    return found


def _declares_only(member: tree_sitter.Node) -> bool:
    """A class field without a value (``collection;``, ``= null``): it says "set later",
    as a placeholder assignment does, and the later assignment is one of the definitions."""
    if member.type not in _FIELDS_QUERY or member.child_by_field_name("type") is not None:
        return False
    value = member.child_by_field_name("value")
    return value is None or is_placeholder(value)


def _parameter_property(parameter: tree_sitter.Node) -> str | None:
    """The member a TypeScript parameter property declares (None: a plain parameter)."""
    if not {child.type for child in parameter.children} & _PROPERTY_MODIFIERS:
        return None
    pattern = parameter.child_by_field_name("pattern")
    return node_text(pattern) if pattern is not None and pattern.type == "identifier" else None


def _member_value(types: JavaScriptTypes, member: tree_sitter.Node, name: str) -> Value | None:
    if member.type == "shorthand_property_identifier":
        return types.lookup(name, member)
    if member.type == "method_definition":
        function = types.function(member)
        accessor = any(child.type in ("get", "set") for child in member.children)
        return function.returns() if accessor else Value(function=function)
    annotation = member.child_by_field_name("type")
    if annotation is not None:
        return types.annotation(annotation)
    if member.type in _PARAMETERS:
        return None  # a parameter property without an annotation: whatever is passed
    value = member.child_by_field_name("value")
    return types.value_of(value) if value is not None else None


@functools.cache
def _members_query(spec: LanguageSpec) -> tree_sitter.Query:
    text = _OBJECT_MEMBERS_QUERY + _AUGMENTED_QUERY
    for kind, pattern in _FIELDS_QUERY.items():
        if spec.grammar.id_for_node_kind(kind, True):
            text += pattern
    if spec.grammar.id_for_node_kind("accessibility_modifier", True):
        text += _PARAMETERS_QUERY
    return cached_query(spec, text)


__all__ = [
    "INJECTED",
    "assigned_member_names",
    "library_value",
    "member_definitions",
    "object_members",
    "spelled_names",
]

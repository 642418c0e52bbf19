"""Where a JavaScript or TypeScript file binds names: the binding index of
engine/types/javascript.py.

One query finds every declaration (`const`/`let`/`var`, destructuring), assignment,
`for ... of`/`in` target, parameter, import, function and class; each becomes a `Binding` in
the scope that holds it (blocks for `const`/`let`/`class`, the function for `var` and
function declarations, hoisted), with the position from which the name holds it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import tree_sitter

from upstream.engine.imports import javascript_import_names
from upstream.engine.languages import LanguageSpec
from upstream.engine.types.syntax import cached_query, nearest, node_text

FUNCTIONS = frozenset(
    {
        "function_declaration",
        "function_expression",
        "generator_function_declaration",
        "generator_function",
        "arrow_function",
        "method_definition",
    }
)


# Functions with their own `this` (an arrow function's is its surroundings').
THIS_FUNCTIONS = FUNCTIONS - {"arrow_function", "method_definition"}
# The functions that have a `this` of their own.
_OWN_THIS = FUNCTIONS - {"arrow_function"}
_BLOCKS = frozenset(
    {"statement_block", "for_statement", "for_in_statement", "catch_clause", "switch_body"}
)
CLASSES = frozenset({"class_declaration", "abstract_class_declaration", "class"})
FIELDS = frozenset({"field_definition", "public_field_definition"})


# Code that runs after the code around it: a function's body, a field's initializer (when
# an instance is made).
DEFERRED = FUNCTIONS | FIELDS
_SCOPES = DEFERRED | _BLOCKS | {"program", "class_static_block"}


# Import paths of the project's own modules (engine/types/project.py reads them).
RELATIVE = ("./", "../")
_BINDINGS_QUERY = """
(variable_declarator name: (_) @left) @declarator
(assignment_expression left: (_) @left right: (_) @right) @assignment
(for_in_statement left: (_) @left right: (_) @right) @for
(function_declaration name: (identifier) @name) @def
(generator_function_declaration name: (identifier) @name) @def
(class_declaration name: (_) @name) @class
(import_statement) @import
(formal_parameters) @parameters
(arrow_function parameter: (identifier) @name) @arrow
(catch_clause parameter: (_) @left) @catch
"""
_TYPESCRIPT_BINDINGS = "(abstract_class_declaration name: (_) @name) @class"


@functools.cache
def bindings_query(spec: LanguageSpec) -> tree_sitter.Query:
    text = _BINDINGS_QUERY
    if spec.grammar.id_for_node_kind("abstract_class_declaration", True):
        text += _TYPESCRIPT_BINDINGS
    return cached_query(spec, text)


@dataclass(frozen=True)
class Binding:
    position: int  # where the name starts to hold this value
    # value, annotation, iterate, keys, import, def, class, unset (declared, no value),
    # parameter (a plain one: its identifier), unknown
    kind: str
    node: tree_sitter.Node | None = None
    path: str = ""  # the import path, for kind "import"
    # Destructuring: `const { a: { b } } = x` binds x.a.b.
    members: tuple[str, ...] = ()
    # A TypeScript declaration's value, for when its annotation says nothing we know.
    fallback: tree_sitter.Node | None = None


@dataclass(frozen=True)
class Placed:
    """A binding and the scope it goes to; ``scope`` None: where ``site``'s name is
    declared (an assignment), else the top level."""

    name: str
    binding: Binding
    scope: tree_sitter.Node | None
    site: tree_sitter.Node | None = None


def string_content(node: tree_sitter.Node) -> str:
    return "".join(
        node_text(part) for part in node.named_children if part.type == "string_fragment"
    )


def member_name(member: tree_sitter.Node) -> str | None:
    """The name an object or class member defines (None for computed names and spreads)."""
    if member.type in ("shorthand_property_identifier", "shorthand_property_identifier_pattern"):
        return node_text(member)
    key = (
        member.child_by_field_name("key")
        or member.child_by_field_name("name")
        or member.child_by_field_name("property")
    )
    if key is None:
        return None
    if key.type == "string":
        return string_content(key)
    if key.type in ("property_identifier", "private_property_identifier", "number"):
        return node_text(key)
    return None


def scope_of(node: tree_sitter.Node) -> tree_sitter.Node | None:
    return nearest(node, _SCOPES)


def _function_scope_of(node: tree_sitter.Node, root: tree_sitter.Node) -> tree_sitter.Node:
    """Where a ``var`` goes: its function, else the top level."""
    return enclosing_function(node) or root


def enclosing_function(node: tree_sitter.Node) -> tree_sitter.Node | None:
    return nearest(node, FUNCTIONS)


def this_function(node: tree_sitter.Node) -> tree_sitter.Node | None:
    """The function whose ``this`` a node sees (arrow functions have none of their own)."""
    return nearest(node, _OWN_THIS)


def declaring_scope(
    placed: Placed, bindings: dict[tuple[int, str], list[Binding]], root: tree_sitter.Node
) -> tree_sitter.Node:
    """The scope an assignment's name is declared in (the nearest that binds it)."""
    scope = scope_of(placed.site) if placed.site is not None else None
    while scope is not None:
        if (scope.id, placed.name) in bindings:
            return scope
        scope = scope_of(scope)
    return root


def bindings_of(
    captures: dict[str, list[tree_sitter.Node]], root: tree_sitter.Node
) -> Iterator[Placed]:
    """The bindings one match of the bindings query makes."""
    if "declarator" in captures:
        yield from _declarator(captures["declarator"][0], root)
    elif "assignment" in captures:
        statement = captures["assignment"][0]
        left, right = captures["left"][0], captures["right"][0]
        for name, members in _targets(left):
            kind = "value" if members is not None else "unknown"
            binding = Binding(statement.end_byte, kind, right, members=members or ())
            yield Placed(name, binding, None, site=statement)
    elif "for" in captures:
        yield from _for_of(captures["for"][0], captures["left"][0], captures["right"][0], root)
    elif "def" in captures or "class" in captures:
        definition = captures.get("def", captures.get("class", []))[0]
        scope = scope_of(definition)
        if scope is not None:
            kind = "def" if "def" in captures else "class"
            binding = Binding(scope.start_byte, kind, definition)  # hoisted
            yield Placed(node_text(captures["name"][0]), binding, scope)
    elif "import" in captures:
        yield from _imports(captures["import"][0], root)
    elif "parameters" in captures:
        yield from _parameters(captures["parameters"][0])
    elif "arrow" in captures:
        function = captures["arrow"][0]
        binding = Binding(function.start_byte, "parameter", captures["name"][0])
        yield Placed(node_text(captures["name"][0]), binding, function)
    elif "catch" in captures:
        clause = captures["catch"][0]
        for name, _ in _targets(captures["left"][0]):
            yield Placed(name, Binding(clause.start_byte, "unknown"), clause)


def _declarator(declarator: tree_sitter.Node, root: tree_sitter.Node) -> Iterator[Placed]:
    declaration = declarator.parent
    if declaration is None:
        return
    if declaration.type == "variable_declaration":  # `var`
        scope: tree_sitter.Node | None = _function_scope_of(declaration, root)
    else:
        scope = scope_of(declaration)
    left = declarator.child_by_field_name("name")
    value = declarator.child_by_field_name("value")
    annotation = declarator.child_by_field_name("type")
    if scope is None or left is None:
        return
    position = declarator.end_byte
    if left.type == "identifier" and annotation is not None:
        binding = Binding(position, "annotation", annotation, fallback=value)
        yield Placed(node_text(left), binding, scope)
        return
    if value is None:
        for name, _ in _targets(left):
            yield Placed(name, Binding(position, "unset"), scope)
        return
    for name, members in _targets(left):
        kind = "value" if members is not None else "unknown"
        yield Placed(name, Binding(position, kind, value, members=members or ()), scope)


def _for_of(
    statement: tree_sitter.Node,
    left: tree_sitter.Node,
    right: tree_sitter.Node,
    root: tree_sitter.Node,
) -> Iterator[Placed]:
    declared = node_text(statement.child_by_field_name("kind"))
    iterates = node_text(statement.child_by_field_name("operator")) == "of"
    scope: tree_sitter.Node | None = statement
    if declared == "var":
        scope = _function_scope_of(statement, root)
    elif not declared:
        scope = None  # `for (x of y)` assigns a name declared elsewhere
    for name, members in _targets(left):
        if members is None:
            binding = Binding(right.end_byte, "unknown")
        elif iterates:
            binding = Binding(right.end_byte, "iterate", right, members=members)
        else:
            binding = Binding(right.end_byte, "keys", right)
        yield Placed(name, binding, scope, site=statement)


def _imports(statement: tree_sitter.Node, root: tree_sitter.Node) -> Iterator[Placed]:
    # Imports are hoisted: bound from the start of the file.
    default = _default_import(statement)
    for name, path in javascript_import_names(statement).items():
        if name == default and path.startswith(RELATIVE):
            path += ".default"  # a project module's default export, not its namespace
        yield Placed(name, Binding(0, "import", path=path), root)
    for clause in statement.named_children:
        # TypeScript's `import mongo = require("mongodb")`.
        if clause.type == "import_require_clause":
            local = clause.named_children[0] if clause.named_children else None
            source = clause.child_by_field_name("source")
            if local is not None and source is not None:
                binding = Binding(0, "import", path=string_content(source))
                yield Placed(node_text(local), binding, root)


def _default_import(statement: tree_sitter.Node) -> str | None:
    """The local name of ``import x from "..."``."""
    for clause in statement.named_children:
        if clause.type == "import_clause":
            for part in clause.named_children:
                if part.type == "identifier":
                    return node_text(part)
    return None


def _parameters(parameters: tree_sitter.Node) -> Iterator[Placed]:
    function = parameters.parent
    if function is None or function.type not in FUNCTIONS:
        return  # a signature in a type, not a function
    position = function.start_byte
    for parameter in parameters.named_children:
        pattern = parameter
        annotation = None
        if parameter.type in ("required_parameter", "optional_parameter"):
            pattern = parameter.child_by_field_name("pattern") or parameter
            annotation = parameter.child_by_field_name("type")
        if pattern.type == "identifier" and annotation is not None:
            binding = Binding(position, "annotation", annotation)
            yield Placed(node_text(pattern), binding, function)
            continue
        if pattern.type == "identifier" and parameter.type != "optional_parameter":
            # Unknown, unless every call of the function agrees (engine/types/javascript.py).
            yield Placed(node_text(pattern), Binding(position, "parameter", pattern), function)
            continue
        for name, _ in _targets(pattern):
            yield Placed(name, Binding(position, "unknown"), function)


def _targets(
    pattern: tree_sitter.Node, members: tuple[str, ...] = ()
) -> Iterator[tuple[str, tuple[str, ...] | None]]:
    """(name, the attributes it reads from the value, or None: unknown) for each name a
    binding pattern binds."""
    kind = pattern.type
    if kind == "identifier":
        yield node_text(pattern), members
    elif kind == "shorthand_property_identifier_pattern":
        yield node_text(pattern), (*members, node_text(pattern))
    elif kind == "object_pattern":
        for part in pattern.named_children:
            yield from _targets(part, members)
    elif kind == "pair_pattern":
        key = member_name(pattern)
        value = pattern.child_by_field_name("value")
        if value is not None:
            if key is None:
                yield from _unknown(value)
            else:
                yield from _targets(value, (*members, key))
    elif kind in ("object_assignment_pattern", "assignment_pattern"):
        left = pattern.child_by_field_name("left")
        if left is not None:
            yield from _targets(left, members)
    else:
        yield from _unknown(pattern)  # array patterns, `...rest`, member targets


def _unknown(pattern: tree_sitter.Node) -> Iterator[tuple[str, tuple[str, ...] | None]]:
    if pattern.type in ("identifier", "shorthand_property_identifier_pattern"):
        yield node_text(pattern), None
        return
    if pattern.type in ("member_expression", "subscript_expression"):
        return  # `[this.a, b] = ...` binds no name in `this.a`
    for part in pattern.named_children:
        if part.type == "pair_pattern":
            part = part.child_by_field_name("value") or part
        elif part.type in ("object_assignment_pattern", "assignment_pattern"):
            part = part.child_by_field_name("left") or part
        yield from _unknown(part)


def is_placeholder(node: tree_sitter.Node | None) -> bool:
    """An initial value that only says "not set yet": a later binding elsewhere wins."""
    if node is None:
        return False
    return node.type == "null" or (node.type == "identifier" and node_text(node) == "undefined")


def is_nullish(node: tree_sitter.Node) -> bool:
    return node_text(node) in ("null", "undefined", "void")


__all__ = [
    "CLASSES",
    "DEFERRED",
    "FIELDS",
    "FUNCTIONS",
    "THIS_FUNCTIONS",
    "Binding",
    "Placed",
    "bindings_of",
    "bindings_query",
    "cached_query",
    "declaring_scope",
    "enclosing_function",
    "is_nullish",
    "is_placeholder",
    "member_name",
    "node_text",
    "scope_of",
    "string_content",
    "this_function",
]

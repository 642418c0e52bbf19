"""Where a Python file binds names: the binding index of engine/types/python.py.

One query finds every assignment, loop and ``with`` target, parameter, import, ``def`` and
``class``; each becomes a ``Binding`` in the scope it binds in (module, function, lambda,
class body or comprehension), with the position from which the name holds it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import tree_sitter

from upstream.engine.types.syntax import cached_query, nearest, node_text

SCOPES = frozenset(
    {
        "module",
        "function_definition",
        "lambda",
        "class_definition",
        "list_comprehension",
        "set_comprehension",
        "dictionary_comprehension",
        "generator_expression",
    }
)
COMPREHENSIONS = SCOPES - {"module", "function_definition", "lambda", "class_definition"}
SEQUENCES = frozenset({"pattern_list", "tuple_pattern", "list_pattern", "tuple", "list"})
VALUE_SEQUENCES = frozenset({"expression_list", "tuple", "list"})

BINDINGS_QUERY = """
(assignment left: (_) @left) @assignment
(named_expression name: (identifier) @left value: (_) @right) @walrus
(for_statement left: (_) @left right: (_) @right) @for
(for_in_clause left: (_) @left right: (_) @right) @for
(with_item value: (as_pattern (_) @right alias: (as_pattern_target (_) @left))) @with
(function_definition name: (identifier) @name) @def
(class_definition name: (identifier) @name) @def
(import_statement) @import
(import_from_statement) @import
(parameters) @parameters
(lambda_parameters) @parameters
"""


@dataclass(frozen=True)
class Binding:
    position: int  # where the name starts to hold this value
    kind: str  # value, unpack, annotation, iterate, enter, import, def, class, self, cls, unknown
    node: tree_sitter.Node | None = None
    path: str = ""  # the import path, for kind "import"
    owner: tree_sitter.Node | None = None  # the class, for kinds "self" and "cls"
    # For kind "unpack": this target's position among how many (`fig, ax = subplots()`).
    unpack: tuple[int, int] = (0, 0)


_FUNCTIONS = frozenset({"function_definition", "lambda", "class_definition"})


def scope_of(node: tree_sitter.Node) -> tree_sitter.Node | None:
    return nearest(node, SCOPES)


def enclosing_function(node: tree_sitter.Node) -> tree_sitter.Node | None:
    return nearest(node, _FUNCTIONS)


def chained_value(right: tree_sitter.Node) -> tree_sitter.Node:
    # `a = b = value`: both names hold the value.
    while right.type == "assignment":
        inner = right.child_by_field_name("right")
        if inner is None:
            break
        right = inner
    return right


def first_parameter(function: tree_sitter.Node) -> str | None:
    parameters = function.child_by_field_name("parameters")
    if parameters is None or not parameters.named_children:
        return None
    first = parameters.named_children[0]
    if first.type != "identifier":
        first = first.child_by_field_name("name") or first
    return node_text(first) if first.type == "identifier" else None


def decorators(function: tree_sitter.Node) -> list[str]:
    parent = function.parent
    if parent is None or parent.type != "decorated_definition":
        return []
    return [
        node_text(d).lstrip("@").strip() for d in parent.named_children if d.type == "decorator"
    ]


def is_static(function: tree_sitter.Node) -> bool:
    return any(name.endswith("staticmethod") for name in decorators(function))


def is_property(function: tree_sitter.Node) -> bool:
    return any(name.endswith(("property", "cached_property")) for name in decorators(function))


def is_classmethod(function: tree_sitter.Node) -> bool:
    return any(name.endswith("classmethod") for name in decorators(function))


def method_class(function: tree_sitter.Node) -> tree_sitter.Node | None:
    """The class a function is a method of (directly in its body), else None."""
    parent = function.parent
    if parent is not None and parent.type == "decorated_definition":
        parent = parent.parent
    if parent is None or parent.type != "block":
        return None
    owner = parent.parent
    return owner if owner is not None and owner.type == "class_definition" else None


def bindings_of(
    captures: dict[str, list[tree_sitter.Node]],
) -> Iterator[tuple[str, Binding, tree_sitter.Node]]:
    """(name, binding, scope node) for one match of the bindings query."""
    if "assignment" in captures:
        yield from assignment(captures["assignment"][0])
    elif "walrus" in captures or "for" in captures or "with" in captures:
        statement = next(captures[k][0] for k in ("walrus", "for", "with") if k in captures)
        how = "value" if "walrus" in captures else "iterate" if "for" in captures else "enter"
        left, right = captures["left"][0], captures["right"][0]
        scope = scope_of(left)
        position = right.end_byte if "for" in captures else statement.end_byte
        if scope is not None and scope.type in COMPREHENSIONS:
            position = scope.start_byte  # `[x.a for x in c]` uses x before the `for`
        if scope is not None:
            for name, kind, node, unpack in bound_targets(left, how, right):
                yield name, Binding(position, kind, node, unpack=unpack), scope
    elif "def" in captures:
        definition = captures["def"][0]
        scope = scope_of(definition)
        if scope is not None:
            kind = "def" if definition.type == "function_definition" else "class"
            binding = Binding(definition.start_byte, kind, definition)
            yield node_text(captures["name"][0]), binding, scope
    elif "import" in captures:
        statement = captures["import"][0]
        scope = scope_of(statement)
        if scope is not None:
            for name, path in imported(statement):
                yield name, Binding(statement.end_byte, "import", path=path), scope
    elif "parameters" in captures:
        yield from parameters(captures["parameters"][0])


def assignment(statement: tree_sitter.Node) -> Iterator[tuple[str, Binding, tree_sitter.Node]]:
    left = statement.child_by_field_name("left")
    if left is None:
        return
    scope = scope_of(statement)
    if scope is None:
        return
    annotation = statement.child_by_field_name("type")
    right = statement.child_by_field_name("right")
    position = statement.end_byte
    if annotation is not None and left.type == "identifier":
        yield node_text(left), Binding(position, "annotation", annotation), scope
        return
    if right is None:
        return
    for name, kind, node, unpack in bound_targets(left, "value", chained_value(right)):
        yield name, Binding(position, kind, node, unpack=unpack), scope


Bound = tuple[str, str, tree_sitter.Node | None, tuple[int, int]]


def bound_targets(
    left: tree_sitter.Node, how: str, right: tree_sitter.Node | None
) -> Iterator[Bound]:
    """(name, binding kind, node the value comes from, unpack position) for each name a
    target binds: a tuple of values pairwise, another value by position ("unpack": what its
    type declares it unpacks to)."""
    if left.type == "identifier":
        yield node_text(left), how, right, (0, 0)
        return
    if left.type not in SEQUENCES:
        return  # an attribute or subscript target binds no name
    targets = [t for t in left.named_children if t.type != "comment"]
    values = right.named_children if right is not None and how == "value" else []
    splat = any(t.type == "list_splat_pattern" for t in targets)
    pairwise = (
        right is not None
        and right.type in VALUE_SEQUENCES
        and len(values) == len(targets)
        and not splat
    )
    # `a, b = call()`: not a literal tuple, so each name is what the value unpacks to.
    unpacks = (
        right is not None and how == "value" and right.type not in VALUE_SEQUENCES and not splat
    )
    for index, target in enumerate(targets):
        if pairwise:
            yield from bound_targets(target, how, values[index])
        elif unpacks and target.type == "identifier":
            yield node_text(target), "unpack", right, (index, len(targets))
        else:
            for name in names_in(target):
                yield name, "unknown", None, (0, 0)


def names_in(target: tree_sitter.Node) -> Iterator[str]:
    if target.type == "identifier":
        yield node_text(target)
    elif target.type in SEQUENCES or target.type == "list_splat_pattern":
        for child in target.named_children:
            yield from names_in(child)


def imported(statement: tree_sitter.Node) -> Iterator[tuple[str, str]]:
    """(local name, import path) for an import statement; relative paths keep their dots."""
    if statement.type == "import_statement":
        for part in statement.named_children:
            if part.type == "dotted_name":
                path = node_text(part)
                yield path.split(".")[0], path.split(".")[0]
            elif part.type == "aliased_import":
                name, alias = part.child_by_field_name("name"), part.child_by_field_name("alias")
                if name is not None and alias is not None:
                    yield node_text(alias), node_text(name)
        return
    module = statement.child_by_field_name("module_name")
    if module is None:
        return
    base = node_text(module)
    separator = "" if base.endswith(".") else "."
    for part in statement.children_by_field_name("name"):
        if part.type == "dotted_name":
            yield node_text(part).split(".")[-1], f"{base}{separator}{node_text(part)}"
        elif part.type == "aliased_import":
            name, alias = part.child_by_field_name("name"), part.child_by_field_name("alias")
            if name is not None and alias is not None:
                yield node_text(alias), f"{base}{separator}{node_text(name)}"


def parameters(parameters: tree_sitter.Node) -> Iterator[tuple[str, Binding, tree_sitter.Node]]:
    function = parameters.parent
    if function is None:
        return
    position = function.start_byte
    owner = method_class(function) if function.type == "function_definition" else None
    first = True
    name_node: tree_sitter.Node | None
    for parameter in parameters.named_children:
        if parameter.type in ("keyword_separator", "positional_separator", "comment"):
            continue
        if parameter.type == "identifier":
            name_node, annotation = parameter, None
        elif parameter.type in ("typed_parameter", "typed_default_parameter", "default_parameter"):
            name_node = parameter.child_by_field_name("name")
            if name_node is None and parameter.named_children:
                name_node = parameter.named_children[0]
            annotation = parameter.child_by_field_name("type")
        else:
            first = False
            for name in names_in(parameter):
                yield name, Binding(position, "unknown"), function
            continue
        if name_node is None or name_node.type != "identifier":
            first = False
            continue
        name = node_text(name_node)
        default = parameter.child_by_field_name("value")
        if first and owner is not None and not is_static(function) and annotation is None:
            # `cls` by name too: pydantic's validators are class methods without saying so.
            kind = "cls" if is_classmethod(function) or name == "cls" else "self"
            yield name, Binding(position, kind, owner=owner), function
        elif annotation is not None:
            yield name, Binding(position, "annotation", annotation), function
        elif default is not None and default.type != "none":
            # What the default is (`def f(coll=db.users)`, `def f(data=Mongo)`): callers
            # may pass something else, but of the kind the default says.
            yield name, Binding(position, "value", default), function
        else:
            yield name, Binding(position, "unknown"), function
        first = False


__all__ = [
    "BINDINGS_QUERY",
    "COMPREHENSIONS",
    "Binding",
    "bindings_of",
    "cached_query",
    "chained_value",
    "decorators",
    "enclosing_function",
    "first_parameter",
    "is_classmethod",
    "is_property",
    "is_static",
    "method_class",
    "node_text",
    "scope_of",
]

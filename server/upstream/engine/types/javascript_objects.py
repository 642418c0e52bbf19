"""What a JavaScript file defines, as engine/types/javascript.py answers for it: functions
(what calling them returns, what constructor functions build), classes (their bases,
`this.x` members, statics), object literals, and a module's exports (`module.exports`,
`exports.x`, `export ...`) for the files that import it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import tree_sitter

from upstream.engine.types.javascript_bindings import (
    FIELDS,
    enclosing_function,
    is_placeholder,
    member_name,
    string_content,
    this_function,
)
from upstream.engine.types.model import (
    ClassDefinition,
    InferredReturns,
    ProjectClass,
    Value,
    known_agreed,
)
from upstream.engine.types.syntax import cached_query, node_text

if TYPE_CHECKING:
    from upstream.engine.types.javascript import JavaScriptTypes

_EXPORT_CLAUSES = frozenset({"export_clause", "namespace_export"})
_THIS_ATTRIBUTES_QUERY = """
(assignment_expression
  left: (member_expression object: (this) property: (_) @name) right: (_) @value) @set
"""


class FunctionRef(InferredReturns):
    """A function the file defines: what calling it returns, the members set on it
    (``F.client = ...``) and, as a constructor function, its instances."""

    def __init__(self, owner: JavaScriptTypes, node: tree_sitter.Node) -> None:
        self.owner, self.node = owner, node
        self._instances: FunctionInstances | None = None

    def attribute(self, name: str) -> Value | None:
        if name == "prototype":
            return self.instance()  # the prototype's members are the instances'
        elsewhere = self.owner.set_elsewhere(self, name)
        if not elsewhere:
            return self.owner.assigned_member(self, name)
        # Set by files that import it too (`Job.client = ...` in the file that requires
        # `./job`): all the known values must agree, as for members set in this file.
        nodes = self.owner.member_assignments(self, name)
        return known_agreed([*map(self.owner.value_of, nodes), *elsewhere])

    def instance(self) -> Value:
        """What ``new F()`` makes. Partial: a base set up at run time (``util.inherits``,
        ``__proto__``) may bring any type."""
        if self._instances is None:
            self._instances = FunctionInstances(self)
        return Value(partial=True, definition=self._instances)

    def _infer_returns(self) -> Value | None:
        annotation = self.node.child_by_field_name("return_type")
        if annotation is not None:
            return self.owner.annotation(annotation)
        if self.node.type.startswith("generator"):
            return None
        body = self.node.child_by_field_name("body")
        if body is None:
            return None
        if body.type != "statement_block":
            return self.owner.value_of(body)  # `(db) => db.collection("x")`
        return self.owner.returned(self.node, body, enclosing_function)


class FunctionInstances:
    """The instances of a constructor function: the members its code and its prototype's
    methods set on ``this``, and the prototype's own (``F.prototype.m = ...``,
    ``F.prototype = {...}``)."""

    def __init__(self, function: FunctionRef) -> None:
        self.function = function

    @property
    def node(self) -> tree_sitter.Node:
        return self.function.node

    def attribute(self, name: str) -> Value | None:
        owner = self.function.owner
        found = owner.assigned_member(self, name)
        if found is not None:
            return found
        prototype = owner.assigned_member(self.function, "prototype")
        if prototype is None or prototype.definition is self:
            return None
        return owner.attribute(prototype, name)

    def call_method(self, name: str) -> Value | None:
        return _returned(self.attribute(name))


class ModuleExports:
    """What a file exports: its ES ``export``s, the members set on ``exports`` and
    ``module.exports`` (anywhere in the file), and what ``module.exports = X`` (TypeScript's
    ``export = X``) replaces the object with."""

    def __init__(self, owner: JavaScriptTypes) -> None:
        self.owner = owner
        self.value = Value(types=frozenset({"js.Object"}), definition=self)
        self._declared: dict[str, _Export] | None = None
        self._stars: list[str] = []  # `export * from "./x"`
        self._module: Value | None = None
        self._replaced: bool | None = None

    @property
    def node(self) -> tree_sitter.Node:
        return self.owner.root

    def module(self) -> Value | None:
        """What ``module.exports`` holds: what the file assigns to it, else this object."""
        if self._replaced is None:
            self._replaced = False  # a cycle through it sees the exports object
            nodes = self.owner.member_assignments(self.owner.node_module(), "exports")
            nodes += _export_equals(self.owner.root)
            if nodes:
                self._replaced = True
                self._module = known_agreed(self.owner.value_of(node) for node in nodes)
        return self._module if self._replaced else self.value

    def export(self, name: str) -> Value | None:
        """What ``import { name }`` (``default``: a default import) of the file gives."""
        if name == "default":
            found = self.declared().get("default")
            return self._value(found) if found is not None else self.module()  # CommonJS
        return self.owner.attribute(self.module(), name)

    def attribute(self, name: str) -> Value | None:
        found = self.declared().get(name)
        if found is not None:
            return self._value(found)
        assigned = self.owner.assigned_member(self, name)
        if assigned is not None:
            return assigned
        for source in self._stars:
            value = self.owner.path_value(f"{source}.{name}")
            if value is not None and value.path is None:
                return value
        return None

    def call_method(self, name: str) -> Value | None:
        return _returned(self.attribute(name))

    def declared(self) -> dict[str, _Export]:
        """The ES exports by exported name."""
        if self._declared is None:
            found: dict[str, _Export] = {}
            for statement in self.owner.root.named_children:
                if statement.type == "export_statement":
                    found.update(_es_exports(statement, self._stars))
            self._declared = found
        return self._declared

    def _value(self, export: _Export) -> Value | None:
        if export.node is not None:
            return self.owner.value_of(export.node)
        if export.path:
            return self.owner.path_value(export.path)
        return self.owner.module_binding(export.local)


class NodeModule:
    """CommonJS's ``module``, where the file does not bind the name."""

    def __init__(self, owner: JavaScriptTypes) -> None:
        self.owner = owner
        self.value = Value(types=frozenset({"js.Object"}), definition=self)

    @property
    def node(self) -> tree_sitter.Node:
        return self.owner.root

    def attribute(self, name: str) -> Value | None:
        return self.owner.exports().module() if name == "exports" else None

    def call_method(self, name: str) -> Value | None:
        return None


@dataclass(frozen=True)
class _Export:
    """One ES export: a top-level name, an expression or declaration (``export default``),
    or a name of another module (``export { a } from "./x"``: ``./x.a``)."""

    local: str = ""
    node: tree_sitter.Node | None = None
    path: str = ""


class LocalObject:
    """An object literal: what its properties and methods are (and members set on it
    after it is made)."""

    def __init__(self, owner: JavaScriptTypes, node: tree_sitter.Node) -> None:
        self.owner, self._node = owner, node
        self.value = Value(types=frozenset({"js.Object"}), definition=self)

    @property
    def node(self) -> tree_sitter.Node:
        return self._node

    def attribute(self, name: str) -> Value | None:
        own = self._own(name)
        assigned = self.owner.member_assignments(self, name)
        if not assigned:
            return own
        # Set again after the literal: either may be what a use reads.
        return known_agreed([own, *map(self.owner.value_of, assigned)])

    def _own(self, name: str) -> Value | None:
        member = self._member(name)
        if member is None:
            return None
        if member.type == "method_definition":
            return Value(function=self.owner.function(member))
        if member.type == "shorthand_property_identifier":
            return self.owner.lookup(name, member)
        value = member.child_by_field_name("value")
        return self.owner.value_of(value) if value is not None else None

    def call_method(self, name: str) -> Value | None:
        return _returned(self.attribute(name))

    def _member(self, name: str) -> tree_sitter.Node | None:
        # The last one wins, as in `{ ...defaults, db: x }`; a later spread may hide it.
        for member in reversed(self._node.named_children):
            if member.type == "spread_element":
                return None
            if member_name(member) == name:
                return member
        return None


class LocalClass(ProjectClass):
    """A class the file defines: its bases' types and its instances' attributes."""

    def __init__(self, owner: JavaScriptTypes, node: tree_sitter.Node) -> None:
        self.owner, self._node = owner, node
        self._types: frozenset[str] | None = None
        self._partial = False
        # Whether it extends a constructor object (a model), and so is one itself.
        self._constructor = False
        self._bases: list[Value] = []
        self._attributes: dict[str, list[tuple[str, tree_sitter.Node]]] | None = None
        self._resolved: dict[str, Value | None] = {}
        self._statics = Statics(self)

    @property
    def node(self) -> tree_sitter.Node:
        return self._node

    def base_types(self) -> frozenset[str]:
        if self._types is None:
            self._types = frozenset()  # a class deriving from itself stays without types
            base = _heritage(self._node)
            value = self.owner.value_of(base) if base is not None else None
            if value is not None and (value.is_class or self.owner.constructs(value)):
                self._constructor = not value.is_class
                self._partial = value.partial
                self._bases.append(value)
                self._types = value.types
            elif base is not None:
                self._partial = True  # a base we cannot see may bring any type
        return self._types

    @property
    def partial(self) -> bool:
        self.base_types()
        return self._partial

    def instance(self) -> Value:
        types = self.base_types()
        if self._constructor:
            made = self.owner.constructed(Value(types=types))
            types = made.types if made is not None else frozenset()
        return Value(types=types, partial=self.partial, definition=self)

    def klass(self) -> Value:
        types = self.base_types()
        if self._constructor:
            return Value(types=types, partial=self.partial, definition=self._statics)
        return Value(types=types, is_class=True, partial=self.partial, definition=self)

    def method(self, name: str, static: bool = False) -> FunctionRef | None:
        for member in self._members():
            if member.type != "method_definition" or is_static(member) != static:
                continue
            if member_name(member) == name and not _is_accessor(member):
                return self.owner.function(member)
        for base in self._base_definitions():
            if isinstance(base, LocalClass):
                found = base.method(name, static)
                if found is not None:
                    return found
        return None

    def call_static(self, name: str) -> Value | None:
        method = self.method(name, static=True)
        return method.returns() if method is not None else None

    def static_attribute(self, name: str) -> Value | None:
        for member in self._members():
            if is_static(member) and member_name(member) == name:
                return self._member_value(member)
        method = self.method(name, static=True)
        return Value(function=method) if method is not None else None

    def attribute(self, name: str) -> Value | None:
        if name not in self._resolved:
            self._resolved[name] = None  # a cycle through this attribute is unknown
            self._resolved[name] = self._resolve(name)
        return self._resolved[name]

    def _resolve(self, name: str) -> Value | None:
        assigned = self._assigned().get(name)
        if assigned:
            values = []
            for how, node in assigned:
                if how == "annotation":
                    declared = self.owner.annotation(node)
                    if declared is not None:
                        return declared  # a declared attribute type is the answer
                    continue
                if not is_placeholder(node):
                    values.append(self.owner.value_of(node))
            return known_agreed(values)  # as for members set on other objects
        for member in self._members():
            if _is_accessor(member) and not is_static(member) and member_name(member) == name:
                return self.owner.function(member).returns()  # a getter
        method = self.method(name)
        if method is not None:
            return Value(function=method)
        for base in self._base_definitions():
            found = base.attribute(name)
            if found is not None:
                return found
        return None

    def _member_value(self, member: tree_sitter.Node) -> Value | None:
        if member.type == "method_definition":
            function = self.owner.function(member)
            return function.returns() if _is_accessor(member) else Value(function=function)
        annotation = member.child_by_field_name("type")
        declared = self.owner.annotation(annotation) if annotation is not None else None
        value = member.child_by_field_name("value")
        return declared or (self.owner.value_of(value) if value is not None else None)

    def _base_definitions(self) -> list[ClassDefinition]:
        """The bases' own classes (a constructor-object base's, not its statics)."""
        self.base_types()
        found = [base.definition for base in self._bases if base.definition is not None]
        return [base.local if isinstance(base, Statics) else base for base in found]

    def _members(self) -> list[tree_sitter.Node]:
        body = self._node.child_by_field_name("body")
        return list(body.named_children) if body is not None else []

    def _assigned(self) -> dict[str, list[tuple[str, tree_sitter.Node]]]:
        """Instance attributes: fields, TypeScript parameter properties and ``this.x = v``
        in the (non-static) methods, as (how, node) with how "annotation" or "value"."""
        if self._attributes is None:
            found: dict[str, list[tuple[str, tree_sitter.Node]]] = {}
            query = cached_query(self.owner.spec, _THIS_ATTRIBUTES_QUERY)
            for member in self._members():
                if is_static(member):
                    continue
                if member.type in FIELDS:
                    _field(member, found)
                elif member.type == "method_definition":
                    _parameter_properties(member, found)
                    for _, captures in tree_sitter.QueryCursor(query).matches(member):
                        _this_attribute(captures, member, found)
            self._attributes = found
        return self._attributes


class Statics:
    """A constructor-object class's own statics (``class User extends mongoose.Model``):
    the value of the class name, whose other members come from the declared type."""

    def __init__(self, local: LocalClass) -> None:
        self.local = local

    @property
    def node(self) -> tree_sitter.Node:
        return self.local.node

    def attribute(self, name: str) -> Value | None:
        return self.local.static_attribute(name)

    def call_method(self, name: str) -> Value | None:
        return self.local.call_static(name)


def _field(member: tree_sitter.Node, found: dict[str, list[tuple[str, tree_sitter.Node]]]) -> None:
    name = member_name(member)
    annotation = member.child_by_field_name("type")
    value = member.child_by_field_name("value")
    if name is None:
        return
    if annotation is not None:
        found.setdefault(name, []).append(("annotation", annotation))
    elif value is not None:
        found.setdefault(name, []).append(("value", value))


def _parameter_properties(
    method: tree_sitter.Node, found: dict[str, list[tuple[str, tree_sitter.Node]]]
) -> None:
    """TypeScript's ``constructor(private db: Db)``: an attribute declared by a parameter."""
    if member_name(method) != "constructor":
        return
    parameters = method.child_by_field_name("parameters")
    for parameter in parameters.named_children if parameters is not None else []:
        modifiers = {child.type for child in parameter.children}
        if not modifiers & {"accessibility_modifier", "readonly", "override_modifier"}:
            continue
        pattern = parameter.child_by_field_name("pattern")
        annotation = parameter.child_by_field_name("type")
        if pattern is not None and pattern.type == "identifier" and annotation is not None:
            found.setdefault(node_text(pattern), []).append(("annotation", annotation))


def _this_attribute(
    captures: dict[str, list[tree_sitter.Node]],
    method: tree_sitter.Node,
    found: dict[str, list[tuple[str, tree_sitter.Node]]],
) -> None:
    name, value, statement = captures["name"][0], captures["value"][0], captures["set"][0]
    if this_function(statement) == method:
        found.setdefault(node_text(name), []).append(("value", value))


def _returned(member: Value | None) -> Value | None:
    """What calling a member gives, when it is a function."""
    return member.function.returns() if member is not None and member.function else None


def defined_by(value: Value) -> object:
    """The object a value's members come from (for members set on it)."""
    return value.definition if value.definition is not None else value.function


def _es_exports(statement: tree_sitter.Node, stars: list[str]) -> Iterator[tuple[str, _Export]]:
    """(exported name, what it is) for one ``export`` statement; ``export * from`` sources
    go to ``stars``."""
    declaration = statement.child_by_field_name("declaration")
    source = statement.child_by_field_name("source")
    module = string_content(source) if source is not None else ""
    if any(child.type == "default" for child in statement.children):
        node = declaration or statement.child_by_field_name("value")
        if node is not None:
            yield "default", _Export(node=node)
        return
    if declaration is not None:
        for name in _declared_names(declaration):
            yield name, _Export(local=name)
        return
    clauses = [c for c in statement.named_children if c.type in _EXPORT_CLAUSES]
    if not clauses and module:
        stars.append(module)
    for clause in clauses:
        if clause.type == "namespace_export":  # `export * as ns from "./x"`
            for namespace in clause.named_children:
                yield node_text(namespace), _Export(path=module)
            continue
        for specifier in clause.named_children:
            name = node_text(specifier.child_by_field_name("name"))
            alias = node_text(specifier.child_by_field_name("alias")) or name
            yield alias, _Export(path=f"{module}.{name}") if module else _Export(local=name)


def _declared_names(declaration: tree_sitter.Node) -> Iterator[str]:
    if declaration.type in ("lexical_declaration", "variable_declaration"):
        for declarator in declaration.named_children:
            name = declarator.child_by_field_name("name")
            if name is not None and name.type == "identifier":
                yield node_text(name)
        return
    name = declaration.child_by_field_name("name")
    if name is not None:
        yield node_text(name)


def _export_equals(root: tree_sitter.Node) -> list[tree_sitter.Node]:
    """The values of TypeScript's ``export = X``."""
    found = []
    for statement in root.named_children:
        if statement.type == "export_statement" and any(c.type == "=" for c in statement.children):
            found.extend(statement.named_children[-1:])
    return found


def is_static(member: tree_sitter.Node) -> bool:
    return any(child.type == "static" for child in member.children)


def _is_accessor(member: tree_sitter.Node) -> bool:
    return member.type == "method_definition" and any(c.type == "get" for c in member.children)


def _heritage(klass: tree_sitter.Node) -> tree_sitter.Node | None:
    """The expression a class extends (JavaScript's `class_heritage`, TypeScript's
    `extends_clause` in it)."""
    for child in klass.named_children:
        if child.type != "class_heritage":
            continue
        for part in child.named_children:
            if part.type == "extends_clause":
                return part.child_by_field_name("value")
            if part.type != "implements_clause":
                return part
    return None


__all__ = [
    "FunctionInstances",
    "FunctionRef",
    "LocalClass",
    "LocalObject",
    "ModuleExports",
    "NodeModule",
    "Statics",
    "defined_by",
    "is_static",
]

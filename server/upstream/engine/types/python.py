"""Type inference for one Python file, from provenance: what a name was assigned from.

Nothing here runs the code or needs it to type-check. A name's value is the last binding
before its use in its own scope (an enclosing scope's: its last binding, since functions run
after the module is loaded): an assignment (tuple targets pairwise, walrus, annotated), a
``for`` target (what the iterable ``iterates``), a ``with ... as`` target (what the value
``enters``), a parameter's annotation, ``self``/``cls`` in a method, an import, a ``def`` or
a ``class``. Expressions are typed from those through attribute, subscript and method
results, calls of classes and factories, ``await``, and the declared object model. Instance
attributes set in one method (``self.table = db["events"]``) are known in the others, and a
function's return type comes from its annotation or from what all of its ``return``s give.

Anything else is unknown (None), and unknown is what a rule sees unless it asks otherwise.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import tree_sitter

from upstream.engine.languages import LanguageSpec
from upstream.engine.types.model import (
    ClassDefinition,
    Inference,
    TypeModel,
    Value,
    agreed,
    instance,
    instance_of,
    known_agreed,
)

_SCOPES = frozenset(
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
_COMPREHENSIONS = _SCOPES - {"module", "function_definition", "lambda", "class_definition"}
_LITERALS = {
    "list": "builtins.list",
    "list_comprehension": "builtins.list",
    "dictionary": "builtins.dict",
    "dictionary_comprehension": "builtins.dict",
    "set": "builtins.set",
    "set_comprehension": "builtins.set",
    "tuple": "builtins.tuple",
    "string": "builtins.str",
    "concatenated_string": "builtins.str",
    "integer": "builtins.int",
    "float": "builtins.float",
    "true": "builtins.bool",
    "false": "builtins.bool",
    "generator_expression": "builtins.generator",
    "lambda": "builtins.function",
}
# Builtin classes by name (when the file does not rebind the name): calls and annotations.
_BUILTIN_CLASSES = {
    name: f"builtins.{name}"
    for name in ("list", "dict", "set", "frozenset", "tuple", "str", "bytes", "int", "float")
}
_SEQUENCES = frozenset({"pattern_list", "tuple_pattern", "list_pattern", "tuple", "list"})
_VALUE_SEQUENCES = frozenset({"expression_list", "tuple", "list"})

_BINDINGS_QUERY = """
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

_SELF_ATTRIBUTES_QUERY = """
(assignment left: (attribute object: (identifier) @object attribute: (identifier) @name)) @set
"""

_RETURNS_QUERY = "(return_statement (_) @value)"

_STORED_ITEMS_QUERY = """
(assignment left: (subscript value: [(identifier) (attribute object: (identifier))] @name)
  right: (_) @value)
"""


@functools.cache
def _query(spec: LanguageSpec, text: str) -> tree_sitter.Query:
    return tree_sitter.Query(spec.grammar, text)


def _text(node: tree_sitter.Node | None) -> str:
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", "replace")


@dataclass(frozen=True)
class _Binding:
    position: int  # where the name starts to hold this value
    kind: str  # value, annotation, iterate, enter, import, def, class, self, cls, unknown
    node: tree_sitter.Node | None = None
    path: str = ""  # the import path, for kind "import"
    owner: tree_sitter.Node | None = None  # the class, for kinds "self" and "cls"


# Resolves an import path the packs declare nothing about through the project's own
# modules (engine/types/project.py): (the importing file, the path) -> its value.
ProjectLookup = Callable[[str, str], "Value | None"]


@dataclass(eq=False)
class PythonTypes(Inference):
    """Lazily built facts about one parsed file; ``value_of`` is the entry point."""

    spec: LanguageSpec
    root: tree_sitter.Node
    model: TypeModel
    path: str = ""
    project: ProjectLookup | None = None
    _bindings: dict[tuple[int, str], list[_Binding]] | None = None
    _memo: dict[int, Value | None] = field(default_factory=dict)
    _pending: set[int] = field(default_factory=set)
    _classes: dict[int, LocalClass] = field(default_factory=dict)
    _functions: dict[int, FunctionRef] = field(default_factory=dict)
    _items: dict[str, list[tree_sitter.Node]] | None = None
    _depth: int = 0

    # -- entry points --------------------------------------------------------------------

    def module_value(self, name: str) -> Value | None:
        """What a module-level name of this file holds (for other files importing it)."""
        bindings = self._index().get((self.root.id, name))
        return self._settle(bindings, None) if bindings else None

    # -- expressions ---------------------------------------------------------------------

    def _infer(self, node: tree_sitter.Node) -> Value | None:
        kind = node.type
        if kind == "identifier":
            return self._lookup(_text(node), node)
        if kind == "attribute":
            owner = node.child_by_field_name("object")
            name = node.child_by_field_name("attribute")
            if owner is None or name is None:
                return None
            return self.attribute(self.value_of(owner), _text(name))
        if kind == "call":
            return self._call(node)
        if kind == "subscript":
            owner = node.child_by_field_name("value")
            value = self.value_of(owner) if owner else None
            if owner is not None and _is_dict(value) and _is_store(owner):
                return self._stored_items(_text(owner))
            return self.model.declared(value, "items")
        if kind == "await":
            inner = node.named_children[0] if node.named_children else None
            value = self.value_of(inner) if inner is not None else None
            return self.model.declared(value, "awaits", default_self=True)
        if kind == "parenthesized_expression" and node.named_child_count == 1:
            return self.value_of(node.named_children[0])
        if kind == "conditional_expression" and node.named_child_count == 3:
            chosen, _, otherwise = node.named_children
            return agreed([self.value_of(chosen), self.value_of(otherwise)])
        if kind == "boolean_operator":
            sides = [node.child_by_field_name("left"), node.child_by_field_name("right")]
            values = [self.value_of(side) if side else None for side in sides]
            operator = node.child_by_field_name("operator")
            # `client or MongoClient()` is a default: the unknown side is of the known
            # one's kind (as `||` in JavaScript). `a and b` must agree.
            if operator is not None and operator.type == "or":
                return known_agreed(values)
            return agreed(values)
        literal = _LITERALS.get(kind)
        return instance(literal) if literal is not None else None

    def attribute(self, value: Value | None, name: str) -> Value | None:
        """What ``value.name`` is."""
        if value is None:
            return None
        if value.path is not None and not value.types:
            return self._path_value(f"{value.path}.{name}")
        if not value.is_instance:
            return None
        return self.model.attribute_result(value, name)

    def _call(self, node: tree_sitter.Node) -> Value | None:
        callee = node.child_by_field_name("function")
        if callee is None:
            return None
        if callee.type == "attribute":
            owner = callee.child_by_field_name("object")
            method = _text(callee.child_by_field_name("attribute"))
            receiver = self.value_of(owner) if owner is not None else None
            if receiver is not None and receiver.is_instance:
                return self.model.method_result(receiver, method)
            if receiver is not None and receiver.is_class and self.model.builds(receiver, method):
                return instance_of(receiver)
        if callee.type == "identifier" and _text(callee) == "super":
            return self._super(node)
        value = self.value_of(callee)
        if value is None:
            return None
        if value.is_class:
            return instance_of(value)
        if value.path is not None:
            made = self.model.classes.get(value.path) or self.model.factory(value.path)
            return instance(made)
        if value.function is not None:
            return value.function.returns()
        return None

    def _stored_items(self, name: str) -> Value | None:
        """``cache[key]`` (or ``self.cache[key]``) of a dict the file fills with
        ``cache[key] = value`` (the memoizing idiom): what all those values agree on."""
        if self._items is None:
            found: dict[str, list[tree_sitter.Node]] = {}
            query = _query(self.spec, _STORED_ITEMS_QUERY)
            for _, captures in tree_sitter.QueryCursor(query).matches(self.root):
                target, value = captures["name"][0], captures["value"][0]
                found.setdefault(_text(target), []).append(_chained_value(value))
            self._items = found
        values = self._items.get(name)
        return agreed(self.value_of(value) for value in values) if values else None

    def _super(self, call: tree_sitter.Node) -> Value | None:
        """``super()`` in a method: an object of the class's bases' types."""
        function = _enclosing_function(call)
        owner = _method_class(function) if function is not None else None
        if owner is None:
            return None
        local = self.local_class(owner)
        return Value(types=local.base_types(), partial=True)

    def _path_value(self, path: str) -> Value | None:
        declared = self.model.classes.get(path)
        if declared is not None:
            return Value(types=frozenset({declared}), is_class=True)
        if self.project is not None and self.path:
            found = self.project(self.path, path)
            if found is not None:
                return found
        return Value(path=path)

    # -- annotations ---------------------------------------------------------------------

    def annotation(self, node: tree_sitter.Node) -> Value | None:
        """The instance an annotation declares (``Optional[X]`` and ``X | None`` are X)."""
        if node.type == "type" and node.named_child_count == 1:
            return self.annotation(node.named_children[0])
        if node.type == "string":
            return self._string_annotation(node)
        if node.type == "generic_type":
            head, *rest = node.named_children
            name = _text(head).rsplit(".", 1)[-1]
            if name in ("Optional", "Union", "Annotated") and rest:
                members = [m for p in rest for m in p.named_children if _text(m) != "None"]
                chosen = members[:1] if name == "Annotated" else members
                return self.annotation(chosen[0]) if len(chosen) == 1 else None
            if name in ("Type", "type") and rest:
                members = [m for p in rest for m in p.named_children]
                inner = self.annotation(members[0]) if len(members) == 1 else None
                return dataclasses.replace(inner, is_class=True) if inner else None
            return self.annotation(head)
        if node.type in ("binary_operator", "union_type"):
            members = [m for m in node.named_children if _text(m) != "None"]
            return self.annotation(members[0]) if len(members) == 1 else None
        if node.type in ("identifier", "attribute"):
            value = self.value_of(node)
            if value is not None and value.is_class:
                return instance_of(value)
            if value is not None and value.path is not None:
                return instance(self.model.classes.get(value.path))
        return None

    def _string_annotation(self, node: tree_sitter.Node) -> Value | None:
        text = _text(node).strip("\"'")
        head, *rest = text.split(".")
        if not head.isidentifier() or not all(part.isidentifier() for part in rest):
            return None
        value = self._lookup(head, node)
        for part in rest:
            value = self.attribute(value, part)
        if value is not None and value.is_class:
            return instance_of(value)
        return None

    # -- names ---------------------------------------------------------------------------

    def _lookup(self, name: str, use: tree_sitter.Node) -> Value | None:
        narrowed = self._narrowed(name, use)
        if narrowed is not None:
            return narrowed
        index = self._index()
        scope = _scope_of(use)
        own = True  # whether `scope` runs in order with the use (its own function's scope)
        while scope is not None:
            # A class body's names are not visible in its methods.
            if own or scope.type != "class_definition":
                bindings = index.get((scope.id, name))
                if bindings:
                    return self._settle(bindings, use.start_byte if own else None)
            if scope.type not in _COMPREHENSIONS:
                own = False
            scope = _scope_of(scope)
        builtin = _BUILTIN_CLASSES.get(name)
        return Value(types=frozenset({builtin}), is_class=True) if builtin else None

    def _narrowed(self, name: str, use: tree_sitter.Node) -> Value | None:
        """In ``if isinstance(name, X):`` (alone or in an ``and``), name is an X."""
        child, parent = use, use.parent
        while parent is not None and parent.type not in ("function_definition", "module"):
            guarded = parent.type in ("if_statement", "elif_clause")
            if guarded and child == parent.child_by_field_name("consequence"):
                condition = parent.child_by_field_name("condition")
                found = self._isinstance(condition, name) if condition else None
                if found is not None:
                    return found
            child, parent = parent, parent.parent
        return None

    def _isinstance(self, condition: tree_sitter.Node, name: str) -> Value | None:
        if condition.type == "boolean_operator":
            operator = condition.child_by_field_name("operator")
            if operator is None or operator.type != "and":
                return None
            for side in ("left", "right"):
                part = condition.child_by_field_name(side)
                found = self._isinstance(part, name) if part is not None else None
                if found is not None:
                    return found
            return None
        callee = condition.child_by_field_name("function") if condition.type == "call" else None
        if callee is None or _text(callee) != "isinstance":
            return None
        arguments = condition.child_by_field_name("arguments")
        values = arguments.named_children if arguments is not None else []
        if len(values) != 2 or values[0].type != "identifier" or _text(values[0]) != name:
            return None
        klass = self.value_of(values[1])
        return instance_of(klass) if klass is not None and klass.is_class else None

    def _settle(self, bindings: list[_Binding], before: int | None) -> Value | None:
        if before is not None:
            earlier = [b for b in bindings if b.position <= before]
            return self._binding_value(earlier[-1]) if earlier else None
        # From an enclosing scope: functions run later, so the last binding counts, but a
        # placeholder `x = None` does not hide the real one.
        for binding in reversed(bindings):
            if binding.kind == "value" and binding.node is not None and binding.node.type == "none":
                continue
            return self._binding_value(binding)
        return None

    def _binding_value(self, binding: _Binding) -> Value | None:
        node, kind = binding.node, binding.kind
        if kind == "import":
            return self._path_value(binding.path)
        # `self` may be an instance of any subclass (a mixin's self is a TestCase's), so it
        # is partial: of its class's types and maybe more.
        if kind == "self" and binding.owner is not None:
            return dataclasses.replace(self.local_class(binding.owner).instance(), partial=True)
        if kind == "cls" and binding.owner is not None:
            return dataclasses.replace(self.local_class(binding.owner).klass(), partial=True)
        if node is None:
            return None
        if kind == "value":
            return self.value_of(node)
        if kind == "annotation":
            return self.annotation(node)
        if kind == "iterate":
            return self.model.declared(self.value_of(node), "iterates")
        if kind == "enter":
            return self.model.declared(self.value_of(node), "enters", default_self=True)
        if kind == "def":
            return Value(function=self.function(node))
        if kind == "class":
            return self.local_class(node).klass()
        return None

    def function(self, node: tree_sitter.Node) -> FunctionRef:
        found = self._functions.get(node.id)
        if found is None:
            found = self._functions[node.id] = FunctionRef(self, node)
        return found

    def local_class(self, node: tree_sitter.Node) -> LocalClass:
        found = self._classes.get(node.id)
        if found is None:
            found = self._classes[node.id] = LocalClass(self, node)
        return found

    # -- the binding index ---------------------------------------------------------------

    def _index(self) -> dict[tuple[int, str], list[_Binding]]:
        if self._bindings is None:
            bindings: dict[tuple[int, str], list[_Binding]] = {}
            query = _query(self.spec, _BINDINGS_QUERY)
            for _, captures in tree_sitter.QueryCursor(query).matches(self.root):
                for name, binding, scope in _bindings_of(captures):
                    bindings.setdefault((scope.id, name), []).append(binding)
            for found in bindings.values():
                found.sort(key=lambda binding: binding.position)
            self._bindings = bindings
        return self._bindings


class FunctionRef:
    """A function the file defines: what calling it returns."""

    def __init__(self, owner: PythonTypes, node: tree_sitter.Node) -> None:
        self.owner, self.node = owner, node
        self._returns: Value | None = None
        self._done = False

    def returns(self) -> Value | None:
        if not self._done:
            self._done = True  # a recursive function's own call stays unknown
            self._returns = self._infer_returns()
        return self._returns

    def _infer_returns(self) -> Value | None:
        annotation = self.node.child_by_field_name("return_type")
        if annotation is not None:
            return self.owner.annotation(annotation)
        body = self.node.child_by_field_name("body")
        if body is None:
            return None
        query = _query(self.owner.spec, _RETURNS_QUERY)
        values = []
        for _, captures in tree_sitter.QueryCursor(query).matches(body):
            for node in captures.get("value", []):
                if _enclosing_function(node) == self.node:
                    values.append(self.owner.value_of(node))
        return agreed(values) if values else None


class LocalClass:
    """A class the file defines: its bases' types and its instances' attributes."""

    def __init__(self, owner: PythonTypes, node: tree_sitter.Node) -> None:
        self.owner, self._node = owner, node
        self._types: frozenset[str] | None = None
        self._partial = False
        self._bases: list[Value] = []
        self._attributes: dict[str, list[tuple[str, tree_sitter.Node]]] | None = None
        self._resolved: dict[str, Value | None] = {}

    @property
    def node(self) -> tree_sitter.Node:
        return self._node

    def base_types(self) -> frozenset[str]:
        if self._types is None:
            self._types = frozenset()  # a class deriving from itself stays without types
            types: set[str] = set()
            superclasses = self._node.child_by_field_name("superclasses")
            for base in superclasses.named_children if superclasses is not None else ():
                if base.type == "keyword_argument":
                    continue
                value = self.owner.value_of(base)
                if value is not None and value.is_class:
                    types |= value.types
                    self._partial = self._partial or value.partial
                    self._bases.append(value)
                elif _text(base) != "object":
                    self._partial = True  # a base we cannot see may bring any type
            self._types = frozenset(types)
        return self._types

    @property
    def partial(self) -> bool:
        self.base_types()
        return self._partial

    def instance(self) -> Value:
        return Value(types=self.base_types(), partial=self.partial, definition=self)

    def klass(self) -> Value:
        return Value(types=self.base_types(), is_class=True, partial=self.partial, definition=self)

    def method(self, name: str) -> FunctionRef | None:
        for function in self._methods():
            if _text(function.child_by_field_name("name")) == name:
                return self.owner.function(function)
        for base in self._base_definitions():
            if isinstance(base, LocalClass):
                found = base.method(name)
                if found is not None:
                    return found
        return None

    def call_method(self, name: str) -> Value | None:
        method = self.method(name)
        if method is not None:
            return method.returns()
        for base in self._base_definitions():
            if not isinstance(base, LocalClass):
                found = base.call_method(name)
                if found is not None:
                    return found
        return None

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
                if how == "value" and node.type == "none":
                    continue
                value = self.owner.annotation(node) if how == "annotation" else None
                if how == "value":
                    value = self.owner.value_of(node)
                if how == "annotation" and value is not None:
                    return value  # a declared attribute type is the answer
                if value is not None:
                    values.append(value)
            return agreed(values) if values else None
        method = self.method(name)
        if method is not None:
            if _is_property(method.node):
                return method.returns()
            return Value(function=method)
        for base in self._base_definitions():
            found = base.attribute(name)
            if found is not None:
                return found
        return None

    def _base_definitions(self) -> list[ClassDefinition]:
        self.base_types()
        return [base.definition for base in self._bases if base.definition is not None]

    def _methods(self) -> Iterator[tree_sitter.Node]:
        body = self._node.child_by_field_name("body")
        for child in body.named_children if body is not None else ():
            if child.type == "decorated_definition":
                child = child.child_by_field_name("definition") or child
            if child.type == "function_definition":
                yield child

    def _assigned(self) -> dict[str, list[tuple[str, tree_sitter.Node]]]:
        if self._attributes is None:
            found: dict[str, list[tuple[str, tree_sitter.Node]]] = {}
            body = self._node.child_by_field_name("body")
            for statement in body.named_children if body is not None else ():
                assignment = statement.named_children[0] if statement.named_children else None
                if statement.type == "expression_statement" and assignment is not None:
                    _class_level(assignment, found)
            query = _query(self.owner.spec, _SELF_ATTRIBUTES_QUERY)
            for function in self._methods():
                receiver = _first_parameter(function)
                if receiver is None or _is_static(function):
                    continue
                for _, captures in tree_sitter.QueryCursor(query).matches(function):
                    _self_attribute(captures, receiver, function, found)
            self._attributes = found
        return self._attributes


def _class_level(
    assignment: tree_sitter.Node, found: dict[str, list[tuple[str, tree_sitter.Node]]]
) -> None:
    if assignment.type != "assignment":
        return
    left = assignment.child_by_field_name("left")
    if left is None or left.type != "identifier":
        return
    annotation = assignment.child_by_field_name("type")
    right = assignment.child_by_field_name("right")
    if annotation is not None:
        found.setdefault(_text(left), []).append(("annotation", annotation))
    elif right is not None:
        found.setdefault(_text(left), []).append(("value", _chained_value(right)))


def _self_attribute(
    captures: dict[str, list[tree_sitter.Node]],
    receiver: str,
    function: tree_sitter.Node,
    found: dict[str, list[tuple[str, tree_sitter.Node]]],
) -> None:
    obj, name, statement = captures["object"][0], captures["name"][0], captures["set"][0]
    if _text(obj) != receiver or _enclosing_function(statement) != function:
        return
    annotation = statement.child_by_field_name("type")
    right = statement.child_by_field_name("right")
    if annotation is not None:
        found.setdefault(_text(name), []).append(("annotation", annotation))
    elif right is not None:
        found.setdefault(_text(name), []).append(("value", _chained_value(right)))


def _is_dict(value: Value | None) -> bool:
    """A dict, or an instance of the project's own dict subclass (`class Cache(dict)`)."""
    return value is not None and value.names() == {"builtins.dict"}


def _is_store(node: tree_sitter.Node) -> bool:
    """`cache` or `self.cache`: a name whose item assignments the file can be read for."""
    if node.type == "identifier":
        return True
    owner = node.child_by_field_name("object") if node.type == "attribute" else None
    return owner is not None and owner.type == "identifier"


def _scope_of(node: tree_sitter.Node) -> tree_sitter.Node | None:
    parent = node.parent
    while parent is not None and parent.type not in _SCOPES:
        parent = parent.parent
    return parent


def _enclosing_function(node: tree_sitter.Node) -> tree_sitter.Node | None:
    parent = node.parent
    while parent is not None and parent.type not in (
        "function_definition",
        "lambda",
        "class_definition",
    ):
        parent = parent.parent
    return parent


def _chained_value(right: tree_sitter.Node) -> tree_sitter.Node:
    # `a = b = value`: both names hold the value.
    while right.type == "assignment":
        inner = right.child_by_field_name("right")
        if inner is None:
            break
        right = inner
    return right


def _first_parameter(function: tree_sitter.Node) -> str | None:
    parameters = function.child_by_field_name("parameters")
    if parameters is None or not parameters.named_children:
        return None
    first = parameters.named_children[0]
    if first.type != "identifier":
        first = first.child_by_field_name("name") or first
    return _text(first) if first.type == "identifier" else None


def _decorators(function: tree_sitter.Node) -> list[str]:
    parent = function.parent
    if parent is None or parent.type != "decorated_definition":
        return []
    return [_text(d).lstrip("@").strip() for d in parent.named_children if d.type == "decorator"]


def _is_static(function: tree_sitter.Node) -> bool:
    return any(name.endswith("staticmethod") for name in _decorators(function))


def _is_property(function: tree_sitter.Node) -> bool:
    return any(name.endswith(("property", "cached_property")) for name in _decorators(function))


def _is_classmethod(function: tree_sitter.Node) -> bool:
    return any(name.endswith("classmethod") for name in _decorators(function))


def _method_class(function: tree_sitter.Node) -> tree_sitter.Node | None:
    """The class a function is a method of (directly in its body), else None."""
    parent = function.parent
    if parent is not None and parent.type == "decorated_definition":
        parent = parent.parent
    if parent is None or parent.type != "block":
        return None
    owner = parent.parent
    return owner if owner is not None and owner.type == "class_definition" else None


def _bindings_of(
    captures: dict[str, list[tree_sitter.Node]],
) -> Iterator[tuple[str, _Binding, tree_sitter.Node]]:
    """(name, binding, scope node) for one match of the bindings query."""
    if "assignment" in captures:
        yield from _assignment(captures["assignment"][0])
    elif "walrus" in captures or "for" in captures or "with" in captures:
        statement = next(captures[k][0] for k in ("walrus", "for", "with") if k in captures)
        how = "value" if "walrus" in captures else "iterate" if "for" in captures else "enter"
        left, right = captures["left"][0], captures["right"][0]
        scope = _scope_of(left)
        position = right.end_byte if "for" in captures else statement.end_byte
        if scope is not None and scope.type in _COMPREHENSIONS:
            position = scope.start_byte  # `[x.a for x in c]` uses x before the `for`
        if scope is not None:
            for name, kind, node in _targets(left, how, right):
                yield name, _Binding(position, kind, node), scope
    elif "def" in captures:
        definition = captures["def"][0]
        scope = _scope_of(definition)
        if scope is not None:
            kind = "def" if definition.type == "function_definition" else "class"
            binding = _Binding(definition.start_byte, kind, definition)
            yield _text(captures["name"][0]), binding, scope
    elif "import" in captures:
        statement = captures["import"][0]
        scope = _scope_of(statement)
        if scope is not None:
            for name, path in _imported(statement):
                yield name, _Binding(statement.end_byte, "import", path=path), scope
    elif "parameters" in captures:
        yield from _parameters(captures["parameters"][0])


def _assignment(statement: tree_sitter.Node) -> Iterator[tuple[str, _Binding, tree_sitter.Node]]:
    left = statement.child_by_field_name("left")
    if left is None:
        return
    scope = _scope_of(statement)
    if scope is None:
        return
    annotation = statement.child_by_field_name("type")
    right = statement.child_by_field_name("right")
    position = statement.end_byte
    if annotation is not None and left.type == "identifier":
        yield _text(left), _Binding(position, "annotation", annotation), scope
        return
    if right is None:
        return
    for name, kind, node in _targets(left, "value", _chained_value(right)):
        yield name, _Binding(position, kind, node), scope


def _targets(
    left: tree_sitter.Node, how: str, right: tree_sitter.Node | None
) -> Iterator[tuple[str, str, tree_sitter.Node | None]]:
    """(name, binding kind, node the value comes from) for each name a target binds."""
    if left.type == "identifier":
        yield _text(left), how, right
        return
    if left.type not in _SEQUENCES:
        return  # an attribute or subscript target binds no name
    targets = [t for t in left.named_children if t.type != "comment"]
    values = right.named_children if right is not None and how == "value" else []
    pairwise = (
        right is not None
        and right.type in _VALUE_SEQUENCES
        and len(values) == len(targets)
        and not any(t.type == "list_splat_pattern" for t in targets)
    )
    for index, target in enumerate(targets):
        if pairwise:
            yield from _targets(target, how, values[index])
        else:
            for name in _names_in(target):
                yield name, "unknown", None


def _names_in(target: tree_sitter.Node) -> Iterator[str]:
    if target.type == "identifier":
        yield _text(target)
    elif target.type in _SEQUENCES or target.type == "list_splat_pattern":
        for child in target.named_children:
            yield from _names_in(child)


def _imported(statement: tree_sitter.Node) -> Iterator[tuple[str, str]]:
    """(local name, import path) for an import statement; relative paths keep their dots."""
    if statement.type == "import_statement":
        for part in statement.named_children:
            if part.type == "dotted_name":
                path = _text(part)
                yield path.split(".")[0], path.split(".")[0]
            elif part.type == "aliased_import":
                name, alias = part.child_by_field_name("name"), part.child_by_field_name("alias")
                if name is not None and alias is not None:
                    yield _text(alias), _text(name)
        return
    module = statement.child_by_field_name("module_name")
    if module is None:
        return
    base = _text(module)
    separator = "" if base.endswith(".") else "."
    for part in statement.children_by_field_name("name"):
        if part.type == "dotted_name":
            yield _text(part).split(".")[-1], f"{base}{separator}{_text(part)}"
        elif part.type == "aliased_import":
            name, alias = part.child_by_field_name("name"), part.child_by_field_name("alias")
            if name is not None and alias is not None:
                yield _text(alias), f"{base}{separator}{_text(name)}"


def _parameters(parameters: tree_sitter.Node) -> Iterator[tuple[str, _Binding, tree_sitter.Node]]:
    function = parameters.parent
    if function is None:
        return
    position = function.start_byte
    owner = _method_class(function) if function.type == "function_definition" else None
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
            for name in _names_in(parameter):
                yield name, _Binding(position, "unknown"), function
            continue
        if name_node is None or name_node.type != "identifier":
            first = False
            continue
        name = _text(name_node)
        default = parameter.child_by_field_name("value")
        if first and owner is not None and not _is_static(function) and annotation is None:
            # `cls` by name too: pydantic's validators are class methods without saying so.
            kind = "cls" if _is_classmethod(function) or name == "cls" else "self"
            yield name, _Binding(position, kind, owner=owner), function
        elif annotation is not None:
            yield name, _Binding(position, "annotation", annotation), function
        elif default is not None and default.type != "none":
            # What the default is (`def f(coll=db.users)`, `def f(data=Mongo)`): callers
            # may pass something else, but of the kind the default says.
            yield name, _Binding(position, "value", default), function
        else:
            yield name, _Binding(position, "unknown"), function
        first = False


__all__ = ["FunctionRef", "LocalClass", "PythonTypes"]

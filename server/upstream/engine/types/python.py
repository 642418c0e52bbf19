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
A class itself (``cls``, ``Document``) holds its body's names and what class methods set on
``cls``, and calling its methods gives what they return (``cls._get_db()``); a class
attribute that is a project descriptor (``objects = Manager()``) reads as its ``__get__``
returns; ``with`` on a project class binds what its ``__enter__`` (``__aenter__``) returns;
a pydantic root validator's ``values["client"] = v`` (returning ``values``) makes ``client``
a field holding v. ``x.__class__`` and ``type(x)`` are the class of x (of an unknown x, a
class nothing is known about: never a library type's instance), and ``Union[A, B]`` is
what A and B agree on, or an instance of the declared types both have.

Anything else is unknown (None), and unknown is what a rule sees unless it asks otherwise.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import tree_sitter

from upstream.engine.languages import LanguageSpec
from upstream.engine.types.model import (
    ClassDefinition,
    Inference,
    InferredReturns,
    ProjectClass,
    TypeModel,
    Value,
    agreed,
    instance,
    instance_of,
    known_agreed,
)
from upstream.engine.types.python_bindings import (
    BINDINGS_QUERY,
    COMPREHENSIONS,
    Binding,
    bindings_of,
    chained_value,
    decorators,
    enclosing_function,
    first_parameter,
    is_classmethod,
    is_property,
    is_static,
    method_class,
    scope_of,
)
from upstream.engine.types.syntax import cached_query, nearest, node_text, returned_nodes

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


_SELF_ATTRIBUTES_QUERY = """
(assignment left: (attribute object: (identifier) @object attribute: (identifier) @name)) @set
"""

_STORED_ITEMS_QUERY = """
(assignment left: (subscript value: [(identifier) (attribute object: (identifier))] @name)
  right: (_) @value)
"""


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
    _bindings: dict[tuple[int, str], list[Binding]] | None = None
    _memo: dict[int, Value | None] = field(default_factory=dict)
    _pending: set[int] = field(default_factory=set)
    _classes: dict[int, LocalClass] = field(default_factory=dict)
    _functions: dict[int, FunctionRef] = field(default_factory=dict)
    _items: dict[str, list[tree_sitter.Node]] | None = None
    _bound: frozenset[str] | None = None
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
            return self._lookup(node_text(node), node)
        if kind == "attribute":
            owner = node.child_by_field_name("object")
            name = node.child_by_field_name("attribute")
            if owner is None or name is None:
                return None
            if node_text(name) == "__class__":
                return _class_of(self.value_of(owner))
            return self.attribute(self.value_of(owner), node_text(name))
        if kind == "call":
            return self._call(node)
        if kind == "subscript":
            owner = node.child_by_field_name("value")
            value = self.value_of(owner) if owner else None
            if owner is not None and _is_dict(value) and _is_store(owner):
                return self._stored_items(node_text(owner))
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
        if value.is_class and isinstance(value.definition, LocalClass):
            # `cls._collection`, `Model.create()`: what the class itself holds.
            return value.definition.class_attribute(name)
        if not value.is_instance:
            return None
        return self.model.attribute_result(value, name)

    def _call(self, node: tree_sitter.Node) -> Value | None:
        callee = node.child_by_field_name("function")
        if callee is None:
            return None
        method = node_text(callee.child_by_field_name("attribute"))
        # `self.__class__(...)` calls the class (below), not a method named `__class__`.
        if callee.type == "attribute" and method != "__class__":
            owner = callee.child_by_field_name("object")
            receiver = self.value_of(owner) if owner is not None else None
            if receiver is not None and receiver.is_instance:
                return self.model.method_result(receiver, method)
            if receiver is not None and receiver.is_class:
                # `cls._get_db()`: a method the project's class defines says what it returns.
                own = self._class_method(receiver, method)
                returned = own.returns() if own is not None else None
                if returned is not None:
                    return returned
            if receiver is not None and receiver.is_class:
                if self.model.builds(receiver, method):
                    return instance_of(receiver)
                static = self.model.static_result(receiver, method)
                if static is not None:
                    return static
        if callee.type == "identifier" and node_text(callee) == "super":
            return self._super(node)
        if callee.type == "identifier" and node_text(callee) == "type":
            argument = _only_argument(node)
            if argument is not None and not self._binds("type"):
                return _class_of(self.value_of(argument))
        value = self.value_of(callee)
        if value is None:
            return None
        if value.is_class:
            return _instance_of_class(value)
        if value.path is not None:
            made = self.model.classes.get(value.path) or self.model.factory(value.path)
            return instance(made)
        if value.function is not None:
            return value.function.returns()
        return None

    def _class_method(self, klass: Value, name: str) -> FunctionRef | None:
        """The method ``name`` of a project class value (its own or a project base's)."""
        definition = klass.definition
        if not isinstance(definition, LocalClass):
            return None
        found = definition.method(name)
        return found if found is not None and not is_property(found.node) else None

    def _stored_items(self, name: str) -> Value | None:
        """``cache[key]`` (or ``self.cache[key]``) of a dict the file fills with
        ``cache[key] = value`` (the memoizing idiom): what all those values agree on."""
        if self._items is None:
            found: dict[str, list[tree_sitter.Node]] = {}
            query = cached_query(self.spec, _STORED_ITEMS_QUERY)
            for _, captures in tree_sitter.QueryCursor(query).matches(self.root):
                target, value = captures["name"][0], captures["value"][0]
                found.setdefault(node_text(target), []).append(chained_value(value))
            self._items = found
        values = self._items.get(name)
        return agreed(self.value_of(value) for value in values) if values else None

    def _super(self, call: tree_sitter.Node) -> Value | None:
        """``super()`` in a method: an object of the class's bases' types."""
        function = enclosing_function(call)
        owner = method_class(function) if function is not None else None
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
            name = node_text(head).rsplit(".", 1)[-1]
            if name in ("Optional", "Union", "Annotated") and rest:
                members = [m for p in rest for m in p.named_children if node_text(m) != "None"]
                return self._union(members[:1] if name == "Annotated" else members)
            if name in ("Type", "type") and rest:
                members = [m for p in rest for m in p.named_children]
                inner = self.annotation(members[0]) if len(members) == 1 else None
                return dataclasses.replace(inner, is_class=True) if inner else None
            return self.annotation(head)
        if node.type in ("binary_operator", "union_type"):
            return self._union([m for m in node.named_children if node_text(m) != "None"])
        if node.type in ("identifier", "attribute"):
            value = self.value_of(node)
            if value is not None and value.is_class:
                return instance_of(value)
            if value is not None and value.path is not None:
                return instance(self.model.classes.get(value.path))
        return None

    def _union(self, members: list[tree_sitter.Node]) -> Value | None:
        """``Union[A, B]`` / ``A | B``: what all members agree on, else an instance of the
        declared types every member has (two pydantic models are both BaseModels)."""
        if len(members) == 1:
            return self.annotation(members[0])
        values = [self.annotation(member) for member in members]
        found = agreed(values)
        if found is not None or not values:
            return found
        if not all(value is not None and value.is_instance for value in values):
            return None
        known = [value for value in values if value is not None]
        common = frozenset.intersection(*(value.types for value in known))
        # Either member may be the value: partial when either may have types unseen.
        return Value(types=common, partial=any(v.partial for v in known)) if common else None

    def _string_annotation(self, node: tree_sitter.Node) -> Value | None:
        text = node_text(node).strip("\"'")
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
        scope = scope_of(use)
        own = True  # whether `scope` runs in order with the use (its own function's scope)
        while scope is not None:
            # A class body's names are not visible in its methods.
            if own or scope.type != "class_definition":
                bindings = index.get((scope.id, name))
                if bindings:
                    return self._settle(bindings, use.start_byte if own else None)
            if scope.type not in COMPREHENSIONS:
                own = False
            scope = scope_of(scope)
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
        if callee is None or node_text(callee) != "isinstance":
            return None
        arguments = condition.child_by_field_name("arguments")
        values = arguments.named_children if arguments is not None else []
        if len(values) != 2 or values[0].type != "identifier" or node_text(values[0]) != name:
            return None
        klass = self.value_of(values[1])
        return _instance_of_class(klass) if klass is not None and klass.is_class else None

    def _settle(self, bindings: list[Binding], before: int | None) -> Value | None:
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

    def _binding_value(self, binding: Binding) -> Value | None:
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
        if kind == "unpack":
            return self.model.unpacked(self.value_of(node), *binding.unpack)
        if kind == "annotation":
            return self.annotation(node)
        if kind == "iterate":
            return self.model.declared(self.value_of(node), "iterates")
        if kind == "enter":
            return self._entered(self.value_of(node), node)
        if kind == "def":
            return Value(function=self.function(node))
        if kind == "class":
            return self.local_class(node).klass()
        return None

    def _entered(self, value: Value | None, node: tree_sitter.Node) -> Value | None:
        """What ``with value as x`` binds: an instance of a project class with ``__enter__``
        (``__aenter__`` in ``async with``) gets what that returns (``return self``: the value
        itself), else what the declared types say, else the value."""
        definition = value.definition if value is not None else None
        if value is not None and value.is_instance and isinstance(definition, LocalClass):
            method = definition.method("__aenter__" if _in_async_with(node) else "__enter__")
            if method is not None:
                return value if _returns_self(self.spec, method.node) else method.returns()
        return self.model.declared(value, "enters", default_self=True)

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

    def _binds(self, name: str) -> bool:
        """Whether the file binds ``name`` anywhere (a builtin it shadows is not one)."""
        if self._bound is None:
            self._bound = frozenset(name for _, name in self._index())
        return name in self._bound

    def _index(self) -> dict[tuple[int, str], list[Binding]]:
        if self._bindings is None:
            bindings: dict[tuple[int, str], list[Binding]] = {}
            query = cached_query(self.spec, BINDINGS_QUERY)
            for _, captures in tree_sitter.QueryCursor(query).matches(self.root):
                for name, binding, scope in bindings_of(captures):
                    bindings.setdefault((scope.id, name), []).append(binding)
            for found in bindings.values():
                found.sort(key=lambda binding: binding.position)
            self._bindings = bindings
        return self._bindings


class FunctionRef(InferredReturns):
    """A function the file defines: what calling it returns."""

    def __init__(self, owner: PythonTypes, node: tree_sitter.Node) -> None:
        self.owner, self.node = owner, node

    def _infer_returns(self) -> Value | None:
        annotation = self.node.child_by_field_name("return_type")
        if annotation is not None:
            return self.owner.annotation(annotation)
        body = self.node.child_by_field_name("body")
        if body is None:
            return None
        return self.owner.returned(self.node, body, enclosing_function)


class LocalClass(ProjectClass):
    """A class the file defines: its bases' types and its instances' attributes."""

    def __init__(self, owner: PythonTypes, node: tree_sitter.Node) -> None:
        self.owner, self._node = owner, node
        self._types: frozenset[str] | None = None
        self._partial = False
        self._bases: list[Value] = []
        self._attributes: dict[str, list[tuple[str, tree_sitter.Node]]] | None = None
        # What the class itself holds: its body's names and `cls.x = ...` in class methods.
        self._on_class: dict[str, list[tuple[str, tree_sitter.Node]]] = {}
        self._resolved: dict[str, Value | None] = {}
        self._class_resolved: dict[str, Value | None] = {}

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
                elif node_text(base) != "object":
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
            if node_text(function.child_by_field_name("name")) == name:
                return self.owner.function(function)
        for base in self._base_definitions():
            if isinstance(base, LocalClass):
                found = base.method(name)
                if found is not None:
                    return found
        return None

    def attribute(self, name: str) -> Value | None:
        if name not in self._resolved:
            self._resolved[name] = None  # a cycle through this attribute is unknown
            self._resolved[name] = self._resolve(name)
        return self._resolved[name]

    def class_attribute(self, name: str) -> Value | None:
        """What ``Class.name`` / ``cls.name`` is: the class body's assignments and ``cls.name
        = ...`` in class methods (an instance's ``self.name = ...`` does not set it), else the
        method, else a project base's."""
        if name not in self._class_resolved:
            self._class_resolved[name] = None  # a cycle through this attribute is unknown
            self._class_resolved[name] = self._resolve_on_class(name)
        return self._class_resolved[name]

    def _resolve_on_class(self, name: str) -> Value | None:
        self._assigned()
        assigned = self._on_class.get(name)
        if assigned:
            return self._agree(assigned)
        method = self.method(name)
        if method is not None:
            return None if is_property(method.node) else Value(function=method)
        for base in self._base_definitions():
            if isinstance(base, LocalClass):
                found = base.class_attribute(name)
                if found is not None:
                    return found
        return None

    def _agree(self, assigned: list[tuple[str, tree_sitter.Node]]) -> Value | None:
        values = []
        for how, node in assigned:
            if how in ("value", "class") and node.type == "none":
                continue
            value = self.owner.annotation(node) if how == "annotation" else None
            if how in ("value", "class"):
                value = self.owner.value_of(node)
            if how == "class" and value is not None:
                value = _through_descriptor(value)
            if how == "annotation" and value is not None:
                return value  # a declared attribute type is the answer
            if value is not None:
                values.append(value)
        return agreed(values) if values else None

    def _resolve(self, name: str) -> Value | None:
        assigned = self._assigned().get(name)
        if assigned:
            return self._agree(assigned)
        method = self.method(name)
        if method is not None:
            if is_property(method.node):
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
                    _class_level(assignment, self._on_class)
            query = cached_query(self.owner.spec, _SELF_ATTRIBUTES_QUERY)
            for function in self._methods():
                receiver = first_parameter(function)
                if receiver is None or is_static(function):
                    continue
                # `cls` by name too, as the binding index reads it (pydantic's validators).
                on_class = is_classmethod(function) or receiver == "cls"
                for _, captures in tree_sitter.QueryCursor(query).matches(function):
                    _self_attribute(captures, receiver, function, found)
                    if on_class:
                        _self_attribute(captures, receiver, function, self._on_class)
                if _is_root_validator(function):
                    _validator_fields(self.owner.spec, function, found)
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
        found.setdefault(node_text(left), []).append(("annotation", annotation))
    elif right is not None:
        # "class": read through `__get__` when it is a descriptor the project defines.
        found.setdefault(node_text(left), []).append(("class", chained_value(right)))


def _self_attribute(
    captures: dict[str, list[tree_sitter.Node]],
    receiver: str,
    function: tree_sitter.Node,
    found: dict[str, list[tuple[str, tree_sitter.Node]]],
) -> None:
    obj, name, statement = captures["object"][0], captures["name"][0], captures["set"][0]
    if node_text(obj) != receiver or enclosing_function(statement) != function:
        return
    annotation = statement.child_by_field_name("type")
    right = statement.child_by_field_name("right")
    if annotation is not None:
        found.setdefault(node_text(name), []).append(("annotation", annotation))
    elif right is not None:
        found.setdefault(node_text(name), []).append(("value", chained_value(right)))


_VALUES_ITEMS_QUERY = """
(assignment left: (subscript value: (identifier) @dict subscript: (string) @key)
  right: (_) @value) @set
"""


def _through_descriptor(value: Value) -> Value | None:
    """A class attribute's value as an attribute read sees it: an instance of a project
    class with ``__get__`` (a descriptor: ``objects = QuerySetManager()``) gives what its
    ``__get__`` returns, not itself."""
    definition = value.definition
    if not value.is_instance or not isinstance(definition, LocalClass):
        return value
    getter = definition.method("__get__")
    return getter.returns() if getter is not None else value


def _is_root_validator(function: tree_sitter.Node) -> bool:
    """pydantic's ``@root_validator`` (any options) or ``@model_validator(mode="before")``:
    the dict the method returns becomes the model's fields."""
    for decorator in decorators(function):
        head, _, options = decorator.partition("(")
        head = head.strip().rsplit(".", 1)[-1]
        if head == "root_validator":
            return True
        if head == "model_validator" and options.replace(" ", "") in (
            'mode="before")',
            "mode='before')",
        ):
            return True
    return False


def _validator_fields(
    spec: LanguageSpec,
    function: tree_sitter.Node,
    found: dict[str, list[tuple[str, tree_sitter.Node]]],
) -> None:
    """``values["client"] = openai.Completion`` in a root validator that returns ``values``
    (every one of its returns): the model's ``client`` field holds that value."""
    values = _second_parameter(function)
    body = function.child_by_field_name("body")
    if values is None or body is None:
        return
    returns = returned_nodes(spec, function, body, enclosing_function)
    if not returns or any(
        node.type != "identifier" or node_text(node) != values for node in returns
    ):
        return
    query = cached_query(spec, _VALUES_ITEMS_QUERY)
    for _, captures in tree_sitter.QueryCursor(query).matches(body):
        target, key, statement = captures["dict"][0], captures["key"][0], captures["set"][0]
        name = _plain_key(key)
        if node_text(target) != values or enclosing_function(statement) != function:
            continue
        if name is not None:
            found.setdefault(name, []).append(("value", chained_value(captures["value"][0])))


def _second_parameter(function: tree_sitter.Node) -> str | None:
    """``values`` in ``def check(cls, values)`` / ``(cls, values: Dict)``."""
    parameters = function.child_by_field_name("parameters")
    listed = [p for p in parameters.named_children if p.type != "comment"] if parameters else []
    second = listed[1] if len(listed) > 1 else None
    if second is not None and second.type in ("typed_parameter", "typed_default_parameter"):
        second = second.child_by_field_name("name") or second.named_children[0]
    return node_text(second) if second is not None and second.type == "identifier" else None


_PLAIN_STRING = ["string_start", "string_content", "string_end"]


def _plain_key(key: tree_sitter.Node) -> str | None:
    """The name a plain string key spells (``"client"``; not ``f"..."``, not ``"a b"``)."""
    if [child.type for child in key.children] != _PLAIN_STRING:
        return None
    name = node_text(key.children[1])
    quoted = node_text(key.children[0]) in ('"', "'")
    return name if quoted and name.isidentifier() else None


def _in_async_with(node: tree_sitter.Node) -> bool:
    statement = nearest(node, ("with_statement",))
    children = statement.children if statement is not None else []
    return bool(children) and children[0].type == "async"


def _returns_self(spec: LanguageSpec, function: tree_sitter.Node) -> bool:
    """Whether every ``return`` of a method gives its receiver (``return self``)."""
    receiver, body = first_parameter(function), function.child_by_field_name("body")
    if receiver is None or body is None:
        return False
    returned = returned_nodes(spec, function, body, enclosing_function)
    return bool(returned) and all(
        node.type == "identifier" and node_text(node) == receiver for node in returned
    )


def _class_of(value: Value | None) -> Value:
    """``x.__class__`` / ``type(x)``: the class of an instance; of anything else (an unknown
    value, a class, a module) a class nothing is known about, which is never an instance of
    a library type (``self._document.__class__.ensure_index()`` is no Collection's)."""
    if value is not None and value.is_instance and (value.types or value.definition):
        return dataclasses.replace(value, is_class=True)
    return Value(is_class=True)


def _instance_of_class(klass: Value) -> Value | None:
    """Calling a class value: an instance of it, unknown for a class nothing is known
    about (``type(x)()``)."""
    if not klass.types and klass.definition is None:
        return None
    return instance_of(klass)


def _only_argument(call: tree_sitter.Node) -> tree_sitter.Node | None:
    """The one positional argument of ``type(x)`` (``type(name, bases, ns)`` makes a class)."""
    arguments = call.child_by_field_name("arguments")
    listed = [a for a in arguments.named_children if a.type != "comment"] if arguments else []
    return listed[0] if len(listed) == 1 and listed[0].type not in _SPREADS else None


_SPREADS = frozenset({"keyword_argument", "list_splat", "dictionary_splat"})


def _is_dict(value: Value | None) -> bool:
    """A dict, or an instance of the project's own dict subclass (`class Cache(dict)`)."""
    return value is not None and value.names() == {"builtins.dict"}


def _is_store(node: tree_sitter.Node) -> bool:
    """`cache` or `self.cache`: a name whose item assignments the file can be read for."""
    if node.type == "identifier":
        return True
    owner = node.child_by_field_name("object") if node.type == "attribute" else None
    return owner is not None and owner.type == "identifier"


__all__ = ["FunctionRef", "LocalClass", "PythonTypes"]

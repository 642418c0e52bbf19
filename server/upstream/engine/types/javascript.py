"""Type inference for one JavaScript, TypeScript or TSX file, from provenance.

The approach of engine/types/python.py, for JavaScript's bindings: ``const``/``let`` (object
destructuring reads members, ``const { db } = x`` is ``x.db``; array destructuring is
unknown), ``var`` (bound in its function), assignments (bound in the scope that declares
the name, else at the top level), ``for ... of`` (what the iterable ``iterates``) and
``for ... in`` (keys), parameters (their TypeScript annotation, else unknown), ``catch``
parameters, ES imports (read as engine/imports.py reads them), ``import x = require()``,
and function and class declarations, which count from the start of their block. A name's
value is its last binding before the use in the use's own function (blocks nest in it), or
an enclosing function's last binding, since nested functions run later.

Expressions are typed through member access (``x["name"]`` is ``x.name``), calls (of
declared classes, factories, builders, methods and the file's functions), ``require()``,
``new`` (of a class, of a constructor function, or of a value whose type ``constructs``
one), ``await`` (the type's ``awaits``, else the value itself), ``as`` (its type),
``satisfies`` and ``!`` (the value), ``?:`` when both sides agree, ``||``/``??`` when they
agree or only one is known (a default or a cache), literals (``js.Array``, ``js.Object``,
``js.String``...) and the builtin classes (``new Map()``). ``this`` in a class method or
field is an instance of the class (the class in a static one); ``this.x`` set in any method,
a field and a TypeScript parameter property are known in the others (as members set after
an object is made, below), and a getter's result is its attribute. A function returns what
its TypeScript return annotation says (``Promise<X>`` is X, as ``await`` defaults to the
value) or what all of its ``return``s give. A declared type that ``constructs`` another (a
Mongoose model) describes constructor objects: a class extending one is such an object
too, and ``new`` of it builds the constructed type.

Members set after an object is made (``store.client = x``, ``F.cache = x``,
``exports.db = x``, anywhere in the file) are members of the object literal, function or
exports object they are set on; where several known values are set they must agree, and one
copied from what we cannot see (``this.client = options.client``) does not hide a known one.
A constructor function (one the file uses with ``new F`` or ``F.prototype``) and the methods
of its prototype (``F.prototype.m = function``, ``F.prototype = {...}``) see ``this`` as an
instance: its members are those set on ``this`` (or ``self = this``) there and the
prototype's, and it is partial, since ``util.inherits`` or ``__proto__`` may add a base.

What the file exports, for the project index (engine/types/project.py): ES ``export``s
(declarations, ``export default``, ``export { a as b }``, re-exports), members set on
``exports`` and ``module.exports``, and what ``module.exports = X`` (TypeScript's
``export = X``) replaces the exports object with. A default import of a project module
reads its ``default`` export (``module.exports`` for CommonJS).

And from the files that import this one (through the project index): members they set on
the function this file exports (``Job.client = createClient()`` where ``Job =
require("./job")``; they must agree with each other and with this file's own), and, in that
function, ``this`` as an instance of the class whose prototype they install it on
(``Agenda.prototype.cancel = require("./cancel")``; all installs must agree). The class's
members are then its own (its class body, its constructor function's ``this.x``), not what
the other installed methods set on ``this``.

A plain parameter of a function the file only calls by name (a ``function`` declaration, or
an anonymous function or arrow function declared with ``const``/``let``/``var``, whose name
the file spells nowhere else, not even in a comment) is what all the calls pass there, when
they agree and are known (``allKeys(store, cb)`` called as ``allKeys(this, ...)`` from the
prototype's methods). The result parameter of a node-style callback, the last argument of
a method a declared type says (``db.collection(name, (err, coll) => ...)``, its first
parameter named as an error), is what the method returns, awaited; also for a function
passed by name (``connect(url, onConnect)``), when all its passes and calls agree.

With a project index, ``x.name`` where nothing tells what ``x`` is (Express's ``req.db``)
is the library type every definition of a member ``name`` in the project's files agrees on
(engine/types/javascript_members.py).

Not followed: other callbacks' parameters (``.then(cb)``, ``setTimeout(cb)``),
a parameter of a function passed, stored or exported (its callers are not all in the file),
members set on a named export's function from another file (only on what ``require()`` of
the file gives), JSDoc types, TypeScript interfaces and type aliases.
Anything else is unknown (None).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import tree_sitter

from upstream.engine.languages import LanguageSpec
from upstream.engine.types.javascript_bindings import (
    CLASSES,
    DEFERRED,
    FIELDS,
    FUNCTIONS,
    THIS_FUNCTIONS,
    Binding,
    Placed,
    bindings_of,
    bindings_query,
    declaring_scope,
    is_nullish,
    is_placeholder,
    scope_of,
    string_content,
)
from upstream.engine.types.javascript_members import member_definitions, object_members
from upstream.engine.types.javascript_objects import (
    FunctionRef,
    LocalClass,
    LocalObject,
    ModuleExports,
    NodeModule,
    Statics,
    defined_by,
    is_static,
)
from upstream.engine.types.model import (
    Inference,
    TypeModel,
    Value,
    agreed,
    instance,
    instance_of,
    known_agreed,
)
from upstream.engine.types.python import ProjectLookup
from upstream.engine.types.syntax import cached_query, node_text

# (a function of this file, a member name) -> the values other project files set as
# `X.name = v` on the `X` they import that function as (engine/types/project.py).
ElsewhereLookup = Callable[[tree_sitter.Node, str], "list[Value | None]"]
# A function of this file -> what `this` is for each prototype other project files install
# it on (`Agenda.prototype.cancel = require("./cancel")`).
InstalledLookup = Callable[[tree_sitter.Node], "list[Value | None]"]
# A member name -> the one library type every definition of it in the project gives
# (engine/types/javascript_members.py), for `x.name` where nothing tells what `x` is.
SharedLookup = Callable[[str], "Value | None"]

_LITERALS = {
    "array": "js.Array",
    "object": "js.Object",
    "string": "js.String",
    "template_string": "js.String",
    "number": "js.Number",
    "true": "js.Boolean",
    "false": "js.Boolean",
    "regex": "js.RegExp",
}
# Global classes by name (when the file does not bind the name): `new`, calls, annotations.
_BUILTIN_CLASSES = {
    name: f"js.{name}"
    for name in (
        *("Array", "Map", "Set", "WeakMap", "WeakSet", "Object", "String", "Number"),
        *("Boolean", "Date", "RegExp"),
    )
}
# TypeScript's own type names.
_PREDEFINED = {"string": "js.String", "number": "js.Number", "boolean": "js.Boolean"}
# Generic types that stand for their argument: `Promise<Db>` is a Db once awaited, and
# `await` of an unknown promise gives the value itself.
_UNWRAPPED = frozenset({"Promise", "PromiseLike", "Awaited", "Readonly", "NonNullable"})
# `a || b`, `a ?? b`: one of the sides.
_OR = frozenset({"||", "??"})
# The first parameter of a node-style callback: `err`, `error`, `_err`, `errLoad`...
_ERROR_NAME = re.compile(r"_*(?:[eE]rr(?:or)?s?|[eE]r)(?:[A-Z0-9_]\w*)?")


# `x.name = v`, `x["name"] = v`: members set on an object after it is made.
_MEMBER_SETS_QUERY = """
(assignment_expression
  left: (member_expression object: (_) @owner property: (_) @name) right: (_) @value)
(assignment_expression
  left: (subscript_expression object: (_) @owner index: (string) @key) right: (_) @value)
"""

# Calls of a name: `f(x)`.
_DIRECT_CALLS_QUERY = "(call_expression function: (identifier) @callee) @call"

# `cache[key] = value` and `obj.cache[key] = value`: what the file stores in a dict.
_STORED_ITEMS_QUERY = """
(assignment_expression
  left: (subscript_expression
    object: [(identifier) (member_expression object: [(identifier) (this)])] @name)
  right: (_) @value)
"""
# A name passed as a method call's last argument: `x.m(a, name)`.
_CALLBACK_PASSES_QUERY = """
(call_expression function: (member_expression) arguments: (arguments (identifier) @passed .)) @call
"""

# The names a file uses as constructor functions: `new F(...)`, `F.prototype`.
_CONSTRUCTORS_QUERY = """
(new_expression constructor: (identifier) @name)
(member_expression object: (identifier) @name property: (property_identifier) @property
  (#eq? @property "prototype"))
"""


@dataclass(eq=False)
class JavaScriptTypes(Inference):
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
    _objects: dict[int, LocalObject] = field(default_factory=dict)
    _bound_names: frozenset[str] | None = None
    # member name -> (owner, value) of each `owner.name = value`
    _member_sets: dict[str, list[tuple[tree_sitter.Node, tree_sitter.Node]]] | None = None
    _members: dict[tuple[object, str], Value | None] = field(default_factory=dict)
    _constructor_names: frozenset[str] | None = None
    _exports: ModuleExports | None = None
    _module: NodeModule | None = None
    _depth: int = 0
    _parameters: dict[int, Value | None] = field(default_factory=dict)
    _calls: dict[str, list[tree_sitter.Node]] | None = None
    _passes: dict[str, list[tree_sitter.Node]] | None = None
    _items: dict[str, list[tree_sitter.Node]] | None = None
    _mentions: dict[str, int] = field(default_factory=dict)
    _set_elsewhere: dict[tuple[int, str], list[Value | None]] = field(default_factory=dict)
    # Members other project files set on what this file exports (set by the project index).
    elsewhere: ElsewhereLookup | None = None
    installed: InstalledLookup | None = None
    shared: SharedLookup | None = None
    _object_members: dict[str, list[tree_sitter.Node]] | None = None

    # -- entry point ---------------------------------------------------------------------

    # -- expressions ---------------------------------------------------------------------

    def _infer(self, node: tree_sitter.Node) -> Value | None:
        kind = node.type
        if kind == "identifier":
            return self.lookup(node_text(node), node)
        if kind == "this":
            return self._this(node)
        if kind == "member_expression":
            return self._member(node)
        if kind == "subscript_expression":
            return self._subscript(node)
        if kind == "call_expression":
            return self._call(node)
        if kind == "new_expression":
            return self._new(node)
        if kind in FUNCTIONS:
            return Value(function=self.function(node))
        if kind in CLASSES:
            return self.local_class(node).klass()
        if kind == "object":
            return self.local_object(node).value
        return self._wrapped(node) or self._literal(node)

    def _wrapped(self, node: tree_sitter.Node) -> Value | None:
        """Expressions that give (one of) their parts: await, parentheses, casts, ?:, ||."""
        kind, parts = node.type, node.named_children
        if kind == "await_expression" and parts:
            return self.model.declared(self.value_of(parts[0]), "awaits", default_self=True)
        if kind in ("parenthesized_expression", "non_null_expression", "satisfies_expression"):
            return self.value_of(parts[0]) if parts else None
        if kind == "as_expression" and len(parts) == 2:
            return self.annotation(parts[1])
        if kind == "type_assertion" and len(parts) == 2:
            return self.annotation(parts[0])
        if kind == "assignment_expression":
            right = node.child_by_field_name("right")
            return self.value_of(right) if right is not None else None
        if kind == "ternary_expression":
            return self._either(node, "consequence", "alternative")
        if kind == "binary_expression" and node_text(node.child_by_field_name("operator")) in _OR:
            return self._default(node)
        return None

    def _either(self, node: tree_sitter.Node, *sides: str) -> Value | None:
        """One of two sides: the value both agree on."""
        parts = [node.child_by_field_name(side) for side in sides]
        return agreed([self.value_of(part) if part is not None else None for part in parts])

    def _default(self, node: tree_sitter.Node) -> Value | None:
        """``a || b``, ``a ?? b``: the sides' value when they agree, else the one side known.

        The idiom is a default or a cache (``options.client || createClient()``,
        ``cache || (cache = connect())``): the side we cannot see is of the kind the code
        uses interchangeably with the one we can. Two known sides that differ are unknown.
        """
        parts = [node.child_by_field_name(side) for side in ("left", "right")]
        return known_agreed([self.value_of(part) if part is not None else None for part in parts])

    def _literal(self, node: tree_sitter.Node) -> Value | None:
        return instance(_LITERALS.get(node.type))

    def _member(self, node: tree_sitter.Node) -> Value | None:
        owner = node.child_by_field_name("object")
        name = node.child_by_field_name("property")
        if owner is None or name is None:
            return None
        return self.attribute(self.value_of(owner), node_text(name))

    def _subscript(self, node: tree_sitter.Node) -> Value | None:
        owner = node.child_by_field_name("object")
        index = node.child_by_field_name("index")
        value = self.value_of(owner) if owner is not None else None
        if index is not None and index.type == "string":
            return self.attribute(value, string_content(index))  # x["name"] is x.name
        if owner is not None and _is_store(owner) and _is_plain_object(value):
            return self._stored_items(node_text(owner))
        return self.model.declared(value, "items")

    def _stored_items(self, spelling: str) -> Value | None:
        """``cache[key]`` (or ``obj.cache[key]``) of an object the file fills with
        ``cache[key] = value`` (a map of connections by name): what those values agree on."""
        if self._items is None:
            found: dict[str, list[tree_sitter.Node]] = {}
            query = cached_query(self.spec, _STORED_ITEMS_QUERY)
            for _, captures in tree_sitter.QueryCursor(query).matches(self.root):
                target, value = captures["name"][0], captures["value"][0]
                found.setdefault(node_text(target), []).append(value)
            self._items = found
        values = self._items.get(spelling)
        return agreed(self.value_of(value) for value in values) if values else None

    def attribute(self, value: Value | None, name: str) -> Value | None:
        """What ``value.name`` is."""
        if value is None:
            return self.shared_member(name)
        if value.path is not None and not value.types:
            return self.path_value(f"{value.path}.{name}")
        if value.is_class and isinstance(value.definition, LocalClass):
            return value.definition.static_attribute(name)
        if isinstance(value.function, FunctionRef):
            return value.function.attribute(name)
        if not value.is_instance:
            return None
        found = self.model.attribute_result(value, name)
        if found is None and value.partial:
            # An object whose members code we cannot see may set (a constructor function's
            # instance, a class with an unresolved base): as for an unknown receiver.
            return self.shared_member(name)
        return found

    def shared_member(self, name: str) -> Value | None:
        """What ``x.name`` is for an ``x`` nothing tells: the library type every definition
        of a member ``name`` in the project agrees on (through the project index)."""
        return self.shared(name) if self.shared is not None else None

    def member_definitions(self, name: str) -> list[Value | None]:
        """What each definition of a member ``name`` in this file gives, for the project
        index's ``shared_member``."""
        return member_definitions(self, name)

    def object_members(self) -> dict[str, list[tree_sitter.Node]]:
        """The file's object literal and class members by name (found once)."""
        if self._object_members is None:
            self._object_members = object_members(self.spec, self.root)
        return self._object_members

    def member_set_values(self, name: str) -> list[tree_sitter.Node]:
        """The values of every ``x.name = v`` in the file, placeholders left out."""
        sets = self._member_sets_of().get(name, ())
        return [value for _, value in sets if not is_placeholder(value)]

    def _call(self, node: tree_sitter.Node) -> Value | None:
        callee = node.child_by_field_name("function")
        if callee is None:
            return None
        module = self._required(callee, node)
        if module is not None:
            return self.path_value(module)
        if callee.type == "member_expression":
            owner = callee.child_by_field_name("object")
            method = node_text(callee.child_by_field_name("property"))
            receiver = self.value_of(owner) if owner is not None else None
            if receiver is not None and receiver.is_instance:
                return self.model.method_result(receiver, method)
            if receiver is not None and receiver.is_class:
                if self.model.builds(receiver, method):
                    return instance_of(receiver)
                static = self.model.static_result(receiver, method)
                if static is not None:
                    return static
                if isinstance(receiver.definition, LocalClass):
                    return receiver.definition.call_static(method)
        value = self.value_of(callee)
        if value is None:
            return None
        if value.is_class:
            return instance_of(value)  # `Array(3)`, `String(x)`
        if value.path is not None:
            return instance(self.model.classes.get(value.path) or self.model.factory(value.path))
        if value.function is not None:
            return value.function.returns()
        return None

    def _required(self, callee: tree_sitter.Node, call: tree_sitter.Node) -> str | None:
        """The module of ``require("module")`` (when the file does not bind ``require``)."""
        if callee.type != "identifier" or node_text(callee) != "require":
            return None
        arguments = call.child_by_field_name("arguments")
        first = arguments.named_children if arguments is not None else []
        if len(first) != 1 or first[0].type != "string":
            return None
        return None if self._binds("require") else string_content(first[0])

    def _binds(self, name: str) -> bool:
        """Whether the file binds ``name`` anywhere."""
        if self._bound_names is None:
            self._bound_names = frozenset(name for _, name in self._index())
        return name in self._bound_names

    def _new(self, node: tree_sitter.Node) -> Value | None:
        constructor = node.child_by_field_name("constructor")
        value = self.value_of(constructor) if constructor is not None else None
        if value is None:
            return None
        if value.is_class:
            return instance_of(value)
        if isinstance(value.definition, Statics):
            return value.definition.local.instance()  # `class X extends SomeModel`
        if isinstance(value.function, FunctionRef):
            return value.function.instance()  # a constructor function
        return self.constructed(value)

    def constructed(self, value: Value) -> Value | None:
        """What ``new value(...)`` builds for a constructor object (its ``constructs``)."""
        return self.model.declared(value, "constructs") if value.is_instance else None

    def constructs(self, value: Value) -> bool:
        """Whether a value is a constructor object (its type declares ``constructs``)."""
        return any(
            info is not None and info.constructs is not None
            for info in map(self.model.info, value.types)
        )

    def path_value(self, path: str) -> Value | None:
        declared = self.model.classes.get(path)
        if declared is not None:
            found = Value(types=frozenset({declared}))
            # A constructor object (`mongoose.Model`) is an instance of its type.
            return found if self.constructs(found) else Value(types=found.types, is_class=True)
        if self.project is not None and self.path:
            imported = self.project(self.path, path)
            if imported is not None:
                return imported
        return Value(path=path)

    # -- this ----------------------------------------------------------------------------

    def _this(self, node: tree_sitter.Node) -> Value | None:
        """``this``: the instance (or class) of the method or field it is used in, or the
        object literal whose method it is in."""
        parent = node.parent
        while parent is not None:
            if parent.type in THIS_FUNCTIONS:
                return self._function_this(parent)
            if parent.type == "method_definition" and parent.parent is not None:
                if parent.parent.type == "object":
                    owner = _prototype_owner(parent.parent)
                    if owner is not None:
                        return self._instance_of(self.value_of(owner))
                    return self.value_of(parent.parent)
                return self._class_member_this(parent)
            if parent.type in FIELDS or parent.type == "class_static_block":
                return self._class_member_this(parent)
            parent = parent.parent
        return None

    def _function_this(self, function: tree_sitter.Node) -> Value | None:
        """``this`` in a ``function``: an instance, in a prototype's method
        (``F.prototype.m = function``, ``F.prototype = { m: function }``) or in a
        constructor function (one the file uses with ``new F`` or ``F.prototype``)."""
        owner = _method_owner(function)
        if owner is not None:
            return self._instance_of(self.value_of(owner))
        name = _function_name(function)
        if name is not None and name in self._constructors():
            return self.function(function).instance()
        return self._installed_this(function)

    def _installed_this(self, function: tree_sitter.Node) -> Value | None:
        """``this`` in a function the file exports that the project's other files install
        on a prototype (``Agenda.prototype.cancel = require("./cancel")``): an instance of
        that class (of the one they all agree on)."""
        if self.installed is None or not self._exports_function(self.function(function)):
            return None
        values = self.installed(function)
        return agreed(values) if values else None

    def prototype_installs(self, file: str, span: tuple[int, int]) -> list[Value | None]:
        """An instance of ``X`` for each ``X.prototype.name = v`` in this file where ``v`` is
        the function at ``span`` of the project file ``file``: for that file's ``this``."""
        found = []
        for sets in self._member_sets_of().values():
            for owner, value in sets:
                constructor = _prototype_of(owner)
                if constructor is None or not _is_function_at(self.value_of(value), file, span):
                    continue
                found.append(self._instance_of(self.value_of(constructor)))
        return found

    def _instance_of(self, constructor: Value | None) -> Value | None:
        if constructor is None:
            return None
        if isinstance(constructor.function, FunctionRef):
            return constructor.function.instance()
        return instance_of(constructor) if constructor.is_class else None

    def _constructors(self) -> frozenset[str]:
        if self._constructor_names is None:
            cursor = tree_sitter.QueryCursor(cached_query(self.spec, _CONSTRUCTORS_QUERY))
            found = {node_text(name) for _, c in cursor.matches(self.root) for name in c["name"]}
            self._constructor_names = frozenset(found)
        return self._constructor_names

    def _class_member_this(self, member: tree_sitter.Node) -> Value | None:
        body = member.parent
        owner = body.parent if body is not None and body.type == "class_body" else None
        if owner is None or owner.type not in CLASSES:
            return None
        local = self.local_class(owner)
        static = member.type == "class_static_block" or is_static(member)
        return local.klass() if static else local.instance()

    # -- annotations ---------------------------------------------------------------------

    def annotation(self, node: tree_sitter.Node) -> Value | None:
        """The value a TypeScript type declares (``X | null`` is X, ``Promise<X>`` is X)."""
        kind, parts = node.type, node.named_children
        if kind in ("type_annotation", "parenthesized_type", "type_arguments"):
            return self.annotation(parts[0]) if len(parts) == 1 else None
        if kind == "union_type":
            members = [m for m in _union_members(node) if not is_nullish(m)]
            return self.annotation(members[0]) if len(members) == 1 else None
        if kind == "generic_type":
            head = node.child_by_field_name("name")
            arguments = node.child_by_field_name("type_arguments")
            if node_text(head).rsplit(".", 1)[-1] in _UNWRAPPED and arguments is not None:
                return self.annotation(arguments)
            return self.annotation(head) if head is not None else None
        if kind in ("array_type", "tuple_type"):
            return instance("js.Array")
        if kind == "predefined_type":
            return instance(_PREDEFINED.get(node_text(node)))
        if kind in ("type_identifier", "identifier"):
            return self._declared_by(self.lookup(node_text(node), node))
        if kind == "nested_type_identifier":
            module = node.child_by_field_name("module")
            name = node.child_by_field_name("name")
            if module is None or name is None:
                return None
            return self._declared_by(self.attribute(self.value_of(module), node_text(name)))
        return None

    def _declared_by(self, value: Value | None) -> Value | None:
        """The instance a type name declares: of a class, or a constructor object itself."""
        if value is None:
            return None
        if value.is_class:
            return instance_of(value)
        if value.path is not None:
            return instance(self.model.classes.get(value.path))
        return value if value.is_instance and self.constructs(value) else None

    # -- names ---------------------------------------------------------------------------

    def lookup(self, name: str, use: tree_sitter.Node) -> Value | None:
        """What a name holds where it is used."""
        if name == "undefined":
            return None
        visible = self._visible(name, use)
        if visible is not None:
            bindings, own = visible
            return self._settle(bindings, use.start_byte if own else None)
        if name == "exports":  # CommonJS's, where the file does not bind the name
            return self.exports().value
        if name == "module":
            return self.node_module().value
        builtin = _BUILTIN_CLASSES.get(name)
        return Value(types=frozenset({builtin}), is_class=True) if builtin else None

    def _visible(self, name: str, use: tree_sitter.Node) -> tuple[list[Binding], bool] | None:
        """The bindings of ``name`` in the nearest scope around ``use`` that binds it, and
        whether that scope runs in order with the use (the use's own function); None when no
        scope of the file binds it."""
        index = self._index()
        scope = scope_of(use)
        own = True
        while scope is not None:
            bindings = index.get((scope.id, name))
            if bindings:
                return bindings, own
            if scope.type in DEFERRED:
                own = False
            scope = scope_of(scope)
        return None

    def names_a_parameter(self, node: tree_sitter.Node) -> bool:
        """Whether ``node`` is the name of a plain parameter that nothing reassigns."""
        if node.type != "identifier":
            return False
        visible = self._visible(node_text(node), node)
        if visible is None:
            return False
        bindings, _ = visible
        return len(bindings) == 1 and bindings[0].kind == "parameter"

    def _settle(self, bindings: list[Binding], before: int | None) -> Value | None:
        if before is not None:
            earlier = [b for b in bindings if b.position <= before]
            return self._binding_value(earlier[-1]) if earlier else None
        # From an enclosing function: it ran first, so its last binding counts, but a
        # placeholder (`let client;`, `= null`) does not hide the real one.
        for binding in reversed(bindings):
            if binding.kind == "unset" or is_placeholder(binding.node):
                continue
            return self._binding_value(binding)
        return None

    def _binding_value(self, binding: Binding) -> Value | None:
        value = self._bound(binding)
        for member in binding.members:
            value = self.attribute(value, member)
        return value

    def _bound(self, binding: Binding) -> Value | None:
        node, kind = binding.node, binding.kind
        if kind == "import":
            return self.path_value(binding.path)
        if node is None:
            return None
        if kind == "value":
            return self.value_of(node)
        if kind == "annotation":
            declared = self.annotation(node)
            if declared is None and binding.fallback is not None:
                return self.value_of(binding.fallback)
            return declared
        if kind == "iterate":
            return self.model.declared(self.value_of(node), "iterates")
        if kind == "keys":
            return instance("js.String")
        if kind == "parameter":
            return self.parameter_value(node)
        if kind == "def":
            return Value(function=self.function(node))
        if kind == "class":
            return self.local_class(node).klass()
        return None

    def parameter_value(self, parameter: tree_sitter.Node) -> Value | None:
        """A plain parameter of a function the file only ever calls by name (never passes,
        stores, exports or mentions it otherwise): what all of its calls pass there, when
        they agree (``allKeys(store, cb)``, called only as ``allKeys(this, ...)``); or the
        result parameter of a node-style callback of a library method."""
        key = parameter.id
        if key not in self._parameters:
            self._parameters[key] = None  # a call that passes the parameter on is unknown
            self._parameters[key] = self._passed(parameter) or self._called_back(parameter)
        return self._parameters[key]

    def _called_back(self, parameter: tree_sitter.Node) -> Value | None:
        """``coll`` in ``db.collection(name, function (err, coll) {...})``: the callback
        style of callback-era APIs (driver 2.x-4.x, Mongoose before 7, node-redis 3) calls
        the last argument with ``(error, result)``, where the result is what the method
        returns, awaited. Only for a method a declared type says, on a receiver of that
        type (a project function's return is not what it hands its callback), and only
        when the first parameter is named as an error (``(doc, i) =>`` is not this style)."""
        function, index = _parameter_position(parameter)
        call = _callback_call(function) if function is not None and index == 1 else None
        if function is None or call is None or not _error_first(function):
            return None
        return self._callback_result(call)

    def _callback_result(self, call: tree_sitter.Node) -> Value | None:
        """What ``call``, a method call, hands its node-style callback as the result."""
        callee = call.child_by_field_name("function")
        owner = callee.child_by_field_name("object") if callee is not None else None
        if callee is None or owner is None or callee.type != "member_expression":
            return None
        receiver = self.value_of(owner)
        method = node_text(callee.child_by_field_name("property"))
        if receiver is None or receiver.definition is not None or receiver.path is not None:
            return None  # unknown, or a project object whose method may be anything
        if receiver.is_class:
            built = self.model.builds(receiver, method)
            result = instance_of(receiver) if built else self.model.static_result(receiver, method)
        else:
            result = self.model.method_result(receiver, method)
        return self.model.declared(result, "awaits", default_self=True)

    def _passed(self, parameter: tree_sitter.Node) -> Value | None:
        function, index = _parameter_position(parameter)
        name = _callable_name(function) if function is not None else None
        if function is None or name is None:
            return None
        calls = self._direct_calls().get(name, [])
        # Passed by name as a method's node-style callback: `connect(url, onConnect)`.
        handed = self._callback_passes().get(name, [])
        if handed and (index != 1 or not _error_first(function)):
            return None
        # Every mention of the name but its declaration is one of these calls or passes.
        if not (calls or handed) or self._mention_count(name) != len(calls) + len(handed) + 1:
            return None
        values = [self._callback_result(call) for call in handed]
        for call in calls:
            arguments = call.child_by_field_name("arguments")
            listed = arguments.named_children if arguments is not None else []
            passed = [a for a in listed if a.type != "comment"]
            if len(passed) <= index or any(a.type == "spread_element" for a in passed[: index + 1]):
                return None
            values.append(self.value_of(passed[index]))
        return agreed(values)

    def _callback_passes(self) -> dict[str, list[tree_sitter.Node]]:
        """Method calls by the name passed as their last argument: `x.m(a, name)`."""
        if self._passes is None:
            found: dict[str, list[tree_sitter.Node]] = {}
            cursor = tree_sitter.QueryCursor(cached_query(self.spec, _CALLBACK_PASSES_QUERY))
            for _, captures in cursor.matches(self.root):
                found.setdefault(node_text(captures["passed"][0]), []).append(captures["call"][0])
            self._passes = found
        return self._passes

    def _direct_calls(self) -> dict[str, list[tree_sitter.Node]]:
        if self._calls is None:
            found: dict[str, list[tree_sitter.Node]] = {}
            cursor = tree_sitter.QueryCursor(cached_query(self.spec, _DIRECT_CALLS_QUERY))
            for _, captures in cursor.matches(self.root):
                found.setdefault(node_text(captures["callee"][0]), []).append(captures["call"][0])
            self._calls = found
        return self._calls

    def _mention_count(self, name: str) -> int:
        """How often the file spells ``name`` as a word (comments and strings count)."""
        if name not in self._mentions:
            pattern = re.compile(rb"(?<![\w$])" + re.escape(name.encode()) + rb"(?![\w$])")
            self._mentions[name] = len(pattern.findall(self.root.text or b""))
        return self._mentions[name]

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

    def local_object(self, node: tree_sitter.Node) -> LocalObject:
        found = self._objects.get(node.id)
        if found is None:
            found = self._objects[node.id] = LocalObject(self, node)
        return found

    # -- members set after creation ------------------------------------------------------

    def assigned_member(self, definition: object, name: str) -> Value | None:
        """What ``x.name = v`` anywhere in the file sets, for the ``x`` that are values of
        ``definition`` (an object literal, a function, an exports object...): the value
        the known ones agree on (one set from an option elsewhere does not hide it)."""
        key = (definition, name)
        if key not in self._members:
            self._members[key] = None  # a cycle through this member is unknown
            nodes = self.member_assignments(definition, name)
            self._members[key] = known_agreed(self.value_of(node) for node in nodes)
        return self._members[key]

    def member_assignments(self, definition: object, name: str) -> list[tree_sitter.Node]:
        """The values assigned to ``x.name`` where ``x`` is ``definition``'s, placeholders
        (``= null``) left out."""
        found = []
        for owner, value in self._member_sets_of().get(name, ()):
            if is_placeholder(value):
                continue
            target = self.value_of(owner)
            if target is not None and defined_by(target) is definition:
                found.append(value)
        return found

    def set_elsewhere(self, function: FunctionRef, name: str) -> list[Value | None]:
        """The values other project files set as ``X.name = v`` on this file's export
        ``function`` (``Job.client = createClient()`` where ``Job = require("./job")``):
        only for a function the file exports, and only with a project index."""
        if self.elsewhere is None:
            return []
        key = (function.node.id, name)
        if key not in self._set_elsewhere:
            self._set_elsewhere[key] = []  # a cycle through this member sees nothing more
            if self._exports_function(function):
                self._set_elsewhere[key] = self.elsewhere(function.node, name)
        return self._set_elsewhere[key]

    def _exports_function(self, function: FunctionRef) -> bool:
        """Whether ``require()`` of this file (or its default import) gives ``function``."""
        exports = self.exports()
        values = [exports.module()]
        if "default" in exports.declared():
            values.append(exports.export("default"))
        return any(value is not None and value.function is function for value in values)

    def members_set_on(self, file: str, span: tuple[int, int], name: str) -> list[Value | None]:
        """What this file sets as ``X.name = v`` where ``X`` is the function at ``span`` of the
        project file ``file`` (which this file imports): for that file's inference."""
        found = []
        for owner, value in self._member_sets_of().get(name, ()):
            if is_placeholder(value):
                continue
            if _is_function_at(self.value_of(owner), file, span):
                found.append(self.value_of(value))
        return found

    def _member_sets_of(self) -> dict[str, list[tuple[tree_sitter.Node, tree_sitter.Node]]]:
        if self._member_sets is None:
            found: dict[str, list[tuple[tree_sitter.Node, tree_sitter.Node]]] = {}
            cursor = tree_sitter.QueryCursor(cached_query(self.spec, _MEMBER_SETS_QUERY))
            for _, captures in cursor.matches(self.root):
                name = captures.get("name") or captures.get("key") or []
                key = name[0] if name else None
                if key is None:
                    continue
                spelled = string_content(key) if key.type == "string" else node_text(key)
                found.setdefault(spelled, []).append((captures["owner"][0], captures["value"][0]))
            self._member_sets = found
        return self._member_sets

    # -- modules -------------------------------------------------------------------------

    def module_object(self) -> Value | None:
        """What ``require()`` of this file gives (for other files importing it)."""
        return self.exports().module()

    def module_value(self, name: str) -> Value | None:
        """What this file exports as ``name`` (``default``: its default export)."""
        return self.exports().export(name)

    def module_binding(self, name: str) -> Value | None:
        """What a top-level name holds once the file has run."""
        bindings = self._index().get((self.root.id, name))
        return self._settle(bindings, None) if bindings else None

    def exports(self) -> ModuleExports:
        if self._exports is None:
            self._exports = ModuleExports(self)
        return self._exports

    def node_module(self) -> NodeModule:
        if self._module is None:
            self._module = NodeModule(self)
        return self._module

    # -- the binding index ---------------------------------------------------------------

    def _index(self) -> dict[tuple[int, str], list[Binding]]:
        """(scope node id, name) -> its bindings there, in the order they take effect."""
        if self._bindings is None:
            bindings: dict[tuple[int, str], list[Binding]] = {}
            placed = list(self._placed())
            # Declarations first: an assignment goes to the scope that declares its name.
            for one in sorted(placed, key=lambda one: one.scope is None):
                scope = one.scope or declaring_scope(one, bindings, self.root)
                bindings.setdefault((scope.id, one.name), []).append(one.binding)
            for found in bindings.values():
                found.sort(key=lambda binding: binding.position)
            self._bindings = bindings
        return self._bindings

    def _placed(self) -> Iterator[Placed]:
        cursor = tree_sitter.QueryCursor(bindings_query(self.spec))
        for _, captures in cursor.matches(self.root):
            yield from bindings_of(captures, self.root)


def _is_store(node: tree_sitter.Node) -> bool:
    """`cache`, `obj.cache` or `this.cache`: a dict whose item assignments can be read."""
    if node.type == "identifier":
        return True
    owner = node.child_by_field_name("object") if node.type == "member_expression" else None
    return owner is not None and owner.type in ("identifier", "this")


def _is_plain_object(value: Value | None) -> bool:
    return value is not None and value.names() == {"js.Object"}


def _method_owner(function: tree_sitter.Node) -> tree_sitter.Node | None:
    """``F`` when ``function`` is a method of ``F``'s prototype: ``F.prototype.m = function``
    (also in a chain ``F.prototype.a = F.prototype.b = function``) or a member of an object
    assigned to ``F.prototype``."""
    node, parent = function, function.parent
    while parent is not None and parent.type == "assignment_expression":
        if parent.child_by_field_name("right") != node:
            return None
        left = parent.child_by_field_name("left")
        prototype = left.child_by_field_name("object") if left is not None else None
        if left is not None and left.type == "member_expression" and prototype is not None:
            owner = _prototype_of(prototype)
            if owner is not None:
                return owner
        node, parent = parent, parent.parent
    if parent is not None and parent.type == "pair" and parent.parent is not None:
        return _prototype_owner(parent.parent)
    return None


def _prototype_owner(literal: tree_sitter.Node) -> tree_sitter.Node | None:
    """``F`` when an object literal is assigned to ``F.prototype``."""
    parent = literal.parent
    if parent is None or parent.type != "assignment_expression":
        return None
    left = parent.child_by_field_name("left")
    if parent.child_by_field_name("right") != literal or left is None:
        return None
    return _prototype_of(left)


def _prototype_of(node: tree_sitter.Node) -> tree_sitter.Node | None:
    """``F`` for the expression ``F.prototype``."""
    if node.type != "member_expression":
        return None
    if node_text(node.child_by_field_name("property")) != "prototype":
        return None
    return node.child_by_field_name("object")


def _function_name(function: tree_sitter.Node) -> str | None:
    """The name a function is declared or first assigned under (``var F = function``)."""
    name = function.child_by_field_name("name")
    if name is not None:
        return node_text(name)
    parent = function.parent
    if parent is not None and parent.type == "variable_declarator":
        target = parent.child_by_field_name("name")
        return node_text(target) if target is not None and target.type == "identifier" else None
    return None


def _is_function_at(value: Value | None, file: str, span: tuple[int, int]) -> bool:
    """Whether a value is the function at ``span`` of ``file`` (as another file's inference
    of that file sees it)."""
    function = value.function if value is not None else None
    if not isinstance(function, FunctionRef) or function.owner.path != file:
        return False
    return (function.node.start_byte, function.node.end_byte) == span


def _parameter_position(parameter: tree_sitter.Node) -> tuple[tree_sitter.Node | None, int]:
    """The function a plain parameter identifier belongs to, and its position."""
    parent = parameter.parent
    if parent is not None and parent.type == "arrow_function":
        return parent, 0  # `store => ...`
    slot = parent if parent is not None and parent.type == "required_parameter" else parameter
    parameters = slot.parent
    if parameters is None or parameters.type != "formal_parameters" or parameters.parent is None:
        return None, 0
    listed = [p for p in parameters.named_children if p.type != "comment"]
    return parameters.parent, listed.index(slot)


def _callback_call(function: tree_sitter.Node) -> tree_sitter.Node | None:
    """The call whose last argument is ``function``, an inline function."""
    if function.type not in ("function_expression", "arrow_function"):
        return None
    arguments = function.parent
    if arguments is None or arguments.type != "arguments" or arguments.parent is None:
        return None
    listed = [a for a in arguments.named_children if a.type != "comment"]
    if not listed or listed[-1] != function or arguments.parent.type != "call_expression":
        return None
    return arguments.parent


def _error_first(function: tree_sitter.Node) -> bool:
    """Whether a function's first parameter is named as an error (``err``, ``error``)."""
    parameters = function.child_by_field_name("parameters")
    listed = [p for p in parameters.named_children if p.type != "comment"] if parameters else []
    first = listed[0] if listed else None
    if first is not None and first.type == "required_parameter":
        first = first.child_by_field_name("pattern")
    return (
        first is not None
        and first.type == "identifier"
        and bool(_ERROR_NAME.fullmatch(node_text(first)))
    )


def _callable_name(function: tree_sitter.Node) -> str | None:
    """The one name a function is called by: a ``function`` declaration's, or the variable
    an anonymous function or arrow function is declared with (a named function expression
    is also called by its own name, which the count of mentions would not see)."""
    if function.type == "function_declaration":
        if _exported_declaration(function):
            return None  # `export function f`: other modules call it too
        return node_text(function.child_by_field_name("name")) or None
    if function.type not in ("function_expression", "arrow_function"):
        return None
    if function.child_by_field_name("name") is not None:
        return None
    parent = function.parent
    if parent is None or parent.type != "variable_declarator":
        return None
    if parent.parent is not None and _exported_declaration(parent.parent):
        return None
    target = parent.child_by_field_name("name")
    return node_text(target) if target is not None and target.type == "identifier" else None


def _exported_declaration(declaration: tree_sitter.Node) -> bool:
    parent = declaration.parent
    return parent is not None and parent.type == "export_statement"


def _union_members(node: tree_sitter.Node) -> Iterator[tree_sitter.Node]:
    for part in node.named_children:
        if part.type == "union_type":
            yield from _union_members(part)
        else:
            yield part


__all__ = ["JavaScriptTypes"]

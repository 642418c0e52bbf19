"""A library's object model, as packs declare it, and the values inference gives.

The packs' ``types:`` declarations (see ``TypeDeclaration``) are merged per language into one
``TypeModel``: which import paths are classes of which type, which functions return which
type, and what an attribute, a method call, a subscript, iteration, ``with`` or ``await``
gives for a value of each type. Inference (engine/types/python.py, javascript.py) walks a
file and answers, for an expression, a ``Value``: an instance of some types, a class, an
import path nothing is declared about yet, a function defined in the file, or unknown
(``None``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import tree_sitter

from upstream.engine.types.syntax import returned_nodes

if TYPE_CHECKING:
    # Types only: packs import the engine at run time, so the engine must not import them.
    from upstream.engine.languages import LanguageSpec
    from upstream.packs.schema import TypeDeclaration

# A value known to be something no rule asks about ("null" in a declaration).
OPAQUE = "upstream.opaque"
# The one spelling of "the class itself" in a rule's `where: {X: {type: ...}}`.
CLASS_PREFIX, CLASS_SUFFIX = "type[", "]"


@dataclass(frozen=True)
class TypeInfo:
    """What one declared type gives (merged over the packs that declare it)."""

    name: str
    attributes: Mapping[str, str] = field(default_factory=dict)
    methods: Mapping[str, str] = field(default_factory=dict)
    items: str | None = None
    iterates: str | None = None
    enters: str | None = None
    awaits: str | None = None
    constructs: str | None = None
    unpacks: tuple[str, ...] = ()  # what `a, b = value` binds, by position
    # Methods of the class (or a subclass) that return an instance of the class they are
    # called on: `Model.parse_obj(data)` is a Model.
    builders: frozenset[str] = frozenset()
    # Other class-level methods: what each returns (several types: one of them, by version).
    statics: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def attribute(self, name: str) -> str | None:
        return self.attributes.get(name) or self.attributes.get("*")


@dataclass(frozen=True)
class TypeModel:
    """The merged declarations for one language."""

    types: Mapping[str, TypeInfo] = field(default_factory=dict)
    # import path -> the type its instances have
    classes: Mapping[str, str] = field(default_factory=dict)
    # import path -> the type its call returns; `prefixes` for declarations ending in `*`
    factories: Mapping[str, str] = field(default_factory=dict)
    prefixes: tuple[tuple[str, str], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.types)

    def info(self, name: str) -> TypeInfo | None:
        return self.types.get(name)

    def builds(self, receiver: Value, method: str) -> bool:
        """Whether ``receiver.method(...)`` is one of its class's ``builders``."""
        return any(
            info is not None and method in info.builders for info in map(self.info, receiver.types)
        )

    def static_result(self, klass: Value, method: str) -> Value | None:
        """What ``Klass.method(...)`` returns when the class declares it in ``statics``."""
        for type_name in sorted(klass.types):
            info = self.info(type_name)
            if info is not None and method in info.statics:
                return Value(types=info.statics[method])
        return None

    def method_result(self, receiver: Value, method: str) -> Value | None:
        """What ``receiver.method(...)`` returns: the project's class says first, then the
        declared types' ``methods``."""
        if receiver.definition is not None:
            found = receiver.definition.call_method(method)
            if found is not None:
                return found
        for type_name in sorted(receiver.types):
            info = self.info(type_name)
            if info is not None and method in info.methods:
                return instance(info.methods[method])
        return None

    def attribute_result(self, value: Value, name: str) -> Value | None:
        """What ``value.name`` is for an instance: its class's attribute, then the types'."""
        if value.definition is not None:
            found = value.definition.attribute(name)
            if found is not None:
                return found
        for type_name in sorted(value.types):
            info = self.info(type_name)
            result = info.attribute(name) if info is not None else None
            if result is not None:
                return instance(result)
        return None

    def declared(
        self, value: Value | None, member: str, default_self: bool = False
    ) -> Value | None:
        """``items``, ``iterates``, ``enters``, ``awaits`` or ``constructs`` of an instance;
        ``default_self``: the value itself when no type says."""
        if value is None or not value.is_instance:
            return value if default_self else None
        for type_name in sorted(value.types):
            info = self.info(type_name)
            result = getattr(info, member) if info is not None else None
            if result is not None:
                return instance(result)
        return value if default_self else None

    def unpacked(self, value: Value | None, index: int, count: int) -> Value | None:
        """What target ``index`` of ``count`` binds in ``a, b = value``: the declared
        ``unpacks`` when they have exactly ``count`` entries."""
        if value is None or not value.is_instance:
            return None
        for type_name in sorted(value.types):
            info = self.info(type_name)
            if info is not None and len(info.unpacks) == count:
                return instance(info.unpacks[index])
        return None

    def factory(self, path: str) -> str | None:
        found = self.factories.get(path)
        if found is not None:
            return found
        for prefix, name in self.prefixes:
            if path.startswith(prefix):
                return name
        return None


def build_model(declarations: Iterable[TypeDeclaration], language: str) -> TypeModel:
    """One language's model; a type declared twice keeps what each declaration adds (the
    first wins where both say something)."""
    merged: dict[str, dict[str, object]] = {}
    classes: dict[str, str] = {}
    factories: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for declaration in declarations:
        if language not in declaration.languages:
            continue
        into = merged.setdefault(declaration.name, {"attributes": {}, "methods": {}})
        for key in ("attributes", "methods"):
            table = into[key]
            assert isinstance(table, dict)
            for member, result in getattr(declaration, key).items():
                table.setdefault(member, result or OPAQUE)
        for key in ("items", "iterates", "enters", "awaits", "constructs"):
            if key in declaration.model_fields_set and key not in into:
                into[key] = getattr(declaration, key) or OPAQUE
        if declaration.unpacks and "unpacks" not in into:
            into["unpacks"] = tuple(name or OPAQUE for name in declaration.unpacks)
        into["builders"] = frozenset(declaration.builders) | into.get("builders", frozenset())  # type: ignore[operator]
        statics = into.setdefault("statics", {})
        assert isinstance(statics, dict)
        for method, names in declaration.statics.items():
            statics.setdefault(method, frozenset(names))
        for path in declaration.names:
            classes.setdefault(path, declaration.name)
        for path in declaration.factories:
            if path.endswith("*"):
                prefixes.append((path[:-1], declaration.name))
            else:
                factories.setdefault(path, declaration.name)
    types = {
        name: TypeInfo(name=name, **fields)  # type: ignore[arg-type]
        for name, fields in merged.items()
    }
    return TypeModel(types, classes, factories, tuple(prefixes))


def unknown_references(model: TypeModel) -> list[tuple[str, str]]:
    """(type, referenced name) for results that name no declared type and no builtin."""
    missing = []
    for info in model.types.values():
        results: list[str | None] = [
            *info.attributes.values(),
            *info.methods.values(),
            *info.unpacks,
        ]
        results += [info.items, info.iterates, info.enters, info.awaits, info.constructs]
        results += [name for names in info.statics.values() for name in sorted(names)]
        for name in results:
            if name is None or name == OPAQUE or name in model.types or is_builtin(name):
                continue
            missing.append((info.name, name))
    return missing


def is_builtin(name: str) -> bool:
    return name.startswith(("builtins.", "js."))


class ClassDefinition(Protocol):
    """A class the project defines: what its instances' attributes and methods give."""

    @property
    def node(self) -> tree_sitter.Node: ...

    def attribute(self, name: str) -> Value | None: ...

    def call_method(self, name: str) -> Value | None: ...


class ProjectClass:
    """What a class the project defines does the same in every language: calling a method
    gives what its own (or a project base's) method returns, else what a declared base
    says. Subclasses say what their methods and bases are."""

    def method(self, name: str) -> FunctionDefinition | None:
        raise NotImplementedError

    def _base_definitions(self) -> list[ClassDefinition]:
        raise NotImplementedError

    def call_method(self, name: str) -> Value | None:
        method = self.method(name)
        if method is not None:
            return method.returns()
        for base in self._base_definitions():
            if not isinstance(base, ProjectClass):  # a project base answered through method()
                found = base.call_method(name)
                if found is not None:
                    return found
        return None


class FunctionDefinition(Protocol):
    """A function the project defines: its definition, and what calling it returns."""

    @property
    def node(self) -> tree_sitter.Node: ...

    def returns(self) -> Value | None: ...


@dataclass(frozen=True, eq=False)
class Value:
    """What an expression is, as far as inference can tell.

    ``types``: the declared types it is an instance of (or, with ``is_class``, the class
    of); ``definition``: the project class it is an instance of (or is), for its own
    attributes; ``path``: an import path nothing is declared about (a module, a function),
    which attribute access extends; ``function``: a function defined in the project.
    """

    types: frozenset[str] = frozenset()
    is_class: bool = False
    # Set when it may also be of types inference could not see (a class with a base that
    # could not be resolved): a rule's `type:` then treats it as unknown unless it matches.
    partial: bool = False
    definition: ClassDefinition | None = None
    path: str | None = None
    function: FunctionDefinition | None = None

    @property
    def is_instance(self) -> bool:
        return not self.is_class and self.path is None and self.function is None

    def names(self) -> frozenset[str]:
        """The spellings of this value in a rule's `type:`."""
        if self.is_class:
            return frozenset(f"{CLASS_PREFIX}{name}{CLASS_SUFFIX}" for name in self.types)
        return self.types if self.is_instance else frozenset()


# How deep one expression's inference may recurse (chains, calls of calls, names assigned
# from names); past it the answer is unknown rather than a RecursionError.
MAX_DEPTH = 40


class Inference:
    """What a per-language inference shares: ``value_of`` memoizes ``_infer`` per node,
    breaks cycles (a name assigned from itself is unknown) and bounds the depth."""

    spec: LanguageSpec
    _memo: dict[int, Value | None]
    _pending: set[int]
    _depth: int

    def value_of(self, node: tree_sitter.Node) -> Value | None:
        """What an expression is, or None when it cannot be told."""
        key = node.id
        if key in self._memo:
            return self._memo[key]
        if key in self._pending or self._depth >= MAX_DEPTH:
            return None
        self._pending.add(key)
        self._depth += 1
        try:
            found = self._infer(node)
        finally:
            self._depth -= 1
            self._pending.discard(key)
        self._memo[key] = found
        return found

    def _infer(self, node: tree_sitter.Node) -> Value | None:
        raise NotImplementedError

    def returned(
        self,
        function: tree_sitter.Node,
        body: tree_sitter.Node,
        enclosing: Callable[[tree_sitter.Node], tree_sitter.Node | None],
    ) -> Value | None:
        """What ``function``'s own ``return`` statements in ``body`` give (``enclosing``
        tells a nested function's from its own), when they all agree."""
        returned = returned_nodes(self.spec, function, body, enclosing)
        values = [self.value_of(node) for node in returned]
        return agreed(values) if values else None


class InferredReturns:
    """What calling a function returns, inferred on first need: a recursive function's
    own call (asked while inferring) stays unknown."""

    _returns: Value | None = None
    _done = False

    def returns(self) -> Value | None:
        if not self._done:
            self._done = True
            self._returns = self._infer_returns()
        return self._returns

    def _infer_returns(self) -> Value | None:
        raise NotImplementedError


def instance_of(klass: Value) -> Value:
    """An instance of a class value."""
    return Value(types=klass.types, partial=klass.partial, definition=klass.definition)


def agreed(values: Iterable[Value | None]) -> Value | None:
    """The one value all of ``values`` agree on (by what rules can ask), else None.

    A value that is one of several types (a version-dependent result) agrees with one of
    those types: both may be the wider one (`MongoClient.connect`'s Db-or-client and a
    `db.open()`'s Db, handed to one callback)."""
    chosen: Value | None = None
    for value in values:
        if value is None:
            return None
        if chosen is None:
            chosen = value
        elif value.definition != chosen.definition:
            return None
        elif value.names() != chosen.names():
            wider = wider_of(value, chosen)
            if wider is None:
                return None
            chosen = wider
    return chosen


def wider_of(one: Value, other: Value) -> Value | None:
    """Of two plain instances, the one whose types include the other's, if either does."""
    if not (one.is_instance and other.is_instance) or one.definition is not None:
        return None
    if one.types >= other.types:
        return one
    return other if other.types >= one.types else None


def known_agreed(values: Iterable[Value | None]) -> Value | None:
    """The one value the known ones of ``values`` agree on (None: none known, or they
    differ): for a default or a cache, where the unknown side is of the known one's kind."""
    return agreed([value for value in values if value is not None])


def instance(name: str | None) -> Value | None:
    return None if name is None else Value(types=frozenset({name}))


def satisfies(
    value: Value | None, wanted: frozenset[str], unknown: bool, member: str | None = None
) -> bool:
    """Whether a value passes a rule's `type:` (``unknown``: whether None passes).

    ``member``: the attribute the rule reads on the value (`$C.map_reduce` reads
    `map_reduce`). A partial value (`self`) passes as unknown, unless its own class says what
    that member is: `self.map_reduce(...)` in a class that defines `map_reduce` is that
    class's method, not the library's.
    """
    if value is None or (value.path is not None and not value.types):
        return unknown
    if value.names() & wanted:
        return True
    if not (unknown and value.partial):
        return False
    if member is None or value.definition is None:
        return True
    return value.definition.attribute(member) is None


__all__ = [
    "CLASS_PREFIX",
    "MAX_DEPTH",
    "OPAQUE",
    "ClassDefinition",
    "FunctionDefinition",
    "Inference",
    "ProjectClass",
    "TypeInfo",
    "TypeModel",
    "Value",
    "agreed",
    "build_model",
    "instance",
    "instance_of",
    "is_builtin",
    "known_agreed",
    "satisfies",
    "unknown_references",
    "wider_of",
]

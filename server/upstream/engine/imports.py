"""What a file imports, so dotted names in patterns match through aliases.

``Imports.names`` maps a local name to the dotted path it stands for:
``import openai as oa`` gives ``oa -> openai``; ``from openai import ChatCompletion`` gives
``ChatCompletion -> openai.ChatCompletion``; ``const { MongoClient: MC } = require("mongodb")``
gives ``MC -> mongodb.MongoClient``. ``Imports.modules`` is every module the file imports.

In Python a module-level ``xp = numpy`` (or ``tf = tf.compat.v1``, also inside a
module-level ``if``/``try``) binds a name too. A name the file binds to two different paths
(``tf = tf.compat.v1`` after ``import tensorflow as tf``; ``try: import tensorflow.compat.v1
as tf`` / ``except ImportError: import tensorflow as tf``) is compat code that may be either:
it resolves to nothing, so no rule claims what it is.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import tree_sitter

from upstream.engine.languages import LanguageSpec

_PYTHON_QUERY = """
(import_statement name: (dotted_name) @module)
(import_statement name: (aliased_import name: (dotted_name) @module alias: (identifier) @alias))
(import_from_statement module_name: (dotted_name) @from name: (dotted_name) @name)
(import_from_statement module_name: (dotted_name) @from
  name: (aliased_import name: (dotted_name) @name alias: (identifier) @alias))
(import_from_statement module_name: (relative_import) @relative)
"""

# `xp = numpy`, `tf = tf.compat.v1`: at module level, or in a module-level if/try.
_PYTHON_ALIAS_QUERY = """
(module (expression_statement
  (assignment left: (identifier) @target right: [(identifier) (attribute)] @value)))
(module (_ [(block (expression_statement
  (assignment left: (identifier) @target right: [(identifier) (attribute)] @value)))
  (_ (block (expression_statement
  (assignment left: (identifier) @target right: [(identifier) (attribute)] @value))))]))
"""

_JAVASCRIPT_QUERY = """
(import_statement source: (string (string_fragment) @source)) @import
(call_expression function: (identifier) @require (#eq? @require "require")
  arguments: (arguments . (string (string_fragment) @source) .)) @call
"""


_JAVA_QUERY = """
(import_declaration (scoped_identifier) @path) @import
"""

_GO_QUERY = """
(import_spec name: (package_identifier)? @alias path: (interpreted_string_literal
  (interpreted_string_literal_content) @path))
"""

_QUERIES = {
    "python": _PYTHON_QUERY,
    "javascript": _JAVASCRIPT_QUERY,
    "typescript": _JAVASCRIPT_QUERY,
    "tsx": _JAVASCRIPT_QUERY,
    "java": _JAVA_QUERY,
    "go": _GO_QUERY,
}


@dataclass
class Imports:
    names: dict[str, str] = field(default_factory=dict)
    modules: set[str] = field(default_factory=set)
    # Names bound to two different paths: left out of `names`.
    ambiguous: set[str] = field(default_factory=set)

    def bind(self, local: str, path: str) -> None:
        if local in self.ambiguous:
            return
        if self.names.get(local, path) != path:
            self.ambiguous.add(local)
            del self.names[local]
            return
        self.names[local] = path

    def resolve(self, dotted: str) -> str | None:
        """The full path a dotted name stands for, or None when its head is not imported."""
        head, dot, rest = dotted.partition(".")
        target = self.names.get(head)
        if target is None:
            return None
        return f"{target}{dot}{rest}"

    def is_ambiguous(self, dotted: str) -> bool:
        """Whether the name's head is bound to two different paths (compat code)."""
        return dotted.partition(".")[0] in self.ambiguous

    def imports_any(self, modules: list[str]) -> bool:
        """Whether the file imports one of ``modules`` or a submodule of one."""
        for imported in self.modules:
            for module in modules:
                if imported == module or imported.startswith((module + ".", module + "/")):
                    return True
        return False


class LazyImports:
    """A file's imports, found on first use: most files never need them (no rule's pattern
    reaches a dotted-name comparison, and ``imports:`` lists are pre-checked on the bytes)."""

    def __init__(
        self,
        spec: LanguageSpec,
        root: tree_sitter.Node,
        source: bytes,
        found: Imports | None = None,
    ) -> None:
        # `found`: the imports already known (an incremental check where none changed).
        self._spec, self._root, self._source = spec, root, source
        self._found = found
        self._any: dict[tuple[str, ...], bool] = {}

    @property
    def known(self) -> Imports | None:
        """The imports if they were needed (and so found) by now."""
        return self._found

    @property
    def found(self) -> Imports:
        if self._found is None:
            self._found = find_imports(self._spec, self._root)
        return self._found

    def resolve(self, dotted: str) -> str | None:
        # No shortcut on how often the name occurs: the one occurrence may be the alias in
        # the import itself, and a finding there must not depend on the rest of the file.
        return self.found.resolve(dotted)

    def is_ambiguous(self, dotted: str) -> bool:
        return self.found.is_ambiguous(dotted)

    def renamed_last_names(self) -> set[str]:
        """Last names that an import here binds under another name: ``Int64Index`` for
        ``from pandas import Int64Index as I``, ``pandas`` for ``import pandas as pd``."""
        renamed = set()
        for local, target in self.found.names.items():
            last = target.rsplit(".", 1)[-1]
            if local != last:
                renamed.add(last)
        return renamed

    def imports_any(self, modules: list[str]) -> bool:
        key = tuple(modules)
        answer = self._any.get(key)
        if answer is None:
            # Looking for the names in the bytes first spares most files the import query.
            named = self._found is not None or any(m.encode() in self._source for m in modules)
            answer = named and self.found.imports_any(modules)
            self._any[key] = answer
        return answer


@functools.cache
def import_query(spec: LanguageSpec) -> tree_sitter.Query | None:
    """The query whose matches are the imports of a file in this language."""
    text = _QUERIES.get(spec.name)
    return tree_sitter.Query(spec.grammar, text) if text is not None else None


def find_imports(spec: LanguageSpec, root: tree_sitter.Node) -> Imports:
    """Collect the imports of a parsed file (anywhere in it: imports inside functions count).

    Java and Go imports give modules (for a rule's ``imports:``); Python and JavaScript
    imports also give the local names that dotted patterns resolve through.
    """
    imports = Imports()
    query = import_query(spec)
    if query is None:
        return imports
    read = {"python": _python_import, "java": _java_import, "go": _go_import}.get(
        spec.name, _javascript_import
    )
    for _, captures in tree_sitter.QueryCursor(query).matches(root):
        read(captures, imports)
    aliases = alias_assignments(spec, root)
    _bind_aliases(imports, [(target, value) for target, value, _ in aliases])
    if not spec.resolves_imports:
        imports.names.clear()
    return imports


@functools.cache
def _alias_query(spec: LanguageSpec) -> tree_sitter.Query:
    return tree_sitter.Query(spec.grammar, _PYTHON_ALIAS_QUERY)


def alias_assignments(
    spec: LanguageSpec, root: tree_sitter.Node, within: tuple[int, int] | None = None
) -> list[tuple[str, str, tree_sitter.Node]]:
    """(name, value text, assignment) of each module-level ``name = dotted`` in Python."""
    if spec.name != "python":
        return []
    cursor = tree_sitter.QueryCursor(_alias_query(spec))
    if within is not None:
        cursor.set_byte_range(*within)  # the patterns start at the module: filtered below
    found = []
    for _, captures in cursor.matches(root):
        target, value = _one(captures, "target"), _one(captures, "value")
        assignment = target.parent if target is not None else None
        if target is None or value is None or assignment is None:
            continue
        start, end = within if within is not None else (assignment.start_byte, assignment.end_byte)
        if assignment.start_byte <= end and assignment.end_byte >= start:
            found.append((_text(target), _text(value), assignment))
    return found


def binds_imported(imports: Imports, target: str, value: str) -> bool:
    """Whether ``target = value`` changes what ``imports`` resolve: it names an imported
    (or ambiguous) name on either side. Others bind nothing dotted names resolve through."""
    heads = {target, value.partition(".")[0]}
    return any(head in imports.names or head in imports.ambiguous for head in heads)


def _bind_aliases(imports: Imports, aliases: list[tuple[str, str]]) -> None:
    """``xp = numpy``, ``tf = tf.compat.v1``: what the imports say the value is (a name
    the imports bind and that is assigned something else is ambiguous)."""
    imported = Imports(dict(imports.names))
    for target, value in aliases:
        path = imported.resolve(value)
        if path is not None:
            imports.bind(target, path)
        elif target in imports.names:
            imports.ambiguous.add(target)  # rebound to something no import says
            del imports.names[target]


def _java_import(captures: dict[str, list[tree_sitter.Node]], imports: Imports) -> None:
    path = _one(captures, "path")
    if path is None:
        return
    # `import com.mongodb.client.MongoClients;` names a class in package com.mongodb.client.
    imports.modules.add(_text(path))


def _go_import(captures: dict[str, list[tree_sitter.Node]], imports: Imports) -> None:
    path = _one(captures, "path")
    if path is not None:
        imports.modules.add(_text(path))


def _text(node: tree_sitter.Node) -> str:
    return node.text.decode("utf-8", "replace") if node.text is not None else ""


def _one(captures: dict[str, list[tree_sitter.Node]], name: str) -> tree_sitter.Node | None:
    nodes = captures.get(name)
    return nodes[0] if nodes else None


def _python_import(captures: dict[str, list[tree_sitter.Node]], imports: Imports) -> None:
    alias = _one(captures, "alias")
    module = _one(captures, "module")
    if module is not None:
        path = _text(module)
        imports.modules.add(path)
        if alias is not None:
            imports.bind(_text(alias), path)
        else:
            # `import a.b` binds `a`, which names the package `a`.
            head = path.split(".")[0]
            imports.bind(head, head)
        return
    relative = _one(captures, "relative")
    if relative is not None:
        # `from .base import Model`: a module of the project, followed by the project index
        # (engine/types/project.py); its names stay out of `names`.
        imports.modules.add(_text(relative))
        return
    source, name = _one(captures, "from"), _one(captures, "name")
    if source is None or name is None:
        return
    path = _text(source)
    imports.modules.add(path)
    imported = _text(name)
    local = _text(alias) if alias is not None else imported.split(".")[-1]
    imports.bind(local, f"{path}.{imported}")


def _javascript_import(captures: dict[str, list[tree_sitter.Node]], imports: Imports) -> None:
    source = _one(captures, "source")
    if source is None:
        return
    module = _text(source)
    imports.modules.add(module)
    statement = _one(captures, "import")
    if statement is not None:
        _bind_import_clause(statement, module, imports)
        return
    call = _one(captures, "call")
    if call is not None:
        _bind_require(call, module, imports)


def javascript_import_names(statement: tree_sitter.Node) -> dict[str, str]:
    """Local name -> import path for one JavaScript ``import`` statement, as ``find_imports``
    reads it (type inference binds the names one statement at a time)."""
    source = statement.child_by_field_name("source")
    fragments = [c for c in source.named_children if c.type == "string_fragment"] if source else []
    if not fragments:
        return {}
    imports = Imports()
    _bind_import_clause(statement, _text(fragments[0]), imports)
    return imports.names


def _bind_import_clause(statement: tree_sitter.Node, module: str, imports: Imports) -> None:
    for clause in statement.named_children:
        if clause.type != "import_clause":
            continue
        for part in clause.named_children:
            if part.type == "identifier":  # default import
                imports.names[_text(part)] = module
            elif part.type == "namespace_import":
                for local in part.named_children:
                    imports.names[_text(local)] = module
            elif part.type == "named_imports":
                for specifier in part.named_children:
                    imported = specifier.child_by_field_name("name")
                    if imported is None:
                        continue
                    local = specifier.child_by_field_name("alias") or imported
                    imports.names[_text(local)] = f"{module}.{_text(imported)}"


def _bind_require(call: tree_sitter.Node, module: str, imports: Imports) -> None:
    # Walk up through `.member` accesses to the declarator: `const x = require("m").y`.
    path = module
    node = call
    while node.parent is not None and node.parent.type == "member_expression":
        prop = node.parent.child_by_field_name("property")
        if prop is None:
            return
        path = f"{path}.{_text(prop)}"
        node = node.parent
    declarator = node.parent
    if declarator is None or declarator.type != "variable_declarator":
        return
    target = declarator.child_by_field_name("name")
    if target is None:
        return
    if target.type == "identifier":
        imports.names[_text(target)] = path
    elif target.type == "object_pattern":
        for part in target.named_children:
            if part.type == "shorthand_property_identifier_pattern":
                imports.names[_text(part)] = f"{path}.{_text(part)}"
            elif part.type == "pair_pattern":
                key, value = part.child_by_field_name("key"), part.child_by_field_name("value")
                if key is not None and value is not None and value.type == "identifier":
                    imports.names[_text(value)] = f"{path}.{_text(key)}"

"""Module-level facts across a library's modules: where a private module's names are made
public, and the literal string collections modules define.

SciPy and scikit-learn define most of their API in private modules (`scipy.integrate._quadrature`)
and re-export it from a public one (`from ._quadrature import *` in `scipy/integrate/__init__.py`),
so a deprecation found in a private module counts under the public name a user imports.
"""

from __future__ import annotations

import ast
import dataclasses
from collections import defaultdict
from collections.abc import Iterator, Mapping

from upstream.authoring.seed.model import Deprecation

Location = tuple[str, str]  # (module, name bound in it)


def is_public(module: str) -> bool:
    """``scipy.integrate`` is; ``scipy.integrate._quadrature`` is not (the top-level
    package keeps its name whatever it is)."""
    return not any(part.startswith("_") for part in module.split(".")[1:])


def top_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Statements run at import: the body and the branches of module-level if/try/with."""
    for node in body:
        yield node
        if isinstance(node, ast.If):
            yield from top_level(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            handlers = [stmt for handler in node.handlers for stmt in handler.body]
            yield from top_level(node.body + handlers + node.orelse + node.finalbody)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            yield from top_level(node.body)


def literal_strings(node: ast.expr) -> list[str] | None:
    """The strings of a literal list, tuple or set (or a dict's keys), else None."""
    if isinstance(node, ast.Dict):
        elements: list[ast.expr | None] = list(node.keys)
    elif isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        elements = list(node.elts)
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("set", "frozenset", "tuple", "list")
        and len(node.args) == 1
    ):
        return literal_strings(node.args[0])
    else:
        return None
    values = [e.value for e in elements if isinstance(e, ast.Constant)]
    if len(values) != len(elements) or not all(isinstance(v, str) for v in values):
        return None
    return [str(v) for v in values]


class Exports:
    """``trees``: each module of the library, parsed; ``packages``: those that are packages
    (an ``__init__.py``), against which relative imports resolve."""

    def __init__(self, trees: Mapping[str, ast.Module], packages: set[str]) -> None:
        self._trees = dict(trees)
        self._packages = packages
        # (source module, name) -> where it is bound by `from source import name [as alias]`
        self._imported: dict[Location, list[Location]] = defaultdict(list)
        self._star: dict[str, list[str]] = defaultdict(list)  # source -> `import *` importers
        for module, tree in self._trees.items():
            for node in top_level(tree.body):
                if not isinstance(node, ast.ImportFrom):
                    continue
                source = self._absolute(module, node.level, node.module)
                for alias in node.names:
                    if alias.name == "*":
                        self._star[source].append(module)
                    else:
                        self._imported[(source, alias.name)].append(
                            (module, alias.asname or alias.name)
                        )

    def _absolute(self, module: str, level: int, target: str | None) -> str:
        if level == 0:
            return target or ""
        parts = module.split(".")
        if module not in self._packages:
            parts = parts[:-1]
        parts = parts[: len(parts) - (level - 1)] if level > 1 else parts
        return ".".join([*parts, target] if target else parts)

    @property
    def trees(self) -> Mapping[str, ast.Module]:
        return self._trees

    def public_locations(self, module: str, name: str) -> list[Location]:
        """Where public modules bind what ``module`` defines as ``name`` (itself, if public)."""
        return self._locate(module, name, set())

    def public(self, item: Deprecation) -> Deprecation | None:
        """``item`` under its shortest public name, or None if no public module exposes it."""
        if is_public(item.module):
            return item
        name = item.owner or item.name
        locations = self._locate(item.module, name, set())
        if not locations:
            return None
        module, bound = min(locations, key=lambda loc: (loc[0].count("."), len(loc[0]), loc))
        if item.owner:
            return dataclasses.replace(item, module=module, owner=bound)
        return dataclasses.replace(item, module=module, name=bound)

    def public_elsewhere(self, module: str, name: str) -> Location | None:
        """The nearest enclosing package of ``module`` that binds ``name`` too: where users
        of a deprecated namespace (``scipy.ndimage.filters``) import it from instead."""
        parts = module.split(".")[:-1]
        while parts:
            package = ".".join(parts)
            if self.binds(package, name):
                return package, name
            parts.pop()
        return None

    def binds(self, module: str, name: str) -> bool:
        """Whether ``module`` defines or imports ``name`` at its top level."""
        tree = self._trees.get(module)
        if tree is None:
            return False
        for node in top_level(tree.body):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                if node.name == name:
                    return True
            elif isinstance(node, ast.Assign):
                if any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
                    return True
            elif isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if (alias.asname or alias.name) == name:
                        return True
                    source = self._absolute(module, node.level, node.module)
                    if alias.name == "*" and name in self.star_names(source):
                        return True
        return False

    def _locate(self, module: str, name: str, seen: set[Location]) -> list[Location]:
        if (module, name) in seen:
            return []
        seen.add((module, name))
        if is_public(module) and module in self._trees:
            return [(module, name)]
        found: list[Location] = []
        for importer, bound in self._imported.get((module, name), []):
            found += self._locate(importer, bound, seen)
        if self._star.get(module) and name in self.star_names(module):
            for importer in self._star[module]:
                found += self._locate(importer, name, seen)
        return found

    def star_names(self, module: str) -> set[str]:
        """What ``from module import *`` binds: its literal ``__all__``, else its public
        top-level names."""
        tree = self._trees.get(module)
        if tree is None:
            return set()
        declared = self.all_names(module)
        if declared is not None:
            return set(declared)
        names: set[str] = set()
        for node in top_level(tree.body):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Assign):
                names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names |= {(a.asname or a.name).split(".")[0] for a in node.names if a.name != "*"}
        return {name for name in names if not name.startswith("_")}

    def all_names(self, module: str) -> list[str] | None:
        """A literal ``__all__`` (also built with ``+=`` / ``.extend``), or None."""
        tree = self._trees.get(module)
        if tree is None:
            return None
        names: list[str] = []
        declared = False
        for node in top_level(tree.body):
            value: ast.expr | None = None
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
            ):
                value, names = node.value, []
            elif (
                isinstance(node, ast.AugAssign)
                and isinstance(node.target, ast.Name)
                and node.target.id == "__all__"
            ):
                value = node.value
            elif (
                isinstance(node, ast.Expr)
                and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Attribute)
                and node.value.func.attr == "extend"
                and isinstance(node.value.func.value, ast.Name)
                and node.value.func.value.id == "__all__"
                and node.value.args
            ):
                value = node.value.args[0]
            if value is None:
                continue
            strings = literal_strings(value)
            if strings is None:
                return None  # computed: cannot be read without running the module
            names += strings
            declared = True
        return names if declared else None

    def literal(self, module: str, name: str) -> ast.expr | None:
        """The literal a module-level ``name`` is assigned in ``module`` or in the module it
        is imported from (NumPy: ``from ._expired_attrs_2_0 import __expired_attributes__``)."""
        return self._literal(module, name, set())

    def _literal(self, module: str, name: str, seen: set[Location]) -> ast.expr | None:
        tree = self._trees.get(module)
        if tree is None or (module, name) in seen:
            return None
        seen.add((module, name))
        for node in top_level(tree.body):
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets
            ):
                return node.value if literal_strings(node.value) is not None else None
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if (alias.asname or alias.name) == name:
                        source = self._absolute(module, node.level, node.module)
                        return self._literal(source, alias.name, seen)
        return None

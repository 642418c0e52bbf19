"""setup.py: the requirements of its `setup(...)` call, read from the syntax tree, never run.

Running a project's setup.py to learn its dependencies would run arbitrary code in the
editor; most setup.py files are declarative enough to read instead. `install_requires`,
`extras_require` and `tests_require` are followed through what such files do:

- literal lists and strings, names bound to them, `+`, `.append` / `.extend` / `+=`;
- a file read: `open("requirements.txt").read().splitlines()`, `Path(...).read_text()`,
  `[line.strip() for line in open(...)]`, `with open(...) as f: reqs = f.readlines()`,
  `pkg_resources.parse_requirements(f)`, with paths built from `__file__`, `os.path.join`,
  `Path(...) / "x"`;
- a helper defined in the file (`read_requirements("etc/requirements.txt")`), its
  parameters bound to the call's arguments; one whose body opens a file but can't be
  followed reads the file its argument names.

Besides, a requirement file setup.py names anywhere (`"etc/requirements_locked.txt"` in
`setup_requires` or a helper, `"requirements_{0}.in"` read as a wildcard) is read too: a
project keeping its pins in `etc/` or `ci/` names them there. Anything else is ignored
(debug log); a file that is not Python 3 has only the files it names read.
"""

from __future__ import annotations

import ast
import io
import itertools
import logging
import os
import re
import tokenize
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, TypeGuard

from upstream.files import is_readable_project_file
from upstream.project.manifests.model import Manifest
from upstream.project.manifests.requirements import (
    RequirementsReader,
    add_pep508,
    project_root,
    within_project,
)

__all__ = ["parse_setup_py"]

logger = logging.getLogger("upstream.project")

_KEYWORDS = ("install_requires", "extras_require", "tests_require")
_MAX_SETUP_PY_BYTES = 1024 * 1024
_MAX_STEPS = 5_000  # steps per evaluation: a pathological setup.py stops early
_CANDIDATE_STEPS = 200  # the same for each path expression scanned for file names
_MAX_SCANNED = 500  # path expressions scanned for file names per setup.py
_MAX_DEPTH = 40  # nested evaluations: far below Python's recursion limit
_MAX_PATHS = 16  # alternatives one path expression may stand for
# A file name or path that says it holds requirements.
_REQUIREMENT_FILE = re.compile(r"(?i)(req|constraint|lock|pin|dep).*\.(txt|in)$")
_OPENERS = frozenset({"open", "io.open", "codecs.open", "builtins.open"})
_PATH_READS = frozenset({"read_text", "read_bytes", "open"})
# Methods and builtins whose result holds the same requirement lines as their input.
_SAME_LINES_METHODS = frozenset(
    {
        "read",
        "readlines",
        "readline",
        "splitlines",
        "split",
        "strip",
        "rstrip",
        "lstrip",
        "decode",
        "values",
        "copy",
        "lower",
    }
)
_SAME_LINES_FUNCTIONS = frozenset(
    {
        "list",
        "tuple",
        "set",
        "frozenset",
        "sorted",
        "reversed",
        "filter",
        "map",
        "iter",
        "str",
        "sum",
        "chain",
        "itertools.chain",
    }
)
_PATH_FUNCTIONS = frozenset(
    {
        "os.path.join",
        "join",
        "Path",
        "pathlib.Path",
        "PurePath",
        "pathlib.PurePath",
        "os.path.dirname",
        "dirname",
        "os.path.abspath",
        "abspath",
        "os.path.realpath",
        "realpath",
        "os.path.normpath",
        "normpath",
        "str",
        "os.fspath",
        "os.getcwd",
        "Path.cwd",
        "pathlib.Path.cwd",
    }
)


@dataclass(frozen=True)
class _Text:
    """One requirement string and the setup.py line it is written on."""

    text: str
    line: int


@dataclass(frozen=True)
class _File:
    """The lines of a requirement file, as the code names it (relative to setup.py)."""

    path: str


_Item = _Text | _File


class _Bound(NamedTuple):
    """One expression a name was bound to, the scope to evaluate it in, and whether the
    name is one element of it (`for line in lines`) rather than the value itself."""

    value: ast.expr
    scope: _Scope
    element: bool = False


class _Scope:
    """The names one module, function call or comprehension binds.

    A name is bound to every expression ever assigned to it (any branch, any loop), so a
    value is the union of them all: the project could be on any of those requirements.
    """

    def __init__(self, parent: _Scope | None = None) -> None:
        self.parent = parent
        self.names: dict[str, list[_Bound]] = {}
        self.keys: dict[str, list[tuple[str | None, ast.expr, _Scope]]] = {}  # d["k"] = v
        self.functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}

    def bind(
        self, name: str, value: ast.expr, scope: _Scope | None = None, element: bool = False
    ) -> None:
        self.names.setdefault(name, []).append(_Bound(value, scope or self, element))

    def lookup(self, name: str) -> list[_Bound]:
        scope: _Scope | None = self
        while scope is not None:
            if name in scope.names:
                return scope.names[name]
            scope = scope.parent
        return []

    def keyed(self, name: str) -> list[tuple[str | None, ast.expr, _Scope]]:
        scope: _Scope | None = self
        while scope is not None:
            if name in scope.keys:
                return scope.keys[name]
            scope = scope.parent
        return []

    def function(self, name: str) -> tuple[ast.FunctionDef | ast.AsyncFunctionDef, _Scope] | None:
        scope: _Scope | None = self
        while scope is not None:
            if name in scope.functions:
                return scope.functions[name], scope
            scope = scope.parent
        return None

    def collect(self, body: Sequence[ast.stmt]) -> _Scope:
        """Record the bindings of `body`'s statements, compound ones included."""
        for statement in body:
            self._statement(statement)
        return self

    def _statement(self, node: ast.stmt) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.functions[node.name] = node
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                self._target(target, node.value)
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None:
            self._target(node.target, node.value)
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            self._mutation(node.value)
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            self._target(node.target, node.iter, element=True)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if item.optional_vars is not None:
                    self._target(item.optional_vars, item.context_expr)
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for field in ("body", "orelse", "finalbody"):
                self.collect(getattr(node, field, None) or [])
            for handler in getattr(node, "handlers", None) or []:
                self.collect(handler.body)

    def _target(self, target: ast.expr, value: ast.expr, element: bool = False) -> None:
        if isinstance(target, ast.Name):
            self.bind(target.id, value, element=element)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for part in target.elts:
                self._target(part, value, element)  # unpacking: each name may be any part
        elif isinstance(target, ast.Starred):
            self._target(target.value, value, element)
        elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
            key = _constant_string(target.slice)
            self.keys.setdefault(target.value.id, []).append((key, value, self))

    def _mutation(self, call: ast.Call) -> None:
        """`reqs.append(x)`, `.extend(xs)`, `.insert(i, x)`, `.add(x)`, `d.update(...)`."""
        func = call.func
        if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
            return
        name = func.value.id
        if func.attr in ("append", "extend", "add") and call.args:
            self.bind(name, call.args[0])
        elif func.attr == "insert" and len(call.args) == 2:
            self.bind(name, call.args[1])
        elif func.attr == "update":
            for argument in call.args:
                self.bind(name, argument)
            for keyword in call.keywords:
                if keyword.arg is not None:
                    self.keys.setdefault(name, []).append((keyword.arg, keyword.value, self))


def _constant_string(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _dotted(node: ast.expr) -> str:
    """`os.path.join` for that attribute chain, "" for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else ""
    return ""


def _is_format(func: ast.expr) -> TypeGuard[ast.Attribute]:
    return isinstance(func, ast.Attribute) and func.attr == "format"


def _returned(function: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[ast.expr]:
    """What `function` returns or yields, in source order (not what functions nested in
    it do)."""
    stack: list[ast.AST] = list(reversed(function.body))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, (ast.Return, ast.Yield, ast.YieldFrom)) and node.value is not None:
            yield node.value
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def _opens_files(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            name = _dotted(node.func)
            attr = node.func.attr if isinstance(node.func, ast.Attribute) else ""
            if name in _OPENERS or attr in _PATH_READS:
                return True
    return False


def _bind_comprehension(generators: Sequence[ast.comprehension], scope: _Scope) -> _Scope:
    inner = _Scope(scope)
    for generator in generators:
        inner._target(generator.target, generator.iter, element=True)
    return inner


class _Evaluator:
    """Evaluates expressions of one setup.py into requirement items, paths and dict entries."""

    def __init__(self, setup_py: Path) -> None:
        self.setup_py = setup_py
        self.folder = setup_py.parent
        self.steps = 0
        self.active: set[tuple[str, int, int]] = set()

    def start(self, budget: int = _MAX_STEPS) -> None:
        """Begin one top-level evaluation with `budget` steps."""
        self.steps = budget
        self.active.clear()

    def _enter(self, kind: str, node: ast.AST, scope: _Scope) -> tuple[str, int, int] | None:
        """A key to `_leave` with, or ``None``: evaluate to nothing. That is the answer for
        a value already being evaluated (`reqs = [r for r in reqs if ...]`), past the depth
        limit, or once the step budget is spent; what was found before stays."""
        self.steps -= 1
        key = (kind, id(node), id(scope))
        if self.steps < 0 or len(self.active) > _MAX_DEPTH or key in self.active:
            return None
        self.active.add(key)
        return key

    def _leave(self, key: tuple[str, int, int]) -> None:
        self.active.discard(key)

    # ----------------------------------------------------------------- requirement items

    def items(self, node: ast.expr, scope: _Scope) -> list[_Item]:
        """The requirement strings and files `node` may evaluate to."""
        key = self._enter("items", node, scope)
        if key is None:
            return []
        try:
            return self._items(node, scope)
        finally:
            self._leave(key)

    def _items(self, node: ast.expr, scope: _Scope) -> list[_Item]:
        if isinstance(node, (ast.Constant, ast.JoinedStr, ast.BinOp)):
            texts = self.strings(node, scope)
            if texts or not isinstance(node, ast.BinOp):  # `a + b` of lists: see below
                return [
                    _Text(line, node.lineno + offset)
                    for text in texts
                    for offset, line in enumerate(text.splitlines())
                ]
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            return self._all(node.elts, scope)
        if isinstance(node, ast.Starred):
            return self.items(node.value, scope)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self._all([node.left, node.right], scope)
        if isinstance(node, ast.IfExp):
            return self._all([node.body, node.orelse], scope)
        if isinstance(node, ast.Subscript):
            return self.items(node.value, scope)  # `lines[1:]`
        if isinstance(node, ast.Name):
            return [
                item
                for bound in scope.lookup(node.id)
                for item in self.items(bound.value, bound.scope)
            ]
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            return self.items(node.elt, _bind_comprehension(node.generators, scope))
        if isinstance(node, ast.Call):
            return self._call_items(node, scope)
        return []

    def _all(self, nodes: Sequence[ast.expr], scope: _Scope) -> list[_Item]:
        return [item for node in nodes for item in self.items(node, scope)]

    def _call_items(self, call: ast.Call, scope: _Scope) -> list[_Item]:
        func, name = call.func, _dotted(call.func)
        arguments = [*call.args, *(keyword.value for keyword in call.keywords)]
        if name in _OPENERS and arguments:
            return [_File(path) for path in self.paths(arguments[0], scope)]
        if isinstance(func, ast.Attribute) and func.attr in _PATH_READS:
            paths = self.paths(func.value, scope)
            return [_File(path) for path in paths] if paths else self.items(func.value, scope)
        if isinstance(func, ast.Attribute) and func.attr in _SAME_LINES_METHODS:
            return self.items(func.value, scope)
        if name in _SAME_LINES_FUNCTIONS:
            return self._all(call.args, scope)
        if _is_format(func):
            return [_Text(text, call.lineno) for text in self.strings(call, scope)]
        local = scope.function(name) if isinstance(func, ast.Name) else None
        if local is not None:
            return self._helper_items(call, scope, *local)
        return self._unknown_call_items(arguments, scope)

    def _helper_items(
        self,
        call: ast.Call,
        scope: _Scope,
        function: ast.FunctionDef | ast.AsyncFunctionDef,
        defined_in: _Scope,
    ) -> list[_Item]:
        """A function of the file: what it returns, its parameters bound to the call's
        arguments; if that finds nothing and it opens files, the file its argument names."""
        inner = self._call_scope(call, scope, function, defined_in)
        found = [item for value in _returned(function) for item in self.items(value, inner)]
        if not found and _opens_files(function):
            arguments = [*call.args, *(keyword.value for keyword in call.keywords)]
            found = [
                _File(path)
                for argument in arguments
                for path in self.paths(argument, scope)
                if self._exists(path)
            ]
        return found

    def _call_scope(
        self,
        call: ast.Call,
        scope: _Scope,
        function: ast.FunctionDef | ast.AsyncFunctionDef,
        defined_in: _Scope,
    ) -> _Scope:
        inner = _Scope(defined_in)
        parameters = [*function.args.posonlyargs, *function.args.args]
        defaults = function.args.defaults
        with_defaults = parameters[len(parameters) - len(defaults) :]
        keyword_only = function.args.kwonlyargs
        pairs: list[tuple[ast.arg, ast.expr | None]] = [
            *zip(with_defaults, defaults, strict=True),
            *zip(keyword_only, function.args.kw_defaults, strict=True),
        ]
        for parameter, default in pairs:
            if default is not None:
                inner.bind(parameter.arg, default, defined_in)
        given: dict[str, ast.expr] = {}
        for parameter, argument in zip(parameters, call.args, strict=False):
            if not isinstance(argument, ast.Starred):
                given[parameter.arg] = argument
        given.update({kw.arg: kw.value for kw in call.keywords if kw.arg is not None})
        for parameter_name, argument in given.items():
            inner.names[parameter_name] = [_Bound(argument, scope)]  # the call's value wins
        return inner.collect(function.body)

    def _unknown_call_items(self, arguments: Sequence[ast.expr], scope: _Scope) -> list[_Item]:
        """A function we can't see into (`parse_requirements(f)` from pip, a plugin's
        reader): an argument naming an existing file is read; other non-literal
        arguments pass their requirements through."""
        found: list[_Item] = []
        for argument in arguments:
            paths = [path for path in self.paths(argument, scope) if self._exists(path)]
            if paths:
                found += [_File(path) for path in paths]
            elif not isinstance(argument, (ast.Constant, ast.JoinedStr)):
                found += self.items(argument, scope)
        return found

    # ----------------------------------------------------------------- strings and paths

    def strings(self, node: ast.expr, scope: _Scope) -> list[str]:
        """The string values `node` may have (literals, f-strings, `+`, names)."""
        key = self._enter("strings", node, scope)
        if key is None:
            return []
        try:
            return self._strings(node, scope)[:_MAX_PATHS]
        finally:
            self._leave(key)

    def _strings(self, node: ast.expr, scope: _Scope) -> list[str]:
        if isinstance(node, ast.Constant):
            return [node.value] if isinstance(node.value, str) else []
        if isinstance(node, ast.JoinedStr):
            parts = [
                self.strings(value.value, scope)
                if isinstance(value, ast.FormattedValue)
                else self.strings(value, scope)
                for value in node.values
            ]
            return ["".join(choice) for choice in itertools.product(*parts)]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.strings(node.left, scope), self.strings(node.right, scope)
            return [a + b for a, b in itertools.product(left, right)]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):  # "req-%s.txt" % x
            operands = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
            return self._formatted(node.left, operands, scope, lambda t, a: t % tuple(a))
        if isinstance(node, ast.Call) and _is_format(node.func):  # "req-{}.txt".format(x)
            template = node.func.value
            return self._formatted(template, node.args, scope, lambda t, a: t.format(*a))
        if isinstance(node, ast.Name):
            return [text for bound in scope.lookup(node.id) for text in self._bound_strings(bound)]
        return []

    def _bound_strings(self, bound: _Bound) -> list[str]:
        """The strings a name may hold: its value's, or each element's for a loop name."""
        if not bound.element:
            return self.strings(bound.value, bound.scope)
        value = bound.value
        if isinstance(value, (ast.List, ast.Tuple, ast.Set)):
            return [text for part in value.elts for text in self.strings(part, bound.scope)]
        if isinstance(value, ast.Name):  # `for name in NAMES`
            return [
                text
                for inner in bound.scope.lookup(value.id)
                if not inner.element
                for text in self._bound_strings(_Bound(inner.value, inner.scope, True))
            ]
        return []

    def _formatted(
        self,
        template: ast.expr,
        arguments: Sequence[ast.expr],
        scope: _Scope,
        apply: Callable[[str, list[str]], str],
    ) -> list[str]:
        """Every way of filling `template` with the values its arguments may have."""
        choices = [self.strings(argument, scope) for argument in arguments]
        found = []
        for text in self.strings(template, scope):
            for chosen in itertools.product(*choices):
                try:
                    found.append(apply(text, list(chosen)))
                except (KeyError, IndexError, TypeError, ValueError):
                    continue  # `{name}` fields, `%d`: not a plain positional fill
        return found

    def paths(self, node: ast.expr, scope: _Scope) -> list[str]:
        """The file paths `node` may name, relative to setup.py's folder unless absolute."""
        key = self._enter("paths", node, scope)
        if key is None:
            return []
        try:
            return list(dict.fromkeys(self._paths(node, scope)))[:_MAX_PATHS]
        finally:
            self._leave(key)

    def _paths(self, node: ast.expr, scope: _Scope) -> list[str]:
        if isinstance(node, ast.Name):
            if node.id == "__file__":
                return [str(self.setup_py)]
            return [
                path
                for bound in scope.lookup(node.id)
                for path in (
                    self._bound_strings(bound)
                    if bound.element
                    else self.paths(bound.value, bound.scope)
                )
            ]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):  # Path(...) / "x"
            return self._joined([node.left, node.right], scope)
        if isinstance(node, ast.Attribute) and node.attr == "parent":
            return [os.path.dirname(path) for path in self.paths(node.value, scope)]
        if isinstance(node, ast.Call):
            return self._path_call(node, scope)
        return self.strings(node, scope)

    def _path_call(self, call: ast.Call, scope: _Scope) -> list[str]:
        func, name = call.func, _dotted(call.func)
        if isinstance(func, ast.Attribute) and func.attr in ("resolve", "absolute", "expanduser"):
            return self.paths(func.value, scope)
        if isinstance(func, ast.Attribute) and func.attr == "joinpath":
            return self._joined([func.value, *call.args], scope)
        if isinstance(func, ast.Attribute) and func.attr == "with_name" and call.args:
            folders = [os.path.dirname(path) for path in self.paths(func.value, scope)]
            names = self.strings(call.args[0], scope)
            return [os.path.join(*pair) for pair in itertools.product(folders, names)]
        if name not in _PATH_FUNCTIONS:
            return []
        if name.endswith(("getcwd", "cwd")):
            return [str(self.folder)]
        if name.endswith("dirname") and call.args:
            return [os.path.dirname(path) for path in self.paths(call.args[0], scope)]
        if name.endswith(("abspath", "realpath", "normpath", "fspath")) or name == "str":
            return self.paths(call.args[0], scope) if call.args else []
        return self._joined(call.args, scope)  # os.path.join, Path(a, b)

    def _joined(self, parts: Sequence[ast.expr], scope: _Scope) -> list[str]:
        choices = [self.paths(part, scope) for part in parts]
        return [os.path.join(*choice) for choice in itertools.product(*choices) if choice]

    def resolve(self, path: str) -> Path:
        return Path(os.path.normpath(self.folder / path))

    def _exists(self, path: str) -> bool:
        return self.resolve(path).is_file()

    # ----------------------------------------------------------------- dictionaries

    def entries(self, node: ast.expr, scope: _Scope) -> list[tuple[str | None, ast.expr, _Scope]]:
        """(key if known, value, its scope) for a dict-valued expression."""
        key = self._enter("entries", node, scope)
        if key is None:
            return []
        try:
            return self._entries(node, scope)
        finally:
            self._leave(key)

    def _entries(self, node: ast.expr, scope: _Scope) -> list[tuple[str | None, ast.expr, _Scope]]:
        if isinstance(node, ast.Dict):
            found: list[tuple[str | None, ast.expr, _Scope]] = []
            for key, value in zip(node.keys, node.values, strict=True):
                if key is None:  # {**other}
                    found += self.entries(value, scope)
                else:
                    found.append((_constant_string(key), value, scope))
            return found
        if isinstance(node, ast.DictComp):
            return [(None, node.value, _bind_comprehension(node.generators, scope))]
        if isinstance(node, ast.Name):
            bound = [
                entry
                for value, owner, _ in scope.lookup(node.id)
                for entry in self.entries(value, owner)
            ]
            return bound + scope.keyed(node.id)
        if isinstance(node, ast.IfExp):
            return self.entries(node.body, scope) + self.entries(node.orelse, scope)
        if isinstance(node, ast.Call):
            return self._call_entries(node, scope)
        return []

    def _call_entries(
        self, call: ast.Call, scope: _Scope
    ) -> list[tuple[str | None, ast.expr, _Scope]]:
        if _dotted(call.func) == "dict":
            found = [entry for argument in call.args for entry in self.entries(argument, scope)]
            for keyword in call.keywords:
                if keyword.arg is None:
                    found += self.entries(keyword.value, scope)
                else:
                    found.append((keyword.arg, keyword.value, scope))
            return found
        local = scope.function(call.func.id) if isinstance(call.func, ast.Name) else None
        if local is None:
            return []
        inner = self._call_scope(call, scope, *local)
        return [entry for value in _returned(local[0]) for entry in self.entries(value, inner)]

    def keyword(self, call: ast.Call, scope: _Scope, name: str) -> list[tuple[ast.expr, _Scope]]:
        """The values `setup(...)` gets for keyword `name`, `**kwargs` included."""
        found = []
        for keyword in call.keywords:
            if keyword.arg == name:
                found.append((keyword.value, scope))
            elif keyword.arg is None:
                found += [
                    (value, owner)
                    for key, value, owner in self.entries(keyword.value, scope)
                    if key == name
                ]
        return found

    def requirement_items(self, call: ast.Call, scope: _Scope) -> list[_Item]:
        """Everything `setup(...)` requires: install_requires, each extra, tests_require."""
        found: list[_Item] = []
        for name in _KEYWORDS:
            self.start()
            for value, owner in self.keyword(call, scope, name):
                if name == "extras_require":
                    for _, extra, extra_scope in self.entries(value, owner):
                        found += self.items(extra, extra_scope)
                else:
                    found += self.items(value, owner)
            if self.steps < 0:
                logger.debug("%s: %s too involved to follow to the end", self.setup_py, name)
        return found


def _is_setup_call(node: ast.AST) -> TypeGuard[ast.Call]:
    if not isinstance(node, ast.Call):
        return False
    name = _dotted(node.func)
    return name in ("setup", "setuptools.setup", "distutils.core.setup", "core.setup")


def _setup_calls(tree: ast.Module) -> Iterator[tuple[ast.Call, _Scope]]:
    """Each `setup(...)` call with the scope it runs in: the module's, or the function's
    it is written in (`def main(): setup(...)`), whose parameters stay unknown."""
    module = _Scope().collect(tree.body)

    def visit(node: ast.AST, scope: _Scope) -> Iterator[tuple[ast.Call, _Scope]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield from visit(child, _Scope(scope).collect(child.body))
            elif not isinstance(child, (ast.ClassDef, ast.Lambda)):
                if _is_setup_call(child):
                    yield child, scope
                yield from visit(child, scope)

    yield from visit(tree, module)


def _named_requirement_files(
    tree: ast.Module | None, text: str, evaluator: _Evaluator
) -> list[Path]:
    """Existing requirement files that string literals or path expressions of the file
    name (`"etc/requirements_locked.txt"`, `os.path.join("ci", "deps.txt")`)."""
    candidates: list[str] = []
    if tree is None:
        candidates = list(_string_tokens(text))
    else:
        module = _Scope().collect(tree.body)
        scanned = 0
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                candidates.append(node.value)
            elif _builds_a_path(node) and scanned < _MAX_SCANNED:
                scanned += 1
                evaluator.start(_CANDIDATE_STEPS)
                candidates += evaluator.paths(node, module)
    found: list[Path] = []
    for candidate in dict.fromkeys(candidates):
        if "\n" in candidate or len(candidate) > 256:
            continue
        found += _matching_files(evaluator, candidate)
    return list(dict.fromkeys(found))


def _builds_a_path(node: ast.AST) -> TypeGuard[ast.expr]:
    """`os.path.join(...)`, `Path(...)`, `p.joinpath(...)`, `p / "x"`: worth evaluating."""
    if isinstance(node, ast.BinOp):
        return isinstance(node.op, ast.Div)
    if not isinstance(node, ast.Call):
        return False
    attribute = node.func.attr if isinstance(node.func, ast.Attribute) else ""
    return _dotted(node.func) in _PATH_FUNCTIONS or attribute in ("joinpath", "with_name")


def _matching_files(evaluator: _Evaluator, candidate: str) -> list[Path]:
    """The files `candidate` names; `{}` / `%s` placeholders (`requirements_{0}.in`) are
    read as wildcards within that one folder."""
    pattern = re.sub(r"\{[^{}]*\}|%\(?\w*\)?[sd]", "*", candidate)
    relative = os.path.relpath(evaluator.resolve(pattern), evaluator.folder)
    if not _REQUIREMENT_FILE.search(relative.replace(os.sep, "/")):
        return []
    if "*" not in pattern:
        path = evaluator.resolve(pattern)
        return [path] if path.is_file() else []
    folder = evaluator.resolve(os.path.dirname(pattern))
    name = re.escape(os.path.basename(pattern)).replace(r"\*", "[^/]*")
    try:
        listing = sorted(os.listdir(folder))
    except OSError:
        return []
    return [folder / entry for entry in listing if re.fullmatch(name, entry)]


def _string_tokens(text: str) -> Iterator[str]:
    """String literals of a file `ast` can't parse (a Python 2 setup.py), by tokenizing."""
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.STRING:
                try:
                    value = ast.literal_eval(token.string)
                except (ValueError, SyntaxError):
                    continue
                if isinstance(value, str):
                    yield value
    except (tokenize.TokenError, SyntaxError):
        return


def parse_setup_py(path: Path) -> Manifest:
    """setup.py: `install_requires`, `extras_require` and `tests_require` of its `setup()`
    call, and the requirement files it names (see the module docstring)."""
    manifest = Manifest(files=[path])
    if not is_readable_project_file(path, _MAX_SETUP_PY_BYTES):
        logger.debug("%s: too large to read as a setup script", path)
        return manifest
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    evaluator = _Evaluator(Path(os.path.abspath(path)))
    reader = RequirementsReader(manifest, project_root(path))
    try:
        tree: ast.Module | None = ast.parse(text, str(path))
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        logger.debug("%s: not Python 3 syntax (%s); reading only the files it names", path, exc)
        tree = None
    try:
        items = _requirement_items(tree, evaluator)
        named = _named_requirement_files(tree, text, evaluator)
    except RecursionError:  # an expression nested thousands deep: nothing to learn there
        logger.debug("%s: nested too deeply to follow", path)
        items, named = [], []
    for item in items:
        if isinstance(item, _Text):
            line = item.text.strip()
            if line and not line.startswith(("#", "-")):
                add_pep508(manifest.entries, line, path, item.line)
        else:
            _read_file(reader, evaluator.resolve(item.path))
    for file in named:
        _read_file(reader, file)
    return reader.finish()


def _requirement_items(tree: ast.Module | None, evaluator: _Evaluator) -> list[_Item]:
    if tree is None:
        return []
    return [
        item
        for call, scope in _setup_calls(tree)
        for item in evaluator.requirement_items(call, scope)
    ]


def _read_file(reader: RequirementsReader, path: Path) -> None:
    """Read a requirement file setup.py reads; one that isn't there is noted, not warned."""
    if not within_project(path, reader.root):
        logger.debug("%s: not a readable file in the project; ignored", path)
        if path not in reader.manifest.files:
            reader.manifest.files.append(path)  # so creating it later is noticed
        return
    reader.read(path)

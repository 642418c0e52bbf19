"""Find a Python library's deprecated public APIs by reading its source with ``ast``.

Nothing is imported or run. Signals: an unconditional ``warnings.warn(..., DeprecationWarning
| PendingDeprecationWarning | FutureWarning | a subclass)`` in the body of a function (for a
class: in ``__init__``); a decorator named ``deprecated`` (PEP 702 / ``typing_extensions``,
the ``deprecated`` and ``deprecation`` packages); a docstring with ``.. deprecated::``,
``.. versionremoved::`` (a stub kept to say the API is gone) or a line starting
``**DEPRECATED**``. A warning inside an ``if`` usually concerns one argument,
not the API: those are counted as ``conditional`` and left out.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from upstream.authoring.seed.exports import Exports, literal_strings, top_level
from upstream.authoring.seed.model import Deprecation, Kind

_BASE_CATEGORIES = {"DeprecationWarning", "PendingDeprecationWarning", "FutureWarning"}
_SKIPPED_DIRS = {
    "test", "tests", "testing", "doc", "docs", "examples", "example", "benchmarks", "bench",
    "tools", "scripts", "build", "dist", "_vendor", "vendor", "site-packages", "node_modules",
}  # fmt: skip
_SKIPPED_FILES = {"setup.py", "conftest.py", "noxfile.py", "fabfile.py"}
# "1.22", "2.0.0rc1"; not the full stop of `.. deprecated:: 1.22.`
_VERSION = r"(\d+(?:\.\d+)+(?:\.?[a-z]+\d*)?)"
# Only a directive at the docstring's margin is about the API; one indented under a
# parameter's description (numpydoc) is about that parameter.
_DEPRECATED_DIRECTIVE = re.compile(r"^\.\. deprecated::\s*(?:" + _VERSION + r"\.?)?\s*$")
_REMOVED_DIRECTIVE = re.compile(r"^\.\. versionremoved::\s*" + _VERSION + r"\.?\s*$")
_CHANGED_DIRECTIVE = re.compile(r"^\s*\.\. version(?:changed|added)::\s*" + _VERSION)
_DEPRECATED_LINE = re.compile(
    r"^(?:\*\*DEPRECATED\*\*|Deprecated\.?$|Deprecated\. |Deprecated (?:the \S+ )?"
    r"(?:method|function|class|property)|Support for this (?:function|method|class) is "
    r"deprecated|This (?:function|method|class|exception|property) (?:is|has been) deprecated)",
    re.IGNORECASE,
)
_VERSION_ONLY = re.compile(r"^\d+(?:\.\d+)+$")
# Library-specific decorators that deprecate what they wrap, also called as
# `old = deprecate(new, old_name="old", new_name="new")` (NumPy's `numpy._utils.deprecate`).
_DEPRECATE_FUNCTIONS = {"deprecate", "deprecate_with_doc", "_deprecate"}
_ABOUT_ARGUMENT = re.compile(r"\b(?:parameter|argument|option|keyword)s?\b", re.IGNORECASE)


@dataclass
class PythonScan:
    deprecations: list[Deprecation] = field(default_factory=list)
    conditional: int = 0  # warnings only under a condition (usually about an argument)
    private: int = 0  # deprecated in a private module and not re-exported by a public one
    files: int = 0
    # Every module read, parsed, and what each makes public: what a changelog's names are
    # resolved against.
    exports: Exports = field(default_factory=lambda: Exports({}, set()), repr=False)


def scan_python(root: Path, release: str | None = None) -> PythonScan:
    """Every deprecated public API in the Python source tree at ``root`` (the source of
    ``release``, when known: a module ``__getattr__`` that says a name was removed without
    saying when means removed by this release)."""
    scan = PythonScan()
    modules = list(_modules(root))
    trees: list[tuple[str, Path, ast.Module]] = []
    for module, file in modules:
        try:
            tree = ast.parse(file.read_text(encoding="utf-8", errors="replace"), str(file))
        except (SyntaxError, ValueError):
            continue  # Python 2-only files and the like: nothing to learn from them
        trees.append((module, file, tree))
    scan.files = len(trees)
    categories = _warning_categories([tree for _, _, tree in trees])
    packages = {module for module, file, _ in trees if file.name == "__init__.py"}
    exports = scan.exports = Exports({module: tree for module, _, tree in trees}, packages)
    found: list[Deprecation] = []
    for module, file, tree in trees:
        visitor = _ModuleScan(module, str(file.relative_to(root)), tree, categories, found)
        visitor.run(exports, release)
        scan.conditional += visitor.conditional
    # A private module's API counts where the library re-exports it (`from ._x import *`).
    for item in found:
        public = exports.public(item)
        if public is None:
            scan.private += 1
        else:
            scan.deprecations.append(public)
    return scan


def _modules(root: Path) -> Iterator[tuple[str, Path]]:
    """(dotted module name, file) for each module under ``root``'s top-level packages."""
    for file in sorted(root.rglob("*.py")):
        relative = file.relative_to(root)
        if any(part in _SKIPPED_DIRS or part.startswith(".") for part in relative.parts[:-1]):
            continue
        if file.name in _SKIPPED_FILES or file.name.startswith("test_"):
            continue
        # The module's name starts at the outermost folder that is still a package.
        package_dir = file.parent
        parts = [] if file.name == "__init__.py" else [file.stem]
        while (package_dir / "__init__.py").is_file() and package_dir != root.parent:
            parts.insert(0, package_dir.name)
            if package_dir == root:
                break
            package_dir = package_dir.parent
        if not parts or (file.parent != root and not (file.parent / "__init__.py").is_file()):
            continue
        if not all(part.isidentifier() for part in parts):
            continue
        yield ".".join(parts), file


def _name_of(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return _name_of(node.func)
    return None


def _warning_categories(trees: list[ast.Module]) -> set[str]:
    """The warning classes that mean "deprecated", including the library's own subclasses."""
    categories = set(_BASE_CATEGORIES)
    classes = [node for tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    changed = True
    while changed:
        changed = False
        for node in classes:
            if node.name not in categories and any(
                _name_of(base) in categories for base in node.bases
            ):
                categories.add(node.name)
                changed = True
    return categories


def _text(node: ast.expr | None, constants: dict[str, str]) -> str | None:
    """The text of a message expression: literals, f-strings, ``+``, ``%`` and constants."""
    if node is None:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                parts.append(value.value)
            elif isinstance(value, ast.FormattedValue):
                parts.append("{" + ast.unparse(value.value) + "}")
        return "".join(parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        left = _text(node.left, constants)
        if isinstance(node.op, ast.Mod):
            return left
        right = _text(node.right, constants)
        return left + right if left is not None and right is not None else left or right
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
    ):
        return _text(node.func.value, constants)
    if isinstance(node, ast.Call) and node.args:
        return _text(node.args[0], constants)  # DeprecationWarning("message")
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = re.sub(r"\s+", " ", text).strip()
    # Sphinx roles read better as code: :meth:`~a.b.insert_one` -> `insert_one`
    text = re.sub(r":[a-z]+:`~?([^`]*?)`", lambda m: f"`{m.group(1).split('.')[-1]}`", text)
    return text.replace("``", "`") or None


class _ModuleScan:
    def __init__(
        self,
        module: str,
        file: str,
        tree: ast.Module,
        categories: set[str],
        found: list[Deprecation],
    ) -> None:
        self.module = module
        self.file = file
        self.tree = tree
        self.categories = categories
        self.found = found
        self.conditional = 0
        self.constants = {
            target.id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            for target in node.targets
            if isinstance(target, ast.Name)
        }

        # `from deprecation import deprecated as old_style`: decorators under another name.
        self.decorator_aliases = {
            alias.asname
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
            if alias.asname and alias.name.lower().endswith("deprecated")
        }

    def run(self, exports: Exports, release: str | None) -> None:
        self._body(self.tree.body, owner=None)
        for node in self.tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                self._deprecating_call(node, node.value)
        for node in top_level(self.tree.body):  # NumPy defines it under `if ...: else:`
            if isinstance(node, ast.FunctionDef) and node.name == "__getattr__":
                _ModuleGetattr(self, node, exports, release).run()

    def _deprecating_call(self, node: ast.Assign, call: ast.Call) -> None:
        """``get_cmap = _api.deprecated("3.7", alternative=...)(_get_cmap)`` (matplotlib), or
        ``old = deprecate(new, old_name="old", new_name="new", message=...)`` (NumPy)."""
        replacement: str | None = None
        if isinstance(call.func, ast.Call) and self.is_deprecating(_name_of(call.func.func)):
            message = _clean(self._decorator_message(call.func))
            version = self._decorator_version(call.func)
        elif _name_of(call.func) in _DEPRECATE_FUNCTIONS and call.args:
            message, version = self._keyword(call, ("message",)), None
            replacement = self._keyword(call, ("new_name",)) or _name_of(call.args[0])
        else:
            return
        for target in node.targets:
            if not isinstance(target, ast.Name) or target.id.startswith("_"):
                continue
            text = message
            if text is None and replacement and replacement != target.id:
                text = f"use `{replacement}` instead"
            self.add(None, target.id, "function", node.lineno, {"decorator"}, text, version)

    def is_deprecating(self, name: str | None) -> bool:
        """Whether a decorator (or decorator factory) of this name deprecates what it wraps."""
        return name is not None and (
            name.lower().endswith("deprecated")
            or name in self.decorator_aliases
            or name in _DEPRECATE_FUNCTIONS
        )

    def _body(self, body: list[ast.stmt], owner: str | None) -> None:
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self._function(node, owner)
            elif isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                if owner is None:
                    self._class(node)
                self._body(node.body, owner=node.name if owner is None else owner)

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, owner: str | None) -> None:
        if node.name.startswith("_"):
            return
        decorators = {_name_of(d) for d in node.decorator_list}
        kind: Kind = "method" if owner else "function"
        if "property" in decorators or "cached_property" in decorators:
            kind = "property"
        if decorators & {"setter", "deleter"}:
            return  # the getter carries the deprecation
        found = self._signals(node, node.body)
        if found is not None:
            self.add(owner, node.name, kind, node.lineno, *found)

    def _class(self, node: ast.ClassDef) -> None:
        if node.name in self.categories:
            return  # the library's warning class itself
        init = next(
            (
                item
                for item in node.body
                if isinstance(item, ast.FunctionDef) and item.name == "__init__"
            ),
            None,
        )
        found = self._signals(node, init.body if init is not None else [])
        if found is not None:
            self.add(None, node.name, "class", node.lineno, *found)

    def _signals(
        self,
        node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef,
        body: list[ast.stmt],
    ) -> tuple[set[str], str | None, str | None, str | None] | None:
        """(signals, message, deprecated-in version, removed-in version) of an API."""
        signals: set[str] = set()
        message: str | None = None
        version: str | None = None
        removed: str | None = None
        for decorator in node.decorator_list:
            name = _name_of(decorator)
            if self.is_deprecating(name):
                signals.add("decorator")
                if isinstance(decorator, ast.Call):
                    message = message or _clean(self._decorator_message(decorator))
                    version = version or self._decorator_version(decorator)
        for call in self._warnings(body, conditional=False):
            signals.add("warning")
            message = message or _clean(_text(self.message_arg(call), self.constants))
        docstring = ast.get_docstring(node) or ""
        doc_message, doc_version = _docstring_deprecation(docstring)
        if doc_message is not None:
            signals.add("docstring")
            message = message or doc_message
        version = version or doc_version or _version_from_changes(docstring)
        removal = _docstring_removal(docstring)
        if removal is not None:
            signals.add("docstring")
            message = message or removal[0]
            removed = removal[1]
        if not signals:
            self.conditional += sum(1 for _ in self._warnings(body, conditional=True))
            return None
        return signals, message, version, removed

    def _warnings(self, body: list[ast.stmt], conditional: bool) -> Iterator[ast.Call]:
        """The deprecation warnings issued by ``body``: unconditional ones (statements run
        whenever the body runs) or, with ``conditional``, the ones under an if/loop/handler."""
        for statement in body:
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
                if not conditional and self.is_deprecation_warning(statement.value):
                    yield statement.value
                continue
            if isinstance(statement, (ast.With, ast.AsyncWith)):
                yield from self._warnings(statement.body, conditional)
            elif isinstance(statement, ast.Try):
                yield from self._warnings(statement.body + statement.finalbody, conditional)
                if conditional:
                    for handler in statement.handlers:
                        yield from self.nested_warnings(handler.body)
            elif conditional:
                yield from self.nested_warnings([statement])

    def nested_warnings(self, body: list[ast.stmt]) -> Iterator[ast.Call]:
        for statement in body:
            for node in ast.walk(statement):
                if isinstance(node, ast.Call) and self.is_deprecation_warning(node):
                    yield node

    def is_deprecation_warning(self, call: ast.Call) -> bool:
        function = call.func
        if isinstance(function, ast.Attribute):
            is_warn = function.attr in ("warn", "warn_explicit") and _name_of(function.value) in (
                "warnings",
                "_warnings",
            )
        else:
            is_warn = isinstance(function, ast.Name) and function.id == "warn"
        if not is_warn:
            return False
        category: ast.expr | None = call.args[1] if len(call.args) > 1 else None
        for keyword in call.keywords:
            if keyword.arg == "category":
                category = keyword.value
        if category is None and call.args and isinstance(call.args[0], ast.Call):
            category = call.args[0].func  # warn(DeprecationWarning("..."))
        return category is not None and _name_of(category) in self.categories

    @staticmethod
    def message_arg(call: ast.Call) -> ast.expr | None:
        for keyword in call.keywords:
            if keyword.arg == "message":
                return keyword.value
        return call.args[0] if call.args else None

    def _decorator_message(self, call: ast.Call) -> str | None:
        for keyword in call.keywords:
            if keyword.arg in ("reason", "details", "message", "msg"):
                return _text(keyword.value, self.constants)
        alternative = self._keyword(call, ("alternative",))
        if alternative:  # matplotlib's `_api.deprecated("3.7", alternative="x")`
            return f"use {alternative if '`' in alternative else f'`{alternative}`'} instead"
        first = _text(call.args[0], self.constants) if call.args else None
        return None if first is None or _VERSION_ONLY.match(first) else first

    def _decorator_version(self, call: ast.Call) -> str | None:
        named = self._keyword(call, ("version", "deprecated_in", "since"))
        first = _text(call.args[0], self.constants) if call.args else None
        # `@_api.deprecated("3.7")`: the version as the first argument.
        return named or (first if first is not None and _VERSION_ONLY.match(first) else None)

    def _keyword(self, call: ast.Call, names: tuple[str, ...]) -> str | None:
        for keyword in call.keywords:
            if keyword.arg in names:
                return _text(keyword.value, self.constants)
        return None

    def add(
        self,
        owner: str | None,
        name: str,
        kind: Kind,
        line: int,
        signals: set[str],
        message: str | None,
        version: str | None,
        removed: str | None = None,
        module: str | None = None,
    ) -> None:
        self.found.append(
            Deprecation(
                module=module or self.module,
                owner=owner,
                name=name,
                kind=kind,
                package=self.module.split(".")[0],
                file=self.file,
                line=line,
                message=message,
                version=version,
                removed=removed,
                signals=signals,
            )
        )


def _stated_version(verb: str) -> re.Pattern[str]:
    """`verb ... in|since [version|the] [Name] X` in one sentence: "was removed in the NumPy
    2.0 release", "has been removed from scikit-learn since version 1.2"."""
    return re.compile(
        verb + r"\b[^.]*?\b(?:in|since)\s+(?:version\s+|the\s+)?(?:[A-Za-z][\w-]*\s+)?"
        r"v?(\d+(?:\.\d+)+)",
        re.IGNORECASE,
    )


_REMOVED_IN = _stated_version(r"(?:removed|no longer available)")
_DEPRECATED_IN = _stated_version("deprecated")
_GONE = {"AttributeError", "ImportError", "ModuleNotFoundError"}


class _ModuleGetattr:
    """A module's ``def __getattr__(name)``: the names it warns about are deprecated
    attributes; the names it answers with ``AttributeError("... removed in 2.0 ...")`` are
    removals (NumPy 2.0, scikit-learn's ``load_boston``); a ``__getattr__`` that always warns
    or calls a deprecating helper (SciPy's ``scipy.ndimage.filters``-style namespaces)
    deprecates the module itself."""

    def __init__(
        self,
        scan: _ModuleScan,
        node: ast.FunctionDef,
        exports: Exports,
        release: str | None,
    ) -> None:
        self.scan = scan
        self.node = node
        self.exports = exports
        self.release = release
        self.param = node.args.args[0].arg if node.args.args else None

    def run(self) -> None:
        if self.param is None:
            return
        for test, body in _branches(self.node.body):
            names = self._tested(test)
            if names:
                self._branch(names, body, test.lineno)
        if self._always_deprecates():
            self._namespace()

    def _branch(self, names: list[str], body: list[ast.stmt], line: int) -> None:
        local = dict(self.scan.constants)
        for statement in body:
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
                target = statement.targets[0]
                text = _text(statement.value, local)
                if isinstance(target, ast.Name) and text is not None:
                    local[target.id] = text
        warning = next(self.scan.nested_warnings(body), None)
        if warning is not None:
            for name in names:
                text = self._message(self.scan.message_arg(warning), name, local)
                version = _DEPRECATED_IN.search(text or "")
                self.scan.add(
                    None, name, "attribute", line, {"getattr"}, text,
                    version.group(1) if version else None,
                )  # fmt: skip
            return
        raised = next(
            (
                node.exc
                for statement in body
                for node in ast.walk(statement)
                if isinstance(node, ast.Raise)
                and node.exc is not None
                and _name_of(node.exc) in _GONE
            ),
            None,
        )
        if not isinstance(raised, ast.Call) or not raised.args:
            return
        for name in names:
            text = self._message(raised.args[0], name, local)
            said = _REMOVED_IN.search(text or "")
            removed = said.group(1) if said else None
            if removed is None and text and re.search(r"\b(?:removed|expired)\b", text, re.I):
                removed = self.release  # gone by the release whose source this is
            if removed is not None:
                self.scan.add(None, name, "attribute", line, {"getattr"}, text, None, removed)

    def _tested(self, test: ast.expr) -> list[str]:
        """The names ``test`` compares the parameter with: ``name == "x"``,
        ``name in ("x", "y")`` or ``name in CONSTANT`` (a literal, maybe imported)."""
        if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
            return [name for value in test.values for name in self._tested(value)]
        if not isinstance(test, ast.Compare) or len(test.ops) != 1:
            return []
        left, op, right = test.left, test.ops[0], test.comparators[0]
        if isinstance(op, ast.Eq) and isinstance(left, ast.Constant):
            left, right = right, left
        if not (isinstance(left, ast.Name) and left.id == self.param):
            return []
        if isinstance(op, ast.Eq):
            value = right.value if isinstance(right, ast.Constant) else None
            return [value] if isinstance(value, str) else []
        if not isinstance(op, ast.In):
            return []
        if isinstance(right, ast.Name):
            literal = self.exports.literal(self.scan.module, right.id)
            right = literal if literal is not None else right
        names = literal_strings(right) or []
        return [name for name in names if name.isidentifier() and not name.startswith("_")]

    def _message(self, node: ast.expr | None, name: str, local: dict[str, str]) -> str | None:
        """The message for ``name``: the f-string's ``{param}`` and ``{TABLE[param]}`` filled."""
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and isinstance(node.slice, ast.Name)
            and node.slice.id == self.param
        ):
            return _clean(self._table_value(node.value.id, name))
        text = _text(node, local)
        if text is None:
            return None
        text = text.replace("{" + str(self.param) + "}", name)
        text = re.sub(
            r"\{(\w+)\[" + re.escape(str(self.param)) + r"\]\}",
            lambda match: self._table_value(match.group(1), name) or "",
            text,
        )
        return _clean(text)

    def _table_value(self, table: str, key: str) -> str | None:
        literal = self.exports.literal(self.scan.module, table)
        if not isinstance(literal, ast.Dict):
            return None
        for k, v in zip(literal.keys, literal.values, strict=True):
            if isinstance(k, ast.Constant) and k.value == key:
                return _text(v, self.scan.constants)
        return None

    def _always_deprecates(self) -> bool:
        """The body warns, or calls a deprecating helper, whatever the name."""
        for statement in self.node.body:
            if isinstance(statement, (ast.If, ast.Try, ast.For, ast.While)):
                continue
            for node in ast.walk(statement):
                if isinstance(node, ast.Call) and (
                    self.scan.is_deprecation_warning(node)
                    or "deprecat" in (_name_of(node.func) or "").lower()
                ):
                    return True
        return False

    def _namespace(self) -> None:
        """The module itself is deprecated: one API, and the package most of its names are
        imported from instead (``scipy.stats.stats`` -> ``scipy.stats``)."""
        module = self.scan.module
        if "." not in module:
            return
        homes = Counter(
            home[0]
            for name in self.exports.all_names(module) or []
            if (home := self.exports.public_elsewhere(module, name)) is not None
        )
        text = f"the `{module}` namespace is deprecated"
        if homes:
            text += f"; import its names from `{homes.most_common(1)[0][0]}` instead"
        parent, _, last = module.rpartition(".")
        self.scan.add(
            None, last, "module", self.node.lineno, {"getattr"}, text, None, module=parent
        )


def _branches(body: list[ast.stmt]) -> Iterator[tuple[ast.expr, list[ast.stmt]]]:
    """(test, body) of every ``if`` / ``elif`` in ``body``, nested ones included."""
    for statement in body:
        if isinstance(statement, ast.If):
            yield statement.test, statement.body
            yield from _branches(statement.body)
            yield from _branches(statement.orelse)
        elif isinstance(statement, (ast.Try, ast.With)):
            yield from _branches(statement.body)


def _directive_body(lines: list[str], index: int) -> str | None:
    """The indented paragraph under the directive on ``lines[index]``."""
    body: list[str] = []
    for following in lines[index + 1 :]:
        if following.strip() and not following.startswith((" ", "\t")):
            break
        if not following.strip() and body:
            break
        body.append(following)
    return _clean(" ".join(body))


def _docstring_removal(docstring: str) -> tuple[str, str] | None:
    """(the note, the version) of a ``.. versionremoved:: X`` directive."""
    lines = docstring.splitlines()
    for index, line in enumerate(lines):
        directive = _REMOVED_DIRECTIVE.match(line)
        if directive:
            return _directive_body(lines, index) or "removed", directive.group(1)
    return None


def _docstring_deprecation(docstring: str) -> tuple[str | None, str | None]:
    """(the deprecation note, its version) from ``.. deprecated::`` or ``**DEPRECATED**``."""
    lines = docstring.splitlines()
    for index, line in enumerate(lines):
        directive = _DEPRECATED_DIRECTIVE.match(line)
        if directive:
            return _directive_body(lines, index) or "deprecated", directive.group(1)
        stripped = line.strip()
        if stripped.upper().startswith("**DEPRECATED**") and not _ABOUT_ARGUMENT.search(stripped):
            note = stripped[len("**DEPRECATED**") :].lstrip(" -:\u2013\u2014")
            return _clean(note) or "deprecated", None
    return None, None


def _version_from_changes(docstring: str) -> str | None:
    """The version of a ``.. versionchanged:: X`` whose note says the API is deprecated."""
    lines = docstring.splitlines()
    for index, line in enumerate(lines):
        match = _CHANGED_DIRECTIVE.match(line)
        if match and index + 1 < len(lines):
            note = lines[index + 1].strip()
            if _DEPRECATED_LINE.match(note) and not _ABOUT_ARGUMENT.search(note):
                return match.group(1)
    return None

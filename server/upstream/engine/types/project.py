"""The project index: what other modules of the project define, for a file's inference.

``from .base import ProjectTestCase`` or ``from app.models import Order`` names a module of
the project itself: the index finds its file (relative imports from the importing file's
package; absolute ones from the importing file's folder up to the project root, and
``src/``), parses it once, and answers what a module-level name there holds (a class and
its bases, a variable's type, a function's return) with the same inference as the file
itself. Modules are cached by path and reloaded when their size or mtime changes, so one
index serves a whole ``check`` run or a language-server session.

Nothing outside the project root is read, files over ``MAX_MODULE_BYTES`` are skipped, and
resolution stops ``MAX_HOPS`` modules away (or at a cycle) with an unknown answer.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import tree_sitter

from upstream.engine.imports import find_imports
from upstream.engine.languages import LANGUAGES
from upstream.engine.types.model import TypeModel, Value
from upstream.engine.types.python import PythonTypes

MAX_MODULE_BYTES = 2 * 1024 * 1024
MAX_HOPS = 3
# Modules kept parsed at once; an editor session's imports stay well below it.
MAX_MODULES = 512


@dataclass
class _Module:
    file: str
    signature: tuple[int, int]  # size, mtime_ns
    types: PythonTypes
    # The files that resolving names in this module has read (it and the modules it
    # imports, transitively): a cached finding that used this module depends on all of them.
    depends_on: set[str] = field(default_factory=set)


class ProjectIndex:
    """Module-level facts of the Python files under ``root``, loaded on first need."""

    def __init__(self, root: Path | str | None) -> None:
        self.root = Path(root).resolve() if root is not None else None
        self._modules: dict[tuple[str, int], _Module] = {}
        self._import_lists: dict[tuple[str, int, int], frozenset[str]] = {}
        self._lock = threading.RLock()
        self._local = threading.local()

    # -- what a check asks ---------------------------------------------------------------

    def lookup(self, importer: str, path: str, model: TypeModel) -> Value | None:
        """What an import path (``.base.TestCase``, ``app.db.users``) names, or None when it
        is not the project's own or cannot be told."""
        if len(self._active()) >= MAX_HOPS:
            return None
        found = self._split(Path(importer), path)
        if found is None:
            return None
        file, names = found
        # One resolution at a time: a module's inference state is shared, and another
        # thread must not see its half-done (pending) names as unknown.
        with self._lock:
            module = self._load(file, model)
            if module is None or file in self._active():
                return None
            self._note({module.file, *module.depends_on})
            self._active().append(file)
            try:
                value = module.types.module_value(names[0])
                for name in names[1:]:
                    value = module.types.attribute(value, name)
                return value
            finally:
                self._active().pop()

    def provides(self, importer: str, imported: Iterable[str], wanted: Sequence[str]) -> bool:
        """Whether a project module the file imports (``imported``: its import paths)
        imports one of ``wanted`` itself, or through a project module it imports in turn:
        how `from .db import users` satisfies a rule's ``imports: [pymongo]``."""
        return self._provides(Path(importer), set(imported), tuple(wanted), MAX_HOPS)

    def _provides(
        self, importer: Path, imported: set[str], wanted: tuple[str, ...], hops: int
    ) -> bool:
        if hops == 0:
            return False
        for path in sorted(imported):
            file = self._module_of(importer, path)
            if file is None:
                continue
            modules = self._imports_of(file, wanted)
            if modules is None:
                continue
            self._note({file})
            if _any_of(modules, wanted):
                return True
            if self._provides(Path(file), modules, wanted, hops - 1):
                return True
        return False

    def _module_of(self, importer: Path, path: str) -> str | None:
        dots = len(path) - len(path.lstrip("."))
        parts = path[dots:].split(".") if path[dots:] else []
        for base in self._bases(importer, dots):
            file = _module_file(base, parts)
            if file is not None and self._inside(file):
                return str(file)
        return None

    def _imports_of(self, file: str, wanted: tuple[str, ...]) -> set[str] | None:
        """The modules a project file imports, when its bytes could name one of ``wanted``
        or another module (None: it cannot lead to them). Read, not parsed, when possible."""
        try:
            with open(file, "rb") as handle:
                source = handle.read(MAX_MODULE_BYTES + 1)
        except OSError:
            return None
        if len(source) > MAX_MODULE_BYTES or b"import" not in source:
            return None
        key = (file, len(source), hash(source))
        found = self._import_lists.get(key)
        if found is None:
            spec = LANGUAGES["python"]
            root = tree_sitter.Parser(spec.grammar).parse(source).root_node
            found = self._import_lists[key] = frozenset(find_imports(spec, root).modules)
        return set(found)

    @contextlib.contextmanager
    def recording(self) -> Iterator[set[str]]:
        """Collect the project files lookups read while the block runs (this thread)."""
        stack: list[set[str]] = self._recorders()
        touched: set[str] = set()
        stack.append(touched)
        try:
            yield touched
        finally:
            stack.pop()

    # -- finding a module's file ---------------------------------------------------------

    def _split(self, importer: Path, path: str) -> tuple[str, list[str]] | None:
        """(module file, the names after the module) for the longest module prefix."""
        dots = len(path) - len(path.lstrip("."))
        parts = path[dots:].split(".") if path[dots:] else []
        if len(parts) < 1:
            return None
        bases = self._bases(importer, dots)
        for cut in range(len(parts) - 1, 0 if dots == 0 else -1, -1):
            for base in bases:
                file = _module_file(base, parts[:cut])
                if file is not None and self._inside(file):
                    return str(file), parts[cut:]
        return None

    def _bases(self, importer: Path, dots: int) -> list[Path]:
        folder = importer.resolve().parent
        if dots:
            for _ in range(dots - 1):
                folder = folder.parent
            return [folder]
        if self.root is None:
            return [folder]
        bases = []
        while self._inside(folder):
            bases.append(folder)
            if folder == self.root:
                break
            folder = folder.parent
        return [*bases, self.root / "src"]

    def _inside(self, path: Path) -> bool:
        if self.root is None:
            return True
        return path == self.root or self.root in path.parents

    # -- loading modules -----------------------------------------------------------------

    def _load(self, file: str, model: TypeModel) -> _Module | None:
        try:
            stat = os.stat(file)
        except OSError:
            return None
        if stat.st_size > MAX_MODULE_BYTES:
            return None
        signature = (stat.st_size, stat.st_mtime_ns)
        key = (file, id(model))
        with self._lock:
            module = self._modules.get(key)
            if module is not None and module.signature == signature:
                return module
            try:
                with open(file, "rb") as handle:
                    source = handle.read(MAX_MODULE_BYTES + 1)
            except OSError:
                return None
            spec = LANGUAGES["python"]
            root = tree_sitter.Parser(spec.grammar).parse(source).root_node
            types = PythonTypes(spec, root, model, file)
            module = _Module(file, signature, types)
            types.project = lambda importer, path: self._from_module(module, importer, path, model)
            if len(self._modules) >= MAX_MODULES:
                self._modules.pop(next(iter(self._modules)))
            self._modules[key] = module
            return module

    def _from_module(
        self, module: _Module, importer: str, path: str, model: TypeModel
    ) -> Value | None:
        # A lookup made while resolving a name inside `module`: whatever it reads, a
        # finding that used `module` depends on too.
        with self.recording() as touched:
            value = self.lookup(importer, path, model)
        module.depends_on |= touched
        return value

    # -- per-thread state ------------------------------------------------------------------

    def _active(self) -> list[str]:
        active: list[str] | None = getattr(self._local, "active", None)
        if active is None:
            active = self._local.active = []
        return active

    def _recorders(self) -> list[set[str]]:
        recorders: list[set[str]] | None = getattr(self._local, "recorders", None)
        if recorders is None:
            recorders = self._local.recorders = []
        return recorders

    def _note(self, files: set[str]) -> None:
        for touched in self._recorders():
            touched |= files


def _any_of(modules: set[str], wanted: tuple[str, ...]) -> bool:
    return any(m == w or m.startswith(w + ".") for m in modules for w in wanted)


def _module_file(base: Path, parts: list[str]) -> Path | None:
    if not parts:
        package = base / "__init__.py"  # `from . import name`: the package itself
        return package if package.is_file() else None
    if not all(part.isidentifier() for part in parts):
        return None
    folder = base.joinpath(*parts)
    for candidate in (folder.with_suffix(".py"), folder / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


__all__ = ["ProjectIndex"]

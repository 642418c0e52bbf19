"""The project index: what other modules of the project define, for a file's inference.

``from .base import ProjectTestCase`` or ``from app.models import Order`` names a module of
the project itself: the index finds its file (relative imports from the importing file's
package; absolute ones from the importing file's folder up to the project root, and
``src/``), parses it once, and answers what a module-level name there holds (a class and
its bases, a variable's type, a function's return) with the same inference as the file
itself. In JavaScript and TypeScript, ``require("./db")`` and ``import { db } from "../db"``
name a project file the way Node and TypeScript find it (the path itself, then with
``.js``, ``.ts``, ``.tsx``, ``.mjs``, ``.cjs``, ``.jsx``, then ``index.*`` in a folder;
``./x.js`` may be ``x.ts``), and the answer is what that file exports (``module.exports``,
``exports.name = ...``, ES ``export``s). Package names (``"redis"``) are never followed.
Modules are cached by path and reloaded when their size or mtime changes, so one index
serves a whole ``check`` run or a language-server session.

Nothing outside the project root is read, files over ``MAX_MODULE_BYTES`` are skipped, and
resolution stops ``MAX_HOPS`` modules away (or at a cycle) with an unknown answer.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import tree_sitter

from upstream.engine.languages import language_for_path
from upstream.engine.types.javascript import JavaScriptTypes
from upstream.engine.types.javascript_members import (
    assigned_member_names,
    library_value,
    spelled_names,
)
from upstream.engine.types.javascript_objects import ModuleExports
from upstream.engine.types.model import TypeModel, Value
from upstream.engine.types.python import PythonTypes

MAX_MODULE_BYTES = 2 * 1024 * 1024
MAX_HOPS = 3
# Members by name whose definitions read another such member (`req.db.collection(n)`), at
# most this many deep: past it, unknown.
MAX_SHARED_NESTING = 4
# Modules kept parsed at once; an editor session's imports stay well below it.
MAX_MODULES = 512

# How many JavaScript files `set_by_importers` looks through for a module's importers.
MAX_SCANNED = 5000
MAX_VISITED = 100_000  # files and folders walked to find them
_JAVASCRIPT_SUFFIXES = (".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx")
RELATIVE = ("./", "../")

# A file's flavour of imports: how its import paths name project files.
Flavour = Literal["python", "javascript", "typescript"]
# How Node (then TypeScript) completes an import path, in the order each tries.
_SUFFIXES: dict[Flavour, tuple[str, ...]] = {
    "javascript": (".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx"),
    "typescript": (".ts", ".tsx", ".js", ".mjs", ".cjs", ".jsx"),
}
_FLAVOURS: dict[str, Flavour] = {
    "python": "python",
    "javascript": "javascript",
    "typescript": "typescript",
    "tsx": "typescript",
}


@dataclass
class _Module:
    file: str
    signature: tuple[int, int]  # size, mtime_ns
    types: PythonTypes | JavaScriptTypes
    # The files that resolving names in this module has read (it and the modules it
    # imports, transitively): a cached finding that used this module depends on all of them.
    depends_on: set[str] = field(default_factory=set)


class ProjectIndex:
    """Module-level facts of the Python files under ``root``, loaded on first need."""

    def __init__(self, root: Path | str | None) -> None:
        self.root = Path(root).resolve() if root is not None else None
        self._modules: dict[tuple[str, int], _Module] = {}
        # What `provides` learnt: import lines per module, files per import, answers.
        self._import_lists: dict[str, frozenset[str]] = {}
        self._files: dict[tuple[str, str, Flavour | None], str | None] = {}
        self._reach: dict[tuple[str, tuple[str, ...]], tuple[bool, frozenset[str]]] = {}
        self._lock = threading.RLock()
        self._local = threading.local()
        # JavaScript: the project's files, and which of them import each module.
        self._javascript_files: list[str] | None = None
        self._importers: dict[str, list[str]] = {}
        # Modules wanted by a gate -> a JavaScript file that imports one of them, or None.
        self._imported_somewhere: dict[tuple[str, ...], str | None] = {}
        # JavaScript members by name (`shared_member`): the files that may assign each, and
        # what every definition agrees on (with the files read to tell).
        self._assigners: dict[str, list[str]] | None = None
        self._spellers: dict[str, list[str]] | None = None
        self._shared: dict[tuple[str, int], tuple[Value | None, frozenset[str]]] = {}
        self._shared_pending: set[tuple[str, int]] = set()
        self._shared_cuts = 0  # answers cut short by a cycle or MAX_HOPS: not kept

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
                return _resolve(module.types, names)
            finally:
                self._active().pop()

    def provides(self, importer: str, imported: Iterable[str], wanted: Sequence[str]) -> bool:
        """Whether a project module the file imports (``imported``: its import paths)
        imports one of ``wanted`` itself, or through project modules it imports in turn
        (``MAX_HOPS`` deep): how `from .db import users` satisfies ``imports: [pymongo]``.

        Imports are read from the modules' bytes (a line-based scan, not a parse), and the
        answer for each module is kept, so a whole project costs about one read per module.
        """
        folder = os.path.dirname(os.path.abspath(importer))
        flavour = _flavour(importer)
        targets = tuple(wanted)
        if flavour == "python" and any(path.startswith(".") for path in imported):
            # `from . import schemas` lists the package ("."); the submodule is the import.
            imported = {*imported, *_relative_submodules(_read_module(importer) or b"")}
        for path in sorted(imported):
            file = self._module_of(folder, path, flavour)
            if file is not None and self._reaches(file, targets):
                return True
        return False

    def imported_in_javascript(self, wanted: Sequence[str]) -> bool:
        """Whether one of the project's JavaScript files imports one of ``wanted``: what
        the gate of a rule that asks types needs in a JavaScript file, whose values may come
        from any project file (members by name: `req.db` set in the router's middleware).
        The file that imports it is noted, so the result cache re-checks when it changes."""
        key = tuple(sorted(wanted))
        with self._lock:
            if key not in self._imported_somewhere:
                self._imported_somewhere[key] = next(
                    (f for f in self._javascript_sources() if _any_of(self._imports_of(f), key)),
                    None,
                )
            found = self._imported_somewhere[key]
        if found is not None:
            self._note({found})
        return found is not None

    def forget(self) -> None:
        """Drop what ``provides`` learnt (a module of the project was saved)."""
        with self._lock:
            self._reach.clear()
            self._import_lists.clear()
            self._files.clear()
            self._javascript_files = None
            self._importers.clear()
            self._imported_somewhere.clear()
            self._assigners = self._spellers = None
            self._shared.clear()

    def _reaches(self, start: str, wanted: tuple[str, ...]) -> bool:
        # Breadth-first from `start` alone, so the answer does not depend on which file
        # asked first (the CLI's workers must agree with one process).
        key = (start, wanted)
        with self._lock:
            known = self._reach.get(key)
            if known is None:
                known = self._search(start, wanted)
                self._reach[key] = known
        found, read = known
        self._note(set(read))
        return found

    def _search(self, start: str, wanted: tuple[str, ...]) -> tuple[bool, frozenset[str]]:
        seen, frontier = {start}, [start]
        for _ in range(MAX_HOPS):
            following: list[str] = []
            for file in frontier:
                modules = self._imports_of(file)
                if _any_of(modules, wanted):
                    return True, frozenset(seen)
                folder, flavour = os.path.dirname(file), _flavour(file)
                for path in sorted(modules):
                    found = self._module_of(folder, path, flavour)
                    if found is not None and found not in seen and len(seen) < MAX_MODULES:
                        seen.add(found)
                        following.append(found)
            frontier = following
        return False, frozenset(seen)

    def _module_of(self, folder: str, path: str, flavour: Flavour | None) -> str | None:
        """The project file an import path names, from a file in ``folder``."""
        key = (folder, path, flavour)
        if key not in self._files:
            found = None
            if flavour == "python":
                dots = len(path) - len(path.lstrip("."))
                parts = path[dots:].split(".") if path[dots:] else []
                for base in self._bases(Path(folder, "_"), dots):
                    file = _module_file(base, parts)
                    if file is not None and self._inside(file):
                        found = str(file)
                        break
            elif flavour is not None:
                found = self._javascript_file(Path(folder), path, flavour)
            self._files[key] = found
        return self._files[key]

    def _imports_of(self, file: str) -> frozenset[str]:
        """The modules a project file imports, read from its import lines."""
        found = self._import_lists.get(file)
        if found is None:
            source = _read_module(file) or b""
            python = _flavour(file) == "python"
            modules = (
                _python_imports(source) | _relative_submodules(source)
                if python
                else _javascript_imports(source)
            )
            found = self._import_lists[file] = frozenset(m for m in modules if m)
        return found

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

    def set_by_importers(
        self, file: str, function: tree_sitter.Node, name: str, model: TypeModel
    ) -> list[Value | None]:
        """The values the project's other JavaScript files set as ``X.name = v`` where ``X``
        is their ``require()`` (or default import) of ``file``, which exports ``function``:
        how ``Job.client = redis.createClient()`` in lib/kue.js tells lib/queue/job.js what
        ``Job.client`` is. The files are found by their import lines (as ``provides``
        reads them) and inferred as for ``lookup``, within the same ``MAX_HOPS``."""
        span = (function.start_byte, function.end_byte)
        return self._ask_importers(
            file, model, lambda types, target: types.members_set_on(target, span, name)
        )

    def installed_by_importers(
        self, file: str, function: tree_sitter.Node, model: TypeModel
    ) -> list[Value | None]:
        """What ``this`` is in ``function``, which ``file`` exports, for the project's other
        JavaScript files that install it on a prototype (``Agenda.prototype.cancel =
        require("./cancel")`` in lib/agenda/index.js): an instance of that class each."""
        span = (function.start_byte, function.end_byte)
        return self._ask_importers(
            file, model, lambda types, target: types.prototype_installs(target, span)
        )

    def _ask_importers(
        self,
        file: str,
        model: TypeModel,
        ask: Callable[[JavaScriptTypes, str], list[Value | None]],
    ) -> list[Value | None]:
        """``ask`` each project file that imports ``file`` (inferred as for ``lookup``)."""
        if len(self._active()) >= MAX_HOPS:
            return []
        target = str(Path(file).resolve())
        found: list[Value | None] = []
        with self._lock:
            for importer in self._importers_of(target):
                if importer in self._active():
                    continue
                module = self._load(importer, model)
                if module is None or not isinstance(module.types, JavaScriptTypes):
                    continue
                self._note({module.file, *module.depends_on})
                self._active().append(importer)
                try:
                    found += ask(module.types, target)
                finally:
                    self._active().pop()
        return found

    def _importers_of(self, file: str) -> list[str]:
        """The project's JavaScript files whose relative imports name ``file``."""
        found = self._importers.get(file)
        if found is None:
            found = []
            for candidate in self._javascript_sources():
                if candidate == file:
                    continue
                folder, flavour = os.path.dirname(candidate), _flavour(candidate)
                for path in sorted(self._imports_of(candidate)):
                    if path.startswith(RELATIVE) and self._module_of(folder, path, flavour) == file:
                        found.append(candidate)
                        break
            self._importers[file] = found
        return found

    def _javascript_sources(self) -> list[str]:
        """The JavaScript and TypeScript files under the root (not ``node_modules`` or
        hidden folders), at most ``MAX_SCANNED`` of them among the first ``MAX_VISITED``
        entries, found once."""
        if self._javascript_files is None:
            found: list[str] = []
            visited = 0
            if self.root is not None:
                for folder, folders, files in os.walk(self.root):
                    folders[:] = sorted(
                        f for f in folders if f != "node_modules" and not f.startswith(".")
                    )
                    visited += len(folders) + len(files)
                    for name in sorted(files):
                        if name.endswith(_JAVASCRIPT_SUFFIXES):
                            found.append(os.path.join(folder, name))
                    if len(found) >= MAX_SCANNED or visited >= MAX_VISITED:
                        break
            self._javascript_files = found[:MAX_SCANNED]
        return self._javascript_files

    # -- finding a module's file ---------------------------------------------------------

    def _split(self, importer: Path, path: str) -> tuple[str, list[str]] | None:
        """(module file, the names after the module) for the longest module prefix."""
        flavour = _flavour(importer)
        if flavour is None:
            return None
        if flavour != "python":
            return self._split_javascript(importer, path, flavour)
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

    def _split_javascript(
        self, importer: Path, path: str, flavour: Flavour
    ) -> tuple[str, list[str]] | None:
        """The same for ``./lib/redis.client``: inference appends member names to the
        import path with dots, and a file name may have dots of its own."""
        head, _, tail = path.rpartition("/")
        parts = tail.split(".")
        folder = str(importer.resolve().parent)
        for cut in range(len(parts), 0, -1):
            stem = ".".join(parts[:cut])
            file = self._module_of(folder, f"{head}/{stem}", flavour) if stem else None
            if file is not None:
                return file, parts[cut:]
        return None

    def _javascript_file(self, folder: Path, path: str, flavour: Flavour) -> str | None:
        """The project file a relative import path names (package names: None)."""
        if not path.startswith(("./", "../")):
            return None
        base = folder / path
        suffixes = _SUFFIXES[flavour]
        candidates = []
        if not path.endswith("/"):  # `require("./lib/")` is the folder's index only
            candidates = [base] if base.suffix in suffixes else []
            if base.suffix == ".js":  # TypeScript's ESM spelling of `./x.ts`
                candidates += [base.with_suffix(".ts"), base.with_suffix(".tsx")]
            candidates += [base.with_name(base.name + suffix) for suffix in suffixes]
        candidates += [base / f"index{suffix}" for suffix in suffixes]
        for candidate in candidates:
            if candidate.is_file():
                resolved = candidate.resolve()
                return str(resolved) if self._inside(resolved) else None
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
            source = _read_module(file)
            spec = language_for_path(file)
            if source is None or spec is None:
                return None
            root = tree_sitter.Parser(spec.grammar).parse(source).root_node
            types: PythonTypes | JavaScriptTypes
            if spec.name == "python":
                types = PythonTypes(spec, root, model, file)
            else:
                types = JavaScriptTypes(spec, root, model, file)
            module = _Module(file, signature, types)
            types.project = lambda importer, path: self._from_module(module, importer, path, model)
            if isinstance(types, JavaScriptTypes):
                types.elsewhere = lambda function, name: self._set_for_module(
                    module, function, name, model
                )
                types.installed = lambda function: self._installed_for_module(
                    module, function, model
                )
                types.shared = lambda name: self._shared_for_module(module, name, model)
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

    def _set_for_module(
        self, module: _Module, function: tree_sitter.Node, name: str, model: TypeModel
    ) -> list[Value | None]:
        # As `_from_module`: what the importers read, a finding that used `module` read too.
        with self.recording() as touched:
            values = self.set_by_importers(module.file, function, name, model)
        module.depends_on |= touched
        return values

    def _installed_for_module(
        self, module: _Module, function: tree_sitter.Node, model: TypeModel
    ) -> list[Value | None]:
        with self.recording() as touched:
            values = self.installed_by_importers(module.file, function, model)
        module.depends_on |= touched
        return values

    def _shared_for_module(self, module: _Module, name: str, model: TypeModel) -> Value | None:
        with self.recording() as touched:
            value = self.shared_member(name, model)
        module.depends_on |= touched
        return value

    # -- JavaScript members by name --------------------------------------------------------

    def shared_member(self, name: str, model: TypeModel) -> Value | None:
        """The library type every definition of a member ``name`` in the project's
        JavaScript files gives (engine/types/javascript_members.py), else None: what
        ``req.db`` is in a route handler when only middleware sets ``req.db = client.db()``.
        Kept per name; an answer a cycle or ``MAX_HOPS`` cut short is not."""
        key = (name, id(model))
        with self._lock:
            known = self._shared.get(key)
            if known is None:
                if key in self._shared_pending:
                    self._shared_cuts += 1
                    return None
                cuts = self._shared_cuts
                self._shared_pending.add(key)
                try:
                    with self.recording() as touched:
                        found = self._shared_definitions(name, model)
                    known = (found, frozenset(touched))
                finally:
                    self._shared_pending.discard(key)
                if self._shared_cuts == cuts:
                    self._shared[key] = known
        value, read = known
        self._note(set(read))
        return value

    def _shared_definitions(self, name: str, model: TypeModel) -> Value | None:
        """What the definitions of member ``name`` agree on: the files assigning it first,
        then every other file that spells the name (up to the first that disagrees)."""
        assigning = self._member_assigners().get(name, [])
        if not assigning:
            return None
        files = self._definitions_in(assigning, name, model)
        value = library_value(files)
        if value is None:
            return None
        others = [file for file in self._member_spellers().get(name, []) if file not in assigning]
        return library_value([value, *self._definitions_in(others, name, model)])

    def _definitions_in(
        self, files: list[str], name: str, model: TypeModel
    ) -> Iterator[Value | None]:
        """What each definition of member ``name`` in ``files`` gives, file by file (None:
        unknown, also for a file that cannot be read). A module already being inferred may
        be asked again: its own pending expressions are unknown, as in one file."""
        if len(self._shared_pending) > MAX_SHARED_NESTING:
            self._shared_cuts += 1
            yield None
            return
        for file in files:
            module = self._load(file, model)
            if module is None or not isinstance(module.types, JavaScriptTypes):
                yield None
                return
            # Noted first: the answer may stop at this file. What inferring it reads is
            # noted by the lookups themselves.
            self._note({module.file, *module.depends_on})
            yield from module.types.member_definitions(name)

    def _member_assigners(self) -> dict[str, list[str]]:
        """Member name -> the project's JavaScript files that may assign it (one scan)."""
        if self._assigners is None:
            found: dict[str, list[str]] = {}
            for file in self._javascript_sources():
                for name in assigned_member_names(_read_module(file) or b""):
                    found.setdefault(name, []).append(file)
            self._assigners = found
        return self._assigners

    def _member_spellers(self) -> dict[str, list[str]]:
        """Assigned member name -> the files that spell it other than as ``x.name``: the
        ones that may define it otherwise. One more scan, on the first name that needs it."""
        if self._spellers is None:
            names = frozenset(name.encode() for name in self._member_assigners())
            found: dict[str, list[str]] = {}
            for file in self._javascript_sources():
                for name in spelled_names(_read_module(file) or b"", names):
                    found.setdefault(name, []).append(file)
            self._spellers = found
        return self._spellers

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


# `import a.b, c` and `from .x import y` at the start of a line (also indented: imports in
# functions and `try` blocks count). A scan, not a parse: a gate may read a few too many.
_IMPORT_LINE = re.compile(
    rb"^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import\b|import[ \t]+([\w.]+(?:[ \t]*,[ \t]*[\w.]+)*))",
    re.MULTILINE,
)
# `require("x")`, `import("x")`, `import "x"`, `... from "x"` (imports and re-exports).
_JS_IMPORT = re.compile(
    rb"""(?:\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s*|\bfrom\s*)(["'])([^"'\n]+)\1"""
)


def _python_imports(source: bytes) -> set[str]:
    modules: set[str] = set()
    for match in _IMPORT_LINE.finditer(source):
        if match.group(1) is not None:
            modules.add(match.group(1).decode("ascii", "replace"))
        else:
            for part in match.group(2).split(b","):
                modules.add(part.strip().split()[0].decode("ascii", "replace"))
    return modules


# `from . import schemas`, `from .app import (models,\n crud)`: the names may be submodules.
_RELATIVE_FROM = re.compile(
    rb"^[ \t]*from[ \t]+(\.+[\w.]*)[ \t]+import[ \t]*(\([^)]*\)|[^\n;#]*)", re.MULTILINE
)


def _relative_submodules(source: bytes) -> set[str]:
    """``.schemas`` for ``from . import schemas``: the module a name of a relative import
    is when the package has a file of that name (a candidate; unresolved ones are dropped)."""
    modules: set[str] = set()
    for match in _RELATIVE_FROM.finditer(source):
        base = match.group(1).decode("ascii", "replace")
        separator = "" if base.endswith(".") else "."
        names = re.sub(rb"#[^\n]*", b"", match.group(2)).strip(b"() \t\n")
        for part in names.split(b","):
            words = part.split()
            name = words[0].decode("ascii", "replace") if words else ""
            if name.isidentifier():
                modules.add(f"{base}{separator}{name}")
    return modules


def _javascript_imports(source: bytes) -> set[str]:
    return {match.group(2).decode("utf-8", "replace") for match in _JS_IMPORT.finditer(source)}


def _flavour(file: str | Path) -> Flavour | None:
    spec = language_for_path(file)
    return _FLAVOURS.get(spec.name) if spec is not None else None


def _resolve(types: PythonTypes | JavaScriptTypes, names: list[str]) -> Value | None:
    """What ``names`` (none: the module itself, ``require("./db")``) of a module hold."""
    if not names:
        value = types.module_object() if isinstance(types, JavaScriptTypes) else None
        # Its own exports object: the importer keeps the path and asks for each name.
        return None if value is not None and isinstance(value.definition, ModuleExports) else value
    value = types.module_value(names[0])
    for name in names[1:]:
        value = types.attribute(value, name)
    return value


def _read_module(file: str) -> bytes | None:
    """A module's bytes: a regular file within MAX_MODULE_BYTES, else None."""
    try:
        if not stat.S_ISREG(os.stat(file).st_mode):
            return None
        with open(file, "rb") as handle:
            source = handle.read(MAX_MODULE_BYTES + 1)
    except OSError:
        return None
    return source if len(source) <= MAX_MODULE_BYTES else None


def _any_of(modules: Iterable[str], wanted: tuple[str, ...]) -> bool:
    # `pymongo.errors`, `@redis/client/dist/x`: submodules of a package count.
    return any(m == w or m.startswith((w + ".", w + "/")) for m in modules for w in wanted)


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

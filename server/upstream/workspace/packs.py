"""Which packs apply to a project: bundled, config, lock, command line, editor, workspace.

Every entry point (``check``, ``rules``, ``eval``, ``export``, ``mcp``, the language server)
asks ``select_packs``; none of them decides this itself. The order, and what wins:

1. bundled packs: all of them, or the ones named by ``--pack NAME`` (any), else by the config's
   ``packs``, else by the editor's ``packs`` setting; none with ``--no-bundled``;
2. the config's ``pack-paths``; 3. ``--pack DIR``; 4. the editor's ``packPaths``;
5. pack folders found in the workspace (editor ``workspacePacks``);
6. packs that installed libraries ship (``workspace.library_packs``; config ``library-packs``):
   a library's pack replaces the bundled pack of its name;
7. packs pinned in ``upstream.lock``: a locked pack replaces the bundled or library pack of
   its name.

Each replacement is one note (``PackSelection.notes``).

A folder named twice is loaded once.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from upstream.errors import Problem, UsageError
from upstream.packs import MANIFEST, bundled_pack_paths
from upstream.packs.locked import OFFLINE_FLAG, LockedPacks, locked_pack_paths
from upstream.project.config import ProjectConfig
from upstream.project.environment import Environment
from upstream.scan import DEFAULT_EXCLUDES
from upstream.workspace.library_packs import LibraryPack, find_library_packs

_WORKSPACE_PACK_DEPTH = 6


@dataclass(frozen=True)
class PackRequest:
    """What an entry point asks for on top of the project's config and lock."""

    # ``--pack NAME|DIR``: a bundled pack's name selects it (only named bundled packs then
    # load); a folder adds that pack.
    packs: tuple[str, ...] = ()
    bundled: bool = True  # False: --no-bundled
    # The editor's ``packs`` setting: bundled packs by name (the config's ``packs`` wins).
    bundled_names: tuple[str, ...] | None = None
    paths: tuple[Path, ...] = ()  # the editor's ``packPaths``, resolved
    workspace_packs: bool = False
    offline: bool = False  # never fetch a locked pack missing from the cache
    offline_reason: str = OFFLINE_FLAG  # said of a locked pack that was not fetched
    # The Python environment the editor names (an interpreter or a virtualenv folder).
    interpreter: Path | None = None


@dataclass(frozen=True)
class PackSource:
    """One pack folder and why it is loaded."""

    path: Path
    origin: str  # "bundled", "config", "--pack", "editor", "workspace", "library" or "lock"
    detail: str = ""  # for a library pack: which package, which version, installed where


@dataclass(frozen=True)
class PackSelection:
    sources: tuple[PackSource, ...] = ()
    # Locked packs that could not be made available (their rules are missing).
    problems: tuple[Problem, ...] = ()
    # Names that match no bundled pack: an error on the command line, a warning in an editor.
    unknown: tuple[str, ...] = ()
    # One line for each pack that replaces another of its name.
    notes: tuple[str, ...] = ()

    @property
    def paths(self) -> tuple[Path, ...]:
        return tuple(source.path for source in self.sources)


def bundled_by_name() -> dict[str, Path]:
    return {path.name: path for path in bundled_pack_paths()}


def _pack_argument(value: str, available: dict[str, Path]) -> str | Path:
    """A ``--pack`` value: a bundled pack's name (str) or a pack folder (Path)."""
    if value in available and not Path(value).is_dir():
        return value
    if Path(value).exists() or os.sep in value or value.startswith("."):
        return Path(value)
    raise UsageError(
        f"no bundled pack or pack folder {value!r} (bundled: {', '.join(sorted(available))})"
    )


def split_pack_arguments(values: Sequence[str]) -> tuple[list[str], list[Path]]:
    """``--pack`` values as bundled names and pack folders."""
    available = bundled_by_name()
    parsed = [_pack_argument(value, available) for value in values]
    names = [item for item in parsed if isinstance(item, str)]
    return names, [item for item in parsed if isinstance(item, Path)]


def named_pack_folders(values: Sequence[str]) -> list[Path]:
    """Exactly the packs named (bundled names or folders), in the order given."""
    available = bundled_by_name()
    parsed = (_pack_argument(value, available) for value in values)
    return [available[item] if isinstance(item, str) else item for item in parsed]


def select_packs(
    config: ProjectConfig,
    start: Path | None,
    request: PackRequest,
    environment: Environment | None = None,
) -> PackSelection:
    """The packs that apply under ``start`` (a file or folder; None: no project), with the
    packs the libraries installed in ``environment`` ship."""
    names, folders = split_pack_arguments(request.packs)
    # A file outside any project (start None) has no lock, unless a config file names one.
    locked = (
        locked_pack_paths(config, start, request.offline, request.offline_reason)
        if start is not None or config.source is not None
        else LockedPacks()
    )
    libraries, problems = _library_packs(config, environment)
    notes: list[str] = []
    for pack in libraries:
        if pack.name in locked.paths:
            notes.append(f"pack {pack.name}: the locked pack replaces the {pack.describe()}")
    libraries = [pack for pack in libraries if pack.name not in locked.paths]
    by_library = {pack.name: pack for pack in libraries}
    sources: list[PackSource] = []
    unknown: list[str] = []
    if request.bundled:
        available = bundled_by_name()
        wanted: Sequence[str] | None = names or config.packs
        if wanted is None:
            wanted = request.bundled_names
        if wanted is None:
            wanted = sorted(available)
        for name in wanted:
            if name not in available:
                unknown.append(name)
            elif name in by_library:
                notes.append(
                    f"pack {name}: the {by_library[name].describe()} replaces the bundled one"
                )
            elif name in locked.paths:
                notes.append(f"pack {name}: the locked pack replaces the bundled one")
            else:
                sources.append(PackSource(available[name], "bundled"))
    sources.extend(PackSource(path, "config") for path in config.pack_path_list())
    sources.extend(PackSource(path, "--pack") for path in folders)
    sources.extend(PackSource(path, "editor") for path in request.paths)
    if request.workspace_packs and start is not None:
        root = start if start.is_dir() else start.parent
        sources.extend(PackSource(path, "workspace") for path in find_workspace_packs(root))
    sources.extend(PackSource(pack.path, "library", pack.describe()) for pack in libraries)
    sources.extend(PackSource(path, "lock") for path in locked.paths.values())
    unique: dict[Path, PackSource] = {}
    for source in sources:
        unique.setdefault(source.path.resolve(), source)
    return PackSelection(
        tuple(replace(source, path=path) for path, source in unique.items()),
        (*locked.problems, *problems),
        tuple(unknown),
        tuple(notes),
    )


def _library_packs(
    config: ProjectConfig, environment: Environment | None
) -> tuple[list[LibraryPack], list[Problem]]:
    if environment is None or config.library_packs is False:
        return [], []
    found, problems = find_library_packs(environment)
    if isinstance(config.library_packs, list):
        wanted = set(config.library_packs)
        found = [pack for pack in found if pack.name in wanted or pack.package in wanted]
    return found, problems


def unknown_names_message(selection: PackSelection, config: ProjectConfig) -> str | None:
    """One line for the first pack name that matches no bundled pack."""
    if not selection.unknown:
        return None
    where = f"{config.source}: packs: " if config.source and config.packs else ""
    bundled = ", ".join(sorted(bundled_by_name()))
    return f"{where}no bundled pack {selection.unknown[0]!r} (bundled: {bundled})"


def find_workspace_packs(root: Path) -> list[Path]:
    """Folders holding a pack.yaml under ``root`` (not inside .git, node_modules, ...)."""
    found = []
    root_depth = len(root.parts)
    for directory, dirnames, filenames in os.walk(root):
        here = Path(directory)
        if MANIFEST in filenames:
            found.append(here)
        if len(here.parts) - root_depth >= _WORKSPACE_PACK_DEPTH:
            dirnames[:] = []
        else:
            dirnames[:] = sorted(d for d in dirnames if d not in DEFAULT_EXCLUDES)
    return sorted(found)

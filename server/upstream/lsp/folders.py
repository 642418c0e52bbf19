"""Per workspace folder: its editor settings and the workspace resolved for it.

Each folder of a multi-root workspace resolves its own config file, lock and manifests with
the same resolver as ``upstream check``. Compiled rule sets are shared between folders that
load the same packs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from upstream.engine import CheckOptions, ProjectIndex
from upstream.errors import Problem
from upstream.lsp.settings import EditorSettings
from upstream.packs import LoadedRules, Rule
from upstream.packs.cached import DiskPackCache
from upstream.project.config import ProjectConfig
from upstream.project.versions import VersionResolver
from upstream.workspace import CheckSettings, PackRequest, Workspace, resolve_workspace
from upstream.workspace.version_report import LibraryVersion, library_version


@dataclass
class Folder:
    """What checking a file under ``root`` needs."""

    root: Path | None
    settings: EditorSettings
    workspace: Workspace
    loaded: LoadedRules
    # Caches manifests across checks; installed versions win over them.
    resolver: VersionResolver = field(init=False)
    # The folder's own modules, followed by type inference; reloaded as they change.
    project: ProjectIndex = field(init=False)

    def __post_init__(self) -> None:
        self.resolver = VersionResolver(installed=self.workspace.settings.installed)
        self.project = ProjectIndex(self.root)

    @property
    def config(self) -> ProjectConfig:
        return self.workspace.config

    @property
    def pack_paths(self) -> tuple[Path, ...]:
        return self.workspace.packs.paths

    @property
    def messages(self) -> tuple[str, ...]:
        return (*self.workspace.messages, *self.workspace.packs.notes)

    def options(self) -> CheckOptions:
        return self.workspace.settings.options(self.resolver, self.project)

    def fingerprint(self) -> tuple[object, ...]:
        """Equal for two folders that would check every file the same way."""
        return (
            self.root,
            self.settings.model_dump_json(),
            self.config.model_dump_json(),
            self.pack_paths,
            id(self.loaded),
        )

    def contains(self, path: Path) -> bool:
        return self.root is None or path == self.root or self.root in path.parents

    def gate_versions(self, rule: Rule | None, path: Path) -> tuple[LibraryVersion, ...]:
        """The versions ``rule``'s version gate saw for ``path``, with their sources."""
        if rule is None:
            return ()
        requirements = rule.requirements()
        libraries = dict.fromkeys((r.ecosystem, r.name) for r in requirements)
        folder = self.root if self.root is not None else path.parent
        return tuple(
            library_version(
                self.resolver, self.workspace.environment, library, path, relative_to=folder
            )
            for library in libraries
        )


class RuleSetCache:
    """Compiled rule sets keyed by the packs they load and any unsaved pack text."""

    def __init__(self) -> None:
        self._entries: dict[tuple[object, ...], LoadedRules] = {}

    def get(self, workspace: Workspace, overlay: Mapping[Path, str]) -> LoadedRules:
        paths = workspace.packs.paths
        relevant = tuple(
            sorted(
                (str(file), text)
                for file, text in overlay.items()
                if any(root in file.parents for root in paths)
            )
        )
        # A library's pack stays in one folder across versions: its version is in `detail`.
        sources = tuple((source.path, source.detail) for source in workspace.packs.sources)
        key = (sources, workspace.packs.problems, relevant)
        loaded = self._entries.get(key)
        if loaded is None:
            # Each language's query is built when its first document is checked.
            loaded = workspace.load_rules(dict(overlay), lazy=True, cache=DiskPackCache())
            self._entries[key] = loaded
        return loaded

    def clear(self) -> None:
        self._entries.clear()


def build_folder(
    root: Path | None,
    settings: EditorSettings,
    cache: RuleSetCache,
    overlay: Mapping[Path, str],
) -> Folder:
    base = root or Path.cwd()
    request = PackRequest(
        bundled_names=tuple(settings.packs) if settings.packs is not None else None,
        paths=tuple((base / extra).resolve() for extra in settings.pack_paths),
        workspace_packs=settings.workspace_packs,
        interpreter=(base / settings.python_environment) if settings.python_environment else None,
        # An editor never waits on the network: `upstream pack add` or `pack verify` fill
        # the cache, and a locked pack missing from it is shown on upstream.lock.
        offline=True,
        offline_reason="the language server does not fetch packs",
    )
    check = CheckSettings(
        ignore=tuple(settings.disable),
        severity=dict(settings.severity),
        unknown_version=settings.unknown_version,
        max_bytes=settings.max_file_size,
    )
    workspace = resolve_workspace(root, request, check, lenient=True)
    return Folder(root, settings, workspace, cache.get(workspace, overlay))


def pack_of(path: Path, folders: list[Folder]) -> Path | None:
    """The loaded pack folder that ``path`` belongs to, if any."""
    for folder in folders:
        for pack in folder.pack_paths:
            if pack in path.parents:
                return pack
    return None


def problems_by_file(folders: list[Folder]) -> dict[Path, list[Problem]]:
    result: dict[Path, list[Problem]] = {}
    for folder in folders:
        for problem in folder.loaded.problems:
            result.setdefault(Path(problem.path).resolve(), []).append(problem)
    return result

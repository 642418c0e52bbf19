"""Per workspace folder: its settings, project config, packs, versions and check options.

Each folder of a multi-root workspace resolves its own config file and manifests. Compiled
rule sets are shared between folders that load the same packs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from upstream.engine.runner import CheckOptions
from upstream.errors import ConfigError, Problem
from upstream.lsp.settings import EditorSettings
from upstream.packs import LoadedRules, bundled_pack_paths, load_rule_set
from upstream.packs.loader import MANIFEST
from upstream.project.config import ProjectConfig, find_config, load_config, names_rule
from upstream.project.versions import VersionResolver
from upstream.walk import DEFAULT_EXCLUDES

_WORKSPACE_PACK_DEPTH = 6


@dataclass
class Folder:
    """What checking a file under ``root`` needs."""

    root: Path | None
    settings: EditorSettings
    config: ProjectConfig
    pack_paths: tuple[Path, ...]
    loaded: LoadedRules
    resolver: VersionResolver = field(default_factory=VersionResolver)
    messages: list[str] = field(default_factory=list)

    def options(self) -> CheckOptions:
        severity = {**self.config.severity, **self.settings.severity}
        unknown = self.settings.unknown_version or self.config.unknown_version

        def enabled(rule_id: str) -> bool:
            return self.config.is_enabled(rule_id) and not names_rule(
                self.settings.disable, rule_id
            )

        return CheckOptions(
            versions=self.resolver.satisfies,
            apply_when_version_unknown=unknown == "apply",
            is_enabled=enabled,
            severity_overrides=severity,
        )

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


class RuleSetCache:
    """Compiled rule sets keyed by the packs they load and any unsaved pack text."""

    def __init__(self) -> None:
        self._entries: dict[tuple[object, ...], LoadedRules] = {}

    def get(self, paths: tuple[Path, ...], overlay: Mapping[Path, str]) -> LoadedRules:
        relevant = tuple(
            sorted(
                (str(file), text)
                for file, text in overlay.items()
                if any(root in file.parents for root in paths)
            )
        )
        key = (paths, relevant)
        loaded = self._entries.get(key)
        if loaded is None:
            # Each language's query is built when its first document is checked.
            loaded = load_rule_set(list(paths), dict(overlay), lazy=True)
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
    messages: list[str] = []
    config_path = find_config(root) if root is not None else None
    try:
        config = load_config(config_path)
    except ConfigError as error:
        messages.append(f"{error} (using defaults)")
        config = ProjectConfig()
    paths = _pack_paths(root, settings, config, messages)
    loaded = cache.get(paths, overlay)
    return Folder(root, settings, config, paths, loaded, messages=messages)


def _pack_paths(
    root: Path | None, settings: EditorSettings, config: ProjectConfig, messages: list[str]
) -> tuple[Path, ...]:
    bundled = bundled_pack_paths()
    wanted = config.packs if config.packs is not None else settings.packs
    if wanted is not None:
        by_name = {path.name: path for path in bundled}
        for name in wanted:
            if name not in by_name:
                messages.append(f"no bundled pack {name!r} (bundled: {', '.join(sorted(by_name))})")
        bundled = [by_name[name] for name in wanted if name in by_name]
    paths: list[Path] = [*bundled, *config.pack_path_list()]
    base = root or Path.cwd()
    paths.extend((base / extra).resolve() for extra in settings.pack_paths)
    if settings.workspace_packs and root is not None:
        paths.extend(find_workspace_packs(root))
    unique: dict[Path, None] = {}
    for path in paths:
        unique.setdefault(path.resolve(), None)
    return tuple(unique)


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

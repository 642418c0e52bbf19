"""One answer to "what applies under this folder?" for every entry point.

``resolve_workspace`` reads the project's config and lock once and returns the packs, the
check settings and the files to watch. The command line and the language server only turn
their flags or editor settings into its arguments (as ``ruff check`` and ``ruff server``
share ``ruff_workspace``'s resolver).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from upstream.engine.compiler import QueryCache
from upstream.errors import ConfigError, UsageError
from upstream.packs import LoadedRules, load_rule_set
from upstream.packs.cached import DiskPackCache
from upstream.project.config import ProjectConfig, find_config, load_config
from upstream.project.environment import Environment, find_environment
from upstream.workspace.packs import PackRequest, PackSelection, select_packs, unknown_names_message
from upstream.workspace.settings import CheckSettings
from upstream.workspace.watch import PROJECT_FILE_GLOBS

# What marks the top of a project (for following imports into its own modules).
PROJECT_MARKERS = (
    "upstream.toml",
    "pyproject.toml",
    "setup.py",
    "setup.cfg",
    "package.json",
    ".git",
)


@dataclass(frozen=True)
class Workspace:
    """What checking a file under ``root`` needs."""

    root: Path | None  # where the resolution started; None: a file outside any project
    config: ProjectConfig
    packs: PackSelection
    settings: CheckSettings
    environment: Environment = field(default_factory=Environment)
    # What was replaced by a default (lenient resolution only), one line each.
    messages: tuple[str, ...] = ()
    watch: tuple[str, ...] = PROJECT_FILE_GLOBS

    @property
    def project_root(self) -> Path | None:
        """The folder whose modules imports are followed into (engine/types/project.py):
        the nearest one at or above ``root`` with a project file, else the folder above
        ``root``'s package (the one an import of that package starts from)."""
        if self.root is None:
            return None
        folder = (self.root if self.root.is_dir() else self.root.parent).resolve()
        for candidate in (folder, *folder.parents):
            if any((candidate / marker).exists() for marker in PROJECT_MARKERS):
                return candidate
        while (folder / "__init__.py").is_file() and folder.parent != folder:
            folder = folder.parent
        return folder

    def load_rules(
        self,
        overlay: Mapping[Path, str] | None = None,
        lazy: bool = False,
        validated: QueryCache | None = None,
        cache: DiskPackCache | None = None,
    ) -> LoadedRules:
        """The selected packs, loaded and compiled; a locked pack that is missing is a problem."""
        loaded = load_rule_set(list(self.packs.paths), overlay, lazy, validated, cache)
        return LoadedRules(loaded.rule_set, (*self.packs.problems, *loaded.problems))


def resolve_workspace(
    start: Path | None,
    packs: PackRequest | None = None,
    check: CheckSettings | None = None,
    config_file: Path | None = None,
    lenient: bool = False,
) -> Workspace:
    """Resolve what applies at ``start`` (a file or folder).

    ``config_file``: use this config instead of the nearest one. ``check``: the entry point's
    own settings; its ``config`` is replaced by the project's. ``lenient`` (the editor): a
    broken config or an unknown pack name is a message and defaults are used; otherwise it
    raises ``ConfigError`` or ``UsageError``.
    """
    messages: list[str] = []
    if config_file is None and start is not None:
        config_file = find_config(start)
    try:
        config = load_config(config_file)
    except ConfigError as error:
        if not lenient:
            raise
        messages.append(f"{error} (using defaults)")
        config = ProjectConfig()
    request = packs or PackRequest()
    environment = (
        find_environment(start, request.interpreter)
        if start is not None or request.interpreter is not None
        else Environment()
    )
    selection = select_packs(config, start, request, environment)
    unknown = unknown_names_message(selection, config)
    if unknown is not None:
        if not lenient:
            raise UsageError(unknown)
        messages.append(unknown)
    return Workspace(
        root=start,
        config=config,
        packs=selection,
        settings=replace(
            check or CheckSettings(), config=config, installed=environment.installed_versions()
        ),
        environment=environment,
        messages=tuple(messages),
    )

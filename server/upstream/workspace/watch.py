"""The project files whose change means packs, options or versions must be resolved again.

Derived from the manifest table (``upstream.project.manifests.KINDS``), the config file names
and the lock, so a manifest kind added there is watched without another list to update.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path

from upstream.packs.lockfile import LOCK_FILE
from upstream.project.config import CONFIG_FILES
from upstream.project.manifests import KINDS

__all__ = ["PROJECT_FILE_GLOBS", "is_project_file"]


def _globs() -> tuple[str, ...]:
    globs = [f"**/{name}" for name in (*CONFIG_FILES, LOCK_FILE)]
    for kinds in KINDS.values():
        for kind in kinds:
            folder = f"{kind.subdirectory}/" if kind.subdirectory else ""
            globs.append(f"**/{folder}{kind.pattern}")
    return tuple(dict.fromkeys(globs))


# What installing, upgrading or removing a package touches: a Python distribution's
# dist-info folder, npm's record of node_modules.
ENVIRONMENT_GLOBS = (
    "**/*.dist-info",
    "**/*.dist-info/METADATA",
    "**/node_modules/.package-lock.json",
)

# For an editor's workspace/didChangeWatchedFiles registration.
PROJECT_FILE_GLOBS = (*_globs(), *ENVIRONMENT_GLOBS)


def is_project_file(path: Path) -> bool:
    """Whether ``path`` is a config file, the lock, a manifest of any ecosystem, or what a
    package install changes in the environment."""
    if path.name in CONFIG_FILES or path.name == LOCK_FILE:
        return True
    if path.suffix == ".dist-info" or (
        path.name == "METADATA" and path.parent.suffix == ".dist-info"
    ):
        return True
    if path.name == ".package-lock.json" and path.parent.name == "node_modules":
        return True
    return any(
        fnmatch.fnmatchcase(path.name, kind.pattern)
        and (not kind.subdirectory or path.parent.name == kind.subdirectory)
        for kinds in KINDS.values()
        for kind in kinds
    )

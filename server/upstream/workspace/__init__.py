"""What applies to a project: packs, check settings and watched files, resolved once.

The command line, the language server, ``eval``, ``export`` and ``mcp`` all ask
``resolve_workspace``; see ``resolver`` for the inputs and ``packs`` for the pack order.
"""

from __future__ import annotations

from upstream.workspace.packs import (
    PackRequest,
    PackSelection,
    PackSource,
    bundled_by_name,
    find_workspace_packs,
    named_pack_folders,
    split_pack_arguments,
)
from upstream.workspace.resolver import Workspace, resolve_workspace
from upstream.workspace.settings import CheckSettings
from upstream.workspace.watch import PROJECT_FILE_GLOBS, is_project_file

__all__ = [
    "PROJECT_FILE_GLOBS",
    "CheckSettings",
    "PackRequest",
    "PackSelection",
    "PackSource",
    "Workspace",
    "bundled_by_name",
    "find_workspace_packs",
    "is_project_file",
    "named_pack_folders",
    "resolve_workspace",
    "split_pack_arguments",
]

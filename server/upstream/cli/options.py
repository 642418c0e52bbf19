"""Options shared by several commands, and the one way they reach the workspace resolver."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TypeAlias

from upstream.packs import LoadedRules
from upstream.packs.cached import DiskPackCache
from upstream.packs.validated import DiskQueryCache
from upstream.workspace import CheckSettings, PackRequest, Workspace, resolve_workspace

# argparse's subparsers action is generic only to type checkers.
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def add_pack_options(parser: argparse.ArgumentParser) -> None:
    """``--pack NAME|DIR`` (repeatable) and ``--no-bundled``, read by ``resolve``."""
    parser.add_argument(
        "--pack",
        action="append",
        default=[],
        metavar="NAME|DIR",
        help="a bundled pack by name (only the named bundled packs load) or a pack folder "
        "to add (repeatable)",
    )
    parser.add_argument("--no-bundled", action="store_true", help="don't load the bundled packs")


def split_values(values: list[str] | None) -> list[str]:
    """``--select a,b --select c`` as ``[a, b, c]``."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def resolve(
    args: argparse.Namespace,
    start: Path,
    check: CheckSettings | None = None,
    config_file: Path | None = None,
    packs: tuple[str, ...] | None = None,
) -> Workspace:
    """The workspace at ``start`` as this command's pack options ask for it."""
    request = PackRequest(
        packs=tuple(str(value) for value in (args.pack if packs is None else packs)),
        bundled=not getattr(args, "no_bundled", False),
        offline=getattr(args, "offline", False),
    )
    return resolve_workspace(start, request, check or CheckSettings(), config_file)


def load_rules(workspace: Workspace) -> LoadedRules:
    """The workspace's packs, loaded; each pack left out is one line on stderr."""
    loaded = workspace.load_rules(validated=DiskQueryCache(), cache=DiskPackCache())
    for note in workspace.packs.notes:
        print(f"upstream: note: {note}", file=sys.stderr)
    for problem in loaded.problems:
        print(f"upstream: pack skipped: {problem}", file=sys.stderr)
    return loaded

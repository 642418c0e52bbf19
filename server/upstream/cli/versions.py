"""``upstream versions [PATH]``: the version of each library the packs ask about, as the
version gates see it from PATH, and the file (and line) it came from."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from upstream.cli.exit_codes import EXIT_CLEAN, EXIT_ERROR
from upstream.cli.options import Subcommands, add_pack_options, load_rules, resolve
from upstream.errors import UsageError
from upstream.project.versions import VersionResolver
from upstream.workspace.version_report import LibraryVersion, asked_libraries, library_version

ORDER = "the installed environment first, then the nearest lockfile, then the nearest manifest"


def add_parser(commands: Subcommands) -> None:
    parser = commands.add_parser(
        "versions",
        help="show the library versions the rules' version gates see, and where they come from",
    )
    parser.add_argument("path", nargs="?", default=".", help="a file or folder (default: .)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    add_pack_options(parser)


def run(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if not path.exists():
        raise UsageError(f"{path}: no such file or folder")
    workspace = resolve(args, path)
    loaded = load_rules(workspace)
    resolver = VersionResolver(installed=workspace.settings.installed)
    unknown = workspace.settings.unknown_version_policy
    folder = path if path.is_dir() else path.parent
    found = []
    for library, gated in asked_libraries(loaded.rule_set.packs).items():
        found.append(
            library_version(
                resolver,
                workspace.environment,
                library,
                path,
                relative_to=folder,
                gated=gated,
                apply_when_unknown=unknown == "apply",
            )
        )
    if args.format == "json":
        print(json.dumps([_as_json(version) for version in found], indent=2))
    else:
        _print_text(path, found, unknown)
    return EXIT_ERROR if loaded.problems else EXIT_CLEAN


def _print_text(path: Path, found: list[LibraryVersion], unknown: str) -> None:
    if not found:
        print("No rule in the loaded packs has a version gate.")
        return
    print(f"Versions seen from {path} ({ORDER}):")
    width = max(len(f"{v.name} ({v.ecosystem.value})") for v in found)
    version_width = max(len(v.version) for v in found)
    for version in found:
        library = f"{version.name} ({version.ecosystem.value})"
        if version.allowed is None:
            source = f'unknown-version = "{unknown}" decides'
        else:
            source = f"{version.origin}: {version.where}" if version.where else version.origin
        counts = f"{len(version.applying)} of {len(version.rules)} gated rules apply"
        print(f"  {library:<{width}}  {version.version:<{version_width}}  {counts:<28} {source}")


def _as_json(version: LibraryVersion) -> dict[str, Any]:
    return {
        "ecosystem": version.ecosystem.value,
        "name": version.name,
        "version": version.version if version.allowed is not None else None,
        "exact": version.allowed is not None and version.allowed.exact is not None,
        "mentioned": version.mentioned,
        "origin": version.origin or None,
        "where": version.where or None,
        "rules": list(version.rules),
        "applying": list(version.applying),
    }

"""Packs that installed libraries ship: found in the project's environment, never imported.

A Python distribution declares one with an entry point in the group ``upstream.packs`` whose
value is the package holding ``pack.yaml`` (``acme = "acme._rules"``); an npm package with
``"upstream": {"pack": "<folder>"}`` in its ``package.json``. Only files are read: a library
whose ``__init__`` raises still gives its pack.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from upstream.errors import PackError, Problem
from upstream.packs import MANIFEST, is_pack
from upstream.packs.archive import check_limits, pack_files
from upstream.packs.distribution import ENTRY_POINT_GROUP
from upstream.project.environment import Distribution, Environment, NodePackage

__all__ = ["LibraryPack", "find_library_packs", "pack_identity"]


@dataclass(frozen=True)
class LibraryPack:
    name: str  # the pack's name as the library declares it
    path: Path
    package: str  # the distribution or npm package that ships it
    version: str  # the installed version of that package
    installed_in: Path  # its site-packages or node_modules folder

    def describe(self) -> str:
        return f"library {self.package} {self.version} from {self.installed_in}"


def find_library_packs(environment: Environment) -> tuple[list[LibraryPack], list[Problem]]:
    """The packs of every installed library that declares one; a broken declaration is one
    problem and the others are still found."""
    found: list[LibraryPack] = []
    problems: list[Problem] = []
    for distribution in environment.distributions:
        for name, value in distribution.entry_points(ENTRY_POINT_GROUP).items():
            folder = _python_pack_folder(distribution, value)
            if folder is None:
                where = distribution.dist_info / "entry_points.txt"
                message = f"[{ENTRY_POINT_GROUP}] {name} = {value}: no pack.yaml in {value}"
                problems.append(Problem(where, None, message))
                continue
            found.append(
                LibraryPack(
                    _pack_name(folder, name),
                    folder,
                    distribution.name,
                    distribution.version,
                    distribution.site_packages,
                )
            )
    for package in environment.node_packages:
        declared = package.manifest.get("upstream")
        if declared is None:
            continue
        pack = declared.get("pack") if isinstance(declared, dict) else None
        folder = _npm_pack_folder(package, pack)
        if folder is None:
            message = f'"upstream": {{"pack": ...}} must name a pack folder inside {package.name}'
            problems.append(Problem(package.folder / "package.json", None, message))
            continue
        found.append(
            LibraryPack(
                _pack_name(folder, package.name),
                folder,
                package.name,
                package.version,
                package.folder.parent,
            )
        )
    kept: list[LibraryPack] = []
    for pack in found:
        problem = _over_limits(pack.path)
        if problem is None:
            kept.append(pack)
        else:
            problems.append(problem)
    return kept, problems


def _over_limits(folder: Path) -> Problem | None:
    """A library's pack gets the limits a downloaded archive gets, and no symlinks."""
    try:
        check_limits(folder, pack_files(folder))
    except PackError as error:
        return error.problems[0]
    return None


def _python_pack_folder(distribution: Distribution, value: str) -> Path | None:
    module = value.split(":", 1)[0].strip()
    if not module or not all(part.isidentifier() for part in module.split(".")):
        return None
    relative = Path(*module.split("."))
    for base in _import_roots(distribution):
        if is_pack(base / relative):
            return base / relative
    return None


def _import_roots(distribution: Distribution) -> Iterator[Path]:
    """site-packages, then the folders its .pth files add (editable installs)."""
    site = distribution.site_packages
    yield site
    for pth in sorted(site.glob("*.pth")):
        try:
            lines = pth.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for line in lines:
            line = line.strip()
            # `import ...` lines are code; upstream never runs them.
            if line and not line.startswith(("#", "import ", "import\t")) and Path(line).is_dir():
                yield Path(line)


def _npm_pack_folder(package: NodePackage, pack: object) -> Path | None:
    if not isinstance(pack, str):
        return None
    root = package.folder.resolve()
    folder = (root / pack).resolve()
    if folder != root and root not in folder.parents:
        return None  # a pack must live inside its package
    return folder if is_pack(folder) else None


def _pack_name(folder: Path, default: str) -> str:
    return pack_identity(folder)[0] or default


def pack_identity(folder: Path) -> tuple[str | None, str | None]:
    """``name`` and ``version`` from the folder's pack.yaml (None where unreadable), without
    validating the pack (the loader does that)."""
    try:
        manifest = yaml.safe_load((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None, None
    if not isinstance(manifest, dict):
        return None, None
    name, version = manifest.get("name"), manifest.get("version")
    return (
        name if isinstance(name, str) and name else None,
        version if isinstance(version, str) and version else None,
    )

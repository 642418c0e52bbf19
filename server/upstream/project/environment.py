"""The project's installed packages, read from files: nothing is imported or run.

Python: the environment is, in this order, the one the editor names (an interpreter or a
virtualenv folder), ``$UPSTREAM_PYTHON_ENVIRONMENT`` (the same, or ``none``: no environment),
the nearest ``.venv`` or ``venv`` (a folder with ``pyvenv.cfg``) at or above the checked
path, or ``$VIRTUAL_ENV``. Its ``site-packages`` hold one ``*.dist-info``
folder per installed distribution (``METADATA``, ``entry_points.txt``).

npm: the ``node_modules`` folders at and above the checked path, nearest first, as Node
resolves a package name from that folder.
"""

from __future__ import annotations

import configparser
import functools
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from packaging.utils import canonicalize_name

__all__ = [
    "ENVIRONMENT_VARIABLE",
    "Distribution",
    "Environment",
    "NodePackage",
    "find_environment",
]

_VENV_NAMES = (".venv", "venv")
# An interpreter or virtualenv folder to use, or "none"; wins over .venv, venv, $VIRTUAL_ENV.
ENVIRONMENT_VARIABLE = "UPSTREAM_PYTHON_ENVIRONMENT"
# A package.json larger than this is not a package's manifest worth reading.
_MAX_MANIFEST_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Distribution:
    """One installed Python distribution, from its ``*.dist-info`` folder."""

    name: str  # as METADATA spells it
    version: str
    dist_info: Path
    site_packages: Path

    def entry_points(self, group: str) -> dict[str, str]:
        """The entry points of ``group``: name -> value (``module`` or ``module:attr``)."""
        file = self.dist_info / "entry_points.txt"
        parser = configparser.ConfigParser(delimiters=("=",), interpolation=None)
        parser.optionxform = str  # type: ignore[assignment,method-assign]  # keep the case
        try:
            parser.read_string(file.read_text(encoding="utf-8"), str(file))
        except (OSError, UnicodeDecodeError, configparser.Error):
            return {}
        if not parser.has_section(group):
            return {}
        return {name.strip(): value.strip() for name, value in parser.items(group)}


@dataclass(frozen=True)
class NodePackage:
    """One package under a ``node_modules`` folder."""

    name: str
    version: str
    folder: Path
    manifest: dict[str, object]


@dataclass(frozen=True)
class Environment:
    """Where the project's installed packages are, and how that was decided."""

    python_prefix: Path | None = None
    python_source: str = ""  # "setting", ".venv", "venv" or "$VIRTUAL_ENV"
    site_packages: tuple[Path, ...] = ()
    node_modules: tuple[Path, ...] = ()  # nearest first

    # Read once per resolution: the version gates and the library packs both ask.
    @functools.cached_property
    def distributions(self) -> tuple[Distribution, ...]:
        """Every installed distribution with readable metadata, each name once."""
        found: dict[str, Distribution] = {}
        for site in self.site_packages:
            for dist_info in sorted(site.glob("*.dist-info")):
                metadata = _read_metadata(dist_info / "METADATA")
                if metadata is not None:
                    name, version = metadata
                    found.setdefault(
                        canonicalize_name(name), Distribution(name, version, dist_info, site)
                    )
        return tuple(found.values())

    @functools.cached_property
    def node_packages(self) -> tuple[NodePackage, ...]:
        """Every package Node would resolve from the checked folder, nearest first."""
        found: dict[str, NodePackage] = {}
        for modules in self.node_modules:
            for folder in _package_folders(modules):
                manifest = _read_json(folder / "package.json")
                name = manifest.get("name") if manifest is not None else None
                version = manifest.get("version") if manifest is not None else None
                if manifest is not None and isinstance(name, str) and isinstance(version, str):
                    found.setdefault(name, NodePackage(name, version, folder, manifest))
        return tuple(found.values())

    def installed_versions(self) -> dict[tuple[str, str], str]:
        """(ecosystem, normalized name) -> installed version, for version gates."""
        versions: dict[tuple[str, str], str] = {}
        for package in self.node_packages:
            versions[("npm", package.name)] = package.version
        for distribution in self.distributions:
            versions[("pypi", canonicalize_name(distribution.name))] = distribution.version
        return versions


def find_environment(start: Path | None, interpreter: Path | None = None) -> Environment:
    """The environment for code at ``start`` (see the module docstring for the order)."""
    prefix, source = _python_prefix(start, interpreter)
    modules: list[Path] = []
    if start is not None:
        folder = start if start.is_dir() else start.parent
        for candidate in (folder.resolve(), *folder.resolve().parents):
            if (candidate / "node_modules").is_dir():
                modules.append(candidate / "node_modules")
    sites = _site_packages(prefix) if prefix is not None else ()
    return Environment(prefix, source, sites, tuple(modules))


def _python_prefix(start: Path | None, interpreter: Path | None) -> tuple[Path | None, str]:
    if interpreter is not None:
        prefix = _prefix_of(interpreter)
        if prefix is not None:
            return prefix, "setting"
    chosen = os.environ.get(ENVIRONMENT_VARIABLE, "")
    if chosen.lower() == "none":
        return None, ""
    if chosen:
        prefix = _prefix_of(Path(chosen))
        if prefix is not None:
            return prefix, f"${ENVIRONMENT_VARIABLE}"
    if start is not None:
        folder = start if start.is_dir() else start.parent
        for candidate in (folder.resolve(), *folder.resolve().parents):
            for name in _VENV_NAMES:
                if (candidate / name / "pyvenv.cfg").is_file():
                    return candidate / name, name
    active = os.environ.get("VIRTUAL_ENV")
    if active and Path(active).is_dir():
        return Path(active), "$VIRTUAL_ENV"
    return None, ""


def _prefix_of(interpreter: Path) -> Path | None:
    """A virtualenv folder as given, or the one an interpreter in its bin/ belongs to."""
    if interpreter.is_dir():
        return interpreter
    if interpreter.parent.name in ("bin", "Scripts"):
        return interpreter.parent.parent
    return None


def _site_packages(prefix: Path) -> tuple[Path, ...]:
    found = sorted(prefix.glob("lib/python3*/site-packages"))
    found += sorted(prefix.glob("Lib/site-packages"))  # Windows
    return tuple(path for path in found if path.is_dir())


def _read_metadata(path: Path) -> tuple[str, str] | None:
    """``Name`` and ``Version`` from a METADATA file's headers."""
    name = version = None
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if not line.strip():
                    break  # the headers end at the first blank line
                key, _, value = line.partition(":")
                if key == "Name":
                    name = value.strip()
                elif key == "Version":
                    version = value.strip()
    except OSError:
        return None
    return (name, version) if name and version else None


def _package_folders(modules: Path) -> Iterator[Path]:
    try:
        entries = sorted(modules.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.name.startswith("@"):
            try:
                yield from sorted(child for child in entry.iterdir() if child.is_dir())
            except OSError:
                continue
        elif entry.is_dir():
            yield entry


def _read_json(path: Path) -> dict[str, object] | None:
    try:
        if path.stat().st_size > _MAX_MANIFEST_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return data if isinstance(data, dict) else None

"""npm manifests: package.json (ranges) and the npm, pnpm and yarn lockfiles (exact versions).

Names are kept as written (`@scope/name`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml
from packaging.version import Version

from upstream.project.manifests.model import (
    Entries,
    Manifest,
    VersionRange,
    _add,
    _load_json,
    _pinned_text,
    _ranged,
    _table,
)
from upstream.project.npm_range import parse_npm_range, semver_to_version

__all__ = [
    "parse_package_json",
    "parse_package_lock",
    "parse_pnpm_lock",
    "parse_yarn_lock",
]

_NPM_SECTIONS = ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")


def parse_package_json(path: Path) -> Manifest:
    """package.json: the four dependency sections, values as npm ranges."""
    entries: Entries = {}
    data = _load_json(path)
    for section in _NPM_SECTIONS:
        for name, spec in _table(data.get(section)).items():
            if not isinstance(spec, str):
                continue
            found = _ranged(parse_npm_range(spec), path)
            _add(entries, name, found)
            if spec.startswith("npm:") and spec.rfind("@") > 4:
                # An alias installs the real package too; gate rules on either name.
                _add(entries, spec[4 : spec.rfind("@")], found)
    return Manifest(entries)


def _npm_locked(info: object, source: Path) -> VersionRange | None:
    version = _table(info).get("version")
    if not isinstance(version, str):
        return None
    if version.startswith("npm:"):  # v1 aliases: "npm:real@1.2.3"
        version = version[version.rfind("@") + 1 :]
    return _pinned_text(version, source, semver_to_version)


def parse_package_lock(path: Path) -> Manifest:
    """package-lock.json / npm-shrinkwrap.json, v1 `dependencies` or v2/v3 `packages`."""
    entries: Entries = {}
    data = _load_json(path)
    prefix = "node_modules/"
    for key, info in _table(data.get("packages")).items():
        name = key[len(prefix) :]
        # Only top-level installs: nested copies serve other packages, not the project.
        if key.startswith(prefix) and prefix not in name and not _table(info).get("link"):
            _add(entries, name, _npm_locked(info, path))
    for name, info in _table(data.get("dependencies")).items():
        if name not in entries:
            _add(entries, name, _npm_locked(info, path))
    return Manifest(entries)


_PNPM_VERSION = re.compile(r"(?:^|@)(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)")
_PNPM_V5_KEY = re.compile(r"^/?((?:@[^/]+/)?[^/@]+)/(\d[^/]*)$")


def _pnpm_version(text: str) -> Version | None:
    """`1.2.3(peer@1.0.0)` (v6+), `1.2.3_peer@1.0.0` (v5), `/alias@1.2.3`; not `link:..`."""
    match = _PNPM_VERSION.search(text)
    return semver_to_version(match.group(1)) if match else None


def _pnpm_key(key: str) -> tuple[str, str] | None:
    """(name, version) from a packages key: `/name/1.2.3` (v5), `/name@1.2.3`, `name@1.2.3(..)`."""
    v5 = _PNPM_V5_KEY.match(key)
    if v5:
        return v5.group(1), v5.group(2)
    key = key.lstrip("/").split("(", 1)[0]
    at = key.rfind("@")
    return (key[:at], key[at + 1 :]) if at > 0 else None


def _pnpm_direct(data: Mapping[str, Any]) -> Iterator[tuple[str, object]]:
    importers = [data, *_table(data.get("importers")).values()]
    for importer in importers:
        for section in ("dependencies", "devDependencies", "optionalDependencies"):
            for name, value in _table(_table(importer).get(section)).items():
                yield name, _table(value).get("version") if isinstance(value, Mapping) else value


def parse_pnpm_lock(path: Path) -> Manifest:
    """pnpm-lock.yaml (v5, v6, v9): direct dependencies of every importer, then `packages`."""
    entries: Entries = {}
    data = _table(yaml.safe_load(path.read_text(encoding="utf-8")))
    for name, version in _pnpm_direct(data):
        pin = _pnpm_version(version) if isinstance(version, str) else None
        _add(entries, name, VersionRange.pinned(pin, path) if pin else None)
    transitive: Entries = {}
    for key in _table(data.get("packages")):
        parsed = _pnpm_key(str(key))
        if parsed is not None:
            _add(transitive, parsed[0], _pinned_text(parsed[1], path, _pnpm_version))
    for name, found in transitive.items():
        if entries.get(name) is None:
            entries[name] = found
    return Manifest(entries)


_YARN_VERSION = re.compile(r'^ {2}version:?\s+"?([^"\s]+)"?\s*$')
_YARN_LOCAL = ("workspace:", "link:", "portal:", "file:")


def _yarn_names(header: str) -> list[str]:
    """Package names from a yarn.lock entry header (`"a@^1", a@~1.1:` / `"a@npm:^1":`)."""
    names = []
    for descriptor in header.rstrip().rstrip(":").replace('"', "").split(","):
        descriptor = descriptor.strip()
        at = descriptor.find("@", 1)  # skip a scope's leading "@"
        if at > 0 and not descriptor[at + 1 :].startswith(_YARN_LOCAL):
            names.append(descriptor[:at])
    return names


def parse_yarn_lock(path: Path) -> Manifest:
    """yarn.lock, classic (v1) and berry: entry headers then an indented `version`."""
    entries: Entries = {}
    current: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = _yarn_names(line)
            continue
        version = _YARN_VERSION.match(line)
        if version and current:
            for name in current:
                _add(entries, name, _pinned_text(version.group(1), path, semver_to_version))
            current = []
    return Manifest(entries)

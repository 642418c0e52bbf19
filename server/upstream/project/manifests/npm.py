"""npm manifests: package.json (ranges) and the npm, pnpm and yarn lockfiles (exact versions).

Names are kept as written (`@scope/name`). A workspace root names its members in
package.json's `workspaces` (npm, yarn) or in pnpm-workspace.yaml; its lockfile holds
every member's versions, some of them per member (`Manifest.scopes`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from packaging.version import Version

from upstream.project.manifests.model import (
    Entries,
    Manifest,
    VersionRange,
    _add,
    _first_line,
    _pinned_text,
    _ranged,
    _strings,
    _table,
)
from upstream.project.npm_range import parse_npm_range, semver_to_version

__all__ = [
    "parse_package_json",
    "parse_package_lock",
    "parse_pnpm_lock",
    "parse_pnpm_workspace",
    "parse_yarn_lock",
]

_NPM_SECTIONS = ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")


def _json_key(name: str) -> re.Pattern[str]:
    return re.compile(rf'"{re.escape(name)}"\s*:')


def _dependency_line(lines: Sequence[str], section: str, name: str) -> int | None:
    """The line of `"name":` after the line that opens `"section":` in a JSON file."""
    opened = _first_line(lines, _json_key(section))
    return None if opened is None else _first_line(lines, _json_key(name), opened)


def _workspaces(data: Mapping[str, Any]) -> tuple[str, ...]:
    """package.json `workspaces`: a list of globs, or yarn's `{"packages": [...]}`."""
    value = data.get("workspaces")
    return tuple(_strings(_table(value).get("packages") if isinstance(value, Mapping) else value))


def parse_package_json(path: Path) -> Manifest:
    """package.json: the four dependency sections, values as npm ranges; `workspaces`."""
    text = path.read_text(encoding="utf-8")
    data = _table(json.loads(text))
    lines = text.splitlines()
    entries: Entries = {}
    for section in _NPM_SECTIONS:
        for name, spec in _table(data.get(section)).items():
            if not isinstance(spec, str):
                continue
            found = _ranged(parse_npm_range(spec), path, _dependency_line(lines, section, name))
            _add(entries, name, found)
            if spec.startswith("npm:") and spec.rfind("@") > 4:
                # An alias installs the real package too; gate rules on either name.
                _add(entries, spec[4 : spec.rfind("@")], found)
    return Manifest(entries, members=_workspaces(data))


def parse_pnpm_workspace(path: Path) -> Manifest:
    """pnpm-workspace.yaml: the member globs under `packages` (no dependencies of its own)."""
    data = _table(yaml.safe_load(path.read_text(encoding="utf-8")))
    return Manifest(members=tuple(_strings(data.get("packages"))))


def _npm_locked(info: object, source: Path, line: int | None = None) -> VersionRange | None:
    version = _table(info).get("version")
    if not isinstance(version, str):
        return None
    if version.startswith("npm:"):  # v1 aliases: "npm:real@1.2.3"
        version = version[version.rfind("@") + 1 :]
    return _pinned_text(version, source, semver_to_version, line)


_JSON_OBJECT_KEY = re.compile(r'^\s*"([^"]+)"\s*:\s*\{')
_NODE_MODULES = "node_modules/"


def _object_key_lines(text: str) -> dict[str, int]:
    """Each `"key": {` of a JSON file -> its first line (package-lock keys are unique)."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = _JSON_OBJECT_KEY.match(line)
        if match:
            found.setdefault(match.group(1), number)
    return found


def _installed_at(key: str) -> tuple[str, str] | None:
    """(member folder or "", package name) for a package-lock v2/v3 `packages` key:
    `node_modules/a` is hoisted to the root, `packages/app/node_modules/a` is the app's
    own copy; a copy nested under another package serves that package only."""
    folder, marker, name = key.rpartition(_NODE_MODULES)
    if not marker or _NODE_MODULES in folder or not name:
        return None
    return folder.rstrip("/"), name


def parse_package_lock(path: Path) -> Manifest:
    """package-lock.json / npm-shrinkwrap.json, v1 `dependencies` or v2/v3 `packages`."""
    text = path.read_text(encoding="utf-8")
    data = _table(json.loads(text))
    key_lines = _object_key_lines(text)
    manifest = Manifest()
    for key, info in _table(data.get("packages")).items():
        installed = _installed_at(key)
        if installed is None or _table(info).get("link"):
            continue
        folder, name = installed
        found = _npm_locked(info, path, key_lines.get(key))
        _add(manifest.scopes.setdefault(folder, {}) if folder else manifest.entries, name, found)
    for name, info in _table(data.get("dependencies")).items():
        if name not in manifest.entries:
            _add(manifest.entries, name, _npm_locked(info, path))
    return manifest


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


_PNPM_SECTIONS = ("dependencies", "devDependencies", "optionalDependencies")


def _pnpm_importers(data: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(importer folder, its table): v5/v6 single-project locks have the root's sections
    at the top; workspace locks have `importers` keyed by folder (`.` is the root)."""
    yield ".", data
    for folder, importer in _table(data.get("importers")).items():
        yield str(folder), _table(importer)


def _pnpm_direct(importer: Mapping[str, Any]) -> Iterator[tuple[str, object]]:
    for section in _PNPM_SECTIONS:
        for name, value in _table(importer.get(section)).items():
            yield name, _table(value).get("version") if isinstance(value, Mapping) else value


_YAML_KEY = re.compile(r"""^( *)['"]?([^'"\s][^'"]*?)['"]?:(?:\s|$)""")


def _pnpm_lines(text: str) -> dict[tuple[str, str], int]:
    """(importer folder, package) -> the line naming a direct dependency, in one pass."""
    found: dict[tuple[str, str], int] = {}
    top = importer = ""
    for number, line in enumerate(text.splitlines(), 1):
        match = _YAML_KEY.match(line)
        if match is None:
            continue
        indent, key = len(match.group(1)), match.group(2)
        if indent == 0:
            top, importer = key, "." if key in _PNPM_SECTIONS else ""
        elif top == "importers" and indent == 2:
            importer = key
        elif importer and indent == (2 if top != "importers" else 6):
            found.setdefault((importer, key), number)
    return found


def parse_pnpm_lock(path: Path) -> Manifest:
    """pnpm-lock.yaml (v5, v6, v9): direct dependencies of every importer, then `packages`.

    The root's entries hold every importer's direct dependencies (a union); each member's
    own are also in `scopes`, so a file in that member sees its own versions.
    """
    text = path.read_text(encoding="utf-8")
    data = _table(yaml.safe_load(text))
    lines = _pnpm_lines(text)
    manifest = Manifest()
    entries = manifest.entries
    for folder, importer in _pnpm_importers(data):
        for name, version in _pnpm_direct(importer):
            pin = _pnpm_version(version) if isinstance(version, str) else None
            found = VersionRange.pinned(pin, path, lines.get((folder, name))) if pin else None
            _add(entries, name, found)
            if folder != ".":
                _add(manifest.scopes.setdefault(folder, {}), name, found)
    transitive: Entries = {}
    for key in _table(data.get("packages")):
        parsed = _pnpm_key(str(key))
        if parsed is not None:
            _add(transitive, parsed[0], _pinned_text(parsed[1], path, _pnpm_version))
    for name, found in transitive.items():
        if entries.get(name) is None:
            entries[name] = found
    return manifest


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
    header = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current, header = _yarn_names(line), number
            continue
        version = _YARN_VERSION.match(line)
        if version and current:
            for name in current:
                found = _pinned_text(version.group(1), path, semver_to_version, header)
                _add(entries, name, found)
            current = []
    return Manifest(entries)

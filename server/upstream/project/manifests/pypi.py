"""PyPI manifests: pyproject.toml (PEP 621/735, Poetry, uv workspaces) and lockfiles.

Requirement files live in `requirements`, setup.py and setup.cfg in `setuptools_files`.

Names are PEP 503 normalized.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from upstream.files import parse_toml
from upstream.project.manifests.model import (
    Entries,
    Manifest,
    TablePath,
    VersionRange,
    _add,
    _pep440,
    _pinned_text,
    _ranged,
    _strings,
    _table,
    _TomlLines,
)
from upstream.project.manifests.requirements import (
    RequirementsReader,
    add_pep508,
    parse_requirements_txt,
    project_root,
)
from upstream.project.npm_range import caret_set, tilde_set

__all__ = [
    "parse_pipfile_lock",
    "parse_pyproject",
    "parse_python_lock",
    "parse_requirements_txt",
    "poetry_constraint",
]

logger = logging.getLogger("upstream.project")


_POETRY_OPERATOR_SPACE = re.compile(r"(===|==|!=|~=|<=|>=|<|>|=|\^|~)\s+")


def _poetry_term(token: str) -> SpecifierSet:
    if token == "*":
        return SpecifierSet()
    if token.startswith("^"):
        version = Version(token[1:])
        return caret_set(version, len(version.release))
    if token.startswith("~") and not token.startswith("~="):
        version = Version(token[1:])
        return tilde_set(version, len(version.release))
    if token.startswith("=") and not token.startswith("=="):
        token = "=" + token
    elif token[0].isdigit():
        token = "==" + token  # Poetry reads a bare version as exact
    return SpecifierSet(token)


def poetry_constraint(text: str) -> list[SpecifierSet] | None:
    """A Poetry constraint (`^1.2`, `~1.2.3`, `>=1,<2`, `1.2.*`, `a || b`) as a union."""
    union: list[SpecifierSet] = []
    try:
        for alternative in re.split(r"\|\|?", text):
            result = SpecifierSet()
            for token in re.split(r"[,\s]+", _POETRY_OPERATOR_SPACE.sub(r"\1", alternative)):
                if token:
                    result &= _poetry_term(token)
            union.append(result)
    except (InvalidSpecifier, InvalidVersion):
        return None
    return union


def _poetry_value(value: object, source: Path, line: int | None = None) -> VersionRange | None:
    """A Poetry dependency value: a constraint string, a table, or a list of tables."""
    if isinstance(value, str):
        return _ranged(poetry_constraint(value), source, line)
    if isinstance(value, Mapping):
        # git / path / url dependencies carry no comparable version.
        version = value.get("version")
        if isinstance(version, str):
            return _ranged(poetry_constraint(version), source, line)
        return None
    if isinstance(value, list):
        found = [_poetry_value(item, source) for item in value]
        known = [item for item in found if item is not None]
        if known and len(known) == len(found):
            alternatives = (s for item in known for s in item.alternatives)
            return VersionRange.of(alternatives, source, line)
    return None


def _poetry_sections(poetry: Mapping[str, Any]) -> Iterator[tuple[TablePath, Mapping[str, Any]]]:
    for name in ("dependencies", "dev-dependencies"):
        yield ("tool", "poetry", name), _table(poetry.get(name))
    for group, table in _table(poetry.get("group")).items():
        yield ("tool", "poetry", "group", group, "dependencies"), _table(table.get("dependencies"))


def _requirement_lists(data: Mapping[str, Any]) -> list[object]:
    project = _table(data.get("project"))
    lists = [project.get("dependencies"), *_table(project.get("optional-dependencies")).values()]
    lists += _table(data.get("dependency-groups")).values()
    return lists


def _listed_files(value: object) -> list[str]:
    """A file list as packaging tools spell it: one name or a list of names."""
    if isinstance(value, str):
        return [value]
    return list(_strings(value))


def _requirement_files(data: Mapping[str, Any]) -> list[str]:
    """Requirement files the pyproject's build backend reads its dependencies from:
    setuptools' `dynamic` `file =` and the hatch-requirements-txt hook's `files`."""
    tool = _table(data.get("tool"))
    dynamic = _table(_table(tool.get("setuptools")).get("dynamic"))
    found = _listed_files(_table(dynamic.get("dependencies")).get("file"))
    for extra in _table(dynamic.get("optional-dependencies")).values():
        found += _listed_files(_table(extra).get("file"))
    hook = _table(_table(_table(_table(tool.get("hatch")).get("metadata")).get("hooks")))
    requirements_txt = _table(hook.get("requirements_txt"))
    found += _listed_files(requirements_txt.get("files"))
    for files in _table(requirements_txt.get("optional-dependencies")).values():
        found += _listed_files(files)
    return found


def _workspace_members(data: Mapping[str, Any], poetry: Mapping[str, Any]) -> tuple[str, ...]:
    """Folders whose dependencies this project's lockfile also pins: uv workspace members
    (and exclusions), uv path sources and Poetry path dependencies (a Poetry monorepo)."""
    uv = _table(_table(data.get("tool")).get("uv"))
    workspace = _table(uv.get("workspace"))
    members = list(_strings(workspace.get("members")))
    members += [f"!{pattern}" for pattern in _strings(workspace.get("exclude"))]
    sources = [_table(value).get("path") for value in _table(uv.get("sources")).values()]
    for _, section in _poetry_sections(poetry):
        sources += [_table(value).get("path") for value in section.values()]
    members += [source for source in sources if isinstance(source, str)]
    return tuple(members)


def parse_pyproject(path: Path) -> Manifest:
    """pyproject.toml: PEP 621 (and optional) dependencies, PEP 735 groups, Poetry tables,
    requirement files the build backend reads, workspace members."""
    text = path.read_text(encoding="utf-8")
    data = parse_toml(text)
    lines = _TomlLines(text)
    manifest = Manifest()
    for requirements in _requirement_lists(data):
        for requirement in _strings(requirements):
            add_pep508(manifest.entries, requirement, path, lines.string(requirement))
    poetry = _table(_table(data.get("tool")).get("poetry"))
    for table, section in _poetry_sections(poetry):
        for name, value in section.items():
            if name.lower() != "python":  # the interpreter, not a package
                found = _poetry_value(value, path, lines.key(table, name))
                _add(manifest.entries, canonicalize_name(name), found)
    files = _requirement_files(data)
    if files:
        reader = RequirementsReader(manifest, project_root(path))
        for name in files:
            reader.read(path.parent / name)
        reader.finish()
    manifest.members = _workspace_members(data, poetry)
    return manifest


_LOCK_NAME = re.compile(r"""^\s*name\s*=\s*["']([^"']+)["']""")


def _lock_name_lines(text: str) -> dict[str, int]:
    """Normalized package name -> the line of its first `name = "..."` in a TOML lockfile."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = _LOCK_NAME.match(line)
        if match:
            lines.setdefault(canonicalize_name(match.group(1)), number)
    return lines


def parse_python_lock(path: Path) -> Manifest:
    """poetry.lock and uv.lock: `[[package]]` tables with `name` and `version`."""
    text = path.read_text(encoding="utf-8")
    name_lines = _lock_name_lines(text)
    entries: Entries = {}
    packages = parse_toml(text).get("package")
    for package in packages if isinstance(packages, list) else []:
        name = _table(package).get("name")
        if isinstance(name, str):
            normalized = canonicalize_name(name)
            version = _table(package).get("version")
            found = _pinned_text(version, path, _pep440, name_lines.get(normalized))
            _add(entries, normalized, found)
    return Manifest(entries)


_JSON_OBJECT_KEY = re.compile(r'^\s*"([^"]+)"\s*:\s*\{')


def parse_pipfile_lock(path: Path) -> Manifest:
    """Pipfile.lock: `default` and `develop` maps of name -> {"version": "==X"}."""
    text = path.read_text(encoding="utf-8")
    key_lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = _JSON_OBJECT_KEY.match(line)
        if match:
            key_lines.setdefault(match.group(1), number)
    entries: Entries = {}
    data = _table(json.loads(text))
    for section in ("default", "develop"):
        for name, info in _table(data.get(section)).items():
            version = _table(info).get("version")
            found = None
            if isinstance(version, str):
                try:
                    found = VersionRange.of([SpecifierSet(version)], path, key_lines.get(name))
                except InvalidSpecifier:
                    found = None
            _add(entries, canonicalize_name(name), found)
    return Manifest(entries)

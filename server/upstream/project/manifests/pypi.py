"""PyPI manifests: requirements files, pyproject.toml (PEP 621/735 and Poetry), lockfiles.

Names are PEP 503 normalized.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from packaging.requirements import InvalidRequirement
from packaging.requirements import Requirement as Pep508Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from upstream.files import load_toml
from upstream.project.manifests.model import (
    Entries,
    Manifest,
    VersionRange,
    _add,
    _load_json,
    _pep440,
    _pinned_text,
    _ranged,
    _strings,
    _table,
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


def _add_pep508(entries: Entries, text: str, source: Path) -> None:
    try:
        requirement = Pep508Requirement(text)
    except InvalidRequirement:
        logger.debug("%s: not a requirement: %r", source, text)
        return
    # A direct URL has no version we could compare.
    found = None if requirement.url else VersionRange.of([requirement.specifier], source)
    _add(entries, canonicalize_name(requirement.name), found)


_COMMENT = re.compile(r"(^|\s)#.*$")
_REQUIREMENT_OPTION = re.compile(r"\s+--?[A-Za-z]")
_INCLUDE = re.compile(r"^(?:-r|--requirement)(?:\s*=\s*|\s+|(?=\S))(\S+)$")


def _logical_lines(text: str) -> Iterator[str]:
    """Lines with comments removed and `\\` continuations joined, as pip reads them."""
    pending = ""
    for raw in text.splitlines():
        line = _COMMENT.sub("", raw).rstrip()
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        yield (pending + line).strip()
        pending = ""
    if pending.strip():
        yield pending.strip()


def _read_requirements(path: Path, manifest: Manifest, seen: set[Path]) -> None:
    seen.add(path)
    manifest.files.append(path)
    if not path.is_file():
        logger.warning("requirements include not found: %s", path)
        return
    for line in _logical_lines(path.read_text(encoding="utf-8")):
        include = _INCLUDE.match(line)
        if include:
            target = (path.parent / include.group(1)).resolve()
            if target not in seen:
                _read_requirements(target, manifest, seen)
        # Other options (-c constraints, -e editables, --index-url) add no named versions.
        elif line and not line.startswith("-"):
            # Per-requirement options (`--hash=...` from pip-compile) follow the requirement.
            _add_pep508(manifest.entries, _REQUIREMENT_OPTION.split(line, maxsplit=1)[0], path)


def parse_requirements_txt(path: Path) -> Manifest:
    """requirements*.txt, following `-r` includes relative to the including file."""
    manifest = Manifest()
    _read_requirements(path.resolve(), manifest, set())
    manifest.files.insert(0, path)
    return manifest


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


def _poetry_value(value: object, source: Path) -> VersionRange | None:
    """A Poetry dependency value: a constraint string, a table, or a list of tables."""
    if isinstance(value, str):
        return _ranged(poetry_constraint(value), source)
    if isinstance(value, Mapping):
        # git / path / url dependencies carry no comparable version.
        version = value.get("version")
        return _ranged(poetry_constraint(version), source) if isinstance(version, str) else None
    if isinstance(value, list):
        found = [_poetry_value(item, source) for item in value]
        known = [item for item in found if item is not None]
        if known and len(known) == len(found):
            return VersionRange.of((s for item in known for s in item.alternatives), source)
    return None


def _poetry_sections(poetry: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    yield _table(poetry.get("dependencies"))
    yield _table(poetry.get("dev-dependencies"))
    for group in _table(poetry.get("group")).values():
        yield _table(_table(group).get("dependencies"))


def parse_pyproject(path: Path) -> Manifest:
    """pyproject.toml: PEP 621 (and optional) dependencies, PEP 735 groups, Poetry tables."""
    data = load_toml(path)
    entries: Entries = {}
    project = _table(data.get("project"))
    lists = [project.get("dependencies"), *_table(project.get("optional-dependencies")).values()]
    lists += _table(data.get("dependency-groups")).values()
    for requirements in lists:
        for text in _strings(requirements):
            _add_pep508(entries, text, path)
    poetry = _table(_table(data.get("tool")).get("poetry"))
    for section in _poetry_sections(poetry):
        for name, value in section.items():
            if name.lower() != "python":  # the interpreter, not a package
                _add(entries, canonicalize_name(name), _poetry_value(value, path))
    return Manifest(entries)


def parse_python_lock(path: Path) -> Manifest:
    """poetry.lock and uv.lock: `[[package]]` tables with `name` and `version`."""
    entries: Entries = {}
    packages = load_toml(path).get("package")
    for package in packages if isinstance(packages, list) else []:
        name = _table(package).get("name")
        if isinstance(name, str):
            found = _pinned_text(_table(package).get("version"), path, _pep440)
            _add(entries, canonicalize_name(name), found)
    return Manifest(entries)


def parse_pipfile_lock(path: Path) -> Manifest:
    """Pipfile.lock: `default` and `develop` maps of name -> {"version": "==X"}."""
    entries: Entries = {}
    data = _load_json(path)
    for section in ("default", "develop"):
        for name, info in _table(data.get(section)).items():
            version = _table(info).get("version")
            found = None
            if isinstance(version, str):
                try:
                    found = VersionRange.of([SpecifierSet(version)], path)
                except InvalidSpecifier:
                    found = None
            _add(entries, canonicalize_name(name), found)
    return Manifest(entries)

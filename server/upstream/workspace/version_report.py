"""Why a version gate holds: each library the packs ask about, the version found for a file,
and where it came from (``upstream versions``, ``rules explain --file``, the editor's hover).

The answer is the version resolver's own (project/versions.py: the installed environment,
then the nearest lockfile, then the nearest manifest); this module only names its source.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from packaging.specifiers import SpecifierSet

from upstream.packs import Pack, Requirement
from upstream.packs.requirements import Ecosystem, normalize_name
from upstream.project.environment import Environment
from upstream.project.manifests import KINDS
from upstream.project.versions import VersionRange, VersionResolver

__all__ = ["LibraryVersion", "asked_libraries", "describe_range", "library_version"]

Library = tuple[Ecosystem, str]


@dataclass(frozen=True)
class LibraryVersion:
    """What the project allows for one library, seen from one file."""

    ecosystem: Ecosystem
    name: str
    allowed: VersionRange | None  # None: no version found
    mentioned: bool  # some manifest names it (its version may be unreadable)
    origin: str  # "installed", "lockfile", "manifest", or "" when nothing was found
    where: str  # "file:line" (relative to the folder asked from, when inside it), or ""
    rules: tuple[str, ...] = ()  # the rules gated on this library
    applying: tuple[str, ...] = ()  # of those, the ones whose gate holds (or is unknown)

    @property
    def version(self) -> str:
        """The version as a person reads it: `4.6.1`, `>=1.5,<3`, or why there is none."""
        if self.allowed is not None:
            return describe_range(self.allowed)
        return "version unreadable" if self.mentioned else "not found"


def describe_range(allowed: VersionRange) -> str:
    if allowed.exact is not None:
        return str(allowed.exact)
    spelled = [str(alternative) or "any version" for alternative in allowed.alternatives]
    return " || ".join(spelled)


def asked_libraries(packs: Iterable[Pack]) -> dict[Library, list[tuple[str, Requirement]]]:
    """Each library some rule's ``requires`` names, with those rules' ids and requirements,
    sorted by ecosystem and name."""
    asked: dict[Library, list[tuple[str, Requirement]]] = {}
    for pack in packs:
        for rule in pack.rules:
            for requirement in rule.requirements():
                # Requirement.parse normalizes names as manifests are indexed.
                key = (requirement.ecosystem, requirement.name)
                asked.setdefault(key, []).append((pack.full_id(rule), requirement))
    return dict(sorted(asked.items(), key=lambda item: (item[0][0].value, item[0][1])))


def library_version(
    resolver: VersionResolver,
    environment: Environment,
    library: Library,
    file: Path,
    relative_to: Path | None = None,
    gated: Iterable[tuple[str, Requirement]] = (),
    apply_when_unknown: bool = True,
) -> LibraryVersion:
    """The version of ``library`` the gates see from ``file``, and its source.

    ``gated``: (rule id, requirement) pairs about this library; those whose gate holds for
    ``file`` (or is unknown and ``apply_when_unknown``) are listed as ``applying``.
    """
    ecosystem, name = library
    allowed = resolver.allowed(ecosystem, name, file)
    mentioned = resolver.satisfies(Requirement(ecosystem, name, SpecifierSet()), file) is True
    origin, where = "", ""
    installed = _installed_file(environment, ecosystem, name) if allowed is not None else None
    if installed is not None and allowed is not None and allowed.source is None:
        origin, where = "installed", _shown(installed, None, relative_to)
    elif allowed is not None and allowed.source is not None:
        origin = "lockfile" if _is_lockfile(allowed.source, ecosystem) else "manifest"
        where = _shown(allowed.source, allowed.line, relative_to)
    rules, applying = [], []
    for rule_id, requirement in gated:
        rules.append(rule_id)
        holds = resolver.satisfies(requirement, file)
        if holds or (holds is None and apply_when_unknown):
            applying.append(rule_id)
    return LibraryVersion(
        ecosystem, name, allowed, mentioned, origin, where, tuple(rules), tuple(applying)
    )


def _is_lockfile(path: Path, ecosystem: Ecosystem) -> bool:
    return any(
        kind.lockfile and fnmatch.fnmatchcase(path.name, kind.pattern)
        for kind in KINDS[ecosystem.value]
    )


def _installed_file(environment: Environment, ecosystem: Ecosystem, name: str) -> Path | None:
    """The file an installed version was read from: ``METADATA`` or ``package.json``."""
    if ecosystem is Ecosystem.PYPI:
        for distribution in environment.distributions:
            if normalize_name(ecosystem, distribution.name) == name:
                return distribution.dist_info / "METADATA"
    elif ecosystem is Ecosystem.NPM:
        for package in environment.node_packages:
            if package.name == name:
                return package.folder / "package.json"
    return None


def _shown(path: Path, line: int | None, relative_to: Path | None) -> str:
    text = str(path)
    if relative_to is not None:
        with contextlib.suppress(ValueError):  # another drive (Windows)
            text = os.path.relpath(path, relative_to)
        if text.startswith(".."):
            text = str(path)
    return f"{text}:{line}" if line is not None else text

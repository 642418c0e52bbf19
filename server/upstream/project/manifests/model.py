"""What every manifest parser shares: the data types, `parse_manifest` and small helpers.

`VersionRange` is what a project allows for one package, `Manifest` what one file says,
`ManifestKind` where a kind of file lives and which parser reads it. The underscored helpers
are for the sibling ecosystem modules only.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

from upstream.files import is_readable_project_file

__all__ = [
    "Entries",
    "Manifest",
    "ManifestKind",
    "Parser",
    "VersionRange",
    "parse_manifest",
]

logger = logging.getLogger("upstream.project")


def _only_pin(specifiers: SpecifierSet) -> Version | None:
    """The version a set pins with a single plain `==X` clause, if that is all it says."""
    clauses = list(specifiers)
    if len(clauses) != 1 or clauses[0].operator != "==" or clauses[0].version.endswith("*"):
        return None
    try:
        return Version(clauses[0].version)
    except InvalidVersion:
        return None


@dataclass(frozen=True)
class VersionRange:
    """The versions a project allows for one package.

    Either an exact version (a lockfile entry or an `==` pin; `alternatives` then holds the
    matching `==` set) or a union of specifier sets (npm `||`, several manifests). An empty
    `SpecifierSet` among the alternatives means "any version".
    """

    alternatives: tuple[SpecifierSet, ...]
    exact: Version | None = None
    source: Path | None = field(default=None, compare=False)

    @classmethod
    def pinned(cls, version: Version, source: Path | None = None) -> VersionRange:
        """Exactly `version`."""
        return cls((SpecifierSet(f"=={version}"),), version, source)

    @classmethod
    def of(cls, specifiers: Iterable[SpecifierSet], source: Path | None = None) -> VersionRange:
        """A union of specifier sets; a lone `==X` set becomes an exact version."""
        # Sorted, so equal unions compare equal whatever order manifests listed them in.
        union = tuple(sorted(set(specifiers), key=str))
        pin = _only_pin(union[0]) if len(union) == 1 else None
        if pin is not None:
            return cls.pinned(pin, source)
        return cls(union, None, source)

    def union(self, other: VersionRange) -> VersionRange:
        """Versions allowed by either range (the project could be on any of them)."""
        if self.exact is not None and self.exact == other.exact:
            return self
        return VersionRange.of(self.alternatives + other.alternatives, self.source)

    def allows(self, version: Version) -> bool:
        """Whether the project may be on `version`."""
        if self.exact is not None:
            return version == self.exact
        return any(spec.contains(version, prereleases=True) for spec in self.alternatives)

    def __str__(self) -> str:
        if self.exact is not None:
            return f"=={self.exact}"
        return " || ".join(str(spec) or "*" for spec in self.alternatives)


Entries = dict[str, VersionRange | None]


@dataclass
class Manifest:
    """What one manifest says: name -> range (``None``: mentioned, version unknown)."""

    entries: Entries = field(default_factory=dict)
    # Every file the parse read (includes, gradle.properties), so a cache can tell when
    # any of them changed; a path that did not exist is listed too.
    files: list[Path] = field(default_factory=list)


Parser = Callable[[Path], Manifest]


@dataclass(frozen=True)
class ManifestKind:
    """A kind of manifest file: where it lives in a directory and how to read it."""

    ecosystem: str  # an `Ecosystem` value
    pattern: str  # fnmatch pattern for the file name
    lockfile: bool  # exact versions: wins over the directory's other manifests
    parse: Parser
    subdirectory: str = ""  # e.g. "gradle" for gradle/libs.versions.toml


def parse_manifest(kind: ManifestKind, path: Path) -> Manifest:
    """Parse `path` as `kind`; a file that can't be read or parsed gives an empty manifest."""
    if not is_readable_project_file(path):
        logger.warning("skipping %s: not a regular file within the size limit", path)
        return Manifest(files=[path])
    try:
        manifest = kind.parse(path)
    except Exception as exc:  # a user's broken file must never break a lint run
        logger.warning("skipping malformed %s: %s: %s", path, type(exc).__name__, exc)
        return Manifest(files=[path])
    if path not in manifest.files:
        manifest.files.insert(0, path)
    return manifest


def _add(entries: Entries, name: str, found: VersionRange | None) -> None:
    """Record a mention; several mentions of one package are a union."""
    known = entries.get(name)
    if found is None:
        entries.setdefault(name, None)
    elif known is None:
        entries[name] = found
    else:
        entries[name] = known.union(found)


def _table(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, list):
        yield from (item for item in value if isinstance(item, str))


def _load_json(path: Path) -> Mapping[str, Any]:
    return _table(json.loads(path.read_text(encoding="utf-8")))


def _ranged(union: list[SpecifierSet] | None, source: Path) -> VersionRange | None:
    return VersionRange.of(union, source) if union else None


def _pinned_text(
    text: object, source: Path, convert: Callable[[str], Version | None]
) -> VersionRange | None:
    version = convert(text) if isinstance(text, str) else None
    return VersionRange.pinned(version, source) if version is not None else None


def _pep440(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None

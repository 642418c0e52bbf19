"""What every manifest parser shares: the data types, `parse_manifest` and small helpers.

`VersionRange` is what a project allows for one package, `Manifest` what one file says,
`ManifestKind` where a kind of file lives and which parser reads it. The underscored helpers
are for the sibling ecosystem modules only.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
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
    "TablePath",
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
    # The file that declared the version and the 1-based line there (`upstream versions`
    # prints them as `file:line`); neither is part of what the range *is*.
    source: Path | None = field(default=None, compare=False)
    line: int | None = field(default=None, compare=False)

    @classmethod
    def pinned(
        cls, version: Version, source: Path | None = None, line: int | None = None
    ) -> VersionRange:
        """Exactly `version`."""
        return cls((SpecifierSet(f"=={version}"),), version, source, line)

    @classmethod
    def of(
        cls,
        specifiers: Iterable[SpecifierSet],
        source: Path | None = None,
        line: int | None = None,
    ) -> VersionRange:
        """A union of specifier sets; a lone `==X` set becomes an exact version."""
        # Sorted, so equal unions compare equal whatever order manifests listed them in.
        union = tuple(sorted(set(specifiers), key=str))
        pin = _only_pin(union[0]) if len(union) == 1 else None
        if pin is not None:
            return cls.pinned(pin, source, line)
        return cls(union, None, source, line)

    def union(self, other: VersionRange) -> VersionRange:
        """Versions allowed by either range (the project could be on any of them)."""
        if self.exact is not None and self.exact == other.exact:
            return self
        return VersionRange.of(self.alternatives + other.alternatives, self.source, self.line)

    def pins(self) -> tuple[Version, ...] | None:
        """The exact versions this range is a union of, or ``None`` if some part is a range."""
        if self.exact is not None:
            return (self.exact,)
        found = [_only_pin(alternative) for alternative in self.alternatives]
        return None if None in found else tuple(pin for pin in found if pin is not None)

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
TablePath = tuple[str, ...]  # a TOML table's keys: ("tool", "poetry", "dependencies")


@dataclass
class Manifest:
    """What one manifest says: name -> range (``None``: mentioned, version unknown)."""

    entries: Entries = field(default_factory=dict)
    # Every file the parse read (includes, gradle.properties), so a cache can tell when
    # any of them changed; a path that did not exist is listed too.
    files: list[Path] = field(default_factory=list)
    # Exact versions read from files that are locks although their kind is not (a
    # pip-compile output, `requirements_locked.txt`): they win in their directory as a
    # lockfile does. Each is in `entries` too.
    locked: Entries = field(default_factory=dict)
    # A workspace root's member folders, as globs relative to the manifest's folder
    # (`packages/*`; a leading `!` excludes): files in a member take the root's lockfile.
    members: tuple[str, ...] = ()
    # A lockfile's entries for one workspace member only (a pnpm importer, a package-lock
    # install nested under the member), by the member's folder relative to the lockfile's.
    scopes: dict[str, Entries] = field(default_factory=dict)


Parser = Callable[[Path], Manifest]


@dataclass(frozen=True)
class ManifestKind:
    """A kind of manifest file: where it lives in a directory and how to read it."""

    ecosystem: str  # an `Ecosystem` value
    pattern: str  # fnmatch pattern for the file name
    lockfile: bool  # exact versions: wins over the directory's other manifests
    parse: Parser
    subdirectory: str = ""  # e.g. "gradle" for gradle/libs.versions.toml
    # False: not read on its own, only when another manifest names it (etc/*.txt named
    # by setup.py); listed so the editor watches it and versions are resolved again.
    listed: bool = True


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


def _ranged(
    union: list[SpecifierSet] | None, source: Path, line: int | None = None
) -> VersionRange | None:
    return VersionRange.of(union, source, line) if union else None


def _pinned_text(
    text: object,
    source: Path,
    convert: Callable[[str], Version | None],
    line: int | None = None,
) -> VersionRange | None:
    version = convert(text) if isinstance(text, str) else None
    return VersionRange.pinned(version, source, line) if version is not None else None


def _pep440(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def _first_line(
    lines: Sequence[str], pattern: re.Pattern[str], start: int = 0, stop: int | None = None
) -> int | None:
    """The 1-based number of the first line in ``lines[start:stop]`` matching `pattern`.

    For formats whose parser keeps no positions (TOML, JSON, INI): finding the text again
    is cheap, and a line number that is sometimes missing beats none at all.
    """
    end = len(lines) if stop is None else min(stop, len(lines))
    for index in range(max(start, 0), end):
        if pattern.search(lines[index]):
            return index + 1
    return None


class _TomlLines:
    """Finds where a TOML document declares a key or a string (tomllib keeps no positions)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def string(self, value: str) -> int | None:
        """The first line holding `value` as a quoted string (a PEP 508 list item)."""
        quoted = re.escape(value)
        return _first_line(self.lines, re.compile(f"\"{quoted}\"|'{quoted}'"))

    def key(self, table: TablePath, key: str) -> int | None:
        """The line of `key = ...` in `[table]`, or of a `[table.key]` header."""
        header = _first_line(self.lines, _header(table))
        if header is not None:
            stop = _first_line(self.lines, _ANY_HEADER, header) or len(self.lines) + 1
            assignment = re.compile(rf"^\s*{_toml_key(key)}\s*=")
            found = _first_line(self.lines, assignment, header, stop - 1)
            if found is not None:
                return found
        return _first_line(self.lines, _header((*table, key)))


_ANY_HEADER = re.compile(r"^\s*\[")


def _toml_key(part: str) -> str:
    escaped = re.escape(part)
    return f"(?:{escaped}|\"{escaped}\"|'{escaped}')"


def _header(table: TablePath) -> re.Pattern[str]:
    dotted = r"\s*\.\s*".join(_toml_key(part) for part in table)
    return re.compile(rf"^\s*\[\s*{dotted}\s*\]")

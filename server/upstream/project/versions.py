"""Version gates: could the project be on a version of a package that a rule requires?

A rule's ``requires`` names a package and a PEP 440 specifier set (npm, Maven and Go versions
are mapped onto PEP 440). `VersionResolver` finds what the project allows for that package by
reading its manifests, nearest the checked file first: walking up from the file's directory,
the first directory where a manifest of that ecosystem gives the package a readable version
decides; within it, lockfiles (exact versions) win over manifests (ranges), and so do the
pins of a requirement file that is a lock (`Manifest.locked`). A mention whose version can't
be read (a git URL, a Maven version managed by a parent pom) does not decide, so a parent
directory's lockfile or ``dependencyManagement`` still can. Each parsed manifest is cached
against the mtime and size of every file it read.

Workspaces. When the deciding directory is a workspace member (an npm/yarn/pnpm package
listed by the root's `workspaces` or pnpm-workspace.yaml, a uv workspace member, a Poetry
path dependency) and gave a range, the workspace root's lockfile says which version is
installed: the member's own entry there if the lockfile keeps one (a pnpm importer, a
package-lock copy nested in the member), else the root's, narrowed to the versions the
member's range allows. A lockfile none of whose versions the member allows does not
describe it; the member's range stands.

The overlap test. What the project allows is a union of specifier sets; the rule's specifier
is one more set. A conjunction of PEP 440 clauses (`>=`, `<`, `==`, `!=`, `~=`, `==X.*`)
allows a finite union of intervals whose endpoints are the clauses' versions (and, for `~=`
and wildcards, the next prefix). A non-empty interval therefore contains one of its
endpoints or a point just inside one, so we test as candidates every clause version of both
sets, each one's release neighbours just below (`1.2.3` -> `1.2.2.999999`) and just above
(`1.2.3.1`), prefix bounds, ``0`` and a huge version. Only intervals narrower than those
neighbour steps could be missed; real specifiers don't produce them.

Pre-releases are candidates only when a clause names one. The project's side accepts one
only if its own specifier names a pre-release (as pip would install it) or it is the exact
pinned version; the rule's side is a plain predicate and accepts any version it admits.
PEP 440's own rule still holds: `<4.0` excludes 4.0's pre-releases.
"""

from __future__ import annotations

import fnmatch
import functools
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from packaging.specifiers import Specifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from upstream.packs.requirements import Ecosystem, Requirement, ecosystem_named, normalize_name
from upstream.project.manifests import (
    KINDS,
    Manifest,
    ManifestKind,
    VersionRange,
    is_member,
    parse_manifest,
)
from upstream.project.npm_range import semver_to_version

__all__ = ["VersionRange", "VersionResolver", "overlaps"]


def _installed_ranges(
    installed: Mapping[tuple[str, str], str],
) -> dict[tuple[str, str], VersionRange]:
    ranges: dict[tuple[str, str], VersionRange] = {}
    for (ecosystem, name), text in installed.items():
        version = semver_to_version(text) if ecosystem == "npm" else _pep440_or_none(text)
        if version is not None:
            ranges[(ecosystem, name)] = VersionRange.pinned(version)
    return ranges


def _pep440_or_none(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


# --------------------------------------------------------------------------- overlap test

_ZERO = Version("0")
_HUGE = Version("999999999")
_NINES = 999999


def _release(epoch: int, release: Iterable[int]) -> Version:
    text = ".".join(str(part) for part in release)
    return Version(f"{epoch}!{text}" if epoch else text)


def _below(version: Version) -> Version | None:
    """A release just below `version`'s release (`1.2.0` -> `1.1.999999`), if any."""
    release = version.release
    nonzero = [index for index, part in enumerate(release) if part]
    if not nonzero:
        return None
    last = nonzero[-1]
    return _release(version.epoch, (*release[:last], release[last] - 1, _NINES))


def _neighbours(version: Version) -> Iterator[Version]:
    base = _release(version.epoch, version.release)
    yield base
    yield _release(version.epoch, (*version.release, 1))
    below = _below(base)
    if below is not None:
        yield below
    if version.pre is not None:
        label, number = version.pre
        yield version
        yield Version(f"{base}{label}{number + 1}")


def _bumped(version: Version, index: int) -> Version:
    release = version.release
    return _release(version.epoch, (*release[:index], release[index] + 1))


def _clause_candidates(clause: Specifier) -> Iterator[Version]:
    text = clause.version
    wildcard = text.endswith(".*")
    try:
        version = Version(text.removesuffix(".*"))
    except InvalidVersion:  # `===` may hold any string
        return
    yield from _neighbours(version)
    if wildcard:
        yield from _neighbours(_bumped(version, len(version.release) - 1))
    elif clause.operator == "~=" and len(version.release) >= 2:
        yield from _neighbours(_bumped(version, len(version.release) - 2))


def _names_prerelease(specifiers: SpecifierSet) -> bool:
    for clause in specifiers:
        try:
            if Version(clause.version.removesuffix(".*")).is_prerelease:
                return True
        except InvalidVersion:
            continue
    return False


def _project_accepts(specifiers: SpecifierSet, version: Version) -> bool:
    # An installer only picks a pre-release the project's own specifier names. Explicit,
    # because packaging's default for pre-releases has changed between its releases.
    return specifiers.contains(version, prereleases=_names_prerelease(specifiers))


def _sets_overlap(project: SpecifierSet, rule: SpecifierSet) -> bool:
    candidates = {_ZERO, _HUGE}
    for clause in (*project, *rule):
        candidates.update(_clause_candidates(clause))
    # The rule is a plain predicate on versions: any version it admits counts.
    return any(
        _project_accepts(project, version) and rule.contains(version, prereleases=True)
        for version in candidates
    )


@functools.lru_cache(maxsize=4096)
def overlaps(allowed: VersionRange, specifier: SpecifierSet) -> bool:
    """Whether some version the project allows also satisfies `specifier` (memoized)."""
    if allowed.exact is not None:
        return specifier.contains(allowed.exact, prereleases=True)
    return any(_sets_overlap(alternative, specifier) for alternative in allowed.alternatives)


# --------------------------------------------------------------------------- resolver


def _union(known: VersionRange | None, found: VersionRange) -> VersionRange:
    return found if known is None else known.union(found)


def _lock_entry(
    kind: ManifestKind, manifest: Manifest, name: str, member: str | None = None
) -> VersionRange | None:
    """The exact version a manifest locks `name` at (for workspace `member`, its own entry
    first), or ``None`` if it locks none: a manifest that is no lockfile locks only the
    entries it marked `locked`."""
    if member is not None:
        scoped = manifest.scopes.get(member, {}).get(name)
        if scoped is not None:
            return scoped
    return (manifest.entries if kind.lockfile else manifest.locked).get(name)


def _narrowed(locked: VersionRange, declared: VersionRange) -> VersionRange:
    """The locked versions `declared` allows; `declared` if it allows none of them."""
    pins = locked.pins()
    if pins is None:
        return locked
    allowed = [pin for pin in pins if declared.allows(pin)]
    if not allowed:
        return declared
    if len(allowed) == len(pins):
        return locked
    return VersionRange.of(
        (SpecifierSet(f"=={pin}") for pin in allowed), locked.source, locked.line
    )


Stamp = tuple[int, int]


def _stamp(path: Path) -> Stamp:
    """(mtime_ns, size), or (-1, -1) for a missing file: what tells a cache it is stale."""
    try:
        status = os.stat(path)
    except OSError:
        return (-1, -1)
    return (status.st_mtime_ns, status.st_size)


def _list(folder: Path) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return []


@dataclass(frozen=True)
class _Cached:
    stamps: tuple[tuple[Path, Stamp], ...]
    manifest: Manifest


@dataclass(frozen=True)
class _Present:
    """The manifests of one ecosystem in one directory, lockfiles first."""

    stamp: Stamp  # the directory's own: adding or removing a file changes it
    subfolders: tuple[tuple[Path, Stamp], ...]  # requirements/, gradle/
    files: tuple[tuple[ManifestKind, Path], ...]


class VersionResolver:
    """Finds the version range a project allows for a package, nearest manifest to the file first.

    Caches each parsed manifest (keyed by path + mtime) so checking 2,000 files stays cheap;
    which manifests a directory holds is cached against the directory's own mtime.
    """

    def __init__(
        self, stop_at: Path | None = None, installed: Mapping[tuple[str, str], str] | None = None
    ) -> None:
        """Don't walk above `stop_at` (e.g. the project root) if given. `installed`:
        (ecosystem, normalized name) -> the version installed in the project's environment,
        which wins over every manifest (see upstream.project.environment)."""
        self._stop_at = Path(os.path.abspath(stop_at)) if stop_at is not None else None
        self._installed = _installed_ranges(installed or {})
        self._manifests: dict[tuple[Path, ManifestKind], _Cached] = {}
        self._present: dict[tuple[Path, str], _Present] = {}

    def allowed(self, ecosystem: Ecosystem, name: str, file: Path) -> VersionRange | None:
        """What the project allows for `name` as seen from `file`; ``None`` if unknown."""
        return self._lookup(ecosystem_named(ecosystem), name, file)[1]

    def satisfies(self, requirement: Requirement, file: Path) -> bool | None:
        """Whether the project could be on a version meeting `requirement`; ``None``: unknown.

        A requirement without a specifier holds whenever some manifest mentions the package.
        """
        mentioned, allowed = self._lookup(requirement.ecosystem, requirement.name, file)
        if not mentioned:
            return None
        if not requirement.specifier:
            return True
        return None if allowed is None else overlaps(allowed, requirement.specifier)

    def satisfies_all(self, requirements: Iterable[Requirement], file: Path) -> bool | None:
        """All of `requirements`: False if any fails, else None if any is unknown, else True."""
        results = [self.satisfies(requirement, file) for requirement in requirements]
        if False in results:
            return False
        return None if None in results else True

    def clear(self) -> None:
        """Forget every cached manifest and directory listing."""
        self._manifests.clear()
        self._present.clear()

    def _lookup(
        self, ecosystem: Ecosystem, name: str, file: Path
    ) -> tuple[bool, VersionRange | None]:
        """(mentioned anywhere on the way up, range from the nearest deciding directory)."""
        name = normalize_name(ecosystem, name)
        installed = self._installed.get((ecosystem.value, name))
        if installed is not None:
            return True, installed
        start = Path(os.path.abspath(file))
        directory = start if start.is_dir() else start.parent
        mentioned = False
        while True:
            seen, found, locked = self._lookup_directory(ecosystem, name, directory)
            if found is not None:
                if not locked:
                    found = self._workspace_locked(ecosystem, name, directory, found)
                return True, found
            mentioned = mentioned or seen
            if directory == self._stop_at or directory.parent == directory:
                return mentioned, None
            directory = directory.parent

    def _lookup_directory(
        self, ecosystem: Ecosystem, name: str, directory: Path
    ) -> tuple[bool, VersionRange | None, bool]:
        """(mentioned here, the range this directory gives, whether a lock gave it)."""
        mentioned = False
        locked: VersionRange | None = None
        ranged: VersionRange | None = None
        for kind, path in self._manifest_files(ecosystem, directory):
            if locked is not None and not kind.lockfile:
                break  # lockfiles are exact: they win over the directory's manifests
            manifest = self._manifest(kind, path)
            if name not in manifest.entries:
                continue
            mentioned = True
            lock = _lock_entry(kind, manifest, name)
            entry = manifest.entries[name]
            if lock is not None:
                locked = _union(locked, lock)
            elif entry is not None:
                ranged = _union(ranged, entry)
        return mentioned, locked or ranged, locked is not None

    def _workspace_locked(
        self, ecosystem: Ecosystem, name: str, member: Path, declared: VersionRange
    ) -> VersionRange:
        """`declared` (a member's range) made exact by its workspace root's lockfile."""
        root = self._workspace_root(ecosystem, member)
        if root is None:
            return declared
        folder = member.relative_to(root).as_posix()
        locked: VersionRange | None = None
        for kind, path in self._manifest_files(ecosystem, root):
            lock = _lock_entry(kind, self._manifest(kind, path), name, folder)
            if lock is not None:
                locked = _union(locked, lock)
        return declared if locked is None else _narrowed(locked, declared)

    def _workspace_root(self, ecosystem: Ecosystem, member: Path) -> Path | None:
        """The nearest directory above `member` whose workspace lists it as a member."""
        directory = member
        while directory != self._stop_at and directory.parent != directory:
            directory = directory.parent
            for kind, path in self._manifest_files(ecosystem, directory):
                members = self._manifest(kind, path).members
                if members and is_member(members, member.relative_to(directory).as_posix()):
                    return directory
        return None

    def _manifest_files(
        self, ecosystem: Ecosystem, directory: Path
    ) -> tuple[tuple[ManifestKind, Path], ...]:
        key = (directory, ecosystem.value)
        stamp = _stamp(directory)
        cached = self._present.get(key)
        if (
            cached is not None
            and cached.stamp == stamp
            and all(_stamp(folder) == folder_stamp for folder, folder_stamp in cached.subfolders)
        ):
            return cached.files
        names = _list(directory)
        subfolders: list[tuple[Path, Stamp]] = []
        files: list[tuple[ManifestKind, Path]] = []
        listed = [kind for kind in KINDS[ecosystem.value] if kind.listed]
        for kind in sorted(listed, key=lambda kind: not kind.lockfile):
            folder, listing = directory, names
            if kind.subdirectory:
                if kind.subdirectory not in names:
                    continue
                folder = directory / kind.subdirectory
                subfolders.append((folder, _stamp(folder)))
                listing = _list(folder)
            files += [(kind, folder / n) for n in listing if fnmatch.fnmatchcase(n, kind.pattern)]
        present = _Present(stamp, tuple(subfolders), tuple(files))
        self._present[key] = present
        return present.files

    def _manifest(self, kind: ManifestKind, path: Path) -> Manifest:
        key = (path, kind)
        cached = self._manifests.get(key)
        if cached is not None and all(_stamp(file) == stamp for file, stamp in cached.stamps):
            return cached.manifest
        # Stamp before parsing, so an edit made during the parse is seen next time.
        before = _stamp(path)
        manifest = parse_manifest(kind, path)
        stamps = tuple((file, before if file == path else _stamp(file)) for file in manifest.files)
        self._manifests[key] = _Cached(stamps, manifest)
        return manifest

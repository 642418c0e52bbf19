"""One small, tolerant parser per dependency-manifest kind.

Each parser takes a path and returns a `Manifest`: package name -> `VersionRange` (or
``None`` when the package is mentioned but its version can't be read, e.g. a git URL).
Names are normalized per ecosystem: PEP 503 for PyPI, as written for npm and Go,
``group:artifact`` for Maven. `parse_manifest` is the only entry point callers need: a
malformed file is logged (logger ``upstream.project``) and read as empty, never raised.

`KINDS` lists which files each ecosystem reads and which of them are lockfiles.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from packaging.requirements import InvalidRequirement
from packaging.requirements import Requirement as Pep508Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from upstream.project.npm_range import caret_set, parse_npm_range, semver_to_version, tilde_set

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

__all__ = [
    "KINDS",
    "Manifest",
    "ManifestKind",
    "VersionRange",
    "maven_range",
    "maven_version",
    "parse_manifest",
    "poetry_constraint",
]

logger = logging.getLogger("upstream.project")


# --------------------------------------------------------------------------- data types


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


def _load_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


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


# --------------------------------------------------------------------------- PyPI


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
    data = _load_toml(path)
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
    packages = _load_toml(path).get("package")
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


# --------------------------------------------------------------------------- npm

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


# --------------------------------------------------------------------------- Maven / Gradle

_MAVEN_QUALIFIER = re.compile(r"^[.-]?([A-Za-z]*)[.-]?(\d*)")
_MAVEN_PRE = {
    "alpha": "a",
    "a": "a",
    "beta": "b",
    "b": "b",
    # PEP 440 has no milestone; reading one as a beta keeps it a pre-release.
    "milestone": "b",
    "m": "b",
    "rc": "rc",
    "cr": "rc",
}


def maven_version(text: str) -> Version | None:
    """A Maven version (`4.11.1`, `2.0.0-M1`, `1.0-SNAPSHOT`, `31.1-jre`) as PEP 440."""
    match = re.match(r"^(\d+(?:\.\d+)*)(.*)$", text.strip())
    if match is None:
        return None
    release, rest = match.group(1), match.group(2)
    qualifier = _MAVEN_QUALIFIER.match(rest)
    label = qualifier.group(1).lower() if qualifier else ""
    number = int(qualifier.group(2) or 0) if qualifier else 0
    if label in _MAVEN_PRE:
        return Version(f"{release}{_MAVEN_PRE[label]}{number}")
    if label == "snapshot":
        return Version(f"{release}.dev0")  # Maven orders X-SNAPSHOT just below X
    if label == "sp":
        return Version(f"{release}.post{number}")
    if not label and number:
        return Version(f"{release}.post{number}")  # build number: `1.2-3`
    # GA/FINAL/RELEASE and platform tags (-jre, -android) name the release itself.
    return Version(release)


def _maven_bound(text: str) -> Version:
    version = maven_version(text)
    if version is None:
        raise ValueError(f"not a Maven version: {text!r}")
    return version


def _maven_interval(low_bracket: str, inside: str, high_bracket: str) -> SpecifierSet:
    if "," not in inside:  # `[1.0]`: exactly 1.0
        return SpecifierSet(f"=={_maven_bound(inside)}")
    low, high = (part.strip() for part in inside.split(",", 1))
    clauses = []
    if low:
        clauses.append(f"{'>=' if low_bracket == '[' else '>'}{_maven_bound(low)}")
    if high:
        clauses.append(f"{'<=' if high_bracket == ']' else '<'}{_maven_bound(high)}")
    return SpecifierSet(",".join(clauses))


def maven_range(text: str, source: Path | None = None) -> VersionRange | None:
    """A Maven/Gradle version spec: `4.11.1` (exact), `[4.0,5.0)`, `(,1.0],[1.2,)`, `4.+`."""
    text = text.strip().removesuffix("!!")  # Gradle's strict marker
    if text in ("", "+", "latest.release", "latest.integration"):
        return VersionRange.of([SpecifierSet()], source)
    try:
        if text[0] in "[(":
            intervals = re.findall(r"([\[(])([^\[\]()]*)([\])])", text)
            if not intervals:
                return None
            return VersionRange.of((_maven_interval(*parts) for parts in intervals), source)
        if text.endswith(".+"):  # Gradle dynamic: any version with this prefix
            return VersionRange.of([SpecifierSet(f"=={_maven_bound(text[:-2])}.*")], source)
        version = maven_version(text)
    except (ValueError, InvalidSpecifier, InvalidVersion):
        return None
    return VersionRange.pinned(version, source) if version is not None else None


_MAVEN_PROPERTY = re.compile(r"\$\{([^}]+)\}")
_POM_DEPENDENCIES = (
    "dependencies/dependency",
    "dependencyManagement/dependencies/dependency",
    "profiles/profile/dependencies/dependency",
    "profiles/profile/dependencyManagement/dependencies/dependency",
)


def _substitute(text: str, properties: Mapping[str, str], pattern: re.Pattern[str]) -> str | None:
    """Expand `${name}` references (nested ones too); ``None`` if any stays unresolved."""
    for _ in range(10):  # bounded: properties may refer to each other in a cycle
        expanded = pattern.sub(lambda m: properties.get(m.group(1), m.group(0)), text)
        if expanded == text:
            break
        text = expanded
    return None if pattern.search(text) else text


def _pom_properties(root: ET.Element) -> dict[str, str]:
    properties = {child.tag: (child.text or "").strip() for child in root.findall("properties/*")}
    for key in ("version", "groupId", "artifactId"):
        value = root.findtext(key) or root.findtext(f"parent/{key}")
        if value:
            properties.setdefault(f"project.{key}", value.strip())
            properties.setdefault(f"pom.{key}", value.strip())
        parent_value = root.findtext(f"parent/{key}")
        if parent_value:
            properties.setdefault(f"project.parent.{key}", parent_value.strip())
    return properties


def _strip_namespaces(root: ET.Element) -> None:
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.split("}", 1)[1]


def parse_pom(path: Path) -> Manifest:
    """pom.xml: dependencies and dependencyManagement, with `${property}` substitution."""
    root = ET.parse(path).getroot()
    _strip_namespaces(root)
    properties = _pom_properties(root)
    entries: Entries = {}
    for where in _POM_DEPENDENCIES:
        for dependency in root.findall(where):
            group = _substitute(
                dependency.findtext("groupId", "").strip(), properties, _MAVEN_PROPERTY
            )
            artifact = _substitute(
                dependency.findtext("artifactId", "").strip(), properties, _MAVEN_PROPERTY
            )
            if not group or not artifact:
                continue
            # No version: managed by a parent pom or a BOM, which we can't see from here.
            version = _substitute(
                (dependency.findtext("version") or "").strip(), properties, _MAVEN_PROPERTY
            )
            found = maven_range(version, path) if version else None
            _add(entries, f"{group}:{artifact}", found)
    return Manifest(entries)


_GRADLE_CONFIG = (
    r"\b(?:[A-Za-z]*(?:[iI]mplementation|[aA]pi|[cC]ompileOnly|[rR]untimeOnly|[cC]ompile"
    r"|[rR]untime|[cC]lasspath|[pP]rocessor|kapt|ksp))"
)
_GRADLE_PLATFORM = r"(?:(?:enforcedPlatform|platform)\s*\(\s*)?"
_GRADLE_STRING = re.compile(
    _GRADLE_CONFIG
    + r"\s*\(?\s*"
    + _GRADLE_PLATFORM
    + r"""["']([\w.\-]+):([\w.\-]+)(?::([^"':@\s]+))?(?::[^"'@\s]*)?(?:@\w+)?["']"""
)
_GRADLE_MAP = re.compile(
    _GRADLE_CONFIG
    + r"""\s*\(?\s*group\s*[:=]\s*["']([\w.\-]+)["']\s*,\s*name\s*[:=]\s*["']([\w.\-]+)["']"""
    + r"""(?:\s*,\s*version\s*[:=]\s*["']([^"']+)["'])?"""
)
_GRADLE_ASSIGN = re.compile(
    r"""(?:^|[\s{;])(?:def\s+|val\s+|var\s+|ext\.|project\.ext\.|extra\[\s*["'])?"""
    r"""([A-Za-z_][\w.]*)["']?\s*\]?\s*=\s*["']([^"'$]+)["']""",
    re.MULTILINE,
)
_GRADLE_SET = re.compile(r"""\bset\(\s*["']([\w.]+)["']\s*,\s*["']([^"'$]+)["']\s*\)""")
_GRADLE_BY_EXTRA = re.compile(r"""\bva[lr]\s+(\w+)\s+by\s+extra\(\s*["']([^"'$]+)["']\s*\)""")
_GRADLE_REFERENCE = re.compile(r"\$\{?(?:project\.|rootProject\.)?(?:ext\.)?([A-Za-z_][\w.]*)\}?")


def _gradle_properties(path: Path) -> dict[str, str]:
    """`key=value` / `key: value` lines of a gradle.properties file."""
    properties = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith(("#", "!")):
            key, _, value = line.replace(":", "=", 1).partition("=")
            properties[key.strip()] = value.strip()
    return properties


def _gradle_variables(text: str, properties_file: Path) -> dict[str, str]:
    variables = _gradle_properties(properties_file) if properties_file.is_file() else {}
    for pattern in (_GRADLE_ASSIGN, _GRADLE_SET, _GRADLE_BY_EXTRA):
        for name, value in pattern.findall(text):
            variables[name] = value
    return variables


def parse_gradle(path: Path) -> Manifest:
    """build.gradle(.kts): `config "g:a:v"`, `config("g:a:v")`, map notation, `$variables`."""
    text = path.read_text(encoding="utf-8")
    properties_file = path.parent / "gradle.properties"
    variables = _gradle_variables(text, properties_file)
    entries: Entries = {}
    for pattern in (_GRADLE_STRING, _GRADLE_MAP):
        for group, artifact, version in pattern.findall(text):
            resolved = _substitute(version, variables, _GRADLE_REFERENCE) if version else None
            found = maven_range(resolved, path) if resolved else None
            _add(entries, f"{group}:{artifact}", found)
    return Manifest(entries, [path, properties_file])


def _catalog_version(value: object, versions: Mapping[str, Any]) -> str | None:
    """A catalog version: a string, `{ref = ..}`, or `{strictly|require|prefer = ..}`."""
    if isinstance(value, str):
        return value
    table = _table(value)
    if isinstance(table.get("ref"), str):
        return _catalog_version(versions.get(table["ref"]), {})
    for key in ("strictly", "require", "prefer"):
        if isinstance(table.get(key), str):
            return str(table[key])
    return None


def parse_version_catalog(path: Path) -> Manifest:
    """gradle/libs.versions.toml: `[libraries]` resolved against `[versions]`."""
    data = _load_toml(path)
    versions = _table(data.get("versions"))
    entries: Entries = {}
    for library in _table(data.get("libraries")).values():
        if isinstance(library, str):
            group, _, rest = library.partition(":")
            artifact, _, version_text = rest.partition(":")
            version: str | None = version_text or None
        else:
            table = _table(library)
            module = table.get("module")
            if isinstance(module, str):
                group, _, artifact = module.partition(":")
            else:
                group, artifact = str(table.get("group", "")), str(table.get("name", ""))
            version = _catalog_version(table.get("version"), versions)
        if group and artifact:
            _add(entries, f"{group}:{artifact}", maven_range(version, path) if version else None)
    return Manifest(entries)


# --------------------------------------------------------------------------- Go


def _go_version(text: str) -> Version | None:
    return semver_to_version(text.removesuffix("+incompatible"))


def _go_require(entries: Entries, line: str, source: Path) -> None:
    parts = line.replace('"', "").split()
    if len(parts) < 2:
        return
    module, found = parts[0], _pinned_text(parts[1], source, _go_version)
    _add(entries, module, found)
    major = re.fullmatch(r"(.+)/v([2-9]|\d{2,})", module)
    if major:
        # `/v2` is the same library at a new major version; rules name the base path.
        _add(entries, major.group(1), found)


def parse_go_mod(path: Path) -> Manifest:
    """go.mod: `require` lines and blocks (`// indirect` ones count: they are in the build).

    `replace` directives are ignored: they point at forks or local paths whose version we
    can't know, and the required version is the API the code was written against.
    """
    entries: Entries = {}
    block: str | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("//", 1)[0].strip()
        if block is not None:
            if line == ")":
                block = None
            elif block == "require" and line:
                _go_require(entries, line, path)
            continue
        directive, _, rest = line.partition(" ")
        rest = rest.strip()
        if rest == "(":
            block = directive
        elif directive == "require":
            _go_require(entries, rest, path)
    return Manifest(entries)


# --------------------------------------------------------------------------- table

KINDS: dict[str, tuple[ManifestKind, ...]] = {
    "pypi": (
        ManifestKind("pypi", "poetry.lock", True, parse_python_lock),
        ManifestKind("pypi", "uv.lock", True, parse_python_lock),
        ManifestKind("pypi", "Pipfile.lock", True, parse_pipfile_lock),
        ManifestKind("pypi", "pyproject.toml", False, parse_pyproject),
        ManifestKind("pypi", "requirements*.txt", False, parse_requirements_txt),
        ManifestKind("pypi", "*.txt", False, parse_requirements_txt, "requirements"),
    ),
    "npm": (
        ManifestKind("npm", "package-lock.json", True, parse_package_lock),
        ManifestKind("npm", "npm-shrinkwrap.json", True, parse_package_lock),
        ManifestKind("npm", "pnpm-lock.yaml", True, parse_pnpm_lock),
        ManifestKind("npm", "yarn.lock", True, parse_yarn_lock),
        ManifestKind("npm", "package.json", False, parse_package_json),
    ),
    "maven": (
        ManifestKind("maven", "pom.xml", False, parse_pom),
        ManifestKind("maven", "build.gradle", False, parse_gradle),
        ManifestKind("maven", "build.gradle.kts", False, parse_gradle),
        ManifestKind("maven", "libs.versions.toml", False, parse_version_catalog, "gradle"),
    ),
    "go": (ManifestKind("go", "go.mod", False, parse_go_mod),),
}

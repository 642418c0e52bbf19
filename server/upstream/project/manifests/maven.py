"""Maven and Gradle: pom.xml, build.gradle(.kts), gradle/libs.versions.toml, version ranges.

Names are `group:artifact`; Maven versions and ranges are mapped onto PEP 440.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from upstream.files import parse_toml
from upstream.project.manifests.model import (
    Entries,
    Manifest,
    VersionRange,
    _add,
    _table,
    _TomlLines,
)

__all__ = [
    "maven_range",
    "maven_version",
    "parse_gradle",
    "parse_pom",
    "parse_version_catalog",
]

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


def maven_range(
    text: str, source: Path | None = None, line: int | None = None
) -> VersionRange | None:
    """A Maven/Gradle version spec: `4.11.1` (exact), `[4.0,5.0)`, `(,1.0],[1.2,)`, `4.+`."""
    text = text.strip().removesuffix("!!")  # Gradle's strict marker
    if text in ("", "+", "latest.release", "latest.integration"):
        return VersionRange.of([SpecifierSet()], source, line)
    try:
        if text[0] in "[(":
            intervals = re.findall(r"([\[(])([^\[\]()]*)([\])])", text)
            if not intervals:
                return None
            sets = (_maven_interval(*parts) for parts in intervals)
            return VersionRange.of(sets, source, line)
        if text.endswith(".+"):  # Gradle dynamic: any version with this prefix
            prefix = SpecifierSet(f"=={_maven_bound(text[:-2])}.*")
            return VersionRange.of([prefix], source, line)
        version = maven_version(text)
    except (ValueError, InvalidSpecifier, InvalidVersion):
        return None
    return VersionRange.pinned(version, source, line) if version is not None else None


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


def _artifact_lines(text: str) -> dict[str, int]:
    """Each `<artifactId>` value -> the line of its first mention (ElementTree keeps none)."""
    found: dict[str, int] = {}
    for match in re.finditer(r"<artifactId>\s*([^<\s]+)\s*</artifactId>", text):
        found.setdefault(match.group(1), text.count("\n", 0, match.start()) + 1)
    return found


def parse_pom(path: Path) -> Manifest:
    """pom.xml: dependencies and dependencyManagement, with `${property}` substitution."""
    text = path.read_bytes()
    lines = _artifact_lines(text.decode("utf-8", errors="replace"))
    root = ET.fromstring(text)
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
            line = lines.get(dependency.findtext("artifactId", "").strip())
            found = maven_range(version, path, line) if version else None
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
        for match in pattern.finditer(text):
            group, artifact, version = match.groups()
            line = text.count("\n", 0, match.start()) + 1
            resolved = _substitute(version, variables, _GRADLE_REFERENCE) if version else None
            found = maven_range(resolved, path, line) if resolved else None
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
    text = path.read_text(encoding="utf-8")
    data = parse_toml(text)
    lines = _TomlLines(text)
    versions = _table(data.get("versions"))
    entries: Entries = {}
    for alias, library in _table(data.get("libraries")).items():
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
            line = lines.key(("libraries",), alias)
            found = maven_range(version, path, line) if version else None
            _add(entries, f"{group}:{artifact}", found)
    return Manifest(entries)

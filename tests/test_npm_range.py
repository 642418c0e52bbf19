"""npm (node-semver) ranges -> unions of PEP 440 specifier sets."""

from __future__ import annotations

import pytest
from packaging.specifiers import SpecifierSet
from packaging.version import Version
from upstream.project.npm_range import caret_set, parse_npm_range, semver_to_version, tilde_set

# (npm range, expected union as PEP 440 specifier strings)
RANGES: list[tuple[str, list[str]]] = [
    ("^1.2.3", [">=1.2.3,<2.0.0"]),
    ("^0.2.3", [">=0.2.3,<0.3.0"]),
    ("^0.0.3", [">=0.0.3,<0.0.4"]),
    ("^1.2.x", [">=1.2.0,<2.0.0"]),
    ("^0.0.x", [">=0.0.0,<0.1.0"]),
    ("^0.0", [">=0.0.0,<0.1.0"]),
    ("^1.x", [">=1.0.0,<2.0.0"]),
    ("^0.x", [">=0.0.0,<1.0.0"]),
    ("^1.2.3-beta.2", [">=1.2.3b2,<2.0.0"]),
    ("~1.2.3", [">=1.2.3,<1.3.0"]),
    ("~1.2", [">=1.2.0,<1.3.0"]),
    ("~1", [">=1.0.0,<2.0.0"]),
    ("~0.2.3", [">=0.2.3,<0.3.0"]),
    ("~>1.2", [">=1.2.0,<1.3.0"]),
    ("1.2.x", [">=1.2.0,<1.3.0"]),
    ("1.2.*", [">=1.2.0,<1.3.0"]),
    ("1.2", [">=1.2.0,<1.3.0"]),
    ("1.x", [">=1.0.0,<2.0.0"]),
    ("1", [">=1.0.0,<2.0.0"]),
    ("1.2.3 - 2.3.4", [">=1.2.3,<=2.3.4"]),
    ("1.2 - 2.3.4", [">=1.2.0,<=2.3.4"]),
    ("1.2.3 - 2.3", [">=1.2.3,<2.4.0"]),
    ("1.2.3 - 2", [">=1.2.3,<3.0.0"]),
    (">=1 <2", [">=1.0.0,<2.0.0"]),
    (">= 1.2.3 < 1.4", [">=1.2.3,<1.4.0"]),
    (">1", [">=2.0.0"]),
    (">1.2", [">=1.3.0"]),
    (">1.2.3", [">1.2.3"]),
    ("<=1.2", ["<1.3.0"]),
    ("<=1.2.3", ["<=1.2.3"]),
    ("<1.2", ["<1.2.0"]),
    ("=1.2.3", ["==1.2.3"]),
    ("1.2.3", ["==1.2.3"]),
    ("v1.2.3", ["==1.2.3"]),
    ("=v1.2.3", ["==1.2.3"]),
    ("1.2.3+build.5", ["==1.2.3"]),
    ("*", [""]),
    ("x", [""]),
    ("X", [""]),
    ("", [""]),
    ("latest", [""]),
    (">=*", [""]),
    ("^1 || ^2", [">=1.0.0,<2.0.0", ">=2.0.0,<3.0.0"]),
    ("1.x || >=2.5.0 || 5.0.0 - 7.2.3", [">=1,<2", ">=2.5.0", ">=5.0.0,<=7.2.3"]),
    ("npm:other-package@^3.1.0", [">=3.1.0,<4.0.0"]),
    ("npm:@scope/pkg@~2.0.1", [">=2.0.1,<2.1.0"]),
]


@pytest.mark.parametrize(("npm", "expected"), RANGES)
def test_npm_range_table(npm: str, expected: list[str]) -> None:
    assert parse_npm_range(npm) == [SpecifierSet(text) for text in expected]


@pytest.mark.parametrize(
    "npm",
    [
        "workspace:*",
        "workspace:^1.0.0",
        "file:../local-lib",
        "link:../lib",
        "git+https://github.com/org/repo.git#v1.0.0",
        "github:org/repo",
        "org/repo",
        "https://example.com/pkg.tgz",
        "next",
        "beta",
        "^1.2.3.4",
        ">=1.2 || banana",
    ],
)
def test_non_semver_specs_are_unknown(npm: str) -> None:
    assert parse_npm_range(npm) is None


def test_nothing_matches_greater_than_star() -> None:
    (union,) = parse_npm_range(">*") or [SpecifierSet()]
    assert not union.contains("0.0.0") and not union.contains("99.0.0")


@pytest.mark.parametrize(
    ("npm", "inside", "outside"),
    [
        ("^1.2.3", ["1.2.3", "1.9.9"], ["1.2.2", "2.0.0", "2.0.0rc1"]),
        ("^0.2.3", ["0.2.3", "0.2.9"], ["0.3.0", "0.2.2"]),
        ("~1.2.3", ["1.2.3", "1.2.99"], ["1.3.0", "1.2.2"]),
        ("1.2.3 - 2.3", ["1.2.3", "2.3.99"], ["2.4.0", "1.2.2"]),
        ("<1.2.3-rc.1", ["1.2.2", "1.2.3b1"], ["1.2.3rc1", "1.2.3"]),
    ],
)
def test_membership(npm: str, inside: list[str], outside: list[str]) -> None:
    union = parse_npm_range(npm)
    assert union is not None

    def allowed(version: str) -> bool:
        return any(spec.contains(version, prereleases=True) for spec in union)

    assert all(allowed(version) for version in inside)
    assert not any(allowed(version) for version in outside)


@pytest.mark.parametrize(
    ("npm", "expected", "inside", "outside"),
    [
        # node-semver: a written `<X.Y.Z` admits X.Y.Z's pre-releases when the set names one.
        (">=1.0.0-rc.1 <1.0.0", ">=1.0.0rc1,<=1.0.0,!=1.0.0", ["1.0.0rc2"], ["1.0.0", "1.0.0b1"]),
        ("1.0.0-rc.1 <1.0.0", "==1.0.0rc1,<=1.0.0,!=1.0.0", ["1.0.0rc1"], ["1.0.0rc2"]),
        ("^1.0.0-rc.1 <1.0.0", ">=1.0.0rc1,<2.0.0,<=1.0.0,!=1.0.0", ["1.0.0rc2"], ["1.0.0"]),
        # Not without one, and not `^`/`~`/X-range bounds or partials (node's `<X.Y.Z-0`).
        ("<1.0.0", "<1.0.0", ["0.9.9"], ["1.0.0rc1"]),
        ("^0.0.2 >=0.0.3-beta", ">=0.0.2,<0.0.3,>=0.0.3b0", [], ["0.0.3b0", "0.0.3"]),
        (">=1.0.0-rc.1 <1.0", ">=1.0.0rc1,<1.0.0", [], ["1.0.0rc2"]),
    ],
)
def test_less_than_admits_named_prereleases(
    npm: str, expected: str, inside: list[str], outside: list[str]
) -> None:
    assert parse_npm_range(npm) == [SpecifierSet(expected)]
    (union,) = parse_npm_range(npm) or [SpecifierSet()]
    assert all(union.contains(version, prereleases=True) for version in inside)
    assert not any(union.contains(version, prereleases=True) for version in outside)


@pytest.mark.parametrize(
    ("semver", "pep440"),
    [
        ("1.2.3", "1.2.3"),
        ("v1.2.3", "1.2.3"),
        ("1.2.3-beta.2", "1.2.3b2"),
        ("1.2.3-alpha", "1.2.3a0"),
        ("1.2.3-rc.1+build.7", "1.2.3rc1"),
        ("5.0.0-next.4", "5.0.0.dev4"),
        ("1.2.4-0.20191109021931-daa7c04131f5", "1.2.4.dev0"),
    ],
)
def test_semver_to_version(semver: str, pep440: str) -> None:
    assert semver_to_version(semver) == Version(pep440)


@pytest.mark.parametrize("text", ["1.2", "latest", "link:../x", ""])
def test_semver_to_version_rejects_non_versions(text: str) -> None:
    assert semver_to_version(text) is None


def test_unknown_prerelease_sorts_below_release() -> None:
    version = semver_to_version("2.0.0-canary-abc")
    assert version is not None and version < Version("2.0.0") and version > Version("1.9.9")


def test_caret_and_tilde_helpers_take_written_parts() -> None:
    assert caret_set(Version("0.0"), 2) == SpecifierSet(">=0.0,<0.1")
    assert caret_set(Version("1.2.3.4"), 4) == SpecifierSet(">=1.2.3.4,<2.0.0.0")
    assert tilde_set(Version("2"), 1) == SpecifierSet(">=2,<3")
    assert caret_set(Version("0"), 0) == SpecifierSet()

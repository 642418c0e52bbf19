"""Version gates: Requirement parsing, the overlap test, and nearest-manifest resolution."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from manifest_support import write
from packaging.specifiers import SpecifierSet
from packaging.version import Version
from upstream.packs import Ecosystem, Requirement
from upstream.project import versions
from upstream.project.manifests import Manifest, ManifestKind, VersionRange, parse_manifest
from upstream.project.versions import VersionResolver, overlaps


def bump_mtime(path: Path) -> None:
    """Make sure a rewrite is visible even on filesystems with coarse timestamps."""
    status = path.stat()
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 5_000_000_000))


def req(text: str, ecosystem: str = "pypi") -> Requirement:
    return Requirement.parse(ecosystem, text)


# --------------------------------------------------------------------------- Requirement


@pytest.mark.parametrize(
    ("ecosystem", "text", "name", "specifier"),
    [
        ("pypi", "pymongo>=4.0", "pymongo", ">=4.0"),
        ("pypi", "Py_Mongo[srv] >=4.0, <5", "py-mongo", ">=4.0,<5"),
        ("PyPI", "openai", "openai", ""),
        ("npm", "mongodb>=5.0", "mongodb", ">=5.0"),
        ("npm", "@aws-sdk/client-s3>=3.0,<4", "@aws-sdk/client-s3", ">=3.0,<4"),
        ("npm", "mongodb@^5.1.0", "mongodb", ">=5.1.0,<6.0.0"),
        ("npm", "mongodb >=5 <6", "mongodb", ">=5.0.0,<6.0.0"),
        (
            "maven",
            "org.mongodb:mongodb-driver-sync>=4.0",
            "org.mongodb:mongodb-driver-sync",
            ">=4.0",
        ),
        ("go", "go.mongodb.org/mongo-driver>=1.0", "go.mongodb.org/mongo-driver", ">=1.0"),
        ("go", "github.com/redis/go-redis/v9~=9.3", "github.com/redis/go-redis/v9", "~=9.3"),
    ],
)
def test_requirement_parse(ecosystem: str, text: str, name: str, specifier: str) -> None:
    parsed = Requirement.parse(ecosystem, text)
    assert parsed.ecosystem is Ecosystem(ecosystem.lower())
    assert parsed.name == name
    assert parsed.specifier == SpecifierSet(specifier)


@pytest.mark.parametrize(
    ("ecosystem", "text", "message"),
    [
        ("cargo", "serde>=1", "unknown ecosystem 'cargo'"),
        ("pypi", "pymongo>=>4", "invalid pypi requirement"),
        ("pypi", "pymongo>=4; python_version<'3.8'", "markers are not allowed"),
        ("npm", ">=5.0", "invalid npm requirement"),
        ("npm", "mongodb>=banana", "is not a version specifier"),
        ("maven", "mongodb-driver-sync>=4.0", "expected NAME"),
        ("go", "go.mongodb.org/mongo-driver>=1.0 ||| x", "invalid go requirement"),
    ],
)
def test_requirement_parse_errors(ecosystem: str, text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        Requirement.parse(ecosystem, text)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_parse_many_accepts_a_string_or_a_list() -> None:
    assert Requirement.parse_many("pypi", "pymongo>=4") == [req("pymongo>=4")]
    both = Requirement.parse_many("pypi", ["pymongo>=4", "pymongo<5"])
    assert [str(item) for item in both] == ["pymongo>=4", "pymongo<5"]


# --------------------------------------------------------------------------- overlap test


def ranged(*union: str) -> VersionRange:
    return VersionRange.of(SpecifierSet(text) for text in union)


@pytest.mark.parametrize(
    ("project", "rule", "expected"),
    [
        (ranged(">=3.0"), ">=4.0", True),
        (ranged("<4"), ">=4.0", False),
        (ranged("<=4.0"), ">=4.0", True),
        (ranged("<4.0"), ">=4.0", False),
        (ranged(">=3.0,<4.0"), ">=3.5,<3.6", True),
        (ranged("==3.*"), ">=4.0", False),
        (ranged("==3.*"), ">=3.99", True),
        (ranged("~=3.12"), ">=4", False),
        (ranged("~=3.12"), "<3.12", False),
        (ranged("~=3.12.1"), ">=3.12.5", True),
        (ranged("!=4.0"), "==4.0", False),
        (ranged("!=4.0"), ">=4.0,<=4.0.1", True),
        (ranged(">4.0"), "<=4.0", False),
        (ranged(">4.0"), "<4.0.1", True),
        (ranged(">1.0.999999"), "<1.1", True),  # only "just above" 1.0.999999 lies between
        (ranged(">=1,<2", ">=3,<4"), ">=2,<3", False),
        (ranged(">=1,<2", ">=3,<4"), ">=3.5", True),
        (ranged(""), "<0.1", True),
        (ranged(">=1.0,<1.0"), ">=0", False),
        (ranged(">=5.0.0,<6.0.0"), "<5", False),
        (ranged(">=1!1.0"), "<999", False),
        (ranged(">=1!1.0,<1!2"), ">=1!1.5", True),
        # Pre-releases only count where a specifier names one.
        (ranged(">=3.0"), ">=4.0rc1,<4.0rc9", False),
        (ranged(">=4.0rc1,<4.0rc9"), ">=3.0", True),
        (ranged(">4.0rc1,<4.0rc3"), ">=4.0rc2", True),
        (ranged(">4.0rc1,<4.0rc3"), "<4.0rc2", False),
        # PEP 440: `<4.0` excludes 4.0's own pre-releases.
        (ranged(">=4.0rc1"), "<4.0", False),
        (VersionRange.pinned(Version("3.13.0")), ">=4.0", False),
        (VersionRange.pinned(Version("4.0.0")), ">=4.0", True),
        (VersionRange.pinned(Version("4.0.0rc1")), ">=4.0rc1", True),
        (VersionRange.pinned(Version("4.0.0rc1")), ">=3.0", True),
    ],
)
def test_overlaps(project: VersionRange, rule: str, expected: bool) -> None:
    assert overlaps(project, SpecifierSet(rule)) is expected


def test_double_equals_pin_becomes_exact() -> None:
    assert ranged("==3.13.0").exact == Version("3.13.0")
    assert ranged("==3.*").exact is None


# --------------------------------------------------------------------------- resolver


def test_requirements_against_rule(tmp_path: Path) -> None:
    write(tmp_path / "requirements.txt", "pymongo>=3.0\nrequests==2.31.0\n")
    resolver = VersionResolver()
    source = tmp_path / "app" / "main.py"
    assert resolver.allowed(Ecosystem.PYPI, "PyMongo", source) == ranged(">=3.0")
    assert resolver.satisfies(req("pymongo>=4.0"), source) is True
    assert resolver.satisfies(req("requests>=3"), source) is False
    assert resolver.satisfies(req("requests<3"), source) is True


@pytest.mark.parametrize("pin", ["pymongo<4", "pymongo==3.13.0"])
def test_project_below_rule_is_false(tmp_path: Path, pin: str) -> None:
    write(tmp_path / "requirements.txt", pin + "\n")
    assert VersionResolver().satisfies(req("pymongo>=4.0"), tmp_path / "a.py") is False


def test_unknown_package_is_none(tmp_path: Path) -> None:
    write(tmp_path / "requirements.txt", "flask\n")
    resolver = VersionResolver(stop_at=tmp_path)
    assert resolver.allowed(Ecosystem.PYPI, "pymongo", tmp_path / "a.py") is None
    assert resolver.satisfies(req("pymongo>=4.0"), tmp_path / "a.py") is None
    assert resolver.satisfies(req("pymongo"), tmp_path / "a.py") is None


def test_empty_specifier_needs_only_presence(tmp_path: Path) -> None:
    write(tmp_path / "requirements.txt", "pymongo<4\nmylib @ https://example.com/mylib.tgz\n")
    resolver = VersionResolver(stop_at=tmp_path)
    assert resolver.satisfies(req("pymongo"), tmp_path / "a.py") is True
    # Present with a version we can't read: presence is known, the version is not.
    assert resolver.satisfies(req("mylib"), tmp_path / "a.py") is True
    assert resolver.satisfies(req("mylib>=1"), tmp_path / "a.py") is None
    assert resolver.allowed(Ecosystem.PYPI, "mylib", tmp_path / "a.py") is None


def test_nearest_manifest_decides(tmp_path: Path) -> None:
    write(tmp_path / "requirements.txt", "pymongo==4.6.0\nflask==3.0.0\n")
    write(tmp_path / "services" / "legacy" / "requirements.txt", "pymongo==3.12.0\n")
    resolver = VersionResolver()
    legacy = tmp_path / "services" / "legacy" / "src" / "db.py"
    assert resolver.satisfies(req("pymongo>=4.0"), legacy) is False
    assert resolver.satisfies(req("pymongo>=4.0"), tmp_path / "services" / "new.py") is True
    # The nearest directory doesn't mention flask: keep walking up.
    assert resolver.allowed(Ecosystem.PYPI, "flask", legacy) == ranged("==3.0.0")


def test_unreadable_mention_does_not_decide(tmp_path: Path) -> None:
    write(tmp_path / "pom.xml", _pom("<version>4.11.1</version>", managed=True))
    write(tmp_path / "module" / "pom.xml", _pom(""))
    source = tmp_path / "module" / "src" / "main" / "java" / "App.java"
    resolver = VersionResolver()
    found = resolver.allowed(Ecosystem.MAVEN, "org.mongodb:mongodb-driver-sync", source)
    assert found == VersionRange.pinned(Version("4.11.1"))


def _pom(version: str, managed: bool = False) -> str:
    dependency = f"""
        <dependency>
          <groupId>org.mongodb</groupId>
          <artifactId>mongodb-driver-sync</artifactId>
          {version}
        </dependency>"""
    if managed:
        management = f"<dependencies>{dependency}</dependencies>"
        body = f"<dependencyManagement>{management}</dependencyManagement>"
    else:
        body = f"<dependencies>{dependency}</dependencies>"
    return f'<project xmlns="http://maven.apache.org/POM/4.0.0">{body}</project>'


def test_stop_at_limits_the_walk(tmp_path: Path) -> None:
    write(tmp_path / "requirements.txt", "pymongo==4.6.0\n")
    project = tmp_path / "project"
    source = project / "pkg" / "a.py"
    assert VersionResolver().satisfies(req("pymongo>=4"), source) is True
    assert VersionResolver(stop_at=project).satisfies(req("pymongo>=4"), source) is None


@pytest.mark.parametrize(
    ("lockfile", "text"),
    [
        ("poetry.lock", '[[package]]\nname = "pymongo"\nversion = "3.13.0"\n'),
        ("uv.lock", 'version = 1\n[[package]]\nname = "pymongo"\nversion = "3.13.0"\n'),
        ("Pipfile.lock", json.dumps({"default": {"pymongo": {"version": "==3.13.0"}}})),
    ],
)
def test_python_lockfile_wins_in_its_directory(tmp_path: Path, lockfile: str, text: str) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\ndependencies = ["pymongo>=3.0"]\n')
    write(tmp_path / lockfile, text)
    resolver = VersionResolver()
    assert resolver.allowed(Ecosystem.PYPI, "pymongo", tmp_path / "x.py") == VersionRange.pinned(
        Version("3.13.0")
    )
    assert resolver.satisfies(req("pymongo>=4.0"), tmp_path / "x.py") is False


def test_lockfile_without_the_package_falls_back_to_manifest(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\ndependencies = ["pymongo>=4.1"]\n')
    write(tmp_path / "poetry.lock", '[[package]]\nname = "flask"\nversion = "3.0.0"\n')
    found = VersionResolver().allowed(Ecosystem.PYPI, "pymongo", tmp_path / "x.py")
    assert found == ranged(">=4.1")


def test_manifests_in_one_directory_are_a_union(tmp_path: Path) -> None:
    write(tmp_path / "requirements.txt", "pymongo<4\n")
    write(tmp_path / "requirements-next.txt", "pymongo>=4.5\n")
    write(tmp_path / "requirements" / "ci.txt", "pymongo==4.2.0\n")
    resolver = VersionResolver()
    found = resolver.allowed(Ecosystem.PYPI, "pymongo", tmp_path / "x.py")
    assert found == ranged("==4.2.0", "<4", ">=4.5")
    assert resolver.satisfies(req("pymongo>=4.0,<4.5"), tmp_path / "x.py") is True
    assert resolver.satisfies(req("pymongo>=5.0"), tmp_path / "x.py") is True


def test_npm_lockfiles_win_over_package_json(tmp_path: Path) -> None:
    write(tmp_path / "package.json", json.dumps({"dependencies": {"mongodb": "^5.0.0"}}))
    source = tmp_path / "src" / "db.ts"
    resolver = VersionResolver()
    assert resolver.satisfies(req("mongodb>=5.5", "npm"), source) is True
    write(tmp_path / "yarn.lock", 'mongodb@^5.0.0:\n  version "5.1.0"\n')
    assert resolver.allowed(Ecosystem.NPM, "mongodb", source) == VersionRange.pinned(
        Version("5.1.0")
    )
    assert resolver.satisfies(req("mongodb>=5.5", "npm"), source) is False


def test_npm_or_range_against_rule(tmp_path: Path) -> None:
    write(tmp_path / "package.json", json.dumps({"dependencies": {"mongodb": "^3.6 || ^4.0"}}))
    resolver = VersionResolver()
    source = tmp_path / "index.js"
    assert resolver.satisfies(req("mongodb>=5.0", "npm"), source) is False
    assert resolver.satisfies(req("mongodb>=4.17", "npm"), source) is True
    assert resolver.satisfies(req("mongodb<3.6", "npm"), source) is False


def test_workspace_package_defers_to_root_lockfile(tmp_path: Path) -> None:
    write(
        tmp_path / "package-lock.json",
        json.dumps(
            {
                "lockfileVersion": 3,
                "packages": {"node_modules/shared": {"version": "2.4.0"}},
            }
        ),
    )
    write(
        tmp_path / "packages" / "app" / "package.json",
        json.dumps(
            {
                "dependencies": {"shared": "workspace:*", "mongodb": "~6.2.0"},
            }
        ),
    )
    resolver = VersionResolver()
    source = tmp_path / "packages" / "app" / "src" / "main.ts"
    assert resolver.allowed(Ecosystem.NPM, "shared", source) == VersionRange.pinned(
        Version("2.4.0")
    )
    assert resolver.allowed(Ecosystem.NPM, "mongodb", source) == ranged(">=6.2.0,<6.3.0")


def test_gradle_and_go_resolution(tmp_path: Path) -> None:
    write(
        tmp_path / "build.gradle",
        'dependencies { implementation "org.mongodb:mongodb-driver-sync:4.11.1" }\n',
    )
    write(tmp_path / "go.mod", "module m\n\nrequire (\n\tgo.mongodb.org/mongo-driver v1.13.1\n)\n")
    resolver = VersionResolver()
    source = tmp_path / "src" / "Main.java"
    assert resolver.satisfies(req("org.mongodb:mongodb-driver-sync>=5.0", "maven"), source) is False
    assert resolver.satisfies(req("org.mongodb:mongodb-driver-sync>=4.0", "maven"), source) is True
    assert resolver.satisfies(req("go.mongodb.org/mongo-driver>=1.0", "go"), source) is True
    assert resolver.satisfies(req("go.mongodb.org/mongo-driver>=v2.0", "go"), source) is False


def test_version_catalog_is_read_from_the_gradle_folder(tmp_path: Path) -> None:
    write(tmp_path / "gradle" / "libs.versions.toml", '[libraries]\nj = "junit:junit:4.13.2"\n')
    found = VersionResolver().allowed(Ecosystem.MAVEN, "junit:junit", tmp_path / "app" / "T.java")
    assert found == VersionRange.pinned(Version("4.13.2"))


def test_satisfies_all(tmp_path: Path) -> None:
    write(tmp_path / "requirements.txt", "pymongo>=3.0,<4.5\n")
    resolver = VersionResolver(stop_at=tmp_path)
    source = tmp_path / "a.py"
    both = Requirement.parse_many("pypi", ["pymongo>=4.0", "pymongo<5"])
    assert resolver.satisfies_all(both, source) is True
    assert resolver.satisfies_all([*both, req("pymongo>=4.6")], source) is False
    assert resolver.satisfies_all([*both, req("motor>=3")], source) is None


# --------------------------------------------------------------------------- caching


@pytest.fixture
def parse_calls(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every manifest parse the resolver performs."""
    calls: list[Path] = []

    def counting(kind: ManifestKind, path: Path) -> Manifest:
        calls.append(path)
        return parse_manifest(kind, path)

    monkeypatch.setattr(versions, "parse_manifest", counting)
    return calls


def test_manifests_are_parsed_once(tmp_path: Path, parse_calls: list[Path]) -> None:
    manifest = write(tmp_path / "requirements.txt", "pymongo>=4\n")
    resolver = VersionResolver(stop_at=tmp_path)
    for index in range(50):
        assert resolver.satisfies(req("pymongo>=4"), tmp_path / f"m{index}.py") is True
    assert parse_calls == [manifest]


def test_changed_manifest_is_reread(tmp_path: Path, parse_calls: list[Path]) -> None:
    manifest = write(tmp_path / "requirements.txt", "pymongo>=4\n")
    resolver = VersionResolver(stop_at=tmp_path)
    assert resolver.satisfies(req("pymongo>=4"), tmp_path / "a.py") is True
    manifest.write_text("pymongo<4\n", encoding="utf-8")
    bump_mtime(manifest)
    assert resolver.satisfies(req("pymongo>=4"), tmp_path / "a.py") is False
    assert parse_calls == [manifest, manifest]


def test_changed_include_is_reread(tmp_path: Path) -> None:
    write(tmp_path / "requirements.txt", "-r base.txt\n")
    base = write(tmp_path / "base.txt", "pymongo>=4\n")
    resolver = VersionResolver(stop_at=tmp_path)
    assert resolver.satisfies(req("pymongo>=4"), tmp_path / "a.py") is True
    base.write_text("pymongo==3.13.0\n", encoding="utf-8")
    bump_mtime(base)
    assert resolver.satisfies(req("pymongo>=4"), tmp_path / "a.py") is False


def test_new_and_deleted_manifests_are_noticed(tmp_path: Path) -> None:
    resolver = VersionResolver(stop_at=tmp_path)
    source = tmp_path / "a.py"
    assert resolver.satisfies(req("pymongo>=4"), source) is None
    write(tmp_path / "requirements.txt", "pymongo==3.13.0\n")
    bump_mtime(tmp_path)
    assert resolver.satisfies(req("pymongo>=4"), source) is False
    (tmp_path / "requirements.txt").unlink()
    bump_mtime(tmp_path)
    assert resolver.satisfies(req("pymongo>=4"), source) is None


def test_malformed_manifest_never_raises(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[project\n")
    write(tmp_path / "package.json", "{")
    write(tmp_path / "pom.xml", "<project>")
    write(tmp_path / "requirements.txt", "pymongo==4.6.0\n")
    resolver = VersionResolver(stop_at=tmp_path)
    assert resolver.satisfies(req("pymongo>=4"), tmp_path / "a.py") is True
    assert resolver.satisfies(req("mongodb>=4", "npm"), tmp_path / "a.js") is None
    assert resolver.allowed(Ecosystem.MAVEN, "g:a", tmp_path / "A.java") is None

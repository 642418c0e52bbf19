"""One parser per manifest kind: real files written to tmp_path, concrete versions asserted."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from manifest_support import exact, spec, write
from packaging.specifiers import SpecifierSet
from packaging.version import Version
from upstream.project.manifests import (
    KINDS,
    Manifest,
    ManifestKind,
    VersionRange,
    maven_range,
    maven_version,
    parse_go_mod,
    parse_gradle,
    parse_manifest,
    parse_package_json,
    parse_package_lock,
    parse_pipfile_lock,
    parse_pnpm_lock,
    parse_pom,
    parse_pyproject,
    parse_python_lock,
    parse_requirements_txt,
    parse_version_catalog,
    parse_yarn_lock,
    poetry_constraint,
)


def kind_for(name: str) -> ManifestKind:
    return next(kind for kinds in KINDS.values() for kind in kinds if kind.pattern == name)


# --------------------------------------------------------------------------- PyPI


def test_requirements_txt(tmp_path: Path) -> None:
    write(tmp_path / "base.txt", "numpy<2  # pinned below 2\n-r nested/more.txt\n")
    write(tmp_path / "nested" / "more.txt", "-r ../base.txt\nattrs~=23.1\n")
    path = write(
        tmp_path / "requirements.txt",
        r"""
        # a comment line
        PyMongo>=3.0,<5 ; python_version >= "3.8"
        requests[socks]==2.31.0
        Django==4.2.* \
            # continuation
        -r base.txt
        -c constraints.txt
        -e git+https://github.com/org/editable.git#egg=editable
        --index-url https://pypi.example.org/simple
        mylib @ https://example.com/mylib-1.0.tar.gz
        ./local/path
        """,
    )
    manifest = parse_requirements_txt(path)
    assert manifest.entries == {
        "pymongo": spec(">=3.0,<5"),
        "requests": exact("2.31.0"),
        "django": spec("==4.2.*"),
        "numpy": spec("<2"),
        "attrs": spec("~=23.1"),
        "mylib": None,
    }
    assert manifest.entries["requests"] is not None
    assert manifest.entries["requests"].exact == Version("2.31.0")
    # Includes are tracked so a cache can notice when they change.
    assert (tmp_path / "nested" / "more.txt").resolve() in manifest.files


def test_requirements_with_hashes(tmp_path: Path) -> None:
    path = write(
        tmp_path / "requirements.txt",
        r"""
        pymongo==4.6.1 \
            --hash=sha256:aaaa \
            --hash=sha256:bbbb
            # via -r requirements.in
        dnspython==2.6.1 --hash=sha256:cccc
        """,
    )
    assert parse_requirements_txt(path).entries == {
        "pymongo": exact("4.6.1"),
        "dnspython": exact("2.6.1"),
    }


def test_requirements_duplicate_lines_with_markers_are_a_union(tmp_path: Path) -> None:
    path = write(
        tmp_path / "requirements.txt",
        """
        numpy==1.21.6; python_version < "3.10"
        numpy==1.26.4; python_version >= "3.10"
        """,
    )
    assert parse_requirements_txt(path).entries["numpy"] == spec("==1.21.6", "==1.26.4")


def test_requirements_missing_include_is_tolerated(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(tmp_path / "requirements.txt", "-r missing.txt\nflask>=2\n")
    with caplog.at_level(logging.WARNING, logger="upstream.project"):
        manifest = parse_manifest(kind_for("requirements*.txt"), path)
    assert manifest.entries == {"flask": spec(">=2")}
    assert "missing.txt" in caplog.text


def test_pyproject_pep621_and_groups(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml",
        """
        [project]
        name = "app"
        dependencies = ["pymongo>=4.0,<5", "httpx"]
        [project.optional-dependencies]
        ai = ["openai>=1.0"]
        [dependency-groups]
        dev = ["pytest==8.2.0", {include-group = "ai"}]
        """,
    )
    assert parse_pyproject(path).entries == {
        "pymongo": spec(">=4.0,<5"),
        "httpx": spec(""),
        "openai": spec(">=1.0"),
        "pytest": exact("8.2.0"),
    }


def test_pyproject_poetry(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml",
        """
        [tool.poetry.dependencies]
        python = "^3.10"
        pymongo = "^4.0"
        openai = { version = "~1.3.2", extras = ["datalib"] }
        Requests = "2.31.0"
        numpy = [
            { version = "<1.25", python = "<3.9" },
            { version = "^1.26", python = ">=3.9" },
        ]
        private = { git = "https://github.com/org/private.git" }
        anything = "*"
        legacy = ">= 1.2, < 1.5 || ^2.0"
        [tool.poetry.dev-dependencies]
        black = "^0.0.3"
        [tool.poetry.group.test.dependencies]
        pytest = "~8"
        """,
    )
    entries = parse_pyproject(path).entries
    assert "python" not in entries
    assert entries == {
        "pymongo": spec(">=4.0,<5.0.0"),
        "openai": spec(">=1.3.2,<1.4.0"),
        "requests": exact("2.31.0"),
        "numpy": spec("<1.25", ">=1.26,<2.0.0"),
        "private": None,
        "anything": spec(""),
        "legacy": spec(">=1.2,<1.5", ">=2.0,<3.0.0"),
        "black": spec(">=0.0.3,<0.0.4"),
        "pytest": spec(">=8,<9.0.0"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("^1.2.3", [">=1.2.3,<2.0.0"]),
        ("^0.2", [">=0.2,<0.3.0"]),
        ("~1.2", [">=1.2,<1.3.0"]),
        ("~=1.2", ["~=1.2"]),
        ("1.2.*", ["==1.2.*"]),
        ("=1.2.3", ["==1.2.3"]),
        (">=1.0 <2.0", [">=1.0,<2.0"]),
        ("^1.0 | ^3.0", [">=1.0,<2.0.0", ">=3.0,<4.0.0"]),
        ("", [""]),
    ],
)
def test_poetry_constraint(text: str, expected: list[str]) -> None:
    assert poetry_constraint(text) == [SpecifierSet(item) for item in expected]


def test_poetry_constraint_rejects_garbage() -> None:
    assert poetry_constraint("^banana") is None


@pytest.mark.parametrize("name", ["poetry.lock", "uv.lock"])
def test_python_lockfiles(tmp_path: Path, name: str) -> None:
    path = write(
        tmp_path / name,
        """
        version = 1

        [[package]]
        name = "PyMongo"
        version = "3.13.0"

        [[package]]
        name = "dnspython"
        version = "2.6.1"

        [[package]]
        name = "weird"
        version = "not a version!"
        """,
    )
    assert parse_python_lock(path).entries == {
        "pymongo": exact("3.13.0"),
        "dnspython": exact("2.6.1"),
        "weird": None,
    }


def test_pipfile_lock(tmp_path: Path) -> None:
    data = {
        "_meta": {"hash": {}},
        "default": {"pymongo": {"version": "==3.12.3"}, "forked": {"git": "https://x/y.git"}},
        "develop": {"pytest": {"version": "==8.0.0"}},
    }
    path = write(tmp_path / "Pipfile.lock", json.dumps(data))
    assert parse_pipfile_lock(path).entries == {
        "pymongo": exact("3.12.3"),
        "forked": None,
        "pytest": exact("8.0.0"),
    }


# --------------------------------------------------------------------------- npm


def test_package_json(tmp_path: Path) -> None:
    data = {
        "name": "app",
        "dependencies": {"mongodb": "^5.1.0", "lib": "workspace:*"},
        "devDependencies": {"typescript": "~5.3.2"},
        "peerDependencies": {"react": "^17 || ^18"},
        "optionalDependencies": {"fsevents": "2.3.3"},
        "overrides": {"ignored": "1.0.0"},
        "engines": {"node": ">=18"},
    }
    path = write(tmp_path / "package.json", json.dumps(data))
    assert parse_package_json(path).entries == {
        "mongodb": spec(">=5.1.0,<6.0.0"),
        "lib": None,
        "typescript": spec(">=5.3.2,<5.4.0"),
        "react": spec(">=17.0.0,<18.0.0", ">=18.0.0,<19.0.0"),
        "fsevents": exact("2.3.3"),
    }


def test_package_json_alias_registers_both_names(tmp_path: Path) -> None:
    data = {"dependencies": {"mongo5": "npm:mongodb@^5.0.0"}}
    path = write(tmp_path / "package.json", json.dumps(data))
    entries = parse_package_json(path).entries
    assert entries["mongo5"] == entries["mongodb"] == spec(">=5.0.0,<6.0.0")


def test_package_lock_v1(tmp_path: Path) -> None:
    data = {
        "lockfileVersion": 1,
        "dependencies": {
            "mongodb": {"version": "4.17.2", "dependencies": {"bson": {"version": "1.0.0"}}},
            "bson": {"version": "4.7.2"},
            "gitdep": {"version": "github:org/repo#abc"},
        },
    }
    path = write(tmp_path / "package-lock.json", json.dumps(data))
    assert parse_package_lock(path).entries == {
        "mongodb": exact("4.17.2"),
        "bson": exact("4.7.2"),
        "gitdep": None,
    }


def test_package_lock_v3(tmp_path: Path) -> None:
    data = {
        "lockfileVersion": 3,
        "packages": {
            "": {"name": "app", "dependencies": {"mongodb": "^6.0.0"}},
            "node_modules/mongodb": {"version": "6.3.0"},
            "node_modules/@types/node": {"version": "20.11.5"},
            "node_modules/mongodb/node_modules/bson": {"version": "5.0.0"},
            "node_modules/bson": {"version": "6.2.0"},
            "node_modules/lib": {"resolved": "packages/lib", "link": True},
        },
    }
    path = write(tmp_path / "package-lock.json", json.dumps(data))
    assert parse_package_lock(path).entries == {
        "mongodb": exact("6.3.0"),
        "@types/node": exact("20.11.5"),
        "bson": exact("6.2.0"),
    }


def test_pnpm_lock_v6(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pnpm-lock.yaml",
        """
        lockfileVersion: '6.0'
        dependencies:
          mongodb:
            specifier: ^5.0.0
            version: 5.9.2(@aws-sdk/credential-providers@3.1.0)
          local:
            specifier: link:../local
            version: link:../local
        devDependencies:
          typescript:
            specifier: ~5.3.0
            version: 5.3.3
        packages:
          /mongodb@5.9.2(@aws-sdk/credential-providers@3.1.0):
            resolution: {integrity: sha512-x}
          /bson@5.5.1:
            resolution: {integrity: sha512-y}
          /@types/whatwg-url@8.2.2:
            resolution: {integrity: sha512-z}
          /bson@6.2.0:
            resolution: {integrity: sha512-w}
        """,
    )
    assert parse_pnpm_lock(path).entries == {
        "mongodb": exact("5.9.2"),
        "local": None,
        "typescript": exact("5.3.3"),
        "bson": spec("==5.5.1", "==6.2.0"),
        "@types/whatwg-url": exact("8.2.2"),
    }


def test_pnpm_lock_v9_importers(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pnpm-lock.yaml",
        """
        lockfileVersion: '9.0'
        importers:
          .:
            dependencies:
              mongodb:
                specifier: ^6.1.0
                version: 6.3.0(socks@2.7.1)
          packages/web:
            dependencies:
              mongodb:
                specifier: ^6.0.0
                version: 6.1.0
        packages:
          mongodb@6.3.0:
            resolution: {integrity: sha512-a}
          '@mongodb-js/saslprep@1.1.4':
            resolution: {integrity: sha512-b}
        snapshots:
          mongodb@6.3.0(socks@2.7.1): {}
        """,
    )
    assert parse_pnpm_lock(path).entries == {
        "mongodb": spec("==6.3.0", "==6.1.0"),
        "@mongodb-js/saslprep": exact("1.1.4"),
    }


def test_pnpm_lock_v5_keys(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pnpm-lock.yaml",
        """
        lockfileVersion: 5.4
        specifiers:
          string_decoder: ^1.3.0
        dependencies:
          string_decoder: 1.3.0
        packages:
          /string_decoder/1.3.0:
            resolution: {integrity: sha512-c}
          /@babel/core/7.23.0_supports-color@8.1.1:
            resolution: {integrity: sha512-d}
        """,
    )
    assert parse_pnpm_lock(path).entries == {
        "string_decoder": exact("1.3.0"),
        "@babel/core": exact("7.23.0"),
    }


def test_yarn_lock_classic(tmp_path: Path) -> None:
    path = write(
        tmp_path / "yarn.lock",
        """
        # THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
        # yarn lockfile v1


        "@babel/code-frame@^7.0.0", "@babel/code-frame@^7.10.4":
          version "7.12.13"
          resolved "https://registry.yarnpkg.com/@babel/code-frame/-/code-frame-7.12.13.tgz"
          dependencies:
            "@babel/highlight" "^7.12.13"

        mongodb@^4.0.0, mongodb@~4.1:
          version "4.1.4"
          resolved "https://registry.yarnpkg.com/mongodb/-/mongodb-4.1.4.tgz"

        mongodb@^3.6.0:
          version "3.7.4"
        """,
    )
    assert parse_yarn_lock(path).entries == {
        "@babel/code-frame": exact("7.12.13"),
        "mongodb": spec("==4.1.4", "==3.7.4"),
    }


def test_yarn_lock_berry(tmp_path: Path) -> None:
    path = write(
        tmp_path / "yarn.lock",
        """
        __metadata:
          version: 8
          cacheKey: 10

        "app@workspace:.":
          version: 0.0.0-use.local
          resolution: "app@workspace:."

        "mongodb@npm:^6.0.0, mongodb@npm:^6.1.0":
          version: 6.3.0
          resolution: "mongodb@npm:6.3.0"

        "@types/node@npm:*":
          version: 20.11.5
        """,
    )
    assert parse_yarn_lock(path).entries == {
        "mongodb": exact("6.3.0"),
        "@types/node": exact("20.11.5"),
    }


# --------------------------------------------------------------------------- Maven / Gradle


def test_pom_properties_namespaces_and_management(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pom.xml",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <groupId>com.example</groupId>
          <artifactId>app</artifactId>
          <version>1.4.0</version>
          <properties>
            <mongo.major>4</mongo.major>
            <mongo.version>${mongo.major}.11.1</mongo.version>
          </properties>
          <dependencyManagement>
            <dependencies>
              <dependency>
                <groupId>org.mongodb</groupId>
                <artifactId>bson</artifactId>
                <version>[4.0,5.0)</version>
              </dependency>
            </dependencies>
          </dependencyManagement>
          <dependencies>
            <dependency>
              <groupId>org.mongodb</groupId>
              <artifactId>mongodb-driver-sync</artifactId>
              <version>${mongo.version}</version>
            </dependency>
            <dependency>
              <groupId>${project.groupId}</groupId>
              <artifactId>core</artifactId>
              <version>${project.version}</version>
            </dependency>
            <dependency>
              <groupId>junit</groupId>
              <artifactId>junit</artifactId>
            </dependency>
            <dependency>
              <groupId>org.slf4j</groupId>
              <artifactId>slf4j-api</artifactId>
              <version>${undefined.version}</version>
            </dependency>
          </dependencies>
          <build><plugins><plugin>
            <dependencies><dependency>
              <groupId>org.plugin</groupId><artifactId>only-for-build</artifactId>
              <version>1.0</version>
            </dependency></dependencies>
          </plugin></plugins></build>
        </project>
        """,
    )
    assert parse_pom(path).entries == {
        "org.mongodb:bson": spec(">=4.0,<5.0"),
        "org.mongodb:mongodb-driver-sync": exact("4.11.1"),
        "com.example:core": exact("1.4.0"),
        "junit:junit": None,
        "org.slf4j:slf4j-api": None,
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.11.1", exact("4.11.1")),
        ("[4.0,5.0)", spec(">=4.0,<5.0")),
        ("[4.0,)", spec(">=4.0")),
        ("(,1.0]", spec("<=1.0")),
        ("(1.0,2.0]", spec(">1.0,<=2.0")),
        ("[1.5]", exact("1.5")),
        ("(,1.0],[1.2,)", spec("<=1.0", ">=1.2")),
        ("4.+", spec("==4.*")),
        ("latest.release", spec("")),
        ("4.0.1!!", exact("4.0.1")),
        ("5.3.0-M1", exact("5.3.0b1")),
    ],
)
def test_maven_range(text: str, expected: VersionRange) -> None:
    assert maven_range(text) == expected


@pytest.mark.parametrize("text", ["${x}", "[banana,)", "Hoxton.SR1"])
def test_maven_range_unreadable(text: str) -> None:
    assert maven_range(text) is None


@pytest.mark.parametrize(
    ("text", "pep440"),
    [
        ("2.0.0.RELEASE", "2.0.0"),
        ("5.6.15.Final", "5.6.15"),
        ("31.1-jre", "31.1"),
        ("1.0-SNAPSHOT", "1.0.dev0"),
        ("3.0.0-alpha-2", "3.0.0a2"),
        ("2.0.0-RC1", "2.0.0rc1"),
        ("1.2-3", "1.2.post3"),
    ],
)
def test_maven_version(text: str, pep440: str) -> None:
    assert maven_version(text) == Version(pep440)


def test_snapshot_sorts_below_release() -> None:
    snapshot = maven_version("1.0-SNAPSHOT")
    assert snapshot is not None and snapshot < Version("1.0")


def test_build_gradle_groovy(tmp_path: Path) -> None:
    write(tmp_path / "gradle.properties", "# comment\nslf4jVersion=2.0.9\n")
    path = write(
        tmp_path / "build.gradle",
        """
        ext {
            mongoVersion = '4.11.1'
        }
        def junitVersion = "5.10.1"
        dependencies {
            implementation "org.mongodb:mongodb-driver-sync:$mongoVersion"
            api 'com.google.guava:guava:32.1.3-jre'
            compileOnly "org.projectlombok:lombok:1.18.30"
            testImplementation "org.junit.jupiter:junit-jupiter:${junitVersion}"
            runtimeOnly group: 'org.postgresql', name: 'postgresql', version: '42.7.1'
            implementation "org.slf4j:slf4j-api:${slf4jVersion}"
            implementation platform('org.springframework.boot:spring-boot-dependencies:3.2.0')
            implementation 'org.springframework.boot:spring-boot-starter'
            implementation "com.example:dynamic:2.+"
            implementation "com.example:ranged:[1.0,2.0)"
            implementation "com.example:unknown:$notDefined"
        }
        """,
    )
    manifest = parse_gradle(path)
    assert manifest.entries == {
        "org.mongodb:mongodb-driver-sync": exact("4.11.1"),
        "com.google.guava:guava": exact("32.1.3"),
        "org.projectlombok:lombok": exact("1.18.30"),
        "org.junit.jupiter:junit-jupiter": exact("5.10.1"),
        "org.postgresql:postgresql": exact("42.7.1"),
        "org.slf4j:slf4j-api": exact("2.0.9"),
        "org.springframework.boot:spring-boot-dependencies": exact("3.2.0"),
        "org.springframework.boot:spring-boot-starter": None,
        "com.example:dynamic": spec("==2.*"),
        "com.example:ranged": spec(">=1.0,<2.0"),
        "com.example:unknown": None,
    }
    assert tmp_path / "gradle.properties" in manifest.files


def test_build_gradle_kts(tmp_path: Path) -> None:
    path = write(
        tmp_path / "build.gradle.kts",
        """
        val mongoVersion = "5.0.0"
        val kotestVersion by extra("5.8.0")
        dependencies {
            implementation("org.mongodb:mongodb-driver-kotlin-coroutine:$mongoVersion")
            testImplementation("io.kotest:kotest-runner-junit5:${kotestVersion}")
            implementation(group = "com.squareup.okhttp3", name = "okhttp", version = "4.12.0")
            kapt("com.google.dagger:dagger-compiler:2.50")
        }
        """,
    )
    assert parse_gradle(path).entries == {
        "org.mongodb:mongodb-driver-kotlin-coroutine": exact("5.0.0"),
        "io.kotest:kotest-runner-junit5": exact("5.8.0"),
        "com.squareup.okhttp3:okhttp": exact("4.12.0"),
        "com.google.dagger:dagger-compiler": exact("2.50"),
    }


def test_version_catalog(tmp_path: Path) -> None:
    path = write(
        tmp_path / "gradle" / "libs.versions.toml",
        """
        [versions]
        mongo = "4.11.1"
        guava = { strictly = "[32.0,33.0)" }

        [libraries]
        mongodb = { module = "org.mongodb:mongodb-driver-sync", version.ref = "mongo" }
        guava = { group = "com.google.guava", name = "guava", version.ref = "guava" }
        junit = "junit:junit:4.13.2"
        bom-managed = { module = "org.example:managed" }
        """,
    )
    assert parse_version_catalog(path).entries == {
        "org.mongodb:mongodb-driver-sync": exact("4.11.1"),
        "com.google.guava:guava": spec(">=32.0,<33.0"),
        "junit:junit": exact("4.13.2"),
        "org.example:managed": None,
    }


# --------------------------------------------------------------------------- Go


def test_go_mod(tmp_path: Path) -> None:
    path = write(
        tmp_path / "go.mod",
        """
        module example.com/app

        go 1.21

        require go.mongodb.org/mongo-driver v1.13.1

        require (
            github.com/stretchr/testify v1.8.4 // indirect
            github.com/docker/docker v24.0.7+incompatible
            "github.com/quoted/mod" v0.3.0
            golang.org/x/sync v0.0.0-20220722155255-886fb9371eb4 // indirect
            github.com/redis/go-redis/v9 v9.3.0
        )

        replace github.com/stretchr/testify => ../testify-fork

        exclude (
            github.com/excluded/mod v1.0.0
        )
        """,
    )
    assert parse_go_mod(path).entries == {
        "go.mongodb.org/mongo-driver": exact("1.13.1"),
        "github.com/stretchr/testify": exact("1.8.4"),
        "github.com/docker/docker": exact("24.0.7"),
        "github.com/quoted/mod": exact("0.3.0"),
        "golang.org/x/sync": exact("0.0.0.dev0"),
        "github.com/redis/go-redis/v9": exact("9.3.0"),
        "github.com/redis/go-redis": exact("9.3.0"),
    }


# --------------------------------------------------------------------------- tolerance

MALFORMED = [
    ("pyproject.toml", "[project\ndependencies = ["),
    ("poetry.lock", "[[package]\nname ="),
    ("uv.lock", "version = = 1"),
    ("Pipfile.lock", "{not json"),
    ("package.json", '{"dependencies": {"a": '),
    ("package-lock.json", "[1, 2"),
    ("pnpm-lock.yaml", "importers:\n  .: [\n   - {"),
    ("pom.xml", "<project><dependencies></project>"),
    ("go.mod", "\x00\x01"),  # binary junk reads as no requires, not an error
]


@pytest.mark.parametrize(("name", "text"), MALFORMED)
def test_malformed_manifest_is_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="upstream.project"):
        manifest = parse_manifest(kind_for(name), path)
    assert manifest.entries == {}
    assert path in manifest.files
    if name != "go.mod":
        assert f"skipping malformed {path}" in caplog.text


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("package.json", '["a list", "not an object"]'),
        ("package.json", '{"dependencies": ["mongodb"]}'),
        ("pyproject.toml", 'project = "not a table"'),
        ("poetry.lock", 'package = "nope"'),
        ("pnpm-lock.yaml", "just a string"),
        ("yarn.lock", "garbage without structure\n  version\n"),
    ],
)
def test_wrong_shapes_read_as_empty(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert parse_manifest(kind_for(name), path).entries == {}


def test_unreadable_file_is_skipped(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "package.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with caplog.at_level(logging.WARNING, logger="upstream.project"):
        assert parse_manifest(kind_for("package.json"), path) == Manifest(files=[path])
    assert "skipping malformed" in caplog.text

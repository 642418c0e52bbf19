"""setup.py, setup.cfg, requirement-file includes, workspaces and line numbers.

Real files in tmp_path, read by the real parsers and the real resolver; setup.py is only
ever read, so a test setup.py that would do harm if run proves it was not run.
"""

from __future__ import annotations

import fnmatch
import json
import logging
import os
from pathlib import Path

import pytest
from manifest_support import exact, spec, write
from packaging.version import Version
from upstream.packs import Ecosystem
from upstream.project.manifests import (
    KINDS,
    VersionRange,
    is_member,
    parse_manifest,
    parse_package_json,
    parse_package_lock,
    parse_pipfile_lock,
    parse_pnpm_lock,
    parse_pom,
    parse_pyproject,
    parse_python_lock,
    parse_requirements_txt,
    parse_setup_cfg,
    parse_setup_py,
    parse_yarn_lock,
)
from upstream.project.manifests.model import Manifest, ManifestKind
from upstream.project.versions import VersionResolver
from upstream.workspace.watch import PROJECT_FILE_GLOBS, is_project_file


def where(manifest: Manifest, name: str) -> tuple[str, int | None]:
    """(file name relative to nothing but its folder's, line) the entry came from."""
    entry = manifest.entries[name]
    assert entry is not None and entry.source is not None
    return entry.source.name, entry.line


def pypi(resolver: VersionResolver, name: str, file: Path) -> VersionRange | None:
    return resolver.allowed(Ecosystem.PYPI, name, file)


def npm(resolver: VersionResolver, name: str, file: Path) -> VersionRange | None:
    return resolver.allowed(Ecosystem.NPM, name, file)


# --------------------------------------------------------------------------- setup.py


def test_setup_py_literal_lists(tmp_path: Path) -> None:
    path = write(
        tmp_path / "setup.py",
        """
        import setuptools

        setuptools.setup(
            name="app",
            install_requires=[
                "pymongo >= 2.9",
                "requests==2.31.0",
                "mylib @ https://example.com/mylib-1.0.tar.gz",
            ],
            extras_require={"srv": ["dnspython>=1.16,<3"], "aws": "boto3~=1.28"},
            tests_require=("pytest>=7",),
            setup_requires=["setuptools_scm"],  # build tooling: not the project's code
        )
        """,
    )
    manifest = parse_setup_py(path)
    assert manifest.entries == {
        "pymongo": spec(">=2.9"),
        "requests": exact("2.31.0"),
        "mylib": None,
        "dnspython": spec(">=1.16,<3"),
        "boto3": spec("~=1.28"),
        "pytest": spec(">=7"),
    }
    assert where(manifest, "pymongo") == ("setup.py", 6)
    assert where(manifest, "boto3") == ("setup.py", 10)
    # The version gates see it: `pymongo >= 2.9` only in install_requires.
    resolver = VersionResolver(stop_at=tmp_path)
    assert pypi(resolver, "pymongo", tmp_path / "app" / "db.py") == spec(">=2.9")


def test_setup_py_names_concatenation_and_kwargs(tmp_path: Path) -> None:
    path = write(
        tmp_path / "setup.py",
        """
        from setuptools import setup

        BASE = ["pymongo>=4,<5"]
        BASE += ["click>=8"]
        EXTRA = []
        EXTRA.append("rich")
        EXTRA.extend(["attrs==23.1.0"])
        ALL = BASE + EXTRA
        PIN = "numpy==1.26.4"
        extras = dict(fast=["orjson"])
        extras["docs"] = ["sphinx>=7"]
        args = {"install_requires": ALL + [PIN], "extras_require": extras}

        if __name__ == "__main__":
            setup(name="app", **args)
        """,
    )
    assert parse_setup_py(path).entries == {
        "pymongo": spec(">=4,<5"),
        "click": spec(">=8"),
        "rich": spec(""),
        "attrs": exact("23.1.0"),
        "numpy": exact("1.26.4"),
        "orjson": spec(""),
        "sphinx": spec(">=7"),
    }


FILE_READS = [
    'Path("etc/requirements.txt").read_text().splitlines()',
    'open("etc/requirements.txt").read().splitlines()',
    '[line.strip() for line in open("etc/requirements.txt")]',
    'list(filter(None, io.open("etc/requirements.txt", encoding="utf-8").readlines()))',
    '(Path(__file__).parent / "etc" / "requirements.txt").read_text().split("\\n")',
    'open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "etc", "requirements.txt"))'
    ".read().splitlines()",
    'open(f"{HERE}/etc/requirements.txt").readlines()',
    "WITH_READ",
    "[str(r) for r in pkg_resources.parse_requirements(open(REQUIREMENTS))]",
]


@pytest.mark.parametrize("expression", FILE_READS)
def test_setup_py_reads_the_file_it_names(tmp_path: Path, expression: str) -> None:
    write(tmp_path / "etc" / "requirements.txt", "# pinned\npymongo==3.12.0\nnumpy>=1.11\n")
    path = write(
        tmp_path / "setup.py",
        f"""
        import io
        import os
        from pathlib import Path

        import pkg_resources
        from setuptools import setup

        HERE = os.path.dirname(__file__)
        REQUIREMENTS = os.path.join(HERE, "etc", "requirements.txt")
        with open(REQUIREMENTS) as handle:
            WITH_READ = handle.read().splitlines()

        setup(name="app", install_requires={expression})
        """,
    )
    manifest = parse_setup_py(path)
    assert manifest.entries == {"pymongo": exact("3.12.0"), "numpy": spec(">=1.11")}
    # The version came from the requirement file, not from setup.py.
    assert where(manifest, "pymongo") == ("requirements.txt", 2)
    assert tmp_path / "etc" / "requirements.txt" in manifest.files


def test_setup_py_helper_function(tmp_path: Path) -> None:
    write(tmp_path / "etc" / "requirements.in", "numpy>=1.11.3\npandas>=0.18.1,<=0.22\n")
    write(tmp_path / "etc" / "requirements_dev.in", "nose>=1.3\n")
    write(tmp_path / "etc" / "requirements_talib.in", "TA-Lib==0.4.9\n")
    path = write(
        tmp_path / "setup.py",
        """
        from os.path import abspath, dirname, join
        from setuptools import setup


        def _filter(lines, names=None):
            for line in lines:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                yield line.split(";")[0]


        def read_requirements(path, conda_format=False):
            real_path = join(dirname(abspath(__file__)), path)
            with open(real_path) as f:
                reqs = _filter(f.readlines())
                if conda_format:
                    reqs = map(str.lower, reqs)
                return list(reqs)


        def install_requires():
            return read_requirements("etc/requirements.in")


        def extras_requires():
            extras = {
                extra: read_requirements("etc/requirements_{0}.in".format(extra))
                for extra in ("dev", "talib")
            }
            extras["all"] = [req for reqs in extras.values() for req in reqs]
            return extras


        setup(install_requires=install_requires(), extras_require=extras_requires())
        """,
    )
    manifest = parse_setup_py(path)
    assert manifest.entries == {
        "numpy": spec(">=1.11.3"),
        "pandas": spec(">=0.18.1,<=0.22"),
        "nose": spec(">=1.3"),
        "ta-lib": exact("0.4.9"),
    }
    assert where(manifest, "pandas") == ("requirements.in", 2)


def test_setup_py_helper_that_cannot_be_followed_reads_its_argument(tmp_path: Path) -> None:
    write(tmp_path / "requirements" / "base.txt", "flask>=2\n")
    path = write(
        tmp_path / "setup.py",
        """
        from setuptools import setup

        from mytools import Reader

        def get_requirements(name):
            handle = open(name)
            return Reader(handle).requirements  # an object we can't see into

        setup(install_requires=get_requirements("requirements/base.txt"))
        """,
    )
    assert parse_setup_py(path).entries == {"flask": spec(">=2")}


def test_setup_py_follows_the_includes_of_the_file_it_reads(tmp_path: Path) -> None:
    write(tmp_path / "requirements" / "base.txt", "attrs>=23\n")
    write(tmp_path / "requirements.txt", "-r requirements/base.txt\nclick==8.1.7\n")
    path = write(
        tmp_path / "setup.py",
        """
        from setuptools import setup
        setup(install_requires=open("requirements.txt").read().splitlines())
        """,
    )
    manifest = parse_setup_py(path)
    assert manifest.entries == {"attrs": spec(">=23"), "click": exact("8.1.7")}
    assert where(manifest, "attrs") == ("base.txt", 1)


def test_setup_py_in_a_main_function(tmp_path: Path) -> None:
    path = write(
        tmp_path / "setup.py",
        """
        from distutils.core import setup

        def main():
            requirements = ["pymongo<4"]
            setup(name="old", install_requires=requirements)

        main()
        """,
    )
    assert parse_setup_py(path).entries == {"pymongo": spec("<4")}


def test_setup_py_is_read_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = write(
        tmp_path / "setup.py",
        f"""
        import pathlib
        pathlib.Path({str(marker)!r}).write_text("setup.py was executed")
        raise SystemExit("setup.py was executed")
        from setuptools import setup
        setup(install_requires=["pymongo>=4"])
        """,
    )
    assert parse_setup_py(path).entries == {"pymongo": spec(">=4")}
    assert not marker.exists()


def test_setup_py_values_it_cannot_follow_are_ignored(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(
        tmp_path / "setup.py",
        """
        import json, os, sys
        from setuptools import setup
        from mytools import requirements_from_somewhere

        def recursive(n):
            return recursive(n + 1)

        setup(
            install_requires=requirements_from_somewhere(sys.argv) + recursive(0),
            extras_require=json.loads(os.environ.get("EXTRAS", "{}")),
            tests_require=[f"pytest>={sys.version_info.major}"],
        )
        """,
    )
    with caplog.at_level(logging.WARNING, logger="upstream.project"):
        manifest = parse_manifest(kind("setup.py"), path)
    assert manifest.entries == {}
    assert caplog.text == ""


def test_unparseable_setup_py_reads_empty_without_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(tmp_path / "ci" / "requirements-py27.txt", "pymongo==2.9.5\n")
    path = write(
        tmp_path / "setup.py",
        """
        from setuptools import setup
        print "Python 2 only"
        setup(install_requires=open("ci/requirements-py27.txt").readlines())
        """,
    )
    with caplog.at_level(logging.WARNING, logger="upstream.project"):
        manifest = parse_manifest(kind("setup.py"), path)
    assert caplog.text == ""
    # The call can't be read, but the requirement file it names still is.
    assert manifest.entries == {"pymongo": exact("2.9.5")}
    binary = tmp_path / "other" / "setup.py"
    binary.parent.mkdir()
    binary.write_bytes(b"\x00\xff\xfe garbage (((")
    assert parse_manifest(kind("setup.py"), binary).entries == {}


def test_setup_py_nested_too_deeply_reads_empty_without_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    chain = " + ".join(['["pymongo"]'] * 3000)
    path = write(
        tmp_path / "setup.py", f"from setuptools import setup\nsetup(install_requires={chain})\n"
    )
    with caplog.at_level(logging.WARNING, logger="upstream.project"):
        manifest = parse_manifest(kind("setup.py"), path)
    assert caplog.text == ""
    assert manifest.files == [path]


def test_setup_py_reads_requirement_files_in_conventional_folders_it_names(
    tmp_path: Path,
) -> None:
    write(tmp_path / "etc" / "requirements.in", "numpy>=1.11.3\npandas>=0.18.1,<=0.22\n")
    locked = write(
        tmp_path / "etc" / "requirements_locked.txt",
        """
        #
        # This file is autogenerated by pip-compile
        #
        numpy==1.11.3             # via -r etc/requirements.in
        pandas==0.18.1            # via -r etc/requirements.in
        """,
    )
    write(tmp_path / "etc" / "requirements_unrelated.txt", "django==1.0\n")
    write(
        tmp_path / "setup.py",
        """
        from setuptools import setup

        def read(path):
            with open(path) as f:
                return f.read().splitlines()

        setup(
            install_requires=read("etc/requirements.in"),
            setup_requires=read("etc/requirements_locked.txt"),
        )
        """,
    )
    manifest = parse_setup_py(tmp_path / "setup.py")
    assert manifest.locked == {"numpy": exact("1.11.3"), "pandas": exact("0.18.1")}
    assert "django" not in manifest.entries  # etc/ is read only where setup.py points
    resolver = VersionResolver(stop_at=tmp_path)
    source = tmp_path / "pkg" / "algo.py"
    # The pins win over install_requires' ranges, as a lockfile's would.
    found = pypi(resolver, "numpy", source)
    assert found == exact("1.11.3")
    assert found is not None and (found.source, found.line) == (locked, 4)
    assert pypi(resolver, "pandas", source) == exact("0.18.1")
    assert pypi(resolver, "django", source) is None


def test_setup_py_does_not_read_files_outside_the_project(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    write(tmp_path / "elsewhere" / "requirements.txt", "pymongo==3.0\n")
    path = write(
        project / "setup.py",
        """
        from setuptools import setup
        setup(install_requires=open("../elsewhere/requirements.txt").readlines())
        """,
    )
    assert parse_setup_py(path).entries == {}


# --------------------------------------------------------------------------- setup.cfg


def test_setup_cfg(tmp_path: Path) -> None:
    path = write(
        tmp_path / "setup.cfg",
        """
        [metadata]
        name = app

        [options]
        packages = find:
        install_requires =
            pymongo>=2.9  # the driver
            # a comment line
            requests[socks]==2.31.0
            colorama; sys_platform == "win32"
        tests_require = pytest>=7; mock

        [options.extras_require]
        srv =
            dnspython>=1.16
        aws = boto3~=1.28
        """,
    )
    manifest = parse_setup_cfg(path)
    assert manifest.entries == {
        "pymongo": spec(">=2.9"),
        "requests": exact("2.31.0"),
        "colorama": spec(""),
        "pytest": spec(">=7"),
        "mock": spec(""),
        "dnspython": spec(">=1.16"),
        "boto3": spec("~=1.28"),
    }
    assert where(manifest, "pymongo") == ("setup.cfg", 7)
    assert where(manifest, "boto3") == ("setup.cfg", 16)


def test_setup_cfg_file_directive(tmp_path: Path) -> None:
    write(tmp_path / "requirements" / "base.in", "pymongo>=4\n")
    write(tmp_path / "requirements" / "dev.in", "-r base.in\npytest==8.0.0\n")
    path = write(
        tmp_path / "setup.cfg",
        """
        [options]
        install_requires = file: requirements/base.in
        [options.extras_require]
        dev = file: requirements/dev.in, requirements/missing.in
        """,
    )
    manifest = parse_setup_cfg(path)
    assert manifest.entries == {"pymongo": spec(">=4"), "pytest": exact("8.0.0")}
    assert where(manifest, "pytest") == ("dev.in", 2)
    assert tmp_path / "requirements" / "missing.in" in manifest.files


def test_setup_cfg_and_setup_py_shim_resolve_together(tmp_path: Path) -> None:
    write(tmp_path / "setup.py", "import setuptools\nsetuptools.setup()\n")
    write(tmp_path / "setup.cfg", "[options]\ninstall_requires =\n    pymongo>=2.9,<4\n")
    resolver = VersionResolver(stop_at=tmp_path)
    assert pypi(resolver, "pymongo", tmp_path / "app" / "db.py") == spec(">=2.9,<4")


# --------------------------------------------------------------------------- -r and -c


def test_requirement_and_constraint_includes(tmp_path: Path) -> None:
    write(tmp_path / "requirements" / "base.txt", "pymongo>=4\nflask\n")
    write(
        tmp_path / "constraints.txt",
        "# pins for CI\npymongo==4.6.1\nflask<3\nunused-package==1.0\n",
    )
    path = write(
        tmp_path / "requirements.txt",
        """
        --requirement requirements/base.txt
        -c constraints.txt
        requests>=2
        """,
    )
    manifest = parse_requirements_txt(path)
    # A constraint narrows what is required; it installs nothing itself.
    assert manifest.entries == {
        "pymongo": exact("4.6.1"),
        "flask": spec("<3"),
        "requests": spec(">=2"),
    }
    assert where(manifest, "pymongo") == ("constraints.txt", 2)
    assert where(manifest, "flask") == ("base.txt", 2)
    assert tmp_path / "constraints.txt" in manifest.files


def test_requirement_include_cycle(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "-r b.txt\npymongo>=4\n")
    write(tmp_path / "b.txt", "-ra.txt\n-c requirements.txt\nflask==3.0.0\n")
    path = write(tmp_path / "requirements.txt", "-r a.txt\n")
    manifest = parse_requirements_txt(path)
    assert manifest.entries == {"pymongo": spec(">=4"), "flask": exact("3.0.0")}


def test_requirement_include_depth_is_bounded(tmp_path: Path) -> None:
    for index in range(30):
        write(tmp_path / f"level{index}.txt", f"-r level{index + 1}.txt\npkg{index}==1.0\n")
    manifest = parse_requirements_txt(write(tmp_path / "requirements.txt", "-r level0.txt\n"))
    assert "pkg0" in manifest.entries
    assert "pkg29" not in manifest.entries


def test_missing_include_is_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = write(tmp_path / "requirements.txt", "-c nowhere.txt\n-r gone.txt\nflask>=2\n")
    with caplog.at_level(logging.WARNING, logger="upstream.project"):
        manifest = parse_manifest(kind("requirements*.txt"), path)
    assert manifest.entries == {"flask": spec(">=2")}
    assert "nowhere.txt" in caplog.text
    assert "gone.txt" in caplog.text
    assert tmp_path / "gone.txt" in manifest.files  # creating it later is noticed


def test_includes_stay_within_the_project(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    write(tmp_path / "outside.txt", "pymongo==3.0\n")
    write(project / "shared" / "base.txt", "flask==3.0.0\n")
    (project / "zero.txt").symlink_to("/dev/zero")
    path = write(
        project / "services" / "api" / "requirements.txt",
        "-r ../../shared/base.txt\n-r ../../../outside.txt\n-r ../../zero.txt\n",
    )
    assert parse_requirements_txt(path).entries == {"flask": exact("3.0.0")}


def test_a_pip_compile_output_wins_over_ranges_in_its_directory(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\ndependencies = ["pymongo>=3"]\n')
    write(
        tmp_path / "requirements.txt",
        """
        # This file was autogenerated by uv via the following command:
        #    uv pip compile pyproject.toml -o requirements.txt
        pymongo==3.13.0
            # via x (pyproject.toml)
        """,
    )
    write(tmp_path / "requirements-dev.txt", "pymongo>=4.0\n")  # ranges: not a lock
    resolver = VersionResolver(stop_at=tmp_path)
    assert pypi(resolver, "pymongo", tmp_path / "x.py") == exact("3.13.0")


@pytest.mark.parametrize(
    ("name", "locked"),
    [
        ("requirements.lock.txt", True),
        ("requirements_py38_locked.txt", True),
        ("requirements-blocking.txt", False),
        ("requirements.txt", False),
    ],
)
def test_a_file_named_as_a_lock_is_one(tmp_path: Path, name: str, locked: bool) -> None:
    path = write(tmp_path / name, "pymongo==4.6.1\nflask @ https://example.com/flask.tgz\n")
    manifest = parse_requirements_txt(path)
    assert manifest.locked == ({"pymongo": exact("4.6.1")} if locked else {})


def test_a_lock_named_file_with_ranges_is_not_a_lock(tmp_path: Path) -> None:
    path = write(tmp_path / "requirements-lock.txt", "pymongo==4.6.1\nflask>=2\n")
    manifest = parse_requirements_txt(path)
    assert manifest.locked == {}
    assert manifest.entries["pymongo"] == exact("4.6.1")


# --------------------------------------------------------------------------- pyproject


def test_pyproject_reads_the_requirement_files_its_backend_reads(tmp_path: Path) -> None:
    write(tmp_path / "requirements.in", "pymongo>=4\n")
    write(tmp_path / "requirements" / "dev.in", "pytest==8.0.0\n")
    write(tmp_path / "hatch" / "reqs.txt", "click>=8\n")
    path = write(
        tmp_path / "pyproject.toml",
        """
        [project]
        name = "app"
        dynamic = ["dependencies", "optional-dependencies"]

        [tool.setuptools.dynamic]
        dependencies = {file = ["requirements.in"]}
        optional-dependencies.dev = {file = "requirements/dev.in"}

        [tool.hatch.metadata.hooks.requirements_txt]
        files = ["hatch/reqs.txt"]
        """,
    )
    manifest = parse_pyproject(path)
    assert manifest.entries == {
        "pymongo": spec(">=4"),
        "pytest": exact("8.0.0"),
        "click": spec(">=8"),
    }
    assert where(manifest, "pytest") == ("dev.in", 1)


# --------------------------------------------------------------------------- workspaces


@pytest.mark.parametrize(
    ("patterns", "folder", "expected"),
    [
        (["packages/*"], "packages/app", True),
        (["packages/*"], "packages/app/nested", False),
        (["packages/**"], "packages/app/nested", True),
        (["./apps/web/"], "apps/web", True),
        (["packages/*", "!packages/legacy"], "packages/legacy", False),
        (["**", "!**/test/**"], "src/test/fixture", False),
        (["libs/lib-?"], "libs/lib-a", True),
        (["../outside"], "outside", False),
    ],
)
def test_is_member(patterns: list[str], folder: str, expected: bool) -> None:
    assert is_member(patterns, folder) is expected


def test_npm_workspace_member_takes_the_root_lockfile(tmp_path: Path) -> None:
    write(
        tmp_path / "package.json",
        json.dumps({"name": "root", "private": True, "workspaces": ["packages/*"]}),
    )
    write(
        tmp_path / "package-lock.json",
        json.dumps(
            {
                "lockfileVersion": 3,
                "packages": {
                    "": {"workspaces": ["packages/*"]},
                    "node_modules/mongodb": {"version": "6.3.0"},
                    "node_modules/app": {"resolved": "packages/app", "link": True},
                    "packages/legacy/node_modules/mongodb": {"version": "4.17.2"},
                },
            },
            indent=2,
        ),
    )
    write(
        tmp_path / "packages" / "app" / "package.json",
        json.dumps({"dependencies": {"mongodb": "^6.0.0"}}),
    )
    write(
        tmp_path / "packages" / "legacy" / "package.json",
        json.dumps({"dependencies": {"mongodb": "^4.0.0"}}),
    )
    write(tmp_path / "tools" / "package.json", json.dumps({"dependencies": {"mongodb": "^5"}}))
    resolver = VersionResolver(stop_at=tmp_path)
    app = npm(resolver, "mongodb", tmp_path / "packages" / "app" / "src" / "db.ts")
    assert app == exact("6.3.0")
    assert app is not None and app.source == tmp_path / "package-lock.json"
    # Its own copy, nested under the member, not the hoisted one.
    assert npm(resolver, "mongodb", tmp_path / "packages" / "legacy" / "db.js") == exact("4.17.2")
    # Not a member: its own range stands.
    assert npm(resolver, "mongodb", tmp_path / "tools" / "x.js") == spec(">=5.0.0,<6.0.0")


def test_yarn_workspace_member_takes_the_version_its_range_allows(tmp_path: Path) -> None:
    write(tmp_path / "package.json", json.dumps({"workspaces": {"packages": ["apps/*"]}}))
    write(
        tmp_path / "yarn.lock",
        """
        mongodb@^4.0.0:
          version "4.17.2"

        mongodb@^6.0.0:
          version "6.3.0"
        """,
    )
    write(
        tmp_path / "apps" / "web" / "package.json", json.dumps({"dependencies": {"mongodb": "^6"}})
    )
    write(
        tmp_path / "apps" / "old" / "package.json", json.dumps({"dependencies": {"mongodb": "^3"}})
    )
    resolver = VersionResolver(stop_at=tmp_path)
    assert npm(resolver, "mongodb", tmp_path / "apps" / "web" / "index.js") == exact("6.3.0")
    # The lock pins nothing this member allows: the lock does not describe it.
    assert npm(resolver, "mongodb", tmp_path / "apps" / "old" / "index.js") == spec(
        ">=3.0.0,<4.0.0"
    )


def test_pnpm_workspace_member_takes_its_importer(tmp_path: Path) -> None:
    write(tmp_path / "package.json", json.dumps({"name": "root"}))
    write(tmp_path / "pnpm-workspace.yaml", "packages:\n  - 'packages/*'\n  - '!packages/skip'\n")
    write(
        tmp_path / "pnpm-lock.yaml",
        """
        lockfileVersion: '9.0'
        importers:
          .:
            devDependencies:
              typescript:
                specifier: ^5.3.0
                version: 5.3.3
          packages/api:
            dependencies:
              mongodb:
                specifier: ^5.0.0
                version: 5.9.2
          packages/web:
            dependencies:
              mongodb:
                specifier: ^6.0.0
                version: 6.3.0(@aws-sdk/credential-providers@3.1.0)
          packages/skip:
            dependencies:
              mongodb:
                specifier: ^6.0.0
                version: 6.3.0
        """,
    )
    for member, range_ in (("api", "^5.0.0"), ("web", "^6.0.0"), ("skip", "^6.0.0")):
        write(
            tmp_path / "packages" / member / "package.json",
            json.dumps({"dependencies": {"mongodb": range_}}),
        )
    resolver = VersionResolver(stop_at=tmp_path)
    api = npm(resolver, "mongodb", tmp_path / "packages" / "api" / "src" / "db.ts")
    assert api == exact("5.9.2")
    assert api is not None and api.line == 10
    assert npm(resolver, "mongodb", tmp_path / "packages" / "web" / "db.ts") == exact("6.3.0")
    # Excluded by `!packages/skip`: not a member.
    skipped = npm(resolver, "mongodb", tmp_path / "packages" / "skip" / "db.ts")
    assert skipped == spec(">=6.0.0,<7.0.0")


def test_uv_workspace_member_takes_the_root_uv_lock(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        """
        [project]
        name = "root"
        dependencies = ["lib-a"]

        [tool.uv.workspace]
        members = ["packages/*"]
        exclude = ["packages/scratch"]
        """,
    )
    write(
        tmp_path / "uv.lock",
        """
        version = 1

        [[package]]
        name = "lib-a"
        version = "0.1.0"
        source = { editable = "packages/lib-a" }

        [[package]]
        name = "pymongo"
        version = "4.6.1"
        """,
    )
    member = '[project]\nname = "{}"\ndependencies = ["pymongo>=4"]\n'
    write(tmp_path / "packages" / "lib-a" / "pyproject.toml", member.format("lib-a"))
    write(tmp_path / "packages" / "scratch" / "pyproject.toml", member.format("scratch"))
    resolver = VersionResolver(stop_at=tmp_path)
    found = pypi(resolver, "pymongo", tmp_path / "packages" / "lib-a" / "src" / "lib_a" / "db.py")
    assert found == exact("4.6.1")
    assert found is not None and (found.source, found.line) == (tmp_path / "uv.lock", 9)
    assert pypi(resolver, "pymongo", tmp_path / "packages" / "scratch" / "x.py") == spec(">=4")


def test_poetry_path_dependency_takes_the_root_poetry_lock(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        """
        [tool.poetry.dependencies]
        python = "^3.10"
        lib = { path = "libs/lib", develop = true }
        """,
    )
    write(tmp_path / "poetry.lock", '[[package]]\nname = "pymongo"\nversion = "4.6.1"\n')
    write(
        tmp_path / "libs" / "lib" / "pyproject.toml",
        '[tool.poetry.dependencies]\npymongo = "^4.0"\n',
    )
    resolver = VersionResolver(stop_at=tmp_path)
    assert pypi(resolver, "pymongo", tmp_path / "libs" / "lib" / "lib" / "db.py") == exact("4.6.1")


def test_workspace_edits_are_noticed(tmp_path: Path) -> None:
    root = write(tmp_path / "package.json", json.dumps({"name": "root"}))
    write(
        tmp_path / "yarn.lock",
        'mongodb@^6.0.0:\n  version "6.3.0"\n',
    )
    write(
        tmp_path / "apps" / "web" / "package.json", json.dumps({"dependencies": {"mongodb": "^6"}})
    )
    resolver = VersionResolver(stop_at=tmp_path)
    source = tmp_path / "apps" / "web" / "index.js"
    assert npm(resolver, "mongodb", source) == spec(">=6.0.0,<7.0.0")
    root.write_text(json.dumps({"name": "root", "workspaces": ["apps/*"]}), encoding="utf-8")
    status = root.stat()
    os.utime(root, ns=(status.st_atime_ns, status.st_mtime_ns + 5_000_000_000))
    assert npm(resolver, "mongodb", source) == exact("6.3.0")


# --------------------------------------------------------------------------- line numbers


def test_line_numbers(tmp_path: Path) -> None:
    requirements = write(
        tmp_path / "requirements.txt",
        "# header\n\nflask==3.0.0 \\\n    --hash=sha256:abc\npymongo>=4\n",
    )
    assert where(parse_requirements_txt(requirements), "flask") == ("requirements.txt", 3)
    assert where(parse_requirements_txt(requirements), "pymongo") == ("requirements.txt", 5)

    pyproject = write(
        tmp_path / "pyproject.toml",
        """
        [project]
        name = "app"
        dependencies = [
            "pymongo>=4",
        ]

        [tool.poetry.dependencies]
        python = "^3.10"
        requests = "^2.31"

        [tool.poetry.group.test.dependencies]
        pytest = "^8"

        [tool.poetry.dependencies.numpy]
        version = "^1.26"
        """,
    )
    manifest = parse_pyproject(pyproject)
    assert where(manifest, "pymongo") == ("pyproject.toml", 4)
    assert where(manifest, "requests") == ("pyproject.toml", 9)
    assert where(manifest, "pytest") == ("pyproject.toml", 12)
    assert where(manifest, "numpy") == ("pyproject.toml", 14)

    package = write(
        tmp_path / "package.json",
        json.dumps(
            {"dependencies": {"mongodb": "^6"}, "devDependencies": {"typescript": "^5"}}, indent=2
        ),
    )
    assert where(parse_package_json(package), "mongodb") == ("package.json", 3)
    assert where(parse_package_json(package), "typescript") == ("package.json", 6)

    lock = write(
        tmp_path / "package-lock.json",
        json.dumps(
            {"lockfileVersion": 3, "packages": {"node_modules/mongodb": {"version": "6.3.0"}}},
            indent=2,
        ),
    )
    assert where(parse_package_lock(lock), "mongodb") == ("package-lock.json", 4)

    yarn = write(tmp_path / "yarn.lock", '# yarn\n\n"mongodb@^6.0.0":\n  version "6.3.0"\n')
    assert where(parse_yarn_lock(yarn), "mongodb") == ("yarn.lock", 3)

    pnpm = write(
        tmp_path / "pnpm-lock.yaml",
        "lockfileVersion: '6.0'\ndependencies:\n  mongodb:\n    specifier: ^6\n"
        "    version: 6.3.0\n",
    )
    assert where(parse_pnpm_lock(pnpm), "mongodb") == ("pnpm-lock.yaml", 3)

    poetry = write(
        tmp_path / "poetry.lock",
        '[[package]]\nname = "flask"\nversion = "3.0.0"\n\n[[package]]\nname = "PyMongo"\n'
        'version = "4.6.1"\n',
    )
    assert where(parse_python_lock(poetry), "pymongo") == ("poetry.lock", 6)

    pipfile = write(
        tmp_path / "Pipfile.lock",
        json.dumps({"default": {"pymongo": {"version": "==4.6.1"}}}, indent=4),
    )
    assert where(parse_pipfile_lock(pipfile), "pymongo") == ("Pipfile.lock", 3)

    pom = write(
        tmp_path / "pom.xml",
        """
        <project>
          <dependencies>
            <dependency>
              <groupId>org.mongodb</groupId>
              <artifactId>mongodb-driver-sync</artifactId>
              <version>4.11.1</version>
            </dependency>
          </dependencies>
        </project>
        """,
    )
    assert where(parse_pom(pom), "org.mongodb:mongodb-driver-sync") == ("pom.xml", 5)


def test_a_range_keeps_the_line_of_its_first_mention(tmp_path: Path) -> None:
    path = write(tmp_path / "requirements.txt", "numpy<2; python_version<'3.9'\nnumpy>=1.26\n")
    assert where(parse_requirements_txt(path), "numpy") == ("requirements.txt", 1)
    assert exact("1.0") == VersionRange.pinned(Version("1.0"), tmp_path, 7)  # not compared


# --------------------------------------------------------------------------- registration


def kind(pattern: str) -> ManifestKind:
    return next(kind for kinds in KINDS.values() for kind in kinds if kind.pattern == pattern)


@pytest.mark.parametrize(
    "relative",
    [
        "setup.py",
        "setup.cfg",
        "pnpm-workspace.yaml",
        "etc/requirements_locked.txt",
        "ci/requirements.in",
        "requirements/base.in",
        "requirements.in",
    ],
)
def test_new_manifest_files_are_watched(tmp_path: Path, relative: str) -> None:
    assert is_project_file(tmp_path / relative)
    assert any(fnmatch.fnmatch(f"root/{relative}", glob) for glob in PROJECT_FILE_GLOBS)


def test_conventional_folders_are_not_read_unless_named(tmp_path: Path) -> None:
    write(tmp_path / "etc" / "requirements.txt", "pymongo==3.0\n")
    write(tmp_path / "ci" / "requirements.in", "pymongo==3.0\n")
    resolver = VersionResolver(stop_at=tmp_path)
    assert pypi(resolver, "pymongo", tmp_path / "x.py") is None

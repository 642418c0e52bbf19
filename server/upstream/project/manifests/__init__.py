"""One small, tolerant parser per dependency-manifest kind.

Each parser takes a path and returns a `Manifest`: package name -> `VersionRange` (or
``None`` when the package is mentioned but its version can't be read, e.g. a git URL).
Names are normalized per ecosystem: PEP 503 for PyPI, as written for npm and Go,
``group:artifact`` for Maven. `parse_manifest` is the only entry point callers need: a
malformed file is logged (logger ``upstream.project``) and read as empty, never raised.

`KINDS` lists which files each ecosystem reads and which of them are lockfiles; the
file watcher derives its globs from it. Every entry keeps the file and line that declared
it (`VersionRange.source`, `.line`).

The data types live in `model`, the parsers in one module per ecosystem: `pypi`
(pyproject.toml, lockfiles), `requirements` (pip requirement files), `setup_py` and
`setup_cfg` (setuptools), `npm`, `maven` (Maven and Gradle) and `go`; `workspaces` tells
which folders are a workspace's members.
"""

from __future__ import annotations

from upstream.project.manifests.go import parse_go_mod
from upstream.project.manifests.maven import (
    maven_range,
    maven_version,
    parse_gradle,
    parse_pom,
    parse_version_catalog,
)
from upstream.project.manifests.model import Manifest, ManifestKind, VersionRange, parse_manifest
from upstream.project.manifests.npm import (
    parse_package_json,
    parse_package_lock,
    parse_pnpm_lock,
    parse_pnpm_workspace,
    parse_yarn_lock,
)
from upstream.project.manifests.pypi import (
    parse_pipfile_lock,
    parse_pyproject,
    parse_python_lock,
    poetry_constraint,
)
from upstream.project.manifests.requirements import parse_requirements_txt
from upstream.project.manifests.setup_cfg import parse_setup_cfg
from upstream.project.manifests.setup_py import parse_setup_py
from upstream.project.manifests.workspaces import is_member

__all__ = [
    "KINDS",
    "Manifest",
    "ManifestKind",
    "VersionRange",
    "is_member",
    "maven_range",
    "maven_version",
    "parse_go_mod",
    "parse_gradle",
    "parse_manifest",
    "parse_package_json",
    "parse_package_lock",
    "parse_pipfile_lock",
    "parse_pnpm_lock",
    "parse_pnpm_workspace",
    "parse_pom",
    "parse_pyproject",
    "parse_python_lock",
    "parse_requirements_txt",
    "parse_setup_cfg",
    "parse_setup_py",
    "parse_version_catalog",
    "parse_yarn_lock",
    "poetry_constraint",
]

KINDS: dict[str, tuple[ManifestKind, ...]] = {
    "pypi": (
        ManifestKind("pypi", "poetry.lock", True, parse_python_lock),
        ManifestKind("pypi", "uv.lock", True, parse_python_lock),
        ManifestKind("pypi", "Pipfile.lock", True, parse_pipfile_lock),
        ManifestKind("pypi", "pyproject.toml", False, parse_pyproject),
        ManifestKind("pypi", "setup.py", False, parse_setup_py),
        ManifestKind("pypi", "setup.cfg", False, parse_setup_cfg),
        ManifestKind("pypi", "requirements*.txt", False, parse_requirements_txt),
        ManifestKind("pypi", "*.txt", False, parse_requirements_txt, "requirements"),
        # Read only where the packaging names them (setup.py, setup.cfg `file:`, pyproject
        # `dynamic`); listed so that editing one re-resolves versions.
        *(
            ManifestKind("pypi", pattern, False, parse_requirements_txt, folder, listed=False)
            for folder, pattern in (
                ("", "requirements*.in"),
                ("requirements", "*.in"),
                ("etc", "*.txt"),
                ("etc", "*.in"),
                ("ci", "*.txt"),
                ("ci", "*.in"),
            )
        ),
    ),
    "npm": (
        ManifestKind("npm", "package-lock.json", True, parse_package_lock),
        ManifestKind("npm", "npm-shrinkwrap.json", True, parse_package_lock),
        ManifestKind("npm", "pnpm-lock.yaml", True, parse_pnpm_lock),
        ManifestKind("npm", "yarn.lock", True, parse_yarn_lock),
        ManifestKind("npm", "package.json", False, parse_package_json),
        ManifestKind("npm", "pnpm-workspace.yaml", False, parse_pnpm_workspace),
    ),
    "maven": (
        ManifestKind("maven", "pom.xml", False, parse_pom),
        ManifestKind("maven", "build.gradle", False, parse_gradle),
        ManifestKind("maven", "build.gradle.kts", False, parse_gradle),
        ManifestKind("maven", "libs.versions.toml", False, parse_version_catalog, "gradle"),
    ),
    "go": (ManifestKind("go", "go.mod", False, parse_go_mod),),
}

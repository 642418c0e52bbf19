"""One small, tolerant parser per dependency-manifest kind.

Each parser takes a path and returns a `Manifest`: package name -> `VersionRange` (or
``None`` when the package is mentioned but its version can't be read, e.g. a git URL).
Names are normalized per ecosystem: PEP 503 for PyPI, as written for npm and Go,
``group:artifact`` for Maven. `parse_manifest` is the only entry point callers need: a
malformed file is logged (logger ``upstream.project``) and read as empty, never raised.

`KINDS` lists which files each ecosystem reads and which of them are lockfiles.

The data types live in `model`, the parsers in one module per ecosystem: `pypi`, `npm`,
`maven` (Maven and Gradle) and `go`.
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
    parse_yarn_lock,
)
from upstream.project.manifests.pypi import (
    parse_pipfile_lock,
    parse_pyproject,
    parse_python_lock,
    parse_requirements_txt,
    poetry_constraint,
)

__all__ = [
    "KINDS",
    "Manifest",
    "ManifestKind",
    "VersionRange",
    "maven_range",
    "maven_version",
    "parse_go_mod",
    "parse_gradle",
    "parse_manifest",
    "parse_package_json",
    "parse_package_lock",
    "parse_pipfile_lock",
    "parse_pnpm_lock",
    "parse_pom",
    "parse_pyproject",
    "parse_python_lock",
    "parse_requirements_txt",
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

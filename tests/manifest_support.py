"""What the manifest and version-resolution tests share: writing a manifest, and the ranges
they expect."""

from __future__ import annotations

import textwrap
from pathlib import Path

from packaging.specifiers import SpecifierSet
from packaging.version import Version
from upstream.project.manifests import VersionRange


def write(path: Path, text: str) -> Path:
    """``text`` (dedented, leading newline dropped) as the file at ``path``, folders made."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def exact(version: str) -> VersionRange:
    return VersionRange.pinned(Version(version))


def spec(*union: str) -> VersionRange:
    return VersionRange.of(SpecifierSet(text) for text in union)

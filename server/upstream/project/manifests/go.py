"""Go: go.mod `require` directives (module paths as written, `/vN` also as the base path)."""

from __future__ import annotations

import re
from pathlib import Path

from packaging.version import Version

from upstream.project.manifests.model import Entries, Manifest, _add, _pinned_text
from upstream.project.npm_range import semver_to_version

__all__ = ["parse_go_mod"]


def _go_version(text: str) -> Version | None:
    return semver_to_version(text.removesuffix("+incompatible"))


def _go_require(entries: Entries, line: str, source: Path, number: int) -> None:
    parts = line.replace('"', "").split()
    if len(parts) < 2:
        return
    module, found = parts[0], _pinned_text(parts[1], source, _go_version, number)
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
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("//", 1)[0].strip()
        if block is not None:
            if line == ")":
                block = None
            elif block == "require" and line:
                _go_require(entries, line, path, number)
            continue
        directive, _, rest = line.partition(" ")
        rest = rest.strip()
        if rest == "(":
            block = directive
        elif directive == "require":
            _go_require(entries, rest, path, number)
    return Manifest(entries)

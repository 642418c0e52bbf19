"""Pack versions: Semantic Versioning 2.0.0, one parser and one precedence for every use
(``pack.yaml``, the index, ``pack update``/``outdated``)."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["SEMVER", "is_semver", "semver_key"]

# As the SemVer 2.0.0 spec gives it: no leading zeros, dot-separated pre-release and build.
SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
)


def is_semver(text: str) -> bool:
    return SEMVER.match(text) is not None


def semver_key(version: str) -> tuple[Any, ...]:
    """SemVer precedence: a release beats its pre-releases, numeric identifiers sort below
    alphanumeric ones, build data is ignored; a version that is not SemVer sorts first."""
    match = SEMVER.match(version)
    if match is None:
        return (-1,)
    major, minor, patch, pre, _build = match.groups()
    if pre is None:
        return (int(major), int(minor), int(patch), 1, ())
    identifiers = tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part) for part in pre.split(".")
    )
    return (int(major), int(minor), int(patch), 0, identifiers)

"""Workspace members: which folders below a workspace root take the root's lockfile.

npm, yarn and pnpm name members with globs (`packages/*`, `apps/**`, `!**/test/**`); uv with
`members` and `exclude`; a Poetry monorepo with path dependencies. One matcher reads them
all: `*` stays within one folder name, `**` spans any number of folders, a leading `!`
excludes, and the last pattern that matches decides (as pnpm reads its list).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

__all__ = ["is_member"]


def is_member(patterns: Iterable[str], folder: str) -> bool:
    """Whether `folder` (relative to the root, `/`-separated) is a member by `patterns`."""
    member = False
    for pattern in patterns:
        excluded = pattern.startswith("!")
        if _glob(pattern.removeprefix("!")).fullmatch(folder.strip("/") + "/"):
            member = not excluded
    return member


@functools.lru_cache(maxsize=512)
def _glob(pattern: str) -> re.Pattern[str]:
    """A member glob as a regex over a relative folder path written with a trailing `/`."""
    pattern = pattern.strip()
    while pattern.startswith("./"):
        pattern = pattern[2:]
    parts = []
    for segment in pattern.strip("/").split("/"):
        if segment == "**":
            parts.append("(?:[^/]+/)*")  # any number of folders, none included
        elif segment not in ("", "."):
            parts.append(_segment(segment) + "/")
    return re.compile("".join(parts))


def _segment(segment: str) -> str:
    """One folder name's glob: `*` and `?` stay within the name."""
    return "".join(
        "[^/]*" if char == "*" else "[^/]" if char == "?" else re.escape(char) for char in segment
    )

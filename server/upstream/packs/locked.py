"""The packs a project's ``upstream.lock`` pins, as folders ``check`` and ``lsp`` can load.

A locked pack missing from the cache is fetched from its recorded source and must match
its recorded sha256; with ``offline`` (``--offline``, or ``UPSTREAM_OFFLINE=1``) nothing
touches the network and a missing pack is a one-line problem instead.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from upstream.errors import ConfigError, PackError, Problem, UpstreamError
from upstream.packs.lockfile import lock_path_for, read_lock
from upstream.packs.store import PackStore
from upstream.project.config import ProjectConfig

OFFLINE_ENV = "UPSTREAM_OFFLINE"


@dataclass(frozen=True)
class LockedPacks:
    # Pack name -> its folder in the cache.
    paths: dict[str, Path] = field(default_factory=dict)
    # One line per locked pack that could not be made available.
    problems: tuple[Problem, ...] = ()


def offline_from_environment() -> bool:
    return os.environ.get(OFFLINE_ENV, "").lower() in ("1", "true", "yes")


# Why a missing pack is not fetched, for the problem line.
OFFLINE_FLAG = "--offline forbids fetching it"


def locked_pack_paths(
    config: ProjectConfig,
    start: Path | None = None,
    offline: bool = False,
    offline_reason: str = OFFLINE_FLAG,
) -> LockedPacks:
    """The cache folders of the packs in the project's lock, fetching missing ones if allowed.

    A lock that can't be read is one problem: its packs are left out, the others still load.
    """
    lock_path = lock_path_for(config, start)
    if not lock_path.is_file():
        return LockedPacks()
    try:
        lock = read_lock(lock_path)
    except ConfigError as error:
        message = str(error).removeprefix(f"{lock_path}: ")
        return LockedPacks(problems=(Problem(lock_path, None, message),))
    if offline_from_environment() and not offline:
        offline, offline_reason = True, f"{OFFLINE_ENV} forbids fetching it"
    store = PackStore()
    paths: dict[str, Path] = {}
    problems: list[Problem] = []
    missing = []
    for locked in lock.packs:
        if store.has(locked.sha256):
            paths[locked.name] = store.pack_dir(locked.sha256)
        elif offline:
            message = (
                f"pack {locked.name} {locked.version} is not in the cache and {offline_reason} "
                "(run `upstream pack verify` online first)"
            )
            problems.append(Problem(lock_path, None, message))
        else:
            missing.append(locked)
    if missing:
        # Imported here: httpx and cryptography are only needed when something is missing.
        from upstream.packs.install import Installer

        installer = Installer(store, lock_path.parent, log=_log)
        try:
            for locked in missing:
                try:
                    paths[locked.name] = installer.restore(locked).path
                except PackError as error:
                    problems.extend(error.problems)
                except UpstreamError as error:
                    problems.append(Problem(lock_path, None, f"pack {locked.name}: {error}"))
        finally:
            installer.close()
    return LockedPacks(paths, tuple(problems))


def _log(message: str) -> None:
    print(f"upstream: {message}", file=sys.stderr)

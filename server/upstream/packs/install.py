"""Getting a pack into the cache: from an index, an archive URL, a local archive, or a lock.

Every path ends the same way: the archive is downloaded (or copied) into a scratch folder,
its sha256 is compared with what the index or lock promised, its signature is checked when
the index has a key, and only then does ``PackStore.install`` unpack and rename it into
place. Nothing here writes the lock; callers do, after every install succeeded.

Local archives (a path, or a ``file:`` URL) are read only if they are regular files, up to
the archive cap, and a problem never prints their sha256: a lock or an index could name any
file, and its hash is not ours to show. A ``file:`` archive URL is taken from a local index
only, and from a lock only when the lock names no index or a local one, which is all that
``pack add`` ever writes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from upstream.errors import PackError, Problem, UsageError
from upstream.packs.archive import DEFAULT_LIMITS, ArchiveLimits
from upstream.packs.client import Fetcher, read_regular_file
from upstream.packs.index import (
    IndexedVersion,
    PackIndex,
    parse_index,
    parse_spec,
    select_version,
)
from upstream.packs.loader import load_pack
from upstream.packs.lockfile import LockedPack
from upstream.packs.schema import Pack
from upstream.packs.signing import verify_signature
from upstream.packs.store import PackStore
from upstream.packs.urls import check_archive_url, is_file_url, is_url, resolve_url

MAX_INDEX_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Installed:
    locked: LockedPack
    path: Path
    # False on a cache hit: the archive was already there under the same sha256.
    downloaded: bool


@dataclass(frozen=True)
class _Signature:
    public_key: str
    signature: str


class Installer:
    """Installs packs into ``store`` for a project whose lock lives in ``lock_dir``."""

    def __init__(
        self,
        store: PackStore,
        lock_dir: Path,
        fetcher: Fetcher | None = None,
        limits: ArchiveLimits = DEFAULT_LIMITS,
        log: Callable[[str], None] | None = None,
    ) -> None:
        self.store = store
        self.lock_dir = lock_dir
        self.limits = limits
        self._fetcher = fetcher
        self._log = log or (lambda _: None)

    @property
    def fetcher(self) -> Fetcher:
        # Made on first use, so that cache hits and local archives never open a client.
        if self._fetcher is None:
            self._fetcher = Fetcher()
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    def fetch_index(self, url: str) -> PackIndex:
        return parse_index(self.fetcher.fetch_bytes(url, MAX_INDEX_BYTES), url)

    def from_index(
        self,
        index_url: str,
        name: str,
        requested: str | None,
        previous: LockedPack | None = None,
        index: PackIndex | None = None,
    ) -> Installed:
        """The newest version of ``name`` in the index that matches ``requested``."""
        if index is None:
            index = self.fetch_index(index_url)
        pinned = previous.public_key if previous and previous.index == index_url else None
        if pinned and index.public_key != pinned:
            message = (
                f"the index's signing key changed since {name} was locked (was {pinned[:12]}...); "
                "refused. If the publisher rotated its key, remove the pack and add it again"
            )
            raise PackError([Problem(index_url, None, message)])
        _, entry = select_version(index, name, parse_spec(requested), index_url)
        signature = self._signature(index, entry, name, index_url)
        url = resolve_url(index_url, entry.url)
        check_archive_url(url, index_url)
        label = f"{name} {entry.version} ({url})"
        _, path, downloaded = self._obtain(url, entry.sha256, label, signature, name, entry.version)
        locked = LockedPack(
            name=name,
            version=entry.version,
            sha256=entry.sha256,
            source=url,
            index=index_url,
            requested=requested or None,
            public_key=index.public_key,
        )
        return Installed(locked, path, downloaded)

    def from_archive(self, source: str, expected_sha256: str | None = None) -> Installed:
        """An archive named by URL or path; its hash is trusted on first use unless given."""
        if not is_url(source):
            file = Path(source)
            if file.is_dir():
                raise UsageError(
                    f"{source}: is a pack folder: build it with `upstream pack build {source}`, "
                    "or list it under pack-paths in the config"
                )
            if not file.is_file():
                raise UsageError(f"{source}: no such archive")
        sha256, path, downloaded = self._obtain(source, expected_sha256, source, None, None, None)
        manifest = load_pack(path).manifest
        locked = LockedPack(
            name=manifest.name,
            version=manifest.version,
            sha256=sha256,
            source=source if is_url(source) else self._relative_source(Path(source)),
        )
        return Installed(locked, path, downloaded)

    def restore(self, locked: LockedPack) -> Installed:
        """Put a locked pack back into the cache from its recorded source."""
        if self.store.has(locked.sha256):
            return Installed(locked, self.store.pack_dir(locked.sha256), False)
        source = locked.source
        if locked.index is not None and is_url(source):
            check_archive_url(source, locked.index)
        if not is_url(source):
            source = str(self.lock_dir / source)
        label = f"{locked.name} {locked.version} ({locked.source})"
        _, path, downloaded = self._obtain(
            source, locked.sha256, label, None, locked.name, locked.version
        )
        return Installed(locked, path, downloaded)

    def _signature(
        self, index: PackIndex, entry: IndexedVersion, name: str, where: str
    ) -> _Signature | None:
        if index.public_key is None:
            return None
        if not entry.signature:
            raise PackError(
                [
                    Problem(
                        where,
                        None,
                        f"{name} {entry.version} has no signature but the index is signed",
                    )
                ]
            )
        return _Signature(index.public_key, entry.signature)

    def _relative_source(self, file: Path) -> str:
        resolved = file.resolve()
        try:
            return resolved.relative_to(self.lock_dir.resolve()).as_posix()
        except ValueError:
            return resolved.as_posix()

    def _obtain(
        self,
        source: str,
        expected_sha256: str | None,
        label: str,
        signature: _Signature | None,
        name: str | None,
        version: str | None,
    ) -> tuple[str, Path, bool]:
        """(sha256, pack folder, downloaded?) for the archive at ``source``."""
        if expected_sha256 is not None and self.store.has(expected_sha256):
            if signature is not None:
                data = self.store.archive_path(expected_sha256).read_bytes()
                verify_signature(signature.public_key, signature.signature, data, label)
            return expected_sha256, self.store.pack_dir(expected_sha256), False
        with self.store.work_folder() as work:
            archive = work / "download.tar.gz"
            if is_url(source):
                self._log(f"downloading {label}")
                sha256 = self.fetcher.download(
                    source, archive, self.limits.max_archive_bytes, label=label
                )
            else:
                sha256 = self._copy_local(Path(source), archive)
            if expected_sha256 is not None and sha256 != expected_sha256:
                raise PackError([Problem(label, None, _mismatch(source, expected_sha256, sha256))])
            if signature is not None:
                verify_signature(
                    signature.public_key, signature.signature, archive.read_bytes(), label
                )
            if self.store.has(sha256):
                return sha256, self.store.pack_dir(sha256), False

            def expect(pack: Pack) -> None:
                found = (pack.manifest.name, pack.manifest.version)
                if name is not None and found != (name, version):
                    raise PackError(
                        [
                            Problem(
                                label,
                                None,
                                f"the archive holds {found[0]} {found[1]}, not {name} {version}",
                            )
                        ]
                    )

            path = self.store.install(archive, sha256, source, expect, self.limits)
            return sha256, path, True

    def _copy_local(self, file: Path, target: Path) -> str:
        digest = hashlib.sha256()
        with target.open("wb") as out:
            for block in read_regular_file(file, self.limits.max_archive_bytes, str(file)):
                digest.update(block)
                out.write(block)
        return digest.hexdigest()


def _mismatch(source: str, expected: str, actual: str) -> str:
    # A local file's hash is left out: the lock that names it may be anyone's pull request,
    # and the hash of a short secret gives the secret away.
    if not is_url(source) or is_file_url(source):
        return f"sha256 mismatch: expected {expected}, the local file differs; refused"
    return f"sha256 mismatch: expected {expected}, got {actual}; refused"

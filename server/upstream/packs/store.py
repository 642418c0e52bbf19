"""The per-user pack cache, content-addressed by the sha256 of each archive.

    <cache>/archives/<sha256>.tar.gz   verified archives, as they were downloaded
    <cache>/packs/<sha256>/            the unpacked pack (what ``upstream check`` loads)
    <cache>/.tmp-*/                    work in progress, renamed into place when complete

``<cache>`` is ``$UPSTREAM_CACHE_DIR`` if set, else the platform's user cache folder
(``~/.cache/upstream`` on Linux). An entry appears only by an atomic rename, after its
archive matched its sha256, unpacked safely and loaded as a valid pack, so a failed or
interrupted install leaves nothing behind and never touches other entries. A process killed
mid-install does leave its ``.tmp-*`` folder; the next one to need a work folder removes it
(see ``remove_stale_work``).
"""

from __future__ import annotations

import filecmp
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs

from upstream.errors import PackError
from upstream.packs.archive import (
    DEFAULT_LIMITS,
    ArchiveLimits,
    extract_archive,
    relabel_problem,
    sha256_file,
)
from upstream.packs.loader import MANIFEST, load_pack
from upstream.packs.schema import Pack

if sys.platform != "win32":
    import fcntl

CACHE_ENV = "UPSTREAM_CACHE_DIR"
_WORK_PREFIX = ".tmp-"
# Longer than any live install takes: a download ends within its deadline (10 minutes,
# NetworkSettings.deadline), and unpacking a capped archive takes seconds.
STALE_AFTER = 30 * 60.0


def default_cache_root() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_cache_path("upstream", appauthor=False)


class PackStore:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root if root is not None else default_cache_root()

    def pack_dir(self, sha256: str) -> Path:
        return self.root / "packs" / sha256

    def archive_path(self, sha256: str) -> Path:
        return self.root / "archives" / f"{sha256}.tar.gz"

    def has(self, sha256: str) -> bool:
        return (self.pack_dir(sha256) / MANIFEST).is_file() and self.archive_path(sha256).is_file()

    @contextmanager
    def work_folder(self) -> Iterator[Path]:
        """A scratch folder inside the cache (same file system, so renames are atomic)."""
        self.root.mkdir(parents=True, exist_ok=True)
        self.remove_stale_work()
        folder = Path(tempfile.mkdtemp(prefix=_WORK_PREFIX, dir=self.root))
        held = None
        try:
            held = _hold(folder)
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            if held is not None:
                os.close(held)

    def remove_stale_work(self, older_than: float = STALE_AFTER) -> list[Path]:
        """Remove the work folders that killed processes left; return them.

        A folder is stale when it is older than ``older_than`` seconds and, where the OS has
        flock, no process holds its lock: the process that made it holds one while it lives,
        so even a suspended install keeps its folder. The age covers the instant between
        mkdtemp and the lock, and stands alone where there is no flock.
        """
        cutoff = time.time() - older_than
        removed = []
        for folder in self.root.glob(f"{_WORK_PREFIX}*"):
            try:
                stale = folder.is_dir() and folder.stat().st_mtime < cutoff
            except OSError:
                continue
            if stale and not _is_held(folder):
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
        return removed

    def install(
        self,
        archive: Path,
        sha256: str,
        source: str,
        expect: Callable[[Pack], None] | None = None,
        limits: ArchiveLimits = DEFAULT_LIMITS,
    ) -> Path:
        """Unpack an archive already known to hash to ``sha256``; return its pack folder.

        ``source`` (a URL or path) names the archive in problems.

        ``expect`` may refuse the loaded pack (say, the wrong name) by raising PackError;
        then nothing is added to the cache.
        """
        if self.has(sha256):
            return self.pack_dir(sha256)
        with self.work_folder() as work:
            unpacked = work / "pack"
            unpacked.mkdir()
            try:
                extract_archive(archive, unpacked, limits, label=source)
                pack = load_pack(unpacked)
                if expect is not None:
                    expect(pack)
            except PackError as error:
                raise PackError(
                    [relabel_problem(problem, unpacked, source) for problem in error.problems]
                ) from None
            kept = work / "archive.tar.gz"
            shutil.copyfile(archive, kept)
            self._move_into_place(kept, self.archive_path(sha256))
            self._move_into_place(unpacked, self.pack_dir(sha256))
        return self.pack_dir(sha256)

    @staticmethod
    def _move_into_place(source: Path, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.rename(source, target)
        except OSError:
            # Another process installed the same content first: same sha256, same bytes.
            if not target.exists():
                raise

    def verify(self, sha256: str) -> list[str]:
        """Problems with a cache entry: its archive's hash, and its files against the archive."""
        archive, folder = self.archive_path(sha256), self.pack_dir(sha256)
        if not archive.is_file() or not folder.is_dir():
            return [f"{folder}: not in the cache"]
        actual = sha256_file(archive)
        if actual != sha256:
            return [f"{archive}: sha256 is {actual}, expected {sha256}"]
        with self.work_folder() as work:
            try:
                extract_archive(archive, work)
            except PackError as error:
                return [str(problem) for problem in error.problems]
            difference = _first_difference(work, folder)
        if difference:
            return [f"{folder}: differs from its archive ({difference})"]
        try:
            load_pack(folder)
        except PackError as error:
            return [str(problem) for problem in error.problems]
        return []


def _hold(folder: Path) -> int | None:
    """Lock ``folder`` for as long as the returned descriptor is open (None: no flock)."""
    if sys.platform == "win32":
        return None
    descriptor = os.open(folder, os.O_RDONLY)
    # Blocking: the only other holder can be a stale-folder probe (say, after a clock
    # jump), and a probe lets go at once.
    fcntl.flock(descriptor, fcntl.LOCK_EX)
    return descriptor


def _is_held(folder: Path) -> bool:
    if sys.platform == "win32":
        return False
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return True  # not ours to judge
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(descriptor)  # and with it the probe's own lock
    return False


def _first_difference(expected: Path, actual: Path) -> str | None:
    wanted = {p.relative_to(expected) for p in expected.rglob("*") if p.is_file()}
    present = {p.relative_to(actual) for p in actual.rglob("*") if p.is_file() or p.is_symlink()}
    for name in sorted(present - wanted):
        return f"{name.as_posix()} is not in the archive"
    for name in sorted(wanted - present):
        return f"{name.as_posix()} is missing"
    for name in sorted(wanted):
        if (actual / name).is_symlink() or not filecmp.cmp(
            expected / name, actual / name, shallow=False
        ):
            return f"{name.as_posix()} was changed"
    return None

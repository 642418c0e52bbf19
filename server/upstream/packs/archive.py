"""Pack archives: a reproducible ``NAME-VERSION.tar.gz`` out, a refused-unless-safe unpack in.

An archive holds the pack's files at its root (``pack.yaml``, rule files, ``tests/...``) and
nothing else: regular files only, sorted, owned by 0:0, mode 0644, mtime 0, in a gzip stream
with no name and no timestamp. The same source therefore gives the same bytes, and the same
sha256, on every machine with the same Python and zlib.

Unpacking treats the archive as hostile: absolute paths, ``..``, links, devices, duplicate
names, too many members and too many unpacked bytes are refused before anything is written.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import tarfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from upstream.errors import PackError, Problem
from upstream.files import write_atomically

ARCHIVE_SUFFIX = ".tar.gz"
# Fixed metadata, so that building twice gives the same bytes.
_MTIME = 0
_FILE_MODE = 0o644
_DIR_MODE = 0o755
_COMPRESS_LEVEL = 9
_SKIPPED_NAMES = frozenset({"__pycache__", "node_modules"})


@dataclass(frozen=True)
class ArchiveLimits:
    """What an archive may hold; anything over is refused (packs are YAML and test files)."""

    max_members: int = 2000
    max_unpacked_bytes: int = 32 * 1024 * 1024
    max_archive_bytes: int = 16 * 1024 * 1024


DEFAULT_LIMITS = ArchiveLimits()


@dataclass(frozen=True)
class BuiltArchive:
    path: Path
    sha256: str
    size: int


def archive_name(name: str, version: str) -> str:
    return f"{name}-{version}{ARCHIVE_SUFFIX}"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def pack_files(pack_dir: Path) -> list[tuple[str, Path]]:
    """``(archive name, file)`` for every file the archive of ``pack_dir`` holds, sorted.

    Hidden files, caches and archives (an earlier build's output) are left out; a symlink is
    an error, since following it could pull in files from outside the pack.
    """
    found: list[tuple[str, Path]] = []
    for folder, dirs, files in os.walk(pack_dir):
        base = Path(folder)
        for name in sorted(dirs):
            if (base / name).is_symlink():
                raise PackError([Problem(base / name, None, "a pack cannot contain symlinks")])
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED_NAMES)
        for name in files:
            path = base / name
            if name.startswith(".") or name.endswith((".pyc", ARCHIVE_SUFFIX)):
                continue
            if path.is_symlink():
                raise PackError([Problem(path, None, "a pack cannot contain symlinks")])
            found.append((path.relative_to(pack_dir).as_posix(), path))
    return sorted(found)


def reproducible_tar_gz(entries: Iterable[tuple[str, bytes]], mtime: int = _MTIME) -> bytes:
    """A .tar.gz of ``entries`` (name, bytes) in that order, with nothing that changes from one
    build to the next: fixed times, modes and owners, no file name in the gzip header."""
    buffer = io.BytesIO()
    with (
        gzip.GzipFile(
            filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=_COMPRESS_LEVEL
        ) as compressed,
        tarfile.open(fileobj=compressed, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for name, data in entries:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = mtime
            info.mode = _FILE_MODE
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def check_limits(
    pack_dir: Path, files: list[tuple[str, Path]], limits: ArchiveLimits = DEFAULT_LIMITS
) -> None:
    """Raise PackError if ``files`` (from ``pack_files``) are more than any installer takes."""
    total = sum(path.stat().st_size for _, path in files)
    if len(files) > limits.max_members or total > limits.max_unpacked_bytes:
        message = (
            f"{len(files)} files, {total} bytes: over the limit every installer enforces "
            f"({limits.max_members} files, {limits.max_unpacked_bytes} bytes)"
        )
        raise PackError([Problem(pack_dir, None, message)])


def build_archive(
    pack_dir: Path, destination: Path, limits: ArchiveLimits = DEFAULT_LIMITS
) -> BuiltArchive:
    """Write the reproducible archive of ``pack_dir`` to the file ``destination``."""
    files = pack_files(pack_dir)
    check_limits(pack_dir, files, limits)
    payload = reproducible_tar_gz((name, path.read_bytes()) for name, path in files)
    write_atomically(destination, payload, mode=0o644)
    return BuiltArchive(destination, hashlib.sha256(payload).hexdigest(), len(payload))


def extract_archive(
    archive: Path,
    destination: Path,
    limits: ArchiveLimits = DEFAULT_LIMITS,
    label: str | None = None,
) -> None:
    """Unpack ``archive`` into the empty folder ``destination``, or raise PackError.

    Every member is checked before the first byte is written, so a refused archive leaves
    ``destination`` empty; the caller removes it either way on failure. ``label`` names the
    archive in problems (say, the URL it came from) instead of its path.
    """
    where = label or str(archive)
    if archive.stat().st_size > limits.max_archive_bytes:
        raise PackError([Problem(where, None, f"archive is over {limits.max_archive_bytes} bytes")])
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            members = _checked_members(tar, where, limits)
            for name, member in members:
                _write_member(tar, member, destination / name, where)
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise PackError([Problem(where, None, f"not a valid tar.gz archive ({error})")]) from None


def relabel_problem(problem: Problem, unpacked: Path, source: str) -> Problem:
    """A problem with a file unpacked into ``unpacked``, named inside ``source`` instead.

    The scratch folder means nothing to the user; ``ARCHIVE/pack.yaml:3`` does.
    """
    try:
        inner = Path(problem.path).relative_to(unpacked).as_posix()
    except ValueError:
        return problem
    location = source if inner == "." else f"{source}/{inner}"
    prefix = f"{problem.path}:{problem.line}: " if problem.line is not None else f"{problem.path}: "
    message = problem[len(prefix) :] if problem.startswith(prefix) else str(problem)
    return Problem(location, problem.line, message)


def _checked_members(
    tar: tarfile.TarFile, where: str, limits: ArchiveLimits
) -> list[tuple[str, tarfile.TarInfo]]:
    checked: list[tuple[str, tarfile.TarInfo]] = []
    seen: set[str] = set()
    total = 0
    for count, member in enumerate(tar, start=1):
        if count > limits.max_members:
            raise PackError(
                [Problem(where, None, f"more than {limits.max_members} members; refused")]
            )
        name = _safe_name(member.name, where)
        if member.isdir():
            continue
        if not member.isreg():
            raise PackError(
                [Problem(where, None, f"member {member.name!r} is {_kind(member)}; refused")]
            )
        if name in seen:
            raise PackError([Problem(where, None, f"member {member.name!r} appears twice")])
        seen.add(name)
        total += member.size
        if total > limits.max_unpacked_bytes:
            raise PackError(
                [
                    Problem(
                        where,
                        None,
                        f"unpacks to more than {limits.max_unpacked_bytes} bytes; refused",
                    )
                ]
            )
        checked.append((name, member))
    directories = {str(parent) for name in seen for parent in PurePosixPath(name).parents}
    clash = sorted(seen & directories)
    if clash:
        raise PackError([Problem(where, None, f"{clash[0]!r} is both a file and a folder")])
    return checked


def _safe_name(raw: str, where: str) -> str:
    """The member's relative POSIX path; anything that could land outside is refused."""
    name = raw[2:] if raw.startswith("./") else raw
    name = name.rstrip("/")
    parts = name.split("/")
    if (
        not name
        or raw.startswith(("/", "\\"))
        or "\\" in name
        or "\x00" in name
        or (len(name) > 1 and name[1] == ":")
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise PackError([Problem(where, None, f"unsafe member path {raw!r}; refused")])
    return name


def _kind(member: tarfile.TarInfo) -> str:
    if member.issym():
        return f"a symlink (to {member.linkname!r})"
    if member.islnk():
        return f"a hard link (to {member.linkname!r})"
    if member.ischr() or member.isblk():
        return "a device"
    if member.isfifo():
        return "a FIFO"
    return "not a regular file"


def _write_member(tar: tarfile.TarFile, member: tarfile.TarInfo, target: Path, where: str) -> None:
    source = tar.extractfile(member)
    if source is None:
        raise PackError([Problem(where, None, f"member {member.name!r} has no data")])
    target.parent.mkdir(parents=True, exist_ok=True, mode=_DIR_MODE)
    # O_EXCL | O_NOFOLLOW: never write through something that is already there.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(target, flags, _FILE_MODE)
    with os.fdopen(descriptor, "wb") as out, source:
        remaining = member.size
        while remaining:
            block = source.read(min(remaining, 1 << 16))
            if not block:
                raise PackError([Problem(where, None, f"member {member.name!r} is truncated")])
            out.write(block)
            remaining -= len(block)

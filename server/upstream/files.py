"""Reading and writing project files: atomic replacement and TOML (``tomllib`` or ``tomli``)."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

TOMLDecodeError = tomllib.TOMLDecodeError

__all__ = [
    "MAX_PROJECT_FILE_BYTES",
    "TOMLDecodeError",
    "is_readable_project_file",
    "load_toml",
    "parse_toml",
    "write_atomically",
]

# Manifests, lockfiles and configs larger than this are not read (a lockfile of a large
# monorepo is a few MB).
MAX_PROJECT_FILE_BYTES = 64 * 1024 * 1024


def is_readable_project_file(path: Path, max_bytes: int = MAX_PROJECT_FILE_BYTES) -> bool:
    """Whether ``path`` is a regular file (a symlink to one counts) within ``max_bytes``:
    a FIFO named ``pyproject.toml`` would block a read forever, ``/dev/zero`` never end."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size <= max_bytes


def parse_toml(text: str) -> dict[str, Any]:
    """A TOML document's tables; raises ``TOMLDecodeError``."""
    return tomllib.loads(text)


def load_toml(path: Path) -> dict[str, Any]:
    """A TOML file's tables; raises ``OSError``, ``UnicodeDecodeError`` or ``TOMLDecodeError``."""
    with path.open("rb") as handle:
        return tomllib.load(handle)


def write_atomically(
    path: Path, data: bytes | str, mode: int | None = None, durable: bool = False
) -> None:
    """Replace ``path`` with ``data`` so that a crash never leaves a half-written file.

    ``mode``: the new file's permissions (default: the old file's, else 0o644; mkstemp alone
    would make it private). ``durable``: fsync before the rename. Text is written as UTF-8
    with ``\\n`` line ends. A symlink at ``path`` is replaced, not written through: pass
    the path it resolves to for that. On ``OSError`` (a full disk, a read-only folder)
    ``path`` is left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if mode is None:
        try:
            mode = path.stat().st_mode & 0o7777
        except OSError:
            mode = 0o644
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

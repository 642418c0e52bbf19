"""Checking files on disk: reading them safely and running the engine with project facts."""

from __future__ import annotations

import os
import stat
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from upstream.engine import (
    CheckOptions,
    Document,
    Finding,
    LanguageSpec,
    RuleSet,
    check_document,
    language_for_path,
)
from upstream.engine.embedded import check_embedded, document_kind
from upstream.engine.notebook import NotebookError, check_notebook

DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024
_BINARY_SNIFF_BYTES = 8192
_READ_CHUNK_BYTES = 1024 * 1024
_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: skipped: {self.reason}"


@dataclass(frozen=True)
class Failed:
    """A file the engine raised on: a bug in upstream, reported in one line and not cached."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: internal error: {self.reason}"

    @classmethod
    def from_exception(cls, path: Path, error: BaseException) -> Failed | Skipped:
        """What checking ``path`` raising ``error`` means: a notebook upstream cannot read is
        skipped with the reason; anything else is a bug."""
        if isinstance(error, NotebookError):
            return Skipped(str(path), str(error))
        return cls(str(path), describe_error(error))


def describe_error(error: BaseException) -> str:
    """An unexpected exception in one line: its type, message and the source line that
    raised it (no traceback: a user reports this line)."""
    message = " ".join(str(error).split())
    reason = f"{type(error).__name__}: {message}" if message else type(error).__name__
    frames = traceback.extract_tb(error.__traceback__)
    if frames:
        where = Path(frames[-1].filename)
        package = Path(__file__).resolve().parents[2]  # the folder holding upstream/
        if where.is_relative_to(package):
            where = where.relative_to(package)
        reason += f" (at {where.as_posix()}:{frames[-1].lineno})"
    return reason


def content_problem(data: bytes) -> str | None:
    """Why text cannot be checked as source, or None (binary content, for now)."""
    return "binary file" if b"\0" in data[:_BINARY_SNIFF_BYTES] else None


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> bytes | Skipped:
    """The file's bytes if it is a regular UTF-8 text file within the size limit, else why
    not. A symlink to a regular file is read; a FIFO or a device never is."""
    try:
        data = _read_regular(path, max_bytes)
    except OSError as error:
        return Skipped(str(path), f"cannot read: {error.strerror or error}")
    if isinstance(data, str):
        return Skipped(str(path), data)
    problem = content_problem(data)
    if problem is not None:
        return Skipped(str(path), problem)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return Skipped(str(path), f"not UTF-8 (byte {error.start})")
    return data


def _read_regular(path: Path, max_bytes: int) -> bytes | str:
    """The bytes of a regular file of at most ``max_bytes``, or why it was not read."""
    # stat before open: opening a FIFO waits for a writer, and opening a device may do
    # anything (rewind a tape).
    if not stat.S_ISREG(os.stat(path).st_mode):
        return "not a regular file"
    # O_NONBLOCK: should a FIFO replace the file meanwhile, opening it does not wait.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _O_BINARY)
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            return "not a regular file"
        if status.st_size > max_bytes:
            return f"{_size(status.st_size, 1)} is over the {_size(max_bytes, 0)} limit"
        data = _read_at_most(stream, max_bytes + 1, first=status.st_size + 1)
    # A file can grow while it is read, or lie about its size (as files in /proc do).
    if len(data) > max_bytes:
        return f"over the {_size(max_bytes, 0)} limit when read"
    return data


def _read_at_most(stream: BinaryIO, limit: int, first: int) -> bytes:
    # In chunks, the first one as big as the file says it is: a read of ``limit`` bytes
    # would allocate them all at once, whatever the file holds.
    chunks: list[bytes] = []
    total = 0
    wanted = first
    while total < limit:
        chunk = stream.read(min(wanted, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        wanted = _READ_CHUNK_BYTES
    return b"".join(chunks)


def _size(size: int, decimals: int) -> str:
    return f"{size / 1048576:.{decimals}f} MB" if size >= 1048576 else f"{size} B"


def is_checkable(path: Path) -> bool:
    """A file of a language upstream reads, or a document whose code blocks it checks."""
    return language_for_path(path) is not None or document_kind(path) is not None


def check_file(
    path: Path,
    rule_set: RuleSet,
    options: CheckOptions,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    spec: LanguageSpec | None = None,
) -> list[Finding] | Skipped:
    if spec is None and not is_checkable(path):
        return Skipped(str(path), "unknown language (no grammar for this file extension)")
    source = read_source(path, max_bytes)
    if isinstance(source, Skipped):
        return source
    return check_source(path, source, rule_set, options, spec)


def check_source(
    path: Path,
    source: bytes,
    rule_set: RuleSet,
    options: CheckOptions,
    spec: LanguageSpec | None = None,
) -> list[Finding]:
    """The findings in ``source``, the bytes of ``path``: code in its language, or the code
    blocks of a Markdown or reStructuredText document (engine/embedded.py), or the code
    cells of a notebook (engine/notebook.py; NotebookError for one it cannot read)."""
    spec = spec or language_for_path(path)
    check_block = program_checker(rule_set, options)
    if spec is not None:
        return check_block(Document(str(path), source, spec))
    kind = document_kind(path)
    if kind is None:
        return []
    if kind == "notebook":
        return check_notebook(str(path), source, check_block)
    return check_embedded(str(path), source, kind, check_block)


def program_checker(
    rule_set: RuleSet, options: CheckOptions
) -> Callable[[Document], list[Finding]]:
    """Checks one document with the rules for its language (none: no findings)."""

    def check(document: Document) -> list[Finding]:
        rules = rule_set.for_language(document.spec.name)
        return [] if rules is None else check_document(document, rules, options)

    return check

"""Checking files on disk: reading them safely and running the engine with project facts."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path

from upstream.engine import (
    CheckOptions,
    Document,
    Finding,
    LanguageSpec,
    RuleSet,
    check_document,
    language_for_path,
)

DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024
_BINARY_SNIFF_BYTES = 8192


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
    def from_exception(cls, path: Path, error: BaseException) -> Failed:
        """The exception and the upstream source line that raised it."""
        message = " ".join(str(error).split())
        reason = f"{type(error).__name__}: {message}" if message else type(error).__name__
        frames = traceback.extract_tb(error.__traceback__)
        if frames:
            where = Path(frames[-1].filename)
            package = Path(__file__).resolve().parents[2]  # the folder holding upstream/
            if where.is_relative_to(package):
                where = where.relative_to(package)
            reason += f" (at {where.as_posix()}:{frames[-1].lineno})"
        return cls(str(path), reason)


def content_problem(data: bytes) -> str | None:
    """Why text cannot be checked as source, or None (binary content, for now)."""
    return "binary file" if b"\0" in data[:_BINARY_SNIFF_BYTES] else None


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> bytes | Skipped:
    """The file's bytes if it is a UTF-8 text file within the size limit, else why not."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Skipped(
                str(path), f"{size / 1048576:.1f} MB is over the {max_bytes / 1048576:.0f} MB limit"
            )
        data = path.read_bytes()
    except OSError as error:
        return Skipped(str(path), f"cannot read: {error.strerror or error}")
    problem = content_problem(data)
    if problem is not None:
        return Skipped(str(path), problem)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return Skipped(str(path), f"not UTF-8 (byte {error.start})")
    return data


def check_file(
    path: Path,
    rule_set: RuleSet,
    options: CheckOptions,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    spec: LanguageSpec | None = None,
) -> list[Finding] | Skipped:
    spec = spec or language_for_path(path)
    if spec is None:
        return Skipped(str(path), "unknown language (no grammar for this file extension)")
    rules = rule_set.for_language(spec.name)
    source = read_source(path, max_bytes)
    if isinstance(source, Skipped):
        return source
    if rules is None:
        return []
    return check_document(Document(str(path), source, spec), rules, options)

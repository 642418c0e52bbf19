"""Exceptions raised by upstream.

    UpstreamError
     ├── PackError       a pack, rule file or rule is invalid (names file:line and field)
     ├── ConfigError     the project configuration is invalid (names the key)
     └── UsageError      the command line asks for something impossible
          └── MissingExtraError  a command needs an optional extra that is not installed

Each carries a one-line message meant for the user as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError


class UpstreamError(Exception):
    """Base class: ``str(error)`` is a complete one-line message."""


class Problem(str):
    """One line about a pack: ``path:line: message``; keeps ``path`` and ``line`` so an
    editor can put it on the right line of the pack file."""

    path: str
    line: int | None

    def __new__(cls, path: object, line: int | None, message: str) -> Problem:
        text = f"{path}:{line}: {message}" if line is not None else f"{path}: {message}"
        problem = super().__new__(cls, text)
        problem.path = str(path)
        problem.line = line
        return problem


class PackError(UpstreamError):
    """A pack cannot be used. ``problems`` lists every line found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0] if len(problems) == 1 else f"{len(problems)} problems")
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(self.problems)


class ConfigError(UpstreamError):
    """The project configuration is invalid."""


class UsageError(UpstreamError):
    """The command line is invalid."""


class MissingExtraError(UsageError):
    """A command needs an optional dependency that is not installed."""

    def __init__(self, feature: str, extra: str, module: str) -> None:
        super().__init__(
            f"{feature} needs {module}, which is not installed: pip install 'upstream[{extra}]'"
        )


def first_error_line(error: ValidationError) -> tuple[str, str]:
    """The dotted location and message of a pydantic error's first item."""
    first = error.errors()[0]
    return ".".join(str(part) for part in first["loc"]), first["msg"]

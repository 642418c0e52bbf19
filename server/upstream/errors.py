"""Exceptions raised by upstream.

    UpstreamError
     ├── PackError       a pack, rule file or rule is invalid (names file:line and field)
     ├── ConfigError     the project configuration is invalid (names the key)
     └── UsageError      the command line asks for something impossible

Each carries a one-line message meant for the user as it is.
"""

from __future__ import annotations


class UpstreamError(Exception):
    """Base class: ``str(error)`` is a complete one-line message."""


class PackError(UpstreamError):
    """A pack cannot be used. ``problems`` lists every line found, not just the first."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(problems[0] if len(problems) == 1 else f"{len(problems)} problems")
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(self.problems)


class ConfigError(UpstreamError):
    """The project configuration is invalid."""


class UsageError(UpstreamError):
    """The command line is invalid."""

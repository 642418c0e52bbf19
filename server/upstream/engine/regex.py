"""Regexes from packs run under RE2: a pack is untrusted and must not hang the editor."""

from __future__ import annotations

from typing import Protocol

import re2


class CompiledRegex(Protocol):
    def search(self, text: str) -> object | None: ...


class RegexError(ValueError):
    pass


def _options() -> re2.Options:
    options = re2.Options()
    # RE2 otherwise logs every rejected pattern to stderr before we report it ourselves.
    options.log_errors = False
    return options


_OPTIONS = _options()


def compile_regex(pattern: str) -> CompiledRegex:
    """Compile with RE2, or raise RegexError naming what RE2 rejected."""
    try:
        compiled: CompiledRegex = re2.compile(pattern, _OPTIONS)
    except re2.error as error:
        detail = error.args[0] if error.args else error
        if isinstance(detail, bytes):
            detail = detail.decode("utf-8", "replace")
        raise RegexError(f"invalid regex {pattern!r}: {detail}") from None
    return compiled

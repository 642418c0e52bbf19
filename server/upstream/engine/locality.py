"""Which rules are *local*: their findings depend only on the top-level statement they sit in.

An edit inside one top-level statement (a function, a class, an import) can then change
only that statement's findings of a local rule, and the language server re-checks just that
statement. A rule is not local when some part of it can look at the whole file:

- a generator or an ``inside`` part that can match the file's root node (``kind: module``,
  a bare ``$X``): ``inside: {kind: module, has: ...}`` asks about every statement;
- a raw query whose pattern has no single root (siblings that may sit in two statements)
  or that names the root kind or a wildcard node.

Imports are file-wide for every rule; the incremental check handles those by re-checking
the whole file when an import changes.
"""

from __future__ import annotations

import functools
import re

from upstream.engine.matchers import CompiledMatcher
from upstream.engine.pattern import Kind
from upstream.languages import LanguageSpec


@functools.cache
def root_kind(spec: LanguageSpec) -> str:
    """The node kind of a file's root (``module``, ``program``, ``source_file``)."""
    return spec.parser().parse(b"").root_node.type


def is_local(matcher: CompiledMatcher, root_kind: str) -> bool:
    """Whether no part of ``matcher`` can depend on more than one top-level statement."""
    return _local(matcher, root_kind, finds=True)


def _local(matcher: CompiledMatcher, root_kind: str, finds: bool) -> bool:
    # `finds`: this part's nodes are the reported node or its ancestors (generators and
    # `inside`), which must not be the root; `has` parts only look further down.
    if matcher.query is not None and not _query_is_local(matcher, root_kind):
        return False
    if finds and _can_match_root(matcher, root_kind):
        return False
    children = [(part, finds) for part in (*matcher.all, *matcher.any)]
    if matcher.not_ is not None:
        children.append((matcher.not_, finds))
    if matcher.inside is not None:
        children.append((matcher.inside, True))
    if matcher.has is not None:
        children.append((matcher.has, False))
    return all(_local(part, root_kind, part_finds) for part, part_finds in children)


def _can_match_root(matcher: CompiledMatcher, root_kind: str) -> bool:
    if matcher.kinds is not None and root_kind in matcher.kinds:
        return True
    pattern = matcher.pattern
    return pattern is not None and (pattern.kind is Kind.META or pattern.type == root_kind)


def _query_is_local(matcher: CompiledMatcher, root_kind: str) -> bool:
    assert matcher.query is not None
    query = matcher.query.query
    if not all(query.is_pattern_rooted(index) for index in range(query.pattern_count)):
        return False
    # Conservative: any wildcard or root-kind node anywhere in the text.
    return re.search(rf"\(\s*(?:_|{re.escape(root_kind)})[\s)]", matcher.query.text) is None


__all__ = ["is_local", "root_kind"]

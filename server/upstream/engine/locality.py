"""Which rules are *local*: their findings depend only on the top-level statement they sit in.

An edit inside one top-level statement (a function, a class, an import) can then change
only that statement's findings of a local rule, and the language server re-checks just that
statement. A rule is not local when some part of it can look at the whole file:

- a generator or an ``inside`` part that can match the file's root node (``kind: module``,
  a bare ``$X``): ``inside: {kind: module, has: ...}`` asks about every statement, unless
  it asks only about import statements;
- a raw query whose pattern has no single root (siblings that may sit in two statements)
  or whose root is the root kind or a wildcard (``raw_query.query_is_local``).

Imports are file-wide for every rule; the incremental check handles those by re-checking
the whole file when an import changes.
"""

from __future__ import annotations

from upstream.engine.languages import LanguageSpec
from upstream.engine.matchers import CompiledMatcher
from upstream.engine.pattern import Kind


def is_local(matcher: CompiledMatcher, spec: LanguageSpec) -> bool:
    """Whether no part of ``matcher`` can depend on more than one top-level statement."""
    return _local(matcher, spec, finds=True)


def _local(matcher: CompiledMatcher, spec: LanguageSpec, finds: bool) -> bool:
    # `finds`: this part's nodes are the reported node or its ancestors (generators and
    # `inside`), which must not be the root; `has` parts only look further down.
    root = spec.root_kind
    if matcher.query is not None and not matcher.query.local:
        return False
    if finds and _can_match_root(matcher, root) and not _asks_about_imports(matcher, spec):
        return False
    children = [(part, finds) for part in (*matcher.all, *matcher.any)]
    if matcher.not_ is not None:
        children.append((matcher.not_, finds))
    if matcher.inside is not None:
        children.append((matcher.inside, True))
    if matcher.has is not None:
        children.append((matcher.has, False))
    return all(_local(part, spec, part_finds) for part, part_finds in children)


def _asks_about_imports(matcher: CompiledMatcher, spec: LanguageSpec) -> bool:
    """Whether a part tested on the root looks only at import statements (`inside: {kind:
    module, has: {kind: import_from_statement, regex: ...}}`): a change to an import
    re-checks the whole file anyway, so such a part is as local as the rest."""
    if matcher.pattern is not None or matcher.query is not None or matcher.regex is not None:
        return False
    if matcher.inside is not None or not (matcher.kinds or set()) <= {spec.root_kind}:
        return False
    if matcher.has is not None and not _is_import(matcher.has, spec):
        return False
    parts = [*matcher.all, *matcher.any, *([matcher.not_] if matcher.not_ else [])]
    return all(_asks_about_imports(part, spec) for part in parts)


def _is_import(matcher: CompiledMatcher, spec: LanguageSpec) -> bool:
    generators = matcher.generators()
    return (
        bool(generators)
        and all(
            g.kinds is not None and g.kinds <= spec.import_kinds and g.pattern is None
            for g in generators
        )
        and _never_looks_up(matcher)
    )


def _never_looks_up(matcher: CompiledMatcher) -> bool:
    return matcher.inside is None and all(_never_looks_up(part) for part in matcher.parts())


def _can_match_root(matcher: CompiledMatcher, root_kind: str) -> bool:
    if matcher.kinds is not None and root_kind in matcher.kinds:
        return True
    pattern = matcher.pattern
    return pattern is not None and (pattern.kind is Kind.META or pattern.type == root_kind)


__all__ = ["is_local"]

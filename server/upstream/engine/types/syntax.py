"""Syntax-tree helpers both languages' inference uses: a compiled query, a node's text, the
nearest enclosing node of some kinds, and what a function's own ``return`` statements give."""

from __future__ import annotations

import functools
from collections.abc import Callable, Container

import tree_sitter

from upstream.engine.languages import LanguageSpec


@functools.cache
def cached_query(spec: LanguageSpec, text: str) -> tree_sitter.Query:
    return tree_sitter.Query(spec.grammar, text)


def node_text(node: tree_sitter.Node | None) -> str:
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", "replace")


def nearest(node: tree_sitter.Node, kinds: Container[str]) -> tree_sitter.Node | None:
    """The closest proper ancestor of ``node`` whose kind is one of ``kinds``, or None."""
    parent = node.parent
    while parent is not None and parent.type not in kinds:
        parent = parent.parent
    return parent


# Python's and JavaScript's grammars spell a return statement alike.
_RETURNS_QUERY = "(return_statement (_) @value)"


def returned_nodes(
    spec: LanguageSpec,
    function: tree_sitter.Node,
    body: tree_sitter.Node,
    enclosing: Callable[[tree_sitter.Node], tree_sitter.Node | None],
) -> list[tree_sitter.Node]:
    """The expressions ``function``'s own ``return`` statements in ``body`` give, not those of
    a function nested in it (``enclosing`` names a node's function)."""
    cursor = tree_sitter.QueryCursor(cached_query(spec, _RETURNS_QUERY))
    return [
        node
        for _, captures in cursor.matches(body)
        for node in captures.get("value", [])
        if enclosing(node) == function
    ]

"""Match a pattern tree against a syntax node, binding metavariables.

This is the source of truth for what a pattern means; the query made from a pattern only
narrows down where to look. Semantics (DESIGN.md): ``$X`` binds one node, ``$$$X`` zero or
more siblings, a repeated name must bind equal text, keyed children of unordered containers
(keyword arguments, object and dict entries) match in any order, strings compare by value
and dotted names compare through the file's imports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Protocol

import tree_sitter

from upstream.engine.imports import LazyImports
from upstream.engine.languages import LanguageSpec
from upstream.engine.pattern import (
    Kind,
    PatternNode,
    dotted_name,
    is_keyword,
    node_children,
    string_value,
)
from upstream.engine.types.model import Value

Binding = tree_sitter.Node | tuple[tree_sitter.Node, ...]
Bindings = Mapping[str, Binding]
_Child = tuple[str | None, tree_sitter.Node]
# Internal bindings `upstream.aliased.HEAD`, set when a dotted name starting with HEAD
# matched through an import alias: a fix that spells HEAD would not run in this file.
ALIASED = "upstream.aliased"


@dataclass(frozen=True)
class MatchContext:
    spec: LanguageSpec
    imports: LazyImports
    source: bytes = b""
    # `where` filters by metavariable, checked as each name is bound so that backtracking
    # tries the next candidate (the next keyword argument, the next object entry).
    constraints: Mapping[str, BindingCheck] = field(default_factory=dict)
    # What expressions of this document are (engine/types), for `where: {X: {type: ...}}`.
    types: TypeOracle | None = None


class TypeOracle(Protocol):
    def value_of(self, node: tree_sitter.Node) -> Value | None: ...


class BindingCheck(Protocol):
    def allows_binding(self, binding: Binding, context: MatchContext) -> bool: ...


def binding_text(binding: Binding, source: bytes) -> str:
    """The source text of a binding.

    A ``$$$`` run that is contiguous keeps its own separators, comments and layout, and when
    it fills its brackets it also keeps the space inside them and a trailing comma, so a fix
    like ``new_call($$$ARGS)`` leaves multi-line arguments as they were. Where other nodes
    sat between its nodes (keyed ones matched separately), they are joined with ", ".
    """
    if not isinstance(binding, tuple):
        return _text(binding)
    if not binding:
        return ""
    if not all(_adjacent(a, b) for a, b in pairwise(binding)):
        return ", ".join(_text(node) for node in binding)
    start, end = binding[0].start_byte, binding[-1].end_byte
    before, after = binding[0].prev_sibling, binding[-1].next_sibling
    if after is not None and after.type == ",":
        after = after.next_sibling
    if _is_bracket(before, "([{") and _is_bracket(after, ")]}"):
        assert before is not None and after is not None
        start, end = before.end_byte, after.start_byte
    return source[start:end].decode("utf-8", "replace")


def _adjacent(first: tree_sitter.Node, second: tree_sitter.Node) -> bool:
    node = first.next_sibling
    while node is not None and node != second:
        if node.is_named and not node.type.endswith("comment"):
            return False
        if not node.is_named and node.type != ",":
            return False
        node = node.next_sibling
    return node is not None


def _is_bracket(node: tree_sitter.Node | None, brackets: str) -> bool:
    return node is not None and not node.is_named and len(node.type) == 1 and node.type in brackets


def binding_value(binding: Binding, spec: LanguageSpec, source: bytes) -> str:
    """What ``where`` filters compare: a string literal's contents, a ``$$$`` run's items
    joined by ", " (so a call laid out over several lines reads as it does on one), else
    the source text."""
    if isinstance(binding, tuple):
        return ", ".join(_text(node) for node in binding)
    if binding.type in spec.string_kinds:
        return string_value(binding)
    return binding_text(binding, source)


def _text(node: tree_sitter.Node) -> str:
    return node.text.decode("utf-8", "replace") if node.text is not None else ""


def binding_text_equal(a: Binding, b: Binding) -> bool:
    """Whether two bindings hold the same source text."""
    if isinstance(a, tuple) or isinstance(b, tuple):
        if not (isinstance(a, tuple) and isinstance(b, tuple)) or len(a) != len(b):
            return False
        return all(x.text == y.text for x, y in zip(a, b, strict=True))
    return a.text == b.text


def _bind(
    name: str | None, value: Binding, bindings: Bindings, context: MatchContext
) -> Bindings | None:
    if name is None:
        return bindings
    bound = bindings.get(name)
    if bound is not None:
        return bindings if binding_text_equal(bound, value) else None
    constraint = context.constraints.get(name)
    if constraint is not None and not constraint.allows_binding(value, context):
        return None
    return {**bindings, name: value}


def match_node(
    pattern: PatternNode, node: tree_sitter.Node, bindings: Bindings, context: MatchContext
) -> Bindings | None:
    """Bindings extended by matching ``pattern`` at ``node``, or None if it does not match."""
    kind = pattern.kind
    if pattern.field == "key" and context.spec.quoted_keys_equal and kind is not Kind.META:
        # JavaScript objects: `{ a: 1 }`, `{ "a": 1 }` and `{ 'a': 1 }` have the same key.
        return bindings if _key_text(node, context.spec) == pattern.text else None
    if kind is Kind.META:
        return _bind(pattern.name, node, bindings, context)
    if kind is Kind.MULTI:
        return _bind(pattern.name, (node,), bindings, context)
    if kind is Kind.STRING:
        if node.type not in context.spec.string_kinds or string_value(node) != pattern.text:
            return None
        return bindings
    if kind is Kind.CHAIN:
        if not _chain_matches(pattern.text, node, context):
            return None
        return _mark_alias(pattern, node, bindings, context)
    if node.type != pattern.type:
        if pattern.type == "pair" and node.type == "shorthand_property_identifier":
            return _match_shorthand(pattern, node, bindings, context)
        return None
    if kind is Kind.LEAF:
        if is_keyword(pattern.type):
            return bindings
        return bindings if _text(node) == pattern.text else None
    children = node_children(context.spec, node)
    if pattern.type in context.spec.unordered_kinds:
        return _match_unordered(pattern.children, children, bindings, context)
    return _match_sequence(pattern.children, children, bindings, context)


def _match_shorthand(
    pattern: PatternNode, node: tree_sitter.Node, bindings: Bindings, context: MatchContext
) -> Bindings | None:
    # `{ messages }` is `{ messages: messages }`: a `key: value` pattern may match it.
    key = next((c for c in pattern.children if c.field == "key"), None)
    value = next((c for c in pattern.children if c.field == "value"), None)
    if key is None or value is None or key.kind is Kind.META or key.text != _text(node):
        return None
    if value.kind in (Kind.META, Kind.MULTI):
        return _bind(value.name, node if value.kind is Kind.META else (node,), bindings, context)
    if value.kind in (Kind.CHAIN, Kind.LEAF) and value.text == _text(node):
        return bindings
    return None


def _key_text(node: tree_sitter.Node, spec: LanguageSpec) -> str:
    return string_value(node) if node.type in spec.string_kinds else _text(node)


def _is_property(node: tree_sitter.Node, spec: LanguageSpec) -> bool:
    # `b` in `a.b` is a name within `a`, not a reference an import could have bound.
    parent = node.parent
    if parent is None or parent.type not in spec.member_kinds:
        return False
    return parent.child_by_field_name(spec.member_kinds[parent.type][1]) == node


def _chain_matches(expected: str, node: tree_sitter.Node, context: MatchContext) -> bool:
    if _is_property(node, context.spec):
        return False
    actual = dotted_name(context.spec, node)
    if actual is None:
        return False
    resolved = context.imports.resolve(actual)
    if resolved is None:
        return actual == expected
    # An imported name is judged by what it imports: `from mylib import ChatCompletion` is
    # not `openai.ChatCompletion`. A pattern may leave out the module (`new MongoClient()`).
    return resolved == expected or resolved.endswith("." + expected)


def _mark_alias(
    pattern: PatternNode, node: tree_sitter.Node, bindings: Bindings, context: MatchContext
) -> Bindings:
    # A match through an alias (`oa.ChatCompletion` for `openai.ChatCompletion`) is marked:
    # a fix template spelling out the pattern's names would not run in this file.
    if dotted_name(context.spec, node) == pattern.text:
        return bindings
    return {**bindings, f"{ALIASED}.{pattern.text.split('.')[0]}": node}


def _count_fits(patterns: tuple[PatternNode, ...], count: int) -> bool:
    # Cheap rejection before any backtracking: without `$$$` the counts must be equal.
    fixed = sum(1 for p in patterns if p.kind is not Kind.MULTI)
    return count == fixed if fixed == len(patterns) else count >= fixed


def _match_sequence(
    patterns: tuple[PatternNode, ...],
    children: list[_Child],
    bindings: Bindings,
    context: MatchContext,
    keyed_kinds: frozenset[str] = frozenset(),
) -> Bindings | None:
    if not _count_fits(patterns, len(children)):
        return None
    if not patterns:
        return bindings  # _count_fits has checked that no children are left
    first, rest = patterns[0], patterns[1:]
    if first.kind is Kind.MULTI:
        # Shortest first, so `$$$A, $B` gives $B the last node.
        for count in range(len(children) + 1):
            taken = tuple(node for _, node in children[:count])
            extended = _bind(first.name, taken, bindings, context)
            if extended is None:
                continue
            result = _match_sequence(rest, children[count:], extended, context, keyed_kinds)
            if result is not None:
                return result
        return None
    if not children:
        return None
    field, node = children[0]
    if field != first.field or node.type in keyed_kinds:
        return None
    extended = match_node(first, node, bindings, context)
    if extended is None:
        return None
    return _match_sequence(rest, children[1:], extended, context, keyed_kinds)


def _match_unordered(
    patterns: tuple[PatternNode, ...],
    children: list[_Child],
    bindings: Bindings,
    context: MatchContext,
) -> Bindings | None:
    if not _count_fits(patterns, len(children)):
        return None
    keyed_kinds = context.spec.keyed_kinds
    keyed = [p for p in patterns if p.kind is not Kind.MULTI and p.type in keyed_kinds]
    ordered = tuple(p for p in patterns if p.kind is Kind.MULTI or p.type not in keyed_kinds)

    def assign(index: int, used: frozenset[int], current: Bindings) -> Bindings | None:
        if index == len(keyed):
            rest = [child for position, child in enumerate(children) if position not in used]
            # A positional `$X` stands for a positional argument, not `key=value`.
            return _match_sequence(ordered, rest, current, context, keyed_kinds)
        for position, (_, node) in enumerate(children):
            if position in used or node.type not in keyed_kinds:
                continue
            extended = match_node(keyed[index], node, current, context)
            if extended is not None:
                result = assign(index + 1, used | {position}, extended)
                if result is not None:
                    return result
        return None

    return assign(0, frozenset(), bindings)

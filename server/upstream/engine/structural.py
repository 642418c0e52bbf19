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


class BudgetExhausted(Exception):
    """A rule used up its matching steps in one document (see ``Budget``)."""


class Budget:
    """The matching steps one rule may still take in one document.

    Matching is polynomial, but a pattern with many `$$$` runs or unordered entries, against
    hostile code, can still take minutes; a rule that runs out stops there with a warning
    instead of holding up the check.
    """

    __slots__ = ("left",)

    def __init__(self, steps: int) -> None:
        self.left = steps

    def spend(self, steps: int = 1) -> None:
        self.left -= steps
        if self.left < 0:
            raise BudgetExhausted


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
    # The steps this rule may still take in this document; None for no limit.
    budget: Budget | None = None
    # The rule applies here only because another project file imports its library: a
    # `type:` filter then passes known values only, whatever its `unknown:` says.
    known_types_only: bool = False


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
    if context.budget is not None:
        context.budget.spend()
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


def _is_assigned(node: tree_sitter.Node) -> bool:
    # `y` in `y = NotMasterError` is bound there, not a use: an alias assignment makes it
    # resolve to the value's path (engine/imports.py), and its uses count, not the binding.
    # (`openai.api_key = key` sets the module's attribute: that is a use.)
    parent = node.parent
    return (
        node.type == "identifier"
        and parent is not None
        and parent.type == "assignment"
        and parent.child_by_field_name("left") == node
    )


def _chain_matches(expected: str, node: tree_sitter.Node, context: MatchContext) -> bool:
    if _is_property(node, context.spec) or _is_assigned(node):
        return False
    # Each link walked is a step: `x.a.a.a...` makes every link a candidate.
    spend = context.budget.spend if context.budget is not None else None
    actual = dotted_name(context.spec, node, spend)
    if actual is None:
        return False
    resolved = context.imports.resolve(actual)
    if resolved is None:
        # A name the file binds two ways (compat code) is neither of them.
        return actual == expected and not context.imports.is_ambiguous(actual)
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
    return _Sequence(patterns, children, context, keyed_kinds).match(0, 0, bindings)


class _Sequence:
    """The children of one ordered container against the pattern's items.

    The search is plain backtracking (each `$$$` run takes the fewest nodes first, so `$$$A,
    $B` gives $B the last node) and finds the same first match, without its blow-up: the
    fixed items after the last run take the last children, so that run's length is known;
    no run takes more than leaves room for the fixed items after it; and a state that failed
    is not tried again. What the rest of the items can match depends only on where they
    start and on the bindings of the names they use, so that is the state.
    """

    def __init__(
        self,
        patterns: tuple[PatternNode, ...],
        children: list[_Child],
        context: MatchContext,
        keyed_kinds: frozenset[str],
    ) -> None:
        self.patterns = patterns
        self.fields = [field for field, _ in children]
        self.nodes = tuple(node for _, node in children)
        self.context = context
        self.keyed_kinds = keyed_kinds
        # fixed_after[i]: how many children the items after item i need.
        self.fixed_after: list[int] = []
        needed = sum(1 for p in patterns if p.kind is not Kind.MULTI)
        for pattern in patterns:
            if pattern.kind is not Kind.MULTI:
                needed -= 1
            self.fixed_after.append(needed)
        runs = [index for index, p in enumerate(patterns) if p.kind is Kind.MULTI]
        self.last_run = runs[-1] if runs else -1
        # With one run there is nothing to backtrack over: its length is known.
        self.names_after = _names_after(patterns) if len(runs) > 1 else None
        self.failed: set[tuple[int, int, tuple[object, ...]]] = set()
        # (run, state) -> the first child it failed from, for a run whose binding the rest
        # does not see: starting later can only try fewer of the same continuations.
        self.failed_from: dict[tuple[int, tuple[object, ...]], int] = {}

    def match(self, index: int, position: int, bindings: Bindings) -> Bindings | None:
        """Bindings for items ``index:`` matched against children ``position:``, or None."""
        patterns, nodes = self.patterns, self.nodes
        while index < len(patterns) and patterns[index].kind is not Kind.MULTI:
            if position >= len(nodes):
                return None
            found = self._fixed(patterns[index], position, bindings)
            if found is None:
                return None
            bindings, index, position = found, index + 1, position + 1
        if index == len(patterns):
            return bindings if position == len(nodes) else None
        return self._run(index, position, bindings)

    def _fixed(self, pattern: PatternNode, position: int, bindings: Bindings) -> Bindings | None:
        node = self.nodes[position]
        if self.fields[position] != pattern.field or node.type in self.keyed_kinds:
            return None
        return match_node(pattern, node, bindings, self.context)

    def _run(self, index: int, position: int, bindings: Bindings) -> Bindings | None:
        run = self.patterns[index]
        room = len(self.nodes) - position - self.fixed_after[index]
        if room < 0:
            return None
        state = self._state(index, bindings)
        blind = state is not None and self._blind(run, index, bindings)
        if state is not None:
            if blind and position >= self.failed_from.get((index, state), len(self.nodes) + 1):
                return None
            if (index, position, state) in self.failed:
                return None
        counts = range(room, room + 1) if index == self.last_run else range(room + 1)
        if blind:
            result = self._skip(run, index, position, counts, bindings)
        else:
            result = self._take(run, index, position, counts, bindings)
        if result is None and state is not None:
            if blind:
                self.failed_from[(index, state)] = position
            else:
                self.failed.add((index, position, state))
        return result

    def _take(
        self, run: PatternNode, index: int, position: int, counts: range, bindings: Bindings
    ) -> Bindings | None:
        budget = self.context.budget
        for count in counts:
            if budget is not None:
                budget.spend()
            taken = self.nodes[position : position + count]
            extended = _bind(run.name, taken, bindings, self.context)
            if extended is not None:
                result = self.match(index + 1, position + count, extended)
                if result is not None:
                    return result
        return None

    def _skip(
        self, run: PatternNode, index: int, position: int, counts: range, bindings: Bindings
    ) -> Bindings | None:
        # The rest does not see this run's binding: it is made once the rest matched (in
        # the place it would have had), not for every length tried.
        budget = self.context.budget
        for count in counts:
            if budget is not None:
                budget.spend()
            result = self.match(index + 1, position + count, bindings)
            if result is not None:
                if run.name is None:
                    return result
                return {**bindings, run.name: self.nodes[position : position + count], **result}
        return None

    def _state(self, index: int, bindings: Bindings) -> tuple[object, ...] | None:
        """What the items from ``index`` on depend on besides their start; None when there
        is no backtracking to spare."""
        if self.names_after is None:
            return None
        return tuple(_binding_key(bindings.get(name)) for name in self.names_after[index])

    def _blind(self, run: PatternNode, index: int, bindings: Bindings) -> bool:
        # A run that binds nothing the rest sees, with no `where` to pass, can take any
        # number of nodes: from a later start it reaches a subset of the same states.
        name = run.name
        if name is None:
            return True
        assert self.names_after is not None
        later = self.names_after[index + 1] if index + 1 < len(self.patterns) else ()
        return name not in bindings and name not in self.context.constraints and name not in later


def _names_after(patterns: tuple[PatternNode, ...]) -> list[tuple[str, ...]]:
    """For each item, the metavariable names it and the items after it use, sorted."""
    names: set[str] = set()
    found: list[tuple[str, ...]] = []
    for pattern in reversed(patterns):
        names |= {p.name for p in pattern.walk() if p.name is not None}
        found.append(tuple(sorted(names)))
    return found[::-1]


def _binding_key(binding: Binding | None) -> object:
    # Within one document, equal byte ranges hold equal text: enough to tell states apart.
    if binding is None:
        return None
    if isinstance(binding, tuple):
        return tuple((node.start_byte, node.end_byte) for node in binding)
    return (binding.start_byte, binding.end_byte)


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
            if context.budget is not None:
                context.budget.spend()
            extended = match_node(keyed[index], node, current, context)
            if extended is not None:
                result = assign(index + 1, used | {position}, extended)
                if result is not None:
                    return result
        return None

    return assign(0, frozenset(), bindings)

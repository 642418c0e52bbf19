"""Compiled matchers: the rule's ``match`` tree, ready to test nodes.

Every rule needs at least one *generator* (a pattern, kind or raw query) that says where to
look; generators of all rules of a language are merged into one tree-sitter query by the
compiler. The rest of the matcher tree (regex, not, inside, has, where) runs in Python on
those candidates only.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import tree_sitter

from upstream.engine.languages import LanguageSpec
from upstream.engine.pattern import (
    Kind,
    PatternError,
    PatternNode,
    metavariable_names,
    parse_pattern,
    pattern_query,
)
from upstream.engine.raw_query import (
    KnownQueries,
    Predicates,
    QueryFacts,
    query_facts,
    regexes_allow,
    split_regex_predicates,
)
from upstream.engine.regex import CompiledRegex, compile_regex
from upstream.engine.relatives import RelativeIndex
from upstream.engine.structural import (
    Binding,
    Bindings,
    MatchContext,
    binding_text_equal,
    binding_value,
    match_node,
)
from upstream.engine.types.model import satisfies

if TYPE_CHECKING:
    # Types only: packs import the engine at run time, so the engine must not import them.
    from upstream.packs.schema import Matcher, Where

MATCH_CAPTURE = "match"
# Node kinds that define a function, in every grammar: a `where` asking for one also
# accepts the name of a function defined in the file.
FUNCTION_KINDS = frozenset(
    {
        "arrow_function",
        "function_expression",
        "function",
        "function_declaration",
        "generator_function",
        "generator_function_declaration",
        "lambda",
        "function_definition",
    }
)
# Calls, whose result such a `where` reads when it is a function of the file.
_CALL_KINDS = frozenset({"call", "call_expression"})
# The slot of a `has`/`inside` part that walks the tree (its generators are not indexed).
WALK = -1


class MatcherError(ValueError):
    """A matcher cannot be compiled; the message says which part and why."""


@dataclass(frozen=True)
class EvalContext:
    match: MatchContext
    source: bytes
    # The query's hits for `has`/`inside` sub-matchers that have a slot; None to walk.
    relatives: RelativeIndex | None = None


@dataclass(frozen=True)
class RawQuery:
    text: str  # without its regex predicates, which run under RE2 on each match
    capture: str  # the capture naming the reported node
    predicates: tuple[Predicates, ...]  # per pattern of the query
    facts: QueryFacts
    grammar: tree_sitter.Language = field(repr=False, compare=False)

    @functools.cached_property
    def query(self) -> tree_sitter.Query:
        """Compiled on first use: a query of a pack validated before compiled cleanly then."""
        return tree_sitter.Query(self.grammar, self.text)

    @property
    def local(self) -> bool:
        return self.facts.local


@dataclass
class CompiledMatcher:
    pattern: PatternNode | None = None
    query: RawQuery | None = None
    regex: CompiledRegex | None = None
    kinds: frozenset[str] | None = None
    all: tuple[CompiledMatcher, ...] = ()
    any: tuple[CompiledMatcher, ...] = ()
    not_: CompiledMatcher | None = None
    inside: CompiledMatcher | None = None
    has: CompiledMatcher | None = None
    names: frozenset[str] = field(default_factory=frozenset)
    # Set when the grammar rejected this pattern's strict query (see the compiler).
    loose_query: bool = False
    # Set by the compiler on a `has`/`inside` part whose generators feed the merged query:
    # its candidates are then looked up in the RelativeIndex instead of walked.
    slot: int | None = None
    # Set by the compiler on the pattern of a callable that a call rule is about (its
    # reference twin): it matches only where the callable is passed or stored, not called.
    reference: bool = False

    def test(
        self,
        node: tree_sitter.Node,
        bindings: Bindings,
        context: EvalContext,
        generated_by: CompiledMatcher | None = None,
    ) -> Bindings | None:
        """Bindings if ``node`` satisfies every key of this matcher, else None.

        ``generated_by`` is the matcher whose query found ``node``: its own query is not
        run again.
        """
        if self.kinds is not None and node.type not in self.kinds:
            return None
        if self.reference and not is_passed_or_stored(node):
            return None
        if self.regex is not None and self.regex.search(_text(node)) is None:
            return None
        found: Bindings | None = bindings
        if self.pattern is not None:
            found = match_node(self.pattern, node, bindings, context.match)
        if found is not None and self.query is not None and generated_by is not self:
            found = _query_matches_at(self.query, node, found)
        for part in self.all:
            if found is None:
                return None
            found = part.test(node, found, context, generated_by)
        if found is not None and self.any:
            found = _first_part(self.any, node, found, context, generated_by)
        if found is None:
            return None
        if self.not_ is not None and self.not_.test(node, found, context) is not None:
            return None
        if self.inside is not None:
            ancestors = _relatives(self.inside, node, context, up=True)
            found = _first(self.inside, ancestors, found, context)
        if found is not None and self.has is not None:
            descendants = _relatives(self.has, node, context, up=False)
            found = _first(self.has, descendants, found, context)
        return found

    def filtered_names(self) -> frozenset[str]:
        """The names a `where` may filter: those bound anywhere, also inside a `not` (where
        they narrow what is excluded), while ``names`` are those a match reports."""
        found = set(self.names)
        for part in self.parts():
            found |= part.filtered_names()
        return frozenset(found)

    def parts(self) -> Iterator[CompiledMatcher]:
        """The matchers directly inside this one."""
        yield from self.all
        yield from self.any
        for part in (self.not_, self.inside, self.has):
            if part is not None:
                yield part

    def generators(self) -> list[CompiledMatcher]:
        """The matchers whose queries find every node this matcher can match."""
        if self.pattern is not None or self.query is not None or self.kinds is not None:
            return [self]
        for part in self.all:
            found = part.generators()
            if found:
                return found
        if self.any:
            collected: list[CompiledMatcher] = []
            for part in self.any:
                found = part.generators()
                if not found:
                    return []
                collected.extend(found)
            return collected
        return []

    @property
    def finds_everything(self) -> bool:
        return self.pattern is not None and self.pattern.kind is Kind.META

    def generator_query(
        self,
        spec: LanguageSpec,
        renamed: bool = False,
        names: Mapping[str, frozenset[str]] | None = None,
    ) -> str:
        """Query text whose ``@upstream.root`` (or raw ``@match``) capture is a candidate;
        ``renamed`` for files where an import renames a dotted name's last name; ``names``:
        the values a rule allows its metavariables (see ``pattern_query``)."""
        if self.pattern is not None:
            return pattern_query(spec, self.pattern, self.loose_query, renamed, names)
        if self.query is not None:
            return self.query.text
        assert self.kinds is not None
        return "[" + " ".join(f"({kind})" for kind in sorted(self.kinds)) + "] @upstream.root"


def _text(node: tree_sitter.Node) -> str:
    return node.text.decode("utf-8", "replace") if node.text is not None else ""


# Where an expression is a value handed on (not called, not the object of a further access):
# an argument, a keyword argument's or an entry's value, an assignment's right side, a
# returned value, an element. (Python and JavaScript node kinds.)
_PASSED = frozenset({"argument_list", "arguments", "return_statement", "list", "tuple", "array"})
_STORED_IN = {
    "keyword_argument": "value",
    "pair": "value",
    "assignment": "right",
    "assignment_expression": "right",
    "variable_declarator": "value",
    "default_parameter": "value",
    "typed_default_parameter": "value",
}


def _member_read(node: tree_sitter.Node, spec: LanguageSpec) -> str | None:
    """The attribute read on ``node`` (`map_reduce` for `node.map_reduce`), if any."""
    parent = node.parent
    fields = spec.member_kinds.get(parent.type) if parent is not None else None
    if parent is None or fields is None or parent.child_by_field_name(fields[0]) != node:
        return None
    member = parent.child_by_field_name(fields[1])
    return _text(member) if member is not None else None


def is_passed_or_stored(node: tree_sitter.Node) -> bool:
    """Whether ``node`` is a value handed on: `retry(coll.count)`, `default=utcnow`."""
    parent = node.parent
    if parent is None:
        return False
    if parent.type in _PASSED:
        return True
    field = _STORED_IN.get(parent.type)
    return field is not None and parent.child_by_field_name(field) == node


def _relatives(
    matcher: CompiledMatcher, node: tree_sitter.Node, context: EvalContext, up: bool
) -> Iterator[tree_sitter.Node]:
    index = context.relatives
    if matcher.slot is None or matcher.slot == WALK or index is None:
        return _ancestors(node) if up else _descendants(node)
    return index.ancestors(matcher.slot, node) if up else index.descendants(matcher.slot, node)


def _ancestors(node: tree_sitter.Node) -> Iterator[tree_sitter.Node]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def _descendants(node: tree_sitter.Node) -> Iterator[tree_sitter.Node]:
    stack = list(reversed(node.named_children))
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.named_children))


def _first(
    matcher: CompiledMatcher,
    nodes: Iterator[tree_sitter.Node],
    bindings: Bindings,
    context: EvalContext,
) -> Bindings | None:
    for candidate in nodes:
        found = matcher.test(candidate, bindings, context)
        if found is not None:
            return found
    return None


def _first_part(
    parts: tuple[CompiledMatcher, ...],
    node: tree_sitter.Node,
    bindings: Bindings,
    context: EvalContext,
    generated_by: CompiledMatcher | None,
) -> Bindings | None:
    for part in parts:
        found = part.test(node, bindings, context, generated_by)
        if found is not None:
            return found
    return None


def _query_matches_at(raw: RawQuery, node: tree_sitter.Node, bindings: Bindings) -> Bindings | None:
    cursor = tree_sitter.QueryCursor(raw.query)
    cursor.set_byte_range(node.start_byte, node.end_byte)
    for index, captures in cursor.matches(node):
        if not regexes_allow(raw.predicates[index], captures):
            continue
        matched = captures.get(raw.capture, [])
        if any(candidate == node for candidate in matched):
            captured = capture_bindings(captures, raw.capture)
            # A capture named like a bound metavariable must agree with it.
            if all(
                binding_text_equal(bindings[name], value)
                for name, value in captured.items()
                if name in bindings
            ):
                return {**bindings, **captured}
    return None


def capture_bindings(
    captures: dict[str, list[tree_sitter.Node]], reported: str
) -> dict[str, tree_sitter.Node | tuple[tree_sitter.Node, ...]]:
    """A raw query's captures as metavariable bindings (the reported node excluded)."""
    bound: dict[str, tree_sitter.Node | tuple[tree_sitter.Node, ...]] = {}
    for name, nodes in captures.items():
        if name == reported or name.startswith("upstream.") or name.startswith("_"):
            continue
        bound[name] = nodes[0] if len(nodes) == 1 else tuple(nodes)
    return bound


def compile_matcher(
    spec: LanguageSpec,
    matcher: Matcher,
    where: str = "match",
    known: KnownQueries | None = None,
) -> CompiledMatcher:
    """Compile a matcher for one language; ``where`` names its place for error messages.
    ``known``: facts about raw queries that compiled before, filled in with new ones."""
    compiled = CompiledMatcher()
    names: set[str] = set()
    if matcher.pattern is not None:
        try:
            compiled.pattern = parse_pattern(spec, matcher.pattern)
        except PatternError as error:
            raise MatcherError(f"{where}.pattern: {error}: {matcher.pattern!r}") from None
        if compiled.pattern.kind is Kind.MULTI:
            raise MatcherError(f"{where}.pattern: a pattern cannot be only $$$")
        names |= metavariable_names(matcher.pattern)
    if matcher.query is not None:
        compiled.query = compile_raw_query(spec, matcher.query, f"{where}.query", known)
        names |= set(compiled.query.facts.captures) - {compiled.query.capture}
    if matcher.regex is not None:
        try:
            compiled.regex = compile_regex(matcher.regex)
        except ValueError as error:
            raise MatcherError(f"{where}.regex: {error}") from None
    if matcher.kind is not None:
        compiled.kinds = compile_kinds(spec, matcher.kind, f"{where}.kind")
    compiled.all = tuple(
        compile_matcher(spec, part, f"{where}.all[{index}]", known)
        for index, part in enumerate(matcher.all or ())
    )
    compiled.any = tuple(
        compile_matcher(spec, part, f"{where}.any[{index}]", known)
        for index, part in enumerate(matcher.any or ())
    )
    for name in ("inside", "has"):
        part = getattr(matcher, name)
        if part is not None:
            setattr(compiled, name, compile_matcher(spec, part, f"{where}.{name}", known))
    if matcher.not_ is not None:
        compiled.not_ = compile_matcher(spec, matcher.not_, f"{where}.not", known)
    for part in (*compiled.all, *compiled.any, compiled.inside, compiled.has):
        if part is not None:
            names |= part.names
    compiled.names = frozenset(names)
    return compiled


def compile_kinds(spec: LanguageSpec, kind: str | list[str], where: str) -> frozenset[str]:
    kinds = frozenset([kind] if isinstance(kind, str) else kind)
    for name in sorted(kinds):
        if not spec.grammar.id_for_node_kind(name, True):
            raise MatcherError(f"{where}: {spec.name} has no node kind {name!r}")
    return kinds


def compile_raw_query(
    spec: LanguageSpec, text: str, where: str, known: KnownQueries | None = None
) -> RawQuery:
    query: tree_sitter.Query | None = None
    try:
        rewritten, predicates = split_regex_predicates(text)
        facts = known.get((spec.name, rewritten)) if known is not None else None
        if facts is None:
            query = tree_sitter.Query(spec.grammar, rewritten)
            facts = query_facts(query, rewritten, spec.root_kind)
    except (ValueError, tree_sitter.QueryError) as error:
        raise MatcherError(f"{where}: invalid {spec.name} query: {error}") from None
    captures = set(facts.captures)
    if MATCH_CAPTURE in captures:
        capture = MATCH_CAPTURE
    elif len(captures) == 1:
        capture = next(iter(captures))
    else:
        raise MatcherError(f"{where}: capture the node to report as @{MATCH_CAPTURE}")
    if len(predicates) != facts.pattern_count:
        raise MatcherError(f"{where}: could not tell the query's patterns apart")
    if known is not None:
        known[(spec.name, rewritten)] = facts  # only a query that passed every check
    raw = RawQuery(rewritten, capture, predicates, facts, spec.grammar)
    if query is not None:
        raw.__dict__["query"] = query  # compiled already: keep it
    return raw


@dataclass(frozen=True)
class CompiledWhere:
    name: str
    regex: CompiledRegex | None
    not_regex: CompiledRegex | None
    values: frozenset[str] | None
    kinds: frozenset[str] | None
    pattern: PatternNode | None
    types: frozenset[str] | None = None
    unknown: bool = False
    # A value of unknown type passes when its text matches this (`unknown: {regex: ...}`).
    unknown_regex: CompiledRegex | None = None

    def allows(self, bindings: Bindings, context: EvalContext) -> bool:
        """True unless the name is bound to something the filter rejects (an `any` branch
        that does not bind the name is not held to it)."""
        binding = bindings.get(self.name)
        return binding is None or self.allows_binding(binding, context.match)

    def allows_binding(self, binding: Binding, context: MatchContext) -> bool:
        named = self._named_function(binding, context)
        if named is not None:
            # A function passed by name stands for its definition: `save(onSaved)` is
            # judged as `save(function onSaved(err) {...})` would be.
            binding = named
        value = binding_value(binding, context.spec, context.source)
        if self.regex is not None and self.regex.search(value) is None:
            return False
        if self.not_regex is not None and self.not_regex.search(value) is not None:
            return False
        if self.values is not None and value not in self.values:
            return False
        node = binding if not isinstance(binding, tuple) else None
        if self.kinds is not None and (node is None or not self._kind_allows(node, named)):
            return False
        if named is not None:
            node = binding = named
        if self.types is not None:
            if node is None:
                return False  # a `$$$` run is no one value
            typed = context.types.value_of(node) if context.types is not None else None
            unknown = not context.known_types_only and (
                self.unknown
                or (self.unknown_regex is not None and self.unknown_regex.search(value) is not None)
            )
            if not satisfies(typed, self.types, unknown, _member_read(node, context.spec)):
                return False
        if self.pattern is None:
            return True
        plain = dataclasses.replace(context, constraints={})
        return node is not None and match_node(self.pattern, node, {}, plain) is not None

    def _kind_allows(self, node: tree_sitter.Node, named: tree_sitter.Node | None) -> bool:
        assert self.kinds is not None
        if node.type in self.kinds:
            return True
        # A named function's definition is a declaration where the rule says expression.
        return named is not None and bool(self.kinds & FUNCTION_KINDS)

    def _named_function(self, binding: Binding, context: MatchContext) -> tree_sitter.Node | None:
        """When this filter asks for function kinds: the definition of the function an
        identifier names (unless the filter asks for identifiers), or the function a call of
        one of the file's functions returns (`get(fn, order)` whose `get` returns `function
        (err, ids) {...}`); else None, and the binding is judged as it is."""
        if self.kinds is None or not self.kinds & FUNCTION_KINDS or isinstance(binding, tuple):
            return None
        name = binding.type in context.spec.identifier_kinds and binding.type not in self.kinds
        if not name and binding.type not in _CALL_KINDS:
            return None
        value = context.types.value_of(binding) if context.types is not None else None
        if value is None or value.function is None:
            return None
        node = value.function.node
        return node if node.type in FUNCTION_KINDS else None


def compile_where(spec: LanguageSpec, name: str, where: Where) -> CompiledWhere:
    place = f"where.{name}"
    unknown = where.unknown
    try:
        regex = compile_regex(where.regex) if where.regex is not None else None
        not_regex = compile_regex(where.not_regex) if where.not_regex is not None else None
        unknown_regex = None if isinstance(unknown, bool) else compile_regex(unknown.regex)
    except ValueError as error:
        raise MatcherError(f"{place}: {error}") from None
    pattern = None
    if where.pattern is not None:
        try:
            pattern = parse_pattern(spec, where.pattern)
        except PatternError as error:
            raise MatcherError(f"{place}.pattern: {error}") from None
    return CompiledWhere(
        name=name,
        regex=regex,
        not_regex=not_regex,
        values=frozenset(where.in_) if where.in_ is not None else None,
        kinds=compile_kinds(spec, where.kind, f"{place}.kind") if where.kind is not None else None,
        pattern=pattern,
        types=frozenset(where.types) if where.type is not None else None,
        unknown=unknown is True,
        unknown_regex=unknown_regex,
    )


__all__ = [
    "FUNCTION_KINDS",
    "CompiledMatcher",
    "CompiledWhere",
    "EvalContext",
    "MatcherError",
    "compile_matcher",
    "compile_where",
    "is_passed_or_stored",
]

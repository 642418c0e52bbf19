"""Turn pattern text into a pattern tree, and a pattern tree into a tree-sitter query.

A pattern is code in the target language with metavariables. ``$`` is not an identifier
character in every grammar, so metavariables are first spelled as plain identifiers
(``__upstream_meta_X``), the snippet is parsed with the real grammar, and the resulting
syntax tree becomes a ``PatternNode`` tree. Matching is done structurally on that tree
(see ``structural``); the query made from it is a sound pre-filter: every node the pattern
matches is a query match, so all rules of a language can share one query walk.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum

import tree_sitter

from upstream.engine.languages import LanguageSpec

_META_PREFIX = "__upstream_meta_"
_MULTI_PREFIX = "__upstream_multi_"
_METAVARIABLE = re.compile(r"\$\$\$([A-Z_][A-Z0-9_]*)?|\$([A-Z_][A-Z0-9_]*)")
# Fields whose identifier is a name in its own right (attribute, keyword, key), never a
# reference that an import could have renamed.
_NAME_FIELDS = frozenset({"property", "attribute", "field", "name", "key", "label", "type"})
# Splats that only wrap a `$$$` (`{"a": 1, **$$$}`) stand for the `$$$` itself.
_SPLAT_KINDS = frozenset({"dictionary_splat", "list_splat", "spread_element"})


class PatternError(ValueError):
    pass


class Kind(Enum):
    META = "meta"  # $X or $_ (name None)
    MULTI = "multi"  # $$$X or $$$ (name None)
    CHAIN = "chain"  # a dotted name, resolved through imports when matched
    STRING = "string"  # a string literal, compared by value
    LEAF = "leaf"  # any other token, compared by kind and text
    NODE = "node"  # an inner node, compared by kind and children


@dataclass(frozen=True)
class PatternNode:
    kind: Kind
    type: str = ""
    text: str = ""
    name: str | None = None
    field: str | None = None
    children: tuple[PatternNode, ...] = ()
    named: bool = True  # False for tokens such as operators and keywords

    def walk(self) -> Iterator[PatternNode]:
        yield self
        for child in self.children:
            yield from child.walk()


def metavariable_names(pattern: str) -> set[str]:
    """Names a pattern binds (``$_`` and bare ``$$$`` bind nothing)."""
    names = set()
    for multi, single in _METAVARIABLE.findall(pattern):
        name = multi or single
        if name and name != "_":
            names.add(name)
    return names


def _encode(pattern: str) -> str:
    def replace(match: re.Match[str]) -> str:
        if match.group(0).startswith("$$$"):
            return _MULTI_PREFIX + (match.group(1) or "")
        return _META_PREFIX + match.group(2)

    return _METAVARIABLE.sub(replace, pattern)


def _splat_multis(encoded: str) -> str:
    # Python dict displays cannot hold a bare name: `{"a": 1, $$$}` is retried as `**$$$`.
    return re.sub(rf"([{{,]\s*)({_MULTI_PREFIX}\w*)(\s*[}},])", r"\1**\2\3", encoded)


def parse_pattern(spec: LanguageSpec, pattern: str) -> PatternNode:
    """Parse ``pattern`` as code of ``spec`` and build its pattern tree."""
    encoded = _encode(pattern.strip())
    if not encoded:
        raise PatternError("pattern is empty")
    candidates = [encoded]
    if _MULTI_PREFIX in encoded:
        candidates.append(_splat_multis(encoded))
    parser = spec.parser()
    for text in candidates:
        for prefix, suffix in spec.pattern_contexts:
            source = (prefix + text + suffix).encode()
            tree = parser.parse(source)
            if tree.root_node.has_error:
                continue
            start = len(prefix.encode())
            end = start + len(text.encode())
            node = tree.root_node.named_descendant_for_byte_range(start, end)
            if node is None or node.start_byte != start or node.end_byte != end:
                node = _statement_without_terminator(tree.root_node, start, end)
            if node is None:
                continue
            return _build(spec, _unwrap(node), None)
    raise PatternError(f"pattern does not parse as one {spec.name} expression or statement")


def _statement_without_terminator(
    root: tree_sitter.Node, start: int, end: int
) -> tree_sitter.Node | None:
    # `foo(x);` as a pattern: the statement node spans the `;`, its expression does not.
    node = root.named_descendant_for_byte_range(start, end)
    while node is not None and node.start_byte == start:
        if node.end_byte == end or (
            node.end_byte == end + 1 and node.text is not None and node.text.endswith(b";")
        ):
            return node
        node = node.parent
    return None


def _unwrap(node: tree_sitter.Node) -> tree_sitter.Node:
    # A statement wrapper around one expression matches as that expression.
    while (
        node.type == "expression_statement"
        and node.named_child_count == 1
        and node.named_children[0].type != "comment"
    ):
        node = node.named_children[0]
    return node


def node_children(
    spec: LanguageSpec, node: tree_sitter.Node
) -> list[tuple[str | None, tree_sitter.Node]]:
    """The children that take part in matching: named ones (no comments), fielded tokens
    such as operators, and keywords (`async`), each with its field name."""
    children = []
    for index, child in enumerate(node.children):
        if child.is_named:
            if child.type in spec.comment_kinds:
                continue
        elif node.field_name_for_child(index) is None and not _is_keyword_token(child):
            continue  # punctuation is implied by the node kind
        children.append((node.field_name_for_child(index), child))
    return children


def _is_keyword_token(node: tree_sitter.Node) -> bool:
    # Optional keywords change meaning (`async def`, `await`); punctuation never does here.
    return node.type.isalpha() and node.type.islower()


def dotted_name(
    spec: LanguageSpec, node: tree_sitter.Node, spend: Callable[[int], None] | None = None
) -> str | None:
    """``a.b.c`` for an identifier or a member-access chain of identifiers, else None.

    A loop, not recursion: a chain is as deep as the code is long. ``spend`` is told of
    each link walked (the matching budget).
    """
    names: list[str] = []
    while node.type not in spec.identifier_kinds:
        fields = spec.member_kinds.get(node.type)
        if fields is None:
            return None
        obj = node.child_by_field_name(fields[0])
        prop = node.child_by_field_name(fields[1])
        if obj is None or prop is None or prop.type not in spec.identifier_kinds:
            return None
        if spend is not None:
            spend(1)
        names.append(_text(prop))
        node = obj
    names.append(_text(node))
    return ".".join(reversed(names))


def string_value(node: tree_sitter.Node) -> str:
    """A string literal's contents without prefix and quotes."""
    text = _text(node)
    match = re.match(r"^[A-Za-z]*('''|\"\"\"|'|\"|`)(.*)\1$", text, re.DOTALL)
    return match.group(2) if match else text


def _text(node: tree_sitter.Node) -> str:
    return node.text.decode("utf-8", "replace") if node.text is not None else ""


def _wraps_one(node: tree_sitter.Node) -> bool:
    if node.named_child_count != 1:
        return False
    child = node.named_children[0]
    return child.end_byte - child.start_byte == len(_text(node).rstrip(";").encode())


def _metavariable(text: str) -> tuple[Kind, str | None] | None:
    for prefix, kind in ((_MULTI_PREFIX, Kind.MULTI), (_META_PREFIX, Kind.META)):
        if text.startswith(prefix):
            name = text[len(prefix) :]
            return kind, (name if name and name != "_" else None)
    return None


def _build(spec: LanguageSpec, node: tree_sitter.Node, field: str | None) -> PatternNode:
    text = _text(node)
    # A metavariable alone in a wrapper that spans it (a statement, a dotted name in an
    # import) stands for whatever the wrapper holds: `class C: $$$` takes every statement.
    if node.named_child_count == 0 or node.type in spec.identifier_kinds or _wraps_one(node):
        variable = _metavariable(text)
        if variable is not None:
            return PatternNode(variable[0], node.type, text, variable[1], field)
    if node.type in _SPLAT_KINDS and node.named_child_count == 1:
        inner = _metavariable(_text(node.named_children[0]))
        if inner is not None and inner[0] is Kind.MULTI:
            return PatternNode(Kind.MULTI, node.type, text, inner[1], field)
    if node.type in spec.string_kinds:
        return PatternNode(Kind.STRING, node.type, string_value(node), None, field)
    if field not in _NAME_FIELDS:
        dotted = dotted_name(spec, node)
        if dotted is not None and _META_PREFIX not in dotted and _MULTI_PREFIX not in dotted:
            return PatternNode(Kind.CHAIN, node.type, dotted, None, field)
    children = node_children(spec, node)
    if not children:
        return PatternNode(Kind.LEAF, node.type, text, None, field, named=node.is_named)
    return PatternNode(
        Kind.NODE,
        node.type,
        text,
        None,
        field,
        tuple(_build(spec, child, child_field) for child_field, child in children),
    )


class _QueryWriter:
    """Writes one pattern tree as a tree-sitter query pattern capturing ``@upstream.root``."""

    def __init__(
        self,
        spec: LanguageSpec,
        loose: bool,
        renamed: bool,
        names: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        self.spec = spec
        self.loose = loose
        self.renamed = renamed
        self.names = names or {}
        self.predicates: list[str] = []
        self.captures = 0

    def root(self, pattern: PatternNode) -> str:
        body = self.node(pattern) or "(_)"
        return f"({body} @upstream.root {' '.join(self.predicates)})".replace(" )", ")")

    def node(self, pattern: PatternNode) -> str | None:
        # None means "no constraint" (the child is left out of the query).
        if pattern.kind in (Kind.META, Kind.MULTI):
            return None
        if pattern.kind is Kind.CHAIN:
            return self.chain(pattern)
        if pattern.kind is Kind.STRING:
            return self.string(pattern)
        if pattern.kind is Kind.LEAF:
            return self.leaf(pattern)
        parts = [pattern.type]
        if pattern.type not in self.spec.unordered_kinds:
            parts.extend(self.ordered_children(pattern))
        else:
            pinned = self.pinned_child(pattern)
            if pinned is not None:
                parts.append(pinned[1])
        return "(" + " ".join(parts) + ")"

    def ordered_children(self, pattern: PatternNode) -> list[str]:
        """Queries for the children of an ordered node: those in fields, and of the others
        one, that pins some text if any does. Siblings in a query match every pair (every
        triple...) of children in order, so three pinned arguments gave tree-sitter over a
        million matches to try on a call with 200 arguments."""
        pinned = self.pinned_child(pattern)
        chosen = pinned[0] if pinned is not None else None
        queries = []
        for child in pattern.children:
            if child.field:
                query = self.node(child) or self.named_member(pattern, child)
                if query is not None:
                    queries.append(f"{child.field}: {query}")
            elif pinned is not None and child is chosen:
                queries.append(pinned[1])
            elif chosen is None:
                query = self.node(child)
                if query is not None:
                    chosen = child
                    queries.append(query)
        return queries

    def pinned_child(self, pattern: PatternNode) -> tuple[PatternNode, str] | None:
        """A child out of a field (`name=...`, `"key": ...`, a positional string) that pins
        some text, and its query: one child can sit anywhere among the others, so the query
        stays order-free, and whatever matches the pattern has such a child."""
        for child in pattern.children:
            if child.kind in (Kind.META, Kind.MULTI) or child.field:
                continue
            if self.spec.quoted_keys_equal and child.type in self.spec.keyed_kinds:
                continue  # `a:` and `"a":` are the same key but different node kinds
            predicates, captures = len(self.predicates), self.captures
            query = self.node(child)
            if query is not None and len(self.predicates) > predicates:
                return child, query
            del self.predicates[predicates:]
            self.captures = captures
        return None

    def named_member(self, parent: PatternNode, child: PatternNode) -> str | None:
        """``$M`` as the member name of ``$C.$M`` when the rule allows only some names
        (``where: { M: { in: [...] } }``): pinned to those names, so tree-sitter drops the
        other calls instead of the engine matching each one in Python. A member name is
        always an identifier, whose value a ``where`` compares is its text."""
        allowed = self.names.get(child.name or "") if child.kind is Kind.META else None
        member = self.spec.member_kinds.get(parent.type)
        if not allowed or member is None or child.field != member[1]:
            return None
        self.captures += 1
        capture = f"@upstream.member{self.captures}"
        listed = " ".join(_query_string(name) for name in sorted(allowed))
        self.predicates.append(f"(#any-of? {capture} {listed})")
        return f"_ {capture}"

    def chain(self, pattern: PatternNode) -> str:
        if self.loose:
            return "(_)"
        # An import can turn `a.b.c` into a bare name and back, so any name shape fits.
        kinds = sorted({"identifier", pattern.type, *self.spec.member_kinds})
        if self.renamed:
            return "[" + " ".join(f"({kind})" for kind in kinds) + "]"
        # Unless an import renames the last name itself (`import x.c as d`), the last name
        # survives every spelling (`b.c`, `alias.b.c`, `c` after `from a.b import c`).
        self.captures += 1
        capture = f"@upstream.chain{self.captures}"
        self.predicates.append(f"(#eq? {capture} {_query_string(last_name(pattern))})")
        branches = [
            f"({kind} {self.spec.member_kinds[kind][1]}: (_) {capture})"
            if kind in self.spec.member_kinds
            else f"({kind}) {capture}"
            for kind in kinds
        ]
        return "[" + " ".join(branches) + "]"

    def string(self, pattern: PatternNode) -> str:
        # Any string form may hold the same value (`"a"`, `'a'`, a template literal).
        kinds = sorted(self.spec.string_kinds)
        content = self.spec.string_content
        value = pattern.text
        # A plain value is the one content child of a string that equals it; escapes and
        # interpolations split the content into several children, so those go unpinned.
        if not value or any(c in value for c in "\\{") or not all(k in content for k in kinds):
            return "[" + " ".join(f"({kind})" for kind in kinds) + "]"
        self.captures += 1
        capture = f"@upstream.string{self.captures}"
        self.predicates.append(f"(#eq? {capture} {_query_string(value)})")
        return "[" + " ".join(f"({kind} ({content[kind]}) {capture})" for kind in kinds) + "]"

    def leaf(self, pattern: PatternNode) -> str | None:
        if not pattern.named:
            return None  # a token (operator, keyword): checked structurally
        if is_keyword(pattern.type):
            return f"({pattern.type})"  # SQL keywords: the kind says it all, in any case
        self.captures += 1
        capture = f"@upstream.leaf{self.captures}"
        self.predicates.append(f"(#eq? {capture} {_query_string(pattern.text)})")
        return f"({pattern.type}) {capture}"


def _query_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def pattern_query(
    spec: LanguageSpec,
    pattern: PatternNode,
    loose: bool = False,
    renamed: bool = False,
    names: Mapping[str, frozenset[str]] | None = None,
) -> str:
    """A query pattern that matches at least every node ``pattern`` matches.

    Dotted names are pinned by their last name, which holds in a file without an import
    that renames it; ``renamed`` gives the query for such files (any name shape).
    ``loose`` leaves dotted names unconstrained, for fields where a grammar rejects some of
    the name shapes as impossible. ``names``: metavariables a rule allows only these values
    of; as member names they are pinned (``named_member``).
    """
    return _QueryWriter(spec, loose, renamed, None if loose else names).root(pattern)


def last_name(pattern: PatternNode) -> str:
    """The last name of a dotted-name pattern: ``create`` in ``openai.Completion.create``."""
    return pattern.text.rsplit(".", 1)[-1]


def chain_last_names(pattern: PatternNode) -> set[str]:
    """The last names of every dotted name in a pattern tree."""
    found = {last_name(pattern)} if pattern.kind is Kind.CHAIN else set()
    for child in pattern.children:
        found |= chain_last_names(child)
    return found


def is_keyword(kind: str) -> bool:
    """SQL grammars name keyword tokens ``keyword_*``; they match case-insensitively."""
    return kind.startswith("keyword_")

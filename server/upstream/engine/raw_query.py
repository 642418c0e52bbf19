"""Raw tree-sitter queries from packs, made safe to run.

py-tree-sitter evaluates ``#match?`` with Python's backtracking ``re``, so a pack could hang
the editor with one pattern; and handing it a predicate callback instead leaks memory on
every call (measured: about 5 MB per check of a 1,000-line file). So the regex predicates
are taken out of the query text here, kept per query pattern, and evaluated with RE2 on
each match by ``regexes_allow``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import tree_sitter

from upstream.engine.regex import CompiledRegex, compile_regex

# Predicates py-tree-sitter evaluates itself without any regex engine.
_BUILTIN = frozenset(
    {
        "#eq?",
        "#not-eq?",
        "#any-eq?",
        "#any-not-eq?",
        "#any-of?",
        "#not-any-of?",
        "#is?",
        "#is-not?",
        "#set!",
        "#select-adjacent!",
        "#strip!",
    }
)
_REGEX_PREDICATES = frozenset({"#match?", "#not-match?", "#any-match?", "#any-not-match?"})
_PREDICATE_NAME = re.compile(r"#[A-Za-z][\w-]*[?!]")
_REGEX_PREDICATE = re.compile(
    r'\(\s*#(any-)?(not-)?match\?\s+@([\w.-]+)\s+"((?:[^"\\]|\\.)*)"\s*\)'
)


class QueryTextError(ValueError):
    pass


@dataclass(frozen=True)
class RegexPredicate:
    capture: str
    regex: CompiledRegex
    negated: bool
    any: bool

    def allows(self, captures: dict[str, list[tree_sitter.Node]]) -> bool:
        found = [
            self.regex.search(node.text.decode("utf-8", "replace") if node.text else "") is not None
            for node in captures.get(self.capture, [])
        ]
        if self.negated:
            found = [not value for value in found]
        return any(found) if self.any else all(found)


Predicates = tuple[RegexPredicate, ...]


def regexes_allow(predicates: Predicates, captures: dict[str, list[tree_sitter.Node]]) -> bool:
    return all(predicate.allows(captures) for predicate in predicates)


def _scan(query: str) -> Iterator[tuple[int, str]]:
    """(index, char) of the query text outside strings and comments."""
    index = 0
    while index < len(query):
        char = query[index]
        if char == '"':
            end = index + 1
            while end < len(query) and query[end] != '"':
                end += 2 if query[end] == "\\" else 1
            index = end + 1
        elif char == ";":
            end = query.find("\n", index)
            index = len(query) if end < 0 else end
        else:
            yield index, char
            index += 1


def _top_level_patterns(query: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level pattern, as tree-sitter counts them."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for index, char in _scan(query):
        if char in "([":
            if depth == 0:
                start = index
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth == 0:
                spans.append((start, index + 1))
    return spans


def split_regex_predicates(query: str) -> tuple[str, tuple[Predicates, ...]]:
    """The query without its regex predicates, and those predicates for each pattern.

    Raises QueryTextError for a predicate upstream does not support, or a regex RE2 rejects.
    """
    for index, _ in _scan(query):
        match = _PREDICATE_NAME.match(query, index)
        if match and query[index] == "#":
            name = match.group(0)
            if name not in _BUILTIN and name not in _REGEX_PREDICATES:
                raise QueryTextError(f"unsupported predicate {name}")
    pieces: list[str] = []
    per_pattern: list[Predicates] = []
    last = 0
    for start, end in _top_level_patterns(query):
        pattern = query[start:end]
        predicates = tuple(
            RegexPredicate(
                capture=found.group(3),
                regex=_regex(_unescape(found.group(4))),
                negated=found.group(2) is not None,
                any=found.group(1) is not None,
            )
            for found in _REGEX_PREDICATE.finditer(pattern)
        )
        pieces.append(query[last:start])
        pieces.append(_REGEX_PREDICATE.sub("", pattern))
        per_pattern.append(predicates)
        last = end
    pieces.append(query[last:])
    return "".join(pieces), tuple(per_pattern)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


@functools.lru_cache(maxsize=1024)
def _regex(pattern: str) -> CompiledRegex:
    return compile_regex(pattern)


@dataclass(frozen=True)
class QueryFacts:
    """What loading needs to know about a raw query without compiling it: its capture
    names, pattern count and locality. Remembered with a validated pack (packs/cached.py),
    so a pack that compiled before leaves each query to the first document that runs it."""

    captures: tuple[str, ...]
    pattern_count: int
    local: bool


# Facts known about raw queries, by (language, query text without its regex predicates).
KnownQueries = dict[tuple[str, str], QueryFacts]


def query_facts(query: tree_sitter.Query, text: str, root_kind: str) -> QueryFacts:
    captures = tuple(query.capture_name(index) for index in range(query.capture_count))
    return QueryFacts(captures, query.pattern_count, query_is_local(query, text, root_kind))


def query_is_local(query: tree_sitter.Query, text: str, root_kind: str) -> bool:
    """Whether each pattern has one root node that is not the file's root or a wildcard
    (engine/locality.py)."""
    encoded = text.encode()
    for index in range(query.pattern_count):
        if not query.is_pattern_rooted(index):
            return False
        pattern = encoded[query.start_byte_for_pattern(index) : query.end_byte_for_pattern(index)]
        if any(kind in (None, "_", root_kind) for kind in _root_node_kinds(pattern.decode())):
            return False
    return True


def _root_node_kinds(pattern: str) -> list[str | None]:
    """The kinds a rooted query pattern's outermost node can have: one, or one per branch
    of an alternation at the top (None for a branch that is not a plain node)."""
    text = pattern.lstrip()
    while text.startswith("(") and text[1:].lstrip().startswith(("(", "[")):
        text = text[1:].lstrip()  # a grouping around the root node and its predicates
    if not text.startswith("["):
        found = re.match(r"\(\s*([A-Za-z_][\w.]*)", text)
        return [found.group(1) if found else None]
    kinds: list[str | None] = []
    depth = 0
    for index, char in enumerate(text):
        if char in "([":
            if depth == 1 and char == "(":
                found = re.match(r"\(\s*([A-Za-z_][\w.]*)", text[index:])
                kinds.append(found.group(1) if found else None)
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth == 0:
                break
        elif char == '"':
            return [None]  # a string in the pattern: not worth parsing here
    return kinds or [None]

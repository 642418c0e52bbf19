"""Raw tree-sitter queries from packs, made safe to run.

py-tree-sitter evaluates ``#match?`` with Python's backtracking ``re``, so a pack could hang
the editor with one pattern. The regex predicates are renamed to ``#upstream-…`` here and
evaluated with RE2 by ``evaluate_predicate``.
"""

from __future__ import annotations

import functools
import re
from typing import Literal

import tree_sitter

from upstream.engine.regex import CompiledRegex, RegexError, compile_regex

_RENAMED = {
    "#match?": "#upstream-match?",
    "#not-match?": "#upstream-not-match?",
    "#any-match?": "#upstream-any-match?",
    "#any-not-match?": "#upstream-any-not-match?",
}
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
_PREDICATE = re.compile(r"#[A-Za-z][\w-]*[?!]")
_REGEX_ARGUMENT = re.compile(r'#(?:any-)?(?:not-)?match\?\s+@[\w.-]+\s+"((?:[^"\\]|\\.)*)"')


class QueryTextError(ValueError):
    pass


def rewrite_predicates(query: str) -> str:
    """Rename regex predicates outside strings and comments; reject unknown predicates."""
    out: list[str] = []
    index = 0
    while index < len(query):
        char = query[index]
        if char == '"':
            end = index + 1
            while end < len(query) and query[end] != '"':
                end += 2 if query[end] == "\\" else 1
            out.append(query[index : end + 1])
            index = end + 1
        elif char == ";":
            end = query.find("\n", index)
            end = len(query) if end < 0 else end
            out.append(query[index:end])
            index = end
        elif char == "#" and (match := _PREDICATE.match(query, index)):
            name = match.group(0)
            if name not in _RENAMED and name not in _BUILTIN:
                raise QueryTextError(f"unsupported predicate {name}")
            out.append(_RENAMED.get(name, name))
            index = match.end()
        else:
            out.append(char)
            index += 1
    return "".join(out)


def check_regexes(query: str) -> None:
    """Compile every regex argument with RE2 now, so a bad one is a load-time error."""
    for match in _REGEX_ARGUMENT.finditer(query):
        _regex(_unescape(match.group(1)))


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


@functools.lru_cache(maxsize=1024)
def _regex(pattern: str) -> CompiledRegex:
    return compile_regex(pattern)


def evaluate_predicate(
    predicate: str,
    args: list[tuple[str, Literal["capture", "string"]]],
    pattern_index: int,
    captures: dict[str, list[tree_sitter.Node]],
) -> bool:
    """The predicate callback given to ``QueryCursor.matches``."""
    if not predicate.startswith("upstream-") or len(args) != 2:
        return True
    (capture, _), (pattern, _) = args
    try:
        regex = _regex(pattern)
    except RegexError:
        return False
    nodes = captures.get(capture, [])
    found = [
        regex.search(node.text.decode("utf-8", "replace") if node.text else "") is not None
        for node in nodes
    ]
    negate = "-not-" in predicate
    if negate:
        found = [not value for value in found]
    return any(found) if "-any-" in predicate else all(found)

"""YAML loading that remembers where each value came from, for file:line error messages.

Aliases are limited: one reuses its anchor's node, so a 1 KB file of nested aliases (a
"billion laughs") stands for hundreds of millions of nodes, which every walk of the data
would visit. Such a document, or one whose alias is used inside its own anchor, is an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

Path = tuple[str | int, ...]

# How many nodes aliases may add to what a document spells out: hundreds of reuses of a
# shared ``requires:`` or ``docs:``, not the 387 million of a 1 KB billion-laughs file. Per
# file, and a pack may hold 2000 files, so this stays near what a file spells out itself.
MAX_ALIAS_NODES = 10_000


@dataclass(frozen=True)
class YamlDocument:
    data: Any
    # path of keys/indexes -> 1-based line where that value (or key) starts
    lines: dict[Path, int]

    def line_of(self, path: Sequence[str | int]) -> int:
        """The line of the deepest part of ``path`` that exists (1 if none)."""
        best = self.lines.get((), 1)
        current: Path = ()
        for part in path:
            candidate = (*current, part)
            if candidate in self.lines:
                current = candidate
                best = self.lines[candidate]
            # Parts pydantic adds (union member names) are not in the document: skip them.
        return best


# libyaml's C parser where PyYAML was built with it (the wheels are): packs load ~10x faster.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlSyntaxError(ValueError):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def load_yaml(text: str) -> YamlDocument:
    """Parse one YAML document with the safe loader; raise YamlSyntaxError with a line."""
    loader = _SafeLoader(text)
    try:
        # One parse: compose the node tree (it has the line marks), then build the data.
        node = loader.get_single_node()
        if node is not None:
            _check_aliases(node)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problem = error.problem or error.context or "invalid YAML"
        if "mapping values are not allowed" in problem:
            problem += " (quote a value that contains ': ', such as a pattern with an object)"
        raise YamlSyntaxError(f"invalid YAML: {problem}", line) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(f"invalid YAML: {error}", 1) from None
    finally:
        loader.dispose()
    return YamlDocument(data, _record_lines(node) if node is not None else {})


def _check_aliases(root: yaml.Node) -> None:
    """Raise YamlSyntaxError if aliases expand ``root`` by over MAX_ALIAS_NODES, or loop.

    Each node's expanded size is computed once (children first, without recursion), so the
    check is linear in the composed graph, however large the expansion.
    """
    sizes: dict[int, int] = {}  # id(node) -> nodes in its expansion
    unfinished: set[int] = set()  # being expanded: meeting one again means it holds itself
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            unfinished.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            # len(sizes) already counts this node's distinct descendants, so the difference
            # is at most the whole document's excess: refusing here is early, never wrong.
            if sizes[key] - len(sizes) > MAX_ALIAS_NODES:
                raise YamlSyntaxError(
                    f"too many YAML aliases: over {MAX_ALIAS_NODES} extra nodes once expanded "
                    "(billion-laughs?)",
                    node.start_mark.line + 1,
                )
        elif key in unfinished:
            message = "recursive YAML alias: an anchor is used inside itself"
            raise YamlSyntaxError(message, node.start_mark.line + 1)
        elif key not in sizes:
            unfinished.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _record_lines(root: yaml.Node) -> dict[Path, int]:
    # A loop, not recursion: libyaml allows nesting 1000 deep, past Python's stack.
    lines: dict[Path, int] = {}
    stack: list[tuple[yaml.Node, Path]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    child = (*path, key_node.value)
                    lines[child] = key_node.start_mark.line + 1
                    stack.append((value_node, child))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, index)) for index, item in enumerate(node.value))
    return lines

"""Where ``has`` and ``inside`` look: the nodes the merged query found for them.

Testing a ``has`` matcher against every descendant of every candidate costs a subtree walk
per candidate (a whole module, for a rule on module-level calls). The compiler adds the
generator queries of every ``has``/``inside`` sub-matcher to the language's one query, so
the single walk already yields every node such a matcher can match; here they are kept by
position and handed out as the descendants or ancestors of a node.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

import tree_sitter


class RelativeIndex:
    """Query hits per sub-matcher slot, ordered as a pre-order walk would meet them."""

    def __init__(self, slots: int) -> None:
        self._hits: list[list[tree_sitter.Node]] = [[] for _ in range(slots)]
        self._starts: list[list[int]] = []

    def add(self, slot: int, node: tree_sitter.Node) -> None:
        self._hits[slot].append(node)

    def freeze(self) -> None:
        """Sort and drop duplicates; call once every hit is added."""
        for slot, hits in enumerate(self._hits):
            unique = list({node.id: node for node in hits}.values())
            # Pre-order: by start, the enclosing node first.
            unique.sort(key=lambda node: (node.start_byte, -node.end_byte))
            self._hits[slot] = unique
        self._starts = [[node.start_byte for node in hits] for hits in self._hits]

    def descendants(self, slot: int, node: tree_sitter.Node) -> Iterator[tree_sitter.Node]:
        """Named proper descendants of ``node`` among the slot's hits, in pre-order."""
        hits, starts = self._hits[slot], self._starts[slot]
        first = bisect.bisect_left(starts, node.start_byte)
        last = bisect.bisect_right(starts, node.end_byte)
        for candidate in hits[first:last]:
            if (
                candidate.is_named
                and candidate.end_byte <= node.end_byte
                and candidate.id != node.id
                and is_ancestor(node, candidate)
            ):
                yield candidate

    def ancestors(self, slot: int, node: tree_sitter.Node) -> Iterator[tree_sitter.Node]:
        """Proper ancestors of ``node`` among the slot's hits, the nearest first."""
        hits, starts = self._hits[slot], self._starts[slot]
        last = bisect.bisect_right(starts, node.start_byte)
        enclosing = [
            candidate
            for candidate in hits[:last]
            if candidate.end_byte >= node.end_byte
            and candidate.id != node.id
            and is_ancestor(candidate, node)
        ]
        enclosing.sort(key=lambda candidate: candidate.end_byte - candidate.start_byte)
        yield from enclosing


def is_ancestor(outer: tree_sitter.Node, inner: tree_sitter.Node) -> bool:
    """Whether ``outer`` is a proper ancestor of ``inner``, given that its range covers it.

    Ranges of a tree nest, so a strictly larger covering range is an ancestor; only equal
    ranges (a call and its expression statement) and empty nodes need a walk up.
    """
    if inner.start_byte == inner.end_byte or (
        outer.start_byte == inner.start_byte and outer.end_byte == inner.end_byte
    ):
        parent = inner.parent
        while parent is not None and parent.start_byte <= inner.start_byte:
            if parent.id == outer.id:
                return True
            if parent.start_byte < outer.start_byte or parent.end_byte > outer.end_byte:
                return False
            parent = parent.parent
        return False
    return True


__all__ = ["RelativeIndex", "is_ancestor"]

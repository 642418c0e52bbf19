"""Where ``has`` and ``inside`` look: the nodes the merged query found for them.

Testing a ``has`` matcher against every descendant of every candidate costs a subtree walk
per candidate (a whole module, for a rule on module-level calls). The compiler adds the
generator queries of every ``has``/``inside`` sub-matcher to the language's one query, so
the single walk already yields every node such a matcher can match; here they are kept by
position and handed out as the descendants or ancestors of a node.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator

import tree_sitter


class RelativeIndex:
    """Query hits per sub-matcher slot, ordered as a pre-order walk would meet them."""

    def __init__(self, slots: int) -> None:
        self._hits: list[list[tree_sitter.Node]] = [[] for _ in range(slots)]
        self._starts: list[list[int]] = []
        # Per slot, each hit's nearest enclosing hit (an index, -1 for none); None for a slot
        # with empty nodes, whose ranges do not nest (a missing `)` at a block's end).
        self._enclosing: list[list[int] | None] = []

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
        self._enclosing = [_enclosing(hits) for hits in self._hits]

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
        enclosing = self._enclosing[slot]
        around: Iterable[int]
        if enclosing is None or node.start_byte == node.end_byte:
            around = range(last)  # ranges that may not nest: look at every earlier hit
        else:
            around = _chain(enclosing, last - 1)
        found = [
            index
            for index in around
            if hits[index].end_byte >= node.end_byte
            and hits[index].id != node.id
            and is_ancestor(hits[index], node)
        ]
        # The smallest first; of equal ranges, the one met first.
        found.sort(key=lambda index: (hits[index].end_byte - hits[index].start_byte, index))
        for index in found:
            yield hits[index]


def _enclosing(hits: list[tree_sitter.Node]) -> list[int] | None:
    """Each hit's nearest enclosing hit, by a sweep with a stack of the open ones: hits
    come in pre-order, and ranges of non-empty nodes nest or do not meet."""
    if any(node.start_byte == node.end_byte for node in hits):
        return None
    enclosing: list[int] = []
    open_hits: list[int] = []
    for index, node in enumerate(hits):
        while open_hits and hits[open_hits[-1]].end_byte < node.end_byte:
            open_hits.pop()
        enclosing.append(open_hits[-1] if open_hits else -1)
        open_hits.append(index)
    return enclosing


def _chain(enclosing: list[int], index: int) -> Iterator[int]:
    """``index`` and the hits around it, the nearest first: every hit that starts at or
    before the last one to start before a node, and ends after it, is among these."""
    while index >= 0:
        yield index
        index = enclosing[index]


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

"""A source document: its bytes, its tree, and byte <-> (line, column) conversion."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field

import tree_sitter

from upstream.engine.findings import Position
from upstream.engine.languages import LanguageSpec


@dataclass
class Document:
    path: str
    source: bytes
    spec: LanguageSpec
    tree: tree_sitter.Tree | None = None
    _line_starts: list[int] | None = field(default=None, repr=False)

    @classmethod
    def from_text(cls, path: str, text: str, spec: LanguageSpec) -> Document:
        return cls(path, text.encode("utf-8", "surrogatepass"), spec)

    def parse(self) -> tree_sitter.Tree:
        if self.tree is None:
            self.tree = self.spec.parser().parse(self.source)
        return self.tree

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = line_starts(self.source)
        return self._line_starts

    def position(self, byte: int) -> Position:
        """Line and code-point column of a byte offset."""
        starts = self.line_starts
        line = bisect.bisect_right(starts, byte) - 1
        prefix = self.source[starts[line] : byte]
        column = len(prefix) if prefix.isascii() else len(prefix.decode("utf-8", "replace"))
        return Position(line, column)

    def line_text(self, line: int) -> str:
        starts = self.line_starts
        if line >= len(starts):
            return ""
        end = starts[line + 1] - 1 if line + 1 < len(starts) else len(self.source)
        return self.source[starts[line] : end].decode("utf-8", "replace").rstrip("\r")


def line_starts(source: bytes) -> list[int]:
    """The byte offset of every line's start (the language server rebuilds them after each
    edit: kept cheap)."""
    lines = source.split(b"\n")
    return list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))

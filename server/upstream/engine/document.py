"""A source document: its bytes, its tree, and byte <-> (line, column) conversion."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

import tree_sitter

from upstream.engine.findings import Position
from upstream.engine.languages import LanguageSpec

# LSP 3.17: "\r\n", "\n" and a lone "\r" each end a line (a lone "\r": old Mac files).
_LINE_END = re.compile(rb"\r\n?|\n")


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
        end = line_end(self.source, starts, line)
        return self.source[starts[line] : end].decode("utf-8", "replace")


def line_starts(source: bytes) -> list[int]:
    """The byte offset of every line's start (the language server rebuilds them after each
    edit: kept cheap)."""
    if source.count(b"\r") == source.count(b"\r\n"):
        # No lone "\r": every line ends at a "\n", and splitting is twice as fast.
        lines = source.split(b"\n")
        return list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    return [0, *(match.end() for match in _LINE_END.finditer(source))]


def line_end(source: bytes, starts: list[int], line: int) -> int:
    """The byte offset where ``line``'s text ends, before its line ending."""
    if line + 1 >= len(starts):
        return len(source)
    end = starts[line + 1]
    if end - 2 >= starts[line] and source.startswith(b"\r\n", end - 2):
        return end - 2
    return end - 1

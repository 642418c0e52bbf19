"""Byte offsets <-> LSP positions in the negotiated encoding (UTF-16 unless agreed otherwise).

Out-of-range positions from a client are clamped, never an exception: a confused client must
not take the server down.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from lsprotocol import types

from upstream.engine.document import line_end, line_starts

# Plain strings: what a client sends and what the server negotiated compare equal to them.
UTF8: str = types.PositionEncodingKind.Utf8.value
UTF16: str = types.PositionEncodingKind.Utf16.value
UTF32: str = types.PositionEncodingKind.Utf32.value


def _units(char: str, encoding: str) -> int:
    if encoding == UTF8:
        return len(char.encode("utf-8"))
    if encoding == UTF16:
        return 2 if ord(char) > 0xFFFF else 1
    return 1


@dataclass
class LineIndex:
    """Where each line of a UTF-8 byte string starts; ``\\r\\n``, ``\\n`` and a lone ``\\r``
    each end a line (LSP 3.17)."""

    source: bytes
    starts: list[int]

    @classmethod
    def of(cls, source: bytes) -> LineIndex:
        return cls(source, line_starts(source))

    def line_end(self, line: int) -> int:
        """The byte offset where ``line``'s text ends, before its line ending."""
        return line_end(self.source, self.starts, line)

    def _line_bytes(self, line: int) -> bytes:
        return self.source[self.starts[line] : self.line_end(line)]

    def offset(self, position: types.Position, encoding: str = UTF16) -> int:
        """The byte offset of a client position (clamped into the document)."""
        if position.line < 0:
            return 0
        if position.line >= len(self.starts):
            return len(self.source)
        line = self._line_bytes(position.line)
        if encoding == UTF8 or line.isascii():
            return self.starts[position.line] + min(max(position.character, 0), len(line))
        text = line.decode("utf-8", "replace")
        units = 0
        consumed = 0
        for char in text:
            if units >= position.character:
                break
            units += _units(char, encoding)
            consumed += len(char.encode("utf-8"))
        return self.starts[position.line] + min(consumed, len(line))

    def position(self, offset: int, encoding: str = UTF16) -> types.Position:
        """The client position of a byte offset."""
        line, character = self.line_character(offset, encoding)
        return types.Position(line=line, character=character)

    def line_character(self, offset: int, encoding: str = UTF16) -> tuple[int, int]:
        """``position`` as a plain pair (no lsprotocol object: publishing needs thousands)."""
        offset = min(max(offset, 0), len(self.source))
        line = bisect.bisect_right(self.starts, offset) - 1
        prefix = self.source[self.starts[line] : offset]
        if encoding == UTF8 or prefix.isascii():
            return line, len(prefix)
        text = prefix.decode("utf-8", "replace")
        return line, sum(_units(c, encoding) for c in text)

    def point(self, offset: int) -> tuple[int, int]:
        """tree-sitter's (row, byte column) of a byte offset: its rows end at ``\\n`` only, so
        a lone ``\\r`` starts a line here but not a row there."""
        row = self.source.count(b"\n", 0, offset)
        return row, offset - (self.source.rfind(b"\n", 0, offset) + 1)

    def range_json(self, start: int, end: int, encoding: str = UTF16) -> dict[str, dict[str, int]]:
        """``range`` in its JSON form."""
        (start_line, start_character), (end_line, end_character) = (
            self.line_character(start, encoding),
            self.line_character(end, encoding),
        )
        return {
            "start": {"line": start_line, "character": start_character},
            "end": {"line": end_line, "character": end_character},
        }

    def range(self, start: int, end: int, encoding: str = UTF16) -> types.Range:
        return types.Range(start=self.position(start, encoding), end=self.position(end, encoding))

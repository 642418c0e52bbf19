"""What the engine reports: findings, their positions and the edits of their fixes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info", "hint"]


@dataclass(frozen=True)
class Position:
    """0-based line and column; the column counts Unicode code points."""

    line: int
    column: int


@dataclass(frozen=True)
class Edit:
    """Replace bytes ``start_byte:end_byte`` of the document with ``text``."""

    start_byte: int
    end_byte: int
    start: Position
    end: Position
    text: str
    safe: bool = True


@dataclass(frozen=True)
class Finding:
    """One match of one rule in one document."""

    rule: str  # full id, "pack/rule"
    severity: Severity
    message: str
    docs: str
    path: str
    start: Position
    end: Position
    start_byte: int
    end_byte: int
    title: str = ""
    deprecated: bool = False
    fix: Edit | None = None
    bindings: dict[str, str] = field(default_factory=dict, compare=False)
    # In a notebook: the cell's 1-based place among its cells; positions, offsets and the
    # fix are then relative to that cell's source (engine/notebook.py).
    cell: int | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, int, str]:
        return (self.path, self.cell or 0, self.start.line, self.start.column, self.rule)

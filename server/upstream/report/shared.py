"""What the report formats share: how they name a file (relative to the folder the check
ran from, with forward slashes, as CI systems match annotations against the repository's
paths) and a finding's message with its docs link."""

from __future__ import annotations

from pathlib import Path

from upstream.engine import Finding


def relative_posix(path: str, root: Path) -> str:
    """``path`` relative to ``root`` when it is inside it, else as given; ``/`` separators."""
    candidate = Path(path)
    try:
        return candidate.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return candidate.as_posix()


def cell_prefix(finding: Finding) -> str:
    """``cell 3:`` before a notebook finding's line and column (which count within the
    cell), else nothing."""
    return "" if finding.cell is None else f"cell {finding.cell}:"


def in_cell(finding: Finding) -> str:
    """``cell 3, line 2: `` for a notebook finding, for formats whose positions are file
    lines (a cell's line is not one), else nothing."""
    if finding.cell is None:
        return ""
    return f"cell {finding.cell}, line {finding.start.line + 1}: "


def message_with_docs(finding: Finding) -> str:
    """``message (docs)``; the message alone for the engine's own notes, which have no page."""
    return f"{finding.message} ({finding.docs})" if finding.docs else finding.message

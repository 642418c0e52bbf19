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


def message_with_docs(finding: Finding) -> str:
    """``message (docs)``; the message alone for the engine's own notes, which have no page."""
    return f"{finding.message} ({finding.docs})" if finding.docs else finding.message

"""How reports name a file: relative to the folder the check ran from, with forward
slashes, as CI systems match annotations against the repository's paths."""

from __future__ import annotations

from pathlib import Path


def relative_posix(path: str, root: Path) -> str:
    """``path`` relative to ``root`` when it is inside it, else as given; ``/`` separators."""
    candidate = Path(path)
    try:
        return candidate.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return candidate.as_posix()

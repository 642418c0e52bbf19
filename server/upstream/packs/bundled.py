"""Where the packs that ship with upstream live."""

from __future__ import annotations

from pathlib import Path

from upstream.packs.loader import is_pack


def bundled_packs_root() -> Path:
    """``upstream/bundled_rules`` in an installed wheel, ``rules/`` in a source checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "bundled_rules"
    if installed.is_dir():
        return installed
    return package.parent.parent / "rules"


def bundled_pack_paths() -> list[Path]:
    root = bundled_packs_root()
    if not root.is_dir():
        return []
    return sorted(path for path in root.iterdir() if is_pack(path))

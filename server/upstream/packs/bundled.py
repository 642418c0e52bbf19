"""Where the packs that ship with upstream live."""

from __future__ import annotations

from pathlib import Path

from upstream.packs.loader import is_pack


def bundled_packs_root() -> Path:
    """``upstream/bundled_rules`` in an installed wheel, ``rules/`` in a source checkout.

    pyproject.toml maps the package ``upstream.bundled_rules`` onto the top-level ``rules/``
    folder, so a wheel holds the packs in ``upstream/bundled_rules/``. An editable install
    (``pip install -e .``) and a plain source checkout (``server/`` on the path) have no such
    folder next to the package: there the packs are read in place from ``<repo>/rules``.
    """
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

"""Which packs a command loads: bundled packs by name, pack folders by path."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from upstream.errors import UsageError
from upstream.packs import bundled_pack_paths


def add_pack_argument(parser: argparse.ArgumentParser) -> None:
    """``--pack NAME|DIR`` (repeatable), read by ``pack_paths``."""
    parser.add_argument(
        "--pack",
        action="append",
        default=[],
        metavar="PACK",
        help="a bundled pack name or a pack folder (repeatable; default: all bundled)",
    )


def pack_paths(
    names: Sequence[str], extra: Sequence[Path] = (), bundled: bool = True
) -> list[Path]:
    """``names`` are bundled pack names or pack folders; none means every bundled pack (unless
    ``bundled`` is false). ``extra`` folders are always added."""
    available = {path.name: path for path in bundled_pack_paths()}
    chosen: list[Path] = []
    for name in names:
        if name in available:
            chosen.append(available[name])
        elif Path(name).is_dir():
            chosen.append(Path(name))
        else:
            raise UsageError(
                f"no bundled pack or pack folder {name!r} (bundled: {', '.join(sorted(available))})"
            )
    if not names and bundled:
        chosen.extend(available.values())
    chosen.extend(extra)
    if not chosen:
        raise UsageError("no packs to load")
    return chosen

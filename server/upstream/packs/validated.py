"""Merged queries known to compile cleanly, remembered on disk between runs.

Compiling a language's merged query validates every rule of it at load (a rule the grammar
rejects is reported, not silently lost), and costs most of a short check's start-up. A
query that compiled with no problem is remembered by its digest
(``engine.compiler.query_digest``: the engine and tree-sitter versions, the grammar, the
query text), so the next run with the same packs leaves it to the first document that
needs it. Any change to a pack, the engine or a grammar gives another digest, which is
compiled, and so validated, again. The cache is best-effort: a folder that cannot be read
or written only means compiling again.
"""

from __future__ import annotations

import os
from pathlib import Path

from upstream.packs.store import default_cache_root

_FOLDER = "validated-queries"


class DiskQueryCache:
    """An empty file per digest, under the user cache (``$UPSTREAM_CACHE_DIR``)."""

    def __init__(self, root: Path | None = None) -> None:
        self.folder = (root if root is not None else default_cache_root()) / _FOLDER

    def __contains__(self, digest: object) -> bool:
        return isinstance(digest, str) and (self.folder / digest).is_file()

    def add(self, digest: str) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # Created whole or not at all: an empty file needs no atomic rename.
            os.close(os.open(self.folder / digest, os.O_CREAT | os.O_WRONLY, 0o644))
        except OSError:
            pass  # read-only or full: the query is compiled again next time

"""Validated packs remembered on disk between runs, so start-up skips YAML and validation.

Reading a pack's YAML and validating every rule with pydantic, then compiling each raw
tree-sitter query to learn its captures, is most of what a short check or the language
server's start costs before any file is read. A pack that loaded and compiled with no
problem is stored here (pickled, under ``<cache>/validated-packs/``) with what its raw
queries turned out to be (engine/raw_query.py, ``QueryFacts``), under a digest of:

- the pack folder's path and the name and bytes of every file ``load_pack`` reads;
- this engine: upstream's version, the source of the modules that define what a loaded
  pack and a query's facts are, Python's and tree-sitter's versions and the grammars'.

Any change to one of them gives another digest, and the pack is read and validated again.
An unreadable or corrupt entry, or a folder that cannot be written, only means loading
again. Editor overlays (unsaved pack files) bypass the cache.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import os
import pickle
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from upstream import __version__
from upstream.engine.raw_query import KnownQueries
from upstream.packs.loader import MANIFEST, RULE_FILE_SUFFIXES
from upstream.packs.schema import Pack
from upstream.packs.store import default_cache_root

_FOLDER = "validated-packs"
# Modules whose code decides what a cached entry holds.
_ENGINE_MODULES = (
    "upstream.packs.schema",
    "upstream.packs.loader",
    "upstream.engine.raw_query",
    "upstream.engine.matchers",
    "upstream.engine.languages",
)
# Their versions decide what a grammar accepts and what a query's facts are.
_DISTRIBUTIONS = (
    "pydantic",
    "tree-sitter",
    "tree-sitter-python",
    "tree-sitter-javascript",
    "tree-sitter-typescript",
    "tree-sitter-java",
    "tree-sitter-go",
    "tree-sitter-sql",
)


@dataclass
class CachedPack:
    """One pack folder's cache slot: what was found there (None: load it)."""

    path: Path
    digest: str | None
    pack: Pack | None = None
    known: KnownQueries = field(default_factory=dict)


class DiskPackCache:
    def __init__(self, root: Path | None = None) -> None:
        self.folder = (root if root is not None else default_cache_root()) / _FOLDER

    def lookup(self, path: Path, overlay: Mapping[Path, str] | None = None) -> CachedPack:
        """The cached pack at ``path``, or an empty slot to ``store`` into after loading."""
        if overlay and any(_within(file, path) for file in overlay):
            return CachedPack(path, None)  # a pack being edited: always its current text
        digest = _digest(path)
        if digest is None:
            return CachedPack(path, None)
        try:
            with (self.folder / f"{digest}.pickle").open("rb") as stream:
                pack, known = pickle.load(stream)
        except Exception:  # missing, torn or foreign: load the pack (and store it again)
            return CachedPack(path, digest)
        if not isinstance(pack, Pack) or pack.path != str(path) or not isinstance(known, dict):
            return CachedPack(path, digest)
        return CachedPack(path, digest, pack, known)

    def store(self, slot: CachedPack, pack: Pack, known: KnownQueries) -> None:
        """Remember a pack that loaded and compiled with no problem."""
        if slot.digest is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        except OSError:
            return  # read-only or not a folder: loaded again next time
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump((pack, known), stream, protocol=pickle.HIGHEST_PROTOCOL)
            # Whole or not at all: a reader never sees half an entry.
            os.replace(temporary, self.folder / f"{slot.digest}.pickle")
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _within(file: Path, folder: Path) -> bool:
    try:
        file.relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _digest(path: Path) -> str | None:
    digest = hashlib.sha256(_engine_key())
    digest.update(str(path).encode() + b"\0")
    try:
        files = sorted(
            file
            for file in path.iterdir()
            if file.is_file() and (file.name == MANIFEST or file.suffix in RULE_FILE_SUFFIXES)
        )
        for file in files:
            digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


@functools.cache
def _engine_key() -> bytes:
    parts = [__version__, sys.version]
    for distribution in _DISTRIBUTIONS:
        try:
            parts.append(f"{distribution}=={metadata.version(distribution)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{distribution} (not installed)")
    for name in _ENGINE_MODULES:
        source = Path(importlib.import_module(name).__file__ or "")
        parts.append(hashlib.sha256(source.read_bytes()).hexdigest())
    return "\0".join(parts).encode()

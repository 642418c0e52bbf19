"""Packs: their schema, finding and loading them, the registry, and their tests.

``load_rule_set`` is the one entry point for loading: a broken pack is reported and left out,
and the others still load. The rest of upstream imports packs from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from upstream.engine import CompiledRule, RuleSet, build_rule_set, compile_pack
from upstream.engine.compiler import QueryCache
from upstream.errors import PackError, Problem
from upstream.packs.bundled import bundled_pack_paths
from upstream.packs.cached import DiskPackCache
from upstream.packs.loader import MANIFEST, is_pack, load_pack
from upstream.packs.requirements import Ecosystem, Requirement
from upstream.packs.schema import Fix, Matcher, Pack, PackManifest, Rule


@dataclass(frozen=True)
class LoadedRules:
    rule_set: RuleSet
    # One line per problem; the packs they belong to were skipped.
    problems: tuple[Problem, ...]


def load_rule_set(
    paths: list[Path],
    overlay: Mapping[Path, str] | None = None,
    lazy: bool = False,
    validated: QueryCache | None = None,
    cache: DiskPackCache | None = None,
) -> LoadedRules:
    """Load and compile the packs at ``paths`` (pack folders, or folders of packs).

    ``overlay``: unsaved editor text by resolved path, read instead of the files on disk.
    ``lazy``: build each language's merged query on first use (see ``build_rule_set``).
    ``validated``: the merged queries known to compile cleanly (packs/validated.py).
    ``cache``: packs validated before, by the content of their files (packs/cached.py).
    """
    packs: list[Pack] = []
    compiled: list[CompiledRule] = []
    problems: list[Problem] = []
    names: dict[str, str] = {}
    for path in _expand(paths, problems):
        slot = cache.lookup(path, overlay) if cache is not None else None
        if slot is not None and slot.pack is not None:
            pack, known = slot.pack, dict(slot.known)
        else:
            try:
                pack = load_pack(path, overlay)
            except PackError as error:
                problems.extend(error.problems)
                continue
            known = {}
        rules, rule_problems = compile_pack(pack, known)
        if rule_problems:
            problems.extend(rule_problems)
            continue
        if cache is not None and slot is not None and (slot.pack is None or known != slot.known):
            cache.store(slot, pack, known)
        if pack.name in names:
            message = f"pack {pack.name} is already loaded from {names[pack.name]}"
            problems.append(Problem(path, None, message))
            continue
        names[pack.name] = str(path)
        packs.append(pack)
        compiled.extend(rules)
    rule_set, query_problems = build_rule_set(packs, compiled, lazy, validated)
    return LoadedRules(rule_set, tuple(problems + query_problems))


def _expand(paths: list[Path], problems: list[Problem]) -> list[Path]:
    expanded: list[Path] = []
    for path in paths:
        if is_pack(path):
            expanded.append(path)
        elif path.is_dir() and any(is_pack(child) for child in path.iterdir()):
            expanded.extend(sorted(child for child in path.iterdir() if is_pack(child)))
        elif path.exists():
            problems.append(Problem(path, None, "not a pack (no pack.yaml)"))
        else:
            problems.append(Problem(path, None, "no such pack folder"))
    return expanded


__all__ = [
    "MANIFEST",
    "Ecosystem",
    "Fix",
    "LoadedRules",
    "Matcher",
    "Pack",
    "PackManifest",
    "Requirement",
    "Rule",
    "bundled_pack_paths",
    "is_pack",
    "load_pack",
    "load_rule_set",
]

"""Which files a check covers: walks folders, honours .gitignore files and excludes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pathspec

from upstream.engine import language_for_path

# Never worth walking into (as Ruff's defaults).
DEFAULT_EXCLUDES = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        "node_modules",
        "__pycache__",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        "site-packages",
        ".eggs",
        "dist",
        "build",
    }
)


def _spec(lines: list[str]) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines(lines)


def iter_source_files(
    paths: list[Path], exclude: list[str] | None = None, root: Path | None = None
) -> Iterator[Path]:
    """Source files under ``paths`` in a stable order. A file named explicitly is always
    included; files found by walking skip .gitignore'd and ``exclude``d paths."""
    root = (root or Path.cwd()).resolve()
    excluded = _spec(exclude or [])
    seen: set[Path] = set()
    for path in paths:
        if path.is_file():
            resolved = path.resolve()
            if resolved not in seen:
                seen.add(resolved)
                yield path
            continue
        for found in _walk(path, root, excluded):
            resolved = found.resolve()
            if resolved not in seen:
                seen.add(resolved)
                yield found


def _relative(path: Path, root: Path) -> str | None:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return None


def _walk(top: Path, root: Path, excluded: pathspec.GitIgnoreSpec) -> Iterator[Path]:
    ignores: list[tuple[Path, pathspec.GitIgnoreSpec]] = _parent_gitignores(top)
    for directory, dirnames, filenames in os.walk(top):
        here = Path(directory)
        gitignore = here / ".gitignore"
        if gitignore.is_file():
            try:
                lines = gitignore.read_text(encoding="utf-8", errors="replace").splitlines()
                ignores = [*ignores, (here.resolve(), _spec(lines))]
            except OSError:
                pass
        kept_dirs = []
        for name in sorted(dirnames):
            child = here / name
            if name in DEFAULT_EXCLUDES or _ignored(child, True, ignores, root, excluded):
                continue
            kept_dirs.append(name)
        dirnames[:] = kept_dirs
        for name in sorted(filenames):
            child = here / name
            if language_for_path(child) is None:
                continue
            if not _ignored(child, False, ignores, root, excluded):
                yield child


def _parent_gitignores(top: Path) -> list[tuple[Path, pathspec.GitIgnoreSpec]]:
    # .gitignore files above the walked folder apply too, up to the repository root.
    found: list[tuple[Path, pathspec.GitIgnoreSpec]] = []
    for folder in top.resolve().parents:
        gitignore = folder / ".gitignore"
        if gitignore.is_file():
            try:
                lines = gitignore.read_text(encoding="utf-8", errors="replace").splitlines()
                found.insert(0, (folder, _spec(lines)))
            except OSError:
                pass
        if (folder / ".git").exists():
            break
    return found


def _ignored(
    path: Path,
    is_dir: bool,
    ignores: list[tuple[Path, pathspec.GitIgnoreSpec]],
    root: Path,
    excluded: pathspec.GitIgnoreSpec,
) -> bool:
    suffix = "/" if is_dir else ""
    relative = _relative(path, root)
    if relative is not None and excluded.match_file(relative + suffix):
        return True
    resolved = path.resolve()
    for base, spec in ignores:
        try:
            inner = resolved.relative_to(base).as_posix()
        except ValueError:
            continue
        if spec.match_file(inner + suffix):
            return True
    return False

"""Which files a check covers: walks folders, honours .gitignore files and excludes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pathspec

from upstream.scan.checking import Skipped, is_checkable

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
    paths: list[Path],
    exclude: list[str] | None = None,
    root: Path | None = None,
    on_error: Callable[[Skipped], None] | None = None,
) -> Iterator[Path]:
    """Source files under ``paths`` in a stable order. A path named explicitly that is not a
    folder is always included (reading it says why it can't be checked); files found by
    walking skip .gitignore'd and ``exclude``d paths. ``on_error`` hears of each folder that
    cannot be listed."""
    root = Path(_real(root or Path.cwd()))
    excluded = _spec(exclude or [])
    seen: set[str] = set()
    for path in paths:
        found: Iterable[Path] = (
            _walk(path, root, excluded, on_error) if os.path.isdir(path) else [path]
        )
        for file in found:
            real = _real(file)
            if real not in seen:
                seen.add(real)
                yield file


def _real(path: Path) -> str:
    # Not Path.resolve: before Python 3.13 it raises RuntimeError on a symlink loop.
    return os.path.realpath(path)


def _relative(path: Path, root: Path) -> str | None:
    try:
        return Path(_real(path)).relative_to(root).as_posix()
    except ValueError:
        return None


def _walk(
    top: Path,
    root: Path,
    excluded: pathspec.GitIgnoreSpec,
    on_error: Callable[[Skipped], None] | None,
) -> Iterator[Path]:
    ignores: list[tuple[Path, pathspec.GitIgnoreSpec]] = _parent_gitignores(top)

    def unlisted(error: OSError) -> None:
        if on_error is not None:
            reason = f"cannot read: {error.strerror or error}"
            on_error(Skipped(str(error.filename or top), reason))

    for directory, dirnames, filenames in os.walk(top, onerror=unlisted):
        here = Path(directory)
        spec = _gitignore(here / ".gitignore")
        if spec is not None:
            ignores = [*ignores, (Path(_real(here)), spec)]
        kept_dirs = []
        for name in sorted(dirnames):
            child = here / name
            if name in DEFAULT_EXCLUDES or _ignored(child, True, ignores, root, excluded):
                continue
            kept_dirs.append(name)
        dirnames[:] = kept_dirs
        for name in sorted(filenames):
            child = here / name
            if not is_checkable(child):
                continue
            if not _ignored(child, False, ignores, root, excluded):
                yield child


def _gitignore(path: Path) -> pathspec.GitIgnoreSpec | None:
    """The patterns of a readable .gitignore file, else None."""
    try:
        if not path.is_file():
            return None
        return _spec(path.read_text(encoding="utf-8", errors="replace").splitlines())
    except OSError:
        return None


def _parent_gitignores(top: Path) -> list[tuple[Path, pathspec.GitIgnoreSpec]]:
    # .gitignore files above the walked folder apply too, up to the repository root.
    found: list[tuple[Path, pathspec.GitIgnoreSpec]] = []
    for folder in Path(_real(top)).parents:
        spec = _gitignore(folder / ".gitignore")
        if spec is not None:
            found.insert(0, (folder, spec))
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
    resolved = Path(_real(path))
    for base, spec in ignores:
        try:
            inner = resolved.relative_to(base).as_posix()
        except ValueError:
            continue
        if spec.match_file(inner + suffix):
            return True
    return False

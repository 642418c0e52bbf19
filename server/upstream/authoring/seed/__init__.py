"""``upstream pack seed``: draft a pack from what a library already says it deprecated."""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from upstream.authoring.seed.changelog import (
    find_changelogs,
    index_python,
    merge_changelog,
    scan_changelogs,
)
from upstream.authoring.seed.draft import PYTHON, TYPESCRIPT, write_draft
from upstream.authoring.seed.fetch import fetch_npm, fetch_pypi, unpack
from upstream.authoring.seed.model import SIGNALS, Deprecation
from upstream.authoring.seed.npm import scan_typescript
from upstream.authoring.seed.python import scan_python
from upstream.errors import UsageError

# Said before an npm download, and after a --path source turns out to be TypeScript.
_CHANGELOG_PYTHON_ONLY = "--changelog: only Python sources are read with a changelog yet"


@dataclass
class SeedReport:
    source: str
    output: Path
    deprecations: list[Deprecation] = field(default_factory=list)
    rules: int = 0
    files: int = 0
    changelogs: int = 0  # changelog and release-notes files read
    skipped: dict[str, int] = field(default_factory=dict)

    @property
    def by_signal(self) -> dict[str, int]:
        """How many APIs each signal found (an API can have several)."""
        counts = Counter(signal for item in self.deprecations for signal in item.signals)
        return {signal: counts[signal] for signal in SIGNALS if counts[signal]}

    def summary_lines(self) -> list[str]:
        signals = ", ".join(f"{name} {count}" for name, count in self.by_signal.items())
        notes = f" and {self.changelogs} changelog files" if self.changelogs else ""
        lines = [
            f"{self.source}: {self.files} files{notes} read, {len(self.deprecations)} "
            f"deprecated APIs ({signals or 'none'})",
        ]
        for reason, count in self.skipped.items():
            lines.append(f"  not drafted: {count} {reason}")
        lines.append(
            f"wrote {self.rules} draft rules to {self.output}; next: replace the TODO docs "
            f"links, then `upstream pack lint {self.output}` and `upstream test {self.output}`"
        )
        return lines


def _split(spec: str, separator: str, option: str) -> tuple[str, str]:
    name, found, version = (
        spec.rpartition(separator) if separator == "@" else spec.partition(separator)
    )
    if not found or not name or not re.match(r"^[\w.+-]+$", version):
        example = "pymongo==3.13.0" if separator == "==" else "mongodb@6.8.0"
        raise UsageError(f"{option} {spec}: give an exact version, e.g. {option} {example}")
    return name, version


def seed_pack(
    *,
    pypi: str | None = None,
    npm: str | None = None,
    path: Path | None = None,
    output: Path,
    name: str | None = None,
    language: str | None = None,
    changelogs: Sequence[Path] = (),
) -> SeedReport:
    """Find the deprecated APIs of one release (or source tree) and write a draft pack.

    ``changelogs``: changelog or release-notes files to read besides those in the source
    (a wheel has none): the removals they list are drafted too."""
    for file in changelogs:
        if not file.is_file():
            raise UsageError(f"--changelog {file}: no such file")
    if changelogs and npm:
        raise UsageError(_CHANGELOG_PYTHON_ONLY)
    with tempfile.TemporaryDirectory(prefix="upstream-seed-") as temp:
        workdir = Path(temp)
        version: str | None = None
        if pypi:
            distribution, version = _split(pypi, "==", "--pypi")
            root, ecosystem = fetch_pypi(distribution, version, workdir), PYTHON
        elif npm:
            distribution, version = _split(npm, "@", "--npm")
            root, ecosystem = fetch_npm(distribution, version, workdir), TYPESCRIPT
        elif path is not None:
            if not path.exists():
                raise UsageError(f"--path {path}: no such file or folder")
            root = unpack(path, workdir / "source") if path.is_file() else path
            distribution = name or path.name.split("-")[0]
            if language is None:
                has_types = next(root.rglob("*.d.ts"), None) is not None
                has_python = next(root.rglob("*.py"), None) is not None
                language = "typescript" if has_types and not has_python else "python"
            ecosystem = PYTHON if language == "python" else TYPESCRIPT
        else:
            raise UsageError("give one of --pypi NAME==VERSION, --npm NAME@VERSION, --path DIR")
        report = SeedReport(f"{distribution} {version or str(path)}", output)
        if ecosystem is PYTHON:
            _read_python(report, root, distribution, version, changelogs)
        elif changelogs:
            raise UsageError(_CHANGELOG_PYTHON_ONLY)
        else:
            typescript = scan_typescript(root, distribution)
            report.deprecations, report.files = typescript.deprecations, typescript.files
            if typescript.type_only:
                report.skipped["type-only declarations (types, interfaces)"] = typescript.type_only
        pack_name = name or re.sub(r"[^a-z0-9._-]+", "-", distribution.lower()).strip("-")
        report.rules = write_draft(
            report.deprecations, ecosystem, pack_name, distribution, version, output
        )
    return report


def _read_python(
    report: SeedReport,
    root: Path,
    distribution: str,
    version: str | None,
    changelogs: Sequence[Path],
) -> None:
    """The source's deprecations, then the removals its changelogs (and ``changelogs``) list."""
    python = scan_python(root, version)
    report.deprecations, report.files = python.deprecations, python.files
    if python.conditional:
        report.skipped["conditional warnings (usually about one argument)"] = python.conditional
    if python.private:
        report.skipped["in private modules, not re-exported"] = python.private
    notes = [*find_changelogs(root), *changelogs]
    if not notes:
        return
    # The import name, which changelogs leave out (`stats.ks_2samp`), is not always the
    # distribution's (scikit-learn's is sklearn): the source's main top-level package.
    tops = Counter(module.split(".")[0] for module in python.exports.trees)
    package = tops.most_common(1)[0][0] if tops else distribution
    found = scan_changelogs(notes, package, index_python(python.exports), root)
    report.deprecations = merge_changelog(report.deprecations, found.deprecations)
    report.changelogs = found.files
    for reason, count in found.skipped.most_common():
        report.skipped[f"changelog mentions: {reason}"] = count


__all__ = ["SeedReport", "seed_pack"]

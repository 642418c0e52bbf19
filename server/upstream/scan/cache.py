"""The result cache of ``upstream check``: a file whose inputs did not change is not re-checked.

As Ruff caches, one JSON file per project under the user cache folder (or
``UPSTREAM_CACHE_DIR``). A file's findings are reused when all of these are unchanged:

- the file's bytes (sha256) -- its path is part of the entry's key;
- the rule set: every file of every loaded pack, this engine's version and its source stamps,
  which rules are enabled and their severity overrides (the *header*; any change drops the
  whole cache);
- the answers the version resolver gave for the file's gated rules: each answer is recorded
  when the file is checked and asked again before the entry is reused, so a lockfile or
  requirements change re-checks exactly the files whose gated rules it can affect;
- the bytes of every project module the file's type inference read (``from .base import
  Model``): recorded as answers too, ``project-file:PATH`` with the file's sha256.

A missing, unreadable or corrupt cache is ignored; it is written atomically, once per run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from upstream import __version__
from upstream.engine import (
    CheckOptions,
    Edit,
    Finding,
    Position,
    RuleSet,
    Severity,
    VersionCheck,
    language_for_path,
)
from upstream.engine.types.project import MAX_MODULE_BYTES
from upstream.files import write_atomically
from upstream.packs import Requirement
from upstream.scan.checking import (
    DEFAULT_MAX_FILE_BYTES,
    Skipped,
    check_source,
    is_checkable,
    read_source,
)

CACHE_DIR_ENV = "UPSTREAM_CACHE_DIR"
_FORMAT = 3  # 2: answers may record project files; 3: findings record a notebook cell
_PACKAGE_ROOT = Path(__file__).resolve().parents[1]


def default_cache_dir() -> Path:
    """``$UPSTREAM_CACHE_DIR``, else the platform's user cache folder for upstream."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("upstream")) / "check"


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0

    def __str__(self) -> str:
        return f"cache: {self.hits} hits, {self.misses} misses"


# (requirement key, verdict) for every version question a check asked.
VersionAnswers = list[tuple[str, bool | None]]
# An answer key that records a project module the check read, and the sha256 it had.
_PROJECT_FILE = "project-file:"


@dataclass(frozen=True)
class Miss:
    """A file the cache has no answer for: its bytes, to check, and their digest, to store."""

    source: bytes
    digest: str


@dataclass
class _Entry:
    digest: str
    versions: VersionAnswers
    findings: list[Any]


@dataclass
class ResultCache:
    """The cached findings of one project; ``check`` replaces ``checking.check_file``."""

    file: Path
    header: str
    entries: dict[str, _Entry] = field(default_factory=dict)
    stats: CacheStats = field(default_factory=CacheStats)
    _requirements: dict[str, Requirement] = field(default_factory=dict)
    _dirty: bool = False
    # Project modules' digests, read once per run however many entries depend on them.
    _digests: dict[str, str] = field(default_factory=dict)

    def _digest_now(self, file: str) -> str:
        digest = self._digests.get(file)
        if digest is None:
            digest = self._digests[file] = _file_digest(file)
        return digest

    @classmethod
    def open(
        cls,
        project_root: Path,
        rule_set: RuleSet,
        options: CheckOptions,
        cache_dir: Path | None = None,
    ) -> ResultCache:
        root = os.path.abspath(project_root)
        name = hashlib.sha256(root.encode("utf-8")).hexdigest()[:20]
        file = (cache_dir or default_cache_dir()) / f"{name}.json"
        cache = cls(file, _header(rule_set, options))
        cache._requirements = _requirements(rule_set)
        cache.entries = _load(file, cache.header)
        return cache

    def lookup(
        self,
        path: Path,
        rule_set: RuleSet,
        options: CheckOptions,
        max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    ) -> list[Finding] | Skipped | Miss:
        """The file's findings from the cache, why it can't be checked, or a ``Miss`` to check
        (with ``check_recording_versions``) and ``store``."""
        spec = language_for_path(path)
        if spec is None and not is_checkable(path):
            return Skipped(str(path), "unknown language (no grammar for this file extension)")
        source = read_source(path, max_bytes)
        if isinstance(source, Skipped):
            return source
        if spec is not None and rule_set.for_language(spec.name) is None:
            return []
        digest = hashlib.sha256(source).hexdigest()
        entry = self.entries.get(os.path.abspath(path))
        if (
            entry is not None
            and entry.digest == digest
            and self._same_versions(entry, path, options)
        ):
            try:
                cached = [_finding_from(data, str(path)) for data in entry.findings]
            except (ValueError, TypeError, IndexError):
                cached = None  # a corrupt entry is a miss
            if cached is not None:
                self.stats.hits += 1
                return cached
        self.stats.misses += 1
        return Miss(source, digest)

    def store(
        self, path: Path, miss: Miss, findings: list[Finding], versions: VersionAnswers
    ) -> None:
        """Remember what checking a missed file found, for ``save``."""
        entry = _Entry(miss.digest, list(versions), [_finding_data(f) for f in findings])
        self.entries[os.path.abspath(path)] = entry
        self._dirty = True

    def check(
        self,
        path: Path,
        rule_set: RuleSet,
        options: CheckOptions,
        max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    ) -> list[Finding] | Skipped:
        """As ``checking.check_file``, answered from the cache when the inputs are unchanged."""
        found = self.lookup(path, rule_set, options, max_bytes)
        if not isinstance(found, Miss):
            return found
        findings, versions = check_recording_versions(path, found.source, rule_set, options)
        self.store(path, found, findings, versions)
        return findings

    def save(self) -> None:
        """Write the cache atomically if this run changed it; failures are ignored."""
        if not self._dirty:
            return
        data = {
            "format": _FORMAT,
            "header": self.header,
            "entries": {
                key: [entry.digest, entry.versions, entry.findings]
                for key, entry in self.entries.items()
                if os.path.exists(key)
            },
        }
        try:
            write_atomically(self.file, json.dumps(data, separators=(",", ":")))
        except OSError:
            return
        self._dirty = False

    def _same_versions(self, entry: _Entry, path: Path, options: CheckOptions) -> bool:
        if not entry.versions:
            return True
        for key, verdict in entry.versions:
            if key.startswith(_PROJECT_FILE):
                digest, _, file = key[len(_PROJECT_FILE) :].partition(":")
                if self._digest_now(file) != digest:
                    return False
                continue
            if options.versions is None:
                return False
            requirement = self._requirements.get(key)
            if requirement is None or options.versions(requirement, path) != verdict:
                return False
        return True


def _requirement_key(requirement: Requirement) -> str:
    return f"{requirement.ecosystem.value}:{requirement.name}:{requirement.specifier}"


def _requirements(rule_set: RuleSet) -> dict[str, Requirement]:
    found: dict[str, Requirement] = {}
    for _pack, rule in rule_set.rules.values():
        for ecosystem, value in rule.requires.items():
            try:
                parsed = Requirement.parse_many(ecosystem, value)
            except ValueError:
                continue
            for requirement in parsed:
                found[_requirement_key(requirement)] = requirement
    return found


def check_recording_versions(
    path: Path, source: bytes, rule_set: RuleSet, options: CheckOptions
) -> tuple[list[Finding], VersionAnswers]:
    """Check ``source`` (the bytes of ``path``), noting each version question and its answer:
    a cache entry is valid only while the resolver still gives the same answers."""
    asked: VersionAnswers = []
    recording = dataclasses.replace(options, versions=_recording(options.versions, asked))
    if options.project is None:
        return check_source(path, source, rule_set, recording), asked
    with options.project.recording() as read:
        findings = check_source(path, source, rule_set, recording)
    for file in sorted(read):
        asked.append((f"{_PROJECT_FILE}{_file_digest(file)}:{file}", True))
    return findings, asked


def _file_digest(file: str) -> str:
    # As the check read it: a regular file, up to the index's limit (not a FIFO to wait on).
    source = read_source(Path(file), MAX_MODULE_BYTES)
    return "unreadable" if isinstance(source, Skipped) else hashlib.sha256(source).hexdigest()


def _recording(check: VersionCheck | None, asked: VersionAnswers) -> VersionCheck:
    def recording(requirement: Requirement, path: Path) -> bool | None:
        verdict = None if check is None else check(requirement, path)
        asked.append((_requirement_key(requirement), verdict))
        return verdict

    return recording


def _header(rule_set: RuleSet, options: CheckOptions) -> str:
    digest = hashlib.sha256()

    def add(*parts: object) -> None:
        for part in parts:
            digest.update(repr(part).encode("utf-8"))
            digest.update(b"\0")

    add("format", _FORMAT, "version", __version__)
    # An edited engine (a development install) must not reuse old results.
    for source in _engine_sources():
        status = source.stat()
        add(source.relative_to(_PACKAGE_ROOT).as_posix(), status.st_mtime_ns, status.st_size)
    for pack in rule_set.packs:
        add("pack", pack.name)
        for name, data in _pack_files(Path(pack.path)):
            add(name)
            digest.update(hashlib.sha256(data).digest())
    enabled = sorted(rule_id for rule_id in rule_set.rules if options.is_enabled(rule_id))
    add("enabled", enabled, "severity", sorted(options.severity_overrides.items()))
    add("deprecated-as-errors", options.deprecated_as_errors)
    add("unknown-version", options.apply_when_version_unknown, options.versions is None)
    return digest.hexdigest()


def _engine_sources() -> list[Path]:
    # What decides findings; other modules (the CLI, the server) don't.
    engine = sorted((_PACKAGE_ROOT / "engine").rglob("*.py"))
    return [
        *engine,
        _PACKAGE_ROOT / "packs" / "schema.py",
        _PACKAGE_ROOT / "packs" / "requirements.py",
    ]


def _pack_files(pack: Path) -> Iterable[tuple[str, bytes]]:
    # A pack's tests don't change what it finds.
    for file in sorted(pack.rglob("*")):
        relative = file.relative_to(pack)
        if relative.parts[0] == "tests" or not file.is_file():
            continue
        try:
            yield relative.as_posix(), file.read_bytes()
        except OSError:
            yield relative.as_posix(), b"\0unreadable"


def _load(file: Path, header: str) -> dict[str, _Entry]:
    try:
        with open(file, encoding="utf-8") as stream:
            data = json.load(stream)
        if data.get("format") != _FORMAT or data.get("header") != header:
            return {}
        entries: dict[str, _Entry] = {}
        for key, (digest, versions, findings) in data["entries"].items():
            if not isinstance(digest, str) or not isinstance(findings, list):
                return {}
            entries[key] = _Entry(digest, [(str(k), v) for k, v in versions], findings)
        return entries
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def _position(position: Position) -> list[int]:
    return [position.line, position.column]


def _finding_data(finding: Finding) -> list[Any]:
    fix = finding.fix
    return [
        finding.rule,
        finding.severity,
        finding.message,
        finding.docs,
        _position(finding.start),
        _position(finding.end),
        finding.start_byte,
        finding.end_byte,
        finding.title,
        finding.deprecated,
        None
        if fix is None
        else [
            fix.start_byte,
            fix.end_byte,
            _position(fix.start),
            _position(fix.end),
            fix.text,
            fix.safe,
        ],
        finding.bindings,
        finding.cell,
    ]


def _finding_from(data: list[Any], path: str) -> Finding:
    rule, severity, message, docs, start, end, start_byte, end_byte = data[:8]
    title, deprecated, fix, bindings, cell = data[8:]
    severity_: Severity = severity
    return Finding(
        rule=rule,
        severity=severity_,
        message=message,
        docs=docs,
        path=path,
        start=Position(*start),
        end=Position(*end),
        start_byte=start_byte,
        end_byte=end_byte,
        title=title,
        deprecated=deprecated,
        fix=None
        if fix is None
        else Edit(fix[0], fix[1], Position(*fix[2]), Position(*fix[3]), fix[4], fix[5]),
        bindings=dict(bindings),
        cell=cell,
    )

"""The pack index: one static JSON file that lists packs, their versions and archives.

Any maintainer can host one (GitHub Pages, S3, a docs site); no service of ours is involved.
An archive ``url`` may be relative: it is resolved against the index's own URL. The JSON
Schema (``index_json_schema``) is printed in docs/pack-format.md.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from upstream import __version__
from upstream.errors import PackError, Problem, UsageError
from upstream.packs.archive import (
    DEFAULT_LIMITS,
    ArchiveLimits,
    BuiltArchive,
    extract_archive,
    relabel_problem,
)
from upstream.packs.loader import load_pack
from upstream.packs.requirements import Requirement
from upstream.packs.schema import Pack
from upstream.packs.semver import SEMVER, semver_key

INDEX_FORMAT = 1
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_PACK_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


class _IndexModel(BaseModel):
    # Unknown keys are ignored, so that an index can grow fields older clients skip.
    model_config = ConfigDict(extra="ignore", frozen=True)


class IndexedVersion(_IndexModel):
    """One published archive of a pack."""

    version: str = Field(
        pattern=SEMVER.pattern, description="semantic version, as in the archive's pack.yaml"
    )
    url: str = Field(description="the archive; relative URLs resolve against the index URL")
    sha256: str = Field(
        pattern=_SHA256.pattern, description="lowercase hex sha256 of the archive bytes"
    )
    size: int = Field(ge=0, description="archive size in bytes")
    upstream: str = Field(
        default=">=0.1", description="engine versions the pack works with (PEP 440)"
    )
    languages: list[str] = Field(default=[], description="languages the pack's rules cover")
    libraries: dict[str, list[str]] = Field(
        default={}, description="packages its rules are about, by registry (pypi, npm, ...)"
    )
    signature: str | None = Field(
        default=None, description="base64 ed25519 signature of the archive bytes"
    )

    def engine_ok(self) -> bool:
        return engine_satisfies(self.upstream)


class IndexedPack(_IndexModel):
    """A pack: its description (from its newest version's pack.yaml) and its versions."""

    title: str
    description: str = ""
    publisher: str = ""
    homepage: str | None = None
    license: str | None = None
    versions: list[IndexedVersion] = Field(description="newest first")


class PackIndex(_IndexModel):
    """The whole index file."""

    format: Literal[1] = Field(default=1, description="the layout of this file: 1")
    public_key: str | None = Field(
        default=None,
        description="base64 raw ed25519 public key; when set, every version must be signed",
    )
    packs: dict[Annotated[str, Field(pattern=_PACK_NAME.pattern)], IndexedPack] = Field(
        default={}, description="by pack name"
    )


def index_json_schema() -> dict[str, Any]:
    """The JSON Schema of an index file, as docs/pack-format.md prints it."""
    schema = PackIndex.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "upstream pack index"
    # Pack names are keys; one that isn't a valid name is an error, not an unknown key.
    schema["properties"]["packs"]["additionalProperties"] = False
    return schema


def parse_index(data: bytes, where: str) -> PackIndex:
    """Validate an index's bytes; raise PackError with one line per problem."""
    try:
        raw = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PackError([Problem(where, None, f"not a JSON pack index ({error})")]) from None
    if isinstance(raw, dict) and isinstance(raw.get("format"), int) and raw["format"] > 1:
        raise PackError(
            [
                Problem(
                    where,
                    None,
                    f"index format {raw['format']} is newer than this upstream reads: upgrade",
                )
            ]
        )
    try:
        return PackIndex.model_validate(raw)
    except ValidationError as error:
        raise PackError(
            [
                Problem(where, None, f"{'.'.join(map(str, item['loc'])) or 'index'}: {item['msg']}")
                for item in error.errors()
            ]
        ) from None


def dump_index(index: PackIndex) -> str:
    return json.dumps(index.model_dump(mode="json", exclude_none=True), indent=2) + "\n"


# ---------------------------------------------------------------------------- versions


def engine_satisfies(specifier: str) -> bool:
    try:
        return SpecifierSet(specifier).contains(Version(__version__), prereleases=True)
    except InvalidSpecifier:
        return False


def upgrade_hint(specifier: str) -> str:
    """What to tell a user whose upstream is too old for a pack."""
    return (
        f"needs upstream {specifier}, this is {__version__}: "
        f"upgrade upstream (pip install -U 'upstream{specifier.replace(' ', '')}')"
    )


def parse_spec(text: str | None) -> SpecifierSet:
    """``1.2.0`` means ``==1.2.0``; otherwise a PEP 440 specifier set; None means any."""
    if not text:
        return SpecifierSet()
    if text[0].isdigit():
        text = f"=={text}"
    try:
        return SpecifierSet(text)
    except InvalidSpecifier:
        raise UsageError(
            f"{text!r} is not a version or version specifier such as 1.2.0 or '>=1.0,<2'"
        ) from None


def spec_matches(spec: SpecifierSet, version: str, prereleases: bool = False) -> bool:
    """Does ``version`` satisfy ``spec``? Pre-releases only when asked for, or when ``spec``
    itself names one (packaging's own default for this changed across its releases)."""
    try:
        parsed = Version(version)
    except InvalidVersion:
        # A pre-release label packaging can't read: only an unconstrained request takes it.
        return not str(spec) and prereleases
    if parsed.is_prerelease and not (prereleases or spec.prereleases):
        return False
    return spec.contains(parsed, prereleases=True)


def select_version(
    index: PackIndex, name: str, spec: SpecifierSet, where: str
) -> tuple[IndexedPack, IndexedVersion]:
    """The newest version of ``name`` matching ``spec`` that this engine can run.

    Pre-releases only when nothing else matches. A version that matches but needs a newer
    engine is refused with the upgrade to make, if no compatible one matches.
    """
    pack = index.packs.get(name)
    if pack is None:
        known = ", ".join(sorted(index.packs)) or "none"
        raise PackError([Problem(where, None, f"no pack {name!r} in the index (it has: {known})")])
    ordered = sorted(pack.versions, key=lambda v: semver_key(v.version), reverse=True)
    for prereleases in (False, True):
        matching = [v for v in ordered if spec_matches(spec, v.version, prereleases)]
        if not matching:
            continue
        for candidate in matching:
            if candidate.engine_ok():
                return pack, candidate
        newest = matching[0]
        raise PackError(
            [Problem(where, None, f"pack {name} {newest.version} {upgrade_hint(newest.upstream)}")]
        )
    wanted = f" matching {spec}" if str(spec) else ""
    versions = ", ".join(v.version for v in ordered) or "none"
    raise PackError(
        [Problem(where, None, f"no version of {name}{wanted} (the index has: {versions})")]
    )


# ---------------------------------------------------------------------------- building


def describe_pack(pack: Pack) -> tuple[list[str], dict[str, list[str]]]:
    """The languages a pack's rules cover, and the libraries they are about."""
    languages = sorted({language for rule in pack.rules for language in rule.languages})
    libraries: dict[str, set[str]] = {}
    for rule in pack.rules:
        for ecosystem, value in rule.requires.items():
            try:
                requirements = Requirement.parse_many(ecosystem, value)
            except ValueError:
                continue
            libraries.setdefault(ecosystem, set()).update(r.name for r in requirements)
        if not rule.requires and rule.imports:
            libraries.setdefault("imports", set()).update(rule.imports)
    return languages, {key: sorted(names) for key, names in sorted(libraries.items())}


def read_archive_pack(archive: Path, limits: ArchiveLimits = DEFAULT_LIMITS) -> Pack:
    """Unpack an archive into a temporary folder and load its pack (for indexing)."""
    folder = Path(tempfile.mkdtemp(prefix="upstream-index-"))
    try:
        extract_archive(archive, folder, limits)
        return load_pack(folder)
    except PackError as error:
        raise PackError(
            [relabel_problem(problem, folder, str(archive)) for problem in error.problems]
        ) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def add_to_index(
    index: PackIndex,
    pack: Pack,
    archive: BuiltArchive,
    url: str,
    signature: str | None,
) -> PackIndex:
    """``index`` with this archive's version added (or replaced by the identical one).

    Publishing different bytes under a version already in the index is refused: clients
    that locked the old sha256 would break, and it looks exactly like tampering.
    """
    manifest = pack.manifest
    languages, libraries = describe_pack(pack)
    entry = IndexedVersion(
        version=manifest.version,
        url=url,
        sha256=archive.sha256,
        size=archive.size,
        upstream=manifest.upstream,
        languages=languages,
        libraries=libraries,
        signature=signature,
    )
    existing = index.packs.get(manifest.name)
    versions = list(existing.versions) if existing else []
    for old in versions:
        if old.version == manifest.version and old.sha256 != archive.sha256:
            message = (
                f"{manifest.name} {manifest.version} is already in the index with sha256 "
                f"{old.sha256[:12]}...: publish a new version instead"
            )
            raise PackError([Problem(archive.path, None, message)])
    versions = [v for v in versions if v.version != manifest.version] + [entry]
    versions.sort(key=lambda v: semver_key(v.version), reverse=True)
    if existing is None or versions[0].version == manifest.version:
        # The pack's description follows its newest version.
        described = IndexedPack(
            title=manifest.title,
            description=manifest.description,
            publisher=manifest.publisher,
            homepage=manifest.homepage,
            license=manifest.license,
            versions=versions,
        )
    else:
        described = existing.model_copy(update={"versions": versions})
    packs = dict(index.packs)
    packs[manifest.name] = described
    return index.model_copy(update={"packs": dict(sorted(packs.items()))})

"""A pack as a Python wheel or an npm package, so it can ship through PyPI or npm.

``upstream pack build DIR --wheel`` writes a pure-data wheel (the binary distribution format,
PEP 427) for pack ``acme`` 1.2.0::

    acme_upstream_rules-1.2.0-py3-none-any.whl
      acme_upstream_rules/__init__.py            (empty: importlib.resources works too)
      acme_upstream_rules/pack.yaml, rule files, tests/...
      acme_upstream_rules-1.2.0.dist-info/METADATA, WHEEL, entry_points.txt, RECORD

``entry_points.txt`` holds the contract upstream's environment finder reads::

    [upstream.packs]
    acme = acme_upstream_rules

(group ``upstream.packs``, key the pack name, value the importable package holding
``pack.yaml``). ``--npm`` writes what ``npm pack`` would, ``acme-upstream-rules-1.2.0.tgz``,
with ``package/package.json`` and the pack under ``package/pack/``; its contract is the
package.json field ``"upstream": {"pack": "pack"}`` (the pack folder, relative to the
package root).

Both hold the files the pack's archive holds (``archive.pack_files``: ``tests/`` too), less
earlier ``.whl``/``.tgz`` builds, under the archive's limits. Both are reproducible: sorted
entries, fixed timestamps, modes and owners, so the same source gives the same bytes (and
sha256) on every machine with the same Python and zlib.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from upstream import __version__
from upstream.errors import UsageError
from upstream.files import write_atomically
from upstream.packs.archive import (
    DEFAULT_LIMITS,
    ArchiveLimits,
    check_limits,
    pack_files,
    reproducible_tar_gz,
)
from upstream.packs.schema import PackManifest
from upstream.project.npm_range import semver_to_version

__all__ = [
    "ENTRY_POINT_GROUP",
    "NPM_PACK_FOLDER",
    "WHEEL_TAG",
    "BuiltDistribution",
    "build_npm_package",
    "build_wheel",
    "distribution_name",
    "npm_filename",
    "package_name",
    "wheel_filename",
    "wheel_version",
]

# The contracts with upstream's environment finder.
ENTRY_POINT_GROUP = "upstream.packs"
NPM_PACK_FOLDER = "pack"

WHEEL_TAG = "py3-none-any"
_DISTRIBUTION_SUFFIX = "-upstream-rules"
# ZIP timestamps are MS-DOS dates, which start in 1980.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_ZIP_FILE_ATTRIBUTES = 0o100644 << 16  # a regular file, rw-r--r--
_ZIP_UNIX = 3  # "made by" Unix, so that the permission bits above mean something
# What `npm pack` uses (node-tar's portable mode): 1985-10-26T08:15:00Z.
_NPM_MTIME = 499162500
_NPM_ROOT = "package"
_FILE_MODE = 0o644
_COMPRESS_LEVEL = 9
# What these builders write, left out of a later build like archive.pack_files leaves archives.
_BUILT = (".whl", ".tgz")


@dataclass(frozen=True)
class BuiltDistribution:
    """A written wheel or npm tarball: where, its sha256 and its size in bytes."""

    path: Path
    sha256: str
    size: int


def distribution_name(pack_name: str) -> str:
    """The PyPI and npm package name of a pack: ``acme`` -> ``acme-upstream-rules``."""
    return f"{pack_name}{_DISTRIBUTION_SUFFIX}"


def package_name(pack_name: str) -> str:
    """The import package holding the pack in a wheel: ``acme.sdk`` -> ``acme_sdk_upstream_rules``.

    Every character but an ASCII letter or digit becomes ``_``.
    """
    return re.sub(r"[^A-Za-z0-9]", "_", distribution_name(pack_name))


def wheel_version(semver: str) -> str:
    """The PEP 440 version of a pack's SemVer version (``1.2.0-rc.1`` -> ``1.2.0rc1``).

    Raises UsageError if it has none.
    """
    version = semver_to_version(semver)
    if version is None:
        raise UsageError(f"version {semver!r} has no PEP 440 equivalent; a wheel needs one")
    return str(version)


def wheel_filename(manifest: PackManifest) -> str:
    """``NAME-VERSION-py3-none-any.whl``, with the name and version escaped as the spec says."""
    return f"{_wheel_stem(manifest)}-{WHEEL_TAG}.whl"


def npm_filename(manifest: PackManifest) -> str:
    """``NAME-VERSION.tgz``, the file name ``npm pack`` gives the pack's npm package."""
    return f"{distribution_name(manifest.name)}-{manifest.version}.tgz"


def build_wheel(
    pack_dir: Path,
    manifest: PackManifest,
    output_dir: Path,
    limits: ArchiveLimits = DEFAULT_LIMITS,
) -> BuiltDistribution:
    """Write the reproducible pure-data wheel of the pack at ``pack_dir`` into ``output_dir``.

    Raises UsageError if the version has no PEP 440 form, PackError if the pack holds a
    symlink or is over ``limits``.
    """
    package = package_name(manifest.name)
    dist_info = f"{_wheel_stem(manifest)}.dist-info"
    entries: list[tuple[str, bytes]] = [
        (f"{package}/{name}", path.read_bytes())
        for name, path in _distributed_files(pack_dir, limits)
    ]
    if not any(name == f"{package}/__init__.py" for name, _ in entries):
        entries.append((f"{package}/__init__.py", b""))
    entries.sort()
    entries += [
        (f"{dist_info}/METADATA", _metadata(manifest).encode("utf-8")),
        (f"{dist_info}/WHEEL", _wheel_file().encode("utf-8")),
        (f"{dist_info}/entry_points.txt", _entry_points(manifest).encode("utf-8")),
    ]
    record = f"{dist_info}/RECORD"
    entries.append((record, _record(entries, record)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as wheel:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.create_system = _ZIP_UNIX
            info.external_attr = _ZIP_FILE_ATTRIBUTES
            wheel.writestr(
                info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=_COMPRESS_LEVEL
            )
    return _write(output_dir / wheel_filename(manifest), buffer.getvalue())


def build_npm_package(
    pack_dir: Path,
    manifest: PackManifest,
    output_dir: Path,
    limits: ArchiveLimits = DEFAULT_LIMITS,
) -> BuiltDistribution:
    """Write the reproducible npm package tarball of the pack at ``pack_dir`` into ``output_dir``.

    Raises PackError if the pack holds a symlink or is over ``limits``.
    """
    entries: list[tuple[str, bytes]] = [
        (f"{_NPM_ROOT}/{NPM_PACK_FOLDER}/{name}", path.read_bytes())
        for name, path in _distributed_files(pack_dir, limits)
    ]
    entries.append((f"{_NPM_ROOT}/package.json", _package_json(manifest).encode("utf-8")))
    entries.sort()
    payload = reproducible_tar_gz(entries, mtime=_NPM_MTIME)
    return _write(output_dir / npm_filename(manifest), payload)


def _wheel_stem(manifest: PackManifest) -> str:
    """``{distribution}-{version}`` as wheel file and ``.dist-info`` names spell it."""
    name = re.sub(r"[-_.]+", "_", distribution_name(manifest.name)).lower()
    return f"{name}-{wheel_version(manifest.version).replace('-', '_')}"


def _distributed_files(pack_dir: Path, limits: ArchiveLimits) -> list[tuple[str, Path]]:
    """The pack's files as its archive holds them, less earlier wheels and npm tarballs.

    (``pack_files`` already leaves archives out: ``-o`` may point inside the pack.) The same
    limits as the archive's apply, so a pack ships either everywhere or nowhere.
    """
    files = [(name, path) for name, path in pack_files(pack_dir) if not name.endswith(_BUILT)]
    check_limits(pack_dir, files, limits)
    return files


def _one_line(text: str) -> str:
    """A metadata header value: whitespace runs (newlines too) become one space."""
    return " ".join(text.split())


def _metadata(manifest: PackManifest) -> str:
    """The wheel's ``METADATA`` (core metadata 2.1), the pack's description as its body."""
    headers = [
        ("Metadata-Version", "2.1"),
        ("Name", distribution_name(manifest.name)),
        ("Version", wheel_version(manifest.version)),
        ("Summary", _one_line(manifest.title)),
    ]
    if manifest.homepage:
        headers.append(("Home-page", _one_line(manifest.homepage)))
    if manifest.publisher:
        headers.append(("Author", _one_line(manifest.publisher)))
    if manifest.license:
        headers.append(("License", _one_line(manifest.license)))
    headers.append(("Keywords", "upstream,upstream-rules"))
    text = "".join(f"{key}: {value}\n" for key, value in headers)
    description = manifest.description.strip()
    if description:
        text += f"Description-Content-Type: text/plain\n\n{description}\n"
    return text


def _wheel_file() -> str:
    """The wheel's ``WHEEL`` file."""
    return (
        "Wheel-Version: 1.0\n"
        f"Generator: upstream {__version__}\n"
        "Root-Is-Purelib: true\n"
        f"Tag: {WHEEL_TAG}\n"
    )


def _entry_points(manifest: PackManifest) -> str:
    """``entry_points.txt``: the pack name -> the package that holds its ``pack.yaml``."""
    return f"[{ENTRY_POINT_GROUP}]\n{manifest.name} = {package_name(manifest.name)}\n"


def _record(entries: list[tuple[str, bytes]], record: str) -> bytes:
    """``RECORD``: every file's urlsafe-base64 sha256 and size; RECORD's own line is empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for name, data in entries:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
        writer.writerow([name, f"sha256={digest.decode('ascii')}", len(data)])
    writer.writerow([record, "", ""])
    return out.getvalue().encode("utf-8")


def _package_json(manifest: PackManifest) -> str:
    """The npm package's ``package.json``; ``upstream.pack`` names the pack's folder."""
    data: dict[str, object] = {
        "name": distribution_name(manifest.name),
        "version": manifest.version,
        "description": _one_line(manifest.title),
    }
    if manifest.license:
        data["license"] = manifest.license
    if manifest.homepage:
        data["homepage"] = manifest.homepage
    if manifest.publisher:
        data["author"] = manifest.publisher
    data["keywords"] = ["upstream", "upstream-rules"]
    data["upstream"] = {"pack": NPM_PACK_FOLDER}
    data["files"] = [NPM_PACK_FOLDER]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _write(destination: Path, payload: bytes) -> BuiltDistribution:
    write_atomically(destination, payload, mode=_FILE_MODE)
    return BuiltDistribution(destination, hashlib.sha256(payload).hexdigest(), len(payload))

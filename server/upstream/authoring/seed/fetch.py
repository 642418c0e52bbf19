"""Fetch a library release's source without running any of it.

PyPI: ``pip download --no-deps --only-binary :all:`` (a wheel: pip runs nothing for it),
else the sdist with ``--no-build-isolation``: pip still asks the sdist's build backend for its
metadata, but never downloads or compiles build dependencies (with isolation, a matplotlib or
SciPy sdist had pip building NumPy from source for many minutes). Each pip run is bounded by
``PIP_TIMEOUT`` seconds. npm: ``npm pack NAME@VERSION``. Archives are unpacked with path
checks; nothing is installed or imported. Set ``UPSTREAM_DOWNLOAD_CACHE`` to a folder to
keep the downloads and reuse them (offline re-runs).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from upstream.errors import UpstreamError

CACHE_ENV = "UPSTREAM_DOWNLOAD_CACHE"
# One `pip download`, at most: a slow index or a stuck metadata build is an error, not a hang.
PIP_TIMEOUT = 600
# A wheel first (nothing of the release runs), then the sdist without fetching build tools.
_PIP_ATTEMPTS = (("--only-binary", ":all:"), ("--no-binary", ":all:", "--no-build-isolation"))


class FetchError(UpstreamError):
    """A release could not be downloaded or unpacked."""


def _cache(workdir: Path) -> Path:
    configured = os.environ.get(CACHE_ENV)
    folder = Path(configured).expanduser() if configured else workdir / "downloads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _cached(folder: Path, prefixes: tuple[str, ...], suffixes: tuple[str, ...]) -> Path | None:
    for file in sorted(folder.iterdir()):
        lowered = file.name.lower()
        if lowered.startswith(prefixes) and lowered.endswith(suffixes):
            return file
    return None


def fetch_pypi(name: str, version: str, workdir: Path) -> Path:
    """Download ``name==version`` (wheel, else sdist); return the unpacked source folder."""
    cache = _cache(workdir)
    stems = tuple(
        f"{variant}-{version}".lower()
        for variant in {name, name.replace("-", "_"), name.replace("_", "-")}
    )
    archive = _cached(cache, stems, (".tar.gz", ".zip", ".whl"))
    if archive is None:
        detail = ""
        for options in _PIP_ATTEMPTS:
            command = [
                sys.executable, "-m", "pip", "download", "--no-deps", *options,
                "--disable-pip-version-check", f"{name}=={version}", "-d", str(cache),
            ]  # fmt: skip
            try:
                done = subprocess.run(
                    command, capture_output=True, text=True, check=False, timeout=PIP_TIMEOUT
                )
            except subprocess.TimeoutExpired:
                detail = f"no answer in {PIP_TIMEOUT} s"
                continue
            archive = _cached(cache, stems, (".tar.gz", ".zip", ".whl"))
            if done.returncode == 0 and archive is not None:
                break
            detail = " ".join(done.stderr.strip().splitlines()[-1:])
        else:
            raise FetchError(f"pip download {name}=={version} failed: {detail}")
    return unpack(archive, workdir / "source")


def fetch_npm(name: str, version: str, workdir: Path) -> Path:
    """``npm pack name@version``; return the unpacked package folder."""
    cache = _cache(workdir)
    stem = name.lstrip("@").replace("/", "-") + f"-{version}"
    archive = _cached(cache, (stem.lower(),), (".tgz",))
    if archive is None:
        npm = shutil.which("npm")
        if npm is None:
            raise FetchError("npm is not installed (needed to download an npm package)")
        command = [npm, "pack", f"{name}@{version}", "--pack-destination", str(cache)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        archive = _cached(cache, (stem.lower(),), (".tgz",))
        if done.returncode != 0 or archive is None:
            errors = [
                line for line in done.stderr.splitlines() if "notarget" in line or "ERR!" in line
            ][:1] or [line for line in done.stderr.splitlines() if "error" in line][:1]
            detail = " ".join(errors) or done.stderr.strip() or f"exit code {done.returncode}"
            raise FetchError(f"npm pack {name}@{version} failed: {detail}")
    return unpack(archive, workdir / "source")


def unpack(archive: Path, destination: Path) -> Path:
    """Unpack a .tar.gz/.tgz/.zip/.whl into ``destination``; return the source root (the one
    top-level folder when the archive has one)."""
    destination.mkdir(parents=True, exist_ok=True)
    root = destination.resolve()
    if archive.name.endswith((".zip", ".whl")):
        with zipfile.ZipFile(archive) as bundle:
            for entry in bundle.namelist():
                if not (root / entry).resolve().is_relative_to(root):
                    raise FetchError(f"{archive}: unsafe path {entry!r}")
            bundle.extractall(root)
    else:
        with tarfile.open(archive) as bundle:
            members = []
            for member in bundle.getmembers():
                target = (root / member.name).resolve()
                if not target.is_relative_to(root) or not (member.isfile() or member.isdir()):
                    continue  # links and devices: not needed to read source
                members.append(member)
            if hasattr(tarfile, "data_filter"):
                bundle.extractall(root, members=members, filter="data")
            else:  # Python < 3.10.12: the members were checked above
                bundle.extractall(root, members=members)
    children = [child for child in root.iterdir()]
    if len(children) == 1 and children[0].is_dir() and not archive.name.endswith(".whl"):
        return children[0]
    return root

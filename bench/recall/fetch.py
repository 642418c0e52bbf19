"""Fetch the recall corpus: selected files of third-party packages at exact versions.

    python bench/recall/fetch.py            # download what is missing, print the corpus path
    python bench/recall/fetch.py --force    # extract every package again

bench/recall/corpus.toml names each package (PyPI sdist or npm tarball), its pinned digest
(sha256 for PyPI, the npm `integrity`) and the files to keep. Archives are downloaded from the
registry, checked against the registry's own record *and* the pinned digest, kept in
$UPSTREAM_BENCH_CACHE/recall or ~/.cache/upstream-bench/recall (outside git), and only the
selected files are extracted, under corpus/<name>-<version>/ with the archive's top folder
stripped. No manifest is extracted, so version gates see no version (see score.py).
"""

from __future__ import annotations

import argparse
import base64
import fnmatch
import hashlib
import io
import shutil
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

import tomllib

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import run  # noqa: E402  bench/run.py: registry look-ups, checked downloads, the cache root

CORPUS_FILE = HERE / "corpus.toml"
LABELS = HERE / "labels"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    registry: str  # "pypi" or "npm"
    digest: str  # PyPI: sha256 hex; npm: the integrity string ("sha512-...")
    root: str  # the archive's top folder
    include: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    why: str = ""
    # Rules (fnmatch patterns of full ids) not scored in this package: see corpus.toml.
    skip_rules: tuple[str, ...] = ()

    @property
    def folder(self) -> str:
        return f"{self.name}-{self.version}"

    def wants(self, relative: str) -> bool:
        def matches(patterns: tuple[str, ...]) -> bool:
            # fnmatch's `*` crosses `/`; `**/` may also match no folder at all.
            return any(
                fnmatch.fnmatchcase(relative, p)
                or fnmatch.fnmatchcase(relative, p.replace("**/", ""))
                for p in patterns
            )

        return matches(self.include) and not matches(self.exclude)

    def skips(self, rule: str) -> bool:
        return any(fnmatch.fnmatchcase(rule, pattern) for pattern in self.skip_rules)


def load_corpus(path: Path = CORPUS_FILE) -> list[Package]:
    data = tomllib.loads(path.read_text())
    packages = []
    for entry in data["package"]:
        digest = entry["sha256"] if entry["registry"] == "pypi" else entry["integrity"]
        packages.append(
            Package(
                name=entry["name"],
                version=entry["version"],
                registry=entry["registry"],
                digest=digest,
                root=entry["root"],
                include=tuple(entry["include"]),
                exclude=tuple(entry.get("exclude", ())),
                why=entry.get("why", ""),
                skip_rules=tuple(entry.get("skip_rules", ())),
            )
        )
    return packages


def recall_root() -> Path:
    return Path(run.cache_root()) / "recall"


def _archive(package: Package, downloads: Path) -> bytes:
    """The package's archive, from the download cache or the registry, digest checked."""
    suffix = ".tar.gz" if package.registry == "pypi" else ".tgz"
    cached = downloads / f"{package.folder}{suffix}"
    if cached.exists():
        data = cached.read_bytes()
        _check(package, data)
        return data
    if package.registry == "pypi":
        record = run._pypi_sdist(package.name, package.version)
        if record["hashes"]["sha256"] != package.digest:
            raise SystemExit(f"{package.folder}: PyPI's sha256 differs from corpus.toml's")
        print(f"fetching {package.name}=={package.version}", file=sys.stderr)
        data = run._download(record["url"], package.digest, "sha256")
    else:
        dist = run._get_json(f"https://registry.npmjs.org/{package.name}/{package.version}")["dist"]
        if dist["integrity"] != package.digest:
            raise SystemExit(f"{package.folder}: npm's integrity differs from corpus.toml's")
        algorithm, _, expected = package.digest.partition("-")
        print(f"fetching {package.name}@{package.version}", file=sys.stderr)
        data = run._download(dist["tarball"], expected, algorithm)
    downloads.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(data)
    return bytes(data)


def _check(package: Package, data: bytes) -> None:
    if package.registry == "pypi":
        ok = hashlib.sha256(data).hexdigest() == package.digest
    else:
        algorithm, _, expected = package.digest.partition("-")
        ok = base64.b64encode(hashlib.new(algorithm, data).digest()).decode() == expected
    if not ok:
        raise SystemExit(f"{package.folder}: cached archive does not match corpus.toml's digest")


def extract(package: Package, data: bytes, destination: Path) -> int:
    """Extract the selected files of `package` into `destination`; the number of files."""
    part = destination.with_name(destination.name + ".part")
    shutil.rmtree(part, ignore_errors=True)
    count = 0
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        members = []
        for member in archive.getmembers():
            top, _, relative = member.name.partition("/")
            if member.isfile() and top == package.root and package.wants(relative):
                member.name = relative
                members.append(member)
        archive.extractall(part, members=members, filter="data")
        count = len(members)
    if count == 0:
        raise SystemExit(f"{package.folder}: no file matched `include`")
    shutil.rmtree(destination, ignore_errors=True)
    part.rename(destination)
    return count


def fetch(force: bool = False, root: Path | None = None) -> Path:
    """The extracted corpus folder, fetching and extracting what is missing."""
    root = root or recall_root()
    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for package in load_corpus():
        target = corpus / package.folder
        if target.exists() and not force:
            continue
        data = _archive(package, root / "downloads")
        count = extract(package, data, target)
        print(f"  {package.folder}: {count} files", file=sys.stderr)
    return corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--force", action="store_true", help="extract every package again")
    args = parser.parse_args(argv)
    print(fetch(force=args.force))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

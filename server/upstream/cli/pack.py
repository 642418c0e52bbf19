"""``upstream pack ...``: build and index packs (maintainers); add, pin and update them (users).

    pack build DIR            run the pack's tests, write NAME-VERSION.tar.gz, print its sha256
                              (--wheel: a PyPI wheel, --npm: an npm tarball, instead)
    pack index ARCHIVE... -o  add archives to a static index.json (optionally signed)
    pack add SPEC...          install from an index, an archive URL or path; lock it
    pack remove NAME...       drop packs from upstream.lock
    pack list                 the locked packs and whether they are in the cache
    pack update [NAME...]     move locked packs to the newest version their request allows
    pack outdated             locked packs with newer versions (exit 1 if any)
    pack verify               check cached packs against the lock, fetching missing ones
    pack new NAME             scaffold a pack whose example rule and tests pass
    pack lint DIR             review a pack's rules (one line per problem; exit 1 if any)
    pack seed SOURCE -o DIR   draft a pack from a library's own deprecation metadata

Exit codes as elsewhere: 0 fine, 1 failed pack tests / outdated packs, 2 usage, config or
pack error (bad archive, hash or signature mismatch, network failure).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from upstream.authoring.commands import add_authoring_parsers, run_lint, run_new, run_seed
from upstream.cli.exit_codes import EXIT_CLEAN as EXIT_OK
from upstream.cli.exit_codes import EXIT_ERROR
from upstream.cli.exit_codes import EXIT_FINDINGS as EXIT_FAILED
from upstream.errors import PackError, UpstreamError, UsageError
from upstream.files import write_atomically
from upstream.packs import load_pack, load_rule_set
from upstream.packs.archive import BuiltArchive, archive_name, build_archive, sha256_file
from upstream.packs.distribution import (
    BuiltDistribution,
    build_npm_package,
    build_wheel,
    wheel_version,
)
from upstream.packs.index import (
    PackIndex,
    add_to_index,
    dump_index,
    parse_index,
    parse_spec,
    read_archive_pack,
    select_version,
    upgrade_hint,
)
from upstream.packs.lockfile import Lock, LockedPack, lock_path_for, read_lock, write_lock
from upstream.packs.packtest import run_pack_tests
from upstream.packs.semver import semver_key
from upstream.packs.store import PackStore
from upstream.packs.urls import is_url
from upstream.project.config import find_config, load_config
from upstream.workspace import PackRequest, resolve_workspace
from upstream.workspace.library_packs import pack_identity

if TYPE_CHECKING:
    from upstream.packs.install import Installer

INDEX_ENV = "UPSTREAM_INDEX"
_PACK_REQUEST = re.compile(r"^(?P<name>[a-z0-9][a-z0-9._-]*)(?:@(?P<spec>.+))?$")


def add_parser(subparsers: Any) -> None:
    """Register ``upstream pack`` and its subcommands on the CLI's subparsers."""
    pack = subparsers.add_parser("pack", help="build, publish, install and pin rule packs")
    commands = pack.add_subparsers(dest="pack_command", metavar="PACK_COMMAND", required=True)

    build = commands.add_parser("build", help="test a pack and write its reproducible archive")
    build.add_argument("folder", type=Path, metavar="DIR", help="the pack folder")
    build.add_argument(
        "-o", "--output", type=Path, default=Path("dist"), metavar="DIR", help="(default dist)"
    )
    kind = build.add_mutually_exclusive_group()
    kind.add_argument(
        "--wheel",
        dest="kind",
        action="store_const",
        const="wheel",
        default="archive",
        help="write a Python wheel NAME-upstream-rules instead of the archive (for PyPI)",
    )
    kind.add_argument(
        "--npm",
        dest="kind",
        action="store_const",
        const="npm",
        help="write an npm package tarball NAME-upstream-rules instead (for npm publish)",
    )

    index = commands.add_parser("index", help="add archives to an index.json")
    index.add_argument("archives", nargs="+", type=Path, metavar="ARCHIVE")
    index.add_argument("-o", "--output", type=Path, required=True, metavar="INDEX")
    index.add_argument(
        "--base-url", help="URL the archives will be served from (default: relative URLs)"
    )
    index.add_argument("--sign-key", type=Path, metavar="PEM", help="ed25519 key to sign with")

    add = commands.add_parser("add", help="install packs and record them in upstream.lock")
    add.add_argument("packs", nargs="+", metavar="NAME[@SPEC]|URL|PATH")
    add.add_argument("--index", metavar="URL", help=f"pack index (default ${INDEX_ENV})")
    add.add_argument("--sha256", metavar="HEX", help="expected sha256 of an archive URL/PATH")
    _add_config_option(add)

    remove = commands.add_parser("remove", help="drop packs from upstream.lock")
    remove.add_argument("names", nargs="+", metavar="NAME")
    _add_config_option(remove)

    listing = commands.add_parser("list", help="list the locked packs")
    _add_config_option(listing)

    update = commands.add_parser("update", help="update locked packs from their index")
    update.add_argument("names", nargs="*", metavar="NAME", help="(default: all)")
    _add_config_option(update)

    outdated = commands.add_parser("outdated", help="show locked packs with newer versions")
    _add_config_option(outdated)

    verify = commands.add_parser("verify", help="check the cache against upstream.lock")
    verify.add_argument("--offline", action="store_true", help="never fetch a missing pack")
    _add_config_option(verify)

    add_authoring_parsers(commands)


def _add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, help="pyproject.toml or upstream.toml (the lock goes beside it)"
    )


def run(args: argparse.Namespace) -> int:
    """Run ``upstream pack <command>``; errors reach the caller as UpstreamError."""
    handlers = {
        "build": _build,
        "index": _index,
        "add": _add,
        "remove": _remove,
        "list": _list,
        "update": _update,
        "outdated": _outdated,
        "verify": _verify,
        "new": run_new,
        "lint": run_lint,
        "seed": run_seed,
    }
    try:
        return handlers[args.pack_command](args)
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        print(f"upstream: error: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_ERROR


def _say(message: str) -> None:
    print(f"upstream: {message}", file=sys.stderr)


# ------------------------------------------------------------------------ maintainers


def _build(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    kind: str = args.kind
    load_pack(folder)
    loaded = load_rule_set([folder])
    if loaded.problems:
        raise PackError(list(loaded.problems))
    pack = loaded.rule_set.packs[0]
    if kind == "wheel":
        wheel_version(pack.manifest.version)  # an unmappable version fails before the tests
    result = run_pack_tests(pack, loaded.rule_set)
    for failure in result.failures:
        print(failure, file=sys.stderr)
    counts = f"{len(pack.rules)} rules, {result.files} files, {result.cases} cases"
    if not result.passed:
        written = {"archive": "archive", "wheel": "wheel", "npm": "npm package"}[kind]
        _say(f"{pack.name}: {counts}: tests FAILED; no {written} written")
        return EXIT_FAILED
    _say(f"{pack.name}: {counts}: tests ok")
    built: BuiltArchive | BuiltDistribution
    if kind == "wheel":
        built = build_wheel(folder, pack.manifest, args.output)
    elif kind == "npm":
        built = build_npm_package(folder, pack.manifest, args.output)
    else:
        built = build_archive(folder, args.output / archive_name(pack.name, pack.manifest.version))
    print(f"{built.sha256}  {built.path}")
    return EXIT_OK


def _index(args: argparse.Namespace) -> int:
    from upstream.packs.signing import load_private_key, public_key_text, sign

    output: Path = args.output
    index = parse_index(output.read_bytes(), str(output)) if output.exists() else PackIndex()
    key = load_private_key(args.sign_key) if args.sign_key else None
    if key is not None:
        public_key = public_key_text(key)
        if index.public_key not in (None, public_key):
            raise UsageError(f"{output}: signed with another key than {args.sign_key}")
        index = index.model_copy(update={"public_key": public_key})
    elif index.public_key is not None:
        raise UsageError(f"{output}: the index is signed: pass --sign-key with its key")
    for archive in args.archives:
        pack = read_archive_pack(archive)
        data = archive.read_bytes()
        built = BuiltArchive(archive, sha256_file(archive), len(data))
        url = _archive_url(archive, output, args.base_url)
        signature = sign(key, data) if key is not None else None
        index = add_to_index(index, pack, built, url, signature)
        print(f"{output}: {pack.name} {pack.manifest.version} -> {url} (sha256 {built.sha256})")
    unsigned = [
        f"{name} {version.version}"
        for name, entry in index.packs.items()
        for version in entry.versions
        if index.public_key and not version.signature
    ]
    if unsigned:
        raise UsageError(
            f"{output}: signed index, but {', '.join(unsigned)} unsigned: pass their archives too"
        )
    write_atomically(output, dump_index(index), mode=0o644)
    return EXIT_OK


def _archive_url(archive: Path, index_file: Path, base_url: str | None) -> str:
    if base_url:
        return f"{base_url.rstrip('/')}/{archive.name}"
    try:
        return archive.resolve().relative_to(index_file.resolve().parent).as_posix()
    except ValueError:
        raise UsageError(
            f"{archive}: not under the index's folder {index_file.parent}: pass --base-url"
        ) from None


# ------------------------------------------------------------------------------ users


def _project_lock(args: argparse.Namespace) -> Lock:
    config_file = args.config or find_config(Path.cwd())
    return read_lock(lock_path_for(load_config(config_file), Path.cwd()))


def _installer(lock: Lock) -> Installer:
    # Imported here: httpx and cryptography cost `upstream check` nothing unless needed.
    from upstream.packs.install import Installer

    return Installer(PackStore(), lock.path.parent, log=_say)


def _index_url(text: str) -> str:
    # A local index file is read through a file:// URL, like any other.
    return text if is_url(text) else Path(text).resolve().as_uri()


def _add(args: argparse.Namespace) -> int:
    if args.sha256 and len(args.packs) > 1:
        raise UsageError("--sha256 goes with a single archive URL or path")
    lock = _project_lock(args)
    updated = lock
    installer = _installer(lock)
    try:
        for request in args.packs:
            if is_url(request) or _looks_like_path(request):
                installed = installer.from_archive(request, args.sha256)
            else:
                match = _PACK_REQUEST.match(request)
                if match is None:
                    raise UsageError(f"{request!r}: expected NAME, NAME@SPEC, a URL or a path")
                name, spec = match["name"], match["spec"]
                index = _chosen_index(args.index, lock.get(name), name)
                installed = installer.from_index(index, name, spec, lock.get(name))
            locked = installed.locked
            previous = lock.get(locked.name)
            how = "downloaded" if installed.downloaded else "from the cache"
            if previous is not None and previous.sha256 == locked.sha256:
                _say(f"{locked.name} {locked.version} is already locked")
            else:
                _say(f"added {locked.name} {locked.version} ({how}, sha256 {locked.sha256[:12]})")
            updated = updated.with_pack(locked)
    finally:
        installer.close()
    if write_lock(updated):
        _say(f"wrote {updated.path}")
    return EXIT_OK


def _looks_like_path(text: str) -> bool:
    return text.endswith((".tar.gz", ".tgz")) or "/" in text or os.sep in text


def _chosen_index(option: str | None, previous: LockedPack | None, name: str) -> str:
    if option:
        return _index_url(option)
    environment = os.environ.get(INDEX_ENV)
    if environment:
        return _index_url(environment)
    if previous is not None and previous.index:
        return previous.index
    raise UsageError(f"{name}: which index? pass --index URL (or set {INDEX_ENV})")


def _remove(args: argparse.Namespace) -> int:
    lock = _project_lock(args)
    for name in args.names:
        if lock.get(name) is None:
            raise UsageError(f"{name}: not in {lock.path}")
        lock = lock.without(name)
    write_lock(lock)
    _say(f"removed {', '.join(args.names)} from {lock.path}")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    """The locked packs (version, hash, cached or not, source), then every other active pack
    with where it came from."""
    lock = _project_lock(args)
    store = PackStore()
    for locked in lock.packs:
        state = "cached" if store.has(locked.sha256) else "missing"
        print(
            f"{locked.name} {locked.version}  sha256:{locked.sha256[:12]}  {state}  {locked.source}"
        )
    workspace = resolve_workspace(Path.cwd(), PackRequest(offline=True), config_file=args.config)
    for source in workspace.packs.sources:
        if source.origin != "lock":
            name, version = pack_identity(source.path)
            where = source.detail or source.origin
            print(f"{name or '?'} {version or '?'}  {where}  {source.path}")
    for note in workspace.packs.notes:
        _say(note)
    if not lock.packs:
        _say(f"no packs locked in {lock.path}; add one with `upstream pack add`")
    return EXIT_OK


def _update(args: argparse.Namespace) -> int:
    lock = _project_lock(args)
    targets = _targets(lock, args.names)
    updated = lock
    indexes: dict[str, PackIndex] = {}
    installer = _installer(lock)
    try:
        for locked in targets:
            if locked.index is None:
                _say(f"{locked.name}: added from {locked.source}, not an index; not updated")
                continue
            if locked.index not in indexes:
                indexes[locked.index] = installer.fetch_index(locked.index)
            installed = installer.from_index(
                locked.index, locked.name, locked.requested, locked, indexes[locked.index]
            )
            new = installed.locked
            if new.sha256 == locked.sha256:
                _say(f"{locked.name} {locked.version} is up to date")
                continue
            _say(f"updated {locked.name} {locked.version} -> {new.version}")
            updated = updated.with_pack(new)
    finally:
        installer.close()
    write_lock(updated)
    return EXIT_OK


def _targets(lock: Lock, names: list[str]) -> list[LockedPack]:
    if not names:
        return list(lock.packs)
    unknown = [name for name in names if lock.get(name) is None]
    if unknown:
        raise UsageError(f"{unknown[0]}: not in {lock.path}")
    return [pack for pack in lock.packs if pack.name in names]


def _outdated(args: argparse.Namespace) -> int:
    lock = _project_lock(args)
    indexes: dict[str, PackIndex] = {}
    installer = _installer(lock)
    rows: list[tuple[str, str, str, str]] = []
    try:
        for locked in lock.packs:
            if locked.index is None:
                continue
            if locked.index not in indexes:
                indexes[locked.index] = installer.fetch_index(locked.index)
            index = indexes[locked.index]
            entry = index.packs.get(locked.name)
            if entry is None or not entry.versions:
                _say(f"{locked.name}: no longer in {locked.index}")
                continue
            latest = max(entry.versions, key=lambda v: semver_key(v.version))
            try:
                _, wanted = select_version(
                    index, locked.name, parse_spec(locked.requested), locked.index
                )
                wanted_version = wanted.version
            except PackError:
                wanted_version = "-"
            latest_text = latest.version
            if not latest.engine_ok():
                latest_text += f" ({upgrade_hint(latest.upstream).split(':')[0]})"
            if latest.version != locked.version or wanted_version != locked.version:
                rows.append((locked.name, locked.version, wanted_version, latest_text))
    finally:
        installer.close()
    if not rows:
        _say("all locked packs are up to date")
        return EXIT_OK
    table = [("pack", "locked", "wanted", "latest"), *rows]
    widths = [max(len(row[column]) for row in table) for column in range(4)]
    for row in table:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    return EXIT_FAILED


def _verify(args: argparse.Namespace) -> int:
    store = PackStore()
    for folder in store.remove_stale_work():
        _say(f"removed {folder.name}, left by a download that did not finish")
    lock = _project_lock(args)
    if not lock.packs:
        _say(f"no packs locked in {lock.path}")
        return EXIT_OK
    installer = _installer(lock)
    failed = False
    try:
        for locked in lock.packs:
            problems: list[str] = []
            if not store.has(locked.sha256):
                if args.offline:
                    problems.append("not in the cache (and --offline)")
                else:
                    problems.extend(_restore(installer, locked))
            if not problems:
                problems = store.verify(locked.sha256)
            if not problems:
                manifest = load_pack(store.pack_dir(locked.sha256)).manifest
                if (manifest.name, manifest.version) != (locked.name, locked.version):
                    problems.append(f"the cache holds {manifest.name} {manifest.version}")
            if problems:
                failed = True
                for problem in problems:
                    print(f"{locked.name} {locked.version}: {problem}", file=sys.stderr)
            else:
                print(f"{locked.name} {locked.version}: ok (sha256 {locked.sha256[:12]})")
    finally:
        installer.close()
    return EXIT_ERROR if failed else EXIT_OK


def _restore(installer: Installer, locked: LockedPack) -> list[str]:
    """Fetch a locked pack missing from the cache; the problems if that fails."""
    try:
        installer.restore(locked)
    except PackError as error:
        return [str(problem) for problem in error.problems]
    except UpstreamError as error:
        return [str(error)]
    return []

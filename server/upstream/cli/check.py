"""``upstream check [PATH...]``: walk, check, fix and report."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import difflib
import os
import sys
from collections.abc import Callable
from pathlib import Path

from upstream.cli.exit_codes import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from upstream.cli.options import Subcommands, add_pack_options, load_rules, resolve, split_values
from upstream.engine import (
    CheckOptions,
    Finding,
    apply_edits,
    chosen_edits,
    language_for_path,
)
from upstream.engine.embedded import breaks_blocks, document_kind
from upstream.engine.notebook import fix_notebook
from upstream.errors import UsageError
from upstream.files import write_atomically
from upstream.packs import LoadedRules
from upstream.report import (
    FORMATS,
    format_github,
    format_gitlab,
    format_json,
    format_junit,
    format_sarif,
    format_text,
)
from upstream.scan import (
    DEFAULT_MAX_FILE_BYTES,
    Failed,
    ResultCache,
    ScanSetup,
    Skipped,
    available_cores,
    check_files,
    check_source,
    iter_source_files,
    read_source,
)
from upstream.workspace import CheckSettings


def add_parser(commands: Subcommands) -> None:
    check = commands.add_parser("check", help="check files and folders")
    check.add_argument(
        "paths", nargs="*", type=Path, default=[], help="files or folders (default .)"
    )
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("-o", "--output", type=Path, help="write the report to a file")
    add_pack_options(check)
    check.add_argument(
        "--select", action="append", metavar="RULE", help="only these rules or packs"
    )
    check.add_argument(
        "--ignore", action="append", metavar="RULE", help="skip these rules or packs"
    )
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    check.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix/--diff, unsafe fixes too"
    )
    check.add_argument("--diff", action="store_true", help="print fixes as a diff; change nothing")
    check.add_argument("--config", type=Path, help="pyproject.toml or upstream.toml to use")
    check.add_argument(
        "--unknown-version",
        choices=("apply", "skip"),
        help="rules whose library version is unknown: apply them (default) or skip them",
    )
    check.add_argument(
        "--profile",
        choices=("default", "agent"),
        help="agent: rules about removed or deprecated APIs report errors (default: the "
        "config's `profile`)",
    )
    check.add_argument(
        "--max-file-size",
        type=int,
        default=DEFAULT_MAX_FILE_BYTES,
        metavar="BYTES",
        help=f"skip larger files (default {DEFAULT_MAX_FILE_BYTES})",
    )
    check.add_argument(
        "--offline", action="store_true", help="never fetch locked packs missing from the cache"
    )
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="don't read or write the result cache (default: $UPSTREAM_CACHE_DIR or user cache)",
    )
    check.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="check files on N processes (default: all cores; 1: in this process only)",
    )


def run(args: argparse.Namespace) -> int:
    paths: list[Path] = args.paths or [Path(".")]
    for path in paths:
        _require(path)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    requested = CheckSettings(
        select=tuple(split_values(args.select)),
        ignore=tuple(split_values(args.ignore)),
        unknown_version=args.unknown_version,
        profile=args.profile,
        max_bytes=args.max_file_size,
    )
    start = _config_start(paths)
    workspace = resolve(args, start, requested, args.config)
    loaded = load_rules(workspace)
    config = workspace.config
    setup = ScanSetup(workspace.packs.paths, workspace.settings, workspace.project_root)
    options = setup.options()
    findings: list[Finding] = []
    failed = False
    project = config.root if config.source else start
    cache = None if args.no_cache else ResultCache.open(project, loaded.rule_set, options)
    files = iter_source_files(paths, config.exclude, config.root, on_error=_report_skipped)
    jobs = args.jobs or available_cores()
    # closing: an error or Ctrl-C here ends any worker processes at once.
    with contextlib.closing(
        check_files(files, setup, loaded.rule_set, options, cache, jobs)
    ) as results:
        for file, result in results:
            if (args.fix or args.diff) and isinstance(result, list):
                result = _fixed(file, result, args, loaded, options)
            if isinstance(result, Skipped):
                _report_skipped(result)
            elif isinstance(result, Failed):
                print(f"upstream: error: {result}", file=sys.stderr)
                failed = True
            else:
                findings.extend(result)
    if cache is not None:
        cache.save()
        if os.environ.get("UPSTREAM_CACHE_STATS"):
            print(f"upstream: {cache.stats}", file=sys.stderr)
    _write_report(args, findings, loaded)
    if loaded.problems or failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if findings else EXIT_CLEAN


def _require(path: Path) -> None:
    """A path named on the command line must exist; one that can't be read is reported
    when it is read, as any other file (and does not stop the others being checked)."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise UsageError(f"{path}: no such file or folder") from None
    except OSError:
        pass


def _config_start(paths: list[Path]) -> Path:
    """Where the project's config is looked for: the first path named that can be read.
    (Looking inside a folder that can't be listed would fail; that folder is reported when
    it is walked.)"""
    for path in paths:
        try:
            if os.path.isdir(path):
                with os.scandir(path):
                    pass
            else:
                os.stat(path)
        except OSError:
            continue
        return path
    return Path(".")


def _report_skipped(skipped: Skipped) -> None:
    print(f"upstream: {skipped}", file=sys.stderr)


def _fixed(
    file: Path,
    findings: list[Finding],
    args: argparse.Namespace,
    loaded: LoadedRules,
    options: CheckOptions,
) -> list[Finding] | Failed | Skipped:
    """``_fix_file``; a bug it runs into fails this file only."""
    try:
        return _fix_file(file, findings, args, loaded, options)
    except Exception as error:
        return Failed.from_exception(file, error)


def _fix_file(
    file: Path,
    findings: list[Finding],
    args: argparse.Namespace,
    loaded: LoadedRules,
    options: CheckOptions,
) -> list[Finding]:
    """Apply (or with --diff, show) the file's fixes; return what remains to report."""
    edits = chosen_edits(findings, unsafe=args.unsafe_fixes)
    if not edits:
        return findings
    spec = language_for_path(file)
    kind = document_kind(file)
    source = read_source(file, args.max_file_size)
    if (spec is None and kind is None) or isinstance(source, Skipped):
        return findings
    if kind == "notebook":
        outcome = fix_notebook(source, findings, unsafe=args.unsafe_fixes)
    else:
        outcome = apply_edits(source, edits, spec)
    if (
        kind in ("markdown", "rst")
        and not outcome.refused
        and breaks_blocks(source, outcome.source, kind)
    ):
        outcome = dataclasses.replace(
            outcome, source=source, refused="a fixed code block would not parse"
        )
    if outcome.refused:
        return _not_fixed(file, findings, outcome.refused)
    if args.diff:
        sys.stdout.write(_diff(file, source, outcome.source))
        return findings
    # Through a symlink to the file it names: replacing the link would leave that unfixed.
    target = Path(os.path.realpath(file))
    if not _writable(target):
        return _not_fixed(file, findings, "read-only")
    try:
        write_atomically(target, outcome.source, durable=True)
    except OSError as error:
        return _not_fixed(file, findings, f"cannot write: {error.strerror or error}")
    return check_source(file, outcome.source, loaded.rule_set, options)


def _not_fixed(file: Path, findings: list[Finding], reason: str) -> list[Finding]:
    print(f"upstream: {file}: fixes not applied: {reason}", file=sys.stderr)
    return findings


def _writable(path: Path) -> bool:
    # write_atomically's rename needs only the folder's permission, and access() lets root
    # write any file: so the mode bits decide too (0444 is read-only, even to root).
    try:
        mode = path.stat().st_mode
    except OSError:
        return True  # writing will say what is wrong
    return bool(mode & 0o222) and os.access(path, os.W_OK)


def _diff(file: Path, before: bytes, after: bytes) -> str:
    try:
        name = file.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        name = file.resolve().as_posix().lstrip("/")
    return "".join(
        difflib.unified_diff(
            before.decode("utf-8").splitlines(keepends=True),
            after.decode("utf-8").splitlines(keepends=True),
            f"a/{name}",
            f"b/{name}",
        )
    )


# The formats CI systems read, each from the findings and the folder paths are relative to.
CI_FORMATS: dict[str, Callable[[list[Finding], Path], str]] = {
    "github": format_github,
    "gitlab": format_gitlab,
    "junit": format_junit,
}


def _write_report(args: argparse.Namespace, findings: list[Finding], loaded: LoadedRules) -> None:
    if args.format == "json":
        report = format_json(findings)
    elif args.format == "sarif":
        report = format_sarif(findings, loaded.rule_set.packs, Path.cwd())
    elif args.format in CI_FORMATS:
        report = CI_FORMATS[args.format](findings, Path.cwd())
    else:
        report = format_text(findings)
        if not args.diff:
            report += _summary(findings, args)
    if args.output is not None:
        try:
            args.output.write_text(report, encoding="utf-8")
        except OSError as error:
            raise UsageError(f"{args.output}: cannot write: {error.strerror or error}") from None
    else:
        sys.stdout.write(report)


def _summary(findings: list[Finding], args: argparse.Namespace) -> str:
    if not findings:
        return "All clear: no findings.\n"
    safe = sum(1 for f in findings if f.fix is not None and f.fix.safe)
    unsafe = sum(1 for f in findings if f.fix is not None and not f.fix.safe)
    noun = "finding" if len(findings) == 1 else "findings"
    line = f"Found {len(findings)} {noun}."
    if safe and not args.fix:
        line += f" {safe} fixable with --fix."
    if unsafe and not args.unsafe_fixes:
        line += f" {unsafe} more with --fix --unsafe-fixes."
    return line + "\n"

"""The ``upstream`` command line: check, test, rules, lsp.

Exit codes: 0 clean, 1 findings (or failed pack tests), 2 usage, configuration or pack error
(or an internal error checking some file).
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from upstream import __version__
from upstream.cache import ResultCache
from upstream.checking import DEFAULT_MAX_FILE_BYTES, Failed, Skipped, read_source
from upstream.engine.document import Document
from upstream.engine.fixes import apply_edits, chosen_edits
from upstream.engine.runner import CheckOptions, check_document
from upstream.errors import UpstreamError, UsageError
from upstream.languages import language_for_path
from upstream.model import Finding, Rule
from upstream.pack_commands import add_pack_parser, run_pack_command
from upstream.packs import LoadedRules, bundled_pack_paths, load_rule_set
from upstream.packs.locked import locked_pack_paths
from upstream.packtest import run_pack_tests
from upstream.project.config import ProjectConfig, find_config, load_config
from upstream.report import FORMATS, format_json, format_sarif, format_text
from upstream.report.markdown import format_packs
from upstream.scan import ScanSetup, available_cores, check_files
from upstream.walk import iter_source_files

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values: list[str] | None) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="upstream",
        description="Check code against library maintainers' rule packs.",
    )
    parser.add_argument("--version", action="version", version=f"upstream {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="check files and folders")
    check.add_argument(
        "paths", nargs="*", type=Path, default=[], help="files or folders (default .)"
    )
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("-o", "--output", type=Path, help="write the report to a file")
    _add_pack_options(check)
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

    test = commands.add_parser("test", help="run packs' annotated tests")
    test.add_argument("packs", nargs="*", type=Path, help="pack folders (default: bundled packs)")

    lsp = commands.add_parser("lsp", help="run the language server (stdio by default)")
    lsp.add_argument("--tcp", metavar="HOST:PORT", help="serve over TCP instead (debugging)")
    # Editors' LSP clients pass --stdio; it is the default anyway.
    lsp.add_argument("--stdio", action="store_true", help=argparse.SUPPRESS)

    rules = commands.add_parser("rules", help="list rules, or explain one")
    rules.add_argument("explain", nargs="*", help="`explain RULE_ID` prints one rule")
    rules.add_argument(
        "--format", choices=("text", "markdown"), default="text", help="markdown: docs/packs.md"
    )
    _add_pack_options(rules)
    add_pack_parser(commands)
    _add_agent_parsers(commands)
    return parser


def _add_pack_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pack",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="also load the pack in DIR (repeatable)",
    )
    parser.add_argument("--no-bundled", action="store_true", help="don't load the bundled packs")


def _add_agent_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    # eval, export and mcp import their heavy dependencies only when they run.
    from upstream.evaluation.command import add_eval_parser
    from upstream.export import add_export_parser
    from upstream.mcp_server import add_mcp_parser

    add_eval_parser(commands)
    add_export_parser(commands)
    add_mcp_parser(commands)


def _run_agent_command(args: argparse.Namespace) -> int:
    if args.command == "eval":
        from upstream.evaluation.command import run_eval

        return run_eval(args)
    if args.command == "export":
        from upstream.export import run_export

        return run_export(args)
    from upstream.mcp_server import run_mcp

    return run_mcp(args)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "test":
            return _test(args)
        if args.command == "pack":
            return run_pack_command(args)
        if args.command in ("eval", "export", "mcp"):
            return _run_agent_command(args)
        if args.command == "lsp":
            return _lsp(args)
        return _rules(args)
    except UpstreamError as error:
        print(f"upstream: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _load_packs(args: argparse.Namespace, config: ProjectConfig) -> tuple[list[Path], LoadedRules]:
    """The packs' paths (for worker processes to load the same) and the rules loaded."""
    paths: list[Path] = []
    # Packs pinned in upstream.lock; a locked pack replaces the bundled one of its name.
    start = args.paths[0] if getattr(args, "paths", None) else None
    locked = locked_pack_paths(config, start, offline=getattr(args, "offline", False))
    if not args.no_bundled:
        bundled = bundled_pack_paths()
        if config.packs is not None:
            available = {path.name: path for path in bundled}
            unknown = [name for name in config.packs if name not in available]
            if unknown:
                raise UsageError(
                    f"{config.source}: packs: no bundled pack {unknown[0]!r} "
                    f"(bundled: {', '.join(sorted(available))})"
                )
            bundled = [available[name] for name in config.packs]
        paths.extend(path for path in bundled if path.name not in locked.paths)
    paths.extend(config.pack_path_list())
    paths.extend(args.pack)
    paths.extend(locked.paths.values())
    loaded = load_rule_set(paths)
    loaded = LoadedRules(loaded.rule_set, (*locked.problems, *loaded.problems))
    for problem in loaded.problems:
        print(f"upstream: pack skipped: {problem}", file=sys.stderr)
    return paths, loaded


def _check(args: argparse.Namespace) -> int:
    paths: list[Path] = args.paths or [Path(".")]
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    config_file = args.config or find_config(paths[0])
    config = load_config(config_file)
    pack_paths, loaded = _load_packs(args, config)
    setup = ScanSetup(
        pack_paths=tuple(pack_paths),
        config=config,
        select=tuple(_split(args.select)),
        ignore=tuple(_split(args.ignore)),
        unknown_version=args.unknown_version,
        max_bytes=args.max_file_size,
    )
    options = setup.options()
    findings: list[Finding] = []
    failed = False
    project = config.root if config.source else paths[0]
    cache = None if args.no_cache else ResultCache.open(project, loaded.rule_set, options)
    files = iter_source_files(paths, config.exclude, config.root)
    jobs = args.jobs or available_cores()
    # closing: an error or Ctrl-C here ends any worker processes at once.
    with contextlib.closing(
        check_files(files, setup, loaded.rule_set, options, cache, jobs)
    ) as results:
        for file, result in results:
            if isinstance(result, Skipped):
                print(f"upstream: {result}", file=sys.stderr)
                continue
            if isinstance(result, Failed):
                print(f"upstream: error: {result}", file=sys.stderr)
                failed = True
                continue
            if args.fix or args.diff:
                result = _fix_file(file, result, args, loaded, options)
            findings.extend(result)
    if cache is not None:
        cache.save()
        if os.environ.get("UPSTREAM_CACHE_STATS"):
            print(f"upstream: {cache.stats}", file=sys.stderr)
    _write_report(args, findings, loaded)
    if loaded.problems or failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if findings else EXIT_CLEAN


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
    source = read_source(file, args.max_file_size)
    if spec is None or isinstance(source, Skipped):
        return findings
    outcome = apply_edits(source, edits, spec)
    if outcome.refused:
        print(f"upstream: {file}: fixes not applied: {outcome.refused}", file=sys.stderr)
        return findings
    if args.diff:
        sys.stdout.write(_diff(file, source, outcome.source))
        return findings
    _write_atomically(file, outcome.source)
    rules = loaded.rule_set.for_language(spec.name)
    if rules is None:
        return []
    return check_document(Document(str(file), outcome.source, spec), rules, options)


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


def _write_atomically(file: Path, data: bytes) -> None:
    # A crash mid-write must never leave a half-written source file.
    mode = file.stat().st_mode
    handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_report(args: argparse.Namespace, findings: list[Finding], loaded: LoadedRules) -> None:
    if args.format == "json":
        report = format_json(findings)
    elif args.format == "sarif":
        report = format_sarif(findings, loaded.rule_set.packs, Path.cwd())
    else:
        report = format_text(findings)
        if not args.diff:
            report += _summary(findings, args)
    if args.output is not None:
        args.output.write_text(report, encoding="utf-8")
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


def _test(args: argparse.Namespace) -> int:
    paths = args.packs or bundled_pack_paths()
    if not paths:
        raise UsageError("no packs to test")
    loaded = load_rule_set(paths)
    for problem in loaded.problems:
        print(problem, file=sys.stderr)
    failed = bool(loaded.problems)
    for pack in loaded.rule_set.packs:
        result = run_pack_tests(pack, loaded.rule_set)
        for failure in result.failures:
            print(failure)
        status = "ok" if result.passed else f"FAILED ({len(result.failures)} problems)"
        counts = f"{len(pack.rules)} rules, {result.files} files, {result.cases} cases"
        print(f"{pack.name}: {counts}: {status}")
        failed = failed or not result.passed
    if loaded.problems:
        return EXIT_ERROR
    return EXIT_FINDINGS if failed else EXIT_CLEAN


def _lsp(args: argparse.Namespace) -> int:
    from upstream.lsp import start

    if args.tcp is not None and ":" not in args.tcp:
        raise UsageError(f"--tcp takes HOST:PORT, not {args.tcp!r}")
    start(args.tcp)
    return EXIT_CLEAN


def _rules(args: argparse.Namespace) -> int:
    config = ProjectConfig()
    _, loaded = _load_packs(args, config)
    if args.explain:
        if args.explain[0] != "explain" or len(args.explain) != 2:
            raise UsageError("usage: upstream rules [explain RULE_ID]")
        return _explain(loaded, args.explain[1])
    if args.format == "markdown":
        sys.stdout.write(format_packs(loaded.rule_set.packs))
        return EXIT_ERROR if loaded.problems else EXIT_CLEAN
    for pack in loaded.rule_set.packs:
        print(
            f"{pack.name} {pack.manifest.version}: {pack.manifest.title} ({len(pack.rules)} rules)"
        )
        for rule in pack.rules:
            languages = ",".join(rule.languages)
            fix = " fix" if rule.has_fix else ""
            print(f"  {pack.full_id(rule):<48} {rule.severity:<8} {languages}{fix}")
    total = sum(len(pack.rules) for pack in loaded.rule_set.packs)
    print(f"{total} rules in {len(loaded.rule_set.packs)} packs")
    return EXIT_ERROR if loaded.problems else EXIT_CLEAN


def _describe_fix(rule: Rule) -> str:
    fixes = [(lang, rule.fix_for(lang)) for lang in rule.languages]
    present = [(lang, fix) for lang, fix in fixes if fix is not None]
    if not present:
        return "no"
    unsafe = any(not fix.safe for _, fix in present)
    described = "yes (unsafe: applied only with --unsafe-fixes)" if unsafe else "yes"
    if len(present) < len(fixes):
        described += f" for {', '.join(lang for lang, _ in present)}"
    return described


def _explain(loaded: LoadedRules, rule_id: str) -> int:
    matches = [
        (pack, rule)
        for full, (pack, rule) in loaded.rule_set.rules.items()
        if full == rule_id or full.split("/", 1)[1] == rule_id
    ]
    if not matches:
        raise UsageError(f"no rule {rule_id!r} (see `upstream rules`)")
    if len(matches) > 1:
        names = ", ".join(pack.full_id(rule) for pack, rule in matches)
        raise UsageError(f"{rule_id!r} is ambiguous: {names}")
    pack, rule = matches[0]
    print(f"{pack.full_id(rule)}: {rule.title}")
    print(f"  severity:  {rule.severity}")
    print(f"  languages: {', '.join(rule.languages)}")
    print(f"  docs:      {rule.docs}")
    if rule.requires:
        print(f"  requires:  {rule.requires}")
    if rule.tags:
        print(f"  tags:      {', '.join(rule.tags)}")
    print(f"  fix:       {_describe_fix(rule)}")
    print(f"  message:   {rule.message}")
    if rule.explanation:
        print()
        print(rule.explanation.rstrip())
    return EXIT_CLEAN

"""``upstream test [PACK...]``: run packs' annotated tests."""

from __future__ import annotations

import argparse
import sys

from upstream.cli.exit_codes import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from upstream.cli.options import Subcommands
from upstream.errors import UsageError
from upstream.packs import bundled_pack_paths, load_rule_set
from upstream.packs.packtest import run_pack_tests
from upstream.workspace import named_pack_folders


def add_parser(commands: Subcommands) -> None:
    test = commands.add_parser("test", help="run packs' annotated tests")
    test.add_argument(
        "packs",
        nargs="*",
        metavar="NAME|DIR",
        help="bundled pack names or pack folders (default: every bundled pack)",
    )


def run(args: argparse.Namespace) -> int:
    paths = named_pack_folders(args.packs) if args.packs else bundled_pack_paths()
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

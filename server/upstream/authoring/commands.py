"""The ``pack new | lint | seed`` subcommands: argument parsing and output only."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from upstream.authoring.scaffold import SCAFFOLD_LANGUAGES, scaffold_pack

EXIT_OK, EXIT_FAILED = 0, 1


def add_authoring_parsers(commands: Any) -> None:
    """Register ``new``, ``lint`` and ``seed`` on ``upstream pack``'s subparsers."""
    new = commands.add_parser("new", help="scaffold a pack: pack.yaml, an example rule, tests")
    new.add_argument("name", metavar="NAME", help="the pack's name (usually the library's)")
    new.add_argument(
        "--language",
        action="append",
        choices=SCAFFOLD_LANGUAGES,
        default=[],
        metavar="L",
        help=f"a language the pack covers, repeatable: {', '.join(SCAFFOLD_LANGUAGES)}"
        " (default python)",
    )
    new.add_argument("-o", "--output", type=Path, metavar="DIR", help="(default ./NAME)")

    lint = commands.add_parser("lint", help="review a pack's rules; exit 1 on any problem")
    lint.add_argument("folder", type=Path, metavar="DIR", help="the pack folder")

    seed = commands.add_parser(
        "seed", help="draft a pack from a library's deprecation warnings and notes"
    )
    source = seed.add_mutually_exclusive_group(required=True)
    source.add_argument("--pypi", metavar="NAME==VERSION", help="a PyPI release (its sdist)")
    source.add_argument("--npm", metavar="NAME@VERSION", help="an npm release (its .d.ts files)")
    source.add_argument("--path", type=Path, metavar="DIR", help="a local source tree or wheel")
    seed.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    seed.add_argument("--name", help="the pack's name (default: the library's)")
    seed.add_argument(
        "--language",
        choices=("python", "javascript", "typescript"),
        help="with --path: the source's language (default: guessed from its files)",
    )
    seed.add_argument(
        "--changelog",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="a changelog or release-notes file to read too, repeatable (the source's own "
        "CHANGELOG*, CHANGES*, HISTORY*, NEWS* and doc/ release notes are always read)",
    )


def run_new(args: argparse.Namespace) -> int:
    folder: Path = args.output or Path(args.name)
    files = scaffold_pack(args.name, args.language, folder)
    for file in files:
        print(file)
    print(
        f"upstream: created pack {args.name} in {folder}; next: `upstream test {folder}` "
        f"and `upstream pack lint {folder}`",
        file=sys.stderr,
    )
    return EXIT_OK


def run_lint(args: argparse.Namespace) -> int:
    from upstream.authoring.lint import lint_pack

    problems = lint_pack(args.folder)
    for problem in problems:
        print(problem)
    if problems:
        print(f"upstream: {len(problems)} problem(s) in {args.folder}", file=sys.stderr)
        return EXIT_FAILED
    print(f"upstream: {args.folder}: no problems", file=sys.stderr)
    return EXIT_OK


def run_seed(args: argparse.Namespace) -> int:
    from upstream.authoring.seed import seed_pack

    report = seed_pack(
        pypi=args.pypi,
        npm=args.npm,
        path=args.path,
        output=args.output,
        name=args.name,
        language=args.language,
        changelogs=args.changelog,
    )
    for line in report.summary_lines():
        print(line)
    return EXIT_OK

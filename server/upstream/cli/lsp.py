"""``upstream lsp``: the language server, over stdio (or TCP to debug)."""

from __future__ import annotations

import argparse

from upstream.cli.exit_codes import EXIT_CLEAN
from upstream.cli.options import Subcommands
from upstream.errors import UsageError


def add_parser(commands: Subcommands) -> None:
    lsp = commands.add_parser("lsp", help="run the language server (stdio by default)")
    lsp.add_argument("--tcp", metavar="HOST:PORT", help="serve over TCP instead (debugging)")
    # Editors' LSP clients pass --stdio; it is the default anyway.
    lsp.add_argument("--stdio", action="store_true", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    if args.tcp is not None and ":" not in args.tcp:
        raise UsageError(f"--tcp takes HOST:PORT, not {args.tcp!r}")
    from upstream.lsp import start  # pygls loads only for this command

    start(args.tcp)
    return EXIT_CLEAN

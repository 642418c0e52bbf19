"""The ``upstream`` command line: one module per command, each with ``add_parser`` and ``run``.

Exit codes (``exit_codes``): 0 clean, 1 findings (or failed pack tests), 2 usage,
configuration or pack error, or an internal error (checking some file, or anywhere else:
one line, no traceback), 130 interrupted.
Which packs and options apply is the workspace resolver's answer (``options.resolve``).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from upstream import __version__
from upstream.cli.exit_codes import EXIT_ERROR, EXIT_INTERRUPTED
from upstream.errors import UpstreamError

# Command name -> its module under upstream.cli. Each module imports its heavy dependencies
# (pygls, the MCP SDK, matplotlib) only when it runs.
COMMANDS = ("check", "lsp", "test", "rules", "versions", "pack", "eval", "export", "mcp", "hook")


def _module(command: str) -> object:
    return importlib.import_module(f"upstream.cli.{command}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="upstream",
        description="Check code against library maintainers' rule packs.",
    )
    parser.add_argument("--version", action="version", version=f"upstream {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        _module(command).add_parser(commands)  # type: ignore[attr-defined]
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        code: int = _module(args.command).run(args)  # type: ignore[attr-defined]
        return code
    except UpstreamError as error:
        print(f"upstream: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as error:
        # A bug in upstream: one line, and never exit 1, which would read as findings.
        from upstream.scan.checking import describe_error

        print(f"upstream: error: internal error: {describe_error(error)}", file=sys.stderr)
        return EXIT_ERROR

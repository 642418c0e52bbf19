"""``upstream mcp``: the Model Context Protocol server for coding agents, over stdio."""

from __future__ import annotations

import argparse
from pathlib import Path

from upstream.cli.exit_codes import EXIT_CLEAN
from upstream.cli.options import Subcommands, add_pack_options, load_rules, resolve
from upstream.extras import require


def add_parser(commands: Subcommands) -> None:
    parser = commands.add_parser("mcp", help="run the MCP server for coding agents (stdio)")
    add_pack_options(parser)


def run(args: argparse.Namespace) -> int:
    require("mcp", "upstream mcp", "mcp")
    from upstream.agents.mcp import serve

    workspace = resolve(args, Path.cwd())
    serve(load_rules(workspace).rule_set, workspace.settings.max_bytes)
    return EXIT_CLEAN

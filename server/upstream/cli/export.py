"""``upstream export PACK...``: packs as guidance files for assistants, or preference pairs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from upstream.agents.export import (
    DEFAULT_BUDGETS,
    DEFAULT_PATHS,
    FORMATS,
    export_guidance,
    preference_pairs,
)
from upstream.cli.exit_codes import EXIT_CLEAN
from upstream.cli.options import Subcommands, load_rules, resolve
from upstream.errors import UsageError
from upstream.packs import load_rule_set
from upstream.workspace import named_pack_folders


def add_parser(commands: Subcommands) -> None:
    parser = commands.add_parser("export", help="packs as guidance for AI assistants, or DPO pairs")
    parser.add_argument(
        "packs",
        nargs="*",
        metavar="NAME|DIR",
        help="export only these: bundled pack names or pack folders (default: every pack "
        "that applies under --root)",
    )
    parser.add_argument("--format", choices=FORMATS, required=True)
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help="file to write or update (cursor-rules, copilot-path-instructions: a folder; "
        "agent-skill: the skill's folder, whose name is the skill's); default: the "
        "assistant's own file under --root; preference-jsonl: stdout",
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="project root (default .)")
    defaults = ", ".join(f"{fmt} {size}" for fmt, size in DEFAULT_BUDGETS.items())
    parser.add_argument(
        "--budget",
        type=_budget,
        metavar="CHARS",
        help="the most characters the guidance may take in each file written, 0 for no "
        f"limit; over it, examples then the least severe rules are left out (default: "
        f"{defaults})",
    )


def _budget(value: str) -> int:
    try:
        budget = int(value)
    except ValueError:
        budget = -1
    if budget < 0:
        raise argparse.ArgumentTypeError(f"not a number of characters: {value!r}")
    return budget


def run(args: argparse.Namespace) -> int:
    if args.packs:
        loaded = load_rule_set(named_pack_folders(args.packs))
        for problem in loaded.problems:
            print(f"upstream: pack skipped: {problem}", file=sys.stderr)
    else:
        loaded = load_rules(resolve(args, args.root, packs=()))
    packs = loaded.rule_set.packs
    if not packs:
        raise UsageError("no pack loaded")
    if args.format == "preference-jsonl":
        if args.budget is not None:
            raise UsageError("--budget is for the guidance formats, not preference-jsonl")
        lines = [
            pair.to_json() + "\n"
            for pack in packs
            for pair in preference_pairs(pack, loaded.rule_set)
        ]
        if args.output is None or str(args.output) == "-":
            sys.stdout.writelines(lines)
        else:
            args.output.write_text("".join(lines), encoding="utf-8")
        return EXIT_CLEAN
    target = args.output or args.root / DEFAULT_PATHS[args.format]
    for path in export_guidance(packs, args.format, target, loaded.rule_set, args.budget):
        print(f"upstream: wrote {path}", file=sys.stderr)
    return EXIT_CLEAN

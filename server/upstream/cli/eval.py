"""``upstream eval DATA``: score model completions against the packs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from upstream.agents.evaluation import (
    format_csv,
    format_html,
    format_json,
    format_text,
    pack_chart_png,
    read_samples,
    run_dask,
    run_local,
    summarise,
    terminal_progress,
)
from upstream.cli.exit_codes import EXIT_CLEAN
from upstream.cli.options import Subcommands, add_pack_options, load_rules, resolve
from upstream.errors import UsageError
from upstream.extras import require


def add_parser(commands: Subcommands) -> None:
    parser = commands.add_parser(
        "eval", help="score model completions (JSONL or a folder per model) against the packs"
    )
    parser.add_argument("data", type=Path, help="JSONL of {model, code, ...} or a folder per model")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="JSON instead of the table")
    output.add_argument("--csv", action="store_true", help="CSV (one row per model) instead")
    parser.add_argument("-o", "--output", type=Path, help="write the table/JSON/CSV to a file")
    parser.add_argument(
        "--html", type=Path, metavar="REPORT.html", help="also write an HTML report"
    )
    parser.add_argument(
        "--charts", type=Path, metavar="DIR", help="also write a PNG chart per pack"
    )
    add_pack_options(parser)
    parser.add_argument(
        "-j", "--jobs", type=int, metavar="N", help="worker processes (default: all cores)"
    )
    parser.add_argument("--dask", metavar="ADDRESS", help="run on this Dask scheduler instead")


def run(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.html or args.charts:
        require("matplotlib", "upstream eval --html/--charts", "eval")
    if args.dask:
        require("distributed", "upstream eval --dask", "eval")
    workspace = resolve(args, Path.cwd())
    loaded = load_rules(workspace)
    samples = read_samples(args.data)
    packs_used = tuple(str(path.resolve()) for path in workspace.packs.paths)
    progress = terminal_progress()
    if args.dask:
        results = run_dask(samples, packs_used, args.dask, progress)
    else:
        results = run_local(samples, packs_used, args.jobs, progress)
    report = summarise(results, [pack.name for pack in loaded.rule_set.packs])
    text = (
        format_json(report)
        if args.json
        else format_csv(report)
        if args.csv
        else format_text(report)
    )
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if args.html:
        args.html.write_text(format_html(report), encoding="utf-8")
    if args.charts:
        args.charts.mkdir(parents=True, exist_ok=True)
        for pack in report.packs:
            if any(m.by_pack.get(pack) for m in report.models):
                (args.charts / f"{pack}.png").write_bytes(pack_chart_png(report, pack))
    return EXIT_CLEAN

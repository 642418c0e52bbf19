"""``upstream eval DATA``: score model completions against the packs.

Two verbs share the command: ``upstream eval run SUITE...`` (ask models, write
completions.jsonl) and ``upstream eval pairs COMPLETIONS`` (preference pairs). They are
chosen when the first argument after ``eval`` names one; a completions file literally named
``run`` or ``pairs`` is passed as ``./run``.
"""

from __future__ import annotations

import argparse
import os
import sys
import urllib.parse
from pathlib import Path

from upstream.agents.evaluation import (
    format_csv,
    format_json,
    format_runs_csv,
    format_runs_json,
    format_runs_text,
    format_text,
    pack_chart_png,
    read_samples,
    run_dask,
    run_labels,
    run_local,
    terminal_progress,
)
from upstream.agents.evaluation.answers_cache import AnswerCache
from upstream.agents.evaluation.asking import make_client
from upstream.agents.evaluation.card import format_card, make_runs
from upstream.agents.evaluation.collecting import collect, plan, terminal, write_jsonl
from upstream.agents.evaluation.pairs import FORMATS, make_pairs, read_completions
from upstream.agents.evaluation.suites import resolve_suites
from upstream.cli.exit_codes import EXIT_CLEAN, EXIT_FINDINGS
from upstream.cli.options import Subcommands, add_pack_options, load_rules, resolve
from upstream.errors import UsageError
from upstream.extras import require
from upstream.files import write_atomically


class _EvalParser(argparse.ArgumentParser):
    """``upstream eval DATA``, or one of the verbs when the first argument names it.

    argparse has no optional sub-command beside a positional, so the choice is made here,
    where the ``eval`` sub-parser is handed its arguments.
    """

    verbs: dict[str, argparse.ArgumentParser]

    def parse_known_args(  # type: ignore[override]
        self, args: list[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if args and args[0] in self.verbs:
            return self.verbs[args[0]].parse_known_args(args[1:], namespace)
        return super().parse_known_args(args, namespace)


SNIPPET_HELP = (
    "snippet mode: completions that use np., pd., tf., torch., F., plt., sns. ... without "
    "importing them are checked as if they imported them"
)


def add_parser(commands: Subcommands) -> None:
    parser = commands.add_parser(
        "eval",
        help="score model completions against the packs; `eval run` asks models, "
        "`eval pairs` makes preference pairs",
        epilog="verbs: `upstream eval run --help`, `upstream eval pairs --help`; "
        "a completions file named run or pairs: pass it as ./run",
    )
    # The sub-parser argparse made, given the verb dispatch (it holds no other state).
    parser.__class__ = _EvalParser
    assert isinstance(parser, _EvalParser)
    parser.verbs = {"run": _run_parser(parser.prog), "pairs": _pairs_parser(parser.prog)}
    parser.add_argument(
        "data",
        type=Path,
        nargs="+",
        metavar="DATA",
        help="a run: JSONL of {model, code, ...}, a folder holding completions.jsonl, or a "
        "folder per model; several runs, oldest first, for a trend",
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="JSON instead of the table")
    output.add_argument("--csv", action="store_true", help="CSV (a row per model and run)")
    parser.add_argument("-o", "--output", type=Path, help="write the table/JSON/CSV to a file")
    parser.add_argument(
        "--html", type=Path, metavar="CARD.html", help="also write the report card (one page)"
    )
    parser.add_argument(
        "--charts", type=Path, metavar="DIR", help="also write a PNG chart per pack (last run)"
    )
    add_pack_options(parser)
    parser.add_argument(
        "-j", "--jobs", type=int, metavar="N", help="worker processes (default: all cores)"
    )
    parser.add_argument("--dask", metavar="ADDRESS", help="run on this Dask scheduler instead")
    parser.add_argument("--snippet", action="store_true", help=SNIPPET_HELP)


def _run_parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{prog} run",
        description="Send every prompt of the suites to every model (an OpenAI-compatible "
        "chat-completions endpoint) and write DIR/completions.jsonl for `upstream eval`.",
    )
    parser.set_defaults(eval_verb="run")
    parser.add_argument(
        "suites",
        nargs="+",
        metavar="SUITE",
        help="a suite YAML file, a pack folder or a bundled pack name",
    )
    parser.add_argument(
        "--model", action="append", required=True, metavar="NAME", help="repeatable"
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="the endpoint (default: the SDK's, OPENAI_BASE_URL or OpenAI)",
    )
    parser.add_argument(
        "--api-key-env",
        default="OPENAI_API_KEY",
        metavar="VAR",
        help="environment variable holding the key (default OPENAI_API_KEY); unset for a "
        "localhost --base-url, a dummy key is sent (local servers take any)",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    parser.add_argument(
        "--cache", type=Path, metavar="DIR", help="answer cache (default DIR/cache)"
    )
    parser.add_argument(
        "--samples", type=int, default=1, metavar="N", help="answers per prompt (default 1)"
    )
    parser.add_argument("--temperature", type=float, metavar="T", help="default: the model's")
    parser.add_argument(
        "--system-from",
        type=Path,
        metavar="PATH",
        help="send this file's text (e.g. `upstream export --format agents-md`) as the system "
        "prompt, before each prompt's own; answers are cached apart from those without it",
    )
    parser.add_argument(
        "--concurrency", type=int, default=4, metavar="N", help="requests in flight (default 4)"
    )
    parser.add_argument(
        "--timeout", type=float, default=120.0, metavar="S", help="per request (default 120)"
    )
    parser.add_argument(
        "--retries",
        type=int,
        default=4,
        metavar="N",
        help="more tries on 429/5xx/timeouts (default 4)",
    )
    return parser


def _pairs_parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{prog} pairs",
        description="Preference pairs from the answers with findings: rejected is the model's "
        "code, chosen the code with the packs' safe fixes applied (kept only when it then "
        "checks clean).",
    )
    parser.set_defaults(eval_verb="pairs")
    parser.add_argument(
        "completions",
        type=Path,
        metavar="COMPLETIONS",
        help="a completions.jsonl, or the `eval run` folder holding one",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="PAIRS.jsonl")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="chat",
        help="chat: OpenAI preference fine-tuning (DPO) JSONL; plain: prompt, chosen, rejected",
    )
    parser.add_argument("--snippet", action="store_true", help=SNIPPET_HELP)
    add_pack_options(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    verb = getattr(args, "eval_verb", None)
    if verb == "run":
        return _run_models(args)
    if verb == "pairs":
        return _pairs(args)
    return _score(args)


def _run_models(args: argparse.Namespace) -> int:
    for option in ("samples", "concurrency"):
        if getattr(args, option) < 1:
            raise UsageError(f"--{option} must be at least 1")
    if args.retries < 0:
        raise UsageError("--retries must be at least 0")
    if args.timeout <= 0:
        raise UsageError("--timeout must be more than 0 seconds")
    require("openai", "upstream eval run", "eval")
    suites = resolve_suites(args.suites)
    guidance = _read_guidance(args.system_from) if args.system_from else None
    api_key = _api_key(args.api_key_env, args.base_url)
    client = make_client(args.base_url, api_key, args.timeout)
    jobs = plan(suites, list(dict.fromkeys(args.model)), args.samples, guidance)
    cache = AnswerCache(args.cache or args.output / "cache")
    # Before the first request: answers are paid for, and must have somewhere to go.
    for folder in (args.output, cache.root):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UsageError(f"{folder}: cannot create the folder: {error}") from None
    outcome = collect(
        jobs, client, cache, args.temperature, min(args.concurrency, 64), args.retries, terminal()
    )
    write_jsonl(args.output / "completions.jsonl", outcome.records)
    write_jsonl(args.output / "errors.jsonl", outcome.errors)
    for failure in outcome.errors:
        where = f" {failure['id']}" if failure["id"] else ""
        print(f"upstream: eval run: {failure['model']}{where}: {failure['error']}", file=sys.stderr)
    print(
        f"upstream: eval run: {len(outcome.records)}/{len(jobs)} answers "
        f"({outcome.asked} asked, {outcome.cached} from the cache), "
        f"{len(outcome.errors)} errors; wrote {args.output / 'completions.jsonl'}",
        file=sys.stderr,
    )
    # A model that answered nothing (a bad key, a wrong name) must not pass for a clean run.
    return EXIT_FINDINGS if outcome.failed_models else EXIT_CLEAN


def _read_guidance(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"--system-from {path}: cannot read: {error}") from None
    if not text.strip():
        raise UsageError(f"--system-from {path}: the file is empty")
    return text


def _api_key(variable: str, base_url: str | None) -> str:
    key = os.environ.get(variable)
    if key:
        return key
    host = urllib.parse.urlsplit(base_url or "").hostname
    if host in ("localhost", "127.0.0.1", "::1"):
        return "unused"  # Ollama, vLLM, llama.cpp and LM Studio take any key
    raise UsageError(
        f"set {variable} to the endpoint's API key (or name another with --api-key-env)"
    )


def _pairs(args: argparse.Namespace) -> int:
    completions = read_completions(args.completions)
    loaded = load_rules(resolve(args, Path.cwd()))
    if not loaded.rule_set.rules:
        # Else every answer would read as clean and the file would be silently empty.
        raise UsageError("eval pairs: no rules loaded (--no-bundled also drops --pack NAME)")
    outcome = make_pairs(completions, loaded.rule_set, snippet=args.snippet)
    write_atomically(args.output, "".join(p.to_json(args.format) + "\n" for p in outcome.pairs))
    print(
        f"upstream: eval pairs: {outcome.with_findings} answers with findings, "
        f"{len(outcome.pairs)} pairs, "
        f"{outcome.no_complete_fix} with no complete fix; wrote {args.output}",
        file=sys.stderr,
    )
    return EXIT_CLEAN


def _score(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.html or args.charts:
        require("matplotlib", "upstream eval --html/--charts", "eval")
    if args.dask:
        require("distributed", "upstream eval --dask", "eval")
    workspace = resolve(args, Path.cwd())
    loaded = load_rules(workspace)
    # Every run is read before any is checked, so a bad path fails at once.
    per_run = [read_samples(data) for data in args.data]
    samples = [sample for run in per_run for sample in run]
    packs_used = tuple(str(path.resolve()) for path in workspace.packs.paths)
    progress = terminal_progress()
    if args.dask:
        results = run_dask(samples, packs_used, args.dask, progress, snippet=args.snippet)
    else:
        results = run_local(samples, packs_used, args.jobs, progress, snippet=args.snippet)
    packs = [pack.name for pack in loaded.rule_set.packs]
    runs = make_runs(run_labels(args.data), per_run, results, packs)
    report, single = runs[-1].report, len(runs) == 1
    labelled = [(run.label, run.report) for run in runs]
    if args.json:
        text = format_json(report) if single else format_runs_json(labelled)
    elif args.csv:
        text = format_csv(report) if single else format_runs_csv(labelled)
    else:
        text = format_text(report) if single else format_runs_text(labelled)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if args.html:
        args.html.write_text(format_card(runs), encoding="utf-8")
    if args.charts:
        args.charts.mkdir(parents=True, exist_ok=True)
        for pack in report.packs:
            if any(m.by_pack.get(pack) for m in report.models):
                (args.charts / f"{pack}.png").write_bytes(pack_chart_png(report, pack))
    return EXIT_CLEAN

"""``upstream hook claude-code|cursor``: an agent harness's hook, reading its event on stdin
(see upstream.agents.hooks for what each harness is told)."""

from __future__ import annotations

import argparse
import sys

from upstream.cli.exit_codes import EXIT_FINDINGS
from upstream.cli.options import Subcommands
from upstream.errors import UsageError
from upstream.packs.store import default_cache_root


def add_parser(commands: Subcommands) -> None:
    hook = commands.add_parser(
        "hook", help="check the file an agent just wrote (a Claude Code or Cursor hook)"
    )
    hook.add_argument("harness", choices=("claude-code", "cursor"))
    hook.add_argument(
        "--json",
        action="store_true",
        help='claude-code: answer {"decision": "block", "reason": ...} on stdout, exit 0, '
        "instead of the findings on stderr and exit 2",
    )


def run(args: argparse.Namespace) -> int:
    from upstream.agents import hooks

    try:
        payload = hooks.read_payload(sys.stdin.buffer.read())
        if args.harness == "claude-code":
            answer = hooks.claude_code(payload, as_json=args.json)
        else:
            answer = hooks.cursor(payload, default_cache_root() / "hooks")
    except UsageError as error:
        return _not_a_verdict(str(error))
    except Exception as error:  # a bug in upstream must not read as findings to the model
        from upstream.scan.checking import describe_error

        return _not_a_verdict(f"internal error: {describe_error(error)}")
    sys.stdout.write(answer.stdout)
    sys.stderr.write(answer.stderr)
    return answer.code


def _not_a_verdict(message: str) -> int:
    # Exit 1: Claude Code shows it to the user, not the model, and both harnesses go on;
    # exit 2 would hand the model upstream's trouble as if it were about the code.
    print(f"upstream: error: {message}", file=sys.stderr)
    return EXIT_FINDINGS

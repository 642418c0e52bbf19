"""Do upstream, ast-grep and Semgrep report the same findings with the benchmark rules?

    python bench/agreement.py                      # the benchmark pack's own tests
    python bench/agreement.py --megabytes 1        # a slice of the pinned corpus (as run.py)
    python bench/agreement.py --corpus DIR --json out.json

Runs each tool once (one process, no cache) with bench/rules/ and prints the counts and
every (file, line, rule) that only one side reports, as Markdown. On the pack's tests the
peers should differ only where NOTES.md says they can't express the rule.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402  (bench/ is not a package)


def scan(corpus: Path, out: Path, peers: set[str]) -> dict[str, Any]:
    """The -j1 runs `run.agreement` reads, without the timing runs around them."""
    commands: dict[str, list[str]] = {
        "upstream -j1": [
            sys.executable,
            "-m",
            "upstream",
            "check",
            "--format",
            "json",
            "--no-bundled",
            "--pack",
            str(run.RULES / "upstream"),
            "--no-cache",
            "--jobs",
            "1",
            ".",
        ]
    }
    sg = run._tool("ast-grep") if "ast-grep" in peers else None
    if sg:
        config = str(run.RULES / "ast-grep" / "sgconfig.yml")
        commands["ast-grep -j1"] = [sg, "scan", "-c", config, "--json=stream", "-j", "1", "."]
    semgrep = run._tool("semgrep") if "semgrep" in peers else None
    if semgrep:
        commands["semgrep -j1"] = [
            semgrep,
            "scan",
            "--config",
            str(run.RULES / "semgrep"),
            "--json",
            "--metrics",
            "off",
            "--disable-version-check",
            "--quiet",
            "-j",
            "1",
            ".",
        ]
    results: dict[str, Any] = {}
    for name, command in commands.items():
        output = out / (name.replace(" ", "_") + ".out")
        with open(output, "wb") as stdout:
            done = subprocess.run(command, cwd=corpus, stdout=stdout, stderr=subprocess.PIPE)
        # upstream and ast-grep exit 1 when they find something; 2+ is a failure.
        if done.returncode > 1:
            raise SystemExit(f"{name} failed: {done.stderr.decode(errors='replace')[-2000:]}")
        results[name] = {"output": str(output)}
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--corpus", type=Path, help="scan this folder")
    where.add_argument("--megabytes", type=float, help="a slice of the pinned corpus")
    parser.add_argument("--peers", default="ast-grep,semgrep")
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args(argv)

    peers = {name.strip() for name in args.peers.split(",") if name.strip()}
    with tempfile.TemporaryDirectory(prefix="upstream-agreement-") as temporary:
        scratch = Path(temporary)
        if args.corpus is not None:
            corpus = args.corpus.resolve()
        elif args.megabytes is not None:
            root = run.cache_root()
            corpus = run.corpus_slice(run.fetch_corpus(root), root, args.megabytes)
        else:
            # A copy: in the repository Semgrep skips any `tests/` folder.
            corpus = scratch / "corpus"
            shutil.copytree(run.RULES / "upstream" / "tests", corpus)
            (corpus / ".semgrepignore").write_text("")
        outputs = scratch / "outputs"
        outputs.mkdir()
        report = run.agreement(scan(corpus, outputs, peers))
    report["corpus"] = str(args.corpus or args.megabytes or "bench/rules/upstream/tests")
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=1) + "\n")
    print(run.agreement_markdown(report), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Hostile code against the engine (issue 21): `$$$` runs that would backtrack over a long
call, a rule that runs out of matching steps, calls nested 50,000 deep, attribute chains
longer than Python's recursion limit, half a megabyte of calls, and a language server that
must keep answering while it checks such a file.

The command line runs in a subprocess with a timeout, so a regression fails instead of
hanging the suite; the language server runs as a real process over stdio.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import write_pack
from lsp_support import server_session, wait_for_diagnostics
from lsprotocol import types
from upstream.authoring.lint import lint_pack
from upstream.engine.runner import MAX_DEPTH, MAX_STEPS, NESTED_TOO_DEEPLY

TIMEOUT = 30  # seconds: each run takes a few; a hang or a blow-up fails instead
QUICK = 10  # for runs that take well under one second
OUT_OF_STEPS = f"stopped matching this rule in this file after {MAX_STEPS:,} steps"
TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep"
FINDING = re.compile(r"^.*?:(?P<line>\d+):\d+: (?P<rule>\S+) (?P<message>.*)$")


def rules(*entries: tuple[str, str, str]) -> str:
    """Rules ``(id, languages, match block)`` as a rule file."""
    text = "rules:\n"
    for rule_id, languages, match in entries:
        text += (
            f"  - id: {rule_id}\n    title: A rule\n    languages: {languages}\n"
            "    message: found it\n    docs: https://example.org/docs\n"
            + textwrap.indent(textwrap.dedent(match).strip("\n"), "    ")
            + "\n"
        )
    return text


def check(
    tmp_path: Path,
    rule_file: str,
    name: str,
    source: str,
    bundled: bool = False,
    timeout: float = TIMEOUT,
) -> subprocess.CompletedProcess[str]:
    """``upstream check`` of one file with a pack (and the bundled ones, if asked), in a
    subprocess bounded in time."""
    pack = write_pack(tmp_path / "packs", rule_file)
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    command = [sys.executable, "-m", "upstream", "check", "--pack", str(pack), "--no-cache"]
    return subprocess.run(
        [*command, *([] if bundled else ["--no-bundled"]), "-j", "1", str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1"},
    )


def reported(result: subprocess.CompletedProcess[str]) -> list[tuple[int, str, str]]:
    """(line, rule, message) of each finding in the text report, in its order."""
    found = []
    for line in result.stdout.splitlines():
        match = FINDING.match(line)
        if match is not None:
            found.append((int(match["line"]), match["rule"], match["message"]))
    return found


# 3. `$$$` runs that backtrack


RUNS = rules(("runs", "[python, javascript]", "match:\n  pattern: f($$$A, x, $$$B, y, $$$C, z)"))


@pytest.mark.parametrize(("name", "end"), [("long.py", ""), ("long.js", ";")])
def test_runs_against_a_call_of_two_thousand_arguments_do_not_backtrack(
    tmp_path: Path, name: str, end: str
) -> None:
    # Every `x` before every `y`, and the last argument is not `z`: plain backtracking tries
    # each pair of places (and tree-sitter, given all three as siblings, each triple).
    hostile = "f(" + ", ".join(["x"] * 1000 + ["y"] * 1000 + ["z", "w"]) + ")" + end
    result = check(tmp_path, RUNS, name, f"{hostile}\nf(x, 1, y, 2, z){end}\n")
    assert reported(result) == [(2, "t/runs", "found it [https://example.org/docs]")]


def test_five_runs_against_sixty_arguments(tmp_path: Path) -> None:
    # The last argument is not `end`: backtracking tried every four places of 60 (17 s).
    five = "f($$$A, $X, $$$B, $Y, $$$C, $Z, $$$D, $W, $$$E, end)"
    rule_file = rules(("five", "[python]", f"match:\n  pattern: {five}"))
    hostile = "f(end, " + ", ".join(f"a{i}" for i in range(59)) + ")"
    source = f"{hostile}\nf(a, b, c, d, end)\n"
    result = check(tmp_path, rule_file, "five.py", source, timeout=QUICK)
    assert [line for line, _, _ in reported(result)] == [2]


# 3. A rule out of steps warns once; the other rules still report


def test_a_rule_out_of_steps_warns_once_and_the_other_rules_still_report(tmp_path: Path) -> None:
    # Three `$X` that must be equal, among 2,000 different arguments: each choice of the
    # first pairs with each place of the second, 4 million steps.
    rule_file = rules(
        ("costly", "[python]", "match:\n  pattern: f($$$A, $X, $$$B, $X, $$$C, $X)"),
        ("eval", "[python]", "match:\n  pattern: eval($X)"),
    )
    hostile = "f(" + ", ".join(f"a{i}" for i in range(2000)) + ")"
    result = check(tmp_path, rule_file, "steps.py", f"eval(x)\n{hostile}\nf(q, q, q)\neval(y)\n")
    found = reported(result)
    assert [(line, rule) for line, rule, _ in found] == [
        (1, "t/eval"),
        (2, "t/costly"),
        (4, "t/eval"),
    ]
    assert OUT_OF_STEPS in found[1][2]
    assert result.returncode == 1 and result.stderr == ""


def test_pack_lint_warns_about_patterns_that_backtrack(tmp_path: Path) -> None:
    pack = write_pack(
        tmp_path / "packs",
        rules(
            ("runs", "[python]", "match:\n  pattern: f($$$A, x, $$$B, y, $$$C)"),
            ("keys", "[python]", "match:\n  pattern: f($K=$V, $L=$W)"),
            ("fine", "[python]", "match:\n  pattern: f($$$A, x, $$$B, k=$V)"),
        ),
    )
    costly = [problem.split(": ", 1)[1] for problem in lint_pack(pack) if "costly" in problem]
    assert [message.split(":")[0] for message in costly] == ["rule runs", "rule keys"]
    assert "3 `$$$` runs in one argument_list" in costly[0]
    assert "2 entries with a metavariable key" in costly[1]


# 4. Deep nesting


@pytest.mark.parametrize("depth", [5_000, 50_000])
def test_deeply_nested_calls_are_checked_down_to_the_depth_limit(
    tmp_path: Path, depth: int
) -> None:
    # With the bundled packs' 270 query patterns, each open at every level: 5,000 levels
    # took 20-30 s, and past 32,767 (65,535 tree levels) tree-sitter's walk never ended.
    rule_file = rules(("eval", "[python]", "match:\n  pattern: eval($X)"))
    nested = "f(" * depth + "eval(deep)" + ")" * depth
    source = f"eval(x)\n{nested}\nf(f(eval(y)))\n"
    result = check(tmp_path, rule_file, "deep.py", source, bundled=True)
    found = reported(result)
    # Above the limit the finding on line 2 stays; below it one warning says what was not
    # searched (not one a rule: a few hundred apply).
    assert [(line, rule) for line, rule, _ in found] == [
        (1, "t/eval"),
        (2, NESTED_TOO_DEEPLY),
        (3, "t/eval"),
    ]
    assert TOO_DEEP in found[1][2]
    assert result.returncode == 1 and result.stderr == ""


@pytest.mark.parametrize("links", [5_000, 50_000])
def test_an_attribute_chain_longer_than_the_recursion_limit(tmp_path: Path, links: int) -> None:
    # Every `.path` is a candidate of `os.path`, and each is the head of a chain `links` long.
    rule_file = rules(("chain", "[python]", "match:\n  pattern: os.path"))
    source = "import os\nos.path\nx" + ".path" * links + "\n"
    result = check(tmp_path, rule_file, "chain.py", source)
    found = reported(result)
    assert found[0][:2] == (2, "t/chain") and found[0][2].startswith("found it")
    # What the chain costs is said, not crashed on: no internal error, exit 1.
    assert all(line == 3 for line, _, _ in found[1:])
    assert [rule for _, rule, _ in found[1:]].count(NESTED_TOO_DEEPLY) == 1
    assert any(TOO_DEEP in message for _, _, message in found[1:])
    assert result.returncode == 1 and result.stderr == ""


# 6. Memory

MEMORY_PROBE = """
import resource, sys
from pathlib import Path
from upstream.engine import LANGUAGES, check
from upstream.packs import load_rule_set

rule_set = load_rule_set([Path(sys.argv[1])]).rule_set
python = LANGUAGES["python"]
check("x = 1\\n", python, rule_set)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
check("obj.method(a, y=b)\\n" * 27_000, python, rule_set)
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in kilobytes on Linux")
def test_half_a_megabyte_of_calls_is_checked_in_bounded_memory(tmp_path: Path) -> None:
    # Twelve patterns that each match every line: 330,000 matches, whose capture dicts were
    # all kept before matching: 265 MB more than an empty check, of which the tree is 45.
    shapes = [
        "obj.method($A, y=$B)",
        "obj.method($A, $$$)",
        "$O.method(a, $$$)",
        "$O.method($$$, y=b)",
        "$F(a, y=b)",
        "obj.$M(a, y=b)",
        "$O.$M(a, y=$B)",
        "$O.method(a, y=b)",
        "obj.method(a, y=$B)",
        "obj.method($$$A)",
        "$O.method($A, y=b)",
        "obj.$M($$$)",
    ]
    entries = [
        (f"r{i}", "[python]", f'match:\n  pattern: "{s}"\n  regex: never')
        for i, s in enumerate(shapes)
    ]
    pack = write_pack(tmp_path / "packs", rules(*entries))
    result = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE, str(pack)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) < 160, f"{result.stdout.strip()} MB more for 0.5 MB of calls"


# 4. The language server keeps answering while it checks such a file


async def test_the_server_answers_about_other_files_while_it_checks_a_deep_one(
    tmp_path: Path,
) -> None:
    # 5,000 nested calls (15 KB) held the GIL in the query walk for 16 s: nothing else ran.
    deep, other = tmp_path / "deep.py", tmp_path / "other.py"
    nested = "f(" * 5_000 + "x" + ")" * 5_000 + "\n"
    bad = (
        'import openai\n\nreply = openai.ChatCompletion.create(model="gpt-4o-mini", messages=[])\n'
    )
    async with server_session(tmp_path) as client:
        for path, text in ((deep, nested), (other, bad)):
            client.text_document_did_open(
                types.DidOpenTextDocumentParams(
                    text_document=types.TextDocumentItem(path.as_uri(), "python", 1, text)
                )
            )
        started = time.monotonic()
        await wait_for_diagnostics(client, other.as_uri(), lambda found: len(found) > 0, 10)
        hover = await asyncio.wait_for(
            client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri=other.as_uri()),
                    position=types.Position(line=2, character=10),
                )
            ),
            10,
        )
        assert hover is not None and time.monotonic() - started < 10
        warnings = await wait_for_diagnostics(client, deep.as_uri(), lambda found: len(found) > 0)
        assert [d.code for d in warnings] == [NESTED_TOO_DEEPLY]
        assert TOO_DEEP in warnings[0].message and warnings[0].code_description is None

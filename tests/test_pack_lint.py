"""`upstream pack lint`: one file:line per problem, exit 1 when any; bundled packs honest."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import REPO, run_cli

GOOD = """\
  - id: good
    title: "`old` was removed"
    languages: [python]
    message: "`lib.old` was removed in lib 2.0; call `lib.new` instead"
    docs: https://lib.example.org/migration
    tags: [deprecated]
    requires: { pypi: "lib>=2.0" }
    imports: [lib]
    match:
      pattern: lib.old($$$)
"""


def _pack(root: Path, rules: str, tests: str) -> Path:
    (root / "tests").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: lib\nversion: 0.1.0\ntitle: Lib\n", "utf-8")
    (root / "rules.yaml").write_text("rules:\n" + textwrap.dedent(rules), "utf-8")
    (root / "tests" / "cases.py").write_text(textwrap.dedent(tests), "utf-8")
    return root


def test_a_clean_pack_passes(tmp_path: Path) -> None:
    pack = _pack(
        tmp_path / "lib",
        GOOD.replace("example.org", "readthedocs.io"),
        "import lib\n# expect: good\nlib.old()\n# ok: good\nlib.new()\n",
    )
    result = run_cli("pack", "lint", str(pack))
    assert (result.returncode, result.stdout) == (0, ""), result.stdout


def test_every_problem_is_one_line_with_file_and_line(tmp_path: Path) -> None:
    rules = GOOD + textwrap.indent(
        textwrap.dedent(
            """\
            - id: good
              title: duplicate
              languages: [python]
              message: "`lib.dup` is deprecated"
              docs: http://lib.readthedocs.io/
              imports: [lib]
              match:
                pattern: lib.dup($$$)
            - id: untested
              title: Untested
              languages: [python]
              message: "%s; use `b`"
              docs: https://lib.readthedocs.io/
              match:
                pattern: lib.untested()
            - id: greedy
              title: Old API removed
              languages: [python]
              message: "`lib.greedy` was removed in 2.0; use `lib.careful`"
              docs: https://lib.readthedocs.io/
              tags: [deprecated]
              requires: { pypi: "lib>=2.0" }
              imports: [lib]
              match:
                pattern: lib.$F($$$)
            """
        )
        % ("x" * 300),
        "  ",
    )
    tests = """\
        import lib
        # expect: good, greedy
        lib.old()
        # ok: good
        lib.new()
        # expect: greedy
        lib.greedy()
        # ok: greedy
        lib.careful()
        """
    pack = _pack(tmp_path / "lib", rules, tests)
    result = run_cli("pack", "lint", str(pack))
    assert result.returncode == 1
    r = pack / "rules.yaml"
    out = result.stdout
    assert f"{r}:6: rule good: docs link is a placeholder: https://lib.example.org/migration" in out
    assert f"{r}:12: rule good: duplicate id (first at {r}:2)" in out
    assert f"{r}:15: rule good: message does not say what to do instead" in out
    assert f"{r}:16: rule good: docs link is not https: http://lib.readthedocs.io/" in out
    assert f"{r}:12: rule good: deprecation rule without a version gate (requires:)" in out
    assert f"{r}:12: rule good: deprecation rule without the `deprecated` tag" in out
    assert f"{r}:23: rule untested: message is 309 characters (at most 300)" in out
    for line in result.stdout.splitlines():
        assert line.startswith(f"{pack}/"), line
        assert line.split(":")[1].isdigit(), line


def test_rule_without_tests_is_reported(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "lib", GOOD.replace("example.org", "readthedocs.io"), "import lib\n")
    result = run_cli("pack", "lint", str(pack))
    assert result.returncode == 1
    rules = pack / "rules.yaml"
    assert result.stdout.splitlines() == [
        f"{rules}:2: rule without tests: rule lib/good has no 'expect' case in tests/",
        f"{rules}:2: rule without tests: rule lib/good has no 'ok' case in tests/",
    ]


def test_pattern_matching_its_own_ok_case(tmp_path: Path) -> None:
    greedy = GOOD.replace("example.org", "readthedocs.io").replace("lib.old($$$)", "lib.$F($$$)")
    tests = "import lib\n# expect: good\nlib.old()\n# ok: good\nlib.new()\n"
    pack = _pack(tmp_path / "lib", greedy, tests)
    result = run_cli("pack", "lint", str(pack))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{pack / 'tests' / 'cases.py'}:5: pattern matches its own ok case: "
        "lib/good reported on a line marked ok"
    ]


# What lint says about the bundled packs, checked so a change to either is deliberate.
BUNDLED = {
    "iceberg": [],
    "matplotlib": [],
    "mongodb": [],
    "mongodb-node": [],
    "openai": ["models.yaml:21: rule retired-model: deprecation rule without a version gate"],
    "pymongo": [],
    "python-ecosystem": [],
    "pytorch": [],
    "redis": [],
    "scikit-learn": [],
    "scipy": [],
    "seaborn": [],
    "tensorflow": [],
    "transformers": [],
}


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_bundled_packs(name: str) -> None:
    result = run_cli("pack", "lint", str(REPO / "rules" / name))
    lines = [line.split(f"rules/{name}/", 1)[-1] for line in result.stdout.splitlines()]
    assert [line.split(" (")[0] for line in lines] == BUNDLED[name]
    assert result.returncode == (1 if BUNDLED[name] else 0)


def test_not_a_pack_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("pack", "lint", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr == f"upstream: error: {tmp_path}: not a pack folder (no pack.yaml)\n"

"""The result cache of `upstream check`, through the real console entry point."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import run_cli, write_pack

RULES = """\
rules:
  - id: r
    title: eval
    languages: [python]
    message: "eval of {{X}}"
    docs: https://example.org/docs
    match:
      pattern: eval($X)
    fix: safe_eval($X)
  - id: gated
    title: gated
    languages: [python]
    message: foo.bar is gone in foo 2
    docs: https://example.org/docs
    imports: [foo]
    requires: {pypi: "foo>=2"}
    match:
      pattern: foo.bar($X)
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("UPSTREAM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("UPSTREAM_CACHE_STATS", "1")
    root = tmp_path / "proj"
    root.mkdir()
    (root / "a.py").write_text("import foo\nfoo.bar(1)\nz = eval(a)\n")
    (root / "b.py").write_text("y = eval(b)\n")
    (root / "c.py").write_text("x = 1\n")
    (root / "requirements.txt").write_text("foo==2.1\n")
    return root


def scan(project: Path, *args: str) -> tuple[list[dict[str, object]], tuple[int, int] | None]:
    pack = project.parent / "packs" / "t"
    if not pack.exists():
        write_pack(project.parent / "packs", RULES)
    result = run_cli(
        "check", "--no-bundled", "--pack", str(pack), "--format", "json", *args, ".", cwd=project
    )
    assert result.returncode in (0, 1), result.stderr
    stats = re.search(r"cache: (\d+) hits, (\d+) misses", result.stderr)
    counts = (int(stats.group(1)), int(stats.group(2))) if stats else None
    return json.loads(result.stdout), counts


def rules_by_file(findings: list[dict[str, object]]) -> set[tuple[object, object]]:
    return {(f["path"], f["rule"]) for f in findings}


def test_warm_rescan_is_answered_from_the_cache_exactly(project: Path) -> None:
    cold, cold_counts = scan(project)
    warm, warm_counts = scan(project)
    uncached, no_counts = scan(project, "--no-cache")
    assert cold_counts == (0, 3)
    assert warm_counts == (3, 0)
    assert no_counts is None
    assert warm == cold == uncached
    assert rules_by_file(cold) == {("a.py", "t/gated"), ("a.py", "t/r"), ("b.py", "t/r")}
    assert any(f["fix"] == "safe_eval(a)" for f in warm)


def test_editing_a_file_rechecks_only_that_file(project: Path) -> None:
    scan(project)
    (project / "b.py").write_text("y = 2\nw = eval(c)\n")
    findings, counts = scan(project)
    assert counts == (2, 1)
    assert [f["line"] for f in findings if f["path"] == "b.py"] == [2]


def test_editing_a_rule_invalidates_everything(project: Path) -> None:
    scan(project)
    rules = project.parent / "packs" / "t" / "rules.yaml"
    rules.write_text(rules.read_text().replace("eval of {{X}}", "no eval: {{X}}"))
    findings, counts = scan(project)
    assert counts == (0, 3)
    assert "no eval: b" in {f["message"] for f in findings}


def test_selecting_rules_invalidates(project: Path) -> None:
    scan(project)
    findings, counts = scan(project, "--ignore", "t/gated")
    assert counts == (0, 3)
    assert rules_by_file(findings) == {("a.py", "t/r"), ("b.py", "t/r")}


def test_a_version_change_rechecks_the_files_whose_gated_rules_it_affects(project: Path) -> None:
    scan(project)
    (project / "requirements.txt").write_text("foo==1.4\n")
    findings, counts = scan(project)
    # Only a.py imports foo, so only its gated rule asked the resolver.
    assert counts == (2, 1)
    assert rules_by_file(findings) == {("a.py", "t/r"), ("b.py", "t/r")}
    (project / "requirements.txt").write_text("foo==2.0\n")
    findings, counts = scan(project)
    assert counts == (2, 1)
    assert ("a.py", "t/gated") in rules_by_file(findings)


def test_a_corrupt_cache_is_ignored_and_rewritten(project: Path, tmp_path: Path) -> None:
    first, _ = scan(project)
    for file in (tmp_path / "cache").glob("*.json"):
        file.write_text('{"format": 1, "header": "x", "entries": {')
    again, counts = scan(project)
    assert counts == (0, 3) and again == first
    _, counts = scan(project)
    assert counts == (3, 0)


def test_fix_with_a_warm_cache_applies_fixes(project: Path) -> None:
    scan(project)
    scan(project, "--fix")
    assert (project / "b.py").read_text() == "y = safe_eval(b)\n"
    findings, counts = scan(project)
    assert counts == (1, 2)
    assert rules_by_file(findings) == {("a.py", "t/gated")}

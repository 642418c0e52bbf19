"""The CI formats end to end (issue 18, item 4): GitHub workflow commands, GitLab Code
Quality, JUnit XML, SARIF's partialFingerprints, and the pre-commit hook through the real
`pre-commit` tool."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import REPO, rule_yaml, run_cli, write_pack
from junitparser import Failure, JUnitXml

RULES = rule_yaml(
    "match:\n  pattern: eval($X)",
    message="eval runs 100% of its input, even a:b,c; call safe_eval",
)
SOURCE = "x = 1\neval(data)\n\n\neval(other)\n"

# The fields GitLab documents for a Code Quality report (docs.gitlab.com/ci/testing/code_quality).
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string"},
            "check_name": {"type": "string"},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text(SOURCE)
    return tmp_path


def check(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    pack = write_pack(project.parent / "packs", RULES)
    return run_cli("check", "--no-bundled", "--pack", str(pack), *args, "src", cwd=project)


def test_github_workflow_commands_escape_what_would_end_a_field(project):
    result = check(project, "--format", "github")
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        "::warning file=src/app.py,line=2,endLine=2,col=1,endColumn=11,"
        "title=t/r%3A A rule::eval runs 100%25 of its input, even a:b,c; call safe_eval "
        "(https://example.org/docs)",
        "::warning file=src/app.py,line=5,endLine=5,col=1,endColumn=12,"
        "title=t/r%3A A rule::eval runs 100%25 of its input, even a:b,c; call safe_eval "
        "(https://example.org/docs)",
    ]
    (project / "src" / "app.py").write_text("x = 1\n")
    clean = check(project, "--format", "github")
    assert clean.returncode == 0 and clean.stdout == ""


def test_github_drops_columns_on_a_finding_over_several_lines(project):
    (project / "src" / "app.py").write_text("eval(\n    data\n)\n")
    [line] = check(project, "--format", "github").stdout.splitlines()
    assert line.startswith("::warning file=src/app.py,line=1,endLine=3,title=")


def test_gitlab_code_quality_has_the_documented_fields_and_stable_fingerprints(project):
    result = check(project, "--format", "gitlab")
    assert result.returncode == 1, result.stderr
    issues = json.loads(result.stdout)
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert [(i["location"]["path"], i["location"]["lines"]["begin"]) for i in issues] == [
        ("src/app.py", 2),
        ("src/app.py", 5),
    ]
    assert issues[0]["severity"] == "minor" and issues[0]["check_name"] == "t/r"
    first = [issue["fingerprint"] for issue in issues]
    assert len(set(first)) == 2  # GitLab shows one issue per fingerprint
    # Lines added above move the findings, not their fingerprints.
    (project / "src" / "app.py").write_text("# a comment\n\n" + SOURCE)
    moved = json.loads(check(project, "--format", "gitlab").stdout)
    assert [issue["fingerprint"] for issue in moved] == first
    (project / "src" / "app.py").write_text("x = 1\n")
    assert json.loads(check(project, "--format", "gitlab").stdout) == []


def test_junit_is_read_by_a_junit_parser(project, tmp_path):
    out = tmp_path / "report.xml"
    result = check(project, "--format", "junit", "-o", str(out))
    assert result.returncode == 1, result.stderr
    xml = JUnitXml.fromfile(str(out))
    [suite] = list(xml)
    assert suite.name == "src/app.py" and suite.tests == 2 and suite.failures == 2
    cases = list(suite)
    assert [case.name for case in cases] == ["t/r at src/app.py:2:1", "t/r at src/app.py:5:1"]
    [failure] = cases[0].result
    assert isinstance(failure, Failure) and failure.type == "t/r"
    assert failure.message == "eval runs 100% of its input, even a:b,c; call safe_eval"
    (project / "src" / "app.py").write_text("x = 1\n")
    assert check(project, "--format", "junit", "-o", str(out)).returncode == 0
    assert list(JUnitXml.fromfile(str(out))) == []


def test_sarif_results_carry_partial_fingerprints_that_survive_moved_lines(project):
    schema = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
    log = json.loads(check(project, "--format", "sarif").stdout)
    jsonschema.validate(log, schema)
    first = [r["partialFingerprints"]["upstreamFinding/v1"] for r in log["runs"][0]["results"]]
    assert len(set(first)) == 2
    (project / "src" / "app.py").write_text("# a comment\n\n" + SOURCE)
    moved = json.loads(check(project, "--format", "sarif").stdout)["runs"][0]["results"]
    assert [r["partialFingerprints"]["upstreamFinding/v1"] for r in moved] == first


def test_the_composite_action_runs_upstream_and_uploads_sarif():
    action = yaml.safe_load((REPO / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    scripts = " ".join(step.get("run", "") for step in action["runs"]["steps"])
    assert "upstream check" in scripts and "--format sarif" in scripts
    uses = [step.get("uses", "") for step in action["runs"]["steps"]]
    assert any(use.startswith("github/codeql-action/upload-sarif@") for use in uses)


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_the_pre_commit_hook_through_pre_commit_try_repo(tmp_path):
    if not (REPO / ".git").exists():
        pytest.skip("try-repo needs this checkout to be a git repository")
    repo = tmp_path / "user-repo"
    repo.mkdir()
    (repo / "bad.py").write_text(
        'import openai\nopenai.ChatCompletion.create(model="gpt-4o", messages=[])\n'
    )
    (repo / "good.py").write_text("x = 1\n")
    (repo / "notes.txt").write_text("openai.ChatCompletion.create\n")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.pop("VIRTUAL_ENV", None)
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "."], cwd=repo, check=True)

    def hook(*files: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "upstream"]
        return subprocess.run(
            [*command, "--files", *files],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    failed = hook("bad.py", "good.py", "notes.txt")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "bad.py:2:1: openai/chat-completion-removed" in failed.stdout
    assert "notes.txt" not in failed.stdout  # not a type the hook asks for
    passed = hook("good.py")
    assert passed.returncode == 0, passed.stdout + passed.stderr

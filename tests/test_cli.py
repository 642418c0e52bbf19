"""The console entry point end to end: reports, exit codes, odd files, walking, gates."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import REPO, rule_yaml, run_cli, write_pack

SCHEMA = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
EVAL = rule_yaml("match:\n  pattern: eval($X)", extra="fix: safe_eval($X)")


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return write_pack(tmp_path / "packs", EVAL)


def check(pack: Path, *args: str, cwd: Path | None = None):  # type: ignore[no-untyped-def]
    return run_cli("check", "--no-bundled", "--pack", str(pack), *args, cwd=cwd)


def test_examples_report_findings_with_docs_links():
    result = run_cli("check", "examples/", cwd=REPO)
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("examples/")]
    assert lines, result.stdout
    for line in lines:
        location, _, rest = line.partition(": ")
        path, row, column = location.split(":")
        assert Path(REPO, path).is_file() and int(row) > 0 and int(column) > 0
        assert rest.split(" ")[0].count("/") == 1  # pack/rule
        assert rest.endswith("]") and "[https://" in rest


def test_text_format_and_exit_codes(tmp_path, pack):
    (tmp_path / "bad.py").write_text("x = 1\neval(data)\n")
    (tmp_path / "good.py").write_text("x = 1\n")
    bad = check(pack, str(tmp_path / "bad.py"))
    assert bad.returncode == 1
    assert bad.stdout.splitlines()[0] == (
        f"{tmp_path / 'bad.py'}:2:1: t/r found it [https://example.org/docs]"
    )
    good = check(pack, str(tmp_path / "good.py"))
    assert good.returncode == 0 and "no findings" in good.stdout


def test_json_format(tmp_path, pack):
    (tmp_path / "a.py").write_text("y = eval(data)\n")
    result = check(pack, "--format", "json", "a.py", cwd=tmp_path)
    assert json.loads(result.stdout) == [
        {
            "rule": "t/r",
            "path": "a.py",
            "line": 1,
            "column": 5,
            "end_line": 1,
            "end_column": 15,
            "severity": "warning",
            "message": "found it",
            "docs": "https://example.org/docs",
            "fix": "safe_eval(data)",
        }
    ]


def test_sarif_validates_against_the_schema(tmp_path, pack):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text("eval(data)\n")
    result = check(pack, "--format", "sarif", ".", cwd=tmp_path)
    log = json.loads(result.stdout)
    jsonschema.validate(log, SCHEMA)
    run = log["runs"][0]
    assert run["tool"]["driver"]["rules"][0]["helpUri"] == "https://example.org/docs"
    [found] = run["results"]
    assert found["ruleId"] == "t/r" and found["level"] == "warning"
    location = found["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "src/a.py"
    assert location["region"]["startLine"] == 1


def test_sarif_of_bundled_packs_validates(tmp_path):
    out = tmp_path / "report.sarif"
    result = run_cli("check", "--format", "sarif", "-o", str(out), "examples/", cwd=REPO)
    assert result.returncode == 1, result.stderr
    log = json.loads(out.read_text())
    jsonschema.validate(log, SCHEMA)
    assert log["runs"][0]["results"]


def test_the_engines_own_warning_has_no_docs_link_in_any_format(tmp_path, pack):
    # Code nested past the depth limit: one warning of the engine, which no pack's rule owns.
    (tmp_path / "deep.py").write_text("f(" * 600 + "x" + ")" * 600 + "\n")
    text = check(pack, "deep.py", cwd=tmp_path)
    assert text.returncode == 1, text.stderr
    assert text.stdout.splitlines()[0] == (
        "deep.py:1:499: upstream/nested-too-deeply skipped: code nested more than 500 levels "
        "deep, from here on, was not searched for any rule"
    )
    log = json.loads(check(pack, "--format", "sarif", "deep.py", cwd=tmp_path).stdout)
    jsonschema.validate(log, SCHEMA)
    [found] = log["runs"][0]["results"]
    assert found["ruleId"] == "upstream/nested-too-deeply" and "ruleIndex" not in found


def test_odd_files_are_skipped_with_one_line(tmp_path, pack):
    (tmp_path / "binary.py").write_bytes(b"\x00\x01\x02eval(x)")
    (tmp_path / "latin1.py").write_bytes("s = 'caf\xe9'\neval(x)\n".encode("latin-1"))
    (tmp_path / "empty.py").write_text("")
    (tmp_path / "big.py").write_bytes(b"x = 1\n" * (10 * 1024 * 1024 // 6 + 1))
    result = check(pack, str(tmp_path))
    assert "Traceback" not in result.stderr
    skipped = sorted(line for line in result.stderr.splitlines())
    assert len(skipped) == 3, result.stderr
    assert any("binary.py: skipped: binary file" in line for line in skipped)
    assert any("latin1.py: skipped: not UTF-8" in line for line in skipped)
    assert any("big.py: skipped: 10.0 MB is over the 8 MB limit" in line for line in skipped)
    assert result.returncode == 0


def test_large_file_can_be_checked_when_allowed(tmp_path, pack):
    big = tmp_path / "big.py"
    big.write_bytes(b"x = 1\n" * (10 * 1024 * 1024 // 6) + b"eval(x)\n")
    result = check(pack, "--max-file-size", str(20 * 1024 * 1024), str(big))
    assert result.returncode == 1 and ":1747627:1: t/r" in result.stdout


def test_a_folder_of_2000_files(tmp_path, pack):
    for index in range(2000):
        folder = tmp_path / "tree" / f"d{index % 20}"
        folder.mkdir(parents=True, exist_ok=True)
        body = "eval(x)\n" if index % 500 == 0 else f"value_{index} = {index}\n"
        (folder / f"m{index}.py").write_text(body)
    result = check(pack, "--format", "json", str(tmp_path / "tree"))
    assert result.returncode == 1 and result.stderr == ""
    assert len(json.loads(result.stdout)) == 4


def test_gitignore_and_default_excludes(tmp_path, pack):
    (tmp_path / ".gitignore").write_text("generated/\n*.gen.py\n")
    for name in ("generated/a.py", "b.gen.py", "node_modules/c.py", "src/d.py"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("eval(x)\n")
    result = check(pack, "--format", "json", ".", cwd=tmp_path)
    assert [f["path"] for f in json.loads(result.stdout)] == ["src/d.py"]


def test_explicit_file_is_checked_even_if_ignored(tmp_path, pack):
    (tmp_path / ".gitignore").write_text("*.gen.py\n")
    (tmp_path / "b.gen.py").write_text("eval(x)\n")
    assert check(pack, "b.gen.py", cwd=tmp_path).returncode == 1


def test_missing_path_is_a_usage_error(tmp_path, pack):
    result = check(pack, str(tmp_path / "nope.py"))
    assert result.returncode == 2
    assert result.stderr == f"upstream: error: {tmp_path / 'nope.py'}: no such file or folder\n"


def test_version_gate_reads_the_nearest_manifest(tmp_path):
    rules = rule_yaml(
        "match:\n  pattern: $C.insert($D)", extra="requires: { pypi: 'pymongo>=4.0' }"
    )
    gated = write_pack(tmp_path / "packs", rules)
    old, new, unknown = tmp_path / "old", tmp_path / "new", tmp_path / "unknown"
    for folder in (old, new, unknown):
        folder.mkdir()
        (folder / "app.py").write_text("db.c.insert(doc)\n")
    (old / "requirements.txt").write_text("pymongo==3.13.0\n")
    (new / "requirements.txt").write_text("pymongo>=4.6\n")

    def found(folder: Path, *flags: str) -> int:
        result = check(gated, "--format", "json", *flags, str(folder / "app.py"))
        return len(json.loads(result.stdout))

    assert found(old) == 0
    assert found(new) == 1
    assert found(unknown) == 1
    assert found(unknown, "--unknown-version", "skip") == 0


def test_a_dependency_gate_opens_for_a_project_that_lists_the_package(tmp_path):
    # A controller uses a Mongoose model from the app's own module and never imports
    # mongoose: `gate: dependency` lets the manifest say the library is in play.
    rules = rule_yaml(
        "match:\n  pattern: $M.findOneAndRemove($$$)",
        languages="[javascript]",
        extra="requires: { npm: 'mongoose>=8.0' }\nimports: [mongoose]\ngate: dependency",
    )
    plain = rule_yaml(
        "match:\n  pattern: $M.findOneAndRemove($$$)",
        languages="[javascript]",
        extra="requires: { npm: 'mongoose>=8.0' }\nimports: [mongoose]",
    )
    controller = 'const User = require("../models/user");\nUser.findOneAndRemove({ _id: id });\n'
    projects = {"v8": '"mongoose": "^8.1.0"', "v7": '"mongoose": "^7.6.0"', "none": '"x": "1"'}
    for name, dependency in projects.items():
        (tmp_path / name / "controllers").mkdir(parents=True)
        (tmp_path / name / "package.json").write_text(f'{{"dependencies": {{{dependency}}}}}')
        (tmp_path / name / "controllers" / "user.js").write_text(controller)

    def found(pack_yaml: str, project: str) -> int:
        pack = write_pack(tmp_path / "packs" / str(abs(hash(pack_yaml))), pack_yaml)
        file = tmp_path / project / "controllers" / "user.js"
        return len(json.loads(check(pack, "--format", "json", "--no-cache", str(file)).stdout))

    assert found(rules, "v8") == 1
    # The version gate still holds; a project that does not list mongoose, and a rule
    # without the gate, see nothing.
    assert found(rules, "v7") == 0
    assert found(rules, "none") == 0
    assert found(plain, "v8") == 0


def test_a_dependency_gate_needs_imports_and_requires(tmp_path):
    rules = rule_yaml("match:\n  pattern: $M.findOneAndRemove($$$)", extra="gate: dependency")
    result = check(write_pack(tmp_path / "packs", rules), "--format", "json", str(tmp_path))
    assert result.returncode == 2, result.stdout
    assert "gate: dependency needs `imports:` and a package in `requires:`" in result.stderr


def test_rules_list_and_explain():
    listing = run_cli("rules", cwd=REPO)
    assert listing.returncode == 0
    assert "mongodb/shard-key-monotonic" in listing.stdout
    assert "openai/chat-completion-removed" in listing.stdout
    explained = run_cli("rules", "explain", "openai/chat-completion-removed", cwd=REPO)
    assert explained.returncode == 0
    assert "docs:      https://" in explained.stdout and "severity:  error" in explained.stdout
    typed = run_cli("rules", "explain", "pymongo/collection-save-removed", cwd=REPO)
    expected = "types:     $C is pymongo.Collection (a value of unknown type does not count)"
    assert expected in typed.stdout
    unknown = run_cli("rules", "explain", "nope", cwd=REPO)
    assert unknown.returncode == 2 and "no rule 'nope'" in unknown.stderr


def test_no_command_prints_help():
    result = run_cli()
    assert result.returncode == 2 and "check" in result.stdout

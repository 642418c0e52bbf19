"""`upstream test`: the bundled packs pass, and a wrong pack test is caught."""

from __future__ import annotations

from conftest import REPO, rule_yaml, run_cli, write_pack

EVAL = rule_yaml("match:\n  pattern: eval($X)", extra="fix: safe_eval($X)")


def test_bundled_packs_pass():
    result = run_cli("test", cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "mongodb:" in result.stdout and "openai:" in result.stdout


def make(tmp_path, test_code: str, fixed: str | None = None):  # type: ignore[no-untyped-def]
    pack = write_pack(tmp_path, EVAL)
    (pack / "tests").mkdir()
    (pack / "tests" / "cases.py").write_text(test_code)
    if fixed is not None:
        (pack / "tests" / "cases.fixed.py").write_text(fixed)
    return run_cli("test", str(pack))


def test_passing_pack(tmp_path):
    result = make(
        tmp_path,
        "# expect: r\neval(a)\n# ok: r\nprint(a)\n",
        "# expect: r\nsafe_eval(a)\n# ok: r\nprint(a)\n",
    )
    assert result.returncode == 0, result.stdout
    assert "t: 1 rules, 1 files, 3 cases: ok" in result.stdout


def test_missed_expect_is_reported_with_file_and_line(tmp_path):
    result = make(tmp_path, "# ok: r\nprint(a)\n# expect: r\nprint(b)\n")
    assert result.returncode == 1
    assert "cases.py:4: expected t/r, not reported" in result.stdout


def test_false_positive_on_ok_line(tmp_path):
    result = make(tmp_path, "# expect: r\neval(a)\n# ok: r\neval(b)\n")
    assert (
        result.returncode == 1 and "cases.py:4: t/r reported on a line marked ok" in result.stdout
    )


def test_unannotated_finding(tmp_path):
    result = make(tmp_path, "# expect: r\neval(a)\n# ok: r\nprint(a)\neval(c)\n")
    assert result.returncode == 1 and "cases.py:5: unexpected t/r" in result.stdout


def test_rule_without_ok_case(tmp_path):
    result = make(tmp_path, "# expect: r\neval(a)\n")
    assert result.returncode == 1 and "rule t/r has no 'ok' case" in result.stdout


def test_fixed_file_mismatch(tmp_path):
    result = make(
        tmp_path,
        "# expect: r\neval(a)\n# ok: r\nprint(a)\n",
        "# expect: r\neval(a)\n# ok: r\nprint(a)\n",
    )
    assert result.returncode == 1 and "cases.fixed.py: fixed text differs" in result.stdout
    assert "+safe_eval(a)" in result.stdout


def test_unknown_rule_in_annotation(tmp_path):
    result = make(tmp_path, "# expect: r, nope\neval(a)\n# ok: r\nprint(a)\n")
    assert result.returncode == 1 and "unknown rule 'nope'" in result.stdout

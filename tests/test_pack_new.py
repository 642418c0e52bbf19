"""`upstream pack new`: the scaffold passes its own tests and lints clean but for TODOs."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli


@pytest.mark.parametrize(
    "languages",
    [["python"], ["javascript"], ["typescript"], ["java"], ["go"], ["python", "javascript"]],
)
def test_scaffold_passes_upstream_test(tmp_path: Path, languages: list[str]) -> None:
    folder = tmp_path / "my-lib"
    options = [arg for language in languages for arg in ("--language", language)]
    created = run_cli("pack", "new", "my-lib", *options, "-o", str(folder))
    assert created.returncode == 0, created.stderr
    assert (folder / "pack.yaml").is_file() and (folder / "README.md").is_file()
    tests = sorted(p.name for p in (folder / "tests").iterdir())
    assert len(tests) == len(languages)
    result = run_cli("test", str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"1 rules, {len(languages)} files, {2 * len(languages)} cases: ok" in result.stdout


def test_scaffold_lint_flags_only_the_placeholder(tmp_path: Path) -> None:
    folder = tmp_path / "mylib"
    run_cli("pack", "new", "mylib", "-o", str(folder), check=True)
    result = run_cli("pack", "lint", str(folder))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{folder / 'rules.yaml'}:11: rule old-method-removed: docs link is a placeholder: "
        "https://example.com/TODO/mylib/migration"
    ]


def test_default_folder_is_the_name_and_never_overwrites(tmp_path: Path) -> None:
    run_cli("pack", "new", "acme", cwd=tmp_path, check=True)
    assert (tmp_path / "acme" / "tests" / "example_python.py").is_file()
    again = run_cli("pack", "new", "acme", cwd=tmp_path)
    assert again.returncode == 2
    assert "already exists and is not empty" in again.stderr


def test_bad_name_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("pack", "new", "Bad Name", cwd=tmp_path)
    assert result.returncode == 2
    assert "pack name 'Bad Name'" in result.stderr

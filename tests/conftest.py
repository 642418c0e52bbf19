from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from upstream.engine import LANGUAGES, CheckOptions, Finding, check
from upstream.packs import LoadedRules, load_rule_set

REPO = Path(__file__).resolve().parent.parent
_CACHE_DIR = tempfile.mkdtemp(prefix="upstream-test-cache-")


@pytest.fixture(autouse=True)
def _no_active_virtualenv(monkeypatch: pytest.MonkeyPatch) -> None:
    """The virtualenv running the tests is not the environment of the projects they make,
    nor is a .venv in this checkout (tests/test_library_packs.py makes its own)."""
    monkeypatch.delenv("VIRTUAL_ENV", raising=False)
    monkeypatch.setenv("UPSTREAM_PYTHON_ENVIRONMENT", "none")


def write_pack(root: Path, rules_yaml: str, name: str = "t", manifest: str | None = None) -> Path:
    """A pack folder with one rule file; returns its path."""
    pack = root / name
    pack.mkdir(parents=True, exist_ok=True)
    (pack / "pack.yaml").write_text(
        manifest or f"name: {name}\nversion: 0.1.0\ntitle: Test pack\n", encoding="utf-8"
    )
    (pack / "rules.yaml").write_text(textwrap.dedent(rules_yaml), encoding="utf-8")
    return pack


def rule_yaml(
    match: str, languages: str = "[python]", extra: str = "", message: str = "found it"
) -> str:
    """One rule named `r` with the given (already indented-as-YAML) match block."""
    return (
        "rules:\n"
        "  - id: r\n"
        "    title: A rule\n"
        f"    languages: {languages}\n"
        f"    message: {message!r}\n"
        "    docs: https://example.org/docs\n"
        + textwrap.indent(textwrap.dedent(match).strip("\n"), "    ")
        + "\n"
        + (textwrap.indent(textwrap.dedent(extra).strip("\n"), "    ") + "\n" if extra else "")
    )


@pytest.fixture
def load(tmp_path: Path) -> Callable[[str], LoadedRules]:
    def _load(rules_yaml: str) -> LoadedRules:
        loaded = load_rule_set([write_pack(tmp_path / "packs", rules_yaml)])
        assert not loaded.problems, loaded.problems
        return loaded

    return _load


@pytest.fixture
def find(load: Callable[[str], LoadedRules]) -> Callable[..., list[Finding]]:
    """find(rules_yaml, code, language="python", **options) -> findings."""

    def _find(
        rules_yaml: str, code: str, language: str = "python", **options: object
    ) -> list[Finding]:
        loaded = load(rules_yaml)
        return check(
            textwrap.dedent(code),
            LANGUAGES[language],
            loaded.rule_set,
            "test",
            CheckOptions(**options),  # type: ignore[arg-type]
        )

    return _find


def lines(findings: list[Finding]) -> list[int]:
    """1-based start lines of findings."""
    return [finding.start.line + 1 for finding in findings]


def run_cli(
    *args: str, cwd: Path | None = None, check: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run the real console entry point (`python -m upstream`) in a subprocess."""
    # The result cache goes to a folder of this test run, not the user's cache.
    env = {"UPSTREAM_CACHE_DIR": _CACHE_DIR, **os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(
        [sys.executable, "-m", "upstream", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=check,
        timeout=600,
    )

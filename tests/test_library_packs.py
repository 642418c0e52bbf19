"""Packs that libraries ship, found in the project's environment: a real wheel pip-installed
into the project's .venv, and a real npm tarball installed into its node_modules.

The demo library's ``__init__`` raises: upstream must read the pack from files, never import
the library. Its one rule is for versions before 2.0, so upgrading the library makes the
finding go; uninstalling it removes the pack.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import rule_yaml, run_cli
from lsp_support import open_and_wait, server_session
from lsprotocol import types
from upstream.project.environment import find_environment
from upstream.workspace import PackRequest, resolve_workspace


@pytest.fixture(autouse=True)
def _project_environments(monkeypatch: pytest.MonkeyPatch) -> None:
    # These tests are about the projects' own .venv (conftest turns environments off).
    monkeypatch.delenv("UPSTREAM_PYTHON_ENVIRONMENT")


PY_APP = "import acmelib\n\nacmelib.connect('db://x')\n"
JS_APP = 'const acme = require("acme-js");\n\nacme.connect("db://x");\n'


def _rules(language: str, package: str, ecosystem: str) -> str:
    return textwrap.dedent(
        f"""\
        rules:
          - id: connect-removed
            title: connect() was removed
            languages: [{language}]
            message: "acme.connect() was removed in 2.0; use acme.Client()"
            docs: https://example.org/acme/2.0
            requires: {{ {ecosystem}: "{package}<2" }}
            match:
              pattern: $A.connect($$$)
            where:
              A: {{ regex: "^(acmelib|acme)$" }}
        """
    )


def _pack(folder: Path, name: str, rules: str) -> None:
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(f"name: {name}\nversion: 1.0.0\ntitle: {name} rules\n")
    (folder / "rules.yaml").write_text(rules)


def _run(*command: str | Path, cwd: Path | None = None) -> str:
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"{command}: {result.stdout}\n{result.stderr}"
    return result.stdout


def _found(project: Path, file: str) -> set[str]:
    result = run_cli("check", "--format", "json", "--no-cache", file, cwd=project)
    assert result.returncode in (0, 1), result.stderr
    return {item["rule"] for item in json.loads(result.stdout)}


# ------------------------------------------------------------------------------ Python


def _library_wheel(base: Path, version: str) -> Path:
    """``acmelib`` VERSION, its pack inside the library as ``acmelib._rules``."""
    source = base / f"acmelib-{version}"
    (source / "acmelib").mkdir(parents=True)
    (source / "acmelib" / "__init__.py").write_text('raise RuntimeError("never import me")\n')
    _pack(source / "acmelib" / "_rules", "acme", _rules("python", "acmelib", "pypi"))
    (source / "pyproject.toml").write_text(
        textwrap.dedent(
            f"""\
            [build-system]
            requires = ["setuptools>=61"]
            build-backend = "setuptools.build_meta"

            [project]
            name = "acmelib"
            version = "{version}"

            [project.entry-points."upstream.packs"]
            acme = "acmelib._rules"

            [tool.setuptools]
            packages = ["acmelib", "acmelib._rules"]

            [tool.setuptools.package-data]
            "acmelib._rules" = ["*.yaml"]
            """
        )
    )
    out = base / "dist"
    # No build isolation: the test's own setuptools builds it, with no download.
    _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-build-isolation", "--no-deps",
         "-w", out, source)  # fmt: skip
    [wheel] = out.glob(f"acmelib-{version}-*.whl")
    return wheel


@pytest.fixture(scope="module")
def python_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("setuptools")
    base = tmp_path_factory.mktemp("pylib")
    project = base / "project"
    project.mkdir()
    (project / "app.py").write_text(PY_APP)
    _run(sys.executable, "-m", "venv", project / ".venv")
    return project


def test_a_wheel_installed_in_the_venv_brings_its_pack(python_project: Path) -> None:
    project = python_project
    wheel = _library_wheel(project.parent, "1.0.0")
    _venv_pip(project, "install", wheel)
    assert _found(project, "app.py") == {"acme/connect-removed"}

    workspace = resolve_workspace(project, PackRequest(offline=True))
    [library] = [s for s in workspace.packs.sources if s.origin == "library"]
    assert library.detail.startswith("library acmelib 1.0.0 from ")
    listing = run_cli("pack", "list", cwd=project).stdout
    assert "acme 1.0.0  library acmelib 1.0.0 from " in listing

    # 2.0.0: the rule is for versions before 2.0, and the installed version decides.
    _venv_pip(project, "install", _library_wheel(project.parent / "v2", "2.0.0"))
    assert _found(project, "app.py") == set()

    _venv_pip(project, "uninstall", "acmelib")
    assert "acme" not in run_cli("pack", "list", cwd=project).stdout
    assert _found(project, "app.py") == set()


def test_library_packs_false_turns_them_off(python_project: Path) -> None:
    project = python_project
    _venv_pip(project, "install", _library_wheel(project.parent / "v1b", "1.0.0"))
    try:
        (project / "upstream.toml").write_text("library-packs = false\n")
        assert _found(project, "app.py") == set()
        (project / "upstream.toml").write_text('library-packs = ["acmelib"]\n')
        assert _found(project, "app.py") == {"acme/connect-removed"}
    finally:
        (project / "upstream.toml").unlink()
        _venv_pip(project, "uninstall", "acmelib")


async def test_the_language_server_re_resolves_when_the_environment_changes(
    python_project: Path,
) -> None:
    project = python_project
    _venv_pip(project, "install", _library_wheel(project.parent / "v1c", "1.0.0"))
    async with server_session(project) as client:
        diagnostics = await open_and_wait(client, project / "app.py", PY_APP, "python")
        assert [d.code for d in diagnostics] == ["acme/connect-removed"]

        dist_info = next(find_environment(project).site_packages[0].glob("acmelib-*.dist-info"))
        _venv_pip(project, "uninstall", "acmelib")
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=dist_info.as_uri(), type=types.FileChangeType.Deleted)]
            )
        )
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        assert list(client.diagnostics[(project / "app.py").as_uri()]) == []


async def _lsp_codes(project: Path, file: str, text: str, language: str) -> list[str]:
    """The rule ids the language server reports for ``file`` of ``project`` on opening it."""
    async with server_session(project) as client:
        return [str(d.code) for d in await open_and_wait(client, project / file, text, language)]


def _venv_pip(project: Path, command: str, target: str | Path) -> None:
    """The project venv's own pip: install a wheel (replacing another version), or uninstall."""
    python = project / ".venv" / "bin" / "python"
    if command == "install":
        _run(python, "-m", "pip", "install", "-q", "--no-index", "--no-deps", target)
    else:
        _run(python, "-m", "pip", "uninstall", "-q", "-y", target)


def _built_pack(base: Path) -> Path:
    """A pack whose own tests pass, for `upstream pack build`."""
    pack = base / "eval-rules"
    _pack(pack, "evalrules", rule_yaml("match:\n  pattern: eval($X)", message="no eval"))
    (pack / "tests").mkdir()
    (pack / "tests" / "cases.py").write_text("# expect: r\neval(a)\n# ok: r\nprint(a)\n")
    return pack


def test_a_wheel_from_pack_build_is_found_the_same_way(python_project: Path) -> None:
    project = python_project
    out = project.parent / "built"
    pack = _built_pack(project.parent / "src-built")
    result = run_cli("pack", "build", str(pack), "--wheel", "-o", str(out))
    assert result.returncode == 0, result.stderr
    [wheel] = out.glob("evalrules_upstream_rules-1.0.0-py3-none-any.whl")
    (project / "uses_eval.py").write_text("result = eval(source)\n")
    _venv_pip(project, "install", wheel)
    try:
        assert _found(project, "uses_eval.py") == {"evalrules/r"}
    finally:
        _venv_pip(project, "uninstall", "evalrules-upstream-rules")
    assert _found(project, "uses_eval.py") == set()


# --------------------------------------------------------------------------------- npm


def _npm_tarball(base: Path, version: str) -> Path:
    source = base / f"acme-js-{version}"
    source.mkdir(parents=True)
    (source / "index.js").write_text('throw new Error("never load me");\n')
    _pack(source / "upstream-rules", "acme-js", _rules("javascript", "acme-js", "npm"))
    manifest = {
        "name": "acme-js",
        "version": version,
        "main": "index.js",
        "files": ["index.js", "upstream-rules"],
        "upstream": {"pack": "upstream-rules"},
    }
    (source / "package.json").write_text(json.dumps(manifest))
    out = base / "dist"
    out.mkdir(exist_ok=True)
    _run("npm", "pack", "--silent", "--pack-destination", out, cwd=source)
    return out / f"acme-js-{version}.tgz"


@pytest.mark.skipif(shutil.which("npm") is None, reason="needs npm")
async def test_an_npm_package_in_node_modules_brings_its_pack(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "package.json").write_text('{"name": "app", "version": "1.0.0", "private": true}')
    (project / "app.js").write_text(JS_APP)
    env = {**os.environ, "npm_config_cache": str(tmp_path / "npm-cache")}

    def npm(*args: str | Path) -> None:
        result = subprocess.run(
            ["npm", *map(str, args), "--no-audit", "--no-fund", "--offline"],
            cwd=project, capture_output=True, text=True, timeout=300, env=env,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr

    npm("install", _npm_tarball(tmp_path, "1.0.0"))
    assert (project / "node_modules" / "acme-js" / "upstream-rules" / "pack.yaml").is_file()
    assert _found(project, "app.js") == {"acme-js/connect-removed"}
    codes = await _lsp_codes(project, "app.js", JS_APP, "javascript")
    assert codes == ["acme-js/connect-removed"]

    npm("install", _npm_tarball(tmp_path / "v2", "2.0.0"))
    assert _found(project, "app.js") == set()
    assert await _lsp_codes(project, "app.js", JS_APP, "javascript") == []

    npm("install", _npm_tarball(tmp_path / "v1", "1.0.0"))
    assert _found(project, "app.js") == {"acme-js/connect-removed"}
    npm("uninstall", "acme-js")
    assert "acme-js" not in run_cli("pack", "list", cwd=project).stdout
    assert _found(project, "app.js") == set()

    # The tarball `upstream pack build --npm` writes installs and is found the same way.
    pack = _built_pack(tmp_path / "src-built")
    (pack / "rules.yaml").write_text(
        rule_yaml("match:\n  pattern: eval($X)", languages="[javascript]", message="no eval")
    )
    (pack / "tests" / "cases.py").unlink()
    (pack / "tests" / "cases.js").write_text("// expect: r\neval(a);\n// ok: r\nprint(a);\n")
    result = run_cli("pack", "build", str(pack), "--npm", "-o", str(tmp_path / "built"))
    assert result.returncode == 0, result.stderr
    npm("install", tmp_path / "built" / "evalrules-upstream-rules-1.0.0.tgz")
    (project / "uses_eval.js").write_text("const result = eval(source);\n")
    assert _found(project, "uses_eval.js") == {"evalrules/r"}


def test_a_broken_library_pack_is_one_problem_and_the_others_still_run(tmp_path: Path) -> None:
    project = tmp_path / "project"
    site = project / ".venv" / "lib" / "python3.11" / "site-packages"
    site.mkdir(parents=True)
    (project / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    names = ("nopack", "badpack", "linkpack")
    for name, target in ((name, f"{name}._rules") for name in names):
        dist_info = site / f"{name}-1.0.dist-info"
        dist_info.mkdir()
        (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
        (dist_info / "entry_points.txt").write_text(f"[upstream.packs]\n{name} = {target}\n")
    bad = site / "badpack" / "_rules"
    bad.mkdir(parents=True)
    (bad / "pack.yaml").write_text("name: badpack\nversion: 1.0.0\ntitle: Bad\n")
    (bad / "rules.yaml").write_text("rules:\n  - id: r\n    title: x\n")  # no message, docs...
    linked = site / "linkpack" / "_rules"
    linked.mkdir(parents=True)
    (linked / "pack.yaml").write_text("name: linkpack\nversion: 1.0.0\ntitle: Link\n")
    (linked / "secrets.yaml").symlink_to("/etc/passwd")
    (project / "app.py").write_text(
        PY_APP.replace("acmelib", "openai") + "openai.Completion.create()\n"
    )
    result = run_cli("check", "--no-cache", "app.py", cwd=project)
    assert result.returncode == 2
    assert "openai/" in result.stdout  # the bundled packs still ran
    lines = result.stderr.splitlines()
    nopack = site / "nopack-1.0.dist-info" / "entry_points.txt"
    assert (
        f"upstream: pack skipped: {nopack}: [upstream.packs] nopack = nopack._rules: " in lines[0]
    )
    assert any(
        line.startswith(f"upstream: pack skipped: {bad / 'rules.yaml'}:2: ") for line in lines
    )

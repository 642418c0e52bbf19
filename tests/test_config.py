"""Project configuration through the real CLI: pyproject.toml and upstream.toml."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import rule_yaml, run_cli, write_pack
from upstream.errors import ConfigError
from upstream.project.config import find_config, load_config

RULES = rule_yaml("match:\n  pattern: eval($X)") + rule_yaml("match:\n  pattern: exec($X)").replace(
    "rules:\n", ""
).replace("id: r", "id: s")


def project(tmp_path: Path, config_name: str, config: str) -> Path:
    pack = write_pack(tmp_path / "packs", RULES)
    (tmp_path / config_name).write_text(config.replace("PACK", str(pack)))
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text("eval(x)\nexec(y)\n")
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "old.py").write_text("eval(z)\n")
    return tmp_path


def findings(root: Path) -> list[dict[str, object]]:
    result = run_cli("check", "--no-bundled", "--format", "json", ".", cwd=root)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_pyproject_disable_severity_exclude_and_pack_paths(tmp_path):
    root = project(
        tmp_path,
        "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.upstream]\npack-paths = ["PACK"]\n'
        'disable = ["t/s"]\nseverity = { "t/r" = "error" }\nexclude = ["legacy/"]\n',
    )
    found = findings(root)
    assert [(f["rule"], f["path"], f["severity"]) for f in found] == [("t/r", "src/a.py", "error")]


def test_upstream_toml(tmp_path):
    root = project(tmp_path, "upstream.toml", 'pack-paths = ["PACK"]\ndisable = ["t"]\n')
    assert findings(root) == []


def test_config_error_names_the_key(tmp_path):
    root = project(
        tmp_path, "upstream.toml", 'pack-paths = ["PACK"]\nseverity = { "t/r" = "loud" }\n'
    )
    result = run_cli("check", "--no-bundled", ".", cwd=root)
    assert result.returncode == 2
    assert result.stderr.startswith("upstream: error: ")
    assert "upstream.toml: severity.t/r:" in result.stderr and "Traceback" not in result.stderr


def test_unknown_key_is_an_error(tmp_path):
    (tmp_path / "upstream.toml").write_text("disabled = ['x']\n")
    try:
        load_config(find_config(tmp_path))
    except ConfigError as error:
        assert "upstream.toml: disabled: Extra inputs are not permitted" in str(error)
    else:
        raise AssertionError("expected a ConfigError")


def test_invalid_toml(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.upstream\n")
    result = run_cli("check", "--no-bundled", ".", cwd=tmp_path)
    assert result.returncode == 2 and "invalid TOML" in result.stderr


def test_pyproject_without_table_is_not_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(tmp_path) is None or find_config(tmp_path).parent != tmp_path


def test_select_and_ignore_flags(tmp_path):
    pack = write_pack(tmp_path, RULES)
    (tmp_path / "a.py").write_text("eval(x)\nexec(y)\n")
    base = ["check", "--no-bundled", "--pack", str(pack), "--format", "json", "a.py"]
    selected = json.loads(run_cli(*base, "--select", "t/s", cwd=tmp_path).stdout)
    ignored = json.loads(run_cli(*base, "--ignore", "t/s", cwd=tmp_path).stdout)
    assert [f["rule"] for f in selected] == ["t/s"]
    assert [f["rule"] for f in ignored] == ["t/r"]
